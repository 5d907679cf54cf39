#include "jobview.h"

#include "compare/resultjson.h"
#include "pipeline/pipeline.h"
#include "pipeline/storedjob.h"
#include "summary/summary.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace bt::server {

namespace {

// Overlay paths are the server's business: clients get the overlay route instead.
QJsonObject withOverlayUrl(QJsonObject page, const QString &jobId) {
    QJsonObject diff = page.value(QStringLiteral("diff_result")).toObject();
    if (diff.isEmpty()) return page;
    const bool hasOverlay = !diff.value(QStringLiteral("overlay_path")).toString().isEmpty() ||
                            !diff.value(QStringLiteral("overlay_url")).toString().isEmpty();
    const int n = page.value(QStringLiteral("page_number")).toInt();
    for (const char *key : {"overlay_path", "aligned_old_path", "new_render_path"})
        diff.remove(QLatin1String(key));
    diff.insert(QStringLiteral("overlay_url"),
                hasOverlay ? QJsonValue(overlayRoute(jobId, n)) : QJsonValue());
    page.insert(QStringLiteral("diff_result"), diff);
    return page;
}

QJsonObject withApiNames(QJsonObject o, const ServerJob &job) {
    o.insert(QStringLiteral("old_file"), job.oldUpload);
    o.insert(QStringLiteral("new_file"), job.newUpload);
    // The client's file names, for people; old_file/new_file stay the ids.
    o.insert(QStringLiteral("old_name"), job.oldName);
    o.insert(QStringLiteral("new_name"), job.newName);
    QJsonArray pages;
    for (const QJsonValue &p : o.value(QStringLiteral("pages")).toArray())
        pages.append(withOverlayUrl(p.toObject(), job.id));
    o.insert(QStringLiteral("pages"), pages);
    return o;
}

StageRecord stageRecordOf(const StageRow &row) {
    StageRecord r;
    r.jobId = row.jobId;
    r.pageNumber = row.pageNumber;
    r.stage = row.stage;
    r.status = stageStatusOf(row.status);
    r.attempts = row.attempts;
    r.error = row.error;
    return r;
}

// What the queue holds of a job, in the shape core reads a stored job from.
StoredJob storedJobOf(const QueueStore &store, const ServerJob &job) {
    StoredJob s;
    s.jobId = job.id;
    s.oldFile = job.oldUpload;
    s.newFile = job.newUpload;
    s.createdAt = job.createdAt;
    s.status = job.status;
    s.mode = pipelineModeName(PipelineMode::Streaming);
    for (const QJsonValue &pair :
         store.results(job.id, Stage::Match).value(0).value(QStringLiteral("pages")).toArray())
        s.pairs.append(pair.toObject());
    s.totalPages = s.pairs.size();
    const QMap<int, QJsonObject> diffs = store.results(job.id, Stage::Diff);
    for (auto it = diffs.begin(); it != diffs.end(); ++it)
        if (!it.value().isEmpty()) s.diffs.insert(it.key(), it.value());
    const QMap<int, QJsonObject> summaries = store.results(job.id, Stage::Summary);
    for (auto it = summaries.begin(); it != summaries.end(); ++it)
        s.summaries.insert(
            it.key(),
            SummaryRecord{it.value().value(QStringLiteral("summary_text")).toString(), QString(), QString()});
    for (const StageRow &row : store.stages(job.id))
        s.stages.append(stageRecordOf(row));
    return s;
}

} // namespace

ComparisonResult comparisonOf(const QueueStore &store, const ServerJob &job) {
    return storedJobOf(store, job).comparison();
}

std::optional<PageResult> pageOf(const QueueStore &store, const QString &jobId, int pageNumber) {
    const QJsonArray pairs =
        store.result(jobId, 0, Stage::Match).value_or(QJsonObject()).value(QStringLiteral("pages")).toArray();
    if (pageNumber < 1 || pageNumber > pairs.size()) return std::nullopt;
    std::optional<QJsonObject> diff = store.result(jobId, pageNumber, Stage::Diff);
    if (diff && diff->isEmpty()) diff.reset(); // an added or removed sheet's diff
    PageResult page = storedPage(pairs[pageNumber - 1].toObject(), diff,
                                 SummaryRecord{store.result(jobId, pageNumber, Stage::Summary)
                                                   .value_or(QJsonObject())
                                                   .value(QStringLiteral("summary_text"))
                                                   .toString(),
                                               QString(), QString()});
    for (const StageRow &s : store.stages(jobId))
        if (s.pageNumber == pageNumber && s.status == QueueStatus::Failed) page.error = s.error;
    return page;
}

JobProgress progressOf(const QueueStore &store, const ServerJob &job) {
    const StoredJob stored = storedJobOf(store, job);
    JobProgress p = stored.progress();
    if (isFinished(job.status)) p.summaryText = summariseJob(stored.comparison().pages);
    return p;
}

QJsonObject resultJson(const QueueStore &store, const ServerJob &job) {
    return withApiNames(comparisonToJson(comparisonOf(store, job)), job);
}

QJsonObject progressJson(const QueueStore &store, const ServerJob &job) {
    return withApiNames(progressOf(store, job).toJson(), job);
}

bool parseDiffResultId(const QString &id, QString *jobId, int *pageNumber) {
    static const QRegularExpression re(QStringLiteral("^([A-Za-z0-9-]+)-diff-([0-9]{1,6})$"));
    const QRegularExpressionMatch m = re.match(id);
    if (!m.hasMatch()) return false;
    *jobId = m.captured(1);
    *pageNumber = m.captured(2).toInt();
    return true;
}

QString jobArtifactDir(const QString &dataDir, const QString &jobId) {
    return dataDir + QStringLiteral("/jobs/") + jobId;
}

} // namespace bt::server
