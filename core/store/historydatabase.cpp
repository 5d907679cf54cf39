#include "historydatabase.h"

#include "i18n/enginetext.h"
#include "storesql.h"
#include "writetransaction.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutexLocker>
#include <QStandardPaths>
#include <QThread>
#include <QUrl>

#include <atomic>
#include <iterator>

namespace bt {

using namespace storesql;

namespace {

std::atomic<int> g_nextSerial{1};

const char *const kSchemaV1[] = {
    "CREATE TABLE IF NOT EXISTS jobs ("
    " id TEXT PRIMARY KEY, old_file TEXT, new_file TEXT, old_hash TEXT, new_hash TEXT,"
    " settings_json TEXT, status TEXT, total_pages INTEGER, created_at TEXT, finished_at TEXT)",
    "CREATE TABLE IF NOT EXISTS job_stages ("
    " job_id TEXT NOT NULL, page_number INTEGER NOT NULL, stage TEXT NOT NULL, status TEXT,"
    " attempts INTEGER DEFAULT 0, error TEXT, started_at TEXT, finished_at TEXT,"
    " PRIMARY KEY (job_id, page_number, stage))",
    "CREATE INDEX IF NOT EXISTS idx_job_stages_page ON job_stages (job_id, page_number)",
    "CREATE TABLE IF NOT EXISTS diff_results ("
    " job_id TEXT NOT NULL, page_number INTEGER NOT NULL, drawing_name TEXT, overlay_path TEXT,"
    " regions_json TEXT, alignment_json TEXT, page_json TEXT, PRIMARY KEY (job_id, page_number))",
    "CREATE INDEX IF NOT EXISTS idx_diff_results_page ON diff_results (job_id, page_number)",
    "CREATE TABLE IF NOT EXISTS summaries ("
    " job_id TEXT NOT NULL, page_number INTEGER NOT NULL, summary_text TEXT,"
    " PRIMARY KEY (job_id, page_number))",
    "CREATE TABLE IF NOT EXISTS dead_letters ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT, job_id TEXT, page_number INTEGER, stage TEXT, error TEXT,"
    " attempts INTEGER, created_at TEXT)",
};

// v2: the sheet pairs of a job (so a resumed job does not identify and match again), the job's
// mode and summary, and dead letters that a retry has dealt with.
const char *const kSchemaV2[] = {
    "CREATE TABLE IF NOT EXISTS job_pages ("
    " job_id TEXT NOT NULL, page_number INTEGER NOT NULL, page_json TEXT,"
    " PRIMARY KEY (job_id, page_number))",
    "ALTER TABLE jobs ADD COLUMN mode TEXT DEFAULT 'streaming'",
    "ALTER TABLE jobs ADD COLUMN summary_text TEXT",
    "ALTER TABLE dead_letters ADD COLUMN resolved_at TEXT",
    "CREATE INDEX IF NOT EXISTS idx_jobs_inputs ON jobs (old_hash, new_hash)",
};

// v3: the review of each change region, and areas of a drawing number left out of its diffs;
// sheets are looked up by drawing number for their earlier comparisons.
const char *const kSchemaV3[] = {
    "CREATE TABLE IF NOT EXISTS region_reviews ("
    " job_id TEXT NOT NULL, page_number INTEGER NOT NULL, region_number INTEGER NOT NULL,"
    " status TEXT NOT NULL, comment TEXT, reviewer TEXT, updated_at TEXT,"
    " PRIMARY KEY (job_id, page_number, region_number))",
    "CREATE TABLE IF NOT EXISTS ignore_regions ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT, drawing_number TEXT NOT NULL,"
    " x REAL NOT NULL, y REAL NOT NULL, w REAL NOT NULL, h REAL NOT NULL, created_by TEXT, created_at TEXT)",
    "CREATE INDEX IF NOT EXISTS idx_ignore_regions_number ON ignore_regions (drawing_number)",
    "CREATE INDEX IF NOT EXISTS idx_diff_results_drawing ON diff_results (drawing_name)",
};

// v4: jobs that ran on the job server (or came from it), and the operations waiting for it.
const char *const kSchemaV4[] = {
    "ALTER TABLE jobs ADD COLUMN origin TEXT DEFAULT 'local'",
    "ALTER TABLE jobs ADD COLUMN remote_server TEXT",
    "ALTER TABLE jobs ADD COLUMN remote_job_id TEXT",
    "CREATE INDEX IF NOT EXISTS idx_jobs_remote ON jobs (remote_server, remote_job_id)",
    "CREATE TABLE IF NOT EXISTS sync_operations ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, job_id TEXT, server TEXT,"
    " state_json TEXT, attempts INTEGER DEFAULT 0, next_attempt_at TEXT, last_error TEXT, created_at TEXT)",
};

// v5: a sheet summary rewritten by the optional AI provider records the model that wrote it and
// the deterministic summary it rewrote (both NULL for a deterministic summary).
const char *const kSchemaV5[] = {
    "ALTER TABLE summaries ADD COLUMN ai_model TEXT",
    "ALTER TABLE summaries ADD COLUMN deterministic_text TEXT",
};

// v6: projects. Every job belongs to one; ignore areas are kept per project and drawing number
// (an A-101 in every project); reviews carried over from another job of the project name it.
// Existing jobs and ignore areas go into the "Default project" (id 1, kDefaultProjectId).
const char *const kSchemaV6[] = {
    "CREATE TABLE IF NOT EXISTS projects ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, number TEXT, client TEXT, logo_path TEXT,"
    " created_at TEXT)",
    "CREATE UNIQUE INDEX IF NOT EXISTS idx_projects_name ON projects (name COLLATE NOCASE)",
    "INSERT OR IGNORE INTO projects (id, name, created_at)"
    " VALUES (1, 'Default project', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
    "ALTER TABLE jobs ADD COLUMN project_id INTEGER NOT NULL DEFAULT 1",
    "CREATE INDEX IF NOT EXISTS idx_jobs_project ON jobs (project_id)",
    "ALTER TABLE ignore_regions ADD COLUMN project_id INTEGER NOT NULL DEFAULT 1",
    "CREATE INDEX IF NOT EXISTS idx_ignore_regions_project ON ignore_regions (project_id, drawing_number)",
    "CREATE TABLE IF NOT EXISTS review_carries ("
    " job_id TEXT NOT NULL, page_number INTEGER NOT NULL, region_number INTEGER NOT NULL,"
    " from_job_id TEXT NOT NULL, from_page_number INTEGER NOT NULL, from_region_number INTEGER NOT NULL,"
    " PRIMARY KEY (job_id, page_number, region_number))",
};

// v7: every change of a review with its author and time (who set what, when; kept when a later
// change wins), the job server's number of each change sent or received, and per server how far
// the team's review changes have been read.
const char *const kSchemaV7[] = {
    "CREATE TABLE IF NOT EXISTS review_events ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT, job_id TEXT NOT NULL, page_number INTEGER NOT NULL,"
    " region_number INTEGER NOT NULL, status TEXT, comment TEXT, author TEXT NOT NULL,"
    " changed_at TEXT NOT NULL, change_id TEXT NOT NULL UNIQUE, server_seq INTEGER)",
    "CREATE INDEX IF NOT EXISTS idx_review_events_region ON review_events (job_id, page_number, "
    "region_number)",
    "CREATE TABLE IF NOT EXISTS review_cursors (server TEXT PRIMARY KEY, last_seq INTEGER NOT NULL)",
};

// v8: what users decided by hand about a job's sheets (paired, unpaired, aligned by points),
// applied again to later comparisons of the same files or drawing numbers.
const char *const kSchemaV8[] = {
    "CREATE TABLE IF NOT EXISTS manual_choices ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT, job_id TEXT NOT NULL, kind TEXT NOT NULL,"
    " old_page INTEGER, new_page INTEGER, old_number TEXT, new_number TEXT, points_json TEXT, created_at "
    "TEXT)",
    "CREATE INDEX IF NOT EXISTS idx_manual_choices_job ON manual_choices (job_id)",
};

// The steps from an older history to this version, in order: each runs when the file is older.
struct SchemaStep {
    int version;
    const char *const *begin;
    const char *const *end;
};
template <std::size_t N> constexpr SchemaStep step(int version, const char *const (&sqls)[N]) {
    return {version, sqls, sqls + N};
}
const SchemaStep kSchemaSteps[] = {step(1, kSchemaV1), step(2, kSchemaV2), step(3, kSchemaV3),
                                   step(4, kSchemaV4), step(5, kSchemaV5), step(6, kSchemaV6),
                                   step(7, kSchemaV7), step(8, kSchemaV8)};
static_assert(std::size(kSchemaSteps) == HistoryDatabase::kSchemaVersion, "a step per schema version");

// SQLite's primary result codes (QSqlError::nativeErrorCode; extended codes keep them in the low byte).
constexpr int kSqliteReadOnly = 8;
constexpr int kSqliteCorrupt = 11;
constexpr int kSqliteNotADb = 26;

int sqliteCode(const QSqlError &e) {
    return e.nativeErrorCode().toInt() & 0xff;
}

// Root may write any file, so the owner's write bit counts too: a 0444 history is read-only for
// everyone, as whoever protected it meant.
bool isWritableFile(const QString &path) {
    const QFileInfo info(path);
    return info.isWritable() && info.permissions().testFlag(QFileDevice::WriteOwner);
}

// A connection that cannot write. SQLite reads a WAL file through its -shm file, which a
// read-only connection must be able to create unless it exists; on read-only media (or in a
// folder we may not write) with no -wal file (nothing to replay) the file is read as immutable.
void setReadOnly(QSqlDatabase &d, const QString &path) {
    const QFileInfo info(path);
    const bool immutable =
        !QFileInfo(info.absolutePath()).isWritable() && !QFileInfo::exists(path + QStringLiteral("-wal"));
    if (immutable) {
        d.setDatabaseName(QUrl::fromLocalFile(info.absoluteFilePath()).toString(QUrl::FullyEncoded) +
                          QStringLiteral("?immutable=1"));
        d.setConnectOptions(
            QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000;QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI"));
    } else {
        d.setDatabaseName(path);
        d.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000;QSQLITE_OPEN_READONLY"));
    }
}

} // namespace

QString HistoryDatabase::defaultPath() {
    const QString env = qEnvironmentVariable("BUILDTRACE_DB");
    if (!env.isEmpty()) return env;
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/history.sqlite");
}

HistoryDatabase::HistoryDatabase(const QString &path)
    : m_path(QFileInfo(path).absoluteFilePath())
    , m_serial(g_nextSerial++) {}

HistoryDatabase::~HistoryDatabase() {
    QSet<QString> names;
    {
        QMutexLocker lock(&m_mutex);
        names = m_connections;
    }
    // Workers should have called closeThreadConnection(); whatever is left belongs to threads
    // that can no longer use this store, so it is closed here rather than leaked in Qt's registry.
    for (const QString &name : std::as_const(names)) {
        {
            QSqlDatabase d = QSqlDatabase::database(name, false);
            if (d.isValid()) d.close();
        }
        QSqlDatabase::removeDatabase(name);
    }
}

QString HistoryDatabase::connectionName() const {
    return QStringLiteral("bt-jobstore:%1:%2:%3")
        .arg(m_path)
        .arg(m_serial)
        .arg(quintptr(QThread::currentThreadId()));
}

QSqlDatabase HistoryDatabase::db() const {
    const QString name = connectionName();
    if (QSqlDatabase::contains(name)) {
        QSqlDatabase d = QSqlDatabase::database(name);
        if (d.isValid()) return d;
        // Thread ids are reused: a connection left by an ended thread cannot serve this one.
        d = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
    }
    QSqlDatabase d = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    const bool readOnly = m_access == StoreAccess::ReadOnly;
    if (readOnly) {
        setReadOnly(d, m_path);
    } else {
        d.setDatabaseName(m_path);
        d.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    }
    {
        QMutexLocker lock(&m_mutex);
        m_connections.insert(name);
    }
    if (!d.open()) return d;
    QString ignored;
    // busy_timeout before journal_mode: switching to WAL needs a lock another connection may hold.
    run(d, QStringLiteral("PRAGMA busy_timeout=10000"), &ignored);
    run(d, QStringLiteral("PRAGMA foreign_keys=ON"), &ignored);
    if (readOnly) return d; // the journal mode is the file's: setting it writes
    run(d, QStringLiteral("PRAGMA journal_mode=WAL"), &ignored);
    // In WAL mode NORMAL survives a killed process (a crash of the app) and only fsyncs at
    // checkpoints: a commit is not a disk flush, so writing a stage's result from the GUI
    // thread does not stall it for the disk.
    run(d, QStringLiteral("PRAGMA synchronous=NORMAL"), &ignored);
    return d;
}

void HistoryDatabase::closeThreadConnection() {
    const QString name = connectionName();
    {
        QMutexLocker lock(&m_mutex);
        if (!m_connections.remove(name)) return;
    }
    {
        QSqlDatabase d = QSqlDatabase::database(name, false);
        if (d.isValid()) d.close();
    }
    QSqlDatabase::removeDatabase(name);
}

bool HistoryDatabase::write(const std::function<bool(QSqlDatabase &, QString *)> &body,
                            QString *error) const {
    QSqlDatabase d = db();
    WriteTransaction t(d);
    if (!t.begin(error)) return false;
    QString bodyError;
    if (!body(d, &bodyError)) return fail(error, bodyError); // rolled back
    return t.commit(error);
}

bool HistoryDatabase::refuse(StoreProblem problem, const QString &message, QString *error) {
    m_problem = problem;
    closeThreadConnection();
    return fail(error, message);
}

bool HistoryDatabase::open(StoreAccess access, QString *error) {
    closeThreadConnection(); // a connection of an earlier open() may have another access
    m_problem = StoreProblem::None;
    auto cannotOpen = [this](const QString &why) {
        return EngineText::translate("bt::JobStore", "%1: cannot open the history (%2)").arg(m_path, why);
    };
    const bool exists = QFileInfo::exists(m_path);
    if (exists) {
        QStringList details;
        const StoreProblem problem = checkFile(m_path, IntegrityCheck::Quick, &details);
        if (problem == StoreProblem::Damaged)
            return refuse(problem, damagedMessage(m_path, details.value(0)), error);
        if (problem != StoreProblem::None) return refuse(problem, cannotOpen(details.value(0)), error);
    }
    const bool writable = !exists || isWritableFile(m_path);
    // A reading command on a history that does not exist yet creates it, as a writing one does.
    m_access = exists ? access : StoreAccess::ReadWrite;
    if (m_access == StoreAccess::ReadOnly) {
        if (const QString why = openError(); !why.isEmpty())
            return refuse(StoreProblem::CannotOpen, cannotOpen(why), error);
        const int version = schemaVersion();
        if (version >= kSchemaVersion) return true;
        if (!writable)
            return refuse(StoreProblem::NeedsUpgrade,
                          EngineText::translate("bt::JobStore",
                                                "%1: the history file is read-only and of an older version "
                                                "(%2, this version uses %3): upgrading it needs write access")
                              .arg(m_path)
                              .arg(version)
                              .arg(kSchemaVersion),
                          error);
        closeThreadConnection(); // upgraded below like any history that can be written
        m_access = StoreAccess::ReadWrite;
    }
    const QString readOnly =
        EngineText::translate("bt::JobStore", "%1: the history file is read-only").arg(m_path);
    if (!writable) return refuse(StoreProblem::ReadOnly, readOnly, error);
    if (!QDir().mkpath(QFileInfo(m_path).absolutePath()))
        return refuse(StoreProblem::CannotOpen,
                      cannotOpen(EngineText::translate("bt::JobStore", "cannot create its folder")), error);
    if (const QString why = openError(); !why.isEmpty())
        return refuse(StoreProblem::CannotOpen, cannotOpen(why), error);
    // The permission bits do not tell everything (read-only media, a folder where the -wal file
    // cannot be created): a write transaction that writes nothing does.
    QSqlError probe;
    {
        QSqlDatabase d = db();
        WriteTransaction(d).begin(&probe); // rolled back at once
    }
    if (probe.isValid())
        return sqliteCode(probe) == kSqliteReadOnly
                   ? refuse(StoreProblem::ReadOnly, readOnly, error)
                   : refuse(StoreProblem::CannotOpen, cannotOpen(probe.text()), error);
    QString e;
    if (!migrate(&e)) return refuse(StoreProblem::CannotOpen, cannotOpen(e), error);
    return true;
}

QString HistoryDatabase::openError() const {
    const QSqlDatabase d = db();
    return d.isOpen() ? QString() : d.lastError().text();
}

StoreProblem HistoryDatabase::checkFile(const QString &path, IntegrityCheck depth, QStringList *details) {
    StoreProblem problem = StoreProblem::None;
    QStringList found;
    const QString name = QStringLiteral("bt-jobstore-check:%1").arg(g_nextSerial++);
    if (const QFileInfo info(path); !info.isFile()) {
        problem = StoreProblem::CannotOpen;
        found << (info.exists() ? EngineText::translate("bt::JobStore", "not a file")
                                : EngineText::translate("bt::JobStore", "no such file"));
    } else {
        QSqlDatabase d = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        setReadOnly(d, path);
        if (!d.open()) {
            problem = StoreProblem::CannotOpen;
            found << d.lastError().text();
        } else {
            QSqlQuery q(d);
            q.setForwardOnly(true);
            if (q.exec(depth == IntegrityCheck::Quick ? QStringLiteral("PRAGMA quick_check")
                                                      : QStringLiteral("PRAGMA integrity_check"))) {
                while (q.next()) {
                    const QString line = q.value(0).toString();
                    if (line != QLatin1String("ok") && !line.startsWith(QLatin1String("*** in database")))
                        found << line;
                }
            }
            if (!found.isEmpty()) {
                problem = StoreProblem::Damaged;
            } else if (q.lastError().isValid()) { // a damaged header or schema stops the check itself
                const int code = sqliteCode(q.lastError());
                problem = code == kSqliteCorrupt || code == kSqliteNotADb ? StoreProblem::Damaged
                                                                          : StoreProblem::CannotOpen;
                found << q.lastError().databaseText();
            }
        }
        d.close();
    }
    QSqlDatabase::removeDatabase(name);
    if (details) *details = found;
    return problem;
}

QString HistoryDatabase::damagedMessage(const QString &path, const QString &finding) {
    return EngineText::translate("bt::JobStore", "%1: the history file is damaged (%2)").arg(path, finding);
}

QString HistoryDatabase::moveAside(const QString &path, QString *error) {
    if (!QFileInfo::exists(path)) {
        fail(error, EngineText::translate("bt::JobStore", "%1: no such file").arg(path));
        return {};
    }
    const QString stem = path + QStringLiteral(".damaged-") +
                         QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString target = stem;
    for (int n = 2; QFileInfo::exists(target); ++n)
        target = stem + QStringLiteral("-%1").arg(n);
    // The -wal and -shm files first: a fresh history must not find the old one's log beside it.
    QStringList moved;
    for (const QString &suffix : {QStringLiteral("-wal"), QStringLiteral("-shm"), QString()}) {
        if (!QFileInfo::exists(path + suffix)) continue;
        if (!QFile::rename(path + suffix, target + suffix)) {
            for (const QString &back : std::as_const(moved))
                QFile::rename(target + back, path + back);
            fail(error, EngineText::translate("bt::JobStore", "%1: cannot rename it to %2")
                            .arg(path + suffix, target + suffix));
            return {};
        }
        moved << suffix;
    }
    return target;
}

bool HistoryDatabase::migrate(QString *error) {
    if (schemaVersion() >= kSchemaVersion) return true;
    return write(
        [](QSqlDatabase &d, QString *err) {
            // Re-read under the write lock: another process may have migrated meanwhile.
            const int version = scalar(d, QStringLiteral("PRAGMA user_version")).toInt();
            for (const SchemaStep &step : kSchemaSteps)
                if (version < step.version)
                    for (const char *const *sql = step.begin; sql != step.end; ++sql)
                        if (!run(d, QString::fromLatin1(*sql), err)) return false;
            return run(d, QStringLiteral("PRAGMA user_version=%1").arg(kSchemaVersion), err);
        },
        error);
}

QString HistoryDatabase::artifactDir(const QString &jobId) const {
    if (!isPlainName(jobId)) return {};
    const QString dir = QFileInfo(m_path).absolutePath() + QStringLiteral("/artifacts/") + jobId;
    QDir().mkpath(dir);
    return dir;
}

QString HistoryDatabase::integrityCheck() const {
    QSqlQuery q(db());
    if (!q.exec(QStringLiteral("PRAGMA integrity_check"))) return q.lastError().text();
    QStringList lines;
    while (q.next())
        lines.append(q.value(0).toString());
    return lines.join(QLatin1Char('\n'));
}

int HistoryDatabase::schemaVersion() const {
    return scalar(db(), QStringLiteral("PRAGMA user_version")).toInt();
}

} // namespace bt
