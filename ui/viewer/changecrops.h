#pragma once

#include "diff/changeregion.h"
#include "sheetimage.h"

#include <QColor>
#include <QHash>
#include <QImage>
#include <QRect>
#include <QSize>

namespace bt::ui {

// The change list's pictures: each change's old and new sheet around its box, side by side, the
// old one's ink in the removed colour and the new one's in the added colour (as the Tint mode),
// so a text whose strokes both readings share is readable in the list. Made off the GUI thread
// from the viewer's renders (both in NEW's frame), once per shown sheet.
struct ChangeCropRequest {
    SheetImage oldImage; // aligned onto NEW's frame; null for an added sheet
    SheetImage newImage; // null for a removed sheet
    ChangeRegions regions;
    QColor removed;
    QColor added;
    QSize cropSize;     // one side, device pixels
    double pxPerPt = 1; // of the frame
};

class ChangeCrops {
public:
    // The part of the frame a crop shows: the box with some room around it (kMargin times its
    // size, and at least kMinContextPt across), widened to the crop's aspect, kept on the frame.
    static QRect cropRect(const QRect &box, const QSize &frame, const QSize &cropSize, double pxPerPt);
    // Old | new, cropSize each with a gap between; by region id.
    static QHash<int, QImage> make(const ChangeCropRequest &request);
    static QImage crop(const SheetImage &image, const QRect &frameRect, const QSize &size, const QColor &ink);

    static constexpr double kMinContextPt = 36; // half an inch
    static constexpr double kMargin = 1.25;
    static constexpr int kGap = 3;
};

} // namespace bt::ui
