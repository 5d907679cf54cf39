#pragma once

// What the desktop window's tests share (tst_mainwindow, tst_mainwindowjobs): a test case's own
// history and settings (never the user's), the tabloid set both compare, modal dialogs answered
// while a test waits, and a window's job waited for.

#include "drawinggenerator.h"
#include "mainwindow.h"

#include <QObject>
#include <QSizeF>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QTimer>

#include <functional>

class QWidget;

namespace bt::test {

const QSizeF kTabloid(17, 11);
constexpr double kDpi = 100;
constexpr int kJobTimeoutMs = 120000;

// Answers modal dialogs while it lives: each visible one is handed to `answer` once.
class DialogAnswerer {
public:
    explicit DialogAnswerer(std::function<void(QWidget *)> answer);
    int count() const { return m_count; }

private:
    std::function<void(QWidget *)> m_answer;
    QTimer m_timer;
    int m_count = 0;
};

// Sends a drag of these files onto a widget, then the drop. True when both were accepted.
bool dropFiles(QWidget *target, const QStringList &paths);
// Jobs in a history file, -1 when it cannot be opened.
int jobCount(const QString &db);
// The window's resolution setting (what the next Compare uses).
void setDpi(double dpi);
// Waits for the window's job to finish; its status, or "" after the timeout.
QString waitForJob(ui::MainWindow &w, int timeoutMs = kJobTimeoutMs);
// A sheet's next revision: a general note added and "REV 2".
SheetSpec noteAndRevision(SheetSpec s);

// The base of the window test classes.
class MainWindowFixture : public QObject {
protected:
    QTemporaryDir m_dir;
    QString m_db;
    QString m_old, m_new; // tabloid, 3 sheets, X-101 and X-103 edited, NEW reordered

    // For initTestCase: the GUI as the application sets it up, BUILDTRACE_DB and the settings in
    // the test's folder (application name `appName`, settings cleared, kDpi), the tabloid set.
    void setUpFiles(const QString &appName);

    QString path(const QString &name) const { return m_dir.filePath(name); }
};

} // namespace bt::test
