#include "mainwindow.h"

#include "comparepage.h"
#include "dropzone.h"
#include "exportactions.h"
#include "guiapplication.h"
#include "helpdialogs.h"
#include "historypanel.h"
#include "jobdialogs.h"
#include "jobhistorymodel.h"
#include "pagecardlist.h"
#include "progressrow.h"
#include "projectswitcher.h"
#include "recentfiles.h"
#include "recentmenu.h"
#include "reportexportdialog.h"
#include "screenshotdriver.h"
#include "serverindicator.h"
#include "setorder.h"
#include "settingsdialog.h"
#include "viewer/overlayviewer.h"
#include "viewerpage.h"

#include "sync/remotemirror.h"

#include <QAction>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QSet>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QVBoxLayout>

namespace bt::ui {

// Where the window's size, position and docks are kept (const: internal linkage).
const QString kGeometryKey = QStringLiteral("window/geometry");
const QString kStateKey = QStringLiteral("window/state");

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_controller(std::make_unique<JobController>(backgroundPool()))
    , m_recent(new RecentFiles(this))
    , m_screenshots(new ScreenshotDriver(this))
    , m_setOrder(new SetOrderResolver(this)) {
    setWindowTitle(tr("BuildTrace"));
    connect(m_setOrder, &SetOrderResolver::decided, this, &MainWindow::onSetOrderDecided);
    setObjectName(QStringLiteral("mainWindow"));
    setAcceptDrops(true);

    m_history = new HistoryPanel(new JobHistoryModel(this), this);
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
    m_comparePage = new ComparePage(
        m_controller.get(), {m_swapAction, m_compareAction, m_runOnServerAction, m_filterActions}, m_stack);
    m_oldZone = m_comparePage->oldZone();
    m_newZone = m_comparePage->newZone();
    m_cards = m_comparePage->cards();
    m_viewerPage =
        new ViewerPage(m_controller.get(), m_backAction, m_previousSheetAction, m_nextSheetAction, m_stack);
    m_viewer = m_viewerPage->viewer();
    m_stack->addWidget(m_comparePage);
    m_stack->addWidget(m_viewerPage);
    m_progressRow = new ProgressRow(central);
    m_projects = new ProjectSwitcher(m_controller.get(), central);
    centralLayout->addWidget(m_projects);
    centralLayout->addWidget(m_stack, 1);
    centralLayout->addWidget(m_progressRow);
    setCentralWidget(central);

    createMenus();
    m_connectionLabel = new ServerIndicator(this);
    statusBar()->addPermanentWidget(m_connectionLabel);

    connect(m_oldZone, &DropZone::pathChanged, this, &MainWindow::updateActions);
    connect(m_newZone, &DropZone::pathChanged, this, &MainWindow::updateActions);
    for (DropZone *zone : {m_oldZone, m_newZone})
        connect(zone, &DropZone::filesDropped, this, &MainWindow::assignFiles);
    connect(m_comparePage, &ComparePage::compareRequested, this, &MainWindow::compare);
    connect(m_comparePage, &ComparePage::runOnServerRequested, this, &MainWindow::runOnServer);
    connect(m_progressRow, &ProgressRow::cancelRequested, this, &MainWindow::cancel);
    connect(m_comparePage, &ComparePage::pageActivated, this, &MainWindow::showSheet);
    connect(m_history, &HistoryPanel::openRequested, this, &MainWindow::openJob);
    connect(m_history, &HistoryPanel::resumeRequested, this, &MainWindow::resumeJob);
    connect(m_history, &HistoryPanel::deleteRequested, this, [this](const QString &id) { deleteJob(id); });
    connect(m_history, &HistoryPanel::pushRequested, this, &MainWindow::pushJob);
    connect(m_recent, &RecentFiles::changed, this,
            [this] { m_comparePage->setRecentFiles(m_recent->files()); });
    connectReview();
    connectController();

    const QSettings settings;
    resize(1280, 860);
    resizeDocks({m_historyDock}, {360}, Qt::Horizontal);
    restoreGeometry(settings.value(kGeometryKey).toByteArray());
    restoreState(settings.value(kStateKey).toByteArray());

    ensureStore(false);
    m_comparePage->setRecentFiles(m_recent->files());
    setRunning(false);
    m_oldZone->setFocus();
}

MainWindow::~MainWindow() {
    m_controller->disconnect(); // its pipelines stop next; the widgets hear nothing more
}

void MainWindow::connectController() {
    JobController *c = m_controller.get();
    connect(c, &JobController::storeChanged, m_history->model(), &JobHistoryModel::setStore);
    connect(c, &JobController::syncChanged, this, &MainWindow::onSyncChanged);
    connect(c, &JobController::connectionChanged, m_connectionLabel, &ServerIndicator::refresh);
    connect(c, &JobController::historyChanged, m_history->model(), &JobHistoryModel::refresh);
    connect(c, &JobController::projectsChanged, this,
            [this] { m_history->model()->setCurrentProject(m_controller->currentProjectId()); });
    connect(c, &JobController::runningChanged, this, &MainWindow::setRunning);
    connect(c, &JobController::openFailed, this,
            [this](bool old, const QString &message) { JobDialogs::openFailed(this, old, message); });
    connect(c, &JobController::passwordNeeded, this, &MainWindow::askPassword);
    connect(c, &JobController::jobBeginning, this, &MainWindow::onJobBeginning);
    connect(c, &JobController::startFailed, this, [this](bool resuming, const QString &error) {
        QMessageBox::warning(this, resuming ? tr("Cannot Resume") : tr("Cannot Compare"), error);
    });
    connect(c, &JobController::compared, m_recent, &RecentFiles::add);
    connect(c, &JobController::jobStarted, this, &MainWindow::onJobStarted);
    connect(c, &JobController::sheetsMatched, this, &MainWindow::onSheetsMatched);
    connect(c, &JobController::progressChanged, m_progressRow, &ProgressRow::updateProgress);
    connect(c, &JobController::jobFinished, this, &MainWindow::onJobFinished);
    connect(c, &JobController::cancelled, this, [this](bool whileOpening) {
        statusBar()->showMessage(whileOpening ? tr("Cancelled.")
                                              : tr("Cancelled. Resume it from the history to finish it."),
                                 whileOpening ? 6000 : 8000);
    });
    connect(c, &JobController::submitted, this, &MainWindow::onSubmitted);
    connect(c, &JobController::submitFailed, this,
            [this](const QString &error) { QMessageBox::warning(this, tr("Cannot Run on Server"), error); });
    connect(c, &JobController::serverJobUpdated, this, &MainWindow::onServerJobUpdated);
    connect(c, &JobController::syncFailed, this,
            [this](const QString &message) { statusBar()->showMessage(message, 15000); });
}

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
        if (sync()) sync()->syncNow();
    });
    m_cancelAction = action(tr("C&ancel Comparison"), {QKeySequence(Qt::Key_Escape)}, &MainWindow::cancel);
    m_backAction = action(tr("&Back to Sheets"), {QKeySequence::Back, QKeySequence(Qt::Key_Backspace)},
                          &MainWindow::showCards);
    m_previousSheetAction =
        action(tr("&Previous Sheet"), {QKeySequence(tr("Ctrl+PgUp"))}, [this] { showSheetAt(-1); });
    m_nextSheetAction =
        action(tr("&Next Sheet"), {QKeySequence(tr("Ctrl+PgDown"))}, [this] { showSheetAt(1); });
    m_exports = new ExportActions({[this] { return store(); }, [this] { return shownJobId(); },
                                   [this] { return selectedSheets(); },
                                   [this] { return isViewerShown() ? m_viewerPage->pageNumber() : 0; }},
                                  this);
    connect(m_exports, &ExportActions::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 10000); });
    m_settingsAction = action(tr("&Settings…"), {QKeySequence(tr("Ctrl+,"))}, &MainWindow::openSettings);
    m_refreshHistoryAction =
        action(tr("&Refresh History"), {QKeySequence::Refresh}, [this] { m_history->model()->refresh(); });
    m_quitAction = action(tr("&Quit"), {QKeySequence::Quit, QKeySequence(tr("Ctrl+Q"))}, &QWidget::close);
    m_quitAction->setMenuRole(QAction::QuitRole);

    const QStringList filterNames = {tr("Show &All Sheets"), tr("Show &Changed Sheets"),
                                     tr("Show &Unchanged Sheets"), tr("Show &Failed Sheets")};
    for (int i = 0; i < filterNames.size(); ++i) {
        m_filterActions << action(filterNames[i], {QKeySequence(tr("Ctrl+%1").arg(i + 1))},
                                  [this, i] { m_comparePage->clickFilter(i); });
    }
    m_historyDock->toggleViewAction()->setShortcut(QKeySequence(tr("Ctrl+H")));
    m_historyDock->toggleViewAction()->setText(tr("&History"));
    addAction(m_historyDock->toggleViewAction());
}

void MainWindow::createMenus() {
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addActions({m_openOldAction, m_openNewAction, m_swapAction});
    auto *recent = new RecentMenu(m_recent, tr("&Recent Comparisons"), file);
    connect(recent, &RecentMenu::pairChosen, this, &MainWindow::setFiles);
    file->addMenu(recent);
    file->addSeparator();
    file->addActions({m_compareAction, m_runOnServerAction, m_cancelAction});
    file->addSeparator();
    file->addActions(m_exports->actions());
    file->addSeparator();
    file->addAction(m_settingsAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addActions({m_backAction, m_previousSheetAction, m_nextSheetAction});
    view->addSeparator();
    for (QAction *a : std::as_const(m_filterActions))
        view->addAction(a);
    view->addAction(m_comparePage->tableAction());
    view->addSeparator();
    view->addActions({m_historyDock->toggleViewAction(), m_refreshHistoryAction, m_syncNowAction});
    menuBar()->addMenu(m_projects->menu());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&User Guide"), this, [this] { showUserGuide(this); })
        ->setShortcut(QKeySequence::HelpContents);
    help->addAction(tr("&Keyboard Shortcuts"), this, [this] { showKeyboardShortcuts(this); });
    help->addAction(tr("&About BuildTrace"), this, [this] { showAbout(this); });
}

// ---- files -------------------------------------------------------------------------------------

void MainWindow::setFiles(const QString &oldPath, const QString &newPath) {
    m_comparePage->setFiles(oldPath, newPath);
}

void MainWindow::assignFiles(const QStringList &paths) {
    if (paths.size() != 2) return;
    // File dates first (the zones start reading); then the title blocks or the user decide.
    const QStringList ordered = DropZone::orderedByAge(paths);
    setFiles(ordered[0], ordered[1]);
    statusBar()->showMessage(tr("Reading the revisions of %1 and %2 from their title blocks…")
                                 .arg(QFileInfo(ordered[0]).fileName(), QFileInfo(ordered[1]).fileName()));
    m_setOrder->resolve(ordered[0], ordered[1]);
}

void MainWindow::onSetOrderDecided(const QString &oldPath, const QString &newPath, const QString &message) {
    // Files dropped or chosen meanwhile win over a late answer.
    if (QSet<QString>{m_oldZone->path(), m_newZone->path()} != QSet<QString>{oldPath, newPath}) return;
    setFiles(oldPath, newPath);
    statusBar()->showMessage(message, 10000);
}

void MainWindow::swapFiles() {
    m_comparePage->setFiles(m_newZone->path(), m_oldZone->path());
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
    if (files.size() == 2)
        assignFiles(files);
    else if (!m_comparePage->takeDroppedFile(files))
        return event->ignore();
    event->acceptProposedAction();
}

// ---- jobs --------------------------------------------------------------------------------------

bool MainWindow::ensureStore(bool interactive) {
    QString error;
    JobController::StoreState state = m_controller->ensureStore(&error);
    if (state == JobController::StoreState::Damaged) {
        const QString path = m_controller->storePath();
        if (!interactive) {
            statusBar()->showMessage(error);
            // The question waits for the window to be up (this runs from its constructor too); the
            // file was checked already.
            QTimer::singleShot(0, this, [this, path, error] {
                if (!store() && !isRunning() && startFreshHistory(path, error)) ensureStore(true);
            });
            return false;
        }
        if (!startFreshHistory(path, error)) return false;
        state = m_controller->ensureStore(&error);
    }
    if (state == JobController::StoreState::Open) return true;
    if (error.isEmpty()) return false; // a job runs: the history moves once it is over
    const QString message = tr("The history cannot be opened: %1").arg(error);
    if (interactive)
        QMessageBox::warning(this, tr("History Unavailable"), message);
    else
        statusBar()->showMessage(message);
    return false;
}

bool MainWindow::startFreshHistory(const QString &path, const QString &problem) {
    const QString kept = JobDialogs::startFreshHistory(this, path, problem);
    if (!kept.isEmpty())
        statusBar()->showMessage(
            tr("Started a fresh history; the damaged one is kept as %1").arg(QDir::toNativeSeparators(kept)));
    return !kept.isEmpty();
}

bool MainWindow::startComparison(bool onServer) {
    if (isRunning()) return false;
    if (onServer && !m_controller->settings().serverConfig().isValid()) {
        statusBar()->showMessage(tr("No job server is set up: enter its address and your token in Settings."),
                                 8000);
        return false;
    }
    const QString oldPath = m_oldZone->path(), newPath = m_newZone->path();
    if (oldPath.isEmpty() || newPath.isEmpty()) {
        statusBar()->showMessage(tr("Choose both revisions first: drop the files on OLD and NEW."), 6000);
        (oldPath.isEmpty() ? m_oldZone : m_newZone)->setFocus();
        return false;
    }
    return ensureStore(true) && m_controller->compare(oldPath, newPath, onServer);
}

bool MainWindow::resumeJob(const QString &jobId) {
    if (isRunning() || !ensureStore(true)) return false;
    const JobController::ResumeResult result = m_controller->resume(jobId);
    if (result == JobController::ResumeResult::NotResumable)
        statusBar()->showMessage(tr("Only interrupted or cancelled comparisons can be resumed."), 6000);
    return result == JobController::ResumeResult::Started;
}

void MainWindow::askPassword(const QString &path, bool oldSide, bool wrongPassword) {
    const QString password = JobDialogs::askPassword(this, path, oldSide, wrongPassword);
    if (password.isEmpty())
        statusBar()->showMessage(tr("Not compared: %1 needs its password.").arg(QFileInfo(path).fileName()),
                                 8000);
    m_controller->providePassword(path, password);
}

void MainWindow::onJobBeginning(const QString &oldPath, const QString &newPath, bool redo) {
    if (!redo) { // a sheet compared again stays in the viewer
        showCards();
        m_viewer->clear();
    }
    setFiles(oldPath, newPath);
    m_progressRow->showMatching();
}

void MainWindow::onJobStarted(const QString &jobId, bool reused) {
    emit jobStarted(jobId);
    if (reused)
        statusBar()->showMessage(
            tr("These files were compared before with the same settings: continuing that job."), 6000);
}

void MainWindow::setRunning(bool running) {
    m_progressRow->setVisible(running);
    if (running && isOpening()) m_progressRow->showOpening();
    m_history->model()->setRunningJob(running && !isOpening() && pipeline() ? pipeline()->jobId()
                                                                            : QString());
    updateActions();
}

void MainWindow::updateActions() {
    const bool running = isRunning();
    const bool ready = !m_oldZone->path().isEmpty() && !m_newZone->path().isEmpty();
    m_compareAction->setEnabled(!running && ready);
    const bool server = m_controller->settings().serverConfig().isValid();
    m_runOnServerAction->setEnabled(!running && ready && server);
    m_comparePage->setCompareEnabled(!running && ready, !running && ready && server, server);
    m_syncNowAction->setEnabled(server && sync());
    m_cancelAction->setEnabled(running);
    m_exports->update(running);
    m_progressRow->setCancelEnabled(running);
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
    return m_progressRow->text();
}

void MainWindow::onSheetsMatched(const QVector<PageResult> &, const JobProgress &progress, int redoPage) {
    m_progressRow->updateProgress(progress);
    if (redoPage > 0) {
        showSheet(redoPage);
        m_viewerPage->waitForDiff(); // its new diff replaces what is shown
    }
}

void MainWindow::onJobFinished(const QString &jobId, JobStatus status, qint64 ms) {
    setRunning(false);
    m_history->selectJob(jobId);
    statusBar()->showMessage(tr("%1 in %2 s.")
                                 .arg(JobHistoryModel::statusName(status))
                                 .arg(QLocale().toString(ms / 1000.0, 'f', 1)),
                             10000);
    emit jobFinished(jobId, status);
}

bool MainWindow::openJob(const QString &jobId) {
    if (isRunning() || !store()) return false;
    const std::optional<JobController::StoredJob> job = m_controller->openJob(jobId);
    if (!job) {
        statusBar()->showMessage(tr("That comparison is no longer in the history."), 6000);
        m_history->model()->refresh();
        return false;
    }
    showCards();
    m_viewer->clear();
    m_comparePage->showStoredJob(*job);
    if (job->record.origin != JobOrigin::Team)
        setFiles(job->result.oldPath, job->result.newPath); // not on this computer
    m_history->selectJob(jobId);
    updateActions();
    return true;
}

bool MainWindow::deleteJob(const QString &jobId, bool confirm) {
    if (!store() || jobId.isEmpty() || (isRunning() && pipeline()->jobId() == jobId)) return false;
    const std::optional<JobRecord> job = m_controller->job(jobId);
    if (!job) return false;
    if (confirm && !JobDialogs::confirmDelete(this, *job, m_controller->deletesOnServer(*job))) return false;
    const bool shown = shownJobId() == jobId;
    QString error;
    if (!m_controller->deleteJob(jobId, &error)) {
        QMessageBox::warning(this, tr("Cannot Delete"), error);
        return false;
    }
    if (shown) clearShownJob(tr("Drop two revisions of a drawing set above and press Compare."));
    statusBar()->showMessage(tr("Comparison deleted."), 4000);
    return true;
}

void MainWindow::clearShownJob(const QString &placeholder) {
    showCards();
    m_viewer->clear();
    m_controller->clearCurrentJob();
    m_comparePage->clearJob(placeholder);
    updateActions();
}

// ---- viewer ------------------------------------------------------------------------------------

bool MainWindow::isViewerShown() const {
    return m_viewerPage && m_viewerPage->isCurrent();
}

void MainWindow::showSheet(int pageNumber) {
    const SheetState *sheet = m_cards->sheet(pageNumber);
    if (!sheet) return;
    const PageResult page = sheet->result; // a copy: the row may change while the viewer loads
    // Visible first: the viewer fits the sheet to the size it has.
    m_stack->setCurrentWidget(m_viewerPage);
    m_viewerPage->showPage(page, m_cards->count(CardFilter::All), PageCard::titleText(page));
    updateActions();
}

void MainWindow::showCards() {
    if (!m_stack) return;
    const bool wasViewing = isViewerShown();
    m_stack->setCurrentWidget(m_comparePage);
    updateActions();
    if (wasViewing) m_cards->focusPage(m_viewerPage->pageNumber()); // back where the user left
}

void MainWindow::showSheetAt(int step) {
    const QVector<int> pages = m_cards->shownPages();
    if (pages.isEmpty()) return;
    const int at = int(pages.indexOf(m_viewerPage->pageNumber()));
    const int next = at < 0 ? 0 : qBound(0, at + step, int(pages.size()) - 1);
    if (pages[next] != m_viewerPage->pageNumber()) showSheet(pages[next]);
}

// ---- settings, closing, screenshots --------------------------------------------------------------

void MainWindow::openSettings() {
    SettingsDialog dialog(m_controller->settings(), this);
    dialog.setDatabaseEditable(!isRunning());
    if (dialog.exec() != QDialog::Accepted) return;
    dialog.settings().save();
    m_controller->setSettings(dialog.settings()); // another server or token
    if (!isRunning()) ensureStore(true);          // another history database
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

// ---- review workflow ---------------------------------------------------------------------------

void MainWindow::connectReview() {
    connect(m_viewer, &OverlayViewer::reviewChanged, m_comparePage, &ComparePage::setReviewProgress);
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

// ---- job server ----------------------------------------------------------------------------------

void MainWindow::onSyncChanged(SyncService *sync) {
    m_connectionLabel->setSync(sync);
    m_history->setSyncEnabled(m_controller->settings().serverConfig().isValid() && sync);
    updateActions();
}

QString MainWindow::connectionText() const {
    return m_connectionLabel->connectionText();
}

void MainWindow::onSubmitted(const QString &jobId) {
    openJob(jobId);
    showSending(tr("The job server cannot be reached: the comparison waits and is sent when it can."));
}

void MainWindow::showSending(const QString &offlineText) {
    statusBar()->showMessage(
        m_controller->serverOffline() ? offlineText : tr("Sending the comparison to the job server…"), 8000);
}

void MainWindow::onServerJobUpdated(const JobController::StoredJob &job, const QVector<int> &,
                                    bool finishedNow) {
    if (finishedNow)
        statusBar()->showMessage(
            tr("%1 on the job server.").arg(JobHistoryModel::statusName(job.record.status)), 10000);
}

bool MainWindow::pushJob(const QString &jobId) {
    QString error;
    if (!m_controller->pushJob(jobId, &error)) {
        if (!error.isEmpty()) QMessageBox::warning(this, tr("Cannot Push"), error);
        return false;
    }
    showSending(tr("The job server cannot be reached: the comparison is sent when it can."));
    return true;
}

// ---- export --------------------------------------------------------------------------------------

QList<int> MainWindow::selectedSheets() const {
    // The sheet open in the viewer; the table's selected rows; those the filters show (unless all).
    if (isViewerShown() && m_viewerPage->pageNumber() > 0) return {m_viewerPage->pageNumber()};
    if (const QList<int> picked = m_comparePage->selectedSheets(); !picked.isEmpty()) return picked;
    if (!m_cards->filterModel()->filtering()) return {};
    return m_cards->shownPages();
}

} // namespace bt::ui
