#pragma once

#include "diff/overlay.h"

#include <QColor>
#include <QRgb>
#include <QVector>
#include <opencv2/core/mat.hpp>

namespace bt::ui {

// The overlay PNG's palette (its layout: core's OverlayPaletteLayout): four ramps of 64 ink
// coverages from white to full colour (unchanged, removed, added) and the cloud colour. Layer
// toggles recolour the palette instead of touching the 40-60 million pixels.
class OverlayPalette : public OverlayPaletteLayout {
public:
    // The image's palette with hidden layers turned to paper white. The engine's raster clouds
    // are always hidden: the viewer draws its own (numbered at any zoom, the selected one marked).
    static QVector<QRgb> withLayers(const QVector<QRgb> &palette, bool showRemoved, bool showAdded);
    static QColor cloudColour(const QVector<QRgb> &palette);
    static QColor removedColour(const QVector<QRgb> &palette);
    // A grey render's colour table that shows its ink in `colour` on white paper, `gain` times
    // darker (a reduced crop: thin lines cover a fraction of a pixel and fade).
    static QVector<QRgb> inkTable(const QColor &colour, double gain = 1.0);
    static QColor addedColour(const QVector<QRgb> &palette);
    // The viewer's selected cloud: of a colour-blind-safe set (Okabe-Ito's, black left out: it is
    // the drawing's ink), the colour farthest from the palette's removed, added and cloud colours
    // (the least ΔE*ab in normal and protan/deutan/tritan vision), so a selection never reads as a
    // change (the colour-blind preset's vermillion and the old orange highlight were ΔE 17 apart).
    static QColor selectionColour(const QVector<QRgb> &palette);
    static QVector<QColor> selectionCandidates();
    // A standard palette (OverlayColours defaults), for an overlay composed by the viewer.
    static QVector<QRgb> standard();

    // Which of two indices wins when pixels are merged into one at a coarser pyramid level: the
    // change colours before unchanged ink, then the stronger ink. Keeps a one-pixel removed line
    // visible when the sheet is zoomed out, where averaging would let it vanish.
    static uchar priority(int index) {
        if (index == kCloudIndex) return uchar(kCloudIndex);
        return index < kCloudIndex && index % kRampSize != 0 ? uchar(index) : 0; // 0: paper
    }

    // An overlay in the same layout made from the two renders alone (when the job's overlay PNG is
    // missing): ink only in OLD is removed, only in NEW added, a pixel of slack against
    // anti-aliasing. Without the engine's tolerance it shows more noise than the real overlay.
    static cv::Mat compose(const cv::Mat &alignedOld, const cv::Mat &newGrey);
};

} // namespace bt::ui
