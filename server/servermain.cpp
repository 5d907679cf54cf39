// buildtrace-server: the HTTP API over the job queue, with workers in the process (the embedded
// SQLite mode) or without (PostgreSQL, workers started with buildtrace-worker anywhere).

#include "apiserver.h"
#include "datadir.h"
#include "pipeline/allocator.h"
#include "text/ocrengine.h"
#include "worker.h"

#include <QCommandLineParser>
#include <QDir>
#include <QGuiApplication>
#include <QHostAddress>
#include <QHostInfo>
#include <QStandardPaths>
#include <QTimer>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <thread>

using namespace bt::server;

namespace {

std::atomic<bool> g_stop{false};

void onSignal(int) {
    g_stop.store(true);
}

int usageError(const QString &message) {
    fprintf(stderr, "buildtrace-server: %s\n", qPrintable(message));
    return 2;
}

} // namespace

int main(int argc, char *argv[]) {
    restrictUmask(); // the queue (with SQLite's -wal/-shm), uploads and overlays: the user's only
    bt::configureAllocatorForPages();
    bt::initOcrEnvironment();
    // QtPdf needs a GUI application object, never a display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("BuildTrace"));
    QCoreApplication::setOrganizationName(QStringLiteral("BuildTrace"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("BuildTrace job server (docs/server.md)."));
    parser.addHelpOption();
    const QCommandLineOption listen(QStringLiteral("listen"),
                                    QStringLiteral("Address:port (127.0.0.1:8765)."),
                                    QStringLiteral("ADDR:PORT"), QStringLiteral("127.0.0.1:8765"));
    const QCommandLineOption token(QStringLiteral("token"),
                                   QStringLiteral("Accepted bearer token (repeat for several; also "
                                                  "$BUILDTRACE_SERVER_TOKEN)."),
                                   QStringLiteral("SECRET"));
    const QCommandLineOption database(QStringLiteral("database"),
                                      QStringLiteral("postgresql://user@host:port/db, or an SQLite file "
                                                     "(default DATA_DIR/queue.sqlite, with workers in "
                                                     "this process)."),
                                      QStringLiteral("URL|PATH"));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
                                     QStringLiteral("Uploads and overlays, shared with the workers."),
                                     QStringLiteral("DIR"));
    const QCommandLineOption maxUpload(QStringLiteral("max-upload-mb"), QStringLiteral("Upload limit (200)."),
                                       QStringLiteral("N"), QStringLiteral("200"));
    const QCommandLineOption workers(QStringLiteral("workers"),
                                     QStringLiteral("Workers in this process (default 2 with SQLite, "
                                                    "0 with PostgreSQL)."),
                                     QStringLiteral("N"));
    const QCommandLineOption leaseMs(QStringLiteral("lease-ms"), QStringLiteral("Stage lease (60000)."),
                                     QStringLiteral("MS"), QStringLiteral("60000"));
    const QCommandLineOption pollMs(QStringLiteral("poll-ms"), QStringLiteral("Idle worker poll (500)."),
                                    QStringLiteral("MS"), QStringLiteral("500"));
    const QCommandLineOption backoffMs(QStringLiteral("backoff-ms"),
                                       QStringLiteral("Delay before a failed stage's 2nd attempt, doubling "
                                                      "(1000)."),
                                       QStringLiteral("MS"), QStringLiteral("1000"));
    const QCommandLineOption logStages(QStringLiteral("log-stages"),
                                       QStringLiteral("A line per stage on stdout."));
    const QCommandLineOption keyFile(QStringLiteral("key-file"),
                                     QStringLiteral("Key for the stored PDF passwords, made on first start "
                                                    "(default DATA_DIR/secret.key)."),
                                     QStringLiteral("FILE"));
    parser.addOptions({listen, token, database, dataDir, maxUpload, workers, leaseMs, pollMs, backoffMs,
                       logStages, keyFile});
    parser.process(app);

    ApiOptions api;
    api.tokens = parser.values(token);
    if (!qEnvironmentVariableIsEmpty("BUILDTRACE_SERVER_TOKEN"))
        api.tokens.append(qEnvironmentVariable("BUILDTRACE_SERVER_TOKEN"));
    if (api.tokens.isEmpty()) return usageError(QStringLiteral("give at least one --token"));
    // No client can send an empty bearer token: such a server would refuse everyone.
    if (api.tokens.contains(QString())) return usageError(QStringLiteral("--token must not be empty"));
    api.dataDir =
        QDir(parser.isSet(dataDir) ? parser.value(dataDir)
                                   : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                                         QStringLiteral("/server"))
            .absolutePath();
    bool ok = false;
    api.maxUploadBytes = parser.value(maxUpload).toLongLong(&ok) << 20;
    // Bodies stream to disk: the bound is the disk's business, this one keeps a typo from
    // inviting terabytes.
    if (!ok || api.maxUploadBytes <= 0 || api.maxUploadBytes > (2000LL << 20))
        return usageError(QStringLiteral("--max-upload-mb wants 1 to 2000"));

    const QString address = parser.value(listen);
    const int colon = address.lastIndexOf(QLatin1Char(':'));
    const QHostAddress host(address.left(colon));
    const int port = address.mid(colon + 1).toInt(&ok);
    if (colon < 0 || host.isNull() || !ok || port < 0 || port > 65535)
        return usageError(QStringLiteral("--listen wants ADDR:PORT, e.g. 127.0.0.1:8765"));

    QString error;
    if (!secureDataDirectory(api.dataDir, &error)) {
        fprintf(stderr, "buildtrace-server: %s\n", qPrintable(error));
        return 1;
    }
    api.passwordCipher = PasswordCipher::load(
        parser.isSet(keyFile) ? parser.value(keyFile) : api.dataDir + QStringLiteral("/secret.key"), &error);
    if (!api.passwordCipher) {
        fprintf(stderr, "buildtrace-server: %s\n", qPrintable(error));
        return 1;
    }
    const std::optional<DatabaseConfig> db = DatabaseConfig::parse(
        parser.isSet(database) ? parser.value(database) : api.dataDir + QStringLiteral("/queue.sqlite"),
        &error);
    if (!db) return usageError(QStringLiteral("--database: %1").arg(error));
    const int workerCount = parser.isSet(workers) ? parser.value(workers).toInt() : (db->postgres ? 0 : 2);

    ApiServer server(*db, api);
    if (!server.start(host, quint16(port), &error)) {
        fprintf(stderr, "buildtrace-server: %s\n", qPrintable(error));
        return 1;
    }
    fprintf(stdout, "buildtrace-server: listening on %s:%d, database %s, %d workers\n",
            qPrintable(host.toString()), server.port(), qPrintable(db->describe()), workerCount);
    fflush(stdout);

    WorkerOptions wo = WorkerOptions::fromEnvironment();
    wo.dataDir = api.dataDir;
    wo.leaseMs = parser.value(leaseMs).toInt();
    wo.pollMs = parser.value(pollMs).toInt();
    wo.retry.backoffMs = parser.value(backoffMs).toInt();
    wo.logStages = parser.isSet(logStages);
    wo.passwordCipher = api.passwordCipher;
    std::atomic<bool> stopWorkers{false};
    std::vector<std::thread> threads;
    const QString prefix = QStringLiteral("%1-%2").arg(QHostInfo::localHostName()).arg(app.applicationPid());
    for (int i = 0; i < workerCount; ++i) {
        WorkerOptions o = wo;
        o.workerId = QStringLiteral("%1-w%2").arg(prefix).arg(i + 1);
        threads.emplace_back([o, db = *db, &stopWorkers] {
            Worker worker(db, o);
            QString e;
            if (!worker.open(&e)) {
                fprintf(stderr, "buildtrace-server: worker %s: %s\n", qPrintable(o.workerId), qPrintable(e));
                return;
            }
            worker.run(stopWorkers);
        });
    }

    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    QTimer stopCheck;
    QObject::connect(&stopCheck, &QTimer::timeout, &app, [] {
        if (g_stop.load()) QCoreApplication::quit();
    });
    stopCheck.start(200);
    const int rc = app.exec();
    stopWorkers.store(true);
    for (std::thread &t : threads)
        t.join();
    return rc;
}
