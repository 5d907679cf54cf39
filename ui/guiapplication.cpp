#include "guiapplication.h"

#include "guisettings.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QImageReader>
#include <QLibraryInfo>
#include <QLocale>
#include <QPointer>
#include <QThreadPool>
#include <QTranslator>

namespace bt::ui {

namespace {

const QString kTranslationsResource = QStringLiteral(":/i18n");
// packaging/icons/hicolor/<size>x<size>/apps/, embedded by ui/CMakeLists.txt.
constexpr int kIconSizes[] = {16, 24, 32, 48, 64, 128, 256};

QPointer<QTranslator> g_appTranslator;
QPointer<QTranslator> g_qtTranslator;

void removeTranslator(QPointer<QTranslator> &translator) {
    if (!translator) return;
    QCoreApplication::removeTranslator(translator);
    delete translator;
}

} // namespace

QList<Language> availableLanguages() {
    // Native names: each is read by someone looking for their own language.
    return {{QStringLiteral("en"), QStringLiteral("English")},
            {QStringLiteral("de"), QStringLiteral("Deutsch")},
            {QStringLiteral("fr"), QStringLiteral("Français")},
            {QStringLiteral("es"), QStringLiteral("Español")}};
}

QString installTranslations(const QString &language) {
    removeTranslator(g_appTranslator);
    removeTranslator(g_qtTranslator);
    auto *app = new QTranslator(QCoreApplication::instance());
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    // The locale's UI languages in order ("de-CH", "de", …): the first one shipped wins.
    bool loaded =
        language.isEmpty()
            ? app->load(locale, QStringLiteral("buildtrace"), QStringLiteral("_"), kTranslationsResource)
            : app->load(QStringLiteral("buildtrace_") + language, kTranslationsResource);
    if (!loaded) loaded = app->load(QStringLiteral("buildtrace_en"), kTranslationsResource);
    if (!loaded) {
        delete app;
        return QStringLiteral("en");
    }
    QCoreApplication::installTranslator(app);
    g_appTranslator = app;
    const QString code = QLocale(app->language()).name().section(QLatin1Char('_'), 0, 0);
    if (code == QLatin1String("en")) return code;

    // Qt's own texts (standard buttons, file dialogs, context menus) in the same language.
    auto *qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(QLocale(code), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
        g_qtTranslator = qt;
    } else {
        delete qt;
    }
    return code;
}

void removeTranslations() {
    removeTranslator(g_appTranslator);
    removeTranslator(g_qtTranslator);
}

QIcon applicationIcon() {
    QIcon icon;
    for (const int size : kIconSizes)
        icon.addFile(QStringLiteral(":/icons/buildtrace-%1.png").arg(size), QSize(size, size));
    return icon;
}

void setUpGuiApplication() {
    // QImageReader counts four bytes a pixel against its limit (128 MB by default) whatever the
    // format, so it refuses a 42 MP overlay that takes 42 MB as a palette image. The engine's
    // pixel cap (120 MP a page) needs 480 MB by that count.
    constexpr int kOverlayAllocationMb = 512;
    QImageReader::setAllocationLimit(kOverlayAllocationMb);

    installTranslations(GuiSettings::load().language);
    if (qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        QGuiApplication::setWindowIcon(applicationIcon());
        // Wayland and the desktop's task bar find the icon and name by the desktop file
        // (packaging/org.buildtrace.BuildTrace.desktop).
        QGuiApplication::setDesktopFileName(QStringLiteral("org.buildtrace.BuildTrace"));
    }
}

QThreadPool *backgroundPool() {
    // Again if the application was replaced (tests).
    static QPointer<QThreadPool> pool;
    if (!pool) {
        pool = new QThreadPool(QCoreApplication::instance());
        // One for a sheet's overlay, one for its renders (which PDFium runs one at a time anyway).
        pool->setMaxThreadCount(2);
    }
    return pool;
}

} // namespace bt::ui
