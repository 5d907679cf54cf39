// OLD and NEW from the drawings: the revision read from title blocks (REV field, the revision
// table's last row, the latest date) on generated sets and on the public and real-world pairs,
// how revisions compare, and the window's use of it when two files are dropped: assigned by
// revision against the file dates, and the "which is the newer set?" prompt when the title
// blocks cannot tell.

#include "drawinggenerator.h"
#include "guiapplication.h"
#include "mainwindowfixture.h"
#include "testutil.h"

#include "document/document.h"
#include "dropzone.h"
#include "mainwindow.h"
#include "setorder.h"
#include "sheet/setrevision.h"

#include <QApplication>
#include <QDir>
#include <QDropEvent>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTimer>
#include <QUrl>
#include <QtTest>

using namespace bt;
using namespace bt::test;
using bt::ui::MainWindow;
using bt::ui::NewerSetDialog;

namespace {


Word word(const QString &text, double x, double y, double h = 8) {
    return Word{text, QRectF(x, y, 6.0 * h * 0.6 * text.size() / 6.0 + 2, h)};
}

void setModified(const QString &path, const QDateTime &when) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadWrite));
    QVERIFY(f.setFileTime(when, QFileDevice::FileModificationTime));
}

SetRevision readSetFile(const QString &path) {
    DocumentError error;
    const auto doc = Document::open(path, QString(), &error);
    return doc ? readSetRevision(*doc) : SetRevision();
}

QString verdict(std::optional<bool> v) {
    return !v ? QStringLiteral("undecided") : *v ? QStringLiteral("agrees") : QStringLiteral("REVERSED");
}

} // namespace

class TestSetRevision : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_rev1, m_rev2, m_rev1Copy; // 3 tabloid sheets each; rev1Copy: same revision as rev1

    QString path(const QString &name) const { return m_dir.filePath(name); }

    QVector<SheetSpec> sheets(const QString &revision, const QStringList &rows) const {
        QVector<SheetSpec> out = {
            makeSheet(QStringLiteral("X-101"), QStringLiteral("FIRST FLOOR PLAN"), 11, kTabloid),
            makeSheet(QStringLiteral("X-102"), QStringLiteral("SECOND FLOOR PLAN"), 12, kTabloid),
            makeSheet(QStringLiteral("X-103"), QStringLiteral("ROOF PLAN"), 13, kTabloid)};
        for (SheetSpec &s : out) {
            s.revision = revision;
            s.revisionRows = rows;
        }
        return out;
    }

private slots:
    void initTestCase() {
        ui::setUpGuiApplication();
        QVERIFY(m_dir.isValid());
        QCoreApplication::setOrganizationName(QStringLiteral("BuildTraceTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_setrevision"));
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, path(QStringLiteral("settings")));
        QSettings().clear();
        m_rev1 = path(QStringLiteral("rev1.pdf"));
        m_rev2 = path(QStringLiteral("rev2.pdf"));
        m_rev1Copy = path(QStringLiteral("rev1-again.pdf"));
        QCOMPARE(writeVectorSet(m_rev1, sheets(QStringLiteral("REV 1"), {})).size(), 3);
        QCOMPARE(writeVectorSet(m_rev2,
                                sheets(QStringLiteral("REV 2"), {QStringLiteral("2 ADDENDUM 1 03/21/2025")}))
                     .size(),
                 3);
        QCOMPARE(writeVectorSet(m_rev1Copy, sheets(QStringLiteral("REV 1"), {})).size(), 3);
    }

    void comparesValues() {
        QCOMPARE(compareRevisionValues(QStringLiteral("2"), QStringLiteral("10")), -1); // numerically
        QCOMPARE(compareRevisionValues(QStringLiteral("B"), QStringLiteral("A")), 1);
        QCOMPARE(compareRevisionValues(QStringLiteral("Z"), QStringLiteral("AA")), -1);
        QCOMPARE(compareRevisionValues(QStringLiteral("1.04c"), QStringLiteral("1.05")), -1);
        QCOMPARE(compareRevisionValues(QStringLiteral("A1"), QStringLiteral("A2")), -1);
        QCOMPARE(compareRevisionValues(QStringLiteral("1.0"), QStringLiteral("1.0a")), -1);
        QCOMPARE(compareRevisionValues(QStringLiteral("c"), QStringLiteral("C")), 0);
        QVERIFY(!compareRevisionValues(QStringLiteral("A"), QStringLiteral("0"))); // letter vs number
    }

    void readsFieldsFromWords() {
        const QSizeF page(1224, 792);
        // "REV. B" and "Revision: C" with the colon apart; a table's last row; a US date.
        auto read = [&](const Words &w) { return readPageRevision(w, page); };
        QCOMPARE(read({word(QStringLiteral("REV."), 1000, 700), word(QStringLiteral("B"), 1030, 700)}).field,
                 QStringLiteral("B"));
        QCOMPARE(read({word(QStringLiteral("Revision"), 1000, 700), word(QStringLiteral(":"), 1050, 700),
                       word(QStringLiteral("C"), 1080, 700)})
                     .field,
                 QStringLiteral("C"));
        QCOMPARE(
            read({word(QStringLiteral("Rev:"), 1000, 700), word(QStringLiteral("1.04c"), 1030, 700)}).field,
            QStringLiteral("1.04C"));
        QCOMPARE(read({word(QStringLiteral("REV.B"), 1000, 700)}).field, QStringLiteral("B"));
        QCOMPARE(read({word(QStringLiteral("REV3"), 1000, 700)}).field, QStringLiteral("3"));
        // "REVISIONS" is a heading, and a label without a value is nothing.
        QVERIFY(read({word(QStringLiteral("REVISIONS"), 1000, 700), word(QStringLiteral("A"), 1080, 700)})
                    .field.isEmpty());
        QVERIFY(read({word(QStringLiteral("REV"), 1000, 700), word(QStringLiteral("DATE"), 1030, 700)})
                    .field.isEmpty());
        const SetRevision table =
            read({word(QStringLiteral("NO."), 1000, 500), word(QStringLiteral("DESCRIPTION"), 1030, 500),
                  word(QStringLiteral("0"), 1001, 520), word(QStringLiteral("PERMIT"), 1030, 520),
                  word(QStringLiteral("1"), 1001, 540), word(QStringLiteral("BID"), 1030, 540),
                  word(QStringLiteral("2"), 1001, 560), word(QStringLiteral("04/02/2025"), 1100, 560),
                  // far below: not the table any more
                  word(QStringLiteral("7"), 1001, 760)});
        QCOMPARE(table.tableRow, QStringLiteral("2"));
        QCOMPARE(table.date, QDate(2025, 4, 2));
        QVERIFY(table.field.isEmpty());
    }

    void decidesOrUndecides() {
        SetRevision a, b;
        a.field = QStringLiteral("2");
        b.field = QStringLiteral("1");
        QCOMPARE(isNewer(a, b), std::optional<bool>(true));
        QCOMPARE(isNewer(b, a), std::optional<bool>(false));
        a.date = QDate(2025, 1, 1);
        b.date = QDate(2025, 3, 1); // the date says the opposite: cannot decide
        QVERIFY(!isNewer(a, b));
        b.date = a.date;
        QCOMPARE(isNewer(a, b), std::optional<bool>(true));
        b.field = a.field; // all equal
        QVERIFY(!isNewer(a, b));
        b.field = QStringLiteral("A"); // letter vs number, no other sign
        QVERIFY(!isNewer(a, b));
        QVERIFY(!isNewer(SetRevision(), SetRevision()));

        // Sheets by drawing number: one revised, the others the same -> newer; one revised up
        // and another down -> cannot tell. The sets' fields do not vote then.
        SetRevision c, d;
        c.sheets = {{QStringLiteral("A-101"), QStringLiteral("1")},
                    {QStringLiteral("A-104"), QStringLiteral("2")}};
        d.sheets = {{QStringLiteral("A-101"), QStringLiteral("0")},
                    {QStringLiteral("A-104"), QStringLiteral("2")},
                    {QStringLiteral("S-101"), QStringLiteral("5")}};
        c.field = QStringLiteral("1");
        d.field = QStringLiteral("2");
        QCOMPARE(isNewer(c, d), std::optional<bool>(true));
        d.sheets[QStringLiteral("A-104")] = QStringLiteral("3");
        QVERIFY(!isNewer(c, d));
    }

    void readsGeneratedSets() {
        QElapsedTimer timer;
        timer.start();
        const SetRevision r1 = readSetFile(m_rev1), r2 = readSetFile(m_rev2);
        qInfo("read two 3-sheet sets in %lld ms", timer.elapsed());
        QCOMPARE(r1.pagesRead, 3);
        QCOMPARE(r1.field, QStringLiteral("1"));
        QCOMPARE(r1.tableRow, QStringLiteral("1"));
        QCOMPARE(r1.date, QDate(2025, 2, 14));
        QCOMPARE(r2.field, QStringLiteral("2"));
        QCOMPARE(r2.tableRow, QStringLiteral("2"));
        QCOMPARE(r2.date, QDate(2025, 3, 21));
        QCOMPARE(isNewer(r2, r1), std::optional<bool>(true));
        QVERIFY(!isNewer(r1, readSetFile(m_rev1Copy)));
    }

    void readsPublicAndRealPairs_data() {
        QTest::addColumn<QString>("dir");
        const QString shared = QStringLiteral(BT_SHARED_DIR);
        for (const QString &root :
             {shared + QStringLiteral("/corpus/public"), shared + QStringLiteral("/realworld/pairs")})
            for (const QString &d : QDir(root).entryList(QDir::Dirs | QDir::NoDotAndDotDot))
                if (QFile::exists(root + QLatin1Char('/') + d + QStringLiteral("/old.pdf")))
                    QTest::newRow(qPrintable(d)) << root + QLatin1Char('/') + d;
    }

    void readsPublicAndRealPairs() {
        QFETCH(QString, dir);
        QElapsedTimer timer;
        timer.start();
        const SetRevision o = readSetFile(dir + QStringLiteral("/old.pdf")),
                          n = readSetFile(dir + QStringLiteral("/new.pdf"));
        const std::optional<bool> v = isNewer(n, o);
        qInfo("%s: old %s / %s / %s, new %s / %s / %s: %s (%lld ms)", qPrintable(QDir(dir).dirName()),
              qPrintable(o.field), qPrintable(o.tableRow), qPrintable(o.date.toString(Qt::ISODate)),
              qPrintable(n.field), qPrintable(n.tableRow), qPrintable(n.date.toString(Qt::ISODate)),
              qPrintable(verdict(v)), timer.elapsed());
        // Never the wrong way round: right, or "cannot tell". Where the title blocks do differ
        // (sheet revisions, Rev 1.04c/1.05, the date of A1) it must be decided.
        QVERIFY(!v || *v);
        static const QStringList decidable = {QStringLiteral("case02_svg"), QStringLiteral("duet2-kicad-sch"),
                                              QStringLiteral("respiraworks-mainboard-sch-rc1")};
        if (decidable.contains(QDir(dir).dirName())) QCOMPARE(v, std::optional<bool>(true));
    }

    void cliWarnsWhenReversed() {
        // The CLI compares in the order given; the title blocks only raise a warning.
        const CliRun reversed = runCli(
            {QStringLiteral("compare"), m_rev2, m_rev1, QStringLiteral("--dpi"), QStringLiteral("50")});
        QVERIFY2(reversed.finished && reversed.exitCode != 2, qPrintable(describe(reversed)));
        QVERIFY2(reversed.stdErr.contains(QStringLiteral(
                     "warning: the title blocks say OLD is the newer set (OLD revision 2, dated 2025-03-21, "
                     "NEW revision 1, dated 2025-02-14); compared in the order given")),
                 qPrintable(describe(reversed)));
        const CliRun inOrder = runCli(
            {QStringLiteral("compare"), m_rev1, m_rev2, QStringLiteral("--dpi"), QStringLiteral("50")});
        QVERIFY2(inOrder.finished && inOrder.exitCode != 2, qPrintable(describe(inOrder)));
        QVERIFY2(!inOrder.stdErr.contains(QStringLiteral("warning")), qPrintable(describe(inOrder)));
    }

    void dropAssignsByRevision() {
        // The newer revision has the older file date (a re-download of the older set, say).
        const QString older = path(QStringLiteral("drop-a.pdf")), newer = path(QStringLiteral("drop-b.pdf"));
        QVERIFY(QFile::copy(m_rev2, older));
        QVERIFY(QFile::copy(m_rev1, newer));
        const QDateTime now = QDateTime::currentDateTime();
        setModified(older, now.addDays(-10));
        setModified(newer, now.addDays(-1));
        MainWindow w;
        QVERIFY(dropFiles(&w, {older, newer}));
        QTRY_COMPARE_WITH_TIMEOUT(w.oldZone()->path(), newer, 20000);
        QCOMPARE(w.newZone()->path(), older);
        QCOMPARE(w.statusBar()->currentMessage(),
                 QStringLiteral(
                     "NEW is revision 2, dated 2025-03-21 (title blocks); OLD revision 1, dated 2025-02-14"));
    }

    void undecidedAsks() {
        const QString a = path(QStringLiteral("set-a.pdf")), b = path(QStringLiteral("set-b.pdf"));
        QVERIFY(QFile::copy(m_rev1, a));
        QVERIFY(QFile::copy(m_rev1Copy, b));
        const QDateTime now = QDateTime::currentDateTime();
        setModified(a, now.addDays(-3));
        setModified(b, now.addDays(-1));
        MainWindow w;
        w.show();
        // Answers the prompt: b is the newer file by date and the default; the user says a.
        QString shownText;
        bool defaultIsB = false;
        QTimer answer;
        connect(&answer, &QTimer::timeout, this, [&] {
            auto *dialog = qobject_cast<NewerSetDialog *>(QApplication::activeModalWidget());
            if (!dialog || !dialog->isVisible()) return;
            answer.stop();
            for (const QLabel *l : dialog->findChildren<QLabel *>())
                shownText += l->text() + QLatin1Char('\n');
            defaultIsB = dialog->button(1)->isDefault() &&
                         dialog->button(1)->text().contains(QStringLiteral("set-b.pdf"));
            const QString shot = qEnvironmentVariable("BT_WHICH_IS_NEWER_PNG");
            if (!shot.isEmpty()) dialog->grab().save(shot);
            dialog->button(0)->click();
        });
        answer.start(30);
        QVERIFY(dropFiles(&w, {b, a}));
        QTRY_COMPARE_WITH_TIMEOUT(w.newZone()->path(), a, 20000);
        QCOMPARE(w.oldZone()->path(), b);
        QVERIFY(defaultIsB);
        QVERIFY2(shownText.contains(QStringLiteral("set-a.pdf")) &&
                     shownText.contains(QStringLiteral("set-b.pdf")),
                 qPrintable(shownText));
        QVERIFY2(shownText.contains(QStringLiteral("revision 1, dated 2025-02-14")), qPrintable(shownText));
        QVERIFY(w.statusBar()->currentMessage().startsWith(QStringLiteral("NEW: set-a.pdf, OLD: set-b.pdf")));
    }
};

QTEST_MAIN(TestSetRevision)
#include "tst_setrevision.moc"
