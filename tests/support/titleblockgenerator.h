#pragma once

#include <QSizeF>
#include <QString>
#include <QVector>

namespace bt::test {

// Title-block styles of non-architectural producers, for sheet-identity tests.
enum class TitleBlockStyle {
    Altium,     // "Title:", "Sheet: 2 of 8", "File:", "Size:" cells on one bottom-right strip
    KiCad,      // "Sheet: /Power Supplies/", "File:", "Title:", "Rev:", "Id: 3/7"
    Mechanical, // "DWG NO." cell with the number below the label, "SHEET 4 OF 4" on one line
    SheetBelow, // "SHEET" label with "1 OF 4" below it in the same cell (mechanical CAD)
    None,       // no sheet-number field at all (e.g. a PCB assembly view)
};

// A schematic-like sheet: dozens of part references (R1.., C1.., U1, JP1, D16) and net labels
// in the drawing area, Altium-style hidden designator tokens (text squeezed to nothing:
// present in the text layer, invisible on paper), a big section heading ("ESP32"), a note
// citing a standard ("IPC-A-610"), a tolerance table ("X 150") and the title block of `style`.
struct ElectronicSheetSpec {
    TitleBlockStyle style = TitleBlockStyle::Altium;
    int sheet = 2;                                             // the sheet's number in its set
    int count = 8;                                             // sheets in the set
    QString drawingNumber = QStringLiteral("180-501-465.1.3"); // Mechanical only
    QSizeF paperPt = QSizeF(792, 612);                         // US Letter landscape
    double contentScale = 1.0; // the drawing scaled about the top-left (a re-export on other paper)
    int seed = 1;              // placement of parts
    bool textAsPaths = false;  // stroked text, no text layer (CAD SHX output)
};

// Writes one PDF page per spec (QPdfWriter, vector). False on failure.
bool writeElectronicSet(const QString &path, const QVector<ElectronicSheetSpec> &sheets);

} // namespace bt::test
