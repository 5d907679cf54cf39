// The PDF report's layout on jobs made up in memory: the cover's sheet table and a long change
// table continued on further pages, the outline and links, rejected changes, the paper size,
// cancelling, CSV quoting, and the export dialog. The public corpus: tst_report.

#include "report/changelistexport.h"
#include "report/report.h"
#include "report/reportwriter.h"
#include "reportexportdialog.h"
#include "reportfixture.h"
#include "testutil.h"

#include <QComboBox>
#include <QFile>
#include <QFileInfo>
#include <QLineEdit>
#include <QPdfDocument>
#include <QPdfSelection>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <atomic>
#include <memory>
#include <poppler-qt6.h>

using namespace bt;
using namespace bt::test;

class TestReportLayout : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        // The export dialog remembers its cover fields: never in the user's settings.
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, path(QStringLiteral("settings")));
    }

    // A long sheet table goes on over more cover pages; every number is on one of them.
    void coverTablePaginates() {
        const ReportInput in = syntheticInput(120, 0);
        ReportOptions opt;
        opt.scope = ReportOptions::Scope::Selected; // no sheet pages: the cover alone
        const QString pdf = path(QStringLiteral("long-cover.pdf"));
        ReportLayout layout;
        QString error;
        QVERIFY2(writeReport(in, opt, pdf, {}, nullptr, &error, &layout), qPrintable(error));
        QVERIFY2(layout.coverPages >= 3, qPrintable(QString::number(layout.coverPages)));
        QVERIFY(layout.appendixPages >= 2); // its alignment table lists every sheet too
        QCOMPARE(layout.pageCount, layout.coverPages + layout.appendixPages);
        QPdfDocument doc;
        QCOMPARE(doc.load(pdf), QPdfDocument::Error::None);
        QCOMPARE(doc.pageCount(), layout.pageCount);
        QString all;
        for (int i = 0; i < layout.coverPages; ++i)
            all += pageText(doc, i) + QLatin1Char(' ');
        for (const PageResult &p : in.comparison.pages)
            QVERIFY2(all.contains(p.drawingName() + QLatin1Char(' ')), qPrintable(p.drawingName()));
        QVERIFY(pageText(doc, 1).contains(QStringLiteral("Sheets (continued)")));
    }

    // A change table longer than the panel continues on pages of the sheet's size.
    void changeTableContinues() {
        const ReportInput in = syntheticInput(2, 150);
        const QString pdf = path(QStringLiteral("long-table.pdf"));
        ReportLayout layout;
        QString error;
        QVERIFY2(writeReport(in, ReportOptions(), pdf, {}, nullptr, &error, &layout), qPrintable(error));
        QCOMPARE(layout.sheets, (QVector<int>{1, 2}));
        QVERIFY2(layout.sheetPageCount[0] >= 2, qPrintable(QString::number(layout.sheetPageCount[0])));
        QCOMPARE(layout.sheetPageCount[1], 1);
        QCOMPARE(layout.pageCount, layout.coverPages + layout.sheetPageCount[0] + 1 + layout.appendixPages);
        QPdfDocument doc;
        QCOMPARE(doc.load(pdf), QPdfDocument::Error::None);
        QCOMPARE(doc.pageCount(), layout.pageCount);
        QString all;
        for (int i = 0; i < layout.sheetPageCount[0]; ++i) {
            const int page = layout.sheetFirstPage[0] - 1 + i;
            QCOMPARE(doc.pagePointSize(page), QSizeF(2592, 1728));
            all += pageText(doc, page) + QLatin1Char(' ');
        }
        // Known limit: on a page that is mostly one long table, PDFium (QtPdf, Chrome) guesses a
        // vertical text flow (FindTextlineFlowOrientation: more of the page height than of its
        // width has text) and returns it a character per line; poppler reads it as written. So
        // here the texts are compared without whitespace.
        all.remove(QRegularExpression(QStringLiteral("\\s")));
        for (int r = 1; r <= 150; ++r) {
            QVERIFY2(all.contains(QStringLiteral("OLDTEXT%1NEWTEXT%1").arg(r)),
                     qPrintable(QString::number(r)));
        }
        // The cover's page column points at each sheet's first page.
        const QString cover = pageText(doc, 0);
        QVERIFY2(cover.contains(
                     QStringLiteral("S-102 SYNTHETIC SHEET 2 Unchanged 0 %1").arg(layout.sheetFirstPage[1])),
                 qPrintable(cover));
    }

    // One bookmark per reported sheet, and the cover's rows link to the sheets' pages.
    void outlineAndLinks() {
        const ReportInput in = syntheticInput(70, 3);
        ReportOptions opt;
        opt.scope = ReportOptions::Scope::Selected;
        for (int i = 1; i <= 70; i += 3)
            opt.pages << i;
        const QString pdf = path(QStringLiteral("links.pdf"));
        ReportLayout layout;
        QString error;
        QVERIFY2(writeReport(in, opt, pdf, {}, nullptr, &error, &layout), qPrintable(error));
        QVERIFY(layout.coverPages >= 2);
        QCOMPARE(layout.sheets.size(), opt.pages.size());
        const std::unique_ptr<Poppler::Document> doc = Poppler::Document::load(pdf);
        QVERIFY(doc && !doc->isLocked());
        QCOMPARE(doc->numPages(), layout.pageCount);

        const QVector<Poppler::OutlineItem> outline = doc->outline();
        QCOMPARE(outline.size(), layout.sheets.size());
        for (int i = 0; i < outline.size(); ++i) {
            const PageResult &p = in.comparison.pages[layout.sheets[i] - 1];
            QVERIFY2(outline[i].name().startsWith(p.drawingName()), qPrintable(outline[i].name()));
            QVERIFY(outline[i].destination());
            QCOMPARE(outline[i].destination()->pageNumber(), layout.sheetFirstPage[i]);
        }

        // Every link of the cover pages sits on the row of the sheet whose page it opens.
        int links = 0;
        for (int c = 0; c < layout.coverPages; ++c) {
            const std::unique_ptr<Poppler::Page> page = doc->page(c);
            const QSizeF size = page->pageSizeF();
            for (const std::unique_ptr<Poppler::Link> &link : page->links()) {
                QCOMPARE(link->linkType(), Poppler::Link::Goto);
                const int target =
                    static_cast<const Poppler::LinkGoto *>(link.get())->destination().pageNumber();
                const int sheet = int(layout.sheetFirstPage.indexOf(target));
                QVERIFY2(sheet >= 0, qPrintable(QString::number(target)));
                const QRectF area = link->linkArea().normalized();
                const QRectF pt(area.left() * size.width(), area.top() * size.height(),
                                area.width() * size.width(), area.height() * size.height());
                const QString row = flat(page->text(pt));
                const QString name = in.comparison.pages[layout.sheets[sheet] - 1].drawingName();
                QVERIFY2(row.contains(name + QLatin1Char(' ')),
                         qPrintable(row + QStringLiteral(" -> ") + name));
                // The page it lands on is that sheet's.
                QVERIFY(flat(doc->page(target - 1)->text(QRectF())).contains(name));
                ++links;
            }
        }
        QCOMPARE(links, int(layout.sheets.size()));
    }

    // Rejected changes: a dashed grey cloud instead of the overlay's, struck through in the table;
    // or left out. "Reviewed only" keeps the reviewed ones.
    void rejectedChanges() {
        ReportInput in = syntheticInput(2, 4);
        in.reviews.insert(ReportInput::reviewKey(1, 2),
                          {QStringLiteral("rejected"), QStringLiteral("not ours"), {}, {}});
        in.reviews.insert(ReportInput::reviewKey(1, 3), {QStringLiteral("accepted"), QString(), {}, {}});
        auto sheetText = [&](const ReportOptions &opt, const QString &name) {
            const QString pdf = path(name);
            ReportLayout layout;
            QString error;
            if (!writeReport(in, opt, pdf, {}, nullptr, &error, &layout)) return error;
            return flat(pdfText(pdf, layout.sheetFirstPage.first(), layout.sheetFirstPage.first()));
        };
        ReportOptions shown;
        const QString a = sheetText(shown, QStringLiteral("rejected-shown.pdf"));
        for (int r = 1; r <= 4; ++r)
            QVERIFY2(a.contains(QStringLiteral("OLDTEXT%1").arg(r)), qPrintable(a));
        QVERIFY(a.contains(QStringLiteral("rejected change")));    // the legend entry
        QVERIFY(a.contains(QStringLiteral("Rejected: not ours"))); // struck, but there
        ReportOptions leftOut;
        leftOut.rejected = ReportOptions::Rejected::LeftOut;
        const QString b = sheetText(leftOut, QStringLiteral("rejected-out.pdf"));
        QVERIFY2(!b.contains(QStringLiteral("OLDTEXT2")), qPrintable(b));
        for (int r : {1, 3, 4})
            QVERIFY(b.contains(QStringLiteral("OLDTEXT%1").arg(r)));
        QVERIFY(!b.contains(QStringLiteral("rejected change")));
        // The heading and the summary count the changes that are in the report.
        QVERIFY2(b.contains(QStringLiteral("Changed \u00b7 3 changes")), qPrintable(b));
        QVERIFY2(b.contains(QStringLiteral("S-101: 3 changes")), qPrintable(b));
        ReportOptions reviewed;
        reviewed.reviewedOnly = true;
        const QString c = sheetText(reviewed, QStringLiteral("reviewed-only.pdf"));
        QVERIFY(c.contains(QStringLiteral("OLDTEXT2")) && c.contains(QStringLiteral("OLDTEXT3")));
        QVERIFY(!c.contains(QStringLiteral("OLDTEXT1")) && !c.contains(QStringLiteral("OLDTEXT4")));
        QVERIFY(c.contains(QStringLiteral("Changes (2)")));

        // Changed sheets only, every change of a sheet left out: the sheet has no page.
        ReportInput all = syntheticInput(2, 2);
        all.comparison.pages[1].regions = all.comparison.pages[0].regions;
        for (int r = 1; r <= 2; ++r)
            all.reviews.insert(ReportInput::reviewKey(1, r), {QStringLiteral("rejected"), QString(), {}, {}});
        ReportOptions changedOut;
        changedOut.scope = ReportOptions::Scope::ChangedOnly;
        changedOut.rejected = ReportOptions::Rejected::LeftOut;
        ReportLayout layout;
        QString error;
        QVERIFY(writeReport(all, changedOut, path(QStringLiteral("changed-out.pdf")), {}, nullptr, &error,
                            &layout));
        QCOMPARE(layout.sheets, QVector<int>{2});
    }

    // A paper size: every page on it (sheets fitted and turned, the cover portrait).
    void paperSize() {
        const ReportInput in = syntheticInput(3, 5);
        ReportOptions opt;
        QVERIFY(ReportOptions::paperFromName(QStringLiteral("A3"), &opt.paper));
        const QString pdf = path(QStringLiteral("a3.pdf"));
        ReportLayout layout;
        QString error;
        QVERIFY2(writeReport(in, opt, pdf, {}, nullptr, &error, &layout), qPrintable(error));
        const QString info =
            tool(QStringLiteral("pdfinfo"), {QStringLiteral("-f"), QStringLiteral("1"), QStringLiteral("-l"),
                                             QString::number(layout.pageCount), pdf});
        const QStringList sizes =
            info.split(QLatin1Char('\n')).filter(QRegularExpression(QStringLiteral("^Page\\s+\\d+ size: ")));
        QCOMPARE(sizes.size(), layout.pageCount);
        for (const QString &line : sizes)
            QVERIFY2(line.endsWith(QStringLiteral("(A3)")), qPrintable(line));
        // The cover portrait, the (landscape) sheets turned.
        QVERIFY2(sizes.first().contains(QStringLiteral(" 842 x 1191 pts")), qPrintable(sizes.first()));
        QVERIFY2(sizes[1].contains(QStringLiteral(" 1191 x 842 pts")),
                 qPrintable(sizes[1])); // landscape sheet
        QVERIFY(!ReportOptions::paperFromName(QStringLiteral("B5"), &opt.paper));
    }

    void cancelLeavesNothing() {
        const ReportInput in = syntheticInput(3, 5);
        const QString pdf = path(QStringLiteral("cancelled.pdf"));
        std::atomic<bool> cancel{false};
        QString error;
        const bool ok = writeReport(
            in, ReportOptions(), pdf,
            [&](int done, int) {
                if (done >= 1) cancel = true;
            },
            &cancel, &error);
        QVERIFY(!ok);
        QVERIFY2(error.contains(pdf) && error.contains(QStringLiteral("cancelled")), qPrintable(error));
        QVERIFY(!QFileInfo::exists(pdf));
    }

    void csvQuoting() {
        ReportInput in = syntheticInput(2, 3);
        in.comparison.pages[0].regions[0].oldText = {QStringLiteral("NOTE 3, \"TYP\"")};
        in.comparison.pages[0].regions[1].newText = {QStringLiteral("LINE ONE\nLINE TWO")};
        in.comparison.pages[1].match = MatchKind::Added;
        in.reviews.insert(ReportInput::reviewKey(1, 3),
                          {QStringLiteral("accepted"), QStringLiteral("ok, \"done\""),
                           QStringLiteral("tester"), QDateTime::currentDateTimeUtc()});
        const QString file = path(QStringLiteral("quoting.csv"));
        QString error;
        QVERIFY2(writeChangeListCsv(in, file, &error), qPrintable(error));
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY(bytes.contains("\"NOTE 3, \"\"TYP\"\"\""));
        const QVector<QStringList> rows = parseCsv(bytes);
        QCOMPARE(rows.size(), 1 + 3 + 1); // header, three changes, the added sheet
        QCOMPARE(rows[0].join(QLatin1Char(',')),
                 QStringLiteral("sheet,drawing_number,title,change_number,kind,x_pt,y_pt,w_pt,h_pt,old_text,"
                                "new_text,review_status,comment,reviewer,reviewed_at"));
        for (const QStringList &r : rows)
            QCOMPARE(r.size(), 15);
        QCOMPARE(rows[1][9], QStringLiteral("NOTE 3, \"TYP\""));
        QCOMPARE(rows[2][10], QStringLiteral("LINE ONE\nLINE TWO"));
        QCOMPARE(rows[1][11], QStringLiteral("open"));
        QCOMPARE(rows[3][11], QStringLiteral("accepted"));
        QCOMPARE(rows[3][12], QStringLiteral("ok, \"done\""));
        QCOMPARE(rows[4][4], QStringLiteral("sheet_added"));
        QCOMPARE(rows[4][3], QString());
        QCOMPARE(rows[1][5], QStringLiteral("96")); // the cloud as drawn: the ink at x 100 with 4 pt around
        QCOMPARE(csvField(QStringLiteral("plain")), QStringLiteral("plain"));
    }

    void dialogExportsAndCancels() {
        const ReportInput in = syntheticInput(4, 20);
        {
            ui::ReportExportDialog dialog(in, {2, 3}, nullptr);
            QCOMPARE(dialog.options().scope, ReportOptions::Scope::Selected);
            QCOMPARE(dialog.options().pages, (QList<int>{2, 3}));
            QCOMPARE(dialog.options().dpi, 150.0);
            const QString pdf = path(QStringLiteral("dialog.pdf"));
            dialog.setOutputPath(pdf);
            QSignalSpy done(&dialog, &ui::ReportExportDialog::exportFinished);
            dialog.start();
            QVERIFY(dialog.isRunning());
            QVERIFY(done.wait(60000));
            QCOMPARE(done.first().at(0).toBool(), true);
            QPdfDocument doc;
            QCOMPARE(doc.load(pdf), QPdfDocument::Error::None);
            QCOMPARE(doc.pageCount(), 1 + 2 + 1);
        }
        {
            // The cover fields and page options: in the report, and remembered for the next one.
            ui::ReportExportDialog dialog(in, {}, nullptr);
            QVERIFY(dialog.options().project.isEmpty());
            dialog.findChild<QLineEdit *>(QStringLiteral("projectName"))
                ->setText(QStringLiteral("Harbour Pavilion"));
            dialog.findChild<QLineEdit *>(QStringLiteral("client"))
                ->setText(QStringLiteral("Port Authority"));
            auto *pageSize = dialog.findChild<QComboBox *>(QStringLiteral("pageSize"));
            pageSize->setCurrentIndex(pageSize->findData(QStringLiteral("a4")));
            dialog.findChild<QComboBox *>(QStringLiteral("rejected"))->setCurrentIndex(1);
            const QString pdf = path(QStringLiteral("dialog-cover.pdf"));
            dialog.setOutputPath(pdf);
            QSignalSpy done(&dialog, &ui::ReportExportDialog::exportFinished);
            dialog.start();
            QVERIFY(done.wait(60000));
            QCOMPARE(done.first().at(0).toBool(), true);
            const QString cover = flat(pdfText(pdf, 1, 1));
            QVERIFY2(cover.contains(QStringLiteral("Harbour Pavilion")) &&
                         cover.contains(QStringLiteral("Client: Port Authority")),
                     qPrintable(cover));
            QVERIFY(tool(QStringLiteral("pdfinfo"), {pdf}).contains(QStringLiteral("(A4)")));
            ui::ReportExportDialog again(in, {}, nullptr);
            const ReportOptions o = again.options();
            QCOMPARE(o.project, QStringLiteral("Harbour Pavilion"));
            QCOMPARE(o.client, QStringLiteral("Port Authority"));
            QVERIFY(o.paper && o.paper->id() == QPageSize::A4);
            QCOMPARE(o.rejected, ReportOptions::Rejected::LeftOut);
            QCOMPARE(ui::ReportExportDialog::rememberedOptions().project, o.project);
        }
        {
            ui::ReportExportDialog dialog(syntheticInput(30, 5), {}, nullptr);
            const QString pdf = path(QStringLiteral("dialog-cancelled.pdf"));
            dialog.setOutputPath(pdf);
            QSignalSpy done(&dialog, &ui::ReportExportDialog::exportFinished);
            dialog.start();
            dialog.reject(); // Cancel while running
            QVERIFY(done.wait(60000));
            QCOMPARE(done.first().at(0).toBool(), false);
            QVERIFY(!QFileInfo::exists(pdf));
        }
        {
            ui::ReportExportDialog dialog(in, {}, nullptr, ui::ReportExportDialog::Kind::ChangeList);
            const QString csv = path(QStringLiteral("dialog.csv"));
            dialog.setOutputPath(csv);
            QSignalSpy done(&dialog, &ui::ReportExportDialog::exportFinished);
            dialog.start();
            QVERIFY(done.wait(60000));
            QCOMPARE(done.first().at(0).toBool(), true);
            QFile f(csv);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QCOMPARE(parseCsv(f.readAll()).size(), 1 + 20);
        }
    }
};

QTEST_MAIN(TestReportLayout)
#include "tst_reportlayout.moc"
