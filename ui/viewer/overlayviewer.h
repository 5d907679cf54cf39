#pragma once

#include "compare/pageresult.h"
#include "compare/sheetstatus.h"
#include "diff/overlay.h"
#include "review/reviewsession.h"
#include "sheetimage.h"
#include "sheetloader.h"
#include "store/jobstore.h"

#include <QFutureWatcher>
#include <QHash>
#include <QRectF>
#include <QVector>
#include <QWidget>
#include <atomic>
#include <memory>

class QAction;
class QActionGroup;
class QLabel;
class QLineEdit;
class QMenu;
class QSlider;
class QToolBar;
class QToolButton;
class QTreeView;

namespace bt::ui {

class ChangeListModel;

class SheetView;

// One compared sheet: the overlay, the old and the new sheet (alone, side by side with locked
// views, or swiped), the change list beside it, the engine's alignment warning on top. Every
// image is loaded, rendered and pyramided off the GUI thread.
class OverlayViewer : public QWidget {
    Q_OBJECT
public:
    // Tint: the old sheet in the removed colour, the new one in the added colour, both whole and
    // multiplied (where they agree the ink is dark), as Bluebeam's overlay; readable where texts
    // share strokes and the difference colouring turns grey.
    enum class Mode { Overlay, Old, New, SideBySide, Swipe, Tint };
    Q_ENUM(Mode)

    explicit OverlayViewer(QWidget *parent = nullptr);
    ~OverlayViewer() override;

    // Shows one compared sheet. oldPath/newPath are the two sets (PDF or image) the job compared,
    // used to render the Old/New views (off the GUI thread) at page.oldDpi/page.dpi and to warp
    // OLD onto NEW with page.alignment (warpOldOntoNew), the same frame as the overlay PNG.
    void showPage(const bt::PageResult &page, const QString &oldPath, const QString &newPath);
    void clear();
    void setMode(Mode mode);
    Mode mode() const { return m_mode; }
    void selectRegion(int regionId);                  // selects it in the change list and zooms onto its box
    int selectedRegion() const { return m_selected; } // 0: none
    QRectF visibleImageRect() const;                  // of the (first) view, in NEW page pixels

    // The history reviews and ignore areas are read from and written to (at once), and the job of
    // the pages shown next. Without a store the review controls are disabled.
    void setJob(bt::JobStore *store, const QString &jobId);
    QString jobId() const { return m_jobId; }

    // Review of a change of the shown sheet (A / R / C / O, the buttons and the list's context
    // menu act on the selected one).
    bool setReviewStatus(int regionId, bt::ReviewStatus status);
    bool setReviewComment(int regionId, const QString &comment);
    // The team's review changes of this sheet arrived (SyncService::reviewsChanged): read again.
    // A comment being typed is left alone.
    void reloadReviews(const QString &jobId, int pageNumber);
    bt::RegionReview review(int regionId) const;
    int reviewedCount() const;

    // Ignore areas of the sheet's drawing number (NEW page points). Adding or removing one
    // stores it and emits ignoreAreasChanged: the sheet is to be compared again.
    bool addIgnoreArea(const QRectF &rectPt);
    bool removeIgnoreArea(qint64 id);
    QVector<bt::IgnoreRegion> ignoreRegions() const { return m_ignoreRegions; }
    void setIgnoreToolActive(bool on); // the next drag on the sheet draws an ignore area

    // Earlier comparisons of the shown drawing number (this job's included), newest first.
    QVector<bt::SheetHistoryEntry> sheetHistory() const { return m_sheetHistory; }

    void setRemovedVisible(bool visible);
    void setAddedVisible(bool visible);
    void setOverlayOpacity(double opacity); // 0..1: the overlay over the NEW sheet
    // The colours the overlay is shown in: a view setting (the overlay PNG is a palette image,
    // recoloured here whatever colours the comparison wrote it with).
    void setColours(const bt::OverlayColours &colours);
    bool isLoading() const { return m_overlayLoading || m_rendersLoading; }
    // The change list's old | new crops of the shown sheet have arrived (they follow the renders).
    bool changeCropsReady() const;

public slots:
    void nextRegion();
    void previousRegion();

signals:
    void modeChanged(bt::ui::OverlayViewer::Mode mode);
    void regionSelected(int regionId);
    void loadingFinished(); // images for the current page are ready (tests wait on it)
    void reviewChanged(int pageNumber, int reviewed, int total);
    void ignoreAreasChanged(int pageNumber);
    void sheetHistoryRequested(const QString &jobId, int pageNumber);

private:
    static constexpr bt::ReviewStatus kReviewStatuses[] = {bt::ReviewStatus::Open, bt::ReviewStatus::Accepted,
                                                           bt::ReviewStatus::Rejected,
                                                           bt::ReviewStatus::NeedsClarification};

    // One side of a change's old | new crop in the change list (logical pixels).
    static constexpr QSize kCropSize{60, 40};

    // The stored review changed: the change list and the controls show it.
    void reviewSaved(int regionId);
    enum class Image { Overlay, Old, New };

    void buildToolBar();
    QAction *addToolAction(const QString &text, const QString &toolTip, const QList<QKeySequence> &keys);
    void cancelLoads();
    void onOverlayLoaded();
    void onRendersLoaded();
    void finishIfLoaded();
    void startCrops(); // the change list's old | new crops, off the GUI thread
    void setSelected(int regionId, bool zoom);
    void updateViews();
    void updateRegions();
    void updateBanner();
    void updateSwatches();
    QWidget *createReviewBar();
    void loadReviewData();
    void updateReviewControls();
    void updateIgnoredAreas();
    void updateHistoryMenu();
    void saveComment();
    void onAreaDrawn(const QRectF &frameRect);
    void showSheetMenu(SheetView *view, const QPoint &pos);
    double pxPerPt() const;
    SheetImage overlayImage() const;
    QString missingText(Image image) const;
    QString oneSetCaption() const; // "Added in NEW …" / "Removed from OLD …"; empty for a pair
    QRectF regionTarget(const QRect &box) const;

    // Current sheet
    bool m_hasPage = false;
    PageResult m_page;
    QString m_oldPath;
    QString m_newPath;
    SheetImage m_overlay;
    SheetImage m_composedOverlay;
    SheetImage m_old;
    SheetImage m_new;
    QString m_overlayError;
    QString m_renderError;
    bool m_overlayLoading = false;
    bool m_rendersLoading = false;
    bool m_composing = false; // the overlay is made from the renders (no overlay PNG)
    quint64 m_generation = 0;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    std::shared_ptr<DocumentCache> m_documents;
    QFutureWatcher<OverlayLoad> *m_overlayWatcher;
    QFutureWatcher<RenderLoad> *m_renderWatcher;
    QFutureWatcher<QHash<int, QImage>> *m_cropWatcher;

    // View state
    Mode m_mode = Mode::Overlay;
    int m_selected = 0;
    bool m_showRemoved = true;
    bool m_showAdded = true;
    double m_opacity = 1.0;
    QVector<QRgb> m_palette = overlayPalette(OverlayColours()); // of the colours shown

    // Widgets
    QToolBar *m_toolBar;
    QActionGroup *m_modeGroup;
    QVector<QAction *> m_modeActions;
    QAction *m_removedAction = nullptr;
    QAction *m_addedAction = nullptr;
    QSlider *m_opacitySlider = nullptr;
    QAction *m_opacityAction = nullptr;
    QSlider *m_swipeSlider = nullptr;
    QAction *m_swipeAction = nullptr;
    SheetView *m_view;
    SheetView *m_sideView;
    QLabel *m_banner;
    QTreeView *m_changeList;
    ChangeListModel *m_changes; // the change list's rows; reviews read through review()

    // Review
    bt::JobStore *m_store = nullptr;
    QString m_jobId;
    qint64 m_projectId = 0;      // the job's
    bt::ReviewSession m_reviews; // the shown sheet's
    QVector<bt::IgnoreRegion> m_ignoreRegions;
    QVector<bt::SheetHistoryEntry> m_sheetHistory;
    QVector<QAction *> m_reviewActions; // open, accepted, rejected, needs clarification
    QAction *m_ignoreAction = nullptr;
    QToolButton *m_historyButton = nullptr;
    QMenu *m_historyMenu = nullptr;
    QLineEdit *m_comment = nullptr;
    int m_commentRegion = 0; // the change m_comment belongs to
};

} // namespace bt::ui
