// OverlayViewer, its third part: the changes of the sheet (selecting one, zooming onto it with
// its context, next / previous) and the change list's old | new crops.
#include "overlayviewer.h"

#include "changecrops.h"
#include "changelistmodel.h"
#include "overlaypalette.h"
#include "sheetview.h"

#include <QThreadPool>
#include <QTreeView>
#include <QtConcurrent>

namespace bt::ui {

namespace {

// Around a selected change: at least three inches of the sheet each way, so a one-word change is
// seen with the drawing around it rather than blown up to its pixels.
constexpr double kContextPt = 216;

} // namespace

void OverlayViewer::startCrops() {
    // A finished crop of an earlier sheet or colour set must not arrive: its watcher is replaced.
    m_cropWatcher->setFuture(QFuture<QHash<int, QImage>>());
    if (m_old.isNull() && m_new.isNull()) return;
    const qreal dpr = devicePixelRatioF();
    m_changes->setCropSize(kCropSize, dpr);
    ChangeCropRequest request{m_old,
                              m_new,
                              m_page.regions,
                              OverlayPalette::removedColour(m_palette),
                              OverlayPalette::addedColour(m_palette),
                              (QSizeF(kCropSize) * dpr).toSize(),
                              pxPerPt()};
    m_cropWatcher->setFuture(
        QtConcurrent::run(SheetLoader::threadPool(), [request] { return ChangeCrops::make(request); }));
}

bool OverlayViewer::changeCropsReady() const {
    return !m_page.regions.isEmpty() && m_changes->hasCrop(m_page.regions.first().id);
}

// ---- changes ----------------------------------------------------------------------------------

QRectF OverlayViewer::regionTarget(const QRect &box) const {
    const double dpi = m_page.dpi > 0 ? m_page.dpi : SheetLoader::kFallbackDpi;
    const double context = kContextPt * dpi / kPointsPerInch;
    // Half the box's size around it, and at least the context.
    const double w = std::max(2.0 * box.width(), context), h = std::max(2.0 * box.height(), context);
    const QPointF c = QRectF(box).center();
    return QRectF(c.x() - w / 2, c.y() - h / 2, w, h);
}

void OverlayViewer::selectRegion(int regionId) {
    setSelected(regionId, true);
}

void OverlayViewer::setSelected(int regionId, bool zoom) {
    const auto it = std::find_if(m_page.regions.cbegin(), m_page.regions.cend(),
                                 [regionId](const ChangeRegion &r) { return r.id == regionId; });
    const int id = it == m_page.regions.cend() ? 0 : regionId;
    {
        // The list follows; it does not select again.
        const QSignalBlocker block(m_changeList->selectionModel());
        const int row = m_changes->rowOf(id);
        if (row >= 0) {
            const QModelIndex current = m_changes->index(row, 0);
            m_changeList->selectionModel()->setCurrentIndex(current, QItemSelectionModel::ClearAndSelect |
                                                                         QItemSelectionModel::Rows);
            m_changeList->scrollTo(current);
        } else {
            m_changeList->selectionModel()->clear();
        }
        m_changeList->viewport()->update(); // the selection changed with the signals blocked
    }
    for (SheetView *view : {m_view, m_sideView})
        view->setSelectedRegion(id);
    if (id != 0 && zoom) {
        if (isWholeSheetReview(m_page))
            m_view->fitPage(); // the item is the sheet
        else
            m_view->zoomToRect(regionTarget(it->boxPx));
    }
    if (id != m_selected) {
        saveComment(); // typed for the change that was selected
        m_selected = id;
        updateReviewControls();
        emit regionSelected(id);
    }
}

void OverlayViewer::nextRegion() {
    const int n = int(m_page.regions.size());
    if (n == 0) return;
    int index = -1;
    for (int i = 0; i < n; ++i)
        if (m_page.regions[i].id == m_selected) index = i;
    selectRegion(m_page.regions[(index + 1) % n].id);
}

void OverlayViewer::previousRegion() {
    const int n = int(m_page.regions.size());
    if (n == 0) return;
    int index = n;
    for (int i = 0; i < n; ++i)
        if (m_page.regions[i].id == m_selected) index = i;
    selectRegion(m_page.regions[(index - 1 + n) % n].id);
}

} // namespace bt::ui
