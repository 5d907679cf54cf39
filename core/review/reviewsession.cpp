#include "reviewsession.h"

#include "store/jobstore.h"
#include "store/revieweventstore.h"

#include <QDateTime>

namespace bt {

ReviewSession::ReviewSession(JobStore *store, const QString &jobId, int pageNumber)
    : m_store(store)
    , m_jobId(jobId)
    , m_pageNumber(pageNumber) {
    reload();
}

void ReviewSession::reload() {
    m_reviews.clear();
    if (canSave())
        for (const RegionReview &r : m_store->reviewStore().reviews(m_jobId, m_pageNumber))
            m_reviews.insert(r.regionNumber, r);
}

RegionReview ReviewSession::review(int regionNumber) const {
    if (const auto it = m_reviews.constFind(regionNumber); it != m_reviews.cend()) return *it;
    RegionReview open;
    open.jobId = m_jobId;
    open.pageNumber = m_pageNumber;
    open.regionNumber = regionNumber;
    return open;
}

int ReviewSession::reviewedCount(const QVector<int> &regionNumbers) const {
    int n = 0;
    for (int region : regionNumbers)
        n += review(region).isReviewed() ? 1 : 0;
    return n;
}

bool ReviewSession::setStatus(int regionNumber, ReviewStatus status, QString *error) {
    ReviewChange c;
    c.regionNumber = regionNumber;
    c.status = status;
    return save(c, error);
}

bool ReviewSession::setComment(int regionNumber, const QString &comment, QString *error) {
    if (review(regionNumber).comment == comment) return true;
    ReviewChange c;
    c.regionNumber = regionNumber;
    c.comment = comment;
    return save(c, error);
}

bool ReviewSession::save(ReviewChange change, QString *error) {
    if (!canSave() || change.regionNumber == 0) return false;
    change.jobId = m_jobId;
    change.pageNumber = m_pageNumber;
    change.author = m_author.isEmpty() ? reviewerName() : m_author;
    change.changedAt = QDateTime::currentDateTimeUtc();
    change.changeId = newReviewChangeId();
    const std::optional<RegionReview> resolved = ReviewEventStore(*m_store).record(change, error);
    if (!resolved) return false;
    m_reviews.insert(change.regionNumber, *resolved);
    return true;
}

} // namespace bt
