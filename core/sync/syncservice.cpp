#include "syncservice.h"

#include "remotemirror.h"
#include "store/revieweventstore.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QThreadPool>
#include <QUuid>
#include <QtConcurrent>

namespace bt {

namespace {

const QString kOldUpload = QStringLiteral("old_upload_id");
const QString kNewUpload = QStringLiteral("new_upload_id");
const QString kRemoteJob = QStringLiteral("remote_job_id");

qint64 nowMs() {
    return QDateTime::currentMSecsSinceEpoch();
}

QString jobPath(const QString &remoteJobId, const QString &suffix = QString()) {
    return QStringLiteral("/api/v1/jobs/") + remoteJobId + suffix;
}

} // namespace

SyncService::SyncService(JobStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_client(new ServerClient(this)) {
    qRegisterMetaType<ConnectionState>();
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &SyncService::tick);
    m_client->setTimeoutMs(m_options.requestTimeoutMs);
    m_pool.setMaxThreadCount(1);
}

SyncService::~SyncService() {
    m_pool.waitForDone();
}

void SyncService::setOptions(const SyncOptions &options) {
    m_options = options;
    m_client->setTimeoutMs(options.requestTimeoutMs);
    if (m_timer.isActive()) schedule(0);
}

void SyncService::setServer(const ServerConfig &config) {
    const ServerConfig &current = m_client->config();
    if (config.key() == current.key() && config.token == current.token &&
        m_state != ConnectionState::NotConfigured)
        return;
    ++m_generation;
    m_client->setConfig(config);
    m_operationRunning = m_teamRefreshRunning = m_reviewFetchRunning = false;
    m_pollQueue.clear();
    m_polling.clear();
    m_lastProgress.clear();
    m_overlayFetches.clear();
    m_offlineAttempts = 0;
    m_lastTeamRefresh = 0;
    if (!config.isValid()) {
        m_timer.stop();
        setState(ConnectionState::NotConfigured);
        return;
    }
    setState(ConnectionState::Connecting);
    schedule(0);
}

int SyncService::queuedOperations() const {
    return int(pendingOperations().size());
}

QVector<SyncOperation> SyncService::pendingOperations() const {
    QVector<SyncOperation> ops;
    const QString key = server().key();
    for (const SyncOperation &op : m_store->syncStore().syncOperations())
        if (op.server == key) ops.append(op);
    return ops;
}

void SyncService::setState(ConnectionState state, const QString &message) {
    if (state == m_state && message == m_stateMessage) return;
    m_state = state;
    m_stateMessage = message;
    emit stateChanged(state, message);
}

bool SyncService::noteReply(const ApiReply &reply) {
    if (reply.unreachable()) {
        ++m_offlineAttempts;
        setState(ConnectionState::Offline, reply.message);
        return false;
    }
    if (reply.httpStatus < 0) return true; // a local problem (a file), not the connection's
    m_offlineAttempts = 0;
    if (reply.unauthorized()) {
        m_timer.stop();
        setState(ConnectionState::Unauthorized, reply.message);
    } else {
        setState(ConnectionState::Online);
    }
    return true;
}

void SyncService::schedule(int ms) {
    if (!server().isValid() || m_state == ConnectionState::Unauthorized) return;
    if (!m_timer.isActive() || m_timer.remainingTime() > ms) m_timer.start(ms);
}

void SyncService::syncNow() {
    if (!server().isValid()) return;
    if (m_state == ConnectionState::Unauthorized) setState(ConnectionState::Connecting);
    m_offlineAttempts = 0;
    m_lastTeamRefresh = 0;
    // What waits for its backoff is due now.
    for (SyncOperation op : pendingOperations()) {
        op.nextAttemptAt = QDateTime();
        m_store->syncStore().updateSyncOperation(op);
    }
    schedule(0);
}

void SyncService::tick() {
    if (!server().isValid() || m_state == ConnectionState::Unauthorized) return;
    // Operations and the team's list one at a time: a job the server made for an operation of
    // ours is linked to our job before the list can show it as somebody else's.
    if (!m_operationRunning && !m_teamRefreshRunning && !runNextOperation() &&
        nowMs() - m_lastTeamRefresh >= m_options.teamRefreshMs)
        refreshTeamJobs();
    if (m_polling.isEmpty() && m_pollQueue.isEmpty()) {
        for (const JobRecord &job : m_store->jobs())
            if (job.isRemote() && job.remoteServer == server().key() && !job.remoteJobId.isEmpty() &&
                !isFinished(job.status))
                m_pollQueue.append(job.id);
        pollNext();
    }
    schedule(m_state == ConnectionState::Offline ? int(m_options.retry.delayMs(m_offlineAttempts))
                                                 : m_options.pollMs);
}

// ---- operations ----------------------------------------------------------------------------------

QString SyncService::submit(const QString &oldPath, const QString &newPath, const QString &oldHash,
                            const QString &newHash, const CompareSettings &settings,
                            const QString &oldPassword, const QString &newPassword, QString *error) {
    if (!server().isValid()) {
        if (error) *error = tr("No job server is set up (Settings → Job server).");
        return {};
    }
    JobRecord job;
    job.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    job.oldFile = oldPath;
    job.newFile = newPath;
    job.oldHash = oldHash;
    job.newHash = newHash;
    job.settings = settings.toJson();
    job.status = JobStatus::Queued;
    job.origin = JobOrigin::Server;
    job.remoteServer = server().key();
    if (!m_store->createJob(job, error)) return {};
    SyncOperation op;
    op.kind = SyncKind::Submit;
    op.jobId = job.id;
    op.server = server().key();
    if (m_store->syncStore().addSyncOperation(op, error) == 0) {
        m_store->deleteJob(job.id);
        return {};
    }
    if (!oldPassword.isEmpty() || !newPassword.isEmpty())
        m_passwords.insert(job.id, {oldPassword, newPassword});
    emit jobsChanged();
    emit queueChanged(queuedOperations());
    schedule(0);
    return job.id;
}

bool SyncService::push(const QString &jobId, QString *error, const QString &oldPassword,
                       const QString &newPassword) {
    const std::optional<JobRecord> job = m_store->job(jobId);
    if (!server().isValid() || !job || job->isRemote() || !job->remoteJobId.isEmpty()) {
        if (error)
            *error = !server().isValid() ? tr("No job server is set up (Settings → Job server).")
                     : !job              ? tr("That comparison is no longer in the history.")
                                         : tr("That comparison is on the server already.");
        return false;
    }
    for (const SyncOperation &op : pendingOperations())
        if (op.jobId == jobId) return true; // asked before: it waits for the server
    SyncOperation op;
    op.kind = SyncKind::Push;
    op.jobId = jobId;
    op.server = server().key();
    if (m_store->syncStore().addSyncOperation(op, error) == 0) return false;
    if (!oldPassword.isEmpty() || !newPassword.isEmpty())
        m_passwords.insert(jobId, {oldPassword, newPassword});
    emit queueChanged(queuedOperations());
    schedule(0);
    return true;
}

bool SyncService::removeFromServer(const QString &jobId, QString *error) {
    const std::optional<JobRecord> job = m_store->job(jobId);
    if (!job) return true;
    if (!job->remoteJobId.isEmpty()) {
        // Not under the job's id: deleting the job from the history takes its operations along.
        SyncOperation op;
        op.kind = SyncKind::Delete;
        op.server = job->remoteServer;
        op.state.insert(kRemoteJob, job->remoteJobId);
        if (m_store->syncStore().addSyncOperation(op, error) == 0) return false;
    }
    if (!m_store->deleteJob(jobId, error)) return false;
    m_passwords.remove(jobId);
    m_lastProgress.remove(jobId);
    m_pollQueue.removeAll(jobId);
    emit jobsChanged();
    emit queueChanged(queuedOperations());
    schedule(0);
    return true;
}

bool SyncService::runNextOperation() {
    for (const SyncOperation &op : pendingOperations()) {
        if (op.nextAttemptAt.isValid() && op.nextAttemptAt > QDateTime::currentDateTimeUtc()) continue;
        m_operationRunning = true;
        continueOperation(op);
        return true;
    }
    return false;
}

void SyncService::continueOperation(SyncOperation op) {
    const int generation = m_generation;
    auto onReply = [this, generation, op](const QString &what, auto next) {
        return [this, generation, op, what, next](const ApiReply &reply) mutable {
            if (generation != m_generation) return;
            noteReply(reply);
            if (!reply.ok()) {
                operationFailedReply(op, reply, what);
                return;
            }
            next(op, reply);
        };
    };

    if (op.kind == SyncKind::Delete) {
        m_client->deleteResource(jobPath(op.state.value(kRemoteJob).toString()),
                                 [this, generation, op](const ApiReply &reply) {
                                     if (generation != m_generation) return;
                                     noteReply(reply);
                                     if (reply.ok() || reply.httpStatus == 404)
                                         operationDone(op); // gone is gone
                                     else
                                         operationFailedReply(op, reply, tr("Deleting a job on the server"));
                                 });
        return;
    }

    if (op.kind == SyncKind::Reviews) {
        sendReviews(op);
        return;
    }
    const std::optional<JobRecord> job = m_store->job(op.jobId);
    if (!job) { // deleted meanwhile
        operationDone(op);
        return;
    }
    const Passwords passwords = m_passwords.value(op.jobId);
    for (const bool old : {true, false}) {
        const QString &key = old ? kOldUpload : kNewUpload;
        if (!op.state.value(key).toString().isEmpty()) continue;
        if (!old && job->newFile == job->oldFile && job->newHash == job->oldHash) {
            op.state.insert(kNewUpload, op.state.value(kOldUpload));
            continue;
        }
        const QString path = old ? job->oldFile : job->newFile;
        m_client->upload(path, old ? passwords.oldPassword : passwords.newPassword,
                         onReply(tr("Sending %1 to the server").arg(QFileInfo(path).fileName()),
                                 [this, key](SyncOperation &op, const ApiReply &reply) {
                                     op.state.insert(
                                         key, reply.json.value(QStringLiteral("upload_id")).toString());
                                     m_store->syncStore().updateSyncOperation(op);
                                     continueOperation(op);
                                 }));
        return;
    }
    const QJsonObject body{{kOldUpload, op.state.value(kOldUpload)},
                           {kNewUpload, op.state.value(kNewUpload)},
                           {QStringLiteral("settings"), job->settings}};
    // The job's id as the key: a POST retried after a lost answer gets the job it made.
    m_client->post(QStringLiteral("/api/v1/jobs"), body,
                   onReply(tr("Starting the job on the server"),
                           [this](SyncOperation &op, const ApiReply &reply) {
                               const QString remoteId = reply.json.value(QStringLiteral("job_id")).toString();
                               const bool submitted = op.kind == SyncKind::Submit;
                               QString error;
                               if (!m_store->syncStore().setRemote(
                                       op.jobId, submitted ? std::optional(JobOrigin::Server) : std::nullopt,
                                       op.server, remoteId, &error))
                                   qWarning("sync: %s", qPrintable(error));
                               if (submitted) m_store->setJobStatus(op.jobId, JobStatus::Pending);
                               // A pushed job's reviews made here go to the team's copy: the server
                               // compares the same sets with the same settings (the same numbers).
                               if (!submitted &&
                                   !ReviewEventStore(*m_store).unsentChanges(op.jobId).isEmpty()) {
                                   SyncOperation send;
                                   send.kind = SyncKind::Reviews;
                                   send.jobId = op.jobId;
                                   send.server = op.server;
                                   if (m_store->syncStore().addSyncOperation(send, &error) == 0)
                                       qWarning("sync: %s", qPrintable(error));
                               }
                               operationDone(op);
                           }),
                   op.jobId.toUtf8());
}

void SyncService::operationDone(const SyncOperation &op) {
    m_store->syncStore().removeSyncOperation(op.id);
    m_operationRunning = false;
    if (op.kind != SyncKind::Delete) m_passwords.remove(op.jobId);
    if (op.kind != SyncKind::Reviews) { // sent reviews change nothing the job list shows
        emit jobsChanged();
        if (!op.jobId.isEmpty()) emit jobUpdated(op.jobId, {});
    }
    emit queueChanged(queuedOperations());
    schedule(0);
}

void SyncService::operationFailedReply(SyncOperation op, const ApiReply &reply, const QString &what) {
    m_operationRunning = false;
    if (reply.unauthorized()) return; // waits, as it is, for a token the server takes
    const bool retry = reply.unreachable() || reply.serverError();
    if (!retry || (reply.serverError() && m_options.retry.exhausted(op.attempts + 1))) {
        giveUp(op, tr("%1 failed: %2").arg(what, reply.message));
        return;
    }
    ++op.attempts;
    op.lastError = reply.message;
    op.nextAttemptAt = QDateTime::currentDateTimeUtc().addMSecs(m_options.retry.delayMs(op.attempts));
    m_store->syncStore().updateSyncOperation(op);
    emit queueChanged(queuedOperations());
}

void SyncService::giveUp(const SyncOperation &op, const QString &message) {
    m_store->syncStore().removeSyncOperation(op.id);
    m_passwords.remove(op.jobId);
    if (op.kind == SyncKind::Submit && m_store->job(op.jobId)) {
        m_store->setJobStatus(op.jobId, JobStatus::Failed);
        m_store->setJobSummary(op.jobId, message);
        emit jobUpdated(op.jobId, {});
    }
    emit operationFailed(op.jobId, message);
    emit queueChanged(queuedOperations());
    schedule(0);
}

// ---- the team's jobs -----------------------------------------------------------------------------

void SyncService::refreshTeamJobs() {
    m_teamRefreshRunning = true;
    const int generation = m_generation;
    m_client->get(QStringLiteral("/api/v1/jobs"), [this, generation](const ApiReply &reply) {
        if (generation != m_generation) return;
        m_teamRefreshRunning = false;
        noteReply(reply);
        m_lastTeamRefresh = nowMs();
        if (!reply.ok()) return;
        onTeamJobs(reply.json);
        emit teamJobsRefreshed();
        if (!m_reviewFetchRunning) fetchReviews(); // after the list: their jobs are known
    });
}

void SyncService::onTeamJobs(const QJsonObject &json) {
    const QString key = server().key();
    QSet<QString> deleting;
    for (const SyncOperation &op : pendingOperations())
        if (op.kind == SyncKind::Delete) deleting.insert(op.state.value(kRemoteJob).toString());
    int added = 0;
    for (const QJsonValue &v : json.value(QStringLiteral("jobs")).toArray()) {
        const QJsonObject o = v.toObject();
        const QString remoteId = o.value(QStringLiteral("job_id")).toString();
        if (remoteId.isEmpty() || deleting.contains(remoteId) ||
            m_store->syncStore().jobByRemoteId(key, remoteId))
            continue;
        auto name = [&o](const char *side) {
            const QString n = o.value(QLatin1String(side) + QStringLiteral("_name")).toString();
            return n.isEmpty() ? o.value(QLatin1String(side) + QStringLiteral("_upload_id")).toString() : n;
        };
        JobRecord job;
        job.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        job.oldFile = name("old");
        job.newFile = name("new");
        job.status = JobStatus::Pending; // its results come with the next poll
        job.totalPages = o.value(QStringLiteral("total_pages")).toInt();
        job.createdAt =
            QDateTime::fromString(o.value(QStringLiteral("created_at")).toString(), Qt::ISODateWithMs);
        job.origin = JobOrigin::Team;
        job.remoteServer = key;
        job.remoteJobId = remoteId;
        QString error;
        if (m_store->createJob(job, &error)) {
            ++added;
            // Its reviews so far: the review feed's cursor may be past them (a job listed again
            // after it was deleted here). On a first connection the feed brings them all.
            if (ReviewEventStore(*m_store).cursor(key) > 0) fetchJobReviews(job.id, remoteId);
        } else {
            qWarning("sync: %s", qPrintable(error));
        }
    }
    if (added > 0) {
        emit jobsChanged();
        schedule(0);
    }
}

// ---- progress ------------------------------------------------------------------------------------

void SyncService::pollNext() {
    m_polling.clear();
    while (!m_pollQueue.isEmpty()) {
        const QString jobId = m_pollQueue.takeFirst();
        if (m_store->job(jobId)) {
            poll(jobId);
            return;
        }
    }
}

void SyncService::poll(const QString &jobId) {
    const std::optional<JobRecord> job = m_store->job(jobId);
    m_polling = jobId;
    const int generation = m_generation;
    const QString remoteId = job->remoteJobId;
    m_client->get(jobPath(remoteId, QStringLiteral("/progress")), [=](const ApiReply &progress) {
        if (generation != m_generation) return;
        if (!noteReply(progress) || !progress.ok()) {
            if (progress.httpStatus == 404) { // deleted on the server: what the history has stays
                m_store->setJobStatus(jobId, JobStatus::Cancelled);
                emit jobUpdated(jobId, {});
            }
            m_pollQueue.clear(); // the next tick starts over
            m_polling.clear();
            return;
        }
        if (m_lastProgress.value(jobId) == progress.body) {
            pollNext();
            return;
        }
        m_client->get(jobPath(remoteId), [=](const ApiReply &result) {
            if (generation != m_generation) return;
            if (!noteReply(result) || !result.ok()) {
                m_pollQueue.clear();
                m_polling.clear();
                return;
            }
            m_lastProgress.insert(jobId, progress.body);
            mirror(jobId, result.json, progress.json);
        });
    });
}

void SyncService::mirror(const QString &jobId, const QJsonObject &result, const QJsonObject &progress) {
    const int generation = m_generation;
    JobStore *store = m_store;
    QtConcurrent::run(&m_pool, [store, jobId, result, progress] {
        QString error;
        std::optional<MirrorChange> change = mirrorServerJob(*store, jobId, result, progress, &error);
        if (!change) qWarning("sync: job %s: %s", qPrintable(jobId), qPrintable(error));
        store->closeThreadConnection(); // a pool thread may end any time
        return change;
    }).then(this, [this, generation, jobId](const std::optional<MirrorChange> &change) {
        if (generation != m_generation) return;
        if (!change) m_lastProgress.remove(jobId); // written again at the next poll
        if (change && (change->jobChanged || !change->pages.isEmpty())) emit jobUpdated(jobId, change->pages);
        pollNext();
    });
}

void SyncService::fetchOverlay(const QString &jobId, int pageNumber) {
    const std::optional<JobRecord> job = m_store->job(jobId);
    if (!job || !job->isRemote() || job->remoteJobId.isEmpty() || job->remoteServer != server().key()) return;
    const QString path = overlayCachePath(*m_store, jobId, pageNumber);
    if (path.isEmpty()) return;
    if (QFile::exists(path)) {
        QTimer::singleShot(0, this, [=] { emit overlayReady(jobId, pageNumber, path); });
        return;
    }
    const QString key = jobId + QLatin1Char('/') + QString::number(pageNumber);
    if (m_overlayFetches.contains(key) || !server().isValid() || m_state == ConnectionState::Unauthorized)
        return;
    m_overlayFetches.insert(key);
    const int generation = m_generation;
    m_client->download(overlayRoute(job->remoteJobId, pageNumber), path, [=](const ApiReply &reply) {
        if (generation != m_generation) return;
        m_overlayFetches.remove(key);
        noteReply(reply);
        if (reply.ok()) emit overlayReady(jobId, pageNumber, path);
    });
}

} // namespace bt
