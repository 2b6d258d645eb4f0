<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ExportFlow</name>
    <message numerus="yes">
        <source>Exported %n row(s) to {target}</source>
        <translation>
            <numerusform>Exported %n row to {target}</numerusform>
            <numerusform>Exported %n rows to {target}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message numerus="yes">
        <source>&amp;Import %n lead(s)</source>
        <translation>
            <numerusform>&amp;Import %n lead</numerusform>
            <numerusform>&amp;Import %n leads</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n lead(s) are ready to call from {file}.</source>
        <translation>
            <numerusform>%n lead is ready to call from {file}.</numerusform>
            <numerusform>%n leads are ready to call from {file}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n lead(s) have a second number in the same cell: it is kept as the lead&apos;s other number (F4 calls it).</source>
        <translation>
            <numerusform>%n lead has a second number in the same cell: it is kept as the lead&apos;s other number (F4 calls it).</numerusform>
            <numerusform>%n leads have a second number in the same cell: each is kept as the lead&apos;s other number (F4 calls it).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) are refused (below): they are kept in the list as refused, never called.</source>
        <translation>
            <numerusform>%n row is refused (below): it is kept in the list as refused, never called.</numerusform>
            <numerusform>%n rows are refused (below): they are kept in the list as refused, never called.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The first %n refused rows are shown.</source>
        <translation>
            <numerusform>The first %n refused row is shown.</numerusform>
            <numerusform>The first %n refused rows are shown.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LeadListFiles</name>
    <message numerus="yes">
        <source>Saving %n lead(s)…</source>
        <translation>
            <numerusform>Saving %n lead…</numerusform>
            <numerusform>Saving %n leads…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{name}: %n lead(s) imported. The first is in the form: press Return to call it.</source>
        <translation>
            <numerusform>{name}: %n lead imported. It is in the form: press Return to call it.</numerusform>
            <numerusform>{name}: %n leads imported. The first is in the form: press Return to call it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n number(s) are on the do-not-call list now.</source>
        <translation>
            <numerusform>%n number is on the do-not-call list now.</numerusform>
            <numerusform>%n numbers are on the do-not-call list now.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cell(s) were not numbers: left out.</source>
        <translation>
            <numerusform>%n cell was not a number: left out.</numerusform>
            <numerusform>%n cells were not numbers: left out.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n lead(s) to {file}.</source>
        <translation>
            <numerusform>Exported %n lead to {file}.</numerusform>
            <numerusform>Exported %n leads to {file}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LeadListFlow</name>
    <message numerus="yes">
        <source>{number} has had %n attempt(s), the most a lead gets: next lead.</source>
        <translation>
            <numerusform>{number} has had %n attempt, the most a lead gets: next lead.</numerusform>
            <numerusform>{number} has had %n attempts, the most a lead gets: next lead.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LeadListRescrub</name>
    <message numerus="yes">
        <source>Scrub result applied: %n lead(s) refused.</source>
        <translation>
            <numerusform>Scrub result applied: %n lead refused.</numerusform>
            <numerusform>Scrub result applied: %n leads refused.</numerusform>
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
<context>
    <name>RecyclingTab</name>
    <message numerus="yes">
        <source>Put back %n lead(s) of {list} with the result {result}? They are offered again now.</source>
        <translation>
            <numerusform>Put back %n lead of {list} with the result {result}? It is offered again now.</numerusform>
            <numerusform>Put back %n leads of {list} with the result {result}? They are offered again now.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Put back %n lead(s).</source>
        <translation>
            <numerusform>Put back %n lead.</numerusform>
            <numerusform>Put back %n leads.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RescrubDialog</name>
    <message numerus="yes">
        <source>%n lead(s) of {list} are in {file}: they get its scrub result.</source>
        <translation>
            <numerusform>%n lead of {list} is in {file}: it gets its scrub result.</numerusform>
            <numerusform>%n leads of {list} are in {file}: they get its scrub result.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n lead(s) are now refused (below): they will not be called.</source>
        <translation>
            <numerusform>%n lead is now refused (below): it will not be called.</numerusform>
            <numerusform>%n leads are now refused (below): they will not be called.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n number(s) of the file are not in the list: left out.</source>
        <translation>
            <numerusform>%n number of the file is not in the list: left out.</numerusform>
            <numerusform>%n numbers of the file are not in the list: left out.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TeamFlow</name>
    <message numerus="yes">
        <source>%n step(s) written meanwhile were sent.</source>
        <translation>
            <numerusform>%n step written meanwhile was sent.</numerusform>
            <numerusform>%n steps written meanwhile were sent.</numerusform>
        </translation>
    </message>
</context>
</TS>
