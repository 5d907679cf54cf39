#pragma once

#include "historyrepository.h"

#include <QHash>
#include <QString>
#include <QVector>

namespace bt {

// A review that came over from an earlier comparison of the same sheet (same project and drawing
// number): region `regionNumber` of (jobId, pageNumber) took the review of region
// `fromRegionNumber` of (fromJobId, fromPageNumber).
struct CarriedReview {
    QString jobId;
    int pageNumber = 0;
    int regionNumber = 0;
    QString fromJobId;
    int fromPageNumber = 0;
    int fromRegionNumber = 0;
};

// Where a job's carried reviews came from: the job most of them came from and how many.
struct CarrySource {
    QString fromJobId;
    int count = 0; // reviews carried from fromJobId
    int total = 0; // reviews carried into the job from any job
};

// The table review_carries (schema v6): which review of which job each carried review is.
class CarryStore : public HistoryRepository {
public:
    explicit CarryStore(const HistoryDatabase &database)
        : HistoryRepository(database) {}

    bool addCarries(const QVector<CarriedReview> &carries, QString *error = nullptr);
    QVector<CarriedReview> carries(const QString &jobId) const; // by page and region
    // Every job with carried reviews -> its source (one query for the whole history list).
    QHash<QString, CarrySource> carrySources() const;
};

} // namespace bt
