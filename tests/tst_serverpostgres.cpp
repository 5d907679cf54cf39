// The job server (server/) with PostgreSQL workers (a real PostgreSQL 15 on loopback,
// tests/support/postgresfixture): four racing over a 10-sheet job, one killed in the middle of a
// stage, a stage that always fails, a page whose render times out, an encrypted set; and schema 1
// databases (SQLite and PostgreSQL) migrated. Every server and worker is a real process. Sheets
// are 17 x 11 in at 60 DPI for speed.
// BT_SERVER_BENCH=1 also measures 1, 2 and 4 workers on the 10-sheet job (BT_SERVER_BENCH_DPI, 60).
// The HTTP API on the embedded SQLite server is tst_server.

#include "drawinggenerator.h"
#include "pipeline/stagerunner.h"
#include "postgresfixture.h"
#include "serverfixture.h"
#include "serverprocess.h"
#include "teamreviewscenario.h"
#include "testutil.h"
#include "timedtestcase.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUrl>
#include <QtTest>

#include <csignal>
#include <memory>

using namespace bt;
using namespace bt::test;

namespace {

const QString kEncryptedFixture = QStringLiteral(BT_SOURCE_DIR "/tests/data/encrypted.pdf"); // "secret"

// BT_SERVER_BENCH_DPI, else the tests' DPI.
int benchDpi() {
    const int dpi = qEnvironmentVariableIntValue("BT_SERVER_BENCH_DPI");
    return dpi > 0 ? dpi : kDpi;
}

} // namespace

class TestServerPostgres : public TimedTestCase {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_oldA, m_newA; // 3 sheets, one edited
    QString m_oldT, m_newT; // 10 sheets, four edited
    PostgresFixture m_pg;
    QString m_pgError;
    int m_dbCount = 0;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    QString newPgDatabase() {
        const QString name = QStringLiteral("bt%1").arg(++m_dbCount);
        const QString e = m_pg.createDatabase(name);
        if (!e.isEmpty()) qWarning("%s", qPrintable(e));
        return m_pg.url(name);
    }

    // First column of every row, straight from PostgreSQL.
    QStringList pgQuery(const QString &url, const QString &sql) {
        QStringList out;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("check"));
            const QUrl u(url);
            db.setHostName(u.host());
            db.setPort(u.port());
            db.setUserName(u.userName());
            db.setDatabaseName(u.path().mid(1));
            if (!db.open()) {
                qWarning("check: %s", qPrintable(db.lastError().text()));
            } else {
                QSqlQuery q(db);
                if (!q.exec(sql)) qWarning("check: %s", qPrintable(q.lastError().text()));
                while (q.next())
                    out << q.value(0).toString();
            }
        }
        QSqlDatabase::removeDatabase(QStringLiteral("check"));
        return out;
    }

    // Every (page, stage) of a finished job has exactly one result and its stage completed once.
    void checkExactlyOnce(const QString &url, const QString &jobId, int pages) {
        const QStringList counts =
            pgQuery(url, QStringLiteral("SELECT COUNT(*) FROM results WHERE job_id = '%1' "
                                        "GROUP BY page_number, stage HAVING COUNT(*) <> 1")
                             .arg(jobId));
        QVERIFY2(counts.isEmpty(), qPrintable(counts.join(' ')));
        QCOMPARE(pgQuery(url, QStringLiteral("SELECT COUNT(*) FROM results WHERE job_id = '%1'").arg(jobId)),
                 QStringList{QString::number(1 + 3 * pages)});
    }

    // Seconds the 10-sheet job takes with n PostgreSQL workers.
    double timeWorkers(int n) {
        const QString url = newPgDatabase();
        const QString data = path(QStringLiteral("bench-%1").arg(n));
        Server server = startServer({QStringLiteral("--database"), url, QStringLiteral("--data-dir"), data});
        if (!server.port) return -1;
        const QString old = upload(server.port, m_oldT), neu = upload(server.port, m_newT);
        std::vector<std::unique_ptr<Child>> workers;
        for (int i = 0; i < n; ++i) {
            workers.push_back(
                startWorker(url, data, QStringLiteral("b%1").arg(i), {QStringLiteral("--quiet")}));
            workers.back()->waitFor(QRegularExpression(QStringLiteral("started")), 30000);
        }
        QElapsedTimer t;
        t.start();
        const QJsonObject body{
            {QStringLiteral("old_upload_id"), old},
            {QStringLiteral("new_upload_id"), neu},
            {QStringLiteral("settings"), QJsonObject{{QStringLiteral("dpi"), benchDpi()}}}};
        const QString jobId = request(server.port, "POST", QStringLiteral("/api/v1/jobs"),
                                      QJsonDocument(body).toJson(QJsonDocument::Compact))
                                  .json.value(QStringLiteral("job_id"))
                                  .toString();
        const QJsonObject done = waitForJob(server.port, jobId, 600000);
        if (done.value(QStringLiteral("status")).toString() != QLatin1String("completed")) return -1;
        return t.elapsed() / 1000.0;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFileInfo(QStringLiteral(BT_SERVER_PATH)).isExecutable(), BT_SERVER_PATH);
        const ServerSets sets = writeServerSets(m_dir.path(), true);
        QVERIFY(!sets.oldT.isEmpty());
        m_oldA = sets.oldA;
        m_newA = sets.newA;
        m_oldT = sets.oldT;
        m_newT = sets.newT;
        m_pgError = m_pg.start();
    }

    // A database of schema 1 (before file names and passwords) is migrated when the server
    // opens it, in SQLite and in PostgreSQL: its uploads and jobs show up with empty names.
    void schemaMigration() {
        const QStringList v1 = {
            QStringLiteral("CREATE TABLE schema_info (version INTEGER NOT NULL)"),
            QStringLiteral("INSERT INTO schema_info (version) VALUES (1)"),
            QStringLiteral(
                "CREATE TABLE uploads (id TEXT PRIMARY KEY, sha256 TEXT NOT NULL, path TEXT NOT NULL, "
                "pages INTEGER NOT NULL, bytes BIGINT NOT NULL, created_ms BIGINT NOT NULL)"),
            QStringLiteral(
                "CREATE TABLE jobs (id TEXT PRIMARY KEY, old_upload TEXT NOT NULL, new_upload TEXT NOT "
                "NULL, settings TEXT NOT NULL, status TEXT NOT NULL, total_pages INTEGER NOT NULL "
                "DEFAULT 0, idempotency_key TEXT UNIQUE, created_ms BIGINT NOT NULL, finished_ms "
                "BIGINT)"),
            QStringLiteral("INSERT INTO uploads VALUES ('u-old', 'ab', '/elsewhere/u-old.pdf', 3, 10, 1000)"),
            QStringLiteral(
                "INSERT INTO jobs (id, old_upload, new_upload, settings, status, created_ms) VALUES "
                "('j-old', 'u-old', 'u-old', '{}', 'failed', 2000)")};
        const QString sqlite = path(QStringLiteral("v1.sqlite"));
        const QString pg = m_pgError.isEmpty() ? newPgDatabase() : QString();
        if (pg.isEmpty()) qWarning("no PostgreSQL: SQLite only (%s)", qPrintable(m_pgError));
        for (const QString &database : {sqlite, pg}) {
            if (database.isEmpty()) continue;
            for (const QString &sql : v1)
                database == sqlite ? rawQuery(sqlite, sql) : pgQuery(pg, sql);
            auto version = [&] {
                const QString sql = QStringLiteral("SELECT version FROM schema_info");
                return database == sqlite ? rawQuery(sqlite, sql) : pgQuery(pg, sql);
            };
            QCOMPARE(version(), QStringList{QStringLiteral("1")});
            const QString data = path(QStringLiteral("v1-data-%1").arg(database == sqlite ? 0 : 1));
            const QStringList args = {QStringLiteral("--database"), database,
                                      QStringLiteral("--data-dir"), data,
                                      QStringLiteral("--workers"),  QStringLiteral("0")};
            for (int run = 0; run < 2; ++run) { // the second run finds schema 2
                Server s = startServer(args);
                QVERIFY2(s.port, qPrintable(s.error));
                QCOMPARE(version(), QStringList{QStringLiteral("2")});
                const QJsonObject listed = listedJob(s.port, QStringLiteral("j-old"));
                QCOMPARE(listed.value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
                QCOMPARE(listed.value(QStringLiteral("old_name")), QJsonValue(QString()));
                QCOMPARE(listed.value(QStringLiteral("new_name")), QJsonValue(QString()));
                const Reply old = request(s.port, "GET", QStringLiteral("/api/v1/uploads/u-old"));
                QCOMPARE(old.status, 200);
                QCOMPARE(old.json.value(QStringLiteral("name")), QJsonValue(QString()));
                QCOMPARE(old.json.value(QStringLiteral("pages")).toInt(), 3);
                const Reply named = uploadBytes(s.port, readFile(m_oldA), QStringLiteral("new é.pdf"));
                QVERIFY2(named.status == 201, qPrintable(named.text()));
                QCOMPARE(named.json.value(QStringLiteral("name")).toString(), QStringLiteral("new é.pdf"));
            }
        }
    }

    // Four PostgreSQL workers racing over a 10-sheet job: every (page, stage) runs and is
    // written exactly once, and the work is spread.
    void postgresRacingWorkers() {
        QVERIFY2(m_pgError.isEmpty(), qPrintable(m_pgError));
        const QString url = newPgDatabase();
        const QString data = path(QStringLiteral("pg-race"));
        Server server = startServer({QStringLiteral("--database"), url, QStringLiteral("--data-dir"), data});
        QVERIFY2(server.port, qPrintable(server.error));
        std::vector<std::unique_ptr<Child>> workers;
        for (int i = 0; i < 4; ++i)
            workers.push_back(startWorker(url, data, QStringLiteral("w%1").arg(i)));
        const QString jobId = postJob(server.port, m_oldT, m_newT);
        QVERIFY(!jobId.isEmpty());
        const QJsonObject done = waitForJob(server.port, jobId);
        QCOMPARE(done.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        QCOMPARE(done.value(QStringLiteral("total_pages")).toInt(), 10);
        checkExactlyOnce(url, jobId, 10);
        QCOMPARE(
            pgQuery(url, QStringLiteral("SELECT COUNT(*) FROM stages WHERE job_id = '%1' AND attempts <> 1")
                             .arg(jobId)),
            QStringList{QStringLiteral("0")});
        // The workers' own logs: each stage completed by exactly one of them.
        QMap<QString, int> completions;
        int busyWorkers = 0;
        for (auto &w : workers) {
            int mine = 0;
            for (const QString &line : lines(w->out()))
                if (line.contains(QStringLiteral(" completed "))) {
                    ++completions[line.section(QLatin1Char(' '), 2)];
                    ++mine;
                }
            busyWorkers += mine > 0;
        }
        QCOMPARE(completions.size(), 31);
        for (auto it = completions.begin(); it != completions.end(); ++it)
            QVERIFY2(it.value() == 1, qPrintable(it.key()));
        QVERIFY2(busyWorkers >= 2, "the work was not spread");
    }

    // A worker killed (SIGKILL) in the middle of a stage: its lease runs out, another worker
    // takes the stage and finishes the job; nothing lost, nothing written twice.
    void postgresKilledWorker() {
        QVERIFY2(m_pgError.isEmpty(), qPrintable(m_pgError));
        const QString url = newPgDatabase();
        const QString data = path(QStringLiteral("pg-kill"));
        Server server = startServer({QStringLiteral("--database"), url, QStringLiteral("--data-dir"), data});
        QVERIFY2(server.port, qPrintable(server.error));
        auto doomed = startWorker(
            url, data, QStringLiteral("doomed"), {QStringLiteral("--lease-ms"), QStringLiteral("1500")},
            {{QStringLiteral("BUILDTRACE_INJECT_DELAY"), QStringLiteral("diff:2:60000")}});
        const QString jobId = postJob(server.port, m_oldA, m_newA);
        QVERIFY(!jobId.isEmpty());
        QVERIFY2(doomed->waitFor(QRegularExpression(QStringLiteral("claimed \\S+ 2 diff")), kJobTimeoutMs)
                     .hasMatch(),
                 qPrintable(doomed->out() + doomed->err()));
        doomed->kill();
        QElapsedTimer sinceKill;
        sinceKill.start();
        auto rescuer = startWorker(url, data, QStringLiteral("rescuer"),
                                   {QStringLiteral("--lease-ms"), QStringLiteral("1500")});
        const QJsonObject done = waitForJob(server.port, jobId);
        QCOMPARE(done.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        QVERIFY2(rescuer->out().contains(QRegularExpression(QStringLiteral("completed \\S+ 2 diff"))),
                 qPrintable(rescuer->out()));
        QVERIFY(!doomed->out().contains(QRegularExpression(QStringLiteral("completed \\S+ 2 diff"))));
        QCOMPARE(pgQuery(url, QStringLiteral(
                                  "SELECT attempts FROM stages WHERE job_id = '%1' AND page_number = 2 AND "
                                  "stage = 'diff'")
                                  .arg(jobId)),
                 QStringList{QStringLiteral("2")});
        checkExactlyOnce(url, jobId, 3);
        QVERIFY(request(server.port, "GET", QStringLiteral("/api/v1/dead-letters"))
                    .json.value(QStringLiteral("dead_letters"))
                    .toArray()
                    .isEmpty());
    }

    // A stage that fails every time: 5 attempts, then a dead letter; the other pages complete,
    // and so does the failed page's summary.
    void postgresDeadLetter() {
        QVERIFY2(m_pgError.isEmpty(), qPrintable(m_pgError));
        const QString url = newPgDatabase();
        const QString data = path(QStringLiteral("pg-dead"));
        Server server = startServer({QStringLiteral("--database"), url, QStringLiteral("--data-dir"), data});
        QVERIFY2(server.port, qPrintable(server.error));
        std::vector<std::unique_ptr<Child>> workers;
        for (int i = 0; i < 2; ++i)
            workers.push_back(
                startWorker(url, data, QStringLiteral("f%1").arg(i), {},
                            {{QStringLiteral("BUILDTRACE_INJECT_FAULT"), QStringLiteral("diff:2,ocr:3")}}));
        const QString jobId = postJob(server.port, m_oldA, m_newA);
        const QJsonObject done = waitForJob(server.port, jobId);
        QCOMPARE(done.value(QStringLiteral("status")).toString(), QStringLiteral("completed_with_errors"));
        const QJsonObject page2 = stageOf(done, 2);
        QCOMPARE(page2.value(QStringLiteral("diff_status")).toString(), QStringLiteral("failed"));
        QVERIFY(page2.value(QStringLiteral("error")).toString().contains(QStringLiteral("injected fault")));
        QCOMPARE(page2.value(QStringLiteral("summary_status")).toString(), QStringLiteral("completed"));
        QCOMPARE(stageOf(done, 1).value(QStringLiteral("diff_status")).toString(),
                 QStringLiteral("completed"));
        // Page 3's OCR was given up: its diff is not run (as in the local pipeline, the stage
        // runner says so), its summary is.
        const QJsonObject page3 = stageOf(done, 3);
        QCOMPARE(page3.value(QStringLiteral("ocr_status")).toString(), QStringLiteral("failed"));
        QCOMPARE(page3.value(QStringLiteral("error")).toString(),
                 StageRunner::notRunReason(Stage::Diff, Stage::Ocr));
        QCOMPARE(page3.value(QStringLiteral("diff_status")).toString(), QStringLiteral("failed"));
        QCOMPARE(page3.value(QStringLiteral("summary_status")).toString(), QStringLiteral("completed"));
        QCOMPARE(pgQuery(url, QStringLiteral(
                                  "SELECT attempts FROM stages WHERE job_id = '%1' AND page_number = 2 AND "
                                  "stage = 'diff'")
                                  .arg(jobId)),
                 QStringList{QStringLiteral("5")});
        const QJsonArray letters = request(server.port, "GET", QStringLiteral("/api/v1/dead-letters"))
                                       .json.value(QStringLiteral("dead_letters"))
                                       .toArray();
        QCOMPARE(letters.size(), 2);
        const int diffLetter =
            letters[0].toObject().value(QStringLiteral("stage")).toString() == "diff" ? 0 : 1;
        QCOMPARE(letters[1 - diffLetter].toObject().value(QStringLiteral("stage")).toString(),
                 QStringLiteral("ocr"));
        const QJsonObject letter = letters[diffLetter].toObject();
        QCOMPARE(letter.value(QStringLiteral("job_id")).toString(), jobId);
        QCOMPARE(letter.value(QStringLiteral("page_number")).toInt(), 2);
        QCOMPARE(letter.value(QStringLiteral("stage")).toString(), QStringLiteral("diff"));
        QCOMPARE(letter.value(QStringLiteral("attempts")).toInt(), 5);
    }

    // A page the render helper cannot finish in time (300 000 line segments, a worker whose render
    // timeout is 1 s): its diff fails with the helper's reason through the retries into a dead
    // letter, while the other pages complete; the worker itself goes on.
    void postgresPageRenderTimeout() {
        QVERIFY2(m_pgError.isEmpty(), qPrintable(m_pgError));
        auto sheet = [](const QByteArray &number, const QByteArray &extra, int segments) {
            QByteArray content = "BT /F1 28 Tf 1000 60 Td (" + number + ") Tj ET\n" +
                                 "2 w 100 100 m 900 100 l 900 700 l 100 700 l h S\n" + extra;
            QRandomGenerator random(7);
            content += "0.2 w\n";
            for (int i = 0; i < segments; ++i)
                content += QByteArray::number(random.bounded(1224)) + ' ' +
                           QByteArray::number(random.bounded(792)) + " m " +
                           QByteArray::number(random.bounded(1224)) + ' ' +
                           QByteArray::number(random.bounded(792)) + " l S\n";
            return content;
        };
        auto write = [](const QString &file, const QList<QByteArray> &pages) {
            QList<QByteArray> objects{"<< /Type /Catalog /Pages 2 0 R >>",
                                      {},
                                      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
            QByteArray kids;
            for (const QByteArray &content : pages) {
                objects << "<< /Length " + QByteArray::number(content.size()) + " >>\nstream\n" + content +
                               "\nendstream";
                objects << "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 1224 792] /Resources << /Font << "
                           "/F1 3 0 R >> >> /Contents " +
                               QByteArray::number(objects.size()) + " 0 R >>";
                kids += QByteArray::number(objects.size()) + " 0 R ";
            }
            objects[1] =
                "<< /Type /Pages /Kids [" + kids + "] /Count " + QByteArray::number(pages.size()) + " >>";
            QFile f(file);
            const QByteArray bytes = handwrittenPdf(objects);
            return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
        };
        const QString oldFile = path(QStringLiteral("dense-old.pdf")),
                      newFile = path(QStringLiteral("dense-new.pdf"));
        const QByteArray dense = sheet("A-102", {}, 300000);
        QVERIFY(write(oldFile, {sheet("A-101", {}, 0), dense, sheet("A-103", {}, 0)}));
        QVERIFY(write(newFile, {sheet("A-101", "300 300 m 500 500 l S\n", 0), dense, sheet("A-103", {}, 0)}));

        const QString url = newPgDatabase();
        const QString data = path(QStringLiteral("pg-dense"));
        Server server = startServer({QStringLiteral("--database"), url, QStringLiteral("--data-dir"), data});
        QVERIFY2(server.port, qPrintable(server.error));
        auto worker = startWorker(url, data, QStringLiteral("dense"), {},
                                  {{QStringLiteral("BUILDTRACE_RENDER_TIMEOUT"), QStringLiteral("1")}});
        const QString jobId = postJob(server.port, oldFile, newFile);
        QVERIFY(!jobId.isEmpty());
        const QJsonObject done = waitForJob(server.port, jobId);
        QCOMPARE(done.value(QStringLiteral("status")).toString(), QStringLiteral("completed_with_errors"));
        const QJsonObject page2 = stageOf(done, 2);
        QCOMPARE(page2.value(QStringLiteral("diff_status")).toString(), QStringLiteral("failed"));
        QVERIFY2(page2.value(QStringLiteral("error"))
                     .toString()
                     .contains(QStringLiteral("page 2 could not be rendered")),
                 qPrintable(page2.value(QStringLiteral("error")).toString()));
        for (int page : {1, 3})
            QCOMPARE(stageOf(done, page).value(QStringLiteral("diff_status")).toString(),
                     QStringLiteral("completed"));
        const QJsonArray letters = request(server.port, "GET", QStringLiteral("/api/v1/dead-letters"))
                                       .json.value(QStringLiteral("dead_letters"))
                                       .toArray();
        QCOMPARE(letters.size(), 1);
        const QJsonObject letter = letters[0].toObject();
        QCOMPARE(letter.value(QStringLiteral("page_number")).toInt(), 2);
        QCOMPARE(letter.value(QStringLiteral("stage")).toString(), QStringLiteral("diff"));
        QCOMPARE(letter.value(QStringLiteral("attempts")).toInt(), 5);
    }

    // An encrypted set compared by a PostgreSQL worker process: the password goes from the upload
    // through the queue to the worker, and the result is the plain set's. With qpdf installed the
    // 3-sheet set is encrypted with a non-ASCII password (AES-256); without it, the 1-page fixture.
    void postgresEncryptedSet() {
        QVERIFY2(m_pgError.isEmpty(), qPrintable(m_pgError));
        QString plainOld = m_oldA, plainNew = m_newA, encOld = path(QStringLiteral("a-old-locked.pdf"));
        QString password = QStringLiteral("Bâtiment 3%/x");
        const QString qpdf = QStandardPaths::findExecutable(QStringLiteral("qpdf"));
        if (qpdf.isEmpty() ||
            QProcess::execute(qpdf, {QStringLiteral("--encrypt"), password, password, QStringLiteral("256"),
                                     QStringLiteral("--"), m_oldA, encOld}) != 0) {
            qInfo("no qpdf: the 1-page fixture");
            plainOld = plainNew = path(QStringLiteral("plain-1page.pdf"));
            QFile f(plainOld);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(handwrittenPdf(onePagePdf("[0 0 612 792]", "ENCRYPTED FIXTURE")));
            encOld = kEncryptedFixture;
            password = QStringLiteral("secret");
        }
        const QString url = newPgDatabase();
        const QString data = path(QStringLiteral("pg-locked"));
        Server server = startServer({QStringLiteral("--database"), url, QStringLiteral("--data-dir"), data});
        QVERIFY2(server.port, qPrintable(server.error));
        auto worker = startWorker(url, data, QStringLiteral("locked"));
        QCOMPARE(uploadBytes(server.port, readFile(encOld)).status, 400);
        const QString encId = upload(server.port, encOld, QStringLiteral("locked.pdf"), password);
        QVERIFY(!encId.isEmpty());
        // Encrypted at rest (docs/server.md, "Secrets and permissions"): not the password itself.
        const QStringList stored =
            pgQuery(url, QStringLiteral("SELECT password FROM uploads WHERE id = '%1'").arg(encId));
        QCOMPARE(stored.size(), 1);
        QVERIFY(stored.first().startsWith(QStringLiteral("v1:")));
        QVERIFY(!stored.first().contains(password));
        const QString newId = upload(server.port, plainNew);
        const QString lockedJob = postJobOn(server.port, encId, newId);
        const QString plainJob = postJobOn(server.port, upload(server.port, plainOld), newId);
        QJsonObject results[2];
        for (int i = 0; i < 2; ++i) {
            const QString jobId = i ? lockedJob : plainJob;
            const QJsonObject done = waitForJob(server.port, jobId);
            QCOMPARE(done.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
            const Reply result = request(server.port, "GET", QStringLiteral("/api/v1/jobs/%1").arg(jobId));
            QVERIFY(!result.body.contains(password.toUtf8()));
            results[i] = normalizedResult(result.json);
        }
        QVERIFY(!results[0].value(QStringLiteral("pages")).toArray().isEmpty());
        const QString d = firstJsonDifference(results[0], results[1]);
        QVERIFY2(d.isEmpty(), qPrintable(d));
        QVERIFY(!(worker->out() + worker->err()).contains(password));
    }

    // Team reviews with the log in PostgreSQL: two desktops, one of them offline for a while,
    // end with the same last-writer review and the same history (teamreviewscenario.cpp).
    void postgresTeamReviews() {
        QVERIFY2(m_pgError.isEmpty(), qPrintable(m_pgError));
        const QString url = newPgDatabase();
        const QString data = path(QStringLiteral("pg-reviews"));
        Server server = startServer({QStringLiteral("--database"), url, QStringLiteral("--data-dir"), data});
        QVERIFY2(server.port, qPrintable(server.error));
        auto worker = startWorker(url, data, QStringLiteral("reviews"));
        runTwoDesktopReviews(server.port, kToken, path(QStringLiteral("pg-reviews-desktops")), m_oldA,
                             m_newA);
        if (QTest::currentTestFailed()) return;
        // Appended in order of arrival: B's comment and reject, then A's older accept.
        QCOMPARE(
            pgQuery(url, QStringLiteral("SELECT author || ' ' || COALESCE(status, 'comment') FROM review_log "
                                        "ORDER BY seq")),
            (QStringList{QStringLiteral("bob comment"), QStringLiteral("bob rejected"),
                         QStringLiteral("alice accepted")}));
    }

    // BT_SERVER_BENCH=1: the 10-sheet job with 1, 2 and 4 PostgreSQL workers.
    void throughput() {
        if (!qEnvironmentVariableIsSet("BT_SERVER_BENCH")) QSKIP("set BT_SERVER_BENCH=1 to measure");
        QVERIFY2(m_pgError.isEmpty(), qPrintable(m_pgError));
        double one = 0;
        for (int n : {1, 2, 4}) {
            const double s = timeWorkers(n);
            QVERIFY(s > 0);
            if (n == 1) one = s;
            qInfo("%d dpi, %d worker(s): %.1f s, %.1f sheets/min, %.2fx one worker", benchDpi(), n, s,
                  10 * 60 / s, one / s);
        }
    }
};

QTEST_MAIN(TestServerPostgres)
#include "tst_serverpostgres.moc"
