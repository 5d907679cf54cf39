#pragma once

#include "store/carrystore.h"
#include "store/jobrecords.h"
#include "store/projectstore.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QSet>
#include <QVector>

namespace bt {
class JobStore;
}

namespace bt::ui {

// The jobs of the history grouped by project, as a table: a section row per project (the current
// project first, then by newest job; ProjectRowRole, not selectable) and under it its jobs, newest
// first: date, files, sheets, status. A job whose reviews were carried over from an earlier
// comparison says from which and which settings differ (CarryTextRole). A job's
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
        ProjectIdRole,    // the job's project, or the section's
        ProjectRowRole,   // true for a project's section row
        CarryTextRole,    // where the job's carried reviews came from and which settings differ; empty: none
    };

    explicit JobHistoryModel(QObject *parent = nullptr);

    void setStore(JobStore *store); // not owned; null: no rows
    void refresh();                 // reads the jobs again
    // The job running in this window: shown "Running" (other unfinished ones "Interrupted").
    void setRunningJob(const QString &jobId);
    QString runningJob() const { return m_runningJob; }
    // Its section comes first, and is listed even without jobs.
    void setCurrentProject(qint64 projectId);

    int rowOf(const QString &jobId) const;    // -1 when not listed
    int rowOfProject(qint64 projectId) const; // its section row, -1 when not listed
    QStringList jobIds() const;               // as listed

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    // The job's summary in the window's language; `stored` (the history's, English) until it is
    // built, which this starts.
    QString shownSummary(const QString &jobId, const QString &stored) const;

    static QString statusName(JobStatus status);     // CompletedWithErrors -> "Completed with errors"
    static QString whereText(const JobRecord &job);  // empty for a job only of this computer
    static QString settingLabel(const QString &key); // a comparison setting's name ("dpi" -> "DPI")

signals:
    void summaryReady(const QString &jobId);

private:
    QString statusText(const JobRecord &job) const;
    QVariant projectData(const ProjectRecord &project, int column, int role) const;
    QString carryText(const JobRecord &job) const;

    JobStore *m_store = nullptr;
    QVector<JobRecord> m_jobs;
    struct Row {
        int job = -1;     // index in m_jobs; -1: the section row of project
        int project = -1; // index in m_projects
    };
    QVector<Row> m_rows;
    QVector<ProjectRecord> m_projects;
    qint64 m_currentProject = 0;
    QHash<QString, CarrySource> m_carried; // job id ->
    QString m_runningJob;
    struct ShownSummary {
        QString stored, shown;
    };
    mutable QHash<QString, ShownSummary> m_summaries; // job id ->
    mutable QSet<QString> m_summariesBuilding;        // job ids
    int m_summaryGeneration = 0;                      // a new store makes summaries being built stale
};

} // namespace bt::ui
