#include "carrystore.h"

#include "storesql.h"

namespace bt {

using namespace storesql;

bool CarryStore::addCarries(const QVector<CarriedReview> &carries, QString *error) {
    if (carries.isEmpty()) return true;
    return write(
        [&](QSqlDatabase &d, QString *err) {
            for (const CarriedReview &c : carries) {
                QSqlQuery q(d);
                q.prepare(QStringLiteral(
                    "INSERT OR REPLACE INTO review_carries (job_id, page_number, region_number, from_job_id,"
                    " from_page_number, from_region_number) VALUES (?, ?, ?, ?, ?, ?)"));
                q.addBindValue(c.jobId);
                q.addBindValue(c.pageNumber);
                q.addBindValue(c.regionNumber);
                q.addBindValue(c.fromJobId);
                q.addBindValue(c.fromPageNumber);
                q.addBindValue(c.fromRegionNumber);
                if (!run(q, err)) return false;
            }
            return true;
        },
        error);
}

QVector<CarriedReview> CarryStore::carries(const QString &jobId) const {
    QVector<CarriedReview> out;
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT job_id, page_number, region_number, from_job_id, from_page_number,"
                             " from_region_number FROM review_carries WHERE job_id = ?"
                             " ORDER BY page_number, region_number"));
    q.addBindValue(jobId);
    if (!q.exec()) return out;
    while (q.next())
        out.append(CarriedReview{q.value(0).toString(), q.value(1).toInt(), q.value(2).toInt(),
                                 q.value(3).toString(), q.value(4).toInt(), q.value(5).toInt()});
    return out;
}

QHash<QString, CarrySource> CarryStore::carrySources() const {
    QHash<QString, CarrySource> out;
    QSqlQuery q(db());
    if (!q.exec(QStringLiteral("SELECT job_id, from_job_id, COUNT(*) FROM review_carries"
                               " GROUP BY job_id, from_job_id")))
        return out;
    while (q.next()) {
        CarrySource &s = out[q.value(0).toString()];
        const int n = q.value(2).toInt();
        s.total += n;
        if (n > s.count) {
            s.count = n;
            s.fromJobId = q.value(1).toString();
        }
    }
    return out;
}

} // namespace bt
