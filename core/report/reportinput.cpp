#include "reportinput.h"

#include "document/document.h"
#include "pipeline/pipeline.h"
#include "review/regionreview.h"
#include "store/jobstore.h"
#include "summary/summary.h"

#include <QFileInfo>

namespace bt {

QString ReportInput::reviewKey(int pageNumber, int regionId) {
    return QStringLiteral("%1/%2").arg(pageNumber).arg(regionId);
}

ChangeReview ReportInput::review(int pageNumber, int regionId) const {
    return reviews.value(reviewKey(pageNumber, regionId));
}

namespace {

QDateTime modified(const QString &path) {
    const QFileInfo info(path);
    return info.isFile() ? info.lastModified() : QDateTime();
}

} // namespace

ReportInput ReportInput::fromResult(const ComparisonResult &result, const QJsonObject &settings) {
    ReportInput in;
    in.comparison = result;
    in.settings = settings;
    in.colours = CompareSettings::fromJson(settings).colours;
    // The summaries in the language of the process that writes the report (the history keeps
    // them in English): built again from the sheets, as the window shows them. An AI rewrite
    // cannot be built again: it stands as written (and is headed so).
    for (PageResult &page : in.comparison.pages)
        if (!page.summaryText.isEmpty() && page.summaryAiModel.isEmpty())
            page.summaryText = summarisePage(page);
    in.summaryText = summariseJob(result.pages);
    in.oldModified = modified(result.oldPath);
    in.newModified = modified(result.newPath);
    return in;
}

std::optional<ReportInput> ReportInput::fromStore(const JobStore &store, const QString &jobId) {
    const std::optional<JobRecord> job = store.job(jobId);
    std::optional<ComparisonResult> result = storedComparison(store, jobId);
    if (!job || !result) return std::nullopt;
    ReportInput in = fromResult(*result, job->settings);
    in.newHash = job->newHash;
    for (const RegionReview &r : store.reviewStore().reviews(jobId))
        in.reviews.insert(reviewKey(r.pageNumber, r.regionNumber),
                          ChangeReview{reviewStatusName(r.status), r.comment, r.reviewer, r.updatedAt});
    return in;
}

SetRevision ReportInput::titleBlockRevision(const QString &path) {
    if (!QFileInfo(path).isFile()) return {};
    DocumentError error; // an encrypted or damaged set: no revision on the cover, nothing else
    const std::unique_ptr<Document> document = Document::open(path, QString(), &error);
    return document ? readSetRevision(*document) : SetRevision();
}

void ReportInput::readTitleBlockRevisions() {
    oldRevision = titleBlockRevision(comparison.oldPath);
    newRevision = titleBlockRevision(comparison.newPath);
}

} // namespace bt
