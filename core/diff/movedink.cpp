#include "movedink.h"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

namespace bt {

namespace {

// Shape agreement (IoU of the two inks, each grown by a pixel) that makes a pair the same thing.
constexpr double kMinShapeIou = 0.6;
// Smallest ink worth pairing (pt^2): specks of the same size are everywhere on a sheet.
constexpr double kMinInkPt2 = 6.0;
// Things moved within one region are this size at most (points): a door, furniture, a label.
// Larger regions are redrawn areas, and correlating them would cost seconds.
constexpr double kMaxMovedPt = 300.0;
// Share of a moved thing's changed ink that must reappear at the other place, moved.
constexpr double kMinLanding = 0.75;

struct Ink {
    cv::Mat mask; // tight crop of the changed ink
    int pixels = 0;
};

cv::Rect toCv(const QRect &r) {
    return cv::Rect(r.x(), r.y(), r.width(), r.height());
}

Ink inkIn(const cv::Mat &mask, const QRect &box) {
    const cv::Rect r = toCv(box) & cv::Rect(0, 0, mask.cols, mask.rows);
    if (r.empty()) return {};
    const cv::Mat crop = mask(r);
    const cv::Rect tight = cv::boundingRect(crop);
    if (tight.empty()) return {};
    Ink ink;
    ink.mask = crop(tight).clone();
    ink.pixels = cv::countNonZero(ink.mask);
    return ink;
}

double shapeIou(const Ink &a, const Ink &b) {
    const cv::Size sa = a.mask.size(), sb = b.mask.size();
    auto close = [](int x, int y) { return std::abs(x - y) <= std::max(3, int(0.1 * std::max(x, y))); };
    if (!close(sa.width, sb.width) || !close(sa.height, sb.height)) return 0;
    if (std::min(a.pixels, b.pixels) < 0.7 * std::max(a.pixels, b.pixels)) return 0;
    cv::Mat resized;
    cv::resize(b.mask, resized, sa, 0, 0, cv::INTER_NEAREST);
    cv::Mat ga, gb;
    cv::dilate(a.mask, ga, cv::Mat());
    cv::dilate(resized, gb, cv::Mat());
    const double inter = cv::countNonZero(ga & gb), uni = cv::countNonZero(ga | gb);
    return uni > 0 ? inter / uni : 0;
}

// Share of `mask`'s pixels that, shifted by `d`, fall on `ink` (a pixel of tolerance).
double landsOn(const cv::Mat &mask, cv::Point2d d, const cv::Mat &ink) {
    const cv::Mat shift = (cv::Mat_<double>(2, 3) << 1, 0, d.x, 0, 1, d.y);
    cv::Mat moved, near;
    cv::warpAffine(mask, moved, shift, mask.size(), cv::INTER_NEAREST, cv::BORDER_CONSTANT, 0);
    cv::dilate(ink, near, cv::Mat());
    const int total = cv::countNonZero(mask);
    return total > 0 ? double(cv::countNonZero(moved & near)) / total : 0.0;
}

} // namespace

void pairMovedInk(ChangeRegions &regions, const ChangeMasks &masks, const cv::Mat &alignedOld,
                  const cv::Mat &newGrey, int inkThreshold, double dpi, double reachPt) {
    const double pxPerPt = pixelsPerPoint(dpi);
    const int minPixels = int(kMinInkPt2 * pxPerPt * pxPerPt);
    struct Candidate {
        int removed, added;
        double iou;
    };
    std::vector<Candidate> candidates;
    QVector<Ink> inks(regions.size());
    for (int i = 0; i < regions.size(); ++i) {
        const ChangeRegion &r = regions[i];
        if (r.kind == ChangeKind::Removed) inks[i] = inkIn(masks.removed, r.boxPx);
        if (r.kind == ChangeKind::Added) inks[i] = inkIn(masks.added, r.boxPx);
    }
    for (int i = 0; i < regions.size(); ++i) {
        if (regions[i].kind != ChangeKind::Removed || inks[i].pixels < minPixels) continue;
        for (int j = 0; j < regions.size(); ++j) {
            if (regions[j].kind != ChangeKind::Added || inks[j].pixels < minPixels) continue;
            if (regions[i].oldText != regions[j].newText) continue;
            const QPointF d = regions[j].boxPt.center() - regions[i].boxPt.center();
            if (std::abs(d.x()) > reachPt || std::abs(d.y()) > reachPt) continue;
            const double iou = shapeIou(inks[j], inks[i]);
            if (iou >= kMinShapeIou) candidates.push_back({i, j, iou});
        }
    }
    // Best matches first; each region moves at most once.
    std::sort(candidates.begin(), candidates.end(),
              [](const Candidate &a, const Candidate &b) { return a.iou > b.iou; });
    QVector<bool> used(regions.size(), false); // a removed region used here is gone below
    for (const Candidate &c : candidates) {
        if (used[c.removed] || used[c.added]) continue;
        used[c.removed] = used[c.added] = true;
        ChangeRegion &to = regions[c.added];
        const ChangeRegion &from = regions[c.removed];
        to.kind = ChangeKind::Moved;
        to.movedFromPt = from.boxPt;
        to.movedFromPx = from.boxPx;
        to.removedPx += from.removedPx;
        to.oldText = from.oldText;
    }
    // A thing moved less than its own size: one region holding both places. Its removed ink,
    // shifted by the move, lies on NEW's ink and its added ink, shifted back, on OLD's.
    for (ChangeRegion &r : regions) {
        // Different words at the two places are a text edit, however alike their glyphs.
        if (r.kind != ChangeKind::Modified || r.oldText != r.newText) continue;
        const cv::Rect box = toCv(r.boxPx) & cv::Rect(0, 0, masks.removed.cols, masks.removed.rows);
        if (box.width < 8 || box.height < 8 || std::max(box.width, box.height) > kMaxMovedPt * pxPerPt)
            continue;
        const cv::Mat was = masks.removed(box), is = masks.added(box);
        if (std::min(cv::countNonZero(was), cv::countNonZero(is)) < minPixels) continue;
        cv::Mat wasF, isF;
        was.convertTo(wasF, CV_32F);
        is.convertTo(isF, CV_32F);
        const cv::Point2d d = cv::phaseCorrelate(wasF, isF);
        if (std::hypot(d.x, d.y) < pxPerPt) continue; // no displacement: a redrawn thing
        const cv::Mat oldInk = alignedOld(box) < inkThreshold, newInk = newGrey(box) < inkThreshold;
        if (landsOn(was, d, newInk) < kMinLanding || landsOn(is, -d, oldInk) < kMinLanding) continue;
        const cv::Rect from = cv::boundingRect(was);
        r.kind = ChangeKind::Moved;
        r.movedFromPx = QRect(box.x + from.x, box.y + from.y, from.width, from.height);
        r.movedFromPt = QRectF(r.movedFromPx.x() / pxPerPt, r.movedFromPx.y() / pxPerPt,
                               r.movedFromPx.width() / pxPerPt, r.movedFromPx.height() / pxPerPt);
    }
    ChangeRegions kept;
    for (int i = 0; i < regions.size(); ++i)
        if (!(used[i] && regions[i].kind == ChangeKind::Removed)) kept.append(regions[i]);
    regions = kept;
    numberRegions(regions);
}

} // namespace bt
