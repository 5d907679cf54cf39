#pragma once

#include "report/reportinput.h"
#include "report/reportoptions.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QList>

#include <atomic>
#include <memory>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QSpinBox;

namespace bt::ui {

// File → Export report… / Export markups… / Export change list…: asks for the sheets (all, changed only, the
// ones selected in the window), the image resolution and the file, then writes it off the GUI
// thread with a progress bar; Cancel stops it and leaves no file behind.
//
// Input from a finished job: ReportInput::fromResult(pipeline.result(), settings.toJson());
// from the history: ReportInput::fromStore(store, jobId).
class ReportExportDialog : public QDialog {
    Q_OBJECT
public:
    enum class Kind {
        Report,     // PDF report
        ChangeList, // CSV, JSON or XLSX change list
        Markups,    // the NEW set with each change as a PDF cloud annotation
    };

    // selectedPages: result page numbers (PageResult::pageNumber) selected in the caller's view;
    // empty disables "Selected sheets".
    ReportExportDialog(const ReportInput &input, const QList<int> &selectedPages, QWidget *parent = nullptr,
                       Kind kind = Kind::Report);
    ~ReportExportDialog() override; // cancels a running export and waits for it
    // The job's project's name, number, client and logo (withProjectDefaults) over the remembered
    // cover fields; an empty value leaves the field as it is.
    void setCoverDefaults(const ReportOptions &project);
    // The dialog on a job of the history: what was committed, with the reviews of its changes.
    // False when the history has no such job; message: what a finished export says.
    static bool exportJob(const JobStore &store, const QString &jobId, const QList<int> &selectedPages,
                          Kind kind, QWidget *parent, QString *message);

    Kind kind() const { return m_kind; }
    QString outputPath() const;
    void setOutputPath(const QString &path);
    ReportOptions options() const;
    // The cover fields and page options of the last report exported (QSettings "report/..."),
    // for printing too.
    static ReportOptions rememberedOptions();
    bool isRunning() const { return m_watcher.isRunning(); }

public slots:
    void start(); // the Export button
    void cancel();
    void reject() override; // Close; while running it cancels first

signals:
    void exportFinished(bool ok, const QString &message);

private:
    void browse();
    void browseLogo();
    void remember() const;
    void onProgress(int done, int total);
    void onFinished();
    void updateButtons();
    QString suggestedPath() const;

    ReportInput m_input;
    QList<int> m_selected;
    Kind m_kind;
    QLineEdit *m_title;
    QRadioButton *m_all;
    QRadioButton *m_changed;
    QRadioButton *m_selection;
    QSpinBox *m_dpi;
    QGroupBox *m_coverBox;
    QLineEdit *m_project;
    QLineEdit *m_projectNumber;
    QLineEdit *m_client;
    QLineEdit *m_issuer;
    QLineEdit *m_logo;
    QComboBox *m_paper;    // sheet size, A3, tabloid, A4, letter
    QComboBox *m_rejected; // shown (dashed, struck through) or left out
    QCheckBox *m_reviewedOnly;
    QComboBox *m_format; // change list: CSV, JSON or XLSX
    QLineEdit *m_path;
    QPushButton *m_browse;
    QProgressBar *m_progress;
    QLabel *m_status;
    QDialogButtonBox *m_buttons;
    QPushButton *m_export;
    QFutureWatcher<QString> m_watcher; // the worker's error, empty on success
    std::shared_ptr<std::atomic<bool>> m_cancel;
    QString m_runningPath;
    QString m_newPassword; // of an encrypted NEW set, asked for the markups (never stored)
};

} // namespace bt::ui
