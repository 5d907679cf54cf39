#pragma once

#include "reportexportdialog.h"

#include <QList>
#include <QObject>
#include <QString>

#include <functional>

class QAction;
class QWidget;

namespace bt {
class JobStore;
}

namespace bt::ui {

// File → Export Report… / Export Markups… / Export Change List… / Print Sheet… / Print Report…:
// the actions and what they do with the job the window shows. The window says what that is
// through a Source and places the actions in its menus.
class ExportActions : public QObject {
    Q_OBJECT
public:
    struct Source {
        std::function<JobStore *()> store;
        std::function<QString()> jobId;             // the shown job; empty: none
        std::function<QList<int>()> selectedSheets; // what "Selected sheets" exports
        std::function<int()> viewerPage;            // the sheet open in the viewer; 0: none
    };
    ExportActions(Source source, QWidget *window);

    QList<QAction *> actions() const { return m_actions; }
    // Enables what can run now: nothing while a job runs; Print Sheet only with a sheet open.
    void update(bool running);

signals:
    void message(const QString &text); // for the status bar

private:
    bool exportJob(ReportExportDialog::Kind kind);
    void print(bool wholeReport);
    bool exportable() const;

    Source m_source;
    QWidget *m_window;
    QList<QAction *> m_actions;
    QAction *m_printSheet = nullptr; // the viewer's sheet, fitted to the paper
    bool m_running = false;
};

} // namespace bt::ui
