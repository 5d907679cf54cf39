#include "word.h"

#include <algorithm>

namespace bt {

namespace {

// A word set vertically: several letters in a box clearly taller than wide.
bool isVertical(const Word &w) {
    return w.text.size() >= 2 && w.box.height() > 1.5 * w.box.width();
}

// Vertical words in columns (by horizontal overlap), left to right; each column read from the
// bottom up, as drawings set vertical text (a vertical dimension reads from the sheet's right
// edge: "24'-7" below "1/2"" is 24'-7 1/2").
Words verticalInReadingOrder(Words words) {
    std::sort(words.begin(), words.end(),
              [](const Word &a, const Word &b) { return a.box.center().x() < b.box.center().x(); });
    QVector<Words> columns;
    for (const Word &w : words) {
        if (!columns.isEmpty()) {
            const Word &last = columns.last().last();
            const double tol = 0.5 * std::min(last.box.width(), w.box.width());
            if (std::abs(w.box.center().x() - last.box.center().x()) <= tol) {
                columns.last().append(w);
                continue;
            }
        }
        columns.append(Words{w});
    }
    Words out;
    for (Words &column : columns) {
        std::sort(column.begin(), column.end(),
                  [](const Word &a, const Word &b) { return a.box.bottom() > b.box.bottom(); });
        out += column;
    }
    return out;
}

} // namespace

Words sortedInReadingOrder(Words all) {
    Words words, vertical;
    for (const Word &w : all)
        (isVertical(w) ? vertical : words).append(w);
    // Group into lines by vertical overlap first: a plain (y, x) sort would interleave
    // words of one line whose boxes differ by a point in height.
    std::sort(words.begin(), words.end(),
              [](const Word &a, const Word &b) { return a.box.center().y() < b.box.center().y(); });
    QVector<Words> lines;
    for (const Word &w : words) {
        if (!lines.isEmpty()) {
            const Word &last = lines.last().last();
            const double tol = 0.5 * std::min(last.box.height(), w.box.height());
            if (std::abs(w.box.center().y() - last.box.center().y()) <= tol) {
                lines.last().append(w);
                continue;
            }
        }
        lines.append(Words{w});
    }
    Words out;
    out.reserve(words.size());
    for (Words &line : lines) {
        std::sort(line.begin(), line.end(),
                  [](const Word &a, const Word &b) { return a.box.x() < b.box.x(); });
        out += line;
    }
    return out + verticalInReadingOrder(vertical);
}

QString joinedText(const Words &words) {
    QStringList parts;
    for (const Word &w : words)
        parts << w.text;
    return parts.join(QLatin1Char(' '));
}

bool isHiddenWord(const Word &word) {
    const QRectF &b = word.box;
    if (b.width() <= 0 || b.height() <= 0) return true;
    const int n = int(word.text.trimmed().size());
    if (n < 3) return false;
    // Too narrow for its characters set horizontally, and too short for them set vertically
    // (a rotated label's box is tall and narrow, but as tall as its characters need).
    return b.width() < 0.15 * n * b.height() && b.height() < 0.4 * n * b.width();
}

Words visibleWords(const Words &words) {
    Words out;
    out.reserve(words.size());
    for (const Word &w : words)
        if (!isHiddenWord(w)) out.append(w);
    return out;
}

namespace {

// The letters and digits of `shorter` appear in order within `longer` (TP1 in COTP1,
// VIN-SENSE-OUT in NLVIN0SENSE0OUT), ignoring case.
bool isLongerVariant(const QString &longer, const QString &shorter) {
    int at = 0;
    for (const QChar c : shorter) {
        if (!c.isLetterOrNumber()) continue;
        for (;;) {
            if (at >= longer.size()) return false;
            if (longer.at(at++).toUpper() == c.toUpper()) break;
        }
    }
    return true;
}

// `over` lies on `under` (most of the smaller box shared) and is a longer variant of its text.
// Neighbours whose boxes touch ("BULLETIN" and "2" as OCR boxes them) are both kept.
bool shadows(const Word &over, const Word &under) {
    if (over.text.size() <= under.text.size() || !isLongerVariant(over.text, under.text)) return false;
    const QRectF inter = over.box.intersected(under.box);
    if (inter.isEmpty()) return false;
    const double smaller =
        std::min(over.box.width() * over.box.height(), under.box.width() * under.box.height());
    return inter.width() * inter.height() >= 0.5 * smaller;
}

} // namespace

Words legibleWords(const Words &words) {
    Words candidates;
    for (const Word &w : visibleWords(words))
        if (std::min(w.box.width(), w.box.height()) >= kMinLegibleHeightPt) candidates.append(w);
    // Words sorted by their left edge: only those starting before one's right edge can overlap it.
    std::sort(candidates.begin(), candidates.end(),
              [](const Word &a, const Word &b) { return a.box.left() < b.box.left(); });
    QVector<bool> shadow(candidates.size(), false);
    for (int i = 0; i < candidates.size(); ++i)
        for (int j = i + 1; j < candidates.size() && candidates[j].box.left() < candidates[i].box.right();
             ++j) {
            if (shadows(candidates[i], candidates[j])) shadow[i] = true;
            if (shadows(candidates[j], candidates[i])) shadow[j] = true;
        }
    Words out;
    for (int i = 0; i < candidates.size(); ++i)
        if (!shadow[i]) out.append(candidates[i]);
    return out;
}

} // namespace bt
