// SyncService's team reviews (docs/server.md, "Team reviews"): this desktop's review changes out
// through the sync queue, everybody's in through the server's review feed.

#include "syncservice.h"

#include "store/revieweventstore.h"

#include <QJsonArray>

namespace bt {

namespace {

QString reviewsPath(const QString &remoteJobId) {
    return QStringLiteral("/api/v1/jobs/") + remoteJobId + QStringLiteral("/reviews");
}

constexpr int kReviewBatch = 500; // changes per request, either way

} // namespace

void SyncService::sendReviews(SyncOperation op) {
    const std::optional<JobRecord> job = m_store->job(op.jobId);
    const QVector<ReviewChange> unsent = job && !job->remoteJobId.isEmpty()
                                             ? ReviewEventStore(*m_store).unsentChanges(op.jobId)
                                             : QVector<ReviewChange>();
    if (unsent.isEmpty()) { // sent meanwhile, or the job is gone
        operationDone(op);
        return;
    }
    const QVector<ReviewChange> batch = unsent.mid(0, kReviewBatch);
    QJsonArray changes;
    for (ReviewChange c : batch) {
        c.jobId.clear(); // the route names the server's job
        changes.append(reviewChangeToJson(c));
    }
    const int generation = m_generation;
    m_client->post(reviewsPath(job->remoteJobId), QJsonObject{{QStringLiteral("changes"), changes}},
                   [this, generation, op, batch](const ApiReply &reply) {
                       if (generation != m_generation) return;
                       noteReply(reply);
                       if (!reply.ok()) {
                           operationFailedReply(op, reply, tr("Sending reviews to the server"));
                           return;
                       }
                       // The server's number (and time, when it was ahead of the server's clock) of each.
                       QHash<QString, QJsonObject> answers;
                       for (const QJsonValue &v : reply.json.value(QStringLiteral("changes")).toArray())
                           answers.insert(v.toObject().value(QStringLiteral("client_change_id")).toString(),
                                          v.toObject());
                       QVector<ReviewChange> numbered;
                       for (ReviewChange c : batch) {
                           const QJsonObject a = answers.value(c.changeId);
                           c.serverSeq = a.value(QStringLiteral("seq")).toInteger();
                           const QDateTime at = QDateTime::fromString(
                               a.value(QStringLiteral("changed_at")).toString(), Qt::ISODateWithMs);
                           if (at.isValid()) c.changedAt = at.toUTC();
                           if (c.serverSeq > 0) numbered.append(c);
                       }
                       QVector<QPair<QString, int>> touched;
                       QString error;
                       if (!ReviewEventStore(*m_store).applyServerChanges(numbered, &touched, &error))
                           qWarning("sync: reviews: %s", qPrintable(error));
                       notifyReviews(touched);
                       // More made while this batch was on its way, or the rest of a long list
                       // (sendReviews finishes the operation when nothing is left).
                       if (numbered.size() == batch.size()) {
                           sendReviews(op);
                           return;
                       }
                       operationDone(op);
                   });
}

void SyncService::fetchReviews() {
    m_reviewFetchRunning = true;
    const int generation = m_generation;
    const QString key = server().key();
    const qint64 since = ReviewEventStore(*m_store).cursor(key);
    m_client->get(QStringLiteral("/api/v1/reviews?since=%1&limit=%2").arg(since).arg(kReviewBatch),
                  [this, generation, key, since](const ApiReply &reply) {
                      if (generation != m_generation) return;
                      m_reviewFetchRunning = false;
                      noteReply(reply);
                      if (!reply.ok()) return;
                      qint64 cursor = reply.json.value(QStringLiteral("last_seq")).toInteger(since);
                      QVector<ReviewChange> changes;
                      for (const QJsonValue &v : reply.json.value(QStringLiteral("changes")).toArray()) {
                          QString error;
                          std::optional<ReviewChange> c = reviewChangeFromJson(v.toObject(), &error);
                          if (!c || c->serverSeq <= 0) {
                              qWarning("sync: a review change from the server: %s", qPrintable(error));
                              continue;
                          }
                          const std::optional<JobRecord> job =
                              m_store->syncStore().jobByRemoteId(key, c->jobId);
                          if (!job) {
                              // A job the history does not list yet: read from here again after the next
                              // refresh of the job list.
                              cursor = c->serverSeq - 1;
                              break;
                          }
                          c->jobId = job->id;
                          changes.append(*c);
                      }
                      QVector<QPair<QString, int>> touched;
                      QString error;
                      ReviewEventStore events(*m_store);
                      if (!events.applyServerChanges(changes, &touched, &error) ||
                          (cursor != since && !events.setCursor(key, cursor, &error))) {
                          qWarning("sync: reviews: %s", qPrintable(error));
                          return;
                      }
                      notifyReviews(touched);
                      if (reply.json.value(QStringLiteral("more")).toBool() && cursor > since) {
                          fetchReviews();
                          return;
                      }
                      emit teamReviewsRefreshed();
                  });
}

void SyncService::fetchJobReviews(const QString &jobId, const QString &remoteId) {
    const int generation = m_generation;
    m_client->get(reviewsPath(remoteId), [this, generation, jobId](const ApiReply &reply) {
        if (generation != m_generation) return;
        noteReply(reply);
        if (!reply.ok() || !m_store->job(jobId)) return;
        QVector<ReviewChange> changes;
        for (const QJsonValue &v : reply.json.value(QStringLiteral("changes")).toArray()) {
            std::optional<ReviewChange> c = reviewChangeFromJson(v.toObject(), nullptr);
            if (!c || c->serverSeq <= 0) continue;
            c->jobId = jobId;
            changes.append(*c);
        }
        QVector<QPair<QString, int>> touched;
        QString error;
        if (!ReviewEventStore(*m_store).applyServerChanges(changes, &touched, &error))
            qWarning("sync: reviews: %s", qPrintable(error));
        notifyReviews(touched);
    });
}

void SyncService::notifyReviews(const QVector<QPair<QString, int>> &touched) {
    QHash<QString, QVector<int>> pages;
    QStringList order;
    for (const auto &t : touched) {
        if (!pages.contains(t.first)) order.append(t.first);
        if (!pages[t.first].contains(t.second)) pages[t.first].append(t.second);
    }
    for (const QString &jobId : order)
        emit reviewsChanged(jobId, pages.value(jobId));
}

} // namespace bt
