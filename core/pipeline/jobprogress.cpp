#include "jobprogress.h"

#include "storedjob.h"

#include <QJsonArray>
#include <QUrl>

namespace bt {

namespace {

QJsonValue stringOrNull(const QString &s) {
    return s.isEmpty() ? QJsonValue() : QJsonValue(s);
}

} // namespace

QJsonObject StageEvent::toJson() const {
    QJsonObject o{
        {QStringLiteral("event"), QStringLiteral("stage")},  {QStringLiteral("job_id"), jobId},
        {QStringLiteral("page_number"), pageNumber},         {QStringLiteral("stage"), stageName(stage)},
        {QStringLiteral("status"), stageStatusName(status)}, {QStringLiteral("t_ms"), tMs},
    };
    if (attempt > 0) o.insert(QStringLiteral("attempt"), attempt);
    if (status == StageStatus::Failed) o.insert(QStringLiteral("will_retry"), willRetry);
    if (!error.isEmpty()) o.insert(QStringLiteral("error"), error);
    for (auto it = detail.begin(); it != detail.end(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

int JobProgress::completed(Stage stage) const {
    return int(std::count_if(pages.begin(), pages.end(), [stage](const PageProgress &p) {
        return p.statusOf(stage) == StageStatus::Completed;
    }));
}

QJsonObject JobProgress::toJson() const {
    QJsonObject progress;
    for (const Stage s : kStages)
        progress.insert(stageName(s), QJsonObject{{QStringLiteral("completed"), completed(s)},
                                                  {QStringLiteral("total"), totalPages}});
    QJsonArray pageArray;
    for (const PageProgress &p : pages) {
        QJsonObject o{
            {QStringLiteral("page_number"), p.pageNumber},
            {QStringLiteral("drawing_name"), stringOrNull(p.drawingName)},
            {QStringLiteral("match"), stringOrNull(p.match)},
        };
        for (const Stage s : kStages)
            o.insert(stageName(s) + QStringLiteral("_status"), stageStatusName(p.statusOf(s)));
        if (p.statusOf(Stage::Diff) == StageStatus::Completed) {
            o.insert(
                QStringLiteral("diff_result"),
                QJsonObject{
                    {QStringLiteral("diff_result_id"),
                     QStringLiteral("%1-diff-%2").arg(jobId).arg(p.pageNumber)},
                    {QStringLiteral("overlay_url"),
                     p.overlayPath.isEmpty() ? QJsonValue()
                                             : QJsonValue(QUrl::fromLocalFile(p.overlayPath).toString())},
                    {QStringLiteral("changes_detected"), p.changesDetected},
                    {QStringLiteral("change_count"), p.changeCount},
                });
        }
        if (p.statusOf(Stage::Summary) == StageStatus::Completed) {
            o.insert(QStringLiteral("summary"),
                     QJsonObject{{QStringLiteral("summary_id"),
                                  QStringLiteral("%1-summary-%2").arg(jobId).arg(p.pageNumber)},
                                 {QStringLiteral("summary_text"), p.summaryText}});
        }
        if (!p.error.isEmpty()) o.insert(QStringLiteral("error"), p.error);
        pageArray.append(o);
    }
    return QJsonObject{
        {QStringLiteral("job_id"), jobId},      {QStringLiteral("status"), jobStatusName(status)},
        {QStringLiteral("mode"), mode},         {QStringLiteral("old_file"), oldFile},
        {QStringLiteral("new_file"), newFile},  {QStringLiteral("total_pages"), totalPages},
        {QStringLiteral("progress"), progress}, {QStringLiteral("summary_text"), stringOrNull(summaryText)},
        {QStringLiteral("pages"), pageArray},
    };
}

std::optional<JobProgress> JobProgress::fromStore(const JobStore &store, const QString &jobId) {
    const std::optional<StoredJob> job = StoredJob::read(store, jobId);
    if (!job) return std::nullopt;
    return job->progress();
}

} // namespace bt
