#pragma once

#include "carrystore.h"
#include "historydatabase.h"
#include "jobrecords.h"
#include "projectstore.h"
#include "reviewstore.h"
#include "syncstore.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QVector>

#include <optional>

namespace bt {

// The local history of comparison jobs: the database (HistoryDatabase: connections, write
// transactions, migrations) and its repositories, one per concern: the jobs with their stages,
// results, summaries and dead letters (this class), the reviews and ignore areas (reviewStore())
// and the job server's side of jobs with the operations waiting for it (syncStore()).
class JobStore : public HistoryDatabase {
public:
    explicit JobStore(const QString &path)
        : HistoryDatabase(path)
        , m_reviews(*this)
        , m_sync(*this)
        , m_projects(*this)
        , m_carries(*this) {}

    ReviewStore &reviewStore() { return m_reviews; }
    const ReviewStore &reviewStore() const { return m_reviews; }
    SyncStore &syncStore() { return m_sync; }
    const SyncStore &syncStore() const { return m_sync; }
    ProjectStore &projectStore() { return m_projects; }
    const ProjectStore &projectStore() const { return m_projects; }
    CarryStore &carryStore() { return m_carries; } // reviews carried over from other jobs
    const CarryStore &carryStore() const { return m_carries; }

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
    // Newest local job of the same inputs and settings (settings compared as compact JSON), of
    // that project (0: of any).
    std::optional<JobRecord> findJob(const QString &oldHash, const QString &newHash,
                                     const QJsonObject &settings, qint64 projectId = 0) const;

    // Every compared (diffed) sheet of that drawing number in the project (0: in the whole
    // history), newest job first. Every project has its own A-101.
    QVector<SheetHistoryEntry> sheetHistory(const QString &drawingNumber, qint64 projectId = 0) const;

private:
    ReviewStore m_reviews;
    SyncStore m_sync;
    ProjectStore m_projects;
    CarryStore m_carries;
};

} // namespace bt
