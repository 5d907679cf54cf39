#pragma once

#include "review/regionreview.h"
#include "review/reviewchange.h"

#include <QHash>
#include <QString>

namespace bt {

class JobStore;

// The reviews of one sheet of a stored job: read once, written through to the history with the
// reviewer and the time, so the viewer and any other front end record a review alike. Each
// status or comment set is a change kept in the history (ReviewEventStore): on a job of the job
// server it is queued to go there, and the team sees who set it. A session
// without a store or job (a result not in the history) reads every change as open and saves
// nothing. Not thread-safe: one session per view, on its thread.
class ReviewSession {
public:
    ReviewSession() = default;
    ReviewSession(JobStore *store, const QString &jobId, int pageNumber);

    bool canSave() const { return m_store && !m_jobId.isEmpty(); }
    // The region's review; open (and unsaved) when none is stored.
    RegionReview review(int regionNumber) const;
    // Of these region numbers, how many are reviewed (accepted, rejected or to clarify).
    int reviewedCount(const QVector<int> &regionNumbers) const;
    bool setStatus(int regionNumber, ReviewStatus status, QString *error = nullptr);
    // A comment equal to the stored one is not written again.
    bool setComment(int regionNumber, const QString &comment, QString *error = nullptr);
    // Who makes the changes; empty (the default): reviewerName() at the time of each.
    void setAuthor(const QString &author) { m_author = author; }
    // Reads the sheet's reviews again (after the team's changes arrived).
    void reload();

private:
    bool save(ReviewChange change, QString *error);

    JobStore *m_store = nullptr;
    QString m_jobId;
    int m_pageNumber = 0;
    QString m_author;
    QHash<int, RegionReview> m_reviews; // by region number; missing: open
};

} // namespace bt
