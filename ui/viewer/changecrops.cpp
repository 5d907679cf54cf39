#include "changecrops.h"
#include "overlaypalette.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace bt::ui {

QRect ChangeCrops::cropRect(const QRect &box, const QSize &frame, const QSize &cropSize, double pxPerPt) {
    const double aspect = cropSize.height() > 0 ? double(cropSize.width()) / cropSize.height() : 1.5;
    const double minSide = kMinContextPt * pxPerPt;
    // A little room: the crops are small, and the change must stay readable in them.
    double w = std::max(kMargin * box.width(), minSide),
           h = std::max(kMargin * box.height(), minSide / aspect);
    if (w / h < aspect)
        w = h * aspect;
    else
        h = w / aspect;
    // No larger than the frame; then moved onto it.
    if (frame.isValid() && !frame.isEmpty()) {
        const double fit = std::min({1.0, frame.width() / w, frame.height() / h});
        w *= fit;
        h *= fit;
    }
    const QPointF c = QRectF(box).center();
    double x = c.x() - w / 2, y = c.y() - h / 2;
    if (frame.isValid() && !frame.isEmpty()) {
        x = std::clamp(x, 0.0, std::max(0.0, frame.width() - w));
        y = std::clamp(y, 0.0, std::max(0.0, frame.height() - h));
    }
    return QRectF(x, y, w, h).toAlignedRect();
}

QImage ChangeCrops::crop(const SheetImage &image, const QRect &frameRect, const QSize &size,
                         const QColor &ink) {
    QImage out(size, QImage::Format_RGB32);
    out.fill(Qt::white);
    if (image.isNull() || frameRect.isEmpty()) return out;
    // The coarsest pyramid level with the pixels the crop needs: a few thousand pixels are read,
    // never the 40-60 MP render.
    const double scale = double(size.width()) / frameRect.width();
    const QImage &level = image.levelFor(scale);
    const double f = double(level.width()) / image.size().width();
    const QRect source =
        QRectF(frameRect.x() * f, frameRect.y() * f, frameRect.width() * f, frameRect.height() * f)
            .toAlignedRect()
            .intersected(level.rect());
    if (source.isEmpty()) return out;
    QImage part = level.copy(source);
    if (part.format() == QImage::Format_Indexed8 && image.content() == SheetImage::Content::Grey)
        part.setColorTable(OverlayPalette::inkTable(ink, scale < 0.9 ? 2.5 : 1.0));
    QPainter p(&out);
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    const double s = double(size.width()) / (frameRect.width() * f);
    const QRectF target((source.x() - frameRect.x() * f) * s, (source.y() - frameRect.y() * f) * s,
                        source.width() * s, source.height() * s);
    p.drawImage(target, part.convertToFormat(QImage::Format_RGB32));
    return out;
}

QHash<int, QImage> ChangeCrops::make(const ChangeCropRequest &request) {
    QHash<int, QImage> out;
    const QSize frame = !request.newImage.isNull() ? request.newImage.size() : request.oldImage.size();
    if (frame.isEmpty() || request.cropSize.isEmpty()) return out;
    const QSize size = request.cropSize;
    for (const ChangeRegion &r : request.regions) {
        const QRect rect = cropRect(r.boxPx, frame, size, request.pxPerPt);
        QImage pair(2 * size.width() + kGap, size.height(), QImage::Format_RGB32);
        pair.fill(QColor(200, 200, 200)); // the gap between them
        QPainter p(&pair);
        p.drawImage(0, 0, crop(request.oldImage, rect, size, request.removed));
        p.drawImage(size.width() + kGap, 0, crop(request.newImage, rect, size, request.added));
        p.end();
        out.insert(r.id, pair);
    }
    return out;
}

} // namespace bt::ui
