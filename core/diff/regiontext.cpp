#include "changedetector.h"
#include "wordtwins.h"

#include <algorithm>
#include <cmath>

namespace bt {

namespace {

struct Phrase {
    QRectF box;
    Words words;
};

// Text set vertically (a rotated label, a dimension along a wall): its box is tall and narrow.
bool runsVertically(const Word &w) {
    return w.text.size() >= 2 && w.box.height() > 1.5 * w.box.width();
}

// Words on one line separated by less than about a character height belong together; a
// vertical line's words stack along y.
QVector<Phrase> phrases(const Words &words) {
    const Words sorted = sortedInReadingOrder(words);
    QVector<Phrase> out;
    for (const Word &w : sorted) {
        if (!out.isEmpty()) {
            Phrase &p = out.last();
            const Word &last = p.words.last();
            const bool vertical = runsVertically(last) || runsVertically(w);
            auto across = [vertical](const QRectF &b) { return vertical ? b.width() : b.height(); };
            auto centre = [vertical](const QRectF &b) { return vertical ? b.center().x() : b.center().y(); };
            const double h = std::min(across(last.box), across(w.box));
            const bool sameLine = std::abs(centre(w.box) - centre(last.box)) <= 0.5 * h;
            const double gap =
                vertical ? std::max(last.box.top() - w.box.bottom(), w.box.top() - last.box.bottom())
                         : w.box.left() - last.box.right();
            if (sameLine && gap >= -0.5 * h && gap <= 0.9 * std::max(across(last.box), across(w.box))) {
                p.words.append(w);
                p.box = p.box.united(w.box);
                continue;
            }
        }
        out.append(Phrase{w.box, Words{w}});
    }
    return out;
}

// A word belongs to a region when a good part of it is inside, or the region (a changed glyph)
// lies mostly within the word. "Within" allows half a text height around the word's box: stroke
// fonts (KiCad, AutoCAD SHX) draw glyphs past the box of the invisible text laid over them, and a
// changed last letter must still take its word (and so its cloud the whole word).
bool touches(const QRectF &region, const Word &w) {
    const QRectF inter = region.intersected(w.box);
    const double a = inter.isEmpty() ? 0.0 : inter.width() * inter.height();
    if (a >= 0.3 * w.box.width() * w.box.height()) return true;
    const double h = w.box.height();
    const QRectF near = region.intersected(w.box.adjusted(-0.5 * h, -0.25 * h, 0.5 * h, 0.25 * h));
    return !near.isEmpty() && near.width() * near.height() >= 0.5 * region.width() * region.height();
}

QVector<int> touchedPhrases(const QRectF &region, const QVector<Phrase> &all) {
    QVector<int> out;
    for (int i = 0; i < all.size(); ++i)
        if (std::any_of(all[i].words.begin(), all[i].words.end(),
                        [&](const Word &w) { return touches(region, w); }))
            out.append(i);
    return out;
}

// The phrases a region may report, per side. A region's texts are the text that changed, not
// every word in its box: a phrase qualifies when one of its words has no twin on the other side
// (so "REV 1" -> "REV 2" still reads whole). A phrase clouded as a changed text line belongs to
// that cloud only, not also to a drawing's cloud whose box happens to cover it.
struct Eligible {
    QVector<bool> forText;
    QVector<bool> forDrawing;
};

Eligible eligiblePhrases(const QVector<Phrase> &all, const WordIndex &index, bool othersEmpty,
                         const ChangeRegions &regions) {
    Eligible out{QVector<bool>(all.size(), othersEmpty), {}};
    if (!othersEmpty)
        for (int i = 0; i < all.size(); ++i)
            out.forText[i] = std::any_of(all[i].words.begin(), all[i].words.end(),
                                         [&](const Word &w) { return !hasTwin(w, index); });
    out.forDrawing = out.forText;
    for (const ChangeRegion &r : regions)
        if (r.textLine)
            for (int i : touchedPhrases(r.boxPt, all))
                out.forDrawing[i] = false;
    return out;
}

QVector<int> reportedPhrases(const ChangeRegion &r, const QVector<Phrase> &all, const Eligible &eligible) {
    const QVector<bool> &ok = r.textLine ? eligible.forText : eligible.forDrawing;
    QVector<int> out = touchedPhrases(r.boxPt, all);
    out.erase(std::remove_if(out.begin(), out.end(), [&](int i) { return !ok[i]; }), out.end());
    return out;
}

QStringList texts(const QVector<int> &indices, const QVector<Phrase> &all) {
    Words words;
    for (int i : indices)
        words += all[i].words;
    QStringList out;
    for (const Word &w : sortedInReadingOrder(words))
        out << w.text;
    return out;
}

ChangeKind combined(const ChangeRegion &r) {
    const int total = r.addedPx + r.removedPx;
    if (total == 0) return r.kind;
    return r.removedPx <= 0.1 * total ? ChangeKind::Added
           : r.addedPx <= 0.1 * total ? ChangeKind::Removed
                                      : ChangeKind::Modified;
}

// Added (or removed) text on one line is one change to a reader, even across table columns:
// a new revision row "2  ADDENDUM 1  03/21/2025" is one cloud, not three. Unless unchanged text
// of the line stands among them: "DNP" added beside each of three LEDs labelled Green, Red and
// Yellow is three changes in a row of parts, not one row.
bool sameTextRow(const ChangeRegion &a, const ChangeRegion &b, const QVector<QRectF> &unchangedWords) {
    if (a.kind != b.kind || a.kind == ChangeKind::Modified) return false;
    const double h = std::min(a.boxPt.height(), b.boxPt.height());
    if (h <= 0 || std::max(a.boxPt.height(), b.boxPt.height()) > 20.0) return false;
    const double top = std::max(a.boxPt.top(), b.boxPt.top());
    const double bottom = std::min(a.boxPt.bottom(), b.boxPt.bottom());
    const double gap = std::max(a.boxPt.left(), b.boxPt.left()) - std::min(a.boxPt.right(), b.boxPt.right());
    if (bottom - top < 0.6 * h || gap > 30.0 * h) return false;
    QRectF row = a.boxPt.united(b.boxPt); // the two and what lies between them on their line
    row.setTop(top);
    row.setBottom(bottom);
    return std::none_of(unchangedWords.begin(), unchangedWords.end(),
                        [&](const QRectF &w) { return row.contains(w.center()); });
}

// A drawing region whose box holds (nearly) all of a text line's box.
bool containsMostOf(const ChangeRegion &drawing, const ChangeRegion &text) {
    if (drawing.textLine || !text.textLine) return false;
    const QRectF inter = drawing.boxPt.intersected(text.boxPt);
    return inter.width() * inter.height() >= 0.9 * text.boxPt.width() * text.boxPt.height();
}

} // namespace

void numberRegions(ChangeRegions &regions) {
    std::sort(regions.begin(), regions.end(), [](const ChangeRegion &a, const ChangeRegion &b) {
        return std::make_pair(a.boxPt.y(), a.boxPt.x()) < std::make_pair(b.boxPt.y(), b.boxPt.x());
    });
    for (int i = 0; i < regions.size(); ++i)
        regions[i].id = i + 1;
}

void attachRegionTexts(ChangeRegions &regions, const Words &allOldWords, const Words &allNewWords,
                       double dpi) {
    // What a change says is what a reader can read there: no hidden tokens of the text layer.
    const Words oldWordsInNewFrame = legibleWords(allOldWords), newWords = legibleWords(allNewWords);
    const QVector<Phrase> oldPhrases = phrases(oldWordsInNewFrame);
    const QVector<Phrase> newPhrases = phrases(newWords);
    const double pxPerPt = pixelsPerPoint(dpi);
    const WordIndex oldIndex = indexWords(oldWordsInNewFrame), newIndex = indexWords(newWords);
    const Eligible oldEligible = eligiblePhrases(oldPhrases, newIndex, newWords.isEmpty(), regions);
    const Eligible newEligible = eligiblePhrases(newPhrases, oldIndex, oldWordsInNewFrame.isEmpty(), regions);
    QVector<QRectF> unchangedWords; // words with a twin on the other side
    if (!oldWordsInNewFrame.isEmpty() && !newWords.isEmpty())
        for (const Word &w : newWords)
            if (hasTwin(w, oldIndex)) unchangedWords.append(w.box);

    // Grow each region over the phrases it touches (one pass: growing again from the grown box
    // would walk along a dense note block).
    for (ChangeRegion &r : regions) {
        QRectF box = r.boxPt;
        for (int i : reportedPhrases(r, oldPhrases, oldEligible))
            box = box.united(oldPhrases[i].box);
        for (int i : reportedPhrases(r, newPhrases, newEligible))
            box = box.united(newPhrases[i].box);
        r.boxPt = box;
    }
    // Merge regions that now overlap.
    bool merged = true;
    while (merged) {
        merged = false;
        for (int i = 0; i < regions.size() && !merged; ++i) {
            for (int j = i + 1; j < regions.size(); ++j) {
                // Text and drawing ink were told apart from their words: boxes overlapping does
                // not make them one change, but a text line inside a drawing's changed area is
                // part of that change (a label of a redrawn block).
                if (regions[i].textLine != regions[j].textLine) {
                    if (!containsMostOf(regions[i], regions[j]) && !containsMostOf(regions[j], regions[i]))
                        continue;
                } else if (!regions[i].boxPt.intersects(regions[j].boxPt) &&
                           !sameTextRow(regions[i], regions[j], unchangedWords)) {
                    continue;
                }
                regions[i].boxPt = regions[i].boxPt.united(regions[j].boxPt);
                regions[i].addedPx += regions[j].addedPx;
                regions[i].removedPx += regions[j].removedPx;
                regions[i].kind = combined(regions[i]);
                regions.removeAt(j);
                merged = true;
                break;
            }
        }
    }
    for (ChangeRegion &r : regions) {
        // Texts from the original touch test against the final box: words wholly inside count.
        r.oldText = texts(reportedPhrases(r, oldPhrases, oldEligible), oldPhrases);
        r.newText = texts(reportedPhrases(r, newPhrases, newEligible), newPhrases);
        r.boxPx = QRectF(r.boxPt.topLeft() * pxPerPt, r.boxPt.size() * pxPerPt).toAlignedRect();
    }
    numberRegions(regions);
}

} // namespace bt
