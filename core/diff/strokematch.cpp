#include "strokematch.h"

#include "changedetector.h"

#include <opencv2/imgproc.hpp>

namespace bt {

namespace {

cv::Mat disk(int radius) {
    return cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(2 * radius + 1, 2 * radius + 1));
}

// Local stroke thickness of `ink` (CV_8U 0/255), one byte a pixel: 0 where there is no ink,
// else 1 + the radius of the largest disk inside the ink that covers the pixel (1: a hairline,
// 2: a stroke 3 px wide ...), capped at `cap` + 2 for areas (anything holding a larger disk).
// `dist` is the ink's distance transform: its pixels over r are the centres of such disks.
cv::Mat strokeThickness(const cv::Mat &ink, const cv::Mat &dist, int cap) {
    cv::Mat thickness = ink / 255;
    for (int r = 1; r <= cap + 1; ++r) {
        const cv::Mat centres = dist > float(r);
        if (cv::countNonZero(centres) == 0) break;
        cv::Mat held;
        cv::dilate(centres, held, disk(r));
        thickness.setTo(r + 1, held);
    }
    return thickness;
}

// A pen weight changes a line's width by a factor of 2-3; pixel rounding and blur of thin
// strokes make that up to 4 in pixels. More is no weight change: a hairline under a new wall is
// not that wall drawn lighter.
constexpr float kMaxWeightRatio = 4.0f;

// Pixels covered by a disk inscribed in `ink` (CV_8U 0/255) whose centre lies within `near` of
// the other side's ink (`otherWeak`: faint ink included, counted as a hairline) where that
// side's stroke is the same line drawn lighter: thinner than this side's stroke at the centre
// (the distance to its edge), and not by more than kMaxWeightRatio. Ink the other side holds as
// thick (a filled box that grew, a line moved) is no weight change.
// Those covered only from centres where the other side has an area (wider than any pen: a fill,
// a filled box, a seal) go to `fromAreas`: whether an area's edge grew by a heavier pen or moved
// out is told by the rest of the sheet (dropLineWeight).
cv::Mat coveredFromCentres(const cv::Mat &ink, const cv::Mat &otherWeak, const cv::Mat &otherInk,
                           const cv::Mat &near, int maxHalfWidth, cv::Mat &fromAreas) {
    cv::Mat dist, otherDist;
    cv::distanceTransform(ink, dist, cv::DIST_L2, cv::DIST_MASK_5);
    cv::distanceTransform(otherInk, otherDist, cv::DIST_L2, cv::DIST_MASK_5);
    // The other side's thickest stroke within `near`, as a half-width (thickness - 0.5).
    cv::Mat other = cv::max(strokeThickness(otherInk, otherDist, maxHalfWidth), otherWeak / 255);
    cv::dilate(other, other, near);
    cv::Mat otherHalf;
    other.convertTo(otherHalf, CV_32F, 1.0, -0.5);
    const cv::Mat ownHalf = dist - 0.5f;
    const cv::Mat lighter = (other > 0) & (otherHalf < ownHalf) & (ownHalf <= kMaxWeightRatio * otherHalf);
    cv::Mat area = other > maxHalfWidth; // an area's rim holds no disk as large as its inside
    if (cv::countNonZero(area) == 0) area.release();
    cv::Mat covered = cv::Mat::zeros(ink.size(), CV_8U);
    fromAreas = cv::Mat::zeros(ink.size(), CV_8U);
    for (int s = 1; s <= maxHalfWidth; ++s) {
        const cv::Mat centres = (dist > float(s)) & lighter;
        if (cv::countNonZero(centres) == 0) {
            if (cv::countNonZero(dist > float(s)) == 0) break; // larger disks fit nowhere
            continue;
        }
        cv::Mat reached;
        if (area.empty()) {
            cv::dilate(centres, reached, disk(s));
            covered |= reached;
            continue;
        }
        for (const auto &[from, out] : {std::pair(cv::Mat(centres & ~area), &covered),
                                        std::pair(cv::Mat(centres & area), &fromAreas)}) {
            if (cv::countNonZero(from) == 0) continue;
            cv::dilate(from, reached, disk(s));
            *out |= reached;
        }
    }
    if (!area.empty()) fromAreas &= ~covered;
    return covered;
}

cv::Rect grown(const cv::Rect &r, int by, const cv::Size &bounds) {
    return cv::Rect(r.x - by, r.y - by, r.width + 2 * by, r.height + 2 * by) &
           cv::Rect(0, 0, bounds.width, bounds.height);
}

// Ink a weight change explains, counted by what explained it: a stroke drawn lighter on the other
// side, or only an area's edge (`areaHeld`: those pixels, cleared from the masks until the sheet
// decides).
struct Dropped {
    qint64 byStrokes = 0;
    qint64 byAreas = 0;
    ChangeMasks areaHeld;
};

void dropInTile(const cv::Rect &tile, const cv::Mat &oldGrey, const cv::Mat &newGrey,
                const StrokeMatch &match, ChangeMasks &masks, cv::Mat &confirmed, Dropped &dropped) {
    cv::Mat added = masks.added(tile), removed = masks.removed(tile);
    const bool anyAdded = cv::countNonZero(added) > 0, anyRemoved = cv::countNonZero(removed) > 0;
    if (!anyAdded && !anyRemoved) return;
    // A disk centred up to its radius outside the tile covers pixels in it, and the distance
    // transform needs the stroke's far side: work on the tile grown by twice the widest radius.
    const cv::Rect around = grown(tile, 2 * match.maxHalfWidth + match.radius + 1, oldGrey.size());
    const cv::Rect inner = tile - around.tl();
    const cv::Mat near = disk(match.radius);
    // One side's weight-changed pixels: its ink covered by disks centred near the other's ink.
    auto band = [&](const cv::Mat &ownGrey, const cv::Mat &otherGrey, int otherWeak, cv::Mat &byArea) {
        // The matched stroke gets the same position tolerance as any ink (blur, resampling).
        cv::Mat covered, fromAreas;
        cv::dilate(coveredFromCentres(ownGrey(around) < match.inkThreshold, otherGrey(around) < otherWeak,
                                      otherGrey(around) < match.inkThreshold, near, match.maxHalfWidth,
                                      fromAreas),
                   covered, near);
        if (cv::countNonZero(fromAreas) > 0) {
            cv::dilate(fromAreas, fromAreas, near);
            byArea = cv::Mat(fromAreas(inner)) & ~covered(inner);
        }
        return cv::Mat(covered(inner));
    };
    // A weight change goes one way: where a line got heavier, the lighter line lies inside it and
    // no ink of it is one-sided. One-sided ink of both sides close together is a different shape
    // (a changed glyph, a word replaced by another, a line moved): a change, kept whole.
    const cv::Mat reach = disk(match.maxHalfWidth + match.radius);
    auto otherSideChanged = [&](const cv::Mat &otherMask) {
        cv::Mat grownMask;
        cv::dilate(otherMask(around), grownMask, reach);
        return cv::Mat(grownMask(inner));
    };
    auto drop = [&](cv::Mat &mask, const cv::Mat &byStroke, const cv::Mat &byArea, const cv::Mat &otherNear,
                    cv::Mat &held) {
        const cv::Mat strokes = mask & byStroke & ~otherNear;
        dropped.byStrokes += cv::countNonZero(strokes);
        mask &= ~strokes;
        if (byArea.empty()) return; // no area on the other side
        const cv::Mat areas = mask & byArea & ~otherNear;
        const int areaPx = cv::countNonZero(areas);
        if (areaPx > 0) {
            if (held.empty()) held = cv::Mat::zeros(oldGrey.size(), CV_8U);
            held(tile) |= areas;
            dropped.byAreas += areaPx;
            mask &= ~areas;
        }
    };
    if (anyAdded) {
        cv::Mat byArea;
        const cv::Mat byStroke = band(newGrey, oldGrey, match.weakOld, byArea);
        drop(added, byStroke, byArea, otherSideChanged(masks.removed), dropped.areaHeld.added);
    }
    if (anyRemoved) {
        cv::Mat byArea;
        const cv::Mat byStroke = band(oldGrey, newGrey, match.weakNew, byArea);
        drop(removed, byStroke, byArea, otherSideChanged(masks.added), dropped.areaHeld.removed);
    }
    if (!confirmed.empty()) {
        cv::Mat kept = confirmed(tile);
        kept &= added | removed;
    }
}

} // namespace

void dropLineWeight(const cv::Mat &dirty, int tile, const cv::Mat &oldGrey, const cv::Mat &newGrey,
                    const StrokeMatch &match, ChangeMasks &masks, cv::Mat &confirmed) {
    const cv::Rect page(0, 0, newGrey.cols, newGrey.rows);
    Dropped dropped;
    for (int ty = 0; ty < dirty.rows; ++ty)
        for (int tx = 0; tx < dirty.cols; ++tx)
            if (dirty.at<uchar>(ty, tx))
                dropInTile(cv::Rect(tx * tile, ty * tile, tile, tile) & page, oldGrey, newGrey, match, masks,
                           confirmed, dropped);
    // A pen change is sheet-wide (a plot scale, a pen table): the sheet's lines show it too. An
    // area's edge grown on a sheet whose lines kept their weight moved out: a filled box widened
    // for a new entry (an Altium sheet symbol) is a change.
    if (dropped.byAreas > dropped.byStrokes) {
        if (!dropped.areaHeld.added.empty()) masks.added |= dropped.areaHeld.added;
        if (!dropped.areaHeld.removed.empty()) masks.removed |= dropped.areaHeld.removed;
    }
}

} // namespace bt
