#include "reviewsession.h"

#include "store/jobstore.h"

#include <QDateTime>

namespace bt {

ReviewSession::ReviewSession(JobStore *store, const QString &jobId, int pageNumber)
    : m_store(store)
    , m_jobId(jobId)
    , m_pageNumber(pageNumber) {
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
    RegionReview r = review(regionNumber);
    r.status = status;
    return save(r, error);
}

bool ReviewSession::setComment(int regionNumber, const QString &comment, QString *error) {
    RegionReview r = review(regionNumber);
    if (r.comment == comment) return true;
    r.comment = comment;
    return save(r, error);
}

bool ReviewSession::save(RegionReview review, QString *error) {
    if (!canSave() || review.regionNumber == 0) return false;
    review.reviewer = reviewerName();
    review.updatedAt = QDateTime::currentDateTimeUtc();
    if (!m_store->reviewStore().setReview(review, error)) return false;
    m_reviews.insert(review.regionNumber, review);
    return true;
}

} // namespace bt
