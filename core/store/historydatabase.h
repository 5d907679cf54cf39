#pragma once

#include <QMutex>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>

class QSqlDatabase;

namespace bt {

// How a command uses the history. Reading commands open it read-only: a write-protected file
// (or one on read-only media) can still be listed and shown.
enum class StoreAccess { ReadWrite, ReadOnly };

// Why JobStore::open refused the file.
enum class StoreProblem {
    None,
    CannotOpen,   // no such file to check, no folder, locked, ...
    Damaged,      // PRAGMA quick_check / integrity_check found damage
    ReadOnly,     // ReadWrite access to a file that cannot be written
    NeedsUpgrade, // ReadOnly access to an older schema: the upgrade needs write access
};

enum class IntegrityCheck { Quick, Full }; // PRAGMA quick_check (O(size)), integrity_check (+ indexes)

// The history's database: one SQLite file (WAL), its connections and its schema. Safe to use from
// several threads: every thread gets its own connection, opened on first use. Writes take the
// write lock up front (WriteTransaction) so concurrent writers wait on busy_timeout instead of
// failing mid-transaction. The repositories of what it holds build on it (JobStore, ReviewStore, SyncStore).
class HistoryDatabase {
public:
    static constexpr int kSchemaVersion = 7;

    // $BUILDTRACE_DB if set, else <AppDataLocation>/history.sqlite.
    static QString defaultPath();

    explicit HistoryDatabase(const QString &path);
    ~HistoryDatabase();
    HistoryDatabase(const HistoryDatabase &) = delete;
    HistoryDatabase &operator=(const HistoryDatabase &) = delete;

    // Checks the file (quick_check: a damaged history is never written to), creates the folder,
    // opens this thread's connection and migrates the schema. ReadOnly opens an existing file
    // without writing to it (a missing one is created as ReadWrite does); a ReadOnly history of
    // an older schema is upgraded when the file can be written. On failure `error` is one line
    // naming the file and the problem, and problem() tells which.
    bool open(QString *error = nullptr) { return open(StoreAccess::ReadWrite, error); }
    bool open(StoreAccess access, QString *error = nullptr);
    StoreProblem problem() const { return m_problem; }
    StoreAccess access() const { return m_access; }
    QString path() const { return m_path; }

    // Checks a history file on a read-only connection of its own (so it also runs on a file
    // open() refuses). None when healthy; else Damaged with SQLite's findings, or CannotOpen with
    // the reason, in `details`.
    static StoreProblem checkFile(const QString &path, IntegrityCheck depth, QStringList *details = nullptr);
    // "PATH: the history file is damaged (FINDING)", as open() says it.
    static QString damagedMessage(const QString &path, const QString &finding);
    // Renames a damaged history (and its -wal and -shm files) to PATH.damaged-YYYYMMDD-HHMMSS, so
    // a fresh one can start at PATH and nothing of the old one is lost. Returns the new name of
    // the file, empty on failure (error set).
    static QString moveAside(const QString &path, QString *error = nullptr);

    // A worker thread calls this before it ends, so its connection is not left behind.
    void closeThreadConnection();

    // <db dir>/artifacts/<jobId>, created on demand; empty for ids that are not a plain name.
    QString artifactDir(const QString &jobId) const;
    QString integrityCheck() const; // "ok" when healthy
    int schemaVersion() const;

protected:
    friend class HistoryRepository;
    QSqlDatabase db() const;
    // Runs body in a write transaction of this thread's connection: committed when it returns
    // true, rolled back (with its error) when it returns false.
    bool write(const std::function<bool(QSqlDatabase &, QString *)> &body, QString *error) const;

private:
    QString connectionName() const;
    bool migrate(QString *error);
    bool refuse(StoreProblem problem, const QString &message, QString *error);
    QString openError() const; // why this thread's connection cannot be opened, empty when it is

    QString m_path;
    StoreAccess m_access = StoreAccess::ReadWrite;
    StoreProblem m_problem = StoreProblem::None;
    int m_serial; // two stores on one file in one thread must not share a connection
    mutable QMutex m_mutex;
    mutable QSet<QString> m_connections; // every connection this store opened, any thread
};

} // namespace bt
