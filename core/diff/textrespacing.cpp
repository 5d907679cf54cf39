#include "textrespacing.h"

#include "wordtwins.h"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

namespace bt {

namespace {

// Shift along the line a re-spaced word may show (points): line spacing moves lines across.
constexpr double kAlongReachPt = 0.75;
// Share of changed ink that may lie outside the text lines: anti-aliasing specks.
constexpr double kStrayInk = 0.02;
// Stroke fonts (KiCad, AutoCAD SHX) draw wider than the invisible text laid over them, the more
// the longer the line: a line's glyphs may run past its words' boxes by this share of its length.
constexpr double kStrokeDrift = 0.25;

Words wordsIn(const QRectF &box, const Words &words) {
    Words out;
    for (const Word &w : words)
        if (box.intersects(w.box)) out.append(w);
    return out;
}

// Horizontal lines of text, each line's words left to right.
QVector<Words> textLines(const Words &words) {
    QVector<Words> lines;
    for (const Word &w : sortedInReadingOrder(words)) {
        auto same = std::find_if(lines.begin(), lines.end(), [&](const Words &l) {
            const Word &last = l.last();
            return std::abs(last.box.center().y() - w.box.center().y()) <=
                   0.5 * std::min(w.box.height(), last.box.height());
        });
        if (same != lines.end())
            same->append(w);
        else
            lines.append(Words{w});
    }
    return lines;
}

QRectF boxOf(const Words &line) {
    QRectF box;
    for (const Word &w : line)
        box = box.united(w.box);
    return box;
}

const Word *twinOf(const Word &w, const Words &others, double alongPt, double acrossPt) {
    for (const Word &o : others) {
        const QPointF d = o.box.center() - w.box.center();
        if (o.text == w.text && std::abs(d.x()) <= alongPt && std::abs(d.y()) <= acrossPt) return &o;
    }
    return nullptr;
}

// Another line of the same paragraph right above or below: its first word starts where this
// line's does (within half a character: stroke fonts' first glyphs differ in their bearing).
bool inParagraph(const QRectF &line, const Words &sameSide) {
    const double h = line.height();
    return std::any_of(sameSide.begin(), sameSide.end(), [&](const Word &w) {
        const double dy = std::abs(w.box.center().y() - line.center().y());
        return std::abs(w.box.left() - line.left()) <= 0.5 * h && dy >= 0.6 * h && dy <= 2.5 * h;
    });
}

// The words of one side are the other side's laid out again: each line starts where it did
// (its first word's twin not shifted along the line), later words shift by a few points at
// most (re-kerning), and a line shifts across only as a line of a paragraph whose spacing
// changed. A label moved as a whole, along its line, is a move and a change.
bool laidOutAgain(const Words &words, const Words &sameSide, const Words &others) {
    for (const Words &line : textLines(words)) {
        const Word *first = twinOf(line.first(), others, kAlongReachPt, kRespacingReachPt);
        if (!first) return false;
        const bool shiftedAcross =
            std::abs(first->box.center().y() - line.first().box.center().y()) > kAlongReachPt;
        if (shiftedAcross && !inParagraph(boxOf(line), sameSide)) return false;
        for (const Word &w : line)
            if (!twinOf(w, others, kRespacingReachPt, kRespacingReachPt)) return false;
    }
    return true;
}

bool onlyTextInk(const ChangeRegion &r, const ChangeMasks &masks, const QVector<Words> &lines,
                 double pxPerPt) {
    const cv::Rect page(0, 0, masks.added.cols, masks.added.rows);
    const cv::Rect box = cv::Rect(r.boxPx.x(), r.boxPx.y(), r.boxPx.width(), r.boxPx.height()) & page;
    if (box.empty()) return false;
    cv::Mat changed = masks.added(box) | masks.removed(box);
    const int total = cv::countNonZero(changed);
    if (total == 0) return false;
    for (const Words &words : lines) {
        const QRectF line = boxOf(words);
        const double h = line.height(), drift = kStrokeDrift * line.width() + 0.5 * h;
        const QRectF reach = line.adjusted(-drift, -0.5 * h, drift, 0.5 * h);
        const cv::Rect px = cv::Rect(int(reach.x() * pxPerPt) - box.x, int(reach.y() * pxPerPt) - box.y,
                                     int(reach.width() * pxPerPt) + 2, int(reach.height() * pxPerPt) + 2) &
                            cv::Rect(0, 0, box.width, box.height);
        if (!px.empty()) changed(px).setTo(0);
    }
    return cv::countNonZero(changed) <= kStrayInk * total;
}

bool isRespacedText(const ChangeRegion &r, const ChangeMasks &masks, const Words &oldWords,
                    const Words &newWords, double pxPerPt) {
    if (r.kind != ChangeKind::Modified && r.kind != ChangeKind::Moved) return false;
    const Words was = wordsIn(r.boxPt, oldWords), is = wordsIn(r.boxPt, newWords);
    if (was.isEmpty() || was.size() != is.size()) return false;
    return laidOutAgain(is, newWords, oldWords) && laidOutAgain(was, oldWords, newWords) &&
           onlyTextInk(r, masks, textLines(was + is), pxPerPt);
}

} // namespace

void dropRespacedText(ChangeRegions &regions, const ChangeMasks &masks, const Words &oldWords,
                      const Words &newWords, double dpi) {
    const double pxPerPt = pixelsPerPoint(dpi);
    const Words oldLegible = legibleWords(oldWords), newLegible = legibleWords(newWords);
    const int before = int(regions.size());
    regions.erase(std::remove_if(regions.begin(), regions.end(),
                                 [&](const ChangeRegion &r) {
                                     return isRespacedText(r, masks, oldLegible, newLegible, pxPerPt);
                                 }),
                  regions.end());
    if (regions.size() != before) numberRegions(regions);
}

} // namespace bt
