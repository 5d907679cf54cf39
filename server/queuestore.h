#pragma once

#include "pipeline/stagerunner.h"
#include "store/jobstore.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QVector>

#include <memory>
#include <optional>

class QSqlDatabase;
class QSqlQuery;

namespace bt::server {

class PasswordCipher;

// Where the queue lives: "postgresql://user[:password]@host[:port]/db", or a path to an SQLite
// file (the embedded mode).
struct DatabaseConfig {
    bool postgres = false;
    QString sqlitePath;
    QString host, user, password, name;
    int port = 5432;

    static std::optional<DatabaseConfig> parse(const QString &spec, QString *error);
    QString describe() const; // without the password
};

struct UploadRecord {
    QString id;
    QString sha256;
    QString path;
    int pages = 0;
    qint64 bytes = 0;
    QDateTime createdAt;
    QString name;     // the client's file name (base name only), or empty
    QString password; // what opens an encrypted PDF; empty for a plain one. Never in a response.
    // The row has a password this store's key does not decrypt (another key file).
    bool passwordUnreadable = false;
};

struct ServerJob {
    QString id;
    QString oldUpload;
    QString newUpload;
    QString oldName; // the uploads' file names (empty when unknown)
    QString newName;
    QJsonObject settings; // CompareSettings JSON
    JobStatus status = JobStatus::Pending;
    int totalPages = 0;
    QDateTime createdAt;
    QDateTime finishedAt;
};

// Where a row of the stages table is in the queue: waiting (its previous stage is not done),
// ready, running (leased), completed, failed (for good: a dead letter).
enum class QueueStatus { Waiting, Ready, Running, Completed, Failed };
QString queueStatusName(QueueStatus status); // as the stages table spells it
// As the progress JSON reports it: waiting and ready are pending, running is in_progress.
StageStatus stageStatusOf(QueueStatus status);

struct StageRow {
    qint64 id = 0;
    QString jobId;
    int pageNumber = 0; // 0: the job-level match stage
    Stage stage = Stage::Match;
    QueueStatus status = QueueStatus::Waiting;
    int attempts = 0;
    QString leaseOwner;
    QString error;
};

// The job queue of the server and its workers, in PostgreSQL or SQLite: uploads, jobs, per-page
// stages with leases, results (one row per job, page and stage) and dead letters. One object per
// thread: it owns one database connection, opened in the thread that calls open().
class QueueStore {
public:
    // 2: uploads.name and uploads.password.
    static constexpr int kSchemaVersion = 2;

    explicit QueueStore(const DatabaseConfig &config);
    ~QueueStore();
    QueueStore(const QueueStore &) = delete;
    QueueStore &operator=(const QueueStore &) = delete;

    // Connects (retrying for a few seconds: a database that is starting) and creates the schema.
    bool open(QString *error);
    bool isPostgres() const { return m_config.postgres; }
    // Encrypts uploads.password at rest (passwordcipher.h). Without one no password is stored
    // (addUpload refuses), and stored ones are not read.
    void setPasswordCipher(std::shared_ptr<const PasswordCipher> cipher) { m_cipher = std::move(cipher); }
    // Encrypts passwords stored in clear by an older version; how many, or -1 after *error.
    int encryptStoredPasswords(QString *error);

    bool addUpload(const UploadRecord &upload, QString *error);
    std::optional<UploadRecord> upload(const QString &id) const;

    // Inserts the job and its match stage (ready). With an idempotency key that a job has
    // already, returns that job and sets *created false.
    std::optional<ServerJob> createJob(const ServerJob &job, const QString &idempotencyKey, bool *created,
                                       QString *error);
    std::optional<ServerJob> job(const QString &id) const;
    QVector<ServerJob> jobs() const; // newest first
    // Every row of the job; false when there was none.
    bool deleteJob(const QString &id, QString *error);
    QVector<StageRow> stages(const QString &jobId) const;
    // Payloads of one stage of the job by page number.
    QMap<int, QJsonObject> results(const QString &jobId, Stage stage) const;
    std::optional<QJsonObject> result(const QString &jobId, int page, Stage stage) const;
    QVector<DeadLetter> deadLetters() const; // resolvedAt stays invalid: the server has no retry

    // Leases the most urgent ready stage (later stages first, then oldest), or one whose lease
    // expired (its worker died). attempts counts this one.
    std::optional<StageRow> claim(const QString &worker, int leaseMs);
    // Extends the lease; false when the worker does not hold it any more.
    bool heartbeat(qint64 stageId, const QString &worker, int leaseMs);
    // In one transaction: the stage completes, its result is written (once per job, page and
    // stage: a second write does nothing), the page's next stage becomes ready (the match stage
    // creates the page rows from payload["pages"]) and a job with nothing left finishes.
    // False (nothing written) when the worker lost its lease or the job was deleted.
    bool complete(const StageRow &stage, const QString &worker, const QJsonObject &payload, QString *error);
    // A failed attempt, as the stage runner judged it (StageRunner::afterFailure): ready again
    // after the verdict's backoff, or failed for good with a dead letter, and the page goes on as
    // StageRunner::notRunReason says (a failed OCR fails its diff, a summary follows a failed diff).
    bool fail(const StageRow &stage, const QString &worker, const QString &stageError,
              const FailureVerdict &verdict, int attemptsToRecord, QString *error);

private:
    friend class ReviewLog; // the team's reviews, in the same database (reviewlog.h)
    QSqlDatabase db() const;
    QString nowMs() const; // SQL expression: the database clock in ms since the epoch
    bool migrate(QString *error);
    bool finishIfDone(QSqlDatabase &d, const QString &jobId, QString *error);
    bool exec(QSqlQuery &q, QString *error) const;

    DatabaseConfig m_config;
    QString m_connection;
    std::shared_ptr<const PasswordCipher> m_cipher;
};

} // namespace bt::server
