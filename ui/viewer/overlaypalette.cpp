#include "overlaypalette.h"

#include "colourvision.h"
#include "diff/overlay.h"

#include <algorithm>
#include <cmath>
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

namespace bt::ui {

namespace {

const QRgb kPaper = qRgb(255, 255, 255);

QColor entry(const QVector<QRgb> &palette, int index, const QColor &fallback) {
    return index < palette.size() ? QColor(palette[index]) : fallback;
}

} // namespace

QVector<QRgb> OverlayPalette::withLayers(const QVector<QRgb> &palette, bool showRemoved, bool showAdded) {
    QVector<QRgb> out = palette;
    out.resize(256, kPaper);
    auto hide = [&out](int base) { std::fill(out.begin() + base, out.begin() + base + kRampSize, kPaper); };
    if (!showRemoved) hide(kRemovedBase);
    if (!showAdded) hide(kAddedBase);
    out[kCloudIndex] = kPaper;
    return out;
}

QColor OverlayPalette::cloudColour(const QVector<QRgb> &palette) {
    return entry(palette, kCloudIndex, OverlayColours().cloud);
}

QColor OverlayPalette::removedColour(const QVector<QRgb> &palette) {
    return entry(palette, kRemovedBase + kRampSize - 1, OverlayColours().removed);
}

QColor OverlayPalette::addedColour(const QVector<QRgb> &palette) {
    return entry(palette, kAddedBase + kRampSize - 1, OverlayColours().added);
}

QVector<QColor> OverlayPalette::selectionCandidates() {
    return {QColor(230, 159, 0), QColor(86, 180, 233), QColor(0, 158, 115),  QColor(240, 228, 66),
            QColor(0, 114, 178), QColor(213, 94, 0),   QColor(204, 121, 167)};
}

QColor OverlayPalette::selectionColour(const QVector<QRgb> &palette) {
    const QColor changes[] = {removedColour(palette), addedColour(palette), cloudColour(palette)};
    QColor best;
    double bestDistance = -1;
    for (const QColor &candidate : selectionCandidates()) {
        double least = 1e9;
        for (const QColor &c : changes)
            least = std::min(least, minDeltaE(candidate, c));
        if (least > bestDistance) {
            bestDistance = least;
            best = candidate;
        }
    }
    return best;
}

QVector<QRgb> OverlayPalette::standard() {
    return overlayPalette(OverlayColours());
}

cv::Mat OverlayPalette::compose(const cv::Mat &alignedOld, const cv::Mat &newGrey) {
    CV_Assert(alignedOld.type() == CV_8UC1 && newGrey.type() == CV_8UC1 &&
              alignedOld.size() == newGrey.size());
    // Any visible ink, faint anti-aliased strokes of small text included (at a low DPI they never
    // get dark); the other side's ink is widened by a pixel so a stroke that anti-aliasing alone
    // moved is not coloured.
    constexpr int kInk = 230;
    const cv::Mat oldInk = alignedOld < kInk, newInk = newGrey < kInk;
    cv::Mat oldNear, newNear;
    const cv::Mat cross = cv::getStructuringElement(cv::MORPH_RECT, cv::Size(3, 3));
    cv::dilate(oldInk, oldNear, cross);
    cv::dilate(newInk, newNear, cross);
    cv::Mat index(newGrey.size(), CV_8UC1, cv::Scalar(0));
    cv::parallel_for_(cv::Range(0, newGrey.rows), [&](const cv::Range &rows) {
        for (int y = rows.start; y < rows.end; ++y) {
            const uchar *o = alignedOld.ptr<uchar>(y), *n = newGrey.ptr<uchar>(y);
            const uchar *on = oldNear.ptr<uchar>(y), *nn = newNear.ptr<uchar>(y);
            uchar *out = index.ptr<uchar>(y);
            for (int x = 0; x < newGrey.cols; ++x) {
                const int dOld = 255 - o[x], dNew = 255 - n[x];
                // Changed ink at full strength, as the engine draws it: faint strokes stand out too.
                if (n[x] < kInk && !on[x])
                    out[x] = uchar(kAddedBase + kRampSize - 1);
                else if (o[x] < kInk && !nn[x])
                    out[x] = uchar(kRemovedBase + kRampSize - 1);
                else if (std::max(dOld, dNew) > 24)
                    // Faded like the engine's overlay, so the change colours stand out.
                    out[x] = uchar(kUnchangedBase + std::max(dOld, dNew) * 47 / 255);
            }
        }
    });
    return index;
}

QVector<QRgb> OverlayPalette::inkTable(const QColor &colour, double gain) {
    QVector<QRgb> table(256);
    for (int g = 0; g < 256; ++g) {
        const double ink = std::min(1.0, gain * (255 - g) / 255.0);
        auto mix = [ink](int c) { return int(std::lround(255 - (255 - c) * ink)); };
        table[g] = qRgb(mix(colour.red()), mix(colour.green()), mix(colour.blue()));
    }
    return table;
}

} // namespace bt::ui
