#include "jobstore.h"

#include "i18n/enginetext.h"
#include "writetransaction.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutexLocker>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QThread>
#include <QUrl>
#include <QVariant>

#include <atomic>

namespace bt {

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

QString nowText() {
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}
QVariant timeValue(const QDateTime &t) {
    return t.isValid() ? QVariant(t.toUTC().toString(Qt::ISODateWithMs)) : QVariant(QString());
}
QDateTime timeFrom(const QVariant &v) {
    const QString s = v.toString();
    if (s.isEmpty()) return {};
    QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
    t.setTimeSpec(Qt::UTC);
    return t;
}
QString compact(const QJsonValue &v) {
    if (v.isObject()) return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    if (v.isArray()) return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    return {};
}

bool fail(QString *error, const QString &message) {
    if (error) *error = message;
    return false;
}
bool run(QSqlQuery &q, QString *error) {
    if (q.exec()) return true;
    return fail(error, q.lastError().text());
}
bool run(QSqlDatabase &db, const QString &sql, QString *error) {
    QSqlQuery q(db);
    if (q.exec(sql)) return true;
    return fail(error, QStringLiteral("%1: %2").arg(sql, q.lastError().text()));
}

QVariant scalar(const QSqlDatabase &db, const QString &sql) {
    QSqlQuery q(db);
    if (!q.exec(sql) || !q.next()) return {};
    return q.value(0);
}

JobRecord jobFrom(const QSqlQuery &q) {
    JobRecord j;
    j.id = q.value(0).toString();
    j.oldFile = q.value(1).toString();
    j.newFile = q.value(2).toString();
    j.oldHash = q.value(3).toString();
    j.newHash = q.value(4).toString();
    j.settings = QJsonDocument::fromJson(q.value(5).toString().toUtf8()).object();
    // A status this version does not know reads as one that never got going.
    j.status = jobStatusFromName(q.value(6).toString()).value_or(JobStatus::Pending);
    j.totalPages = q.value(7).toInt();
    j.createdAt = timeFrom(q.value(8));
    j.finishedAt = timeFrom(q.value(9));
    j.mode = q.value(10).toString();
    j.summaryText = q.value(11).toString();
    j.origin = jobOriginFromName(q.value(12).toString());
    j.remoteServer = q.value(13).toString();
    j.remoteJobId = q.value(14).toString();
    return j;
}

const char kJobColumns[] = "SELECT id, old_file, new_file, old_hash, new_hash, settings_json, status, "
                           "total_pages, created_at, finished_at, mode, summary_text, origin, remote_server, "
                           "remote_job_id FROM jobs";

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

// A job id becomes a folder name: only plain names, never a path.
bool isPlainName(const QString &id) {
    return !id.isEmpty() && id != QLatin1String(".") && id != QLatin1String("..") &&
           !id.contains(QLatin1Char('/')) && !id.contains(QLatin1Char('\\'));
}

} // namespace

QString JobStore::defaultPath() {
    const QString env = qEnvironmentVariable("BUILDTRACE_DB");
    if (!env.isEmpty()) return env;
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/history.sqlite");
}

JobStore::JobStore(const QString &path)
    : m_path(QFileInfo(path).absoluteFilePath())
    , m_serial(g_nextSerial++) {}

JobStore::~JobStore() {
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

QString JobStore::connectionName() const {
    return QStringLiteral("bt-jobstore:%1:%2:%3")
        .arg(m_path)
        .arg(m_serial)
        .arg(quintptr(QThread::currentThreadId()));
}

QSqlDatabase JobStore::db() const {
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

void JobStore::closeThreadConnection() {
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

bool JobStore::write(const std::function<bool(QSqlDatabase &, QString *)> &body, QString *error) const {
    QSqlDatabase d = db();
    WriteTransaction t(d);
    if (!t.begin(error)) return false;
    QString bodyError;
    if (!body(d, &bodyError)) return fail(error, bodyError); // rolled back
    return t.commit(error);
}

bool JobStore::refuse(StoreProblem problem, const QString &message, QString *error) {
    m_problem = problem;
    closeThreadConnection();
    return fail(error, message);
}

bool JobStore::open(StoreAccess access, QString *error) {
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
        QSqlQuery q(db());
        if (!q.exec(QStringLiteral("BEGIN IMMEDIATE")))
            probe = q.lastError();
        else
            q.exec(QStringLiteral("ROLLBACK"));
    }
    if (probe.isValid())
        return sqliteCode(probe) == kSqliteReadOnly
                   ? refuse(StoreProblem::ReadOnly, readOnly, error)
                   : refuse(StoreProblem::CannotOpen, cannotOpen(probe.text()), error);
    QString e;
    if (!migrate(&e)) return refuse(StoreProblem::CannotOpen, cannotOpen(e), error);
    return true;
}

QString JobStore::openError() const {
    const QSqlDatabase d = db();
    return d.isOpen() ? QString() : d.lastError().text();
}

StoreProblem JobStore::checkFile(const QString &path, IntegrityCheck depth, QStringList *details) {
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

QString JobStore::damagedMessage(const QString &path, const QString &finding) {
    return EngineText::translate("bt::JobStore", "%1: the history file is damaged (%2)").arg(path, finding);
}

QString JobStore::moveAside(const QString &path, QString *error) {
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

bool JobStore::migrate(QString *error) {
    if (schemaVersion() >= kSchemaVersion) return true;
    return write(
        [](QSqlDatabase &d, QString *err) {
            // Re-read under the write lock: another process may have migrated meanwhile.
            const int version = scalar(d, QStringLiteral("PRAGMA user_version")).toInt();
            if (version < 1) {
                for (const char *sql : kSchemaV1)
                    if (!run(d, QString::fromLatin1(sql), err)) return false;
            }
            if (version < 2) {
                for (const char *sql : kSchemaV2)
                    if (!run(d, QString::fromLatin1(sql), err)) return false;
            }
            if (version < 3) {
                for (const char *sql : kSchemaV3)
                    if (!run(d, QString::fromLatin1(sql), err)) return false;
            }
            if (version < 4) {
                for (const char *sql : kSchemaV4)
                    if (!run(d, QString::fromLatin1(sql), err)) return false;
            }
            if (version < 5) {
                for (const char *sql : kSchemaV5)
                    if (!run(d, QString::fromLatin1(sql), err)) return false;
            }
            return run(d, QStringLiteral("PRAGMA user_version=%1").arg(kSchemaVersion), err);
        },
        error);
}

bool JobStore::createJob(const JobRecord &job, QString *error) {
    return write(
        [&job](QSqlDatabase &d, QString *err) {
            QSqlQuery q(d);
            q.prepare(QStringLiteral(
                "INSERT INTO jobs (id, old_file, new_file, old_hash, new_hash, settings_json, status,"
                " total_pages, created_at, finished_at, mode, summary_text, origin, remote_server, "
                "remote_job_id)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
            q.addBindValue(job.id);
            q.addBindValue(job.oldFile);
            q.addBindValue(job.newFile);
            q.addBindValue(job.oldHash);
            q.addBindValue(job.newHash);
            q.addBindValue(compact(job.settings));
            q.addBindValue(jobStatusName(job.status));
            q.addBindValue(job.totalPages);
            q.addBindValue(job.createdAt.isValid() ? timeValue(job.createdAt) : QVariant(nowText()));
            q.addBindValue(timeValue(job.finishedAt));
            q.addBindValue(job.mode);
            q.addBindValue(job.summaryText);
            q.addBindValue(jobOriginName(job.origin));
            q.addBindValue(job.remoteServer);
            q.addBindValue(job.remoteJobId);
            return run(q, err);
        },
        error);
}

bool JobStore::setJobStatus(const QString &id, JobStatus status, QString *error) {
    return write(
        [&](QSqlDatabase &d, QString *err) {
            QSqlQuery q(d);
            q.prepare(QStringLiteral("UPDATE jobs SET status = ?, finished_at = ? WHERE id = ?"));
            q.addBindValue(jobStatusName(status));
            q.addBindValue(isFinished(status) ? nowText() : QString());
            q.addBindValue(id);
            if (!run(q, err)) return false;
            return q.numRowsAffected() == 1 || fail(err, QStringLiteral("no job %1").arg(id));
        },
        error);
}

bool JobStore::setStage(const QString &jobId, int page, Stage stage, StageStatus status,
                        const QString &stageError, int attempts, QString *error) {
    return write(
        [&](QSqlDatabase &d, QString *err) {
            const QString now = nowText();
            const bool started = status != StageStatus::Pending;
            QSqlQuery q(d);
            // started_at keeps the first start; finished_at follows the latest terminal status.
            q.prepare(QStringLiteral(
                "INSERT INTO job_stages (job_id, page_number, stage, status, attempts, error, started_at,"
                " finished_at) VALUES (:job, :page, :stage, :status, :attempts, :error, :started, :finished)"
                " ON CONFLICT (job_id, page_number, stage) DO UPDATE SET status = excluded.status,"
                " attempts = excluded.attempts, error = excluded.error,"
                " started_at = COALESCE(NULLIF(job_stages.started_at, ''), excluded.started_at),"
                " finished_at = excluded.finished_at"));
            q.bindValue(QStringLiteral(":job"), jobId);
            q.bindValue(QStringLiteral(":page"), page);
            q.bindValue(QStringLiteral(":stage"), stageName(stage));
            q.bindValue(QStringLiteral(":status"), stageStatusName(status));
            q.bindValue(QStringLiteral(":attempts"), attempts);
            q.bindValue(QStringLiteral(":error"), stageError);
            q.bindValue(QStringLiteral(":started"), started ? now : QString());
            q.bindValue(QStringLiteral(":finished"), isFinished(status) ? now : QString());
            return run(q, err);
        },
        error);
}

bool JobStore::saveDiffResult(const QString &jobId, int page, const QString &drawingName,
                              const QString &overlayPath, const QJsonObject &pageJson, QString *error) {
    const QJsonObject diff = pageJson.value(QStringLiteral("diff_result")).toObject();
    const QString regions = compact(diff.value(QStringLiteral("regions")));
    const QString alignment = compact(diff.value(QStringLiteral("alignment")));
    const QString full = compact(pageJson);
    return write(
        [&](QSqlDatabase &d, QString *err) {
            QSqlQuery q(d);
            q.prepare(QStringLiteral(
                "INSERT OR REPLACE INTO diff_results (job_id, page_number, drawing_name, overlay_path,"
                " regions_json, alignment_json, page_json) VALUES (?, ?, ?, ?, ?, ?, ?)"));
            q.addBindValue(jobId);
            q.addBindValue(page);
            q.addBindValue(drawingName);
            q.addBindValue(overlayPath);
            q.addBindValue(regions);
            q.addBindValue(alignment);
            q.addBindValue(full);
            return run(q, err);
        },
        error);
}

bool JobStore::saveSummary(const QString &jobId, int page, const QString &summaryText, QString *error) {
    return saveSummary(jobId, page, SummaryRecord{summaryText, QString(), QString()}, error);
}

bool JobStore::saveSummary(const QString &jobId, int page, const SummaryRecord &summary, QString *error) {
    auto orNull = [](const QString &s) { return s.isEmpty() ? QVariant() : QVariant(s); };
    return write(
        [&](QSqlDatabase &d, QString *err) {
            QSqlQuery q(d);
            q.prepare(QStringLiteral("INSERT OR REPLACE INTO summaries (job_id, page_number, summary_text,"
                                     " ai_model, deterministic_text) VALUES (?, ?, ?, ?, ?)"));
            q.addBindValue(jobId);
            q.addBindValue(page);
            q.addBindValue(summary.text);
            q.addBindValue(orNull(summary.aiModel));
            q.addBindValue(orNull(summary.aiModel.isEmpty() ? QString() : summary.deterministicText));
            return run(q, err);
        },
        error);
}

bool JobStore::setJobPages(const QString &jobId, const QVector<QJsonObject> &pages, QString *error) {
    return write(
        [&](QSqlDatabase &d, QString *err) {
            QSqlQuery del(d);
            del.prepare(QStringLiteral("DELETE FROM job_pages WHERE job_id = ?"));
            del.addBindValue(jobId);
            if (!run(del, err)) return false;
            for (int i = 0; i < pages.size(); ++i) {
                QSqlQuery q(d);
                q.prepare(QStringLiteral(
                    "INSERT INTO job_pages (job_id, page_number, page_json) VALUES (?, ?, ?)"));
                q.addBindValue(jobId);
                q.addBindValue(i + 1);
                q.addBindValue(compact(pages[i]));
                if (!run(q, err)) return false;
            }
            QSqlQuery q(d);
            q.prepare(QStringLiteral("UPDATE jobs SET total_pages = ? WHERE id = ?"));
            q.addBindValue(int(pages.size()));
            q.addBindValue(jobId);
            return run(q, err);
        },
        error);
}

bool JobStore::setJobSummary(const QString &jobId, const QString &summaryText, QString *error) {
    return write(
        [&](QSqlDatabase &d, QString *err) {
            QSqlQuery q(d);
            q.prepare(QStringLiteral("UPDATE jobs SET summary_text = ? WHERE id = ?"));
            q.addBindValue(summaryText);
            q.addBindValue(jobId);
            return run(q, err);
        },
        error);
}

int JobStore::resetFailedStages(const QString &jobId, int page, QString *error) {
    int reset = 0;
    const bool ok = write(
        [&](QSqlDatabase &d, QString *err) {
            const QString pageFilter = page > 0 ? QStringLiteral(" AND page_number = ?") : QString();
            QSqlQuery q(d);
            q.prepare(QStringLiteral("UPDATE job_stages SET status = 'pending', attempts = 0, error = '',"
                                     " finished_at = '' WHERE job_id = ? AND status = 'failed'") +
                      pageFilter);
            q.addBindValue(jobId);
            if (page > 0) q.addBindValue(page);
            if (!run(q, err)) return false;
            reset = q.numRowsAffected();
            QSqlQuery letters(d);
            letters.prepare(QStringLiteral("UPDATE dead_letters SET resolved_at = ? WHERE job_id = ?"
                                           " AND resolved_at IS NULL") +
                            pageFilter);
            letters.addBindValue(nowText());
            letters.addBindValue(jobId);
            if (page > 0) letters.addBindValue(page);
            return run(letters, err);
        },
        error);
    return ok ? reset : -1;
}

int JobStore::resetStages(const QString &jobId, int page, const QVector<Stage> &stages, QString *error) {
    int reset = 0;
    const bool ok = write(
        [&](QSqlDatabase &d, QString *err) {
            for (const Stage stage : stages) {
                QSqlQuery q(d);
                q.prepare(
                    QStringLiteral("UPDATE job_stages SET status = 'pending', attempts = 0, error = '',"
                                   " finished_at = '' WHERE job_id = ? AND page_number = ? AND stage = ?"));
                q.addBindValue(jobId);
                q.addBindValue(page);
                q.addBindValue(stageName(stage));
                if (!run(q, err)) return false;
                reset += q.numRowsAffected();
            }
            return true;
        },
        error);
    return ok ? reset : -1;
}

bool JobStore::addDeadLetter(const QString &jobId, int page, Stage stage, const QString &stageError,
                             int attempts, QString *error) {
    return write(
        [&](QSqlDatabase &d, QString *err) {
            QSqlQuery q(d);
            q.prepare(QStringLiteral("INSERT INTO dead_letters (job_id, page_number, stage, error, attempts,"
                                     " created_at) VALUES (?, ?, ?, ?, ?, ?)"));
            q.addBindValue(jobId);
            q.addBindValue(page);
            q.addBindValue(stageName(stage));
            q.addBindValue(stageError);
            q.addBindValue(attempts);
            q.addBindValue(nowText());
            return run(q, err);
        },
        error);
}

bool JobStore::deleteJob(const QString &id, QString *error) {
    const bool ok = write(
        [&id](QSqlDatabase &d, QString *err) {
            for (const char *table : {"job_stages", "job_pages", "diff_results", "summaries", "dead_letters",
                                      "region_reviews", "sync_operations", "jobs"}) {
                QSqlQuery q(d);
                q.prepare(QStringLiteral("DELETE FROM %1 WHERE %2 = ?")
                              .arg(QLatin1String(table),
                                   QLatin1String(qstrcmp(table, "jobs") == 0 ? "id" : "job_id")));
                q.addBindValue(id);
                if (!run(q, err)) return false;
            }
            return true;
        },
        error);
    if (!ok) return false;
    if (isPlainName(id)) {
        QDir dir(QFileInfo(m_path).absolutePath() + QStringLiteral("/artifacts/") + id);
        if (dir.exists() && !dir.removeRecursively())
            return fail(error, QStringLiteral("cannot remove %1").arg(dir.path()));
    }
    return true;
}

std::optional<JobRecord> JobStore::job(const QString &id) const {
    QSqlQuery q(db());
    q.prepare(QString::fromLatin1(kJobColumns) + QStringLiteral(" WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec() || !q.next()) return std::nullopt;
    return jobFrom(q);
}

QVector<JobRecord> JobStore::jobs() const {
    QVector<JobRecord> out;
    QSqlQuery q(db());
    if (!q.exec(QString::fromLatin1(kJobColumns) + QStringLiteral(" ORDER BY created_at DESC, rowid DESC")))
        return out;
    while (q.next())
        out.append(jobFrom(q));
    return out;
}

QVector<StageRecord> JobStore::stages(const QString &jobId) const {
    QVector<StageRecord> out;
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT job_id, page_number, stage, status, attempts, error, started_at,"
                             " finished_at FROM job_stages WHERE job_id = ? ORDER BY page_number, stage"));
    q.addBindValue(jobId);
    if (!q.exec()) return out;
    while (q.next()) {
        StageRecord s;
        s.jobId = q.value(0).toString();
        s.pageNumber = q.value(1).toInt();
        const std::optional<Stage> stage = stageFromName(q.value(2).toString());
        if (!stage || *stage == Stage::Match) continue; // not a stage of this history's pages
        s.stage = *stage;
        s.status = stageStatusFromName(q.value(3).toString());
        s.attempts = q.value(4).toInt();
        s.error = q.value(5).toString();
        s.startedAt = timeFrom(q.value(6));
        s.finishedAt = timeFrom(q.value(7));
        out.append(s);
    }
    return out;
}

std::optional<QJsonObject> JobStore::diffResult(const QString &jobId, int page) const {
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT page_json FROM diff_results WHERE job_id = ? AND page_number = ?"));
    q.addBindValue(jobId);
    q.addBindValue(page);
    if (!q.exec() || !q.next()) return std::nullopt;
    return QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
}

std::optional<QString> JobStore::summary(const QString &jobId, int page) const {
    const std::optional<SummaryRecord> record = summaryRecord(jobId, page);
    return record ? std::optional<QString>(record->text) : std::nullopt;
}

std::optional<SummaryRecord> JobStore::summaryRecord(const QString &jobId, int page) const {
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT summary_text, ai_model, deterministic_text FROM summaries"
                             " WHERE job_id = ? AND page_number = ?"));
    q.addBindValue(jobId);
    q.addBindValue(page);
    if (!q.exec() || !q.next()) return std::nullopt;
    return SummaryRecord{q.value(0).toString(), q.value(1).toString(), q.value(2).toString()};
}

std::optional<QVector<QJsonObject>> JobStore::jobPages(const QString &jobId) const {
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT page_json FROM job_pages WHERE job_id = ? ORDER BY page_number"));
    q.addBindValue(jobId);
    if (!q.exec()) return std::nullopt;
    QVector<QJsonObject> out;
    while (q.next())
        out.append(QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object());
    if (out.isEmpty()) return std::nullopt;
    return out;
}

std::optional<JobRecord> JobStore::findJob(const QString &oldHash, const QString &newHash,
                                           const QJsonObject &settings) const {
    QSqlQuery q(db());
    q.prepare(QString::fromLatin1(kJobColumns) +
              QStringLiteral(" WHERE old_hash = ? AND new_hash = ? AND settings_json = ?"
                             " AND COALESCE(origin, 'local') = 'local'"
                             " ORDER BY created_at DESC, rowid DESC LIMIT 1"));
    q.addBindValue(oldHash);
    q.addBindValue(newHash);
    q.addBindValue(compact(settings));
    if (!q.exec() || !q.next()) return std::nullopt;
    return jobFrom(q);
}

QVector<DeadLetter> JobStore::deadLetters(bool includeResolved) const {
    QVector<DeadLetter> out;
    QSqlQuery q(db());
    if (!q.exec(QStringLiteral("SELECT id, job_id, page_number, stage, error, attempts, created_at,"
                               " resolved_at FROM dead_letters%1 ORDER BY id")
                    .arg(includeResolved ? QString() : QStringLiteral(" WHERE resolved_at IS NULL"))))
        return out;
    while (q.next()) {
        DeadLetter l;
        l.id = q.value(0).toLongLong();
        l.jobId = q.value(1).toString();
        l.pageNumber = q.value(2).toInt();
        const std::optional<Stage> stage = stageFromName(q.value(3).toString());
        if (!stage) continue;
        l.stage = *stage;
        l.error = q.value(4).toString();
        l.attempts = q.value(5).toInt();
        l.createdAt = timeFrom(q.value(6));
        l.resolvedAt = timeFrom(q.value(7));
        out.append(l);
    }
    return out;
}

bool JobStore::setRemote(const QString &jobId, std::optional<JobOrigin> origin, const QString &server,
                         const QString &remoteJobId, QString *error) {
    return write(
        [&](QSqlDatabase &d, QString *err) {
            QSqlQuery q(d);
            q.prepare(QStringLiteral("UPDATE jobs SET origin = COALESCE(NULLIF(?, ''), origin),"
                                     " remote_server = ?, remote_job_id = ? WHERE id = ?"));
            q.addBindValue(origin ? jobOriginName(*origin) : QString());
            q.addBindValue(server);
            q.addBindValue(remoteJobId);
            q.addBindValue(jobId);
            if (!run(q, err)) return false;
            return q.numRowsAffected() == 1 || fail(err, QStringLiteral("no job %1").arg(jobId));
        },
        error);
}

std::optional<JobRecord> JobStore::jobByRemoteId(const QString &server, const QString &remoteJobId) const {
    if (remoteJobId.isEmpty()) return std::nullopt;
    QSqlQuery q(db());
    q.prepare(QString::fromLatin1(kJobColumns) +
              QStringLiteral(" WHERE remote_server = ? AND remote_job_id = ?"
                             " ORDER BY created_at DESC, rowid DESC LIMIT 1"));
    q.addBindValue(server);
    q.addBindValue(remoteJobId);
    if (!q.exec() || !q.next()) return std::nullopt;
    return jobFrom(q);
}

qint64 JobStore::addSyncOperation(const SyncOperation &op, QString *error) {
    qint64 id = 0;
    write(
        [&](QSqlDatabase &d, QString *err) {
            QSqlQuery q(d);
            q.prepare(
                QStringLiteral("INSERT INTO sync_operations (kind, job_id, server, state_json, attempts,"
                               " next_attempt_at, last_error, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
            q.addBindValue(syncKindName(op.kind));
            q.addBindValue(op.jobId);
            q.addBindValue(op.server);
            q.addBindValue(compact(op.state));
            q.addBindValue(op.attempts);
            q.addBindValue(timeValue(op.nextAttemptAt));
            q.addBindValue(op.lastError);
            q.addBindValue(nowText());
            if (!run(q, err)) return false;
            id = q.lastInsertId().toLongLong();
            return true;
        },
        error);
    return id;
}

bool JobStore::updateSyncOperation(const SyncOperation &op, QString *error) {
    return write(
        [&](QSqlDatabase &d, QString *err) {
            QSqlQuery q(d);
            q.prepare(QStringLiteral("UPDATE sync_operations SET state_json = ?, attempts = ?,"
                                     " next_attempt_at = ?, last_error = ? WHERE id = ?"));
            q.addBindValue(compact(op.state));
            q.addBindValue(op.attempts);
            q.addBindValue(timeValue(op.nextAttemptAt));
            q.addBindValue(op.lastError);
            q.addBindValue(op.id);
            return run(q, err);
        },
        error);
}

bool JobStore::removeSyncOperation(qint64 id, QString *error) {
    return write(
        [&](QSqlDatabase &d, QString *err) {
            QSqlQuery q(d);
            q.prepare(QStringLiteral("DELETE FROM sync_operations WHERE id = ?"));
            q.addBindValue(id);
            return run(q, err);
        },
        error);
}

QVector<SyncOperation> JobStore::syncOperations() const {
    QVector<SyncOperation> out;
    QSqlQuery q(db());
    if (!q.exec(QStringLiteral("SELECT id, kind, job_id, server, state_json, attempts, next_attempt_at,"
                               " last_error, created_at FROM sync_operations ORDER BY id")))
        return out;
    while (q.next()) {
        SyncOperation op;
        op.id = q.value(0).toLongLong();
        const std::optional<SyncKind> kind = syncKindFromName(q.value(1).toString());
        if (!kind) continue; // written by a newer version: not ours to send
        op.kind = *kind;
        op.jobId = q.value(2).toString();
        op.server = q.value(3).toString();
        op.state = QJsonDocument::fromJson(q.value(4).toString().toUtf8()).object();
        op.attempts = q.value(5).toInt();
        op.nextAttemptAt = timeFrom(q.value(6));
        op.lastError = q.value(7).toString();
        op.createdAt = timeFrom(q.value(8));
        out.append(op);
    }
    return out;
}

bool JobStore::setReview(const RegionReview &review, QString *error) {
    return write(
        [&](QSqlDatabase &d, QString *err) {
            QSqlQuery q(d);
            q.prepare(QStringLiteral(
                "INSERT OR REPLACE INTO region_reviews (job_id, page_number, region_number, status, comment,"
                " reviewer, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
            q.addBindValue(review.jobId);
            q.addBindValue(review.pageNumber);
            q.addBindValue(review.regionNumber);
            q.addBindValue(reviewStatusName(review.status));
            q.addBindValue(review.comment);
            q.addBindValue(review.reviewer.isEmpty() ? reviewerName() : review.reviewer);
            q.addBindValue(review.updatedAt.isValid() ? timeValue(review.updatedAt) : QVariant(nowText()));
            return run(q, err);
        },
        error);
}

QVector<RegionReview> JobStore::reviews(const QString &jobId, int page) const {
    QVector<RegionReview> out;
    QSqlQuery q(db());
    q.prepare(
        QStringLiteral("SELECT job_id, page_number, region_number, status, comment, reviewer, updated_at"
                       " FROM region_reviews WHERE job_id = ?%1 ORDER BY page_number, region_number")
            .arg(page > 0 ? QStringLiteral(" AND page_number = ?") : QString()));
    q.addBindValue(jobId);
    if (page > 0) q.addBindValue(page);
    if (!q.exec()) return out;
    while (q.next()) {
        RegionReview r;
        r.jobId = q.value(0).toString();
        r.pageNumber = q.value(1).toInt();
        r.regionNumber = q.value(2).toInt();
        r.status = reviewStatusFromName(q.value(3).toString()).value_or(ReviewStatus::Open);
        r.comment = q.value(4).toString();
        r.reviewer = q.value(5).toString();
        r.updatedAt = timeFrom(q.value(6));
        out.append(r);
    }
    return out;
}

bool JobStore::remapReviews(const QString &jobId, int page, const QHash<int, int> &oldToNew, QString *error) {
    const QVector<RegionReview> before = reviews(jobId, page);
    return write(
        [&](QSqlDatabase &d, QString *err) {
            QSqlQuery del(d);
            del.prepare(QStringLiteral("DELETE FROM region_reviews WHERE job_id = ? AND page_number = ?"));
            del.addBindValue(jobId);
            del.addBindValue(page);
            if (!run(del, err)) return false;
            for (const RegionReview &r : before) {
                if (!oldToNew.contains(r.regionNumber)) continue;
                QSqlQuery q(d);
                q.prepare(QStringLiteral(
                    "INSERT OR REPLACE INTO region_reviews (job_id, page_number, region_number, status,"
                    " comment, reviewer, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
                q.addBindValue(jobId);
                q.addBindValue(page);
                q.addBindValue(oldToNew.value(r.regionNumber));
                q.addBindValue(reviewStatusName(r.status));
                q.addBindValue(r.comment);
                q.addBindValue(r.reviewer);
                q.addBindValue(timeValue(r.updatedAt));
                if (!run(q, err)) return false;
            }
            return true;
        },
        error);
}

qint64 JobStore::addIgnoreRegion(const QString &drawingNumber, const QRectF &rectPt, QString *error) {
    qint64 id = 0;
    const QRectF r = rectPt.normalized();
    if (drawingNumber.trimmed().isEmpty() || r.isEmpty()) {
        fail(error, QStringLiteral("an ignore region needs a drawing number and a non-empty rectangle"));
        return 0;
    }
    const bool ok = write(
        [&](QSqlDatabase &d, QString *err) {
            QSqlQuery q(d);
            q.prepare(QStringLiteral("INSERT INTO ignore_regions (drawing_number, x, y, w, h, created_by,"
                                     " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
            q.addBindValue(drawingNumber.trimmed());
            q.addBindValue(r.x());
            q.addBindValue(r.y());
            q.addBindValue(r.width());
            q.addBindValue(r.height());
            q.addBindValue(reviewerName());
            q.addBindValue(nowText());
            if (!run(q, err)) return false;
            id = q.lastInsertId().toLongLong();
            return true;
        },
        error);
    return ok ? id : 0;
}

bool JobStore::removeIgnoreRegion(qint64 id, QString *error) {
    return write(
        [&](QSqlDatabase &d, QString *err) {
            QSqlQuery q(d);
            q.prepare(QStringLiteral("DELETE FROM ignore_regions WHERE id = ?"));
            q.addBindValue(id);
            if (!run(q, err)) return false;
            return q.numRowsAffected() == 1 || fail(err, QStringLiteral("no ignore region %1").arg(id));
        },
        error);
}

QVector<IgnoreRegion> JobStore::ignoreRegions(const QString &drawingNumber) const {
    QVector<IgnoreRegion> out;
    QSqlQuery q(db());
    q.prepare(
        QStringLiteral("SELECT id, drawing_number, x, y, w, h, created_by, created_at FROM ignore_regions%1"
                       " ORDER BY id")
            .arg(drawingNumber.isEmpty() ? QString() : QStringLiteral(" WHERE drawing_number = ?")));
    if (!drawingNumber.isEmpty()) q.addBindValue(drawingNumber.trimmed());
    if (!q.exec()) return out;
    while (q.next()) {
        IgnoreRegion r;
        r.id = q.value(0).toLongLong();
        r.drawingNumber = q.value(1).toString();
        r.rectPt = QRectF(q.value(2).toDouble(), q.value(3).toDouble(), q.value(4).toDouble(),
                          q.value(5).toDouble());
        r.createdBy = q.value(6).toString();
        r.createdAt = timeFrom(q.value(7));
        out.append(r);
    }
    return out;
}

QVector<SheetHistoryEntry> JobStore::sheetHistory(const QString &drawingNumber) const {
    QVector<SheetHistoryEntry> out;
    if (drawingNumber.trimmed().isEmpty()) return out;
    QSqlQuery q(db());
    q.prepare(QStringLiteral(
        "SELECT d.job_id, d.page_number, d.drawing_name, j.old_file, j.new_file, j.status, j.created_at,"
        " d.regions_json FROM diff_results d JOIN jobs j ON j.id = d.job_id WHERE d.drawing_name = ?"
        " ORDER BY j.created_at DESC, j.rowid DESC, d.page_number"));
    q.addBindValue(drawingNumber.trimmed());
    if (!q.exec()) return out;
    while (q.next()) {
        SheetHistoryEntry e;
        e.jobId = q.value(0).toString();
        e.pageNumber = q.value(1).toInt();
        e.drawingNumber = q.value(2).toString();
        e.oldFile = q.value(3).toString();
        e.newFile = q.value(4).toString();
        e.status = jobStatusFromName(q.value(5).toString()).value_or(JobStatus::Pending);
        e.createdAt = timeFrom(q.value(6));
        // regions_json is the page's region array: its length is the change count.
        e.changeCount = int(QJsonDocument::fromJson(q.value(7).toString().toUtf8()).array().size());
        out.append(e);
    }
    return out;
}

QString JobStore::artifactDir(const QString &jobId) const {
    if (!isPlainName(jobId)) return {};
    const QString dir = QFileInfo(m_path).absolutePath() + QStringLiteral("/artifacts/") + jobId;
    QDir().mkpath(dir);
    return dir;
}

QString JobStore::integrityCheck() const {
    QSqlQuery q(db());
    if (!q.exec(QStringLiteral("PRAGMA integrity_check"))) return q.lastError().text();
    QStringList lines;
    while (q.next())
        lines.append(q.value(0).toString());
    return lines.join(QLatin1Char('\n'));
}

int JobStore::schemaVersion() const {
    return scalar(db(), QStringLiteral("PRAGMA user_version")).toInt();
}

} // namespace bt
