#include "reviewlog.h"

#include "store/writetransaction.h"

#include <QMap>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace bt::server {

namespace {

constexpr int kReviewLogLock = 727275; // PostgreSQL advisory lock: one appender at a time

bool failed(const QSqlQuery &q, QString *error) {
    if (error) *error = q.lastError().text();
    return false;
}

const QString kChangeColumns = QStringLiteral(
    "seq, job_id, page_number, region_number, status, comment, author, changed_ms, client_change_id");

ReviewChange changeFrom(const QSqlQuery &q) {
    ReviewChange c;
    c.serverSeq = q.value(0).toLongLong();
    c.jobId = q.value(1).toString();
    c.pageNumber = q.value(2).toInt();
    c.regionNumber = q.value(3).toInt();
    if (!q.value(4).isNull()) c.status = reviewStatusFromName(q.value(4).toString());
    if (!q.value(5).isNull()) c.comment = q.value(5).toString();
    c.author = q.value(6).toString();
    c.changedAt = QDateTime::fromMSecsSinceEpoch(q.value(7).toLongLong(), Qt::UTC);
    c.changeId = q.value(8).toString();
    return c;
}

} // namespace

bool ReviewLog::open(QString *error) {
    QSqlDatabase d = m_queue.db();
    WriteTransaction t(d);
    if (!t.begin(error)) return false;
    QSqlQuery q(d);
    // Servers starting together would race on CREATE TABLE IF NOT EXISTS in PostgreSQL.
    if (m_queue.isPostgres() &&
        !q.exec(QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(kReviewLogLock)))
        return failed(q, error);
    const QString serial = m_queue.isPostgres() ? QStringLiteral("BIGSERIAL PRIMARY KEY")
                                                : QStringLiteral("INTEGER PRIMARY KEY AUTOINCREMENT");
    const QStringList schema = {
        QStringLiteral("CREATE TABLE IF NOT EXISTS review_log (seq %1, job_id TEXT NOT NULL, "
                       "page_number INTEGER NOT NULL, region_number INTEGER NOT NULL, status TEXT, "
                       "comment TEXT, author TEXT NOT NULL, changed_ms BIGINT NOT NULL, "
                       "received_ms BIGINT NOT NULL, client_change_id TEXT NOT NULL, "
                       "UNIQUE (job_id, client_change_id))")
            .arg(serial),
        QStringLiteral("CREATE INDEX IF NOT EXISTS review_log_job ON review_log (job_id, seq)"),
    };
    for (const QString &sql : schema)
        if (!q.exec(sql)) return failed(q, error);
    return t.commit(error);
}

std::optional<QVector<AppendedChange>>
ReviewLog::append(const QString &jobId, const QVector<ReviewChange> &changes, QString *error) {
    QSqlDatabase d = m_queue.db();
    WriteTransaction t(d);
    if (!t.begin(error)) return std::nullopt;
    QSqlQuery q(d);
    // Appenders one at a time until commit, so seqs become visible in their order: a client
    // that read up to seq N never misses a smaller seq committed after it read (PostgreSQL hands
    // out sequence numbers before commit; SQLite has one writer anyway).
    if (m_queue.isPostgres() &&
        !q.exec(QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(kReviewLogLock))) {
        failed(q, error);
        return std::nullopt;
    }
    QVector<AppendedChange> out;
    for (const ReviewChange &c : changes) {
        q.prepare(QStringLiteral("SELECT seq, changed_ms FROM review_log WHERE job_id = :job AND "
                                 "client_change_id = :id"));
        q.bindValue(QStringLiteral(":job"), jobId);
        q.bindValue(QStringLiteral(":id"), c.changeId);
        if (!q.exec()) {
            failed(q, error);
            return std::nullopt;
        }
        AppendedChange a;
        if (q.next()) {
            a.seq = q.value(0).toLongLong();
            a.changedAt = QDateTime::fromMSecsSinceEpoch(q.value(1).toLongLong(), Qt::UTC);
            a.duplicate = true;
            out.append(a);
            continue;
        }
        q.finish();
        // A desktop whose clock is ahead would win every conflict for as long as it is ahead: a
        // change is never later than its arrival.
        const QString now = m_queue.nowMs();
        q.prepare(QStringLiteral("INSERT INTO review_log (job_id, page_number, region_number, status, "
                                 "comment, author, changed_ms, received_ms, client_change_id) VALUES "
                                 "(:job, :page, :region, :status, :comment, :author, "
                                 "CASE WHEN :changed < %1 THEN :changed2 ELSE %1 END, %1, :id) "
                                 "RETURNING seq, changed_ms")
                      .arg(now));
        q.bindValue(QStringLiteral(":job"), jobId);
        q.bindValue(QStringLiteral(":page"), c.pageNumber);
        q.bindValue(QStringLiteral(":region"), c.regionNumber);
        q.bindValue(QStringLiteral(":status"), c.status ? QVariant(reviewStatusName(*c.status))
                                                        : QVariant(QMetaType::fromType<QString>()));
        q.bindValue(QStringLiteral(":comment"), commentSqlValue(c.comment));
        q.bindValue(QStringLiteral(":author"), c.author);
        q.bindValue(QStringLiteral(":changed"), c.changedAt.toMSecsSinceEpoch());
        q.bindValue(QStringLiteral(":changed2"), c.changedAt.toMSecsSinceEpoch());
        q.bindValue(QStringLiteral(":id"), c.changeId);
        if (!q.exec() || !q.next()) {
            failed(q, error);
            return std::nullopt;
        }
        a.seq = q.value(0).toLongLong();
        a.changedAt = QDateTime::fromMSecsSinceEpoch(q.value(1).toLongLong(), Qt::UTC);
        q.finish();
        out.append(a);
    }
    if (!t.commit(error)) return std::nullopt;
    return out;
}

QVector<ReviewChange> ReviewLog::changes(const QString &jobId, qint64 since, int limit) const {
    QVector<ReviewChange> out;
    QSqlQuery q(m_queue.db());
    q.prepare(QStringLiteral("SELECT %1 FROM review_log WHERE seq > :since%2 ORDER BY seq LIMIT :limit")
                  .arg(kChangeColumns, jobId.isEmpty() ? QString() : QStringLiteral(" AND job_id = :job")));
    q.bindValue(QStringLiteral(":since"), since);
    if (!jobId.isEmpty()) q.bindValue(QStringLiteral(":job"), jobId);
    q.bindValue(QStringLiteral(":limit"), limit);
    if (!q.exec()) {
        qWarning("review log: %s", qPrintable(q.lastError().text()));
        return out;
    }
    while (q.next())
        out.append(changeFrom(q));
    return out;
}

qint64 ReviewLog::lastSeq() const {
    QSqlQuery q(m_queue.db());
    if (!q.exec(QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM review_log")) || !q.next()) return 0;
    return q.value(0).toLongLong();
}

QVector<RegionReview> ReviewLog::reviews(const QString &jobId, const QVector<ReviewChange> &changes) {
    QMap<QPair<int, int>, QVector<ReviewChange>> byRegion;
    for (const ReviewChange &c : changes)
        byRegion[{c.pageNumber, c.regionNumber}].append(c);
    QVector<RegionReview> out;
    for (auto it = byRegion.cbegin(); it != byRegion.cend(); ++it) {
        RegionReview base;
        base.jobId = jobId;
        base.pageNumber = it.key().first;
        base.regionNumber = it.key().second;
        out.append(resolveReview(base, it.value()));
    }
    return out;
}

bool ReviewLog::deleteJob(const QString &jobId, QString *error) {
    QSqlQuery q(m_queue.db());
    q.prepare(QStringLiteral("DELETE FROM review_log WHERE job_id = :job"));
    q.bindValue(QStringLiteral(":job"), jobId);
    return q.exec() || failed(q, error);
}

} // namespace bt::server
