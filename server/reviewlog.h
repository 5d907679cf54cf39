#pragma once

#include "queuestore.h"
#include "review/reviewchange.h"

#include <QVector>

namespace bt::server {

// What ReviewLog::append did with one change of a batch.
struct AppendedChange {
    qint64 seq = 0;
    QDateTime changedAt;    // as stored (a time ahead of the server's clock is brought back to it)
    bool duplicate = false; // its client change id was in the log already: nothing was added
};

// The team's reviews of the server's jobs (docs/server.md, "Team reviews"): an append-only log of
// review changes per job (table review_log, beside the queue in the same database), numbered
// by arrival (seq, one counter for every job, so a desktop follows them all with one cursor).
// Nothing is ever updated: who set what, and when, stays. A region's review is what its changes
// resolve to (resolveReview: last writer wins per field by changed_at, ties by seq). Uses the
// queue store's connection, so it lives in the same thread.
class ReviewLog {
public:
    explicit ReviewLog(QueueStore &queue)
        : m_queue(queue) {}

    // Creates the table (once the queue store is open).
    bool open(QString *error);

    // Appends the changes of one job in one transaction, in the order given. A change whose
    // client change id the job's log has already is not added again (its first seq is answered).
    std::optional<QVector<AppendedChange>> append(const QString &jobId, const QVector<ReviewChange> &changes,
                                                  QString *error);
    // The job's changes after seq `since`, in order of arrival (jobId empty: every job's), at
    // most `limit`.
    QVector<ReviewChange> changes(const QString &jobId, qint64 since, int limit) const;
    qint64 lastSeq() const; // 0 for an empty log
    // The reviews a job's changes (all of its log, in order of arrival) resolve to, by page and
    // region.
    static QVector<RegionReview> reviews(const QString &jobId, const QVector<ReviewChange> &changes);
    bool deleteJob(const QString &jobId, QString *error);

private:
    QueueStore &m_queue;
};

} // namespace bt::server
