// The PDF report and the change-list exports: reports of the public corpus read back with QtPdf
// (page count and sizes, cover and sheet texts, bytes per sheet page), changed-only and selected
// scopes, the cover's sheet table and a long change table continued on further pages, CSV
// quoting and JSON, the CLI (--report on compare and on show) and the export dialog.

#include "report/changelistexport.h"
#include "report/report.h"
#include "reportexportdialog.h"
#include "review/regionreview.h"
#include "store/jobstore.h"
#include "testutil.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPdfDocument>
#include <QPdfSelection>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <optional>

using namespace bt;
using namespace bt::test;

namespace {

constexpr qint64 kMaxSheetPageBytes = 1'500'000; // per ARCH D sheet page at default settings

const QStringList kCases = {QStringLiteral("case01_cad"), QStringLiteral("case02_svg"),
                            QStringLiteral("case03_scan")};

QString corpusDir() {
    return QStringLiteral(BT_SHARED_DIR "/corpus/public");
}

// Whitespace collapsed: wrapped table cells break phrases over lines.
QString flat(const QString &text) {
    return text.simplified();
}

QString pageText(QPdfDocument &doc, int page) {
    return flat(doc.getAllText(page).text());
}

// RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks.
QVector<QStringList> parseCsv(const QByteArray &bytes) {
    const QString s = QString::fromUtf8(bytes);
    QVector<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (int i = 0; i < s.size(); ++i) {
        const QChar c = s[i];
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < s.size() && s[i + 1] == QLatin1Char('"')) {
                field += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            row << field;
            field.clear();
        } else if (c == QLatin1Char('\r') && i + 1 < s.size() && s[i + 1] == QLatin1Char('\n')) {
            row << field;
            field.clear();
            rows << row;
            row.clear();
            ++i;
        } else {
            field += c;
        }
    }
    if (!field.isEmpty() || !row.isEmpty()) rows << (row << field);
    return rows;
}

int expectedChangeRows(const ReportInput &in) {
    int n = 0;
    for (const PageResult &p : in.comparison.pages)
        n += p.match == MatchKind::Matched ? int(p.regions.size()) : 1;
    return n;
}

// A job made up in memory: `sheets` ARCH D sheets without overlays, `regions` changes on the first.
ReportInput syntheticInput(int sheets, int regions) {
    ReportInput in;
    in.comparison.jobId = QStringLiteral("synthetic");
    in.comparison.oldPath = QStringLiteral("/nowhere/old.pdf");
    in.comparison.newPath = QStringLiteral("/nowhere/new.pdf");
    in.comparison.started = QDateTime::currentDateTimeUtc();
    in.comparison.status = JobStatus::Completed;
    for (int i = 0; i < sheets; ++i) {
        PageResult p;
        p.pageNumber = i + 1;
        p.oldPage = p.newPage = i;
        p.newIdentity.number = QStringLiteral("S-%1").arg(101 + i);
        p.newIdentity.title = QStringLiteral("SYNTHETIC SHEET %1").arg(i + 1);
        p.diffDone = true;
        p.dpi = 220;
        p.pageSizePt = QSizeF(2592, 1728);
        if (i == 0)
            for (int r = 0; r < regions; ++r) {
                ChangeRegion c;
                c.id = r + 1;
                c.kind = ChangeKind::Modified;
                c.boxPt = QRectF(100 + 10 * (r % 200), 100 + 5 * (r % 300), 40, 12);
                c.boxPx = QRectF(c.boxPt.topLeft() * 220 / 72, c.boxPt.size() * 220 / 72).toRect();
                c.oldText = {QStringLiteral("OLDTEXT%1").arg(c.id)};
                c.newText = {QStringLiteral("NEWTEXT%1").arg(c.id)};
                p.regions.append(c);
            }
        p.summaryText = QStringLiteral("%1: %2 changes.").arg(p.drawingName()).arg(p.regions.size());
        in.comparison.pages.append(p);
    }
    return in;
}

} // namespace

class TestReport : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_db;
    QMap<QString, QString> m_jobIds; // case -> job id in m_db
    QMap<QString, CliRun> m_cliRuns; // case -> `compare --report ...`
    QMap<QString, ReportInput> m_inputs;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    bool haveCorpus() const { return QFileInfo::exists(corpusDir() + QStringLiteral("/case01_cad/old.pdf")); }

    const ReportInput &input(const QString &c) {
        if (!m_inputs.contains(c)) {
            JobStore store(m_db);
            store.open();
            m_inputs.insert(c, ReportInput::fromStore(store, m_jobIds.value(c)).value_or(ReportInput()));
        }
        return m_inputs[c];
    }

    static qint64 fileSize(const QString &p) { return QFileInfo(p).size(); }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_db = path(QStringLiteral("history.sqlite"));
        if (!haveCorpus()) return;
        // One history of our own: the corpus jobs, compared once through the CLI with every export.
        for (const QString &c : kCases) {
            const QString dir = corpusDir() + QLatin1Char('/') + c;
            const QString json = path(c + QStringLiteral(".json"));
            const CliRun r = runCli({QStringLiteral("compare"), dir + QStringLiteral("/old.pdf"),
                                     dir + QStringLiteral("/new.pdf"), QStringLiteral("--db"), m_db,
                                     QStringLiteral("--json"), json, QStringLiteral("--report"),
                                     path(c + QStringLiteral("-cli.pdf")), QStringLiteral("--changes-csv"),
                                     path(c + QStringLiteral(".csv")), QStringLiteral("--changes-json"),
                                     path(c + QStringLiteral("-changes.json"))},
                                    json, {}, 600000);
            QVERIFY2(r.finished && r.exitCode == 1, qPrintable(c + QStringLiteral(": ") + describe(r)));
            m_jobIds.insert(c, r.json.value(QStringLiteral("job_id")).toString());
            m_cliRuns.insert(c, r);
        }
    }

    void corpusReport_data() {
        QTest::addColumn<QString>("caseName");
        for (const QString &c : kCases)
            QTest::newRow(qPrintable(c)) << c;
    }

    // Every sheet reported: the page count is the cover plus one page per sheet (no change table
    // of the corpus needs a second page), texts are real text, sizes within the bar.
    void corpusReport() {
        if (!haveCorpus()) QSKIP("no shared corpus");
        QFETCH(QString, caseName);
        const ReportInput &in = input(caseName);
        QVERIFY(!in.comparison.pages.isEmpty());
        const QString pdf = path(caseName + QStringLiteral(".pdf"));
        ReportLayout layout;
        QString error;
        QVector<int> progress;
        QVERIFY2(
            writeReport(
                in, ReportOptions(), pdf, [&](int done, int) { progress << done; }, nullptr, &error, &layout),
            qPrintable(error));
        const int sheets = int(in.comparison.pages.size());
        QCOMPARE(layout.coverPages, 1);
        QCOMPARE(layout.sheets.size(), sheets);
        QCOMPARE(layout.pageCount, 1 + sheets);
        QCOMPARE(progress.size(), 1 + sheets);
        QCOMPARE(progress.last(), 1 + sheets);

        QPdfDocument doc;
        QCOMPARE(doc.load(pdf), QPdfDocument::Error::None);
        QCOMPARE(doc.pageCount(), 1 + sheets);
        // The CLI wrote the same report.
        QPdfDocument cli;
        QCOMPARE(cli.load(path(caseName + QStringLiteral("-cli.pdf"))), QPdfDocument::Error::None);
        QCOMPARE(cli.pageCount(), doc.pageCount());

        const QString cover = pageText(doc, 0);
        for (const PageResult &p : in.comparison.pages) {
            QVERIFY2(!p.drawingName().isEmpty(), qPrintable(QString::number(p.pageNumber)));
            QVERIFY2(cover.contains(p.drawingName()),
                     qPrintable(p.drawingName() + QStringLiteral(" in ") + cover));
        }
        QVERIFY(cover.contains(QFileInfo(in.comparison.oldPath).fileName()));
        QVERIFY(cover.contains(in.comparison.jobId));

        for (int i = 0; i < sheets; ++i) {
            const PageResult &p = in.comparison.pages[i];
            const int pdfPage = layout.sheetFirstPage[i] - 1;
            QCOMPARE(layout.sheetPageCount[i], 1);
            const QString text = pageText(doc, pdfPage);
            QVERIFY2(text.contains(p.drawingName()), qPrintable(text.left(300)));
            for (const ChangeRegion &r : p.regions)
                for (const QStringList &words : {r.oldText, r.newText}) {
                    const QString t = flat(words.join(QLatin1Char(' ')));
                    if (!t.isEmpty())
                        QVERIFY2(text.contains(t), qPrintable(p.drawingName() + QStringLiteral(": ") + t));
                }
            // The sheet's aspect ratio.
            const QSizeF size = doc.pagePointSize(pdfPage);
            QVERIFY2(qAbs(size.width() / size.height() - p.pageSizePt.width() / p.pageSizePt.height()) < 0.01,
                     qPrintable(QStringLiteral("%1 x %2").arg(size.width()).arg(size.height())));
        }

        // Bytes per sheet page: a one-sheet report minus the cover-only report.
        ReportOptions none;
        none.scope = ReportOptions::Scope::Selected;
        const QString coverOnly = path(caseName + QStringLiteral("-cover.pdf"));
        QVERIFY(writeReport(in, none, coverOnly, {}, nullptr, &error));
        for (const PageResult &p : in.comparison.pages) {
            ReportOptions one = none;
            one.pages = {p.pageNumber};
            const QString single = path(caseName + QStringLiteral("-p%1.pdf").arg(p.pageNumber));
            QVERIFY(writeReport(in, one, single, {}, nullptr, &error));
            const qint64 bytes = fileSize(single) - fileSize(coverOnly);
            qInfo("%s %s (%s, %.0f x %.0f pt): %lld bytes", qPrintable(caseName), qPrintable(p.drawingName()),
                  qPrintable(sheetStatusName(sheetStatus(p))), p.pageSizePt.width(), p.pageSizePt.height(),
                  bytes);
            QVERIFY2(bytes <= kMaxSheetPageBytes, qPrintable(QString::number(bytes)));
        }
    }

    void changedOnly() {
        if (!haveCorpus()) QSKIP("no shared corpus");
        for (const QString &c : kCases) {
            const ReportInput &in = input(c);
            ReportOptions opt;
            opt.scope = ReportOptions::Scope::ChangedOnly;
            QVector<int> expected;
            for (const PageResult &p : in.comparison.pages) {
                const SheetStatus s = sheetStatus(p);
                if (s != SheetStatus::Unchanged && s != SheetStatus::NotCompared) expected << p.pageNumber;
            }
            const QString pdf = path(c + QStringLiteral("-changed.pdf"));
            ReportLayout layout;
            QString error;
            QVERIFY2(writeReport(in, opt, pdf, {}, nullptr, &error, &layout), qPrintable(error));
            QCOMPARE(layout.sheets, expected);
            QPdfDocument doc;
            QCOMPARE(doc.load(pdf), QPdfDocument::Error::None);
            QCOMPARE(doc.pageCount(), 1 + int(expected.size()));
            // The cover still lists every sheet.
            const QString cover = pageText(doc, 0);
            for (const PageResult &p : in.comparison.pages)
                QVERIFY(cover.contains(p.drawingName()));
            for (int i = 0; i < expected.size(); ++i)
                QVERIFY(pageText(doc, 1 + i).contains(in.comparison.pages[expected[i] - 1].drawingName()));
        }
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
        QCOMPARE(layout.pageCount, layout.coverPages);
        QPdfDocument doc;
        QCOMPARE(doc.load(pdf), QPdfDocument::Error::None);
        QCOMPARE(doc.pageCount(), layout.coverPages);
        QString all;
        for (int i = 0; i < doc.pageCount(); ++i)
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
        QCOMPARE(layout.pageCount, layout.coverPages + layout.sheetPageCount[0] + 1);
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
                                "new_text,review_status,comment"));
        for (const QStringList &r : rows)
            QCOMPARE(r.size(), 13);
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

    // The CLI's change lists of the corpus: one row per region, plus added and removed sheets.
    void corpusChangeLists() {
        if (!haveCorpus()) QSKIP("no shared corpus");
        for (const QString &c : kCases) {
            const ReportInput &in = input(c);
            QFile csv(path(c + QStringLiteral(".csv")));
            QVERIFY(csv.open(QIODevice::ReadOnly));
            const QVector<QStringList> rows = parseCsv(csv.readAll());
            QCOMPARE(rows.size(), 1 + expectedChangeRows(in));
            QFile json(path(c + QStringLiteral("-changes.json")));
            QVERIFY(json.open(QIODevice::ReadOnly));
            QJsonParseError e;
            const QJsonDocument doc = QJsonDocument::fromJson(json.readAll(), &e);
            QCOMPARE(e.error, QJsonParseError::NoError);
            const QJsonArray changes = doc.object().value(QStringLiteral("changes")).toArray();
            QCOMPARE(changes.size(), expectedChangeRows(in));
            QCOMPARE(doc.object().value(QStringLiteral("job_id")).toString(), in.comparison.jobId);
            for (const QJsonValue &v : changes) {
                const QJsonObject o = v.toObject();
                for (const char *key :
                     {"page_number", "drawing_name", "drawing_title", "sheet_status", "change_number", "kind",
                      "bbox_pt", "old_text", "new_text", "review_status", "comment"})
                    QVERIFY2(o.contains(QLatin1String(key)), key);
                QCOMPARE(o.value(QStringLiteral("review_status")).toString(), QStringLiteral("open"));
            }
        }
    }

    // A change reviewed in the history is exported with its status and comment, the others open.
    void reviewsInExports() {
        if (!haveCorpus()) QSKIP("no shared corpus");
        const QString c = QStringLiteral("case01_cad");
        const ReportInput before = input(c);
        const PageResult *changed = nullptr;
        for (const PageResult &p : before.comparison.pages)
            if (!changed && !p.regions.isEmpty()) changed = &p;
        QVERIFY(changed);
        const int region = changed->regions.first().id;
        {
            JobStore store(m_db);
            QVERIFY(store.open());
            RegionReview r;
            r.jobId = m_jobIds.value(c);
            r.pageNumber = changed->pageNumber;
            r.regionNumber = region;
            r.status = ReviewStatus::NeedsClarification;
            r.comment = QStringLiteral("Which steel grade, \"A-36\" or A-992?");
            r.reviewer = QStringLiteral("tester");
            QVERIFY(store.reviewStore().setReview(r));
            const std::optional<ReportInput> in = ReportInput::fromStore(store, r.jobId);
            QVERIFY(in);
            QCOMPARE(in->review(r.pageNumber, region).status, QStringLiteral("needs_clarification"));
            QCOMPARE(in->review(r.pageNumber, region).comment, r.comment);
            const QString csvPath = path(QStringLiteral("reviewed.csv"));
            QString error;
            QVERIFY2(writeChangeListCsv(*in, csvPath, &error), qPrintable(error));
            QFile csv(csvPath);
            QVERIFY(csv.open(QIODevice::ReadOnly));
            int reviewed = 0, open = 0;
            const QVector<QStringList> rows = parseCsv(csv.readAll());
            const int statusColumn = int(rows.first().indexOf(QStringLiteral("review_status")));
            const int commentColumn = int(rows.first().indexOf(QStringLiteral("comment")));
            QVERIFY(statusColumn >= 0 && commentColumn >= 0);
            for (const QStringList &row : rows.mid(1)) {
                if (row.value(statusColumn) == QLatin1String("needs_clarification")) {
                    ++reviewed;
                    QCOMPARE(row.value(commentColumn), r.comment);
                } else {
                    ++open;
                }
            }
            QCOMPARE(reviewed, 1);
            QCOMPARE(open, rows.size() - 2);
        }
    }

    // `show JOB_ID --report` exports a stored job without comparing again; bad paths are one line.
    void cliShowAndErrors() {
        if (!haveCorpus()) QSKIP("no shared corpus");
        const QString id = m_jobIds.value(QStringLiteral("case01_cad"));
        const QString pdf = path(QStringLiteral("show.pdf"));
        const QString csv = path(QStringLiteral("show.csv"));
        const CliRun r =
            runCli({QStringLiteral("show"), id, QStringLiteral("--db"), m_db, QStringLiteral("--report"), pdf,
                    QStringLiteral("--report-changed-only"), QStringLiteral("--report-dpi"),
                    QStringLiteral("100"), QStringLiteral("--changes-csv"), csv});
        QVERIFY2(r.finished && r.exitCode == 0, qPrintable(describe(r)));
        QVERIFY(QString::fromUtf8(r.stdOut).contains(QStringLiteral("Report: ") +
                                                     QFileInfo(pdf).absoluteFilePath()));
        QPdfDocument doc;
        QCOMPARE(doc.load(pdf), QPdfDocument::Error::None);
        int changed = 0;
        for (const PageResult &p : input(QStringLiteral("case01_cad")).comparison.pages)
            changed += sheetStatus(p) == SheetStatus::Changed || p.match != MatchKind::Matched;
        QCOMPARE(doc.pageCount(), 1 + changed);
        QVERIFY(QFileInfo(csv).size() > 0);
        // Nothing compared again: the history still has one job per case.
        QCOMPARE(rawQuery(m_db, QStringLiteral("SELECT COUNT(*) FROM jobs")).value(0),
                 QString::number(kCases.size()));

        // A folder that does not exist: refused before anything runs, one line naming the file.
        const QString missing = path(QStringLiteral("no/such/dir/r.pdf"));
        const CliRun bad = runCli(
            {QStringLiteral("show"), id, QStringLiteral("--db"), m_db, QStringLiteral("--report"), missing});
        QCOMPARE(bad.exitCode, 2);
        QCOMPARE(lines(bad.stdErr).size(), 1);
        QVERIFY2(bad.stdErr.contains(missing), qPrintable(bad.stdErr));
        // A file that cannot be written when the report is done (a folder in its way).
        const QString blocked = path(QStringLiteral("blocked.pdf"));
        QVERIFY(QDir().mkpath(blocked + QStringLiteral("/x")));
        const CliRun bad2 = runCli(
            {QStringLiteral("show"), id, QStringLiteral("--db"), m_db, QStringLiteral("--report"), blocked});
        QCOMPARE(bad2.exitCode, 2);
        QCOMPARE(lines(bad2.stdErr).size(), 1);
        QVERIFY2(bad2.stdErr.contains(blocked), qPrintable(bad2.stdErr));
        const CliRun bad3 = runCli({QStringLiteral("compare"), QStringLiteral("a.pdf"),
                                    QStringLiteral("b.pdf"), QStringLiteral("--report-changed-only")});
        QCOMPARE(bad3.exitCode, 2);
        QVERIFY(bad3.stdErr.contains(QStringLiteral("--report")));

        const CliRun help = runCli({QStringLiteral("compare"), QStringLiteral("--help")});
        for (const char *o :
             {"--report", "--report-changed-only", "--report-dpi", "--changes-csv", "--changes-json"})
            QVERIFY2(QString::fromUtf8(help.stdOut).contains(QLatin1String(o)), o);
        const CliRun showHelp = runCli({QStringLiteral("show"), QStringLiteral("--help")});
        QVERIFY(QString::fromUtf8(showHelp.stdOut).contains(QStringLiteral("--report")));
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
            QCOMPARE(doc.pageCount(), 1 + 2);
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

QTEST_MAIN(TestReport)
#include "tst_report.moc"
