#include "pipeline.h"

#include "allocator.h"
#include "compare/ignoreareas.h"
#include "compare/resultjson.h"
#include "diff/overlay.h"
#include "diff/pngwriter.h"
#include "render/renderpool.h"
#include "review/reviewcarry.h"
#include "store/manualchoicestore.h"
#include "storedjob.h"
#include "summary/summary.h"

#include <QCryptographicHash>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QTimer>
#include <QUuid>

#include <stdexcept>
#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace bt {

namespace {

QString fileSha256(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return QString::fromLatin1(hash.result().toHex());
}

// The pipeline's work yields to the thread that shows it: a window's event loop gets a core
// the moment it wakes (on a busy two-core laptop, within milliseconds rather than a time slice).
// The OCR lane renders ahead for later pages; it should use the core the running diff leaves
// idle, not slow that diff down (the user is waiting for its overlay), so it is niced further.
// Qt cannot lower a SCHED_OTHER thread's priority on Linux, the thread's nice value can.
constexpr int kWorkerNice = 5;
constexpr int kRenderLaneNice = kWorkerNice + 10;
void lowerThreadPriority(int nice) {
#ifdef Q_OS_LINUX
    setpriority(PRIO_PROCESS, pid_t(syscall(SYS_gettid)), nice);
#else
    QThread::currentThread()->setPriority(nice > kWorkerNice ? QThread::LowestPriority
                                                             : QThread::LowPriority);
#endif
}

int stageCap(Stage stage, const PipelineOptions &options) {
    // Pages render in the render helpers (RenderPool): one OCR stage per helper.
    if (stage == Stage::Ocr) return RenderPool::instance().processCount();
    return stage == Stage::Diff ? std::max(1, options.diffConcurrency) : 1;
}

} // namespace

std::optional<ComparisonResult> storedComparison(const JobStore &store, const QString &jobId) {
    const std::optional<StoredJob> job = StoredJob::read(store, jobId);
    if (!job) return std::nullopt;
    return job->comparison();
}

QVector<QRectF> ignoreAreasFor(const JobStore &store, const PageResult &page, qint64 projectId) {
    QVector<QRectF> areas;
    if (page.match != MatchKind::Matched || page.drawingName().isEmpty()) return areas;
    const qint64 project = projectId > 0 ? projectId : HistoryDatabase::kDefaultProjectId;
    for (const IgnoreRegion &r : store.reviewStore().ignoreRegions(project, page.drawingName()))
        areas.append(r.rectPt);
    return areas;
}

QVector<int> resetPagesWithStaleIgnoreAreas(JobStore &store, const QString &jobId) {
    const std::optional<ComparisonResult> stored = storedComparison(store, jobId);
    return stored ? resetPagesWithStaleIgnoreAreas(store, *stored) : QVector<int>();
}

QVector<int> resetPagesWithStaleIgnoreAreas(JobStore &store, const ComparisonResult &stored) {
    QVector<int> reset;
    const std::optional<JobRecord> job = store.job(stored.jobId);
    const qint64 project = job ? job->projectId : HistoryDatabase::kDefaultProjectId;
    for (const PageResult &page : stored.pages) {
        if (!page.diffDone || sameAreas(page.ignoredPt, ignoreAreasFor(store, page, project))) continue;
        QString e;
        if (store.resetStages(stored.jobId, page.pageNumber, {Stage::Diff, Stage::Summary}, &e) < 0)
            qWarning("history: cannot reset page %d: %s", page.pageNumber, qPrintable(e));
        else
            reset.append(page.pageNumber);
    }
    return reset;
}

QString pipelineModeName(PipelineMode mode) {
    return mode == PipelineMode::Batch ? QStringLiteral("batch") : QStringLiteral("streaming");
}

std::optional<PipelineMode> pipelineModeFromName(const QString &name) {
    for (const PipelineMode mode : {PipelineMode::Streaming, PipelineMode::Batch})
        if (pipelineModeName(mode) == name) return mode;
    return std::nullopt;
}

struct Pipeline::PageState {
    PageResult page;
    std::array<StageStatus, 3> status = {StageStatus::Pending, StageStatus::Pending, StageStatus::Pending};
    std::array<int, 3> attempts = {0, 0, 0};
    std::array<bool, 3> running = {false, false, false};
    std::array<bool, 3> waitingRetry = {false, false, false};
    std::shared_ptr<LoadedPair> loaded; // OCR output held for the diff
};

Pipeline::Pipeline(JobStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_cancel(std::make_shared<CancelFlag>(false))
    , m_aiUnavailable(std::make_shared<std::atomic<bool>>(false)) {
    qRegisterMetaType<bt::StageEvent>();
    qRegisterMetaType<bt::JobProgress>();
    qRegisterMetaType<bt::PageResult>();
}

Pipeline::~Pipeline() {
    m_cancel->store(true);
    m_renderPool.waitForDone();
    m_pool.waitForDone();
}

void Pipeline::storeWrite(bool ok, const QString &what, const QString &error) {
    if (!ok) qWarning("history: cannot %s: %s", qPrintable(what), qPrintable(error));
}

JobInputs openJobInputs(const QString &oldPath, const QString &newPath, const QString &oldPassword,
                        const QString &newPassword, qint64 maxPixels, bool hash) {
    JobInputs in;
    in.oldDoc = Document::open(oldPath, oldPassword, &in.error, maxPixels);
    in.oldFailed = !in.oldDoc;
    if (in.oldDoc) in.newDoc = Document::open(newPath, newPassword, &in.error, maxPixels);
    if (in.ok() && hash) {
        in.oldHash = fileSha256(in.oldDoc->path());
        in.newHash = fileSha256(in.newDoc->path());
    }
    return in;
}

bool Pipeline::start(const QString &oldPath, const QString &newPath, const CompareSettings &settings,
                     const PipelineOptions &options, QString *error) {
    return start(openJobInputs(oldPath, newPath, settings.oldPassword, settings.newPassword,
                               settings.maxPixels, m_store != nullptr),
                 settings, options, error);
}

bool Pipeline::start(JobInputs inputs, const CompareSettings &settings, const PipelineOptions &options,
                     QString *error) {
    if (m_running) {
        if (error) *error = EngineText::translate("bt::Pipeline", "a job is already running");
        return false;
    }
    if (!inputs.ok()) {
        if (error) *error = inputs.error.message;
        return false;
    }
    m_settings = settings;
    m_oldDoc = std::move(inputs.oldDoc);
    m_newDoc = std::move(inputs.newDoc);

    JobRecord job;
    job.oldFile = QFileInfo(m_oldDoc->path()).absoluteFilePath();
    job.newFile = QFileInfo(m_newDoc->path()).absoluteFilePath();
    job.settings = settings.toJson();
    job.mode = pipelineModeName(options.mode);
    m_reused = false;
    if (m_store) {
        job.oldHash = inputs.oldHash.isEmpty() ? fileSha256(job.oldFile) : inputs.oldHash;
        job.newHash = inputs.newHash.isEmpty() ? fileSha256(job.newFile) : inputs.newHash;
        job.projectId = options.projectId > 0 ? options.projectId : HistoryDatabase::kDefaultProjectId;
        if (options.reuse) {
            if (const auto existing =
                    m_store->findJob(job.oldHash, job.newHash, job.settings, job.projectId)) {
                m_reused = true;
                // Finished pages are reused; pages that failed get another chance.
                QString e;
                if (m_store->resetFailedStages(existing->id, 0, &e) < 0)
                    storeWrite(false, QStringLiteral("reset failed stages"), e);
                recolourOverlays(existing->id);
                begin(*existing, options);
                return true;
            }
        }
    }
    job.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    job.status = JobStatus::InProgress;
    job.createdAt = QDateTime::currentDateTimeUtc();
    if (m_store) {
        QString e;
        if (!m_store->createJob(job, &e)) {
            if (error)
                *error = EngineText::translate("bt::Pipeline", "%1: cannot record the job (%2)")
                             .arg(m_store->path(), e);
            return false;
        }
    }
    begin(job, options);
    return true;
}

bool Pipeline::resume(const QString &jobId, const PipelineOptions &options, QString *error,
                      const QString &oldPassword, const QString &newPassword) {
    const std::optional<JobRecord> job = m_store ? m_store->job(jobId) : std::nullopt;
    if (!job) {
        if (error) *error = EngineText::translate("bt::Pipeline", "no job %1 in the history").arg(jobId);
        return false;
    }
    const qint64 maxPixels = CompareSettings::fromJson(job->settings).maxPixels;
    return resume(jobId, openJobInputs(job->oldFile, job->newFile, oldPassword, newPassword, maxPixels),
                  options, error);
}

bool Pipeline::resume(const QString &jobId, JobInputs inputs, const PipelineOptions &options,
                      QString *error) {
    if (m_running) {
        if (error) *error = EngineText::translate("bt::Pipeline", "a job is already running");
        return false;
    }
    const std::optional<JobRecord> job = m_store ? m_store->job(jobId) : std::nullopt;
    if (!job) {
        if (error) *error = EngineText::translate("bt::Pipeline", "no job %1 in the history").arg(jobId);
        return false;
    }
    if (!inputs.ok()) {
        if (error) *error = inputs.error.message;
        return false;
    }
    // Results are only valid for the files they were computed from.
    for (const auto &[doc, hash, known] : {std::tuple(inputs.oldDoc.get(), job->oldHash, inputs.oldHash),
                                           std::tuple(inputs.newDoc.get(), job->newHash, inputs.newHash)}) {
        if (!hash.isEmpty() && (known.isEmpty() ? fileSha256(doc->path()) : known) != hash) {
            if (error)
                *error = EngineText::translate("bt::Pipeline", "%1: the file changed since job %2 ran")
                             .arg(doc->path(), jobId);
            return false;
        }
    }
    m_settings = CompareSettings::fromJson(job->settings);
    m_oldDoc = std::move(inputs.oldDoc);
    m_newDoc = std::move(inputs.newDoc);
    PipelineOptions o = options;
    o.mode = pipelineModeFromName(job->mode).value_or(PipelineMode::Streaming);
    begin(*job, o);
    return true;
}

void Pipeline::begin(const JobRecord &job, const PipelineOptions &options) {
    ++m_generation;
    m_cancel = std::make_shared<CancelFlag>(false);
    m_aiUnavailable = std::make_shared<std::atomic<bool>>(false);
    m_options = options;
    m_runner = StageRunner(options.retry, options.testing);
    m_jobId = job.id;
    m_projectId = job.projectId > 0 ? job.projectId : HistoryDatabase::kDefaultProjectId;
    m_job = job;
    m_job.projectId = m_projectId;
    m_oldPath = job.oldFile;
    m_newPath = job.newFile;
    m_created = job.createdAt.isValid() ? job.createdAt : QDateTime::currentDateTimeUtc();
    m_status = JobStatus::InProgress;
    m_pages.clear();
    m_unpublished.clear();
    m_runningCount = {0, 0, 0};
    m_heldBytes = 0;
    m_pool.setMaxThreadCount(2 + stageCap(Stage::Diff, options));
    m_renderPool.setMaxThreadCount(stageCap(Stage::Ocr, options));
    if (m_store) m_settings.outputDir = m_store->artifactDir(m_jobId);
    if (!m_settings.outputDir.isEmpty()) QDir().mkpath(m_settings.outputDir);
    m_running = true;
    m_clock.start();

    // Continue from the history: committed stages stay done, interrupted ones run again, and so
    // do pages whose ignore areas changed since their diff (only their stage rows change).
    const std::optional<ComparisonResult> stored =
        m_store ? storedComparison(*m_store, m_jobId) : std::nullopt;
    if (stored) resetPagesWithStaleIgnoreAreas(*m_store, *stored);
    if (m_store && job.status != JobStatus::InProgress)
        storeWrite(m_store->setJobStatus(m_jobId, JobStatus::InProgress), QStringLiteral("mark job"),
                   QString());
    if (!stored || stored->pages.isEmpty()) {
        QMetaObject::invokeMethod(this, &Pipeline::runMatch, Qt::QueuedConnection);
        return;
    }
    for (const PageResult &page : stored->pages) {
        PageState ps;
        ps.page = page;
        m_pages.push_back(ps);
    }
    for (const StageRecord &r : m_store->stages(m_jobId)) {
        if (r.pageNumber < 1 || r.pageNumber > int(m_pages.size())) continue;
        PageState &ps = m_pages[size_t(r.pageNumber - 1)];
        ps.status[size_t(r.stage)] = isFinished(r.status) ? r.status : StageStatus::Pending;
        ps.attempts[size_t(r.stage)] = r.attempts;
    }
    QVector<PageResult> restored;
    for (PageState &ps : m_pages) {
        StageStatus &diff = ps.status[size_t(Stage::Diff)], &summary = ps.status[size_t(Stage::Summary)];
        // A diff whose overlay was deleted behind our back runs again.
        if (diff == StageStatus::Completed &&
            (!ps.page.overlayPath.isEmpty() ? !QFileInfo::exists(ps.page.overlayPath)
                                            : ps.page.match == MatchKind::Matched && !ps.page.diffDone))
            diff = summary = StageStatus::Pending;
        // A summary describes its diff: a diff that runs again (retry) gets a new summary.
        if (!isFinished(diff)) summary = StageStatus::Pending;
        // With the AI provider on, a changed sheet it has not rewritten (it was off, failed, or
        // another model was set) is summarised again: only this stage, the diff stands.
        if (summary == StageStatus::Completed && options.aiSummary.isActive() && isWorthRewriting(ps.page) &&
            ps.page.summaryAiModel != options.aiSummary.modelLabel())
            summary = StageStatus::Pending;
        if (summary != StageStatus::Completed) {
            ps.page.summaryText.clear();
            ps.page.summaryAiModel.clear();
            ps.page.deterministicSummary.clear();
        }
        if (diff == StageStatus::Completed) restored.append(ps.page);
    }
    QMetaObject::invokeMethod(
        this,
        [this, restored, generation = m_generation] {
            if (generation != m_generation) return;
            emit sheetsMatched(m_jobId, int(m_pages.size()));
            for (const PageResult &p : restored)
                emit pageResultReady(p);
            schedule();
        },
        Qt::QueuedConnection);
}

void Pipeline::recolourOverlays(const QString &jobId) const {
    const std::optional<ComparisonResult> stored = storedComparison(*m_store, jobId);
    if (!stored) return;
    const QVector<QRgb> palette = overlayPalette(m_settings.colours);
    for (const PageResult &page : stored->pages) {
        QString e;
        if (page.diffDone && !page.overlayPath.isEmpty() && QFileInfo::exists(page.overlayPath) &&
            !replaceIndexedPngPalette(page.overlayPath, palette, &e))
            qWarning("%s: overlay of page %d not recoloured: %s", qPrintable(jobId), page.pageNumber,
                     qPrintable(e));
    }
}

StageInput Pipeline::stageInput(Stage stage) const {
    StageInput in;
    in.stage = stage;
    in.jobId = m_jobId;
    in.oldDoc = m_oldDoc;
    in.newDoc = m_newDoc;
    in.settings = m_settings;
    return in;
}

void Pipeline::runMatch() {
    if (!m_running) return;
    StageInput in = stageInput(Stage::Match);
    in.identifyPool = &m_identifyPool;
    const std::shared_ptr<CancelFlag> cancel = m_cancel;
    const int generation = m_generation;
    m_pool.start([this, runner = m_runner, in = std::move(in), cancel, generation]() mutable {
        lowerThreadPriority(kWorkerNice);
        // Matching is not retried here: it reads only the two files this process has open (the
        // server retries it, as every stage, because its worker may die on another machine).
        StageAttempt attempt = runner.run(std::move(in), cancel.get());
        if (attempt.cancelled) return;
        QMetaObject::invokeMethod(
            this,
            [this, pages = attempt.output.pages, error = attempt.error, generation] {
                if (generation == m_generation) onMatched(pages, error);
            },
            Qt::QueuedConnection);
    });
}

void Pipeline::onMatched(QVector<PageResult> pages, const QString &error) {
    if (!m_running) return;
    if (!error.isEmpty()) {
        qWarning("%s: sheet matching failed: %s", qPrintable(m_jobId), qPrintable(error));
        finish(JobStatus::Failed);
        return;
    }
    // What users decided by hand on these files (or these drawing numbers) before.
    if (m_store)
        pages = applyManualChoices(
            pages, ManualChoiceStore(*m_store).choicesFor(m_job.oldHash, m_job.newHash, m_jobId),
            [doc = m_oldDoc](int page) { return doc->pageSizePt(page); });
    // Pairs asked for with this job (--pair): applied last, so they win, and kept with the job.
    QVector<ManualChoice> asked;
    for (const auto &[oldPage, newPage] : std::as_const(m_options.manualPairs)) {
        ManualChoice c;
        c.jobId = m_jobId;
        c.oldPage = oldPage;
        c.newPage = newPage;
        c.sameFiles = true;
        asked.append(c);
    }
    pages = applyManualChoices(pages, asked, {});
    for (ManualChoice &c : asked) {
        const auto pair = std::find_if(pages.begin(), pages.end(), [&c](const PageResult &p) {
            return p.match == MatchKind::Matched && p.oldPage == c.oldPage && p.newPage == c.newPage;
        });
        if (pair == pages.end() || pair->matchMethod != QLatin1String("manual") || !m_store) continue;
        c.oldNumber = pair->oldIdentity.number;
        c.newNumber = pair->newIdentity.number;
        QString e;
        storeWrite(ManualChoiceStore(*m_store).addChoice(c, &e) > 0,
                   QStringLiteral("record a manual pairing"), e);
    }
    QVector<QJsonObject> skeletons;
    for (PageResult &p : pages) {
        // What the history will give back on resumption, so both runs continue from equal pages.
        p = pageResultFromJson(pageResultToJson(p, m_jobId));
        skeletons.append(pageResultToJson(p, m_jobId));
        PageState ps;
        ps.page = p;
        m_pages.push_back(ps);
    }
    if (m_store) {
        QString e;
        storeWrite(m_store->setJobPages(m_jobId, skeletons, &e), QStringLiteral("record the sheet pairs"), e);
    }
    emit sheetsMatched(m_jobId, int(m_pages.size()));
    schedule();
}

bool Pipeline::allDone(Stage stage) const {
    return std::all_of(m_pages.begin(), m_pages.end(),
                       [stage](const PageState &p) { return isFinished(p.status[size_t(stage)]); });
}

qint64 Pipeline::estimatedBytes(const PageResult &page) const {
    const QSizeF oldSize = m_oldDoc->pageSizePt(page.oldPage), newSize = m_newDoc->pageSizePt(page.newPage);
    const auto [oldDpi, newDpi] = pairDpis(oldSize, newSize, m_settings.dpi);
    auto pixels = [this](QSizeF size, double requestedDpi) {
        const double dpi = cappedDpi(size, requestedDpi, m_settings.maxPixels);
        return qint64(size.width() * pixelsPerPoint(dpi) * size.height() * pixelsPerPoint(dpi));
    };
    return pixels(oldSize, oldDpi) + pixels(newSize, newDpi);
}

void Pipeline::schedule() {
    if (!m_running) return;
    // Later stages first: the user waits for results, not for renders. A stage that ends without
    // a worker (an added or removed sheet's render and diff, a diff whose OCR failed) makes a
    // stage listed before it due, and no worker will call back here for it: go round until a
    // round starts nothing.
    for (bool progressed = true; progressed;) {
        progressed = false;
        publishFinishedStages();
        for (const Stage stage : {Stage::Summary, Stage::Diff, Stage::Ocr})
            while (scheduleOne(stage)) {
                if (!m_running) return;
                progressed = true;
            }
    }
    const bool busy = std::any_of(m_runningCount.begin(), m_runningCount.end(), [](int n) { return n > 0; });
    if (!busy && allDone(Stage::Summary)) {
        const bool errors = std::any_of(m_pages.begin(), m_pages.end(), [](const PageState &p) {
            return !p.page.error.isEmpty() ||
                   std::any_of(p.status.begin(), p.status.end(),
                               [](StageStatus s) { return s == StageStatus::Failed; });
        });
        finish(errors ? JobStatus::CompletedWithErrors : JobStatus::Completed);
    }
}

bool Pipeline::scheduleOne(Stage stage) {
    const size_t s = size_t(stage);
    if (m_runningCount[s] >= stageCap(stage, m_options)) return false;
    const Stage previous = stage == Stage::Summary ? Stage::Diff : Stage::Ocr;
    if (stage != Stage::Ocr && m_options.mode == PipelineMode::Batch && !allDone(previous)) return false;
    for (int i = 0; i < int(m_pages.size()); ++i) {
        PageState &ps = m_pages[size_t(i)];
        if (ps.status[s] != StageStatus::Pending || ps.running[s] || ps.waitingRetry[s]) continue;
        if (stage != Stage::Ocr && !isFinished(ps.status[size_t(previous)])) continue;
        // Added and removed sheets have nothing to render or compare.
        if (stage != Stage::Summary && ps.page.match != MatchKind::Matched) {
            complete(i, stage, {});
            return true;
        }
        if (stage != Stage::Ocr && ps.status[size_t(previous)] == StageStatus::Failed) {
            const QString notRun = StageRunner::notRunReason(stage, previous);
            if (!notRun.isEmpty()) {
                setStatus(i, stage, StageStatus::Failed, notRun);
                return true;
            }
        }
        // Streaming renders ahead of the diff only while the held renders fit the budget.
        if (stage == Stage::Ocr && m_options.mode == PipelineMode::Streaming && m_heldBytes > 0 &&
            m_heldBytes + estimatedBytes(ps.page) > m_options.memoryBudgetBytes)
            return false;
        launch(i, stage);
        return true;
    }
    return false;
}

void Pipeline::launch(int index, Stage stage) {
    PageState &ps = m_pages[size_t(index)];
    const size_t s = size_t(stage);
    ps.running[s] = true;
    ++m_runningCount[s];
    ++ps.attempts[s];
    setStatus(index, stage, StageStatus::InProgress);

    StageInput in = stageInput(stage);
    in.page = ps.page;
    // The areas this sheet's diff leaves out are an input of it, recorded with its result.
    if (stage == Stage::Diff && m_store) in.page.ignoredPt = ignoreAreasFor(*m_store, in.page, m_projectId);
    if (stage == Stage::Diff && ps.loaded) {
        m_heldBytes -= ps.loaded->bytes();
        in.loaded = std::move(ps.loaded);
    }
    in.ai = m_options.aiSummary;
    in.aiUnavailable = m_aiUnavailable;
    const std::shared_ptr<CancelFlag> cancel = m_cancel;
    const int generation = m_generation;
    QThreadPool &pool = stage == Stage::Ocr ? m_renderPool : m_pool;
    pool.start([this, runner = m_runner, in = std::move(in), cancel, generation, index, stage]() mutable {
        lowerThreadPriority(stage == Stage::Ocr ? kRenderLaneNice : kWorkerNice);
        auto attempt = std::make_shared<StageAttempt>(runner.run(std::move(in), cancel.get()));
        QMetaObject::invokeMethod(
            this,
            [this, index, stage, generation, attempt] { onStageDone(index, stage, generation, attempt); },
            Qt::QueuedConnection);
    });
}

void Pipeline::onStageDone(int index, Stage stage, int generation, std::shared_ptr<StageAttempt> attempt) {
    if (generation != m_generation || !m_running) return; // a cancelled job's late result
    PageState &ps = m_pages[size_t(index)];
    const size_t s = size_t(stage);
    ps.running[s] = false;
    --m_runningCount[s];
    if (attempt->cancelled) return;
    if (!attempt->error.isEmpty()) {
        fail(index, stage, attempt->error);
        schedule();
        return;
    }
    const int n = ps.page.pageNumber;
    QString e;
    switch (stage) {
    case Stage::Ocr: {
        const qint64 bytes = attempt->output.loaded->bytes();
        // Batch keeps what fits the budget; the rest is rendered again by its diff.
        if (m_heldBytes + bytes <= m_options.memoryBudgetBytes || m_heldBytes == 0) {
            ps.loaded = attempt->output.loaded;
            m_heldBytes += bytes;
        }
        complete(index, stage, {});
        break;
    }
    case Stage::Diff: {
        // A page compared again numbers its regions anew: its reviews follow their regions.
        if (m_store && ps.page.diffDone && !m_store->reviewStore().reviews(m_jobId, n).isEmpty())
            storeWrite(m_store->reviewStore().remapReviews(
                           m_jobId, n, matchRegions(ps.page.regions, attempt->output.page.regions), &e),
                       QStringLiteral("carry the reviews of page %1 over").arg(n), e);
        const bool firstDiff = !ps.page.diffDone;
        ps.page = attempt->output.page;
        if (m_store)
            storeWrite(m_store->saveDiffResult(m_jobId, n, ps.page.drawingName(), ps.page.overlayPath,
                                               pageResultToJson(ps.page, m_jobId), &e),
                       QStringLiteral("save the diff of page %1").arg(n), e);
        // A sheet compared before in the project takes the reviews of its regions that match.
        if (m_store && firstDiff)
            storeWrite(carryReviews(*m_store, m_job, ps.page, &e) >= 0,
                       QStringLiteral("carry the reviews of earlier comparisons to page %1").arg(n), e);
        complete(index, stage,
                 {{QStringLiteral("change_count"), int(ps.page.regions.size())},
                  {QStringLiteral("overlay_path"), ps.page.overlayPath}});
        publishPage(ps.page, stage);
        break;
    }
    case Stage::Summary: {
        ps.page.summaryText = attempt->output.summary.text;
        ps.page.summaryAiModel = attempt->output.summary.aiModel;
        ps.page.deterministicSummary = attempt->output.summary.deterministicText;
        if (m_store)
            storeWrite(m_store->saveSummary(m_jobId, n, attempt->output.summary, &e),
                       QStringLiteral("save the summary of page %1").arg(n), e);
        QJsonObject detail{{QStringLiteral("summary_text"), attempt->output.summary.text}};
        if (!attempt->output.summary.aiModel.isEmpty())
            detail.insert(QStringLiteral("summary_ai_model"), attempt->output.summary.aiModel);
        complete(index, stage, detail);
        publishPage(ps.page, stage);
        break;
    }
    case Stage::Match:
        break;
    }
    schedule();
}

void Pipeline::complete(int index, Stage stage, const QJsonObject &detail) {
    setStatus(index, stage, StageStatus::Completed, QString(), false, detail);
}

void Pipeline::fail(int index, Stage stage, const QString &error) {
    PageState &ps = m_pages[size_t(index)];
    const int attempts = ps.attempts[size_t(stage)];
    const FailureVerdict verdict = m_runner.afterFailure(attempts);
    if (!verdict.deadLetter) {
        // Back off and try again; the page stays pending meanwhile.
        ps.waitingRetry[size_t(stage)] = true;
        setStatus(index, stage, StageStatus::Failed, error, true);
        ps.status[size_t(stage)] = StageStatus::Pending;
        QTimer::singleShot(int(verdict.retryInMs), this, [this, index, stage, generation = m_generation] {
            if (generation != m_generation) return;
            m_pages[size_t(index)].waitingRetry[size_t(stage)] = false;
            schedule();
        });
        return;
    }
    ps.page.error = error;
    if (m_store) {
        QString e;
        storeWrite(m_store->addDeadLetter(m_jobId, ps.page.pageNumber, stage, error,
                                          m_runner.attemptsToRecord(attempts), &e),
                   QStringLiteral("record a dead letter"), e);
    }
    setStatus(index, stage, StageStatus::Failed, error);
}

void Pipeline::setStatus(int index, Stage stage, StageStatus status, const QString &error, bool willRetry,
                         const QJsonObject &detail) {
    PageState &ps = m_pages[size_t(index)];
    ps.status[size_t(stage)] = status;
    StageEvent event;
    event.jobId = m_jobId;
    event.pageNumber = ps.page.pageNumber;
    event.stage = stage;
    event.status = status;
    event.tMs = m_clock.elapsed();
    event.attempt = ps.attempts[size_t(stage)];
    event.willRetry = willRetry;
    event.error = error;
    event.detail = detail;
    if (m_store) {
        // A failed attempt that will be retried is recorded as pending with its error.
        const StageStatus stored = willRetry ? StageStatus::Pending : status;
        QString e;
        storeWrite(m_store->setStage(m_jobId, event.pageNumber, stage, stored, error, event.attempt, &e),
                   QStringLiteral("record a stage"), e);
    }
    // Batch publishes a stage's results together, once every page has been through it (they are
    // committed above the moment each finishes, so a crash loses nothing).
    const bool terminal = status == StageStatus::Completed || (status == StageStatus::Failed && !willRetry);
    if (m_options.mode == PipelineMode::Batch && terminal) {
        m_unpublished.push_back({event, std::nullopt});
        return;
    }
    emit stageChanged(event);
    emit jobProgress(progress());
}

void Pipeline::publishPage(const PageResult &page, Stage stage) {
    if (m_options.mode == PipelineMode::Batch) {
        StageEvent marker;
        marker.stage = stage;
        m_unpublished.push_back({marker, page});
        return;
    }
    emit pageResultReady(page);
}

void Pipeline::publishFinishedStages() {
    for (const Stage stage : kStages) {
        if (!allDone(stage)) break; // stages finish in order in batch
        std::vector<Unpublished> now, later;
        for (Unpublished &u : m_unpublished)
            (u.event.stage == stage ? now : later).push_back(std::move(u));
        m_unpublished = std::move(later);
        const qint64 t = m_clock.elapsed();
        for (Unpublished &u : now) {
            if (u.page) {
                emit pageResultReady(*u.page);
                continue;
            }
            u.event.detail.insert(QStringLiteral("finished_t_ms"), u.event.tMs); // when it really finished
            u.event.tMs = t;
            emit stageChanged(u.event);
        }
        if (!now.empty()) emit jobProgress(progress());
    }
}

void Pipeline::finish(JobStatus status) {
    publishFinishedStages();
    m_unpublished.clear();
    m_running = false;
    m_status = status;
    for (PageState &ps : m_pages)
        ps.loaded.reset();
    m_heldBytes = 0;
    QVector<PageResult> pages;
    for (const PageState &ps : m_pages)
        pages.append(ps.page);
    if (m_store) {
        QString e;
        storeWrite(m_store->setJobSummary(m_jobId, summariseJob(pages, TextLanguage::English), &e),
                   QStringLiteral("save the job summary"), e);
        storeWrite(m_store->setJobStatus(m_jobId, status, &e), QStringLiteral("finish the job"), e);
    }
    emit jobProgress(progress());
    emit jobFinished(m_jobId, status, m_clock.elapsed());
    // On the pool, not the thread that shows the job (see PipelineOptions::releaseMemoryAfterJob).
    if (m_options.releaseMemoryAfterJob) m_pool.start(releaseFreeMemory);
}

void Pipeline::cancel() {
    if (!m_running) return;
    m_cancel->store(true);
    ++m_generation; // results still on their way belong to no job now
    m_runningCount = {0, 0, 0};
    finish(JobStatus::Cancelled);
}

JobProgress Pipeline::progress() const {
    JobProgress p;
    p.jobId = m_jobId;
    p.status = m_status;
    p.mode = pipelineModeName(m_options.mode);
    p.oldFile = m_oldPath;
    p.newFile = m_newPath;
    p.totalPages = int(m_pages.size());
    for (const PageState &ps : m_pages) {
        PageProgress page = progressOf(ps.page);
        page.status = ps.status;
        page.attempts = ps.attempts;
        p.pages.append(page);
    }
    if (!m_running) {
        QVector<PageResult> pages;
        for (const PageState &ps : m_pages)
            pages.append(ps.page);
        p.summaryText = summariseJob(pages, TextLanguage::English);
    }
    return p;
}

ComparisonResult Pipeline::result() const {
    ComparisonResult r;
    r.jobId = m_jobId;
    r.oldPath = m_oldPath;
    r.newPath = m_newPath;
    r.started = m_created;
    r.status = m_status;
    for (const PageState &ps : m_pages)
        r.pages.append(ps.page);
    return r;
}

void Pipeline::waitForAbandonedStages() {
    m_renderPool.waitForDone();
    m_pool.waitForDone();
}

void Pipeline::waitForFinished() {
    if (!m_running) return;
    QEventLoop loop;
    connect(this, &Pipeline::jobFinished, &loop, &QEventLoop::quit);
    loop.exec();
}

} // namespace bt
