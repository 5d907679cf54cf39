#include "revieweventstore.h"

#include "storesql.h"

#include <QSet>

namespace bt {

using namespace storesql;

namespace {

const QString kEventColumns = QStringLiteral(
    "SELECT job_id, page_number, region_number, status, comment, author, changed_at, change_id,"
    " COALESCE(server_seq, 0) FROM review_events");
// Resolution order; a change not on the server yet is the latest of its millisecond.
const QString kEventOrder =
    QStringLiteral(" ORDER BY changed_at, COALESCE(server_seq, 9223372036854775807), id");

ReviewChange eventFrom(const QSqlQuery &q) {
    ReviewChange c;
    c.jobId = q.value(0).toString();
    c.pageNumber = q.value(1).toInt();
    c.regionNumber = q.value(2).toInt();
    if (!q.value(3).isNull()) c.status = reviewStatusFromName(q.value(3).toString());
    if (!q.value(4).isNull()) c.comment = q.value(4).toString();
    c.author = q.value(5).toString();
    c.changedAt = timeFrom(q.value(6));
    c.changeId = q.value(7).toString();
    c.serverSeq = q.value(8).toLongLong();
    return c;
}

QVector<ReviewChange> eventsOf(const QSqlDatabase &d, const QString &jobId, int page, int region) {
    QVector<ReviewChange> out;
    QSqlQuery q(d);
    q.prepare(kEventColumns +
              QStringLiteral(" WHERE job_id = ?%1%2")
                  .arg(page > 0 ? QStringLiteral(" AND page_number = ?") : QString(),
                       region > 0 ? QStringLiteral(" AND region_number = ?") : QString()) +
              kEventOrder);
    q.addBindValue(jobId);
    if (page > 0) q.addBindValue(page);
    if (region > 0) q.addBindValue(region);
    if (!q.exec()) return out;
    while (q.next())
        out.append(eventFrom(q));
    return out;
}

// The region's review resolved from its changes over what region_reviews has (a review from
// before schema 7 has no changes: its fields stay until a change sets them), written back.
std::optional<RegionReview> resolveRegion(QSqlDatabase &d, const QString &jobId, int page, int region,
                                          QString *error) {
    RegionReview base;
    base.jobId = jobId;
    base.pageNumber = page;
    base.regionNumber = region;
    QSqlQuery q(d);
    q.prepare(QStringLiteral("SELECT status, comment, reviewer, updated_at FROM region_reviews"
                             " WHERE job_id = ? AND page_number = ? AND region_number = ?"));
    q.addBindValue(jobId);
    q.addBindValue(page);
    q.addBindValue(region);
    if (!run(q, error)) return std::nullopt;
    if (q.next()) {
        base.status = reviewStatusFromName(q.value(0).toString()).value_or(ReviewStatus::Open);
        base.comment = q.value(1).toString();
        base.reviewer = q.value(2).toString();
        base.updatedAt = timeFrom(q.value(3));
    }
    q.finish();
    const RegionReview r = resolveReview(base, eventsOf(d, jobId, page, region));
    q.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO region_reviews (job_id, page_number, region_number, status, comment,"
        " reviewer, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(jobId);
    q.addBindValue(page);
    q.addBindValue(region);
    q.addBindValue(reviewStatusName(r.status));
    q.addBindValue(r.comment);
    q.addBindValue(r.reviewer);
    q.addBindValue(timeValue(r.updatedAt));
    if (!run(q, error)) return std::nullopt;
    return r;
}

bool insertEvent(QSqlDatabase &d, const ReviewChange &c, QString *error) {
    QSqlQuery q(d);
    q.prepare(
        QStringLiteral("INSERT INTO review_events (job_id, page_number, region_number, status, comment,"
                       " author, changed_at, change_id, server_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(c.jobId);
    q.addBindValue(c.pageNumber);
    q.addBindValue(c.regionNumber);
    q.addBindValue(c.status ? QVariant(reviewStatusName(*c.status))
                            : QVariant(QMetaType::fromType<QString>()));
    q.addBindValue(commentSqlValue(c.comment));
    q.addBindValue(c.author);
    q.addBindValue(timeValue(c.changedAt));
    q.addBindValue(c.changeId);
    q.addBindValue(c.serverSeq > 0 ? QVariant(c.serverSeq) : QVariant(QMetaType::fromType<qlonglong>()));
    return run(q, error);
}

// A Reviews operation for the job when it is on a job server and none waits yet.
bool queueSend(QSqlDatabase &d, const QString &jobId, QString *error) {
    QSqlQuery q(d);
    q.prepare(
        QStringLiteral("SELECT remote_server FROM jobs WHERE id = ? AND COALESCE(remote_server, '') <> ''"
                       " AND COALESCE(remote_job_id, '') <> ''"));
    q.addBindValue(jobId);
    if (!run(q, error)) return false;
    if (!q.next()) return true; // a local job: its reviews stay here
    const QString server = q.value(0).toString();
    q.finish();
    q.prepare(QStringLiteral("SELECT 1 FROM sync_operations WHERE kind = ? AND job_id = ?"));
    q.addBindValue(syncKindName(SyncKind::Reviews));
    q.addBindValue(jobId);
    if (!run(q, error)) return false;
    if (q.next()) return true;
    q.finish();
    q.prepare(
        QStringLiteral("INSERT INTO sync_operations (kind, job_id, server, state_json, attempts,"
                       " next_attempt_at, last_error, created_at) VALUES (?, ?, ?, '{}', 0, '', '', ?)"));
    q.addBindValue(syncKindName(SyncKind::Reviews));
    q.addBindValue(jobId);
    q.addBindValue(server);
    q.addBindValue(nowText());
    return run(q, error);
}

} // namespace

std::optional<RegionReview> ReviewEventStore::record(const ReviewChange &change, QString *error) {
    if (change.jobId.isEmpty() || !change.isValid()) {
        fail(error,
             QStringLiteral(
                 "a review change needs a job, page, region, author, time, id and a status or comment"));
        return std::nullopt;
    }
    std::optional<RegionReview> review;
    const bool ok = write(
        [&](QSqlDatabase &d, QString *err) {
            ReviewChange c = change;
            c.serverSeq = 0;
            if (!insertEvent(d, c, err)) return false;
            review = resolveRegion(d, c.jobId, c.pageNumber, c.regionNumber, err);
            return review && queueSend(d, c.jobId, err);
        },
        error);
    return ok ? review : std::nullopt;
}

bool ReviewEventStore::applyServerChanges(const QVector<ReviewChange> &changes,
                                          QVector<QPair<QString, int>> *touched, QString *error) {
    QSet<QPair<QString, QPair<int, int>>> regions;
    QVector<QPair<QString, int>> pages;
    const bool ok = write(
        [&](QSqlDatabase &d, QString *err) {
            for (const ReviewChange &c : changes) {
                QSqlQuery q(d);
                q.prepare(QStringLiteral(
                    "UPDATE review_events SET server_seq = ?, changed_at = ? WHERE change_id = ?"
                    " AND (COALESCE(server_seq, 0) <> ? OR changed_at <> ?)"));
                q.addBindValue(c.serverSeq);
                q.addBindValue(timeValue(c.changedAt));
                q.addBindValue(c.changeId);
                q.addBindValue(c.serverSeq);
                q.addBindValue(timeValue(c.changedAt));
                if (!run(q, err)) return false;
                const bool numbered = q.numRowsAffected() > 0; // one of ours, now on the server
                bool added = false;
                if (!numbered) {
                    q.prepare(QStringLiteral("SELECT 1 FROM review_events WHERE change_id = ?"));
                    q.addBindValue(c.changeId);
                    if (!run(q, err)) return false;
                    if (!q.next()) {
                        if (!insertEvent(d, c, err)) return false;
                        added = true;
                    }
                }
                if (numbered || added) regions.insert({c.jobId, {c.pageNumber, c.regionNumber}});
                if (added && !pages.contains(qMakePair(c.jobId, c.pageNumber)))
                    pages.append({c.jobId, c.pageNumber});
            }
            for (const auto &r : regions)
                if (!resolveRegion(d, r.first, r.second.first, r.second.second, err)) return false;
            return true;
        },
        error);
    if (ok && touched) *touched = pages;
    return ok;
}

QVector<ReviewChange> ReviewEventStore::changes(const QString &jobId, int page, int region) const {
    return eventsOf(db(), jobId, page, region);
}

QVector<ReviewChange> ReviewEventStore::unsentChanges(const QString &jobId) const {
    QVector<ReviewChange> out;
    QSqlQuery q(db());
    q.prepare(kEventColumns + QStringLiteral(" WHERE job_id = ? AND server_seq IS NULL ORDER BY id"));
    q.addBindValue(jobId);
    if (!q.exec()) return out;
    while (q.next())
        out.append(eventFrom(q));
    return out;
}

qint64 ReviewEventStore::cursor(const QString &server) const {
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT last_seq FROM review_cursors WHERE server = ?"));
    q.addBindValue(server);
    if (!q.exec() || !q.next()) return 0;
    return q.value(0).toLongLong();
}

bool ReviewEventStore::setCursor(const QString &server, qint64 seq, QString *error) {
    return write(
        [&](QSqlDatabase &d, QString *err) {
            QSqlQuery q(d);
            q.prepare(
                QStringLiteral("INSERT OR REPLACE INTO review_cursors (server, last_seq) VALUES (?, ?)"));
            q.addBindValue(server);
            q.addBindValue(seq);
            return run(q, err);
        },
        error);
}

} // namespace bt
