#pragma once

// Reading a field next to its label among a page's words (title-block fields, revision fields).
// Internal to core/sheet.

#include "document/word.h"

#include <QRectF>
#include <QString>

#include <algorithm>

namespace bt::wordline {

// Letters and digits only, upper case: "Dwg. No." -> "DWGNO".
inline QString bare(const QString &text) {
    QString out;
    for (QChar c : text.toUpper())
        if (c.isLetterOrNumber()) out += c;
    return out;
}

// Two boxes on one text line: they overlap by half the smaller height.
inline bool sameLine(const QRectF &a, const QRectF &b) {
    const double overlap = std::min(a.bottom(), b.bottom()) - std::max(a.top(), b.top());
    return overlap >= 0.5 * std::min(a.height(), b.height());
}

// The nearest word right of `box` on its line within maxGap, or -1. OCR boxes may overlap their
// neighbour's: words are ordered by their left edge and centre, not by the box's right edge.
inline int rightOf(const Words &words, const QRectF &box, double maxGap) {
    int best = -1;
    double bestGap = 0;
    for (int j = 0; j < words.size(); ++j) {
        const QRectF &b = words.at(j).box;
        const double gap = b.left() - box.right();
        if (gap > maxGap || !sameLine(box, b) || b.left() <= box.left() || b.center().x() <= box.center().x())
            continue;
        if (best < 0 || gap < bestGap) {
            best = j;
            bestGap = gap;
        }
    }
    return best;
}

} // namespace bt::wordline
