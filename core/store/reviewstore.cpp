#include "reviewstore.h"

#include "storesql.h"

namespace bt {

using namespace storesql;

namespace {

// The changes of the page's reviews (who set what, schema 7) follow their regions as the reviews
// do; negated first so that 1 -> 2 and 2 -> 3 do not meet.
bool remapReviewEvents(QSqlDatabase &d, const QString &jobId, int page, const QHash<int, int> &oldToNew,
                       QString *err) {
    QStringList kept;
    for (auto it = oldToNew.cbegin(); it != oldToNew.cend(); ++it)
        kept << QString::number(it.key());
    QSqlQuery q(d);
    q.prepare(QStringLiteral("DELETE FROM review_events WHERE job_id = ? AND page_number = ?%1")
                  .arg(kept.isEmpty()
                           ? QString()
                           : QStringLiteral(" AND region_number NOT IN (%1)").arg(kept.join(','))));
    q.addBindValue(jobId);
    q.addBindValue(page);
    if (!run(q, err)) return false;
    for (auto it = oldToNew.cbegin(); it != oldToNew.cend(); ++it) {
        q.prepare(
            QStringLiteral("UPDATE review_events SET region_number = ? WHERE job_id = ? AND page_number = ?"
                           " AND region_number = ?"));
        q.addBindValue(-it.value());
        q.addBindValue(jobId);
        q.addBindValue(page);
        q.addBindValue(it.key());
        if (!run(q, err)) return false;
    }
    q.prepare(QStringLiteral("UPDATE review_events SET region_number = -region_number WHERE job_id = ?"
                             " AND page_number = ? AND region_number < 0"));
    q.addBindValue(jobId);
    q.addBindValue(page);
    return run(q, err);
}

} // namespace

bool ReviewStore::setReview(const RegionReview &review, QString *error) {
    return write(
        [&](QSqlDatabase &d, QString *err) {
            QSqlQuery q(d);
            q.prepare(QStringLiteral(
                "INSERT OR REPLACE INTO region_reviews (job_id, page_number, region_number, status, comment,"
                " reviewer, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
            q.addBindValue(review.jobId);
            q.addBindValue(review.pageNumber);
            q.addBindValue(review.regionNumber);
            q.addBindValue(reviewStatusName(review.status));
            q.addBindValue(review.comment);
            q.addBindValue(review.reviewer.isEmpty() ? reviewerName() : review.reviewer);
            q.addBindValue(review.updatedAt.isValid() ? timeValue(review.updatedAt) : QVariant(nowText()));
            return run(q, err);
        },
        error);
}

QVector<RegionReview> ReviewStore::reviews(const QString &jobId, int page) const {
    QVector<RegionReview> out;
    QSqlQuery q(db());
    q.prepare(
        QStringLiteral("SELECT job_id, page_number, region_number, status, comment, reviewer, updated_at"
                       " FROM region_reviews WHERE job_id = ?%1 ORDER BY page_number, region_number")
            .arg(page > 0 ? QStringLiteral(" AND page_number = ?") : QString()));
    q.addBindValue(jobId);
    if (page > 0) q.addBindValue(page);
    if (!q.exec()) return out;
    while (q.next()) {
        RegionReview r;
        r.jobId = q.value(0).toString();
        r.pageNumber = q.value(1).toInt();
        r.regionNumber = q.value(2).toInt();
        r.status = reviewStatusFromName(q.value(3).toString()).value_or(ReviewStatus::Open);
        r.comment = q.value(4).toString();
        r.reviewer = q.value(5).toString();
        r.updatedAt = timeFrom(q.value(6));
        out.append(r);
    }
    return out;
}

bool ReviewStore::remapReviews(const QString &jobId, int page, const QHash<int, int> &oldToNew,
                               QString *error) {
    const QVector<RegionReview> before = reviews(jobId, page);
    return write(
        [&](QSqlDatabase &d, QString *err) {
            QSqlQuery del(d);
            del.prepare(QStringLiteral("DELETE FROM region_reviews WHERE job_id = ? AND page_number = ?"));
            del.addBindValue(jobId);
            del.addBindValue(page);
            if (!run(del, err)) return false;
            for (const RegionReview &r : before) {
                if (!oldToNew.contains(r.regionNumber)) continue;
                QSqlQuery q(d);
                q.prepare(QStringLiteral(
                    "INSERT OR REPLACE INTO region_reviews (job_id, page_number, region_number, status,"
                    " comment, reviewer, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
                q.addBindValue(jobId);
                q.addBindValue(page);
                q.addBindValue(oldToNew.value(r.regionNumber));
                q.addBindValue(reviewStatusName(r.status));
                q.addBindValue(r.comment);
                q.addBindValue(r.reviewer);
                q.addBindValue(timeValue(r.updatedAt));
                if (!run(q, err)) return false;
            }
            return remapReviewEvents(d, jobId, page, oldToNew, err);
        },
        error);
}

qint64 ReviewStore::addIgnoreRegion(const QString &drawingNumber, const QRectF &rectPt, QString *error) {
    return addIgnoreRegion(HistoryDatabase::kDefaultProjectId, drawingNumber, rectPt, error);
}

qint64 ReviewStore::addIgnoreRegion(qint64 projectId, const QString &drawingNumber, const QRectF &rectPt,
                                    QString *error) {
    qint64 id = 0;
    const QRectF r = rectPt.normalized();
    if (drawingNumber.trimmed().isEmpty() || r.isEmpty()) {
        fail(error, QStringLiteral("an ignore region needs a drawing number and a non-empty rectangle"));
        return 0;
    }
    const bool ok = write(
        [&](QSqlDatabase &d, QString *err) {
            QSqlQuery q(d);
            q.prepare(QStringLiteral("INSERT INTO ignore_regions (drawing_number, x, y, w, h, created_by,"
                                     " created_at, project_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
            q.addBindValue(drawingNumber.trimmed());
            q.addBindValue(r.x());
            q.addBindValue(r.y());
            q.addBindValue(r.width());
            q.addBindValue(r.height());
            q.addBindValue(reviewerName());
            q.addBindValue(nowText());
            q.addBindValue(projectId > 0 ? projectId : HistoryDatabase::kDefaultProjectId);
            if (!run(q, err)) return false;
            id = q.lastInsertId().toLongLong();
            return true;
        },
        error);
    return ok ? id : 0;
}

bool ReviewStore::removeIgnoreRegion(qint64 id, QString *error) {
    return write(
        [&](QSqlDatabase &d, QString *err) {
            QSqlQuery q(d);
            q.prepare(QStringLiteral("DELETE FROM ignore_regions WHERE id = ?"));
            q.addBindValue(id);
            if (!run(q, err)) return false;
            return q.numRowsAffected() == 1 || fail(err, QStringLiteral("no ignore region %1").arg(id));
        },
        error);
}

QVector<IgnoreRegion> ReviewStore::ignoreRegions(qint64 projectId, const QString &drawingNumber) const {
    QVector<IgnoreRegion> out;
    QStringList where;
    if (projectId > 0) where << QStringLiteral("project_id = ?");
    if (!drawingNumber.isEmpty()) where << QStringLiteral("drawing_number = ?");
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT id, drawing_number, x, y, w, h, created_by, created_at, project_id"
                             " FROM ignore_regions%1 ORDER BY id")
                  .arg(where.isEmpty() ? QString()
                                       : QStringLiteral(" WHERE ") + where.join(QLatin1String(" AND "))));
    if (projectId > 0) q.addBindValue(projectId);
    if (!drawingNumber.isEmpty()) q.addBindValue(drawingNumber.trimmed());
    if (!q.exec()) return out;
    while (q.next()) {
        IgnoreRegion r;
        r.id = q.value(0).toLongLong();
        r.drawingNumber = q.value(1).toString();
        r.rectPt = QRectF(q.value(2).toDouble(), q.value(3).toDouble(), q.value(4).toDouble(),
                          q.value(5).toDouble());
        r.createdBy = q.value(6).toString();
        r.createdAt = timeFrom(q.value(7));
        r.projectId = q.value(8).toLongLong();
        out.append(r);
    }
    return out;
}

} // namespace bt
