// OverlayViewer, its second half: reviews of the changes and ignore areas (the first half,
// overlayviewer.cpp: building, loading and presenting the sheet).
#include "overlayviewer.h"

#include "changelistmodel.h"

#include "diff/overlay.h"
#include "overlaypalette.h"
#include "sheetview.h"

#include <QAction>
#include <QActionGroup>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPainter>
#include <QSlider>
#include <QSplitter>
#include <QThreadPool>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace bt::ui {

// ---- review -----------------------------------------------------------------------------------

void OverlayViewer::setJob(JobStore *store, const QString &jobId) {
    m_store = store;
    m_jobId = jobId;
    // Ignore areas and sheet history are the project's: every project has its own A-101.
    const std::optional<JobRecord> job = store ? store->job(jobId) : std::nullopt;
    m_projectId = job ? job->projectId : HistoryDatabase::kDefaultProjectId;
}

double OverlayViewer::pxPerPt() const {
    return (m_page.dpi > 0 ? m_page.dpi : SheetLoader::kFallbackDpi) / kPointsPerInch;
}

void OverlayViewer::loadReviewData() {
    m_reviews = ReviewSession(m_store, m_jobId, m_page.pageNumber);
    m_ignoreRegions.clear();
    m_sheetHistory.clear();
    const QString number = m_page.drawingName();
    if (!m_store) return;
    if (!number.isEmpty() && m_page.match == MatchKind::Matched) {
        m_ignoreRegions = m_store->reviewStore().ignoreRegions(m_projectId, number);
        m_sheetHistory = m_store->sheetHistory(number, m_projectId);
    }
}

RegionReview OverlayViewer::review(int regionId) const {
    return m_reviews.review(regionId);
}

int OverlayViewer::reviewedCount() const {
    QVector<int> ids;
    for (const ChangeRegion &r : m_page.regions)
        ids << r.id;
    return m_reviews.reviewedCount(ids);
}

void OverlayViewer::reviewSaved(int regionId) {
    m_changes->reviewChanged(regionId);
}

bool OverlayViewer::setReviewStatus(int regionId, ReviewStatus status) {
    if (!m_reviews.setStatus(regionId, status)) return false;
    reviewSaved(regionId);
    updateReviewControls();
    emit reviewChanged(m_page.pageNumber, reviewedCount(), int(m_page.regions.size()));
    return true;
}

bool OverlayViewer::setReviewComment(int regionId, const QString &comment) {
    if (review(regionId).comment == comment) return m_reviews.canSave() && regionId != 0;
    if (!m_reviews.setComment(regionId, comment)) return false;
    reviewSaved(regionId);
    if (regionId == m_selected) {
        const QSignalBlocker block(m_comment);
        m_comment->setText(comment);
    }
    return true;
}

void OverlayViewer::reloadReviews(const QString &jobId, int pageNumber) {
    if (!m_hasPage || jobId != m_jobId || pageNumber != m_page.pageNumber || !m_reviews.canSave()) return;
    m_reviews.reload();
    m_changes->reviewsChanged();
    if (!m_comment->hasFocus()) updateReviewControls();
    emit reviewChanged(m_page.pageNumber, reviewedCount(), int(m_page.regions.size()));
}

void OverlayViewer::saveComment() {
    if (m_commentRegion == 0 || !m_comment->isEnabled()) return;
    setReviewComment(m_commentRegion, m_comment->text().trimmed());
}

void OverlayViewer::updateReviewControls() {
    const bool enabled = m_reviews.canSave() && m_selected != 0;
    for (QAction *a : std::as_const(m_reviewActions))
        a->setEnabled(enabled);
    const RegionReview r = review(m_selected);
    for (int i = 0; i < m_reviewActions.size(); ++i) {
        m_reviewActions[i]->setCheckable(true);
        m_reviewActions[i]->setChecked(enabled && kReviewStatuses[i] == r.status);
    }
    const QSignalBlocker block(m_comment);
    m_comment->setEnabled(enabled);
    m_comment->setText(enabled ? r.comment : QString());
    m_commentRegion = enabled ? m_selected : 0;
}

// ---- ignore areas -----------------------------------------------------------------------------

void OverlayViewer::setIgnoreToolActive(bool on) {
    {
        const QSignalBlocker block(m_ignoreAction);
        m_ignoreAction->setChecked(on);
    }
    for (SheetView *view : {m_view, m_sideView})
        view->setAreaTool(on);
}

void OverlayViewer::updateIgnoredAreas() {
    // What the history holds for this drawing number (applied when the sheet is compared), or
    // without a history the areas the diff left out.
    QVector<QRectF> areasPt;
    if (m_store)
        for (const IgnoreRegion &r : std::as_const(m_ignoreRegions))
            areasPt.append(r.rectPt);
    else
        areasPt = m_page.ignoredPt;
    QVector<QRect> px;
    const double s = pxPerPt();
    for (const QRectF &r : std::as_const(areasPt))
        px.append(QRectF(r.x() * s, r.y() * s, r.width() * s, r.height() * s).toAlignedRect());
    for (SheetView *view : {m_view, m_sideView})
        view->setIgnoredAreas(px, tr("Ignored"));
    m_ignoreAction->setEnabled(m_store && m_hasPage && m_page.match == MatchKind::Matched &&
                               !m_page.drawingName().isEmpty());
}

bool OverlayViewer::addIgnoreArea(const QRectF &rectPt) {
    const QString number = m_page.drawingName();
    if (!m_store || number.isEmpty() || rectPt.isEmpty()) return false;
    if (!m_store->reviewStore().addIgnoreRegion(m_projectId, number, rectPt)) return false;
    m_ignoreRegions = m_store->reviewStore().ignoreRegions(m_projectId, number);
    updateIgnoredAreas();
    emit ignoreAreasChanged(m_page.pageNumber);
    return true;
}

bool OverlayViewer::removeIgnoreArea(qint64 id) {
    if (!m_store || !m_store->reviewStore().removeIgnoreRegion(id)) return false;
    m_ignoreRegions = m_store->reviewStore().ignoreRegions(m_projectId, m_page.drawingName());
    updateIgnoredAreas();
    emit ignoreAreasChanged(m_page.pageNumber);
    return true;
}

void OverlayViewer::onAreaDrawn(const QRectF &frameRect) {
    setIgnoreToolActive(false);
    const double s = pxPerPt();
    const QRectF pt(frameRect.x() / s, frameRect.y() / s, frameRect.width() / s, frameRect.height() / s);
    // A slip of the mouse is not an area: at least a few points each way.
    if (pt.width() < 4 || pt.height() < 4) return;
    addIgnoreArea(pt);
}

void OverlayViewer::showSheetMenu(SheetView *view, const QPoint &pos) {
    const int index = view->ignoredAreaAt(pos);
    QMenu menu(this);
    if (index >= 0 && index < m_ignoreRegions.size()) {
        const qint64 id = m_ignoreRegions[index].id;
        connect(menu.addAction(tr("Stop Ignoring This Area")), &QAction::triggered, this,
                [this, id] { removeIgnoreArea(id); });
    }
    menu.addAction(m_ignoreAction);
    menu.exec(view->mapToGlobal(pos));
}

// ---- sheet history ----------------------------------------------------------------------------

void OverlayViewer::updateHistoryMenu() {
    m_historyMenu->clear();
    int others = 0;
    for (const SheetHistoryEntry &e : std::as_const(m_sheetHistory)) {
        const bool current = e.jobId == m_jobId && e.pageNumber == m_page.pageNumber;
        others += current ? 0 : 1;
        const QString changes = tr("%n change(s)", nullptr, e.changeCount);
        QString text = tr("%1 \u00b7 %2 \u2192 %3 \u00b7 %4")
                           .arg(QLocale().toString(e.createdAt.toLocalTime(), QLocale::ShortFormat),
                                QFileInfo(e.oldFile).fileName(), QFileInfo(e.newFile).fileName(), changes);
        if (current) text += tr(" (shown)");
        QAction *action = m_historyMenu->addAction(text);
        action->setData(e.jobId);
        action->setEnabled(!current);
        connect(action, &QAction::triggered, this,
                [this, jobId = e.jobId, page = e.pageNumber] { emit sheetHistoryRequested(jobId, page); });
    }
    m_historyButton->setEnabled(others > 0);
    m_historyButton->setText(others > 0 ? tr("Sheet history (%1)").arg(others + 1) : tr("Sheet history"));
}

} // namespace bt::ui
