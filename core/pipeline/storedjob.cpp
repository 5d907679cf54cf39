#include "storedjob.h"

#include "compare/resultjson.h"

namespace bt {

PageResult storedPage(const QJsonObject &pair, const std::optional<QJsonObject> &diff,
                      const SummaryRecord &summary) {
    PageResult page = pageResultFromJson(diff ? *diff : pair);
    page.summaryText = summary.text;
    page.summaryAiModel = summary.aiModel;
    page.deterministicSummary = summary.deterministicText;
    return page;
}

PageProgress progressOf(const PageResult &page) {
    PageProgress p;
    p.pageNumber = page.pageNumber;
    p.drawingName = page.drawingName();
    p.match = matchKindName(page.match);
    p.changesDetected = page.changesDetected();
    p.changeCount = int(page.regions.size());
    p.overlayPath = page.overlayPath;
    p.summaryText = page.summaryText;
    p.error = page.error;
    return p;
}

ComparisonResult StoredJob::comparison() const {
    ComparisonResult r;
    r.jobId = jobId;
    r.oldPath = oldFile;
    r.newPath = newFile;
    r.started = createdAt;
    r.status = status;
    for (const QJsonObject &pair : pairs) {
        const int n = pair.value(QStringLiteral("page_number")).toInt();
        const auto diff = diffs.constFind(n);
        r.pages.append(storedPage(pair, diff == diffs.constEnd() ? std::nullopt : std::optional(*diff),
                                  summaries.value(n)));
    }
    for (const StageRecord &s : stages)
        if (s.status == StageStatus::Failed && s.pageNumber >= 1 && s.pageNumber <= r.pages.size())
            r.pages[s.pageNumber - 1].error = s.error;
    return r;
}

JobProgress StoredJob::progress() const {
    JobProgress p;
    p.jobId = jobId;
    p.status = status;
    p.mode = mode;
    p.oldFile = oldFile;
    p.newFile = newFile;
    p.totalPages = totalPages;
    p.summaryText = summaryText;
    for (const PageResult &page : comparison().pages)
        p.pages.append(progressOf(page));
    for (const StageRecord &s : stages) {
        if (s.stage == Stage::Match || s.pageNumber < 1 || s.pageNumber > p.pages.size()) continue;
        PageProgress &page = p.pages[s.pageNumber - 1];
        page.status[size_t(s.stage)] = s.status;
        page.attempts[size_t(s.stage)] = s.attempts;
    }
    return p;
}

std::optional<StoredJob> StoredJob::read(const JobStore &store, const QString &jobId) {
    const std::optional<JobRecord> job = store.job(jobId);
    if (!job) return std::nullopt;
    StoredJob s;
    s.jobId = job->id;
    s.oldFile = job->oldFile;
    s.newFile = job->newFile;
    s.createdAt = job->createdAt;
    s.status = job->status;
    s.mode = job->mode;
    s.totalPages = job->totalPages;
    s.summaryText = job->summaryText;
    s.pairs = store.jobPages(jobId).value_or(QVector<QJsonObject>());
    for (const QJsonObject &pair : s.pairs) {
        const int n = pair.value(QStringLiteral("page_number")).toInt();
        if (const std::optional<QJsonObject> diff = store.diffResult(jobId, n)) s.diffs.insert(n, *diff);
        if (const std::optional<SummaryRecord> summary = store.summaryRecord(jobId, n))
            s.summaries.insert(n, *summary);
    }
    s.stages = store.stages(jobId);
    return s;
}

} // namespace bt
