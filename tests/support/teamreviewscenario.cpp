#include "teamreviewscenario.h"

#include "serverfixture.h"

#include "pipeline/pipeline.h"
#include "report/changelistexport.h"
#include "review/reviewsession.h"
#include "store/jobstore.h"
#include "store/revieweventstore.h"
#include "sync/syncservice.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

namespace bt::test {

namespace {

SyncOptions fastOptions() {
    SyncOptions o;
    o.pollMs = 200;
    o.teamRefreshMs = 300;
    o.retry.backoffMs = 100;
    o.retry.maxBackoffMs = 800;
    o.requestTimeoutMs = 10000;
    return o;
}

bool isDone(const JobStore &store, const QString &jobId) {
    const std::optional<JobRecord> job = store.job(jobId);
    return job && isFinished(job->status);
}

bool hasReviewsOperation(const JobStore &store, const QString &jobId) {
    for (const SyncOperation &op : store.syncStore().syncOperations())
        if (op.kind == SyncKind::Reviews && op.jobId == jobId) return true;
    return false;
}

// The first sheet of the job with a change region, and that region's number.
QPair<int, int> firstChange(const JobStore &store, const QString &jobId) {
    const std::optional<ComparisonResult> result = storedComparison(store, jobId);
    for (const PageResult &page : result ? result->pages : QVector<PageResult>())
        if (!page.regions.isEmpty()) return {page.pageNumber, page.regions.first().id};
    return {0, 0};
}

// Who set what, when, and the server's number; not the history's job id.
QStringList describe(const QVector<ReviewChange> &changes) {
    QStringList out;
    for (const ReviewChange &c : changes)
        out << QStringLiteral("%1 %2/%3 %4 \"%5\" %6 #%7")
                   .arg(c.author)
                   .arg(c.pageNumber)
                   .arg(c.regionNumber)
                   .arg(c.status ? reviewStatusName(*c.status) : QStringLiteral("-"),
                        c.comment.value_or(QStringLiteral("-")), c.changedAt.toString(Qt::ISODateWithMs))
                   .arg(c.serverSeq);
    return out;
}

// The clock moves on: the next change is surely later than `t`.
void after(const QDateTime &t) {
    QTRY_VERIFY(QDateTime::currentMSecsSinceEpoch() > t.toMSecsSinceEpoch());
}

} // namespace

void runTwoDesktopReviews(quint16 port, const QByteArray &token, const QString &dir, const QString &oldPdf,
                          const QString &newPdf) {
    const ServerConfig config{QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)),
                              QString::fromLatin1(token)};
    JobStore storeA(dir + QStringLiteral("/desktop-a.sqlite")),
        storeB(dir + QStringLiteral("/desktop-b.sqlite"));
    QString error;
    QVERIFY2(storeA.open(&error), qPrintable(error));
    QVERIFY2(storeB.open(&error), qPrintable(error));
    SyncService syncA(&storeA), syncB(&storeB);
    syncA.setOptions(fastOptions());
    syncB.setOptions(fastOptions());
    syncA.setServer(config);
    syncB.setServer(config);

    // A runs the comparison on the server; B gets it as the team's.
    CompareSettings settings;
    settings.dpi = kDpi;
    const QString jobA =
        syncA.submit(oldPdf, newPdf, QString(), QString(), settings, QString(), QString(), &error);
    QVERIFY2(!jobA.isEmpty(), qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(isDone(storeA, jobA), kJobTimeoutMs);
    QCOMPARE(jobStatusName(storeA.job(jobA)->status), QStringLiteral("completed"));
    const QString remoteId = storeA.job(jobA)->remoteJobId;
    QVERIFY(!remoteId.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(storeB.syncStore().jobByRemoteId(config.key(), remoteId).has_value(), 30000);
    const QString jobB = storeB.syncStore().jobByRemoteId(config.key(), remoteId)->id;
    QTRY_VERIFY_WITH_TIMEOUT(isDone(storeB, jobB), 60000);
    const auto [page, region] = firstChange(storeA, jobA);
    QVERIFY2(region > 0, "the job has no change to review");
    QCOMPARE(firstChange(storeB, jobB), qMakePair(page, region));

    // A is offline (its sync off): the accept waits in A's queue.
    syncA.setServer(ServerConfig());
    QCOMPARE(syncA.state(), ConnectionState::NotConfigured);
    ReviewSession reviewA(&storeA, jobA, page);
    reviewA.setAuthor(QStringLiteral("alice"));
    QVERIFY2(reviewA.setStatus(region, ReviewStatus::Accepted, &error), qPrintable(error));
    const QDateTime acceptedAt = reviewA.review(region).updatedAt;
    QCOMPARE(reviewA.review(region).reviewer, QStringLiteral("alice"));
    QVERIFY(hasReviewsOperation(storeA, jobA));
    QCOMPARE(ReviewEventStore(storeA).unsentChanges(jobA).size(), 1);
    after(acceptedAt);

    // B, online, comments and later rejects: both go out at once.
    ReviewSession reviewB(&storeB, jobB, page);
    reviewB.setAuthor(QStringLiteral("bob"));
    QVERIFY2(reviewB.setComment(region, QStringLiteral("Check the beam size with structural"), &error),
             qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(ReviewEventStore(storeB).unsentChanges(jobB).isEmpty(), 20000);
    after(reviewB.review(region).updatedAt);
    QVERIFY2(reviewB.setStatus(region, ReviewStatus::Rejected, &error), qPrintable(error));
    const QDateTime rejectedAt = reviewB.review(region).updatedAt;
    QVERIFY(rejectedAt > acceptedAt);
    QTRY_VERIFY_WITH_TIMEOUT(ReviewEventStore(storeB).unsentChanges(jobB).isEmpty(), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(!hasReviewsOperation(storeB, jobB), 20000);
    // A's accept is not on the server yet.
    Reply log = request(port, "GET", QStringLiteral("/api/v1/jobs/%1/reviews").arg(remoteId), {}, {}, token);
    QCOMPARE(log.status, 200);
    QCOMPARE(log.json.value(QStringLiteral("changes")).toArray().size(), 2);

    // A comes back: its accept reaches the server last, and loses (it is older).
    QSignalSpy reviewsOfA(&syncA, &SyncService::reviewsChanged);
    syncA.setServer(config);
    QTRY_VERIFY_WITH_TIMEOUT(ReviewEventStore(storeA).unsentChanges(jobA).isEmpty(), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(ReviewEventStore(storeA).changes(jobA).size(), 3, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(ReviewEventStore(storeB).changes(jobB).size(), 3, 20000);
    QVERIFY(!reviewsOfA.isEmpty());
    QCOMPARE(reviewsOfA.first().at(0).toString(), jobA);
    QCOMPARE(reviewsOfA.first().at(1).value<QVector<int>>(), QVector<int>{page});

    // Both desktops: the same review, the same history of who set what.
    for (const auto &[store, jobId] : {qMakePair(&storeA, jobA), qMakePair(&storeB, jobB)}) {
        const RegionReview r = regionReview(*store, jobId, page, region);
        QCOMPARE(reviewStatusName(r.status), QStringLiteral("rejected"));
        QCOMPARE(r.comment, QStringLiteral("Check the beam size with structural"));
        QCOMPARE(r.reviewer, QStringLiteral("bob"));
        QCOMPARE(r.updatedAt, rejectedAt);
    }
    const QVector<ReviewChange> historyA = ReviewEventStore(storeA).changes(jobA, page, region);
    const QVector<ReviewChange> historyB = ReviewEventStore(storeB).changes(jobB, page, region);
    QCOMPARE(describe(historyA), describe(historyB));
    QCOMPARE(historyA.size(), 3);
    QCOMPARE(historyA[0].author, QStringLiteral("alice"));
    QCOMPARE(historyA[0].status, std::optional<ReviewStatus>(ReviewStatus::Accepted));
    QCOMPARE(historyA[0].changedAt, acceptedAt);
    QCOMPARE(historyA[1].author, QStringLiteral("bob"));
    QCOMPARE(historyA[1].comment,
             std::optional<QString>(QStringLiteral("Check the beam size with structural")));
    QCOMPARE(historyA[2].author, QStringLiteral("bob"));
    QCOMPARE(historyA[2].status, std::optional<ReviewStatus>(ReviewStatus::Rejected));
    // The accept arrived last: the highest seq, yet the oldest change.
    QVERIFY(historyA[0].serverSeq > historyA[2].serverSeq && historyA[2].serverSeq > historyA[1].serverSeq);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(historyA[i].changeId, historyB[i].changeId);
    // The viewer's session, opened again, shows the winner.
    reviewA.reload();
    QCOMPARE(reviewA.review(region).reviewer, QStringLiteral("bob"));

    // The server's log resolves alike; a batch sent again adds nothing.
    log = request(port, "GET", QStringLiteral("/api/v1/jobs/%1/reviews").arg(remoteId), {}, {}, token);
    QCOMPARE(log.status, 200);
    const QJsonArray reviews = log.json.value(QStringLiteral("reviews")).toArray();
    QCOMPARE(reviews.size(), 1);
    QCOMPARE(reviews[0].toObject().value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));
    QCOMPARE(reviews[0].toObject().value(QStringLiteral("author")).toString(), QStringLiteral("bob"));
    QCOMPARE(log.json.value(QStringLiteral("changes")).toArray().size(), 3);
    ReviewChange again = historyA[0];
    again.jobId.clear();
    again.serverSeq = 0;
    const QByteArray batch =
        QJsonDocument(QJsonObject{{QStringLiteral("changes"), QJsonArray{reviewChangeToJson(again)}}})
            .toJson(QJsonDocument::Compact);
    const Reply replayed =
        request(port, "POST", QStringLiteral("/api/v1/jobs/%1/reviews").arg(remoteId), batch, {}, token);
    QCOMPARE(replayed.status, 200);
    const QJsonObject answer = replayed.json.value(QStringLiteral("changes")).toArray().first().toObject();
    QCOMPARE(answer.value(QStringLiteral("duplicate")).toBool(), true);
    QCOMPARE(answer.value(QStringLiteral("seq")).toInteger(), historyA[0].serverSeq);
    log = request(port, "GET", QStringLiteral("/api/v1/jobs/%1/reviews").arg(remoteId), {}, {}, token);
    QCOMPARE(log.json.value(QStringLiteral("changes")).toArray().size(), 3);

    // Deleted here only (the team's copy stays): listed again, it comes back with its reviews,
    // although the review feed was read past them long ago.
    QVERIFY(storeB.deleteJob(jobB));
    QTRY_VERIFY_WITH_TIMEOUT(storeB.syncStore().jobByRemoteId(config.key(), remoteId).has_value(), 20000);
    const QString listedAgain = storeB.syncStore().jobByRemoteId(config.key(), remoteId)->id;
    QVERIFY(listedAgain != jobB);
    QTRY_COMPARE_WITH_TIMEOUT(ReviewEventStore(storeB).changes(listedAgain).size(), 3, 20000);
    QCOMPARE(describe(ReviewEventStore(storeB).changes(listedAgain, page, region)), describe(historyA));
    QCOMPARE(regionReview(storeB, listedAgain, page, region).reviewer, QStringLiteral("bob"));
    QTRY_VERIFY_WITH_TIMEOUT(isDone(storeB, listedAgain), 30000);

    // B's change list names the winner's author and time.
    const std::optional<ReportInput> input = ReportInput::fromStore(storeB, listedAgain);
    QVERIFY(input);
    const QStringList lines = QString::fromUtf8(changeListCsv(*input)).split(QLatin1Char('\n'));
    const QString reviewedAt = rejectedAt.toUTC().toString(Qt::ISODate);
    QStringList rows;
    for (const QString &line : lines)
        if (line.contains(QStringLiteral(",rejected,")) && line.contains(QStringLiteral(",bob,")) &&
            line.contains(reviewedAt))
            rows << line;
    QVERIFY2(rows.size() == 1, qPrintable(lines.join(QLatin1Char('\n'))));
}

} // namespace bt::test
