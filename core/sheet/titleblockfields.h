#pragma once

#include "document/word.h"

#include <QRectF>
#include <QSizeF>
#include <QString>

namespace bt {

// The sheet-number field of a title block, read from word positions: a label ("Sheet:",
// "SHEET", "Id:", "DWG NO.", "DRAWING NUMBER", "SHEET NO.") and its value right of it on the
// same line or below it in the same cell.
struct SheetNumberField {
    QString number;     // "2" of "Sheet: 2 of 8", "180-501-465.1.3" of "DWG NO."; empty: none
    int sheetCount = 0; // 8 of "Sheet: 2 of 8"; 0 for a drawing-number field
    QRectF boxPt;       // the value
    QRectF labelBoxPt;
    double heightPt = 0;   // the value's text height
    double confidence = 0; // 0..100, lowest word confidence of label and value (OCR)
    bool isValid() const { return !number.isEmpty(); }
};

// The page's sheet-number field, preferring a drawing-number field to a sheet count ("DWG NO."
// names the drawing, "SHEET 2 OF 4" only its place) and, among fields of one kind, the one
// nearest the bottom-right corner where title blocks keep them. Invalid when there is none.
SheetNumberField readSheetNumberField(const Words &words, QSizeF pageSizePt);

} // namespace bt
