#include "cli.h"
#include "guiapplication.h"
#include "mainwindow.h"
#include "pipeline/allocator.h"
#include "text/ocrengine.h"

#include <QApplication>
#include <QFileInfo>
#include <QGuiApplication>
#include <QTimer>
#include <cstdio>
#include <cstring>

namespace {

// The command line prints one line per problem. Qt's own chatter (a missing XDG_RUNTIME_DIR,
// libpng complaining about the damaged file we are about to report) would add a second one;
// BT_VERBOSE=1 shows it.
void quietMessageHandler(QtMsgType type, const QMessageLogContext &, const QString &message) {
    if (type == QtFatalMsg || type == QtCriticalMsg || qEnvironmentVariableIsSet("BT_VERBOSE"))
        fprintf(stderr, "%s\n", qPrintable(message));
}

void setApplicationNames() {
    // The same names for both: the GUI and the CLI share settings and the history.
    QCoreApplication::setApplicationName(QStringLiteral("BuildTrace"));
    QCoreApplication::setOrganizationName(QStringLiteral("BuildTrace"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BT_VERSION));
}

bool isCliCommand(const char *arg) {
    for (const char *command : {"compare", "resume", "retry", "history", "show", "progress", "dead-letters",
                                "delete", "ignore", "--help", "-h", "--version", "-v"})
        if (std::strcmp(arg, command) == 0) return true;
    return false;
}

// A window nobody can see is not started: the offscreen/minimal platforms (tests, scripts) and
// a session without a display get the command line instead. $BT_SCREENSHOT asks for the
// window on purpose (it saves a picture and quits), as does $BT_SCREENSHOT_DIR (a series of them).
bool canShowWindow() {
    if (qEnvironmentVariableIsSet("BT_SCREENSHOT") || qEnvironmentVariableIsSet("BT_SCREENSHOT_DIR"))
        return true;
    const QByteArray platform = qgetenv("QT_QPA_PLATFORM");
    if (platform.startsWith("offscreen") || platform.startsWith("minimal")) return false;
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
    if (platform.isEmpty() && qEnvironmentVariableIsEmpty("DISPLAY") &&
        qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        return false;
#endif
    return true;
}

int runCommandLine(int argc, char *argv[]) {
    qInstallMessageHandler(quietMessageHandler);
    // The CLI needs no display: QtPdf and QImage work on the offscreen platform.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    setApplicationNames();
    return bt::runCli(app.arguments());
}

int runWindow(int argc, char *argv[], const QString &oldPath, const QString &newPath) {
    QApplication app(argc, argv);
    setApplicationNames();
    QGuiApplication::setApplicationDisplayName(QStringLiteral("BuildTrace"));
    bt::ui::setUpGuiApplication();
    bt::ui::MainWindow window;
    window.setScreenshotPath(qEnvironmentVariable("BT_SCREENSHOT"));
    window.setScreenshotDir(qEnvironmentVariable("BT_SCREENSHOT_DIR"));
    window.show();
    if (!oldPath.isEmpty() && newPath.isEmpty()) {
        window.setFiles(oldPath, QString()); // one file (a file manager's "Open With"): OLD, waiting for NEW
    } else if (!oldPath.isEmpty()) {
        window.setFiles(oldPath, newPath);
        // Once the window is up, so a password prompt or an error has a window to belong to.
        QTimer::singleShot(0, &window, [&window] {
            if (!window.screenshotDir().isEmpty()) window.saveScreenshot(QStringLiteral("01-empty.png"));
            window.compare();
        });
    }
    return app.exec();
}

} // namespace

int main(int argc, char *argv[]) {
    bt::configureAllocatorForPages();
    // Before anything loads Tesseract (NOTES.md: OpenMP threads slow it down here).
    bt::initOcrEnvironment();

    // No arguments: the window. OLD NEW (two existing files): the window, comparing them. One
    // existing file (the desktop file's Exec=buildtrace %F with one PDF): the window, with it as
    // OLD. Anything else is the command line, which also reports unknown commands.
    const bool twoFiles = argc == 3 && !isCliCommand(argv[1]) &&
                          QFileInfo(QString::fromLocal8Bit(argv[1])).isFile() &&
                          QFileInfo(QString::fromLocal8Bit(argv[2])).isFile();
    const bool oneFile =
        argc == 2 && !isCliCommand(argv[1]) && QFileInfo(QString::fromLocal8Bit(argv[1])).isFile();
    const bool wantsWindow = argc == 1 || twoFiles || oneFile;
    if (!wantsWindow) return runCommandLine(argc, argv);
    if (!canShowWindow()) {
        // Without a display, no arguments prints the usage as before (exit 2), one file says it
        // is not a command.
        if (argc == 1 || oneFile) return runCommandLine(argc, argv);
        fprintf(stderr,
                "buildtrace: no display for the window; on the command line: buildtrace compare %s %s\n",
                argv[1], argv[2]);
        return bt::ExitError;
    }
    return runWindow(argc, argv, argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString(),
                     twoFiles ? QString::fromLocal8Bit(argv[2]) : QString());
}
