<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>bt::ui::DropZone</name>
    <message numerus="yes">
        <source>%n sheet(s) · %1</source>
        <translation>
            <numerusform>%n sheet · %1</numerusform>
            <numerusform>%n sheets · %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bt::ui::MainWindow</name>
    <message numerus="yes">
        <source>%n sheet(s)</source>
        <translation>
            <numerusform>%n sheet</numerusform>
            <numerusform>%n sheets</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bt::ui::OverlayViewer</name>
    <message numerus="yes">
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n change</numerusform>
            <numerusform>%n changes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bt::ui::PageCard</name>
    <message numerus="yes">
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n change</numerusform>
            <numerusform>%n changes</numerusform>
        </translation>
    </message>
</context>
</TS>
