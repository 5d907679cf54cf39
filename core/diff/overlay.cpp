#include "overlay.h"

#include "pngwriter.h"

#include <cmath>
#include <cstdint>
#include <opencv2/imgproc.hpp>
#include <vector>

namespace bt {

OverlayColours OverlayColours::standard() {
    return OverlayColours();
}

OverlayColours OverlayColours::colourBlindSafe() {
    // Okabe-Ito palette: distinguishable with protanopia and deuteranopia.
    OverlayColours c;
    c.unchanged = QColor(170, 170, 170);
    c.removed = QColor(213, 94, 0);
    c.added = QColor(0, 114, 178);
    c.cloud = QColor(204, 121, 167);
    return c;
}

QStringList OverlayColours::presetNames() {
    return {QStringLiteral("standard"), QStringLiteral("colorblind")};
}

bool OverlayColours::fromPreset(const QString &name, OverlayColours *out) {
    if (name == QLatin1String("standard"))
        *out = standard();
    else if (name == QLatin1String("colorblind") || name == QLatin1String("colourblind"))
        *out = colourBlindSafe();
    else
        return false;
    return true;
}

namespace {

constexpr int kUnchangedBase = OverlayPaletteLayout::kUnchangedBase;
constexpr int kRemovedBase = OverlayPaletteLayout::kRemovedBase;
constexpr int kAddedBase = OverlayPaletteLayout::kAddedBase;
constexpr int kCloudIndex = OverlayPaletteLayout::kCloudIndex;
constexpr int kWhiteIndex = OverlayPaletteLayout::kWhiteIndex;

cv::Rect grown(const cv::Rect &r, int by, const cv::Rect &bounds) {
    return cv::Rect(r.x - by, r.y - by, r.width + 2 * by, r.height + 2 * by) & bounds;
}

// The index of unchanged content for one row: the faded ramp of the darker side's grey. Byte
// and 16-bit arithmetic without branches (the compiler vectorises it); d * 47 / 255 as
// (v + 1 + (v >> 8)) >> 8, exact for v < 65535.
void unchangedRow(const uchar *oldRow, const uchar *newRow, uchar *index, int width) {
    for (int x = 0; x < width; ++x) {
        const uchar darkest = std::min(oldRow[x], newRow[x]);
        const uint16_t darkness = uint16_t(255 - darkest), v = uint16_t(darkness * 47);
        const uchar level = uchar((v + 1 + (v >> 8)) >> 8);
        index[x] = darkness > 24 ? uchar(kUnchangedBase + level) : uchar(kWhiteIndex);
    }
}

// Changed ink inside `area` at full strength; the masks hold the ink core, widened by a pixel
// so the anti-aliased rim is coloured too (but never onto ink both sides share).
void paintChanges(const cv::Rect &area, const cv::Mat &alignedOld, const cv::Mat &newGrey,
                  const cv::Mat &added, const cv::Mat &removed, cv::Mat &index) {
    const cv::Rect around = grown(area, 1, cv::Rect(0, 0, newGrey.cols, newGrey.rows));
    const cv::Mat rim = cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(3, 3));
    cv::Mat addedRim, removedRim;
    cv::dilate(added(around), addedRim, rim);
    cv::dilate(removed(around), removedRim, rim);
    for (int y = area.y; y < area.br().y; ++y) {
        const uchar *o = alignedOld.ptr<uchar>(y), *n = newGrey.ptr<uchar>(y);
        const uchar *a = added.ptr<uchar>(y), *r = removed.ptr<uchar>(y);
        const uchar *ar = addedRim.ptr<uchar>(y - around.y) - around.x;
        const uchar *rr = removedRim.ptr<uchar>(y - around.y) - around.x;
        uchar *out = index.ptr<uchar>(y);
        for (int x = area.x; x < area.br().x; ++x) {
            const int dOld = 255 - o[x], dNew = 255 - n[x];
            const bool shared = dOld > 95 && dNew > 95;
            if (a[x] || (ar[x] && !shared && dNew > 0))
                out[x] = uchar(kAddedBase + (a[x] ? 63 : dNew * 63 / 255));
            else if (r[x] || (rr[x] && !shared && dOld > 0))
                out[x] = uchar(kRemovedBase + (r[x] ? 63 : dOld * 63 / 255));
        }
    }
}

void drawCloud(cv::Mat &img, const cv::Rect &box, int colour, int scallop, int thickness) {
    const int r = std::max(3, scallop);
    auto edge = [&](cv::Point from, cv::Point to, double start, double end) {
        const double len = std::hypot(to.x - from.x, to.y - from.y);
        const int n = std::max(1, int(std::lround(len / (2.0 * r))));
        for (int i = 0; i < n; ++i) {
            const double t = (i + 0.5) / n;
            const cv::Point c(int(from.x + t * (to.x - from.x)), int(from.y + t * (to.y - from.y)));
            const int ar = std::max(2, int(len / n / 2));
            cv::ellipse(img, c, cv::Size(ar, ar), 0, start, end, cv::Scalar(colour), thickness, cv::LINE_8);
        }
    };
    const cv::Point tl = box.tl(), br = box.br(), tr(br.x, tl.y), bl(tl.x, br.y);
    edge(tl, tr, 180, 360); // bulges up
    edge(tr, br, -90, 90);  // right
    edge(bl, br, 0, 180);   // down
    edge(tl, bl, 90, 270);  // left
}

} // namespace

cv::Mat OverlayImage::toBgr() const {
    cv::Mat lut(1, 256, CV_8UC3);
    for (int i = 0; i < 256; ++i)
        lut.at<cv::Vec3b>(0, i) =
            cv::Vec3b(uchar(qBlue(palette[i])), uchar(qGreen(palette[i])), uchar(qRed(palette[i])));
    cv::Mat bgr;
    cv::cvtColor(index, bgr, cv::COLOR_GRAY2BGR);
    cv::LUT(bgr, lut, bgr);
    return bgr;
}

bool OverlayImage::save(const QString &path) const {
    return writeIndexedPng(path, index, palette);
}

CloudShape cloudShape(const ChangeRegion &region, double pxPerPt, cv::Size pagePx) {
    CloudShape c;
    const QRect box = cloudBoxPx(region, pxPerPt, QSize(pagePx.width, pagePx.height));
    c.box = cv::Rect(box.x(), box.y(), box.width(), box.height());
    c.thickness = std::max(2, int(std::lround(1.2 * pxPerPt)));
    c.fontScale = 0.45 * pxPerPt;
    int baseline = 0;
    const cv::Size ts = cv::getTextSize(std::to_string(region.id), cv::FONT_HERSHEY_SIMPLEX, c.fontScale,
                                        c.thickness, &baseline);
    c.tagRadius = std::max(ts.width, ts.height) / 2 + int(3 * pxPerPt);
    c.tagCentre = cv::Point(std::max(c.tagRadius, c.box.x - c.tagRadius / 2),
                            std::max(c.tagRadius, c.box.y - c.tagRadius / 2));
    return c;
}

QVector<QRgb> overlayPalette(const OverlayColours &c) {
    using L = OverlayPaletteLayout;
    QVector<QRgb> palette(256, qRgb(255, 255, 255));
    auto ramp = [&](int base, const QColor &colour) {
        for (int i = 0; i < L::kRampSize; ++i) {
            const double a = i / double(L::kRampSize - 1);
            palette[base + i] =
                qRgb(int(255 + (colour.red() - 255) * a), int(255 + (colour.green() - 255) * a),
                     int(255 + (colour.blue() - 255) * a));
        }
    };
    ramp(L::kUnchangedBase, c.unchanged);
    ramp(L::kRemovedBase, c.removed);
    ramp(L::kAddedBase, c.added);
    palette[L::kCloudIndex] = c.cloud.rgb();
    return palette;
}

OverlayImage renderOverlay(const cv::Mat &alignedOld, const cv::Mat &newGrey,
                           const ChangeDetection &detection, const OverlayColours &colours, double dpi) {
    OverlayImage out;
    out.palette = overlayPalette(colours);
    // Most of a sheet is unchanged: there the index depends only on the darker side's grey (one
    // vectorised pass). Changed ink is then painted only where the masks can have pixels.
    out.index.create(newGrey.size(), CV_8U);
    for (int y = 0; y < newGrey.rows; ++y)
        unchangedRow(alignedOld.ptr<uchar>(y), newGrey.ptr<uchar>(y), out.index.ptr<uchar>(y), newGrey.cols);

    const cv::Mat &added = detection.masks.added, &removed = detection.masks.removed;
    const cv::Rect page(0, 0, newGrey.cols, newGrey.rows);
    std::vector<cv::Rect> areas;
    if (detection.masks.areas) {
        areas = *detection.masks.areas;
    } else {
        constexpr int kTile = 256;
        for (int y = 0; y < page.height; y += kTile)
            for (int x = 0; x < page.width; x += kTile) {
                const cv::Rect tile = cv::Rect(x, y, kTile, kTile) & page;
                if (cv::countNonZero(added(tile)) || cv::countNonZero(removed(tile))) areas.push_back(tile);
            }
    }
    // The rim reaches a pixel beyond an area.
    for (const cv::Rect &area : areas)
        paintChanges(grown(area, 1, page), alignedOld, newGrey, added, removed, out.index);

    const double pxPerPt = pixelsPerPoint(dpi);
    for (const ChangeRegion &r : detection.regions) {
        const CloudShape cloud = cloudShape(r, pxPerPt, out.index.size());
        drawCloud(out.index, cloud.box, kCloudIndex, int(std::lround(5 * pxPerPt)), cloud.thickness);
        if (!r.movedFromPx.isEmpty()) {
            // Where a moved thing was, when away from where it is: a light cloud of the same
            // colour (the red and green ink tell which is which; one number).
            ChangeRegion from = r;
            from.boxPx = r.movedFromPx;
            const CloudShape was = cloudShape(from, pxPerPt, out.index.size());
            if ((was.box & cloud.box).area() < was.box.area() / 2)
                drawCloud(out.index, was.box, kCloudIndex, int(std::lround(5 * pxPerPt)),
                          std::max(1, cloud.thickness / 2));
        }
        const std::string label = std::to_string(r.id);
        int baseline = 0;
        const cv::Size ts =
            cv::getTextSize(label, cv::FONT_HERSHEY_SIMPLEX, cloud.fontScale, cloud.thickness, &baseline);
        cv::circle(out.index, cloud.tagCentre, cloud.tagRadius, cv::Scalar(kWhiteIndex), cv::FILLED);
        cv::circle(out.index, cloud.tagCentre, cloud.tagRadius, cv::Scalar(kCloudIndex), cloud.thickness);
        cv::putText(out.index, label,
                    cv::Point(cloud.tagCentre.x - ts.width / 2, cloud.tagCentre.y + ts.height / 2),
                    cv::FONT_HERSHEY_SIMPLEX, cloud.fontScale, cv::Scalar(kCloudIndex), cloud.thickness);
    }
    return out;
}

} // namespace bt
