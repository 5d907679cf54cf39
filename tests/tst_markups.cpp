// The deliverables sent out of the office: the NEW set with each change as a PDF cloud markup
// (`--markups`) and the change log as a spreadsheet (`--changes-xlsx`). Generated pairs with known
// edits (a note, a renamed room, REV 2, a wall added, a wall taken out), as they are and with the
// pages turned (/Rotate 90, 180, 270) and cropped (/CropBox off the MediaBox's origin) on both
// sides; exported through the CLI; checked with the qpdf tool (`qpdf --json`: one annotation per
// change, its subtype, cloudy border, texts, appearance), libqpdf (page content streams byte for
// byte the input's), pdftoppm (the clouds' colours where the changes are and nowhere else) and
// poppler-qt6 (the annotations load as cloud polygons); the workbook unzipped and read cell by cell.

#include "exportcheck.h"
#include "report/changelistexport.h"
#include "report/markupexport.h"
#include "reportexportdialog.h"
#include "review/regionreview.h"
#include "store/jobstore.h"
#include "testutil.h"

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <poppler/qt6/poppler-annotation.h>
#include <poppler/qt6/poppler-qt6.h>

#include <optional>

using namespace bt;
using namespace bt::test;

namespace {

const QSizeF kArchD(36, 24);
constexpr double kRenderDpi = 50;
// How far from its change's cloud box a markup may draw: the scallops (at most 9 pt out), the
// line, the number tag on the box's corner (about 9 pt beyond it on ARCH D).
constexpr double kNearPt = 30;

// Which channel a colour is strongest in (0 red, 1 green, 2 blue), when it is a colour at all.
int dominant(QRgb c) {
    const int v[3] = {qRed(c), qGreen(c), qBlue(c)};
    if (*std::max_element(v, v + 3) - *std::min_element(v, v + 3) < 50) return -1; // grey
    return int(std::max_element(v, v + 3) - v);
}

} // namespace

class TestMarkups : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_old, m_new;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    // Compares old/new into a history of its own with the given exports; the job as the exports
    // read it.
    std::optional<ReportInput> compare(const QString &oldPdf, const QString &newPdf, const QString &db,
                                       const QStringList &exports) {
        const QString json = db + QStringLiteral(".json");
        const CliRun r = runCli(QStringList{QStringLiteral("compare"), oldPdf, newPdf, QStringLiteral("--db"),
                                            db, QStringLiteral("--json"), json, QStringLiteral("--quiet")} +
                                    exports,
                                json);
        if (!r.finished || r.exitCode != 1) {
            qWarning("%s", qPrintable(describe(r)));
            return std::nullopt;
        }
        JobStore store(db);
        if (!store.open()) return std::nullopt;
        return ReportInput::fromStore(store, r.json.value(QStringLiteral("job_id")).toString());
    }

    // Everything the acceptance asks of a markup file, against the job it came from.
    void checkMarkups(const ReportInput &in, const QString &markups, const QString &newPdf,
                      const QString &tag) {
        int expected = 0;
        QMap<int, int> perNewPage; // 0-based NEW page -> changes
        for (const PageResult &p : in.comparison.pages)
            if (p.match == MatchKind::Matched) {
                expected += int(p.regions.size());
                perNewPage[p.newPage] += int(p.regions.size());
            }
        QVERIFY2(expected >= 4, qPrintable(tag));

        // qpdf: one cloud polygon per change, with everything a markup tool lists.
        QVERIFY2(runTool(QStringLiteral("qpdf"), {QStringLiteral("--check"), markups}).code == 0,
                 qPrintable(tag));
        const QJsonObject objects = qpdfObjects(markups);
        QVERIFY(!objects.isEmpty());
        QSet<QString> names;
        int annots = 0;
        for (auto it = objects.begin(); it != objects.end(); ++it) {
            const QJsonObject a = it.value().toObject().value(QStringLiteral("value")).toObject();
            if (a.value(QStringLiteral("/Type")) != QLatin1String("/Annot")) continue;
            ++annots;
            QCOMPARE(a.value(QStringLiteral("/Subtype")).toString(), QStringLiteral("/Polygon"));
            QCOMPARE(a.value(QStringLiteral("/IT")).toString(), QStringLiteral("/PolygonCloud"));
            const QJsonObject be = qpdfValue(objects, a.value(QStringLiteral("/BE"))).toObject();
            QCOMPARE(be.value(QStringLiteral("/S")).toString(), QStringLiteral("/C"));
            QVERIFY(be.value(QStringLiteral("/I")).toDouble() > 0);
            QVERIFY(qpdfText(a.value(QStringLiteral("/Subj"))).startsWith(QStringLiteral("Change ")));
            const QString contents = qpdfText(a.value(QStringLiteral("/Contents")));
            QVERIFY2(
                contents.contains(QRegularExpression(QStringLiteral("^(added|removed|modified|moved): "))),
                qPrintable(contents));
            QVERIFY2(contents.contains(QStringLiteral("Review: ")), qPrintable(contents));
            QVERIFY(!qpdfText(a.value(QStringLiteral("/T"))).isEmpty());
            QVERIFY(qpdfText(a.value(QStringLiteral("/M"))).startsWith(QStringLiteral("D:")));
            names.insert(qpdfText(a.value(QStringLiteral("/NM"))));
            QCOMPARE(a.value(QStringLiteral("/Vertices")).toArray().size(), 8);
            const QJsonObject ap = qpdfValue(objects, a.value(QStringLiteral("/AP"))).toObject();
            const QString normal = ap.value(QStringLiteral("/N")).toString();
            const QJsonObject stream = objects.value(QStringLiteral("obj:") + normal).toObject();
            QVERIFY2(stream.contains(QStringLiteral("stream")), qPrintable(normal));
            QCOMPARE(stream.value(QStringLiteral("stream"))
                         .toObject()
                         .value(QStringLiteral("dict"))
                         .toObject()
                         .value(QStringLiteral("/Subtype")),
                     QJsonValue(QStringLiteral("/Form")));
        }
        QCOMPARE(annots, expected);
        QCOMPARE(names.size(), expected); // /NM unique

        // libqpdf: every page's content streams exactly the input's, byte for byte.
        const QVector<QByteArray> before = rawContentStreams(newPdf), after = rawContentStreams(markups);
        QVERIFY(!before.isEmpty());
        QCOMPARE(after.size(), before.size());
        for (int i = 0; i < before.size(); ++i)
            QVERIFY2(after[i] == before[i],
                     qPrintable(tag + QStringLiteral(": page %1 content differs").arg(i + 1)));

        // poppler-qt6: loads them as closed cloud polygons with their texts and colours.
        std::unique_ptr<Poppler::Document> doc = Poppler::Document::load(markups);
        QVERIFY(doc && !doc->isLocked());
        for (const PageResult &p : in.comparison.pages) {
            if (p.match != MatchKind::Matched) continue;
            std::unique_ptr<Poppler::Page> page = doc->page(p.newPage);
            QVERIFY(page);
            const auto list = page->annotations();
            QCOMPARE(int(list.size()), int(p.regions.size()));
            for (const auto &a : list) {
                QCOMPARE(a->subType(), Poppler::Annotation::ALine);
                const auto *line = static_cast<const Poppler::LineAnnotation *>(a.get());
                QCOMPARE(line->lineType(), Poppler::LineAnnotation::Polyline);
                QVERIFY(line->isLineClosed());
                QCOMPARE(line->lineIntent(), Poppler::LineAnnotation::PolygonCloud);
                QVERIFY(!a->contents().isEmpty());
                QVERIFY(!a->author().isEmpty());
            }
        }

        // pdftoppm: what the markups add is the clouds' colours, near each change and nowhere else.
        for (const PageResult &p : in.comparison.pages) {
            if (p.match != MatchKind::Matched || p.regions.isEmpty()) continue;
            const QImage plain =
                renderPage(newPdf, p.newPage + 1, kRenderDpi, path(tag + QStringLiteral("-plain")));
            const QImage marked =
                renderPage(markups, p.newPage + 1, kRenderDpi, path(tag + QStringLiteral("-marked")));
            QVERIFY(!plain.isNull() && plain.size() == marked.size());
            const double s = kRenderDpi / 72.0;
            // The page as rendered has the result's shown size (CropBox, turned).
            QVERIFY2(std::abs(marked.width() - p.pageSizePt.width() * s) < 2, qPrintable(tag));
            QVector<QRect> near;
            for (const ChangeRegion &r : p.regions) {
                const QRectF box = cloudBoxPt(r, p.pageSizePt);
                near << QRectF(box.topLeft() * s, box.size() * s)
                            .adjusted(-kNearPt * s, -kNearPt * s, kNearPt * s, kNearPt * s)
                            .toAlignedRect();
            }
            int stray = 0;
            QVector<QVector<int>> hue(p.regions.size(), QVector<int>(3, 0));
            for (int y = 0; y < marked.height(); ++y) {
                const QRgb *a = reinterpret_cast<const QRgb *>(plain.constScanLine(y));
                const QRgb *b = reinterpret_cast<const QRgb *>(marked.constScanLine(y));
                for (int x = 0; x < marked.width(); ++x) {
                    if (a[x] == b[x]) continue;
                    bool inside = false;
                    for (int i = 0; i < near.size(); ++i)
                        if (near[i].contains(x, y)) {
                            inside = true;
                            const int d = dominant(b[x]);
                            if (d >= 0) ++hue[i][d];
                        }
                    stray += !inside;
                }
            }
            QVERIFY2(stray == 0,
                     qPrintable(tag + QStringLiteral(": %1 pixels drawn away from every change").arg(stray)));
            for (int i = 0; i < p.regions.size(); ++i) {
                const ChangeKind k = p.regions[i].kind;
                const int channel = k == ChangeKind::Removed ? 0 : k == ChangeKind::Modified ? 2 : 1;
                QVERIFY2(hue[i][channel] >= 20,
                         qPrintable(tag + QStringLiteral(": change %1 (%2) shows %3 pixels of its colour")
                                              .arg(p.regions[i].id)
                                              .arg(changeKindName(k))
                                              .arg(hue[i][channel])));
            }
        }
    }

    // A job made up around tests/data/encrypted.pdf (password "secret"): one change on its page.
    static ReportInput encryptedInput() {
        ReportInput in;
        in.comparison.jobId = QStringLiteral("encrypted");
        in.comparison.newPath = QStringLiteral(BT_SOURCE_DIR "/tests/data/encrypted.pdf");
        in.comparison.started = QDateTime::currentDateTimeUtc();
        PageResult p;
        p.pageNumber = 1;
        p.oldPage = p.newPage = 0;
        p.diffDone = true;
        p.pageSizePt = QSizeF(612, 792);
        ChangeRegion r;
        r.id = 1;
        r.kind = ChangeKind::Added;
        r.boxPt = QRectF(72, 72, 200, 30);
        r.newText = {QStringLiteral("ENCRYPTED"), QStringLiteral("FIXTURE")};
        p.regions << r;
        in.comparison.pages << p;
        return in;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_dir.setAutoRemove(!qEnvironmentVariableIsSet("BT_KEEP_TEST_FILES"));
        if (!m_dir.autoRemove()) qInfo("files kept in %s", qPrintable(m_dir.path()));
        for (const char *tool : {"qpdf", "pdftoppm", "unzip"})
            QVERIFY2(!QStandardPaths::findExecutable(QLatin1String(tool)).isEmpty(), tool);
        // a note added, a room renamed, REV 1 → REV 2, a wall added and one taken out;
        // A-102 unchanged.
        const SheetSpec a101 =
            makeSheet(QStringLiteral("A-101"), QStringLiteral("FIRST FLOOR PLAN"), 5, kArchD);
        const SheetSpec a102 =
            makeSheet(QStringLiteral("A-102"), QStringLiteral("SECOND FLOOR PLAN"), 8, kArchD);
        const QStringList rooms = roomNames(a101);
        QVERIFY(rooms.size() >= 4);
        const SheetLayout inside = roomRects(a101);
        const QRectF added = inside.value(QStringLiteral("room:") + rooms.value(1));
        const QRectF gone = inside.value(QStringLiteral("room:") + rooms.value(3));
        QVERIFY(!added.isEmpty() && !gone.isEmpty());
        SheetSpec before = a101, after = a101;
        before.extraWallsIn << QRectF(gone.left() / 72, (gone.top() + 10) / 72, gone.width() / 2 / 72,
                                      4.5 / 72);
        after.extraNotes << QStringLiteral("VERIFY ALL DIMENSIONS IN FIELD BEFORE ORDERING MATERIALS.");
        after.roomRenames.insert(rooms.value(2), QStringLiteral("QUIET STUDY"));
        after.revision = QStringLiteral("REV 2");
        after.extraWallsIn << QRectF(added.left() / 72, (added.top() + 10) / 72, added.width() / 2 / 72,
                                     4.5 / 72);
        m_old = path(QStringLiteral("old.pdf"));
        m_new = path(QStringLiteral("new.pdf"));
        QCOMPARE(writeVectorSet(m_old, {before, a102}).size(), 2);
        QCOMPARE(writeVectorSet(m_new, {after, a102}).size(), 2);
    }

    void markupsOnTurnedAndCroppedPages_data() {
        QTest::addColumn<int>("rotate");
        QTest::newRow("as printed") << 0;
        QTest::newRow("rotate 90") << 90;
        QTest::newRow("rotate 180") << 180;
        QTest::newRow("rotate 270") << 270;
    }

    // --markups on compare: the clouds land on the changes whatever the page's /Rotate and
    // CropBox; nothing of the pages changes.
    void markupsOnTurnedAndCroppedPages() {
        QFETCH(int, rotate);
        const QString tag = QStringLiteral("r%1").arg(rotate);
        QString oldPdf = m_old, newPdf = m_new;
        if (rotate != 0) {
            // Cropped off the MediaBox's origin (ARCH D is 2592 x 1728 pt), on both sides alike.
            const QRectF crop(QPointF(30, 20), QPointF(2570, 1710));
            oldPdf = path(tag + QStringLiteral("-old.pdf"));
            newPdf = path(tag + QStringLiteral("-new.pdf"));
            QVERIFY(turnAndCrop(m_old, oldPdf, rotate, crop));
            QVERIFY(turnAndCrop(m_new, newPdf, rotate, crop));
        }
        const QString markups = path(tag + QStringLiteral("-markups.pdf"));
        const std::optional<ReportInput> in = compare(oldPdf, newPdf, path(tag + QStringLiteral(".sqlite")),
                                                      {QStringLiteral("--markups"), markups});
        QVERIFY(in);
        const PageResult &a101 = in->comparison.pages.first();
        QVERIFY2(std::any_of(a101.regions.begin(), a101.regions.end(),
                             [](const ChangeRegion &r) { return r.kind == ChangeKind::Removed; }),
                 "the wall taken out is a removed change");
        checkMarkups(*in, markups, newPdf, tag);
    }

    // show --markups / --changes-xlsx after a review: the reviewer, status, comment and date in both.
    void reviewedExportsFromTheHistory() {
        const QString db = path(QStringLiteral("reviewed.sqlite"));
        const QString firstXlsx = path(QStringLiteral("compare.xlsx"));
        std::optional<ReportInput> in =
            compare(m_old, m_new, db, {QStringLiteral("--changes-xlsx"), firstXlsx});
        QVERIFY(in);
        QVERIFY(QFileInfo(firstXlsx).size() > 0);
        const PageResult page = in->comparison.pages.first();
        const ChangeRegion region = page.regions.last();
        const QString comment = QStringLiteral("Confirm with structural, \"W8x10\" or <W10x12>?");
        {
            JobStore store(db);
            QVERIFY(store.open());
            RegionReview r;
            r.jobId = in->comparison.jobId;
            r.pageNumber = page.pageNumber;
            r.regionNumber = region.id;
            r.status = ReviewStatus::NeedsClarification;
            r.comment = comment;
            r.reviewer = QStringLiteral("a.reviewer");
            QVERIFY(store.reviewStore().setReview(r));
        }

        const QString xlsx = path(QStringLiteral("show.xlsx"));
        const QString markups = path(QStringLiteral("show-markups.pdf"));
        const CliRun show =
            runCli({QStringLiteral("show"), in->comparison.jobId, QStringLiteral("--db"), db,
                    QStringLiteral("--changes-xlsx"), xlsx, QStringLiteral("--markups"), markups});
        QVERIFY2(show.finished && show.exitCode == 0, qPrintable(describe(show)));
        QVERIFY(QString::fromUtf8(show.stdOut)
                    .contains(QStringLiteral("Change list (XLSX): ") + QFileInfo(xlsx).absoluteFilePath()));
        QVERIFY(QString::fromUtf8(show.stdOut).contains(QStringLiteral("Markups (")));
        JobStore store(db);
        QVERIFY(store.open());
        in = ReportInput::fromStore(store, in->comparison.jobId);
        QVERIFY(in);
        checkMarkups(*in, markups, m_new, QStringLiteral("reviewed"));
        if (QTest::currentTestFailed()) return;

        // The reviewed change's markup: its author, and the status and comment in its text.
        const QJsonObject objects = qpdfObjects(markups);
        int found = 0;
        for (auto it = objects.begin(); it != objects.end(); ++it) {
            const QJsonObject a = it.value().toObject().value(QStringLiteral("value")).toObject();
            if (a.value(QStringLiteral("/Type")) != QLatin1String("/Annot")) continue;
            const QString contents = qpdfText(a.value(QStringLiteral("/Contents")));
            if (!contents.contains(QStringLiteral("Review: needs_clarification"))) continue;
            ++found;
            QCOMPARE(qpdfText(a.value(QStringLiteral("/Subj"))), QStringLiteral("Change %1").arg(region.id));
            QVERIFY2(contents.contains(QStringLiteral("Comment: ") + comment), qPrintable(contents));
            QCOMPARE(qpdfText(a.value(QStringLiteral("/T"))), QStringLiteral("a.reviewer"));
        }
        QCOMPARE(found, 1);

        // The workbook: a header, then one row per change in sheet order, as the change list.
        const QMap<QString, QString> cells = xlsxCells(xlsx, 1);
        const QStringList header{
            QStringLiteral("Page"),     QStringLiteral("Sheet"),    QStringLiteral("Title"),
            QStringLiteral("Change"),   QStringLiteral("Kind"),     QStringLiteral("Old text"),
            QStringLiteral("New text"), QStringLiteral("Location"), QStringLiteral("x (pt)"),
            QStringLiteral("y (pt)"),   QStringLiteral("w (pt)"),   QStringLiteral("h (pt)"),
            QStringLiteral("Status"),   QStringLiteral("Reviewer"), QStringLiteral("Date"),
            QStringLiteral("Comment")};
        for (int c = 0; c < header.size(); ++c)
            QCOMPARE(cells.value(xlsxCellRef(c, 1)), header[c]);
        const QVector<ChangeListRow> rows = changeListRows(*in);
        QCOMPARE(int(rows.size()), int(page.regions.size())); // A-102 is unchanged
        for (int i = 0; i < rows.size(); ++i) {
            const int row = i + 2;
            const ChangeRegion &r = *rows[i].region;
            QCOMPARE(cells.value(xlsxCellRef(0, row)), QString::number(rows[i].page->pageNumber));
            QCOMPARE(cells.value(xlsxCellRef(1, row)), QStringLiteral("A-101"));
            QCOMPARE(cells.value(xlsxCellRef(2, row)), QStringLiteral("FIRST FLOOR PLAN"));
            QCOMPARE(cells.value(xlsxCellRef(3, row)), QString::number(r.id));
            QCOMPARE(cells.value(xlsxCellRef(4, row)), changeKindName(r.kind));
            QCOMPARE(cells.value(xlsxCellRef(5, row)), r.oldText.join(QLatin1Char(' ')));
            QCOMPARE(cells.value(xlsxCellRef(6, row)), r.newText.join(QLatin1Char(' ')));
            const QRectF box = cloudBoxPt(r, rows[i].page->pageSizePt);
            QVERIFY2(cells.value(xlsxCellRef(7, row))
                         .contains(QStringLiteral("x %1,").arg(std::round(box.x() * 10) / 10)),
                     qPrintable(cells.value(xlsxCellRef(7, row))));
            QVERIFY(std::abs(cells.value(xlsxCellRef(8, row)).toDouble() - box.x()) < 0.06);
            QVERIFY(std::abs(cells.value(xlsxCellRef(11, row)).toDouble() - box.height()) < 0.06);
            const bool reviewed = r.id == region.id;
            QCOMPARE(cells.value(xlsxCellRef(12, row)),
                     reviewed ? QStringLiteral("needs_clarification") : QStringLiteral("open"));
            QCOMPARE(cells.value(xlsxCellRef(13, row)), reviewed ? QStringLiteral("a.reviewer") : QString());
            // Dates are Excel serial days: 2026 is past day 46000.
            QCOMPARE(cells.value(xlsxCellRef(14, row)).toDouble() > 46000, reviewed);
            QCOMPARE(cells.value(xlsxCellRef(15, row)), reviewed ? comment : QString());
        }
        QVERIFY(!cells.contains(xlsxCellRef(0, int(rows.size()) + 2))); // nothing after the last change
        const QByteArray sheetXml =
            runTool(QStringLiteral("unzip"),
                    {QStringLiteral("-p"), xlsx, QStringLiteral("xl/worksheets/sheet1.xml")})
                .out;
        QVERIFY(sheetXml.contains("state=\"frozen\""));
        QVERIFY2(
            sheetXml.contains(QStringLiteral("<autoFilter ref=\"A1:P%1\"/>").arg(rows.size() + 1).toUtf8()),
            sheetXml.right(300).constData());

        // The summary tab: a row per sheet with its counts, totals below.
        const QMap<QString, QString> summary = xlsxCells(xlsx, 2);
        QCOMPARE(summary.value(QStringLiteral("B2")), QStringLiteral("A-101"));
        QCOMPARE(summary.value(QStringLiteral("D2")), QStringLiteral("changed"));
        QCOMPARE(summary.value(QStringLiteral("E2")), QString::number(page.regions.size()));
        QCOMPARE(summary.value(QStringLiteral("B3")), QStringLiteral("A-102"));
        QCOMPARE(summary.value(QStringLiteral("D3")), QStringLiteral("unchanged"));
        QCOMPARE(summary.value(QStringLiteral("E3")), QStringLiteral("0"));
        QCOMPARE(summary.value(QStringLiteral("M2")), QStringLiteral("1")); // needs clarification
        QCOMPARE(summary.value(QStringLiteral("B5")), QStringLiteral("Total"));
        int byKind = 0;
        for (const QString &c :
             {QStringLiteral("F2"), QStringLiteral("G2"), QStringLiteral("H2"), QStringLiteral("I2")})
            byKind += summary.value(c).toInt();
        QCOMPARE(byKind, int(page.regions.size()));
    }

    // A NEW set that changed since the comparison, or is no PDF: refused in one line naming it.
    void refusedInOneLine() {
        const QString db = path(QStringLiteral("refused.sqlite"));
        const QString newCopy = path(QStringLiteral("new-copy.pdf"));
        QVERIFY(QFile::copy(m_new, newCopy));
        const std::optional<ReportInput> in = compare(m_old, newCopy, db, {});
        QVERIFY(in);
        QFile f(newCopy);
        QVERIFY(f.open(QIODevice::Append));
        f.write("\n% edited after the comparison\n");
        f.close();
        const QString markups = path(QStringLiteral("refused.pdf"));
        const CliRun r = runCli({QStringLiteral("show"), in->comparison.jobId, QStringLiteral("--db"), db,
                                 QStringLiteral("--markups"), markups});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(lines(r.stdErr).size(), 1);
        QVERIFY2(r.stdErr.contains(newCopy) && r.stdErr.contains(QStringLiteral("changed since")),
                 qPrintable(r.stdErr));
        QVERIFY(!QFileInfo::exists(markups));

        // Both options on every command that exports, named in its help.
        for (const QString &command :
             {QStringLiteral("compare"), QStringLiteral("show"), QStringLiteral("resume")}) {
            const QString help = QString::fromUtf8(runCli({command, QStringLiteral("--help")}).stdOut);
            QVERIFY2(help.contains(QStringLiteral("--markups")) &&
                         help.contains(QStringLiteral("--changes-xlsx")),
                     qPrintable(command));
        }

        ReportInput image = *in;
        image.newHash.clear();
        image.comparison.newPath = path(QStringLiteral("sheet.png"));
        QVERIFY(QImage(20, 20, QImage::Format_RGB32).save(image.comparison.newPath));
        QString error;
        QVERIFY(!writeMarkups(image, markups, &error));
        QVERIFY2(error.contains(image.comparison.newPath) && error.contains(QStringLiteral("not a PDF")),
                 qPrintable(error));
        QVERIFY(!QFileInfo::exists(markups));
    }

    // An encrypted NEW set: its password is needed, and the markups keep its encryption.
    void encryptedStaysEncrypted() {
        const ReportInput in = encryptedInput();
        const QString encrypted = in.comparison.newPath;
        const QString out = path(QStringLiteral("encrypted-markups.pdf"));
        QString error;
        QVERIFY(!writeMarkups(in, out, &error));
        QVERIFY2(error.contains(encrypted) && error.contains(QStringLiteral("password")), qPrintable(error));
        QVERIFY(!QFileInfo::exists(out));
        MarkupOptions options;
        options.newPassword = QStringLiteral("secret");
        int count = 0;
        QVERIFY2(writeMarkups(in, out, &error, options, &count), qPrintable(error));
        QCOMPARE(count, 1);
        QVERIFY(runTool(QStringLiteral("qpdf"), {QStringLiteral("--show-encryption"), out})
                    .out.contains("R = 6"));
        QCOMPARE(runTool(QStringLiteral("qpdf"), {QStringLiteral("--check"), out}).code, 2); // no password
        const ToolRun json = runTool(QStringLiteral("qpdf"),
                                     {QStringLiteral("--json"), QStringLiteral("--password=secret"), out});
        QCOMPARE(json.code, 0);
        QCOMPARE(json.out.count("\"/Subtype\": \"/Polygon\""), 1);
        QCOMPARE(rawContentStreams(out, "secret"), rawContentStreams(encrypted, "secret"));
    }

    // The clouds take the colours the export is given (the window's preset, compare's --colors),
    // not the job's: colours are a view setting.
    void cloudsTakeTheGivenColours() {
        ReportInput in = encryptedInput();
        QVERIFY(OverlayColours::fromPreset(QStringLiteral("colorblind"), &in.colours));
        MarkupOptions options;
        options.newPassword = QStringLiteral("secret");
        const QString out = path(QStringLiteral("colorblind-markups.pdf"));
        QString error;
        QVERIFY2(writeMarkups(in, out, &error, options), qPrintable(error));
        std::unique_ptr<Poppler::Document> doc = Poppler::Document::load(out, "secret", "secret");
        QVERIFY(doc && !doc->isLocked());
        const auto list = doc->page(0)->annotations();
        QCOMPARE(int(list.size()), 1);
        QCOMPARE(list.front()->style().color().rgb(), in.colours.added.rgb()); // an added change
        QVERIFY(in.colours.added.rgb() != OverlayColours().added.rgb());
    }

    // The window asks for an encrypted NEW set's password (again when it is wrong; declined:
    // nothing written) and writes the markups with it.
    void dialogAsksForThePassword() {
        const ReportInput in = encryptedInput();
        QStringList answers{QStringLiteral("wrong"), QStringLiteral("secret")};
        QStringList prompts;
        QTimer answer;
        connect(&answer, &QTimer::timeout, this, [&] {
            auto *box = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
            if (!box || box->objectName() != QLatin1String("passwordDialog")) return;
            prompts << box->labelText();
            if (answers.isEmpty()) {
                box->reject();
                return;
            }
            box->setTextValue(answers.takeFirst());
            box->accept();
        });
        answer.start(20);
        ui::ReportExportDialog dialog(in, {}, nullptr, ui::ReportExportDialog::Kind::Markups);
        const QString pdf = path(QStringLiteral("dialog-encrypted.pdf"));
        dialog.setOutputPath(pdf);
        QSignalSpy done(&dialog, &ui::ReportExportDialog::exportFinished);
        dialog.start();
        QCOMPARE(prompts.size(), 2);
        QVERIFY2(prompts[0].contains(QStringLiteral("password protected")), qPrintable(prompts[0]));
        QVERIFY2(prompts[1].contains(QStringLiteral("Wrong password")), qPrintable(prompts[1]));
        QVERIFY(done.wait(60000));
        QVERIFY2(done.first().at(0).toBool(), qPrintable(done.first().at(1).toString()));
        const ToolRun json = runTool(QStringLiteral("qpdf"),
                                     {QStringLiteral("--json"), QStringLiteral("--password=secret"), pdf});
        QCOMPARE(json.out.count("\"/Subtype\": \"/Polygon\""), 1);

        // Declined: no export runs, nothing is written.
        ui::ReportExportDialog declined(in, {}, nullptr, ui::ReportExportDialog::Kind::Markups);
        const QString none = path(QStringLiteral("dialog-declined.pdf"));
        declined.setOutputPath(none);
        prompts.clear();
        declined.start();
        QCOMPARE(prompts.size(), 1);
        QVERIFY(!declined.isRunning());
        QVERIFY(!QFileInfo::exists(none));
    }

    // The window's export dialog: markups beside the report, XLSX beside CSV and JSON.
    void dialogExports() {
        const QString db = path(QStringLiteral("dialog.sqlite"));
        const std::optional<ReportInput> in = compare(m_old, m_new, db, {});
        QVERIFY(in);
        {
            ui::ReportExportDialog dialog(*in, {}, nullptr, ui::ReportExportDialog::Kind::Markups);
            QVERIFY(dialog.outputPath().endsWith(QStringLiteral("-markups.pdf")));
            const QString pdf = path(QStringLiteral("dialog-markups.pdf"));
            dialog.setOutputPath(pdf);
            QSignalSpy done(&dialog, &ui::ReportExportDialog::exportFinished);
            dialog.start();
            QVERIFY(done.wait(60000));
            QVERIFY2(done.first().at(0).toBool(), qPrintable(done.first().at(1).toString()));
            checkMarkups(*in, pdf, m_new, QStringLiteral("dialog"));
            if (QTest::currentTestFailed()) return;
        }
        {
            ui::ReportExportDialog dialog(*in, {}, nullptr, ui::ReportExportDialog::Kind::ChangeList);
            auto *format = dialog.findChild<QComboBox *>();
            QVERIFY(format);
            const int xlsx = format->findData(QStringLiteral("xlsx"));
            QVERIFY(xlsx >= 0);
            format->setCurrentIndex(xlsx);
            QVERIFY(dialog.outputPath().endsWith(QStringLiteral(".xlsx")));
            const QString file = path(QStringLiteral("dialog.xlsx"));
            dialog.setOutputPath(file);
            QSignalSpy done(&dialog, &ui::ReportExportDialog::exportFinished);
            dialog.start();
            QVERIFY(done.wait(60000));
            QVERIFY2(done.first().at(0).toBool(), qPrintable(done.first().at(1).toString()));
            const QMap<QString, QString> cells = xlsxCells(file, 1);
            QCOMPARE(cells.value(QStringLiteral("D1")), QStringLiteral("Change"));
            QCOMPARE(cells.value(QStringLiteral("D2")), QStringLiteral("1"));
        }
    }
};

QTEST_MAIN(TestMarkups)
#include "tst_markups.moc"
