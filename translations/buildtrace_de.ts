<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>bt::Alignment</name>
    <message>
        <source>empty page image</source>
        <translation>leeres Seitenbild</translation>
    </message>
    <message>
        <source>unreliable alignment (overlap %1): the sheets may be different drawings</source>
        <translation>unzuverlässige Ausrichtung (Deckung %1): die Pläne sind möglicherweise verschiedene Zeichnungen</translation>
    </message>
</context>
<context>
    <name>bt::Compare</name>
    <message>
        <source>cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>%1: page %2 could not be rendered (%3)</source>
        <translation>%1: Seite %2 konnte nicht gerendert werden (%3)</translation>
    </message>
</context>
<context>
    <name>bt::Document</name>
    <message>
        <source>file not found</source>
        <translation>Datei nicht gefunden</translation>
    </message>
    <message>
        <source>is a folder, not a PDF or image file</source>
        <translation>ist ein Ordner, keine PDF- oder Bilddatei</translation>
    </message>
    <message>
        <source>cannot be read (%1)</source>
        <translation>kann nicht gelesen werden (%1)</translation>
    </message>
    <message>
        <source>file is empty</source>
        <translation>Datei ist leer</translation>
    </message>
    <message>
        <source>PDF is truncated (no end-of-file marker)</source>
        <translation>PDF ist unvollständig (keine Dateiende-Markierung)</translation>
    </message>
    <message>
        <source>PDF is password-protected; give its password</source>
        <translation>PDF ist passwortgeschützt; bitte das Passwort angeben</translation>
    </message>
    <message>
        <source>wrong password for this PDF</source>
        <translation>falsches Passwort für dieses PDF</translation>
    </message>
    <message>
        <source>PDF uses an unsupported encryption scheme</source>
        <translation>PDF verwendet ein nicht unterstütztes Verschlüsselungsverfahren</translation>
    </message>
    <message>
        <source>PDF has no pages</source>
        <translation>PDF hat keine Seiten</translation>
    </message>
    <message>
        <source>PDF is damaged and cannot be opened</source>
        <translation>PDF ist beschädigt und kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>not a PDF or an image (PNG, JPEG, TIFF)</source>
        <translation>weder PDF noch Bild (PNG, JPEG, TIFF)</translation>
    </message>
    <message>
        <source>image is %1 x %2 pixels, more than the %3 MP limit</source>
        <translation>Bild hat %1 x %2 Pixel, mehr als die Grenze von %3 MP</translation>
    </message>
    <message>
        <source>image is damaged and cannot be read (%1)</source>
        <translation>Bild ist beschädigt und kann nicht gelesen werden (%1)</translation>
    </message>
    <message>
        <source>page %1 has no size</source>
        <translation>Seite %1 hat keine Größe</translation>
    </message>
    <message>
        <source>page %1 is %2 x %3 in, too large to render even at %4 DPI within %5 MP</source>
        <translation>Seite %1 misst %2 x %3 Zoll, zu groß, um sie selbst mit %4 DPI innerhalb von %5 MP zu rendern</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>ist keine reguläre Datei</translation>
    </message>
    <message>
        <source>page %1 is %2 x %3 pt, not the size or shape of a drawing sheet</source>
        <translation>Seite %1 ist %2 x %3 pt groß, weder Größe noch Form eines Zeichnungsblatts</translation>
    </message>
    <message>
        <source>opening was cancelled</source>
        <translation>das Öffnen wurde abgebrochen</translation>
    </message>
    <message>
        <source>PDF is damaged and cannot be opened (%1)</source>
        <translation>PDF ist beschädigt und kann nicht geöffnet werden (%1)</translation>
    </message>
</context>
<context>
    <name>bt::JobStore</name>
    <message>
        <source>%1: cannot open the history (%2)</source>
        <translation>%1: der Verlauf kann nicht geöffnet werden (%2)</translation>
    </message>
    <message>
        <source>%1: the history file is read-only and of an older version (%2, this version uses %3): upgrading it needs write access</source>
        <translation>%1: die Verlaufsdatei ist schreibgeschützt und von einer älteren Version (%2, diese Version verwendet %3): zum Aktualisieren ist Schreibzugriff nötig</translation>
    </message>
    <message>
        <source>%1: the history file is read-only</source>
        <translation>%1: die Verlaufsdatei ist schreibgeschützt</translation>
    </message>
    <message>
        <source>cannot create its folder</source>
        <translation>sein Ordner kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>not a file</source>
        <translation>keine Datei</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>Datei nicht vorhanden</translation>
    </message>
    <message>
        <source>%1: the history file is damaged (%2)</source>
        <translation>%1: die Verlaufsdatei ist beschädigt (%2)</translation>
    </message>
    <message>
        <source>%1: no such file</source>
        <translation>%1: Datei nicht vorhanden</translation>
    </message>
    <message>
        <source>%1: cannot rename it to %2</source>
        <translation>%1: kann nicht in %2 umbenannt werden</translation>
    </message>
</context>
<context>
    <name>bt::OutputFile</name>
    <message>
        <source>is a folder, not a file</source>
        <translation>ist ein Ordner, keine Datei</translation>
    </message>
    <message>
        <source>is not a file, a FIFO or a character device</source>
        <translation>ist weder eine Datei noch ein FIFO noch ein zeichenorientiertes Gerät</translation>
    </message>
</context>
<context>
    <name>bt::Pipeline</name>
    <message>
        <source>a job is already running</source>
        <translation>ein Vergleich läuft bereits</translation>
    </message>
    <message>
        <source>%1: cannot record the job (%2)</source>
        <translation>%1: der Vergleich kann nicht im Verlauf gespeichert werden (%2)</translation>
    </message>
    <message>
        <source>no job %1 in the history</source>
        <translation>kein Vergleich %1 im Verlauf</translation>
    </message>
    <message>
        <source>%1: the file changed since job %2 ran</source>
        <translation>%1: die Datei wurde seit Vergleich %2 geändert</translation>
    </message>
    <message>
        <source>not compared: the OCR stage failed</source>
        <translation>nicht verglichen: die OCR-Stufe ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>out of memory</source>
        <translation>Arbeitsspeicher erschöpft</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>unbekannter Fehler</translation>
    </message>
    <message>
        <source>these sheets cannot be changed that way</source>
        <translation>diese Blätter können so nicht geändert werden</translation>
    </message>
</context>
<context>
    <name>bt::ProjectStore</name>
    <message>
        <source>a project needs a name</source>
        <translation>ein Projekt braucht einen Namen</translation>
    </message>
    <message>
        <source>there is a project named &quot;%1&quot; already</source>
        <translation>es gibt schon ein Projekt namens „%1“</translation>
    </message>
    <message>
        <source>no project %1</source>
        <translation>kein Projekt %1</translation>
    </message>
</context>
<context>
    <name>bt::RenderProcess</name>
    <message>
        <source>the rendered page could not be read back</source>
        <translation>die gerenderte Seite konnte nicht zurückgelesen werden</translation>
    </message>
    <message>
        <source>the page needed more than %1 s of processor time</source>
        <translation>die Seite brauchte mehr als %1 s Prozessorzeit</translation>
    </message>
    <message>
        <source>the renderer was killed (out of memory?)</source>
        <translation>der Renderer wurde beendet (Speicher erschöpft?)</translation>
    </message>
    <message>
        <source>the renderer crashed or ran out of memory (limit %1 MB)</source>
        <translation>der Renderer ist abgestürzt oder hatte zu wenig Speicher (Grenze %1 MB)</translation>
    </message>
    <message>
        <source>the renderer stopped unexpectedly (exit %1)</source>
        <translation>der Renderer wurde unerwartet beendet (Exit-Code %1)</translation>
    </message>
    <message>
        <source>cannot start the renderer %1 (%2)</source>
        <translation>der Renderer %1 kann nicht gestartet werden (%2)</translation>
    </message>
    <message>
        <source>took longer than %1 s</source>
        <translation>dauerte länger als %1 s</translation>
    </message>
</context>
<context>
    <name>bt::Report</name>
    <message>
        <source>%1: cannot write the change list (%2)</source>
        <translation>%1: die Änderungsliste kann nicht geschrieben werden (%2)</translation>
    </message>
    <message>
        <source>Open</source>
        <comment>review status</comment>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Accepted</source>
        <comment>review status</comment>
        <translation>Akzeptiert</translation>
    </message>
    <message>
        <source>Rejected</source>
        <comment>review status</comment>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Needs clarification</source>
        <comment>review status</comment>
        <translation>Klärung nötig</translation>
    </message>
    <message>
        <source>pending</source>
        <comment>job status</comment>
        <translation>wartend</translation>
    </message>
    <message>
        <source>in progress</source>
        <comment>job status</comment>
        <translation>läuft</translation>
    </message>
    <message>
        <source>completed</source>
        <comment>job status</comment>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <source>completed with errors</source>
        <comment>job status</comment>
        <translation>mit Fehlern abgeschlossen</translation>
    </message>
    <message>
        <source>failed</source>
        <comment>job status</comment>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>cancelled</source>
        <comment>job status</comment>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Sheet %1</source>
        <translation>Plan %1</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Drawing comparison report</source>
        <translation>Bericht zum Planvergleich</translation>
    </message>
    <message>
        <source>#</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Drawing</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Änderungen</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Seite</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Old text</source>
        <translation>Alter Text</translation>
    </message>
    <message>
        <source>New text</source>
        <translation>Neuer Text</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>review status: comment</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Sheets</source>
        <translation>Pläne</translation>
    </message>
    <message>
        <source>Sheets (continued)</source>
        <translation>Pläne (Fortsetzung)</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>Seite %1</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Legende</translation>
    </message>
    <message>
        <source>Unchanged: in both sets</source>
        <translation>Unverändert: in beiden Plansätzen</translation>
    </message>
    <message>
        <source>Removed: only in the old set (%1)</source>
        <translation>Entfernt: nur im alten Plansatz (%1)</translation>
    </message>
    <message>
        <source>Added: only in the new set (%1)</source>
        <translation>Hinzugefügt: nur im neuen Plansatz (%1)</translation>
    </message>
    <message>
        <source>Cloud: a change, numbered as in the table</source>
        <translation>Wolke: eine Änderung, nummeriert wie in der Tabelle</translation>
    </message>
    <message>
        <source>page %1 of %2</source>
        <translation>Seite %1 von %2</translation>
    </message>
    <message>
        <source>not in this set</source>
        <translation>nicht in diesem Plansatz</translation>
    </message>
    <message>
        <source>Old: %1. New: %2.</source>
        <translation>Alt: %1. Neu: %2.</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Changes (%1)</source>
        <translation>Änderungen (%1)</translation>
    </message>
    <message>
        <source>(changes continued)</source>
        <translation>(Änderungen, Fortsetzung)</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n Änderung</numerusform>
            <numerusform>%n Änderungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Sheet %1 of %2 · %3</source>
        <translation>Plan %1 von %2 · %3</translation>
    </message>
    <message>
        <source>the job kept no overlay</source>
        <translation>der Vergleich hat keine Überlagerung gespeichert</translation>
    </message>
    <message>
        <source>No sheet image: %1</source>
        <translation>Kein Planbild: %1</translation>
    </message>
    <message>
        <source>the sheet was not compared</source>
        <translation>der Plan wurde nicht verglichen</translation>
    </message>
    <message>
        <source>No sheet image: page %1 of %2 cannot be rendered</source>
        <translation>Kein Planbild: Seite %1 von %2 kann nicht gerendert werden</translation>
    </message>
    <message>
        <source>No overlay (%1): the new sheet is shown with boxes around the changes.</source>
        <translation>Keine Überlagerung (%1): der neue Plan wird mit Rahmen um die Änderungen gezeigt.</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>Keine.</translation>
    </message>
    <message>
        <source>cannot start the PDF</source>
        <translation>das PDF kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>cannot add a page</source>
        <translation>Seite kann nicht hinzugefügt werden</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>%1: cannot write the report (%2)</source>
        <translation>%1: der Bericht kann nicht geschrieben werden (%2)</translation>
    </message>
    <message>
        <source>%1: report not written (%2)</source>
        <translation>%1: Bericht nicht geschrieben (%2)</translation>
    </message>
    <message>
        <source>%1: cannot read the overlay (%2)</source>
        <translation>%1: die Überlagerung kann nicht gelesen werden (%2)</translation>
    </message>
    <message>
        <source>%1: not an overlay palette image</source>
        <translation>%1: kein Palettenbild einer Überlagerung</translation>
    </message>
    <message>
        <source>Changed</source>
        <comment>sheet status</comment>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <comment>sheet status</comment>
        <translation>Unverändert</translation>
    </message>
    <message>
        <source>Added</source>
        <comment>sheet status</comment>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <source>Removed</source>
        <comment>sheet status</comment>
        <translation>Entfernt</translation>
    </message>
    <message>
        <source>Failed</source>
        <comment>sheet status</comment>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Not compared</source>
        <comment>sheet status</comment>
        <translation>Nicht verglichen</translation>
    </message>
    <message>
        <source>Added</source>
        <comment>change kind</comment>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <source>Removed</source>
        <comment>change kind</comment>
        <translation>Entfernt</translation>
    </message>
    <message>
        <source>Modified</source>
        <comment>change kind</comment>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Summary (rewritten by the AI model %1)</source>
        <translation>Zusammenfassung (vom KI-Modell %1 neu geschrieben)</translation>
    </message>
    <message>
        <source>Moved</source>
        <comment>change kind</comment>
        <translation>Verschoben</translation>
    </message>
    <message>
        <source>%1: cannot read the NEW set for the markups (%2)</source>
        <translation>%1: der NEUE Satz für die Markierungen ist nicht lesbar (%2)</translation>
    </message>
    <message>
        <source>%1: not a PDF; markups need a PDF set</source>
        <translation>%1: kein PDF; Markierungen brauchen einen PDF-Satz</translation>
    </message>
    <message>
        <source>%1: changed since the comparison; compare it again for markups</source>
        <translation>%1: seit dem Vergleich geändert; für Markierungen erneut vergleichen</translation>
    </message>
    <message>
        <source>%1: has %2 pages, the comparison had more</source>
        <translation>%1: hat %2 Seiten, der Vergleich hatte mehr</translation>
    </message>
    <message>
        <source>%1: password-protected; markups need its password</source>
        <translation>%1: passwortgeschützt; Markierungen brauchen sein Passwort</translation>
    </message>
    <message>
        <source>%1: cannot write markups on it (%2)</source>
        <translation>%1: Markierungen können nicht darauf geschrieben werden (%2)</translation>
    </message>
    <message>
        <source>%1: cannot write the markups (%2)</source>
        <translation>%1: Markierungen können nicht geschrieben werden (%2)</translation>
    </message>
    <message>
        <source>Alignment uncertain — check: %1</source>
        <translation>Ausrichtung unsicher — prüfen: %1</translation>
    </message>
    <message>
        <source>Aligned by hand.</source>
        <translation>Von Hand ausgerichtet.</translation>
    </message>
    <message>
        <source>Aligned automatically.</source>
        <translation>Automatisch ausgerichtet.</translation>
    </message>
    <message>
        <source>Dashed grey cloud: a rejected change</source>
        <translation>Gestrichelte graue Wolke: eine abgelehnte Änderung</translation>
    </message>
    <message>
        <source>nothing to report</source>
        <translation>nichts zu berichten</translation>
    </message>
    <message>
        <source>Project no. %1</source>
        <translation>Projekt-Nr. %1</translation>
    </message>
    <message>
        <source>Client: %1</source>
        <translation>Bauherr: %1</translation>
    </message>
    <message>
        <source>Old set</source>
        <translation>Alter Plansatz</translation>
    </message>
    <message>
        <source>New set</source>
        <translation>Neuer Plansatz</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>Herausgegeben von</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Compared</source>
        <translation>Verglichen</translation>
    </message>
    <message>
        <source>%1 of %2 changes reviewed: %3 accepted, %4 rejected, %5 need clarification</source>
        <translation>%1 von %2 Änderungen geprüft: %3 angenommen, %4 abgelehnt, %5 klärungsbedürftig</translation>
    </message>
    <message>
        <source>Alignment</source>
        <translation>Ausrichtung</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Verfahren</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>DPI</source>
        <translation>DPI</translation>
    </message>
    <message>
        <source>Appendix: comparison details</source>
        <translation>Anhang: Einzelheiten des Vergleichs</translation>
    </message>
    <message>
        <source>Old file</source>
        <translation>Alte Datei</translation>
    </message>
    <message>
        <source>%1 (modified %2)</source>
        <translation>%1 (geändert %2)</translation>
    </message>
    <message>
        <source>New file</source>
        <translation>Neue Datei</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <source>%1, %2, started %3</source>
        <translation>%1, %2, begonnen %3</translation>
    </message>
    <message>
        <source>Alignment of each sheet</source>
        <translation>Ausrichtung jedes Plans</translation>
    </message>
    <message>
        <source>Appendix (continued)</source>
        <translation>Anhang (Fortsetzung)</translation>
    </message>
    <message>
        <source>revision %1</source>
        <translation>Revision %1</translation>
    </message>
    <message>
        <source>%1 (%2, from the title blocks)</source>
        <comment>set name, revision and date</comment>
        <translation>%1 (%2, laut Schriftfeldern)</translation>
    </message>
</context>
<context>
    <name>bt::ServerClient</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
</context>
<context>
    <name>bt::Summary</name>
    <message>
        <source>between grids %1</source>
        <translation>zwischen Achsen %1</translation>
    </message>
    <message>
        <source>near grid %1</source>
        <translation>bei Achse %1</translation>
    </message>
    <message>
        <source>“%1”</source>
        <comment>quoted text from the drawing</comment>
        <translation>„%1“</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 und %n weitere</numerusform>
            <numerusform>%1 und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>upper left</source>
        <translation>oben links</translation>
    </message>
    <message>
        <source>upper centre</source>
        <translation>oben Mitte</translation>
    </message>
    <message>
        <source>upper right</source>
        <translation>oben rechts</translation>
    </message>
    <message>
        <source>middle left</source>
        <translation>Mitte links</translation>
    </message>
    <message>
        <source>centre</source>
        <translation>Mitte</translation>
    </message>
    <message>
        <source>middle right</source>
        <translation>Mitte rechts</translation>
    </message>
    <message>
        <source>lower left</source>
        <translation>unten links</translation>
    </message>
    <message>
        <source>lower centre</source>
        <translation>unten Mitte</translation>
    </message>
    <message>
        <source>lower right</source>
        <translation>unten rechts</translation>
    </message>
    <message>
        <source>sheet %1</source>
        <translation>Plan %1</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>%1: sheet added in the new set.</source>
        <translation>%1: Plan im neuen Plansatz hinzugefügt.</translation>
    </message>
    <message>
        <source>%1: sheet removed from the new set.</source>
        <translation>%1: Plan im neuen Plansatz entfernt.</translation>
    </message>
    <message>
        <source>%1: comparison failed: %2</source>
        <translation>%1: Vergleich fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>%1: no changes.</source>
        <translation>%1: keine Änderungen.</translation>
    </message>
    <message>
        <source>%1 added</source>
        <comment>a dimension</comment>
        <translation>%1 hinzugefügt</translation>
    </message>
    <message>
        <source>%1 removed</source>
        <comment>a dimension</comment>
        <translation>%1 entfernt</translation>
    </message>
    <message>
        <source>note added: %1</source>
        <translation>Hinweis hinzugefügt: %1</translation>
    </message>
    <message>
        <source>note removed: %1</source>
        <translation>Hinweis entfernt: %1</translation>
    </message>
    <message>
        <source>note changed: %1</source>
        <translation>Hinweis geändert: %1</translation>
    </message>
    <message>
        <source>added %1</source>
        <comment>a text</comment>
        <translation>%1 hinzugefügt</translation>
    </message>
    <message>
        <source>removed %1</source>
        <comment>a text</comment>
        <translation>%1 entfernt</translation>
    </message>
    <message numerus="yes">
        <source>%n text</source>
        <comment>changes</comment>
        <translation>
            <numerusform>%n Text</numerusform>
            <numerusform>%n Texte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n dimension(s)</source>
        <comment>changes</comment>
        <translation>
            <numerusform>%n Maß</numerusform>
            <numerusform>%n Maße</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <comment>changes</comment>
        <translation>
            <numerusform>%n Hinweis</numerusform>
            <numerusform>%n Hinweise</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n drawing</source>
        <comment>changes</comment>
        <translation>
            <numerusform>%n in der Zeichnung</numerusform>
            <numerusform>%n in der Zeichnung</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 — %3</source>
        <comment>sheet: number of changes — categories</comment>
        <translation>%1: %2 — %3</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n Änderung</numerusform>
            <numerusform>%n Änderungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Text: %1</source>
        <translation>Text: %1</translation>
    </message>
    <message numerus="yes">
        <source>Dimension(s) %1</source>
        <translation>
            <numerusform>Maß %1</numerusform>
            <numerusform>Maße %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n added</source>
        <comment>drawing changes</comment>
        <translation>
            <numerusform>%n hinzugefügt</numerusform>
            <numerusform>%n hinzugefügt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n removed</source>
        <comment>drawing changes</comment>
        <translation>
            <numerusform>%n entfernt</numerusform>
            <numerusform>%n entfernt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n modified</source>
        <comment>drawing changes</comment>
        <translation>
            <numerusform>%n geändert</numerusform>
            <numerusform>%n geändert</numerusform>
        </translation>
    </message>
    <message>
        <source>Drawing: %1</source>
        <translation>Zeichnung: %1</translation>
    </message>
    <message>
        <source>No sheets compared.</source>
        <translation>Keine Pläne verglichen.</translation>
    </message>
    <message numerus="yes">
        <source>%n changed</source>
        <comment>sheets</comment>
        <translation>
            <numerusform>%n geändert</numerusform>
            <numerusform>%n geändert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unchanged</source>
        <comment>sheets</comment>
        <translation>
            <numerusform>%n unverändert</numerusform>
            <numerusform>%n unverändert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n added</source>
        <comment>sheets</comment>
        <translation>
            <numerusform>%n hinzugefügt</numerusform>
            <numerusform>%n hinzugefügt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n removed</source>
        <comment>sheets</comment>
        <translation>
            <numerusform>%n entfernt</numerusform>
            <numerusform>%n entfernt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <comment>sheets</comment>
        <translation>
            <numerusform>%n fehlgeschlagen</numerusform>
            <numerusform>%n fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <comment>sheets compared: how many of each</comment>
        <translation>%1: %2.</translation>
    </message>
    <message numerus="yes">
        <source>%n sheet(s) compared</source>
        <translation>
            <numerusform>%n Plan verglichen</numerusform>
            <numerusform>%n Pläne verglichen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n moved</source>
        <comment>drawing changes</comment>
        <translation>
            <numerusform>%n verschoben</numerusform>
            <numerusform>%n verschoben</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2; %3.</source>
        <comment>sheets compared: how many of each; not compared</comment>
        <translation>%1: %2; %3.</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n sheet(s) compared</source>
        <translation>
            <numerusform>%1 von %n Blatt verglichen</numerusform>
            <numerusform>%1 von %n Blättern verglichen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not compared</source>
        <comment>sheets</comment>
        <translation>
            <numerusform>%n nicht verglichen</numerusform>
            <numerusform>%n nicht verglichen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2×)</source>
        <comment>the same change, how many times</comment>
        <translation>%1 (%2×)</translation>
    </message>
</context>
<context>
    <name>bt::SyncService</name>
    <message>
        <source>No job server is set up (Settings → Job server).</source>
        <translation>Es ist kein Jobserver eingerichtet (Einstellungen → Jobserver).</translation>
    </message>
    <message>
        <source>That comparison is no longer in the history.</source>
        <translation>Dieser Vergleich ist nicht mehr im Verlauf.</translation>
    </message>
    <message>
        <source>That comparison is on the server already.</source>
        <translation>Dieser Vergleich ist bereits auf dem Server.</translation>
    </message>
    <message>
        <source>Deleting a job on the server</source>
        <translation>Das Löschen eines Auftrags auf dem Server</translation>
    </message>
    <message>
        <source>Sending %1 to the server</source>
        <translation>Das Senden von %1 an den Server</translation>
    </message>
    <message>
        <source>Starting the job on the server</source>
        <translation>Das Starten des Auftrags auf dem Server</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Sending reviews to the server</source>
        <translation>Das Senden der Prüfungen an den Server</translation>
    </message>
</context>
<context>
    <name>bt::ui::AlignByPointsTool</name>
    <message>
        <source>&amp;Undo Point</source>
        <translation>&amp;Punkt zurücknehmen</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Anwenden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Align by points</source>
        <translation>An Punkten ausrichten</translation>
    </message>
    <message>
        <source>Align the sheet by the picked points and compare it again</source>
        <translation>Das Blatt an den gewählten Punkten ausrichten und erneut vergleichen</translation>
    </message>
    <message>
        <source>Two point pairs picked. Apply aligns the sheet by them and compares it again.</source>
        <translation>Zwei Punktpaare gewählt. Anwenden richtet das Blatt daran aus und vergleicht es erneut.</translation>
    </message>
    <message>
        <source>The two points are at the same place: undo and pick points far apart.</source>
        <translation>Die beiden Punkte liegen an derselben Stelle: zurücknehmen und weit auseinander liegende Punkte wählen.</translation>
    </message>
    <message>
        <source>Point %1 of 2: click a distinct feature (a grid bubble, a corner) on the OLD sheet (left).</source>
        <translation>Punkt %1 von 2: ein markantes Detail (Achsenkreis, Ecke) auf dem ALTEN Blatt (links) anklicken.</translation>
    </message>
    <message>
        <source>Point %1 of 2: click the same feature on the NEW sheet (right).</source>
        <translation>Punkt %1 von 2: dasselbe Detail auf dem NEUEN Blatt (rechts) anklicken.</translation>
    </message>
</context>
<context>
    <name>bt::ui::ChangeListModel</name>
    <message>
        <source>#</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>%1 by %2, %3</source>
        <translation>%1 von %2, %3</translation>
    </message>
    <message>
        <source>added</source>
        <translation>hinzugefügt</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <source>modified</source>
        <translation>geändert</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>drawing change</source>
        <translation>Zeichnungsänderung</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Akzeptiert</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Clarify</source>
        <translation>Klären</translation>
    </message>
    <message>
        <source>moved</source>
        <translation>verschoben</translation>
    </message>
    <message>
        <source>The whole sheet: added in NEW</source>
        <translation>Der ganze Plan: hinzugefügt in NEU</translation>
    </message>
    <message>
        <source>The whole sheet: removed from OLD</source>
        <translation>Der ganze Plan: entfernt aus ALT</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>review status (reviewer)</comment>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>bt::ui::ComparePage</name>
    <message>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <source>On Server</source>
        <translation>Auf Server</translation>
    </message>
    <message>
        <source>Swap OLD and NEW (%1)</source>
        <translation>ALT und NEU tauschen (%1)</translation>
    </message>
    <message>
        <source>Swap old and new</source>
        <translation>Alt und Neu tauschen</translation>
    </message>
    <message>
        <source>Compare OLD with NEW (Return or %1)</source>
        <translation>ALT mit NEU vergleichen (Eingabetaste oder %1)</translation>
    </message>
    <message>
        <source>Compare on the team&apos;s job server (%1)</source>
        <translation>Auf dem Jobserver des Teams vergleichen (%1)</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Anzeigen:</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Unverändert</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>BuildTrace</source>
        <translation>BuildTrace</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; → &lt;b&gt;%2&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; → &lt;b&gt;%2&lt;/b&gt;</translation>
    </message>
    <message numerus="yes">
        <source>%n sheet(s)</source>
        <translation>
            <numerusform>%n Plan</numerusform>
            <numerusform>%n Pläne</numerusform>
        </translation>
    </message>
    <message>
        <source>This comparison has no sheets.</source>
        <translation>Dieser Vergleich hat keine Pläne.</translation>
    </message>
    <message>
        <source>Waiting for the job server: it cannot be reached now. The comparison is sent when it can.</source>
        <translation>Warten auf den Jobserver: Er ist gerade nicht erreichbar. Der Vergleich wird gesendet, sobald es geht.</translation>
    </message>
    <message>
        <source>Sending the sets to the job server…</source>
        <translation>Plansätze werden an den Jobserver gesendet…</translation>
    </message>
    <message>
        <source>The job server is matching the sheets…</source>
        <translation>Der Jobserver ordnet die Pläne zu…</translation>
    </message>
    <message>
        <source>Matching sheets…</source>
        <translation>Pläne werden zugeordnet…</translation>
    </message>
    <message>
        <source>Not resumed.</source>
        <translation>Nicht fortgesetzt.</translation>
    </message>
    <message>
        <source>Not compared.</source>
        <translation>Nicht verglichen.</translation>
    </message>
    <message>
        <source>No sheets.</source>
        <translation>Keine Pläne.</translation>
    </message>
    <message>
        <source>Sheet &amp;Table</source>
        <translation>Plan&amp;tabelle</translation>
    </message>
    <message>
        <source>Search number, title, changed text</source>
        <translation>Nummer, Titel, geänderten Text suchen</translation>
    </message>
    <message>
        <source>Search sheets</source>
        <translation>Pläne durchsuchen</translation>
    </message>
    <message>
        <source>Discipline</source>
        <translation>Fachbereich</translation>
    </message>
    <message>
        <source>All disciplines</source>
        <translation>Alle Fachbereiche</translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <source>Show the sheets as a table (%1)</source>
        <translation>Pläne als Tabelle anzeigen (%1)</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Entfernt</translation>
    </message>
    <message>
        <source>Show sheets only in NEW</source>
        <translation>Pläne zeigen, die nur in NEU sind</translation>
    </message>
    <message>
        <source>Show sheets only in OLD</source>
        <translation>Pläne zeigen, die nur in ALT sind</translation>
    </message>
</context>
<context>
    <name>bt::ui::DropZone</name>
    <message>
        <source>Drawing sets (*.pdf *.png *.jpg *.jpeg *.tif *.tiff);;All files (*)</source>
        <translation>Plansätze (*.pdf *.png *.jpg *.jpeg *.tif *.tiff);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Old revision</source>
        <translation>Alter Planstand</translation>
    </message>
    <message>
        <source>New revision</source>
        <translation>Neuer Planstand</translation>
    </message>
    <message>
        <source>OLD revision</source>
        <translation>ALTER Planstand</translation>
    </message>
    <message>
        <source>NEW revision</source>
        <translation>NEUER Planstand</translation>
    </message>
    <message>
        <source>Drop a PDF or image here</source>
        <translation>PDF oder Bild hierher ziehen</translation>
    </message>
    <message>
        <source>or click to choose a file</source>
        <translation>oder klicken, um eine Datei zu wählen</translation>
    </message>
    <message>
        <source>Reading… · %1</source>
        <translation>Wird gelesen… · %1</translation>
    </message>
    <message>
        <source>Password protected · %1</source>
        <translation>Passwortgeschützt · %1</translation>
    </message>
    <message numerus="yes">
        <source>%n sheet(s) · %1</source>
        <translation>
            <numerusform>%n Plan · %1</numerusform>
            <numerusform>%n Pläne · %1</numerusform>
        </translation>
    </message>
    <message>
        <source>No file. Press Space to choose one.</source>
        <translation>Keine Datei. Leertaste drücken, um eine zu wählen.</translation>
    </message>
    <message>
        <source>Choose File…</source>
        <translation>Datei wählen…</translation>
    </message>
    <message>
        <source>Recent Files</source>
        <translation>Zuletzt verwendete Dateien</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Choose the old revision</source>
        <translation>Alten Planstand wählen</translation>
    </message>
    <message>
        <source>Choose the new revision</source>
        <translation>Neuen Planstand wählen</translation>
    </message>
</context>
<context>
    <name>bt::ui::ExportActions</name>
    <message>
        <source>Export &amp;Report…</source>
        <translation>Be&amp;richt exportieren…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Export &amp;Markups…</source>
        <translation>&amp;Markierungen exportieren…</translation>
    </message>
    <message>
        <source>Ctrl+Alt+E</source>
        <translation>Ctrl+Alt+E</translation>
    </message>
    <message>
        <source>Export Change &amp;List…</source>
        <translation>Änderungs&amp;liste exportieren…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <source>&amp;Print Sheet…</source>
        <translation>Plan &amp;drucken…</translation>
    </message>
    <message>
        <source>Print Repor&amp;t…</source>
        <translation>Berich&amp;t drucken…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+P</source>
        <translation>Ctrl+Shift+P</translation>
    </message>
    <message>
        <source>That comparison is no longer in the history.</source>
        <translation>Dieser Vergleich ist nicht mehr im Verlauf.</translation>
    </message>
</context>
<context>
    <name>bt::ui::Help</name>
    <message>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>BuildTrace User Guide</source>
        <translation>BuildTrace-Benutzerhandbuch</translation>
    </message>
    <message>
        <source>About BuildTrace</source>
        <translation>Über BuildTrace</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;BuildTrace %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Compares two revisions of a construction drawing set sheet by sheet. Everything runs on this computer.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;BuildTrace %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Vergleicht zwei Planstände eines Plansatzes Plan für Plan. Alles läuft auf diesem Computer.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>bt::ui::HistoryPanel</name>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Öffnen</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Past comparisons</source>
        <translation>Frühere Vergleiche</translation>
    </message>
    <message>
        <source>Show the results of this comparison (Return)</source>
        <translation>Die Ergebnisse dieses Vergleichs anzeigen (Eingabetaste)</translation>
    </message>
    <message>
        <source>Finish an interrupted or cancelled comparison</source>
        <translation>Einen unterbrochenen oder abgebrochenen Vergleich abschließen</translation>
    </message>
    <message>
        <source>Remove this comparison and its overlays from the history (Delete)</source>
        <translation>Diesen Vergleich und seine Überlagerungen aus dem Verlauf entfernen (Entf)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>No comparisons yet.</source>
        <translation>Noch keine Vergleiche.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>&amp;Push</source>
        <translation>An Server &amp;senden</translation>
    </message>
    <message>
        <source>Send this comparison to the job server, so the team sees it</source>
        <translation>Diesen Vergleich an den Jobserver senden, damit das Team ihn sieht</translation>
    </message>
</context>
<context>
    <name>bt::ui::JobDialogs</name>
    <message>
        <source>OLD</source>
        <translation>ALT</translation>
    </message>
    <message>
        <source>NEW</source>
        <translation>NEU</translation>
    </message>
    <message>
        <source>Password Required</source>
        <translation>Passwort erforderlich</translation>
    </message>
    <message>
        <source>Wrong password for %1. Try again:</source>
        <translation>Falsches Passwort für %1. Bitte erneut eingeben:</translation>
    </message>
    <message>
        <source>%1 (%2) is password protected. Password:</source>
        <translation>%1 (%2) ist passwortgeschützt. Passwort:</translation>
    </message>
    <message>
        <source>Cannot Compare</source>
        <translation>Vergleich nicht möglich</translation>
    </message>
    <message>
        <source>The %1 revision cannot be opened.</source>
        <translation>Der Planstand %1 kann nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>History Damaged</source>
        <translation>Verlauf beschädigt</translation>
    </message>
    <message>
        <source>Nothing more is written to it. Start a fresh history? The damaged file is kept beside it as %1.damaged-DATE-TIME.</source>
        <translation>Es wird nichts mehr hineingeschrieben. Einen neuen Verlauf beginnen? Die beschädigte Datei bleibt daneben als %1.damaged-DATUM-ZEIT erhalten.</translation>
    </message>
    <message>
        <source>Start a Fresh History</source>
        <translation>Neuen Verlauf beginnen</translation>
    </message>
    <message>
        <source>History Unavailable</source>
        <translation>Verlauf nicht verfügbar</translation>
    </message>
    <message>
        <source>Delete Comparison</source>
        <translation>Vergleich löschen</translation>
    </message>
    <message>
        <source>Delete the comparison of %1 with %2 and its overlays from the history?</source>
        <translation>Den Vergleich von %1 mit %2 und seine Überlagerungen aus dem Verlauf löschen?</translation>
    </message>
    <message>
        <source>It is deleted on the job server too, for the whole team. The drawing files themselves are not touched.</source>
        <translation>Er wird auch auf dem Jobserver gelöscht, für das ganze Team. Die Plandateien selbst bleiben unberührt.</translation>
    </message>
    <message>
        <source>The copy on the job server stays for the team. The drawing files themselves are not touched.</source>
        <translation>Die Kopie auf dem Jobserver bleibt für das Team erhalten. Die Plandateien selbst bleiben unberührt.</translation>
    </message>
    <message>
        <source>The drawing files themselves are not touched.</source>
        <translation>Die Plandateien selbst bleiben unverändert.</translation>
    </message>
</context>
<context>
    <name>bt::ui::JobHistoryModel</name>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>Sheets</source>
        <translation>Pläne</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Old: %1
New: %2</source>
        <translation>Alt: %1
Neu: %2</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>Unterbrochen</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In Arbeit</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Completed with errors</source>
        <translation>Mit Fehlern abgeschlossen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Waiting for the server</source>
        <translation>Wartet auf den Server</translation>
    </message>
    <message>
        <source>Run on the job server</source>
        <translation>Auf dem Jobserver ausgeführt</translation>
    </message>
    <message>
        <source>A comparison of the team, from the job server</source>
        <translation>Ein Vergleich des Teams, vom Jobserver</translation>
    </message>
    <message>
        <source>Compared here, and pushed to the job server</source>
        <translation>Hier verglichen und an den Jobserver gesendet</translation>
    </message>
    <message>
        <source>%1 — no comparisons yet</source>
        <translation>%1 — noch keine Vergleiche</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n comparison(s))</source>
        <translation>
            <numerusform>%1 (%n Vergleich)</numerusform>
            <numerusform>%1 (%n Vergleiche)</numerusform>
        </translation>
    </message>
    <message>
        <source>Number: %1</source>
        <translation>Nummer: %1</translation>
    </message>
    <message>
        <source>Client: %1</source>
        <translation>Bauherr: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n review(s) carried over from a comparison no longer in the history.</source>
        <translation>
            <numerusform>%n Prüfung aus einem Vergleich übernommen, der nicht mehr im Verlauf ist.</numerusform>
            <numerusform>%n Prüfungen aus einem Vergleich übernommen, der nicht mehr im Verlauf ist.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n review(s) carried over from the comparison of %1 (%2 → %3, job %4).</source>
        <translation>
            <numerusform>%n Prüfung übernommen aus dem Vergleich vom %1 (%2 → %3, Auftrag %4).</numerusform>
            <numerusform>%n Prüfungen übernommen aus dem Vergleich vom %1 (%2 → %3, Auftrag %4).</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %2 → %3</source>
        <translation>%1 %2 → %3</translation>
    </message>
    <message>
        <source>NEW set %1</source>
        <translation>NEUER Satz %1</translation>
    </message>
    <message>
        <source>OLD set %1</source>
        <translation>ALTER Satz %1</translation>
    </message>
    <message>
        <source>Same settings.</source>
        <translation>Gleiche Einstellungen.</translation>
    </message>
    <message>
        <source>Differs in: %1.</source>
        <translation>Unterschiede: %1.</translation>
    </message>
    <message>
        <source>DPI</source>
        <translation>DPI</translation>
    </message>
    <message>
        <source>tolerance (pt)</source>
        <translation>Toleranz (pt)</translation>
    </message>
    <message>
        <source>pixel cap</source>
        <translation>Pixelgrenze</translation>
    </message>
    <message>
        <source>grouping distance (pt)</source>
        <translation>Gruppierabstand (pt)</translation>
    </message>
    <message>
        <source>keep renders</source>
        <translation>Renderings behalten</translation>
    </message>
    <message>
        <source>scanned</source>
        <translation>gescannt</translation>
    </message>
    <message>
        <source>%1, reviews carried</source>
        <translation>%1, Prüfungen übernommen</translation>
    </message>
</context>
<context>
    <name>bt::ui::MainWindow</name>
    <message>
        <source>BuildTrace</source>
        <translation>BuildTrace</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Choose &amp;Old Revision…</source>
        <translation>&amp;Alten Planstand wählen…</translation>
    </message>
    <message>
        <source>Choose &amp;New Revision…</source>
        <translation>&amp;Neuen Planstand wählen…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>&amp;Swap Old and New</source>
        <translation>Alt und Neu &amp;tauschen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+X</source>
        <translation>Ctrl+Shift+X</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>&amp;Vergleichen</translation>
    </message>
    <message>
        <source>Ctrl+Return</source>
        <translation>Ctrl+Return</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <source>C&amp;ancel Comparison</source>
        <translation>Vergleich abbre&amp;chen</translation>
    </message>
    <message>
        <source>&amp;Back to Sheets</source>
        <translation>&amp;Zurück zu den Plänen</translation>
    </message>
    <message>
        <source>&amp;Previous Sheet</source>
        <translation>&amp;Vorheriger Plan</translation>
    </message>
    <message>
        <source>Ctrl+PgUp</source>
        <translation>Ctrl+PgUp</translation>
    </message>
    <message>
        <source>&amp;Next Sheet</source>
        <translation>&amp;Nächster Plan</translation>
    </message>
    <message>
        <source>Ctrl+PgDown</source>
        <translation>Ctrl+PgDown</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>&amp;Refresh History</source>
        <translation>Verlauf a&amp;ktualisieren</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>Show &amp;All Sheets</source>
        <translation>&amp;Alle Pläne anzeigen</translation>
    </message>
    <message>
        <source>Show &amp;Changed Sheets</source>
        <translation>&amp;Geänderte Pläne anzeigen</translation>
    </message>
    <message>
        <source>Show &amp;Unchanged Sheets</source>
        <translation>&amp;Unveränderte Pläne anzeigen</translation>
    </message>
    <message>
        <source>Show &amp;Failed Sheets</source>
        <translation>&amp;Fehlgeschlagene Pläne anzeigen</translation>
    </message>
    <message>
        <source>Ctrl+%1</source>
        <translation>Ctrl+%1</translation>
    </message>
    <message>
        <source>Ctrl+H</source>
        <translation>Ctrl+H</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>Ver&amp;lauf</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Recent Comparisons</source>
        <translation>&amp;Zuletzt verglichen</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About BuildTrace</source>
        <translation>&amp;Über BuildTrace</translation>
    </message>
    <message>
        <source>History Unavailable</source>
        <translation>Verlauf nicht verfügbar</translation>
    </message>
    <message>
        <source>Choose both revisions first: drop the files on OLD and NEW.</source>
        <translation>Zuerst beide Planstände wählen: die Dateien auf ALT und NEU ablegen.</translation>
    </message>
    <message>
        <source>Only interrupted or cancelled comparisons can be resumed.</source>
        <translation>Nur unterbrochene oder abgebrochene Vergleiche können fortgesetzt werden.</translation>
    </message>
    <message>
        <source>Cannot Compare</source>
        <translation>Vergleich nicht möglich</translation>
    </message>
    <message>
        <source>Not compared: %1 needs its password.</source>
        <translation>Nicht verglichen: %1 braucht sein Passwort.</translation>
    </message>
    <message>
        <source>Cannot Resume</source>
        <translation>Fortsetzen nicht möglich</translation>
    </message>
    <message>
        <source>These files were compared before with the same settings: continuing that job.</source>
        <translation>Diese Dateien wurden schon mit denselben Einstellungen verglichen: dieser Vergleich wird fortgesetzt.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>Cancelled. Resume it from the history to finish it.</source>
        <translation>Abgebrochen. Im Verlauf fortsetzen, um ihn abzuschließen.</translation>
    </message>
    <message>
        <source>%1 in %2 s.</source>
        <translation>%1 in %2 s.</translation>
    </message>
    <message>
        <source>That comparison is no longer in the history.</source>
        <translation>Dieser Vergleich ist nicht mehr im Verlauf.</translation>
    </message>
    <message>
        <source>Cannot Delete</source>
        <translation>Löschen nicht möglich</translation>
    </message>
    <message>
        <source>Drop two revisions of a drawing set above and press Compare.</source>
        <translation>Zwei Planstände eines Plansatzes oben ablegen und auf Vergleichen klicken.</translation>
    </message>
    <message>
        <source>Comparison deleted.</source>
        <translation>Vergleich gelöscht.</translation>
    </message>
    <message>
        <source>Comparison Running</source>
        <translation>Vergleich läuft</translation>
    </message>
    <message>
        <source>A comparison is running. Stop it and quit? It stays in the history and can be resumed.</source>
        <translation>Ein Vergleich läuft. Anhalten und beenden? Er bleibt im Verlauf und kann fortgesetzt werden.</translation>
    </message>
    <message>
        <source>The ignore areas apply the next time this sheet is compared.</source>
        <translation>Die ignorierten Bereiche gelten beim nächsten Vergleich dieses Plans.</translation>
    </message>
    <message>
        <source>Wait for the running comparison to finish.</source>
        <translation>Bitte warten, bis der laufende Vergleich abgeschlossen ist.</translation>
    </message>
    <message>
        <source>Run on &amp;Server</source>
        <translation>Auf dem &amp;Server ausführen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Return</source>
        <translation>Ctrl+Shift+Return</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Enter</source>
        <translation>Ctrl+Shift+Enter</translation>
    </message>
    <message>
        <source>S&amp;ync with Server Now</source>
        <translation>Jetzt mit dem Server s&amp;ynchronisieren</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Y</source>
        <translation>Ctrl+Shift+Y</translation>
    </message>
    <message>
        <source>No job server is set up: enter its address and your token in Settings.</source>
        <translation>Es ist kein Jobserver eingerichtet: Geben Sie seine Adresse und Ihr Zugangstoken in den Einstellungen ein.</translation>
    </message>
    <message>
        <source>Cannot Run on Server</source>
        <translation>Ausführen auf dem Server nicht möglich</translation>
    </message>
    <message>
        <source>The job server cannot be reached: the comparison waits and is sent when it can.</source>
        <translation>Der Jobserver ist nicht erreichbar: Der Vergleich wartet und wird gesendet, sobald es geht.</translation>
    </message>
    <message>
        <source>Sending the comparison to the job server…</source>
        <translation>Vergleich wird an den Jobserver gesendet…</translation>
    </message>
    <message>
        <source>Cannot Push</source>
        <translation>Senden nicht möglich</translation>
    </message>
    <message>
        <source>The job server cannot be reached: the comparison is sent when it can.</source>
        <translation>Der Jobserver ist nicht erreichbar: Der Vergleich wird gesendet, sobald es geht.</translation>
    </message>
    <message>
        <source>%1 on the job server.</source>
        <translation>%1 auf dem Jobserver.</translation>
    </message>
    <message>
        <source>The history cannot be opened: %1</source>
        <translation>Der Verlauf kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>Started a fresh history; the damaged one is kept as %1</source>
        <translation>Neuer Verlauf begonnen; der beschädigte bleibt als %1 erhalten</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>&amp;Benutzerhandbuch</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>Reading the revisions of %1 and %2 from their title blocks…</source>
        <translation>Revisionen von %1 und %2 werden aus den Schriftfeldern gelesen…</translation>
    </message>
</context>
<context>
    <name>bt::ui::NewerSetDialog</name>
    <message>
        <source>Which is the newer set?</source>
        <translation>Welcher Satz ist neuer?</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Which is the newer set?&lt;/b&gt;&lt;/p&gt;&lt;p&gt;The title blocks do not say which of these two sets is the later revision. Choose the set that becomes NEW; the other one becomes OLD.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Welcher Satz ist neuer?&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Die Schriftfelder sagen nicht, welcher der beiden Sätze die spätere Revision ist. Wählen Sie den Satz, der NEU wird; der andere wird ALT.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;File date: %2&lt;br&gt;Title blocks: %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Dateidatum: %2&lt;br&gt;Schriftfelder: %3</translation>
    </message>
    <message>
        <source>Suggested by the file dates: %1 is newer.</source>
        <translation>Nach den Dateidaten: %1 ist neuer.</translation>
    </message>
    <message>
        <source>NEW is %1</source>
        <translation>NEU ist %1</translation>
    </message>
</context>
<context>
    <name>bt::ui::OverlayViewer</name>
    <message>
        <source>Clarify</source>
        <translation>Klären</translation>
    </message>
    <message>
        <source>Alignment warning</source>
        <translation>Ausrichtungswarnung</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Änderungen</translation>
    </message>
    <message>
        <source>Selecting a change zooms onto it. N and P go to the next and previous change.</source>
        <translation>Eine ausgewählte Änderung wird herangezoomt. N und P springen zur nächsten und vorherigen Änderung.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Viewer tools</source>
        <translation>Werkzeuge der Ansicht</translation>
    </message>
    <message>
        <source>Overlay</source>
        <translation>Überlagerung</translation>
    </message>
    <message>
        <source>Overlay: unchanged grey, removed and added in colour</source>
        <translation>Überlagerung: Unverändertes grau, Entferntes und Hinzugefügtes farbig</translation>
    </message>
    <message>
        <source>Old</source>
        <translation>Alt</translation>
    </message>
    <message>
        <source>The old sheet, aligned onto the new one</source>
        <translation>Der alte Plan, auf den neuen ausgerichtet</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>The new sheet</source>
        <translation>Der neue Plan</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>Nebeneinander</translation>
    </message>
    <message>
        <source>Old and new side by side, zoomed and panned together</source>
        <translation>Alt und Neu nebeneinander, gemeinsam gezoomt und verschoben</translation>
    </message>
    <message>
        <source>Swipe</source>
        <translation>Trennlinie</translation>
    </message>
    <message>
        <source>Old left of the swipe line, new right of it</source>
        <translation>Alt links der Trennlinie, Neu rechts davon</translation>
    </message>
    <message>
        <source>−</source>
        <translation>−</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <source>+</source>
        <translation>+</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Vergrößern</translation>
    </message>
    <message>
        <source>Fit page</source>
        <translation>Ganzer Plan</translation>
    </message>
    <message>
        <source>Fit the whole sheet</source>
        <translation>Den ganzen Plan einpassen</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Breite</translation>
    </message>
    <message>
        <source>Fit the sheet&apos;s width</source>
        <translation>Den Plan in der Breite einpassen</translation>
    </message>
    <message>
        <source>1:1</source>
        <translation>1:1</translation>
    </message>
    <message>
        <source>Actual pixels</source>
        <translation>Originalpixel</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Entfernt</translation>
    </message>
    <message>
        <source>Show removed ink (overlay)</source>
        <translation>Entfernte Linien zeigen (Überlagerung)</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <source>Show added ink (overlay)</source>
        <translation>Hinzugefügte Linien zeigen (Überlagerung)</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>Deckkraft</translation>
    </message>
    <message>
        <source>Overlay opacity</source>
        <translation>Deckkraft der Überlagerung</translation>
    </message>
    <message>
        <source>Overlay over the new sheet: fade it to see the new drawing through it</source>
        <translation>Überlagerung über dem neuen Plan: ausblenden, um die neue Zeichnung durchscheinen zu lassen</translation>
    </message>
    <message>
        <source>Swipe position</source>
        <translation>Position der Trennlinie</translation>
    </message>
    <message>
        <source>Where the old sheet ends and the new one begins (the line can be dragged too)</source>
        <translation>Wo der alte Plan endet und der neue beginnt (die Linie lässt sich auch ziehen)</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Vorherige</translation>
    </message>
    <message>
        <source>Previous change</source>
        <translation>Vorherige Änderung</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Nächste</translation>
    </message>
    <message>
        <source>Next change</source>
        <translation>Nächste Änderung</translation>
    </message>
    <message>
        <source>Ignore area</source>
        <translation>Bereich ignorieren</translation>
    </message>
    <message>
        <source>Draw a rectangle on the sheet to leave that area (a revision block, a date stamp) out of every comparison of this drawing number; Shift+drag does the same</source>
        <translation>Ein Rechteck auf den Plan zeichnen, um diesen Bereich (einen Änderungsblock, einen Datumsstempel) aus jedem Vergleich dieser Plannummer herauszunehmen; Umschalt+Ziehen tut dasselbe</translation>
    </message>
    <message>
        <source>Sheet history</source>
        <translation>Planhistorie</translation>
    </message>
    <message>
        <source>Earlier comparisons of this sheet</source>
        <translation>Frühere Vergleiche dieses Plans</translation>
    </message>
    <message>
        <source>Earlier comparisons of this drawing number: open one</source>
        <translation>Frühere Vergleiche dieser Plannummer: einen öffnen</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Wieder öffnen</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Akzeptieren</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <source>Mark the selected change open again</source>
        <translation>Die ausgewählte Änderung wieder als offen markieren</translation>
    </message>
    <message>
        <source>Accept the selected change</source>
        <translation>Die ausgewählte Änderung akzeptieren</translation>
    </message>
    <message>
        <source>Reject the selected change</source>
        <translation>Die ausgewählte Änderung ablehnen</translation>
    </message>
    <message>
        <source>The selected change needs clarification</source>
        <translation>Die ausgewählte Änderung muss geklärt werden</translation>
    </message>
    <message>
        <source>Comment on the selected change</source>
        <translation>Kommentar zur ausgewählten Änderung</translation>
    </message>
    <message>
        <source>The comparison of this sheet failed (%1); the colours come from the renders alone.</source>
        <translation>Der Vergleich dieses Plans ist fehlgeschlagen (%1); die Farben stammen nur aus den gerenderten Seiten.</translation>
    </message>
    <message>
        <source>This sheet is still being compared; the colours come from the renders alone.</source>
        <translation>Dieser Plan wird noch verglichen; die Farben stammen nur aus den gerenderten Seiten.</translation>
    </message>
    <message>
        <source>This sheet has no overlay image; the colours come from the renders alone.</source>
        <translation>Dieser Plan hat kein Überlagerungsbild; die Farben stammen nur aus den gerenderten Seiten.</translation>
    </message>
    <message>
        <source>The overlay %1 is missing; the colours come from the renders alone.</source>
        <translation>Die Überlagerung %1 fehlt; die Farben stammen nur aus den gerenderten Seiten.</translation>
    </message>
    <message>
        <source>No sheet selected.</source>
        <translation>Kein Plan ausgewählt.</translation>
    </message>
    <message>
        <source>Loading the overlay…</source>
        <translation>Überlagerung wird geladen…</translation>
    </message>
    <message>
        <source>This sheet is not in the old set.</source>
        <translation>Dieser Plan ist nicht im alten Plansatz.</translation>
    </message>
    <message>
        <source>Rendering the old sheet…</source>
        <translation>Alter Plan wird gerendert…</translation>
    </message>
    <message>
        <source>This sheet is not in the new set.</source>
        <translation>Dieser Plan ist nicht im neuen Plansatz.</translation>
    </message>
    <message>
        <source>Rendering the new sheet…</source>
        <translation>Neuer Plan wird gerendert…</translation>
    </message>
    <message>
        <source>Overlay of the old and new sheet</source>
        <translation>Überlagerung des alten und neuen Plans</translation>
    </message>
    <message>
        <source>Old sheet</source>
        <translation>Alter Plan</translation>
    </message>
    <message>
        <source>New sheet</source>
        <translation>Neuer Plan</translation>
    </message>
    <message>
        <source>Old and new sheet, swiped</source>
        <translation>Alter und neuer Plan mit Trennlinie</translation>
    </message>
    <message>
        <source>⚠ Alignment warning: %1. Colours and clouds may be misplaced; check the changes against the Old and New views.</source>
        <translation>⚠ Ausrichtungswarnung: %1. Farben und Wolken können verschoben sein; die Änderungen in den Ansichten Alt und Neu prüfen.</translation>
    </message>
    <message>
        <source>Ignored</source>
        <translation>Ignoriert</translation>
    </message>
    <message>
        <source>Stop Ignoring This Area</source>
        <translation>Diesen Bereich nicht mehr ignorieren</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n Änderung</numerusform>
            <numerusform>%n Änderungen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2 → %3 · %4</source>
        <translation>%1 · %2 → %3 · %4</translation>
    </message>
    <message>
        <source> (shown)</source>
        <translation> (angezeigt)</translation>
    </message>
    <message>
        <source>Sheet history (%1)</source>
        <translation>Planhistorie (%1)</translation>
    </message>
    <message>
        <source>Tint</source>
        <translation>Einfärben</translation>
    </message>
    <message>
        <source>Layer tint: the whole old sheet in the removed colour, the whole new sheet in the added colour, laid over each other (what both have is dark)</source>
        <translation>Eingefärbte Ebenen: der ganze alte Plan in der Farbe für Entferntes, der ganze neue in der Farbe für Hinzugefügtes, übereinandergelegt (was beide haben, ist dunkel)</translation>
    </message>
    <message>
        <source>Old tinted as removed, new as added; dark where both agree</source>
        <translation>Alt wie Entferntes, neu wie Hinzugefügtes gefärbt; dunkel, wo beide übereinstimmen</translation>
    </message>
    <message>
        <source>Old and new sheet, each tinted</source>
        <translation>Alter und neuer Plan, jeweils eingefärbt</translation>
    </message>
    <message>
        <source>Added in NEW: this sheet is not in the old set</source>
        <translation>Hinzugefügt in NEU: dieser Plan ist nicht im alten Satz</translation>
    </message>
    <message>
        <source>Removed from OLD: this sheet is not in the new set</source>
        <translation>Entfernt aus ALT: dieser Plan ist nicht im neuen Satz</translation>
    </message>
</context>
<context>
    <name>bt::ui::PageCard</name>
    <message>
        <source>OCR</source>
        <translation>OCR</translation>
    </message>
    <message>
        <source>Diff</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Sheet %1</source>
        <translation>Plan %1</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Added: only in NEW (page %1)</source>
        <translation>Hinzugefügt: nur in NEU (Seite %1)</translation>
    </message>
    <message>
        <source>Removed: only in OLD (page %1)</source>
        <translation>Entfernt: nur in ALT (Seite %1)</translation>
    </message>
    <message>
        <source>Matched · page moved from %1 to %2</source>
        <translation>Zugeordnet · Seite von %1 nach %2 verschoben</translation>
    </message>
    <message>
        <source>Matched · page %1</source>
        <translation>Zugeordnet · Seite %1</translation>
    </message>
    <message>
        <source>retry %1</source>
        <translation>Wiederholung %1</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>wartet</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>%1 stage</source>
        <translation>Schritt %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Sheet added</source>
        <translation>Plan hinzugefügt</translation>
    </message>
    <message>
        <source>Sheet removed</source>
        <translation>Plan entfernt</translation>
    </message>
    <message>
        <source>Not compared</source>
        <translation>Nicht verglichen</translation>
    </message>
    <message>
        <source>No changes</source>
        <translation>Keine Änderungen</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n Änderung</numerusform>
            <numerusform>%n Änderungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Added sheet</source>
        <translation>Hinzugefügter Plan</translation>
    </message>
    <message>
        <source>Removed sheet</source>
        <translation>Entfernter Plan</translation>
    </message>
    <message>
        <source>No overlay</source>
        <translation>Keine Überlagerung</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Overlay after the diff</source>
        <translation>Überlagerung nach dem Vergleich</translation>
    </message>
    <message>
        <source>Sheet %1: %2</source>
        <translation>Plan %1: %2</translation>
    </message>
    <message>
        <source>Overlay cannot be read</source>
        <translation>Überlagerung nicht lesbar</translation>
    </message>
    <message>
        <source>Rewritten by the AI model %1 from the list of changes.</source>
        <translation>Vom KI-Modell %1 aus der Liste der Änderungen neu geschrieben.</translation>
    </message>
    <message>
        <source>The program&apos;s own summary: %1</source>
        <translation>Die Zusammenfassung des Programms: %1</translation>
    </message>
</context>
<context>
    <name>bt::ui::PageCardList</name>
    <message>
        <source>Sheets</source>
        <translation>Pläne</translation>
    </message>
    <message>
        <source>Drop two revisions of a drawing set above and press Compare.</source>
        <translation>Zwei Planstände eines Plansatzes oben ablegen und auf Vergleichen klicken.</translation>
    </message>
    <message>
        <source>No sheet matches this filter.</source>
        <translation>Kein Plan passt zu diesem Filter.</translation>
    </message>
</context>
<context>
    <name>bt::ui::Print</name>
    <message>
        <source>That comparison is no longer in the history.</source>
        <translation>Dieser Vergleich ist nicht mehr im Verlauf.</translation>
    </message>
    <message>
        <source>Sheet %1</source>
        <translation>Plan %1</translation>
    </message>
    <message>
        <source>Drawing comparison report</source>
        <translation>Bericht zum Planvergleich</translation>
    </message>
    <message>
        <source>Print Sheet</source>
        <translation>Plan drucken</translation>
    </message>
    <message>
        <source>Print Report</source>
        <translation>Bericht drucken</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>Wird gedruckt…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Printing cancelled.</source>
        <translation>Drucken abgebrochen.</translation>
    </message>
    <message>
        <source>Cannot print: %1</source>
        <translation>Drucken nicht möglich: %1</translation>
    </message>
    <message>
        <source>Sent to %1.</source>
        <translation>An %1 gesendet.</translation>
    </message>
</context>
<context>
    <name>bt::ui::ProgressRow</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Comparison progress</source>
        <translation>Fortschritt des Vergleichs</translation>
    </message>
    <message>
        <source>OCR %1/%2 · Diff %1/%2 · Summary %1/%2</source>
        <translation>OCR %1/%2 · Vergleich %1/%2 · Zusammenfassung %1/%2</translation>
    </message>
    <message>
        <source>Stop the comparison (Esc). It stays in the history and can be resumed.</source>
        <translation>Den Vergleich anhalten (Esc). Er bleibt im Verlauf und kann fortgesetzt werden.</translation>
    </message>
    <message>
        <source>Opening OLD and NEW…</source>
        <translation>ALT und NEU werden geöffnet…</translation>
    </message>
    <message>
        <source>Matching sheets…</source>
        <translation>Pläne werden zugeordnet…</translation>
    </message>
    <message>
        <source>OCR %1/%4 · Diff %2/%4 · Summary %3/%4</source>
        <translation>OCR %1/%4 · Vergleich %2/%4 · Zusammenfassung %3/%4</translation>
    </message>
</context>
<context>
    <name>bt::ui::ProjectDialog</name>
    <message>
        <source>Optional: an image for the report cover</source>
        <translation>Optional: ein Bild für das Deckblatt des Berichts</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>Project Logo</source>
        <translation>Projektlogo</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.svg)</source>
        <translation>Bilder (*.png *.jpg *.jpeg *.svg)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>N&amp;umber:</source>
        <translation>N&amp;ummer:</translation>
    </message>
    <message>
        <source>&amp;Client:</source>
        <translation>&amp;Bauherr:</translation>
    </message>
    <message>
        <source>&amp;Logo:</source>
        <translation>&amp;Logo:</translation>
    </message>
</context>
<context>
    <name>bt::ui::ProjectSwitcher</name>
    <message>
        <source>&amp;Project</source>
        <translation>&amp;Projekt</translation>
    </message>
    <message>
        <source>&amp;New Project…</source>
        <translation>&amp;Neues Projekt…</translation>
    </message>
    <message>
        <source>&amp;Edit Project…</source>
        <translation>Projekt &amp;bearbeiten…</translation>
    </message>
    <message>
        <source>Current project</source>
        <translation>Aktuelles Projekt</translation>
    </message>
    <message>
        <source>The project new comparisons go into; the history, sheet history and ignore areas are kept per project</source>
        <translation>Das Projekt, in das neue Vergleiche kommen; Verlauf, Planverlauf und ignorierte Bereiche gelten je Projekt</translation>
    </message>
    <message>
        <source>Start a project: its comparisons, sheet history and ignore areas are its own</source>
        <translation>Ein Projekt anlegen: Vergleiche, Planverlauf und ignorierte Bereiche gehören ihm allein</translation>
    </message>
    <message>
        <source>Rename the current project or change its number, client and logo</source>
        <translation>Das aktuelle Projekt umbenennen oder Nummer, Bauherr und Logo ändern</translation>
    </message>
    <message>
        <source>Pro&amp;ject:</source>
        <translation>Pro&amp;jekt:</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>Neu…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message numerus="yes">
        <source>%n comparison(s)</source>
        <translation>
            <numerusform>%n Vergleich</numerusform>
            <numerusform>%n Vergleiche</numerusform>
        </translation>
    </message>
    <message>
        <source>No. %1</source>
        <translation>Nr. %1</translation>
    </message>
    <message>
        <source>New Project</source>
        <translation>Neues Projekt</translation>
    </message>
    <message>
        <source>The project cannot be added: %1</source>
        <translation>Das Projekt kann nicht angelegt werden: %1</translation>
    </message>
    <message>
        <source>Edit Project</source>
        <translation>Projekt bearbeiten</translation>
    </message>
    <message>
        <source>The project cannot be changed: %1</source>
        <translation>Das Projekt kann nicht geändert werden: %1</translation>
    </message>
</context>
<context>
    <name>bt::ui::RecentMenu</name>
    <message>
        <source>&amp;%1  %2 ↔ %3</source>
        <translation>&amp;%1  %2 ↔ %3</translation>
    </message>
    <message>
        <source>Old: %1
New: %2</source>
        <translation>Alt: %1
Neu: %2</translation>
    </message>
    <message>
        <source>No recent comparisons</source>
        <translation>Keine letzten Vergleiche</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>Liste &amp;leeren</translation>
    </message>
</context>
<context>
    <name>bt::ui::ReportExportDialog</name>
    <message>
        <source>Export report</source>
        <translation>Bericht exportieren</translation>
    </message>
    <message>
        <source>Export change list</source>
        <translation>Änderungsliste exportieren</translation>
    </message>
    <message>
        <source>Drawing comparison report</source>
        <translation>Bericht zum Planvergleich</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>&amp;All sheets (%1)</source>
        <translation>&amp;Alle Pläne (%1)</translation>
    </message>
    <message>
        <source>&amp;Changed sheets only (%1)</source>
        <translation>Nur &amp;geänderte Pläne (%1)</translation>
    </message>
    <message>
        <source>&amp;Selected sheets (%1)</source>
        <translation>A&amp;usgewählte Pläne (%1)</translation>
    </message>
    <message>
        <source>Sheets:</source>
        <translation>Pläne:</translation>
    </message>
    <message>
        <source> DPI</source>
        <translation> DPI</translation>
    </message>
    <message>
        <source>Resolution of the sheet images. 150 DPI keeps an ARCH D page under 1.5 MB.</source>
        <translation>Auflösung der Planbilder. Mit 150 DPI bleibt eine ARCH-D-Seite unter 1,5 MB.</translation>
    </message>
    <message>
        <source>CSV (spreadsheets)</source>
        <translation>CSV (Tabellenkalkulation)</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>&amp;Image resolution:</source>
        <translation>&amp;Bildauflösung:</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>Date&amp;i:</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON-Dateien (*.json)</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>%1 wird geschrieben…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>Writing the cover…</source>
        <translation>Deckblatt wird geschrieben…</translation>
    </message>
    <message>
        <source>Wrote %1 of %2 parts of %3</source>
        <translation>%1 von %2 Teilen von %3 geschrieben</translation>
    </message>
    <message>
        <source>Written to %1</source>
        <translation>Geschrieben nach %1</translation>
    </message>
    <message>
        <source>Cancelled: nothing was written.</source>
        <translation>Abgebrochen: Es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Export markups</source>
        <translation>Markierungen exportieren</translation>
    </message>
    <message>
        <source>XLSX (Excel, LibreOffice Calc)</source>
        <translation>XLSX (Excel, LibreOffice Calc)</translation>
    </message>
    <message>
        <source>The NEW set with each change as a cloud markup (a PDF annotation that Bluebeam, Acrobat and Okular list); its pages stay as issued.</source>
        <translation>Der NEUE Satz mit jeder Änderung als Wolken-Markierung (eine PDF-Anmerkung, die Bluebeam, Acrobat und Okular auflisten); seine Seiten bleiben wie herausgegeben.</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel-Arbeitsmappen (*.xlsx)</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>Durchsuc&amp;hen…</translation>
    </message>
    <message>
        <source>&amp;Project:</source>
        <translation>&amp;Projekt:</translation>
    </message>
    <message>
        <source>Project &amp;number:</source>
        <translation>Projekt&amp;nummer:</translation>
    </message>
    <message>
        <source>C&amp;lient:</source>
        <translation>Bau&amp;herr:</translation>
    </message>
    <message>
        <source>L&amp;ogo:</source>
        <translation>L&amp;ogo:</translation>
    </message>
    <message>
        <source>Cover</source>
        <translation>Deckblatt</translation>
    </message>
    <message>
        <source>Each sheet at its own size</source>
        <translation>Jeder Plan in seiner Größe</translation>
    </message>
    <message>
        <source>A3</source>
        <translation>A3</translation>
    </message>
    <message>
        <source>Tabloid (11 × 17 in)</source>
        <translation>Tabloid (11 × 17 Zoll)</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Letter</translation>
    </message>
    <message>
        <source>Shown as dashed grey clouds, struck through</source>
        <translation>Als gestrichelte graue Wolken, durchgestrichen</translation>
    </message>
    <message>
        <source>Left out</source>
        <translation>Weggelassen</translation>
    </message>
    <message>
        <source>Only reviewed changes (accepted, rejected, needs clarification)</source>
        <translation>Nur geprüfte Änderungen (angenommen, abgelehnt, klärungsbedürftig)</translation>
    </message>
    <message>
        <source>&amp;Rejected changes:</source>
        <translation>&amp;Abgelehnte Änderungen:</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <source>PNG or JPEG file</source>
        <translation>PNG- oder JPEG-Datei</translation>
    </message>
    <message>
        <source>Issued &amp;by:</source>
        <translation>Herausgegeben &amp;von:</translation>
    </message>
    <message>
        <source>Pa&amp;ges:</source>
        <translation>S&amp;eiten:</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Bilder (*.png *.jpg *.jpeg)</translation>
    </message>
</context>
<context>
    <name>bt::ui::ServerIndicator</name>
    <message>
        <source>Server: connecting…</source>
        <translation>Server: verbinde…</translation>
    </message>
    <message>
        <source>Server: online</source>
        <translation>Server: online</translation>
    </message>
    <message>
        <source>Server: offline, retrying</source>
        <translation>Server: nicht erreichbar, neuer Versuch folgt</translation>
    </message>
    <message>
        <source>Server: token refused</source>
        <translation>Server: Zugangstoken abgelehnt</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting to be sent</source>
        <translation>
            <numerusform>%n wartet auf das Senden</numerusform>
            <numerusform>%n warten auf das Senden</numerusform>
        </translation>
    </message>
    <message>
        <source>Check the access token in Settings.</source>
        <translation>Prüfen Sie das Zugangstoken in den Einstellungen.</translation>
    </message>
</context>
<context>
    <name>bt::ui::SetOrderResolver</name>
    <message>
        <source>revision %1</source>
        <translation>Revision %1</translation>
    </message>
    <message>
        <source>dated %1</source>
        <translation>vom %1</translation>
    </message>
    <message>
        <source>no revision found</source>
        <translation>keine Revision gefunden</translation>
    </message>
    <message>
        <source>NEW is %1 (title blocks); OLD %2</source>
        <translation>NEU ist %1 (Schriftfelder); ALT %2</translation>
    </message>
    <message>
        <source>NEW: %1, OLD: %2 (as chosen: the title blocks do not tell)</source>
        <translation>NEU: %1, ALT: %2 (wie gewählt: die Schriftfelder sagen es nicht)</translation>
    </message>
</context>
<context>
    <name>bt::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source> dpi</source>
        <translation> dpi</translation>
    </message>
    <message>
        <source>Render resolution. Higher finds smaller changes but takes longer and needs more memory (220 dpi: about 0.5 GB per sheet being compared).</source>
        <translation>Render-Auflösung. Höher findet kleinere Änderungen, dauert aber länger und braucht mehr Speicher (220 dpi: etwa 0,5 GB je Plan im Vergleich).</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <source>Ink that moved less than this distance is not a change.</source>
        <translation>Linien, die sich um weniger als diesen Abstand verschoben haben, gelten nicht als Änderung.</translation>
    </message>
    <message>
        <source>Standard (red removed, green added)</source>
        <translation>Standard (rot entfernt, grün hinzugefügt)</translation>
    </message>
    <message>
        <source>Colour-blind safe (vermillion removed, blue added)</source>
        <translation>Für Farbenblinde (zinnoberrot entfernt, blau hinzugefügt)</translation>
    </message>
    <message>
        <source>Streaming: each sheet&apos;s results as soon as they are ready</source>
        <translation>Fortlaufend: die Ergebnisse jedes Plans, sobald sie fertig sind</translation>
    </message>
    <message>
        <source>Batch: every sheet finishes a stage before the next stage</source>
        <translation>Stapel: jeder Schritt für alle Pläne vor dem nächsten Schritt</translation>
    </message>
    <message>
        <source>Sheets compared at once. Each needs about 0.5 GB at 220 dpi.</source>
        <translation>Pläne, die gleichzeitig verglichen werden. Jeder braucht bei 220 dpi etwa 0,5 GB.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Choose the history database</source>
        <translation>Verlaufsdatenbank wählen</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>A new language shows after BuildTrace is restarted.</source>
        <translation>Eine neue Sprache erscheint nach einem Neustart von BuildTrace.</translation>
    </message>
    <message>
        <source>&amp;Resolution:</source>
        <translation>&amp;Auflösung:</translation>
    </message>
    <message>
        <source>Change &amp;tolerance:</source>
        <translation>Änderungs&amp;toleranz:</translation>
    </message>
    <message>
        <source>Overlay &amp;colours:</source>
        <translation>Über&amp;lagerungsfarben:</translation>
    </message>
    <message>
        <source>&amp;Mode:</source>
        <translation>&amp;Modus:</translation>
    </message>
    <message>
        <source>Sheets compared at &amp;once:</source>
        <translation>&amp;Gleichzeitig verglichene Pläne:</translation>
    </message>
    <message>
        <source>&amp;History database:</source>
        <translation>&amp;Verlaufsdatenbank:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>In use: %1 (set by $BUILDTRACE_DB).</source>
        <translation>In Verwendung: %1 (gesetzt durch $BUILDTRACE_DB).</translation>
    </message>
    <message>
        <source>The history cannot move while a comparison is running.</source>
        <translation>Der Verlauf kann nicht verschoben werden, während ein Vergleich läuft.</translation>
    </message>
    <message>
        <source>Leave empty for the default location.</source>
        <translation>Leer lassen für den Standardort.</translation>
    </message>
    <message>
        <source>History database</source>
        <translation>Verlaufsdatenbank</translation>
    </message>
    <message>
        <source>SQLite databases (*.sqlite *.db);;All files (*)</source>
        <translation>SQLite-Datenbanken (*.sqlite *.db);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>e.g. http://buildtrace.office:8765</source>
        <translation>z. B. http://buildtrace.buero:8765</translation>
    </message>
    <message>
        <source>The team&apos;s BuildTrace job server. Leave empty to work on this computer only.</source>
        <translation>Der BuildTrace-Jobserver des Teams. Leer lassen, um nur auf diesem Computer zu arbeiten.</translation>
    </message>
    <message>
        <source>The access token the server&apos;s administrator gave you.</source>
        <translation>Das Zugangstoken, das Sie vom Administrator des Servers erhalten haben.</translation>
    </message>
    <message>
        <source>Comparisons can run on the server and the team&apos;s comparisons appear in the history. Without a connection everything keeps working here and waits to be sent.</source>
        <translation>Vergleiche können auf dem Server laufen, und die Vergleiche des Teams erscheinen im Verlauf. Ohne Verbindung funktioniert hier alles weiter und wartet auf das Senden.</translation>
    </message>
    <message>
        <source>Job &amp;server:</source>
        <translation>&amp;Jobserver:</translation>
    </message>
    <message>
        <source>Access to&amp;ken:</source>
        <translation>&amp;Zugangstoken:</translation>
    </message>
    <message>
        <source>AI summary (optional)</source>
        <translation>KI-Zusammenfassung (optional)</translation>
    </message>
    <message>
        <source>Re&amp;write sheet summaries with an AI model</source>
        <translation>Planzusammenfassungen mit einem KI-Modell &amp;umschreiben</translation>
    </message>
    <message>
        <source>Each changed sheet&apos;s summary is rewritten by the model from the list of changes. If it fails or takes too long, the usual summary is kept.</source>
        <translation>Die Zusammenfassung jedes geänderten Plans wird vom Modell aus der Liste der Änderungen neu geschrieben. Schlägt das fehl oder dauert es zu lange, bleibt die übliche Zusammenfassung.</translation>
    </message>
    <message>
        <source>Base URL of an OpenAI-compatible server (…/v1) or its full …/chat/completions URL.</source>
        <translation>Basis-URL eines OpenAI-kompatiblen Servers (…/v1) oder seine vollständige …/chat/completions-URL.</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keiner</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>How long to wait for each sheet&apos;s rewrite.</source>
        <translation>Wie lange auf die neu geschriebene Zusammenfassung jedes Plans gewartet wird.</translation>
    </message>
    <message>
        <source>&amp;Endpoint:</source>
        <translation>&amp;Endpunkt:</translation>
    </message>
    <message>
        <source>Mo&amp;del:</source>
        <translation>Mo&amp;dell:</translation>
    </message>
    <message>
        <source>API ke&amp;y:</source>
        <translation>API-S&amp;chlüssel:</translation>
    </message>
    <message>
        <source>T&amp;imeout:</source>
        <translation>Zeitl&amp;imit:</translation>
    </message>
    <message>
        <source>Enter the endpoint&apos;s http:// or https:// address, or turn the AI summary off.</source>
        <translation>Die http://- oder https://-Adresse des Endpunkts eingeben oder die KI-Zusammenfassung ausschalten.</translation>
    </message>
    <message>
        <source>No keyring on this computer (Secret Service, KWallet): the access token and the AI key are stored in the settings file, readable by your user account only.</source>
        <translation>Kein Schlüsselbund auf diesem Computer (Secret Service, KWallet): Zugriffstoken und KI-Schlüssel werden in der Einstellungsdatei gespeichert, nur für Ihr Benutzerkonto lesbar.</translation>
    </message>
    <message>
        <source>Sent as a bearer token.</source>
        <translation>Wird als Bearer-Token gesendet.</translation>
    </message>
    <message>
        <source>Only the list of changes and the summary text are sent, never the drawings.</source>
        <translation>Gesendet werden nur die Liste der Änderungen und der Text der Zusammenfassung, nie die Zeichnungen.</translation>
    </message>
    <message>
        <source>Shown with your reviews and comments, also to the team on the job server.</source>
        <translation>Wird mit Ihren Prüfungen und Kommentaren angezeigt, auch dem Team auf dem Jobserver.</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>Ihr &amp;Name:</translation>
    </message>
</context>
<context>
    <name>bt::ui::SheetLoader</name>
    <message>
        <source>The overlay %1 could not be read (%2).</source>
        <translation>Die Überlagerung %1 konnte nicht gelesen werden (%2).</translation>
    </message>
    <message>
        <source>The overlay %1 is not a palette image written by BuildTrace.</source>
        <translation>Die Überlagerung %1 ist kein von BuildTrace geschriebenes Palettenbild.</translation>
    </message>
    <message>
        <source>%1 has no page %2.</source>
        <translation>%1 hat keine Seite %2.</translation>
    </message>
    <message>
        <source>Page %1 of %2 could not be rendered (%3).</source>
        <translation>Seite %1 von %2 konnte nicht gerendert werden (%3).</translation>
    </message>
</context>
<context>
    <name>bt::ui::SheetModel</name>
    <message>
        <source>%1 of %2 reviewed</source>
        <translation>%1 von %2 geprüft</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>Architectural</source>
        <translation>Architektur</translation>
    </message>
    <message>
        <source>Structural</source>
        <translation>Tragwerk</translation>
    </message>
    <message>
        <source>Mechanical</source>
        <translation>Haustechnik (HLK)</translation>
    </message>
    <message>
        <source>Electrical</source>
        <translation>Elektro</translation>
    </message>
    <message>
        <source>Plumbing</source>
        <translation>Sanitär</translation>
    </message>
    <message>
        <source>Civil</source>
        <translation>Tiefbau</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>Landschaftsbau</translation>
    </message>
    <message>
        <source>Fire protection</source>
        <translation>Brandschutz</translation>
    </message>
    <message>
        <source>Interiors</source>
        <translation>Innenausbau</translation>
    </message>
    <message>
        <source>Telecom</source>
        <translation>Telekommunikation</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstige</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Entfernt</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Unverändert</translation>
    </message>
    <message>
        <source>Comparing…</source>
        <translation>Wird verglichen…</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Discipline</source>
        <translation>Fachbereich</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Änderungen</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Geprüft</translation>
    </message>
</context>
<context>
    <name>bt::ui::SheetPairing</name>
    <message>
        <source>Cannot Change the Sheets</source>
        <translation>Blätter können nicht geändert werden</translation>
    </message>
    <message>
        <source>Unnumbered sheet</source>
        <translation>Blatt ohne Nummer</translation>
    </message>
    <message>
        <source>(old page %1)</source>
        <translation>(alte Seite %1)</translation>
    </message>
    <message>
        <source>(new page %1)</source>
        <translation>(neue Seite %1)</translation>
    </message>
    <message>
        <source>&amp;Unpair Sheets</source>
        <translation>Blattpaar &amp;trennen</translation>
    </message>
    <message>
        <source>These are different drawings: show one as removed and one as added</source>
        <translation>Das sind verschiedene Zeichnungen: eine als entfernt, eine als hinzugefügt zeigen</translation>
    </message>
    <message>
        <source>&amp;Pair With</source>
        <translation>&amp;Paaren mit</translation>
    </message>
    <message>
        <source>No sheet of the old set is unpaired</source>
        <translation>Kein Blatt des alten Satzes ist ungepaart</translation>
    </message>
    <message>
        <source>No sheet of the new set is unpaired</source>
        <translation>Kein Blatt des neuen Satzes ist ungepaart</translation>
    </message>
    <message>
        <source>Pair Sheets</source>
        <translation>Blätter paaren</translation>
    </message>
    <message>
        <source>Sheets can be paired once the running comparison has finished, and only in comparisons made on this computer.</source>
        <translation>Blätter können gepaart werden, sobald der laufende Vergleich beendet ist, und nur in Vergleichen auf diesem Computer.</translation>
    </message>
</context>
<context>
    <name>bt::ui::SheetView</name>
    <message>
        <source>Sheet</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Drag or use the arrow keys to pan; the mouse wheel zooms at the cursor.</source>
        <translation>Zum Verschieben ziehen oder die Pfeiltasten benutzen; das Mausrad zoomt an der Mausposition.</translation>
    </message>
</context>
<context>
    <name>bt::ui::ViewerPage</name>
    <message>
        <source>← Sheets</source>
        <translation>← Pläne</translation>
    </message>
    <message>
        <source>‹ Previous</source>
        <translation>‹ Vorheriger</translation>
    </message>
    <message>
        <source>Next ›</source>
        <translation>Nächster ›</translation>
    </message>
    <message>
        <source>Back to the sheets (%1)</source>
        <translation>Zurück zu den Plänen (%1)</translation>
    </message>
    <message>
        <source>Previous sheet (%1)</source>
        <translation>Vorheriger Plan (%1)</translation>
    </message>
    <message>
        <source>Next sheet (%1)</source>
        <translation>Nächster Plan (%1)</translation>
    </message>
    <message>
        <source>Sheet %1 of %2: %3</source>
        <translation>Plan %1 von %2: %3</translation>
    </message>
    <message>
        <source>Aligned by points</source>
        <translation>An Punkten ausgerichtet</translation>
    </message>
    <message>
        <source>Align by Points…</source>
        <translation>An Punkten ausrichten…</translation>
    </message>
    <message>
        <source>Pick two points on the old sheet and the same two on the new one; the sheet is aligned by them and compared again</source>
        <translation>Zwei Punkte auf dem alten Blatt und dieselben zwei auf dem neuen wählen; das Blatt wird daran ausgerichtet und erneut verglichen</translation>
    </message>
    <message>
        <source>This sheet is aligned by points the user picked</source>
        <translation>Dieses Blatt ist an vom Benutzer gewählten Punkten ausgerichtet</translation>
    </message>
    <message>
        <source>Align by Points</source>
        <translation>An Punkten ausrichten</translation>
    </message>
    <message>
        <source>The sheet can be aligned once the running comparison has finished.</source>
        <translation>Das Blatt kann ausgerichtet werden, sobald der laufende Vergleich beendet ist.</translation>
    </message>
</context>
</TS>
