#pragma once

#include <QImage>
#include <QSize>
#include <QVector>
#include <opencv2/core/mat.hpp>

namespace bt::ui {

// An immutable multi-resolution sheet image: level 0 is the full render, each further level half
// the previous, down to a few hundred pixels. A paint draws only the visible part of the level
// just finer than the zoom needs, so a 60 MP sheet is never scaled whole per paint.
// Every level is an 8-bit palette image (renders use a grey ramp): a quarter of the memory of
// RGB32, and a view recolours layers by swapping the colour table. Built off the GUI thread;
// copies share the pixels, so handing one to the GUI thread costs nothing.
class SheetImage {
public:
    enum class Content {
        Grey,    // a render: levels are area averages
        Overlay, // the overlay palette (OverlayPalette): levels keep the strongest change
    };

    SheetImage() = default;
    static SheetImage fromGrey(const cv::Mat &grey); // CV_8UC1, copied
    static SheetImage fromOverlay(const cv::Mat &index, const QVector<QRgb> &palette);
    static SheetImage fromOverlay(const QImage &indexed); // Format_Indexed8, shared

    bool isNull() const { return m_levels.isEmpty(); }
    QSize size() const { return isNull() ? QSize() : m_levels.first().size(); }
    Content content() const { return m_content; }
    int levelCount() const { return int(m_levels.size()); }
    const QImage &level(int index) const { return m_levels.at(index); }
    // scale: device pixels per level-0 pixel. The coarsest level that still has at least as many
    // pixels as the screen shows (a tenth of magnification is tolerated: it is invisible, and
    // otherwise a zoom just under 1:1 would need four times the pixels).
    int levelIndexFor(double scale) const;
    const QImage &levelFor(double scale) const { return m_levels.at(levelIndexFor(scale)); }
    QVector<QRgb> colourTable() const { return isNull() ? QVector<QRgb>() : m_levels.first().colorTable(); }
    // Identifies the pixels (for tile caches); two copies of one SheetImage share it.
    qint64 cacheKey() const { return isNull() ? 0 : m_levels.first().cacheKey(); }

private:
    void buildLevels();

    QVector<QImage> m_levels;
    Content m_content = Content::Grey;
};

} // namespace bt::ui
