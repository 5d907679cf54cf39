#pragma once

#include "compare/comparison.h"
#include "jobprogress.h"
#include "store/jobstore.h"

#include <QHash>
#include <QJsonObject>
#include <QVector>

#include <optional>

namespace bt {

// A job as a history keeps it, in the shapes it is stored in: the local history (JobStore) and
// the job server's queue (server/jobview.cpp) both fill one, and this is the one place that turns
// it back into a result or a progress.
struct StoredJob {
    QString jobId;
    QString oldFile, newFile;
    QDateTime createdAt;
    JobStatus status = JobStatus::Pending;
    QString mode;                        // streaming, batch
    int totalPages = 0;                  // the sheet pairs, once matched
    QString summaryText;                 // the job's, once finished
    QVector<QJsonObject> pairs;          // the sheet pairs: one page JSON each, before any diff
    QHash<int, QJsonObject> diffs;       // a page's JSON once its diff is done, by page number
    QHash<int, SummaryRecord> summaries; // by page number
    QVector<StageRecord> stages;         // each page stage's status, attempts and error

    // The pages as they got: each pair replaced by its diff once there is one, with its summary
    // and the error of a stage that failed for good.
    ComparisonResult comparison() const;
    // The job's progress: the pages with their stage statuses.
    JobProgress progress() const;
    // What the local history holds; nullopt when it has no such job.
    static std::optional<StoredJob> read(const JobStore &store, const QString &jobId);
};

// One stored page: its pair, or its diff once there is one, with its summary.
PageResult storedPage(const QJsonObject &pair, const std::optional<QJsonObject> &diff,
                      const SummaryRecord &summary);
// A page's progress as far as its result tells (stage statuses and attempts aside).
PageProgress progressOf(const PageResult &page);

} // namespace bt
