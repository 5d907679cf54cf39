// Desktop sync (core/sync) against a real buildtrace-server on loopback (embedded SQLite queue,
// two workers in the process): a comparison run on the server arrives in the local history
// sheet by sheet and equals a local run; the server stopped, the job waits in the queue with
// backoff and goes out when the server is back; a local job pushed; the team's jobs listed,
// cached and readable offline; a refused set and a refused token. Sheets are 17 x 11 in at 60 DPI.

#include "postgresfixture.h" // freePort()
#include "serverprocess.h"
#include "testutil.h"

#include "compare/resultjson.h"
#include "pipeline/pipeline.h"
#include "store/jobstore.h"
#include "sync/remotemirror.h"
#include "sync/syncservice.h"

#include "guisettings.h"
#include "historypanel.h"
#include "mainwindow.h"
#include "pagecard.h"
#include "pagecardlist.h"
#include "viewer/overlayviewer.h"

#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace bt;
using namespace bt::test;
using bt::ui::PageCard;

namespace {

const QByteArray kToken = "sync-test-token";
constexpr int kDpi = 60;
constexpr int kJobTimeoutMs = 180000;

SyncOptions fastOptions() {
    SyncOptions o;
    o.pollMs = 200;
    o.teamRefreshMs = 500;
    o.retry.backoffMs = 100;
    o.retry.maxBackoffMs = 800;
    o.requestTimeoutMs = 10000;
    return o;
}

ServerConfig configFor(quint16 port, const QByteArray &token = kToken) {
    return ServerConfig{QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)), QString::fromLatin1(token)};
}

CompareSettings settingsAt(double dpi) {
    CompareSettings s;
    s.dpi = dpi;
    return s;
}

// The job's status as the history spells it (readable when a comparison fails).
QString statusOf(const JobStore &store, const QString &jobId) {
    const std::optional<JobRecord> job = store.job(jobId);
    return job ? jobStatusName(job->status) : QStringLiteral("<gone>");
}

bool isJobFinished(const JobStore &store, const QString &jobId) {
    const std::optional<JobRecord> job = store.job(jobId);
    return job && isFinished(job->status);
}

// GET on the server, waited for.
QJsonObject serverGet(quint16 port, const QString &path) {
    QNetworkAccessManager nam;
    QNetworkRequest req(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(path)));
    req.setRawHeader("Authorization", "Bearer " + kToken);
    QNetworkReply *r = nam.get(req);
    QSignalSpy done(r, &QNetworkReply::finished);
    done.wait(10000);
    const QJsonObject json = QJsonDocument::fromJson(r->readAll()).object();
    delete r;
    return json;
}

} // namespace

class TestSync : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_old, m_new; // 3 sheets, two edited
    QString m_data;       // the server's data folder (kept over restarts)
    quint16 m_port = 0;
    ServerProcess m_server;
    QJsonObject m_localResult; // `buildtrace compare` of m_old and m_new
    int m_stores = 0;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    bool startServer() {
        m_server = startServerProcess(
            QStringLiteral(BT_SERVER_PATH), kToken,
            {QStringLiteral("--data-dir"), m_data, QStringLiteral("--workers"), QStringLiteral("2"),
             QStringLiteral("--poll-ms"), QStringLiteral("100")},
            // The last sheet's diff takes 1.5 s longer: the first sheets are
            // surely done (and seen by a poll) while the job still runs.
            {{QStringLiteral("BUILDTRACE_INJECT_DELAY"), QStringLiteral("diff:3:1500")}}, m_port);
        if (!m_server.port) qWarning("server: %s", qPrintable(m_server.error));
        return m_server.port == m_port;
    }
    void stopServer() {
        if (m_server.child) m_server.child->terminate();
        m_server = ServerProcess();
    }

    std::unique_ptr<JobStore> newStore() {
        auto store = std::make_unique<JobStore>(path(QStringLiteral("history-%1.sqlite").arg(++m_stores)));
        QString error;
        if (!store->open(&error)) qWarning("store: %s", qPrintable(error));
        return store;
    }

    std::unique_ptr<SyncService> newService(JobStore *store, const ServerConfig &config) {
        auto sync = std::make_unique<SyncService>(store);
        sync->setOptions(fastOptions());
        sync->setServer(config);
        return sync;
    }

    QString submit(SyncService &sync, const QString &oldPath, const QString &newPath) {
        QString error;
        const QString id = sync.submit(oldPath, newPath, QString(), QString(), settingsAt(kDpi), QString(),
                                       QString(), &error);
        if (id.isEmpty()) qWarning("submit: %s", qPrintable(error));
        return id;
    }

    // $BT_SCREENSHOT_DIR: a picture of the window (a look at it as a user would).
    static void saveScreenshot(QWidget &w, const QString &name) {
        const QString dir = qEnvironmentVariable("BT_SCREENSHOT_DIR");
        if (dir.isEmpty()) return;
        QTest::qWait(300); // layouts and thumbnails settle
        QDir().mkpath(dir);
        QVERIFY(w.grab().save(QDir(dir).filePath(name)));
    }

    // The mirrored job as the result JSON, comparable with the CLI's.
    static QJsonObject storedJson(const JobStore &store, const QString &jobId) {
        return comparisonToJson(storedComparison(store, jobId).value_or(ComparisonResult()));
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QVector<SheetSpec> oldSheets, newSheets;
        for (int i = 0; i < 3; ++i) {
            SheetSpec s = makeSheet(QStringLiteral("S-%1").arg(101 + i),
                                    QStringLiteral("LEVEL %1 PLAN").arg(i + 1), 301 + i, QSizeF(17, 11));
            oldSheets << s;
            if (i != 1) {
                s.extraNotes << QStringLiteral("VERIFY ALL DIMENSIONS IN FIELD BEFORE ORDERING MATERIALS.");
                s.revision = QStringLiteral("REV 2");
            }
            newSheets << s;
        }
        m_old = path(QStringLiteral("plans rev 1.pdf"));
        m_new = path(QStringLiteral("plans rev 2.pdf"));
        QCOMPARE(writeVectorSet(m_old, oldSheets).size(), 3);
        QCOMPARE(writeVectorSet(m_new, newSheets).size(), 3);

        const QString json = path(QStringLiteral("local.json"));
        const CliRun local = runCli({QStringLiteral("compare"), m_old, m_new, QStringLiteral("--dpi"),
                                     QString::number(kDpi), QStringLiteral("--json"), json},
                                    json);
        QVERIFY2(local.exitCode == 1, qPrintable(describe(local))); // 1: changes found
        m_localResult = local.json;

        // The window's settings and history are the test's own.
        QCoreApplication::setOrganizationName(QStringLiteral("BuildTraceTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_sync"));
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, path(QStringLiteral("settings")));
        QSettings().clear();
        qputenv("BUILDTRACE_DB", path(QStringLiteral("window/history.sqlite")).toLocal8Bit());

        m_data = path(QStringLiteral("server-data"));
        m_port = quint16(freePort());
        QVERIFY(m_port);
        QVERIFY(startServer());
    }

    void cleanupTestCase() { stopServer(); }

    // Run on the server: the history gets the job at once, then its sheets as the server does
    // them; the end result equals the local run; overlays come when asked for.
    void runOnServerMatchesLocalRun() {
        const auto store = newStore();
        const auto sync = newService(store.get(), configFor(m_port));
        QSignalSpy updates(sync.get(), &SyncService::jobUpdated);
        // Sheets whose results arrived while the job was still running on the server.
        QSet<int> pagesBeforeEnd;
        bool endSignalled = false;
        connect(sync.get(), &SyncService::jobUpdated, this,
                [&](const QString &jobId, const QVector<int> &pages) {
                    endSignalled = endSignalled || isJobFinished(*store, jobId);
                    for (const auto &job : store->jobs())
                        if (!isFinished(job.status))
                            for (int p : pages)
                                pagesBeforeEnd.insert(p);
                });

        const QString id = submit(*sync, m_old, m_new);
        QVERIFY(!id.isEmpty());
        const std::optional<JobRecord> queued = store->job(id);
        QVERIFY(queued);
        QCOMPARE(queued->origin, JobOrigin::Server);
        QCOMPARE(queued->status, JobStatus::Queued);
        QCOMPARE(sync->queuedOperations(), 1);

        QTRY_VERIFY_WITH_TIMEOUT(isJobFinished(*store, id), kJobTimeoutMs);
        // The mirror writes the history on a pool thread and signals afterwards, on this one: the
        // last update (the last sheet with the end) may still be on its way.
        QTRY_VERIFY_WITH_TIMEOUT(endSignalled, 10000);
        QCOMPARE(statusOf(*store, id), QStringLiteral("completed"));
        QCOMPARE(sync->state(), ConnectionState::Online);
        QCOMPARE(sync->queuedOperations(), 0);
        QVERIFY(!store->job(id)->remoteJobId.isEmpty());

        // Progress came in steps (sheets reported before the job was done), not as one final copy.
        QSet<int> pagesSeen;
        int updatesWithPages = 0;
        for (const QList<QVariant> &u : std::as_const(updates)) {
            if (u.at(0).toString() != id) continue;
            const QVector<int> pages = u.at(1).value<QVector<int>>();
            updatesWithPages += pages.isEmpty() ? 0 : 1;
            for (int p : pages)
                pagesSeen.insert(p);
        }
        QVERIFY2(updatesWithPages >= 2, qPrintable(QString::number(updatesWithPages)));
        QCOMPARE(pagesSeen, (QSet<int>{1, 2, 3}));
        QVERIFY(pagesBeforeEnd.contains(1) && pagesBeforeEnd.contains(2));

        const QString d =
            firstJsonDifference(normalizedResult(m_localResult), normalizedResult(storedJson(*store, id)));
        QVERIFY2(d.isEmpty(), qPrintable(d));

        // The overlay of a changed sheet: fetched on demand into the history's cache.
        const QString overlay = overlayCachePath(*store, id, 1);
        QVERIFY(!QFile::exists(overlay));
        QCOMPARE(storedComparison(*store, id)->pages.value(0).overlayPath, overlay);
        QSignalSpy ready(sync.get(), &SyncService::overlayReady);
        sync->fetchOverlay(id, 1);
        QVERIFY(ready.wait(20000));
        QCOMPARE(ready.at(0).at(2).toString(), overlay);
        const QImage image(overlay);
        QVERIFY(!image.isNull());
        QCOMPARE(image.width(), 17 * kDpi);

        // A finished job is not polled again: two more rounds of sync write nothing.
        const int before = int(updates.size());
        QSignalSpy rounds(sync.get(), &SyncService::teamJobsRefreshed);
        QTRY_COMPARE_WITH_TIMEOUT(int(rounds.size()), 2, 20000);
        QCOMPARE(int(updates.size()), before);
    }

    // Offline first: with the server down the job waits in the history's queue and is retried
    // with growing waits; when the server is back it goes out and completes.
    void serverDownThenBack() {
        stopServer();
        const auto store = newStore();
        const auto sync = newService(store.get(), configFor(m_port));
        const QString id = submit(*sync, m_old, m_new);
        QVERIFY(!id.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(sync->state(), ConnectionState::Offline, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(store->syncStore().syncOperations().value(0).attempts >= 3, 15000);
        const SyncOperation op = store->syncStore().syncOperations().value(0);
        QCOMPARE(op.jobId, id);
        QVERIFY(!op.lastError.isEmpty());
        QVERIFY(op.nextAttemptAt.isValid());
        QCOMPARE(statusOf(*store, id), QStringLiteral("queued"));

        // A restart of the app meanwhile: the queue is in the history, not in memory.
        const ServerConfig config = sync->server();
        sync->setServer(ServerConfig());
        QCOMPARE(sync->state(), ConnectionState::NotConfigured);
        const auto restarted = newService(store.get(), config);
        QCOMPARE(restarted->queuedOperations(), 1);

        QVERIFY(startServer());
        QTRY_VERIFY_WITH_TIMEOUT(isJobFinished(*store, id), kJobTimeoutMs);
        QCOMPARE(statusOf(*store, id), QStringLiteral("completed"));
        QCOMPARE(restarted->state(), ConnectionState::Online);
        QCOMPARE(restarted->queuedOperations(), 0);
        const QString d =
            firstJsonDifference(normalizedResult(m_localResult), normalizedResult(storedJson(*store, id)));
        QVERIFY2(d.isEmpty(), qPrintable(d));
    }

    // A finished local job pushed: the server compares its sets again, the team sees the job
    // (a second desktop lists it as a team job and caches it), the local results stay.
    void pushAndTeamJobs() {
        const auto store = newStore();
        Pipeline pipeline(store.get());
        QString error;
        QVERIFY2(pipeline.start(m_old, m_new, settingsAt(kDpi), PipelineOptions(), &error),
                 qPrintable(error));
        pipeline.waitForFinished();
        const QString localId = pipeline.jobId();
        QCOMPARE(statusOf(*store, localId), QStringLiteral("completed"));
        const QJsonObject before = storedJson(*store, localId);

        const auto sync = newService(store.get(), configFor(m_port));
        QVERIFY2(sync->push(localId, &error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(!store->job(localId)->remoteJobId.isEmpty(), 60000);
        const JobRecord pushed = *store->job(localId);
        QCOMPARE(pushed.origin, JobOrigin::Local);
        QCOMPARE(pushed.remoteServer, sync->server().key());
        QVERIFY(!sync->push(localId, &error)); // once is enough
        QCOMPARE(storedJson(*store, localId), before);

        // Another desktop of the team.
        const auto teamStore = newStore();
        const auto team = newService(teamStore.get(), configFor(m_port));
        QTRY_VERIFY_WITH_TIMEOUT(
            teamStore->syncStore().jobByRemoteId(team->server().key(), pushed.remoteJobId), 20000);
        const QString teamId =
            teamStore->syncStore().jobByRemoteId(team->server().key(), pushed.remoteJobId)->id;
        QCOMPARE(teamStore->job(teamId)->origin, JobOrigin::Team);
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(*teamStore, teamId), QStringLiteral("completed"), kJobTimeoutMs);
        QCOMPARE(QFileInfo(teamStore->job(teamId)->oldFile).fileName(), QFileInfo(m_old).fileName());
        QSignalSpy ready(team.get(), &SyncService::overlayReady);
        team->fetchOverlay(teamId, 1);
        QVERIFY(ready.wait(20000));
        const QString d = firstJsonDifference(normalizedResult(m_localResult),
                                              normalizedResult(storedJson(*teamStore, teamId)));
        QVERIFY2(d.isEmpty(), qPrintable(d));
        // Every job of the server is listed once, jobs of this desktop as its own.
        const int serverJobs =
            serverGet(m_port, QStringLiteral("/api/v1/jobs")).value(QStringLiteral("jobs")).toArray().size();
        QTRY_COMPARE_WITH_TIMEOUT(int(teamStore->jobs().size()), serverJobs, 20000);
        QSignalSpy refreshed(team.get(), &SyncService::teamJobsRefreshed);
        QTRY_COMPARE_WITH_TIMEOUT(int(refreshed.size()), 2, 20000); // further refreshes add nothing
        QCOMPARE(int(teamStore->jobs().size()), serverJobs);
        QTRY_COMPARE_WITH_TIMEOUT(int(store->jobs().size()), serverJobs + 0, 20000);

        // Offline: the cached team job still reads, overlay included.
        stopServer();
        team->syncNow();
        QTRY_COMPARE_WITH_TIMEOUT(team->state(), ConnectionState::Offline, 10000);
        const std::optional<ComparisonResult> cached = storedComparison(*teamStore, teamId);
        QVERIFY(cached);
        QCOMPARE(cached->pages.size(), 3);
        QVERIFY(QFile::exists(cached->pages[0].overlayPath));
        QVERIFY(startServer());

        // Deleted from this desktop: gone on the server too, and not listed again.
        QVERIFY2(team->removeFromServer(teamId, &error), qPrintable(error));
        QVERIFY(!teamStore->job(teamId));
        QTRY_COMPARE_WITH_TIMEOUT(team->queuedOperations(), 0, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(serverGet(m_port, QStringLiteral("/api/v1/jobs/%1").arg(pushed.remoteJobId))
                                     .contains(QStringLiteral("error")),
                                 10000);
        QSignalSpy listed(team.get(), &SyncService::teamJobsRefreshed);
        QTRY_COMPARE_WITH_TIMEOUT(int(listed.size()), 2, 20000); // the server's list read again
        QVERIFY(!teamStore->syncStore().jobByRemoteId(team->server().key(), pushed.remoteJobId));
    }

    // What the server refuses for good fails the job with a message naming the file; a refused
    // token stops sync (nothing retried) until the settings change.
    void refusals() {
        const auto store = newStore();
        const QString garbage = path(QStringLiteral("not a drawing.pdf"));
        {
            QFile f(garbage);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("this is no PDF at all\n");
        }
        const auto sync = newService(store.get(), configFor(m_port));
        QSignalSpy failed(sync.get(), &SyncService::operationFailed);
        const QString id = submit(*sync, garbage, m_new);
        QVERIFY(failed.wait(20000));
        QCOMPARE(failed.at(0).at(0).toString(), id);
        QVERIFY2(failed.at(0).at(1).toString().contains(QStringLiteral("not a drawing.pdf")),
                 qPrintable(failed.at(0).at(1).toString()));
        QCOMPARE(statusOf(*store, id), QStringLiteral("failed"));
        QCOMPARE(sync->queuedOperations(), 0);

        const auto otherStore = newStore();
        const auto wrong = newService(otherStore.get(), configFor(m_port, "not-the-token"));
        const QString waiting = submit(*wrong, m_old, m_new);
        QTRY_COMPARE_WITH_TIMEOUT(wrong->state(), ConnectionState::Unauthorized, 10000);
        QVERIFY(!wrong->isScheduled()); // nothing is tried again until the token changes
        QCOMPARE(wrong->queuedOperations(), 1);
        QCOMPARE(otherStore->syncStore().syncOperations().value(0).attempts,
                 0); // refused, not counted as a failure
        QCOMPARE(statusOf(*otherStore, waiting), QStringLiteral("queued"));
        wrong->setServer(configFor(m_port)); // the right token: it goes out
        QTRY_VERIFY_WITH_TIMEOUT(isJobFinished(*otherStore, waiting), kJobTimeoutMs);
        QCOMPARE(statusOf(*otherStore, waiting), QStringLiteral("completed"));
    }

    // The window: Run on Server fills the cards from the server's progress and fetches the
    // overlays for their thumbnails; the history marks the job; the status bar tells the
    // connection. With the server down a comparison waits (and the window says so) and completes
    // once the server is back.
    void windowRunsOnServer() {
        ui::GuiSettings settings = ui::GuiSettings::load();
        settings.dpi = kDpi;
        settings.serverUrl = QStringLiteral("http://127.0.0.1:%1").arg(m_port);
        settings.serverToken = QString::fromLatin1(kToken);
        settings.save();
        ui::MainWindow w;
        w.show();
        QVERIFY(w.sync());
        QTRY_COMPARE_WITH_TIMEOUT(w.sync()->state(), ConnectionState::Online, 10000);
        QCOMPARE(w.connectionText(), QStringLiteral("Server: online"));
        QVERIFY(!w.runOnServerAction()->isEnabled()); // no files yet
        w.setFiles(m_old, m_new);
        QVERIFY(w.runOnServerAction()->isEnabled());
        QVERIFY(w.runOnServer());
        QTRY_VERIFY_WITH_TIMEOUT(!w.shownJobId().isEmpty(), 20000);
        const QString id = w.shownJobId();
        QCOMPARE(w.store()->job(id)->origin, JobOrigin::Server);
        QVERIFY(w.historyPanel()->jobIds().contains(id));
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(*w.store(), id), QStringLiteral("completed"), kJobTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(int(w.cardList()->cards().size()), 3, 10000);
        const QJsonArray local = m_localResult.value(QStringLiteral("pages")).toArray();
        for (PageCard *card : w.cardList()->cards()) {
            const QJsonObject expected = local.at(card->pageNumber() - 1).toObject();
            QCOMPARE(card->changeCount(), expected.value(QStringLiteral("diff_result"))
                                              .toObject()
                                              .value(QStringLiteral("change_count"))
                                              .toInt());
            QCOMPARE(card->summaryText(), expected.value(QStringLiteral("summary"))
                                              .toObject()
                                              .value(QStringLiteral("summary_text"))
                                              .toString());
            QVERIFY(card->stageStatus(Stage::Summary) == StageStatus::Completed);
            // The overlay came from the server for the thumbnail.
            QTRY_VERIFY_WITH_TIMEOUT(card->hasThumbnail(), 20000);
        }
        saveScreenshot(w, QStringLiteral("sync-done.png"));
        // The viewer shows a server job's sheet from the cached overlay.
        w.showSheet(1);
        QVERIFY(w.isViewerShown());
        w.showCards();

        // The team's jobs (the earlier tests' on this server) are listed and open: cards, and
        // the overlay in the viewer although the drawing files are not on this computer.
        // One list per look: jobs() returns a new vector each call.
        auto teamJobDone = [&w] {
            const QVector<JobRecord> jobs = w.store()->jobs();
            return std::any_of(jobs.cbegin(), jobs.cend(), [](const JobRecord &j) {
                return j.origin == JobOrigin::Team && j.status == JobStatus::Completed;
            });
        };
        QTRY_VERIFY_WITH_TIMEOUT(teamJobDone(), 30000);
        QString teamId;
        for (const JobRecord &j : w.store()->jobs())
            if (j.origin == JobOrigin::Team && j.status == JobStatus::Completed) teamId = j.id;
        QVERIFY(w.openJob(teamId));
        QCOMPARE(int(w.cardList()->cards().size()), 3);
        QTRY_VERIFY_WITH_TIMEOUT(w.cardList()->card(1)->hasThumbnail(), 20000);
        w.showSheet(1);
        QTRY_VERIFY_WITH_TIMEOUT(!w.viewer()->isLoading(), 20000);
        saveScreenshot(w, QStringLiteral("sync-team-viewer.png"));
        w.showCards();

        // The server goes away: the next comparison waits, and the status bar says so.
        stopServer();
        w.sync()->syncNow();
        QTRY_COMPARE_WITH_TIMEOUT(w.sync()->state(), ConnectionState::Offline, 10000);
        QVERIFY(w.runOnServer());
        QTRY_VERIFY_WITH_TIMEOUT(!w.shownJobId().isEmpty() && w.shownJobId() != teamId, 20000);
        const QString waiting = w.shownJobId();
        QTRY_COMPARE_WITH_TIMEOUT(w.connectionText(),
                                  QStringLiteral("Server: offline, retrying · 1 waiting to be sent"), 10000);
        QCOMPARE(statusOf(*w.store(), waiting), QStringLiteral("queued"));
        saveScreenshot(w, QStringLiteral("sync-offline.png"));
        QVERIFY(startServer());
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(*w.store(), waiting), QStringLiteral("completed"), kJobTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(w.connectionText(), QStringLiteral("Server: online"), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(int(w.cardList()->cards().size()), 3, 10000);
    }

    // The mirror writes only what changed: the same server state twice writes nothing.
    void mirrorIsIdempotent() {
        const auto store = newStore();
        JobRecord job;
        job.id = QStringLiteral("mirror-1");
        job.status = JobStatus::Pending;
        job.origin = JobOrigin::Team;
        QVERIFY(store->createJob(job));
        QJsonObject result = m_localResult;
        QJsonArray pages;
        for (const QJsonValue &p : result.value(QStringLiteral("pages")).toArray()) {
            QJsonObject page = p.toObject();
            QJsonObject diff = page.value(QStringLiteral("diff_result")).toObject();
            diff.insert(QStringLiteral("overlay_url"), QStringLiteral("/api/v1/overlays/x-diff-1/image"));
            page.insert(QStringLiteral("diff_result"), diff);
            pages.append(page);
        }
        result.insert(QStringLiteral("pages"), pages);
        QJsonObject progress = result;
        progress.insert(QStringLiteral("status"), QStringLiteral("completed"));
        QString error;
        const std::optional<MirrorChange> first = mirrorServerJob(*store, job.id, result, progress, &error);
        QVERIFY2(first, qPrintable(error));
        QCOMPARE(first->pages, (QVector<int>{1, 2, 3}));
        QVERIFY(first->jobChanged && first->finished);
        const std::optional<MirrorChange> second = mirrorServerJob(*store, job.id, result, progress, &error);
        QVERIFY2(second, qPrintable(error));
        QVERIFY(second->pages.isEmpty());
        QVERIFY(!second->jobChanged);
        QCOMPARE(storedComparison(*store, job.id)->pages.value(0).overlayPath,
                 overlayCachePath(*store, job.id, 1));
    }
};

QTEST_MAIN(TestSync)
#include "tst_sync.moc"
