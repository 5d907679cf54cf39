// The test-drawing generator: the PDFs it writes load in QtPdf with the expected pages, text
// layer and geometry, and every edit changes pixels only inside the box it reports.

#include "drawinggenerator.h"

#include <QDir>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <QPdfDocument>
#include <QPdfSelection>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

#include <opencv2/imgcodecs.hpp>

#include <functional>

using namespace bt::test;

namespace {

constexpr double kRenderDpi = 50.0;

// Page rendered onto white paper (QtPdf leaves the paper transparent), greyscale.
QImage renderPage(QPdfDocument &doc, int page, double dpi) {
    const QSizeF pt = doc.pagePointSize(page);
    const QSize px(qRound(pt.width() / 72.0 * dpi), qRound(pt.height() / 72.0 * dpi));
    const QImage rendered = doc.render(page, px);
    QImage paper(px, QImage::Format_RGB32);
    paper.fill(Qt::white);
    QPainter p(&paper);
    p.drawImage(0, 0, rendered);
    p.end();
    return paper.convertToFormat(QImage::Format_Grayscale8);
}

QImage renderSingle(const QString &path, double dpi = kRenderDpi) {
    QPdfDocument doc;
    if (doc.load(path) != QPdfDocument::Error::None || doc.pageCount() < 1) return {};
    return renderPage(doc, 0, dpi);
}

struct DiffCount {
    int inside = 0;
    int outside = 0;
};

// Pixels differing by more than `threshold` grey levels, inside / outside `zone` (points).
DiffCount countDiffs(const QImage &a, const QImage &b, const QVector<QRectF> &zonePt, double dpi,
                     int threshold = 24) {
    DiffCount c;
    if (a.size() != b.size()) return {-1, -1};
    const double s = dpi / 72.0;
    QVector<QRect> zone;
    for (const QRectF &r : zonePt)
        zone << QRectF(r.topLeft() * s, r.bottomRight() * s).toAlignedRect();
    for (int y = 0; y < a.height(); ++y) {
        const uchar *ra = a.constScanLine(y), *rb = b.constScanLine(y);
        for (int x = 0; x < a.width(); ++x) {
            if (std::abs(ra[x] - rb[x]) <= threshold) continue;
            bool in = false;
            for (const QRect &z : zone)
                in = in || z.contains(x, y);
            (in ? c.inside : c.outside)++;
        }
    }
    return c;
}

// Darkest pixel inside a box (points) of a greyscale render.
int darkestIn(const QImage &img, const QRectF &boxPt, double dpi) {
    const double s = dpi / 72.0;
    const QRect r = QRectF(boxPt.topLeft() * s, boxPt.bottomRight() * s).toAlignedRect() & img.rect();
    int darkest = 255;
    for (int y = r.top(); y <= r.bottom(); ++y)
        for (int x = r.left(); x <= r.right(); ++x)
            darkest = std::min<int>(darkest, img.constScanLine(y)[x]);
    return darkest;
}

SheetSpec baseSpec(int seed = 5) {
    SheetSpec s;
    s.number = QStringLiteral("A-2%1").arg(seed, 2, 10, QLatin1Char('0'));
    s.title = QStringLiteral("LEVEL %1 FLOOR PLAN").arg(seed);
    s.seed = seed;
    return s;
}

} // namespace

class TestDrawingGenerator : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_dir.setAutoRemove(!qEnvironmentVariableIsSet("BT_KEEP_TEST_FILES")); // to inspect the PDFs
        if (!m_dir.autoRemove()) qInfo("files kept in %s", qPrintable(m_dir.path()));
    }

    void planIsDeterministicAndPlausible() {
        QSet<QString> seenLists;
        for (int seed = 1; seed <= 12; ++seed) {
            const SheetSpec spec = baseSpec(seed);
            const QStringList rooms = roomNames(spec);
            const QStringList dims = dimensionTexts(spec);
            QCOMPARE(roomNames(spec), rooms);
            QCOMPARE(dimensionTexts(spec), dims);
            QVERIFY2(rooms.size() >= 8 && rooms.size() <= 14, qPrintable(rooms.join(',')));
            QCOMPARE(QSet<QString>(rooms.begin(), rooms.end()).size(), rooms.size()); // keys unique
            QCOMPARE(QSet<QString>(dims.begin(), dims.end()).size(), dims.size());
            for (const QString &d : dims)
                QVERIFY2(QRegularExpression(QStringLiteral("^\\d+'-\\d+\"$")).match(d).hasMatch(),
                         qPrintable(d));
            const SheetLayout rects = roomRects(spec);
            QCOMPARE(rects.size(), rooms.size());
            seenLists.insert(rooms.join(','));
        }
        QVERIFY(seenLists.size() >= 10); // seeds give different plans
    }

    void vectorSetPagesAndSizes() {
        QVector<SheetSpec> sheets = {baseSpec(1), baseSpec(2), baseSpec(3)};
        sheets[2].paperIn = QSizeF(24, 18); // ARCH C
        const QString path = m_dir.filePath(QStringLiteral("set.pdf"));
        QElapsedTimer timer;
        timer.start();
        const QVector<SheetLayout> layouts = writeVectorSet(path, sheets);
        qInfo("3-sheet vector set written in %lld ms", timer.elapsed());
        QCOMPARE(layouts.size(), 3);
        QPdfDocument doc;
        QCOMPARE(doc.load(path), QPdfDocument::Error::None);
        QCOMPARE(doc.pageCount(), 3);
        for (int i = 0; i < 3; ++i) {
            const QSizeF expected = sheets[i].paperIn * 72.0;
            const QSizeF got = doc.pagePointSize(i);
            QVERIFY2(qAbs(got.width() - expected.width()) < 0.5 &&
                         qAbs(got.height() - expected.height()) < 0.5,
                     qPrintable(QStringLiteral("page %1: %2x%3").arg(i).arg(got.width()).arg(got.height())));
            const QRectF page(QPointF(0, 0), expected);
            for (auto it = layouts[i].cbegin(); it != layouts[i].cend(); ++it)
                QVERIFY2(page.contains(it.value()) && !it.value().isEmpty(), qPrintable(it.key()));
            for (const char *key :
                 {"number", "title", "revision", "note:0", "door:0", "revrow:0", "revrow:1"})
                QVERIFY2(layouts[i].contains(QLatin1String(key)), key);
            for (const QString &room : roomNames(sheets[i]))
                QVERIFY2(layouts[i].contains(QStringLiteral("room:") + room), qPrintable(room));
            for (const QString &dim : dimensionTexts(sheets[i]))
                QVERIFY2(layouts[i].contains(QStringLiteral("dim:") + dim), qPrintable(dim));
        }
        QVERIFY(QFileInfo(path).size() < 300 * 1024);
    }

    void layoutFitsAnyPaper() {
        const QSizeF papers[] = {{36, 24}, {24, 18}, {17, 11}, {48, 36}, {24, 36}, {11, 8.5}};
        QVector<SheetSpec> sheets;
        for (const QSizeF &paper : papers) {
            SheetSpec spec = baseSpec(int(sheets.size()) + 40);
            spec.paperIn = paper;
            sheets << spec;
        }
        const QVector<SheetLayout> layouts =
            writeVectorSet(m_dir.filePath(QStringLiteral("papers.pdf")), sheets);
        QCOMPARE(layouts.size(), sheets.size());
        for (int i = 0; i < sheets.size(); ++i) {
            const QRectF page(QPointF(0, 0), sheets[i].paperIn * 72.0);
            for (auto it = layouts[i].cbegin(); it != layouts[i].cend(); ++it)
                QVERIFY2(page.contains(it.value()),
                         qPrintable(QStringLiteral("%1 on paper %2").arg(it.key()).arg(i)));
            // Room names sit inside their rooms.
            const SheetLayout rooms = roomRects(sheets[i]);
            for (auto it = rooms.cbegin(); it != rooms.cend(); ++it)
                QVERIFY2(it.value().contains(layouts[i].value(it.key()).center()), qPrintable(it.key()));
            // The notes do not run into each other.
            for (int n = 1; layouts[i].contains(QStringLiteral("note:%1").arg(n)); ++n)
                QVERIFY(
                    !layouts[i]
                         .value(QStringLiteral("note:%1").arg(n))
                         .intersects(
                             layouts[i].value(QStringLiteral("note:%1").arg(n - 1)).adjusted(1, 1, -1, -1)));
        }
    }

    void layoutBoxesHoldInk() {
        const SheetSpec spec = baseSpec(4);
        const QString path = m_dir.filePath(QStringLiteral("ink.pdf"));
        const QVector<SheetLayout> layouts = writeVectorSet(path, {spec});
        QCOMPARE(layouts.size(), 1);
        const QImage img = renderSingle(path, 100);
        QVERIFY(!img.isNull());
        for (auto it = layouts[0].cbegin(); it != layouts[0].cend(); ++it)
            QVERIFY2(darkestIn(img, it.value(), 100) < 128, qPrintable(it.key()));
        // The sheet number is the big text at the bottom right.
        const QRectF number = layouts[0].value(QStringLiteral("number"));
        QVERIFY(number.height() > 25 && number.height() < 50);
        QVERIFY(number.left() > 2592 * 0.85 && number.top() > 1728 * 0.8);
        // The paper outside the border stays blank.
        QVERIFY(darkestIn(img, QRectF(0, 0, 20, 20), 100) == 255);
    }

    void textLayer() {
        SheetSpec spec = baseSpec(6);
        const QString withText = m_dir.filePath(QStringLiteral("text.pdf"));
        QCOMPARE(writeVectorSet(withText, {spec}).size(), 1);
        spec.textAsPaths = true;
        const QString asPaths = m_dir.filePath(QStringLiteral("paths.pdf"));
        QCOMPARE(writeVectorSet(asPaths, {spec}).size(), 1);

        QPdfDocument doc;
        QCOMPARE(doc.load(withText), QPdfDocument::Error::None);
        const QString text = doc.getAllText(0).text();
        QVERIFY(text.contains(spec.number));
        QVERIFY(text.contains(spec.title));
        QVERIFY(text.contains(QStringLiteral("GENERAL NOTES")));
        for (const QString &room : roomNames(spec))
            QVERIFY2(text.contains(room), qPrintable(room));
        for (const QString &dim : dimensionTexts(spec))
            QVERIFY2(text.contains(dim), qPrintable(dim));

        QPdfDocument outlines;
        QCOMPARE(outlines.load(asPaths), QPdfDocument::Error::None);
        const QString none = outlines.getAllText(0).text();
        QVERIFY2(none.trimmed().isEmpty(), qPrintable(none.left(200)));

        // Outlined text still draws the same sheet.
        const QImage a = renderSingle(withText), b = renderSingle(asPaths);
        QVERIFY(!a.isNull() && a.size() == b.size());
        const DiffCount d = countDiffs(a, b, {}, kRenderDpi, 96);
        QVERIFY2(d.outside < a.width() * a.height() / 2000, qPrintable(QString::number(d.outside)));
    }

    void editsStayInTheirBox_data() {
        QTest::addColumn<int>("edit");
        QTest::addColumn<bool>("asPaths");
        QTest::addColumn<int>("seed");
        const char *names[] = {"note", "rename", "dimension", "wall", "door", "revrow", "revision"};
        for (int i = 0; i < 7; ++i) {
            QTest::addRow("%s", names[i]) << i << false << 7 + i;
            QTest::addRow("%s-paths", names[i]) << i << true << 7 + i;
            QTest::addRow("%s-seed%d", names[i], 30 + i) << i << false << 30 + i;
        }
    }

    void editsStayInTheirBox() {
        QFETCH(int, edit);
        QFETCH(bool, asPaths);
        QFETCH(int, seed);
        SheetSpec base = baseSpec(seed);
        base.textAsPaths = asPaths;
        SheetSpec changed = base;
        const QStringList rooms = roomNames(base);
        const QStringList dims = dimensionTexts(base);
        QStringList keys; // boxes the edit may touch (edited layout, and base layout for text swaps)
        switch (edit) {
        case 0:
            changed.extraNotes << QStringLiteral(
                "VERIFY LOCATION OF ALL FLOOR DRAINS WITH PLUMBING DRAWINGS BEFORE "
                "POURING THE SLAB, TYPICAL AT ALL WET ROOMS.");
            break;
        case 1:
            changed.roomRenames.insert(rooms.value(2), QStringLiteral("RECORDING STUDIO"));
            keys << QStringLiteral("room:RECORDING STUDIO");
            break;
        case 2:
            changed.dimensionEdits.insert(dims.value(3), QStringLiteral("101'-11\""));
            keys << QStringLiteral("dim:101'-11\"");
            break;
        case 3: {
            const QRectF r = roomRects(base).value(QStringLiteral("room:") + rooms.value(1));
            changed.extraWallsIn << QRectF(r.left() / 72, (r.top() + 10) / 72, r.width() / 2 / 72, 4.5 / 72);
            keys << QStringLiteral("wall:extra0");
            break;
        }
        case 4: // a room door, or a corridor-end door (the last two)
            changed.movedDoor = seed % 2 ? 2 : rooms.size() - 1 + seed % 4 / 2;
            keys << QStringLiteral("door:%1").arg(changed.movedDoor);
            break;
        case 5:
            changed.revisionRows << QStringLiteral("2 ADDENDUM 1 03/21/2025");
            keys << QStringLiteral("revrow:2");
            break;
        case 6:
            changed.revision = QStringLiteral("REV 2");
            keys << QStringLiteral("revision");
            break;
        }
        const QString tag = QString::fromLatin1(QTest::currentDataTag());
        const QString basePath = m_dir.filePath(QStringLiteral("base-%1.pdf").arg(tag));
        const QString changedPath = m_dir.filePath(QStringLiteral("changed-%1.pdf").arg(tag));
        const QVector<SheetLayout> baseLayout = writeVectorSet(basePath, {base});
        const QVector<SheetLayout> changedLayout = writeVectorSet(changedPath, {changed});
        QCOMPARE(baseLayout.size(), 1);
        QCOMPARE(changedLayout.size(), 1);
        if (edit == 0) {
            const int n = baseLayout[0].keys().filter(QStringLiteral("note:")).size();
            keys << QStringLiteral("note:%1").arg(n);
        }
        QVector<QRectF> zone;
        for (const QString &key : keys) {
            QVERIFY2(changedLayout[0].contains(key), qPrintable(key));
            zone << changedLayout[0].value(key).adjusted(-3, -3, 3, 3);
            if (baseLayout[0].contains(key)) zone << baseLayout[0].value(key).adjusted(-3, -3, 3, 3);
        }
        // Every other box is where it was.
        for (auto it = baseLayout[0].cbegin(); it != baseLayout[0].cend(); ++it)
            if (!keys.contains(it.key()) && changedLayout[0].contains(it.key()))
                QCOMPARE(changedLayout[0].value(it.key()), it.value());

        const QImage a = renderSingle(basePath), b = renderSingle(changedPath);
        QVERIFY(!a.isNull() && a.size() == b.size());
        const DiffCount d = countDiffs(a, b, zone, kRenderDpi);
        QVERIFY2(d.inside > 0, "the edit is visible");
        if (d.outside != 0 && qEnvironmentVariableIsSet("BT_DEBUG_DIFF")) {
            for (int y = 0; y < a.height(); ++y)
                for (int x = 0; x < a.width(); ++x)
                    if (std::abs(a.constScanLine(y)[x] - b.constScanLine(y)[x]) > 24)
                        qInfo("diff at pt %.1f,%.1f: %d -> %d", x * 72 / kRenderDpi, y * 72 / kRenderDpi,
                              a.constScanLine(y)[x], b.constScanLine(y)[x]);
            for (const QRectF &z : zone)
                qInfo() << "zone" << z;
        }
        QVERIFY2(d.outside == 0, qPrintable(QStringLiteral("%1 px changed outside").arg(d.outside)));

        // Unchanged spec, unchanged pixels (determinism).
        const QString againPath = m_dir.filePath(QStringLiteral("again-%1.pdf").arg(tag));
        QCOMPARE(writeVectorSet(againPath, {base}), baseLayout);
        const QImage again = renderSingle(againPath);
        const DiffCount same = countDiffs(a, again, {}, kRenderDpi, 0);
        QCOMPARE(same.outside, 0);
    }

    void printTransformMapsLayout() {
        const SheetSpec spec = baseSpec(3);
        const QVector<SheetLayout> full = writeVectorSet(m_dir.filePath(QStringLiteral("full.pdf")), {spec});

        // Half-size print on ARCH B.
        PrintTransform half;
        half.paperIn = QSizeF(18, 12);
        half.scale = 0.5;
        const QString halfPath = m_dir.filePath(QStringLiteral("half.pdf"));
        const QVector<SheetLayout> small = writeVectorSet(halfPath, {spec}, half);
        QCOMPARE(small.size(), 1);
        QPdfDocument doc;
        QCOMPARE(doc.load(halfPath), QPdfDocument::Error::None);
        QCOMPARE(doc.pagePointSize(0), QSizeF(1296, 864));
        for (auto it = full[0].cbegin(); it != full[0].cend(); ++it) {
            const QRectF expected(it.value().topLeft() * 0.5, it.value().size() * 0.5);
            const QRectF got = small[0].value(it.key());
            QVERIFY2(qAbs(got.left() - expected.left()) < 1e-6 &&
                         qAbs(got.bottom() - expected.bottom()) < 1e-6,
                     qPrintable(it.key()));
        }

        // Portrait plot of the landscape sheet: rotated 90 degrees, shifted back onto the page.
        PrintTransform portrait;
        portrait.paperIn = QSizeF(24, 36);
        portrait.rotationDeg = 90;
        portrait.shiftPt = QPointF(-432, -432);
        const QString rotPath = m_dir.filePath(QStringLiteral("portrait.pdf"));
        const QVector<SheetLayout> rotated = writeVectorSet(rotPath, {spec}, portrait);
        QCOMPARE(rotated.size(), 1);
        const QRectF page(0, 0, 24 * 72, 36 * 72);
        for (auto it = rotated[0].cbegin(); it != rotated[0].cend(); ++it)
            QVERIFY2(page.contains(it.value()), qPrintable(it.key()));
        // The sheet number (bottom right of the sheet) lands bottom left after a clockwise turn.
        const QRectF number = rotated[0].value(QStringLiteral("number"));
        QVERIFY(number.left() < page.width() * 0.2 && number.top() > page.height() * 0.8);
        QVERIFY(number.height() > number.width()); // text runs down the page now
        QCOMPARE(doc.load(rotPath), QPdfDocument::Error::None);
        const QImage img = renderPage(doc, 0, kRenderDpi);
        QVERIFY(darkestIn(img, number, kRenderDpi) < 100);
    }

    void scannedSetIsImageOnly() {
        const QVector<SheetSpec> sheets = {baseSpec(1), baseSpec(2), baseSpec(3)};
        PrintTransform print;
        print.paperIn = QSizeF(18, 12);
        print.scale = 0.5;
        print.rotationDeg = 0.4;
        print.shiftPt = QPointF(3, -2);
        ScanOptions options;
        const QString path = m_dir.filePath(QStringLiteral("scan.pdf"));
        QElapsedTimer timer;
        timer.start();
        const QVector<SheetLayout> layouts = writeScannedSet(path, sheets, print, options);
        qInfo("3-sheet scanned set (%g dpi, half size) written in %lld ms, %lld bytes", options.dpi,
              timer.elapsed(), QFileInfo(path).size());
        QCOMPARE(layouts.size(), 3);
        QPdfDocument doc;
        QCOMPARE(doc.load(path), QPdfDocument::Error::None);
        QCOMPARE(doc.pageCount(), 3);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(doc.pagePointSize(i), QSizeF(1296, 864));
            QVERIFY(doc.getAllText(i).text().trimmed().isEmpty());
            const QImage img = renderPage(doc, i, 100);
            const QRectF number = layouts[i].value(QStringLiteral("number"));
            QVERIFY(darkestIn(img, number, 100) < 100);
            // Scanner noise: the paper is not a flat 255 any more, yet stays light.
            const QRectF paper(1000, 380, 60, 60); // blank: between the notes and the legend
            const int d = darkestIn(img, paper, 100);
            QVERIFY2(d < 255 && d > 160, qPrintable(QString::number(d)));
        }

        // Full-size ARCH D at 150 dpi, the default options: the common case must stay quick.
        timer.restart();
        QCOMPARE(writeScannedSet(m_dir.filePath(QStringLiteral("scan-full.pdf")), sheets, {}).size(), 3);
        qInfo("3-sheet scanned set (150 dpi, ARCH D) written in %lld ms, %lld bytes", timer.elapsed(),
              QFileInfo(m_dir.filePath(QStringLiteral("scan-full.pdf"))).size());
    }

    void sheetImage() {
        const SheetSpec spec = baseSpec(2);
        const QString png = m_dir.filePath(QStringLiteral("sheet.png"));
        const SheetLayout layout = writeSheetImage(png, spec, 60);
        QVERIFY(layout.contains(QStringLiteral("number")));
        QImage img(png);
        QCOMPARE(img.size(), QSize(36 * 60, 24 * 60));
        QCOMPARE(qRound(img.dotsPerMeterX() * 0.0254), 60);
        img = img.convertToFormat(QImage::Format_Grayscale8);
        QVERIFY(darkestIn(img, layout.value(QStringLiteral("number")), 60) < 100);

        const QString tif = m_dir.filePath(QStringLiteral("sheet.tif"));
        QVERIFY(!writeSheetImage(tif, spec, 40).isEmpty());
        const cv::Mat m = cv::imread(tif.toStdString(), cv::IMREAD_UNCHANGED);
        QCOMPARE(m.cols, 36 * 40);
        QCOMPARE(m.rows, 24 * 40);
    }

    // The committed bad-input fixtures still are what tests/data/README.md says.
    void fixtures() {
        const QDir data(QStringLiteral(BT_SOURCE_DIR "/tests/data"));
        QPdfDocument encrypted;
        QCOMPARE(encrypted.load(data.filePath(QStringLiteral("encrypted.pdf"))),
                 QPdfDocument::Error::IncorrectPassword);
        QPdfDocument unlocked;
        unlocked.setPassword(QStringLiteral("secret"));
        QCOMPARE(unlocked.load(data.filePath(QStringLiteral("encrypted.pdf"))), QPdfDocument::Error::None);
        QCOMPARE(unlocked.pageCount(), 1);

        QPdfDocument empty;
        empty.load(data.filePath(QStringLiteral("zero-pages.pdf"))); // no error code for this one
        QCOMPARE(empty.pageCount(), 0);

        QPdfDocument huge;
        QCOMPARE(huge.load(data.filePath(QStringLiteral("huge-page.pdf"))), QPdfDocument::Error::None);
        QCOMPARE(huge.pageCount(), 1);
        const QSizeF pt = huge.pagePointSize(0);
        QVERIFY(pt.width() / 72 * 50 * pt.height() / 72 * 50 > 120e6);

        for (const char *name : {"encrypted.pdf", "zero-pages.pdf", "huge-page.pdf"})
            QVERIFY(QFileInfo(data.filePath(QLatin1String(name))).size() < 8 * 1024);
    }

    // The bundled sample pair: three sheets each, reordered, with a text layer.
    void samplePair() {
        const QDir samples(QStringLiteral(BT_SOURCE_DIR "/resources/samples"));
        const QStringList oldOrder = {QStringLiteral("A-101"), QStringLiteral("A-102"),
                                      QStringLiteral("A-103")};
        const QStringList newOrder = {QStringLiteral("A-101"), QStringLiteral("A-103"),
                                      QStringLiteral("A-102")};
        for (const auto &[file, order] : {std::pair{QStringLiteral("old.pdf"), oldOrder},
                                          std::pair{QStringLiteral("new.pdf"), newOrder}}) {
            const QString path = samples.filePath(file);
            QVERIFY(QFileInfo(path).size() < 300 * 1024);
            QPdfDocument doc;
            QCOMPARE(doc.load(path), QPdfDocument::Error::None);
            QCOMPARE(doc.pageCount(), 3);
            for (int i = 0; i < 3; ++i) {
                QCOMPARE(doc.pagePointSize(i), QSizeF(2592, 1728));
                QVERIFY2(doc.getAllText(i).text().contains(order[i]), qPrintable(file + order[i]));
            }
        }
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestDrawingGenerator)
#include "tst_drawinggenerator.moc"
