#pragma once

#include "guisettings.h"
#include "pagecard.h"
#include "reportexportdialog.h"

#include "pipeline/pipeline.h"
#include "sync/syncservice.h"

#include <QHash>
#include <QMainWindow>
#include <QThreadPool>

#include <memory>
#include <vector>

class QAction;
class QButtonGroup;
class QDockWidget;
class QLabel;
class QMenu;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QToolButton;

namespace bt {
class JobStore;
class Pipeline;
} // namespace bt

namespace bt::ui {

class DropZone;
class HistoryPanel;
class OverlayViewer;
class PageCardList;

// The desktop window: OLD and NEW drop zones, Compare / Cancel with the job's progress, a card
// per sheet pair updated live from the pipeline, the overlay viewer for one sheet, and the
// history. The pipeline lives in this (the GUI) thread and works on its own thread pools.
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
    bool compare();
    // The same comparison run on the team's job server: the sets are opened here first (passwords,
    // errors), then the job waits in the sync queue until the server takes it, and its cards
    // follow the server's progress. False when nothing was begun (no files, no server set up).
    bool runOnServer();
    void cancel();
    bool isRunning() const; // opening the sets or running the job
    bool isOpening() const { return m_opening; }
    // The job whose cards are shown (running, finished or opened from the history).
    QString shownJobId() const { return m_shownJob; }

    // A job of the history: its cards straight from the store, nothing is run.
    bool openJob(const QString &jobId);
    bool resumeJob(const QString &jobId); // opens its sets first, as compare()
    bool deleteJob(const QString &jobId, bool confirm = true);
    bool pushJob(const QString &jobId); // a finished local job to the job server

    void showSheet(int pageNumber); // in the viewer
    // Compares one sheet of the shown job again (its ignore areas changed), the viewer staying on
    // it: the job is resumed with only that page's diff and summary to run.
    bool redoSheet(int pageNumber);
    void showCards();
    bool isViewerShown() const;

    void openSettings();
    // File → Export Report… / Export Change List… of the shown job, from the history.
    bool exportJob(ReportExportDialog::Kind kind);
    QList<int> selectedSheets() const; // what "Selected sheets" exports
    // Saves a picture of the window once the next job has finished and its thumbnails are
    // loaded, then quits ($BT_SCREENSHOT: a look at the GUI without a screen).
    void setScreenshotPath(const QString &path) { m_screenshotPath = path; }
    // $BT_SCREENSHOT_DIR: a series of pictures of one run into dir (01-empty.png before the job,
    // 02-midway.png, 03-done.png, 04..06 the first changed sheet in the viewer's modes), then quits.
    void setScreenshotDir(const QString &dir) { m_screenshotDir = dir; }
    QString screenshotDir() const { return m_screenshotDir; }
    bool saveScreenshot(const QString &fileName); // grab() of the window into the screenshot dir

    DropZone *oldZone() const { return m_oldZone; }
    DropZone *newZone() const { return m_newZone; }
    PageCardList *cardList() const { return m_cards; }
    HistoryPanel *historyPanel() const { return m_history; }
    OverlayViewer *viewer() const { return m_viewer; }
    Pipeline *pipeline() const { return m_pipeline.get(); }
    JobStore *store() const { return m_store.get(); }
    SyncService *sync() const { return m_sync.get(); }
    QString connectionText() const; // the status bar's job-server state ("Server: online")
    QAction *compareAction() const { return m_compareAction; }
    QAction *runOnServerAction() const { return m_runOnServerAction; }
    QAction *cancelAction() const { return m_cancelAction; }
    QString progressText() const; // "OCR 3/3 · Diff 2/3 · Summary 1/3"

signals:
    void jobStarted(const QString &jobId);
    void jobFinished(const QString &jobId, const QString &status);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    QWidget *createComparePage();
    QWidget *createViewerPage();
    QWidget *createProgressRow();

    // Opens the history the settings name (again, when they changed); interactive: problems in a
    // message box rather than the status bar.
    bool ensureStore(bool interactive);
    // Asks whether to start a fresh history in place of the damaged one at path (problem: why it
    // is refused); on yes, moves the damaged file aside. True when path is free for a new one.
    bool startFreshHistory(const QString &path, const QString &problem);
    void connectPipeline();
    // A job about to start or resume while its sets are opened and hashed off the GUI thread.
    struct PendingJob {
        QString resumeId; // the history's job to resume; empty: a new comparison
        QString oldPath, newPath;
        QString oldPassword, newPassword;
        bool onServer = false; // runOnServer()
        static PendingJob resuming(const JobRecord &record) {
            PendingJob job;
            job.resumeId = record.id;
            job.oldPath = record.oldFile;
            job.newPath = record.newFile;
            return job;
        }
    };
    bool startComparison(bool onServer); // compare() and runOnServer()
    void openInputs(PendingJob job);
    // Starts the job, or asks for a protected set's password and opens again, or says why not.
    void onInputsOpened(PendingJob job, JobInputs inputs);
    void beginJob(const QString &oldPath, const QString &newPath);
    void onJobStarted();
    void retirePipeline();
    void setRunning(bool running);
    void updateActions();
    void updateProgress(const JobProgress &progress);
    void updateFilterButtons();
    void updateJobHeader(const QString &status, const QString &summary);
    void onSheetsMatched(const QString &jobId, int totalPages);
    void onPageResult(const PageResult &page);
    void onJobFinished(const QString &jobId, bt::JobStatus status, qint64 ms);
    // Job server: the settings' server (again, when they changed), its state in the status bar,
    // and the shown job's cards following a job that runs there.
    void setUpSync();
    void submitToServer(const PendingJob &job, const JobInputs &inputs);
    void onConnectionChanged();
    void onServerJobUpdated(const QString &jobId, const QVector<int> &pages);
    void onOverlayReady(const QString &jobId, int pageNumber, const QString &path);
    void fetchOverlays(const ComparisonResult &result); // of a server job, for its cards
    QString placeholderFor(const JobRecord &job) const;
    void showSheetAt(int step); // previous / next card in the filter
    void addRecent(const QString &oldPath, const QString &newPath);
    void setRecentPairs(const QStringList &pairs); // "old\nnew" each, newest first; saved off-thread
    void updateRecentMenu();
    QStringList recentFiles() const;
    void takeScreenshotWhenReady();
    void takeMidwayScreenshot(const StageEvent &event);
    void takeViewerScreenshots();
    // Review workflow (reviews, ignore areas, sheet history): the viewer's signals.
    void connectReview();
    void updateReviewProgress(int pageNumber = 0); // 0: every card

    GuiSettings m_settings;
    std::unique_ptr<JobStore> m_store;
    // Pipelines of cancelled jobs whose stages may still run (see retirePipeline()).
    std::vector<std::unique_ptr<Pipeline>> m_retiredPipelines;
    std::unique_ptr<Pipeline> m_pipeline; // after m_store: destroyed (and its stages stopped) first
    std::unique_ptr<SyncService> m_sync;  // after m_store too
    QStringList m_recentPairs;
    QThreadPool m_settingsWriter;        // QSettings writes (each an fsync), in order, off the GUI thread
    QHash<QString, QString> m_passwords; // this session only, never written anywhere
    bool m_opening = false;              // a job's sets are being opened (openInputs)
    int m_openGeneration = 0;            // bumped by cancel(): that opening's result is dropped
    QString m_shownJob;
    QString m_jobOldPath, m_jobNewPath; // files of the shown job, for the viewer
    int m_viewerPage = 0;
    bool m_shownJobFinished = false; // a shown server job: its end was told in the status bar
    bool m_viewerWaitsForDiff = false;
    QString m_screenshotPath;
    QString m_screenshotDir;
    bool m_midwayTaken = false;
    int m_redoPage = 0; // redoSheet(): the sheet the viewer stays on while its job resumes

    DropZone *m_oldZone = nullptr;
    DropZone *m_newZone = nullptr;
    QToolButton *m_swapButton = nullptr;
    QPushButton *m_compareButton = nullptr;
    QPushButton *m_serverButton = nullptr;
    QLabel *m_connectionLabel = nullptr;
    QLabel *m_jobHeader = nullptr;
    QButtonGroup *m_filters = nullptr;
    PageCardList *m_cards = nullptr;
    QStackedWidget *m_stack = nullptr;
    QWidget *m_comparePage = nullptr;
    QWidget *m_viewerPageWidget = nullptr;
    QLabel *m_viewerTitle = nullptr;
    OverlayViewer *m_viewer = nullptr;
    QWidget *m_progressRow = nullptr;
    QProgressBar *m_progressBar = nullptr;
    QLabel *m_progressLabel = nullptr;
    QPushButton *m_cancelButton = nullptr;
    HistoryPanel *m_history = nullptr;
    QDockWidget *m_historyDock = nullptr;
    QMenu *m_recentMenu = nullptr;

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
    QAction *m_exportReportAction = nullptr;
    QAction *m_exportChangesAction = nullptr;
    QAction *m_settingsAction = nullptr;
    QAction *m_refreshHistoryAction = nullptr;
    QAction *m_quitAction = nullptr;
    QList<QAction *> m_filterActions;
};

} // namespace bt::ui
