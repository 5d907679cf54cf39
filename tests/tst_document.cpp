// bt::Document: opening generated vector PDFs and raster images, rendering onto white paper,
// the pixel cap, region renders and the PDF text layer.

#include "document/document.h"
#include "drawinggenerator.h"
#include "testutil.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QPainter>
#include <QPdfWriter>
#include <QTemporaryDir>
#include <QtTest>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

using namespace bt;
using namespace bt::test;

namespace {

constexpr double kPt = 72.0;

// Darkest grey value inside a box given in points of a render at `dpi`.
int darkestIn(const cv::Mat &grey, const QRectF &boxPt, double dpi) {
    const double s = dpi / kPt;
    const QRect r = QRectF(boxPt.topLeft() * s, boxPt.bottomRight() * s).toAlignedRect() &
                    QRect(0, 0, grey.cols, grey.rows);
    if (r.isEmpty()) return -1;
    double minVal = 255;
    cv::minMaxLoc(grey(cv::Rect(r.x(), r.y(), r.width(), r.height())), &minVal);
    return int(minVal);
}

bool sameWords(const Words &a, const Words &b) {
    if (a.size() != b.size()) return false;
    for (int i = 0; i < a.size(); ++i)
        if (a[i].text != b[i].text || a[i].box != b[i].box || a[i].confidence != b[i].confidence)
            return false;
    return true;
}

} // namespace

class TestDocument : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_setPath; // 3 pages: A-101 (text layer), A-102 (text as paths), A-103 on ARCH C
    QVector<SheetSpec> m_specs;
    QVector<SheetLayout> m_layouts;
    std::unique_ptr<Document> m_doc;
    QElapsedTimer m_timer;

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_dir.setAutoRemove(!qEnvironmentVariableIsSet("BT_KEEP_TEST_FILES"));
        m_specs = {makeSheet(QStringLiteral("A-101"), QStringLiteral("FIRST FLOOR PLAN"), 11),
                   makeSheet(QStringLiteral("A-102"), QStringLiteral("SECOND FLOOR PLAN"), 12),
                   makeSheet(QStringLiteral("A-103"), QStringLiteral("ROOF PLAN"), 13)};
        m_specs[1].textAsPaths = true;
        m_specs[2].paperIn = QSizeF(24, 18);
        m_setPath = m_dir.filePath(QStringLiteral("set.pdf"));
        m_layouts = writeVectorSet(m_setPath, m_specs);
        QCOMPARE(m_layouts.size(), 3);
        DocumentError error;
        m_doc = Document::open(m_setPath, QString(), &error);
        QVERIFY2(m_doc, qPrintable(error.message));
        QVERIFY(!error);
        QCOMPARE(error.code, LoadError::None);
    }

    void init() { m_timer.start(); }
    void cleanup() { qInfo("%s: %lld ms", QTest::currentTestFunction(), m_timer.elapsed()); }

    void openVectorPdf() {
        QVERIFY(!m_doc->isImage());
        QCOMPARE(m_doc->pageCount(), 3);
        QCOMPARE(m_doc->path(), m_setPath);
        QCOMPARE(m_doc->fileName(), QStringLiteral("set.pdf"));
        for (int i = 0; i < 3; ++i) {
            const QSizeF expected = m_specs[i].paperIn * kPt;
            const QSizeF got = m_doc->pageSizePt(i);
            QVERIFY2(
                qAbs(got.width() - expected.width()) < 0.5 && qAbs(got.height() - expected.height()) < 0.5,
                qPrintable(QStringLiteral("page %1: %2 x %3 pt").arg(i).arg(got.width()).arg(got.height())));
        }
        QCOMPARE(m_doc->pageLabel(0).isEmpty(), false);
    }

    void renderIsGreyOnWhitePaper() {
        const double dpi = 50;
        const RenderedPage page = m_doc->render(0, RenderOptions{dpi, 120'000'000});
        QVERIFY(!page.isNull());
        QCOMPARE(page.grey.type(), CV_8UC1);
        QCOMPARE(page.grey.cols, 36 * 50);
        QCOMPARE(page.grey.rows, 24 * 50);
        QCOMPARE(page.dpi, dpi);
        QCOMPARE(page.requestedDpi, dpi);
        QVERIFY(!page.dpiLowered);
        QVERIFY(qAbs(page.sizePt.width() - 2592) < 0.5 && qAbs(page.sizePt.height() - 1728) < 0.5);
        // Paper outside the border: transparent in PDFium, must be composited to white (not 0).
        QCOMPARE(int(page.grey.at<uchar>(3, 3)), 255);
        QCOMPARE(int(page.grey.at<uchar>(page.grey.rows - 3, page.grey.cols - 3)), 255);
        QCOMPARE(darkestIn(page.grey, QRectF(0, 0, 15, 15), dpi), 255);
        // Most of the sheet is paper.
        QVERIFY(cv::countNonZero(page.grey == 255) > int(page.grey.total() / 2));
        // Ink where the layout says.
        for (const char *key : {"number", "title", "revision", "note:0", "door:0"}) {
            const QRectF box = m_layouts[0].value(QLatin1String(key));
            QVERIFY2(!box.isEmpty(), key);
            const int dark = darkestIn(page.grey, box, dpi);
            QVERIFY2(dark >= 0 && dark < 128,
                     qPrintable(QStringLiteral("%1: darkest %2").arg(key).arg(dark)));
        }
        // Text drawn as outlines is ink too.
        const RenderedPage paths = m_doc->render(1, RenderOptions{dpi, 120'000'000});
        QVERIFY(!paths.isNull());
        QCOMPARE(int(paths.grey.at<uchar>(3, 3)), 255);
        QVERIFY(darkestIn(paths.grey, m_layouts[1].value(QStringLiteral("number")), dpi) < 128);
        // A page of another size renders at its own size.
        const RenderedPage archC = m_doc->render(2, RenderOptions{dpi, 120'000'000});
        QCOMPARE(archC.grey.cols, 24 * 50);
        QCOMPARE(archC.grey.rows, 18 * 50);
    }

    void pixelCapLowersDpi() {
        const qint64 cap = 10'000'000;
        const RenderedPage page = m_doc->render(0, RenderOptions{220, cap});
        QVERIFY(!page.isNull());
        QVERIFY(page.dpiLowered);
        QCOMPARE(page.requestedDpi, 220.0);
        QVERIFY2(page.dpi < 220 && page.dpi > 100, qPrintable(QString::number(page.dpi)));
        QCOMPARE(page.dpi, cappedDpi(QSizeF(2592, 1728), 220, cap));
        // Within the cap (give or take the rounding to whole pixels, checked in pixelCapIsAHardLimit)...
        QVERIFY2(qint64(page.grey.total()) <= cap + cap / 1000,
                 qPrintable(QString::number(page.grey.total())));
        QVERIFY(qint64(page.grey.total()) > cap * 95 / 100);  // ...and lowered only as far as needed
        QVERIFY(qAbs(page.grey.cols - 36 * page.dpi) <= 1.0); // whole pixels, rounded down
        QVERIFY(qAbs(page.grey.rows - 24 * page.dpi) <= 1.0);
        QCOMPARE(int(page.grey.at<uchar>(2, 2)), 255);
        QVERIFY(darkestIn(page.grey, m_layouts[0].value(QStringLiteral("number")), page.dpi) < 128);

        // Under the cap nothing changes.
        const RenderedPage small = m_doc->render(2, RenderOptions{60, cap});
        QVERIFY(!small.dpiLowered);
        QCOMPARE(small.dpi, 60.0);
    }

    void cappedDpiMaths() {
        const QSizeF archD(2592, 1728);                      // 36 x 24 in = 864 sq in
        QCOMPARE(cappedDpi(archD, 220, 120'000'000), 220.0); // 41.8 MP fits
        QCOMPARE(cappedDpi(archD, 100, 120'000'000), 100.0);
        // 10 MP over 864 sq in: sqrt(10e6 / 864) = 107.58 dpi.
        const double d = cappedDpi(archD, 220, 10'000'000);
        QVERIFY2(qAbs(d - 107.58) < 0.02, qPrintable(QString::number(d, 'f', 4)));
        QVERIFY(36 * d * 24 * d <= 10'000'000.0);
        // Exactly at the cap: 220 dpi is 41'817'600 px.
        QCOMPARE(cappedDpi(archD, 220, 41'817'600), 220.0);
        QVERIFY(cappedDpi(archD, 220, 41'817'599) < 220.0);
        // Never raises the DPI.
        QCOMPARE(cappedDpi(QSizeF(612, 792), 150, 2'000'000'000), 150.0);
        // The 20000 pt fixture page cannot be rendered at the minimum DPI under 120 MP.
        QVERIFY(cappedDpi(QSizeF(20000, 20000), 220, 120'000'000) < kMinimumDpi);
        const double huge = cappedDpi(QSizeF(20000, 20000), 220, 120'000'000);
        QVERIFY2(qAbs(huge - std::sqrt(120e6 / (20000.0 / 72 * 20000.0 / 72))) < 0.011,
                 qPrintable(QString::number(huge)));
        // Degenerate size: the request stands.
        QCOMPARE(cappedDpi(QSizeF(0, 0), 220, 1000), 220.0);
    }

    void pixelCapIsAHardLimit_data() {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<double>("dpi");
        QTest::addColumn<qint64>("cap");
        QTest::addRow("pdf-archD-10MP") << QStringLiteral("pdf") << 220.0 << qint64(10'000'000);
        QTest::addRow("pdf-archD-3MP") << QStringLiteral("pdf") << 220.0 << qint64(3'000'000);
        QTest::addRow("png-17x11-0.5MP") << QStringLiteral("png") << 100.0 << qint64(500'000);
    }

    // RenderOptions::maxPixels is "per page": the rendered page never has more pixels, also
    // after the DPI is rounded to whole pixels.
    void pixelCapIsAHardLimit() {
        QFETCH(QString, kind);
        QFETCH(double, dpi);
        QFETCH(qint64, cap);
        std::unique_ptr<Document> image;
        const Document *doc = m_doc.get();
        if (kind == QLatin1String("png")) {
            SheetSpec spec = makeSheet(QStringLiteral("A-501"), QStringLiteral("PLAN"), 51);
            spec.paperIn = QSizeF(17, 11);
            const QString path = m_dir.filePath(QStringLiteral("cap.png"));
            QVERIFY(!writeSheetImage(path, spec, dpi).isEmpty());
            DocumentError error;
            image = Document::open(path, QString(), &error);
            QVERIFY2(image, qPrintable(error.message));
            doc = image.get();
        }
        const RenderedPage page = doc->render(0, RenderOptions{dpi, cap});
        QVERIFY(!page.isNull());
        QVERIFY(page.dpiLowered);
        QVERIFY2(qint64(page.grey.total()) <= cap,
                 qPrintable(QStringLiteral("%1 x %2 = %3 px at %4 dpi, cap %5")
                                .arg(page.grey.cols)
                                .arg(page.grey.rows)
                                .arg(qint64(page.grey.total()))
                                .arg(page.dpi)
                                .arg(cap)));
    }

    void renderRegion() {
        const double dpi = 100;
        const QRectF box = m_layouts[0].value(QStringLiteral("number")).adjusted(-4, -4, 4, 4);
        const cv::Mat crop = m_doc->renderRegion(0, box, dpi);
        QVERIFY(!crop.empty());
        QCOMPARE(crop.type(), CV_8UC1);
        const double s = dpi / kPt;
        QVERIFY2(
            qAbs(crop.cols - box.width() * s) <= 2 && qAbs(crop.rows - box.height() * s) <= 2,
            qPrintable(QStringLiteral("%1 x %2 px for %3").arg(crop.cols).arg(crop.rows).arg(rectText(box))));
        double lo = 0, hi = 0;
        cv::minMaxLoc(crop, &lo, &hi);
        QVERIFY2(lo < 100, "the sheet number is ink");
        QCOMPARE(hi, 255.0); // white paper around it, not transparent black

        // A box sticking out of the page is clipped to it; one fully outside gives nothing.
        const QSizeF page = m_doc->pageSizePt(0);
        const cv::Mat corner =
            m_doc->renderRegion(0, QRectF(page.width() - 36, page.height() - 36, 72, 72), dpi);
        QVERIFY(!corner.empty());
        QVERIFY(qAbs(corner.cols - 50) <= 1 && qAbs(corner.rows - 50) <= 1);
        QVERIFY(m_doc->renderRegion(0, QRectF(page.width() + 10, 0, 50, 50), dpi).empty());
    }

    void renderRegionIsWhereTheBoxIs_data() {
        QTest::addColumn<QString>("key");
        QTest::addColumn<double>("dpi");
        QTest::addColumn<double>("pad");
        for (const char *key : {"number", "title", "door:0", "note:0"})
            for (double dpi : {72.0, 150.0})
                QTest::addRow("%s-%g", key, dpi) << QString::fromLatin1(key) << dpi << 4.0;
        // The title-block quarter the sheet identifier OCRs.
        QTest::addRow("title-block-area-150") << QStringLiteral("titleblock") << 150.0 << 0.0;
    }

    // The crop shows the same pixels as the whole-page render at that DPI, at the same place.
    void renderRegionIsWhereTheBoxIs() {
        QFETCH(QString, key);
        QFETCH(double, dpi);
        QFETCH(double, pad);
        const QSizeF page = m_doc->pageSizePt(0);
        const QRectF box =
            key == QLatin1String("titleblock")
                ? QRectF(0.6 * page.width(), 0.5 * page.height(), 0.4 * page.width(), 0.5 * page.height())
                : m_layouts[0].value(key).adjusted(-pad, -pad, pad, pad);
        const cv::Mat crop = m_doc->renderRegion(0, box, dpi);
        QVERIFY(!crop.empty());
        const RenderedPage full = m_doc->render(0, RenderOptions{dpi, 120'000'000});
        const double s = dpi / kPt;
        const QRect r = QRectF(box.topLeft() * s, box.size() * s).toAlignedRect() &
                        QRect(0, 0, full.grey.cols, full.grey.rows);
        QVERIFY(qAbs(crop.cols - r.width()) <= 1 && qAbs(crop.rows - r.height()) <= 1);
        // Where does the crop sit on the full render? Search +-150 px around the expected place.
        const int m = 150;
        const cv::Rect search = cv::Rect(r.x() - m, r.y() - m, crop.cols + 2 * m, crop.rows + 2 * m) &
                                cv::Rect(0, 0, full.grey.cols, full.grey.rows);
        cv::Mat score;
        cv::matchTemplate(full.grey(search), crop, score, cv::TM_SQDIFF_NORMED);
        double best = 0;
        cv::Point at;
        cv::minMaxLoc(score, &best, nullptr, &at);
        const int dx = search.x + at.x - r.x(), dy = search.y + at.y - r.y();
        QVERIFY2(
            qAbs(dx) <= 1 && qAbs(dy) <= 1,
            qPrintable(QStringLiteral("crop of %1 at %2 dpi (%3 x %4 px) shows the page %5,%6 px away from "
                                      "where it should")
                           .arg(rectText(box))
                           .arg(dpi)
                           .arg(crop.cols)
                           .arg(crop.rows)
                           .arg(dx)
                           .arg(dy)));
        const cv::Mat fromFull = full.grey(
            cv::Rect(r.x(), r.y(), std::min(crop.cols, r.width()), std::min(crop.rows, r.height())));
        cv::Mat diff;
        cv::absdiff(fromFull, crop(cv::Rect(0, 0, fromFull.cols, fromFull.rows)), diff);
        QVERIFY2(
            cv::countNonZero(diff > 64) < int(diff.total() / 100),
            qPrintable(QStringLiteral("%1 of %2 px differ from the page render (best match %3,%4 px off)")
                           .arg(cv::countNonZero(diff > 64))
                           .arg(diff.total())
                           .arg(dx)
                           .arg(dy)));
    }

    void textLayerWords() {
        const Words words = m_doc->textLayerWords(0);
        QVERIFY(!words.isEmpty());
        const QRectF expected = m_layouts[0].value(QStringLiteral("number"));
        const Word *number = nullptr;
        for (const Word &w : words)
            if (w.text == QLatin1String("A-101")) number = &w;
        QVERIFY2(number, "the sheet number is a word of the text layer");
        const QRectF got = number->box;
        const QString boxes = QStringLiteral("word %1, layout %2").arg(rectText(got), rectText(expected));
        // The layout box is the ink; a text-layer box spans the font's ascent and descent, so it
        // is as wide as the ink but somewhat taller, around the same centre.
        const double tol = 4; // pt
        QVERIFY2(qAbs(got.left() - expected.left()) < tol && qAbs(got.right() - expected.right()) < tol,
                 qPrintable(boxes));
        QVERIFY2(qAbs(got.center().x() - expected.center().x()) < tol &&
                     qAbs(got.center().y() - expected.center().y()) < tol,
                 qPrintable(boxes));
        QVERIFY2(got.adjusted(-2, -2, 2, 2).contains(expected) && got.height() < 1.6 * expected.height(),
                 qPrintable(boxes));
        QCOMPARE(number->confidence, 100.0);
        // Other words of the sheet: its title, the revision, every room name.
        QStringList texts;
        for (const Word &w : words) {
            texts << w.text;
            QVERIFY2(!w.box.isEmpty() && QRectF(QPointF(0, 0), m_doc->pageSizePt(0)).contains(w.box),
                     qPrintable(w.text + rectText(w.box)));
        }
        const QString all = texts.join(QLatin1Char(' '));
        QVERIFY(all.contains(QStringLiteral("FIRST")));
        QVERIFY(all.contains(QStringLiteral("REV")));
        for (const QString &room : roomNames(m_specs[0]))
            for (const QString &part : room.split(QLatin1Char(' ')))
                QVERIFY2(texts.contains(part), qPrintable(room));

        // Text drawn as outlines has no text layer.
        QVERIFY(m_doc->textLayerWords(1).isEmpty());
        // The ARCH C page has its own words.
        bool found = false;
        for (const Word &w : m_doc->textLayerWords(2))
            found = found || w.text == QLatin1String("A-103");
        QVERIFY(found);
    }

    // A vertical dimension string (rotated 90 degrees counter-clockwise, read from the sheet's right
    // edge) reads in order through the text layer: "24'-7 1/2"", not "1/2" 24'-7".
    void verticalTextReadsInOrder() {
        const QString path = m_dir.filePath(QStringLiteral("vertical-dimension.pdf"));
        {
            QPdfWriter writer(path);
            writer.setPageSize(QPageSize(QSizeF(17, 11), QPageSize::Inch));
            writer.setPageMargins(QMarginsF(0, 0, 0, 0));
            writer.setResolution(72);
            QPainter p(&writer);
            p.setFont(QFont(QStringLiteral("DejaVu Sans"), 12));
            p.drawText(QPointF(100, 100), QStringLiteral("LIVING ROOM"));
            p.translate(400, 500);
            p.rotate(-90);
            p.drawText(QPointF(0, 0), QStringLiteral("24'-7 1/2\""));
        }
        DocumentError error;
        const auto doc = Document::open(path, QString(), &error);
        QVERIFY2(doc, qPrintable(error.message));
        Words vertical;
        for (const Word &w : doc->textLayerWords(0))
            if (w.box.center().x() > 300) vertical << w;
        QCOMPARE(joinedText(sortedInReadingOrder(vertical)), QStringLiteral("24'-7 1/2\""));
        QCOMPARE(joinedText(sortedInReadingOrder(doc->textLayerWords(0))),
                 QStringLiteral("LIVING ROOM 24'-7 1/2\""));
    }

    void wordsAreCached() {
        const Words first = m_doc->textLayerWords(2);
        QElapsedTimer t;
        t.start();
        const Words second = m_doc->textLayerWords(2);
        const qint64 ms = t.elapsed();
        QVERIFY(!first.isEmpty());
        QVERIFY(sameWords(first, second));
        QVERIFY2(ms < 50, qPrintable(QString::number(ms)));
        QVERIFY(sameWords(m_doc->textLayerWords(0), m_doc->textLayerWords(0)));
        QVERIFY(m_doc->textLayerWords(1).isEmpty());
        QVERIFY(m_doc->textLayerWords(1).isEmpty());
    }

    void wordsOfAnotherDocumentInstance() {
        // A second Document on the same file reads the same words.
        DocumentError error;
        const auto again = Document::open(m_setPath, QString(), &error);
        QVERIFY2(again, qPrintable(error.message));
        QVERIFY(sameWords(again->textLayerWords(0), m_doc->textLayerWords(0)));
    }

    void images_data() {
        QTest::addColumn<QString>("suffix");
        QTest::addColumn<double>("dpi");
        QTest::addRow("png-100") << QStringLiteral("png") << 100.0;
        QTest::addRow("png-150") << QStringLiteral("png") << 150.0;
        QTest::addRow("jpeg-100") << QStringLiteral("jpg") << 100.0;
        QTest::addRow("tiff-100") << QStringLiteral("tif") << 100.0;
        QTest::addRow("tiff-200") << QStringLiteral("tiff") << 200.0;
    }

    void images() {
        QFETCH(QString, suffix);
        QFETCH(double, dpi);
        SheetSpec spec = makeSheet(QStringLiteral("A-201"), QStringLiteral("ENLARGED PLAN"), 21);
        spec.paperIn = QSizeF(17, 11);
        const QString path =
            m_dir.filePath(QStringLiteral("sheet-%1.%2").arg(QTest::currentDataTag(), suffix));
        const SheetLayout layout = writeSheetImage(path, spec, dpi);
        QVERIFY2(!layout.isEmpty(), "image written");
        QVERIFY(QFileInfo(path).size() > 0);

        DocumentError error;
        const auto doc = Document::open(path, QString(), &error);
        QVERIFY2(doc, qPrintable(error.message));
        QVERIFY(!error);
        QVERIFY(doc->isImage());
        QCOMPARE(doc->pageCount(), 1);
        // Page size from the image's resolution: 17 x 11 in.
        const QSizeF size = doc->pageSizePt(0);
        QVERIFY2(qAbs(size.width() - 1224) < 1.0 && qAbs(size.height() - 792) < 1.0,
                 qPrintable(QStringLiteral("%1 x %2 pt").arg(size.width()).arg(size.height())));
        QVERIFY(doc->textLayerWords(0).isEmpty());

        // Rendered at another DPI: scaled to the page size at that DPI.
        const double renderDpi = 72;
        const RenderedPage page = doc->render(0, RenderOptions{renderDpi, 120'000'000});
        QVERIFY(!page.isNull());
        QCOMPARE(page.grey.type(), CV_8UC1);
        QVERIFY(qAbs(page.grey.cols - 1224) <= 1 && qAbs(page.grey.rows - 792) <= 1);
        QVERIFY2(page.grey.at<uchar>(2, 2) >= 245, qPrintable(QString::number(page.grey.at<uchar>(2, 2))));
        QVERIFY(darkestIn(page.grey, layout.value(QStringLiteral("number")), renderDpi) < 128);
        // At its own DPI: the image's pixels.
        const RenderedPage native = doc->render(0, RenderOptions{dpi, 120'000'000});
        QCOMPARE(native.grey.cols, int(std::lround(17 * dpi)));
        QCOMPARE(native.grey.rows, int(std::lround(11 * dpi)));
        // The pixel cap applies to images too.
        const RenderedPage capped = doc->render(0, RenderOptions{dpi, 500'000});
        QVERIFY(capped.dpiLowered);
        QVERIFY2(qint64(capped.grey.total()) <= 500'500, qPrintable(QString::number(capped.grey.total())));

        // Region of the title block.
        const QRectF box = layout.value(QStringLiteral("number")).adjusted(-3, -3, 3, 3);
        const cv::Mat crop = doc->renderRegion(0, box, 100);
        QVERIFY(!crop.empty());
        QVERIFY(qAbs(crop.cols - box.width() * 100 / kPt) <= 2 &&
                qAbs(crop.rows - box.height() * 100 / kPt) <= 2);
        double lo = 0, hi = 0;
        cv::minMaxLoc(crop, &lo, &hi);
        QVERIFY(lo < 128 && hi > 230);
    }

    void imageWithoutResolutionDefaultsTo150() {
        // A PNG that declares no resolution is taken as 150 dpi.
        SheetSpec spec = makeSheet(QStringLiteral("A-301"), QStringLiteral("DETAILS"), 31);
        spec.paperIn = QSizeF(11, 8.5);
        const QString tagged = m_dir.filePath(QStringLiteral("tagged.png"));
        QVERIFY(!writeSheetImage(tagged, spec, 150).isEmpty());
        QImage img(tagged);
        QVERIFY(!img.isNull());
        img.setDotsPerMeterX(0);
        img.setDotsPerMeterY(0);
        const QString untagged = m_dir.filePath(QStringLiteral("untagged.png"));
        QVERIFY(img.save(untagged));
        DocumentError error;
        const auto doc = Document::open(untagged, QString(), &error);
        QVERIFY2(doc, qPrintable(error.message));
        const QSizeF size = doc->pageSizePt(0);
        QVERIFY2(qAbs(size.width() - 792) < 1 && qAbs(size.height() - 612) < 1,
                 qPrintable(QStringLiteral("%1 x %2").arg(size.width()).arg(size.height())));
    }

    void imageContentDecidesNotName() {
        SheetSpec spec = makeSheet(QStringLiteral("A-401"), QStringLiteral("SECTIONS"), 41);
        spec.paperIn = QSizeF(11, 8.5);
        const QString png = m_dir.filePath(QStringLiteral("real.png"));
        QVERIFY(!writeSheetImage(png, spec, 100).isEmpty());
        const QString named = m_dir.filePath(QStringLiteral("looks-like.pdf"));
        QVERIFY(QFile::copy(png, named));
        DocumentError error;
        const auto doc = Document::open(named, QString(), &error);
        QVERIFY2(doc, qPrintable(error.message));
        QVERIFY(doc->isImage());
        QCOMPARE(doc->pageCount(), 1);
        // And a PDF without the .pdf suffix is a PDF.
        const QString pdfNamed = m_dir.filePath(QStringLiteral("set-copy.png"));
        QVERIFY(QFile::copy(m_setPath, pdfNamed));
        const auto pdf = Document::open(pdfNamed, QString(), &error);
        QVERIFY2(pdf, qPrintable(error.message));
        QVERIFY(!pdf->isImage());
        QCOMPARE(pdf->pageCount(), 3);
    }

    void openedWithPasswordOnPlainPdf() {
        // A password given for an unencrypted PDF is ignored.
        DocumentError error;
        const auto doc = Document::open(m_setPath, QStringLiteral("unused"), &error);
        QVERIFY2(doc, qPrintable(error.message));
        QCOMPARE(doc->pageCount(), 3);
    }

    void encryptedFixtureWithPassword() {
        const QString path = QStringLiteral(BT_SOURCE_DIR "/tests/data/encrypted.pdf");
        DocumentError error;
        const auto doc = Document::open(path, QStringLiteral("secret"), &error);
        QVERIFY2(doc, qPrintable(error.message));
        QCOMPARE(doc->pageCount(), 1);
        QCOMPARE(doc->pageSizePt(0), QSizeF(612, 792));
        const RenderedPage page = doc->render(0, RenderOptions{72, 120'000'000});
        QVERIFY(!page.isNull());
        QCOMPARE(int(page.grey.at<uchar>(300, 300)), 255);
        double lo = 255;
        cv::minMaxLoc(page.grey, &lo);
        QVERIFY(lo < 128); // the fixture's text
        // The text layer opens with the same password.
        QStringList texts;
        for (const Word &w : doc->textLayerWords(0))
            texts << w.text;
        QVERIFY2(texts.contains(QStringLiteral("ENCRYPTED")), qPrintable(texts.join(' ')));
    }
};

QTEST_MAIN(TestDocument)
#include "tst_document.moc"
