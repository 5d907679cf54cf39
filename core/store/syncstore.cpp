#include "syncstore.h"

#include "storesql.h"

namespace bt {

using namespace storesql;

bool SyncStore::setRemote(const QString &jobId, std::optional<JobOrigin> origin, const QString &server,
                          const QString &remoteJobId, QString *error) {
    return write(
        [&](QSqlDatabase &d, QString *err) {
            QSqlQuery q(d);
            q.prepare(QStringLiteral("UPDATE jobs SET origin = COALESCE(NULLIF(?, ''), origin),"
                                     " remote_server = ?, remote_job_id = ? WHERE id = ?"));
            q.addBindValue(origin ? jobOriginName(*origin) : QString());
            q.addBindValue(server);
            q.addBindValue(remoteJobId);
            q.addBindValue(jobId);
            if (!run(q, err)) return false;
            return q.numRowsAffected() == 1 || fail(err, QStringLiteral("no job %1").arg(jobId));
        },
        error);
}

std::optional<JobRecord> SyncStore::jobByRemoteId(const QString &server, const QString &remoteJobId) const {
    if (remoteJobId.isEmpty()) return std::nullopt;
    QSqlQuery q(db());
    q.prepare(kJobColumns + QStringLiteral(" WHERE remote_server = ? AND remote_job_id = ?"
                                           " ORDER BY created_at DESC, rowid DESC LIMIT 1"));
    q.addBindValue(server);
    q.addBindValue(remoteJobId);
    if (!q.exec() || !q.next()) return std::nullopt;
    return jobFrom(q);
}

qint64 SyncStore::addSyncOperation(const SyncOperation &op, QString *error) {
    qint64 id = 0;
    write(
        [&](QSqlDatabase &d, QString *err) {
            QSqlQuery q(d);
            q.prepare(
                QStringLiteral("INSERT INTO sync_operations (kind, job_id, server, state_json, attempts,"
                               " next_attempt_at, last_error, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
            q.addBindValue(syncKindName(op.kind));
            q.addBindValue(op.jobId);
            q.addBindValue(op.server);
            q.addBindValue(compact(op.state));
            q.addBindValue(op.attempts);
            q.addBindValue(timeValue(op.nextAttemptAt));
            q.addBindValue(op.lastError);
            q.addBindValue(nowText());
            if (!run(q, err)) return false;
            id = q.lastInsertId().toLongLong();
            return true;
        },
        error);
    return id;
}

bool SyncStore::updateSyncOperation(const SyncOperation &op, QString *error) {
    return write(
        [&](QSqlDatabase &d, QString *err) {
            QSqlQuery q(d);
            q.prepare(QStringLiteral("UPDATE sync_operations SET state_json = ?, attempts = ?,"
                                     " next_attempt_at = ?, last_error = ? WHERE id = ?"));
            q.addBindValue(compact(op.state));
            q.addBindValue(op.attempts);
            q.addBindValue(timeValue(op.nextAttemptAt));
            q.addBindValue(op.lastError);
            q.addBindValue(op.id);
            return run(q, err);
        },
        error);
}

bool SyncStore::removeSyncOperation(qint64 id, QString *error) {
    return write(
        [&](QSqlDatabase &d, QString *err) {
            QSqlQuery q(d);
            q.prepare(QStringLiteral("DELETE FROM sync_operations WHERE id = ?"));
            q.addBindValue(id);
            return run(q, err);
        },
        error);
}

QVector<SyncOperation> SyncStore::syncOperations() const {
    QVector<SyncOperation> out;
    QSqlQuery q(db());
    if (!q.exec(QStringLiteral("SELECT id, kind, job_id, server, state_json, attempts, next_attempt_at,"
                               " last_error, created_at FROM sync_operations ORDER BY id")))
        return out;
    while (q.next()) {
        SyncOperation op;
        op.id = q.value(0).toLongLong();
        const std::optional<SyncKind> kind = syncKindFromName(q.value(1).toString());
        if (!kind) continue; // written by a newer version: not ours to send
        op.kind = *kind;
        op.jobId = q.value(2).toString();
        op.server = q.value(3).toString();
        op.state = QJsonDocument::fromJson(q.value(4).toString().toUtf8()).object();
        op.attempts = q.value(5).toInt();
        op.nextAttemptAt = timeFrom(q.value(6));
        op.lastError = q.value(7).toString();
        op.createdAt = timeFrom(q.value(8));
        out.append(op);
    }
    return out;
}

} // namespace bt
