#include "strokematch.h"

#include "changedetector.h"

#include <opencv2/imgproc.hpp>

namespace bt {

namespace {

cv::Mat disk(int radius) {
    return cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(2 * radius + 1, 2 * radius + 1));
}

// Pixels covered by a disk inscribed in `ink` (CV_8U 0/255) whose centre is set in `otherNear`.
// The distance transform gives each ink pixel the radius of the largest disk centred on it.
cv::Mat coveredFromCentres(const cv::Mat &ink, const cv::Mat &otherNear, int maxHalfWidth) {
    cv::Mat dist;
    cv::distanceTransform(ink, dist, cv::DIST_L2, cv::DIST_MASK_5);
    cv::Mat covered = cv::Mat::zeros(ink.size(), CV_8U);
    for (int s = 1; s <= maxHalfWidth; ++s) {
        const cv::Mat centres = (dist > float(s)) & otherNear;
        if (cv::countNonZero(centres) == 0) break; // larger disks have fewer centres still
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
        cv::Mat otherNear;
        cv::dilate(otherGrey(around) < otherWeak, otherNear, near);
        // The matched stroke gets the same position tolerance as any ink (blur, resampling).
        cv::Mat covered;
        cv::dilate(coveredFromCentres(ownGrey(around) < match.inkThreshold, otherNear, match.maxHalfWidth),
                   covered, near);
        return cv::Mat(covered(inner));
    };
    if (anyAdded) added &= ~band(newGrey, oldGrey, match.weakOld);
    if (anyRemoved) removed &= ~band(oldGrey, newGrey, match.weakNew);
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
