#include "strokematch.h"

#include "changedetector.h"

#include <opencv2/imgproc.hpp>

namespace bt {

namespace {

cv::Mat disk(int radius) {
    return cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(2 * radius + 1, 2 * radius + 1));
}

// Pixels covered by a disk inscribed in `ink` (CV_8U 0/255) whose centre lies within `near` of
// the other side's ink (`otherWeak`, faint ink included) where that side's stroke is thinner
// than the disk: the same line drawn lighter. Where the other side's ink holds the disk too it
// is an area (a filled box), and a disk reaching past its edge is the area grown, a change.
// The distance transform gives each ink pixel the radius of the largest disk centred on it.
cv::Mat coveredFromCentres(const cv::Mat &ink, const cv::Mat &otherWeak, const cv::Mat &otherInk,
                           const cv::Mat &near, int maxHalfWidth) {
    cv::Mat dist, otherDist;
    cv::distanceTransform(ink, dist, cv::DIST_L2, cv::DIST_MASK_5);
    cv::distanceTransform(otherInk, otherDist, cv::DIST_L2, cv::DIST_MASK_5);
    cv::Mat covered = cv::Mat::zeros(ink.size(), CV_8U);
    for (int s = 1; s <= maxHalfWidth; ++s) {
        cv::Mat centres = dist > float(s);
        if (cv::countNonZero(centres) == 0) break; // larger disks have fewer centres still
        cv::Mat thin = otherWeak.clone(), wide = otherDist > float(s);
        if (cv::countNonZero(wide) > 0) {
            cv::dilate(wide, wide, disk(s)); // the other side's ink that holds a disk of radius s
            thin &= ~wide;
        }
        cv::dilate(thin, thin, near);
        centres &= thin;
        if (cv::countNonZero(centres) == 0) continue;
        cv::Mat reach;
        cv::dilate(centres, reach, disk(s));
        covered |= reach;
    }
    return covered;
}

cv::Rect grown(const cv::Rect &r, int by, const cv::Size &bounds) {
    return cv::Rect(r.x - by, r.y - by, r.width + 2 * by, r.height + 2 * by) &
           cv::Rect(0, 0, bounds.width, bounds.height);
}

} // namespace

namespace {

void dropInTile(const cv::Rect &tile, const cv::Mat &oldGrey, const cv::Mat &newGrey,
                const StrokeMatch &match, ChangeMasks &masks, cv::Mat &confirmed) {
    cv::Mat added = masks.added(tile), removed = masks.removed(tile);
    const bool anyAdded = cv::countNonZero(added) > 0, anyRemoved = cv::countNonZero(removed) > 0;
    if (!anyAdded && !anyRemoved) return;
    // A disk centred up to its radius outside the tile covers pixels in it, and the distance
    // transform needs the stroke's far side: work on the tile grown by twice the widest radius.
    const cv::Rect around = grown(tile, 2 * match.maxHalfWidth + match.radius + 1, oldGrey.size());
    const cv::Rect inner = tile - around.tl();
    const cv::Mat near = disk(match.radius);
    // One side's weight-changed pixels: its ink covered by disks centred near the other's ink.
    auto band = [&](const cv::Mat &ownGrey, const cv::Mat &otherGrey, int otherWeak) {
        // The matched stroke gets the same position tolerance as any ink (blur, resampling).
        cv::Mat covered;
        cv::dilate(coveredFromCentres(ownGrey(around) < match.inkThreshold, otherGrey(around) < otherWeak,
                                      otherGrey(around) < match.inkThreshold, near, match.maxHalfWidth),
                   covered, near);
        return cv::Mat(covered(inner));
    };
    // A weight change goes one way: where a line got heavier, the lighter line lies inside it and
    // no ink of it is one-sided. One-sided ink of both sides close together is a different shape
    // (a changed glyph, a word replaced by another, a line moved): a change, kept whole.
    const cv::Mat reach = disk(match.maxHalfWidth + match.radius);
    auto otherSideChanged = [&](const cv::Mat &otherMask) {
        cv::Mat near;
        cv::dilate(otherMask(around), near, reach);
        return cv::Mat(near(inner));
    };
    const cv::Mat removedNear = anyAdded ? otherSideChanged(masks.removed) : cv::Mat();
    const cv::Mat addedNear = anyRemoved ? otherSideChanged(masks.added) : cv::Mat();
    if (anyAdded) added &= ~(band(newGrey, oldGrey, match.weakOld) & ~removedNear);
    if (anyRemoved) removed &= ~(band(oldGrey, newGrey, match.weakNew) & ~addedNear);
    if (!confirmed.empty()) {
        cv::Mat kept = confirmed(tile);
        kept &= added | removed;
    }
}

} // namespace

void dropLineWeight(const cv::Mat &dirty, int tile, const cv::Mat &oldGrey, const cv::Mat &newGrey,
                    const StrokeMatch &match, ChangeMasks &masks, cv::Mat &confirmed) {
    const cv::Rect page(0, 0, newGrey.cols, newGrey.rows);
    for (int ty = 0; ty < dirty.rows; ++ty)
        for (int tx = 0; tx < dirty.cols; ++tx)
            if (dirty.at<uchar>(ty, tx))
                dropInTile(cv::Rect(tx * tile, ty * tile, tile, tile) & page, oldGrey, newGrey, match, masks,
                           confirmed);
}

} // namespace bt
