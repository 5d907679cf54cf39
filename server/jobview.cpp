#include "jobview.h"

#include "compare/resultjson.h"
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

} // namespace

ComparisonResult comparisonOf(const QueueStore &store, const ServerJob &job) {
    ComparisonResult r;
    r.jobId = job.id;
    r.oldPath = job.oldUpload;
    r.newPath = job.newUpload;
    r.started = job.createdAt;
    r.status = job.status;
    const QJsonArray skeletons =
        store.results(job.id, Stage::Match).value(0).value(QStringLiteral("pages")).toArray();
    const QMap<int, QJsonObject> diffs = store.results(job.id, Stage::Diff);
    const QMap<int, QJsonObject> summaries = store.results(job.id, Stage::Summary);
    for (const QJsonValue &s : skeletons) {
        PageResult page = pageResultFromJson(s.toObject());
        const QJsonObject diff = diffs.value(page.pageNumber);
        if (!diff.isEmpty()) page = pageResultFromJson(diff);
        page.summaryText = summaries.value(page.pageNumber).value(QStringLiteral("summary_text")).toString();
        r.pages.append(page);
    }
    for (const StageRow &s : store.stages(job.id))
        if (s.status == QueueStatus::Failed && s.pageNumber >= 1 && s.pageNumber <= r.pages.size())
            r.pages[s.pageNumber - 1].error = s.error;
    return r;
}

std::optional<PageResult> pageOf(const QueueStore &store, const QString &jobId, int pageNumber) {
    const QJsonArray skeletons =
        store.result(jobId, 0, Stage::Match).value_or(QJsonObject()).value(QStringLiteral("pages")).toArray();
    if (pageNumber < 1 || pageNumber > skeletons.size()) return std::nullopt;
    const QJsonObject diff = store.result(jobId, pageNumber, Stage::Diff).value_or(QJsonObject());
    PageResult page = pageResultFromJson(diff.isEmpty() ? skeletons[pageNumber - 1].toObject() : diff);
    page.summaryText = store.result(jobId, pageNumber, Stage::Summary)
                           .value_or(QJsonObject())
                           .value(QStringLiteral("summary_text"))
                           .toString();
    for (const StageRow &s : store.stages(jobId))
        if (s.pageNumber == pageNumber && s.status == QueueStatus::Failed) page.error = s.error;
    return page;
}

JobProgress progressOf(const QueueStore &store, const ServerJob &job) {
    const ComparisonResult result = comparisonOf(store, job);
    JobProgress p;
    p.jobId = job.id;
    p.status = job.status;
    p.mode = QStringLiteral("streaming");
    p.oldFile = job.oldUpload;
    p.newFile = job.newUpload;
    p.totalPages = result.pages.size();
    for (const PageResult &page : result.pages) {
        PageProgress pp;
        pp.pageNumber = page.pageNumber;
        pp.drawingName = page.drawingName();
        pp.match = matchKindName(page.match);
        pp.changesDetected = page.changesDetected();
        pp.changeCount = int(page.regions.size());
        pp.overlayPath = page.overlayPath;
        pp.summaryText = page.summaryText;
        pp.error = page.error;
        p.pages.append(pp);
    }
    for (const StageRow &s : store.stages(job.id)) {
        if (s.stage == Stage::Match || s.pageNumber < 1 || s.pageNumber > p.pages.size()) continue;
        PageProgress &page = p.pages[s.pageNumber - 1];
        page.status[size_t(s.stage)] = stageStatusOf(s.status);
        page.attempts[size_t(s.stage)] = s.attempts;
    }
    if (job.status != JobStatus::Pending && job.status != JobStatus::InProgress)
        p.summaryText = summariseJob(result.pages);
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
