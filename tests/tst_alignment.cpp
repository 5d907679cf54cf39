// Page registration: a generated sheet is moved, turned, scaled and "scanned" by known
// transforms, and alignPages must recover them. Accuracy is judged by the residual: the four
// corners of NEW mapped through the recovered and through the true transform (NEW px -> OLD px)
// must land close together.

#include "align/alignment.h"
#include "compare/comparison.h"
#include "document/document.h"
#include "drawinggenerator.h"

#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <QTemporaryDir>
#include <QtTest>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cmath>

using namespace bt;
using namespace bt::test;

namespace {

constexpr double kDpi = 100.0;

SheetSpec sheetSpec(int seed) {
    SheetSpec s;
    s.number = QStringLiteral("A-1%1").arg(seed, 2, 10, QLatin1Char('0'));
    s.title = QStringLiteral("LEVEL %1 FLOOR PLAN").arg(seed);
    s.seed = seed;
    return s;
}

// The sheet drawn at `dpi` onto white paper, 8-bit grey (ink dark).
cv::Mat renderSheet(const SheetSpec &spec, double dpi) {
    const QSize px(qRound(spec.paperIn.width() * dpi), qRound(spec.paperIn.height() * dpi));
    QImage rgb(px, QImage::Format_RGB32);
    rgb.fill(Qt::white);
    {
        QPainter p(&rgb);
        p.setRenderHint(QPainter::Antialiasing);
        p.scale(dpi / 72.0, dpi / 72.0);
        drawSheet(p, spec);
    }
    cv::Mat grey;
    cv::cvtColor(cv::Mat(rgb.height(), rgb.width(), CV_8UC4, rgb.bits(), size_t(rgb.bytesPerLine())), grey,
                 cv::COLOR_BGRA2GRAY);
    return grey;
}

// NEW made from OLD so that NEW(x) = OLD(newToOld * x): exactly the relation alignPages recovers.
cv::Mat makeNew(const cv::Mat &oldGrey, const cv::Matx23d &newToOld, cv::Size size = {}) {
    cv::Mat out;
    cv::warpAffine(oldGrey, out, cv::Mat(newToOld), size.empty() ? oldGrey.size() : size,
                   cv::INTER_LINEAR | cv::WARP_INVERSE_MAP, cv::BORDER_CONSTANT, cv::Scalar(255));
    return out;
}

// Rotation by `deg` (and scale `s`) about `centre`, then a shift: maps NEW px -> OLD px.
cv::Matx23d similarity(double deg, double s, cv::Point2d centre, cv::Point2d shift = {}) {
    const double a = deg * CV_PI / 180.0;
    const double c = s * std::cos(a), sn = s * std::sin(a);
    // x' = R (x - centre) + centre + shift
    return cv::Matx23d(c, -sn, centre.x - c * centre.x + sn * centre.y + shift.x, //
                       sn, c, centre.y - sn * centre.x - c * centre.y + shift.y);
}

cv::Point2d apply(const cv::Matx23d &m, cv::Point2d p) {
    return {m(0, 0) * p.x + m(0, 1) * p.y + m(0, 2), m(1, 0) * p.x + m(1, 1) * p.y + m(1, 2)};
}

// Largest distance (OLD px) between the NEW page corners mapped by the two transforms.
double cornerResidual(const cv::Matx23d &got, const cv::Matx23d &truth, cv::Size newSize) {
    const double w = newSize.width - 1, h = newSize.height - 1;
    double worst = 0;
    for (const cv::Point2d c : {cv::Point2d(0, 0), cv::Point2d(w, 0), cv::Point2d(0, h), cv::Point2d(w, h)}) {
        const cv::Point2d d = apply(got, c) - apply(truth, c);
        worst = std::max(worst, std::hypot(d.x, d.y));
    }
    return worst;
}

double rotationOf(const cv::Matx23d &m) {
    return std::atan2(m(1, 0), m(0, 0)) * 180.0 / CV_PI;
}

QString describe(const Alignment &a) {
    return QStringLiteral("method %1, score %2, rot %3 deg, scale %4, t (%5, %6)%7")
        .arg(a.method)
        .arg(a.score, 0, 'f', 3)
        .arg(a.rotationDeg(), 0, 'f', 4)
        .arg(a.scale(), 0, 'f', 5)
        .arg(a.newToOld(0, 2), 0, 'f', 2)
        .arg(a.newToOld(1, 2), 0, 'f', 2)
        .arg(a.warning.isEmpty() ? QString() : QStringLiteral(", warning: ") + a.warning);
}

} // namespace

class TestAlignment : public QObject {
    Q_OBJECT

private:
    cv::Mat m_old; // seed 3 at kDpi
    cv::Point2d m_centre;

    // Aligns OLD with NEW made by `truth` and checks the corner residual and rotation.
    Alignment check(const cv::Mat &newGrey, const cv::Matx23d &truth, double maxResidualPx,
                    double maxRotErrDeg) {
        QElapsedTimer timer;
        timer.start();
        const Alignment a = alignPages(m_old, newGrey);
        const double residual = cornerResidual(a.newToOld, truth, newGrey.size());
        const double rotErr = std::abs(a.rotationDeg() - rotationOf(truth));
        qInfo("%s | corner residual %.3f px, rotation error %.4f deg (%lld ms)", qPrintable(describe(a)),
              residual, rotErr, timer.elapsed());
        [&] {
            QVERIFY2(a.reliable(), qPrintable(describe(a)));
            QVERIFY2(residual <= maxResidualPx, qPrintable(QStringLiteral("corner residual %1 px > %2 px; %3")
                                                               .arg(residual)
                                                               .arg(maxResidualPx)
                                                               .arg(describe(a))));
            QVERIFY2(rotErr <= maxRotErrDeg, qPrintable(QStringLiteral("rotation error %1 deg > %2 deg; %3")
                                                            .arg(rotErr)
                                                            .arg(maxRotErrDeg)
                                                            .arg(describe(a))));
        }();
        return a;
    }

private slots:
    void initTestCase() {
        m_old = renderSheet(sheetSpec(3), kDpi);
        QCOMPARE(m_old.cols, 3600);
        QCOMPARE(m_old.rows, 2400);
        m_centre = cv::Point2d((m_old.cols - 1) / 2.0, (m_old.rows - 1) / 2.0);
    }

    void identity() {
        const Alignment a = alignPages(m_old, m_old.clone());
        QVERIFY2(a.reliable(), qPrintable(describe(a)));
        QCOMPARE(a.method, QStringLiteral("identity"));
        QVERIFY2(a.score > 0.99, qPrintable(describe(a)));
        QVERIFY2(a.isIdentity(), qPrintable(describe(a)));
        // Nothing to warp: OLD comes back as it is.
        const cv::Mat warped = warpOldOntoNew(m_old, a, m_old.size());
        QCOMPARE(cv::norm(warped, m_old, cv::NORM_INF), 0.0);
    }

    void shift_data() {
        QTest::addColumn<double>("dx");
        QTest::addColumn<double>("dy");
        QTest::newRow("37.3,-12.6") << 37.3 << -12.6;
        QTest::newRow("-5.5,8.25") << -5.5 << 8.25;
        QTest::newRow("0.6,-0.45 (sub-pixel)") << 0.6 << -0.45;
        QTest::newRow("-120,64") << -120.0 << 64.0;
    }

    void shift() {
        QFETCH(double, dx);
        QFETCH(double, dy);
        const cv::Matx23d truth(1, 0, dx, 0, 1, dy);
        const Alignment a = check(makeNew(m_old, truth), truth, 0.5, 0.05);
        QVERIFY2(std::abs(a.newToOld(0, 2) - dx) <= 0.5 && std::abs(a.newToOld(1, 2) - dy) <= 0.5,
                 qPrintable(describe(a)));
        QVERIFY2(std::abs(a.scale() - 1.0) < 2e-4, qPrintable(describe(a)));
    }

    void wholePixelShiftTakesTheExactPath() {
        // A plot moved by whole pixels: recognised at full resolution (method "phase", no ECC),
        // the exact shift, and the warp is a copy equal to the bilinear warp.
        const cv::Matx23d truth(1, 0, 23.0, 0, 1, -41.0);
        const cv::Mat newGrey = makeNew(m_old, truth);
        const Alignment a = alignPages(m_old, newGrey);
        QVERIFY2(a.reliable(), qPrintable(describe(a)));
        QCOMPARE(a.method, QStringLiteral("phase"));
        QCOMPARE(a.newToOld(0, 2), 23.0);
        QCOMPARE(a.newToOld(1, 2), -41.0);
        QVERIFY2(a.score > 0.99, qPrintable(describe(a)));
        const cv::Mat warped = warpOldOntoNew(m_old, a, newGrey.size());
        QCOMPARE(cv::norm(warped, newGrey, cv::NORM_INF), 0.0);
    }

    void revisedSheetInPlaceIsIdentity() {
        // Same place, a few changes (a new note, an erased area): still proved registered.
        cv::Mat newGrey = m_old.clone();
        cv::putText(newGrey, "VERIFY ALL DIMENSIONS IN FIELD", cv::Point(300, 2000), cv::FONT_HERSHEY_SIMPLEX,
                    1.2, cv::Scalar(0), 2, cv::LINE_AA);
        newGrey(cv::Rect(2000, 500, 300, 200)).setTo(255);
        const Alignment a = alignPages(m_old, newGrey);
        QVERIFY2(a.reliable(), qPrintable(describe(a)));
        QCOMPARE(a.method, QStringLiteral("identity"));
        QVERIFY2(a.isIdentity(), qPrintable(describe(a)));
    }

    void subPixelShiftIsNotTakenForIdentity() {
        // A quarter pixel changes the anti-aliasing of every edge: not "already registered".
        const cv::Matx23d truth(1, 0, 0.25, 0, 1, 0.0);
        const Alignment a = check(makeNew(m_old, truth), truth, 0.1, 0.01);
        QVERIFY2(a.method != QLatin1String("identity"), qPrintable(describe(a)));
    }

    void rotation_data() {
        QTest::addColumn<double>("deg");
        QTest::newRow("+0.5") << 0.5;
        QTest::newRow("-0.5") << -0.5;
        QTest::newRow("+3") << 3.0;
        QTest::newRow("-3") << -3.0;
    }

    void rotation() {
        QFETCH(double, deg);
        const cv::Matx23d truth = similarity(deg, 1.0, m_centre);
        const Alignment a = check(makeNew(m_old, truth), truth, 1.0, 0.05);
        QVERIFY2(std::abs(a.scale() - 1.0) < 5e-4, qPrintable(describe(a)));
    }

    void halfSizePrint() {
        // The sheet plotted at half size: NEW has half the pixels. Pixel centres: old = 2 new + 0.5.
        const cv::Mat half = renderSheet(sheetSpec(3), kDpi / 2);
        QCOMPARE(half.cols * 2, m_old.cols);
        const cv::Matx23d truth(2, 0, 0.5, 0, 2, 0.5);
        const Alignment a = check(half, truth, 2.0, 0.05);
        QVERIFY2(std::abs(a.scale() - 2.0) < 0.002, qPrintable(describe(a)));
        // The warp brings OLD into NEW's (smaller) frame.
        const cv::Mat warped = warpOldOntoNew(m_old, a, half.size());
        QCOMPARE(warped.cols, half.cols);
        QCOMPARE(warped.rows, half.rows);
    }

    void halfSizePrintShiftedAndTurned() {
        // Half size, turned 1 degree and off-centre on the paper (made from OLD by a warp).
        const cv::Matx23d truth = similarity(1.0, 2.0, cv::Point2d(0, 0), cv::Point2d(40, -25));
        const cv::Mat newGrey = makeNew(m_old, truth, cv::Size(m_old.cols / 2, m_old.rows / 2));
        const Alignment a = check(newGrey, truth, 2.0, 0.05);
        QVERIFY2(std::abs(a.scale() - 2.0) < 0.002, qPrintable(describe(a)));
    }

    void scannedCopy_data() {
        QTest::addColumn<double>("deg");
        QTest::addColumn<double>("scale");
        QTest::newRow("0.7deg, 2% larger") << 0.7 << 1.02;
        QTest::newRow("-1.2deg, 2% smaller") << -1.2 << 0.98;
        QTest::newRow("0.3deg, same size") << 0.3 << 1.0;
        QTest::newRow("-0.15deg, 1% larger") << -0.15 << 1.01;
    }

    void scannedCopy() {
        QFETCH(double, deg);
        QFETCH(double, scale);
        // NEW is the sheet printed `scale` times larger, turned, shifted, then scanned: soft,
        // grey paper, noisy, JPEG. NEW px -> OLD px scales by 1/scale.
        const cv::Matx23d truth = similarity(-deg, 1.0 / scale, m_centre, cv::Point2d(14.0, -9.0));
        cv::Mat scan = makeNew(m_old, truth);
        cv::GaussianBlur(scan, scan, cv::Size(), 1.0);
        cv::Mat wide;
        scan.convertTo(wide, CV_16S, 0.85, 20); // paper ~237, ink ~20
        cv::Mat noise(scan.size(), CV_16S);
        cv::RNG rng(11);
        rng.fill(noise, cv::RNG::NORMAL, 0, 8.0);
        wide += noise;
        wide.convertTo(scan, CV_8U);
        std::vector<uchar> jpeg;
        cv::imencode(".jpg", scan, jpeg, {cv::IMWRITE_JPEG_QUALITY, 50});
        scan = cv::imdecode(jpeg, cv::IMREAD_GRAYSCALE);
        const Alignment a = check(scan, truth, 1.0, 0.05);
        QVERIFY2(std::abs(a.scale() - 1.0 / scale) < 5e-4, qPrintable(describe(a)));
    }

    void differentDrawingsAreUnreliable() {
        // Same border and title block, different building: no registration can make them match.
        const cv::Mat other = renderSheet(sheetSpec(8), kDpi);
        const Alignment a = alignPages(m_old, other);
        qInfo("%s", qPrintable(describe(a)));
        QVERIFY2(!a.reliable(), qPrintable(describe(a)));
        QVERIFY(a.score < AlignOptions().minReliableScore);
    }

    void titleBlockMovedOnReplot_data() {
        QTest::addColumn<int>("edit");
        QTest::newRow("new wall") << 0;
        // One object moved on its own is a change, not a part to register: it stays a region.
        QTest::newRow("moved door") << 1;
        // An edit inside the moved title block: its words are read where the block now is.
        QTest::newRow("revision") << 2;
    }

    void titleBlockMovedOnReplot() {
        // A re-plot that moves the border and title block 13 x 11 pt relative to the drawing,
        // plus one real edit. One transform cannot fit both parts: registered on the drawing,
        // the whole border and title block would be change. Piecewise alignment moves them
        // back, so the edit is found and nothing else.
        QFETCH(int, edit);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const SheetSpec base = sheetSpec(3);
        SheetSpec replot = base;
        replot.titleBlockShiftPt = QPointF(13, 11);
        if (edit == 0) replot.extraWallsIn = {QRectF(6.0, 8.0, 5.0, 0.5)};
        if (edit == 1) replot.movedDoor = 2;
        if (edit == 2) replot.revision = QStringLiteral("REV 2");
        const QString oldPath = dir.filePath(QStringLiteral("old.pdf")),
                      newPath = dir.filePath(QStringLiteral("new.pdf"));
        QCOMPARE(writeVectorSet(oldPath, {base}).size(), 1);
        const QVector<SheetLayout> layouts = writeVectorSet(newPath, {replot});
        QCOMPARE(layouts.size(), 1);
        const QString key = edit == 0   ? QStringLiteral("wall:extra0")
                            : edit == 1 ? QStringLiteral("door:2")
                                        : QStringLiteral("revision");
        // Title-block boxes in the layout are where the drawing would put them.
        const QRectF wall =
            layouts[0].value(key).translated(edit == 2 ? replot.titleBlockShiftPt : QPointF());
        QVERIFY(!wall.isEmpty());
        DocumentError error;
        const auto oldDoc = Document::open(oldPath, QString(), &error);
        QVERIFY2(oldDoc, qPrintable(error.message));
        const auto newDoc = Document::open(newPath, QString(), &error);
        QVERIFY2(newDoc, qPrintable(error.message));
        CompareSettings settings;
        settings.dpi = kDpi;
        PageResult page;
        page.oldPage = 0;
        page.newPage = 0;
        diffPage(*oldDoc, *newDoc, settings, page);
        QVERIFY2(page.error.isEmpty(), qPrintable(page.error));
        QString list;
        for (const ChangeRegion &r : page.regions)
            list += QStringLiteral(" [%1 %2 %3x%4]")
                        .arg(r.boxPt.x(), 0, 'f', 0)
                        .arg(r.boxPt.y(), 0, 'f', 0)
                        .arg(r.boxPt.width(), 0, 'f', 0)
                        .arg(r.boxPt.height(), 0, 'f', 0) +
                    QStringLiteral(" %1 -> %2")
                        .arg(r.oldText.join(QLatin1Char(' ')), r.newText.join(QLatin1Char(' ')));
        qInfo("%s; %d region(s):%s", qPrintable(describe(page.alignment)), int(page.regions.size()),
              qPrintable(list));
        // The drawing (the larger part) is what the sheet is registered on.
        QVERIFY2(cornerResidual(page.alignment.newToOld, cv::Matx23d(1, 0, 0, 0, 1, 0), m_old.size()) < 1.0,
                 qPrintable(describe(page.alignment)));
        const double pageArea = page.pageSizePt.width() * page.pageSizePt.height();
        int onWall = 0, elsewhere = 0;
        for (const ChangeRegion &r : page.regions) {
            QVERIFY2(r.boxPt.width() * r.boxPt.height() < 0.1 * pageArea, qPrintable(list));
            if (r.boxPt.intersects(wall.adjusted(-12, -12, 12, 12)))
                ++onWall;
            else
                ++elsewhere;
        }
        QVERIFY2(onWall >= 1, qPrintable(QStringLiteral("the edit is missed:") + list));
        if (edit == 2) {
            const ChangeRegion &r = page.regions.front();
            QVERIFY2(r.oldText.join(QLatin1Char(' ')).contains(QStringLiteral("REV 1")) &&
                         r.newText.join(QLatin1Char(' ')).contains(QStringLiteral("REV 2")),
                     qPrintable(list));
        }
        // The moved part is reported: NEW shows it 13 x 11 pt (18 x 15 px) down and right.
        QCOMPARE(int(page.alignment.localShifts.size()), 1);
        const LocalShift &moved = page.alignment.localShifts.front();
        QVERIFY2(std::abs(moved.shiftPx.x + 18) <= 1 && std::abs(moved.shiftPx.y + 15) <= 1,
                 qPrintable(QStringLiteral("%1, %2").arg(moved.shiftPx.x).arg(moved.shiftPx.y)));
        QVERIFY2(elsewhere == 0, qPrintable(QStringLiteral("regions away from the edit:") + list));
    }

    void blankPagesDoNotCrash() {
        const cv::Mat blank(600, 900, CV_8UC1, cv::Scalar(255));
        const Alignment a = alignPages(blank, blank.clone());
        QVERIFY(std::isfinite(a.score));
        QVERIFY(a.isIdentity());
        const Alignment empty = alignPages(cv::Mat(), blank);
        QVERIFY(!empty.reliable());
    }

    void mapWordsThroughKnownTransform() {
        // OLD at 100 dpi, NEW at 150 dpi, NEW px -> OLD px: turned 2 degrees, scaled, shifted.
        Alignment a;
        a.newToOld = similarity(2.0, 100.0 / 150.0 * 1.01, cv::Point2d(500, 300), cv::Point2d(12, -7));
        const double oldDpi = 100, newDpi = 150;
        Word w;
        w.text = QStringLiteral("REV 1");
        w.box = QRectF(1000, 600, 60, 12); // points on OLD
        const Words mapped = mapWordsOntoNew({w}, a, oldDpi, newDpi);
        QCOMPARE(mapped.size(), 1);
        QCOMPARE(mapped[0].text, w.text);

        // Expected: each corner OLD pt -> OLD px -> (inverse of newToOld) NEW px -> NEW pt.
        cv::Matx23d inv;
        cv::invertAffineTransform(a.newToOld, inv);
        double x0 = 1e9, y0 = 1e9, x1 = -1e9, y1 = -1e9;
        for (const QPointF c : {w.box.topLeft(), w.box.topRight(), w.box.bottomLeft(), w.box.bottomRight()}) {
            const cv::Point2d p =
                apply(inv, cv::Point2d(c.x() * oldDpi / 72, c.y() * oldDpi / 72)) * (72 / newDpi);
            x0 = std::min(x0, p.x), y0 = std::min(y0, p.y), x1 = std::max(x1, p.x), y1 = std::max(y1, p.y);
        }
        const QRectF expected(QPointF(x0, y0), QPointF(x1, y1));
        const QRectF &got = mapped[0].box;
        auto close = [](double u, double v) { return std::abs(u - v) < 1e-6; };
        QVERIFY2(close(got.left(), expected.left()) && close(got.top(), expected.top()) &&
                     close(got.right(), expected.right()) && close(got.bottom(), expected.bottom()),
                 qPrintable(QStringLiteral("got %1,%2 %3x%4, expected %5,%6 %7x%8")
                                .arg(got.x())
                                .arg(got.y())
                                .arg(got.width())
                                .arg(got.height())
                                .arg(expected.x())
                                .arg(expected.y())
                                .arg(expected.width())
                                .arg(expected.height())));
        // Sanity, independent of the formula above: mapping the mapped centre back (NEW pt ->
        // NEW px -> OLD px -> OLD pt) returns the original centre.
        const QPointF c = got.center();
        const cv::Point2d back =
            apply(a.newToOld, cv::Point2d(c.x() * newDpi / 72, c.y() * newDpi / 72)) * (72 / oldDpi);
        QVERIFY2(std::hypot(back.x - w.box.center().x(), back.y - w.box.center().y()) < 1e-6,
                 qPrintable(QStringLiteral("%1,%2").arg(back.x).arg(back.y)));

        // Identity at equal DPIs leaves boxes alone.
        const Words same = mapWordsOntoNew({w}, Alignment(), 150, 150);
        QCOMPARE(same[0].box, w.box);
    }

    void alignmentFromRealRecoveryMapsWords() {
        // End to end: the recovered alignment of a shifted page maps a word box onto its
        // position on NEW within a fraction of a point.
        const cv::Matx23d truth(1, 0, 30.0, 0, 1, -18.0); // NEW px -> OLD px at kDpi
        const Alignment a = alignPages(m_old, makeNew(m_old, truth));
        QVERIFY2(a.reliable(), qPrintable(describe(a)));
        Word w;
        w.text = QStringLiteral("A-103");
        w.box = QRectF(2400, 1600, 50, 20);
        const Words mapped = mapWordsOntoNew({w}, a, kDpi, kDpi);
        const QPointF expectedCentre = w.box.center() - QPointF(30.0, -18.0) * (72.0 / kDpi);
        const QPointF d = mapped[0].box.center() - expectedCentre;
        QVERIFY2(std::hypot(d.x(), d.y()) < 0.36,
                 qPrintable(QStringLiteral("off by %1,%2 pt").arg(d.x()).arg(d.y())));
    }
};

QTEST_MAIN(TestAlignment)
#include "tst_alignment.moc"
