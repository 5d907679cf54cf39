#include "sheetview.h"

#include <QCursor>
#include <QGestureEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QNativeGestureEvent>
#include <QPainter>
#include <QPainterPath>
#include <QPinchGesture>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

namespace bt::ui {

namespace {

constexpr double kFitMargin = 8;      // logical pixels of desk around a fitted sheet
constexpr double kWheelStep = 1.25;   // zoom per wheel notch
constexpr double kWheelPan = 60;      // logical pixels per sideways wheel notch
constexpr double kMaxDeviceZoom = 16; // device pixels per frame pixel
constexpr double kPanStep = 0.125;    // share of the view per arrow key
constexpr double kSwipeGrab = 6;      // logical pixels either side of the swipe line
constexpr double kClickSlop = 4;      // a press that moves less is a click
constexpr double kSmoothLimit = 6;    // beyond this magnification pixels are shown crisp
// Cloud geometry of the engine's overlay (core/diff/overlay.cpp), in points, so a drawn cloud
// covers the raster one it replaces; screen minimums keep clouds and numbers readable when the
// whole sheet is in view.
constexpr double kCloudMarginPt = 4, kScallopPt = 5, kCloudLinePt = 1.2, kTagRadiusPt = 8;
constexpr double kMinCloudMargin = 3, kMinScallop = 3, kMinCloudLine = 1.5, kMinTagRadius = 9;

// A revision cloud: semicircular scallops bulging outwards along each edge, clockwise from the
// top-left corner (the engine's drawCloud, as a vector path).
QPainterPath cloudPath(const QRectF &r, double scallop) {
    QPainterPath path;
    auto edge = [&](const QPointF &from, const QPointF &to, double startAngle) {
        const double length = QLineF(from, to).length();
        const int n = std::max(1, int(std::lround(length / (2 * scallop))));
        const double radius = std::max(1.0, length / n / 2);
        for (int i = 0; i < n; ++i) {
            const QPointF c = from + (i + 0.5) / n * (to - from);
            const QRectF box(c.x() - radius, c.y() - radius, 2 * radius, 2 * radius);
            if (path.elementCount() == 0) path.arcMoveTo(box, startAngle);
            path.arcTo(box, startAngle, -180);
        }
    };
    edge(r.topLeft(), r.topRight(), 180);
    edge(r.topRight(), r.bottomRight(), 90);
    edge(r.bottomRight(), r.bottomLeft(), 0);
    edge(r.bottomLeft(), r.topLeft(), 270);
    path.closeSubpath();
    return path;
}

void drawLabel(QPainter &painter, const QString &text, const QPointF &anchor, Qt::Alignment side,
               const QFont &font) {
    painter.setFont(font);
    const QFontMetricsF fm(font);
    const QSizeF size(fm.horizontalAdvance(text) + 12, fm.height() + 6);
    QRectF box(anchor, size);
    if (side & Qt::AlignRight) box.moveRight(anchor.x());
    if (side & Qt::AlignBottom) box.moveBottom(anchor.y());
    if (side & Qt::AlignHCenter) box.moveLeft(anchor.x() - size.width() / 2);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(30, 30, 30, 190));
    painter.drawRoundedRect(box, 4, 4);
    painter.setPen(Qt::white);
    painter.drawText(box, Qt::AlignCenter, text);
}

} // namespace

SheetView::SheetView(QWidget *parent)
    : QWidget(parent) {
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true); // cursor changes over the swipe line
    setAttribute(Qt::WA_OpaquePaintEvent);
    setAttribute(Qt::WA_AcceptTouchEvents); // touchscreen pinch
    grabGesture(Qt::PinchGesture);
    setCursor(Qt::OpenHandCursor);
    setAccessibleName(tr("Sheet"));
    setAccessibleDescription(tr("Drag or use the arrow keys to pan; the mouse wheel zooms at the cursor."));
}

void SheetView::setFrameSize(QSize size) {
    if (size == m_frame) return;
    m_frame = size;
    if (m_fit != Fit::None)
        applyFit();
    else
        setViewInternal(m_zoom, effectiveCentre());
    update();
}

void SheetView::setLayer(Layer &layer, const SheetImage &image, const QVector<QRgb> &colours) {
    layer.image = image;
    layer.colours = colours.isEmpty() ? image.colourTable() : colours;
    layer.colours.resize(256, qRgb(255, 255, 255));
    layer.coloursKey = TileCache::tableKey(layer.colours);
}

void SheetView::setLayers(const SheetImage &base, const QVector<QRgb> &baseColours, const SheetImage &top,
                          const QVector<QRgb> &topColours) {
    setLayer(m_base, base, baseColours);
    setLayer(m_top, top, topColours);
    if (base.isNull() && top.isNull()) m_tiles.clear(); // a new page: free the old one's tiles
    update();
}

void SheetView::setComposition(Composition composition) {
    if (composition == m_composition) return;
    m_composition = composition;
    updateCursor(mapFromGlobal(QCursor::pos()));
    update();
}

void SheetView::setTopOpacity(double opacity) {
    opacity = std::clamp(opacity, 0.0, 1.0);
    if (qFuzzyCompare(opacity, m_topOpacity)) return;
    m_topOpacity = opacity;
    update();
}

void SheetView::setSwipePosition(double position) {
    position = std::clamp(position, 0.0, 1.0);
    if (qFuzzyCompare(position + 1, m_swipe + 1)) return;
    m_swipe = position;
    update();
    emit swipePositionChanged(position);
}

void SheetView::setMessage(const QString &message) {
    if (message == m_message) return;
    m_message = message;
    update();
}

void SheetView::setCaptions(const QString &left, const QString &right) {
    m_leftCaption = left;
    m_rightCaption = right;
    update();
}

void SheetView::setRegions(const QVector<Region> &regions, double pxPerPt, const QColor &cloudColour) {
    m_regions = regions;
    m_pxPerPt = pxPerPt > 0 ? pxPerPt : 1.0;
    m_cloudColour = cloudColour;
    update();
}

void SheetView::setSelectionColour(const QColor &colour) {
    if (colour == m_selectionColour) return;
    m_selectionColour = colour;
    update();
}

void SheetView::setSelectedRegion(int id) {
    if (id == m_selected) return;
    m_selected = id;
    update();
}

// ---- view transform ---------------------------------------------------------------------------

double SheetView::fitPageZoom() const {
    if (m_frame.isEmpty()) return 1.0;
    const double w = std::max(1.0, width() - 2 * kFitMargin), h = std::max(1.0, height() - 2 * kFitMargin);
    return std::min(w / m_frame.width(), h / m_frame.height());
}

double SheetView::minimumZoom() const {
    return 0.5 * fitPageZoom();
}

double SheetView::maximumZoom() const {
    return std::max(kMaxDeviceZoom / devicePixelRatioF(), 2 * fitPageZoom());
}

QRectF SheetView::visibleImageRect() const {
    return QRectF(mapToImage(QPointF(0, 0)), mapToImage(QPointF(width(), height())));
}

QPointF SheetView::mapToImage(const QPointF &widgetPos) const {
    return (widgetPos - QPointF(width() / 2.0, height() / 2.0)) / m_zoom + effectiveCentre();
}

QPointF SheetView::mapFromImage(const QPointF &imagePos) const {
    return (imagePos - effectiveCentre()) * m_zoom + QPointF(width() / 2.0, height() / 2.0);
}

QPointF SheetView::clampedCentre(double zoom, const QPointF &centre) const {
    // Along an axis where the sheet is larger than the view, the view stays on the sheet (no desk
    // beyond its edges); where it is smaller, the sheet is centred.
    auto clampAxis = [](double c, double visible, double size) {
        return visible >= size ? size / 2 : std::clamp(c, visible / 2, size - visible / 2);
    };
    return QPointF(clampAxis(centre.x(), width() / zoom, m_frame.width()),
                   clampAxis(centre.y(), height() / zoom, m_frame.height()));
}

QPointF SheetView::effectiveCentre() const {
    return clampedCentre(m_zoom, m_centre);
}

void SheetView::storeView(double zoom, const QPointF &centre) {
    if (!(zoom > 0)) return;
    if (qFuzzyCompare(zoom, m_zoom) && qFuzzyCompare(centre.x() + 1, m_centre.x() + 1) &&
        qFuzzyCompare(centre.y() + 1, m_centre.y() + 1))
        return;
    m_zoom = zoom;
    m_centre = centre;
    update();
    emit viewChanged(m_zoom, m_centre);
}

void SheetView::setViewInternal(double zoom, const QPointF &centre) {
    zoom = std::clamp(zoom, minimumZoom(), maximumZoom());
    storeView(zoom, clampedCentre(zoom, centre));
}

void SheetView::setView(double zoom, const QPointF &centre) {
    // A partner's echo of this view's own change must not end a fit (it is refitted on resize).
    if (qFuzzyCompare(zoom, m_zoom) && qFuzzyCompare(centre.x() + 1, m_centre.x() + 1) &&
        qFuzzyCompare(centre.y() + 1, m_centre.y() + 1))
        return;
    m_fit = Fit::None;
    // Stored as given: a partner view may not have been resized to this one's size yet, and the
    // two must end up showing the same once they are (the clamping is applied when drawing).
    storeView(zoom, centre);
}

void SheetView::applyFit() {
    if (m_frame.isEmpty()) return;
    if (m_fit == Fit::Page) {
        setViewInternal(fitPageZoom(), QPointF(m_frame.width() / 2.0, m_frame.height() / 2.0));
    } else if (m_fit == Fit::Width) {
        // Keeps the part of the sheet being looked at (setViewInternal keeps it on the sheet).
        setViewInternal(std::max(1.0, width() - 2 * kFitMargin) / m_frame.width(), effectiveCentre());
    }
}

void SheetView::zoomBy(double factor) {
    zoomAt(factor, QPointF(width() / 2.0, height() / 2.0));
}

void SheetView::zoomAt(double factor, const QPointF &widgetPos) {
    // The sheet point under the cursor stays under the cursor.
    const QPointF anchor = mapToImage(widgetPos);
    const double zoom = std::clamp(m_zoom * factor, minimumZoom(), maximumZoom());
    m_fit = Fit::None;
    setViewInternal(zoom, anchor - (widgetPos - QPointF(width() / 2.0, height() / 2.0)) / zoom);
}

void SheetView::fitPage() {
    m_fit = Fit::Page;
    applyFit();
}

void SheetView::fitWidth() {
    m_fit = Fit::Width;
    applyFit();
}

void SheetView::actualSize() {
    m_fit = Fit::None;
    setViewInternal(1.0 / devicePixelRatioF(), effectiveCentre());
}

void SheetView::zoomToRect(const QRectF &imageRect) {
    if (imageRect.isEmpty()) return;
    const double w = std::max(1.0, width() - 2 * kFitMargin), h = std::max(1.0, height() - 2 * kFitMargin);
    m_fit = Fit::None;
    setViewInternal(std::min(w / imageRect.width(), h / imageRect.height()), imageRect.center());
}

void SheetView::panBy(const QPointF &widgetDelta) {
    m_fit = Fit::None;
    setViewInternal(m_zoom, effectiveCentre() - widgetDelta / m_zoom);
}

// ---- painting ---------------------------------------------------------------------------------

void SheetView::paintEvent(QPaintEvent *) {
    QPainter painter(this);
    painter.fillRect(rect(), palette().color(QPalette::Mid));
    const bool haveImage = !m_base.image.isNull() || !m_top.image.isNull();
    if (!m_frame.isEmpty() && haveImage) {
        const QRectF page(mapFromImage(QPointF(0, 0)),
                          mapFromImage(QPointF(m_frame.width(), m_frame.height())));
        painter.fillRect(page, Qt::white);
        m_tiles.beginFrame();
        switch (m_composition) {
        case Composition::Single:
            drawLayer(painter, m_base, rect());
            break;
        case Composition::Blend:
            // An opaque top layer hides the base: not drawing it halves the work.
            if (m_top.image.isNull() || m_topOpacity < 0.999) drawLayer(painter, m_base, rect());
            painter.setOpacity(m_topOpacity);
            drawLayer(painter, m_top, rect());
            painter.setOpacity(1.0);
            break;
        case Composition::Multiply:
            drawLayer(painter, m_base, rect());
            painter.setCompositionMode(QPainter::CompositionMode_Multiply);
            drawLayer(painter, m_top, rect());
            painter.setCompositionMode(QPainter::CompositionMode_SourceOver);
            break;
        case Composition::Swipe: {
            const QRectF left(0, 0, swipeX(), height()), right(swipeX(), 0, width() - swipeX(), height());
            painter.save();
            painter.setClipRect(left);
            drawLayer(painter, m_base, left);
            painter.setClipRect(right);
            drawLayer(painter, m_top, right);
            painter.restore();
            break;
        }
        }
        m_tiles.trim();
        drawIgnoredAreas(painter);
        drawRegions(painter);
        if (m_composition == Composition::Swipe) drawSwipeLine(painter);
    }
    drawText(painter);
}

void SheetView::drawLayer(QPainter &painter, const Layer &layer, const QRectF &clip) {
    const SheetImage &image = layer.image;
    if (image.isNull() || m_frame.isEmpty()) return;
    const QRectF frameRect(QPointF(0, 0), QSizeF(m_frame));
    const QRectF visible =
        QRectF(mapToImage(clip.topLeft()), mapToImage(clip.bottomRight())).intersected(frameRect);
    if (visible.isEmpty()) return;
    const double dpr = devicePixelRatioF();
    const int levelIndex = image.levelIndexFor(m_zoom * dpr * m_frame.width() / image.size().width());
    const QImage &level = image.level(levelIndex);
    // Level pixels per frame pixel.
    const double lx = double(level.width()) / m_frame.width(), ly = double(level.height()) / m_frame.height();
    constexpr int T = TileCache::kTileSize;
    const int c0 = std::max(0, int(visible.left() * lx) / T);
    const int c1 = std::min((level.width() - 1) / T, int(visible.right() * lx) / T);
    const int r0 = std::max(0, int(visible.top() * ly) / T);
    const int r1 = std::min((level.height() - 1) / T, int(visible.bottom() * ly) / T);
    painter.setRenderHint(QPainter::SmoothPixmapTransform, m_zoom * dpr / lx < kSmoothLimit);
    for (int r = r0; r <= r1; ++r) {
        for (int c = c0; c <= c1; ++c) {
            const QImage tile =
                m_tiles.tile(image, levelIndex, QPoint(c, r), layer.colours, layer.coloursKey);
            if (tile.isNull()) continue;
            // Edges from the tile grid, so neighbouring tiles meet exactly (no seams).
            const QPointF topLeft = mapFromImage(QPointF(c * T / lx, r * T / ly));
            const QPointF bottomRight =
                mapFromImage(QPointF((c * T + tile.width()) / lx, (r * T + tile.height()) / ly));
            painter.drawImage(QRectF(topLeft, bottomRight), tile);
        }
    }
}

QRectF SheetView::cloudRect(const Region &region) const {
    const QRectF box(
        mapFromImage(region.box.topLeft()),
        mapFromImage(QPointF(region.box.x() + region.box.width(), region.box.y() + region.box.height())));
    const double margin = std::max(kCloudMarginPt * m_pxPerPt * m_zoom, kMinCloudMargin);
    return box.adjusted(-margin, -margin, margin, margin);
}

void SheetView::drawRegions(QPainter &painter) {
    if (m_regions.isEmpty()) return;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    const double scale = m_pxPerPt * m_zoom; // logical pixels per point
    const double scallop = std::max(kScallopPt * scale, kMinScallop);
    const double line = std::max(kCloudLinePt * scale, kMinCloudLine);
    const double tagRadius = std::max(kTagRadiusPt * scale, kMinTagRadius);
    const QColor highlight = m_selectionColour;
    const QColor halo(40, 40, 40);
    // Dark or white text on the selected tag, whichever reads on its colour.
    const QColor tagText = qGray(highlight.rgb()) > 150 ? QColor(Qt::black) : QColor(Qt::white);
    const QRectF area = QRectF(rect()).adjusted(-2 * tagRadius, -2 * tagRadius, 2 * tagRadius, 2 * tagRadius);
    QFont font = this->font();
    font.setBold(true);
    // The selected cloud last, so it is on top.
    QVector<const Region *> order;
    for (const Region &r : m_regions)
        if (r.id != m_selected) order.append(&r);
    for (const Region &r : m_regions)
        if (r.id == m_selected) order.append(&r);
    for (const Region *region : order) {
        const QRectF cloud = cloudRect(*region);
        if (!cloud.intersects(area)) continue;
        const bool selected = region->id == m_selected;
        const QColor colour = selected ? highlight : m_cloudColour;
        painter.setBrush(Qt::NoBrush); // a fill would veil the change itself
        if (selected) {
            painter.setPen(QPen(halo, 1.5 * line + 2.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
            painter.drawPath(cloudPath(cloud, scallop));
        }
        painter.setPen(QPen(colour, selected ? 1.5 * line : line));
        painter.drawPath(cloudPath(cloud, scallop));
        // Number tag on the top-left corner, where the engine's overlay puts it (kept on the page).
        const QPointF pageOrigin = mapFromImage(QPointF(0, 0));
        const QPointF centre(std::max(pageOrigin.x() + tagRadius, cloud.left() - tagRadius / 2),
                             std::max(pageOrigin.y() + tagRadius, cloud.top() - tagRadius / 2));
        const QRectF tag(centre.x() - tagRadius, centre.y() - tagRadius, 2 * tagRadius, 2 * tagRadius);
        painter.setBrush(selected ? colour : QColor(Qt::white));
        if (selected) painter.setPen(QPen(halo, 1.5));
        painter.drawEllipse(tag);
        const QString label = QString::number(region->id);
        font.setPixelSize(std::max(6, int(tagRadius * (label.size() <= 1   ? 1.1
                                                       : label.size() == 2 ? 0.95
                                                                           : 0.7))));
        painter.setFont(font);
        painter.setPen(selected ? tagText : colour);
        painter.drawText(tag, Qt::AlignCenter, label);
    }
    painter.restore();
}

void SheetView::setIgnoredAreas(const QVector<QRect> &areas, const QString &label) {
    m_ignored = areas;
    m_ignoredLabel = label;
    update();
}

int SheetView::ignoredAreaAt(const QPointF &widgetPos) const {
    const QPointF p = mapToImage(widgetPos);
    for (int i = int(m_ignored.size()) - 1; i >= 0; --i)
        if (QRectF(m_ignored[i]).contains(p)) return i;
    return -1;
}

void SheetView::setAreaTool(bool on) {
    m_areaTool = on;
    updateCursor(mapFromGlobal(QCursor::pos()));
}

void SheetView::drawIgnoredAreas(QPainter &painter) {
    const bool drawing = m_drag == Drag::Area && !m_area.isEmpty();
    if (m_ignored.isEmpty() && !drawing) return;
    painter.save();
    // Slate blue, hatched: apart from the change colours and the clouds, and the drawing shows
    // through (the area is still on the sheet, only left out of the comparison).
    const QColor colour(70, 80, 110);
    auto widgetRect = [this](const QRectF &r) {
        return QRectF(mapFromImage(r.topLeft()), mapFromImage(r.bottomRight()));
    };
    QFont font = this->font();
    font.setBold(true);
    painter.setFont(font);
    const QFontMetricsF fm(font);
    for (const QRect &area : std::as_const(m_ignored)) {
        const QRectF r = widgetRect(QRectF(area));
        painter.setPen(QPen(colour, 1.5, Qt::DashLine));
        painter.setBrush(QColor(colour.red(), colour.green(), colour.blue(), 28));
        painter.drawRect(r);
        painter.setBrush(QBrush(QColor(colour.red(), colour.green(), colour.blue(), 90), Qt::BDiagPattern));
        painter.setPen(Qt::NoPen);
        painter.drawRect(r);
        if (!m_ignoredLabel.isEmpty() && r.width() > fm.horizontalAdvance(m_ignoredLabel) + 8 &&
            r.height() > fm.height() + 4) {
            // Bottom-left inside the area: clouds put their number tags on their top-left corner.
            const QSizeF size(fm.horizontalAdvance(m_ignoredLabel) + 8, fm.height() + 2);
            const QRectF tag(QPointF(r.left() + 1, r.bottom() - 1 - size.height()), size);
            painter.fillRect(tag, colour);
            painter.setPen(Qt::white);
            painter.drawText(tag, Qt::AlignCenter, m_ignoredLabel);
        }
    }
    if (drawing) {
        painter.setPen(QPen(colour, 2, Qt::DashLine));
        painter.setBrush(QColor(colour.red(), colour.green(), colour.blue(), 40));
        painter.drawRect(widgetRect(m_area));
    }
    painter.restore();
}

void SheetView::drawSwipeLine(QPainter &painter) {
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    const double x = swipeX();
    painter.setPen(QPen(QColor(30, 30, 30, 200), 3));
    painter.drawLine(QPointF(x, 0), QPointF(x, height()));
    painter.setPen(QPen(Qt::white, 1));
    painter.drawLine(QPointF(x, 0), QPointF(x, height()));
    // A grip in the middle, arrows pointing both ways.
    const QPointF mid(x, height() / 2.0);
    painter.setPen(QPen(QColor(30, 30, 30), 1));
    painter.setBrush(Qt::white);
    painter.drawEllipse(mid, 14, 14);
    painter.setBrush(QColor(30, 30, 30));
    painter.drawPolygon(QPolygonF({mid + QPointF(-3, -5), mid + QPointF(-9, 0), mid + QPointF(-3, 5)}));
    painter.drawPolygon(QPolygonF({mid + QPointF(3, -5), mid + QPointF(9, 0), mid + QPointF(3, 5)}));
    painter.restore();
}

void SheetView::drawText(QPainter &painter) {
    const bool haveImage = !m_base.image.isNull() || !m_top.image.isNull();
    const QFont font = this->font();
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    if (!m_leftCaption.isEmpty())
        drawLabel(painter, m_leftCaption, QPointF(8, height() - 8), Qt::AlignBottom, font);
    if (!m_rightCaption.isEmpty())
        drawLabel(painter, m_rightCaption, QPointF(width() - 8, height() - 8),
                  Qt::AlignBottom | Qt::AlignRight, font);
    if (!m_message.isEmpty()) {
        if (haveImage) {
            drawLabel(painter, m_message, QPointF(width() / 2.0, height() - 40),
                      Qt::AlignBottom | Qt::AlignHCenter, font);
        } else {
            painter.setFont(font);
            painter.setPen(palette().color(QPalette::WindowText));
            painter.drawText(rect().adjusted(20, 20, -20, -20), Qt::AlignCenter | Qt::TextWordWrap,
                             m_message);
        }
    }
    painter.restore();
}

// ---- input ------------------------------------------------------------------------------------

void SheetView::resizeEvent(QResizeEvent *event) {
    QWidget::resizeEvent(event);
    if (m_fit != Fit::None) applyFit();
}

void SheetView::wheelEvent(QWheelEvent *event) {
    const QPoint delta = event->angleDelta();
    // A horizontal wheel (or Shift + wheel) pans sideways; the vertical wheel zooms at the cursor.
    // High-resolution wheels and touchpads send fractions of a notch: the zoom follows smoothly.
    if (delta.y() == 0 || (event->modifiers() & Qt::ShiftModifier)) {
        const int sideways = delta.x() != 0 ? delta.x() : delta.y();
        if (sideways == 0) return QWidget::wheelEvent(event);
        panBy(QPointF(sideways / 120.0 * kWheelPan, 0));
    } else {
        zoomAt(std::pow(kWheelStep, delta.y() / 120.0), event->position());
    }
    event->accept();
}

bool SheetView::nearSwipeLine(const QPointF &pos) const {
    return m_composition == Composition::Swipe && std::abs(pos.x() - swipeX()) <= kSwipeGrab;
}

void SheetView::updateCursor(const QPointF &pos) {
    if (m_drag == Drag::Area || (m_drag == Drag::None && m_areaTool))
        setCursor(Qt::CrossCursor);
    else if (m_drag == Drag::Pan)
        setCursor(Qt::ClosedHandCursor);
    else if (m_drag == Drag::Swipe || nearSwipeLine(pos))
        setCursor(Qt::SplitHCursor);
    else
        setCursor(Qt::OpenHandCursor);
}

void SheetView::mousePressEvent(QMouseEvent *event) {
    if (event->button() != Qt::LeftButton) return QWidget::mousePressEvent(event);
    const bool area = !m_frame.isEmpty() && (m_areaTool || (event->modifiers() & Qt::ShiftModifier));
    m_drag = area ? Drag::Area : nearSwipeLine(event->position()) ? Drag::Swipe : Drag::Pan;
    m_area = QRectF();
    m_pressPos = event->position();
    m_pressCentre = effectiveCentre();
    m_moved = false;
    updateCursor(event->position());
    event->accept();
}

void SheetView::mouseMoveEvent(QMouseEvent *event) {
    if (m_drag == Drag::None) {
        updateCursor(event->position());
        return QWidget::mouseMoveEvent(event);
    }
    const QPointF delta = event->position() - m_pressPos;
    if (delta.manhattanLength() > kClickSlop) m_moved = true;
    if (m_drag == Drag::Area) {
        const QRectF frame(QPointF(0, 0), QSizeF(m_frame));
        m_area =
            QRectF(mapToImage(m_pressPos), mapToImage(event->position())).normalized().intersected(frame);
        update();
    } else if (m_drag == Drag::Swipe) {
        setSwipePosition(event->position().x() / std::max(1, width()));
    } else if (m_moved) {
        m_fit = Fit::None;
        setViewInternal(m_zoom, m_pressCentre - delta / m_zoom);
    }
    event->accept();
}

void SheetView::mouseReleaseEvent(QMouseEvent *event) {
    if (event->button() != Qt::LeftButton || m_drag == Drag::None) return QWidget::mouseReleaseEvent(event);
    const bool click = m_drag == Drag::Pan && !m_moved;
    const bool area = m_drag == Drag::Area && m_moved && !m_area.isEmpty();
    m_drag = Drag::None;
    if (area) emit areaDrawn(m_area);
    m_area = QRectF();
    update();
    updateCursor(event->position());
    if (click) {
        if (const int id = regionAt(event->position())) emit regionClicked(id);
    }
    event->accept();
}

int SheetView::regionAt(const QPointF &widgetPos) const {
    // The smallest cloud containing the point: a small change inside a big one stays reachable.
    int best = 0;
    double bestArea = 0;
    for (const Region &r : m_regions) {
        const QRectF cloud = cloudRect(r);
        const double area = cloud.width() * cloud.height();
        if (cloud.contains(widgetPos) && (best == 0 || area < bestArea)) {
            best = r.id;
            bestArea = area;
        }
    }
    return best;
}

void SheetView::keyPressEvent(QKeyEvent *event) {
    const double step = event->modifiers() & Qt::ShiftModifier ? 0.5 : kPanStep;
    // Keys move the view over the sheet: Right shows what is to the right.
    switch (event->key()) {
    case Qt::Key_Left:
        panBy(QPointF(step * width(), 0));
        break;
    case Qt::Key_Right:
        panBy(QPointF(-step * width(), 0));
        break;
    case Qt::Key_Up:
        panBy(QPointF(0, step * height()));
        break;
    case Qt::Key_Down:
        panBy(QPointF(0, -step * height()));
        break;
    case Qt::Key_PageUp:
        panBy(QPointF(0, 0.9 * height()));
        break;
    case Qt::Key_PageDown:
        panBy(QPointF(0, -0.9 * height()));
        break;
    default:
        return QWidget::keyPressEvent(event);
    }
    event->accept();
}

bool SheetView::event(QEvent *event) {
    if (event->type() == QEvent::Gesture) return gestureEvent(static_cast<QGestureEvent *>(event));
    if (event->type() == QEvent::NativeGesture) {
        // Touchpad pinch (macOS, libinput through XInput 2.4 and Wayland).
        auto *gesture = static_cast<QNativeGestureEvent *>(event);
        if (gesture->gestureType() == Qt::ZoomNativeGesture) {
            zoomAt(1.0 + gesture->value(), gesture->position());
            return true;
        }
        if (gesture->gestureType() == Qt::SmartZoomNativeGesture) {
            if (m_fit == Fit::Page)
                zoomAt(2.0, gesture->position());
            else
                fitPage();
            return true;
        }
    }
    return QWidget::event(event);
}

bool SheetView::gestureEvent(QGestureEvent *event) {
    auto *pinch = static_cast<QPinchGesture *>(event->gesture(Qt::PinchGesture));
    if (!pinch) return false;
    const QPointF centre = mapFromGlobal(pinch->centerPoint());
    // The first event's last centre is not set yet.
    if (pinch->state() == Qt::GestureUpdated && (pinch->changeFlags() & QPinchGesture::CenterPointChanged))
        panBy(pinch->centerPoint() - pinch->lastCenterPoint());
    if (pinch->changeFlags() & QPinchGesture::ScaleFactorChanged) zoomAt(pinch->scaleFactor(), centre);
    event->accept(pinch);
    return true;
}

} // namespace bt::ui
