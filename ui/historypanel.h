#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTreeView;

namespace bt::ui {

class JobHistoryModel;

// The history's jobs (a view over JobHistoryModel) and the selected job's summary; jobs of the job
// server are marked (run there from here, a team member's, or pushed). Open shows a job's results
// (nothing is run), Resume continues an interrupted or cancelled one, Push sends a local one to
// the server, Delete removes it; the window does the work.
class HistoryPanel : public QWidget {
    Q_OBJECT
public:
    explicit HistoryPanel(JobHistoryModel *model, QWidget *parent = nullptr);

    // A job server is set up: local jobs can be pushed to it.
    void setSyncEnabled(bool enabled);

    JobHistoryModel *model() const { return m_model; }
    QStringList jobIds() const; // as listed, newest first
    QString currentJobId() const;
    void selectJob(const QString &jobId);

signals:
    void openRequested(const QString &jobId);
    void resumeRequested(const QString &jobId);
    void deleteRequested(const QString &jobId);
    void pushRequested(const QString &jobId);

private:
    void updateButtons();
    int currentRow() const; // -1: nothing selected

    JobHistoryModel *m_model;
    bool m_syncEnabled = false;
    QString m_reselect; // the selected job across a reset of the model
    QTreeView *m_list;
    QLabel *m_details;
    QPushButton *m_open;
    QPushButton *m_resume;
    QPushButton *m_delete;
    QPushButton *m_push;
};

} // namespace bt::ui
