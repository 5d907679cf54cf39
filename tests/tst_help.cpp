// Help menu: the keyboard shortcuts table is generated from the window's actions (every action
// with a shortcut is listed with it), and the user guide is the README's, bundled with its
// pictures (no network, no files next to the program).

#include "helpdialogs.h"
#include "mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QMenuBar>
#include <QTableWidget>
#include <QTextBrowser>
#include <QtTest>

using namespace bt;

class TestHelp : public QObject {
    Q_OBJECT

    static QAction *helpAction(ui::MainWindow &w, const QString &text) {
        for (QAction *menu : w.menuBar()->actions())
            if (menu->menu() && menu->text().remove(QLatin1Char('&')) == QLatin1String("Help"))
                for (QAction *a : menu->menu()->actions())
                    if (a->text().remove(QLatin1Char('&')) == text) return a;
        return nullptr;
    }

private slots:
    void keyboardShortcutsComeFromTheActions() {
        ui::MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QAction *shortcuts = helpAction(w, QStringLiteral("Keyboard Shortcuts"));
        QVERIFY(shortcuts);
        shortcuts->trigger();
        auto *dialog = w.findChild<QDialog *>(QStringLiteral("shortcutsDialog"));
        QVERIFY(dialog && dialog->isVisible());
        auto *table = dialog->findChild<QTableWidget *>(QStringLiteral("shortcutTable"));
        QVERIFY(table);
        QHash<QString, QString> rows;
        for (int r = 0; r < table->rowCount(); ++r)
            rows.insert(table->item(r, 0)->text(), table->item(r, 1)->text());
        // Every action of the window with a shortcut has its row with that shortcut.
        int withShortcut = 0;
        for (const QAction *a : w.findChildren<QAction *>()) {
            if (a->shortcut().isEmpty() || a->text().isEmpty()) continue;
            ++withShortcut;
            QString text = a->text().remove(QLatin1Char('&')).remove(QStringLiteral("…")).trimmed();
            QVERIFY2(rows.contains(text), qPrintable(text));
            QVERIFY2(rows.value(text).contains(a->shortcut().toString(QKeySequence::NativeText)),
                     qPrintable(text));
        }
        QVERIFY(withShortcut >= 20);
        QCOMPARE(rows.value(QStringLiteral("Export Report")), QStringLiteral("Ctrl+E"));
        QVERIFY(rows.value(QStringLiteral("Compare")).contains(QStringLiteral("Ctrl+Return")));
    }

    void userGuideIsBundled() {
        const QString guide = ui::userGuideMarkdown();
        QVERIFY(guide.startsWith(QStringLiteral("## User guide")));
        QVERIFY(guide.contains(QStringLiteral("### The overlay viewer")));
        QVERIFY(!guide.contains(QStringLiteral("\n## Command line"))); // only its own section

        ui::MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QAction *open = helpAction(w, QStringLiteral("User Guide"));
        QVERIFY(open);
        QCOMPARE(open->shortcut(), QKeySequence(QKeySequence::HelpContents));
        open->trigger();
        auto *browser = w.findChild<QTextBrowser *>(QStringLiteral("userGuide"));
        QVERIFY(browser && browser->isVisible());
        QVERIFY(browser->toPlainText().contains(QStringLiteral("Comparing")));
        // Its pictures come from the program's resources, as the README names them.
        const QVariant picture = browser->loadResource(QTextDocument::ImageResource,
                                                       QUrl(QStringLiteral("docs/images/gui-done.png")));
        QVERIFY(picture.isValid());
        QVERIFY(!qvariant_cast<QImage>(picture).isNull() || !picture.toByteArray().isEmpty());
    }
};

QTEST_MAIN(TestHelp)
#include "tst_help.moc"
