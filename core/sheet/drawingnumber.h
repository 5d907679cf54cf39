#pragma once

#include "document/word.h"

#include <QRectF>
#include <QString>
#include <QVector>

namespace bt {

struct DrawingNumberCandidate {
    QString text; // as printed, joined when split over words ("A 101" -> "A 101")
    QRectF boxPt;
    double heightPt = 0; // text height, the main ranking signal
};

// Canonical form for comparing drawing numbers: upper case, spaces, dashes, dots and
// underscores removed ("a-101" == "A101" == "A 101"); A1.01 and A-101 stay distinct from
// each other only by their characters, so "A1.01" -> "A101".
QString normaliseDrawingNumber(const QString &number);

// True for strings shaped like a drawing number: A-101, A101, A1.01, A-101A, S-201, AF101,
// G-001, E2.1, "A 101", FP-1.1 ...  Plain numbers, dates, dimensions, scales are rejected.
bool looksLikeDrawingNumber(const QString &text);

// The drawing number in `text` as printed, cleaned for use: surrounding punctuation stripped,
// dashes unified, OCR confusions in the digit group repaired (O->0, I/l->1, S->5: "A-1O1" ->
// "A-101"). Empty when the text does not look like a drawing number.
QString cleanDrawingNumber(const QString &text);

// ISO paper names A0..A4 ("A1"): shaped like a sheet number but usually printed as the paper
// size in title blocks, so looksLikeDrawingNumber() rejects them.
bool isPaperSizeName(const QString &text);

// Every word or pair of adjacent words on one line that looks like a drawing number.
QVector<DrawingNumberCandidate> findDrawingNumberCandidates(const Words &words);

} // namespace bt
