// Real sheets through the CLI: a heavy vector CAD set (VA floor finish plan, 2 sheets of
// 42x30 in, ~61 MP each at 220 DPI) compared with itself and with a rasterised, turned, shifted
// and noisy image-only copy of itself; and a real scan compared with itself. None of these has
// a change, so every region is a false one.

#include "compare/comparison.h"
#include "document/document.h"
#include "text/ocrengine.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

using namespace bt;

namespace {

QString realWorldDir() {
    return QDir(QString::fromUtf8(BT_SHARED_DIR)).filePath(QStringLiteral("realworld"));
}

struct CliRun {
    int exitCode = -1;
    qint64 ms = 0;
    QString stderrText;
    QJsonObject json;
};

CliRun runCli(const QString &oldPath, const QString &newPath, const QString &jsonPath) {
    CliRun r;
    QProcess cli;
    QElapsedTimer timer;
    timer.start();
    cli.start(QString::fromUtf8(BT_CLI_PATH),
              {QStringLiteral("compare"), oldPath, newPath, QStringLiteral("--json"), jsonPath,
               QStringLiteral("--quiet"),
               // Never the user's history (a job of the same files there would be reused), and
               // always compared afresh.
               QStringLiteral("--db"), QFileInfo(jsonPath).absolutePath() + QStringLiteral("/history.sqlite"),
               QStringLiteral("--fresh")});
    if (!cli.waitForStarted() || !cli.waitForFinished(15 * 60 * 1000)) {
        r.stderrText = cli.errorString();
        cli.kill();
        cli.waitForFinished();
        return r;
    }
    r.ms = timer.elapsed();
    r.exitCode = cli.exitStatus() == QProcess::NormalExit ? cli.exitCode() : -1;
    QStringList errLines;
    for (const QString &l :
         QString::fromUtf8(cli.readAllStandardError()).split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        if (!l.startsWith(QLatin1String("QStandardPaths:"))) // headless environment noise
            errLines << l;
    r.stderrText = errLines.join(QStringLiteral(" | "));
    QFile f(jsonPath);
    if (f.open(QIODevice::ReadOnly)) r.json = QJsonDocument::fromJson(f.readAll()).object();
    return r;
}

QString pageLine(const QJsonObject &p) {
    const QJsonObject d = p.value(QStringLiteral("diff_result")).toObject();
    const QJsonObject a = d.value(QStringLiteral("alignment")).toObject();
    QStringList boxes;
    for (const QJsonValue &r : d.value(QStringLiteral("regions")).toArray()) {
        const QJsonArray b = r.toObject().value(QStringLiteral("bbox_pt")).toArray();
        boxes << QStringLiteral("[%1,%2 %3x%4]")
                     .arg(b.at(0).toDouble(), 0, 'f', 0)
                     .arg(b.at(1).toDouble(), 0, 'f', 0)
                     .arg(b.at(2).toDouble(), 0, 'f', 0)
                     .arg(b.at(3).toDouble(), 0, 'f', 0);
    }
    return QStringLiteral(
               "page %1 %2 (old %3 new %4, %5): %6 region(s) at %7 dpi; alignment %8 score %9 rot %10%11")
        .arg(p.value(QStringLiteral("page_number")).toInt())
        .arg(p.value(QStringLiteral("drawing_name")).toString())
        .arg(p.value(QStringLiteral("old_page")).toInt())
        .arg(p.value(QStringLiteral("new_page")).toInt())
        .arg(p.value(QStringLiteral("match")).toString())
        .arg(d.value(QStringLiteral("change_count")).toInt())
        .arg(d.value(QStringLiteral("dpi")).toDouble())
        .arg(a.value(QStringLiteral("method")).toString())
        .arg(a.value(QStringLiteral("score")).toDouble())
        .arg(a.value(QStringLiteral("rotation_deg")).toDouble())
        .arg(boxes.isEmpty() ? QString() : QStringLiteral(" ") + boxes.join(QLatin1Char(' ')));
}

// How a copy of a set is degraded: rasterised at `dpi`, turned 0.5 degree (the other way on
// odd pages), shifted a few millimetres, Gaussian noise of `noiseSigma` grey levels, and
// JPEG-compressed at `jpegQuality` (0: not).
struct ScanLike {
    double dpi = 200;
    double noiseSigma = 6;
    int jpegQuality = 0;
};

// Writes an image-only PDF of the same page sizes as `doc`, each page `make(grey, index)` of
// its render at `dpi`.
template <typename Make>
bool writeRasterCopy(const Document &doc, const QString &path, double dpi, Make make) {
    QPdfWriter writer(path);
    writer.setResolution(72); // painter units are points
    QPainter painter;
    for (int i = 0; i < doc.pageCount(); ++i) {
        const QSizeF pt = doc.pageSizePt(i);
        const RenderedPage page = doc.render(i, RenderOptions{dpi, RenderOptions().maxPixels});
        if (page.isNull() || page.dpi != dpi) return false;
        const cv::Mat made = make(page.grey, i);
        const QImage image(made.data, made.cols, made.rows, int(made.step), QImage::Format_Grayscale8);
        const QPageLayout layout(QPageSize(pt, QPageSize::Point, QString(), QPageSize::ExactMatch),
                                 QPageLayout::Portrait, QMarginsF(0, 0, 0, 0), QPageLayout::Point);
        if (!writer.setPageLayout(layout)) return false;
        if (i == 0 ? !painter.begin(&writer) : !writer.newPage()) return false;
        painter.drawImage(QRectF(QPointF(0, 0), pt), image);
    }
    return painter.end();
}

// Writes an image-only PDF of the same page sizes as `doc`, each page a degraded raster of it.
bool writeScannedCopy(const Document &doc, const QString &path, const ScanLike &scan) {
    return writeRasterCopy(doc, path, scan.dpi, [&scan](const cv::Mat &grey, int i) {
        const double pxPerMm = scan.dpi / 25.4;
        const cv::Point2f centre(grey.cols / 2.0f, grey.rows / 2.0f);
        cv::Mat m = cv::getRotationMatrix2D(centre, i % 2 == 0 ? 0.5 : -0.5, 1.0);
        m.at<double>(0, 2) += 3.0 * pxPerMm;
        m.at<double>(1, 2) += (i % 2 == 0 ? -2.0 : 2.5) * pxPerMm;
        cv::Mat turned;
        cv::warpAffine(grey, turned, m, grey.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar(255));
        cv::Mat noise(turned.size(), CV_16S);
        cv::RNG rng(1234 + i);
        rng.fill(noise, cv::RNG::NORMAL, 0, scan.noiseSigma);
        cv::Mat wide;
        turned.convertTo(wide, CV_16S);
        cv::add(wide, noise, wide, cv::noArray(), CV_16S);
        wide.convertTo(turned, CV_8U);
        if (scan.jpegQuality > 0) {
            std::vector<uchar> bytes;
            cv::imencode(".jpg", turned, bytes, {cv::IMWRITE_JPEG_QUALITY, scan.jpegQuality});
            turned = cv::imdecode(bytes, cv::IMREAD_GRAYSCALE);
        }
        return turned;
    });
}

// Writes a half-size plot of `doc` made with unscaled pen widths, on sheets of the same size:
// lines relatively twice as thick. Made at `fullDpi`, where a stroke has the pixel width the pen
// gives it: every stroke's width is doubled there, and the page is then shrunk to half scale,
// where the stroke is back to the pen's pixel width over half the drawing. A stroke of
// half-width h is the union of disks of radius h on its centre line; doubling it is the union of
// disks of radius 2h on the same centres: max over s of dilate(erode(ink, s), 2s). Strokes under
// a few pixels wide gain a pixel on each side.
bool writeHalfSizePlot(const Document &doc, const QString &path, double fullDpi) {
    return writeRasterCopy(doc, path, fullDpi, [](const cv::Mat &grey, int) {
        const cv::Mat ink = 255 - grey;
        auto disk = [](int r) {
            return cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(2 * r + 1, 2 * r + 1));
        };
        // Areas of one tone wider than any pen are fills: they scale with the plot and do not
        // grow (the dark outline of a grey fill is a stroke and does).
        const int widest = 6;
        cv::Mat light, dark;
        cv::morphologyEx((ink > 32) & (ink <= 160), light, cv::MORPH_OPEN, disk(widest + 1));
        cv::morphologyEx(ink > 160, dark, cv::MORPH_OPEN, disk(widest + 1));
        const cv::Mat fill = light | dark;
        cv::Mat thick = ink.clone();
        thick.setTo(0, fill);
        cv::dilate(thick, thick, cv::getStructuringElement(cv::MORPH_CROSS, cv::Size(3, 3)));
        for (int s = 2; s <= widest; ++s) {
            cv::Mat core;
            cv::erode(ink, core, disk(s));
            core.setTo(0, fill);
            if (cv::countNonZero(core > 128) == 0) break;
            cv::dilate(core, core, disk(2 * s));
            thick = cv::max(thick, core);
        }
        thick = cv::max(thick, ink);
        cv::Mat half;
        cv::resize(255 - thick, half, cv::Size(), 0.5, 0.5, cv::INTER_AREA);
        return half;
    });
}

// Regions of a result JSON that report a text (old or new), one line each.
QStringList regionsWithText(const QString &jsonPath) {
    QFile f(jsonPath);
    if (!f.open(QIODevice::ReadOnly)) return {QStringLiteral("cannot read %1").arg(jsonPath)};
    QStringList out;
    for (const QJsonValue &p :
         QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("pages")).toArray())
        for (const QJsonValue &v : p.toObject()
                                       .value(QStringLiteral("diff_result"))
                                       .toObject()
                                       .value(QStringLiteral("regions"))
                                       .toArray()) {
            const QJsonObject r = v.toObject();
            auto words = [&r](const char *key) {
                QStringList w;
                for (const QJsonValue &t : r.value(QLatin1String(key)).toArray())
                    w << t.toString();
                return w.join(QLatin1Char(' '));
            };
            if (!words("old_text").isEmpty() || !words("new_text").isEmpty())
                out << QStringLiteral("page %1: '%2' -> '%3'")
                           .arg(p.toObject().value(QStringLiteral("page_number")).toInt())
                           .arg(words("old_text"), words("new_text"));
        }
    return out;
}

} // namespace

class TestRealWorld : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_va;
    QString m_scan;

    // Runs the CLI and checks: the run completed, `pages` pages, each old page i paired with new
    // page i, at most `maxRegions` regions on each page, and exit code `expectedExit` (-1: 0 or
    // 1). Problems are collected in `failures` (the caller verifies) so that an unpaired sheet can
    // still be measured. Returns the 1-based old pages that were not paired with their new page.
    QVector<int> compareWithLimit(const QString &label, const QString &oldPath, const QString &newPath,
                                  int pages, int maxRegions, int expectedExit, QStringList &failures) {
        const QString json = m_dir.filePath(label + QStringLiteral(".json"));
        const CliRun r = runCli(oldPath, newPath, json);
        qInfo("%s: exit %d, wall time %.1f s%s", qPrintable(label), r.exitCode, r.ms / 1000.0,
              r.stderrText.isEmpty() ? "" : qPrintable(QStringLiteral(" stderr: ") + r.stderrText));
        const QJsonArray list = r.json.value(QStringLiteral("pages")).toArray();
        for (const QJsonValue &p : list)
            qInfo("  %s", qPrintable(pageLine(p.toObject())));
        if (r.exitCode != 0 && r.exitCode != 1)
            failures << QStringLiteral("%1: exit %2 (%3)").arg(label).arg(r.exitCode).arg(r.stderrText);
        else if (expectedExit >= 0 && r.exitCode != expectedExit)
            failures
                << QStringLiteral("%1: exit %2, expected %3").arg(label).arg(r.exitCode).arg(expectedExit);
        if (r.json.value(QStringLiteral("status")).toString() != QLatin1String("completed"))
            failures << QStringLiteral("%1: status '%2'")
                            .arg(label, r.json.value(QStringLiteral("status")).toString());
        QVector<int> unpaired;
        for (int i = 1; i <= pages; ++i) {
            const auto it = std::find_if(list.begin(), list.end(), [&](const QJsonValue &v) {
                const QJsonObject p = v.toObject();
                return p.value(QStringLiteral("old_page")).toInt() == i &&
                       p.value(QStringLiteral("new_page")).toInt() == i &&
                       p.value(QStringLiteral("match")).toString() == QLatin1String("matched");
            });
            if (it == list.end()) {
                unpaired << i;
                failures << QStringLiteral("%1: old page %2 not paired with new page %2").arg(label).arg(i);
            }
        }
        if (list.size() != pages)
            failures
                << QStringLiteral("%1: %2 result pages, expected %3").arg(label).arg(list.size()).arg(pages);
        for (const QJsonValue &v : list) {
            const QJsonObject p = v.toObject();
            if (p.value(QStringLiteral("match")).toString() != QLatin1String("matched")) continue;
            const int count = p.value(QStringLiteral("diff_result"))
                                  .toObject()
                                  .value(QStringLiteral("change_count"))
                                  .toInt(-1);
            if (count < 0 || count > maxRegions)
                failures << QStringLiteral("%1: %2 region(s), at most %3 allowed: %4")
                                .arg(label)
                                .arg(count)
                                .arg(maxRegions)
                                .arg(pageLine(p));
        }
        return unpaired;
    }

private slots:
    void initTestCase() {
        m_va = QDir(realWorldDir()).filePath(QStringLiteral("va-first-floor-finish-plan.pdf"));
        m_scan = QDir(realWorldDir()).filePath(QStringLiteral("scanned-plan.pdf"));
        if (!QFileInfo::exists(m_va) || !QFileInfo::exists(m_scan))
            QSKIP(qPrintable(
                QStringLiteral("real-world sheets not found in %1 (configure with -DBT_SHARED_DIR=...)")
                    .arg(realWorldDir())));
        QVERIFY2(QFileInfo(QString::fromUtf8(BT_CLI_PATH)).isExecutable(), BT_CLI_PATH);
        initOcrEnvironment();
        QVERIFY(m_dir.isValid());
        m_dir.setAutoRemove(!qEnvironmentVariableIsSet("BT_KEEP_TEST_FILES"));
        if (!m_dir.autoRemove()) qInfo("files kept in %s", qPrintable(m_dir.path()));
    }

    void vaAgainstItself() {
        // Default DPI (220): the set against itself has no change at all.
        QStringList failures;
        compareWithLimit(QStringLiteral("va-self"), m_va, m_va, 2, 0, 0, failures);
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QStringLiteral("; "))));
    }

    void vaAgainstRasterisedCopy() {
        // The set printed and scanned, in effect: rasterised at 200 DPI, turned 0.5 degree,
        // shifted a few millimetres, noisy, stored as an image-only PDF of the same page size.
        DocumentError error;
        const auto doc = Document::open(m_va, QString(), &error);
        QVERIFY2(doc, qPrintable(error.message));
        QCOMPARE(doc->pageCount(), 2);
        const QString copy = m_dir.filePath(QStringLiteral("va-raster-copy.pdf"));
        QElapsedTimer timer;
        timer.start();
        QVERIFY(writeScannedCopy(*doc, copy, ScanLike{200.0, 6.0, 0}));
        qInfo("raster copy written in %.1f s, %.1f MB", timer.elapsed() / 1000.0,
              QFileInfo(copy).size() / 1e6);
        {
            const auto check = Document::open(copy, QString(), &error);
            QVERIFY2(check, qPrintable(error.message));
            QCOMPARE(check->pageCount(), 2);
            QVERIFY(check->textLayerWords(0).isEmpty());
            QCOMPARE(check->pageSizePt(1), doc->pageSizePt(1));
        }
        QStringList failures;
        const QVector<int> unpaired =
            compareWithLimit(QStringLiteral("va-vs-raster-copy"), m_va, copy, 2, 2, -1, failures);
        // A sheet the CLI failed to pair is still compared with its copy directly (same stage the
        // CLI runs), so its region count is known and judged too.
        if (!unpaired.isEmpty()) {
            const auto copyDoc = Document::open(copy, QString(), &error);
            QVERIFY2(copyDoc, qPrintable(error.message));
            for (int pageNo : unpaired) {
                CompareSettings settings;
                settings.dpi = CompareSettings::defaultDpi();
                PageResult page;
                page.oldPage = pageNo - 1;
                page.newPage = pageNo - 1;
                QElapsedTimer t;
                t.start();
                diffPage(*doc, *copyDoc, settings, page);
                QStringList boxes;
                for (const ChangeRegion &r : page.regions)
                    boxes << QStringLiteral("[%1,%2 %3x%4]")
                                 .arg(r.boxPt.x(), 0, 'f', 0)
                                 .arg(r.boxPt.y(), 0, 'f', 0)
                                 .arg(r.boxPt.width(), 0, 'f', 0)
                                 .arg(r.boxPt.height(), 0, 'f', 0);
                qInfo("  page %d compared directly (diffPage, %.0f dpi, %.1f s): %d region(s); alignment %s "
                      "score %.4f "
                      "rot %.4f %s",
                      pageNo, page.dpi, t.elapsed() / 1000.0, int(page.regions.size()),
                      qPrintable(page.alignment.method), page.alignment.score, page.alignment.rotationDeg(),
                      qPrintable(boxes.join(QLatin1Char(' '))));
                if (!page.error.isEmpty())
                    failures << QStringLiteral("page %1: %2").arg(pageNo).arg(page.error);
                else if (page.regions.size() > 2)
                    failures << QStringLiteral("page %1 (compared directly): %2 regions, at most 2 allowed")
                                    .arg(pageNo)
                                    .arg(page.regions.size());
            }
        }
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QStringLiteral("; "))));
    }

    void vaAgainstDegradedScan() {
        // A poor office scan of the set (150 DPI, turned, shifted, noise sigma 10, JPEG quality
        // 60): nothing changed, so at most a couple of noise clouds, and never a text "change"
        // read into the noise (a false finish code is one a contractor could build).
        DocumentError error;
        const auto doc = Document::open(m_va, QString(), &error);
        QVERIFY2(doc, qPrintable(error.message));
        const QString scan = m_dir.filePath(QStringLiteral("va-degraded-scan.pdf"));
        QVERIFY(writeScannedCopy(*doc, scan, ScanLike{150.0, 10.0, 60}));
        QStringList failures;
        compareWithLimit(QStringLiteral("va-vs-degraded-scan"), m_va, scan, 2, 2, -1, failures);
        for (const QString &t : regionsWithText(m_dir.filePath(QStringLiteral("va-vs-degraded-scan.json"))))
            failures << QStringLiteral("va-vs-degraded-scan: region with text: ") + t;
        compareWithLimit(QStringLiteral("degraded-scan-self"), scan, scan, 2, 0, 0, failures);
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QStringLiteral("; "))));
    }

    void vaAgainstHalfSizePlot() {
        // A half-size plot made with the same pen widths, compared at the same sheet size: every
        // line is relatively twice as thick. Line weight is style, not change (issue 14).
        DocumentError error;
        const auto doc = Document::open(m_va, QString(), &error);
        QVERIFY2(doc, qPrintable(error.message));
        const QString plot = m_dir.filePath(QStringLiteral("va-half-size-plot.pdf"));
        QVERIFY(writeHalfSizePlot(*doc, plot, CompareSettings::defaultDpi()));
        QStringList failures;
        compareWithLimit(QStringLiteral("va-vs-half-size-plot"), m_va, plot, 2, 2, -1, failures);
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QStringLiteral("; "))));
    }

    void scannedPlanAgainstItself() {
        QStringList failures;
        compareWithLimit(QStringLiteral("scan-self"), m_scan, m_scan, 1, 0, 0, failures);
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QStringLiteral("; "))));
    }
};

QTEST_MAIN(TestRealWorld)
#include "tst_realworld.moc"
