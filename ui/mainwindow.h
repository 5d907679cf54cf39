#pragma once

#include "jobcontroller.h"
#include "pagecard.h"
#include "reportexportdialog.h"
#include "screenshotdriver.h"

#include <QMainWindow>

#include <memory>

class QAction;
class QDockWidget;
class QStackedWidget;

namespace bt::ui {

class ComparePage;
class DropZone;
class ExportActions;
class HistoryPanel;
class OverlayViewer;
class PageCardList;
class ProgressRow;
class ProjectSwitcher;
class RecentFiles;
class ServerIndicator;
class SetOrderResolver;
class ViewerPage;

// The desktop window: OLD and NEW drop zones, Compare / Cancel with the job's progress, a card
// per sheet pair updated live from the job, the overlay viewer for one sheet, and the history.
// The window keeps actions, menus, layout and dialogs; the JobController runs the jobs (it lives
// in this, the GUI, thread and the pipeline works on its own thread pools).
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    void setFiles(const QString &oldPath, const QString &newPath);
    // Files dropped together: the older (modification time, then name) is OLD.
    void assignFiles(const QStringList &paths);
    void swapFiles();

    // Starts comparing the drop zones' files: opens them off the GUI thread, then asks for the
    // passwords of protected PDFs or reports files that cannot be opened, or starts the job.
    // False when nothing was begun (no files, a job running).
    bool compare() { return startComparison(false); }
    // The same comparison run on the team's job server: the sets are opened here first (passwords,
    // errors), then the job waits in the sync queue until the server takes it, and its cards
    // follow the server's progress. False when nothing was begun (no files, no server set up).
    bool runOnServer() { return startComparison(true); }
    void cancel() { m_controller->cancel(); }
    bool isRunning() const { return m_controller->isRunning(); } // opening the sets or running the job
    bool isOpening() const { return m_controller->isOpening(); }
    // The job whose cards are shown (running, finished or opened from the history).
    QString shownJobId() const { return m_controller->currentJobId(); }

    // A job of the history: its cards straight from the store, nothing is run.
    bool openJob(const QString &jobId);
    bool resumeJob(const QString &jobId); // opens its sets first, as compare()
    bool deleteJob(const QString &jobId, bool confirm = true);
    bool pushJob(const QString &jobId); // a finished local job to the job server

    void showSheet(int pageNumber); // in the viewer
    // Compares one sheet of the shown job again (its ignore areas changed), the viewer staying on
    // it: the job is resumed with only that page's diff and summary to run.
    bool redoSheet(int pageNumber) { return m_controller->redoSheet(pageNumber); }
    void showCards();
    bool isViewerShown() const;

    void openSettings();
    // File → Export Report… / Export Change List… of the shown job, from the history.
    QList<int> selectedSheets() const; // what "Selected sheets" exports
    // Saves a picture of the window once the next job has finished and its thumbnails are
    // loaded, then quits ($BT_SCREENSHOT: a look at the GUI without a screen).
    void setScreenshotPath(const QString &path) { m_screenshots->setPath(path); }
    // $BT_SCREENSHOT_DIR: a series of pictures of one run into dir (01-empty.png before the job,
    // 02-midway.png, 03-done.png, 04..06 the first changed sheet in the viewer's modes), then quits.
    void setScreenshotDir(const QString &dir) { m_screenshots->setDir(dir); }
    QString screenshotDir() const { return m_screenshots->dir(); }
    // grab() of the window into the screenshot dir
    bool saveScreenshot(const QString &fileName) { return m_screenshots->save(fileName); }

    DropZone *oldZone() const { return m_oldZone; }
    DropZone *newZone() const { return m_newZone; }
    PageCardList *cardList() const { return m_cards; }
    HistoryPanel *historyPanel() const { return m_history; }
    ProjectSwitcher *projectSwitcher() const { return m_projects; }
    OverlayViewer *viewer() const { return m_viewer; }
    JobController *controller() const { return m_controller.get(); }
    Pipeline *pipeline() const { return m_controller->pipeline(); }
    JobStore *store() const { return m_controller->store(); }
    SyncService *sync() const { return m_controller->sync(); }
    QString connectionText() const; // the status bar's job-server state ("Server: online")
    QAction *compareAction() const { return m_compareAction; }
    QAction *runOnServerAction() const { return m_runOnServerAction; }
    QAction *cancelAction() const { return m_cancelAction; }
    QString progressText() const; // "OCR 3/3 · Diff 2/3 · Summary 1/3"

signals:
    void jobStarted(const QString &jobId);
    void jobFinished(const QString &jobId, bt::JobStatus status);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    void connectController();
    // Opens the history the settings name (again, when they changed); interactive: problems in a
    // message box rather than the status bar.
    bool ensureStore(bool interactive);
    // Asks whether to start a fresh history in place of the damaged one at path (problem: why it
    // is refused); on yes, moves the damaged file aside. True when path is free for a new one.
    bool startFreshHistory(const QString &path, const QString &problem);
    bool startComparison(bool onServer); // compare() and runOnServer()
    void askPassword(const QString &path, bool oldSide, bool wrongPassword);
    void onJobBeginning(const QString &oldPath, const QString &newPath, bool redo);
    void onJobStarted(const QString &jobId, bool reused);
    void onSheetsMatched(const QVector<PageResult> &pages, const JobProgress &progress, int redoPage);
    void onJobFinished(const QString &jobId, bt::JobStatus status, qint64 ms);
    void onServerJobUpdated(const JobController::StoredJob &job, const QVector<int> &pages, bool finishedNow);
    void onSubmitted(const QString &jobId);
    void showSending(const QString &offlineText); // a job on its way to the server
    void onSyncChanged(SyncService *sync);
    void setRunning(bool running);
    void updateActions();
    void clearShownJob(const QString &placeholder);
    void showSheetAt(int step); // previous / next card in the filter
    // Review workflow (reviews, ignore areas, sheet history): the viewer's signals.
    void connectReview();
    void onSetOrderDecided(const QString &oldPath, const QString &newPath, const QString &message);

    std::unique_ptr<JobController> m_controller; // destroyed (its jobs stopped) before the widgets
    RecentFiles *m_recent;
    ScreenshotDriver *m_screenshots;
    SetOrderResolver *m_setOrder; // OLD/NEW of two dropped sets from their title blocks

    ComparePage *m_comparePage = nullptr;
    ViewerPage *m_viewerPage = nullptr;
    DropZone *m_oldZone = nullptr;
    DropZone *m_newZone = nullptr;
    PageCardList *m_cards = nullptr;
    OverlayViewer *m_viewer = nullptr;
    QStackedWidget *m_stack = nullptr;
    ProgressRow *m_progressRow = nullptr;
    ProjectSwitcher *m_projects = nullptr; // the current project, above the pages
    ServerIndicator *m_connectionLabel = nullptr;
    HistoryPanel *m_history = nullptr;
    QDockWidget *m_historyDock = nullptr;

    QAction *m_openOldAction = nullptr;
    QAction *m_openNewAction = nullptr;
    QAction *m_swapAction = nullptr;
    QAction *m_compareAction = nullptr;
    QAction *m_runOnServerAction = nullptr;
    QAction *m_syncNowAction = nullptr;
    QAction *m_cancelAction = nullptr;
    QAction *m_backAction = nullptr;
    QAction *m_previousSheetAction = nullptr;
    QAction *m_nextSheetAction = nullptr;
    ExportActions *m_exports = nullptr; // File → Export … / Print …
    QAction *m_settingsAction = nullptr;
    QAction *m_refreshHistoryAction = nullptr;
    QAction *m_quitAction = nullptr;
    QList<QAction *> m_filterActions;
};

} // namespace bt::ui
