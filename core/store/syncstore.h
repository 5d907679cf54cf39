#pragma once

#include "historyrepository.h"
#include "jobrecords.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QVector>

#include <optional>

namespace bt {

// An operation for the job server that waits for it (SyncService): kept in the history, so
// what was asked offline is sent when the server can be reached, after a restart too.
struct SyncOperation {
    qint64 id = 0;
    SyncKind kind = SyncKind::Submit;
    QString jobId;
    QString server;
    QJsonObject state; // what is done already, e.g. upload ids
    int attempts = 0;
    QDateTime nextAttemptAt; // UTC; invalid: now
    QString lastError;
    QDateTime createdAt;
};

// The job server's side of the history: where a job is on the server (jobs' remote columns) and
// the operations waiting for the server (table sync_operations).
class SyncStore : public HistoryRepository {
public:
    explicit SyncStore(const HistoryDatabase &database)
        : HistoryRepository(database) {}

    // The job's place on the job server (origin unchanged when nullopt).
    bool setRemote(const QString &jobId, std::optional<JobOrigin> origin, const QString &server,
                   const QString &remoteJobId, QString *error = nullptr);
    std::optional<JobRecord> jobByRemoteId(const QString &server, const QString &remoteJobId) const;
    // Operations waiting for the job server, oldest first. addSyncOperation returns the id, 0 on error.
    qint64 addSyncOperation(const SyncOperation &op, QString *error = nullptr);
    bool updateSyncOperation(const SyncOperation &op, QString *error = nullptr);
    bool removeSyncOperation(qint64 id, QString *error = nullptr);
    QVector<SyncOperation> syncOperations() const;
};

} // namespace bt
