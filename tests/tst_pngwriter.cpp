// The overlay PNG encoder: whatever the image, Qt's (libpng's) decoder reads back exactly the
// indices and colours that went in.

#include "diff/pngwriter.h"

#include <QImage>
#include <QTemporaryDir>
#include <QtTest>

#include <opencv2/imgproc.hpp>

using namespace bt;

namespace {

QVector<QRgb> greyRamp(int size) {
    QVector<QRgb> palette;
    for (int i = 0; i < size; ++i)
        palette << qRgb(255 - i, (i * 7) % 256, i);
    return palette;
}

// Decodes `png` and compares it with what was encoded.
void checkRoundTrip(const QByteArray &png, const cv::Mat &index, const QVector<QRgb> &palette) {
    const QImage image = QImage::fromData(png, "PNG");
    QVERIFY(!image.isNull());
    QCOMPARE(image.format(), QImage::Format_Indexed8);
    QCOMPARE(image.width(), index.cols);
    QCOMPARE(image.height(), index.rows);
    QCOMPARE(image.colorTable(), palette);
    for (int y = 0; y < index.rows; ++y)
        QVERIFY2(std::memcmp(image.constScanLine(y), index.ptr(y), size_t(index.cols)) == 0,
                 qPrintable(QStringLiteral("row %1 differs").arg(y)));
}

} // namespace

class TestPngWriter : public QObject {
    Q_OBJECT

private slots:
    void roundTrip_data() {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<QString>("content");
        for (const QString &content :
             {QStringLiteral("paper"), QStringLiteral("noise"), QStringLiteral("drawing")}) {
            QTest::newRow(qPrintable(content + QStringLiteral(" 1x1"))) << 1 << 1 << content;
            QTest::newRow(qPrintable(content + QStringLiteral(" 7x3"))) << 7 << 3 << content;
            QTest::newRow(qPrintable(content + QStringLiteral(" 1000x1"))) << 1000 << 1 << content;
            QTest::newRow(qPrintable(content + QStringLiteral(" 1x600"))) << 1 << 600 << content;
            QTest::newRow(qPrintable(content + QStringLiteral(" 1237x517"))) << 1237 << 517 << content;
        }
    }

    void roundTrip() {
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(QString, content);
        cv::Mat index(height, width, CV_8U, cv::Scalar(0));
        if (content == QLatin1String("noise")) {
            cv::randu(index, 0, 256);
        } else if (content == QLatin1String("drawing")) {
            // Runs of every length, rows that repeat the row above, anti-aliased lines, a run of
            // a non-zero index longer than one match (258), the last index value.
            cv::line(index, cv::Point(0, height / 2), cv::Point(width - 1, height / 2), cv::Scalar(40), 3);
            cv::line(index, cv::Point(width / 3, 0), cv::Point(width / 3, height - 1), cv::Scalar(100), 2);
            cv::line(index, cv::Point(0, 0), cv::Point(width - 1, height - 1), cv::Scalar(191), 1,
                     cv::LINE_AA);
            cv::rectangle(index, cv::Rect(width / 4, height / 4, width / 2, height / 3), cv::Scalar(255),
                          cv::FILLED);
            cv::putText(index, "A-101 REV 2", cv::Point(5, height - 5), cv::FONT_HERSHEY_SIMPLEX, 1.0,
                        cv::Scalar(63), 2, cv::LINE_AA);
        }
        const QVector<QRgb> palette = greyRamp(256);
        checkRoundTrip(encodeIndexedPng(index, palette), index, palette);
    }

    void shortPalette() {
        cv::Mat index(40, 50, CV_8U, cv::Scalar(0));
        index(cv::Rect(10, 10, 20, 5)).setTo(2);
        const QVector<QRgb> palette = greyRamp(3);
        checkRoundTrip(encodeIndexedPng(index, palette), index, palette);
    }

    void roiIsEncodedWithoutItsParent() {
        // A view into a larger image (row step > width) is encoded as its own pixels.
        cv::Mat parent(300, 400, CV_8U);
        cv::randu(parent, 0, 4);
        const cv::Mat roi = parent(cv::Rect(13, 7, 250, 200));
        const QVector<QRgb> palette = greyRamp(256);
        checkRoundTrip(encodeIndexedPng(roi, palette), roi, palette);
    }

    void mostlyPaperIsSmall() {
        // An overlay-like sheet: paper with a frame and a grid of lines. Runs and copies of the
        // row above make it at least 50 times smaller than its pixels.
        cv::Mat index(2000, 3000, CV_8U, cv::Scalar(0));
        cv::rectangle(index, cv::Rect(20, 20, 2960, 1960), cv::Scalar(47), 4);
        for (int x = 200; x < 3000; x += 250)
            cv::line(index, cv::Point(x, 20), cv::Point(x, 1980), cv::Scalar(30), 2, cv::LINE_AA);
        const QVector<QRgb> palette = greyRamp(256);
        const QByteArray png = encodeIndexedPng(index, palette);
        QVERIFY2(png.size() < qsizetype(index.total() / 50), qPrintable(QString::number(png.size())));
        checkRoundTrip(png, index, palette);
    }

    void writesFile() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        cv::Mat index(30, 40, CV_8U, cv::Scalar(1));
        const QVector<QRgb> palette = greyRamp(256);
        const QString path = dir.filePath(QStringLiteral("x.png"));
        QVERIFY(writeIndexedPng(path, index, palette));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        checkRoundTrip(file.readAll(), index, palette);
        QVERIFY(!writeIndexedPng(dir.filePath(QStringLiteral("missing/x.png")), index, palette));
    }

    // Another palette in place: the pixels stay, the colours change, the file stays a valid PNG
    // (libpng checks the chunk's CRC when Qt reads it back).
    void replacesThePalette() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        cv::Mat index(60, 80, CV_8U);
        cv::randu(index, 0, 256);
        const QString path = dir.filePath(QStringLiteral("x.png"));
        QVERIFY(writeIndexedPng(path, index, greyRamp(256)));
        QVector<QRgb> other;
        for (int i = 0; i < 256; ++i)
            other << qRgb(i, 255 - i, (i * 13) % 256);
        QString error;
        QVERIFY2(replaceIndexedPngPalette(path, other, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        checkRoundTrip(file.readAll(), index, other);
        QVERIFY(!replaceIndexedPngPalette(path, greyRamp(16), &error)); // another size
        QVERIFY(error.contains(QLatin1String("size")));
        QFile text(dir.filePath(QStringLiteral("t.png")));
        QVERIFY(text.open(QIODevice::WriteOnly) && text.write("not a png") > 0);
        text.close();
        QVERIFY(!replaceIndexedPngPalette(text.fileName(), other, &error));
        QVERIFY(error.contains(QLatin1String("not a PNG")));
    }
};

QTEST_MAIN(TestPngWriter)
#include "tst_pngwriter.moc"
