#pragma once

#include "store/jobrecords.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QSet>
#include <QVector>

namespace bt {
class JobStore;
}

namespace bt::ui {

// The jobs of the history, newest first, as a table: date, files, sheets, status. A job's
// summary in the window's language (ShownSummaryRole, and the status column's tooltip) is built
// from its sheets off the GUI thread when first asked for: the history's English text until
// summaryReady(jobId), then dataChanged for its row. Views over it own no state.
class JobHistoryModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { DateColumn, FilesColumn, SheetsColumn, StatusColumn, ColumnCount };
    enum Role {
        JobIdRole = Qt::UserRole,
        JobStatusRole,    // int(JobStatus)
        OriginRole,       // int(JobOrigin)
        OnServerRole,     // the job is on the job server (any origin)
        WhereRole,        // whereText, empty for a job only of this computer
        StatusTextRole,   // "Running", "Interrupted", "Completed" ...
        ShownSummaryRole, // the summary in the window's language (see above)
    };

    explicit JobHistoryModel(QObject *parent = nullptr);

    void setStore(JobStore *store); // not owned; null: no rows
    void refresh();                 // reads the jobs again
    // The job running in this window: shown "Running" (other unfinished ones "Interrupted").
    void setRunningJob(const QString &jobId);
    QString runningJob() const { return m_runningJob; }

    int rowOf(const QString &jobId) const; // -1 when not listed
    QStringList jobIds() const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The job's summary in the window's language; `stored` (the history's, English) until it is
    // built, which this starts.
    QString shownSummary(const QString &jobId, const QString &stored) const;

    static QString statusName(JobStatus status);    // CompletedWithErrors -> "Completed with errors"
    static QString whereText(const JobRecord &job); // empty for a job only of this computer

signals:
    void summaryReady(const QString &jobId);

private:
    QString statusText(const JobRecord &job) const;

    JobStore *m_store = nullptr;
    QVector<JobRecord> m_jobs;
    QString m_runningJob;
    struct ShownSummary {
        QString stored, shown;
    };
    mutable QHash<QString, ShownSummary> m_summaries; // job id ->
    mutable QSet<QString> m_summariesBuilding;        // job ids
    int m_summaryGeneration = 0;                      // a new store makes summaries being built stale
};

} // namespace bt::ui
