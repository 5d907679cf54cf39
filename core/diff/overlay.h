#pragma once

#include "changedetector.h"

#include <QColor>
#include <QString>
#include <QStringList>

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

// BGR overlay in NEW's frame: unchanged ink grey, removed red, added green, numbered clouds.
cv::Mat renderOverlay(const cv::Mat &alignedOld, const cv::Mat &newGrey, const ChangeDetection &detection,
                      const OverlayColours &colours, double dpi);

} // namespace bt
