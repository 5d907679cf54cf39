#include "cli.h"
#include "pipeline/allocator.h"
#include "text/ocrengine.h"

#include <QGuiApplication>
#include <cstdio>

namespace {

// The command line prints one line per problem. Qt's own chatter (a missing XDG_RUNTIME_DIR,
// libpng complaining about the damaged file we are about to report) would add a second one;
// BT_VERBOSE=1 shows it.
void quietMessageHandler(QtMsgType type, const QMessageLogContext &, const QString &message) {
    if (type == QtFatalMsg || type == QtCriticalMsg || qEnvironmentVariableIsSet("BT_VERBOSE"))
        fprintf(stderr, "%s\n", qPrintable(message));
}

} // namespace

int main(int argc, char *argv[]) {
    bt::configureAllocatorForPages();
    qInstallMessageHandler(quietMessageHandler);
    // Before anything loads Tesseract (NOTES.md: OpenMP threads slow it down here).
    bt::initOcrEnvironment();
    // The CLI needs no display: QtPdf and QImage work on the offscreen platform.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("BuildTrace"));
    QCoreApplication::setOrganizationName(QStringLiteral("BuildTrace"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BT_VERSION));
    return bt::runCli(app.arguments());
}
