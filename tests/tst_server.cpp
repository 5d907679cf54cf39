// The job server (server/): its HTTP API with auth and limits, the embedded SQLite mode end to
// end (result equal to a local `buildtrace compare`), a restart in the middle of a job, and
// PostgreSQL workers (a real PostgreSQL 15 on loopback, tests/support/postgresfixture): four
// racing over a 10-sheet job, one killed in the middle of a stage, a stage that always fails.
// Uploads: file names (X-Filename), metadata and bytes back, password-protected sets
// (X-Pdf-Password) compared like plain ones, schema 1 databases migrated.
// Every server and worker is a real process. Sheets are 17 x 11 in at 60 DPI for speed.
// BT_SERVER_BENCH=1 also measures 1, 2 and 4 workers on the 10-sheet job (BT_SERVER_BENCH_DPI, 60).

#include "drawinggenerator.h"
#include "pipeline/stagerunner.h"
#include "postgresfixture.h"
#include "serverprocess.h"
#include "testutil.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTimer>
#include <QUrl>
#include <QUuid>
#include <QtTest>

#include <csignal>
#include <memory>

using namespace bt;
using namespace bt::test;

namespace {

const QSizeF kTabloid(17, 11);
constexpr int kDpi = 60;
const QByteArray kToken = "s3cret-token";
constexpr int kJobTimeoutMs = 120000;
const QString kEncryptedFixture = QStringLiteral(BT_SOURCE_DIR "/tests/data/encrypted.pdf"); // "secret"
const QString kSampleOld = QStringLiteral(BT_SOURCE_DIR "/resources/samples/old.pdf");
// PDFium walks this page tree for ever: an open of it ends only at the helper's open timeout.
const QString kPageTreeLoop = QStringLiteral(BT_SHARED_DIR "/badinput/page-tree-loop.pdf");
const QString kOnePointHigh = QStringLiteral(BT_SHARED_DIR "/badinput/one-point-high-page.pdf");

struct Reply {
    int status = 0;
    QByteArray body;
    QJsonObject json;
    QByteArray contentType;
    QString text() const {
        return QStringLiteral("%1 %2").arg(status).arg(QString::fromUtf8(body.left(400)));
    }
};

QNetworkAccessManager &network() {
    static QNetworkAccessManager nam;
    return nam;
}

// One request, started: the reply's finished() says when it is answered.
QNetworkReply *startRequest(quint16 port, const QByteArray &method, const QString &path,
                            const QByteArray &body = {},
                            const QList<QPair<QByteArray, QByteArray>> &headers = {},
                            const QByteArray &token = kToken) {
    QNetworkRequest req(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(path)));
    if (!token.isNull()) req.setRawHeader("Authorization", "Bearer " + token);
    for (const auto &[name, value] : headers)
        req.setRawHeader(name, value);
    if (!body.isNull() && !req.hasRawHeader("Content-Type"))
        req.setRawHeader("Content-Type", "application/json");
    return network().sendCustomRequest(req, method, body);
}

Reply replyOf(QNetworkReply *r) {
    Reply out;
    out.status = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.body = r->readAll();
    out.contentType = r->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    out.json = QJsonDocument::fromJson(out.body).object();
    return out;
}

// One request, waited for (30 s at most).
Reply request(quint16 port, const QByteArray &method, const QString &path, const QByteArray &body = {},
              const QList<QPair<QByteArray, QByteArray>> &headers = {}, const QByteArray &token = kToken) {
    QNetworkReply *r = startRequest(port, method, path, body, headers, token);
    QEventLoop loop;
    QObject::connect(r, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    if (!r->isFinished()) loop.exec();
    const Reply out = replyOf(r);
    r->deleteLater();
    return out;
}

// A buildtrace-server on a port of its choosing.
using Server = ServerProcess;
Server startServer(const QStringList &args, const QMap<QString, QString> &env = {}) {
    return startServerProcess(QStringLiteral(BT_SERVER_PATH), kToken, args, env);
}

std::unique_ptr<Child> startWorker(const QString &database, const QString &dataDir, const QString &id,
                                   const QStringList &extra = {}, const QMap<QString, QString> &env = {}) {
    return std::make_unique<Child>(
        QStringLiteral(BT_WORKER_PATH),
        QStringList{QStringLiteral("--database"), database, QStringLiteral("--data-dir"), dataDir,
                    QStringLiteral("--worker-id"), id, QStringLiteral("--poll-ms"), QStringLiteral("100"),
                    QStringLiteral("--backoff-ms"), QStringLiteral("50")} +
            extra,
        env);
}

// BT_SERVER_BENCH_DPI, else the tests' DPI.
int benchDpi() {
    const int dpi = qEnvironmentVariableIntValue("BT_SERVER_BENCH_DPI");
    return dpi > 0 ? dpi : kDpi;
}

bool isFinal(const QString &status) {
    return status == QLatin1String("completed") || status == QLatin1String("completed_with_errors") ||
           status == QLatin1String("failed");
}

} // namespace

class TestServer : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QElapsedTimer m_timer;
    QString m_oldA, m_newA; // 3 sheets, two edited
    QString m_oldT, m_newT; // 10 sheets, four edited
    Server m_embedded;      // SQLite, two workers in the process, 2 MB uploads
    QString m_embeddedData;
    PostgresFixture m_pg;
    QString m_pgError;
    int m_dbCount = 0;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    // POST /api/v1/uploads; name and password go percent-encoded into X-Filename and
    // X-Pdf-Password (a null one: no header).
    Reply uploadBytes(quint16 port, const QByteArray &pdf, const QString &name = QString(),
                      const QString &password = QString()) {
        QList<QPair<QByteArray, QByteArray>> headers{{"Content-Type", "application/pdf"}};
        if (!name.isNull()) headers.append({"X-Filename", QUrl::toPercentEncoding(name)});
        if (!password.isNull()) headers.append({"X-Pdf-Password", QUrl::toPercentEncoding(password)});
        return request(port, "POST", QStringLiteral("/api/v1/uploads"), pdf, headers);
    }

    QString upload(quint16 port, const QString &file, const QString &name = QString(),
                   const QString &password = QString()) {
        const Reply r = uploadBytes(port, readFile(file), name, password);
        if (r.status != 201) qWarning("upload: %s", qPrintable(r.text()));
        return r.json.value(QStringLiteral("upload_id")).toString();
    }

    QString postJob(quint16 port, const QString &oldFile, const QString &newFile,
                    const QByteArray &key = {}) {
        return postJobOn(port, upload(port, oldFile), upload(port, newFile), key);
    }

    QString postJobOn(quint16 port, const QString &oldId, const QString &newId, const QByteArray &key = {}) {
        const QJsonObject body{{QStringLiteral("old_upload_id"), oldId},
                               {QStringLiteral("new_upload_id"), newId},
                               {QStringLiteral("settings"), QJsonObject{{QStringLiteral("dpi"), kDpi}}}};
        QList<QPair<QByteArray, QByteArray>> headers;
        if (!key.isEmpty()) headers.append({"Idempotency-Key", key});
        const Reply r = request(port, "POST", QStringLiteral("/api/v1/jobs"),
                                QJsonDocument(body).toJson(QJsonDocument::Compact), headers);
        if (r.status != 201) qWarning("job: %s", qPrintable(r.text()));
        return r.json.value(QStringLiteral("job_id")).toString();
    }

    // Polls the progress route until the job is finished (or the time is up).
    QJsonObject waitForJob(quint16 port, const QString &jobId, int timeoutMs = kJobTimeoutMs,
                           const std::function<bool(const QJsonObject &)> &until = {}) {
        QElapsedTimer t;
        t.start();
        QJsonObject last;
        while (t.elapsed() < timeoutMs) {
            last = request(port, "GET", QStringLiteral("/api/v1/jobs/%1/progress").arg(jobId)).json;
            if (until ? until(last) : isFinal(last.value(QStringLiteral("status")).toString())) return last;
            QTest::qWait(100);
        }
        qWarning("job %s not done: %s", qPrintable(jobId),
                 QJsonDocument(last).toJson(QJsonDocument::Compact).left(600).constData());
        return last;
    }

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

    // The job list's entry of a job.
    QJsonObject listedJob(quint16 port, const QString &jobId) {
        for (const QJsonValue &j : request(port, "GET", QStringLiteral("/api/v1/jobs"))
                                       .json.value(QStringLiteral("jobs"))
                                       .toArray())
            if (j.toObject().value(QStringLiteral("job_id")).toString() == jobId) return j.toObject();
        return {};
    }

    QJsonObject stageOf(const QJsonObject &progress, int page) {
        for (const QJsonValue &p : progress.value(QStringLiteral("pages")).toArray())
            if (p.toObject().value(QStringLiteral("page_number")).toInt() == page) return p.toObject();
        return {};
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
        auto edited = [](SheetSpec s, int variant) {
            const QStringList rooms = roomNames(s);
            s.extraNotes << QStringLiteral("VERIFY ALL DIMENSIONS IN FIELD BEFORE ORDERING MATERIALS.");
            if (!rooms.isEmpty())
                s.roomRenames.insert(rooms.value(variant % rooms.size()), QStringLiteral("QUIET STUDY"));
            s.revision = QStringLiteral("REV 2");
            return s;
        };
        QVector<SheetSpec> oldT, newT;
        for (int i = 0; i < 10; ++i) {
            const SheetSpec s = makeSheet(QStringLiteral("T-%1").arg(101 + i),
                                          QStringLiteral("LEVEL %1 PLAN").arg(i + 1), 201 + i, kTabloid);
            oldT << s;
            newT << (i % 3 == 0 ? edited(s, i) : s);
        }
        m_oldA = path(QStringLiteral("a-old.pdf"));
        m_newA = path(QStringLiteral("a-new.pdf"));
        m_oldT = path(QStringLiteral("t-old.pdf"));
        m_newT = path(QStringLiteral("t-new.pdf"));
        QCOMPARE(writeVectorSet(m_oldA, oldT.mid(0, 3)).size(), 3);
        QCOMPARE(writeVectorSet(m_newA, newT.mid(0, 3) + QVector<SheetSpec>{}).size(), 3);
        QCOMPARE(writeVectorSet(m_oldT, oldT).size(), 10);
        QCOMPARE(writeVectorSet(m_newT, newT).size(), 10);

        m_embeddedData = path(QStringLiteral("embedded"));
        m_embedded =
            startServer({QStringLiteral("--data-dir"), m_embeddedData, QStringLiteral("--max-upload-mb"),
                         QStringLiteral("2"), QStringLiteral("--workers"), QStringLiteral("2"),
                         QStringLiteral("--poll-ms"), QStringLiteral("100")});
        QVERIFY2(m_embedded.port, qPrintable(m_embedded.error));
        m_pgError = m_pg.start();
    }

    void init() { m_timer.start(); }
    void cleanup() { qInfo("%s: %lld ms", QTest::currentTestFunction(), m_timer.elapsed()); }

    // Without the right token every route answers 401 with an error that says nothing more.
    void auth() {
        const quint16 port = m_embedded.port;
        const QList<QPair<QByteArray, QString>> routes = {
            {"POST", QStringLiteral("/api/v1/uploads")},
            {"POST", QStringLiteral("/api/v1/jobs")},
            {"GET", QStringLiteral("/api/v1/jobs")},
            {"GET", QStringLiteral("/api/v1/jobs/x")},
            {"GET", QStringLiteral("/api/v1/jobs/x/progress")},
            {"DELETE", QStringLiteral("/api/v1/jobs/x")},
            {"GET", QStringLiteral("/api/v1/overlays/x-diff-1/image")},
            {"GET", QStringLiteral("/api/v1/dead-letters")},
            {"GET", QStringLiteral("/api/v1/uploads/x")},
            {"GET", QStringLiteral("/api/v1/uploads/x/file")},
            {"GET", QStringLiteral("/api/v1/nothing")}};
        const QJsonObject expected{{QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), 401},
                                                                         {QStringLiteral("message"),
                                                                          QStringLiteral("unauthorized")}}}};
        for (const auto &[method, route] : routes)
            for (const QByteArray &token :
                 {QByteArray(), QByteArray("wrong"), kToken + "x", QByteArray("")}) {
                const Reply r = request(port, method, route,
                                        method == "GET" ? QByteArray() : QByteArray("{}"), {}, token);
                QVERIFY2(r.status == 401,
                         qPrintable(QStringLiteral("%1 %2: %3").arg(method, route, r.text())));
                QCOMPARE(r.json, expected);
            }
        // Basic auth with the token as password is not a bearer token either.
        const Reply basic = request(port, "GET", QStringLiteral("/api/v1/jobs"), {},
                                    {{"Authorization", "Basic " + (":" + kToken).toBase64()}}, QByteArray());
        QCOMPARE(basic.status, 401);
        QCOMPARE(request(port, "GET", QStringLiteral("/api/v1/jobs")).status, 200);
    }

    // Over the size limit 413 (before the body is read); garbage 400; the server goes on.
    void limitsAndGarbage() {
        const quint16 port = m_embedded.port;
        const Reply big = request(port, "POST", QStringLiteral("/api/v1/uploads"), QByteArray(3 << 20, 'x'),
                                  {{"Content-Type", "application/pdf"}});
        QVERIFY2(big.status == 413, qPrintable(big.text()));
        const Reply notPdf =
            request(port, "POST", QStringLiteral("/api/v1/uploads"),
                    QByteArray("%PDF-1.4 this is not really a pdf"), {{"Content-Type", "application/pdf"}});
        QVERIFY2(notPdf.status == 400, qPrintable(notPdf.text()));
        QVERIFY(!notPdf.body.contains(m_embeddedData.toUtf8())); // no server paths in errors
        QCOMPARE(request(port, "POST", QStringLiteral("/api/v1/uploads"), readFile(m_oldA),
                         {{"Content-Type", "text/plain"}})
                     .status,
                 415);
        for (const QByteArray &garbage :
             {QByteArray("{not json"), QByteArray("[1,2]"), QByteArray("\xff\xfe\x00garbage", 10),
              QByteArray(R"({"old_upload_id": "nope", "new_upload_id": "../../etc"})"),
              QByteArray(R"({"old_upload_id": 1, "settings": 7})")}) {
            const Reply r = request(port, "POST", QStringLiteral("/api/v1/jobs"), garbage);
            QVERIFY2(r.status == 400, qPrintable(r.text()));
            QVERIFY(r.json.contains(QStringLiteral("error")));
        }
        QCOMPARE(request(port, "POST", QStringLiteral("/api/v1/jobs"), QByteArray(2 << 20, '{')).status, 413);
        const Reply longPassword = uploadBytes(port, readFile(m_oldA), {}, QString(2000, QLatin1Char('p')));
        QVERIFY2(longPassword.status == 400, qPrintable(longPassword.text()));
        // Not HTTP at all, and a request line that is cut off.
        for (const QByteArray &raw :
             {QByteArray("GARBAGE\r\n\r\n"), QByteArray("\x16\x03\x01\x02\x00\r\n\r\n", 9)}) {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, port);
            QVERIFY(socket.waitForConnected(5000));
            socket.write(raw);
            QVERIFY(socket.waitForReadyRead(5000));
            QVERIFY2(socket.readAll().startsWith("HTTP/1.1 400"), raw.constData());
        }
        QCOMPARE(request(port, "GET", QStringLiteral("/api/v1/jobs/no-such-job")).status, 404);
        QCOMPARE(request(port, "GET", QStringLiteral("/api/v1/overlays/nonsense/image")).status, 404);
        QCOMPARE(request(port, "PUT", QStringLiteral("/api/v1/jobs")).status, 405);
        QCOMPARE(request(port, "GET", QStringLiteral("/api/v1/jobs")).status, 200);
    }

    // The page-tree loop uploaded: while its check waits for the render helper's open timeout
    // (3 s here), a job list and a valid upload are answered before it; then it gets a 400 with
    // the JSON error, nothing of it is kept, and the server goes on (its helper was replaced).
    void hostileUploadKeepsServing() {
        QVERIFY2(QFileInfo::exists(kPageTreeLoop), qPrintable(kPageTreeLoop));
        const QString data = path(QStringLiteral("hostile"));
        // Two helpers whatever the cores: the valid upload must not queue behind the hostile one.
        Server s = startServer(
            {QStringLiteral("--data-dir"), data, QStringLiteral("--workers"), QStringLiteral("0")},
            {{QStringLiteral("BUILDTRACE_RENDER_TIMEOUT"), QStringLiteral("3")},
             {QStringLiteral("BUILDTRACE_RENDER_PROCESSES"), QStringLiteral("2")}});
        QVERIFY2(s.port, qPrintable(s.error));
        const qint64 pid = s.child->pid();
        QVERIFY(renderHelpersOf(pid).isEmpty());

        QStringList answered; // names of the requests, in the order their replies arrived
        auto track = [&answered](QNetworkReply *reply, const QString &name) {
            QObject::connect(reply, &QNetworkReply::finished, [&answered, name] { answered << name; });
            return std::unique_ptr<QNetworkReply>(reply);
        };
        const QList<QPair<QByteArray, QByteArray>> pdf{{"Content-Type", "application/pdf"}};
        const auto hostile = track(
            startRequest(s.port, "POST", QStringLiteral("/api/v1/uploads"), readFile(kPageTreeLoop), pdf),
            QStringLiteral("hostile"));
        // The server is in its check: it has started a helper to open the file.
        QVERIFY(QTest::qWaitFor([&] { return !renderHelpersOf(pid).isEmpty(); }, 10000));
        QVERIFY(answered.isEmpty());
        const auto jobs =
            track(startRequest(s.port, "GET", QStringLiteral("/api/v1/jobs")), QStringLiteral("jobs"));
        const auto valid =
            track(startRequest(s.port, "POST", QStringLiteral("/api/v1/uploads"), readFile(kSampleOld), pdf),
                  QStringLiteral("valid"));
        QVERIFY2(QTest::qWaitFor([&] { return answered.size() == 3; }, 30000),
                 qPrintable(answered.join(' ')));
        QCOMPARE(answered.last(), QStringLiteral("hostile"));

        const Reply listed = replyOf(jobs.get());
        QVERIFY2(listed.status == 200 && listed.json.value(QStringLiteral("jobs")).isArray(),
                 qPrintable(listed.text()));
        const Reply stored = replyOf(valid.get());
        QVERIFY2(stored.status == 201, qPrintable(stored.text()));
        QVERIFY(stored.json.value(QStringLiteral("pages")).toInt() > 0);
        const Reply refused = replyOf(hostile.get());
        QCOMPARE(refused.status, 400);
        QCOMPARE(refused.json,
                 (QJsonObject{{QStringLiteral("error"),
                               QJsonObject{{QStringLiteral("code"), 400},
                                           {QStringLiteral("message"),
                                            QStringLiteral("not a PDF that can be opened")}}}}));
        const QString validId = stored.json.value(QStringLiteral("upload_id")).toString();
        QCOMPARE(QDir(data + QStringLiteral("/uploads")).entryList(QDir::Files),
                 QStringList{validId + QStringLiteral(".pdf")});

        QCOMPARE(request(s.port, "GET", QStringLiteral("/api/v1/uploads/%1").arg(validId)).status, 200);
        const Reply again = uploadBytes(s.port, readFile(kSampleOld));
        QVERIFY2(again.status == 201, qPrintable(again.text()));
    }

    // SIGTERM while the page-tree loop's check waits for its helper (the default 10 s open
    // timeout): the server stops at once, without finishing the check (the upload gets no
    // answer), exits normally, and leaves no helper behind.
    void sigtermWithHostileUploadPending() {
        QVERIFY2(QFileInfo::exists(kPageTreeLoop), qPrintable(kPageTreeLoop));
        Server s = startServer({QStringLiteral("--data-dir"), path(QStringLiteral("hostile-term"))});
        QVERIFY2(s.port, qPrintable(s.error));
        const qint64 pid = s.child->pid();
        const std::unique_ptr<QNetworkReply> hostile(
            startRequest(s.port, "POST", QStringLiteral("/api/v1/uploads"), readFile(kPageTreeLoop),
                         {{"Content-Type", "application/pdf"}}));
        QVERIFY(QTest::qWaitFor([&] { return !renderHelpersOf(pid).isEmpty(); }, 10000));
        QVERIFY(!hostile->isFinished());

        QElapsedTimer sinceSignal;
        sinceSignal.start();
        QCOMPARE(::kill(pid_t(pid), SIGTERM), 0);
        // A hang, not a speed limit: a server that ignored SIGTERM would wait out this deadline.
        QVERIFY2(QTest::qWaitFor([&] { return !s.child->isRunning(); }, 15000), "SIGTERM ignored");
        const qint64 stopMs = sinceSignal.elapsed();
        QCOMPARE(s.child->exitStatus(), QProcess::NormalExit);
        QCOMPARE(s.child->exitCode(), 0);
        QVERIFY(QTest::qWaitFor([&] { return hostile->isFinished(); }, 5000));
        QVERIFY2(!hostile->attribute(QNetworkRequest::HttpStatusCodeAttribute).isValid(),
                 qPrintable(replyOf(hostile.get()).text()));
        // The helpers poll for their parent (every 250 ms); the server kills its own at once.
        QList<qint64> left;
        const bool gone = QTest::qWaitFor([&] { return (left = renderHelpersOf(pid)).isEmpty(); }, 5000);
        QStringList pids;
        for (const qint64 helper : left)
            pids << QString::number(helper);
        QVERIFY2(gone, qPrintable(QStringLiteral("helpers still running: ") + pids.join(' ')));
        qInfo("SIGTERM to exit with a hostile upload pending: %lld ms", stopMs);
    }

    // A page of 2592 x 1 pt (the client is told which page), a truncated set, a damaged one and a
    // PNG: each a 400 with the JSON error (no server path in it), none of them kept.
    void badUploadsRefused() {
        QVERIFY2(QFileInfo::exists(kOnePointHigh), qPrintable(kOnePointHigh));
        const QString data = path(QStringLiteral("bad-uploads"));
        Server s = startServer(
            {QStringLiteral("--data-dir"), data, QStringLiteral("--workers"), QStringLiteral("0")});
        QVERIFY2(s.port, qPrintable(s.error));
        const QByteArray sample = readFile(kSampleOld);
        QVERIFY(sample.size() > 4096);
        QByteArray damaged = sample;
        QRandomGenerator random(13);
        for (int i = 1024; i < damaged.size() - 1024; ++i)
            damaged[i] = char(random.bounded(256));
        QByteArray png;
        QBuffer pngBuffer(&png);
        QVERIFY(pngBuffer.open(QIODevice::WriteOnly));
        QImage image(1700, 1100, QImage::Format_Grayscale8);
        image.fill(255);
        QVERIFY(image.save(&pngBuffer, "PNG"));
        struct Case {
            QString name;
            QByteArray bytes;
            QString message;
        };
        const QString unopenable = QStringLiteral("not a PDF that can be opened");
        const QVector<Case> cases{
            {QStringLiteral("one point high"), readFile(kOnePointHigh),
             QStringLiteral("page 3 is 2592 x 1 pt, not the size or shape of a drawing sheet")},
            {QStringLiteral("truncated"), sample.left(sample.size() / 2), unopenable},
            {QStringLiteral("damaged"), damaged, unopenable},
            {QStringLiteral("png"), png, unopenable}};
        for (const Case &c : cases) {
            const Reply r = uploadBytes(s.port, c.bytes);
            QVERIFY2(r.status == 400, qPrintable(c.name + QStringLiteral(": ") + r.text()));
            QCOMPARE(r.json, (QJsonObject{{QStringLiteral("error"),
                                           QJsonObject{{QStringLiteral("code"), 400},
                                                       {QStringLiteral("message"), c.message}}}}));
        }
        QVERIFY(QDir(data + QStringLiteral("/uploads")).entryList(QDir::Files).isEmpty());
        QCOMPARE(uploadBytes(s.port, sample).status, 201);
    }

    // The embedded mode end to end: upload, job (idempotent), progress until done; the result
    // is the local `buildtrace compare` result of the same pair.
    void embeddedEndToEnd() {
        const quint16 port = m_embedded.port;
        const Reply up = request(port, "POST", QStringLiteral("/api/v1/uploads"), readFile(m_oldA),
                                 {{"Content-Type", "application/pdf"}});
        QCOMPARE(up.status, 201);
        QCOMPARE(up.json.value(QStringLiteral("pages")).toInt(), 3);
        QCOMPARE(up.json.value(QStringLiteral("sha256")).toString().size(), 64);
        const QString newId = upload(port, m_newA);
        const QByteArray body =
            QJsonDocument(
                QJsonObject{{QStringLiteral("old_upload_id"), up.json.value(QStringLiteral("upload_id"))},
                            {QStringLiteral("new_upload_id"), newId},
                            {QStringLiteral("settings"), QJsonObject{{QStringLiteral("dpi"), kDpi}}}})
                .toJson();
        const Reply first =
            request(port, "POST", QStringLiteral("/api/v1/jobs"), body, {{"Idempotency-Key", "k-1"}});
        QCOMPARE(first.status, 201);
        const QString jobId = first.json.value(QStringLiteral("job_id")).toString();
        QVERIFY(!jobId.isEmpty());
        const Reply again =
            request(port, "POST", QStringLiteral("/api/v1/jobs"), body, {{"Idempotency-Key", "k-1"}});
        QCOMPARE(again.status, 201);
        QCOMPARE(again.json.value(QStringLiteral("job_id")).toString(), jobId);

        const QJsonObject progress = waitForJob(port, jobId);
        QCOMPARE(progress.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        QCOMPARE(progress.value(QStringLiteral("total_pages")).toInt(), 3);
        for (const char *stage : {"ocr", "diff", "summary"}) {
            const QJsonObject counter =
                progress.value(QStringLiteral("progress")).toObject().value(QLatin1String(stage)).toObject();
            QCOMPARE(counter.value(QStringLiteral("completed")).toInt(), 3);
            QCOMPARE(counter.value(QStringLiteral("total")).toInt(), 3);
        }
        const QJsonObject page1 = stageOf(progress, 1);
        QCOMPARE(page1.value(QStringLiteral("diff_status")).toString(), QStringLiteral("completed"));
        QVERIFY(page1.value(QStringLiteral("diff_result"))
                    .toObject()
                    .value(QStringLiteral("changes_detected"))
                    .toBool());
        QVERIFY(!page1.value(QStringLiteral("summary"))
                     .toObject()
                     .value(QStringLiteral("summary_text"))
                     .toString()
                     .isEmpty());
        const QString overlay = page1.value(QStringLiteral("diff_result"))
                                    .toObject()
                                    .value(QStringLiteral("overlay_url"))
                                    .toString();
        QCOMPARE(overlay, QStringLiteral("/api/v1/overlays/%1-diff-1/image").arg(jobId));
        const Reply png = request(port, "GET", overlay);
        QCOMPARE(png.status, 200);
        QCOMPARE(png.contentType, QByteArray("image/png"));
        QVERIFY(png.body.startsWith("\x89PNG"));

        const Reply result = request(port, "GET", QStringLiteral("/api/v1/jobs/%1").arg(jobId));
        QCOMPARE(result.status, 200);
        const QString json = path(QStringLiteral("local.json"));
        const CliRun local = runCli({QStringLiteral("compare"), m_oldA, m_newA, QStringLiteral("--dpi"),
                                     QString::number(kDpi), QStringLiteral("--json"), json},
                                    json);
        QVERIFY2(local.exitCode == 1, qPrintable(describe(local))); // 1: changes found
        const QString d = firstJsonDifference(normalizedResult(local.json), normalizedResult(result.json));
        QVERIFY2(d.isEmpty(), qPrintable(d));
        QVERIFY(!result.body.contains(m_embeddedData.toUtf8())); // no server paths

        const QJsonArray jobs =
            request(port, "GET", QStringLiteral("/api/v1/jobs")).json.value(QStringLiteral("jobs")).toArray();
        QVERIFY(std::any_of(jobs.begin(), jobs.end(), [&](const QJsonValue &j) {
            return j.toObject().value(QStringLiteral("job_id")).toString() == jobId;
        }));
        QCOMPARE(request(port, "DELETE", QStringLiteral("/api/v1/jobs/%1").arg(jobId)).status, 200);
        QCOMPARE(request(port, "GET", QStringLiteral("/api/v1/jobs/%1").arg(jobId)).status, 404);
        QCOMPARE(request(port, "GET", overlay).status, 404);
        QVERIFY(!QFileInfo::exists(m_embeddedData + QStringLiteral("/jobs/") + jobId));
    }

    // X-Filename (percent-encoded UTF-8): the base name, without control characters, at most 255
    // characters; shown with the upload and beside the upload ids of its jobs. An upload's
    // metadata and exactly its bytes come back from the uploads routes.
    void uploadNames() {
        const quint16 port = m_embedded.port;
        const QString oldName = QStringLiteral("A-set rev 3 – Bâtiment.pdf");
        const QString newName = QStringLiteral("B-set rev 4 東棟.pdf");
        // A client path and a line break: only the base name, without the break.
        const Reply up = uploadBytes(port, readFile(m_oldA),
                                     QStringLiteral("C:\\Users\\pm\\sets/A-set\n rev 3 – Bâtiment.pdf"));
        QVERIFY2(up.status == 201, qPrintable(up.text()));
        QCOMPARE(up.json.value(QStringLiteral("name")).toString(), oldName);
        const QString oldId = up.json.value(QStringLiteral("upload_id")).toString();
        const QString newId = upload(port, m_newA, newName);

        const Reply meta = request(port, "GET", QStringLiteral("/api/v1/uploads/%1").arg(oldId));
        QCOMPARE(meta.status, 200);
        QStringList keys = meta.json.keys();
        keys.sort();
        QCOMPARE(keys, (QStringList{QStringLiteral("bytes"), QStringLiteral("created_at"),
                                    QStringLiteral("name"), QStringLiteral("pages"), QStringLiteral("sha256"),
                                    QStringLiteral("upload_id")}));
        const QByteArray bytes = readFile(m_oldA);
        QCOMPARE(meta.json.value(QStringLiteral("upload_id")).toString(), oldId);
        QCOMPARE(meta.json.value(QStringLiteral("sha256")).toString(),
                 QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()));
        QCOMPARE(meta.json.value(QStringLiteral("pages")).toInt(), 3);
        QCOMPARE(meta.json.value(QStringLiteral("bytes")).toInteger(), qint64(bytes.size()));
        QCOMPARE(meta.json.value(QStringLiteral("name")).toString(), oldName);
        QVERIFY(
            QDateTime::fromString(meta.json.value(QStringLiteral("created_at")).toString(), Qt::ISODateWithMs)
                .isValid());
        const Reply file = request(port, "GET", QStringLiteral("/api/v1/uploads/%1/file").arg(oldId));
        QCOMPARE(file.status, 200);
        QCOMPARE(file.contentType, QByteArray("application/pdf"));
        QVERIFY(file.body == bytes);

        // The header as a client writes it by hand; none at all; one too long.
        const Reply plain =
            request(port, "POST", QStringLiteral("/api/v1/uploads"), bytes,
                    {{"Content-Type", "application/pdf"}, {"X-Filename", "A-set%20rev%203.pdf"}});
        QCOMPARE(plain.json.value(QStringLiteral("name")).toString(), QStringLiteral("A-set rev 3.pdf"));
        const QString unnamed = upload(port, m_newA);
        QCOMPARE(request(port, "GET", QStringLiteral("/api/v1/uploads/%1").arg(unnamed))
                     .json.value(QStringLiteral("name"))
                     .toString(),
                 QString());
        const Reply longName = uploadBytes(port, bytes, QString(300, QChar(0x00e9)) + QStringLiteral(".pdf"));
        QCOMPARE(longName.json.value(QStringLiteral("name")).toString(), QString(255, QChar(0x00e9)));

        // Beside the upload ids in the job list, the progress and the result.
        const QString jobId = postJobOn(port, oldId, newId);
        const QString unnamedJob = postJobOn(port, unnamed, newId);
        QVERIFY(!jobId.isEmpty() && !unnamedJob.isEmpty());
        const QJsonObject listed = listedJob(port, jobId);
        QCOMPARE(listed.value(QStringLiteral("old_upload_id")).toString(), oldId);
        QCOMPARE(listed.value(QStringLiteral("old_name")).toString(), oldName);
        QCOMPARE(listed.value(QStringLiteral("new_name")).toString(), newName);
        QCOMPARE(listedJob(port, unnamedJob).value(QStringLiteral("old_name")), QJsonValue(QString()));
        for (const QString &route :
             {QStringLiteral("/api/v1/jobs/%1"), QStringLiteral("/api/v1/jobs/%1/progress")}) {
            const QJsonObject o = request(port, "GET", route.arg(jobId)).json;
            QCOMPARE(o.value(QStringLiteral("old_file")).toString(), oldId);
            QCOMPARE(o.value(QStringLiteral("new_file")).toString(), newId);
            QCOMPARE(o.value(QStringLiteral("old_name")).toString(), oldName);
            QCOMPARE(o.value(QStringLiteral("new_name")).toString(), newName);
        }
        for (const QString &id : {jobId, unnamedJob})
            QCOMPARE(request(port, "DELETE", QStringLiteral("/api/v1/jobs/%1").arg(id)).status, 200);

        for (const QString &route : {QStringLiteral("/api/v1/uploads/no-such-upload"),
                                     QStringLiteral("/api/v1/uploads/no-such-upload/file"),
                                     QStringLiteral("/api/v1/uploads/%2E%2E/file"),
                                     QStringLiteral("/api/v1/uploads/%1/other").arg(oldId)})
            QCOMPARE(request(port, "GET", route).status, 404);
        QCOMPARE(request(port, "DELETE", QStringLiteral("/api/v1/uploads/%1").arg(oldId)).status, 405);
    }

    // X-Pdf-Password: an encrypted set without it or with a wrong one is refused (each with its
    // message); with it the upload is kept as uploaded and a job on it gives the same result as
    // on the plain set. The password is kept only when needed, and never shown.
    void encryptedUploads() {
        const quint16 port = m_embedded.port;
        const QByteArray encrypted = readFile(kEncryptedFixture);
        QVERIFY(!encrypted.isEmpty());
        const QByteArray plain = handwrittenPdf(onePagePdf("[0 0 612 792]", "ENCRYPTED FIXTURE"));
        QByteArrayList bodies;
        auto send = [&](const QByteArray &pdf, const QString &password) {
            const Reply r = uploadBytes(port, pdf, QStringLiteral("locked set.pdf"), password);
            bodies << r.body;
            return r;
        };
        const Reply none = send(encrypted, QString());
        QCOMPARE(none.status, 400);
        QCOMPARE(
            none.json,
            (QJsonObject{{QStringLiteral("error"),
                          QJsonObject{{QStringLiteral("code"), 400},
                                      {QStringLiteral("message"),
                                       QStringLiteral("the PDF is password-protected: send its password in "
                                                      "X-Pdf-Password")}}}}));
        const Reply wrong = send(encrypted, QStringLiteral("Secret"));
        QCOMPARE(wrong.status, 400);
        QCOMPARE(
            wrong.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString(),
            QStringLiteral("the password in X-Pdf-Password does not open the PDF"));
        const Reply right = send(encrypted, QStringLiteral("secret"));
        QVERIFY2(right.status == 201, qPrintable(right.text()));
        QCOMPARE(right.json.value(QStringLiteral("pages")).toInt(), 1);
        const QString encId = right.json.value(QStringLiteral("upload_id")).toString();
        // A password given with a plain PDF is not kept.
        const QString plainWithPassword =
            send(plain, QStringLiteral("secret")).json.value(QStringLiteral("upload_id")).toString();
        const QString plainId = send(plain, QString()).json.value(QStringLiteral("upload_id")).toString();
        QVERIFY(!plainWithPassword.isEmpty() && !plainId.isEmpty());
        const QString queue = m_embeddedData + QStringLiteral("/queue.sqlite");
        QCOMPARE(rawQuery(queue, QStringLiteral("SELECT password FROM uploads WHERE id = '%1'").arg(encId)),
                 QStringList{QStringLiteral("secret")});
        QCOMPARE(rawQuery(queue, QStringLiteral("SELECT COUNT(*) FROM uploads WHERE id IN ('%1', '%2') AND "
                                                "password IS NULL")
                                     .arg(plainWithPassword, plainId)),
                 QStringList{QStringLiteral("2")});
        // The stored file is the encrypted one, byte for byte.
        const Reply file = request(port, "GET", QStringLiteral("/api/v1/uploads/%1/file").arg(encId));
        QVERIFY(file.body == encrypted);

        const QString plainJob = postJobOn(port, plainId, plainWithPassword);
        const QString mixedJob = postJobOn(port, plainId, encId);
        const QString lockedJob = postJobOn(port, encId, encId);
        QJsonObject reference;
        for (const QString &jobId : {plainJob, mixedJob, lockedJob}) {
            const QJsonObject done = waitForJob(port, jobId);
            bodies << QJsonDocument(done).toJson();
            QCOMPARE(done.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
            QCOMPARE(done.value(QStringLiteral("total_pages")).toInt(), 1);
            const QJsonObject page = stageOf(done, 1);
            QCOMPARE(page.value(QStringLiteral("diff_status")).toString(), QStringLiteral("completed"));
            QCOMPARE(page.value(QStringLiteral("diff_result"))
                         .toObject()
                         .value(QStringLiteral("changes_detected")),
                     QJsonValue(false));
            const Reply result = request(port, "GET", QStringLiteral("/api/v1/jobs/%1").arg(jobId));
            bodies << result.body;
            if (jobId == plainJob) {
                reference = normalizedResult(result.json);
            } else {
                const QString d = firstJsonDifference(reference, normalizedResult(result.json));
                QVERIFY2(d.isEmpty(), qPrintable(d));
            }
        }
        for (const QString &route : {QStringLiteral("/api/v1/jobs"), QStringLiteral("/api/v1/dead-letters"),
                                     QStringLiteral("/api/v1/uploads/%1").arg(encId)})
            bodies << request(port, "GET", route).body;
        for (const QByteArray &body : bodies)
            QVERIFY2(!body.contains("secret"), body.left(400).constData());
        QVERIFY(!(m_embedded.child->out() + m_embedded.child->err()).contains(QStringLiteral("secret")));
        for (const QString &jobId : {plainJob, mixedJob, lockedJob})
            request(port, "DELETE", QStringLiteral("/api/v1/jobs/%1").arg(jobId));
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
                "DEFAULT 0, idempotency_key TEXT UNIQUE, created_ms BIGINT NOT NULL, finished_ms BIGINT)"),
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

    // The embedded server killed in the middle of a job finishes it after a restart: the stage
    // it was running is leased to a dead process and taken again when the lease runs out.
    void restartMidJob() {
        const QString data = path(QStringLiteral("restart"));
        const QStringList args = {QStringLiteral("--data-dir"), data,
                                  QStringLiteral("--workers"),  QStringLiteral("1"),
                                  QStringLiteral("--lease-ms"), QStringLiteral("1500"),
                                  QStringLiteral("--poll-ms"),  QStringLiteral("100")};
        QString jobId;
        {
            Server s = startServer(
                args, {{QStringLiteral("BUILDTRACE_INJECT_DELAY"), QStringLiteral("diff:2:60000")}});
            QVERIFY2(s.port, qPrintable(s.error));
            jobId = postJob(s.port, m_oldA, m_newA);
            QVERIFY(!jobId.isEmpty());
            const QJsonObject mid = waitForJob(s.port, jobId, kJobTimeoutMs, [this](const QJsonObject &p) {
                return stageOf(p, 2).value(QStringLiteral("diff_status")).toString() ==
                       QLatin1String("in_progress");
            });
            QCOMPARE(stageOf(mid, 2).value(QStringLiteral("diff_status")).toString(),
                     QStringLiteral("in_progress"));
            s.child->kill();
        }
        Server s = startServer(args);
        QVERIFY2(s.port, qPrintable(s.error));
        const QJsonObject done = waitForJob(s.port, jobId);
        QCOMPARE(done.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        for (int page = 1; page <= 3; ++page)
            QCOMPARE(stageOf(done, page).value(QStringLiteral("summary_status")).toString(),
                     QStringLiteral("completed"));
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
        QCOMPARE(pgQuery(url, QStringLiteral("SELECT password FROM uploads WHERE id = '%1'").arg(encId)),
                 QStringList{password});
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

QTEST_MAIN(TestServer)
#include "tst_server.moc"
