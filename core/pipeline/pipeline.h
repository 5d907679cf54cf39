#pragma once

#include "compare/comparison.h"
#include "jobprogress.h"
#include "retrypolicy.h"
#include "stagerunner.h"
#include "store/jobstore.h"
#include "summary/aisummary.h"

#include <QElapsedTimer>
#include <QObject>
#include <QThreadPool>

#include <memory>

namespace bt {

class JobStore;

enum class PipelineMode {
    Streaming, // a page's next stage starts the moment its previous one completes
    // Every page goes through a stage before any page starts the next, and a stage's results are
    // published (events, page results) together when it is done for every page, as the design
    // document's batch jobs deliver them. Each page's result is still committed the moment it
    // finishes.
    Batch,
};
QString pipelineModeName(PipelineMode mode); // "streaming", "batch"
std::optional<PipelineMode> pipelineModeFromName(const QString &name);

struct PipelineOptions {
    PipelineMode mode = PipelineMode::Streaming;
    RetryPolicy retry;       // per stage; a stage out of attempts goes to dead_letters
    int diffConcurrency = 1; // diffs at once (each holds several full-page images)
    // Renders held between a page's OCR and its diff. Streaming renders ahead only within it;
    // batch keeps what fits and renders the rest again in the diff stage.
    qint64 memoryBudgetBytes = 512LL << 20;
    bool reuse = true; // a job of the same inputs and settings in the history is continued, not redone
    // The project a new job goes into (0: the default project); only a job of that project is reused.
    qint64 projectId = 0;
    // Give the finished job's page images back to the system (a window stays open for the next
    // job). malloc_trim holds the allocator's lock while it walks the heap (~0.1 s after a large
    // job), so it runs after the job's last signal; a process that ends with the job skips it.
    bool releaseMemoryAfterJob = true;
    // Optional AI rewrite of each changed sheet's summary (off by default). A provider setting,
    // not a comparison setting: it does not change which history job the inputs continue. On any
    // failure the deterministic summary stands; after a timeout or an unreachable endpoint the
    // job's remaining sheets do not ask again.
    AiSummaryConfig aiSummary;
    // Sheets to pair whatever the matcher says ((OLD page, NEW page), 0-based; the command line's
    // --pair): applied after matching when both are unpaired, and kept as the job's manual choices.
    QVector<QPair<int, int>> manualPairs;
    // Faults and delays injected into stages (tests only; the command line and the window read
    // them from the environment).
    StageTestingHooks testing;
};

// A job's two sets, opened and fingerprinted: the slow part of starting a job (hashing a large
// set takes seconds), so openJobInputs may run on any thread, away from a GUI.
struct JobInputs {
    std::shared_ptr<const Document> oldDoc;
    std::shared_ptr<const Document> newDoc;
    QString oldHash, newHash; // SHA-256 of the files; empty when not computed yet
    DocumentError error;      // why a set could not be opened
    bool oldFailed = false;   // error is the OLD set's (else the NEW set's)
    bool ok() const { return oldDoc && newDoc; }
};
JobInputs openJobInputs(const QString &oldPath, const QString &newPath, const QString &oldPassword,
                        const QString &newPassword, qint64 maxPixels, bool hash = true);

// The job as the history holds it: the sheet pairs with their committed diffs and summaries,
// status and summary of the job. nullopt when the history has no such job.
std::optional<ComparisonResult> storedComparison(const JobStore &store, const QString &jobId);

// The ignore areas the history holds for the page's drawing number in the project (the diff's
// per-page input).
QVector<QRectF> ignoreAreasFor(const JobStore &store, const PageResult &page,
                               qint64 projectId = HistoryDatabase::kDefaultProjectId);

// Pages of the job whose diff was made with other ignore areas than the history now holds for
// their drawing number go back to pending (diff and summary): resuming or reusing the job redoes
// them, and only them. Returns their page numbers.
QVector<int> resetPagesWithStaleIgnoreAreas(JobStore &store, const QString &jobId);
// The same for a job already read from the history (storedComparison).
QVector<int> resetPagesWithStaleIgnoreAreas(JobStore &store, const ComparisonResult &stored);

// Runs comparison jobs: matching once, then per sheet pair OCR (render + words) -> diff
// (alignment, regions, overlay) -> summary, scheduled on a thread pool, each page's stage
// committed to the history the moment it completes. Lives in (and signals on) the thread that
// created it, which needs an event loop. One job at a time.
class Pipeline : public QObject {
    Q_OBJECT
public:
    // store may be null: nothing is kept, artifacts go to settings.outputDir.
    explicit Pipeline(JobStore *store, QObject *parent = nullptr);
    ~Pipeline() override; // cancels and waits for running stages

    // Opens both sets (one-line error naming the file on failure) and starts the job, or
    // continues the history's job of the same inputs and settings (options.reuse).
    bool start(const QString &oldPath, const QString &newPath, const CompareSettings &settings,
               const PipelineOptions &options, QString *error);
    // The same with sets the caller has opened already (hashes it did not compute are computed).
    bool start(JobInputs inputs, const CompareSettings &settings, const PipelineOptions &options,
               QString *error);
    // Finishes an interrupted job of the history; stages already committed are not run again.
    // Passwords are not kept in the history: pass them again for encrypted sets.
    bool resume(const QString &jobId, const PipelineOptions &options, QString *error,
                const QString &oldPassword = QString(), const QString &newPassword = QString());
    // The same with the job's sets opened already (openJobInputs of the job's files).
    bool resume(const QString &jobId, JobInputs inputs, const PipelineOptions &options, QString *error);
    // Takes effect at once: jobFinished("cancelled") is emitted before this returns; stages still
    // running finish in the background and their results are dropped.
    void cancel();

    bool isRunning() const { return m_running; }
    QString jobId() const { return m_jobId; }
    qint64 projectId() const { return m_projectId; } // the running job's
    bool reused() const { return m_reused; }         // start() continued an existing job
    qint64 elapsedMs() const { return m_clock.isValid() ? m_clock.elapsed() : 0; }
    JobProgress progress() const;
    ComparisonResult result() const; // pages as far as they got
    // Runs a local event loop until the job finishes (command line, tests).
    void waitForFinished();
    // Blocks until the stages a cancelled job left running have ended (their results are
    // dropped when they arrive), so a test can tell that nothing more comes.
    void waitForAbandonedStages();

signals:
    void sheetsMatched(const QString &jobId, int totalPages);
    void stageChanged(const bt::StageEvent &event);
    void pageResultReady(const bt::PageResult &page); // after its diff, and again with its summary
    void jobProgress(const bt::JobProgress &progress);
    void jobFinished(const QString &jobId, bt::JobStatus status, qint64 tMs);

private:
    struct PageState;

    void begin(const JobRecord &job, const PipelineOptions &options);
    StageInput stageInput(Stage stage) const;          // the job's part of a stage's input
    void recolourOverlays(const QString &jobId) const; // a reused job's overlays in m_settings.colours
    void runMatch();
    void onMatched(QVector<PageResult> pages, const QString &error);
    void schedule();
    bool scheduleOne(Stage stage);
    void launch(int index, Stage stage);
    void onStageDone(int index, Stage stage, int generation, std::shared_ptr<StageAttempt> attempt);
    void complete(int index, Stage stage, const QJsonObject &detail);
    void fail(int index, Stage stage, const QString &error);
    void setStatus(int index, Stage stage, StageStatus status, const QString &error = QString(),
                   bool willRetry = false, const QJsonObject &detail = {});
    bool allDone(Stage stage) const;
    void publishPage(const PageResult &page, Stage stage);
    void publishFinishedStages();
    void finish(JobStatus status);
    qint64 estimatedBytes(const PageResult &page) const;
    void storeWrite(bool ok, const QString &what, const QString &error);

    JobStore *m_store;
    // Shared with the running stages: a cancelled job's stages may still be reading them when the
    // next job opens its own.
    std::shared_ptr<const Document> m_oldDoc;
    std::shared_ptr<const Document> m_newDoc;
    CompareSettings m_settings;
    PipelineOptions m_options;
    StageRunner m_runner; // runs the stages and decides their retries (options.retry, options.testing)
    QString m_jobId;
    qint64 m_projectId = HistoryDatabase::kDefaultProjectId;
    JobRecord m_job; // the running job as begin() got it (hashes, project)
    QString m_oldPath, m_newPath;
    QDateTime m_created;
    bool m_running = false;
    bool m_reused = false;
    JobStatus m_status = JobStatus::Pending;
    std::vector<PageState> m_pages;
    std::array<int, 3> m_runningCount = {0, 0, 0};
    struct Unpublished {
        StageEvent event; // a stage's final event, or (page set) its page result
        std::optional<PageResult> page;
    };
    std::vector<Unpublished> m_unpublished; // batch: results of stages not yet finished for all pages
    qint64 m_heldBytes = 0;
    int m_generation = 0; // bumped per job: late results of a cancelled job are ignored
    std::shared_ptr<CancelFlag> m_cancel;
    // Set by a summary stage whose AI endpoint could not be reached in time: the job's other
    // sheets keep their deterministic summaries without waiting for it. One per job.
    std::shared_ptr<std::atomic<bool>> m_aiUnavailable;
    QElapsedTimer m_clock;
    QThreadPool m_pool;       // matching, diffs, summaries
    QThreadPool m_renderPool; // the OCR stage: a thread per render helper, below normal priority
    // Identification of every sheet. Not the global pool: Qt's raster engine splits large fills
    // over that one and a window's paint event waits for them behind any long task queued there.
    QThreadPool m_identifyPool;
};

} // namespace bt

Q_DECLARE_METATYPE(bt::StageEvent)
Q_DECLARE_METATYPE(bt::JobProgress)
Q_DECLARE_METATYPE(bt::PageResult)
