#include "alignbypoints.h"

#include "viewer/overlayviewer.h"
#include "viewer/sheetloader.h"
#include "viewer/sheetview.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QPushButton>

#include <opencv2/imgproc.hpp>

namespace bt::ui {

namespace {

constexpr int kPairs = 2;           // two pairs fix a similarity
constexpr double kClickSlackPx = 4; // a press and release this close is a click, not a pan

double dpiOrFallback(double dpi, double fallback) {
    return dpi > 0 ? dpi : fallback;
}

} // namespace

// The picks on one sheet view: numbered rings at their frame pixels, over the view (the clicks
// go through to it).
class PointMarkers : public QWidget {
public:
    PointMarkers(SheetView *view, QColor colour)
        : QWidget(view)
        , m_view(view)
        , m_colour(colour) {
        setAttribute(Qt::WA_TransparentForMouseEvents);
        setAttribute(Qt::WA_NoSystemBackground);
        setGeometry(view->rect());
        view->installEventFilter(this);
        connect(view, &SheetView::viewChanged, this, qOverload<>(&QWidget::update));
        hide();
    }
    void setPoints(const QVector<QPointF> &framePx) {
        m_points = framePx;
        setVisible(!framePx.isEmpty());
        raise();
        update();
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override {
        if (watched == m_view && event->type() == QEvent::Resize) setGeometry(m_view->rect());
        return false;
    }
    void paintEvent(QPaintEvent *) override {
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        QFont f = font();
        f.setBold(true);
        p.setFont(f);
        for (int i = 0; i < m_points.size(); ++i) {
            const QPointF at = m_view->mapFromImage(m_points[i]);
            p.setPen(QPen(Qt::white, 5));
            p.drawEllipse(at, 9, 9);
            p.setPen(QPen(m_colour, 2.5));
            p.drawEllipse(at, 9, 9);
            p.drawLine(at - QPointF(14, 0), at + QPointF(14, 0));
            p.drawLine(at - QPointF(0, 14), at + QPointF(0, 14));
            const QRectF label(at + QPointF(11, -26), QSizeF(20, 18));
            p.fillRect(label, m_colour);
            p.setPen(Qt::white);
            p.drawText(label, Qt::AlignCenter, QString::number(i + 1));
        }
    }

private:
    SheetView *m_view;
    QColor m_colour;
    QVector<QPointF> m_points;
};

AlignByPointsTool::AlignByPointsTool(OverlayViewer *viewer, QWidget *parent)
    : QWidget(parent)
    , m_viewer(viewer)
    , m_text(new QLabel(this))
    , m_undo(new QPushButton(tr("&Undo Point"), this))
    , m_apply(new QPushButton(tr("&Apply"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this)) {
    setObjectName(QStringLiteral("alignByPointsTool"));
    setAccessibleName(tr("Align by points"));
    m_text->setObjectName(QStringLiteral("alignByPointsText"));
    m_text->setWordWrap(true);
    m_apply->setObjectName(QStringLiteral("alignByPointsApply"));
    m_apply->setToolTip(tr("Align the sheet by the picked points and compare it again"));
    m_undo->setObjectName(QStringLiteral("alignByPointsUndo"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_undo);
    layout->addWidget(m_apply);
    layout->addWidget(m_cancel);
    setAutoFillBackground(true);
    // The same calm blue in light and dark themes: a mode, not a warning.
    setStyleSheet(QStringLiteral("#alignByPointsTool { background: #dbe9f7; }"
                                 " #alignByPointsText { color: #10324f; }"));
    connect(m_undo, &QPushButton::clicked, this, &AlignByPointsTool::undo);
    connect(m_apply, &QPushButton::clicked, this, &AlignByPointsTool::apply);
    connect(m_cancel, &QPushButton::clicked, this, &AlignByPointsTool::cancel);
    m_oldView = viewer->findChild<SheetView *>(QStringLiteral("sheetView"));
    m_newView = viewer->findChild<SheetView *>(QStringLiteral("sideView"));
    if (m_oldView && m_newView) {
        // Old in the removed colour's red, new in the added colour's blue-green, as the overlay.
        m_oldMarkers = new PointMarkers(m_oldView, QColor(0xc0, 0x1c, 0x28));
        m_newMarkers = new PointMarkers(m_newView, QColor(0x0b, 0x6e, 0x99));
        m_oldView->installEventFilter(this);
        m_newView->installEventFilter(this);
    }
    hide();
}

QPointF AlignByPointsTool::newPointAt(const PageResult &page, const QPointF &framePx) {
    return framePx / pixelsPerPoint(dpiOrFallback(page.dpi, SheetLoader::kFallbackDpi));
}

QPointF AlignByPointsTool::oldPointAt(const PageResult &page, const QPointF &framePx) {
    // The Old view shows OLD warped into the frame by the alignment: frame px -> OLD px.
    const cv::Matx23d &a = page.alignment.newToOld;
    const QPointF oldPx(a(0, 0) * framePx.x() + a(0, 1) * framePx.y() + a(0, 2),
                        a(1, 0) * framePx.x() + a(1, 1) * framePx.y() + a(1, 2));
    return oldPx /
           pixelsPerPoint(dpiOrFallback(page.oldDpi, dpiOrFallback(page.dpi, SheetLoader::kFallbackDpi)));
}

QPointF AlignByPointsTool::framePxOfNew(const PageResult &page, const QPointF &newPt) {
    return newPt * pixelsPerPoint(dpiOrFallback(page.dpi, SheetLoader::kFallbackDpi));
}

QPointF AlignByPointsTool::framePxOfOld(const PageResult &page, const QPointF &oldPt) {
    cv::Matx23d inv;
    cv::invertAffineTransform(page.alignment.newToOld, inv);
    const QPointF p =
        oldPt *
        pixelsPerPoint(dpiOrFallback(page.oldDpi, dpiOrFallback(page.dpi, SheetLoader::kFallbackDpi)));
    return QPointF(inv(0, 0) * p.x() + inv(0, 1) * p.y() + inv(0, 2),
                   inv(1, 0) * p.x() + inv(1, 1) * p.y() + inv(1, 2));
}

bool AlignByPointsTool::start(const PageResult &page) {
    if (page.match != MatchKind::Matched || !page.diffDone || !m_oldView || !m_newView) return false;
    m_page = page;
    m_points = PointPairs();
    if (!m_active) m_previousMode = int(m_viewer->mode());
    m_active = true;
    m_viewer->setMode(OverlayViewer::Mode::SideBySide); // Old left, New right, views locked
    show();
    refresh();
    emit activeChanged(true);
    return true;
}

void AlignByPointsTool::cancel() {
    if (!m_active) return;
    m_active = false;
    m_points = PointPairs();
    refresh();
    hide();
    m_viewer->setMode(OverlayViewer::Mode(m_previousMode));
    emit activeChanged(false);
}

bool AlignByPointsTool::canApply() const {
    return m_active && m_points.oldPt.size() == kPairs && m_points.newPt.size() == kPairs &&
           m_points.isValid();
}

void AlignByPointsTool::apply() {
    if (!canApply()) return;
    const PointPairs points = m_points;
    const int page = m_page.pageNumber;
    cancel();
    emit applied(page, points);
}

void AlignByPointsTool::undo() {
    // The latest pick: a NEW point completes a pair, so it goes first when the counts are equal.
    if (m_points.newPt.size() >= m_points.oldPt.size() && !m_points.newPt.isEmpty())
        m_points.newPt.removeLast();
    else if (!m_points.oldPt.isEmpty())
        m_points.oldPt.removeLast();
    refresh();
}

void AlignByPointsTool::pick(bool oldSide, const QPointF &framePx) {
    if (!m_active) return;
    QVector<QPointF> &list = oldSide ? m_points.oldPt : m_points.newPt;
    const QVector<QPointF> &other = oldSide ? m_points.newPt : m_points.oldPt;
    // Old then new for each pair: a side may lead the other by one pick at most.
    if (list.size() >= kPairs || list.size() > other.size()) return;
    list.append(oldSide ? oldPointAt(m_page, framePx) : newPointAt(m_page, framePx));
    refresh();
}

QString AlignByPointsTool::instructionText() const {
    const int olds = int(m_points.oldPt.size()), news = int(m_points.newPt.size());
    if (olds == kPairs && news == kPairs)
        return m_points.isValid()
                   ? tr("Two point pairs picked. Apply aligns the sheet by them and compares it again.")
                   : tr("The two points are at the same place: undo and pick points far apart.");
    const int pair = std::min(olds, news) + 1;
    if (olds < pair)
        return tr("Point %1 of 2: click a distinct feature (a grid bubble, a corner) on the OLD sheet "
                  "(left).")
            .arg(pair);
    return tr("Point %1 of 2: click the same feature on the NEW sheet (right).").arg(pair);
}

void AlignByPointsTool::refresh() {
    m_text->setText(instructionText());
    m_apply->setEnabled(canApply());
    m_undo->setEnabled(!m_points.oldPt.isEmpty() || !m_points.newPt.isEmpty());
    if (!m_oldMarkers) return;
    QVector<QPointF> oldPx, newPx;
    for (const QPointF &p : std::as_const(m_points.oldPt))
        oldPx.append(framePxOfOld(m_page, p));
    for (const QPointF &p : std::as_const(m_points.newPt))
        newPx.append(framePxOfNew(m_page, p));
    m_oldMarkers->setPoints(m_active ? oldPx : QVector<QPointF>());
    m_newMarkers->setPoints(m_active ? newPx : QVector<QPointF>());
}

bool AlignByPointsTool::eventFilter(QObject *watched, QEvent *event) {
    if (!m_active || (watched != m_oldView && watched != m_newView)) return false;
    auto *view = static_cast<SheetView *>(watched);
    if (event->type() == QEvent::MouseButtonPress) {
        const auto *e = static_cast<QMouseEvent *>(event);
        if (e->button() == Qt::LeftButton) m_pressPos = e->position();
    } else if (event->type() == QEvent::MouseButtonRelease) {
        const auto *e = static_cast<QMouseEvent *>(event);
        if (e->button() == Qt::LeftButton && (e->position() - m_pressPos).manhattanLength() <= kClickSlackPx)
            pick(view == m_oldView, view->mapToImage(e->position()));
    }
    return false; // the view still pans on a drag
}

} // namespace bt::ui
