// buildtrace-worker: runs stages from a PostgreSQL (or SQLite) queue, on any machine that mounts
// the server's data directory.

#include "datadir.h"
#include "passwordcipher.h"
#include "pipeline/allocator.h"
#include "text/ocrengine.h"
#include "worker.h"

#include <QCommandLineParser>
#include <QDir>
#include <QGuiApplication>
#include <QHostInfo>

#include <atomic>
#include <csignal>
#include <cstdio>

using namespace bt::server;

namespace {

std::atomic<bool> g_stop{false};

void onSignal(int) {
    g_stop.store(true);
}

} // namespace

int main(int argc, char *argv[]) {
    restrictUmask(); // overlays and the SQLite files it writes are the user's only
    bt::configureAllocatorForPages();
    bt::initOcrEnvironment();
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("BuildTrace"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("BuildTrace queue worker (docs/server.md)."));
    parser.addHelpOption();
    const QCommandLineOption database(QStringLiteral("database"),
                                      QStringLiteral("postgresql://user@host:port/db (or an SQLite file)."),
                                      QStringLiteral("URL"));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
                                     QStringLiteral("The server's data directory (a shared mount)."),
                                     QStringLiteral("DIR"));
    const QCommandLineOption workerId(QStringLiteral("worker-id"), QStringLiteral("Lease owner (host-pid)."),
                                      QStringLiteral("ID"));
    const QCommandLineOption leaseMs(QStringLiteral("lease-ms"), QStringLiteral("Stage lease (60000)."),
                                     QStringLiteral("MS"), QStringLiteral("60000"));
    const QCommandLineOption pollMs(QStringLiteral("poll-ms"), QStringLiteral("Idle poll (500)."),
                                    QStringLiteral("MS"), QStringLiteral("500"));
    const QCommandLineOption backoffMs(QStringLiteral("backoff-ms"),
                                       QStringLiteral("Delay before a failed stage's 2nd attempt, doubling "
                                                      "(1000)."),
                                       QStringLiteral("MS"), QStringLiteral("1000"));
    const QCommandLineOption maxAttempts(QStringLiteral("max-attempts"),
                                         QStringLiteral("Attempts before a dead letter (5)."),
                                         QStringLiteral("N"), QStringLiteral("5"));
    const QCommandLineOption quiet(QStringLiteral("quiet"), QStringLiteral("No line per stage on stdout."));
    const QCommandLineOption keyFile(QStringLiteral("key-file"),
                                     QStringLiteral("The server's key for stored PDF passwords "
                                                    "(default DATA_DIR/secret.key)."),
                                     QStringLiteral("FILE"));
    parser.addOptions({database, dataDir, workerId, leaseMs, pollMs, backoffMs, maxAttempts, quiet, keyFile});
    parser.process(app);

    QString error;
    const std::optional<DatabaseConfig> db = DatabaseConfig::parse(parser.value(database), &error);
    if (!db || !parser.isSet(dataDir)) {
        fprintf(stderr, "buildtrace-worker: give --database URL and --data-dir DIR%s%s\n",
                error.isEmpty() ? "" : ": ", qPrintable(error));
        return 2;
    }
    WorkerOptions o = WorkerOptions::fromEnvironment();
    o.dataDir = QDir(parser.value(dataDir)).absolutePath();
    o.workerId = parser.isSet(workerId)
                     ? parser.value(workerId)
                     : QStringLiteral("%1-%2").arg(QHostInfo::localHostName()).arg(app.applicationPid());
    o.leaseMs = parser.value(leaseMs).toInt();
    o.pollMs = parser.value(pollMs).toInt();
    o.retry.backoffMs = parser.value(backoffMs).toInt();
    o.retry.maxAttempts = std::max(1, parser.value(maxAttempts).toInt());
    o.logStages = !parser.isSet(quiet);
    o.passwordCipher = PasswordCipher::load(
        parser.isSet(keyFile) ? parser.value(keyFile) : o.dataDir + QStringLiteral("/secret.key"), &error);
    if (!o.passwordCipher) {
        fprintf(stderr, "buildtrace-worker: %s\n", qPrintable(error));
        return 1;
    }

    Worker worker(*db, o);
    if (!worker.open(&error)) {
        fprintf(stderr, "buildtrace-worker: %s: %s\n", qPrintable(db->describe()), qPrintable(error));
        return 1;
    }
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    fprintf(stdout, "%s started\n", qPrintable(o.workerId));
    fflush(stdout);
    worker.run(g_stop);
    return 0;
}
