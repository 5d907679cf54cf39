#include "document/document.h"
#include "sheet/drawingnumber.h"
#include "sheet/sheetidentifier.h"
#include "text/ocrengine.h"
#include "titleblockgenerator.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QFont>
#include <QImage>
#include <QPainter>
#include <QPainterPath>
#include <QTemporaryDir>
#include <QtConcurrent/QtConcurrentRun>
#include <QtTest>

using namespace bt;

namespace {

// ARCH D landscape, the corpus' paper.
const QSizeF kArchD(2592, 1728);

Word word(const QString &text, double x, double y, double w, double h, double confidence = 100) {
    return Word{text, QRectF(x, y, w, h), confidence};
}

// Words of one line starting at (x, y): widths from a rough 0.6 em advance.
Words line(const QString &text, double x, double y, double h) {
    Words out;
    for (const QString &w : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const double width = 0.6 * h * w.size();
        out.append(word(w, x, y, width, h));
        x += width + 0.35 * h;
    }
    return out;
}

// A right-hand title-block column like the corpus sheets (and many CAD templates), plus the
// drawing-area text a plan has: notes with sheet references, room names, a view title.
Words typicalSheetWords(const QString &number = QStringLiteral("A-101"),
                        const QString &title = QStringLiteral("FIRST FLOOR PLAN")) {
    Words w;
    w += line(QStringLiteral("MERIDIAN ARCHITECTS"), 2300, 60, 14);
    w += line(QStringLiteral("GENERAL NOTES"), 1900, 50, 12);
    w += line(QStringLiteral("1. SEE A-501 FOR WALL TYPES."), 1900, 80, 8);
    w += line(QStringLiteral("2. REFER TO SHEET S-201 FOR FRAMING."), 1900, 100, 8);
    w += line(QStringLiteral("PROJECT"), 2290, 180, 5);
    w += line(QStringLiteral("SILVER LAKE DORMITORY"), 2300, 200, 12);
    w += line(QStringLiteral("BEDROOM 1"), 600, 500, 8);
    w += line(QStringLiteral("101"), 610, 512, 6);
    w += line(QStringLiteral("KITCHEN"), 1300, 500, 8);
    w += line(QStringLiteral("22'-0\""), 900, 380, 8);
    w += line(QStringLiteral("PROJECT NO."), 2290, 1073, 5);
    w += line(QStringLiteral("2025-022"), 2296, 1106, 10);
    w += line(QStringLiteral("DATE"), 2430, 1073, 5);
    w += line(QStringLiteral("08/18/2025"), 2430, 1106, 10);
    w += line(QStringLiteral("DRAWN BY"), 2290, 1160, 5);
    w += line(QStringLiteral("JS"), 2296, 1192, 9);
    w += line(QStringLiteral("SHEET TITLE"), 2292, 1250, 6);
    w += line(title, 2326, 1290, 16);
    w += line(QStringLiteral("SCALE: 1/4\" = 1'-0\""), 2380, 1433, 7);
    w += line(QStringLiteral("SHEET NUMBER"), 2292, 1480, 5);
    w += line(number, 2320, 1570, 44);
    w += line(QStringLiteral("REVISION"), 2490, 1638, 5);
    w += line(QStringLiteral("REV 1"), 2502, 1660, 11);
    // View title at the bottom left, with the sheet's own number in the bubble.
    w += line(title, 160, 1620, 14);
    w += line(number, 126, 1656, 6);
    return w;
}

// Text as stroked glyph outlines, like CAD output whose SHX text has no text layer.
void drawOutlinedText(QPainter &painter, const QString &text, QPointF baseline, double pixelSize,
                      double pen) {
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(int(pixelSize));
    QPainterPath path;
    path.addText(baseline, font, text);
    painter.strokePath(path, QPen(Qt::black, pen));
}

cv::Mat toMat(const QImage &image) {
    const QImage grey = image.convertToFormat(QImage::Format_Grayscale8);
    return cv::Mat(grey.height(), grey.width(), CV_8UC1, const_cast<uchar *>(grey.constBits()),
                   size_t(grey.bytesPerLine()))
        .clone();
}

QString corpus(const QString &relative) {
    return QStringLiteral(BT_SHARED_DIR "/") + relative;
}

std::unique_ptr<Document> openOrSkip(const QString &path) {
    DocumentError error;
    auto doc = Document::open(path, QString(), &error);
    if (!doc) qWarning("%s", qPrintable(error.message));
    return doc;
}

} // namespace

class TestSheetIdentifier : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();

    // Pure identifySheet on word lists.
    void titleBlockArea();
    void emptyWords();
    void typicalSheet();
    void titleBlockBeatsBiggerDrawingAreaNumber();
    void muchBiggerNumberOutsideTitleBlockWins();
    void referencesLose();
    void noTitleBlockNumberFallsBackWithLowConfidence();
    void standardsAndHairlineTokensAreNoNumbers();
    void labelledNumberPreferred();
    void paperSizeIsNotTheNumber();
    void splitNumberJoined();
    void titleSkipsLabelsProjectAndFirm();
    void titleWrappedOverTwoLines();
    void titleFromBottomStripTitleBlock();
    void titleWithoutNumber();
    void ocrNumberRepaired();

    // OCR.
    void ocrEnvironment();
    void recogniseWordsMapsToPagePoints();
    void recogniseWordsDropsRulingLinesAndJunk();
    void recogniseWordsOnBlankCrop();
    void recogniseWordsThreadSafe();
    void ocrTitleBlockDrawnAsOutlines();

    // Real PDFs.
    void cadSetWithoutTextLayer();
    void svgSetWithTextLayer();
    void scannedSet();
    void realWorldVaSet();
    void realWorldScannedPlan();

    // Generated non-architectural sheets (schematics, mechanical CAD).
    void titleBlockSheetField_data();
    void titleBlockSheetField();
    void hiddenTokensAreNotWords();
    void partReferencesAreNoNumber();
};

void TestSheetIdentifier::initTestCase() {
    initOcrEnvironment();
}

void TestSheetIdentifier::titleBlockArea() {
    const QRectF area = titleBlockAreaPt(kArchD);
    QVERIFY(QRectF(QPointF(0, 0), kArchD).contains(area));
    // Bottom-right corner (number of either layout), the lower right column (titles), the
    // right end of a bottom strip.
    QVERIFY(area.contains(QPointF(0.95 * 2592, 0.95 * 1728)));
    QVERIFY(area.contains(QPointF(0.93 * 2592, 0.62 * 1728)));
    QVERIFY(area.contains(QPointF(0.75 * 2592, 0.93 * 1728)));
    // Not the drawing area or the notes at the top right.
    QVERIFY(!area.contains(QPointF(0.3 * 2592, 0.4 * 1728)));
    QVERIFY(!area.contains(QPointF(0.8 * 2592, 0.1 * 1728)));
    // Scales with the page.
    QCOMPARE(titleBlockAreaPt(QSizeF(1224, 792)).bottomRight(), QPointF(1224, 792));
}

void TestSheetIdentifier::emptyWords() {
    const SheetIdentity id = identifySheet({}, kArchD);
    QVERIFY(!id.isValid());
    QVERIFY(id.title.isEmpty());
    QCOMPARE(id.confidence, 0.0);
}

void TestSheetIdentifier::typicalSheet() {
    const SheetIdentity id = identifySheet(typicalSheetWords(), kArchD);
    QCOMPARE(id.number, QStringLiteral("A-101"));
    QCOMPARE(id.title, QStringLiteral("FIRST FLOOR PLAN"));
    QCOMPARE(id.numberBoxPt.top(), 1570.0);
    QVERIFY2(id.confidence >= 0.8, qPrintable(QString::number(id.confidence)));
    QVERIFY(id.confidence <= 1.0);
    QVERIFY(id.source.isEmpty()); // identifySheet does no I/O and does not know the source
}

void TestSheetIdentifier::titleBlockBeatsBiggerDrawingAreaNumber() {
    // A key-plan label twice the size of the title-block number: the title block wins; a
    // drawing-area number needs to be 3x taller before size overrides position.
    Words w = typicalSheetWords();
    w += line(QStringLiteral("A-301"), 1000, 800, 88);
    QCOMPARE(identifySheet(w, kArchD).number, QStringLiteral("A-101"));
}

void TestSheetIdentifier::muchBiggerNumberOutsideTitleBlockWins() {
    // Some sets print the number huge on the left; nothing in the title block is as convincing.
    Words w;
    w += line(QStringLiteral("SHEET TITLE"), 2292, 1250, 6);
    w += line(QStringLiteral("ENLARGED PLANS"), 2326, 1290, 16);
    w += line(QStringLiteral("F1"), 2400, 1500, 10); // footing mark in the title-block area
    w += line(QStringLiteral("A-501"), 200, 1500, 80);
    QCOMPARE(identifySheet(w, kArchD).number, QStringLiteral("A-501"));
}

void TestSheetIdentifier::referencesLose() {
    // "SEE A-102" in a note inside the title-block area, as tall as the real number.
    Words w;
    w += line(QStringLiteral("SEE A-102 FOR ENLARGED PLAN"), 1700, 1000, 30);
    w += line(QStringLiteral("A-101"), 2320, 1570, 30);
    SheetIdentity id = identifySheet(w, kArchD);
    QCOMPARE(id.number, QStringLiteral("A-101"));

    // "REFER TO SHEET S-201": the reference word two words back still counts.
    w.clear();
    w += line(QStringLiteral("REFER TO SHEET S-201"), 1700, 1000, 30);
    w += line(QStringLiteral("S-101"), 2320, 1570, 30);
    QCOMPARE(identifySheet(w, kArchD).number, QStringLiteral("S-101"));

    // Detail callouts "5/A-501" are never candidates, however large.
    w.clear();
    w += line(QStringLiteral("5/A-501"), 2000, 1200, 60);
    w += line(QStringLiteral("A-101"), 2320, 1570, 30);
    QCOMPARE(identifySheet(w, kArchD).number, QStringLiteral("A-101"));
}

void TestSheetIdentifier::noTitleBlockNumberFallsBackWithLowConfidence() {
    Words w;
    w += line(QStringLiteral("SEE A-501"), 400, 300, 8);
    w += line(QStringLiteral("PLAN NOTES"), 400, 200, 10);
    // A reference to another sheet is no number of this one: none, not a guess.
    QCOMPARE(identifySheet(w, kArchD).number, QString());
    // A lone number standing out in the drawing area is taken, with low confidence.
    w += line(QStringLiteral("A-502"), 400, 400, 14);
    const SheetIdentity id = identifySheet(w, kArchD);
    QCOMPARE(id.number, QStringLiteral("A-502"));
    QVERIFY2(id.confidence < 0.5, qPrintable(QString::number(id.confidence)));
    QVERIFY(id.confidence < identifySheet(typicalSheetWords(), kArchD).confidence);
}

// A standard quoted without "PER" (an assembly note's "IPC-A-610") and a hidden token drawn
// under 2 pt across (Altium's squeezed designators, "CO 17") are no sheet's number either: a
// sheet without a number has none, not a guess (the respiraworks pairs' last sheet).
void TestSheetIdentifier::standardsAndHairlineTokensAreNoNumbers() {
    Words w;
    w += line(QStringLiteral("ASSEMBLY NOTES"), 400, 200, 10);
    w += line(QStringLiteral("IPC-A-610"), 2000, 1600, 14);
    QCOMPARE(identifySheet(w, kArchD).number, QString());
    w += word(QStringLiteral("CO"), 2300, 1500, 0.5, 3.9);
    w += word(QStringLiteral("17"), 2300.6, 1500, 0.4, 3.9);
    QCOMPARE(identifySheet(w, kArchD).number, QString());
    // The same shapes of a real number still count.
    w += line(QStringLiteral("E-101"), 2300, 1600, 20);
    QCOMPARE(identifySheet(w, kArchD).number, QStringLiteral("E-101"));
}

void TestSheetIdentifier::labelledNumberPreferred() {
    // Two same-size numbers in the title block: the one under "SHEET NO." is the sheet's.
    Words w;
    w += line(QStringLiteral("A-100"), 1800, 1500, 20); // key-plan reference, no label
    w += line(QStringLiteral("SHEET NO."), 2300, 1540, 6);
    w += line(QStringLiteral("A-201"), 2300, 1560, 20);
    const SheetIdentity id = identifySheet(w, kArchD);
    QCOMPARE(id.number, QStringLiteral("A-201"));
}

void TestSheetIdentifier::paperSizeIsNotTheNumber() {
    Words w;
    w += line(QStringLiteral("SIZE"), 2300, 1500, 6);
    w += line(QStringLiteral("A1"), 2300, 1520, 30);
    w += line(QStringLiteral("M-101"), 2400, 1560, 24);
    QCOMPARE(identifySheet(w, kArchD).number, QStringLiteral("M-101"));
}

void TestSheetIdentifier::splitNumberJoined() {
    Words w;
    w += line(QStringLiteral("SHEET"), 2300, 1540, 6);
    w += line(QStringLiteral("A 101"), 2300, 1560, 40);
    const SheetIdentity id = identifySheet(w, kArchD);
    QCOMPARE(id.number, QStringLiteral("A 101"));
    QCOMPARE(normaliseDrawingNumber(id.number), QStringLiteral("A101"));
}

void TestSheetIdentifier::titleSkipsLabelsProjectAndFirm() {
    // The project name is bigger than the title and sits in the title block under its label;
    // the firm name is bigger still. Neither is the title.
    Words w;
    w += line(QStringLiteral("BLUE TIMBER ARCHITECTURE"), 2300, 1300, 24);
    w += line(QStringLiteral("PROJECT"), 2300, 1380, 6);
    w += line(QStringLiteral("HARBOR VIEW TOWERS"), 2300, 1392, 20);
    w += line(QStringLiteral("SHEET TITLE"), 2300, 1440, 6);
    w += line(QStringLiteral("BUILDING SECTIONS"), 2300, 1452, 14);
    w += line(QStringLiteral("SCALE: AS NOTED"), 2300, 1480, 14);
    w += line(QStringLiteral("DRAWN BY: JS"), 2300, 1500, 14);
    w += line(QStringLiteral("A-301"), 2300, 1560, 40);
    const SheetIdentity id = identifySheet(w, kArchD);
    QCOMPARE(id.number, QStringLiteral("A-301"));
    QCOMPARE(id.title, QStringLiteral("BUILDING SECTIONS"));
}

void TestSheetIdentifier::titleWrappedOverTwoLines() {
    // The VA sheet AF600: "Drawing Title" then the title on two lines.
    Words w;
    w += line(QStringLiteral("Project Title"), 2261, 1902, 12);
    w += line(QStringLiteral("RENOVATE BUILDING 28"), 2271, 1916, 9);
    w += line(QStringLiteral("FIRST FLOOR EAST RRTP"), 2271, 1928, 9);
    w += line(QStringLiteral("Drawing Title"), 2262, 2000, 12);
    w += line(QStringLiteral("MATERIAL AND ROOM FINISH"), 2263, 2018, 12);
    w += line(QStringLiteral("SCHEDULE"), 2263, 2033, 12);
    w += line(QStringLiteral("Issue Date"), 2261, 2051, 12);
    w += line(QStringLiteral("Drawing Number"), 2464, 1992, 12);
    w += line(QStringLiteral("AF600"), 2484, 2028, 30);
    const SheetIdentity id = identifySheet(w, QSizeF(3024, 2160));
    QCOMPARE(id.number, QStringLiteral("AF600"));
    QCOMPARE(id.title, QStringLiteral("MATERIAL AND ROOM FINISH SCHEDULE"));
}

void TestSheetIdentifier::titleFromBottomStripTitleBlock() {
    // A bottom strip: cells side by side, title left of the number.
    const QSizeF page(3024, 2160);
    Words w;
    w += line(QStringLiteral("CONSULTANT"), 500, 1990, 12);
    w += line(QStringLiteral("DUNHAM ENGINEERING"), 500, 2010, 10);
    w += line(QStringLiteral("SHEET TITLE"), 2000, 1995, 8);
    w += line(QStringLiteral("ROOF PLAN AND DETAILS"), 2000, 2015, 14);
    w += line(QStringLiteral("SHEET NUMBER"), 2480, 1995, 8);
    w += line(QStringLiteral("A-401"), 2480, 2020, 36);
    const SheetIdentity id = identifySheet(w, page);
    QCOMPARE(id.number, QStringLiteral("A-401"));
    QCOMPARE(id.title, QStringLiteral("ROOF PLAN AND DETAILS"));
}

void TestSheetIdentifier::titleWithoutNumber() {
    Words w;
    w += line(QStringLiteral("SHEET TITLE"), 2292, 1250, 6);
    w += line(QStringLiteral("COVER SHEET"), 2326, 1290, 16);
    const SheetIdentity id = identifySheet(w, kArchD);
    QVERIFY(!id.isValid());
    QCOMPARE(id.title, QStringLiteral("COVER SHEET"));
}

void TestSheetIdentifier::ocrNumberRepaired() {
    Words w = typicalSheetWords(QStringLiteral("A-1O2"), QStringLiteral("SECOND FLOOR PLAN"));
    for (Word &x : w)
        x.confidence = 80;
    const SheetIdentity id = identifySheet(w, kArchD);
    QCOMPARE(id.number, QStringLiteral("A-102"));
    QCOMPARE(id.title, QStringLiteral("SECOND FLOOR PLAN"));
    // Lower OCR confidence lowers the identity's confidence.
    QVERIFY(id.confidence < identifySheet(typicalSheetWords(), kArchD).confidence);
}

void TestSheetIdentifier::ocrEnvironment() {
    initOcrEnvironment();
    QVERIFY(qEnvironmentVariableIsSet("OMP_THREAD_LIMIT"));
    // An explicit setting is left alone.
    const QByteArray before = qgetenv("OMP_THREAD_LIMIT");
    initOcrEnvironment();
    QCOMPARE(qgetenv("OMP_THREAD_LIMIT"), before);
}

void TestSheetIdentifier::recogniseWordsMapsToPagePoints() {
    // Solid text at 150 DPI, crop placed at (1000, 500) pt on the page.
    QImage image(900, 300, QImage::Format_RGB32);
    image.fill(Qt::white);
    {
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing);
        QFont font(QStringLiteral("DejaVu Sans"));
        font.setPixelSize(60);
        p.setFont(font);
        p.setPen(Qt::black);
        p.drawText(QPointF(100, 150), QStringLiteral("S-201"));
    }
    const double dpi = 150;
    const Words words = recogniseWords(toMat(image), dpi, QPointF(1000, 500));
    QCOMPARE(words.size(), 1);
    QCOMPARE(words.first().text, QStringLiteral("S-201"));
    QVERIFY(words.first().confidence >= 30);
    // Glyphs span x 100..~280 px, cap height ~44 px above the baseline at 150 px.
    const QRectF box = words.first().box;
    const double s = 72.0 / dpi;
    QVERIFY2(std::abs(box.left() - (1000 + 100 * s)) < 6, qPrintable(QString::number(box.left())));
    QVERIFY2(std::abs(box.bottom() - (500 + 150 * s)) < 4, qPrintable(QString::number(box.bottom())));
    QVERIFY2(box.height() > 15 && box.height() < 30, qPrintable(QString::number(box.height())));
}

void TestSheetIdentifier::recogniseWordsDropsRulingLinesAndJunk() {
    // Title-block cells: long ruling lines around and through the text's neighbourhood.
    QImage image(1200, 600, QImage::Format_RGB32);
    image.fill(Qt::white);
    {
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(QPen(Qt::black, 4));
        p.drawRect(20, 20, 1160, 560);
        p.drawLine(20, 200, 1180, 200);
        p.drawLine(20, 400, 1180, 400);
        p.drawLine(600, 20, 600, 580);
        QFont font(QStringLiteral("DejaVu Sans"));
        font.setPixelSize(40);
        p.setFont(font);
        p.drawText(QPointF(60, 120), QStringLiteral("SHEET NUMBER"));
        p.drawText(QPointF(660, 320), QStringLiteral("A-101"));
        p.drawText(QPointF(60, 500), QStringLiteral("PLAN"));
    }
    const Words words = recogniseWords(toMat(image), 150, QPointF(0, 0));
    QStringList texts;
    for (const Word &w : words) {
        texts << w.text;
        QVERIFY2(w.confidence >= 30, qPrintable(w.text));
        QVERIFY2(std::any_of(w.text.begin(), w.text.end(), [](QChar c) { return c.isLetterOrNumber(); }),
                 qPrintable(w.text));
    }
    QVERIFY2(texts.contains(QStringLiteral("A-101")), qPrintable(texts.join(QLatin1Char('|'))));
    QVERIFY2(texts.contains(QStringLiteral("SHEET")), qPrintable(texts.join(QLatin1Char('|'))));
    QVERIFY2(texts.contains(QStringLiteral("PLAN")), qPrintable(texts.join(QLatin1Char('|'))));
    QVERIFY2(texts.size() <= 5, qPrintable(texts.join(QLatin1Char('|'))));
}

void TestSheetIdentifier::recogniseWordsOnBlankCrop() {
    QVERIFY(recogniseWords(cv::Mat(), 150, QPointF()).isEmpty());
    QVERIFY(recogniseWords(cv::Mat(400, 400, CV_8UC1, cv::Scalar(255)), 150, QPointF()).isEmpty());
    // Only ruling lines: nothing left to read once they are removed.
    cv::Mat lines(400, 400, CV_8UC1, cv::Scalar(255));
    lines.row(100).setTo(0);
    lines.col(200).setTo(0);
    QVERIFY(recogniseWords(lines, 150, QPointF()).isEmpty());
}

void TestSheetIdentifier::recogniseWordsThreadSafe() {
    // One Tesseract per thread: concurrent calls give the same words as a serial one.
    QImage image(900, 300, QImage::Format_RGB32);
    image.fill(Qt::white);
    {
        QPainter p(&image);
        QFont font(QStringLiteral("DejaVu Sans"));
        font.setPixelSize(50);
        p.setFont(font);
        p.drawText(QPointF(60, 150), QStringLiteral("M-101 MECHANICAL"));
    }
    const cv::Mat mat = toMat(image);
    const Words serial = recogniseWords(mat, 150, QPointF());
    QVERIFY(!serial.isEmpty());
    QVector<QFuture<Words>> futures;
    for (int i = 0; i < 4; ++i)
        futures.append(QtConcurrent::run([&mat]() { return recogniseWords(mat, 150, QPointF()); }));
    for (QFuture<Words> &f : futures) {
        const Words w = f.result();
        QCOMPARE(joinedText(w), joinedText(serial));
    }
}

void TestSheetIdentifier::ocrTitleBlockDrawnAsOutlines() {
    // The title-block crop of an ARCH D sheet (titleBlockAreaPt) rendered at 100 DPI, with
    // text drawn as stroked glyph outlines and the usual ruling lines.
    const double dpi = 100;
    const QRectF area = titleBlockAreaPt(kArchD);
    const double s = dpi / 72.0;
    QImage image(int(area.width() * s), int(area.height() * s), QImage::Format_RGB32);
    image.fill(Qt::white);
    {
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing);
        // Title-block column on the right of the crop, 3.2 in wide.
        const double left = image.width() - 340, right = image.width() - 20;
        p.setPen(QPen(Qt::black, 3));
        p.drawLine(QPointF(left, 0), QPointF(left, image.height() - 20));
        p.drawLine(QPointF(right, 0), QPointF(right, image.height() - 20));
        p.drawLine(QPointF(left, image.height() - 20), QPointF(right, image.height() - 20));
        for (double y : {300.0, 560.0, 860.0})
            p.drawLine(QPointF(left, y), QPointF(right, y));
        p.setPen(QPen(Qt::black, 1));
        drawOutlinedText(p, QStringLiteral("SHEET TITLE"), QPointF(left + 12, 590), 14, 1.0);
        drawOutlinedText(p, QStringLiteral("SECOND FLOOR PLAN"), QPointF(left + 20, 680), 26, 1.3);
        drawOutlinedText(p, QStringLiteral("SCALE: 1/4\" = 1'-0\""), QPointF(left + 80, 820), 14, 1.0);
        drawOutlinedText(p, QStringLiteral("SHEET NUMBER"), QPointF(left + 12, 890), 14, 1.0);
        drawOutlinedText(p, QStringLiteral("A-102"), QPointF(left + 40, 1040), 80, 2.0);
        // Drawing-area text to the left of the column: a room tag and a note reference.
        drawOutlinedText(p, QStringLiteral("BEDROOM 3"), QPointF(200, 300), 16, 1.0);
        drawOutlinedText(p, QStringLiteral("SEE A-501"), QPointF(200, 600), 16, 1.0);
    }
    const cv::Mat crop = toMat(image);
    QElapsedTimer timer;
    timer.start();
    const Words words = recogniseWords(crop, dpi, area.topLeft());
    qInfo("OCR of a %dx%d outline-text crop: %lld ms, %d words: %s", crop.cols, crop.rows, timer.elapsed(),
          int(words.size()), qPrintable(joinedText(sortedInReadingOrder(words))));
    const SheetIdentity id = identifySheet(words, kArchD);
    QCOMPARE(id.number, QStringLiteral("A-102"));
    QCOMPARE(id.title, QStringLiteral("SECOND FLOOR PLAN"));
    // The box lands where the number was drawn (page points).
    const QPointF drawnAt = area.topLeft() + QPointF(image.width() - 340 + 40, 1040 - 30) / s;
    QVERIFY2(std::abs(id.numberBoxPt.left() - drawnAt.x()) < 15,
             qPrintable(QStringLiteral("%1 vs %2").arg(id.numberBoxPt.left()).arg(drawnAt.x())));
    QVERIFY(id.numberBoxPt.bottom() > drawnAt.y() && id.numberBoxPt.bottom() < drawnAt.y() + 30);
}

void TestSheetIdentifier::cadSetWithoutTextLayer() {
    const QString path = corpus(QStringLiteral("corpus/public/case01_cad/old.pdf"));
    if (!QFileInfo::exists(path)) QSKIP("shared corpus not available");
    const auto doc = openOrSkip(path);
    QVERIFY(doc);
    QCOMPARE(doc->pageCount(), 3);
    const QStringList numbers{QStringLiteral("A-101"), QStringLiteral("A-102"), QStringLiteral("A-103")};
    const QStringList titles{QStringLiteral("FIRST FLOOR PLAN"), QStringLiteral("SECOND FLOOR PLAN"),
                             QStringLiteral("THIRD FLOOR PLAN")};
    for (int p = 0; p < 3; ++p) {
        QVERIFY(doc->textLayerWords(p).isEmpty());
        QElapsedTimer timer;
        timer.start();
        const SheetIdentity id = identifyPage(*doc, p);
        qInfo("case01 page %d: %s / %s (%.2f, %s) in %lld ms", p + 1, qPrintable(id.number),
              qPrintable(id.title), id.confidence, qPrintable(id.source), timer.elapsed());
        QCOMPARE(id.number, numbers.at(p));
        QCOMPARE(id.title, titles.at(p));
        QCOMPARE(id.source, QStringLiteral("ocr"));
        QVERIFY(id.confidence >= 0.6);
        QVERIFY(titleBlockAreaPt(doc->pageSizePt(p)).contains(id.numberBoxPt.center()));
    }

    // Pages identified concurrently (one Tesseract per worker thread, renders serialised by
    // the PDF library) give the same answers.
    QVector<QFuture<SheetIdentity>> futures;
    for (int p = 0; p < 3; ++p)
        futures.append(QtConcurrent::run([&doc, p]() { return identifyPage(*doc, p); }));
    for (int p = 0; p < 3; ++p) {
        const SheetIdentity id = futures[p].result();
        QCOMPARE(id.number, numbers.at(p));
        QCOMPARE(id.title, titles.at(p));
    }
}

void TestSheetIdentifier::svgSetWithTextLayer() {
    const QString path = corpus(QStringLiteral("corpus/public/case02_svg/new.pdf"));
    if (!QFileInfo::exists(path)) QSKIP("shared corpus not available");
    const auto doc = openOrSkip(path);
    QVERIFY(doc);
    QCOMPARE(doc->pageCount(), 5);
    const QStringList numbers{QStringLiteral("A-101"), QStringLiteral("S-101"), QStringLiteral("A-104"),
                              QStringLiteral("A-102"), QStringLiteral("M-101")};
    const QStringList titles{QStringLiteral("FIRST FLOOR PLAN"), QStringLiteral("FOUNDATION PLAN"),
                             QStringLiteral("FOURTH FLOOR PLAN"), QStringLiteral("SECOND FLOOR PLAN"),
                             QStringLiteral("FIRST FLOOR MECHANICAL PLAN")};
    for (int p = 0; p < 5; ++p) {
        QElapsedTimer timer;
        timer.start();
        const SheetIdentity id = identifyPage(*doc, p);
        qInfo("case02 page %d: %s / %s (%.2f, %s) in %lld ms", p + 1, qPrintable(id.number),
              qPrintable(id.title), id.confidence, qPrintable(id.source), timer.elapsed());
        QCOMPARE(id.number, numbers.at(p));
        QCOMPARE(id.title, titles.at(p));
        QCOMPARE(id.source, QStringLiteral("text"));
        QVERIFY(id.confidence >= 0.8);
    }
}

void TestSheetIdentifier::scannedSet() {
    const QString path = corpus(QStringLiteral("corpus/public/case03_scan/new.pdf"));
    if (!QFileInfo::exists(path)) QSKIP("shared corpus not available");
    const auto doc = openOrSkip(path);
    QVERIFY(doc);
    QCOMPARE(doc->pageCount(), 3);
    const QStringList numbers{QStringLiteral("A-101"), QStringLiteral("A-102"), QStringLiteral("A-201")};
    const QStringList titles{QStringLiteral("FIRST FLOOR PLAN"), QStringLiteral("SECOND FLOOR PLAN"),
                             QStringLiteral("ENLARGED UNIT PLAN")};
    for (int p = 0; p < 3; ++p) {
        QElapsedTimer timer;
        timer.start();
        const SheetIdentity id = identifyPage(*doc, p);
        qInfo("case03 page %d: %s / %s (%.2f, %s) in %lld ms", p + 1, qPrintable(id.number),
              qPrintable(id.title), id.confidence, qPrintable(id.source), timer.elapsed());
        QCOMPARE(id.number, numbers.at(p));
        QCOMPARE(id.title, titles.at(p));
        QCOMPARE(id.source, QStringLiteral("ocr"));
    }

    // Its OLD set is vector with a text layer whose runs glue "A-101" to "REVISION".
    const auto old = openOrSkip(corpus(QStringLiteral("corpus/public/case03_scan/old.pdf")));
    QVERIFY(old);
    for (int p = 0; p < 3; ++p) {
        const SheetIdentity id = identifyPage(*old, p);
        QCOMPARE(id.number, numbers.at(p));
        QCOMPARE(id.title, titles.at(p));
        QCOMPARE(id.source, QStringLiteral("text"));
    }
}

void TestSheetIdentifier::realWorldVaSet() {
    // Two 42x30 in sheets with a text layer and a bottom-strip title block: AF101 and (found
    // by looking at the sheet) AF600, the material and room finish schedule.
    const QString path = corpus(QStringLiteral("realworld/va-first-floor-finish-plan.pdf"));
    if (!QFileInfo::exists(path)) QSKIP("realworld folder not available");
    const auto doc = openOrSkip(path);
    QVERIFY(doc);
    QCOMPARE(doc->pageCount(), 2);
    const QStringList numbers{QStringLiteral("AF101"), QStringLiteral("AF600")};
    const QStringList titles{QStringLiteral("FIRST FLOOR FINISH PLAN"),
                             QStringLiteral("MATERIAL AND ROOM FINISH SCHEDULE")};
    for (int p = 0; p < 2; ++p) {
        QElapsedTimer timer;
        timer.start();
        const SheetIdentity id = identifyPage(*doc, p);
        qInfo("VA page %d: %s / %s (%.2f, %s) in %lld ms", p + 1, qPrintable(id.number), qPrintable(id.title),
              id.confidence, qPrintable(id.source), timer.elapsed());
        QCOMPARE(id.number, numbers.at(p));
        QCOMPARE(id.title, titles.at(p));
        QCOMPARE(id.source, QStringLiteral("text"));
        QVERIFY(id.confidence >= 0.8);
    }
}

void TestSheetIdentifier::realWorldScannedPlan() {
    // One 17x11 in image-only sheet: four rooms and "A-101" with a scale note at the lower
    // right inside the plan frame; no title block and no sheet title.
    const QString path = corpus(QStringLiteral("realworld/scanned-plan.pdf"));
    if (!QFileInfo::exists(path)) QSKIP("realworld folder not available");
    const auto doc = openOrSkip(path);
    QVERIFY(doc);
    QCOMPARE(doc->pageCount(), 1);
    QVERIFY(doc->textLayerWords(0).isEmpty());
    QElapsedTimer timer;
    timer.start();
    const SheetIdentity id = identifyPage(*doc, 0);
    qInfo("scanned plan: %s / %s (%.2f, %s) in %lld ms", qPrintable(id.number), qPrintable(id.title),
          id.confidence, qPrintable(id.source), timer.elapsed());
    QCOMPARE(id.number, QStringLiteral("A-101"));
    QCOMPARE(id.source, QStringLiteral("ocr"));
    QVERIFY(id.title.isEmpty()); // room tags ("OFFICE 102") are not titles
}

void TestSheetIdentifier::titleBlockSheetField_data() {
    QTest::addColumn<int>("style");
    QTest::addColumn<bool>("outlines");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("source");
    QTest::newRow("altium-sheet-3-of-7") << int(test::TitleBlockStyle::Altium) << false << "3"
                                         << "text";
    QTest::newRow("kicad-id-3/7") << int(test::TitleBlockStyle::KiCad) << false << "3"
                                  << "text";
    QTest::newRow("mechanical-dwg-no") << int(test::TitleBlockStyle::Mechanical) << false << "180-501-465.1.3"
                                       << "text";
    QTest::newRow("sheet-label-value-below") << int(test::TitleBlockStyle::SheetBelow) << false << "3"
                                             << "text";
    QTest::newRow("sheet-label-value-below-ocr") << int(test::TitleBlockStyle::SheetBelow) << true << "3"
                                                 << "ocr";
    QTest::newRow("no-number") << int(test::TitleBlockStyle::None) << false << ""
                               << "";
    QTest::newRow("no-number-ocr") << int(test::TitleBlockStyle::None) << true << ""
                                   << "";
}

void TestSheetIdentifier::titleBlockSheetField() {
    // A schematic or mechanical sheet: part references, hidden designator tokens, a heading, a
    // cited standard, a tolerance table; the number is only in the title block's sheet field.
    QFETCH(int, style);
    QFETCH(bool, outlines);
    QFETCH(QString, expected);
    QFETCH(QString, source);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("sheet.pdf"));
    test::ElectronicSheetSpec spec;
    spec.style = test::TitleBlockStyle(style);
    spec.sheet = 3;
    spec.count = 7;
    spec.textAsPaths = outlines;
    QVERIFY(test::writeElectronicSet(path, {spec}));
    const auto doc = openOrSkip(path);
    QVERIFY(doc);
    QCOMPARE(doc->textLayerWords(0).isEmpty(), outlines);
    const SheetIdentity id = identifyPage(*doc, 0);
    QCOMPARE(id.number, expected);
    if (!expected.isEmpty()) {
        QCOMPARE(id.source, source);
        QVERIFY2(id.confidence >= 0.5, qPrintable(QString::number(id.confidence)));
        // The box is the value's, in the title block (bottom right).
        QVERIFY2(id.numberBoxPt.center().x() > 0.55 * spec.paperPt.width() &&
                     id.numberBoxPt.center().y() > 0.75 * spec.paperPt.height(),
                 qPrintable(QStringLiteral("%1,%2").arg(id.numberBoxPt.x()).arg(id.numberBoxPt.y())));
    }
}

void TestSheetIdentifier::hiddenTokensAreNotWords() {
    // Altium's hidden designators: 7 characters squeezed into a 3 pt wide box, in the title
    // block. They are no candidate; the labelled field is.
    Words w;
    w += line(QStringLiteral("Sheet: 2 of 8"), 2300, 1600, 8);
    w += line(QStringLiteral("10k 100nF 4.7uF"), 600, 600, 8);
    w.append(word(QStringLiteral("PIR6802"), 2200, 1500, 3, 5.5));
    const SheetIdentity id = identifySheet(w, kArchD);
    QCOMPARE(id.number, QStringLiteral("2"));
    w.removeAt(0);
    w.removeAt(0);
    w.removeAt(0);
    QCOMPARE(identifySheet(w, kArchD).number, QString());
}

void TestSheetIdentifier::partReferencesAreNoNumber() {
    // A schematic's title-block corner full of part references and net labels of one size:
    // tokens shaped like numbers that repeat as a family are annotations, not the sheet number.
    Words w;
    for (int i = 0; i < 12; ++i)
        w += line(QStringLiteral("R%1 C%2").arg(100 + i).arg(120 + i), 1700 + 50 * (i % 6), 1000 + 60 * i, 8);
    w += line(QStringLiteral("JP1"), 2200, 1500, 8);
    w += line(QStringLiteral("ASSEMBLY PER IPC-A-610"), 1700, 1650, 8);
    QCOMPARE(identifySheet(w, kArchD).number, QString());
    // The same corner with a labelled sheet field.
    w += line(QStringLiteral("SHEET 4 OF 4"), 2400, 1680, 8);
    QCOMPARE(identifySheet(w, kArchD).number, QStringLiteral("4"));
    // An architectural number stays what it was: the typical sheet plus "SHEET 3 OF 20".
    Words arch = typicalSheetWords();
    arch += line(QStringLiteral("SHEET 3 OF 20"), 2490, 1700, 6);
    QCOMPARE(identifySheet(arch, kArchD).number, QStringLiteral("A-101"));
}

QTEST_MAIN(TestSheetIdentifier)
#include "tst_sheetidentifier.moc"
