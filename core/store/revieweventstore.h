#pragma once

#include "historyrepository.h"
#include "review/reviewchange.h"

#include <QPair>
#include <QVector>

#include <optional>

namespace bt {

// Who set what on a review, and when (history schema v7): every change of a region's review,
// made here or by the team on the job server (table review_events), and per server how far
// its log of the team's changes has been read (review_cursors). A region's review (ReviewStore,
// table region_reviews) is what its changes resolve to (resolveReview: last writer wins per
// field), so every desktop that has the same changes shows the same review.
class ReviewEventStore : public HistoryRepository {
public:
    explicit ReviewEventStore(const HistoryDatabase &database)
        : HistoryRepository(database) {}

    // A change made on this desktop: kept, the region's review resolved anew, and when the job
    // is on a job server an operation queued to send it there (SyncKind::Reviews; one per job
    // takes every change not sent yet). Returns the region's review after it.
    std::optional<RegionReview> record(const ReviewChange &change, QString *error = nullptr);
    // Changes from the job server (jobId: the history's job): new ones kept, known ones (this
    // desktop's own, by change id) take the server's seq and time; every region touched is
    // resolved anew. `touched` gets each (job, page) with a change new to this history.
    bool applyServerChanges(const QVector<ReviewChange> &changes,
                            QVector<QPair<QString, int>> *touched = nullptr, QString *error = nullptr);
    // The changes of a job (of one page, one region when > 0), in the order they resolve in:
    // by time, then by the server's seq.
    QVector<ReviewChange> changes(const QString &jobId, int page = 0, int region = 0) const;
    // The job's changes made here that the server has not numbered yet, oldest first.
    QVector<ReviewChange> unsentChanges(const QString &jobId) const;

    // The last seq of the server's review log read (0: none).
    qint64 cursor(const QString &server) const;
    bool setCursor(const QString &server, qint64 seq, QString *error = nullptr);
};

} // namespace bt
