#include "tonematch.h"

#include "changedetector.h"

#include <opencv2/imgproc.hpp>

namespace bt {

namespace {

// Share of a tile (of its sampled pixels) both sides must cover with tone.
constexpr int kToneSharePercent = 60;

// A pixel's contrast to its local background (grey - mean of the window), CV_16S.
cv::Mat detail(const cv::Mat &grey, int window) {
    cv::Mat background, out;
    cv::blur(grey, background, cv::Size(window, window), cv::Point(-1, -1), cv::BORDER_REPLICATE);
    cv::subtract(grey, background, out, cv::noArray(), CV_16S);
    return out;
}

// Opens `mask` (CV_8U 0/255) with `speck` and clears its connected parts smaller than `minArea`
// pixels: a stroke drawn over a texture is long; what compression or resampling does to grain,
// or a heavier pen to the gaps in a photo, is specks.
void keepLargeParts(cv::Mat &mask, const cv::Mat &speck, int minArea) {
    cv::morphologyEx(mask, mask, cv::MORPH_OPEN, speck);
    if (cv::countNonZero(mask) == 0) return;
    cv::Mat labels, stats, centroids;
    const int n = cv::connectedComponentsWithStats(mask, labels, stats, centroids, 8, CV_32S);
    for (int i = 1; i < n; ++i)
        if (stats.at<int>(i, cv::CC_STAT_AREA) < minArea) mask.setTo(0, labels == i);
}

} // namespace

cv::Mat toneTiles(const cv::Mat &oldGrey, const cv::Mat &newGrey, int tile, int inkThreshold) {
    const int cols = oldGrey.cols, rows = oldGrey.rows;
    const int tilesX = (cols + tile - 1) / tile, tilesY = (rows + tile - 1) / tile;
    cv::Mat counts = cv::Mat::zeros(tilesY, tilesX, CV_32S);
    const uchar ink = uchar(inkThreshold);
    constexpr int kRowStep = 8;
    for (int y = 0; y < rows; y += kRowStep) {
        const uchar *o = oldGrey.ptr<uchar>(y), *n = newGrey.ptr<uchar>(y);
        int *count = counts.ptr<int>(y / tile);
        for (int tx = 0; tx < tilesX; ++tx) {
            const int x1 = std::min(cols, (tx + 1) * tile);
            int both = 0; // branch-free: vectorised
            for (int x = tx * tile; x < x1; ++x)
                both += (o[x] < ink) & (n[x] < ink);
            count[tx] += both;
        }
    }
    cv::Mat tones = cv::Mat::zeros(tilesY, tilesX, CV_8U);
    for (int ty = 0; ty < tilesY; ++ty)
        for (int tx = 0; tx < tilesX; ++tx) {
            const int w = std::min(cols, (tx + 1) * tile) - tx * tile;
            const int h = std::min(rows, (ty + 1) * tile) - ty * tile;
            const int sampled = w * ((h + kRowStep - 1) / kRowStep);
            if (100 * counts.at<int>(ty, tx) >= kToneSharePercent * sampled) tones.at<uchar>(ty, tx) = 255;
        }
    return tones;
}

void detectInTones(const cv::Mat &tones, int tile, const cv::Mat &oldGrey, const cv::Mat &newGrey,
                   const ToneMatch &match, ChangeMasks &masks, cv::Mat &dirty) {
    const cv::Rect page(0, 0, newGrey.cols, newGrey.rows);
    const int margin = match.background / 2 + match.reach + 1;
    // A detail is explained by one as strong on the other side within the reach of a heavier pen:
    // line weight is style in a tone area too (a half-size plot over a grey fill).
    const cv::Mat near =
        cv::getStructuringElement(cv::MORPH_RECT, cv::Size(2 * match.reach + 1, 2 * match.reach + 1));
    const cv::Mat speck = cv::getStructuringElement(cv::MORPH_RECT, cv::Size(3, 3));
    for (int ty = 0; ty < tones.rows; ++ty)
        for (int tx = 0; tx < tones.cols; ++tx) {
            if (!tones.at<uchar>(ty, tx)) continue;
            const cv::Rect r = cv::Rect(tx * tile, ty * tile, tile, tile) & page;
            const cv::Rect around =
                cv::Rect(r.x - margin, r.y - margin, r.width + 2 * margin, r.height + 2 * margin) & page;
            const cv::Rect inner = r - around.tl();
            const cv::Mat o = detail(oldGrey(around), match.background);
            const cv::Mat n = detail(newGrey(around), match.background);
            cv::Mat oMax, oMin, nMax, nMin;
            cv::dilate(o, oMax, near);
            cv::erode(o, oMin, near);
            cv::dilate(n, nMax, near);
            cv::erode(n, nMin, near);
            const double t = match.contrast;
            // Only inside the tone: a detail one side adds must lie where the other side's window
            // is nearly all ink (the texture it was drawn on) and its own mostly (the stroke takes
            // part of it). A viewport's edge against white paper, or line work with paper between
            // the lines, is no tone to compare in.
            cv::Mat oTone, nTone;
            cv::blur(oldGrey(around) < match.inkThreshold, oTone,
                     cv::Size(match.background, match.background));
            cv::blur(newGrey(around) < match.inkThreshold, nTone,
                     cv::Size(match.background, match.background));
            const cv::Mat mostly = (oTone > 128) & (nTone > 128);
            const cv::Mat stronger = cv::abs(n) > cv::abs(o);
            cv::Mat added = ((n > oMax + t) | (n < oMin - t)) & stronger & (oTone > 230) & mostly;
            cv::Mat removed = ((o > nMax + t) | (o < nMin - t)) & ~stronger & (nTone > 230) & mostly;
            for (cv::Mat *m : {&added, &removed})
                keepLargeParts(*m, speck, match.minArea);
            const bool any = cv::countNonZero(added(inner)) > 0 || cv::countNonZero(removed(inner)) > 0;
            if (!any) continue;
            masks.added(r) |= added(inner);
            masks.removed(r) |= removed(inner);
            dirty.at<uchar>(ty, tx) = 255;
        }
}

} // namespace bt
