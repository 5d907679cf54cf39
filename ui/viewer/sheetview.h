#pragma once

#include "diff/changeregion.h"
#include "sheetimage.h"
#include "tilecache.h"

#include <QColor>
#include <QPointF>
#include <QRectF>
#include <QVector>
#include <QWidget>

class QGestureEvent;

namespace bt::ui {

// Paints one or two SheetImages in one pixel frame (NEW page pixels) under a view transform
// (zoom, centre): wheel zoom at the cursor, pinch, drag and arrow-key pan, fit page / width, 1:1.
// Draws the change regions as numbered clouds. Two views follow each other through
// viewChanged -> setView (side by side).
class SheetView : public QWidget {
    Q_OBJECT
public:
    enum class Composition {
        Single,   // the base layer only
        Blend,    // the top layer over the base at topOpacity
        Swipe,    // base left of the swipe line, top right of it
        Multiply, // the top layer multiplied onto the base (two tinted sheets: both inks show)
    };
    struct Region {
        int id = 0;
        ChangeKind kind = ChangeKind::Modified;
        QRect box; // frame pixels
    };

    explicit SheetView(QWidget *parent = nullptr);

    // The frame every layer is drawn into: an image of another size is stretched onto it.
    void setFrameSize(QSize size);
    QSize frameSize() const { return m_frame; }
    // colours: the palette to draw the layer with; empty: the image's own.
    void setLayers(const SheetImage &base, const QVector<QRgb> &baseColours = {}, const SheetImage &top = {},
                   const QVector<QRgb> &topColours = {});
    void setComposition(Composition composition);
    Composition composition() const { return m_composition; }
    void setTopOpacity(double opacity);
    // Swipe line as a share of the width (0..1).
    void setSwipePosition(double position);
    double swipePosition() const { return m_swipe; }
    // Shown centred when there is nothing to draw (loading, an error); else at the bottom.
    void setMessage(const QString &message);
    QString message() const { return m_message; }
    // Labels of the two sides (bottom corners; the swipe's sides, or one pane's name).
    void setCaptions(const QString &left, const QString &right = QString());
    QString leftCaption() const { return m_leftCaption; }

    // pxPerPt: frame pixels per PDF point (cloud scallops and tags keep their paper size when
    // zoomed in, and a readable screen size when zoomed out).
    void setRegions(const QVector<Region> &regions, double pxPerPt, const QColor &cloudColour);
    const QVector<Region> &regions() const { return m_regions; }
    void setSelectedRegion(int id);
    int selectedRegion() const { return m_selected; }
    // The selected cloud's colour (OverlayPalette::selectionColour), drawn over a dark halo so a
    // light colour shows on white paper and on black ink alike.
    void setSelectionColour(const QColor &colour);
    QColor selectionColour() const { return m_selectionColour; }

    // Areas left out of the comparison (frame pixels): drawn hatched, labelled "Ignored".
    void setIgnoredAreas(const QVector<QRect> &areas, const QString &label);
    QVector<QRect> ignoredAreas() const { return m_ignored; }
    int ignoredAreaAt(const QPointF &widgetPos) const; // index, -1: none
    // While on, a left drag draws a rectangle (areaDrawn) instead of panning; Shift+drag does
    // the same with the tool off.
    void setAreaTool(bool on);
    bool areaTool() const { return m_areaTool; }

    double zoom() const { return m_zoom; } // logical pixels per frame pixel
    // The centre asked for; where the sheet is smaller than the view it is drawn centred instead.
    QPointF centre() const { return m_centre; }
    double minimumZoom() const;
    double maximumZoom() const;
    QRectF visibleImageRect() const;
    QPointF mapToImage(const QPointF &widgetPos) const;
    QPointF mapFromImage(const QPointF &imagePos) const;

    QSize sizeHint() const override { return QSize(800, 600); }
    QSize minimumSizeHint() const override { return QSize(120, 90); }

public slots:
    void setView(double zoom, const QPointF &centre);
    void zoomBy(double factor);
    void zoomAt(double factor, const QPointF &widgetPos);
    void fitPage();
    void fitWidth();
    void actualSize(); // one frame pixel per device pixel
    void zoomToRect(const QRectF &imageRect);
    void panBy(const QPointF &widgetDelta);

signals:
    void viewChanged(double zoom, const QPointF &centre);
    void swipePositionChanged(double position);
    void regionClicked(int id);
    void areaDrawn(const QRectF &frameRect);

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    enum class Fit { None, Page, Width };
    struct Layer {
        SheetImage image;
        QVector<QRgb> colours;
        size_t coloursKey = 0;
    };

    void setLayer(Layer &layer, const SheetImage &image, const QVector<QRgb> &colours);
    double fitPageZoom() const;
    void applyFit();
    // A view asked for here: clamped to the zoom range and, as this view is sized, to the sheet.
    void setViewInternal(double zoom, const QPointF &centre);
    void storeView(double zoom, const QPointF &centre);
    QPointF clampedCentre(double zoom, const QPointF &centre) const;
    QPointF effectiveCentre() const;
    void drawLayer(QPainter &painter, const Layer &layer, const QRectF &clip);
    void drawRegions(QPainter &painter);
    void drawSwipeLine(QPainter &painter);
    void drawIgnoredAreas(QPainter &painter);
    void drawText(QPainter &painter);
    bool gestureEvent(QGestureEvent *event);
    double swipeX() const { return m_swipe * width(); }
    bool nearSwipeLine(const QPointF &pos) const;
    int regionAt(const QPointF &widgetPos) const;
    QRectF cloudRect(const Region &region) const; // widget coordinates
    void updateCursor(const QPointF &pos);

    QSize m_frame;
    Layer m_base;
    Layer m_top;
    Composition m_composition = Composition::Single;
    double m_topOpacity = 1.0;
    double m_swipe = 0.5;
    QString m_message;
    QString m_leftCaption;
    QString m_rightCaption;

    QVector<Region> m_regions;
    double m_pxPerPt = 1.0;
    QColor m_cloudColour;
    QColor m_selectionColour = QColor(204, 121, 167);
    int m_selected = 0;

    double m_zoom = 1.0;
    QPointF m_centre;
    Fit m_fit = Fit::Page;

    QVector<QRect> m_ignored;
    QString m_ignoredLabel;
    bool m_areaTool = false;
    QRectF m_area; // frame pixels, while an area is drawn

    enum class Drag { None, Pan, Swipe, Area };
    Drag m_drag = Drag::None;
    QPointF m_pressPos;
    QPointF m_pressCentre;
    bool m_moved = false;

    TileCache m_tiles;
};

} // namespace bt::ui
