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

namespace {

constexpr int kSliderSteps = 1000;

// A colour square for the layer buttons: which colour each one hides.
QIcon swatch(const QColor &colour) {
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(colour.darker(140), 2));
    painter.setBrush(colour);
    painter.drawRoundedRect(QRectF(5, 5, 22, 22), 4, 4);
    return QIcon(pixmap);
}

using Column = ChangeListModel::Column;
constexpr Column ChangeColumn = ChangeListModel::ChangeColumn, ReviewColumn = ChangeListModel::ReviewColumn,
                 CommentColumn = ChangeListModel::CommentColumn;

} // namespace

OverlayViewer::OverlayViewer(QWidget *parent)
    : QWidget(parent)
    , m_documents(std::make_shared<DocumentCache>())
    , m_overlayWatcher(new QFutureWatcher<OverlayLoad>(this))
    , m_renderWatcher(new QFutureWatcher<RenderLoad>(this))
    , m_cropWatcher(new QFutureWatcher<QHash<int, QImage>>(this))
    , m_toolBar(new QToolBar(this))
    , m_modeGroup(new QActionGroup(this))
    , m_view(new SheetView(this))
    , m_sideView(new SheetView(this))
    , m_banner(new QLabel(this))
    , m_changeList(new QTreeView(this))
    , m_changes(new ChangeListModel([this](int regionId) { return review(regionId); }, this)) {
    connect(m_overlayWatcher, &QFutureWatcherBase::finished, this, &OverlayViewer::onOverlayLoaded);
    connect(m_renderWatcher, &QFutureWatcherBase::finished, this, &OverlayViewer::onRendersLoaded);
    connect(m_cropWatcher, &QFutureWatcherBase::finished, this, [this] {
        const QFuture<QHash<int, QImage>> future = m_cropWatcher->future();
        if (future.resultCount() > 0) m_changes->setCrops(future.result());
    });

    m_view->setObjectName(QStringLiteral("sheetView"));
    m_sideView->setObjectName(QStringLiteral("sideView"));
    m_changeList->setObjectName(QStringLiteral("changeList"));
    m_changeList->setModel(m_changes);
    m_changes->setCropSize(kCropSize, devicePixelRatioF());
    buildToolBar();

    // Side by side: each pane follows the other (setView does nothing when nothing changes, so
    // the echo stops).
    connect(m_view, &SheetView::viewChanged, m_sideView, &SheetView::setView);
    connect(m_sideView, &SheetView::viewChanged, m_view, &SheetView::setView);
    for (SheetView *view : {m_view, m_sideView})
        connect(view, &SheetView::regionClicked, this, [this](int id) { setSelected(id, false); });
    connect(m_view, &SheetView::swipePositionChanged, this, [this](double position) {
        const QSignalBlocker block(m_swipeSlider);
        m_swipeSlider->setValue(int(std::lround(position * kSliderSteps)));
    });
    m_sideView->hide();
    setFocusProxy(m_view); // focusing the viewer puts the keyboard on the sheet (arrows pan)

    m_banner->setObjectName(QStringLiteral("alignmentWarning"));
    m_banner->setAccessibleName(tr("Alignment warning"));
    m_banner->setWordWrap(true);
    m_banner->setTextFormat(Qt::PlainText);
    m_banner->setMargin(6);
    // A warning colour that reads in light and dark themes alike.
    m_banner->setStyleSheet(QStringLiteral("QLabel { background: #fff3cd; color: #5c4400; "
                                           "border-bottom: 1px solid #e0b84c; }"));
    m_banner->hide();

    auto *sheetArea = new QWidget(this);
    auto *panes = new QWidget(sheetArea);
    auto *row = new QHBoxLayout(panes);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(2);
    // Equal panes: locked views then show the same part of the sheet.
    row->addWidget(m_view, 1);
    row->addWidget(m_sideView, 1);
    auto *grid = new QGridLayout(sheetArea);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(panes, 0, 0);
    // On the sheet, over the top of the view(s): the warning belongs to what is shown.
    grid->addWidget(m_banner, 0, 0, Qt::AlignTop);
    m_banner->raise();

    m_changeList->setAccessibleName(tr("Changes"));
    m_changeList->setAccessibleDescription(tr("Selecting a change zooms onto it. N and P go to the next and "
                                              "previous change."));
    m_changeList->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_changeList->setSelectionMode(QAbstractItemView::SingleSelection);
    m_changeList->setRootIsDecorated(false);
    m_changeList->setUniformRowHeights(true);
    m_changeList->setWordWrap(true); // the texts beside the crops, on two or three lines
    m_changeList->setAllColumnsShowFocus(true);
    m_changeList->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_changeList->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_changeList->header()->setSectionResizeMode(ChangeColumn, QHeaderView::Stretch);
    m_changeList->header()->setSectionResizeMode(ReviewColumn, QHeaderView::ResizeToContents);
    m_changeList->header()->setSectionResizeMode(CommentColumn, QHeaderView::Interactive);
    m_changeList->header()->setStretchLastSection(false);
    m_changeList->header()->resizeSection(CommentColumn, 80);
    // Right-click: the review actions for the change under the cursor (a press selects it).
    m_changeList->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(m_changeList->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid()) setSelected(m_changes->regionId(current.row()), true);
            });
    // Clicking the selected change again brings it back into view after panning away.
    connect(m_changeList, &QTreeView::clicked, this, [this](const QModelIndex &index) {
        if (index.isValid()) setSelected(m_changes->regionId(index.row()), true);
    });

    auto *side = new QWidget(this);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->setSpacing(4);
    sideLayout->addWidget(m_changeList, 1);
    sideLayout->addWidget(createReviewBar());

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(sheetArea);
    splitter->addWidget(side);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 0);
    splitter->setChildrenCollapsible(false);
    splitter->setSizes({860, 400});

    for (SheetView *view : {m_view, m_sideView}) {
        connect(view, &SheetView::areaDrawn, this, &OverlayViewer::onAreaDrawn);
        view->setContextMenuPolicy(Qt::CustomContextMenu);
        connect(view, &SheetView::customContextMenuRequested, this,
                [this, view](const QPoint &pos) { showSheetMenu(view, pos); });
    }

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_toolBar);
    layout->addWidget(splitter, 1);

    clear();
}

OverlayViewer::~OverlayViewer() {
    cancelLoads();
    // The last reference to the opened sets is dropped on a worker: closing a PDF waits for the
    // PDFium lock, which a render may hold for seconds.
    if (QCoreApplication::instance())
        SheetLoader::threadPool()->start(
            [documents = std::move(m_documents)]() mutable { documents.reset(); });
}

QAction *OverlayViewer::addToolAction(const QString &text, const QString &toolTip,
                                      const QList<QKeySequence> &keys) {
    auto *action = new QAction(text, this);
    action->setShortcuts(keys);
    // Active while the focus is anywhere in the viewer, not in the rest of the main window.
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    const QString shortcut = keys.isEmpty() ? QString() : keys.first().toString(QKeySequence::NativeText);
    action->setToolTip(shortcut.isEmpty() ? toolTip : tr("%1 (%2)").arg(toolTip, shortcut));
    addAction(action);
    m_toolBar->addAction(action);
    return action;
}

void OverlayViewer::buildToolBar() {
    m_toolBar->setObjectName(QStringLiteral("viewerToolBar"));
    m_toolBar->setAccessibleName(tr("Viewer tools"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_toolBar->setIconSize(QSize(16, 16));

    const QList<QPair<QString, QString>> modes = {
        {tr("Overlay"), tr("Overlay: unchanged grey, removed and added in colour")},
        {tr("Old"), tr("The old sheet, aligned onto the new one")},
        {tr("New"), tr("The new sheet")},
        {tr("Side by side"), tr("Old and new side by side, zoomed and panned together")},
        {tr("Swipe"), tr("Old left of the swipe line, new right of it")},
        {tr("Tint"),
         tr("Layer tint: the whole old sheet in the removed colour, the whole new sheet in the added "
            "colour, laid over each other (what both have is dark)")},
    };
    for (int i = 0; i < modes.size(); ++i) {
        QAction *action = addToolAction(modes[i].first, modes[i].second, {QKeySequence(Qt::Key_1 + i)});
        action->setCheckable(true);
        m_modeGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, i] { setMode(Mode(i)); });
        m_modeActions.append(action);
    }
    m_modeActions.first()->setChecked(true);
    m_toolBar->addSeparator();

    // Most used first: when a narrow window (1280 px with the history dock, a longer language)
    // cannot show every tool, the toolbar's overflow menu takes the last ones, never the
    // modes or Previous / Next change.
    QAction *previous = addToolAction(tr("Previous"), tr("Previous change"), {QKeySequence(Qt::Key_P)});
    previous->setObjectName(QStringLiteral("previousChange"));
    connect(previous, &QAction::triggered, this, &OverlayViewer::previousRegion);
    QAction *next = addToolAction(tr("Next"), tr("Next change"), {QKeySequence(Qt::Key_N)});
    next->setObjectName(QStringLiteral("nextChange"));
    connect(next, &QAction::triggered, this, &OverlayViewer::nextRegion);
    m_toolBar->addSeparator();
    connect(addToolAction(tr("\u2212"), tr("Zoom out"),
                          {QKeySequence(Qt::Key_Minus), QKeySequence(QKeySequence::ZoomOut)}),
            &QAction::triggered, m_view, [this] { m_view->zoomBy(1 / 1.5); });
    connect(addToolAction(tr("+"), tr("Zoom in"),
                          {QKeySequence(Qt::Key_Plus), QKeySequence(Qt::Key_Equal),
                           QKeySequence(QKeySequence::ZoomIn)}),
            &QAction::triggered, m_view, [this] { m_view->zoomBy(1.5); });
    connect(addToolAction(tr("Fit page"), tr("Fit the whole sheet"),
                          {QKeySequence(Qt::Key_F), QKeySequence(Qt::CTRL | Qt::Key_0)}),
            &QAction::triggered, m_view, &SheetView::fitPage);
    connect(addToolAction(tr("Fit width"), tr("Fit the sheet's width"), {QKeySequence(Qt::Key_W)}),
            &QAction::triggered, m_view, &SheetView::fitWidth);
    connect(addToolAction(tr("1:1"), tr("Actual pixels"), {QKeySequence(Qt::CTRL | Qt::Key_1)}),
            &QAction::triggered, m_view, &SheetView::actualSize);
    m_toolBar->addSeparator();
    m_removedAction =
        addToolAction(tr("Removed"), tr("Show removed ink (overlay)"), {QKeySequence(Qt::SHIFT | Qt::Key_R)});
    m_removedAction->setCheckable(true);
    m_removedAction->setChecked(true);
    connect(m_removedAction, &QAction::toggled, this, &OverlayViewer::setRemovedVisible);
    m_addedAction =
        addToolAction(tr("Added"), tr("Show added ink (overlay)"), {QKeySequence(Qt::SHIFT | Qt::Key_A)});
    m_addedAction->setCheckable(true);
    m_addedAction->setChecked(true);
    connect(m_addedAction, &QAction::toggled, this, &OverlayViewer::setAddedVisible);
    // The colour swatch alone (the tooltip names it): the room goes to Previous / Next.
    for (QAction *action : {m_removedAction, m_addedAction})
        if (auto *button = qobject_cast<QToolButton *>(m_toolBar->widgetForAction(action))) {
            button->setToolButtonStyle(Qt::ToolButtonIconOnly);
            button->setAccessibleName(action->text());
        }
    updateSwatches();

    m_toolBar->addSeparator();
    m_ignoreAction =
        addToolAction(tr("Ignore area"),
                      tr("Draw a rectangle on the sheet to leave that area (a revision block, a "
                         "date stamp) out of every comparison of this drawing number; Shift+drag "
                         "does the same"),
                      {QKeySequence(Qt::Key_I)});
    m_ignoreAction->setCheckable(true);
    connect(m_ignoreAction, &QAction::toggled, this, &OverlayViewer::setIgnoreToolActive);

    m_historyMenu = new QMenu(this);
    m_historyMenu->setObjectName(QStringLiteral("sheetHistoryMenu"));
    m_historyButton = new QToolButton(m_toolBar);
    m_historyButton->setObjectName(QStringLiteral("sheetHistoryButton"));
    m_historyButton->setText(tr("Sheet history"));
    m_historyButton->setAccessibleName(tr("Earlier comparisons of this sheet"));
    m_historyButton->setToolTip(tr("Earlier comparisons of this drawing number: open one"));
    m_historyButton->setMenu(m_historyMenu);
    m_historyButton->setPopupMode(QToolButton::InstantPopup);
    m_toolBar->addWidget(m_historyButton);
    m_toolBar->addSeparator();
    auto labelledSlider = [this](const QString &label, const QString &accessibleName, QSlider **slider) {
        auto *box = new QWidget(m_toolBar);
        box->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Preferred);
        auto *row = new QHBoxLayout(box);
        row->setContentsMargins(6, 0, 6, 0);
        auto *text = new QLabel(label, box);
        *slider = new QSlider(Qt::Horizontal, box);
        (*slider)->setRange(0, kSliderSteps);
        (*slider)->setFixedWidth(110);
        (*slider)->setAccessibleName(accessibleName);
        text->setBuddy(*slider);
        row->addWidget(text);
        row->addWidget(*slider);
        return m_toolBar->addWidget(box);
    };
    m_opacityAction = labelledSlider(tr("Opacity"), tr("Overlay opacity"), &m_opacitySlider);
    m_opacitySlider->setValue(kSliderSteps);
    m_opacitySlider->setToolTip(tr("Overlay over the new sheet: fade it to see the new drawing through it"));
    connect(m_opacitySlider, &QSlider::valueChanged, this,
            [this](int value) { setOverlayOpacity(double(value) / kSliderSteps); });
    m_swipeAction = labelledSlider(tr("Swipe"), tr("Swipe position"), &m_swipeSlider);
    m_swipeSlider->setValue(kSliderSteps / 2);
    m_swipeSlider->setToolTip(
        tr("Where the old sheet ends and the new one begins (the line can be dragged too)"));
    connect(m_swipeSlider, &QSlider::valueChanged, this,
            [this](int value) { m_view->setSwipePosition(double(value) / kSliderSteps); });
}

QWidget *OverlayViewer::createReviewBar() {
    auto *bar = new QWidget(this);
    bar->setObjectName(QStringLiteral("reviewBar"));
    auto *layout = new QVBoxLayout(bar);
    layout->setContentsMargins(4, 0, 4, 4);
    layout->setSpacing(4);
    auto *buttons = new QHBoxLayout;
    buttons->setSpacing(4);
    const QList<QPair<QString, QKeySequence>> labels = {
        {tr("Reopen"), QKeySequence(Qt::Key_O)},
        {tr("Accept"), QKeySequence(Qt::Key_A)},
        {tr("Reject"), QKeySequence(Qt::Key_R)},
        {tr("Clarify"), QKeySequence(Qt::Key_C)},
    };
    const QStringList tips = {tr("Mark the selected change open again"), tr("Accept the selected change"),
                              tr("Reject the selected change"),
                              tr("The selected change needs clarification")};
    for (int i = 0; i < labels.size(); ++i) {
        const ReviewStatus status = kReviewStatuses[i];
        auto *action = new QAction(ChangeListModel::statusIcon(status), labels[i].first, this);
        action->setShortcut(labels[i].second);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        action->setToolTip(tr("%1 (%2)").arg(tips[i], labels[i].second.toString(QKeySequence::NativeText)));
        connect(action, &QAction::triggered, this, [this, status] { setReviewStatus(m_selected, status); });
        addAction(action);
        m_changeList->addAction(action);
        m_reviewActions.append(action);
    }
    // Accept, Reject, Clarify, Reopen from left to right: the common decisions first.
    for (const int i : {1, 2, 3, 0}) {
        auto *button = new QToolButton(bar);
        button->setDefaultAction(m_reviewActions[i]);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        button->setIconSize(QSize(16, 16));
        button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        buttons->addWidget(button);
    }
    m_comment = new QLineEdit(bar);
    m_comment->setObjectName(QStringLiteral("reviewComment"));
    m_comment->setAccessibleName(tr("Comment on the selected change"));
    m_comment->setPlaceholderText(tr("Comment on the selected change"));
    m_comment->setClearButtonEnabled(true);
    connect(m_comment, &QLineEdit::editingFinished, this, &OverlayViewer::saveComment);
    layout->addLayout(buttons);
    layout->addWidget(m_comment);
    return bar;
}

// ---- loading ----------------------------------------------------------------------------------

void OverlayViewer::cancelLoads() {
    m_cropWatcher->setFuture(QFuture<QHash<int, QImage>>()); // an earlier sheet's crops never arrive
    if (m_cancel) m_cancel->store(true);
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    ++m_generation;
}

void OverlayViewer::showPage(const PageResult &page, const QString &oldPath, const QString &newPath) {
    cancelLoads();
    m_hasPage = true;
    m_page = page;
    // A sheet in one set only is reviewed as one item: the whole sheet.
    if (isWholeSheetReview(page) && page.regions.isEmpty())
        m_page.regions = reviewableRegions(page, pxPerPt());
    m_oldPath = oldPath;
    m_newPath = newPath;
    m_overlay = m_composedOverlay = m_old = m_new = SheetImage();
    m_overlayError.clear();
    m_renderError.clear();
    m_selected = 0;

    const bool matched = page.oldPage >= 0 && page.newPage >= 0;
    const bool overlayExists = !page.overlayPath.isEmpty() && QFileInfo::exists(page.overlayPath);
    // Without the engine's overlay the colours are composed from the renders: say why.
    if (matched && !overlayExists) {
        if (!page.error.isEmpty())
            m_overlayError = tr("The comparison of this sheet failed (%1); the colours come from the renders "
                                "alone.")
                                 .arg(page.error);
        else if (!page.diffDone)
            m_overlayError =
                tr("This sheet is still being compared; the colours come from the renders alone.");
        else if (page.overlayPath.isEmpty())
            m_overlayError = tr("This sheet has no overlay image; the colours come from the renders alone.");
        else
            m_overlayError = tr("The overlay %1 is missing; the colours come from the renders alone.")
                                 .arg(QFileInfo(page.overlayPath).fileName());
    }

    const quint64 generation = m_generation;
    m_overlayLoading = overlayExists;
    m_composing = matched && !overlayExists;
    if (overlayExists) {
        m_overlayWatcher->setFuture(
            QtConcurrent::run(SheetLoader::threadPool(), [path = page.overlayPath, generation] {
                OverlayLoad load = SheetLoader::loadOverlay(path);
                load.generation = generation;
                return load;
            }));
    }
    m_rendersLoading = page.oldPage >= 0 || page.newPage >= 0;
    if (m_rendersLoading) {
        RenderRequest request{page, oldPath, newPath, m_composing, m_documents, m_cancel};
        m_renderWatcher->setFuture(QtConcurrent::run(SheetLoader::threadPool(), [request, generation] {
            RenderLoad load = SheetLoader::render(request);
            load.generation = generation;
            return load;
        }));
    }

    // What the result alone tells is shown at once: the change list, the clouds, the warning.
    loadReviewData();
    m_changes->setChanges(m_page.regions, OverlayColours().removed, OverlayColours().added,
                          isWholeSheetReview(m_page));

    const QSize frame = SheetLoader::expectedFrameSize(page);
    for (SheetView *view : {m_view, m_sideView}) {
        view->setLayers(SheetImage());
        view->setFrameSize(frame);
        view->setSelectedRegion(0);
    }
    m_view->fitPage();
    updateRegions();
    updateIgnoredAreas();
    updateHistoryMenu();
    updateReviewControls();
    updateBanner();
    updateViews();
    if (!isLoading()) QTimer::singleShot(0, this, &OverlayViewer::finishIfLoaded);
}

void OverlayViewer::clear() {
    cancelLoads();
    m_hasPage = false;
    m_page = PageResult();
    m_overlay = m_composedOverlay = m_old = m_new = SheetImage();
    m_overlayError.clear();
    m_renderError.clear();
    m_overlayLoading = m_rendersLoading = m_composing = false;
    m_selected = 0;
    m_reviews = ReviewSession();
    m_ignoreRegions.clear();
    m_sheetHistory.clear();
    // Drops the finished loads' images (a future keeps its results).
    m_overlayWatcher->setFuture(QFuture<OverlayLoad>());
    m_renderWatcher->setFuture(QFuture<RenderLoad>());
    m_changes->clear();
    for (SheetView *view : {m_view, m_sideView}) {
        view->setLayers(SheetImage());
        view->setFrameSize(QSize());
        view->setRegions({}, 1.0, QColor());
        view->setSelectedRegion(0);
        view->setIgnoredAreas({}, QString());
    }
    updateHistoryMenu();
    updateReviewControls();
    updateBanner();
    updateViews();
}

void OverlayViewer::onOverlayLoaded() {
    const QFuture<OverlayLoad> future = m_overlayWatcher->future();
    if (future.resultCount() < 1) return;
    const OverlayLoad load = future.result();
    if (load.generation != m_generation) return; // an earlier sheet's
    m_overlayLoading = false;
    m_overlay = load.overlay;
    m_overlayError = load.error;
    if (!m_overlay.isNull()) {
        for (SheetView *view : {m_view, m_sideView})
            view->setFrameSize(m_overlay.size());
        updateRegions();
        updateSwatches();
    }
    updateViews();
    finishIfLoaded();
}

void OverlayViewer::onRendersLoaded() {
    const QFuture<RenderLoad> future = m_renderWatcher->future();
    if (future.resultCount() < 1) return;
    const RenderLoad load = future.result();
    if (load.generation != m_generation || load.cancelled) return;
    m_rendersLoading = false;
    m_old = load.oldImage;
    m_new = load.newImage;
    m_composedOverlay = load.composedOverlay;
    m_renderError = load.error;
    startCrops();
    // The frame is NEW's render (the overlay's size); a removed sheet has only the old one.
    const SheetImage &frameImage = !m_new.isNull() ? m_new : m_old;
    if (m_overlay.isNull() && !frameImage.isNull())
        for (SheetView *view : {m_view, m_sideView})
            view->setFrameSize(frameImage.size());
    updateViews();
    finishIfLoaded();
}

void OverlayViewer::finishIfLoaded() {
    if (!isLoading()) emit loadingFinished();
}

// ---- presentation -----------------------------------------------------------------------------

SheetImage OverlayViewer::overlayImage() const {
    if (!m_overlay.isNull()) return m_overlay;
    if (!m_composedOverlay.isNull()) return m_composedOverlay;
    // A sheet in one set only has nothing to compare: its overlay is the sheet itself.
    if (m_page.oldPage < 0) return m_new;
    if (m_page.newPage < 0) return m_old;
    return SheetImage();
}

QString OverlayViewer::missingText(Image image) const {
    if (!m_hasPage) return tr("No sheet selected.");
    switch (image) {
    case Image::Overlay:
        if (m_page.oldPage < 0 || m_page.newPage < 0)
            return missingText(m_page.oldPage < 0 ? Image::New : Image::Old);
        if (m_overlayLoading || (m_composing && m_rendersLoading)) return tr("Loading the overlay\u2026");
        if (!m_overlayError.isEmpty()) return m_overlayError;
        return m_renderError;
    case Image::Old:
        if (m_page.oldPage < 0) return tr("This sheet is not in the old set.");
        if (m_rendersLoading) return tr("Rendering the old sheet\u2026");
        return m_renderError;
    case Image::New:
        if (m_page.newPage < 0) return tr("This sheet is not in the new set.");
        if (m_rendersLoading) return tr("Rendering the new sheet\u2026");
        return m_renderError;
    }
    return QString();
}

void OverlayViewer::updateViews() {
    const bool side = m_mode == Mode::SideBySide;
    m_sideView->setVisible(side);
    m_sideView->setLayers(SheetImage());
    m_sideView->setCaptions(QString());
    m_sideView->setMessage(QString());
    QString message;
    switch (m_mode) {
    case Mode::Overlay: {
        const SheetImage overlay = overlayImage();
        const bool palette = overlay.content() == SheetImage::Content::Overlay;
        const QVector<QRgb> colours =
            palette ? OverlayPalette::withLayers(m_palette, m_showRemoved, m_showAdded) : QVector<QRgb>();
        // The overlay over the NEW sheet: fading it shows the new drawing through the colours.
        m_view->setLayers(palette ? m_new : SheetImage(), {}, overlay, colours);
        m_view->setComposition(SheetView::Composition::Blend);
        m_view->setTopOpacity(palette ? m_opacity : 1.0);
        // A sheet in one set only is shown as it is: say which set.
        m_view->setCaptions(oneSetCaption());
        m_view->setAccessibleName(tr("Overlay of the old and new sheet"));
        if (overlay.isNull())
            message = missingText(Image::Overlay);
        else if (!m_overlayError.isEmpty())
            message = m_overlayError; // the composed fallback is shown: say so
        break;
    }
    case Mode::Old:
    case Mode::New: {
        const bool old = m_mode == Mode::Old;
        m_view->setLayers(old ? m_old : m_new);
        m_view->setComposition(SheetView::Composition::Single);
        m_view->setCaptions(!oneSetCaption().isEmpty() ? oneSetCaption() : old ? tr("Old") : tr("New"));
        m_view->setAccessibleName(old ? tr("Old sheet") : tr("New sheet"));
        if ((old ? m_old : m_new).isNull()) message = missingText(old ? Image::Old : Image::New);
        break;
    }
    case Mode::SideBySide:
        m_view->setLayers(m_old);
        m_view->setComposition(SheetView::Composition::Single);
        m_view->setCaptions(tr("Old"));
        m_view->setAccessibleName(tr("Old sheet"));
        if (m_old.isNull()) message = missingText(Image::Old);
        m_sideView->setLayers(m_new);
        m_sideView->setCaptions(tr("New"));
        m_sideView->setAccessibleName(tr("New sheet"));
        m_sideView->setMessage(m_new.isNull() ? missingText(Image::New) : QString());
        m_sideView->setView(m_view->zoom(), m_view->centre());
        break;
    case Mode::Tint:
        m_view->setLayers(m_old, OverlayPalette::inkTable(OverlayPalette::removedColour(m_palette)), m_new,
                          OverlayPalette::inkTable(OverlayPalette::addedColour(m_palette)));
        m_view->setComposition(SheetView::Composition::Multiply);
        m_view->setCaptions(tr("Old tinted as removed, new as added; dark where both agree"));
        m_view->setAccessibleName(tr("Old and new sheet, each tinted"));
        if (m_old.isNull() || m_new.isNull()) message = missingText(m_old.isNull() ? Image::Old : Image::New);
        break;
    case Mode::Swipe:
        m_view->setLayers(m_old, {}, m_new);
        m_view->setComposition(SheetView::Composition::Swipe);
        m_view->setCaptions(tr("Old"), tr("New"));
        m_view->setAccessibleName(tr("Old and new sheet, swiped"));
        if (m_old.isNull() || m_new.isNull()) message = missingText(m_old.isNull() ? Image::Old : Image::New);
        break;
    }
    m_view->setMessage(message);

    const bool overlay = m_mode == Mode::Overlay;
    m_removedAction->setEnabled(overlay);
    m_addedAction->setEnabled(overlay);
    m_opacityAction->setVisible(overlay);
    m_swipeAction->setVisible(m_mode == Mode::Swipe);
}

QString OverlayViewer::oneSetCaption() const {
    if (!m_hasPage) return QString();
    if (m_page.match == MatchKind::Added || (m_page.oldPage < 0 && m_page.newPage >= 0))
        return tr("Added in NEW: this sheet is not in the old set");
    if (m_page.match == MatchKind::Removed || (m_page.newPage < 0 && m_page.oldPage >= 0))
        return tr("Removed from OLD: this sheet is not in the new set");
    return QString();
}

void OverlayViewer::updateRegions() {
    QVector<SheetView::Region> regions;
    // The whole-sheet item of a sheet in one set only has no cloud: the caption says it.
    if (!isWholeSheetReview(m_page))
        for (const ChangeRegion &r : m_page.regions)
            regions.append({r.id, r.kind, r.boxPx});
    const double dpi = m_page.dpi > 0 ? m_page.dpi : SheetLoader::kFallbackDpi;
    const QColor cloud = OverlayPalette::cloudColour(m_palette);
    const QColor selection = OverlayPalette::selectionColour(m_palette);
    for (SheetView *view : {m_view, m_sideView}) {
        view->setRegions(regions, dpi / kPointsPerInch, cloud);
        view->setSelectionColour(selection);
    }
}

void OverlayViewer::setColours(const OverlayColours &colours) {
    m_palette = overlayPalette(colours);
    if (!m_rendersLoading) startCrops(); // tinted in the colours shown
    updateRegions();
    updateSwatches();
    updateViews();
}

void OverlayViewer::updateSwatches() {
    m_removedAction->setIcon(swatch(OverlayPalette::removedColour(m_palette)));
    m_addedAction->setIcon(swatch(OverlayPalette::addedColour(m_palette)));
}

void OverlayViewer::updateBanner() {
    const QString warning = m_hasPage ? alignmentWarningText(m_page.alignment) : QString();
    m_banner->setText(
        tr("\u26a0 Alignment warning: %1. Colours and clouds may be misplaced; check the changes "
           "against the Old and New views.")
            .arg(warning));
    m_banner->setVisible(!warning.isEmpty());
}

void OverlayViewer::setMode(Mode mode) {
    if (mode == m_mode) return;
    m_mode = mode;
    m_modeActions[int(mode)]->setChecked(true);
    updateViews();
    emit modeChanged(mode);
}

void OverlayViewer::setRemovedVisible(bool visible) {
    if (visible == m_showRemoved) return;
    m_showRemoved = visible;
    m_removedAction->setChecked(visible);
    updateViews();
}

void OverlayViewer::setAddedVisible(bool visible) {
    if (visible == m_showAdded) return;
    m_showAdded = visible;
    m_addedAction->setChecked(visible);
    updateViews();
}

void OverlayViewer::setOverlayOpacity(double opacity) {
    m_opacity = std::clamp(opacity, 0.0, 1.0);
    const QSignalBlocker block(m_opacitySlider);
    m_opacitySlider->setValue(int(std::lround(m_opacity * kSliderSteps)));
    if (m_mode == Mode::Overlay) m_view->setTopOpacity(m_opacity);
}

QRectF OverlayViewer::visibleImageRect() const {
    return m_view->visibleImageRect();
}

} // namespace bt::ui
