#include "remotemirror.h"

#include "compare/resultjson.h"
#include "pipeline/jobprogress.h"
#include "store/jobstore.h"

#include <QJsonArray>

namespace bt {

QString overlayCachePath(const JobStore &store, const QString &jobId, int pageNumber) {
    const QString dir = store.artifactDir(jobId);
    return dir.isEmpty()
               ? QString()
               : QStringLiteral("%1/overlay-%2.png").arg(dir).arg(pageNumber, 3, 10, QLatin1Char('0'));
}

std::optional<MirrorChange> mirrorServerJob(JobStore &store, const QString &jobId, const QJsonObject &result,
                                            const QJsonObject &progress, QString *error) {
    const std::optional<JobRecord> job = store.job(jobId);
    if (!job) {
        if (error) *error = QStringLiteral("no job %1 in the history").arg(jobId);
        return std::nullopt;
    }
    MirrorChange change;
    auto check = [&change](bool ok, int page) {
        if (ok && page > 0 && !change.pages.contains(page)) change.pages.append(page);
        return ok;
    };

    // The server's pages, as this history writes them: the overlay in the local cache.
    QVector<PageResult> pages;
    for (const QJsonValue &v : result.value(QStringLiteral("pages")).toArray()) {
        const QJsonObject o = v.toObject();
        PageResult page = pageResultFromJson(o);
        const QJsonValue overlayUrl =
            o.value(QStringLiteral("diff_result")).toObject().value(QStringLiteral("overlay_url"));
        page.overlayPath =
            overlayUrl.isString() ? overlayCachePath(store, jobId, page.pageNumber) : QString();
        page.alignedOldPath.clear();
        page.newRenderPath.clear();
        pages.append(page);
    }
    change.matched = !pages.isEmpty();

    const std::optional<QVector<QJsonObject>> stored = store.jobPages(jobId);
    if (!pages.isEmpty() && (!stored || stored->size() != pages.size())) {
        QVector<QJsonObject> skeletons;
        for (PageResult page : pages) {
            // The pair only: diffs and summaries get their own rows.
            PageResult pair;
            pair.pageNumber = page.pageNumber;
            pair.oldPage = page.oldPage;
            pair.newPage = page.newPage;
            pair.match = page.match;
            pair.matchMethod = page.matchMethod;
            pair.oldIdentity = page.oldIdentity;
            pair.newIdentity = page.newIdentity;
            skeletons.append(pageResultToJson(pair, jobId));
        }
        if (!store.setJobPages(jobId, skeletons, error)) return std::nullopt;
        change.jobChanged = true;
    }

    // Stage statuses per sheet, from the progress JSON.
    QHash<QPair<int, int>, StageStatus> storedStatus; // by page and stage
    for (const StageRecord &s : store.stages(jobId))
        storedStatus.insert({s.pageNumber, int(s.stage)}, s.status);
    for (const QJsonValue &v : progress.value(QStringLiteral("pages")).toArray()) {
        const QJsonObject p = v.toObject();
        const int n = p.value(QStringLiteral("page_number")).toInt();
        if (n < 1 || n > pages.size()) continue;
        for (const Stage s : kStages) {
            const QString name = p.value(stageName(s) + QStringLiteral("_status")).toString();
            if (name.isEmpty()) continue;
            const StageStatus status = stageStatusFromName(name);
            const auto known = storedStatus.constFind({n, int(s)});
            if (known != storedStatus.constEnd() && *known == status) continue;
            const QString stageError =
                status == StageStatus::Failed ? p.value(QStringLiteral("error")).toString() : QString();
            if (!check(store.setStage(jobId, n, s, status, stageError, 0, error), n)) return std::nullopt;
        }
    }

    // Diffs and summaries that are new or changed.
    for (const PageResult &page : pages) {
        const int n = page.pageNumber;
        if (page.match == MatchKind::Matched && page.diffDone) {
            const QJsonObject json = pageResultToJson(page, jobId);
            if (store.diffResult(jobId, n) != json &&
                !check(store.saveDiffResult(jobId, n, page.drawingName(), page.overlayPath, json, error), n))
                return std::nullopt;
        }
        if (!page.summaryText.isEmpty() && store.summary(jobId, n) != page.summaryText &&
            !check(store.saveSummary(jobId, n, page.summaryText, error), n))
            return std::nullopt;
    }

    const std::optional<JobStatus> status =
        jobStatusFromName(progress.value(QStringLiteral("status")).toString());
    if (status && *status != job->status) {
        if (!store.setJobStatus(jobId, *status, error)) return std::nullopt;
        change.jobChanged = true;
    }
    const QString summary = progress.value(QStringLiteral("summary_text")).toString();
    if (!summary.isEmpty() && summary != job->summaryText) {
        if (!store.setJobSummary(jobId, summary, error)) return std::nullopt;
        change.jobChanged = true;
    }
    change.finished = status && isFinished(*status);
    std::sort(change.pages.begin(), change.pages.end());
    return change;
}

} // namespace bt
