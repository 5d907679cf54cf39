#pragma once

#include <QRectF>
#include <QString>
#include <QVector>

namespace bt {

// Page geometry is kept in PDF points, 72 to the inch; pixels depend on the render DPI.
constexpr double kPointsPerInch = 72.0;
constexpr double pixelsPerPoint(double dpi) {
    return dpi / kPointsPerInch;
}

// One word on a page. Boxes are in PDF points, origin top-left, y down, so words from
// the text layer and from OCR can be compared and mapped onto either page alike.
struct Word {
    QString text;
    QRectF box;
    double confidence = 100.0; // OCR confidence 0..100; text-layer words are 100
};

using Words = QVector<Word>;

// Words sorted into reading order: lines top to bottom, words left to right.
Words sortedInReadingOrder(Words words);

// Joined text of the words, in reading order, separated by single spaces.
QString joinedText(const Words &words);

// Words a reader never sees: text squeezed to a sliver (Altium writes every designator a second
// time, horizontally scaled to nothing) or of no size. They are dropped before identification.
bool isHiddenWord(const Word &word);
Words visibleWords(const Words &words);

// The words a reader can read, for what a change says: visible, at least 3 pt tall (Altium puts
// pad and pin names under a point high on every pad), and not laid over another word as a
// longer variant of it (Altium's invisible "COTP1" over "TP1", "NLVIN0SENSE0OUT" over
// "VIN-SENSE-OUT": two texts on one spot cannot both be printed legibly; the shorter is the one
// drawn).
Words legibleWords(const Words &words);
// Smaller text is not read: hidden pad and net tokens, not a note.
constexpr double kMinLegibleHeightPt = 3.0;

} // namespace bt
