#include "jobcontroller.h"

#include "sync/remotemirror.h"

#include <QFileInfo>
#include <QFutureWatcher>
#include <QSettings>
#include <QThreadPool>
#include <QtConcurrent>

#include <utility>

namespace bt::ui {

namespace {
const char kCurrentProjectKey[] = "project/current"; // QSettings: the project new comparisons go into
}

JobController::PendingJob JobController::PendingJob::resuming(const JobRecord &record) {
    PendingJob job;
    job.resumeId = record.id;
    job.oldPath = record.oldFile;
    job.newPath = record.newFile;
    return job;
}

JobController::JobController(QThreadPool *pool, QObject *parent)
    : QObject(parent)
    , m_pool(pool)
    , m_settings(GuiSettings::load()) {}

JobController::~JobController() = default;

void JobController::setSettings(const GuiSettings &settings) {
    m_settings = settings;
    setUpSync();
    emit settingsChanged();
}

// ---- the history ---------------------------------------------------------------------------------

QString JobController::storePath() const {
    return QFileInfo(m_settings.effectiveDatabasePath()).absoluteFilePath();
}

JobController::StoreState JobController::ensureStore(QString *error) {
    const QString path = storePath();
    if (m_store && m_store->path() == path) return StoreState::Open;
    if (isRunning()) return m_store ? StoreState::Open : StoreState::Failed; // moves once the job is over
    m_pipeline.reset();
    m_retiredPipelines.clear();
    if (m_sync) {
        m_sync.reset();
        emit syncChanged(nullptr);
    }
    if (m_store) {
        emit storeChanged(nullptr);
        m_store.reset();
    }
    auto store = std::make_unique<JobStore>(path);
    QString problem;
    if (!store->open(&problem)) {
        if (error) *error = problem;
        // The store goes out of scope here: no connection is left on a file moved aside next.
        return store->problem() == StoreProblem::Damaged ? StoreState::Damaged : StoreState::Failed;
    }
    m_store = std::move(store);
    newPipeline();
    const qint64 remembered = QSettings().value(QLatin1String(kCurrentProjectKey)).toLongLong();
    m_projectId = remembered > 0 && m_store->projectStore().project(remembered)
                      ? remembered
                      : HistoryDatabase::kDefaultProjectId;
    emit storeChanged(m_store.get());
    emit projectsChanged();
    setUpSync();
    return StoreState::Open;
}

// ---- projects --------------------------------------------------------------------------------------

std::optional<ProjectRecord> JobController::currentProject() const {
    return m_store ? m_store->projectStore().project(m_projectId) : std::nullopt;
}

QVector<ProjectRecord> JobController::projects() const {
    return m_store ? m_store->projectStore().projects() : QVector<ProjectRecord>();
}

bool JobController::setCurrentProject(qint64 projectId) {
    if (!m_store || !m_store->projectStore().project(projectId)) return false;
    if (projectId == m_projectId) return true;
    m_projectId = projectId;
    QSettings().setValue(QLatin1String(kCurrentProjectKey), projectId);
    emit projectsChanged();
    return true;
}

qint64 JobController::addProject(const ProjectRecord &project, QString *error) {
    const qint64 id = m_store ? m_store->projectStore().addProject(project, error) : 0;
    if (id <= 0) return 0;
    setCurrentProject(id);
    return id;
}

bool JobController::updateProject(const ProjectRecord &project, QString *error) {
    if (!m_store || !m_store->projectStore().updateProject(project, error)) return false;
    emit projectsChanged();
    emit historyChanged(); // the history groups jobs under the project's name
    return true;
}

std::optional<JobRecord> JobController::job(const QString &jobId) const {
    return m_store ? m_store->job(jobId) : std::nullopt;
}

// ---- starting, resuming, cancelling ----------------------------------------------------------------

bool JobController::isRunning() const {
    return m_opening || (m_pipeline && m_pipeline->isRunning());
}

bool JobController::compare(const QString &oldPath, const QString &newPath, bool onServer) {
    if (isRunning() || oldPath.isEmpty() || newPath.isEmpty() || !m_store) return false;
    if (onServer && (!m_settings.serverConfig().isValid() || !m_sync)) return false;
    PendingJob job;
    job.oldPath = oldPath;
    job.newPath = newPath;
    job.onServer = onServer;
    openInputs(job);
    return true;
}

JobController::ResumeResult JobController::resume(const QString &jobId) {
    if (isRunning() || !m_store) return ResumeResult::Refused;
    const std::optional<JobRecord> record = m_store->job(jobId);
    if (!record) return ResumeResult::Refused;
    if (!isResumable(record->status)) return ResumeResult::NotResumable;
    openInputs(PendingJob::resuming(*record));
    return ResumeResult::Started;
}

bool JobController::redoSheet(int pageNumber) {
    if (isRunning() || !m_store || m_currentJob.isEmpty()) return false;
    const std::optional<JobRecord> record = m_store->job(m_currentJob);
    if (!record) return false;
    m_redoPage = pageNumber;
    // Resuming redoes exactly the pages whose ignore areas changed (resetPagesWithStaleIgnoreAreas).
    openInputs(PendingJob::resuming(*record));
    return true;
}

bool JobController::pairSheets(int removedPage, int addedPage) {
    return startManualEdit({ManualChoiceKind::Pair, removedPage, addedPage, {}}, 0);
}

bool JobController::unpairSheet(int pageNumber) {
    return startManualEdit({ManualChoiceKind::Unpair, pageNumber, 0, {}}, 0);
}

bool JobController::alignByPoints(int pageNumber, const PointPairs &points) {
    return startManualEdit({ManualChoiceKind::Align, pageNumber, 0, points}, pageNumber);
}

bool JobController::startManualEdit(const ManualEdit &edit, int showPage) {
    if (isRunning() || !m_store || m_currentJob.isEmpty()) return false;
    const std::optional<JobRecord> record = m_store->job(m_currentJob);
    if (!record || record->isRemote()) return false;
    const std::optional<ComparisonResult> stored = storedComparison(*m_store, m_currentJob);
    if (!stored || !manualEditApplies(stored->pages, edit)) return false;
    // The change needs the OLD set (a removed sheet's page size): it is made once the sets are
    // open (startLocal), then the job resumes with the changed sheets pending.
    m_pendingEdit = edit;
    m_redoPage = showPage;
    openInputs(PendingJob::resuming(*record));
    return true;
}

void JobController::openInputs(PendingJob job) {
    // Opening and hashing both sets takes seconds for large ones: on the pool, never here.
    for (auto [path, password] :
         {std::pair(job.oldPath, &job.oldPassword), std::pair(job.newPath, &job.newPassword)})
        if (password->isEmpty()) *password = m_passwords.value(path);
    m_opening = true;
    const int generation = ++m_openGeneration;
    emit runningChanged(true);
    const qint64 maxPixels = m_settings.compareSettings().maxPixels;
    auto *watcher = new QFutureWatcher<JobInputs>(this);
    connect(watcher, &QFutureWatcher<JobInputs>::finished, this, [this, watcher, job, generation] {
        watcher->deleteLater();
        if (generation == m_openGeneration) onInputsOpened(job, watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(m_pool, [job, maxPixels] {
        return openJobInputs(job.oldPath, job.newPath, job.oldPassword, job.newPassword, maxPixels);
    }));
}

void JobController::onInputsOpened(PendingJob job, JobInputs inputs) {
    m_opening = false;
    emit runningChanged(false);
    if (!inputs.ok()) {
        const bool old = inputs.oldFailed;
        const QString path = old ? job.oldPath : job.newPath;
        const LoadError code = inputs.error.code;
        if (code != LoadError::PasswordRequired && code != LoadError::WrongPassword) {
            m_redoPage = 0;
            m_pendingEdit.reset();
            emit openFailed(old, inputs.error.message);
            return;
        }
        m_passwords.remove(path);
        m_waitingForPassword = job;
        emit passwordNeeded(path, old, code == LoadError::WrongPassword);
        return;
    }
    for (const auto &[path, password] :
         {std::pair(job.oldPath, job.oldPassword), std::pair(job.newPath, job.newPassword)})
        if (!password.isEmpty()) m_passwords.insert(path, password);
    if (job.onServer) {
        submitToServer(job, inputs);
        // The opened sets are not needed here: released on the pool (closing a PDF waits for
        // PDFium's lock, which a render elsewhere may hold).
        m_pool->start([dropped = std::move(inputs)] {});
        return;
    }
    startLocal(job, std::move(inputs));
}

void JobController::providePassword(const QString &path, const QString &password) {
    if (!m_waitingForPassword) return;
    PendingJob job = std::move(*m_waitingForPassword);
    m_waitingForPassword.reset();
    if (password.isEmpty()) {
        m_redoPage = 0;
        m_pendingEdit.reset();
        return;
    }
    // The same file on both sides needs the password once.
    if (path == job.oldPath) job.oldPassword = password;
    if (path == job.newPath) job.newPassword = password;
    openInputs(job);
}

void JobController::startLocal(const PendingJob &job, JobInputs inputs) {
    const bool resuming = !job.resumeId.isEmpty();
    if (const std::optional<ManualEdit> edit = std::exchange(m_pendingEdit, std::nullopt); edit && resuming) {
        QString error;
        const std::optional<int> page =
            applyManualEdit(*m_store, job.resumeId, *edit, *inputs.oldDoc, &error);
        if (!page) {
            m_redoPage = 0;
            m_pool->start([dropped = std::move(inputs)] {}); // closing a set may wait for PDFium's lock
            emit manualEditFailed(error);
            return;
        }
        if (m_redoPage > 0) m_redoPage = *page;
        emit historyChanged(); // the job's sheet count may differ
    }
    emit jobBeginning(job.oldPath, job.newPath, m_redoPage > 0);
    m_currentJob.clear();
    m_oldPath = QFileInfo(job.oldPath).absoluteFilePath();
    m_newPath = QFileInfo(job.newPath).absoluteFilePath();
    QString error;
    PipelineOptions options = m_settings.pipelineOptions();
    options.projectId = m_projectId;
    const bool started =
        resuming ? m_pipeline->resume(job.resumeId, std::move(inputs), options, &error)
                 : m_pipeline->start(std::move(inputs), m_settings.compareSettings(), options, &error);
    if (!started) {
        m_redoPage = 0;
        emit startFailed(resuming, error);
        return;
    }
    if (!resuming) emit compared(job.oldPath, job.newPath);
    m_currentJob = m_pipeline->jobId();
    m_currentFinished = false;
    emit runningChanged(true);
    emit jobStarted(m_currentJob, m_pipeline->reused());
}

void JobController::cancel() {
    if (!isRunning()) return;
    if (m_opening) { // the sets are still being opened: forget them, nothing started
        ++m_openGeneration;
        m_opening = false;
        m_redoPage = 0;
        m_pendingEdit.reset();
        emit runningChanged(false);
        emit cancelled(true);
        return;
    }
    // Emits jobFinished(Cancelled) before it returns; stages still running finish unseen.
    m_pipeline->cancel();
    retirePipeline();
    emit cancelled(false);
}

void JobController::newPipeline() {
    m_pipeline = std::make_unique<Pipeline>(m_store.get());
    Pipeline *p = m_pipeline.get();
    connect(p, &Pipeline::sheetsMatched, this, [this, p] {
        // The pairs (numbers, titles, pages) are in the pipeline's result; a continued job also
        // has stages that are done already.
        emit sheetsMatched(p->result().pages, p->progress(), std::exchange(m_redoPage, 0));
        emit historyChanged(); // the job's sheet count is known now
    });
    connect(p, &Pipeline::stageChanged, this, &JobController::stageChanged);
    connect(p, &Pipeline::pageResultReady, this, &JobController::pageUpdated);
    connect(p, &Pipeline::jobProgress, this, &JobController::progressChanged);
    connect(p, &Pipeline::jobFinished, this, [this](const QString &jobId, JobStatus status, qint64 ms) {
        // A whole job later, stages of a cancelled one are over: deleting its pipeline (which
        // waits for them) does not block.
        if (status != JobStatus::Cancelled) m_retiredPipelines.clear();
        m_redoPage = 0;
        emit runningChanged(false);
        emit jobFinished(jobId, status, ms);
    });
}

void JobController::retirePipeline() {
    // The cancelled job's running stages go on in the background with the pipeline's documents,
    // and its next start() or resume() would replace those documents under them (a crash). So
    // a new pipeline takes the next job; the old one is kept until those stages are surely over.
    m_pipeline->disconnect(); // it emits nothing more for the views
    m_retiredPipelines.push_back(std::move(m_pipeline));
    newPipeline();
}

// ---- jobs of the history ----------------------------------------------------------------------------

std::optional<JobController::StoredJob> JobController::openJob(const QString &jobId) {
    if (isRunning() || !m_store) return std::nullopt;
    std::optional<JobRecord> record = m_store->job(jobId);
    std::optional<ComparisonResult> result = record ? storedComparison(*m_store, jobId) : std::nullopt;
    if (!record || !result) return std::nullopt;
    m_currentJob = jobId;
    m_oldPath = result->oldPath;
    m_newPath = result->newPath;
    m_currentFinished = isFinished(record->status);
    StoredJob stored{std::move(*record), std::move(*result), JobProgress::fromStore(*m_store, jobId)};
    if (stored.record.isRemote()) fetchOverlays(stored.result);
    return stored;
}

void JobController::clearCurrentJob() {
    m_currentJob.clear();
}

bool JobController::deleteJob(const QString &jobId, QString *error) {
    if (!m_store || jobId.isEmpty() || (isRunning() && m_pipeline->jobId() == jobId)) return false;
    const std::optional<JobRecord> record = m_store->job(jobId);
    if (!record) return false;
    const bool ok =
        deletesOnServer(*record) ? m_sync->removeFromServer(jobId, error) : m_store->deleteJob(jobId, error);
    if (!ok) return false;
    if (m_currentJob == jobId) clearCurrentJob();
    emit historyChanged();
    return true;
}

bool JobController::pushJob(const QString &jobId, QString *error) {
    if (!m_store || !m_sync) return false;
    const std::optional<JobRecord> record = m_store->job(jobId);
    if (!record) return false;
    return m_sync->push(jobId, error, m_passwords.value(record->oldFile), m_passwords.value(record->newFile));
}

QHash<int, int> JobController::reviewedCounts(int pageNumber) const {
    QHash<int, int> reviewed;
    const QString jobId = !m_currentJob.isEmpty() ? m_currentJob
                          : m_pipeline            ? m_pipeline->jobId()
                                                  : QString();
    if (!m_store || jobId.isEmpty()) return reviewed;
    for (const RegionReview &r : m_store->reviewStore().reviews(jobId, pageNumber))
        if (r.isReviewed()) ++reviewed[r.pageNumber];
    return reviewed;
}

// ---- the job server -----------------------------------------------------------------------------------

void JobController::setUpSync() {
    const ServerConfig config = m_settings.serverConfig();
    if (m_store && config.isValid() && !m_sync) {
        m_sync = std::make_unique<SyncService>(m_store.get());
        connect(m_sync.get(), &SyncService::stateChanged, this, &JobController::connectionChanged);
        connect(m_sync.get(), &SyncService::queueChanged, this, &JobController::connectionChanged);
        connect(m_sync.get(), &SyncService::jobsChanged, this, &JobController::historyChanged);
        connect(m_sync.get(), &SyncService::jobUpdated, this, &JobController::onServerJobUpdated);
        // The team's review changes: the cards' review counts (and the sheet when it is shown again).
        connect(m_sync.get(), &SyncService::reviewsChanged, this, &JobController::onServerJobUpdated);
        connect(m_sync.get(), &SyncService::reviewsChanged, this, &JobController::reviewsChanged);
        connect(m_sync.get(), &SyncService::overlayReady, this,
                [this](const QString &jobId, int pageNumber, const QString &) {
                    if (jobId == m_currentJob) emit overlayReady(pageNumber);
                });
        connect(m_sync.get(), &SyncService::operationFailed, this,
                [this](const QString &, const QString &message) { emit syncFailed(message); });
    }
    if (m_sync) m_sync->setServer(config); // an invalid one turns it off
    emit syncChanged(m_sync.get());
    emit connectionChanged();
}

bool JobController::serverOffline() const {
    return m_sync && m_sync->state() == ConnectionState::Offline;
}

void JobController::submitToServer(const PendingJob &job, const JobInputs &inputs) {
    QString error;
    const QString id =
        m_sync ? m_sync->submit(job.oldPath, job.newPath, inputs.oldHash, inputs.newHash,
                                m_settings.compareSettings(), job.oldPassword, job.newPassword, &error)
               : QString();
    if (id.isEmpty()) {
        emit submitFailed(error);
        return;
    }
    emit compared(job.oldPath, job.newPath);
    emit submitted(id); // the history lists it already (jobsChanged)
}

void JobController::fetchOverlays(const ComparisonResult &result) {
    if (!m_sync) return;
    for (const PageResult &page : result.pages)
        if (page.diffDone && !page.overlayPath.isEmpty() && !QFileInfo::exists(page.overlayPath))
            m_sync->fetchOverlay(result.jobId, page.pageNumber);
}

void JobController::fetchOverlayIfMissing(int pageNumber, const QString &overlayPath) {
    if (m_sync && !overlayPath.isEmpty() && !QFileInfo::exists(overlayPath))
        m_sync->fetchOverlay(m_currentJob, pageNumber); // a server job's: overlayReady() when it arrives
}

void JobController::onServerJobUpdated(const QString &jobId, const QVector<int> &pages) {
    emit historyChanged(); // status, sheet count
    if (jobId != m_currentJob || isRunning() || !m_store) return;
    std::optional<JobRecord> record = m_store->job(jobId);
    std::optional<ComparisonResult> result = record ? storedComparison(*m_store, jobId) : std::nullopt;
    if (!record || !result) return;
    const bool finished = isFinished(record->status);
    const bool finishedNow = finished && !std::exchange(m_currentFinished, true);
    StoredJob stored{std::move(*record), std::move(*result), JobProgress::fromStore(*m_store, jobId)};
    fetchOverlays(stored.result);
    emit serverJobUpdated(stored, pages, finishedNow);
}

} // namespace bt::ui
