#include "mainwindowfixture.h"

#include "guiapplication.h"
#include "guisettings.h"
#include "store/jobstore.h"
#include "testutil.h"

#include <QApplication>
#include <QCoreApplication>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMimeData>
#include <QSettings>
#include <QSignalSpy>
#include <QUrl>
#include <QtTest>

namespace bt::test {

DialogAnswerer::DialogAnswerer(std::function<void(QWidget *)> answer)
    : m_answer(std::move(answer)) {
    QObject::connect(&m_timer, &QTimer::timeout, [this] {
        QWidget *w = QApplication::activeModalWidget();
        if (!w || !w->isVisible()) return;
        ++m_count;
        m_answer(w);
    });
    m_timer.start(30);
}

int jobCount(const QString &db) {
    JobStore store(db);
    return store.open() ? int(store.jobs().size()) : -1;
}

void setDpi(double dpi) {
    ui::GuiSettings s = ui::GuiSettings::load();
    s.dpi = dpi;
    s.save();
}

QString waitForJob(ui::MainWindow &w, int timeoutMs) {
    QSignalSpy finished(&w, &ui::MainWindow::jobFinished);
    if (!w.isRunning()) return QStringLiteral("(not running)");
    if (!finished.wait(timeoutMs)) return QString();
    return jobStatusName(finished.first().at(1).value<JobStatus>());
}

SheetSpec noteAndRevision(SheetSpec s) {
    s.extraNotes << QStringLiteral("VERIFY ALL DIMENSIONS IN FIELD BEFORE ORDERING MATERIALS.");
    s.revision = QStringLiteral("REV 2");
    return s;
}

void MainWindowFixture::setUpFiles(const QString &appName) {
    ui::setUpGuiApplication(); // as the application does at start-up
    QVERIFY(m_dir.isValid());
    m_dir.setAutoRemove(!qEnvironmentVariableIsSet("BT_KEEP_TEST_FILES"));
    // The user's history and settings are never touched.
    m_db = path(QStringLiteral("history/history.sqlite"));
    qputenv("BUILDTRACE_DB", m_db.toLocal8Bit());
    qunsetenv("BUILDTRACE_INJECT_FAULT");
    QCoreApplication::setOrganizationName(QStringLiteral("BuildTraceTest"));
    QCoreApplication::setApplicationName(appName);
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, path(QStringLiteral("settings")));
    QSettings().clear();
    setDpi(kDpi);

    const QVector<SheetSpec> base = {
        makeSheet(QStringLiteral("X-101"), QStringLiteral("FIRST FLOOR PLAN"), 11, kTabloid),
        makeSheet(QStringLiteral("X-102"), QStringLiteral("SECOND FLOOR PLAN"), 12, kTabloid),
        makeSheet(QStringLiteral("X-103"), QStringLiteral("THIRD FLOOR PLAN"), 13, kTabloid)};
    // NEW moves X-103 before X-102: "page moved" on two cards.
    const QVector<SheetSpec> changed = {noteAndRevision(base[0]), noteAndRevision(base[2]), base[1]};
    m_old = path(QStringLiteral("old.pdf"));
    m_new = path(QStringLiteral("new.pdf"));
    QCOMPARE(writeVectorSet(m_old, base).size(), 3);
    QCOMPARE(writeVectorSet(m_new, changed).size(), 3);
}

bool dropFiles(QWidget *target, const QStringList &paths) {
    QMimeData mime;
    QList<QUrl> urls;
    for (const QString &p : paths)
        urls << QUrl::fromLocalFile(p);
    mime.setUrls(urls);
    const QPoint at = target->rect().center();
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    if (!enter.isAccepted()) return false;
    QDropEvent drop(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &drop);
    return drop.isAccepted();
}

} // namespace bt::test
