// The job server behind nginx terminating TLS: docs/examples/nginx-buildtrace.conf, run as
// documented but for its lines marked "# <- set" (a free port, a self-signed certificate, the
// test server's port), passes `nginx -t`; through HTTPS on the proxy an upload pair, a job and
// its progress polled to completion; 401 without the token; an upload far bigger than nginx's
// body buffer reaches the server while it is still being sent (proxy_request_buffering off).
// nginx is a test dependency (nginx-light in ./dev): without it the test fails, it does not skip.

#include "postgresfixture.h"
#include "serverfixture.h"
#include "testutil.h"
#include "timedtestcase.h"

#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <memory>

using namespace bt;
using namespace bt::test;

namespace {

// The example's marked lines and what the test puts there; each must be in the file once.
struct Substitution {
    QByteArray from;
    QByteArray to;
};

QString findNginx() {
    return QStandardPaths::findExecutable(
        QStringLiteral("nginx"),
        {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/local/sbin"), QStringLiteral("/usr/bin")});
}

// Runs a program to its end; its stderr and stdout, empty when it exited 0.
QString runToEnd(const QString &program, const QStringList &args) {
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForFinished(30000)) return program + QStringLiteral(": did not finish");
    const QString out = QString::fromLocal8Bit(p.readAll());
    if (p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0) return QString();
    return QStringLiteral("%1 exited %2: %3").arg(program).arg(p.exitCode()).arg(out);
}

qint64 bytesIn(const QString &dir) {
    qint64 total = 0;
    for (const QFileInfo &f : QDir(dir).entryInfoList(QDir::Files | QDir::Hidden))
        total += f.size();
    return total;
}

} // namespace

class TestServerProxy : public TimedTestCase {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Server m_server;
    std::unique_ptr<Child> m_nginx;
    quint16 m_port = 0; // nginx's HTTPS port
    QList<QSslCertificate> m_ca;
    QNetworkAccessManager m_nam;
    QString m_data;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    // One request through the proxy over HTTPS, waited for (30 s at most).
    Reply request(const QByteArray &method, const QString &route, const QByteArray &body = {},
                  const QByteArray &contentType = "application/json", const QByteArray &token = kToken) {
        QNetworkRequest req(QUrl(QStringLiteral("https://127.0.0.1:%1%2").arg(m_port).arg(route)));
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(m_ca); // only the test's certificate is trusted
        req.setSslConfiguration(tls);
        if (!token.isNull()) req.setRawHeader("Authorization", "Bearer " + token);
        if (!body.isNull()) req.setRawHeader("Content-Type", contentType);
        QNetworkReply *r = m_nam.sendCustomRequest(req, method, body);
        QEventLoop loop;
        QObject::connect(r, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(30000, &loop, &QEventLoop::quit);
        if (!r->isFinished()) loop.exec();
        Reply out = replyOf(r);
        if (r->error() != QNetworkReply::NoError && out.status == 0) out.body = r->errorString().toUtf8();
        r->deleteLater();
        return out;
    }

    QString uploadThroughProxy(const QString &file) {
        const Reply r = request("POST", QStringLiteral("/api/v1/uploads"), readFile(file), "application/pdf");
        if (r.status != 201) qWarning("upload: %s", qPrintable(r.text()));
        return r.json.value(QStringLiteral("upload_id")).toString();
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        const QString nginx = findNginx();
        QVERIFY2(!nginx.isEmpty(), "nginx is not installed: the TLS proxy test needs it "
                                   "(./dev installs nginx-light; or apt-get install nginx-light)");
        m_data = path(QStringLiteral("data"));
        m_server = startServer({QStringLiteral("--data-dir"), m_data, QStringLiteral("--workers"),
                                QStringLiteral("1"), QStringLiteral("--poll-ms"), QStringLiteral("100"),
                                QStringLiteral("--max-upload-mb"), QStringLiteral("200")});
        QVERIFY2(m_server.port, qPrintable(m_server.error));

        // A self-signed certificate for 127.0.0.1, the only CA the client trusts.
        const QString cert = path(QStringLiteral("cert.pem")), key = path(QStringLiteral("key.pem"));
        const QString openssl =
            runToEnd(QStringLiteral("openssl"),
                     {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                      QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-subj"),
                      QStringLiteral("/CN=localhost"), QStringLiteral("-addext"),
                      QStringLiteral("subjectAltName=IP:127.0.0.1,DNS:localhost"), QStringLiteral("-days"),
                      QStringLiteral("1"), QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert});
        QVERIFY2(openssl.isEmpty(), qPrintable(openssl));
        m_ca = QSslCertificate::fromPath(cert);
        QCOMPARE(m_ca.size(), 1);

        // The example as documented, its marked lines set for this machine.
        m_port = quint16(freePort());
        QVERIFY(m_port);
        QByteArray site = readFile(QStringLiteral(BT_SOURCE_DIR "/docs/examples/nginx-buildtrace.conf"));
        QVERIFY(!site.isEmpty());
        const QList<Substitution> marked = {
            {"server 127.0.0.1:8765;", "server 127.0.0.1:" + QByteArray::number(m_server.port) + ";"},
            {"listen 443 ssl http2;", "listen 127.0.0.1:" + QByteArray::number(m_port) + " ssl http2;"},
            {"/etc/ssl/certs/buildtrace.pem;", cert.toUtf8() + ";"},
            {"/etc/ssl/private/buildtrace.key;", key.toUtf8() + ";"}};
        for (const Substitution &s : marked) {
            QVERIFY2(site.count(s.from) == 1, s.from.constData());
            const qsizetype at = site.indexOf(s.from);
            QVERIFY2(site.indexOf("# <- set", at) < site.indexOf('\n', at), s.from.constData());
            site.replace(s.from, s.to);
        }
        QVERIFY(writeFile(path(QStringLiteral("buildtrace.conf")), site));

        // nginx's own files under the test's folder: it runs in the foreground as one process
        // (no workers switching to another user, who could not read the temporary folder).
        const QString prefix = m_dir.path();
        QByteArray conf = "daemon off;\nmaster_process off;\npid " +
                          path(QStringLiteral("nginx.pid")).toUtf8() + ";\nerror_log " +
                          path(QStringLiteral("error.log")).toUtf8() +
                          " warn;\nevents { worker_connections 64; }\nhttp {\n    access_log off;\n";
        for (const char *temp : {"client_body", "proxy", "fastcgi", "uwsgi", "scgi"}) {
            QVERIFY(QDir(prefix).mkpath(QStringLiteral("temp/%1").arg(QLatin1String(temp))));
            conf += "    " + QByteArray(temp) + "_temp_path " + path(QStringLiteral("temp/")).toUtf8() +
                    temp + ";\n";
        }
        conf += "    include " + path(QStringLiteral("buildtrace.conf")).toUtf8() + ";\n}\n";
        const QString nginxConf = path(QStringLiteral("nginx.conf"));
        QVERIFY(writeFile(nginxConf, conf));
        const QStringList args{QStringLiteral("-p"), prefix,
                               QStringLiteral("-e"), path(QStringLiteral("error.log")),
                               QStringLiteral("-c"), nginxConf};
        const QString check = runToEnd(nginx, QStringList{QStringLiteral("-t")} + args);
        QVERIFY2(check.isEmpty(), qPrintable(check));

        m_nginx = std::make_unique<Child>(nginx, args);
        // Up when a request through it is answered (by the server: an empty job list).
        QTRY_VERIFY2_WITH_TIMEOUT(
            request("GET", QStringLiteral("/api/v1/jobs")).status == 200,
            qPrintable(m_nginx->err() + QString::fromUtf8(readFile(path(QStringLiteral("error.log"))))),
            15000);
    }

    // Without the token the server's 401 comes back through the proxy; with it, the route.
    void tokenChecked() {
        const Reply none = request("GET", QStringLiteral("/api/v1/jobs"), {}, {}, QByteArray());
        QCOMPARE(none.status, 401);
        QVERIFY2(none.json.contains(QStringLiteral("error")), qPrintable(none.text()));
        const Reply wrong = request("GET", QStringLiteral("/api/v1/jobs"), {}, {}, "not-the-token");
        QCOMPARE(wrong.status, 401);
        QCOMPARE(request("GET", QStringLiteral("/api/v1/jobs")).status, 200);
    }

    // Upload a pair, start a job, poll its progress until it is done: all over HTTPS.
    void uploadJobPoll() {
        const ServerSets sets = writeServerSets(m_dir.path(), false);
        QVERIFY(!sets.oldA.isEmpty());
        const QString oldId = uploadThroughProxy(sets.oldA);
        const QString newId = uploadThroughProxy(sets.newA);
        QVERIFY(!oldId.isEmpty() && !newId.isEmpty());
        const QJsonObject body{{QStringLiteral("old_upload_id"), oldId},
                               {QStringLiteral("new_upload_id"), newId},
                               {QStringLiteral("settings"), QJsonObject{{QStringLiteral("dpi"), kDpi}}}};
        const Reply job = request("POST", QStringLiteral("/api/v1/jobs"),
                                  QJsonDocument(body).toJson(QJsonDocument::Compact));
        QCOMPARE(job.status, 201);
        const QString jobId = job.json.value(QStringLiteral("job_id")).toString();
        QVERIFY(!jobId.isEmpty());

        QJsonObject progress;
        QTRY_VERIFY_WITH_TIMEOUT(
            isFinal((progress = request("GET", QStringLiteral("/api/v1/jobs/%1/progress").arg(jobId)).json)
                        .value(QStringLiteral("status"))
                        .toString()),
            kJobTimeoutMs);
        QCOMPARE(progress.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        QCOMPARE(progress.value(QStringLiteral("total_pages")).toInt(), 3);
        // Page 1 of set A is edited: the comparison ran and found it.
        QVERIFY(stageOf(progress, 1)
                    .value(QStringLiteral("diff_result"))
                    .toObject()
                    .value(QStringLiteral("changes_detected"))
                    .toBool());
    }

    // A 4 MB upload (nginx's body buffer is 16 kB): the first half reaches the server's incoming/
    // while the client holds back the second, and nothing is spooled in nginx's body temp folder;
    // then the whole upload is accepted.
    void uploadStreamedThroughProxy() {
        const QByteArray pdf = paddedPdf(4LL << 20);
        const qint64 half = pdf.size() / 2;
        QSslSocket socket;
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(m_ca);
        socket.setSslConfiguration(tls);
        socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_port);
        QVERIFY2(socket.waitForEncrypted(10000), qPrintable(socket.errorString()));
        socket.write("POST /api/v1/uploads HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + kToken +
                     "\r\nContent-Type: application/pdf\r\nContent-Length: " +
                     QByteArray::number(pdf.size()) + "\r\nConnection: close\r\n\r\n");
        socket.write(pdf.left(half));
        const QString incoming = m_data + QStringLiteral("/incoming");
        QTRY_VERIFY_WITH_TIMEOUT(bytesIn(incoming) >= half / 2, 15000);
        QCOMPARE(bytesIn(path(QStringLiteral("temp/client_body"))), 0);

        socket.write(pdf.mid(half));
        QByteArray answer;
        QTRY_VERIFY_WITH_TIMEOUT((answer += socket.readAll()).contains("\r\n\r\n"), 30000);
        QVERIFY2(answer.startsWith("HTTP/1.1 201"), answer.left(400).constData());
        QCOMPARE(bytesIn(path(QStringLiteral("temp/client_body"))), 0);
    }

    void cleanupTestCase() {
        m_nginx.reset(); // SIGTERM: nginx's fast shutdown
        m_server = Server();
    }
};

QTEST_MAIN(TestServerProxy)
#include "tst_serverproxy.moc"
