#include "cli.h"
#include "text/ocrengine.h"

#include <QGuiApplication>

int main(int argc, char *argv[])
{
    // Before anything loads Tesseract (NOTES.md: OpenMP threads slow it down here).
    bt::initOcrEnvironment();
    // The CLI needs no display: QtPdf and QImage work on the offscreen platform.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("BuildTrace"));
    QCoreApplication::setOrganizationName(QStringLiteral("BuildTrace"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BT_VERSION));
    return bt::runCli(app.arguments());
}
