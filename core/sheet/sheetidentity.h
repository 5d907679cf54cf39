#pragma once

#include <QRectF>
#include <QString>

namespace bt {

// What a sheet calls itself: its drawing number and title (FIRST FLOOR PLAN).
struct SheetIdentity {
    QString number;        // as printed, e.g. "A-101"; empty when none was found
    QString title;         // empty when none was found
    QRectF numberBoxPt;    // where the number was found
    double confidence = 0; // 0..1
    QString source;        // "text" (PDF text layer), "ocr", or empty
    // M of a "Sheet N of M" field when the number is that field's N (a position in the set,
    // comparable only between sets of the same count); 0 otherwise.
    int sheetCount = 0;
    bool isValid() const { return !number.isEmpty(); }
};

} // namespace bt
