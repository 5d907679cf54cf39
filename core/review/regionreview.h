#pragma once

#include "diff/changeregion.h"

#include <QDateTime>
#include <QHash>
#include <QRectF>
#include <QString>
#include <QVector>

#include <optional>

namespace bt {

class JobStore;

// What a reviewer decided about one change region (a numbered cloud) of a compared sheet.
enum class ReviewStatus { Open, Accepted, Rejected, NeedsClarification };
QString reviewStatusName(ReviewStatus status); // "open", "accepted", "rejected", "needs_clarification"
std::optional<ReviewStatus> reviewStatusFromName(const QString &name);

// The review of region `regionNumber` (ChangeRegion::id) on page `pageNumber` of a job. A region
// nobody reviewed is Open with no reviewer.
struct RegionReview {
    QString jobId;
    int pageNumber = 0;
    int regionNumber = 0;
    ReviewStatus status = ReviewStatus::Open;
    QString comment;
    QString reviewer;    // who set it (reviewerName() at the time)
    QDateTime updatedAt; // UTC

    bool isReviewed() const { return status != ReviewStatus::Open; }
};

// An area of a drawing number the user wants left out of every comparison of that sheet (a
// revision block, a plot date stamp), in points of the NEW sheet, origin top-left, y down.
struct IgnoreRegion {
    qint64 id = 0;
    QString drawingNumber;
    qint64 projectId = 0; // areas are kept per project and drawing number
    QRectF rectPt;
    QString createdBy;
    QDateTime createdAt; // UTC
};

// Who is reviewing: the QSettings value "review/reviewerName" when set (Settings of the window),
// else the user name of the operating system ($USER, %USERNAME%, else the home folder's name).
QString reviewerName();
QString systemUserName(); // $USER, %USERNAME%, $LOGNAME, else the home folder's name
inline const char kReviewerNameKey[] = "review/reviewerName";

// Which region of a page compared again is which region of before (same place on the sheet:
// boxes overlapping by more than half), old number -> new number. Reviews follow it.
QHash<int, int> matchRegions(const ChangeRegions &before, const ChangeRegions &after);

// For the report writer: status and comment of (job, page, region); Open with no comment when
// nobody reviewed it.
RegionReview regionReview(const JobStore &store, const QString &jobId, int pageNumber, int regionNumber);

} // namespace bt
