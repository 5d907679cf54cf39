// The job server's HTTP layer (server/httpserver, Boost.Beast) against a real buildtrace-server:
// framing (conflicting Content-Length, LF-only lines, the Authorization scheme in any case, two
// Authorization headers), keep-alive, the header deadline and the minimum body rate against
// trickling clients, the cap on header-phase connections, uploads streamed to disk (the
// server's peak memory stays flat, the bytes come back equal) and orphaned upload files removed
// at start. Larger measurements (1000 trickling clients, 8 x 195 MB and 1.9 GB uploads, SIGTERM
// during an upload) are tests/bench/serverhttp_bench.py.

#include "serverfixture.h"
#include "serverprocess.h"
#include "testutil.h"
#include "timedtestcase.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <memory>
#include <vector>

using namespace bt;
using namespace bt::test;

namespace {

// Sends raw bytes; what the server answers until it has sent a whole response head (or closed,
// or timeoutMs passed).
QByteArray exchange(quint16 port, const QByteArray &raw, int timeoutMs = 5000) {
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(5000)) return "no connection";
    socket.write(raw);
    QByteArray got;
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < timeoutMs && !got.contains("\r\n\r\n") &&
           socket.state() == QAbstractSocket::ConnectedState) {
        socket.waitForReadyRead(100);
        got += socket.readAll();
    }
    return got + socket.readAll();
}

qint64 statusKb(qint64 pid, const char *field) {
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly)) return -1;
    const QRegularExpression re(QStringLiteral("^%1:\\s+(\\d+) kB").arg(QLatin1String(field)),
                                QRegularExpression::MultilineOption);
    return re.match(QString::fromLatin1(f.readAll())).captured(1).toLongLong();
}

QByteArray auth() {
    return "Authorization: Bearer " + kToken + "\r\n";
}

} // namespace

class TestServerHttp : public TimedTestCase {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Server m_server; // SQLite, no workers, 100 MB uploads
    QString m_data;

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_data = m_dir.filePath(QStringLiteral("data"));
        m_server =
            startServer({QStringLiteral("--data-dir"), m_data, QStringLiteral("--workers"),
                         QStringLiteral("0"), QStringLiteral("--max-upload-mb"), QStringLiteral("100")});
        QVERIFY2(m_server.port, qPrintable(m_server.error));
    }

    // Request smuggling and lenient framing refused with a 400 at once (not at a timeout).
    void framing() {
        const quint16 port = m_server.port;
        const QByteArray twoLengths = "POST /api/v1/jobs HTTP/1.1\r\nHost: x\r\n" + auth() +
                                      "Content-Type: application/json\r\nContent-Length: 2\r\n"
                                      "Content-Length: 5\r\n\r\n{}xyz";
        const QByteArray conflicting = exchange(port, twoLengths);
        QVERIFY2(conflicting.startsWith("HTTP/1.1 400") && conflicting.contains("conflicting Content-Length"),
                 conflicting.constData());
        // The same length twice is one length (RFC 9110): the request goes on to the route.
        const QByteArray sameLength = "POST /api/v1/jobs HTTP/1.1\r\nHost: x\r\n" + auth() +
                                      "Content-Type: application/json\r\nContent-Length: 2\r\n"
                                      "Content-Length: 2\r\n\r\n{}";
        const QByteArray same = exchange(port, sameLength);
        QVERIFY2(same.startsWith("HTTP/1.1 400") && same.contains("must name uploads"), same.constData());
        // LF alone: answered long before the 10 s header deadline.
        QElapsedTimer t;
        t.start();
        const QByteArray lf =
            exchange(port, "GET /api/v1/jobs HTTP/1.1\nHost: x\n" + auth().replace("\r\n", "\n") + "\n");
        QVERIFY2(lf.startsWith("HTTP/1.1 400"), lf.constData());
        QVERIFY2(t.elapsed() < 5000, qPrintable(QString::number(t.elapsed())));
        const QByteArray twoAuth =
            "GET /api/v1/jobs HTTP/1.1\r\nHost: x\r\n" + auth() + "Authorization: Bearer other\r\n\r\n";
        QVERIFY2(exchange(port, twoAuth).startsWith("HTTP/1.1 400"), "two Authorization");
        // Chunked and a length together: refused (the parser's rule), not guessed.
        const QByteArray both = "POST /api/v1/jobs HTTP/1.1\r\nHost: x\r\n" + auth() +
                                "Content-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n";
        QVERIFY2(exchange(port, both).startsWith("HTTP/1.1 400"), "length and chunked");
        // The scheme in any case (RFC 7235); a wrong token stays a 401 in any case.
        for (const QByteArray &scheme : {QByteArray("bearer"), QByteArray("BEARER"), QByteArray("Bearer")}) {
            const QByteArray ok =
                exchange(port, "GET /api/v1/jobs HTTP/1.1\r\nHost: x\r\nAuthorization: " + scheme + ' ' +
                                   kToken + "\r\n\r\n");
            QVERIFY2(ok.startsWith("HTTP/1.1 200"), ok.constData());
            QVERIFY(exchange(port, "GET /api/v1/jobs HTTP/1.1\r\nHost: x\r\nAuthorization: " + scheme +
                                       " wrong\r\n\r\n")
                        .startsWith("HTTP/1.1 401"));
        }
    }

    // HTTP/1.1 keeps the connection: three requests, three answers, one socket.
    void keepAlive() {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_server.port);
        QVERIFY(socket.waitForConnected(5000));
        const QByteArray get = "GET /api/v1/jobs HTTP/1.1\r\nHost: x\r\n" + auth() + "\r\n";
        for (int i = 0; i < 3; ++i) {
            socket.write(get);
            QByteArray got;
            QVERIFY(QTest::qWaitFor(
                [&] {
                    got += socket.readAll();
                    return got.contains("{\"jobs\":");
                },
                5000));
            QVERIFY2(got.startsWith("HTTP/1.1 200"), got.constData());
            QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
        }
    }

    // A client trickling its headers (a byte every 300 ms: any idle timer would keep it) is
    // dropped at the 10 s header deadline; one trickling its body below 1 KiB/s at the end of its
    // first 10 s window. Meanwhile the server answers others.
    void slowClientsDropped() {
        QTcpSocket headers, body;
        for (QTcpSocket *s : {&headers, &body}) {
            s->connectToHost(QHostAddress::LocalHost, m_server.port);
            QVERIFY(s->waitForConnected(5000));
        }
        body.write("POST /api/v1/jobs HTTP/1.1\r\nHost: x\r\n" + auth() +
                   "Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{");
        const QByteArray line = "GET /api/v1/jobs HTTP/1.1\r\nX-Slow: " + QByteArray(200, 'a');
        QElapsedTimer t;
        t.start();
        qint64 headersGone = -1, bodyGone = -1;
        for (int i = 0; t.elapsed() < 16000 && (headersGone < 0 || bodyGone < 0); ++i) {
            if (headersGone < 0) headers.write(line.mid(i % line.size(), 1));
            if (bodyGone < 0) body.write("     ");
            QTest::qWait(300);
            if (headersGone < 0 && headers.state() != QAbstractSocket::ConnectedState)
                headersGone = t.elapsed();
            if (bodyGone < 0 && body.state() != QAbstractSocket::ConnectedState) bodyGone = t.elapsed();
            if (i == 10) QCOMPARE(request(m_server.port, "GET", QStringLiteral("/api/v1/jobs")).status, 200);
        }
        qInfo("header trickle dropped after %lld ms, body trickle after %lld ms", headersGone, bodyGone);
        QVERIFY2(headersGone >= 9000 && headersGone <= 12000, qPrintable(QString::number(headersGone)));
        QVERIFY2(bodyGone >= 9000 && bodyGone <= 12000, qPrintable(QString::number(bodyGone)));
    }

    // 200 idle connections from one address (the cap is 128 waiting for headers): the oldest are
    // closed to make room and a legitimate request is answered at once.
    void headerPhaseCap() {
        std::vector<std::unique_ptr<QTcpSocket>> idle;
        for (int i = 0; i < 200; ++i) {
            idle.push_back(std::make_unique<QTcpSocket>());
            idle.back()->connectToHost(QHostAddress::LocalHost, m_server.port);
            QVERIFY(idle.back()->waitForConnected(5000));
        }
        QElapsedTimer t;
        t.start();
        const Reply r = request(m_server.port, "GET", QStringLiteral("/api/v1/jobs"));
        QVERIFY2(r.status == 200, qPrintable(r.text()));
        QVERIFY2(t.elapsed() < 2000, qPrintable(QString::number(t.elapsed())));
        QVERIFY(QTest::qWaitFor(
            [&] {
                return idle.front()->state() == QAbstractSocket::UnconnectedState &&
                       idle.back()->state() == QAbstractSocket::ConnectedState;
            },
            5000));
    }

    // A 60 MB upload goes to disk as it arrives: the server's peak memory grows by far less than
    // the upload; the same bytes come back from the file route; nothing is left in incoming/.
    void uploadStreamed() {
        const qint64 pid = m_server.child->pid();
        const QByteArray pdf = paddedPdf(60LL << 20);
        const qint64 before = statusKb(pid, "VmHWM");
        QVERIFY(before > 0);
        const Reply r = uploadBytes(m_server.port, pdf, QStringLiteral("big.pdf"));
        QVERIFY2(r.status == 201, qPrintable(r.text()));
        const QString id = r.json.value(QStringLiteral("upload_id")).toString();
        QCOMPARE(r.json.value(QStringLiteral("sha256")).toString(),
                 QString::fromLatin1(QCryptographicHash::hash(pdf, QCryptographicHash::Sha256).toHex()));
        // Readable by the server's user only.
        const QFile::Permissions perms =
            QFileInfo(m_data + QStringLiteral("/uploads/%1.pdf").arg(id)).permissions();
        QCOMPARE(perms & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
                 QFile::Permissions());
        const Reply back = request(m_server.port, "GET", QStringLiteral("/api/v1/uploads/%1/file").arg(id));
        QCOMPARE(back.status, 200);
        QVERIFY(back.body == pdf);
        const qint64 after = statusKb(pid, "VmHWM");
        qInfo("server VmHWM %lld kB before, %lld kB after a 60 MB upload and download", before, after);
        QVERIFY2(after - before < 20 * 1024,
                 qPrintable(QStringLiteral("%1 -> %2 kB").arg(before).arg(after)));
        QVERIFY(QDir(m_data + QStringLiteral("/incoming")).entryList(QDir::Files | QDir::Hidden).isEmpty());
    }

    // An upload cut off half-way, one over the limit (chunked, no length to refuse it at the
    // headers) and one refused by the check: none leaves a file behind.
    void failedUploadsLeaveNothing() {
        const QStringList uploadsBefore = QDir(m_data + QStringLiteral("/uploads")).entryList(QDir::Files);
        {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, m_server.port);
            QVERIFY(socket.waitForConnected(5000));
            socket.write("POST /api/v1/uploads HTTP/1.1\r\nHost: x\r\n" + auth() +
                         "Content-Type: application/pdf\r\nContent-Length: 10000000\r\n\r\n" +
                         paddedPdf(1 << 20));
            QVERIFY(socket.waitForBytesWritten(5000));
            const QDir incoming(m_data + QStringLiteral("/incoming"));
            QVERIFY(QTest::qWaitFor([&] { return !incoming.entryList(QDir::Files).isEmpty(); }, 5000));
            socket.abort();
            QVERIFY(QTest::qWaitFor([&] { return incoming.entryList(QDir::Files).isEmpty(); }, 5000));
        }
        QByteArray chunked = "POST /api/v1/uploads HTTP/1.1\r\nHost: x\r\n" + auth() +
                             "Content-Type: application/pdf\r\nTransfer-Encoding: chunked\r\n\r\n";
        const QByteArray chunk(1 << 20, 'x');
        for (int i = 0; i < 101; ++i)
            chunked += QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n";
        chunked += "0\r\n\r\n";
        const QByteArray over = exchange(m_server.port, chunked, 20000);
        QVERIFY2(over.startsWith("HTTP/1.1 413"), over.left(200).constData());
        const Reply truncated = uploadBytes(m_server.port, paddedPdf(1 << 20).left(500000));
        QCOMPARE(truncated.status, 400);
        QVERIFY(QTest::qWaitFor(
            [&] { return QDir(m_data + QStringLiteral("/incoming")).entryList(QDir::Files).isEmpty(); },
            5000));
        QCOMPARE(QDir(m_data + QStringLiteral("/uploads")).entryList(QDir::Files), uploadsBefore);
    }

    // SIGTERM while an upload's body is arriving: the server exits 0 at once (the hang bound is
    // 15 s; the time is printed); the half-written body is gone after the next start.
    void sigtermDuringUpload() {
        const QString data = m_dir.filePath(QStringLiteral("sigterm"));
        Server s = startServer(
            {QStringLiteral("--data-dir"), data, QStringLiteral("--workers"), QStringLiteral("0")});
        QVERIFY2(s.port, qPrintable(s.error));
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, s.port);
        QVERIFY(socket.waitForConnected(5000));
        socket.write("POST /api/v1/uploads HTTP/1.1\r\nHost: x\r\n" + auth() +
                     "Content-Type: application/pdf\r\nContent-Length: 100000000\r\n\r\n" +
                     paddedPdf(4 << 20));
        const QDir incoming(data + QStringLiteral("/incoming"));
        QVERIFY(QTest::qWaitFor([&] { return !incoming.entryList(QDir::Files).isEmpty(); }, 5000));
        QElapsedTimer t;
        t.start();
        QCOMPARE(::kill(pid_t(s.child->pid()), SIGTERM), 0);
        QVERIFY2(QTest::qWaitFor([&] { return !s.child->isRunning(); }, 15000), "SIGTERM ignored");
        qInfo("SIGTERM to exit during an upload: %lld ms", t.elapsed());
        QCOMPARE(s.child->exitStatus(), QProcess::NormalExit);
        QCOMPARE(s.child->exitCode(), 0);
        // Left for the next start (unlinking a large file would delay the exit), which removes it.
        Server again = startServer(
            {QStringLiteral("--data-dir"), data, QStringLiteral("--workers"), QStringLiteral("0")});
        QVERIFY2(again.port, qPrintable(again.error));
        QVERIFY(incoming.entryList(QDir::Files).isEmpty());
    }

    // At start: upload files no row names (a crash during a check) and bodies of uploads cut off
    // are removed; recorded uploads stay.
    void orphansRemovedAtStart() {
        const QString data = m_dir.filePath(QStringLiteral("orphans"));
        QString kept;
        {
            Server s = startServer(
                {QStringLiteral("--data-dir"), data, QStringLiteral("--workers"), QStringLiteral("0")});
            QVERIFY2(s.port, qPrintable(s.error));
            const Reply r = uploadBytes(s.port, paddedPdf(1000));
            QVERIFY2(r.status == 201, qPrintable(r.text()));
            kept = r.json.value(QStringLiteral("upload_id")).toString();
        }
        const QStringList orphans{QStringLiteral("/uploads/0b5e6d1c-2f1a-4c47-9a55-1f4f9e2c7a10.pdf"),
                                  QStringLiteral("/uploads/stray.tmp"),
                                  QStringLiteral("/incoming/5d1c0f4e-7a2b-4c3d-8e9f-0a1b2c3d4e5f.part")};
        for (const QString &o : orphans)
            QVERIFY(writeFile(data + o, "%PDF-1.4 left over"));
        Server s = startServer(
            {QStringLiteral("--data-dir"), data, QStringLiteral("--workers"), QStringLiteral("0")});
        QVERIFY2(s.port, qPrintable(s.error));
        for (const QString &o : orphans)
            QVERIFY2(!QFileInfo::exists(data + o), qPrintable(o));
        QCOMPARE(QDir(data + QStringLiteral("/uploads")).entryList(QDir::Files),
                 QStringList{kept + QStringLiteral(".pdf")});
        QCOMPARE(request(s.port, "GET", QStringLiteral("/api/v1/uploads/%1/file").arg(kept)).status, 200);
    }
};

QTEST_MAIN(TestServerHttp)
#include "tst_serverhttp.moc"
