#pragma once

#include <QIcon>
#include <QList>
#include <QString>

class QThreadPool;

namespace bt::ui {

// Process-wide set-up of the GUI, once, on the GUI thread, after the QApplication exists and
// before any window: the application and the widget tests share it. Installs the translations
// for the language setting (GuiSettings::language; the system's when empty), sets the window
// icon and the desktop file name.
void setUpGuiApplication();

// The languages the interface ships in: a code ("de") and its name in that language ("Deutsch").
struct Language {
    QString code;
    QString nativeName;
};
QList<Language> availableLanguages();

// Replaces the installed translators with those for `language` (a code of availableLanguages(),
// or empty for the system's languages, $LANGUAGE / $LC_ALL / $LC_MESSAGES / $LANG): BuildTrace's
// own (embedded, :/i18n/buildtrace_xx.qm) and Qt's (qtbase_xx.qm, package qt6-translations-l10n,
// when installed). A language without a translation gets English (buildtrace_en: the plural
// forms). Returns the code of the language loaded ("en" for English). Widgets made before keep
// their texts.
QString installTranslations(const QString &language);

// Removes the translators installTranslations() installed: every text in English as the source
// has it, as on the command line, which installs none (for tests).
void removeTranslations();

// The application icon (embedded PNGs, packaging/icons/).
QIcon applicationIcon();

// The pool for the window's background work (opening sets, loading sheets): not the global pool,
// which Qt's raster engine splits large fills over; a paint event would wait behind a long task
// queued there. Created on first use from the GUI thread.
QThreadPool *backgroundPool();

} // namespace bt::ui
