<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ExportFlow</name>
    <message numerus="yes">
        <source>Exported %n row(s) to {target}</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message numerus="yes">
        <source>&amp;Import %n lead(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ListFiles</name>
    <message numerus="yes">
        <source>Saving %n lead(s)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{name}: %n lead(s) imported. The first is in the form: press Return to call it.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n number(s) are on the do-not-call list now.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cell(s) were not numbers: left out.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n lead(s) to {file}.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ListFlow</name>
    <message numerus="yes">
        <source>{number} has had %n attempt(s), the most a lead gets: next lead.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n call(s) from the last session never got an answer and may have rung, but they could not be marked Unknown ({reason}): check before calling those customers again.</source>
        <translation>
            <numerusform>%n call from the last session never got an answer and may have rung, but it could not be marked Unknown ({reason}): check before calling that customer again.</numerusform>
            <numerusform>%n calls from the last session never got an answer and may have rung, but they could not be marked Unknown ({reason}): check before calling those customers again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) from the last session never got an answer and may have rung: they are marked Unknown below. Check before calling again.</source>
        <translation>
            <numerusform>%n call from the last session never got an answer and may have rung: it is marked Unknown below. Check before calling again.</numerusform>
            <numerusform>%n calls from the last session never got an answer and may have rung: they are marked Unknown below. Check before calling again.</numerusform>
        </translation>
    </message>
</context>
</TS>
