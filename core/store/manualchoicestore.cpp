#include "manualchoicestore.h"

#include "storesql.h"

namespace bt {

using namespace storesql;

namespace {

// Per-page tables of a job (page_number column); job_pages is written whole.
const char *const kPageTables[] = {"job_stages",    "diff_results", "summaries",     "region_reviews",
                                   "review_events", "dead_letters", "review_carries"};

QString pointsJson(const PointPairs &points) {
    auto list = [](const QVector<QPointF> &pts) {
        QJsonArray a;
        for (const QPointF &p : pts)
            a.append(QJsonArray{p.x(), p.y()});
        return a;
    };
    if (points.oldPt.isEmpty()) return {};
    return compact(QJsonObject{{QStringLiteral("old_pt"), list(points.oldPt)},
                               {QStringLiteral("new_pt"), list(points.newPt)}});
}

PointPairs pointsFrom(const QString &json) {
    PointPairs points;
    const QJsonObject o = QJsonDocument::fromJson(json.toUtf8()).object();
    for (const auto &[key, list] : {std::pair(QStringLiteral("old_pt"), &points.oldPt),
                                    std::pair(QStringLiteral("new_pt"), &points.newPt)})
        for (const QJsonValue &v : o.value(key).toArray())
            list->append(QPointF(v.toArray().at(0).toDouble(), v.toArray().at(1).toDouble()));
    return points;
}

const QString kChoiceColumns = QStringLiteral(
    "SELECT c.id, c.job_id, c.kind, c.old_page, c.new_page, c.old_number, c.new_number, c.points_json,"
    " c.created_at");

ManualChoice choiceFrom(const QSqlQuery &q) {
    ManualChoice c;
    c.id = q.value(0).toLongLong();
    c.jobId = q.value(1).toString();
    c.kind = manualChoiceKindFromName(q.value(2).toString()).value_or(ManualChoiceKind::Pair);
    c.oldPage = q.value(3).isNull() ? -1 : q.value(3).toInt();
    c.newPage = q.value(4).isNull() ? -1 : q.value(4).toInt();
    c.oldNumber = q.value(5).toString();
    c.newNumber = q.value(6).toString();
    c.points = pointsFrom(q.value(7).toString());
    c.createdAt = timeFrom(q.value(8));
    return c;
}

bool exec(QSqlDatabase &d, const QString &sql, const QVariantList &values, QString *err) {
    QSqlQuery q(d);
    q.prepare(sql);
    for (const QVariant &v : values)
        q.addBindValue(v);
    return run(q, err);
}

} // namespace

qint64 ManualChoiceStore::addChoice(const ManualChoice &choice, QString *error) {
    qint64 id = 0;
    const bool ok = write(
        [&](QSqlDatabase &d, QString *err) {
            QSqlQuery q(d);
            q.prepare(
                QStringLiteral("INSERT INTO manual_choices (job_id, kind, old_page, new_page, old_number,"
                               " new_number, points_json, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
            q.addBindValue(choice.jobId);
            q.addBindValue(manualChoiceKindName(choice.kind));
            q.addBindValue(choice.oldPage >= 0 ? QVariant(choice.oldPage) : QVariant());
            q.addBindValue(choice.newPage >= 0 ? QVariant(choice.newPage) : QVariant());
            q.addBindValue(choice.oldNumber);
            q.addBindValue(choice.newNumber);
            q.addBindValue(pointsJson(choice.points));
            q.addBindValue(choice.createdAt.isValid() ? timeValue(choice.createdAt) : QVariant(nowText()));
            if (!run(q, err)) return false;
            id = q.lastInsertId().toLongLong();
            return true;
        },
        error);
    return ok ? id : 0;
}

QVector<ManualChoice> ManualChoiceStore::choices(const QString &jobId) const {
    QVector<ManualChoice> out;
    QSqlQuery q(db());
    q.prepare(kChoiceColumns + QStringLiteral(" FROM manual_choices c WHERE c.job_id = ? ORDER BY c.id"));
    q.addBindValue(jobId);
    if (!q.exec()) return out;
    while (q.next()) {
        ManualChoice c = choiceFrom(q);
        c.sameFiles = true;
        out.append(c);
    }
    return out;
}

QVector<ManualChoice> ManualChoiceStore::choicesFor(const QString &oldHash, const QString &newHash,
                                                    const QString &exceptJobId) const {
    QVector<ManualChoice> out;
    if (oldHash.isEmpty() || newHash.isEmpty()) return out;
    QSqlQuery q(db());
    q.prepare(
        kChoiceColumns +
        QStringLiteral(", j.old_hash = ? AND j.new_hash = ? FROM manual_choices c JOIN jobs j"
                       " ON j.id = c.job_id WHERE c.job_id <> ? AND ((j.old_hash = ? AND j.new_hash = ?)"
                       " OR (c.kind <> 'align' AND c.old_number <> '' AND c.new_number <> ''))"
                       // A project's drawing numbers are its own: every project has an A-101.
                       " AND j.project_id = (SELECT project_id FROM jobs WHERE id = ?)"
                       " ORDER BY c.id"));
    for (const QVariant &v : {QVariant(oldHash), QVariant(newHash), QVariant(exceptJobId), QVariant(oldHash),
                              QVariant(newHash), QVariant(exceptJobId)})
        q.addBindValue(v);
    if (!q.exec()) return out;
    while (q.next()) {
        ManualChoice c = choiceFrom(q);
        c.sameFiles = q.value(9).toBool();
        out.append(c);
    }
    return out;
}

bool ManualChoiceStore::replaceJobPages(const QString &jobId, const QVector<QJsonObject> &pages,
                                        const QHash<int, int> &keptOldToNew, QString *error) {
    return write(
        [&](QSqlDatabase &d, QString *err) {
            for (const char *table : kPageTables) {
                const QString t = QLatin1String(table);
                // Negated first, so no renumbered row meets one not moved yet (primary keys).
                if (!exec(d,
                          QStringLiteral("UPDATE %1 SET page_number = -page_number WHERE job_id = ?").arg(t),
                          {jobId}, err))
                    return false;
                for (auto it = keptOldToNew.constBegin(); it != keptOldToNew.constEnd(); ++it)
                    if (!exec(d,
                              QStringLiteral(
                                  "UPDATE %1 SET page_number = ? WHERE job_id = ? AND page_number = ?")
                                  .arg(t),
                              {it.value(), jobId, -it.key()}, err))
                        return false;
                if (!exec(d, QStringLiteral("DELETE FROM %1 WHERE job_id = ? AND page_number < 0").arg(t),
                          {jobId}, err))
                    return false;
            }
            // A diff's page JSON names its page.
            if (!exec(
                    d,
                    QStringLiteral("UPDATE diff_results SET page_json = json_set(page_json, '$.page_number',"
                                   " page_number) WHERE job_id = ?"),
                    {jobId}, err))
                return false;
            if (!exec(d, QStringLiteral("DELETE FROM job_pages WHERE job_id = ?"), {jobId}, err))
                return false;
            for (int i = 0; i < pages.size(); ++i)
                if (!exec(d,
                          QStringLiteral(
                              "INSERT INTO job_pages (job_id, page_number, page_json) VALUES (?, ?, ?)"),
                          {jobId, i + 1, compact(pages[i])}, err))
                    return false;
            return exec(d, QStringLiteral("UPDATE jobs SET total_pages = ? WHERE id = ?"),
                        {int(pages.size()), jobId}, err);
        },
        error);
}

} // namespace bt
