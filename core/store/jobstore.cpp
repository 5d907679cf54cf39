#include "jobstore.h"

#include <QDir>
#include <QFileInfo>

#include "storesql.h"

namespace bt {

using namespace storesql;

JobRecord storesql::jobFrom(const QSqlQuery &q) {
    JobRecord j;
    j.id = q.value(0).toString();
    j.oldFile = q.value(1).toString();
    j.newFile = q.value(2).toString();
    j.oldHash = q.value(3).toString();
    j.newHash = q.value(4).toString();
    j.settings = QJsonDocument::fromJson(q.value(5).toString().toUtf8()).object();
    // A status this version does not know reads as one that never got going.
    j.status = jobStatusFromName(q.value(6).toString()).value_or(JobStatus::Pending);
    j.totalPages = q.value(7).toInt();
    j.createdAt = timeFrom(q.value(8));
    j.finishedAt = timeFrom(q.value(9));
    j.mode = q.value(10).toString();
    j.summaryText = q.value(11).toString();
    j.origin = jobOriginFromName(q.value(12).toString());
    j.remoteServer = q.value(13).toString();
    j.remoteJobId = q.value(14).toString();
    j.projectId = q.value(15).toLongLong();
    return j;
}

bool JobStore::createJob(const JobRecord &job, QString *error) {
    return write(
        [&job](QSqlDatabase &d, QString *err) {
            QSqlQuery q(d);
            q.prepare(QStringLiteral(
                "INSERT INTO jobs (id, old_file, new_file, old_hash, new_hash, settings_json, status,"
                " total_pages, created_at, finished_at, mode, summary_text, origin, remote_server, "
                "remote_job_id, project_id)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
            q.addBindValue(job.id);
            q.addBindValue(job.oldFile);
            q.addBindValue(job.newFile);
            q.addBindValue(job.oldHash);
            q.addBindValue(job.newHash);
            q.addBindValue(compact(job.settings));
            q.addBindValue(jobStatusName(job.status));
            q.addBindValue(job.totalPages);
            q.addBindValue(job.createdAt.isValid() ? timeValue(job.createdAt) : QVariant(nowText()));
            q.addBindValue(timeValue(job.finishedAt));
            q.addBindValue(job.mode);
            q.addBindValue(job.summaryText);
            q.addBindValue(jobOriginName(job.origin));
            q.addBindValue(job.remoteServer);
            q.addBindValue(job.remoteJobId);
            q.addBindValue(job.projectId > 0 ? job.projectId : kDefaultProjectId);
            return run(q, err);
        },
        error);
}

bool JobStore::setJobStatus(const QString &id, JobStatus status, QString *error) {
    return write(
        [&](QSqlDatabase &d, QString *err) {
            QSqlQuery q(d);
            q.prepare(QStringLiteral("UPDATE jobs SET status = ?, finished_at = ? WHERE id = ?"));
            q.addBindValue(jobStatusName(status));
            q.addBindValue(isFinished(status) ? nowText() : QString());
            q.addBindValue(id);
            if (!run(q, err)) return false;
            return q.numRowsAffected() == 1 || fail(err, QStringLiteral("no job %1").arg(id));
        },
        error);
}

bool JobStore::setStage(const QString &jobId, int page, Stage stage, StageStatus status,
                        const QString &stageError, int attempts, QString *error) {
    return write(
        [&](QSqlDatabase &d, QString *err) {
            const QString now = nowText();
            const bool started = status != StageStatus::Pending;
            QSqlQuery q(d);
            // started_at keeps the first start; finished_at follows the latest terminal status.
            q.prepare(QStringLiteral(
                "INSERT INTO job_stages (job_id, page_number, stage, status, attempts, error, started_at,"
                " finished_at) VALUES (:job, :page, :stage, :status, :attempts, :error, :started, :finished)"
                " ON CONFLICT (job_id, page_number, stage) DO UPDATE SET status = excluded.status,"
                " attempts = excluded.attempts, error = excluded.error,"
                " started_at = COALESCE(NULLIF(job_stages.started_at, ''), excluded.started_at),"
                " finished_at = excluded.finished_at"));
            q.bindValue(QStringLiteral(":job"), jobId);
            q.bindValue(QStringLiteral(":page"), page);
            q.bindValue(QStringLiteral(":stage"), stageName(stage));
            q.bindValue(QStringLiteral(":status"), stageStatusName(status));
            q.bindValue(QStringLiteral(":attempts"), attempts);
            q.bindValue(QStringLiteral(":error"), stageError);
            q.bindValue(QStringLiteral(":started"), started ? now : QString());
            q.bindValue(QStringLiteral(":finished"), isFinished(status) ? now : QString());
            return run(q, err);
        },
        error);
}

bool JobStore::saveDiffResult(const QString &jobId, int page, const QString &drawingName,
                              const QString &overlayPath, const QJsonObject &pageJson, QString *error) {
    const QJsonObject diff = pageJson.value(QStringLiteral("diff_result")).toObject();
    const QString regions = compact(diff.value(QStringLiteral("regions")));
    const QString alignment = compact(diff.value(QStringLiteral("alignment")));
    const QString full = compact(pageJson);
    return write(
        [&](QSqlDatabase &d, QString *err) {
            QSqlQuery q(d);
            q.prepare(QStringLiteral(
                "INSERT OR REPLACE INTO diff_results (job_id, page_number, drawing_name, overlay_path,"
                " regions_json, alignment_json, page_json) VALUES (?, ?, ?, ?, ?, ?, ?)"));
            q.addBindValue(jobId);
            q.addBindValue(page);
            q.addBindValue(drawingName);
            q.addBindValue(overlayPath);
            q.addBindValue(regions);
            q.addBindValue(alignment);
            q.addBindValue(full);
            return run(q, err);
        },
        error);
}

bool JobStore::saveSummary(const QString &jobId, int page, const QString &summaryText, QString *error) {
    return saveSummary(jobId, page, SummaryRecord{summaryText, QString(), QString()}, error);
}

bool JobStore::saveSummary(const QString &jobId, int page, const SummaryRecord &summary, QString *error) {
    auto orNull = [](const QString &s) { return s.isEmpty() ? QVariant() : QVariant(s); };
    return write(
        [&](QSqlDatabase &d, QString *err) {
            QSqlQuery q(d);
            q.prepare(QStringLiteral("INSERT OR REPLACE INTO summaries (job_id, page_number, summary_text,"
                                     " ai_model, deterministic_text) VALUES (?, ?, ?, ?, ?)"));
            q.addBindValue(jobId);
            q.addBindValue(page);
            q.addBindValue(summary.text);
            q.addBindValue(orNull(summary.aiModel));
            q.addBindValue(orNull(summary.aiModel.isEmpty() ? QString() : summary.deterministicText));
            return run(q, err);
        },
        error);
}

bool JobStore::setJobPages(const QString &jobId, const QVector<QJsonObject> &pages, QString *error) {
    return write(
        [&](QSqlDatabase &d, QString *err) {
            QSqlQuery del(d);
            del.prepare(QStringLiteral("DELETE FROM job_pages WHERE job_id = ?"));
            del.addBindValue(jobId);
            if (!run(del, err)) return false;
            for (int i = 0; i < pages.size(); ++i) {
                QSqlQuery q(d);
                q.prepare(QStringLiteral(
                    "INSERT INTO job_pages (job_id, page_number, page_json) VALUES (?, ?, ?)"));
                q.addBindValue(jobId);
                q.addBindValue(i + 1);
                q.addBindValue(compact(pages[i]));
                if (!run(q, err)) return false;
            }
            QSqlQuery q(d);
            q.prepare(QStringLiteral("UPDATE jobs SET total_pages = ? WHERE id = ?"));
            q.addBindValue(int(pages.size()));
            q.addBindValue(jobId);
            return run(q, err);
        },
        error);
}

bool JobStore::setJobSummary(const QString &jobId, const QString &summaryText, QString *error) {
    return write(
        [&](QSqlDatabase &d, QString *err) {
            QSqlQuery q(d);
            q.prepare(QStringLiteral("UPDATE jobs SET summary_text = ? WHERE id = ?"));
            q.addBindValue(summaryText);
            q.addBindValue(jobId);
            return run(q, err);
        },
        error);
}

int JobStore::resetFailedStages(const QString &jobId, int page, QString *error) {
    int reset = 0;
    const bool ok = write(
        [&](QSqlDatabase &d, QString *err) {
            const QString pageFilter = page > 0 ? QStringLiteral(" AND page_number = ?") : QString();
            QSqlQuery q(d);
            q.prepare(QStringLiteral("UPDATE job_stages SET status = 'pending', attempts = 0, error = '',"
                                     " finished_at = '' WHERE job_id = ? AND status = 'failed'") +
                      pageFilter);
            q.addBindValue(jobId);
            if (page > 0) q.addBindValue(page);
            if (!run(q, err)) return false;
            reset = q.numRowsAffected();
            QSqlQuery letters(d);
            letters.prepare(QStringLiteral("UPDATE dead_letters SET resolved_at = ? WHERE job_id = ?"
                                           " AND resolved_at IS NULL") +
                            pageFilter);
            letters.addBindValue(nowText());
            letters.addBindValue(jobId);
            if (page > 0) letters.addBindValue(page);
            return run(letters, err);
        },
        error);
    return ok ? reset : -1;
}

int JobStore::resetStages(const QString &jobId, int page, const QVector<Stage> &stages, QString *error) {
    int reset = 0;
    const bool ok = write(
        [&](QSqlDatabase &d, QString *err) {
            for (const Stage stage : stages) {
                QSqlQuery q(d);
                q.prepare(
                    QStringLiteral("UPDATE job_stages SET status = 'pending', attempts = 0, error = '',"
                                   " finished_at = '' WHERE job_id = ? AND page_number = ? AND stage = ?"));
                q.addBindValue(jobId);
                q.addBindValue(page);
                q.addBindValue(stageName(stage));
                if (!run(q, err)) return false;
                reset += q.numRowsAffected();
            }
            return true;
        },
        error);
    return ok ? reset : -1;
}

bool JobStore::addDeadLetter(const QString &jobId, int page, Stage stage, const QString &stageError,
                             int attempts, QString *error) {
    return write(
        [&](QSqlDatabase &d, QString *err) {
            QSqlQuery q(d);
            q.prepare(QStringLiteral("INSERT INTO dead_letters (job_id, page_number, stage, error, attempts,"
                                     " created_at) VALUES (?, ?, ?, ?, ?, ?)"));
            q.addBindValue(jobId);
            q.addBindValue(page);
            q.addBindValue(stageName(stage));
            q.addBindValue(stageError);
            q.addBindValue(attempts);
            q.addBindValue(nowText());
            return run(q, err);
        },
        error);
}

bool JobStore::deleteJob(const QString &id, QString *error) {
    const bool ok = write(
        [&id](QSqlDatabase &d, QString *err) {
            for (const char *table :
                 {"job_stages", "job_pages", "diff_results", "summaries", "dead_letters", "region_reviews",
                  "review_events", "sync_operations", "review_carries", "manual_choices", "jobs"}) {
                QSqlQuery q(d);
                q.prepare(QStringLiteral("DELETE FROM %1 WHERE %2 = ?")
                              .arg(QLatin1String(table),
                                   QLatin1String(qstrcmp(table, "jobs") == 0 ? "id" : "job_id")));
                q.addBindValue(id);
                if (!run(q, err)) return false;
            }
            return true;
        },
        error);
    if (!ok) return false;
    if (isPlainName(id)) {
        QDir dir(QFileInfo(path()).absolutePath() + QStringLiteral("/artifacts/") + id);
        if (dir.exists() && !dir.removeRecursively())
            return fail(error, QStringLiteral("cannot remove %1").arg(dir.path()));
    }
    return true;
}

std::optional<JobRecord> JobStore::job(const QString &id) const {
    QSqlQuery q(db());
    q.prepare(kJobColumns + QStringLiteral(" WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec() || !q.next()) return std::nullopt;
    return jobFrom(q);
}

QVector<JobRecord> JobStore::jobs() const {
    QVector<JobRecord> out;
    QSqlQuery q(db());
    if (!q.exec(kJobColumns + QStringLiteral(" ORDER BY created_at DESC, rowid DESC"))) return out;
    while (q.next())
        out.append(jobFrom(q));
    return out;
}

QVector<StageRecord> JobStore::stages(const QString &jobId) const {
    QVector<StageRecord> out;
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT job_id, page_number, stage, status, attempts, error, started_at,"
                             " finished_at FROM job_stages WHERE job_id = ? ORDER BY page_number, stage"));
    q.addBindValue(jobId);
    if (!q.exec()) return out;
    while (q.next()) {
        StageRecord s;
        s.jobId = q.value(0).toString();
        s.pageNumber = q.value(1).toInt();
        const std::optional<Stage> stage = stageFromName(q.value(2).toString());
        if (!stage || *stage == Stage::Match) continue; // not a stage of this history's pages
        s.stage = *stage;
        s.status = stageStatusFromName(q.value(3).toString());
        s.attempts = q.value(4).toInt();
        s.error = q.value(5).toString();
        s.startedAt = timeFrom(q.value(6));
        s.finishedAt = timeFrom(q.value(7));
        out.append(s);
    }
    return out;
}

std::optional<QJsonObject> JobStore::diffResult(const QString &jobId, int page) const {
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT page_json FROM diff_results WHERE job_id = ? AND page_number = ?"));
    q.addBindValue(jobId);
    q.addBindValue(page);
    if (!q.exec() || !q.next()) return std::nullopt;
    return QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
}

std::optional<QString> JobStore::summary(const QString &jobId, int page) const {
    const std::optional<SummaryRecord> record = summaryRecord(jobId, page);
    return record ? std::optional<QString>(record->text) : std::nullopt;
}

std::optional<SummaryRecord> JobStore::summaryRecord(const QString &jobId, int page) const {
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT summary_text, ai_model, deterministic_text FROM summaries"
                             " WHERE job_id = ? AND page_number = ?"));
    q.addBindValue(jobId);
    q.addBindValue(page);
    if (!q.exec() || !q.next()) return std::nullopt;
    return SummaryRecord{q.value(0).toString(), q.value(1).toString(), q.value(2).toString()};
}

std::optional<QVector<QJsonObject>> JobStore::jobPages(const QString &jobId) const {
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT page_json FROM job_pages WHERE job_id = ? ORDER BY page_number"));
    q.addBindValue(jobId);
    if (!q.exec()) return std::nullopt;
    QVector<QJsonObject> out;
    while (q.next())
        out.append(QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object());
    if (out.isEmpty()) return std::nullopt;
    return out;
}

std::optional<JobRecord> JobStore::findJob(const QString &oldHash, const QString &newHash,
                                           const QJsonObject &settings, qint64 projectId) const {
    QSqlQuery q(db());
    q.prepare(kJobColumns + QStringLiteral(" WHERE old_hash = ? AND new_hash = ? AND settings_json = ?"
                                           " AND COALESCE(origin, 'local') = 'local'%1"
                                           " ORDER BY created_at DESC, rowid DESC LIMIT 1")
                                .arg(projectId > 0 ? QStringLiteral(" AND project_id = ?") : QString()));
    q.addBindValue(oldHash);
    q.addBindValue(newHash);
    q.addBindValue(compact(settings));
    if (projectId > 0) q.addBindValue(projectId);
    if (!q.exec() || !q.next()) return std::nullopt;
    return jobFrom(q);
}

QVector<DeadLetter> JobStore::deadLetters(bool includeResolved) const {
    QVector<DeadLetter> out;
    QSqlQuery q(db());
    if (!q.exec(QStringLiteral("SELECT id, job_id, page_number, stage, error, attempts, created_at,"
                               " resolved_at FROM dead_letters%1 ORDER BY id")
                    .arg(includeResolved ? QString() : QStringLiteral(" WHERE resolved_at IS NULL"))))
        return out;
    while (q.next()) {
        DeadLetter l;
        l.id = q.value(0).toLongLong();
        l.jobId = q.value(1).toString();
        l.pageNumber = q.value(2).toInt();
        const std::optional<Stage> stage = stageFromName(q.value(3).toString());
        if (!stage) continue;
        l.stage = *stage;
        l.error = q.value(4).toString();
        l.attempts = q.value(5).toInt();
        l.createdAt = timeFrom(q.value(6));
        l.resolvedAt = timeFrom(q.value(7));
        out.append(l);
    }
    return out;
}

QVector<SheetHistoryEntry> JobStore::sheetHistory(const QString &drawingNumber, qint64 projectId) const {
    QVector<SheetHistoryEntry> out;
    if (drawingNumber.trimmed().isEmpty()) return out;
    QSqlQuery q(db());
    q.prepare(
        QStringLiteral(
            "SELECT d.job_id, d.page_number, d.drawing_name, j.old_file, j.new_file, j.status,"
            " j.created_at, d.regions_json, j.project_id FROM diff_results d JOIN jobs j ON j.id ="
            " d.job_id WHERE d.drawing_name = ?%1 ORDER BY j.created_at DESC, j.rowid DESC, d.page_number")
            .arg(projectId > 0 ? QStringLiteral(" AND j.project_id = ?") : QString()));
    q.addBindValue(drawingNumber.trimmed());
    if (projectId > 0) q.addBindValue(projectId);
    if (!q.exec()) return out;
    while (q.next()) {
        SheetHistoryEntry e;
        e.jobId = q.value(0).toString();
        e.pageNumber = q.value(1).toInt();
        e.drawingNumber = q.value(2).toString();
        e.oldFile = q.value(3).toString();
        e.newFile = q.value(4).toString();
        e.status = jobStatusFromName(q.value(5).toString()).value_or(JobStatus::Pending);
        e.createdAt = timeFrom(q.value(6));
        // regions_json is the page's region array: its length is the change count.
        e.changeCount = int(QJsonDocument::fromJson(q.value(7).toString().toUtf8()).array().size());
        e.projectId = q.value(8).toLongLong();
        out.append(e);
    }
    return out;
}

} // namespace bt
