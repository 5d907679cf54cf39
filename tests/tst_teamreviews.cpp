// Team reviews through the job server (docs/server.md, "Team reviews"): the resolution rule
// (last writer wins per field, ties by the server's seq), the review routes of a real
// buildtrace-server (auth, validation, idempotency, a clock ahead of the server's), a review
// made while the server is down, a pushed job's reviews, and two desktops reviewing one job,
// one of them offline (tests/support/teamreviewscenario.cpp).

#include "postgresfixture.h" // freePort()
#include "serverfixture.h"
#include "teamreviewscenario.h"

#include "review/reviewsession.h"
#include "settingsdialog.h"
#include "store/jobstore.h"
#include "store/revieweventstore.h"
#include "sync/syncservice.h"
#include "viewer/changelistmodel.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace bt;
using namespace bt::test;

namespace {

ReviewChange change(const QString &author, qint64 ms, qint64 seq, std::optional<ReviewStatus> status,
                    std::optional<QString> comment = std::nullopt) {
    ReviewChange c;
    c.jobId = QStringLiteral("job");
    c.pageNumber = 1;
    c.regionNumber = 1;
    c.status = status;
    c.comment = comment;
    c.author = author;
    c.changedAt = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    c.changeId = newReviewChangeId();
    c.serverSeq = seq;
    return c;
}

QByteArray batchOf(const QJsonArray &changes) {
    return QJsonDocument(QJsonObject{{QStringLiteral("changes"), changes}}).toJson(QJsonDocument::Compact);
}

QJsonObject changeJson(const QString &id, const QString &author, const QString &at,
                       const QString &status = QStringLiteral("accepted"), int region = 2) {
    return QJsonObject{{QStringLiteral("page"), 1},        {QStringLiteral("region"), region},
                       {QStringLiteral("status"), status}, {QStringLiteral("author"), author},
                       {QStringLiteral("changed_at"), at}, {QStringLiteral("client_change_id"), id}};
}

} // namespace

class TestTeamReviews : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    ServerSets m_sets;
    Server m_server;

    QString reviewsPath(const QString &jobId) const {
        return QStringLiteral("/api/v1/jobs/%1/reviews").arg(jobId);
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_sets = writeServerSets(m_dir.path(), false);
        QVERIFY(!m_sets.oldA.isEmpty());
        m_server = startServer({QStringLiteral("--data-dir"), m_dir.filePath(QStringLiteral("server")),
                                QStringLiteral("--workers"), QStringLiteral("2"), QStringLiteral("--poll-ms"),
                                QStringLiteral("100")});
        QVERIFY2(m_server.port, qPrintable(m_server.error));
    }

    // Per field the latest change wins; the same ms: the later arrival; not sent yet: latest.
    void lastWriterWinsPerField() {
        RegionReview base;
        base.comment = QStringLiteral("from before team reviews");
        const QVector<ReviewChange> changes = {
            change(QStringLiteral("bob"), 3000, 2, ReviewStatus::Rejected),
            change(QStringLiteral("alice"), 1000, 3, ReviewStatus::Accepted), // arrived last, older
            change(QStringLiteral("carol"), 2000, 1, std::nullopt, QStringLiteral("see RFI 12")),
        };
        RegionReview r = resolveReview(base, changes);
        QCOMPARE(r.status, ReviewStatus::Rejected);
        QCOMPARE(r.comment, QStringLiteral("see RFI 12"));
        QCOMPARE(r.reviewer, QStringLiteral("bob")); // who decided, not who commented
        QCOMPARE(r.updatedAt.toMSecsSinceEpoch(), 3000);
        // Only a status change: the comment from before stays.
        r = resolveReview(base, {changes[1]});
        QCOMPARE(r.comment, base.comment);
        QCOMPARE(r.reviewer, QStringLiteral("alice"));
        // A tie in time: the higher seq; a change not on the server yet is the latest.
        const ReviewChange first = change(QStringLiteral("a"), 5000, 7, ReviewStatus::Accepted);
        const ReviewChange second = change(QStringLiteral("b"), 5000, 8, ReviewStatus::NeedsClarification);
        QCOMPARE(resolveReview(base, {second, first}).reviewer, QStringLiteral("b"));
        QCOMPARE(resolveReview(base, {first, second}).reviewer, QStringLiteral("b"));
        const ReviewChange unsent = change(QStringLiteral("c"), 5000, 0, ReviewStatus::Open);
        QCOMPARE(resolveReview(base, {unsent, second}).status, ReviewStatus::Open);
        // Two changes of one ms not sent yet (a status and a comment at once): the later made wins.
        const ReviewChange unsent2 = change(QStringLiteral("d"), 5000, 0, ReviewStatus::Rejected);
        QCOMPARE(resolveReview(base, {unsent, unsent2}).reviewer, QStringLiteral("d"));
        QCOMPARE(resolveReview(base, {unsent2, unsent}).reviewer, QStringLiteral("c"));
        // Back to open with no comment: the reviewer is who reopened it.
        QCOMPARE(resolveReview(RegionReview(), {unsent}).reviewer, QStringLiteral("c"));
    }

    // A local job keeps every change with its author; a review from before schema 7 (no changes)
    // keeps its comment when its status changes; nothing is queued for the server.
    void localHistoryKeepsWhoSetWhat() {
        JobStore store(m_dir.filePath(QStringLiteral("local.sqlite")));
        QString error;
        QVERIFY2(store.open(&error), qPrintable(error));
        JobRecord job;
        job.id = QStringLiteral("local-job");
        job.oldFile = m_sets.oldA;
        job.newFile = m_sets.newA;
        QVERIFY2(store.createJob(job, &error), qPrintable(error));
        RegionReview old;
        old.jobId = job.id;
        old.pageNumber = 1;
        old.regionNumber = 4;
        old.comment = QStringLiteral("written before team reviews");
        old.reviewer = QStringLiteral("dave");
        QVERIFY(store.reviewStore().setReview(old));
        ReviewSession session(&store, job.id, 1);
        session.setAuthor(QStringLiteral("erin"));
        QVERIFY(session.setStatus(4, ReviewStatus::Accepted, &error));
        QVERIFY(session.setComment(4, QStringLiteral("ok per sheet S-201"), &error));
        session.setAuthor(QStringLiteral("frank"));
        QVERIFY(session.setStatus(4, ReviewStatus::NeedsClarification, &error));
        const RegionReview r = regionReview(store, job.id, 1, 4);
        QCOMPARE(r.status, ReviewStatus::NeedsClarification);
        QCOMPARE(r.comment, QStringLiteral("ok per sheet S-201"));
        QCOMPARE(r.reviewer, QStringLiteral("frank"));
        const QVector<ReviewChange> history = ReviewEventStore(store).changes(job.id, 1, 4);
        QCOMPARE(history.size(), 3);
        QCOMPARE(history[0].author, QStringLiteral("erin"));
        QCOMPARE(history[1].comment, std::optional<QString>(QStringLiteral("ok per sheet S-201")));
        QCOMPARE(history[2].author, QStringLiteral("frank"));
        QVERIFY(store.syncStore().syncOperations().isEmpty());
        // Compared again, region 4 became 2: its history follows it.
        QVERIFY(store.reviewStore().remapReviews(job.id, 1, {{4, 2}}));
        QCOMPARE(ReviewEventStore(store).changes(job.id, 1, 2).size(), 3);
        QCOMPARE(ReviewEventStore(store).changes(job.id, 1, 4).size(), 0);
        QVERIFY(store.deleteJob(job.id));
        QCOMPARE(ReviewEventStore(store).changes(job.id).size(), 0);
    }

    // The routes: the token as everywhere, 404 for another job, 400 naming what is wrong,
    // idempotent per client change id, a time ahead of the server's clock brought back to it,
    // and the feed of every job read in pages.
    void reviewRoutes() {
        const quint16 port = m_server.port;
        const QString job = postJobOn(port, upload(port, m_sets.oldA), upload(port, m_sets.newA));
        QVERIFY(!job.isEmpty());
        const QByteArray one = batchOf({changeJson(QStringLiteral("c-1"), QStringLiteral("alice"),
                                                   QStringLiteral("2026-01-02T03:04:05.006Z"))});
        QCOMPARE(request(port, "POST", reviewsPath(job), one, {}, QByteArray()).status, 401);
        QCOMPARE(request(port, "GET", reviewsPath(job), {}, {}, "wrong-token").status, 401);
        QCOMPARE(request(port, "GET", QStringLiteral("/api/v1/reviews"), {}, {}, QByteArray()).status, 401);
        QCOMPARE(request(port, "POST", reviewsPath(QStringLiteral("no-such-job")), one).status, 404);
        QCOMPARE(request(port, "DELETE", reviewsPath(job)).status, 405);
        for (const auto &[bad, field] :
             {qMakePair(changeJson(QStringLiteral("x"), QStringLiteral("a"),
                                   QStringLiteral("2026-01-02T03:04:05Z"), QStringLiteral("maybe")),
                        QStringLiteral("status")),
              qMakePair(changeJson(QStringLiteral("x"), QString(), QStringLiteral("2026-01-02T03:04:05Z")),
                        QStringLiteral("author")),
              qMakePair(changeJson(QStringLiteral("x"), QStringLiteral("a"), QStringLiteral("yesterday")),
                        QStringLiteral("changed_at")),
              qMakePair(changeJson(QStringLiteral("no spaces"), QStringLiteral("a"),
                                   QStringLiteral("2026-01-02T03:04:05Z")),
                        QStringLiteral("client_change_id"))}) {
            const Reply r = request(port, "POST", reviewsPath(job), batchOf({bad}));
            QCOMPARE(r.status, 400);
            QVERIFY2(r.text().contains(field), qPrintable(r.text()));
        }
        QCOMPARE(request(port, "POST", reviewsPath(job), "{\"changes\": []}").status, 400);
        QCOMPARE(request(port, "GET", reviewsPath(job) + QStringLiteral("?since=-1")).status, 400);

        Reply r = request(port, "POST", reviewsPath(job), one);
        QCOMPARE(r.status, 200);
        const qint64 seq = r.json.value(QStringLiteral("changes"))
                               .toArray()[0]
                               .toObject()
                               .value(QStringLiteral("seq"))
                               .toInteger();
        QVERIFY(seq > 0);
        r = request(port, "POST", reviewsPath(job), one);
        QCOMPARE(r.json.value(QStringLiteral("changes"))
                     .toArray()[0]
                     .toObject()
                     .value(QStringLiteral("seq"))
                     .toInteger(),
                 seq);
        QCOMPARE(r.json.value(QStringLiteral("changes"))
                     .toArray()[0]
                     .toObject()
                     .value(QStringLiteral("duplicate"))
                     .toBool(),
                 true);

        // A desktop with its clock a year ahead does not win for a year.
        const QDateTime before = QDateTime::currentDateTimeUtc();
        r = request(port, "POST", reviewsPath(job),
                    batchOf({changeJson(QStringLiteral("c-2"), QStringLiteral("bob"),
                                        before.addYears(1).toString(Qt::ISODateWithMs),
                                        QStringLiteral("rejected"), 5)}));
        QCOMPARE(r.status, 200);
        const QDateTime stored = QDateTime::fromString(r.json.value(QStringLiteral("changes"))
                                                           .toArray()[0]
                                                           .toObject()
                                                           .value(QStringLiteral("changed_at"))
                                                           .toString(),
                                                       Qt::ISODateWithMs);
        QVERIFY2(stored <= QDateTime::currentDateTimeUtc() && stored >= before.addSecs(-5),
                 qPrintable(stored.toString(Qt::ISODateWithMs)));
        // Two changes of the same ms: the later arrival wins.
        r = request(port, "POST", reviewsPath(job),
                    batchOf({changeJson(QStringLiteral("c-3"), QStringLiteral("carol"),
                                        QStringLiteral("2026-01-02T03:04:05.006Z"),
                                        QStringLiteral("needs_clarification"))}));
        QCOMPARE(r.status, 200);
        r = request(port, "GET", reviewsPath(job) + QStringLiteral("?since=%1").arg(seq));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("changes")).toArray().size(), 2); // c-2, c-3
        const QJsonArray reviews = r.json.value(QStringLiteral("reviews")).toArray();
        QCOMPARE(reviews.size(), 2);
        QCOMPARE(reviews[0].toObject().value(QStringLiteral("region")).toInt(), 2);
        QCOMPARE(reviews[0].toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("needs_clarification"));
        QCOMPARE(reviews[0].toObject().value(QStringLiteral("author")).toString(), QStringLiteral("carol"));
        QCOMPARE(reviews[1].toObject().value(QStringLiteral("region")).toInt(), 5);
        QCOMPARE(reviews[1].toObject().value(QStringLiteral("author")).toString(), QStringLiteral("bob"));
        QCOMPARE(QDateTime::fromString(reviews[1].toObject().value(QStringLiteral("changed_at")).toString(),
                                       Qt::ISODateWithMs),
                 stored);

        // The feed of every job, a page at a time.
        r = request(port, "GET", QStringLiteral("/api/v1/reviews?since=0&limit=2"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("changes")).toArray().size(), 2);
        QCOMPARE(r.json.value(QStringLiteral("more")).toBool(), true);
        const qint64 last = r.json.value(QStringLiteral("last_seq")).toInteger();
        r = request(port, "GET", QStringLiteral("/api/v1/reviews?since=%1&limit=2").arg(last));
        QCOMPARE(r.json.value(QStringLiteral("changes")).toArray().size(), 1);
        QCOMPARE(r.json.value(QStringLiteral("more")).toBool(), false);
        QCOMPARE(r.json.value(QStringLiteral("changes"))
                     .toArray()[0]
                     .toObject()
                     .value(QStringLiteral("job_id"))
                     .toString(),
                 job);

        // Deleting the job deletes its reviews.
        QCOMPARE(request(port, "DELETE", QStringLiteral("/api/v1/jobs/%1").arg(job)).status, 200);
        QCOMPARE(request(port, "GET", QStringLiteral("/api/v1/reviews?since=%1").arg(seq - 1))
                     .json.value(QStringLiteral("changes"))
                     .toArray()
                     .size(),
                 0);
    }

    // The server down: a review waits in the history's queue (retried with backoff, the desktop
    // offline), and goes out when the server is back; the other desktop then gets it.
    void serverDownThenBack() {
        const QString data = m_dir.filePath(QStringLiteral("server-2"));
        const quint16 port = quint16(freePort());
        const QStringList args = {QStringLiteral("--data-dir"), data,
                                  QStringLiteral("--workers"),  QStringLiteral("2"),
                                  QStringLiteral("--poll-ms"),  QStringLiteral("100")};
        Server server = startServerProcess(QStringLiteral(BT_SERVER_PATH), kToken, args, {}, port);
        QCOMPARE(server.port, port);
        SyncOptions options;
        options.pollMs = 200;
        options.teamRefreshMs = 300;
        options.retry.backoffMs = 100;
        options.retry.maxBackoffMs = 400;
        const ServerConfig config{QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)),
                                  QString::fromLatin1(kToken)};
        JobStore storeA(m_dir.filePath(QStringLiteral("down-a.sqlite"))),
            storeB(m_dir.filePath(QStringLiteral("down-b.sqlite")));
        QVERIFY(storeA.open());
        QVERIFY(storeB.open());
        SyncService syncA(&storeA), syncB(&storeB);
        for (SyncService *sync : {&syncA, &syncB}) {
            sync->setOptions(options);
            sync->setServer(config);
        }
        CompareSettings settings;
        settings.dpi = kDpi;
        QString error;
        const QString jobA = syncA.submit(m_sets.oldA, m_sets.newA, QString(), QString(), settings, QString(),
                                          QString(), &error);
        QVERIFY2(!jobA.isEmpty(), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(storeA.job(jobA) && isFinished(storeA.job(jobA)->status), kJobTimeoutMs);
        const QString remoteId = storeA.job(jobA)->remoteJobId;
        QTRY_VERIFY_WITH_TIMEOUT(storeB.syncStore().jobByRemoteId(config.key(), remoteId).has_value(), 30000);
        const QString jobB = storeB.syncStore().jobByRemoteId(config.key(), remoteId)->id;

        server.child->terminate();
        server = Server();
        ReviewSession review(&storeA, jobA, 1);
        review.setAuthor(QStringLiteral("alice"));
        QVERIFY(review.setComment(1, QStringLiteral("written while the server was down"), &error));
        QTRY_COMPARE_WITH_TIMEOUT(syncA.state(), ConnectionState::Offline, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const SyncOperation &op : storeA.syncStore().syncOperations())
                    if (op.kind == SyncKind::Reviews && op.attempts > 0) return true;
                return false;
            }(),
            20000);
        QCOMPARE(ReviewEventStore(storeA).unsentChanges(jobA).size(), 1);

        server = startServerProcess(QStringLiteral(BT_SERVER_PATH), kToken, args, {}, port);
        QCOMPARE(server.port, port);
        syncA.syncNow(); // the backoff may be long by now
        QTRY_VERIFY_WITH_TIMEOUT(ReviewEventStore(storeA).unsentChanges(jobA).isEmpty(), 30000);
        QCOMPARE(syncA.state(), ConnectionState::Online);
        QTRY_COMPARE_WITH_TIMEOUT(regionReview(storeB, jobB, 1, 1).comment,
                                  QStringLiteral("written while the server was down"), 30000);
        QCOMPARE(regionReview(storeB, jobB, 1, 1).reviewer, QStringLiteral("alice"));
        server.child->terminate();
    }

    // A local job reviewed here and pushed: its review changes follow it to the team's copy.
    void pushCarriesLocalReviews() {
        JobStore store(m_dir.filePath(QStringLiteral("push.sqlite")));
        QVERIFY(store.open());
        CompareSettings settings;
        settings.dpi = kDpi;
        JobRecord job;
        job.id = QStringLiteral("pushed-job");
        job.oldFile = m_sets.oldA;
        job.newFile = m_sets.newA;
        job.settings = settings.toJson();
        job.status = JobStatus::Completed;
        QString error;
        QVERIFY2(store.createJob(job, &error), qPrintable(error));
        ReviewSession review(&store, job.id, 1);
        review.setAuthor(QStringLiteral("gina"));
        QVERIFY(review.setStatus(2, ReviewStatus::Accepted, &error));
        QVERIFY(store.syncStore().syncOperations().isEmpty()); // local: nothing to send
        SyncService sync(&store);
        SyncOptions options;
        options.pollMs = 200;
        sync.setOptions(options);
        sync.setServer(
            {QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.port)), QString::fromLatin1(kToken)});
        QVERIFY2(sync.push(job.id, &error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(!store.job(job.id)->remoteJobId.isEmpty(), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(ReviewEventStore(store).unsentChanges(job.id).isEmpty(), 30000);
        const Reply log = request(m_server.port, "GET", reviewsPath(store.job(job.id)->remoteJobId));
        QCOMPARE(log.status, 200);
        const QJsonArray reviews = log.json.value(QStringLiteral("reviews")).toArray();
        QCOMPARE(reviews.size(), 1);
        QCOMPARE(reviews[0].toObject().value(QStringLiteral("author")).toString(), QStringLiteral("gina"));
        QCOMPARE(reviews[0].toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("accepted"));
        QCOMPARE(reviews[0].toObject().value(QStringLiteral("region")).toInt(), 2);
    }

    // The viewer's change list names whoever else decided; one's own decisions stay unnamed.
    void changeListNamesTheReviewer() {
        ui::ChangeListModel model([](int id) {
            RegionReview r;
            r.regionNumber = id;
            r.status = id == 1 ? ReviewStatus::Rejected : ReviewStatus::Accepted;
            r.reviewer = id == 1 ? QStringLiteral("bob") : reviewerName();
            r.updatedAt = QDateTime::currentDateTimeUtc();
            return r;
        });
        ChangeRegions regions(2);
        regions[0].id = 1;
        regions[1].id = 2;
        model.setChanges(regions, Qt::red, Qt::green);
        QCOMPARE(model.index(0, ui::ChangeListModel::ReviewColumn).data().toString(),
                 QStringLiteral("Rejected (bob)"));
        QCOMPARE(model.index(1, ui::ChangeListModel::ReviewColumn).data().toString(),
                 QStringLiteral("Accepted"));
        QVERIFY(model.index(0, ui::ChangeListModel::ReviewColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("bob")));
        // $BT_SCREENSHOT_DIR: the list and the settings' name field, as a user sees them.
        const QString shots = qEnvironmentVariable("BT_SCREENSHOT_DIR");
        if (!shots.isEmpty()) {
            QDir().mkpath(shots);
            QTableView view;
            view.setModel(&model);
            view.resize(520, 120);
            view.show();
            QVERIFY(view.grab().save(QDir(shots).filePath(QStringLiteral("teamreviews-changelist.png"))));
            ui::GuiSettings settings;
            settings.serverUrl = QStringLiteral("http://buildtrace.office:8765");
            ui::SettingsDialog dialog(settings);
            dialog.show();
            QVERIFY(dialog.grab().save(QDir(shots).filePath(QStringLiteral("teamreviews-settings.png"))));
        }
    }

    void twoDesktops() {
        runTwoDesktopReviews(m_server.port, kToken, m_dir.path(), m_sets.oldA, m_sets.newA);
    }
};

QTEST_MAIN(TestTeamReviews)
#include "tst_teamreviews.moc"
