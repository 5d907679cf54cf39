#include "reviewroutes.h"

#include "queuestore.h"
#include "reviewlog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>
#include <iterator>

namespace bt::server {

namespace {

constexpr int kMaxBatch = 1000;
constexpr int kDefaultFeedLimit = 500;

bool isJobId(const QString &id) {
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9-]{1,64}$"));
    return re.match(id).hasMatch();
}

// ?since=SEQ: a whole number >= 0 (absent: 0); nullopt when it is anything else.
std::optional<qint64> sinceOf(const HttpRequest &request) {
    if (!request.query.hasQueryItem(QStringLiteral("since"))) return 0;
    bool ok = false;
    const qint64 since = request.query.queryItemValue(QStringLiteral("since")).toLongLong(&ok);
    return ok && since >= 0 ? std::optional<qint64>(since) : std::nullopt;
}

QJsonArray changesJson(const QVector<ReviewChange> &changes) {
    QJsonArray out;
    for (const ReviewChange &c : changes)
        out.append(reviewChangeToJson(c));
    return out;
}

HttpResponse getJobReviews(ReviewLog &log, const QString &jobId, const HttpRequest &request) {
    const std::optional<qint64> since = sinceOf(request);
    if (!since) return HttpResponse::error(400, QStringLiteral("since must be a whole number >= 0"));
    const qint64 last = log.lastSeq(); // read first: a change appended meanwhile comes next time
    // The job's whole log once: the changes after `since` answer the question, all of them make
    // the reviews.
    QVector<ReviewChange> all = log.changes(jobId, 0, std::numeric_limits<int>::max());
    all.erase(
        std::remove_if(all.begin(), all.end(), [last](const ReviewChange &c) { return c.serverSeq > last; }),
        all.end());
    QVector<ReviewChange> changes;
    std::copy_if(all.begin(), all.end(), std::back_inserter(changes),
                 [&](const ReviewChange &c) { return c.serverSeq > *since; });
    QJsonArray reviews;
    for (const RegionReview &r : ReviewLog::reviews(jobId, all))
        reviews.append(QJsonObject{{QStringLiteral("page"), r.pageNumber},
                                   {QStringLiteral("region"), r.regionNumber},
                                   {QStringLiteral("status"), reviewStatusName(r.status)},
                                   {QStringLiteral("comment"), r.comment},
                                   {QStringLiteral("author"), r.reviewer},
                                   {QStringLiteral("changed_at"), r.updatedAt.toString(Qt::ISODateWithMs)}});
    return HttpResponse::json(200, {{QStringLiteral("job_id"), jobId},
                                    {QStringLiteral("last_seq"), last},
                                    {QStringLiteral("changes"), changesJson(changes)},
                                    {QStringLiteral("reviews"), reviews}});
}

HttpResponse postJobReviews(ReviewLog &log, const QString &jobId, const HttpRequest &request) {
    const QJsonDocument doc = QJsonDocument::fromJson(request.body);
    const QJsonValue list = doc.object().value(QStringLiteral("changes"));
    if (!doc.isObject() || !list.isArray())
        return HttpResponse::error(400, QStringLiteral("the body must be {\"changes\": [...]}"));
    const QJsonArray array = list.toArray();
    if (array.isEmpty() || array.size() > kMaxBatch)
        return HttpResponse::error(400, QStringLiteral("send 1 to %1 changes at a time").arg(kMaxBatch));
    QVector<ReviewChange> changes;
    for (int i = 0; i < array.size(); ++i) {
        QString error;
        std::optional<ReviewChange> c = reviewChangeFromJson(array.at(i).toObject(), &error);
        if (!c) return HttpResponse::error(400, QStringLiteral("changes[%1]: %2").arg(i).arg(error));
        c->jobId = jobId;
        c->serverSeq = 0; // the server numbers them
        changes.append(*c);
    }
    QString error;
    const std::optional<QVector<AppendedChange>> appended = log.append(jobId, changes, &error);
    if (!appended) {
        qWarning("reviews of job %s: %s", qPrintable(jobId), qPrintable(error));
        return HttpResponse::error(500, QStringLiteral("cannot store the review changes"));
    }
    QJsonArray out;
    for (int i = 0; i < appended->size(); ++i)
        out.append(
            QJsonObject{{QStringLiteral("client_change_id"), changes[i].changeId},
                        {QStringLiteral("seq"), appended->at(i).seq},
                        {QStringLiteral("changed_at"), appended->at(i).changedAt.toString(Qt::ISODateWithMs)},
                        {QStringLiteral("duplicate"), appended->at(i).duplicate}});
    return HttpResponse::json(200, {{QStringLiteral("job_id"), jobId}, {QStringLiteral("changes"), out}});
}

HttpResponse getFeed(ReviewLog &log, const HttpRequest &request) {
    const std::optional<qint64> since = sinceOf(request);
    if (!since) return HttpResponse::error(400, QStringLiteral("since must be a whole number >= 0"));
    int limit = kDefaultFeedLimit;
    if (request.query.hasQueryItem(QStringLiteral("limit"))) {
        bool ok = false;
        limit = request.query.queryItemValue(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit < 1 || limit > kMaxBatch)
            return HttpResponse::error(400, QStringLiteral("limit must be 1 to %1").arg(kMaxBatch));
    }
    // One more than asked: whether there is more to read.
    QVector<ReviewChange> changes = log.changes(QString(), *since, limit + 1);
    const bool more = changes.size() > limit;
    if (more) changes.resize(limit);
    const qint64 last = changes.isEmpty() ? *since : changes.last().serverSeq;
    return HttpResponse::json(200, {{QStringLiteral("last_seq"), last},
                                    {QStringLiteral("more"), more},
                                    {QStringLiteral("changes"), changesJson(changes)}});
}

} // namespace

std::optional<HttpResponse> reviewRoute(QueueStore &queue, ReviewLog &log, const HttpRequest &request) {
    const QStringList parts = request.path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    const bool api = parts.size() >= 3 && parts[0] == QLatin1String("api") && parts[1] == QLatin1String("v1");
    const QByteArray &m = request.method;
    if (api && parts.size() == 3 && parts[2] == QLatin1String("reviews"))
        return m == "GET" ? getFeed(log, request)
                          : HttpResponse::error(405, QStringLiteral("method not allowed"));
    if (!api || parts.size() != 5 || parts[2] != QLatin1String("jobs") ||
        parts[4] != QLatin1String("reviews"))
        return std::nullopt;
    const QString &jobId = parts[3];
    if (!isJobId(jobId) || !queue.job(jobId)) return HttpResponse::error(404, QStringLiteral("no such job"));
    if (m == "GET") return getJobReviews(log, jobId, request);
    if (m == "POST") return postJobReviews(log, jobId, request);
    return HttpResponse::error(405, QStringLiteral("method not allowed"));
}

} // namespace bt::server
