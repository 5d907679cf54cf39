// The PDF report and the change-list exports of the public corpus: reports read back with QtPdf
// (page count and sizes, cover and sheet texts, bytes per sheet page), changed-only and selected
// scopes, the cover for clients, rejected clouds, printing, CSV and JSON of every case with their
// reviews, and the CLI (--report on compare and on show). The layout on jobs made up in memory,
// CSV quoting and the export dialog: tst_reportlayout.

#include "report/changelistexport.h"
#include "report/report.h"
#include "report/reportwriter.h"
#include "reportfixture.h"
#include "reportprint.h"
#include "review/regionreview.h"
#include "store/jobstore.h"
#include "testutil.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPdfDocument>
#include <QPdfSelection>
#include <QPrinter>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
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

int expectedChangeRows(const ReportInput &in) {
    int n = 0;
    for (const PageResult &p : in.comparison.pages)
        n += p.match == MatchKind::Matched ? int(p.regions.size()) : 1;
    return n;
}

// Pixels of the cloud colour (OverlayColours::standard().cloud, blue) inside `rect` of an image.
int cloudPixels(const QImage &image, const QRect &rect) {
    int n = 0;
    for (int y = std::max(0, rect.top()); y <= std::min(image.height() - 1, rect.bottom()); ++y)
        for (int x = std::max(0, rect.left()); x <= std::min(image.width() - 1, rect.right()); ++x) {
            const QColor c = image.pixelColor(x, y);
            n += c.blue() > 150 && c.red() < 90 && c.green() < 150;
        }
    return n;
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
            ReportInput in = ReportInput::fromStore(store, m_jobIds.value(c)).value_or(ReportInput());
            in.readTitleBlockRevisions(); // read once here, not by each report the tests write
            m_inputs.insert(c, in);
        }
        return m_inputs[c];
    }

    static qint64 fileSize(const QString &p) { return QFileInfo(p).size(); }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        // The export dialog remembers its cover fields: never in the user's settings.
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, path(QStringLiteral("settings")));
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
        QCOMPARE(layout.appendixPages, 1);
        QCOMPARE(layout.appendixFirstPage, 2 + sheets);
        QCOMPARE(layout.pageCount, 1 + sheets + 1);
        QCOMPARE(progress.size(), 1 + sheets + 1); // cover, sheets, appendix
        QCOMPARE(progress.last(), 1 + sheets + 1);

        QPdfDocument doc;
        QCOMPARE(doc.load(pdf), QPdfDocument::Error::None);
        QCOMPARE(doc.pageCount(), layout.pageCount);
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
        // The job and the files' folders are in the appendix, not on the cover.
        QVERIFY(!cover.contains(in.comparison.jobId));
        const QString appendix = pageText(doc, layout.appendixFirstPage - 1);
        QVERIFY2(appendix.contains(in.comparison.jobId), qPrintable(appendix.left(400)));
        QVERIFY(appendix.contains(in.comparison.oldPath));

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
            QCOMPARE(doc.pageCount(), 1 + int(expected.size()) + layout.appendixPages);
            // The cover still lists every sheet.
            const QString cover = pageText(doc, 0);
            for (const PageResult &p : in.comparison.pages)
                QVERIFY(cover.contains(p.drawingName()));
            for (int i = 0; i < expected.size(); ++i)
                QVERIFY(pageText(doc, 1 + i).contains(in.comparison.pages[expected[i] - 1].drawingName()));
        }
    }

    // The cover names each set with what its title blocks say of its revision (case02_svg has
    // REV fields and dates; case01_cad has no text layer: its sets are named alone).
    void coverShowsTheSetsRevisions() {
        if (!haveCorpus()) QSKIP("no shared corpus");
        const ReportInput &svg = input(QStringLiteral("case02_svg"));
        QVERIFY2(!svg.oldRevision.isEmpty() && !svg.newRevision.isEmpty(), "case02_svg's title blocks read");
        const QString pdf = path(QStringLiteral("revision-cover.pdf"));
        ReportLayout layout;
        QString error;
        QVERIFY2(writeReport(svg, ReportOptions(), pdf, {}, nullptr, &error, &layout), qPrintable(error));
        const QString cover = flat(pdfText(pdf, 1, layout.coverPages));
        for (const SetRevision *r : {&svg.oldRevision, &svg.newRevision}) {
            const QString value = !r->field.isEmpty() ? r->field : r->tableRow;
            if (!value.isEmpty())
                QVERIFY2(cover.contains(QStringLiteral("revision ") + value), qPrintable(cover));
            if (r->date.isValid()) QVERIFY2(cover.contains(r->date.toString(Qt::ISODate)), qPrintable(cover));
        }
        QCOMPARE(cover.count(QStringLiteral("from the title blocks")), 2);
        const ReportInput &cad = input(QStringLiteral("case01_cad"));
        QVERIFY(cad.oldRevision.isEmpty() && cad.newRevision.isEmpty());
    }

    // The cover is for a client: the project, the sets by name, no paths, job ids or settings.
    void coverForClients() {
        if (!haveCorpus()) QSKIP("no shared corpus");
        const ReportInput &in = input(QStringLiteral("case01_cad"));
        QImage logo(400, 120, QImage::Format_RGB32);
        logo.fill(QColor(30, 60, 120));
        const QString logoPath = path(QStringLiteral("logo.png"));
        QVERIFY(logo.save(logoPath));
        ReportOptions opt;
        opt.project = QStringLiteral("Riverside Library");
        opt.projectNumber = QStringLiteral("2024-017");
        opt.client = QStringLiteral("City of Springfield");
        opt.issuer = QStringLiteral("Jane Architect");
        opt.logoPath = logoPath;
        const QString pdf = path(QStringLiteral("client-cover.pdf"));
        ReportLayout layout;
        QString error;
        QVERIFY2(writeReport(in, opt, pdf, {}, nullptr, &error, &layout), qPrintable(error));
        const QString cover = flat(pdfText(pdf, 1, layout.coverPages));
        QVERIFY2(!cover.isEmpty(), "pdftotext read nothing");
        for (const QString &s :
             {opt.project, opt.projectNumber, opt.client, opt.issuer,
              QFileInfo(in.comparison.oldPath).fileName(), QFileInfo(in.comparison.newPath).fileName()})
            QVERIFY2(cover.contains(s), qPrintable(s + QStringLiteral(" not in ") + cover));
        // No absolute path, no UUID, no internal setting name.
        QVERIFY2(!cover.contains(QRegularExpression(QStringLiteral("(^|\\s)/\\w"))), qPrintable(cover));
        QVERIFY(!cover.contains(QFileInfo(in.comparison.oldPath).absolutePath()));
        QVERIFY2(!cover.contains(QRegularExpression(QStringLiteral("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-"))),
                 qPrintable(cover));
        QVERIFY(!in.settings.isEmpty());
        for (const QString &key : in.settings.keys())
            QVERIFY2(!cover.contains(key), qPrintable(key));
        for (const char *jargon : {"edge_band_pt", "ink_threshold", "max_pixels", "score", "identity"})
            QVERIFY2(!cover.contains(QLatin1String(jargon)), jargon);
        // Plain words for the alignment on the sheet pages; its numbers in the appendix.
        const QString sheets =
            flat(pdfText(pdf, layout.sheetFirstPage.first(), layout.appendixFirstPage - 1));
        QVERIFY2(sheets.contains(QStringLiteral("Aligned automatically")) ||
                     sheets.contains(QStringLiteral("Alignment uncertain")),
                 qPrintable(sheets.left(500)));
        QVERIFY(!sheets.contains(QStringLiteral("(score")));
        const QString appendix = flat(pdfText(pdf, layout.appendixFirstPage, layout.pageCount));
        QVERIFY(appendix.contains(in.comparison.jobId));
        QVERIFY(appendix.contains(in.comparison.newPath));
        QVERIFY(appendix.contains(in.settings.keys().first()));
        // Empty fields are left out, labels and all.
        const QString plain = path(QStringLiteral("plain-cover.pdf"));
        QVERIFY(writeReport(in, ReportOptions(), plain, {}, nullptr, &error, &layout));
        const QString plainCover = flat(pdfText(plain, 1, 1));
        for (const char *label : {"Project no.", "Client:", "Issued by"})
            QVERIFY2(!plainCover.contains(QLatin1String(label)), label);
    }

    // On a real overlay a rejected change loses its blue cloud (drawn dashed grey instead).
    void rejectedCloudsOnOverlay() {
        if (!haveCorpus()) QSKIP("no shared corpus");
        ReportInput in = input(QStringLiteral("case01_cad"));
        const PageResult *sheet = nullptr;
        for (const PageResult &p : in.comparison.pages)
            if (!sheet && !p.regions.isEmpty() && !p.overlayPath.isEmpty()) sheet = &p;
        QVERIFY(sheet);
        ReportOptions opt;
        opt.scope = ReportOptions::Scope::Selected;
        opt.pages = {sheet->pageNumber};
        opt.cover = opt.appendix = false;
        const SheetGeometry g(sheet->pageSizePt, std::nullopt);
        auto blue = [&](const ReportInput &report, const QString &name) {
            const QString pdf = path(name);
            QString error;
            if (!writeReport(report, opt, pdf, {}, nullptr, &error)) return -1;
            QPdfDocument doc;
            if (doc.load(pdf) != QPdfDocument::Error::None) return -1;
            const double k = 1500 / g.page.width();
            const QImage image = doc.render(0, (g.page * k).toSize());
            const QRectF r(g.image.topLeft() * k, g.image.size() * k);
            return cloudPixels(image.convertToFormat(QImage::Format_RGB32), r.toRect());
        };
        const int before = blue(in, QStringLiteral("clouds-open.pdf"));
        for (const ChangeRegion &r : sheet->regions)
            in.reviews.insert(ReportInput::reviewKey(sheet->pageNumber, r.id),
                              {QStringLiteral("rejected"), QString(), {}, {}});
        const int after = blue(in, QStringLiteral("clouds-rejected.pdf"));
        qInfo("cloud-coloured pixels on %s: %d open, %d all rejected", qPrintable(sheet->drawingName()),
              before, after);
        QVERIFY2(before > 200, qPrintable(QString::number(before)));
        QVERIFY2(after * 20 < before, qPrintable(QString::number(after)));
    }

    // File → Print: the same pages through QPrinter (here its PDF output).
    void printsToPrinter() {
        const ReportInput in = syntheticInput(3, 6);
        for (const ui::PrintKind kind : {ui::PrintKind::Sheet, ui::PrintKind::Report}) {
            const QString pdf = path(kind == ui::PrintKind::Sheet ? QStringLiteral("print-sheet.pdf")
                                                                  : QStringLiteral("print-report.pdf"));
            QPrinter printer(QPrinter::HighResolution);
            printer.setOutputFormat(QPrinter::PdfFormat);
            printer.setOutputFileName(pdf);
            printer.setPageSize(QPageSize(QPageSize::A4));
            QString error;
            QVERIFY2(ui::printReport(in, ReportOptions(), kind, 2, printer, nullptr, &error),
                     qPrintable(error));
            const QString info = tool(QStringLiteral("pdfinfo"), {pdf});
            const int pages = kind == ui::PrintKind::Sheet ? 1 : 1 + 3 + 1;
            QVERIFY2(info.contains(QRegularExpression(QStringLiteral("Pages:\\s+%1\\n").arg(pages))),
                     qPrintable(info));
            QVERIFY2(info.contains(QStringLiteral("(A4)")), qPrintable(info));
            const QString text = flat(pdfText(pdf, 1, pages));
            QVERIFY2(text.contains(QStringLiteral("S-102")) && text.contains(QStringLiteral("Legend")),
                     qPrintable(text.left(300)));
            QCOMPARE(text.contains(QStringLiteral("OLDTEXT1")), kind == ui::PrintKind::Report); // sheet 1's
            QCOMPARE(text.contains(QStringLiteral("S-101")), kind == ui::PrintKind::Report);
        }
        if (!haveCorpus()) return;
        // A real sheet on Letter: its overlay with the clouds, fitted, and its change list.
        const ReportInput &real = input(QStringLiteral("case01_cad"));
        const PageResult &sheet = real.comparison.pages.first();
        QVERIFY(!sheet.regions.isEmpty());
        const QString pdf = path(QStringLiteral("print-real.pdf"));
        QPrinter printer(QPrinter::HighResolution);
        printer.setOutputFormat(QPrinter::PdfFormat);
        printer.setOutputFileName(pdf);
        printer.setPageSize(QPageSize(QPageSize::Letter));
        QString error;
        QVERIFY2(ui::printReport(real, ReportOptions(), ui::PrintKind::Sheet, sheet.pageNumber, printer,
                                 nullptr, &error),
                 qPrintable(error));
        QPdfDocument doc;
        QCOMPARE(doc.load(pdf), QPdfDocument::Error::None);
        QCOMPARE(doc.pageCount(), 1);
        QCOMPARE(doc.pagePointSize(0).toSize(), QSize(792, 612)); // Letter, turned to the sheet
        const QString text = pageText(doc, 0);
        for (const ChangeRegion &r : sheet.regions)
            if (!r.newText.isEmpty())
                QVERIFY2(text.contains(flat(r.newText.join(QLatin1Char(' ')))), qPrintable(text));
        const SheetGeometry g(sheet.pageSizePt, QPageSize(QPageSize::Letter));
        const double k = 1600 / g.page.width();
        const QImage image = doc.render(0, (g.page * k).toSize()).convertToFormat(QImage::Format_RGB32);
        QVERIFY(cloudPixels(image, QRectF(g.image.topLeft() * k, g.image.size() * k).toRect()) > 100);
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
            const int reviewerColumn = int(rows.first().indexOf(QStringLiteral("reviewer")));
            const int dateColumn = int(rows.first().indexOf(QStringLiteral("reviewed_at")));
            QVERIFY(statusColumn >= 0 && commentColumn >= 0 && reviewerColumn >= 0 && dateColumn >= 0);
            for (const QStringList &row : rows.mid(1)) {
                if (row.value(statusColumn) == QLatin1String("needs_clarification")) {
                    ++reviewed;
                    QCOMPARE(row.value(commentColumn), r.comment);
                    QCOMPARE(row.value(reviewerColumn), QStringLiteral("tester"));
                    const QDateTime at = QDateTime::fromString(row.value(dateColumn), Qt::ISODate);
                    QVERIFY2(at.isValid() && qAbs(at.secsTo(QDateTime::currentDateTimeUtc())) < 600,
                             qPrintable(row.value(dateColumn)));
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
        QCOMPARE(doc.pageCount(), 1 + changed + 1); // cover, sheets, appendix
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

        // Cover fields and page options.
        const QString a4 = path(QStringLiteral("show-a4.pdf"));
        const CliRun cover = runCli(
            {QStringLiteral("show"), id, QStringLiteral("--db"), m_db, QStringLiteral("--report"), a4,
             QStringLiteral("--report-page-size"), QStringLiteral("A4"), QStringLiteral("--project-name"),
             QStringLiteral("Harbour Pavilion"), QStringLiteral("--project-number"), QStringLiteral("HP-7"),
             QStringLiteral("--issuer"), QStringLiteral("J. Doe"), QStringLiteral("--report-omit-rejected"),
             QStringLiteral("--report-reviewed-only")});
        QVERIFY2(cover.finished && cover.exitCode == 0, qPrintable(describe(cover)));
        const QString coverText = flat(pdfText(a4, 1, 1));
        for (const char *s : {"Harbour Pavilion", "Project no. HP-7", "J. Doe"})
            QVERIFY2(coverText.contains(QLatin1String(s)), qPrintable(coverText));
        QVERIFY(tool(QStringLiteral("pdfinfo"), {a4}).contains(QStringLiteral("(A4)")));
        const CliRun badSize =
            runCli({QStringLiteral("show"), id, QStringLiteral("--db"), m_db, QStringLiteral("--report"), a4,
                    QStringLiteral("--report-page-size"), QStringLiteral("B5")});
        QCOMPARE(badSize.exitCode, 2);
        QCOMPARE(lines(badSize.stdErr).size(), 1);
        QVERIFY(badSize.stdErr.contains(QStringLiteral("--report-page-size")));
        const CliRun noReport = runCli({QStringLiteral("show"), id, QStringLiteral("--db"), m_db,
                                        QStringLiteral("--client"), QStringLiteral("X")});
        QCOMPARE(noReport.exitCode, 2);
        QVERIFY(noReport.stdErr.contains(QStringLiteral("--client needs --report")));
        const CliRun badLogo = runCli({QStringLiteral("show"), id, QStringLiteral("--db"), m_db,
                                       QStringLiteral("--report"), a4, QStringLiteral("--logo"), m_db});
        QCOMPARE(badLogo.exitCode, 2);
        QVERIFY(badLogo.stdErr.contains(QStringLiteral("cannot read the logo")));

        const CliRun help = runCli({QStringLiteral("compare"), QStringLiteral("--help")});
        for (const char *o :
             {"--report", "--report-changed-only", "--report-dpi", "--changes-csv", "--changes-json",
              "--report-page-size", "--report-omit-rejected", "--report-reviewed-only", "--project-name",
              "--project-number", "--client", "--issuer", "--logo"})
            QVERIFY2(QString::fromUtf8(help.stdOut).contains(QLatin1String(o)), o);
        const CliRun showHelp = runCli({QStringLiteral("show"), QStringLiteral("--help")});
        QVERIFY(QString::fromUtf8(showHelp.stdOut).contains(QStringLiteral("--report")));
    }
};

QTEST_MAIN(TestReport)
#include "tst_report.moc"
