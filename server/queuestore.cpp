#include "queuestore.h"

#include "passwordcipher.h"
#include "store/writetransaction.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUrl>
#include <QUuid>

namespace bt::server {

namespace {

constexpr int kConnectRetryMs = 10000; // a database that is still starting

QString compact(const QJsonObject &o) {
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QJsonObject parseObject(const QString &text) {
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

QDateTime fromMs(const QVariant &v) {
    return v.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

// Later stages first: a page that is further along finishes before a new one starts.
int priorityOf(Stage stage) {
    switch (stage) {
    case Stage::Summary:
        return 3;
    case Stage::Diff:
        return 2;
    case Stage::Ocr:
        return 1;
    case Stage::Match:
        break;
    }
    return 0;
}

QueueStatus queueStatusFromName(const QString &name) {
    for (const QueueStatus s : {QueueStatus::Waiting, QueueStatus::Ready, QueueStatus::Running,
                                QueueStatus::Completed, QueueStatus::Failed})
        if (queueStatusName(s) == name) return s;
    return QueueStatus::Waiting;
}

StageRow stageFrom(const QSqlQuery &q) {
    // Column order of kStageColumns.
    StageRow r;
    r.id = q.value(0).toLongLong();
    r.jobId = q.value(1).toString();
    r.pageNumber = q.value(2).toInt();
    r.stage = stageFromName(q.value(3).toString()).value_or(Stage::Match);
    r.status = queueStatusFromName(q.value(4).toString());
    r.attempts = q.value(5).toInt();
    r.leaseOwner = q.value(6).toString();
    r.error = q.value(7).toString();
    return r;
}
const QString kStageColumns =
    QStringLiteral("id, job_id, page_number, stage, status, attempts, lease_owner, error");

ServerJob jobFrom(const QSqlQuery &q) {
    ServerJob j;
    j.id = q.value(0).toString();
    j.oldUpload = q.value(1).toString();
    j.newUpload = q.value(2).toString();
    j.settings = parseObject(q.value(3).toString());
    j.status = jobStatusFromName(q.value(4).toString()).value_or(JobStatus::Pending);
    j.totalPages = q.value(5).toInt();
    j.createdAt = fromMs(q.value(6));
    j.finishedAt = fromMs(q.value(7));
    j.oldName = q.value(8).toString();
    j.newName = q.value(9).toString();
    return j;
}
// With the uploads' file names ('' for an upload without one, e.g. from before schema 2).
const QString kJobColumns =
    QStringLiteral("id, old_upload, new_upload, settings, status, total_pages, created_ms, finished_ms, "
                   "COALESCE((SELECT name FROM uploads WHERE uploads.id = jobs.old_upload), ''), "
                   "COALESCE((SELECT name FROM uploads WHERE uploads.id = jobs.new_upload), '')");

} // namespace

QString queueStatusName(QueueStatus status) {
    switch (status) {
    case QueueStatus::Waiting:
        return QStringLiteral("waiting");
    case QueueStatus::Ready:
        return QStringLiteral("ready");
    case QueueStatus::Running:
        return QStringLiteral("running");
    case QueueStatus::Completed:
        return QStringLiteral("completed");
    case QueueStatus::Failed:
        break;
    }
    return QStringLiteral("failed");
}

StageStatus stageStatusOf(QueueStatus status) {
    switch (status) {
    case QueueStatus::Running:
        return StageStatus::InProgress;
    case QueueStatus::Completed:
        return StageStatus::Completed;
    case QueueStatus::Failed:
        return StageStatus::Failed;
    case QueueStatus::Waiting:
    case QueueStatus::Ready:
        break;
    }
    return StageStatus::Pending;
}

std::optional<DatabaseConfig> DatabaseConfig::parse(const QString &spec, QString *error) {
    DatabaseConfig c;
    if (spec.startsWith(QLatin1String("postgresql://")) || spec.startsWith(QLatin1String("postgres://"))) {
        const QUrl url(spec);
        if (!url.isValid() || url.path().size() < 2) {
            if (error) *error = QStringLiteral("expected postgresql://user@host:port/database");
            return std::nullopt;
        }
        c.postgres = true;
        c.host = url.host().isEmpty() ? QStringLiteral("127.0.0.1") : url.host();
        c.port = url.port(5432);
        c.user = url.userName();
        c.password = url.password();
        c.name = url.path().mid(1);
        return c;
    }
    if (spec.isEmpty()) {
        if (error) *error = QStringLiteral("no database given");
        return std::nullopt;
    }
    c.sqlitePath = spec;
    return c;
}

QString DatabaseConfig::describe() const {
    if (!postgres) return QStringLiteral("sqlite:%1").arg(sqlitePath);
    return QStringLiteral("postgresql://%1@%2:%3/%4").arg(user, host).arg(port).arg(name);
}

QueueStore::QueueStore(const DatabaseConfig &config)
    : m_config(config)
    , m_connection(QStringLiteral("btqueue-") + QUuid::createUuid().toString(QUuid::WithoutBraces)) {}

QueueStore::~QueueStore() {
    if (QSqlDatabase::contains(m_connection)) {
        QSqlDatabase::database(m_connection, false).close();
        QSqlDatabase::removeDatabase(m_connection);
    }
}

QSqlDatabase QueueStore::db() const {
    return QSqlDatabase::database(m_connection, false);
}

QString QueueStore::nowMs() const {
    return m_config.postgres ? QStringLiteral("(EXTRACT(EPOCH FROM clock_timestamp()) * 1000)::BIGINT")
                             : QStringLiteral("CAST((julianday('now') - 2440587.5) * 86400000.0 AS INTEGER)");
}

bool QueueStore::exec(QSqlQuery &q, QString *error) const {
    if (q.exec()) return true;
    if (error) *error = q.lastError().text();
    return false;
}

bool QueueStore::open(QString *error) {
    QSqlDatabase d = QSqlDatabase::addDatabase(
        m_config.postgres ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE"), m_connection);
    if (m_config.postgres) {
        d.setHostName(m_config.host);
        d.setPort(m_config.port);
        d.setUserName(m_config.user);
        d.setPassword(m_config.password);
        d.setDatabaseName(m_config.name);
        d.setConnectOptions(QStringLiteral("connect_timeout=5"));
    } else {
        d.setDatabaseName(m_config.sqlitePath);
        d.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=30000"));
    }
    QElapsedTimer clock;
    clock.start();
    while (!d.open()) {
        if (!m_config.postgres || clock.elapsed() > kConnectRetryMs) {
            if (error) *error = d.lastError().text();
            return false;
        }
        QThread::msleep(200);
    }
    if (!m_config.postgres) {
        QSqlQuery q(d);
        for (const char *pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL"})
            if (!q.exec(QString::fromLatin1(pragma))) {
                if (error) *error = q.lastError().text();
                return false;
            }
    }
    return migrate(error);
}

bool QueueStore::migrate(QString *error) {
    QSqlDatabase d = db();
    WriteTransaction t(d);
    if (!t.begin(error)) return false;
    QSqlQuery q(d);
    // Workers starting together would race on CREATE TABLE IF NOT EXISTS in PostgreSQL.
    if (m_config.postgres && !q.exec(QStringLiteral("SELECT pg_advisory_xact_lock(727274)"))) {
        if (error) *error = q.lastError().text();
        return false;
    }
    const QString serial = m_config.postgres ? QStringLiteral("BIGSERIAL PRIMARY KEY")
                                             : QStringLiteral("INTEGER PRIMARY KEY AUTOINCREMENT");
    const QStringList schema = {
        QStringLiteral("CREATE TABLE IF NOT EXISTS schema_info (version INTEGER NOT NULL)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS uploads (id TEXT PRIMARY KEY, sha256 TEXT NOT NULL, "
                       "path TEXT NOT NULL, pages INTEGER NOT NULL, bytes BIGINT NOT NULL, "
                       "created_ms BIGINT NOT NULL, name TEXT NOT NULL DEFAULT '', password TEXT)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS jobs (id TEXT PRIMARY KEY, old_upload TEXT NOT NULL, "
                       "new_upload TEXT NOT NULL, settings TEXT NOT NULL, status TEXT NOT NULL, "
                       "total_pages INTEGER NOT NULL DEFAULT 0, idempotency_key TEXT UNIQUE, "
                       "created_ms BIGINT NOT NULL, finished_ms BIGINT)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS stages (id %1, job_id TEXT NOT NULL, "
                       "page_number INTEGER NOT NULL, stage TEXT NOT NULL, priority INTEGER NOT NULL, "
                       "status TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, lease_owner TEXT, "
                       "lease_expires_at BIGINT, available_at BIGINT NOT NULL DEFAULT 0, error TEXT, "
                       "UNIQUE (job_id, page_number, stage))")
            .arg(serial),
        QStringLiteral("CREATE INDEX IF NOT EXISTS stages_queue ON stages (status, priority, id)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS results (job_id TEXT NOT NULL, page_number INTEGER NOT "
                       "NULL, stage TEXT NOT NULL, payload TEXT NOT NULL, worker TEXT, "
                       "created_ms BIGINT NOT NULL, PRIMARY KEY (job_id, page_number, stage))"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS dead_letters (id %1, job_id TEXT NOT NULL, "
                       "page_number INTEGER NOT NULL, stage TEXT NOT NULL, error TEXT, "
                       "attempts INTEGER NOT NULL, created_ms BIGINT NOT NULL, "
                       "UNIQUE (job_id, page_number, stage))")
            .arg(serial),
    };
    for (const QString &sql : schema)
        if (!q.exec(sql)) {
            if (error) *error = q.lastError().text();
            return false;
        }
    if (!q.exec(QStringLiteral("SELECT version FROM schema_info"))) {
        if (error) *error = q.lastError().text();
        return false;
    }
    if (!q.next()) {
        // A new database: the tables above are this version's already.
        q.prepare(QStringLiteral("INSERT INTO schema_info (version) VALUES (:v)"));
        q.bindValue(QStringLiteral(":v"), kSchemaVersion);
        return exec(q, error) && t.commit(error);
    }
    const int version = q.value(0).toInt();
    if (version > kSchemaVersion) {
        if (error)
            *error = QStringLiteral("the database has schema %1, newer than this program's %2")
                         .arg(version)
                         .arg(kSchemaVersion);
        return false;
    }
    // Step by step from the database's version, in this transaction (DDL is transactional in both
    // databases; PostgreSQL holds the advisory lock, SQLite the write lock, so one process does it).
    QStringList steps;
    if (version < 2)
        steps << QStringLiteral("ALTER TABLE uploads ADD COLUMN name TEXT NOT NULL DEFAULT ''")
              << QStringLiteral("ALTER TABLE uploads ADD COLUMN password TEXT");
    for (const QString &sql : steps)
        if (!q.exec(sql)) {
            if (error)
                *error = QStringLiteral("schema %1 -> %2: %3")
                             .arg(version)
                             .arg(kSchemaVersion)
                             .arg(q.lastError().text());
            return false;
        }
    if (version < kSchemaVersion) {
        q.prepare(QStringLiteral("UPDATE schema_info SET version = :v"));
        q.bindValue(QStringLiteral(":v"), kSchemaVersion);
        if (!exec(q, error)) return false;
    }
    return t.commit(error);
}

bool QueueStore::addUpload(const UploadRecord &upload, QString *error) {
    QSqlQuery q(db());
    q.prepare(
        QStringLiteral("INSERT INTO uploads (id, sha256, path, pages, bytes, created_ms, name, password) "
                       "VALUES (:id, :sha, :path, :pages, :bytes, %1, :name, :password)")
            .arg(nowMs()));
    q.bindValue(QStringLiteral(":id"), upload.id);
    q.bindValue(QStringLiteral(":sha"), upload.sha256);
    q.bindValue(QStringLiteral(":path"), upload.path);
    q.bindValue(QStringLiteral(":pages"), upload.pages);
    q.bindValue(QStringLiteral(":bytes"), upload.bytes);
    // A null QString would bind NULL (the column is NOT NULL).
    q.bindValue(QStringLiteral(":name"), upload.name.isNull() ? QStringLiteral("") : upload.name);
    QVariant password(QMetaType::fromType<QString>()); // NULL: a plain set
    if (!upload.password.isEmpty()) {
        const QString encrypted = m_cipher ? m_cipher->encrypt(upload.password) : QString();
        if (encrypted.isEmpty()) {
            if (error) *error = QStringLiteral("no key to encrypt the set's password with");
            return false;
        }
        password = encrypted;
    }
    q.bindValue(QStringLiteral(":password"), password);
    return exec(q, error);
}

int QueueStore::encryptStoredPasswords(QString *error) {
    if (!m_cipher) return 0;
    QSqlDatabase d = db();
    WriteTransaction t(d);
    if (!t.begin(error)) return -1;
    QSqlQuery q(d);
    q.prepare(QStringLiteral("SELECT id, password FROM uploads WHERE password IS NOT NULL"));
    if (!exec(q, error)) return -1;
    QVector<std::pair<QString, QString>> plain;
    while (q.next())
        if (!PasswordCipher::isEncrypted(q.value(1).toString()))
            plain.append({q.value(0).toString(), q.value(1).toString()});
    for (const auto &[id, password] : plain) {
        QSqlQuery u(d);
        u.prepare(QStringLiteral("UPDATE uploads SET password = :p WHERE id = :id"));
        u.bindValue(QStringLiteral(":p"), m_cipher->encrypt(password));
        u.bindValue(QStringLiteral(":id"), id);
        if (!exec(u, error)) return -1;
    }
    if (!t.commit(error)) return -1;
    // SQLite keeps deleted text in free pages and the WAL until they are reused: wipe them.
    if (!plain.isEmpty() && !m_config.postgres) {
        for (const char *sql : {"PRAGMA wal_checkpoint(TRUNCATE)", "VACUUM"})
            if (!q.exec(QString::fromLatin1(sql))) {
                if (error) *error = q.lastError().text();
                return -1;
            }
    }
    return int(plain.size());
}

std::optional<UploadRecord> QueueStore::upload(const QString &id) const {
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT id, sha256, path, pages, bytes, created_ms, name, password FROM uploads "
                             "WHERE id = :id"));
    q.bindValue(QStringLiteral(":id"), id);
    if (!q.exec() || !q.next()) return std::nullopt;
    UploadRecord u;
    u.id = q.value(0).toString();
    u.sha256 = q.value(1).toString();
    u.path = q.value(2).toString();
    u.pages = q.value(3).toInt();
    u.bytes = q.value(4).toLongLong();
    u.createdAt = fromMs(q.value(5));
    u.name = q.value(6).toString();
    const QString stored = q.value(7).toString();
    if (PasswordCipher::isEncrypted(stored)) {
        const std::optional<QString> plain = m_cipher ? m_cipher->decrypt(stored) : std::nullopt;
        u.password = plain.value_or(QString());
        u.passwordUnreadable = !plain;
    } else {
        u.password = stored; // in clear, from an older version (encryptStoredPasswords)
    }
    return u;
}

std::optional<ServerJob> QueueStore::createJob(const ServerJob &job, const QString &idempotencyKey,
                                               bool *created, QString *error) {
    *created = false;
    QSqlDatabase d = db();
    auto byKey = [&]() -> std::optional<ServerJob> {
        QSqlQuery q(d);
        q.prepare(QStringLiteral("SELECT %1 FROM jobs WHERE idempotency_key = :k").arg(kJobColumns));
        q.bindValue(QStringLiteral(":k"), idempotencyKey);
        if (q.exec() && q.next()) return jobFrom(q);
        return std::nullopt;
    };
    if (!idempotencyKey.isEmpty())
        if (auto existing = byKey()) return existing;
    WriteTransaction t(d);
    if (!t.begin(error)) return std::nullopt;
    QSqlQuery q(d);
    q.prepare(
        QStringLiteral("INSERT INTO jobs (id, old_upload, new_upload, settings, status, idempotency_key, "
                       "created_ms) VALUES (:id, :old, :new, :settings, 'pending', :key, %1)")
            .arg(nowMs()));
    q.bindValue(QStringLiteral(":id"), job.id);
    q.bindValue(QStringLiteral(":old"), job.oldUpload);
    q.bindValue(QStringLiteral(":new"), job.newUpload);
    q.bindValue(QStringLiteral(":settings"), compact(job.settings));
    q.bindValue(QStringLiteral(":key"), idempotencyKey.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                                                 : QVariant(idempotencyKey));
    if (!q.exec()) {
        // The same key posted twice at once: the other request's job won.
        const QString e = q.lastError().text();
        t.rollback();
        if (!idempotencyKey.isEmpty())
            if (auto existing = byKey()) return existing;
        if (error) *error = e;
        return std::nullopt;
    }
    q.prepare(QStringLiteral("INSERT INTO stages (job_id, page_number, stage, priority, status) "
                             "VALUES (:job, 0, 'match', 0, 'ready')"));
    q.bindValue(QStringLiteral(":job"), job.id);
    if (!exec(q, error) || !t.commit(error)) return std::nullopt;
    *created = true;
    return this->job(job.id);
}

std::optional<ServerJob> QueueStore::job(const QString &id) const {
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT %1 FROM jobs WHERE id = :id").arg(kJobColumns));
    q.bindValue(QStringLiteral(":id"), id);
    if (!q.exec() || !q.next()) return std::nullopt;
    return jobFrom(q);
}

QVector<ServerJob> QueueStore::jobs() const {
    QVector<ServerJob> out;
    QSqlQuery q(db());
    if (!q.exec(QStringLiteral("SELECT %1 FROM jobs ORDER BY created_ms DESC, id").arg(kJobColumns)))
        return out;
    while (q.next())
        out.append(jobFrom(q));
    return out;
}

bool QueueStore::deleteJob(const QString &id, QString *error) {
    QSqlDatabase d = db();
    WriteTransaction t(d);
    if (!t.begin(error)) return false;
    QSqlQuery q(d);
    int jobs = 0;
    for (const char *table : {"results", "dead_letters", "stages", "jobs"}) {
        q.prepare(QStringLiteral("DELETE FROM %1 WHERE %2 = :id")
                      .arg(QLatin1String(table), QLatin1String(qstrcmp(table, "jobs") ? "job_id" : "id")));
        q.bindValue(QStringLiteral(":id"), id);
        if (!exec(q, error)) return false;
        jobs = q.numRowsAffected();
    }
    if (!t.commit(error)) return false;
    if (jobs == 0 && error) error->clear();
    return jobs > 0;
}

QVector<StageRow> QueueStore::stages(const QString &jobId) const {
    QVector<StageRow> out;
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT %1 FROM stages WHERE job_id = :job ORDER BY page_number, priority")
                  .arg(kStageColumns));
    q.bindValue(QStringLiteral(":job"), jobId);
    if (!q.exec()) return out;
    while (q.next())
        out.append(stageFrom(q));
    return out;
}

QMap<int, QJsonObject> QueueStore::results(const QString &jobId, Stage stage) const {
    QMap<int, QJsonObject> out;
    QSqlQuery q(db());
    q.prepare(
        QStringLiteral("SELECT page_number, payload FROM results WHERE job_id = :job AND stage = :stage"));
    q.bindValue(QStringLiteral(":job"), jobId);
    q.bindValue(QStringLiteral(":stage"), stageName(stage));
    if (!q.exec()) return out;
    while (q.next())
        out.insert(q.value(0).toInt(), parseObject(q.value(1).toString()));
    return out;
}

std::optional<QJsonObject> QueueStore::result(const QString &jobId, int page, Stage stage) const {
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT payload FROM results WHERE job_id = :job AND page_number = :page AND "
                             "stage = :stage"));
    q.bindValue(QStringLiteral(":job"), jobId);
    q.bindValue(QStringLiteral(":page"), page);
    q.bindValue(QStringLiteral(":stage"), stageName(stage));
    if (!q.exec() || !q.next()) return std::nullopt;
    return parseObject(q.value(0).toString());
}

QVector<DeadLetter> QueueStore::deadLetters() const {
    QVector<DeadLetter> out;
    QSqlQuery q(db());
    if (!q.exec(QStringLiteral("SELECT id, job_id, page_number, stage, error, attempts, created_ms "
                               "FROM dead_letters ORDER BY id")))
        return out;
    while (q.next()) {
        DeadLetter r;
        r.id = q.value(0).toLongLong();
        r.jobId = q.value(1).toString();
        r.pageNumber = q.value(2).toInt();
        r.stage = stageFromName(q.value(3).toString()).value_or(Stage::Match);
        r.error = q.value(4).toString();
        r.attempts = q.value(5).toInt();
        r.createdAt = fromMs(q.value(6));
        out.append(r);
    }
    return out;
}

std::optional<StageRow> QueueStore::claim(const QString &worker, int leaseMs) {
    QSqlDatabase d = db();
    QString e;
    WriteTransaction t(d);
    if (!t.begin(&e)) {
        qWarning("claim: %s", qPrintable(e));
        return std::nullopt;
    }
    QSqlQuery q(d);
    // PostgreSQL: SKIP LOCKED lets every worker take a different row without waiting on the others.
    // SQLite has no row locks: BEGIN IMMEDIATE makes the whole claim one writer at a time.
    q.prepare(
        QStringLiteral(
            "UPDATE stages SET status = 'running', attempts = attempts + 1, lease_owner = :worker, "
            "lease_expires_at = %1 + :lease WHERE id = (SELECT id FROM stages WHERE "
            "(status = 'ready' AND available_at <= %1) OR (status = 'running' AND lease_expires_at < %1) "
            "ORDER BY priority DESC, id LIMIT 1%2) RETURNING %3")
            .arg(nowMs(), m_config.postgres ? QStringLiteral(" FOR UPDATE SKIP LOCKED") : QString(),
                 kStageColumns));
    q.bindValue(QStringLiteral(":worker"), worker);
    q.bindValue(QStringLiteral(":lease"), qint64(leaseMs));
    if (!q.exec()) {
        qWarning("claim: %s", qPrintable(q.lastError().text()));
        return std::nullopt;
    }
    if (!q.next()) return std::nullopt;
    const StageRow row = stageFrom(q);
    q.finish();
    if (!t.commit(&e)) {
        qWarning("claim: %s", qPrintable(e));
        return std::nullopt;
    }
    return row;
}

bool QueueStore::heartbeat(qint64 stageId, const QString &worker, int leaseMs) {
    QSqlQuery q(db());
    q.prepare(QStringLiteral("UPDATE stages SET lease_expires_at = %1 + :lease WHERE id = :id AND "
                             "lease_owner = :worker AND status = 'running'")
                  .arg(nowMs()));
    q.bindValue(QStringLiteral(":lease"), qint64(leaseMs));
    q.bindValue(QStringLiteral(":id"), stageId);
    q.bindValue(QStringLiteral(":worker"), worker);
    if (!q.exec()) {
        // A database hiccup is not a lost lease: the next beat tries again.
        qWarning("heartbeat: %s", qPrintable(q.lastError().text()));
        return true;
    }
    return q.numRowsAffected() > 0;
}

namespace {

// Locks the job's row for the rest of the transaction (PostgreSQL), so the last two stages of a
// job finishing at once cannot both miss that the job is done. False when the job is gone.
bool lockJob(QSqlDatabase &d, bool postgres, const QString &jobId, QString *error) {
    QSqlQuery q(d);
    q.prepare(QStringLiteral("SELECT id FROM jobs WHERE id = :id%1")
                  .arg(postgres ? QStringLiteral(" FOR UPDATE") : QString()));
    q.bindValue(QStringLiteral(":id"), jobId);
    if (!q.exec()) {
        if (error) *error = q.lastError().text();
        return false;
    }
    if (!q.next()) {
        if (error) *error = QStringLiteral("the job was deleted");
        return false;
    }
    return true;
}

bool setStageOf(QSqlDatabase &d, const QString &jobId, int page, Stage stage, QueueStatus from,
                QueueStatus to, const QString &stageError, QString *error) {
    QSqlQuery q(d);
    q.prepare(QStringLiteral("UPDATE stages SET status = :to, available_at = 0, error = :error WHERE "
                             "job_id = :job AND page_number = :page AND stage = :stage AND status = :from"));
    q.bindValue(QStringLiteral(":to"), queueStatusName(to));
    q.bindValue(QStringLiteral(":error"),
                stageError.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(stageError));
    q.bindValue(QStringLiteral(":job"), jobId);
    q.bindValue(QStringLiteral(":page"), page);
    q.bindValue(QStringLiteral(":stage"), stageName(stage));
    q.bindValue(QStringLiteral(":from"), queueStatusName(from));
    if (q.exec()) return true;
    if (error) *error = q.lastError().text();
    return false;
}

} // namespace

bool QueueStore::complete(const StageRow &stage, const QString &worker, const QJsonObject &payload,
                          QString *error) {
    QSqlDatabase d = db();
    WriteTransaction t(d);
    if (!t.begin(error)) return false;
    if (!lockJob(d, m_config.postgres, stage.jobId, error)) return false;
    QSqlQuery q(d);
    q.prepare(
        QStringLiteral("UPDATE stages SET status = 'completed', lease_owner = NULL, lease_expires_at = "
                       "NULL, error = NULL WHERE id = :id AND lease_owner = :worker AND status = 'running'"));
    q.bindValue(QStringLiteral(":id"), stage.id);
    q.bindValue(QStringLiteral(":worker"), worker);
    if (!exec(q, error)) return false;
    if (q.numRowsAffected() == 0) {
        if (error) *error = QStringLiteral("lease lost");
        return false;
    }
    q.prepare(QStringLiteral("INSERT INTO results (job_id, page_number, stage, payload, worker, created_ms) "
                             "VALUES (:job, :page, :stage, :payload, :worker, %1) ON CONFLICT DO NOTHING")
                  .arg(nowMs()));
    q.bindValue(QStringLiteral(":job"), stage.jobId);
    q.bindValue(QStringLiteral(":page"), stage.pageNumber);
    q.bindValue(QStringLiteral(":stage"), stageName(stage.stage));
    q.bindValue(QStringLiteral(":payload"), compact(payload));
    q.bindValue(QStringLiteral(":worker"), worker);
    if (!exec(q, error)) return false;

    if (stage.stage == Stage::Match) {
        const QJsonArray pages = payload.value(QStringLiteral("pages")).toArray();
        q.prepare(QStringLiteral("INSERT INTO stages (job_id, page_number, stage, priority, status) VALUES "
                                 "(:job, :page, :stage, :priority, :status) ON CONFLICT DO NOTHING"));
        for (int page = 1; page <= pages.size(); ++page)
            for (const Stage s : kStages) {
                q.bindValue(QStringLiteral(":job"), stage.jobId);
                q.bindValue(QStringLiteral(":page"), page);
                q.bindValue(QStringLiteral(":stage"), stageName(s));
                q.bindValue(QStringLiteral(":priority"), priorityOf(s));
                q.bindValue(QStringLiteral(":status"),
                            queueStatusName(s == Stage::Ocr ? QueueStatus::Ready : QueueStatus::Waiting));
                if (!exec(q, error)) return false;
            }
        q.prepare(QStringLiteral("UPDATE jobs SET total_pages = :n, status = 'in_progress' WHERE id = :id"));
        q.bindValue(QStringLiteral(":n"), int(pages.size()));
        q.bindValue(QStringLiteral(":id"), stage.jobId);
        if (!exec(q, error)) return false;
    } else if (stage.stage != Stage::Summary) {
        const Stage next = stage.stage == Stage::Ocr ? Stage::Diff : Stage::Summary;
        if (!setStageOf(d, stage.jobId, stage.pageNumber, next, QueueStatus::Waiting, QueueStatus::Ready,
                        QString(), error))
            return false;
    }
    return finishIfDone(d, stage.jobId, error) && t.commit(error);
}

bool QueueStore::fail(const StageRow &stage, const QString &worker, const QString &stageError,
                      const FailureVerdict &verdict, int attemptsToRecord, QString *error) {
    QSqlDatabase d = db();
    WriteTransaction t(d);
    if (!t.begin(error)) return false;
    if (!lockJob(d, m_config.postgres, stage.jobId, error)) return false;
    QSqlQuery q(d);
    q.prepare(QStringLiteral("UPDATE stages SET status = :status, available_at = %1 + :delay, lease_owner = "
                             "NULL, lease_expires_at = NULL, error = :error WHERE id = :id AND "
                             "lease_owner = :worker AND status = 'running'")
                  .arg(nowMs()));
    q.bindValue(QStringLiteral(":status"),
                queueStatusName(verdict.deadLetter ? QueueStatus::Failed : QueueStatus::Ready));
    q.bindValue(QStringLiteral(":delay"), verdict.retryInMs);
    q.bindValue(QStringLiteral(":error"), stageError);
    q.bindValue(QStringLiteral(":id"), stage.id);
    q.bindValue(QStringLiteral(":worker"), worker);
    if (!exec(q, error)) return false;
    if (q.numRowsAffected() == 0) {
        if (error) *error = QStringLiteral("lease lost");
        return false;
    }
    if (verdict.deadLetter) {
        q.prepare(QStringLiteral("INSERT INTO dead_letters (job_id, page_number, stage, error, attempts, "
                                 "created_ms) VALUES (:job, :page, :stage, :error, :attempts, %1) "
                                 "ON CONFLICT DO NOTHING")
                      .arg(nowMs()));
        q.bindValue(QStringLiteral(":job"), stage.jobId);
        q.bindValue(QStringLiteral(":page"), stage.pageNumber);
        q.bindValue(QStringLiteral(":stage"), stageName(stage.stage));
        q.bindValue(QStringLiteral(":error"), stageError);
        q.bindValue(QStringLiteral(":attempts"), attemptsToRecord);
        if (!exec(q, error)) return false;
        // The page goes on as the stage runner says, as in the local pipeline: no diff without
        // renders, but a summary of whatever the page has.
        if (stage.stage != Stage::Match) {
            Stage failed = stage.stage;
            for (Stage next = failed; next != Stage::Summary;) {
                next = Stage(int(next) + 1);
                const QString notRun = StageRunner::notRunReason(next, failed);
                if (!setStageOf(d, stage.jobId, stage.pageNumber, next, QueueStatus::Waiting,
                                notRun.isEmpty() ? QueueStatus::Ready : QueueStatus::Failed, notRun, error))
                    return false;
                if (notRun.isEmpty()) break;
                failed = next;
            }
        }
    }
    return finishIfDone(d, stage.jobId, error) && t.commit(error);
}

bool QueueStore::finishIfDone(QSqlDatabase &d, const QString &jobId, QString *error) {
    QSqlQuery q(d);
    q.prepare(QStringLiteral("SELECT SUM(CASE WHEN status IN ('completed', 'failed') THEN 0 ELSE 1 END), "
                             "SUM(CASE WHEN status = 'failed' THEN 1 ELSE 0 END), "
                             "SUM(CASE WHEN status = 'failed' AND stage = 'match' THEN 1 ELSE 0 END) FROM "
                             "stages WHERE job_id = :job"));
    q.bindValue(QStringLiteral(":job"), jobId);
    if (!exec(q, error) || !q.next()) return false;
    if (q.value(0).toInt() > 0) return true;
    const JobStatus status = q.value(2).toInt() > 0   ? JobStatus::Failed
                             : q.value(1).toInt() > 0 ? JobStatus::CompletedWithErrors
                                                      : JobStatus::Completed;
    q.finish();
    q.prepare(
        QStringLiteral("UPDATE jobs SET status = :status, finished_ms = %1 WHERE id = :id").arg(nowMs()));
    q.bindValue(QStringLiteral(":status"), jobStatusName(status));
    q.bindValue(QStringLiteral(":id"), jobId);
    return exec(q, error);
}

} // namespace bt::server
