#pragma once

#include "guisettings.h"

#include "pipeline/manualedit.h"
#include "pipeline/pipeline.h"
#include "store/jobstore.h"
#include "sync/syncservice.h"

#include <QHash>
#include <QObject>

#include <memory>
#include <optional>
#include <vector>

class QThreadPool;

namespace bt::ui {

// The window's control flow without a widget (QtCore only): it owns the history store, the
// pipeline that runs local jobs (and those of cancelled jobs still finishing), the sync with the
// team's job server and the passwords of this session. It opens a job's sets off the GUI thread,
// asks for passwords through passwordNeeded(), starts, resumes and cancels jobs, follows the
// current job (local or on the server) and tells the views through signals. Views own no job
// state: they show what the signals carry and ask the controller for the rest.
class JobController : public QObject {
    Q_OBJECT
public:
    // pool: where sets are opened (off the GUI thread).
    explicit JobController(QThreadPool *pool, QObject *parent = nullptr);
    ~JobController() override;

    const GuiSettings &settings() const { return m_settings; }
    // New settings: another history database takes effect when no job runs; another server or
    // token at once.
    void setSettings(const GuiSettings &settings);
    // The settings' job server (again, when they changed): sync on, off or pointed elsewhere.
    void setUpSync();

    // ---- the history ----
    enum class StoreState { Open, Damaged, Failed };
    // Opens the history the settings name (again, when they changed). Damaged: the caller may
    // start a fresh one (JobStore::moveAside) and call this again.
    StoreState ensureStore(QString *error = nullptr);
    QString storePath() const; // the history the settings name
    JobStore *store() const { return m_store.get(); }
    Pipeline *pipeline() const { return m_pipeline.get(); }
    SyncService *sync() const { return m_sync.get(); }

    // ---- projects ----
    // New comparisons go into the current project (remembered; the default project when the
    // history has no such project).
    qint64 currentProjectId() const { return m_projectId; }
    std::optional<ProjectRecord> currentProject() const;
    QVector<ProjectRecord> projects() const;
    bool setCurrentProject(qint64 projectId); // false when the history has no such project
    // Adds a project and makes it the current one: its id, 0 on error.
    qint64 addProject(const ProjectRecord &project, QString *error);
    bool updateProject(const ProjectRecord &project, QString *error); // name, number, client, logo

    // ---- jobs ----
    bool isRunning() const; // opening the sets or running the job
    bool isOpening() const { return m_opening; }
    bool isRedo() const { return m_redoPage > 0; }
    // The job shown (running, finished, opened from the history or following the server's).
    QString currentJobId() const { return m_currentJob; }
    QString currentOldPath() const { return m_oldPath; }
    QString currentNewPath() const { return m_newPath; }

    // Starts comparing two files, here or on the job server: opens them off the GUI thread,
    // then asks for passwords, or reports a set that cannot be opened, or starts the job. False
    // when nothing was begun (a job running, no history, no server).
    bool compare(const QString &oldPath, const QString &newPath, bool onServer = false);
    // Finishes an interrupted or cancelled job of the history (its sets opened first, as compare()).
    enum class ResumeResult { Started, Refused, NotResumable };
    ResumeResult resume(const QString &jobId);
    // Compares one sheet of the current job again (its ignore areas changed): the job resumes
    // with only that page's diff and summary to run.
    bool redoSheet(int pageNumber);
    // Manual control of the current (local, not running) job where matching or alignment failed:
    // the job's sheet list changes in the history and the job resumes with only the changed
    // sheets to compare. False when that cannot start (the sheets are not of that kind, a job
    // runs, a server's job); a change the history refuses comes as manualEditFailed().
    bool pairSheets(int removedPage, int addedPage);
    bool unpairSheet(int pageNumber);
    // The pair is aligned by the user's points (invalid: back to the automatic alignment); the
    // viewer stays on it as for redoSheet().
    bool alignByPoints(int pageNumber, const PointPairs &points);
    // The answer to passwordNeeded(): the sets are opened again with it; an empty password gives
    // up on that job.
    void providePassword(const QString &path, const QString &password);
    void cancel();

    // A job of the history as the views show it; nothing runs. The job becomes the current one.
    struct StoredJob {
        JobRecord record;
        ComparisonResult result;
        std::optional<JobProgress> progress;
    };
    std::optional<StoredJob> openJob(const QString &jobId);
    void clearCurrentJob();
    std::optional<JobRecord> job(const QString &jobId) const;
    // Deletes the job (on the server too when it is the server's). False with error on failure.
    bool deleteJob(const QString &jobId, QString *error);
    // A job of the server is deleted there too.
    bool deletesOnServer(const JobRecord &job) const { return job.isRemote() && m_sync; }
    bool pushJob(const QString &jobId, QString *error);
    // Reviewed changes per page of the current job (0: every page).
    QHash<int, int> reviewedCounts(int pageNumber = 0) const;
    // The overlay of a server job's sheet that is not on this computer yet: overlayReady() follows.
    void fetchOverlayIfMissing(int pageNumber, const QString &overlayPath);
    bool serverOffline() const;

signals:
    void storeChanged(bt::JobStore *store); // null while none is open
    void settingsChanged();                 // setSettings (view settings such as colours included)
    void syncChanged(bt::SyncService *sync);
    void runningChanged(bool running);
    // The sets could not be opened: oldSide names the failing one, message the problem.
    void openFailed(bool oldSide, const QString &message);
    // A protected set: answer with providePassword() (empty: not compared).
    void passwordNeeded(const QString &path, bool oldSide, bool wrongPassword);
    // A local job is about to start (its cards are cleared); redo: only one sheet is compared again.
    void jobBeginning(const QString &oldPath, const QString &newPath, bool redo);
    void startFailed(bool resuming, const QString &error);
    void manualEditFailed(const QString &error);
    // A new comparison of these files began (here or on the server): for the recent files.
    void compared(const QString &oldPath, const QString &newPath);
    void jobStarted(const QString &jobId, bool reused);
    void sheetsMatched(const QVector<bt::PageResult> &pages, const bt::JobProgress &progress, int redoPage);
    void stageChanged(const bt::StageEvent &event);
    void pageUpdated(const bt::PageResult &page);
    void progressChanged(const bt::JobProgress &progress);
    void jobFinished(const QString &jobId, bt::JobStatus status, qint64 ms);
    void cancelled(bool whileOpening);
    // The server took a job of ours (submitted: the history lists it; open it).
    void submitted(const QString &jobId);
    void submitFailed(const QString &error);
    // The current job, followed on the server, changed (pages: those whose results changed).
    void serverJobUpdated(const bt::ui::JobController::StoredJob &job, const QVector<int> &pages,
                          bool finishedNow);
    void overlayReady(int pageNumber);
    // The team's review changes of these sheets of the current job arrived from the job server.
    void reviewsChanged(const QString &jobId, const QVector<int> &pages);
    void historyChanged();                   // jobs added, removed, or their status or sheet count changed
    void projectsChanged();                  // the current project, or a project added or renamed
    void connectionChanged();                // the server's state or the number of operations waiting for it
    void syncFailed(const QString &message); // the server refused an operation for good

private:
    // A job about to start or resume while its sets are opened and hashed off the GUI thread.
    struct PendingJob {
        QString resumeId; // the history's job to resume; empty: a new comparison
        QString oldPath, newPath;
        QString oldPassword, newPassword;
        bool onServer = false;
        static PendingJob resuming(const JobRecord &record);
    };
    void openInputs(PendingJob job);
    void onInputsOpened(PendingJob job, JobInputs inputs);
    void startLocal(const PendingJob &job, JobInputs inputs);
    void submitToServer(const PendingJob &job, const JobInputs &inputs);
    bool startManualEdit(const ManualEdit &edit, int showPage);
    void newPipeline();
    void retirePipeline();
    void onServerJobUpdated(const QString &jobId, const QVector<int> &pages);
    void fetchOverlays(const ComparisonResult &result);

    QThreadPool *m_pool;
    GuiSettings m_settings;
    std::unique_ptr<JobStore> m_store;
    // Pipelines of cancelled jobs whose stages may still run (see retirePipeline()).
    std::vector<std::unique_ptr<Pipeline>> m_retiredPipelines;
    std::unique_ptr<Pipeline> m_pipeline; // after m_store: destroyed (and its stages stopped) first
    std::unique_ptr<SyncService> m_sync;  // after m_store too
    QHash<QString, QString> m_passwords;  // this session only, never written anywhere
    std::optional<PendingJob> m_waitingForPassword;
    bool m_opening = false;                  // a job's sets are being opened (openInputs)
    int m_openGeneration = 0;                // bumped by cancel(): that opening's result is dropped
    int m_redoPage = 0;                      // redoSheet(): the sheet compared again
    std::optional<ManualEdit> m_pendingEdit; // applied once the job's sets are open, then resumed
    QString m_currentJob;
    qint64 m_projectId = HistoryDatabase::kDefaultProjectId; // new comparisons go into it
    QString m_oldPath, m_newPath;                            // files of the current job
    bool m_currentFinished = false;                          // a job followed on the server has ended
};

} // namespace bt::ui
