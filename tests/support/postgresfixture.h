#pragma once

#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace bt::test {

// A throwaway PostgreSQL 15 server on loopback for tests: initdb into a temporary folder, then
// pg_ctl start on a free port with trust authentication for one user. PostgreSQL refuses to run
// as root: as root (CI) both run as the `postgres` system user (runuser), which owns the folder.
// Stopped (immediate) and removed by the destructor.
class PostgresFixture {
public:
    PostgresFixture();
    ~PostgresFixture();
    PostgresFixture(const PostgresFixture &) = delete;
    PostgresFixture &operator=(const PostgresFixture &) = delete;

    // Empty on success, else why (with the end of the server's log).
    QString start();
    bool isRunning() const { return m_running; }
    int port() const { return m_port; }
    // postgresql://bt@127.0.0.1:PORT/<database>; createDatabase() makes more than "postgres".
    QString url(const QString &database = QStringLiteral("postgres")) const;
    QString createDatabase(const QString &name); // empty on success

    static QString binDir(); // /usr/lib/postgresql/15/bin, or $BT_PG_BIN
    static bool available(); // initdb and pg_ctl are installed

private:
    QString run(const QString &program, const QStringList &args, int timeoutMs); // empty on success

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_dataDir;
    int m_port = 0;
    bool m_running = false;
};

// A TCP port nobody listens on at the moment.
int freePort();

} // namespace bt::test
