#pragma once

#include "store/jobstate.h"

#include <QHash>
#include <QSet>
#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace bt {
class JobStore;
struct JobRecord;
} // namespace bt

namespace bt::ui {

// Past jobs of the history, newest first: date, files, sheets, status, and the selected job's
// summary; jobs of the job server are marked (run there from here, a team member's, or pushed).
// Open shows a job's results (nothing is run), Resume continues an interrupted or cancelled one,
// Push sends a local one to the server, Delete removes it; the window does the work.
class HistoryPanel : public QWidget {
    Q_OBJECT
public:
    explicit HistoryPanel(QWidget *parent = nullptr);

    void setStore(JobStore *store); // not owned; null: nothing to list
    void refresh();
    // The job running in this window: it can be neither resumed nor deleted, and the others
    // cannot be opened or resumed until it ends.
    void setRunningJob(const QString &jobId);
    // A job server is set up: local jobs can be pushed to it.
    void setSyncEnabled(bool enabled);

    QStringList jobIds() const; // as listed, newest first
    QString currentJobId() const;
    void selectJob(const QString &jobId);
    static QString statusName(JobStatus status);    // CompletedWithErrors -> "Completed with errors"
    static QString whereText(const JobRecord &job); // empty for a job only of this computer
    // A job's summary in the window's language (`stored`: the history's, English), built from
    // its sheets off the GUI thread when first asked for (the details under the list, the status
    // column's tooltip): `stored` until summaryReady(jobId).
    QString shownSummary(const QString &jobId, const QString &stored) const;

signals:
    void summaryReady(const QString &jobId);
    void openRequested(const QString &jobId);
    void resumeRequested(const QString &jobId);
    void deleteRequested(const QString &jobId);
    void pushRequested(const QString &jobId);

private:
    void updateButtons();
    QString statusText(JobStatus status, const QString &jobId) const;

    JobStore *m_store = nullptr;
    struct ShownSummary {
        QString stored, shown;
    };
    mutable QHash<QString, ShownSummary> m_summaries; // job id ->
    mutable QSet<QString> m_summariesBuilding;        // job ids
    int m_summaryGeneration = 0;                      // a new store makes summaries being built stale
    QString m_runningJob;
    bool m_syncEnabled = false;
    QTreeWidget *m_list;
    QLabel *m_details;
    QPushButton *m_open;
    QPushButton *m_resume;
    QPushButton *m_delete;
    QPushButton *m_push;
};

} // namespace bt::ui
