#pragma once

#include "review/regionreview.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QVariant>
#include <QVector>

#include <optional>

namespace bt {

// One change a reviewer made to a change region: its status, its comment, or both, with who made
// it and when. The history keeps every change (table review_events) and the job server keeps a
// log of them per job (docs/server.md, "Team reviews"); a region's review is what its changes
// resolve to, last writer wins per field (resolveReview). The same type on both sides, so the
// desktop and the server resolve alike.
struct ReviewChange {
    QString jobId; // the history's job id on the desktop; the server's job id on the server
    int pageNumber = 0;
    int regionNumber = 0;
    std::optional<ReviewStatus> status; // unset: the change leaves the status alone
    std::optional<QString> comment;     // unset: the change leaves the comment alone
    QString author;
    QDateTime changedAt;  // UTC, ms: when the author made it (the author's clock)
    QString changeId;     // made by the author's desktop, unique: a change sent twice is kept once
    qint64 serverSeq = 0; // the server's order of arrival; 0 while it is not on the server

    bool isValid() const;
};

// A new change id (a UUID without braces).
QString newReviewChangeId();

// Whether a wins over b for a field both set: the later changed_at; at the same ms the later
// arrival at the server (a change not there yet counts as the latest).
bool isLaterChange(const ReviewChange &a, const ReviewChange &b);

// The review of a region after its changes: per field (status, comment) the latest change that
// sets it wins (a full tie: the later in `changes`, which the history lists in the order it
// made them); a field no change sets keeps base's value. The reviewer and time are those of
// the winning status change (who decided), else of the winning comment change; base's when no
// change touches the region.
RegionReview resolveReview(RegionReview base, const QVector<ReviewChange> &changes);

// The JSON of a change as the server's review API sends and takes it: page, region, status,
// comment (each only when set), author, changed_at (ISO 8601 UTC with ms), client_change_id,
// and seq / job_id when known.
QJsonObject reviewChangeToJson(const ReviewChange &change);
// Checks what a client sent: a positive page and region, a known status, at least one of status
// and comment, an author, a time, a change id of 1-100 letters, digits, '-', '_', '.' or ':'.
// nullopt with *error (one line naming the field) when something is wrong.
std::optional<ReviewChange> reviewChangeFromJson(const QJsonObject &json, QString *error);

// A change's comment as an SQL value (the desktop's history, the server's log): NULL when the
// change leaves the comment alone, '' for a comment emptied.
QVariant commentSqlValue(const std::optional<QString> &comment);

} // namespace bt
