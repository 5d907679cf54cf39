#pragma once

#include "historydatabase.h"
#include "jobstate.h"
#include "review/regionreview.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QVector>

#include <optional>

namespace bt {

struct JobRecord {
    QString id;
    QString oldFile;
    QString newFile;
    QString oldHash;
    QString newHash;
    QJsonObject settings;
    JobStatus status = JobStatus::Pending;
    int totalPages = 0;
    QString mode = QStringLiteral("streaming"); // or "batch"
    QString summaryText;                        // job summary, once finished
    QDateTime createdAt;                        // UTC; set by createJob when invalid
    QDateTime finishedAt;
    JobOrigin origin = JobOrigin::Local;
    QString remoteServer; // the server's URL once the job is there (a pushed local job too)
    QString remoteJobId;  // the server's id of the job, empty until the server made it
    bool isRemote() const { return origin != JobOrigin::Local; }
};

// An operation for the job server that waits for it (SyncService): kept in the history, so
// what was asked offline is sent when the server can be reached, after a restart too.
struct SyncOperation {
    qint64 id = 0;
    SyncKind kind = SyncKind::Submit;
    QString jobId;
    QString server;
    QJsonObject state; // what is done already, e.g. upload ids
    int attempts = 0;
    QDateTime nextAttemptAt; // UTC; invalid: now
    QString lastError;
    QDateTime createdAt;
};

struct StageRecord {
    QString jobId;
    int pageNumber = 0;
    Stage stage = Stage::Ocr;
    StageStatus status = StageStatus::Pending;
    int attempts = 0;
    QString error;
    QDateTime startedAt;
    QDateTime finishedAt;
};

struct DeadLetter {
    qint64 id = 0;
    QString jobId;
    int pageNumber = 0;
    Stage stage = Stage::Ocr;
    QString error;
    int attempts = 0;
    QDateTime createdAt;
    QDateTime resolvedAt; // a retry dealt with it
};

// A sheet's summary as stored: the text shown and, when the optional AI provider wrote it, the
// model and the deterministic summary it rewrote (both empty otherwise).
struct SummaryRecord {
    QString text;
    QString aiModel;
    QString deterministicText;
};

// One earlier comparison of a drawing number (JobStore::sheetHistory).
struct SheetHistoryEntry {
    QString jobId;
    int pageNumber = 0;
    QString drawingNumber;
    QString oldFile;
    QString newFile;
    JobStatus status = JobStatus::Pending; // the job's
    QDateTime createdAt;
    int changeCount = 0;
};

// The local history of comparison jobs: jobs with their stages, results, summaries and dead
// letters (jobstore.cpp), their reviews and the ignore areas of drawing numbers
// (jobstore_reviews.cpp), and the operations waiting for the job server (jobstore_sync.cpp), on
// one HistoryDatabase.
class JobStore : public HistoryDatabase {
public:
    explicit JobStore(const QString &path)
        : HistoryDatabase(path) {}

    bool createJob(const JobRecord &job, QString *error = nullptr);
    // A finished status (isFinished) also stamps finished_at.
    bool setJobStatus(const QString &id, JobStatus status, QString *error = nullptr);
    // Insert or update the (job, page, stage) row.
    bool setStage(const QString &jobId, int page, Stage stage, StageStatus status,
                  const QString &stageError = QString(), int attempts = 0, QString *error = nullptr);
    // pageJson as produced by pageResultToJson(); regions and alignment also get their own columns.
    bool saveDiffResult(const QString &jobId, int page, const QString &drawingName,
                        const QString &overlayPath, const QJsonObject &pageJson, QString *error = nullptr);
    bool saveSummary(const QString &jobId, int page, const QString &summaryText, QString *error = nullptr);
    bool saveSummary(const QString &jobId, int page, const SummaryRecord &summary, QString *error = nullptr);
    // The job's sheet pairs (one page JSON each, before diffing) and total_pages, in one write.
    bool setJobPages(const QString &jobId, const QVector<QJsonObject> &pages, QString *error = nullptr);
    bool setJobSummary(const QString &jobId, const QString &summaryText, QString *error = nullptr);
    // Failed stages of a page (0: every page) go back to pending with no attempts counted, and
    // their dead letters are marked resolved. Returns how many stages were reset.
    int resetFailedStages(const QString &jobId, int page, QString *error = nullptr);
    bool addDeadLetter(const QString &jobId, int page, Stage stage, const QString &stageError, int attempts,
                       QString *error = nullptr);
    // The given stages of one page go back to pending with no attempts counted (a page redone
    // because its inputs changed). Returns how many stages were reset, -1 on error.
    int resetStages(const QString &jobId, int page, const QVector<Stage> &stages, QString *error = nullptr);
    // Removes every row of the job (its reviews too) and its artifact folder.
    bool deleteJob(const QString &id, QString *error = nullptr);

    std::optional<JobRecord> job(const QString &id) const;
    QVector<JobRecord> jobs() const; // newest first
    QVector<StageRecord> stages(const QString &jobId) const;
    std::optional<QJsonObject> diffResult(const QString &jobId, int page) const;
    std::optional<QString> summary(const QString &jobId, int page) const; // the text shown
    std::optional<SummaryRecord> summaryRecord(const QString &jobId, int page) const;
    std::optional<QVector<QJsonObject>> jobPages(const QString &jobId) const; // nullopt: not matched yet
    QVector<DeadLetter> deadLetters(bool includeResolved = false) const;
    // Newest local job of the same inputs and settings (settings compared as compact JSON).
    std::optional<JobRecord> findJob(const QString &oldHash, const QString &newHash,
                                     const QJsonObject &settings) const;

    // The job's place on the job server (origin unchanged when nullopt).
    bool setRemote(const QString &jobId, std::optional<JobOrigin> origin, const QString &server,
                   const QString &remoteJobId, QString *error = nullptr);
    std::optional<JobRecord> jobByRemoteId(const QString &server, const QString &remoteJobId) const;
    // Operations waiting for the job server, oldest first. addSyncOperation returns the id, 0 on error.
    qint64 addSyncOperation(const SyncOperation &op, QString *error = nullptr);
    bool updateSyncOperation(const SyncOperation &op, QString *error = nullptr);
    bool removeSyncOperation(qint64 id, QString *error = nullptr);
    QVector<SyncOperation> syncOperations() const;

    // Review of one change region: inserted or replaced. An empty reviewer is reviewerName(), an
    // invalid updatedAt now.
    bool setReview(const RegionReview &review, QString *error = nullptr);
    // Reviews of a job (page 0) or of one page, by page and region. Regions without a row are open.
    QVector<RegionReview> reviews(const QString &jobId, int page = 0) const;
    // After a page was compared again its regions are numbered anew: each review moves from the
    // old number to the new one in `oldToNew`; reviews of numbers not in it are dropped.
    bool remapReviews(const QString &jobId, int page, const QHash<int, int> &oldToNew,
                      QString *error = nullptr);

    // Ignore regions, remembered per drawing number for every later comparison of that sheet.
    // Returns the new row's id, 0 on error.
    qint64 addIgnoreRegion(const QString &drawingNumber, const QRectF &rectPt, QString *error = nullptr);
    bool removeIgnoreRegion(qint64 id, QString *error = nullptr);
    // Of one drawing number (all when empty), oldest first.
    QVector<IgnoreRegion> ignoreRegions(const QString &drawingNumber = QString()) const;

    // Every compared (diffed) sheet of that drawing number in the history, newest job first.
    QVector<SheetHistoryEntry> sheetHistory(const QString &drawingNumber) const;
};

} // namespace bt
