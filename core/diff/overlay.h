#pragma once

#include "changedetector.h"

#include <QColor>
#include <QRgb>
#include <QString>
#include <QStringList>
#include <QVector>

namespace bt {

struct OverlayColours {
    QColor unchanged = QColor(160, 160, 160);
    QColor removed = QColor(220, 30, 30);
    QColor added = QColor(20, 160, 40);
    QColor cloud = QColor(0, 90, 220);

    static OverlayColours standard();        // grey / red / green
    static OverlayColours colourBlindSafe(); // grey / vermillion / blue (Okabe-Ito), cloud purple
    static QStringList presetNames();        // "standard", "colorblind"
    static bool fromPreset(const QString &name, OverlayColours *out);
};

// The layout of the overlay's palette, for everything that reads or recolours an overlay PNG
// (report layers, the viewer's layer toggles): ramps of kRampSize ink coverages from white to
// full colour for unchanged, removed and added ink, and the cloud colour.
struct OverlayPaletteLayout {
    static constexpr int kRampSize = 64;
    static constexpr int kUnchangedBase = 0;
    static constexpr int kRemovedBase = 64;
    static constexpr int kAddedBase = 128;
    static constexpr int kCloudIndex = 192;
    static constexpr int kWhiteIndex = 0; // coverage 0 of any ramp is white
};
QVector<QRgb> overlayPalette(const OverlayColours &colours);

// The overlay in NEW's frame as a palette image: one byte per pixel (a 42 MP sheet is 42 MB,
// not 126 MB, and encodes three times faster), ramps of the unchanged, removed and added colours
// by ink coverage, plus the cloud colour.
struct OverlayImage {
    cv::Mat index;         // CV_8UC1 palette indices
    QVector<QRgb> palette; // 256 entries
    cv::Mat toBgr() const;
    bool save(const QString &path) const; // PNG, indexed
};

// A cloud as the overlay draws it, in NEW page pixels: its box and its number tag (a circle at
// the top-left corner). The report puts its vector number exactly there.
struct CloudShape {
    cv::Rect box;
    cv::Point tagCentre;
    int tagRadius = 0;
    int thickness = 0;
    double fontScale = 0;
};
CloudShape cloudShape(const ChangeRegion &region, double pxPerPt, cv::Size pagePx);

// Unchanged ink grey, removed red, added green, numbered clouds around the regions.
OverlayImage renderOverlay(const cv::Mat &alignedOld, const cv::Mat &newGrey,
                           const ChangeDetection &detection, const OverlayColours &colours, double dpi);

} // namespace bt
