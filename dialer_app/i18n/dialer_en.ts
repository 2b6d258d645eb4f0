<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>HistoryFlow</name>
    <message numerus="yes">
        <source>Exported %n row(s) to {file}</source>
        <translation>
            <numerusform>Exported %n row to {file}</numerusform>
            <numerusform>Exported %n rows to {file}</numerusform>
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
