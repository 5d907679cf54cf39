#pragma once

#include "historyrepository.h"
#include "review/regionreview.h"

#include <QHash>
#include <QRectF>
#include <QString>
#include <QVector>

namespace bt {

// The reviews of change regions and the ignore areas of drawing numbers: what a reviewer adds to
// a job, kept in the history beside it (tables region_reviews, ignore_regions).
class ReviewStore : public HistoryRepository {
public:
    explicit ReviewStore(const HistoryDatabase &database)
        : HistoryRepository(database) {}

    // Review of one change region: inserted or replaced. An empty reviewer is reviewerName(), an
    // invalid updatedAt now.
    bool setReview(const RegionReview &review, QString *error = nullptr);
    // Reviews of a job (page 0) or of one page, by page and region. Regions without a row are open.
    QVector<RegionReview> reviews(const QString &jobId, int page = 0) const;
    // After a page was compared again its regions are numbered anew: each review moves from the
    // old number to the new one in `oldToNew`; reviews of numbers not in it are dropped.
    bool remapReviews(const QString &jobId, int page, const QHash<int, int> &oldToNew,
                      QString *error = nullptr);

    // Ignore regions, remembered per project and drawing number for every later comparison of
    // that sheet in the project. Returns the new row's id, 0 on error. Without a project: the
    // default project's.
    qint64 addIgnoreRegion(qint64 projectId, const QString &drawingNumber, const QRectF &rectPt,
                           QString *error = nullptr);
    qint64 addIgnoreRegion(const QString &drawingNumber, const QRectF &rectPt, QString *error = nullptr);
    bool removeIgnoreRegion(qint64 id, QString *error = nullptr);
    // Of one project (0: of any) and drawing number (all when empty), oldest first.
    QVector<IgnoreRegion> ignoreRegions(qint64 projectId, const QString &drawingNumber) const;
    QVector<IgnoreRegion> ignoreRegions(const QString &drawingNumber = QString()) const {
        return ignoreRegions(0, drawingNumber);
    }
};

} // namespace bt
