// The job server's HTTP API (server/) on the embedded SQLite server: auth and limits, hostile and
// bad uploads, SIGTERM while an upload's check is pending, the embedded mode end to end (result
// equal to a local `buildtrace compare`), upload names (X-Filename), metadata and bytes back,
// password-protected sets (X-Pdf-Password) compared like plain ones, and a restart in the middle
// of a job. Every server is a real process. Sheets are 17 x 11 in at 60 DPI for speed.
// PostgreSQL workers and schema migration are tst_serverpostgres.

#include "drawinggenerator.h"
#include "pipeline/stagerunner.h"
#include "serverfixture.h"
#include "serverprocess.h"
#include "testutil.h"
#include "timedtestcase.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <memory>

using namespace bt;
using namespace bt::test;

namespace {

const QString kEncryptedFixture = QStringLiteral(BT_SOURCE_DIR "/tests/data/encrypted.pdf"); // "secret"
const QString kSampleOld = QStringLiteral(BT_SOURCE_DIR "/resources/samples/old.pdf");
// PDFium walks this page tree for ever: an open of it ends only at the helper's open timeout.
const QString kPageTreeLoop = QStringLiteral(BT_SHARED_DIR "/badinput/page-tree-loop.pdf");
const QString kOnePointHigh = QStringLiteral(BT_SHARED_DIR "/badinput/one-point-high-page.pdf");

} // namespace

class TestServer : public TimedTestCase {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_oldA, m_newA; // 3 sheets, one edited
    Server m_embedded;      // SQLite, two workers in the process, 2 MB uploads
    QString m_embeddedData;

    QString path(const QString &name) const { return m_dir.filePath(name); }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFileInfo(QStringLiteral(BT_SERVER_PATH)).isExecutable(), BT_SERVER_PATH);
        m_embeddedData = path(QStringLiteral("embedded"));
        m_embedded =
            startServer({QStringLiteral("--data-dir"), m_embeddedData, QStringLiteral("--max-upload-mb"),
                         QStringLiteral("2"), QStringLiteral("--workers"), QStringLiteral("2"),
                         QStringLiteral("--poll-ms"), QStringLiteral("100")});
        QVERIFY2(m_embedded.port, qPrintable(m_embedded.error));

        const ServerSets sets = writeServerSets(m_dir.path(), false);
        QVERIFY(!sets.oldA.isEmpty());
        m_oldA = sets.oldA;
        m_newA = sets.newA;
    }

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
        // Kept encrypted (tst_serversecurity): not the password itself.
        const QStringList stored =
            rawQuery(queue, QStringLiteral("SELECT password FROM uploads WHERE id = '%1'").arg(encId));
        QVERIFY(stored.size() == 1 && stored.first().startsWith(QStringLiteral("v1:")));
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
};

QTEST_MAIN(TestServer)
#include "tst_server.moc"
