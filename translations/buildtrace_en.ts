<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>bt::Report</name>
    <message numerus="yes">
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n change</numerusform>
            <numerusform>%n changes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bt::Summary</name>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 and %n more</numerusform>
            <numerusform>%1 and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n text</source>
        <comment>changes</comment>
        <translation>
            <numerusform>%n text</numerusform>
            <numerusform>%n text</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n dimension(s)</source>
        <comment>changes</comment>
        <translation>
            <numerusform>%n dimension</numerusform>
            <numerusform>%n dimensions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <comment>changes</comment>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n drawing</source>
        <comment>changes</comment>
        <translation>
            <numerusform>%n drawing</numerusform>
            <numerusform>%n drawing</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n change</numerusform>
            <numerusform>%n changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Dimension(s) %1</source>
        <translation>
            <numerusform>Dimension %1</numerusform>
            <numerusform>Dimensions %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n added</source>
        <comment>drawing changes</comment>
        <translation>
            <numerusform>%n added</numerusform>
            <numerusform>%n added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n removed</source>
        <comment>drawing changes</comment>
        <translation>
            <numerusform>%n removed</numerusform>
            <numerusform>%n removed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n modified</source>
        <comment>drawing changes</comment>
        <translation>
            <numerusform>%n modified</numerusform>
            <numerusform>%n modified</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n changed</source>
        <comment>sheets</comment>
        <translation>
            <numerusform>%n changed</numerusform>
            <numerusform>%n changed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unchanged</source>
        <comment>sheets</comment>
        <translation>
            <numerusform>%n unchanged</numerusform>
            <numerusform>%n unchanged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n added</source>
        <comment>sheets</comment>
        <translation>
            <numerusform>%n added</numerusform>
            <numerusform>%n added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n removed</source>
        <comment>sheets</comment>
        <translation>
            <numerusform>%n removed</numerusform>
            <numerusform>%n removed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <comment>sheets</comment>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sheet(s) compared</source>
        <translation>
            <numerusform>%n sheet compared</numerusform>
            <numerusform>%n sheets compared</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n moved</source>
        <comment>drawing changes</comment>
        <translation>
            <numerusform>%n moved</numerusform>
            <numerusform>%n moved</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n sheet(s) compared</source>
        <translation>
            <numerusform>%1 of %n sheet compared</numerusform>
            <numerusform>%1 of %n sheets compared</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not compared</source>
        <comment>sheets</comment>
        <translation>
            <numerusform>%n not compared</numerusform>
            <numerusform>%n not compared</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bt::ui::ComparePage</name>
    <message numerus="yes">
        <source>%n sheet(s)</source>
        <translation>
            <numerusform>%n sheet</numerusform>
            <numerusform>%n sheets</numerusform>
        </translation>
    </message>
</context>
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
    <name>bt::ui::JobHistoryModel</name>
    <message numerus="yes">
        <source>%1 (%n comparison(s))</source>
        <translation>
            <numerusform>%1 (%n comparison)</numerusform>
            <numerusform>%1 (%n comparisons)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n review(s) carried over from a comparison no longer in the history.</source>
        <translation>
            <numerusform>%n review carried over from a comparison no longer in the history.</numerusform>
            <numerusform>%n reviews carried over from a comparison no longer in the history.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n review(s) carried over from the comparison of %1 (%2 → %3, job %4).</source>
        <translation>
            <numerusform>%n review carried over from the comparison of %1 (%2 → %3, job %4).</numerusform>
            <numerusform>%n reviews carried over from the comparison of %1 (%2 → %3, job %4).</numerusform>
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
<context>
    <name>bt::ui::ProjectSwitcher</name>
    <message numerus="yes">
        <source>%n comparison(s)</source>
        <translation>
            <numerusform>%n comparison</numerusform>
            <numerusform>%n comparisons</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bt::ui::ServerIndicator</name>
    <message numerus="yes">
        <source>%n waiting to be sent</source>
        <translation>
            <numerusform>%n waiting to be sent</numerusform>
            <numerusform>%n waiting to be sent</numerusform>
        </translation>
    </message>
</context>
</TS>
