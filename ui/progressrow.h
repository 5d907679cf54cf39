#pragma once

#include "pipeline/jobprogress.h"

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace bt::ui {

// The running job's row under the page: a progress bar over all stages of all sheets, the stage
// counts ("OCR 3/3 · Diff 2/3 · Summary 1/3") and Cancel.
class ProgressRow : public QWidget {
    Q_OBJECT
public:
    explicit ProgressRow(QWidget *parent = nullptr);

    void showBusy(const QString &text); // no counts yet (opening the sets, matching the sheets)
    void showOpening();
    void showMatching();
    void updateProgress(const JobProgress &progress);
    QString text() const;
    void setCancelEnabled(bool enabled);

signals:
    void cancelRequested();

private:
    QProgressBar *m_bar;
    QLabel *m_label;
    QPushButton *m_cancel;
};

} // namespace bt::ui
