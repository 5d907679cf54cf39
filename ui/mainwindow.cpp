#include "mainwindow.h"

#include "dropzone.h"
#include "guiapplication.h"
#include "historypanel.h"
#include "pagecardlist.h"
#include "reportexportdialog.h"
#include "settingsdialog.h"
#include "summarytext.h"
#include "viewer/overlayviewer.h"

#include "document/document.h"
#include "pipeline/pipeline.h"
#include "store/jobstore.h"
#include "sync/remotemirror.h"

#include <QAction>
#include <QApplication>
#include <QButtonGroup>
#include <QCloseEvent>
#include <QDeadlineTimer>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QShortcut>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <memory>
#include <utility>

namespace bt::ui {

namespace {

constexpr int kMaxRecent = 8;
const QString kRecentKey = QStringLiteral("recent/comparisons");
const QString kGeometryKey = QStringLiteral("window/geometry");
const QString kStateKey = QStringLiteral("window/state");

// "rev 9" before "rev 10": runs of digits compare as numbers, other characters case-folded.
// (QCollator's numeric mode does nothing without ICU or in the C locale.)
int naturalCompare(const QString &a, const QString &b) {
    int i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i].isDigit() && b[j].isDigit()) {
            int i2 = i, j2 = j;
            while (i2 < a.size() && a[i2].isDigit())
                ++i2;
            while (j2 < b.size() && b[j2].isDigit())
                ++j2;
            QStringView x = QStringView(a).mid(i, i2 - i), y = QStringView(b).mid(j, j2 - j);
            while (x.size() > 1 && x.front() == QLatin1Char('0'))
                x = x.mid(1);
            while (y.size() > 1 && y.front() == QLatin1Char('0'))
                y = y.mid(1);
            if (x.size() != y.size()) return x.size() < y.size() ? -1 : 1; // no overflow on long numbers
            if (const int c = x.compare(y)) return c;
            i = i2;
            j = j2;
            continue;
        }
        const char32_t x = QChar::toCaseFolded(a[i].unicode()), y = QChar::toCaseFolded(b[j].unicode());
        if (x != y) return x < y ? -1 : 1;
        ++i;
        ++j;
    }
    return (a.size() - i) == (b.size() - j) ? 0 : (a.size() - i) < (b.size() - j) ? -1 : 1;
}

// A team job's sets are on the server: the history names them, they are not files here.
QString localFile(const QString &path) {
    return QFileInfo(path).isAbsolute() ? path : QString();
}

QString sideName(bool old) {
    return old ? MainWindow::tr("OLD") : MainWindow::tr("NEW");
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_settings(GuiSettings::load()) {
    setWindowTitle(tr("BuildTrace"));
    setObjectName(QStringLiteral("mainWindow"));
    setAcceptDrops(true);

    m_history = new HistoryPanel(this);
    m_historyDock = new QDockWidget(tr("History"), this);
    m_historyDock->setObjectName(QStringLiteral("historyDock"));
    m_historyDock->setWidget(m_history);
    m_historyDock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
    addDockWidget(Qt::LeftDockWidgetArea, m_historyDock);

    createActions();

    auto *central = new QWidget(this);
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(10, 10, 10, 6);
    centralLayout->setSpacing(8);
    m_stack = new QStackedWidget(central);
    m_comparePage = createComparePage();
    m_viewerPageWidget = createViewerPage();
    m_stack->addWidget(m_comparePage);
    m_stack->addWidget(m_viewerPageWidget);
    centralLayout->addWidget(m_stack, 1);
    centralLayout->addWidget(createProgressRow());
    setCentralWidget(central);

    createMenus();
    m_connectionLabel = new QLabel(this);
    m_connectionLabel->setObjectName(QStringLiteral("connectionState"));
    m_connectionLabel->hide();
    statusBar()->addPermanentWidget(m_connectionLabel);

    connect(m_oldZone, &DropZone::pathChanged, this, &MainWindow::updateActions);
    connect(m_newZone, &DropZone::pathChanged, this, &MainWindow::updateActions);
    for (DropZone *zone : {m_oldZone, m_newZone})
        connect(zone, &DropZone::filesDropped, this, &MainWindow::assignFiles);
    connect(m_cards, &PageCardList::pageActivated, this, &MainWindow::showSheet);
    connect(m_cards, &PageCardList::countsChanged, this, &MainWindow::updateFilterButtons);
    connect(m_history, &HistoryPanel::openRequested, this, &MainWindow::openJob);
    connect(m_history, &HistoryPanel::resumeRequested, this, &MainWindow::resumeJob);
    connect(m_history, &HistoryPanel::deleteRequested, this, [this](const QString &id) { deleteJob(id); });
    connect(m_history, &HistoryPanel::pushRequested, this, &MainWindow::pushJob);
    connectReview();

    // Keyboard order follows the reading order: OLD, swap, NEW, Compare, filters, cards.
    setTabOrder(m_oldZone, m_swapButton);
    setTabOrder(m_swapButton, m_newZone);
    setTabOrder(m_newZone, m_compareButton);
    QWidget *previous = m_compareButton;
    for (QAbstractButton *b : m_filters->buttons()) {
        setTabOrder(previous, b);
        previous = b;
    }
    setTabOrder(previous, m_cards);

    const QSettings settings;
    resize(1280, 860);
    resizeDocks({m_historyDock}, {360}, Qt::Horizontal);
    restoreGeometry(settings.value(kGeometryKey).toByteArray());
    restoreState(settings.value(kStateKey).toByteArray());

    m_recentPairs = settings.value(kRecentKey).toStringList();
    m_settingsWriter.setMaxThreadCount(1);
    ensureStore(false);
    updateRecentMenu();
    setRunning(false);
    m_oldZone->setFocus();
}

MainWindow::~MainWindow() = default;

// ---- construction ------------------------------------------------------------------------------

void MainWindow::createActions() {
    auto action = [this](const QString &text, const QList<QKeySequence> &keys, auto slot) {
        auto *a = new QAction(text, this);
        a->setShortcuts(keys);
        connect(a, &QAction::triggered, this, slot);
        addAction(a); // shortcuts work with the menu bar hidden, too
        return a;
    };
    m_openOldAction =
        action(tr("Choose &Old Revision…"), {QKeySequence::Open}, [this] { m_oldZone->browse(); });
    m_openNewAction = action(tr("Choose &New Revision…"), {QKeySequence(tr("Ctrl+Shift+O"))},
                             [this] { m_newZone->browse(); });
    m_swapAction =
        action(tr("&Swap Old and New"), {QKeySequence(tr("Ctrl+Shift+X"))}, &MainWindow::swapFiles);
    m_compareAction =
        action(tr("&Compare"), {QKeySequence(tr("Ctrl+Return")), QKeySequence(tr("Ctrl+Enter"))},
               &MainWindow::compare);
    m_runOnServerAction = action(
        tr("Run on &Server"), {QKeySequence(tr("Ctrl+Shift+Return")), QKeySequence(tr("Ctrl+Shift+Enter"))},
        &MainWindow::runOnServer);
    m_syncNowAction = action(tr("S&ync with Server Now"), {QKeySequence(tr("Ctrl+Shift+Y"))}, [this] {
        if (m_sync) m_sync->syncNow();
    });
    m_cancelAction = action(tr("C&ancel Comparison"), {QKeySequence(Qt::Key_Escape)}, &MainWindow::cancel);
    m_backAction = action(tr("&Back to Sheets"), {QKeySequence::Back, QKeySequence(Qt::Key_Backspace)},
                          &MainWindow::showCards);
    m_previousSheetAction =
        action(tr("&Previous Sheet"), {QKeySequence(tr("Ctrl+PgUp"))}, [this] { showSheetAt(-1); });
    m_nextSheetAction =
        action(tr("&Next Sheet"), {QKeySequence(tr("Ctrl+PgDown"))}, [this] { showSheetAt(1); });
    m_exportReportAction = action(tr("Export &Report…"), {QKeySequence(tr("Ctrl+E"))},
                                  [this] { exportJob(ReportExportDialog::Kind::Report); });
    m_exportChangesAction = action(tr("Export Change &List…"), {QKeySequence(tr("Ctrl+Shift+E"))},
                                   [this] { exportJob(ReportExportDialog::Kind::ChangeList); });
    m_settingsAction = action(tr("&Settings…"), {QKeySequence(tr("Ctrl+,"))}, &MainWindow::openSettings);
    m_refreshHistoryAction =
        action(tr("&Refresh History"), {QKeySequence::Refresh}, [this] { m_history->refresh(); });
    m_quitAction = action(tr("&Quit"), {QKeySequence::Quit, QKeySequence(tr("Ctrl+Q"))}, &QWidget::close);
    m_quitAction->setMenuRole(QAction::QuitRole);

    const QStringList filterNames = {tr("Show &All Sheets"), tr("Show &Changed Sheets"),
                                     tr("Show &Unchanged Sheets"), tr("Show &Failed Sheets")};
    for (int i = 0; i < filterNames.size(); ++i) {
        m_filterActions << action(filterNames[i], {QKeySequence(tr("Ctrl+%1").arg(i + 1))}, [this, i] {
            if (QAbstractButton *b = m_filters->button(i)) b->click();
        });
    }
    m_historyDock->toggleViewAction()->setShortcut(QKeySequence(tr("Ctrl+H")));
    m_historyDock->toggleViewAction()->setText(tr("&History"));
    addAction(m_historyDock->toggleViewAction());
}

void MainWindow::createMenus() {
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_openOldAction);
    file->addAction(m_openNewAction);
    file->addAction(m_swapAction);
    m_recentMenu = file->addMenu(tr("&Recent Comparisons"));
    file->addSeparator();
    file->addAction(m_compareAction);
    file->addAction(m_runOnServerAction);
    file->addAction(m_cancelAction);
    file->addSeparator();
    file->addAction(m_exportReportAction);
    file->addAction(m_exportChangesAction);
    file->addSeparator();
    file->addAction(m_settingsAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_backAction);
    view->addAction(m_previousSheetAction);
    view->addAction(m_nextSheetAction);
    view->addSeparator();
    for (QAction *a : std::as_const(m_filterActions))
        view->addAction(a);
    view->addSeparator();
    view->addAction(m_historyDock->toggleViewAction());
    view->addAction(m_refreshHistoryAction);
    view->addAction(m_syncNowAction);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About BuildTrace"), this, [this] {
        QMessageBox::about(this, tr("About BuildTrace"),
                           tr("<p><b>BuildTrace %1</b></p><p>Compares two revisions of a construction "
                              "drawing set sheet by sheet. Everything runs on this computer.</p>")
                               .arg(QCoreApplication::applicationVersion().toHtmlEscaped()));
    });
}

QWidget *MainWindow::createComparePage() {
    auto *page = new QWidget(this);
    auto *layout = new QGridLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setHorizontalSpacing(10);
    layout->setVerticalSpacing(8);

    m_oldZone = new DropZone(DropZone::Side::Old, page);
    m_newZone = new DropZone(DropZone::Side::New, page);
    m_swapButton = new QToolButton(page);
    m_swapAction->setIconText(QStringLiteral("⇄")); // the button shows the icon text, the menu the text
    m_swapButton->setDefaultAction(m_swapAction);
    m_swapAction->setToolTip(
        tr("Swap OLD and NEW (%1)").arg(m_swapAction->shortcut().toString(QKeySequence::NativeText)));
    m_swapButton->setAccessibleName(tr("Swap old and new"));
    m_swapButton->setAutoRaise(true);
    QFont swapFont = m_swapButton->font();
    swapFont.setPointSizeF(swapFont.pointSizeF() * 1.6);
    m_swapButton->setFont(swapFont);
    m_swapButton->setFocusPolicy(Qt::StrongFocus);
    m_compareButton = new QPushButton(tr("Compare"), page);
    m_compareButton->setObjectName(QStringLiteral("compareButton"));
    m_compareButton->setToolTip(tr("Compare OLD with NEW (Return or %1)")
                                    .arg(m_compareAction->shortcut().toString(QKeySequence::NativeText)));
    m_compareButton->setMinimumSize(120, m_oldZone->minimumHeight());
    m_compareButton->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Expanding);
    QFont compareFont = m_compareButton->font();
    compareFont.setBold(true);
    compareFont.setPointSizeF(compareFont.pointSizeF() * 1.15);
    m_compareButton->setFont(compareFont);
    connect(m_compareButton, &QPushButton::clicked, this, &MainWindow::compare);
    m_serverButton = new QPushButton(tr("On Server"), page);
    m_serverButton->setObjectName(QStringLiteral("serverButton"));
    m_serverButton->setToolTip(tr("Compare on the team's job server (%1)")
                                   .arg(m_runOnServerAction->shortcut().toString(QKeySequence::NativeText)));
    m_serverButton->setMinimumWidth(m_compareButton->minimumWidth());
    m_serverButton->hide();
    connect(m_serverButton, &QPushButton::clicked, this, &MainWindow::runOnServer);
    auto *compareColumn = new QWidget(page);
    auto *compareLayout = new QVBoxLayout(compareColumn);
    compareLayout->setContentsMargins(0, 0, 0, 0);
    compareLayout->setSpacing(4);
    compareLayout->addWidget(m_compareButton, 1);
    compareLayout->addWidget(m_serverButton);
    // Return starts the comparison from anywhere on this page; cards and buttons that use
    // Return themselves claim it first (ShortcutOverride).
    for (const QKeySequence &key : {QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)}) {
        auto *shortcut = new QShortcut(key, page);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, &MainWindow::compare);
    }

    m_jobHeader = new QLabel(page);
    m_jobHeader->setObjectName(QStringLiteral("jobHeader"));
    m_jobHeader->setWordWrap(true);
    m_jobHeader->setTextFormat(Qt::RichText);
    m_jobHeader->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *filterRow = new QWidget(page);
    auto *filterLayout = new QHBoxLayout(filterRow);
    filterLayout->setContentsMargins(0, 0, 0, 0);
    filterLayout->setSpacing(4);
    auto *showLabel = new QLabel(tr("Show:"), filterRow);
    filterLayout->addWidget(showLabel);
    m_filters = new QButtonGroup(this);
    for (int i = 0; i < 4; ++i) {
        auto *b = new QToolButton(filterRow);
        b->setCheckable(true);
        b->setAutoRaise(true);
        b->setFocusPolicy(Qt::StrongFocus);
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        m_filters->addButton(b, i);
        filterLayout->addWidget(b);
    }
    filterLayout->addStretch(1);
    m_filters->button(0)->setChecked(true);
    connect(m_filters, &QButtonGroup::idClicked, this,
            [this](int id) { m_cards->setFilter(CardFilter(id)); });

    m_cards = new PageCardList(page);

    layout->addWidget(m_oldZone, 0, 0);
    layout->addWidget(m_swapButton, 0, 1);
    layout->addWidget(m_newZone, 0, 2);
    layout->addWidget(compareColumn, 0, 3);
    layout->addWidget(m_jobHeader, 1, 0, 1, 4);
    layout->addWidget(filterRow, 2, 0, 1, 4);
    layout->addWidget(m_cards, 3, 0, 1, 4);
    layout->setColumnStretch(0, 1);
    layout->setColumnStretch(2, 1);
    layout->setRowStretch(3, 1);
    updateFilterButtons();
    return page;
}

QWidget *MainWindow::createViewerPage() {
    auto *page = new QWidget(this);
    auto *layout = new QGridLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    auto *back = new QToolButton(page);
    // Buttons show the actions' icon texts, the menus their full texts.
    m_backAction->setIconText(tr("← Sheets"));
    m_previousSheetAction->setIconText(tr("‹ Previous"));
    m_nextSheetAction->setIconText(tr("Next ›"));
    back->setDefaultAction(m_backAction);
    auto *previous = new QToolButton(page);
    previous->setDefaultAction(m_previousSheetAction);
    auto *next = new QToolButton(page);
    next->setDefaultAction(m_nextSheetAction);
    for (QToolButton *b : {back, previous, next})
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_backAction->setToolTip(
        tr("Back to the sheets (%1)").arg(m_backAction->shortcut().toString(QKeySequence::NativeText)));
    m_previousSheetAction->setToolTip(
        tr("Previous sheet (%1)").arg(m_previousSheetAction->shortcut().toString(QKeySequence::NativeText)));
    m_nextSheetAction->setToolTip(
        tr("Next sheet (%1)").arg(m_nextSheetAction->shortcut().toString(QKeySequence::NativeText)));
    m_viewerTitle = new QLabel(page);
    m_viewerTitle->setTextFormat(Qt::PlainText);
    QFont titleFont = m_viewerTitle->font();
    titleFont.setBold(true);
    m_viewerTitle->setFont(titleFont);
    m_viewer = new OverlayViewer(page);
    m_viewer->setObjectName(QStringLiteral("overlayViewer"));

    layout->addWidget(back, 0, 0);
    layout->addWidget(m_viewerTitle, 0, 1);
    layout->addWidget(previous, 0, 2);
    layout->addWidget(next, 0, 3);
    layout->addWidget(m_viewer, 1, 0, 1, 4);
    layout->setColumnStretch(1, 1);
    layout->setRowStretch(1, 1);
    return page;
}

QWidget *MainWindow::createProgressRow() {
    m_progressRow = new QWidget(this);
    auto *layout = new QHBoxLayout(m_progressRow);
    layout->setContentsMargins(0, 0, 0, 0);
    m_progressBar = new QProgressBar(m_progressRow);
    m_progressBar->setAccessibleName(tr("Comparison progress"));
    m_progressBar->setTextVisible(true);
    m_progressLabel = new QLabel(m_progressRow);
    m_progressLabel->setObjectName(QStringLiteral("stageCounts"));
    m_progressLabel->setTextFormat(Qt::PlainText);
    m_progressLabel->setMinimumWidth(m_progressLabel->fontMetrics().horizontalAdvance(
        tr("OCR %1/%2 · Diff %1/%2 · Summary %1/%2").arg(888).arg(888)));
    m_cancelButton = new QPushButton(tr("Cancel"), m_progressRow);
    m_cancelButton->setToolTip(tr("Stop the comparison (Esc). It stays in the history and can be resumed."));
    connect(m_cancelButton, &QPushButton::clicked, this, &MainWindow::cancel);
    layout->addWidget(m_progressBar, 1);
    layout->addWidget(m_progressLabel);
    layout->addWidget(m_cancelButton);
    return m_progressRow;
}

// ---- files -------------------------------------------------------------------------------------

void MainWindow::setFiles(const QString &oldPath, const QString &newPath) {
    if (m_oldZone->path() != QFileInfo(oldPath).absoluteFilePath() || oldPath.isEmpty())
        m_oldZone->setPath(oldPath);
    if (m_newZone->path() != QFileInfo(newPath).absoluteFilePath() || newPath.isEmpty())
        m_newZone->setPath(newPath);
}

void MainWindow::assignFiles(const QStringList &paths) {
    if (paths.size() != 2) return;
    QFileInfo a(paths[0]), b(paths[1]);
    const bool swap = a.lastModified() != b.lastModified() ? b.lastModified() < a.lastModified()
                                                           : naturalCompare(b.fileName(), a.fileName()) < 0;
    if (swap) std::swap(a, b);
    setFiles(a.absoluteFilePath(), b.absoluteFilePath());
    statusBar()->showMessage(tr("OLD: %1 (the older file), NEW: %2").arg(a.fileName(), b.fileName()), 6000);
}

void MainWindow::swapFiles() {
    const QString oldPath = m_oldZone->path(), newPath = m_newZone->path();
    m_oldZone->setPath(newPath);
    m_newZone->setPath(oldPath);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event) {
    const int n = int(DropZone::droppedFiles(event->mimeData()).size());
    if (n == 1 || n == 2)
        event->acceptProposedAction();
    else
        event->ignore();
}

void MainWindow::dropEvent(QDropEvent *event) {
    const QStringList files = DropZone::droppedFiles(event->mimeData());
    if (files.size() == 2) {
        assignFiles(files);
    } else if (files.size() == 1) {
        // Outside the zones a single file fills the empty side (NEW when both are set).
        (m_oldZone->path().isEmpty() ? m_oldZone : m_newZone)->setPath(files.first());
    } else {
        event->ignore();
        return;
    }
    event->acceptProposedAction();
}

QStringList MainWindow::recentFiles() const {
    QStringList files;
    for (const QString &pair : m_recentPairs)
        for (const QString &path : pair.split(QLatin1Char('\n')))
            if (!path.isEmpty() && !files.contains(path)) files << path;
    return files;
}

void MainWindow::setRecentPairs(const QStringList &pairs) {
    m_recentPairs = pairs;
    // QSettings writes its file with an fsync: tens of ms of a busy disk, not on the GUI thread.
    // The list here is the truth meanwhile; writes stay in order on the one-thread pool.
    m_settingsWriter.start([pairs] {
        QSettings settings;
        if (pairs.isEmpty())
            settings.remove(kRecentKey);
        else
            settings.setValue(kRecentKey, pairs);
    });
    updateRecentMenu();
}

void MainWindow::addRecent(const QString &oldPath, const QString &newPath) {
    QStringList pairs = m_recentPairs;
    const QString pair = oldPath + QLatin1Char('\n') + newPath;
    pairs.removeAll(pair);
    pairs.prepend(pair);
    setRecentPairs(pairs.mid(0, kMaxRecent));
}

void MainWindow::updateRecentMenu() {
    m_recentMenu->clear();
    int n = 0;
    for (const QString &pair : m_recentPairs) {
        const QStringList paths = pair.split(QLatin1Char('\n'));
        if (paths.size() != 2) continue;
        ++n;
        QAction *a = m_recentMenu->addAction(
            tr("&%1  %2 ↔ %3").arg(n).arg(QFileInfo(paths[0]).fileName(), QFileInfo(paths[1]).fileName()));
        a->setToolTip(tr("Old: %1\nNew: %2")
                          .arg(QDir::toNativeSeparators(paths[0]), QDir::toNativeSeparators(paths[1])));
        connect(a, &QAction::triggered, this, [this, paths] { setFiles(paths[0], paths[1]); });
    }
    m_recentMenu->setToolTipsVisible(true);
    if (n == 0) m_recentMenu->addAction(tr("No recent comparisons"))->setEnabled(false);
    m_recentMenu->addSeparator();
    m_recentMenu->addAction(tr("&Clear List"), this, [this] { setRecentPairs({}); })->setEnabled(n > 0);
    const QStringList files = recentFiles();
    m_oldZone->setRecentFiles(files);
    m_newZone->setRecentFiles(files);
}

// ---- jobs --------------------------------------------------------------------------------------

bool MainWindow::isRunning() const {
    return m_opening || (m_pipeline && m_pipeline->isRunning());
}

bool MainWindow::ensureStore(bool interactive) {
    const QString path = QFileInfo(m_settings.effectiveDatabasePath()).absoluteFilePath();
    if (m_store && m_store->path() == path) return true;
    if (isRunning()) return m_store != nullptr; // the history moves once the job is over
    m_pipeline.reset();
    m_retiredPipelines.clear();
    m_sync.reset();
    m_history->setStore(nullptr);
    m_store.reset();
    auto store = std::make_unique<JobStore>(path);
    QString error;
    bool opened = store->open(&error);
    if (!opened && store->problem() == StoreProblem::Damaged) {
        store.reset(); // no connection left on the file that is moved aside
        if (!interactive) {
            statusBar()->showMessage(error);
            // The question waits for the window to be up (this runs from its constructor too); the
            // file was checked already.
            QTimer::singleShot(0, this, [this, path, error] {
                if (!m_store && !isRunning() && startFreshHistory(path, error)) ensureStore(true);
            });
            return false;
        }
        if (!startFreshHistory(path, error)) return false;
        store = std::make_unique<JobStore>(path);
        opened = store->open(&error);
    }
    if (!opened) {
        const QString message = tr("The history cannot be opened: %1").arg(error);
        if (interactive)
            QMessageBox::warning(this, tr("History Unavailable"), message);
        else
            statusBar()->showMessage(message);
        return false;
    }
    m_store = std::move(store);
    m_pipeline = std::make_unique<Pipeline>(m_store.get());
    connectPipeline();
    m_history->setStore(m_store.get());
    setUpSync();
    return true;
}

bool MainWindow::startFreshHistory(const QString &path, const QString &problem) {
    QMessageBox box(QMessageBox::Warning, tr("History Damaged"), problem, QMessageBox::Cancel, this);
    box.setInformativeText(tr("Nothing more is written to it. Start a fresh history? The damaged file "
                              "is kept beside it as %1.damaged-DATE-TIME.")
                               .arg(QFileInfo(path).fileName()));
    QPushButton *fresh = box.addButton(tr("Start a Fresh History"), QMessageBox::AcceptRole);
    box.setDefaultButton(fresh);
    box.exec();
    if (box.clickedButton() != fresh) return false;
    QString error;
    const QString kept = JobStore::moveAside(path, &error);
    if (kept.isEmpty()) {
        QMessageBox::warning(this, tr("History Unavailable"), error);
        return false;
    }
    statusBar()->showMessage(
        tr("Started a fresh history; the damaged one is kept as %1").arg(QDir::toNativeSeparators(kept)));
    return true;
}

void MainWindow::connectPipeline() {
    Pipeline *p = m_pipeline.get();
    connect(p, &Pipeline::sheetsMatched, this, &MainWindow::onSheetsMatched);
    connect(p, &Pipeline::stageChanged, m_cards, &PageCardList::updateStage);
    connect(p, &Pipeline::stageChanged, this, &MainWindow::takeMidwayScreenshot);
    connect(p, &Pipeline::pageResultReady, this, &MainWindow::onPageResult);
    connect(p, &Pipeline::jobProgress, this, [this](const JobProgress &progress) {
        m_cards->updateProgress(progress);
        updateProgress(progress);
    });
    connect(p, &Pipeline::jobFinished, this, &MainWindow::onJobFinished);
}

bool MainWindow::compare() {
    return startComparison(false);
}

bool MainWindow::runOnServer() {
    return startComparison(true);
}

bool MainWindow::startComparison(bool onServer) {
    if (isRunning()) return false;
    if (onServer && !m_settings.serverConfig().isValid()) {
        statusBar()->showMessage(tr("No job server is set up: enter its address and your token in Settings."),
                                 8000);
        return false;
    }
    PendingJob job;
    job.oldPath = m_oldZone->path();
    job.newPath = m_newZone->path();
    job.onServer = onServer;
    if (job.oldPath.isEmpty() || job.newPath.isEmpty()) {
        statusBar()->showMessage(tr("Choose both revisions first: drop the files on OLD and NEW."), 6000);
        (job.oldPath.isEmpty() ? m_oldZone : m_newZone)->setFocus();
        return false;
    }
    if (!ensureStore(true) || (onServer && !m_sync)) return false;
    openInputs(job);
    return true;
}

bool MainWindow::resumeJob(const QString &jobId) {
    if (isRunning() || !ensureStore(true)) return false;
    const std::optional<JobRecord> record = m_store->job(jobId);
    if (!record) return false;
    if (!isResumable(record->status)) {
        statusBar()->showMessage(tr("Only interrupted or cancelled comparisons can be resumed."), 6000);
        return false;
    }
    openInputs(PendingJob::resuming(*record));
    return true;
}

void MainWindow::openInputs(PendingJob job) {
    // Opening and hashing both sets takes seconds for large ones: on the pool, never here.
    for (auto [path, password] :
         {std::pair(job.oldPath, &job.oldPassword), std::pair(job.newPath, &job.newPassword)})
        if (password->isEmpty()) *password = m_passwords.value(path);
    m_opening = true;
    const int generation = ++m_openGeneration;
    setRunning(true);
    m_progressBar->setRange(0, 0);
    m_progressLabel->setText(tr("Opening OLD and NEW…"));
    const qint64 maxPixels = m_settings.compareSettings().maxPixels;
    auto *watcher = new QFutureWatcher<JobInputs>(this);
    connect(watcher, &QFutureWatcher<JobInputs>::finished, this, [this, watcher, job, generation] {
        watcher->deleteLater();
        if (generation == m_openGeneration) onInputsOpened(job, watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(backgroundPool(), [job, maxPixels] {
        return openJobInputs(job.oldPath, job.newPath, job.oldPassword, job.newPassword, maxPixels);
    }));
}

void MainWindow::onInputsOpened(PendingJob job, JobInputs inputs) {
    m_opening = false;
    setRunning(false);
    if (!inputs.ok()) {
        const bool old = inputs.oldFailed;
        const QString path = old ? job.oldPath : job.newPath;
        const LoadError code = inputs.error.code;
        if (code != LoadError::PasswordRequired && code != LoadError::WrongPassword) {
            m_redoPage = 0;
            QMessageBox box(QMessageBox::Warning, tr("Cannot Compare"),
                            tr("The %1 revision cannot be opened.").arg(sideName(old)), QMessageBox::Ok,
                            this);
            box.setInformativeText(inputs.error.message);
            box.setObjectName(QStringLiteral("loadErrorBox"));
            box.exec();
            return;
        }
        m_passwords.remove(path);
        const QString name = QFileInfo(path).fileName();
        const QString prompt = code == LoadError::WrongPassword
                                   ? tr("Wrong password for %1. Try again:").arg(name)
                                   : tr("%1 (%2) is password protected. Password:").arg(name, sideName(old));
        QInputDialog dialog(this);
        dialog.setObjectName(QStringLiteral("passwordDialog"));
        dialog.setWindowTitle(tr("Password Required"));
        dialog.setLabelText(prompt);
        dialog.setTextEchoMode(QLineEdit::Password);
        if (dialog.exec() != QDialog::Accepted) {
            statusBar()->showMessage(tr("Not compared: %1 needs its password.").arg(name), 8000);
            return;
        }
        // The same file on both sides needs the password once.
        if (path == job.oldPath) job.oldPassword = dialog.textValue();
        if (path == job.newPath) job.newPassword = dialog.textValue();
        openInputs(job);
        return;
    }
    for (const auto &[path, password] :
         {std::pair(job.oldPath, job.oldPassword), std::pair(job.newPath, job.newPassword)})
        if (!password.isEmpty()) m_passwords.insert(path, password);
    if (job.onServer) {
        submitToServer(job, inputs);
        // The opened sets are not needed here: released on the pool (closing a PDF waits for
        // PDFium's lock, which a render elsewhere may hold).
        backgroundPool()->start([dropped = std::move(inputs)] {});
        return;
    }

    beginJob(job.oldPath, job.newPath);
    QString error;
    const bool resuming = !job.resumeId.isEmpty();
    if (resuming) setFiles(job.oldPath, job.newPath);
    const bool started =
        resuming ? m_pipeline->resume(job.resumeId, std::move(inputs), m_settings.pipelineOptions(), &error)
                 : m_pipeline->start(std::move(inputs), m_settings.compareSettings(),
                                     m_settings.pipelineOptions(), &error);
    if (!started) {
        m_cards->setPlaceholderText(resuming ? tr("Not resumed.") : tr("Not compared."));
        updateJobHeader(QString(), QString());
        QMessageBox::warning(this, resuming ? tr("Cannot Resume") : tr("Cannot Compare"), error);
        return;
    }
    if (!resuming) addRecent(job.oldPath, job.newPath);
    onJobStarted();
    if (m_pipeline->reused())
        statusBar()->showMessage(
            tr("These files were compared before with the same settings: continuing that job."), 6000);
}

void MainWindow::beginJob(const QString &oldPath, const QString &newPath) {
    if (m_redoPage == 0) { // a sheet compared again stays in the viewer
        showCards();
        m_viewer->clear();
    }
    m_shownJob.clear();
    m_jobOldPath = QFileInfo(oldPath).absoluteFilePath();
    m_jobNewPath = QFileInfo(newPath).absoluteFilePath();
    m_cards->clear();
    m_cards->setPlaceholderText(tr("Matching sheets…"));
    m_progressBar->setRange(0, 0); // busy until the sheets are matched
    m_progressLabel->setText(tr("Matching sheets…"));
}

void MainWindow::onJobStarted() {
    m_shownJob = m_pipeline->jobId();
    updateJobHeader(QStringLiteral("in_progress"), QString());
    setRunning(true);
    emit jobStarted(m_shownJob);
}

void MainWindow::cancel() {
    if (!isRunning()) return;
    if (m_opening) { // the sets are still being opened: forget them, nothing started
        ++m_openGeneration;
        m_opening = false;
        setRunning(false);
        statusBar()->showMessage(tr("Cancelled."), 6000);
        return;
    }
    // Emits jobFinished("cancelled") before it returns; stages still running finish unseen.
    m_pipeline->cancel();
    retirePipeline();
    statusBar()->showMessage(tr("Cancelled. Resume it from the history to finish it."), 8000);
}

void MainWindow::retirePipeline() {
    // The cancelled job's running stages go on in the background with the pipeline's documents,
    // and its next start() or resume() would replace those documents under them (a crash). So
    // a new pipeline takes the next job; the old one is kept until those stages are surely over.
    m_pipeline->disconnect(); // it emits nothing more for the window or the cards
    m_retiredPipelines.push_back(std::move(m_pipeline));
    m_pipeline = std::make_unique<Pipeline>(m_store.get());
    connectPipeline();
}

void MainWindow::setRunning(bool running) {
    m_progressRow->setVisible(running);
    m_history->setRunningJob(running && !m_opening && m_pipeline ? m_pipeline->jobId() : QString());
    updateActions();
}

void MainWindow::updateActions() {
    const bool running = isRunning();
    const bool ready = !m_oldZone->path().isEmpty() && !m_newZone->path().isEmpty();
    m_compareAction->setEnabled(!running && ready);
    m_compareButton->setEnabled(!running && ready);
    const bool server = m_settings.serverConfig().isValid();
    m_runOnServerAction->setEnabled(!running && ready && server);
    m_serverButton->setEnabled(!running && ready && server);
    m_serverButton->setVisible(server);
    m_syncNowAction->setEnabled(server && m_sync);
    m_cancelAction->setEnabled(running);
    const bool exportable = !running && !m_shownJob.isEmpty() && m_store;
    m_exportReportAction->setEnabled(exportable);
    m_exportChangesAction->setEnabled(exportable);
    m_cancelButton->setEnabled(running);
    m_swapAction->setEnabled(!m_oldZone->path().isEmpty() || !m_newZone->path().isEmpty());
    const bool viewing = isViewerShown();
    m_backAction->setEnabled(viewing);
    m_previousSheetAction->setEnabled(viewing);
    m_nextSheetAction->setEnabled(viewing);
    // The filters belong to the cards; in the viewer Ctrl+1 is its own (actual pixels).
    for (QAction *a : std::as_const(m_filterActions))
        a->setEnabled(!viewing);
}

QString MainWindow::progressText() const {
    return m_progressLabel->text();
}

void MainWindow::updateProgress(const JobProgress &progress) {
    const int total = progress.totalPages;
    if (total <= 0) return;
    int terminal = 0;
    for (const PageProgress &p : progress.pages)
        for (const Stage s : kStages)
            terminal +=
                p.statusOf(s) == StageStatus::Completed || p.statusOf(s) == StageStatus::Failed ? 1 : 0;
    m_progressBar->setRange(0, 3 * total);
    m_progressBar->setValue(terminal);
    m_progressLabel->setText(tr("OCR %1/%4 · Diff %2/%4 · Summary %3/%4")
                                 .arg(progress.completed(Stage::Ocr))
                                 .arg(progress.completed(Stage::Diff))
                                 .arg(progress.completed(Stage::Summary))
                                 .arg(total));
}

void MainWindow::updateFilterButtons() {
    const QStringList names = {tr("All"), tr("Changed"), tr("Unchanged"), tr("Failed")};
    for (int i = 0; i < names.size(); ++i) {
        QAbstractButton *b = m_filters->button(i);
        const int n = m_cards ? m_cards->count(CardFilter(i)) : 0;
        b->setText(tr("%1 (%2)").arg(names[i]).arg(n));
        if (const QAction *a = m_filterActions.value(i)) {
            const QString what = a->text().remove(QLatin1Char('&')); // "Show Changed Sheets"
            b->setAccessibleName(what);
            b->setToolTip(tr("%1 (%2)").arg(what, a->shortcut().toString(QKeySequence::NativeText)));
        }
    }
}

void MainWindow::updateJobHeader(const QString &status, const QString &summary) {
    if (m_jobOldPath.isEmpty() || status.isEmpty()) {
        m_jobHeader->clear();
        m_jobHeader->hide();
        setWindowTitle(tr("BuildTrace"));
        return;
    }
    // The platform appends the application name.
    setWindowTitle(tr("%1 → %2").arg(QFileInfo(m_jobOldPath).fileName(), QFileInfo(m_jobNewPath).fileName()));
    QString text = tr("<b>%1</b> → <b>%2</b>")
                       .arg(QFileInfo(m_jobOldPath).fileName().toHtmlEscaped(),
                            QFileInfo(m_jobNewPath).fileName().toHtmlEscaped());
    const int sheets = int(m_cards->cards().size());
    if (sheets > 0) text += QStringLiteral(" · ") + tr("%n sheet(s)", nullptr, sheets);
    text += QStringLiteral(" · ") + HistoryPanel::statusName(status).toHtmlEscaped();
    if (m_store && !m_shownJob.isEmpty())
        if (const std::optional<JobRecord> job = m_store->job(m_shownJob); job && job->isRemote())
            text += QStringLiteral(" · ") + HistoryPanel::whereText(*job).toHtmlEscaped();
    if (!summary.isEmpty()) text += QStringLiteral("<br>") + summary.toHtmlEscaped();
    m_jobHeader->setText(text);
    m_jobHeader->show();
}

void MainWindow::onSheetsMatched(const QString &, int) {
    // The pairs (numbers, titles, pages) are in the pipeline's result; a continued job also has
    // stages that are done already.
    m_cards->setPages(m_pipeline->result().pages);
    const JobProgress progress = m_pipeline->progress();
    m_cards->updateProgress(progress);
    updateProgress(progress);
    m_cards->setPlaceholderText(tr("No sheets."));
    updateJobHeader(QStringLiteral("in_progress"), QString());
    m_history->refresh(); // the job's sheet count is known now
    updateReviewProgress();
    if (m_redoPage > 0) {
        showSheet(std::exchange(m_redoPage, 0));
        m_viewerWaitsForDiff = true; // its new diff replaces what is shown
    }
}

void MainWindow::onPageResult(const PageResult &page) {
    m_cards->updatePage(page);
    updateReviewProgress(page.pageNumber); // its regions may be new
    // The viewer opened on this sheet before its diff was done: show the overlay now.
    if (isViewerShown() && m_viewerPage == page.pageNumber && m_viewerWaitsForDiff && page.diffDone) {
        m_viewerWaitsForDiff = false;
        m_viewer->showPage(page, localFile(m_jobOldPath), localFile(m_jobNewPath));
    }
}

void MainWindow::onJobFinished(const QString &jobId, JobStatus status, qint64 ms) {
    // A whole job later, stages of a cancelled one are over: deleting its pipeline (which waits
    // for them) does not block.
    if (status != JobStatus::Cancelled) m_retiredPipelines.clear();
    m_cards->settle();
    setRunning(false);
    updateJobHeader(jobStatusName(status),
                    shownJobSummary(m_pipeline->progress().summaryText, m_pipeline->result().pages));
    m_history->selectJob(jobId);
    statusBar()->showMessage(tr("%1 in %2 s.")
                                 .arg(HistoryPanel::statusName(jobStatusName(status)))
                                 .arg(QLocale().toString(ms / 1000.0, 'f', 1)),
                             10000);
    emit jobFinished(jobId, jobStatusName(status));
    if (!m_screenshotPath.isEmpty() || !m_screenshotDir.isEmpty()) takeScreenshotWhenReady();
}

bool MainWindow::openJob(const QString &jobId) {
    if (isRunning() || !m_store) return false;
    const std::optional<JobRecord> job = m_store->job(jobId);
    const std::optional<ComparisonResult> result = storedComparison(*m_store, jobId);
    if (!job || !result) {
        statusBar()->showMessage(tr("That comparison is no longer in the history."), 6000);
        m_history->refresh();
        return false;
    }
    showCards();
    m_viewer->clear();
    m_shownJob = jobId;
    m_jobOldPath = result->oldPath;
    m_jobNewPath = result->newPath;
    m_cards->setPages(result->pages);
    if (const std::optional<JobProgress> progress = JobProgress::fromStore(*m_store, jobId))
        m_cards->updateProgress(*progress);
    if (!job->isRemote() || isFinished(job->status))
        m_cards->settle(); // an interrupted job's stages are not running any more
    m_cards->setPlaceholderText(placeholderFor(*job));
    m_shownJobFinished = isFinished(job->status);
    updateReviewProgress();
    updateJobHeader(jobStatusName(job->status), shownJobSummary(job->summaryText, result->pages));
    if (job->origin != JobOrigin::Team) setFiles(result->oldPath, result->newPath); // not on this computer
    if (job->isRemote()) fetchOverlays(*result);
    m_history->selectJob(jobId);
    updateActions();
    return true;
}

bool MainWindow::deleteJob(const QString &jobId, bool confirm) {
    if (!m_store || jobId.isEmpty() || (isRunning() && m_pipeline->jobId() == jobId)) return false;
    const std::optional<JobRecord> job = m_store->job(jobId);
    if (!job) return false;
    // A job of the server is deleted there too (else the next refresh would list it again).
    const bool onServer = job->isRemote() && m_sync;
    if (confirm) {
        QMessageBox box(QMessageBox::Question, tr("Delete Comparison"),
                        tr("Delete the comparison of %1 with %2 and its overlays from the history?")
                            .arg(QFileInfo(job->oldFile).fileName(), QFileInfo(job->newFile).fileName()),
                        QMessageBox::Yes | QMessageBox::No, this);
        box.setObjectName(QStringLiteral("deleteJobBox"));
        box.setInformativeText(onServer ? tr("It is deleted on the job server too, for the whole team. "
                                             "The drawing files themselves are not touched.")
                               : !job->remoteJobId.isEmpty()
                                   ? tr("The copy on the job server stays for the team. The drawing files "
                                        "themselves are not touched.")
                                   : tr("The drawing files themselves are not touched."));
        box.setDefaultButton(QMessageBox::No);
        if (box.exec() != QMessageBox::Yes) return false;
    }
    QString error;
    if (onServer ? !m_sync->removeFromServer(jobId, &error) : !m_store->deleteJob(jobId, &error)) {
        QMessageBox::warning(this, tr("Cannot Delete"), error);
        return false;
    }
    if (m_shownJob == jobId) {
        showCards();
        m_viewer->clear();
        m_shownJob.clear();
        m_cards->clear();
        m_cards->setPlaceholderText(tr("Drop two revisions of a drawing set above and press Compare."));
        updateJobHeader(QString(), QString());
        updateActions();
    }
    m_history->refresh();
    statusBar()->showMessage(tr("Comparison deleted."), 4000);
    return true;
}

// ---- viewer ------------------------------------------------------------------------------------

bool MainWindow::isViewerShown() const {
    return m_stack && m_stack->currentWidget() == m_viewerPageWidget;
}

void MainWindow::showSheet(int pageNumber) {
    const PageCard *card = m_cards->card(pageNumber);
    if (!card) return;
    const PageResult &page = card->page();
    m_viewerPage = pageNumber;
    m_viewerWaitsForDiff = page.match == MatchKind::Matched && !page.diffDone;
    m_viewerTitle->setText(
        tr("Sheet %1 of %2: %3").arg(pageNumber).arg(m_cards->cards().size()).arg(card->titleText()));
    // Visible first: the viewer fits the sheet to the size it has.
    m_stack->setCurrentWidget(m_viewerPageWidget);
    m_viewer->setJob(m_store.get(), m_shownJob);
    m_viewer->showPage(page, localFile(m_jobOldPath), localFile(m_jobNewPath));
    m_viewer->setFocus();
    if (m_sync && !page.overlayPath.isEmpty() && !QFileInfo::exists(page.overlayPath))
        m_sync->fetchOverlay(m_shownJob, pageNumber); // a server job's: shown when it arrives
    updateActions();
}

void MainWindow::showCards() {
    if (!m_stack) return;
    const bool wasViewing = isViewerShown();
    m_stack->setCurrentWidget(m_comparePage);
    updateActions();
    if (!wasViewing) return;
    // Back where the user left: the card of the sheet just viewed.
    if (PageCard *card = m_cards->card(m_viewerPage)) {
        m_cards->ensureWidgetVisible(card);
        card->setFocus();
    }
}

void MainWindow::showSheetAt(int step) {
    QVector<int> pages;
    for (const PageCard *c : m_cards->cards())
        if (c->matches(m_cards->filter())) pages << c->pageNumber();
    if (pages.isEmpty()) return;
    const int at = int(pages.indexOf(m_viewerPage));
    const int next = at < 0 ? 0 : qBound(0, at + step, int(pages.size()) - 1);
    if (pages[next] != m_viewerPage) showSheet(pages[next]);
}

// ---- settings, closing, screenshots --------------------------------------------------------------

void MainWindow::openSettings() {
    SettingsDialog dialog(m_settings, this);
    dialog.setDatabaseEditable(!isRunning());
    if (dialog.exec() != QDialog::Accepted) return;
    m_settings = dialog.settings();
    m_settings.save();
    if (!isRunning()) ensureStore(true); // another history database
    setUpSync();                         // another server or token
}

void MainWindow::closeEvent(QCloseEvent *event) {
    if (isRunning()) {
        const auto answer = QMessageBox::question(
            this, tr("Comparison Running"),
            tr("A comparison is running. Stop it and quit? It stays in the history and can be resumed."),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer != QMessageBox::Yes) {
            event->ignore();
            return;
        }
        cancel();
    }
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
    event->accept();
}

void MainWindow::takeScreenshotWhenReady() {
    // Waits (up to 20 s) until every overlay thumbnail is shown, so the picture shows them.
    auto *timer = new QTimer(this);
    const QDeadlineTimer deadline(20000);
    connect(timer, &QTimer::timeout, this, [this, timer, deadline] {
        bool ready = true;
        for (const PageCard *c : m_cards->cards())
            ready = ready && (c->hasThumbnail() || c->page().overlayPath.isEmpty());
        if (!ready && !deadline.hasExpired()) return;
        timer->stop();
        timer->deleteLater();
        if (!m_screenshotDir.isEmpty()) {
            saveScreenshot(QStringLiteral("03-done.png"));
            takeViewerScreenshots();
            return;
        }
        const bool saved = grab().save(m_screenshotPath);
        qInfo("screenshot %s: %s", saved ? "saved" : "NOT saved", qPrintable(m_screenshotPath));
        QCoreApplication::quit();
    });
    timer->start(200);
}

bool MainWindow::saveScreenshot(const QString &fileName) {
    // Pending layouts first, so the picture shows what the next paint would.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    const QString path = QDir(m_screenshotDir).filePath(fileName);
    const bool saved = QDir().mkpath(m_screenshotDir) && grab().save(path);
    qInfo("screenshot %s: %s", saved ? "saved" : "NOT saved", qPrintable(path));
    return saved;
}

void MainWindow::takeMidwayScreenshot(const StageEvent &event) {
    // The first diff that completes while another sheet is still being worked on.
    if (m_screenshotDir.isEmpty() || m_midwayTaken || !m_pipeline) return;
    if (event.stage != Stage::Diff || event.status != StageStatus::Completed) return;
    bool othersRunning = false;
    for (const PageProgress &page : m_pipeline->progress().pages) {
        if (page.pageNumber == event.pageNumber) continue;
        for (const Stage s : kStages)
            othersRunning = othersRunning || page.statusOf(s) == StageStatus::Pending ||
                            page.statusOf(s) == StageStatus::InProgress;
    }
    if (!othersRunning) return;
    m_midwayTaken = true;
    // A moment later: the progress row and the filter counts follow this event.
    QTimer::singleShot(150, this, [this] { saveScreenshot(QStringLiteral("02-midway.png")); });
}

void MainWindow::takeViewerScreenshots() {
    int pageNumber = 0;
    for (const PageCard *c : m_cards->cards())
        if (c->matches(CardFilter::Changed) && !c->failed()) {
            pageNumber = c->pageNumber();
            break;
        }
    if (pageNumber == 0 && !m_cards->cards().isEmpty()) pageNumber = m_cards->cards().front()->pageNumber();
    if (pageNumber == 0) {
        qInfo("screenshot: no sheet to show in the viewer");
        QCoreApplication::exit(1);
        return;
    }
    // One picture per mode, each after a moment for the views to fit and paint.
    const auto shoot = [this] {
        const std::pair<OverlayViewer::Mode, const char *> shots[] = {
            {OverlayViewer::Mode::Overlay, "04-viewer-overlay.png"},
            {OverlayViewer::Mode::SideBySide, "05-viewer-side-by-side.png"},
            {OverlayViewer::Mode::Swipe, "06-viewer-swipe.png"}};
        bool ok = true;
        for (const auto &[mode, name] : shots) {
            m_viewer->setMode(mode);
            QCoreApplication::processEvents();
            ok = saveScreenshot(QString::fromLatin1(name)) && ok;
        }
        QCoreApplication::exit(ok ? 0 : 1);
    };
    // After loadingFinished (or 30 s without it), once.
    auto started = std::make_shared<bool>(false);
    const auto start = [this, started, shoot] {
        if (*started) return;
        *started = true;
        QTimer::singleShot(300, this, shoot);
    };
    connect(m_viewer, &OverlayViewer::loadingFinished, this, start, Qt::SingleShotConnection);
    showSheet(pageNumber);
    if (!m_viewer->isLoading()) start();
    QTimer::singleShot(30000, this, start);
}

// ---- review workflow ---------------------------------------------------------------------------

void MainWindow::connectReview() {
    connect(m_viewer, &OverlayViewer::reviewChanged, this, [this](int pageNumber, int reviewed, int total) {
        if (PageCard *card = m_cards->card(pageNumber)) card->setReviewProgress(reviewed, total);
    });
    connect(m_viewer, &OverlayViewer::ignoreAreasChanged, this, [this](int pageNumber) {
        if (!redoSheet(pageNumber))
            statusBar()->showMessage(tr("The ignore areas apply the next time this sheet is compared."),
                                     8000);
    });
    connect(m_viewer, &OverlayViewer::sheetHistoryRequested, this,
            [this](const QString &jobId, int pageNumber) {
                if (isRunning()) {
                    statusBar()->showMessage(tr("Wait for the running comparison to finish."), 6000);
                    return;
                }
                if (openJob(jobId)) showSheet(pageNumber);
            });
}

void MainWindow::updateReviewProgress(int pageNumber) {
    const QString jobId = !m_shownJob.isEmpty() ? m_shownJob : m_pipeline ? m_pipeline->jobId() : QString();
    if (!m_store || jobId.isEmpty()) return;
    QHash<int, int> reviewed;
    for (const RegionReview &r : m_store->reviews(jobId, pageNumber))
        if (r.isReviewed()) ++reviewed[r.pageNumber];
    for (PageCard *card : m_cards->cards())
        if (pageNumber == 0 || card->pageNumber() == pageNumber)
            card->setReviewProgress(reviewed.value(card->pageNumber()), int(card->page().regions.size()));
}

bool MainWindow::redoSheet(int pageNumber) {
    if (isRunning() || !m_store || m_shownJob.isEmpty()) return false;
    const std::optional<JobRecord> record = m_store->job(m_shownJob);
    if (!record) return false;
    m_redoPage = pageNumber;
    // Resuming redoes exactly the pages whose ignore areas changed (resetPagesWithStaleIgnoreAreas).
    openInputs(PendingJob::resuming(*record));
    return true;
}

// ---- job server ----------------------------------------------------------------------------------

void MainWindow::setUpSync() {
    const ServerConfig config = m_settings.serverConfig();
    if (m_store && config.isValid() && !m_sync) {
        m_sync = std::make_unique<SyncService>(m_store.get());
        connect(m_sync.get(), &SyncService::stateChanged, this, &MainWindow::onConnectionChanged);
        connect(m_sync.get(), &SyncService::queueChanged, this, &MainWindow::onConnectionChanged);
        connect(m_sync.get(), &SyncService::jobsChanged, m_history, &HistoryPanel::refresh);
        connect(m_sync.get(), &SyncService::jobUpdated, this, &MainWindow::onServerJobUpdated);
        connect(m_sync.get(), &SyncService::overlayReady, this, &MainWindow::onOverlayReady);
        connect(
            m_sync.get(), &SyncService::operationFailed, this,
            [this](const QString &, const QString &message) { statusBar()->showMessage(message, 15000); });
    }
    if (m_sync) m_sync->setServer(config); // an invalid one turns it off
    m_history->setSyncEnabled(config.isValid() && m_sync);
    onConnectionChanged();
    updateActions();
}

QString MainWindow::connectionText() const {
    if (!m_sync) return {};
    const int waiting = m_sync->queuedOperations();
    QString text;
    switch (m_sync->state()) {
    case ConnectionState::NotConfigured:
        return {};
    case ConnectionState::Connecting:
        text = tr("Server: connecting…");
        break;
    case ConnectionState::Online:
        text = tr("Server: online");
        break;
    case ConnectionState::Offline:
        text = tr("Server: offline, retrying");
        break;
    case ConnectionState::Unauthorized:
        text = tr("Server: token refused");
        break;
    }
    if (waiting > 0) text += QStringLiteral(" · ") + tr("%n waiting to be sent", nullptr, waiting);
    return text;
}

void MainWindow::onConnectionChanged() {
    const QString text = connectionText();
    m_connectionLabel->setText(text);
    m_connectionLabel->setVisible(!text.isEmpty());
    if (!m_sync) return;
    QString tip = m_sync->server().key();
    if (!m_sync->stateMessage().isEmpty()) tip += QLatin1Char('\n') + m_sync->stateMessage();
    if (m_sync->state() == ConnectionState::Unauthorized)
        tip += QLatin1Char('\n') + tr("Check the access token in Settings.");
    m_connectionLabel->setToolTip(tip);
    // A server job waiting to be sent says whether the server can be reached.
    if (m_store && !m_shownJob.isEmpty() && m_cards->cards().isEmpty())
        if (const std::optional<JobRecord> job = m_store->job(m_shownJob); job && job->isRemote())
            m_cards->setPlaceholderText(placeholderFor(*job));
}

void MainWindow::submitToServer(const PendingJob &job, const JobInputs &inputs) {
    QString error;
    const QString id =
        m_sync ? m_sync->submit(job.oldPath, job.newPath, inputs.oldHash, inputs.newHash,
                                m_settings.compareSettings(), job.oldPassword, job.newPassword, &error)
               : QString();
    if (id.isEmpty()) {
        QMessageBox::warning(this, tr("Cannot Run on Server"), error);
        return;
    }
    addRecent(job.oldPath, job.newPath);
    openJob(id); // the history lists it already (jobsChanged)
    statusBar()->showMessage(
        m_sync->state() == ConnectionState::Offline
            ? tr("The job server cannot be reached: the comparison waits and is sent when it can.")
            : tr("Sending the comparison to the job server…"),
        8000);
}

QString MainWindow::placeholderFor(const JobRecord &job) const {
    if (!job.isRemote() || isFinished(job.status)) return tr("This comparison has no sheets.");
    if (job.status == JobStatus::Queued)
        return m_sync && m_sync->state() == ConnectionState::Offline
                   ? tr("Waiting for the job server: it cannot be reached now. The comparison is sent when "
                        "it can.")
                   : tr("Sending the sets to the job server…");
    return tr("The job server is matching the sheets…");
}

void MainWindow::fetchOverlays(const ComparisonResult &result) {
    if (!m_sync) return;
    for (const PageResult &page : result.pages)
        if (page.diffDone && !page.overlayPath.isEmpty() && !QFileInfo::exists(page.overlayPath))
            m_sync->fetchOverlay(result.jobId, page.pageNumber);
}

void MainWindow::onServerJobUpdated(const QString &jobId, const QVector<int> &pages) {
    m_history->refresh(); // status, sheet count
    if (jobId != m_shownJob || isRunning() || !m_store) return;
    const std::optional<JobRecord> job = m_store->job(jobId);
    const std::optional<ComparisonResult> result = storedComparison(*m_store, jobId);
    if (!job || !result) return;
    if (m_cards->cards().size() != result->pages.size()) {
        m_cards->setPages(result->pages);
    } else {
        for (const int n : pages)
            if (n >= 1 && n <= result->pages.size()) m_cards->updatePage(result->pages[n - 1]);
    }
    if (const std::optional<JobProgress> progress = JobProgress::fromStore(*m_store, jobId))
        m_cards->updateProgress(*progress);
    if (isFinished(job->status)) {
        m_cards->settle();
        if (!std::exchange(m_shownJobFinished, true))
            statusBar()->showMessage(
                tr("%1 on the job server.").arg(HistoryPanel::statusName(jobStatusName(job->status))), 10000);
    }
    m_cards->setPlaceholderText(placeholderFor(*job));
    updateJobHeader(jobStatusName(job->status), shownJobSummary(job->summaryText, result->pages));
    updateReviewProgress();
    fetchOverlays(*result);
    if (isViewerShown() && m_viewerWaitsForDiff && m_viewerPage >= 1 &&
        m_viewerPage <= result->pages.size() && result->pages[m_viewerPage - 1].diffDone) {
        m_viewerWaitsForDiff = false;
        m_viewer->showPage(result->pages[m_viewerPage - 1], localFile(m_jobOldPath), localFile(m_jobNewPath));
    }
    if (isFinished(job->status) && (!m_screenshotPath.isEmpty() || !m_screenshotDir.isEmpty()))
        takeScreenshotWhenReady();
}

void MainWindow::onOverlayReady(const QString &jobId, int pageNumber, const QString &) {
    if (jobId != m_shownJob) return;
    PageCard *card = m_cards->card(pageNumber);
    if (!card) return;
    card->reloadThumbnail();
    if (isViewerShown() && m_viewerPage == pageNumber)
        m_viewer->showPage(card->page(), localFile(m_jobOldPath), localFile(m_jobNewPath));
}

bool MainWindow::pushJob(const QString &jobId) {
    if (!m_store || !m_sync) return false;
    const std::optional<JobRecord> job = m_store->job(jobId);
    if (!job) return false;
    QString error;
    if (!m_sync->push(jobId, &error, m_passwords.value(job->oldFile), m_passwords.value(job->newFile))) {
        QMessageBox::warning(this, tr("Cannot Push"), error);
        return false;
    }
    statusBar()->showMessage(m_sync->state() == ConnectionState::Offline
                                 ? tr("The job server cannot be reached: the comparison is sent when it can.")
                                 : tr("Sending the comparison to the job server…"),
                             8000);
    return true;
}

// ---- export --------------------------------------------------------------------------------------

QList<int> MainWindow::selectedSheets() const {
    // The sheet open in the viewer; on the cards, those the filter shows (unless it shows all).
    if (isViewerShown() && m_viewerPage > 0) return {m_viewerPage};
    QList<int> pages;
    if (m_cards->filter() == CardFilter::All) return pages;
    for (const PageCard *card : m_cards->cards())
        if (card->isVisibleTo(m_cards)) pages << card->pageNumber();
    return pages;
}

bool MainWindow::exportJob(ReportExportDialog::Kind kind) {
    if (isRunning() || m_shownJob.isEmpty() || !m_store) return false;
    // From the history: what was committed, with the reviews of its changes.
    const std::optional<ReportInput> input = ReportInput::fromStore(*m_store, m_shownJob);
    if (!input) {
        statusBar()->showMessage(tr("That comparison is no longer in the history."), 6000);
        return false;
    }
    ReportExportDialog dialog(*input, selectedSheets(), this, kind);
    dialog.setObjectName(kind == ReportExportDialog::Kind::Report ? QStringLiteral("exportReportDialog")
                                                                  : QStringLiteral("exportChangesDialog"));
    connect(&dialog, &ReportExportDialog::exportFinished, this, [this](bool ok, const QString &message) {
        if (ok) statusBar()->showMessage(message, 10000);
    });
    dialog.exec();
    return true;
}

} // namespace bt::ui
