// The translations (translations/*.ts, embedded as :/i18n/buildtrace_xx.qm): the main window in
// German, French and Spanish (menu titles and items, the Compare button, the drop zones), English
// plurals, Qt's own strings, the language setting, the window icon; the engine's texts (sheet and
// job summaries, error messages) in the installed language, English without a translator and in
// what the history and the command line's JSON keep; and every .ts file complete: no unfinished
// or empty translation, the right number of plural forms, the same placeholders as the English
// text.

#include "dropzone.h"
#include "guiapplication.h"
#include "guisettings.h"
#include "mainwindow.h"
#include "pagecard.h"
#include "pagecardlist.h"
#include "settingsdialog.h"

#include "document/document.h"
#include "store/jobstore.h"
#include "summary/summary.h"
#include "testutil.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QLabel>
#include <QLibraryInfo>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

using bt::test::CliRun;
using bt::test::describe;
using bt::test::runCli;
using bt::ui::MainWindow;

namespace {

// A sheet with a text, a drawing and a dimension change (as tst_summary builds them).
bt::PageResult changedPage() {
    bt::PageResult page;
    page.pageNumber = 1;
    page.oldPage = page.newPage = 0;
    page.newIdentity.number = QStringLiteral("A-101");
    page.diffDone = true;
    page.pageSizePt = QSizeF(36 * 72, 24 * 72);
    auto region = [](int id, bt::ChangeKind kind, const QRectF &boxPt, const QStringList &oldText,
                     const QStringList &newText) {
        bt::ChangeRegion r;
        r.id = id;
        r.kind = kind;
        r.boxPt = boxPt;
        r.oldText = oldText;
        r.newText = newText;
        return r;
    };
    page.regions = {region(1, bt::ChangeKind::Modified, QRectF(300, 300, 60, 12),
                           {QStringLiteral("ASTM"), QStringLiteral("A-37")},
                           {QStringLiteral("ASTM"), QStringLiteral("A-36")}),
                    region(2, bt::ChangeKind::Added, QRectF(100, 100, 50, 50), {}, {}),
                    region(3, bt::ChangeKind::Modified, QRectF(600, 200, 30, 10), {QStringLiteral("12'-0\"")},
                           {QStringLiteral("12'-6\"")})};
    return page;
}

const QString kEnglishSummary = QStringLiteral(
    "A-101: 3 changes \u2014 1 text, 1 dimension, 1 drawing. Text: \u201cASTM A-37\u201d \u2192 "
    "\u201cASTM A-36\u201d. Dimension \u201c12'-0\"\u201d \u2192 \u201c12'-6\"\u201d. Drawing: 1 added "
    "(upper left).");

// What a window shows, in the order it shows it.
struct WindowTexts {
    QStringList menus;       // menu bar titles
    QStringList menuActions; // every item of every menu (separators and submenus' items left out)
    QString compareButton;
    QString oldZoneTitle, newZoneTitle;
    QStringList zoneLabels; // all labels of the OLD zone
};

WindowTexts textsOf(const MainWindow &w) {
    WindowTexts t;
    for (QAction *menuAction : w.menuBar()->actions()) {
        t.menus << menuAction->text();
        if (!menuAction->menu()) continue;
        for (QAction *a : menuAction->menu()->actions())
            if (!a->isSeparator()) t.menuActions << a->text();
    }
    if (auto *button = w.findChild<QPushButton *>(QStringLiteral("compareButton")))
        t.compareButton = button->text();
    // The title is the zone's first label.
    const QList<QLabel *> oldLabels = w.oldZone()->findChildren<QLabel *>();
    const QList<QLabel *> newLabels = w.newZone()->findChildren<QLabel *>();
    if (!oldLabels.isEmpty()) t.oldZoneTitle = oldLabels.first()->text();
    if (!newLabels.isEmpty()) t.newZoneTitle = newLabels.first()->text();
    for (const QLabel *l : oldLabels)
        t.zoneLabels << l->text();
    return t;
}

// Qt's plural forms per language (lrelease writes this many for a numerus message).
int pluralForms(const QString &language) {
    static const QHash<QString, int> forms = {{QStringLiteral("en"), 2},
                                              {QStringLiteral("de"), 2},
                                              {QStringLiteral("fr"), 2},
                                              {QStringLiteral("es"), 2}};
    return forms.value(language, -1);
}

QSet<QString> placeholders(const QString &text) {
    QSet<QString> found;
    static const QRegularExpression re(QStringLiteral("%(\\d+|n)"));
    for (auto it = re.globalMatch(text); it.hasNext();)
        found << it.next().captured(0);
    return found;
}

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    WindowTexts m_english;

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        // The user's history and settings are never touched.
        qputenv("BUILDTRACE_DB", m_dir.filePath(QStringLiteral("history.sqlite")).toLocal8Bit());
        QCoreApplication::setOrganizationName(QStringLiteral("BuildTraceTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_translations"));
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope,
                           m_dir.filePath(QStringLiteral("settings")));
        QSettings().clear();
        bt::ui::setUpGuiApplication(); // as the application does at start-up

        QCOMPARE(bt::ui::installTranslations(QStringLiteral("en")), QStringLiteral("en"));
        const MainWindow w;
        m_english = textsOf(w);
        QVERIFY2(m_english.menus.contains(QStringLiteral("&File")), qPrintable(m_english.menus.join(u',')));
        QCOMPARE(m_english.compareButton, QStringLiteral("Compare"));
        QCOMPARE(m_english.oldZoneTitle, QStringLiteral("OLD revision"));
        QVERIFY(m_english.menuActions.size() > 15);
    }

    void embedded() {
        for (const char *language : {"en", "de", "fr", "es"})
            QVERIFY2(QFile::exists(QStringLiteral(":/i18n/buildtrace_%1.qm").arg(QLatin1String(language))),
                     language);
        QCOMPARE(bt::ui::availableLanguages().size(), 4);
    }

    void englishPlurals() {
        QCOMPARE(bt::ui::installTranslations(QStringLiteral("en")), QStringLiteral("en"));
        auto translate = [](const char *context, const char *text, int n) {
            return QCoreApplication::translate(context, text, nullptr, n);
        };
        QCOMPARE(translate("bt::ui::PageCard", "%n change(s)", 1), QStringLiteral("1 change"));
        QCOMPARE(translate("bt::ui::PageCard", "%n change(s)", 2), QStringLiteral("2 changes"));
        QCOMPARE(translate("bt::ui::OverlayViewer", "%n change(s)", 1), QStringLiteral("1 change"));
        QCOMPARE(translate("bt::ui::ComparePage", "%n sheet(s)", 1), QStringLiteral("1 sheet"));
        QCOMPARE(translate("bt::ui::ComparePage", "%n sheet(s)", 12), QStringLiteral("12 sheets"));
        QCOMPARE(translate("bt::ui::DropZone", "%n sheet(s) · %1", 3).arg(QStringLiteral("2 MB")),
                 QStringLiteral("3 sheets · 2 MB"));
        // A language BuildTrace does not ship falls back to English, plurals included.
        QCOMPARE(bt::ui::installTranslations(QStringLiteral("it")), QStringLiteral("en"));
        QCOMPARE(translate("bt::ui::PageCard", "%n change(s)", 1), QStringLiteral("1 change"));
    }

    void mainWindow_data() {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QStringList>("menus");
        QTest::addColumn<QString>("compare");
        QTest::addColumn<QString>("oldZone");
        QTest::addColumn<QString>("newZone");
        QTest::addColumn<QString>("oneChange");
        QTest::addColumn<QString>("twoChanges");
        QTest::newRow("de") << "de" << QStringList{"&Datei", "&Ansicht", "&Projekt", "&Hilfe"} << "Vergleichen"
                            << "ALTER Planstand"
                            << "NEUER Planstand"
                            << "1 Änderung"
                            << "2 Änderungen";
        QTest::newRow("fr") << "fr" << QStringList{"&Fichier", "&Affichage", "&Projet", "Ai&de"} << "Comparer"
                            << "ANCIEN indice"
                            << "NOUVEL indice"
                            << "1 modification"
                            << "2 modifications";
        QTest::newRow("es") << "es" << QStringList{"&Archivo", "&Ver", "&Proyecto", "Ay&uda"} << "Comparar"
                            << "Revisión ANTERIOR"
                            << "Revisión NUEVA"
                            << "1 cambio"
                            << "2 cambios";
    }

    void mainWindow() {
        QFETCH(QString, language);
        QFETCH(QStringList, menus);
        QFETCH(QString, compare);
        QFETCH(QString, oldZone);
        QFETCH(QString, newZone);
        QFETCH(QString, oneChange);
        QFETCH(QString, twoChanges);
        QCOMPARE(bt::ui::installTranslations(language), language);
        const MainWindow w;
        const WindowTexts t = textsOf(w);

        QCOMPARE(t.menus, menus);
        QCOMPARE(t.compareButton, compare);
        QCOMPARE(t.oldZoneTitle, oldZone);
        QCOMPARE(t.newZoneTitle, newZone);
        // Every menu item and every drop-zone text differs from the English one.
        QCOMPARE(t.menuActions.size(), m_english.menuActions.size());
        for (int i = 0; i < t.menuActions.size(); ++i)
            QVERIFY2(t.menuActions[i] != m_english.menuActions[i], qPrintable(t.menuActions[i]));
        QCOMPARE(t.zoneLabels.size(), m_english.zoneLabels.size());
        for (int i = 0; i < t.zoneLabels.size(); ++i)
            QVERIFY2(t.zoneLabels[i] != m_english.zoneLabels[i], qPrintable(t.zoneLabels[i]));

        QCOMPARE(QCoreApplication::translate("bt::ui::PageCard", "%n change(s)", nullptr, 1), oneChange);
        QCOMPARE(QCoreApplication::translate("bt::ui::PageCard", "%n change(s)", nullptr, 2), twoChanges);

        // BT_TRANSLATION_SHOTS=DIR: pictures of the window and the settings dialog in each language,
        // to look for clipped texts after adding strings.
        const QString shots = qEnvironmentVariable("BT_TRANSLATION_SHOTS");
        if (!shots.isEmpty()) {
            QVERIFY(QDir().mkpath(shots));
            MainWindow window;
            window.resize(1280, 800);
            window.show();
            QVERIFY(
                window.grab().save(QDir(shots).filePath(QStringLiteral("mainwindow-%1.png").arg(language))));
            bt::ui::SettingsDialog dialog(bt::ui::GuiSettings{});
            dialog.show();
            dialog.adjustSize();
            QVERIFY(
                dialog.grab().save(QDir(shots).filePath(QStringLiteral("settings-%1.png").arg(language))));
        }
    }

    // Qt's own texts (standard buttons) follow when qt6-translations-l10n is installed.
    void qtTranslations() {
        const QString dir = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
        if (!QFile::exists(QDir(dir).filePath(QStringLiteral("qtbase_de.qm"))))
            QSKIP("qtbase_de.qm is not installed (package qt6-translations-l10n)");
        QCOMPARE(bt::ui::installTranslations(QStringLiteral("de")), QStringLiteral("de"));
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Abbrechen"));
        QCOMPARE(bt::ui::installTranslations(QStringLiteral("en")), QStringLiteral("en"));
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Cancel"));
    }

    void languageSetting() {
        QCOMPARE(bt::ui::installTranslations(QStringLiteral("en")), QStringLiteral("en"));
        bt::ui::GuiSettings s;
        QVERIFY(s.language.isEmpty()); // the system's
        s.language = QStringLiteral("fr");
        const bt::ui::SettingsDialog dialog(s);
        auto *combo = dialog.findChild<QComboBox *>(QStringLiteral("languageCombo"));
        QVERIFY(combo);
        QCOMPARE(combo->count(), 5); // System, English, Deutsch, Français, Español
        QCOMPARE(combo->itemText(0), QStringLiteral("System"));
        QCOMPARE(combo->currentText(), QStringLiteral("Français"));
        QCOMPARE(dialog.settings().language, QStringLiteral("fr"));
        combo->setCurrentIndex(0);
        QVERIFY(dialog.settings().language.isEmpty());

        s.save();
        QCOMPARE(bt::ui::GuiSettings::load().language, QStringLiteral("fr"));
        // At start-up the setting decides.
        bt::ui::setUpGuiApplication();
        QCOMPARE(QCoreApplication::translate("bt::ui::ComparePage", "Compare"), QStringLiteral("Comparer"));
        s.language.clear();
        s.save();
        QVERIFY(bt::ui::GuiSettings::load().language.isEmpty());
        bt::ui::installTranslations(QStringLiteral("en"));
    }

    void windowIcon() {
        const QIcon icon = bt::ui::applicationIcon();
        QVERIFY(!icon.isNull());
        const QList<QSize> sizes = icon.availableSizes();
        for (const int size : {16, 32, 48, 256})
            QVERIFY2(sizes.contains(QSize(size, size)), qPrintable(QString::number(size)));
        QVERIFY(!QGuiApplication::windowIcon().isNull());
        QCOMPARE(QGuiApplication::desktopFileName(), QStringLiteral("org.buildtrace.BuildTrace"));
    }

    // The engine's texts follow the installed translation: a sheet summary in German with the
    // German translation, in English without a translator (as on the command line), and in
    // English when asked for (what the history keeps) whatever is installed.
    void engineSummaries() {
        const bt::PageResult page = changedPage();
        bt::PageResult added = page;
        added.match = bt::MatchKind::Added;
        added.newIdentity.number = QStringLiteral("A-301");

        bt::ui::removeTranslations();
        QCOMPARE(bt::summarisePage(page), kEnglishSummary);
        QCOMPARE(
            bt::summariseJob({page, added}),
            QStringLiteral("2 sheets compared: 1 changed (A-101), 0 unchanged, 1 added (A-301), 0 removed."));

        QCOMPARE(bt::ui::installTranslations(QStringLiteral("de")), QStringLiteral("de"));
        const QString german = bt::summarisePage(page);
        QVERIFY2(german.contains(QStringLiteral("3 \u00c4nderungen")), qPrintable(german));
        QVERIFY2(!german.contains(QStringLiteral("changes")), qPrintable(german));
        QCOMPARE(german,
                 QStringLiteral("A-101: 3 \u00c4nderungen \u2014 1 Text, 1 Ma\u00df, 1 in der Zeichnung. "
                                "Text: \u201eASTM A-37\u201c \u2192 \u201eASTM A-36\u201c. Ma\u00df "
                                "\u201e12'-0\"\u201c \u2192 \u201e12'-6\"\u201c. Zeichnung: 1 "
                                "hinzugef\u00fcgt (oben links)."));
        QCOMPARE(bt::summariseJob({page, added}),
                 QStringLiteral("2 Pl\u00e4ne verglichen: 1 ge\u00e4ndert (A-101), 0 unver\u00e4ndert, "
                                "1 hinzugef\u00fcgt (A-301), 0 entfernt."));
        QCOMPARE(bt::summarisePage(added), QStringLiteral("A-301: Plan im neuen Plansatz hinzugef\u00fcgt."));
        // What the history, the result JSON and the server keep.
        QCOMPARE(bt::summarisePage(page, bt::TextLanguage::English), kEnglishSummary);
        // An error message of the engine.
        bt::DocumentError error;
        QVERIFY(!bt::Document::open(QStringLiteral("/nonexistent/old.pdf"), QString(), &error));
        QVERIFY2(error.message.endsWith(QStringLiteral("Datei nicht gefunden")), qPrintable(error.message));

        QCOMPARE(bt::ui::installTranslations(QStringLiteral("fr")), QStringLiteral("fr"));
        QVERIFY2(
            bt::summarisePage(page).startsWith(QStringLiteral("A-101\u00a0: 3 modifications \u2014 1 texte")),
            qPrintable(bt::summarisePage(page)));
        QCOMPARE(bt::ui::installTranslations(QStringLiteral("es")), QStringLiteral("es"));
        QVERIFY2(bt::summarisePage(page).startsWith(QStringLiteral("A-101: 3 cambios \u2014 1 texto")),
                 qPrintable(bt::summarisePage(page)));

        QCOMPARE(bt::ui::installTranslations(QStringLiteral("en")), QStringLiteral("en"));
        QCOMPARE(bt::summarisePage(page), kEnglishSummary);
    }

    // A job the window runs in German: its cards show German summaries, the history keeps them in
    // English, and the command line reads them back in English (German locale or not).
    void windowJobInGerman() {
        bt::ui::GuiSettings settings = bt::ui::GuiSettings::load();
        settings.dpi = 100;
        settings.save();
        QCOMPARE(bt::ui::installTranslations(QStringLiteral("de")), QStringLiteral("de"));
        MainWindow w;
        w.setFiles(QStringLiteral(BT_SOURCE_DIR "/resources/samples/old.pdf"),
                   QStringLiteral(BT_SOURCE_DIR "/resources/samples/new.pdf"));
        QSignalSpy finished(&w, &MainWindow::jobFinished);
        QVERIFY(w.compare());
        QVERIFY(finished.wait(300000));
        const QString jobId = finished.first().at(0).toString();
        QCOMPARE(finished.first().at(1).value<bt::JobStatus>(), bt::JobStatus::Completed);

        int changed = 0;
        for (const bt::ui::SheetState &card : w.cardList()->sheets()) {
            const QString stored = card.summaryText(), shown = card.shownSummary();
            QVERIFY2(stored.contains(QStringLiteral("change")), qPrintable(stored)); // "no changes." too
            QVERIFY2(shown.contains(QStringLiteral("\u00c4nderung")), qPrintable(shown));
            QVERIFY2(!shown.contains(QStringLiteral("change")), qPrintable(shown));
            if (card.changeCount() > 0 && changed++ == 0) qInfo("%s", qPrintable(shown));
        }
        QVERIFY(changed > 0);
        bt::JobStore store(qEnvironmentVariable("BUILDTRACE_DB"));
        QVERIFY(store.open());
        const std::optional<bt::JobRecord> job = store.job(jobId);
        QVERIFY(job);
        QVERIFY2(job->summaryText.contains(QStringLiteral("sheets compared")), qPrintable(job->summaryText));

        const CliRun show = runCli({QStringLiteral("show"), jobId, QStringLiteral("--json"),
                                    QStringLiteral("--db"), qEnvironmentVariable("BUILDTRACE_DB")},
                                   QStringLiteral("-"),
                                   {{QStringLiteral("LANGUAGE"), QStringLiteral("de")},
                                    {QStringLiteral("LC_ALL"), QStringLiteral("de_DE.UTF-8")},
                                    {QStringLiteral("LANG"), QStringLiteral("de_DE.UTF-8")}});
        QVERIFY2(show.exitCode == 0, qPrintable(describe(show)));
        QCOMPARE(show.json.value(QStringLiteral("summary_text")).toString(), job->summaryText);
        const QJsonArray pages = show.json.value(QStringLiteral("pages")).toArray();
        QCOMPARE(size_t(pages.size()), w.cardList()->sheets().size());
        for (const QJsonValue &p : pages) {
            const QString text = p.toObject()
                                     .value(QStringLiteral("summary"))
                                     .toObject()
                                     .value(QStringLiteral("summary_text"))
                                     .toString();
            QVERIFY2(text.contains(QStringLiteral("change")), qPrintable(text));
        }
        QCOMPARE(bt::ui::installTranslations(QStringLiteral("en")), QStringLiteral("en"));
    }

    void tsFiles_data() {
        QTest::addColumn<QString>("language");
        for (const char *language : {"de", "fr", "es", "en"})
            QTest::newRow(language) << QString::fromLatin1(language);
    }

    // Each .ts file: every current message translated (not unfinished, not empty), numerus
    // messages with the language's number of forms, the source's placeholders kept. Obsolete and
    // vanished entries (left by lupdate for strings no longer in the code) don't count.
    void tsFiles() {
        QFETCH(QString, language);
        const QString path = QStringLiteral(BT_SOURCE_DIR "/translations/buildtrace_%1.ts").arg(language);
        QFile file(path);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
        QXmlStreamReader xml(&file);
        QString fileLanguage, context, source, type;
        bool numerus = false;
        QStringList forms;
        QString text;
        int messages = 0, numerusMessages = 0;
        QStringList problems;
        while (!xml.atEnd()) {
            xml.readNext();
            const auto name = xml.name();
            if (xml.isStartElement()) {
                if (name == u"TS") {
                    fileLanguage = xml.attributes().value(QStringLiteral("language")).toString();
                } else if (name == u"name") {
                    context = xml.readElementText();
                } else if (name == u"message") {
                    numerus = xml.attributes().value(QStringLiteral("numerus")) == u"yes";
                    source.clear();
                    forms.clear();
                    text.clear();
                    type.clear();
                } else if (name == u"source") {
                    source = xml.readElementText();
                } else if (name == u"translation") {
                    type = xml.attributes().value(QStringLiteral("type")).toString();
                    if (!numerus) text = xml.readElementText();
                } else if (name == u"numerusform") {
                    forms << xml.readElementText();
                }
            } else if (xml.isEndElement() && name == u"message") {
                if (type == u"vanished" || type == u"obsolete") continue;
                ++messages;
                const QString where = QStringLiteral("%1 \"%2\"").arg(context, source);
                if (type == u"unfinished") problems << where + QStringLiteral(": unfinished");
                const QStringList translations = numerus ? forms : QStringList{text};
                if (numerus) {
                    ++numerusMessages;
                    if (forms.size() != pluralForms(language))
                        problems << where + QStringLiteral(": %1 plural forms").arg(forms.size());
                }
                for (const QString &t : translations) {
                    if (t.trimmed().isEmpty())
                        problems << where + QStringLiteral(": empty");
                    else if (placeholders(t) != placeholders(source))
                        problems << where + QStringLiteral(": placeholders differ in \"%1\"").arg(t);
                }
                if (language == u"en" && !numerus) problems << where + QStringLiteral(": not a plural");
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QCOMPARE(fileLanguage, language);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
        QVERIFY(numerusMessages >= 3); // sheets, changes, sheets in a drop zone
        if (language != u"en") QVERIFY2(messages > 300, qPrintable(QString::number(messages)));
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
