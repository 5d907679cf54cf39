#include "postgresfixture.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTcpServer>

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

namespace bt::test {

namespace {

bool isRoot() {
    return geteuid() == 0;
}

} // namespace

int freePort() {
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0)) return 0;
    return server.serverPort();
}

QString PostgresFixture::binDir() {
    const QString env = qEnvironmentVariable("BT_PG_BIN");
    return env.isEmpty() ? QStringLiteral("/usr/lib/postgresql/15/bin") : env;
}

bool PostgresFixture::available() {
    return QFileInfo(binDir() + QStringLiteral("/initdb")).isExecutable() &&
           QFileInfo(binDir() + QStringLiteral("/pg_ctl")).isExecutable() &&
           (!isRoot() || getpwnam("postgres") != nullptr);
}

PostgresFixture::PostgresFixture() = default;

PostgresFixture::~PostgresFixture() {
    if (m_running)
        run(binDir() + QStringLiteral("/pg_ctl"),
            {QStringLiteral("-D"), m_dataDir, QStringLiteral("-m"), QStringLiteral("immediate"),
             QStringLiteral("-w"), QStringLiteral("stop")},
            30000);
}

QString PostgresFixture::run(const QString &program, const QStringList &args, int timeoutMs) {
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    QStringList argv = args;
    QString exe = program;
    if (isRoot()) {
        argv = QStringList{QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"), program} +
               args;
        exe = QStringLiteral("runuser");
    }
    p.start(exe, argv);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return QStringLiteral("%1 timed out: %2").arg(program, QString::fromLocal8Bit(p.readAll()));
    }
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return QStringLiteral("%1 failed (%2): %3")
            .arg(program)
            .arg(p.exitCode())
            .arg(QString::fromLocal8Bit(p.readAll()).right(2000));
    return {};
}

QString PostgresFixture::start() {
    if (!available()) return QStringLiteral("PostgreSQL 15 is not installed (%1)").arg(binDir());
    m_dir = std::make_unique<QTemporaryDir>();
    if (!m_dir->isValid()) return QStringLiteral("no temporary folder");
    // The postgres user must reach its folder inside ours.
    chmod(QFile::encodeName(m_dir->path()).constData(), 0755);
    m_dataDir = m_dir->path() + QStringLiteral("/pgdata");
    if (mkdir(QFile::encodeName(m_dataDir).constData(), 0700) != 0)
        return QStringLiteral("cannot create pgdata");
    if (isRoot()) {
        const passwd *pw = getpwnam("postgres");
        if (!pw || chown(QFile::encodeName(m_dataDir).constData(), pw->pw_uid, pw->pw_gid) != 0)
            return QStringLiteral("cannot give pgdata to the postgres user");
    }
    QString e = run(binDir() + QStringLiteral("/initdb"),
                    {QStringLiteral("-D"), m_dataDir, QStringLiteral("-U"), QStringLiteral("bt"),
                     QStringLiteral("--auth=trust"), QStringLiteral("--no-sync"), QStringLiteral("-E"),
                     QStringLiteral("UTF8"), QStringLiteral("--no-locale")},
                    120000);
    if (!e.isEmpty()) return e;
    // A port can be taken between freePort() and the server binding it: try a few.
    for (int attempt = 0; attempt < 3; ++attempt) {
        m_port = freePort();
        e = run(binDir() + QStringLiteral("/pg_ctl"),
                {QStringLiteral("-D"), m_dataDir, QStringLiteral("-l"),
                 m_dataDir + QStringLiteral("/server.log"), QStringLiteral("-w"), QStringLiteral("-t"),
                 QStringLiteral("60"), QStringLiteral("-o"),
                 QStringLiteral("-p %1 -k %2 -c listen_addresses=127.0.0.1 -c fsync=off "
                                "-c synchronous_commit=off -c full_page_writes=off -c max_connections=50")
                     .arg(m_port)
                     .arg(m_dataDir),
                 QStringLiteral("start")},
                90000);
        if (e.isEmpty()) {
            m_running = true;
            return {};
        }
    }
    QFile log(m_dataDir + QStringLiteral("/server.log"));
    if (log.open(QIODevice::ReadOnly))
        e += QStringLiteral("\nlog: ") + QString::fromLocal8Bit(log.readAll().right(2000));
    return e;
}

QString PostgresFixture::url(const QString &database) const {
    return QStringLiteral("postgresql://bt@127.0.0.1:%1/%2").arg(m_port).arg(database);
}

QString PostgresFixture::createDatabase(const QString &name) {
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(binDir() + QStringLiteral("/createdb"),
            {QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"), QString::number(m_port),
             QStringLiteral("-U"), QStringLiteral("bt"), name});
    if (!p.waitForFinished(30000) || p.exitCode() != 0)
        return QStringLiteral("createdb %1: %2").arg(name, QString::fromLocal8Bit(p.readAll()));
    return {};
}

} // namespace bt::test
