#include "reviewchange.h"

#include <QJsonValue>
#include <QRegularExpression>
#include <QUuid>

#include <limits>

namespace bt {

namespace {

constexpr int kMaxAuthorChars = 200;
constexpr int kMaxCommentChars = 10000;

// A change the server has not numbered yet is the latest of its millisecond.
qint64 orderOf(const ReviewChange &c) {
    return c.serverSeq > 0 ? c.serverSeq : std::numeric_limits<qint64>::max();
}

bool hasControlCharacters(const QString &s) {
    for (const QChar c : s)
        if (c.category() == QChar::Other_Control) return true;
    return false;
}

} // namespace

bool ReviewChange::isValid() const {
    return pageNumber > 0 && regionNumber > 0 && (status || comment) && !author.isEmpty() &&
           changedAt.isValid() && !changeId.isEmpty();
}

QString newReviewChangeId() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

bool isLaterChange(const ReviewChange &a, const ReviewChange &b) {
    const qint64 ta = a.changedAt.toMSecsSinceEpoch(), tb = b.changedAt.toMSecsSinceEpoch();
    if (ta != tb) return ta > tb;
    return orderOf(a) > orderOf(b);
}

RegionReview resolveReview(RegionReview base, const QVector<ReviewChange> &changes) {
    const ReviewChange *status = nullptr;
    const ReviewChange *comment = nullptr;
    for (const ReviewChange &c : changes) {
        // A full tie (two changes not on the server yet, made in one ms): the later in the list.
        if (c.status && (!status || !isLaterChange(*status, c))) status = &c;
        if (c.comment && (!comment || !isLaterChange(*comment, c))) comment = &c;
    }
    if (status) base.status = *status->status;
    if (comment) base.comment = *comment->comment;
    const ReviewChange *who = status && *status->status != ReviewStatus::Open ? status
                              : comment                                       ? comment
                                                                              : status;
    if (who) {
        base.reviewer = who->author;
        base.updatedAt = who->changedAt;
    }
    return base;
}

QJsonObject reviewChangeToJson(const ReviewChange &change) {
    QJsonObject o{{QStringLiteral("page"), change.pageNumber},
                  {QStringLiteral("region"), change.regionNumber},
                  {QStringLiteral("author"), change.author},
                  {QStringLiteral("changed_at"), change.changedAt.toUTC().toString(Qt::ISODateWithMs)},
                  {QStringLiteral("client_change_id"), change.changeId}};
    if (change.status) o.insert(QStringLiteral("status"), reviewStatusName(*change.status));
    if (change.comment) o.insert(QStringLiteral("comment"), *change.comment);
    if (change.serverSeq > 0) o.insert(QStringLiteral("seq"), change.serverSeq);
    if (!change.jobId.isEmpty()) o.insert(QStringLiteral("job_id"), change.jobId);
    return o;
}

std::optional<ReviewChange> reviewChangeFromJson(const QJsonObject &json, QString *error) {
    auto refuse = [error](const QString &message) -> std::optional<ReviewChange> {
        if (error) *error = message;
        return std::nullopt;
    };
    ReviewChange c;
    const QJsonValue page = json.value(QStringLiteral("page"));
    const QJsonValue region = json.value(QStringLiteral("region"));
    if (!page.isDouble() || page.toDouble() != page.toInt() || page.toInt() < 1)
        return refuse(QStringLiteral("page must be a positive integer"));
    if (!region.isDouble() || region.toDouble() != region.toInt() || region.toInt() < 1)
        return refuse(QStringLiteral("region must be a positive integer"));
    c.pageNumber = page.toInt();
    c.regionNumber = region.toInt();
    const QJsonValue status = json.value(QStringLiteral("status"));
    if (!status.isUndefined() && !status.isNull()) {
        c.status = reviewStatusFromName(status.toString());
        if (!c.status)
            return refuse(QStringLiteral("status must be open, accepted, rejected or needs_clarification"));
    }
    const QJsonValue comment = json.value(QStringLiteral("comment"));
    if (!comment.isUndefined() && !comment.isNull()) {
        if (!comment.isString() || comment.toString().size() > kMaxCommentChars)
            return refuse(
                QStringLiteral("comment must be a string of at most %1 characters").arg(kMaxCommentChars));
        c.comment = comment.toString();
    }
    if (!c.status && !c.comment) return refuse(QStringLiteral("a change needs a status or a comment"));
    c.author = json.value(QStringLiteral("author")).toString().trimmed();
    if (c.author.isEmpty() || c.author.size() > kMaxAuthorChars || hasControlCharacters(c.author))
        return refuse(QStringLiteral("author must be a name of 1 to %1 characters").arg(kMaxAuthorChars));
    c.changedAt =
        QDateTime::fromString(json.value(QStringLiteral("changed_at")).toString(), Qt::ISODateWithMs);
    if (!c.changedAt.isValid())
        return refuse(QStringLiteral("changed_at must be an ISO 8601 time, e.g. 2026-12-06T09:30:00.000Z"));
    c.changedAt = c.changedAt.toUTC();
    static const QRegularExpression idPattern(QStringLiteral("^[A-Za-z0-9_.:-]{1,100}$"));
    c.changeId = json.value(QStringLiteral("client_change_id")).toString();
    if (!idPattern.match(c.changeId).hasMatch())
        return refuse(
            QStringLiteral("client_change_id must be 1 to 100 letters, digits, '-', '_', '.' or ':'"));
    c.serverSeq = json.value(QStringLiteral("seq")).toInteger();
    c.jobId = json.value(QStringLiteral("job_id")).toString();
    return c;
}

QVariant commentSqlValue(const std::optional<QString> &comment) {
    return comment ? QVariant(comment->isNull() ? QStringLiteral("") : *comment)
                   : QVariant(QMetaType::fromType<QString>());
}

} // namespace bt
