// Change detection on generated sheets with known edits: every edit is found where the
// generator says it is, nothing else is reported, kinds and texts are right, and the overlay
// paints old-only ink red, new-only ink green and the rest grey. Scanned copies (vector OLD,
// image-only NEW) go through the production pipeline (diffPage). Raster viewports, coloured ink,
// grouping, moved ink and texts on drawn pages: tst_changeregions.

#include "changedetectorfixture.h"
#include "compare/comparison.h"
#include "diff/overlay.h"
#include "drawinggenerator.h"
#include "testutil.h"
#include "text/ocrengine.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QtTest>

#include <opencv2/imgproc.hpp>

#include <cmath>

using namespace bt;
using namespace bt::test;

namespace {

SheetSpec baseSpec() {
    return makeSheet(QStringLiteral("A-205"), QStringLiteral("LEVEL 5 FLOOR PLAN"), 5);
}

bool nearEdit(const QRectF &edit, const QRectF &region) {
    return region.intersects(edit.adjusted(-kHitGrowPt, -kHitGrowPt, kHitGrowPt, kHitGrowPt));
}

enum Edit { Note, Rename, Dimension, Revision, Wall, Door, RevRow, EditCount };

const char *editName(int e) {
    static const char *names[] = {"note added", "room renamed", "dimension edited",  "REV 1 -> REV 2",
                                  "wall added", "door moved",   "revision row added"};
    return names[e];
}

} // namespace

class TestChangeDetector : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_basePath;
    SheetLayout m_baseLayout;
    Rendered m_base;

    // The edited sheet, its PDF path and the box (NEW page points) covering everything it changes.
    SheetSpec editedSpec(int edit, QStringList *keys) const {
        SheetSpec s = baseSpec();
        const QStringList rooms = roomNames(s);
        const QStringList dims = dimensionTexts(s);
        switch (edit) {
        case Note:
            s.extraNotes << QStringLiteral(
                "VERIFY LOCATION OF ALL FLOOR DRAINS WITH PLUMBING DRAWINGS BEFORE "
                "POURING THE SLAB.");
            *keys << QStringLiteral("note:%1").arg(
                m_baseLayout.keys().filter(QStringLiteral("note:")).size());
            break;
        case Rename:
            s.roomRenames.insert(rooms.value(2), QStringLiteral("RECORDING STUDIO"));
            *keys << QStringLiteral("room:RECORDING STUDIO") << QStringLiteral("room:") + rooms.value(2);
            break;
        case Dimension: {
            const QString from =
                dims.contains(QStringLiteral("12'-6\"")) ? QStringLiteral("12'-6\"") : dims.value(3);
            const QString to =
                from == QStringLiteral("13'-0\"") ? QStringLiteral("14'-0\"") : QStringLiteral("13'-0\"");
            s.dimensionEdits.insert(from, to);
            *keys << QStringLiteral("dim:") + to << QStringLiteral("dim:") + from;
            break;
        }
        case Revision:
            s.revision = QStringLiteral("REV 2");
            *keys << QStringLiteral("revision");
            break;
        case Wall: {
            const QRectF r = roomRects(s).value(QStringLiteral("room:") + rooms.value(1));
            s.extraWallsIn << QRectF(r.left() / 72, (r.top() + 10) / 72, r.width() / 2 / 72, 4.5 / 72);
            *keys << QStringLiteral("wall:extra0");
            break;
        }
        case Door:
            s.movedDoor = 2;
            *keys << QStringLiteral("door:2");
            break;
        case RevRow:
            s.revisionRows << QStringLiteral("2 ADDENDUM 1 03/21/2025");
            *keys << QStringLiteral("revrow:2");
            break;
        }
        return s;
    }

    // Union of the boxes of `keys` on both layouts (an edit's old and new ink).
    static QRectF editBox(const QStringList &keys, const SheetLayout &oldLayout,
                          const SheetLayout &newLayout) {
        QRectF box;
        for (const QString &k : keys) {
            if (newLayout.contains(k)) box = box.united(newLayout.value(k));
            if (oldLayout.contains(k)) box = box.united(oldLayout.value(k));
        }
        return box;
    }

    static void checkNothingElse(const ChangeRegions &regions, const QRectF &edit, const QString &stage) {
        for (const ChangeRegion &r : regions)
            QVERIFY2(nearEdit(edit, r.boxPt),
                     qPrintable(QStringLiteral("%1: region away from the edit at %2: %3")
                                    .arg(stage, rectText(edit), regionsText(regions))));
    }

    // The final regions (what the user and the scorer see): one hits the edit, none is away from it.
    static void checkFoundAndNothingElse(const ChangeRegions &regions, const QRectF &edit,
                                         const QString &stage) {
        const bool found = std::any_of(regions.begin(), regions.end(),
                                       [&](const ChangeRegion &r) { return hits(edit, r.boxPt); });
        QVERIFY2(found, qPrintable(QStringLiteral("%1: edit at %2 not found; regions: %3")
                                       .arg(stage, rectText(edit), regionsText(regions))));
        for (const ChangeRegion &r : regions)
            QVERIFY2(nearEdit(edit, r.boxPt),
                     qPrintable(QStringLiteral("%1: region away from the edit at %2: %3")
                                    .arg(stage, rectText(edit), regionsText(regions))));
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_dir.setAutoRemove(!qEnvironmentVariableIsSet("BT_KEEP_TEST_FILES"));
        if (!m_dir.autoRemove()) qInfo("files kept in %s", qPrintable(m_dir.path()));
        initOcrEnvironment();
        m_basePath = m_dir.filePath(QStringLiteral("base.pdf"));
        const QVector<SheetLayout> layouts = writeVectorSet(m_basePath, {baseSpec()});
        QCOMPARE(layouts.size(), 1);
        m_baseLayout = layouts[0];
        QVERIFY(openRendered(m_basePath, m_base));
        QCOMPARE(m_base.page.dpi, kDpi);
        QVERIFY(!m_base.words.isEmpty());
    }

    void identicalPair() {
        Rendered again;
        QVERIFY(openRendered(m_basePath, again));
        const Run run = compareRendered(m_base, again);
        QVERIFY2(run.alignment.isIdentity(), qPrintable(run.alignment.method));
        QVERIFY2(run.detection.regions.isEmpty(), qPrintable(regionsText(run.detection.regions)));
        QVERIFY2(run.regions.isEmpty(), qPrintable(regionsText(run.regions)));
        QCOMPARE(cv::countNonZero(run.detection.masks.added), 0);
        QCOMPARE(cv::countNonZero(run.detection.masks.removed), 0);
    }

    void hairlineOnOtherwiseIdenticalSheet_data() {
        QTest::addColumn<bool>("added");
        QTest::newRow("added") << true;
        QTest::newRow("removed") << false;
    }

    void hairlineOnOtherwiseIdenticalSheet() {
        // Detection skips tiles (~256 px) without a possible change: a one-pixel line on an
        // otherwise identical sheet, across a tile boundary, is still found, all of it and alone.
        QFETCH(bool, added);
        const cv::Mat &base = m_base.page.grey;
        const int x0 = 400, length = 300; // across x = 512
        int y = -1;
        for (int row = 300; row < base.rows - 300 && y < 0; ++row)
            if (cv::countNonZero(base(cv::Rect(x0 - 5, row - 5, length + 10, 11)) < 255) == 0) y = row;
        QVERIFY2(y >= 0, "no blank strip on the generated sheet");
        cv::Mat edited = base.clone();
        cv::line(edited, cv::Point(x0, y), cv::Point(x0 + length - 1, y), cv::Scalar(0), 1, cv::LINE_8);
        const cv::Mat &oldGrey = added ? base : edited, &newGrey = added ? edited : base;
        const ChangeDetection d = detectChanges(oldGrey, newGrey, kDpi, ChangeOptions());
        QCOMPARE(cv::countNonZero(added ? d.masks.added : d.masks.removed), length);
        QCOMPARE(cv::countNonZero(added ? d.masks.removed : d.masks.added), 0);
        QCOMPARE(d.regions.size(), 1);
        QCOMPARE(d.regions[0].kind, added ? ChangeKind::Added : ChangeKind::Removed);
        QVERIFY2(d.regions[0].boxPx.contains(QRect(x0, y, length, 1)), qPrintable(regionsText(d.regions)));
    }

    void overlayOfChangedTilesEqualsWholePage() {
        // The overlay paints changes only in the areas the detection reports; without them it
        // looks at every tile. Both give the same image.
        const cv::Mat &base = m_base.page.grey;
        cv::Mat edited = base.clone();
        cv::line(edited, cv::Point(700, 900), cv::Point(1400, 950), cv::Scalar(0), 2, cv::LINE_AA);
        edited(cv::Rect(2000, 1000, 300, 200)).setTo(255);
        const ChangeDetection d = detectChanges(base, edited, kDpi, ChangeOptions());
        QVERIFY(d.masks.areas.has_value());
        QVERIFY(!d.masks.areas->empty());
        ChangeDetection unknown = d;
        unknown.masks.areas.reset();
        const OverlayImage withAreas = renderOverlay(base, edited, d, OverlayColours(), kDpi);
        const OverlayImage everywhere = renderOverlay(base, edited, unknown, OverlayColours(), kDpi);
        QCOMPARE(cv::norm(withAreas.index, everywhere.index, cv::NORM_INF), 0.0);
        // The new line is painted in the added colour.
        const cv::Mat bgr = withAreas.toBgr();
        const QColor addedColour = OverlayColours().added;
        QCOMPARE(bgr.at<cv::Vec3b>(925, 1050),
                 cv::Vec3b(uchar(addedColour.blue()), uchar(addedColour.green()), uchar(addedColour.red())));
    }

    void subPixelShift_data() {
        QTest::addColumn<QPointF>("shiftPt");
        QTest::addColumn<bool>("words");
        QTest::newRow("0.23,-0.17 pt, pixels only") << QPointF(0.23, -0.17) << false;
        QTest::newRow("0.23,-0.17 pt, with words") << QPointF(0.23, -0.17) << true;
        QTest::newRow("-0.31,0.4 pt, with words") << QPointF(-0.31, 0.4) << true;
    }

    void subPixelShift() {
        QFETCH(QPointF, shiftPt);
        QFETCH(bool, words);
        PrintTransform print;
        print.shiftPt = shiftPt;
        const QString path = m_dir.filePath(QStringLiteral("shifted-%1.pdf").arg(QTest::currentDataTag()));
        QCOMPARE(writeVectorSet(path, {baseSpec()}, print).size(), 1);
        Rendered shifted;
        QVERIFY(openRendered(path, shifted));
        const Run run = compareRendered(m_base, shifted, words);
        // The plot moved by (shift) on NEW, so NEW px -> OLD px is minus that. Registration
        // accuracy itself is tst_alignment's business; here only the outcome counts.
        qInfo("shift %.2f,%.2f px; recovered translation %.2f,%.2f px (%s)", shiftPt.x() * kDpi / 72,
              shiftPt.y() * kDpi / 72, -run.alignment.newToOld(0, 2), -run.alignment.newToOld(1, 2),
              qPrintable(run.alignment.method));
        QVERIFY2(run.alignment.reliable(), qPrintable(run.alignment.warning));
        QVERIFY2(run.detection.regions.isEmpty(), qPrintable(regionsText(run.detection.regions)));
        QVERIFY2(run.regions.isEmpty(), qPrintable(regionsText(run.regions)));
    }

    void singleEdit_data() {
        QTest::addColumn<int>("edit");
        for (int e = 0; e < EditCount; ++e)
            QTest::newRow(editName(e)) << e;
    }

    void singleEdit() {
        QFETCH(int, edit);
        QStringList keys;
        const SheetSpec spec = editedSpec(edit, &keys);
        const QString path = m_dir.filePath(QStringLiteral("edit-%1.pdf").arg(edit));
        const QVector<SheetLayout> layouts = writeVectorSet(path, {spec});
        QCOMPARE(layouts.size(), 1);
        const QRectF box = editBox(keys, m_baseLayout, layouts[0]);
        QVERIFY2(!box.isEmpty(), qPrintable(keys.join(',')));
        Rendered changed;
        QVERIFY(openRendered(path, changed));
        const Run run = compareRendered(m_base, changed);
        qInfo("%s at %s: %s", editName(edit), qPrintable(rectText(box)),
              qPrintable(regionsText(run.regions)));
        QVERIFY2(run.alignment.reliable(), qPrintable(run.alignment.warning));
        // detectChanges may report just the changed glyph ("1" -> "2"); attachRegionTexts widens it to
        // the phrase. Nothing may be reported away from the edit at either stage.
        checkNothingElse(run.detection.regions, box, QStringLiteral("detectChanges"));
        QVERIFY(!run.detection.regions.isEmpty());
        checkFoundAndNothingElse(run.regions, box, QStringLiteral("attachRegionTexts"));
        if (QTest::currentTestFailed()) return;

        // Kinds: pure additions are "added".
        if (edit == Note || edit == RevRow || edit == Wall) {
            for (const ChangeRegion &r : run.detection.regions)
                QVERIFY2(r.kind == ChangeKind::Added, qPrintable(regionsText(run.detection.regions)));
        }
        // Texts of text edits.
        const auto joinedNew = [&] {
            QStringList all;
            for (const ChangeRegion &r : run.regions)
                if (hits(box, r.boxPt)) all << r.newText.join(QLatin1Char(' '));
            return all.join(QStringLiteral(" | "));
        };
        if (edit == Rename)
            QVERIFY2(joinedNew().contains(QStringLiteral("RECORDING")), qPrintable(regionsText(run.regions)));
        if (edit == Dimension)
            QVERIFY2(joinedNew().contains(layouts[0].keys().contains(QStringLiteral("dim:13'-0\""))
                                              ? QStringLiteral("13'-0\"")
                                              : QStringLiteral("14'-0\"")),
                     qPrintable(regionsText(run.regions)));
    }

    void heavierPensAreNotChange_data() {
        QTest::addColumn<int>("edit");
        QTest::newRow("no edit") << -1;
        for (int e = 0; e < EditCount; ++e)
            QTest::newRow(editName(e)) << e;
    }

    void heavierPensAreNotChange() {
        // NEW plotted with every pen twice as wide (a half-size plot with the same pens, scaled
        // back): line weight is style. Nothing but the edit may be reported, and the edit must be.
        QFETCH(int, edit);
        QStringList keys;
        SheetSpec spec = edit < 0 ? baseSpec() : editedSpec(edit, &keys);
        spec.penScale = 2.0;
        const QString path = m_dir.filePath(QStringLiteral("heavy-pens-%1.pdf").arg(edit));
        const QVector<SheetLayout> layouts = writeVectorSet(path, {spec});
        QCOMPARE(layouts.size(), 1);
        Rendered heavy;
        QVERIFY(openRendered(path, heavy));
        const Run run = compareRendered(m_base, heavy);
        qInfo("heavier pens, %s: %s", edit < 0 ? "no edit" : editName(edit),
              qPrintable(regionsText(run.regions)));
        if (edit < 0) {
            QVERIFY2(run.regions.isEmpty(), qPrintable(regionsText(run.regions)));
            return;
        }
        const QRectF box = editBox(keys, m_baseLayout, layouts[0]);
        QVERIFY2(!box.isEmpty(), qPrintable(keys.join(',')));
        checkFoundAndNothingElse(run.regions, box, QStringLiteral("heavier pens"));
    }

    void removedEditIsRemoved() {
        // The note of the "note added" edit, seen the other way round: OLD has it, NEW not.
        QStringList keys;
        const SheetSpec spec = editedSpec(Note, &keys);
        const QString path = m_dir.filePath(QStringLiteral("with-note.pdf"));
        const QVector<SheetLayout> layouts = writeVectorSet(path, {spec});
        QCOMPARE(layouts.size(), 1);
        const QRectF box = editBox(keys, layouts[0], m_baseLayout);
        Rendered withNote;
        QVERIFY(openRendered(path, withNote));
        const Run run = compareRendered(withNote, m_base);
        qInfo("note removed at %s: %s", qPrintable(rectText(box)), qPrintable(regionsText(run.regions)));
        checkFoundAndNothingElse(run.regions, box, QStringLiteral("note removed"));
        if (QTest::currentTestFailed()) return;
        QVERIFY(!run.detection.regions.isEmpty());
        for (const ChangeRegion &r : run.detection.regions)
            QVERIFY2(r.kind == ChangeKind::Removed, qPrintable(regionsText(run.detection.regions)));
        for (const ChangeRegion &r : run.regions)
            QVERIFY2(r.kind == ChangeKind::Removed && r.newText.isEmpty() && !r.oldText.isEmpty(),
                     qPrintable(regionsText(run.regions)));
    }

    void revisionTexts() {
        QStringList keys;
        const QString path = m_dir.filePath(QStringLiteral("rev2.pdf"));
        QCOMPARE(writeVectorSet(path, {editedSpec(Revision, &keys)}).size(), 1);
        Rendered rev2;
        QVERIFY(openRendered(path, rev2));
        const Run run = compareRendered(m_base, rev2);
        const QRectF box = m_baseLayout.value(QStringLiteral("revision"));
        QVERIFY2(run.regions.size() == 1, qPrintable(regionsText(run.regions)));
        const ChangeRegion &r = run.regions.first();
        QVERIFY2(hits(box, r.boxPt), qPrintable(regionsText(run.regions)));
        QCOMPARE(r.oldText.join(QLatin1Char(' ')), QStringLiteral("REV 1"));
        QCOMPARE(r.newText.join(QLatin1Char(' ')), QStringLiteral("REV 2"));
        QCOMPARE(r.kind, ChangeKind::Modified);
        QCOMPARE(r.id, 1);
        // The pixel box follows the point box.
        QVERIFY(std::abs(r.boxPx.x() - r.boxPt.x() * kDpi / 72) <= 1.0);
        QVERIFY(std::abs(r.boxPx.width() - r.boxPt.width() * kDpi / 72) <= 2.0);
    }

    void overlayColours() {
        // OLD has an extra note that NEW lacks (old-only ink); NEW has an extra wall (new-only ink)
        // and a renamed room (both, overlapping).
        QStringList keys;
        SheetSpec newSpec = editedSpec(Wall, &keys);
        newSpec.roomRenames = editedSpec(Rename, &keys).roomRenames;
        const QString oldPath = m_dir.filePath(QStringLiteral("overlay-old.pdf"));
        const QString newPath = m_dir.filePath(QStringLiteral("overlay-new.pdf"));
        QCOMPARE(writeVectorSet(oldPath, {editedSpec(Note, &keys)}).size(), 1);
        QCOMPARE(writeVectorSet(newPath, {newSpec}).size(), 1);
        Rendered oldSide, newSide;
        QVERIFY(openRendered(oldPath, oldSide));
        QVERIFY(openRendered(newPath, newSide));
        const Run run = compareRendered(oldSide, newSide);
        qInfo("overlay pair: %s", qPrintable(regionsText(run.detection.regions)));
        QVERIFY(!run.detection.regions.isEmpty());
        const cv::Mat &o = run.alignedOld, &n = run.newGrey;

        // Independent of the masks: where only one side has ink (with a 2 px margin for
        // anti-aliasing and the overlay's one-pixel rim).
        const cv::Mat k2 = cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(5, 5));
        cv::Mat oldOnlyZone, newOnlyZone, oldNear, newNear;
        cv::dilate((o < 200) & (n > o + 60), oldOnlyZone, k2);
        cv::dilate((n < 200) & (o > n + 60), newOnlyZone, k2);
        cv::dilate(o < 230, oldNear, k2);
        cv::dilate(n < 230, newNear, k2);
        const cv::Mat clearOldOnly = (o < 100) & ~newNear; // certainly old-only ink
        const cv::Mat clearNewOnly = (n < 100) & ~oldNear;
        QVERIFY(cv::countNonZero(clearOldOnly) > 20);
        QVERIFY(cv::countNonZero(clearNewOnly) > 20);

        // Clouds and their number tags: away from these, everything must be grey or white.
        const double pxPerPt = kDpi / 72;
        cv::Mat cloudZone = cv::Mat::zeros(n.size(), CV_8U);
        for (const ChangeRegion &r : run.detection.regions) {
            const int m = int(std::lround(25 * pxPerPt));
            cv::rectangle(
                cloudZone,
                cv::Rect(r.boxPx.x() - m, r.boxPx.y() - m, r.boxPx.width() + 2 * m, r.boxPx.height() + 2 * m),
                cv::Scalar(255), cv::FILLED);
        }

        for (const bool colourBlind : {false, true}) {
            OverlayColours colours;
            QVERIFY(OverlayColours::fromPreset(
                colourBlind ? QStringLiteral("colorblind") : QStringLiteral("standard"), &colours));
            const OverlayColours expected =
                colourBlind ? OverlayColours::colourBlindSafe() : OverlayColours::standard();
            QCOMPARE(colours.removed, expected.removed);
            QCOMPARE(colours.added, expected.added);
            const OverlayImage image =
                renderOverlay(run.alignedOld, run.newGrey, run.detection, colours, kDpi);
            const cv::Mat overlay = image.toBgr();
            QCOMPARE(overlay.type(), CV_8UC3);
            QCOMPARE(overlay.size(), n.size());

            const cv::Vec3b red(uchar(colours.removed.blue()), uchar(colours.removed.green()),
                                uchar(colours.removed.red()));
            const cv::Vec3b green(uchar(colours.added.blue()), uchar(colours.added.green()),
                                  uchar(colours.added.red()));
            const cv::Vec3b stdRed(30, 30, 220), stdGreen(40, 160, 20);
            // A pixel "is" a change colour when it is the colour blended with white at some
            // coverage: close to the line from white to the colour.
            auto towards = [](const cv::Vec3b &px, const cv::Vec3b &c) {
                // coverage estimate from the channel that differs most from white
                int best = 0;
                for (int k = 1; k < 3; ++k)
                    if (255 - c[k] > 255 - c[best]) best = k;
                const double a = (255.0 - px[best]) / std::max(1, 255 - c[best]);
                if (a < 0.35 || a > 1.05) return false;
                for (int k = 0; k < 3; ++k)
                    if (std::abs(px[k] - (255 - a * (255 - c[k]))) > 30) return false;
                return true;
            };
            int redOutside = 0, greenOutside = 0, notGrey = 0, exactRed = 0, exactGreen = 0, stdColoured = 0;
            int oldOnlyRed = 0, newOnlyGreen = 0, oldOnlyTotal = 0, newOnlyTotal = 0, darkUncoloured = 0;
            QString firstProblem;
            for (int y = 0; y < n.rows; ++y) {
                const cv::Vec3b *row = overlay.ptr<cv::Vec3b>(y);
                for (int x = 0; x < n.cols; ++x) {
                    const cv::Vec3b px = row[x];
                    const bool isRed = towards(px, red), isGreen = towards(px, green);
                    if (isRed && !oldOnlyZone.at<uchar>(y, x)) {
                        if (firstProblem.isEmpty())
                            firstProblem = QStringLiteral("red at %1,%2 (old %3 new %4)")
                                               .arg(x)
                                               .arg(y)
                                               .arg(o.at<uchar>(y, x))
                                               .arg(n.at<uchar>(y, x));
                        ++redOutside;
                    }
                    if (isGreen && !newOnlyZone.at<uchar>(y, x)) {
                        if (firstProblem.isEmpty())
                            firstProblem = QStringLiteral("green at %1,%2 (old %3 new %4)")
                                               .arg(x)
                                               .arg(y)
                                               .arg(o.at<uchar>(y, x))
                                               .arg(n.at<uchar>(y, x));
                        ++greenOutside;
                    }
                    exactRed += px == red;
                    exactGreen += px == green;
                    if (colourBlind) stdColoured += px == stdRed || px == stdGreen;
                    if (clearOldOnly.at<uchar>(y, x)) {
                        ++oldOnlyTotal;
                        oldOnlyRed += isRed;
                    }
                    if (clearNewOnly.at<uchar>(y, x)) {
                        ++newOnlyTotal;
                        newOnlyGreen += isGreen;
                    }
                    if (!cloudZone.at<uchar>(y, x)) {
                        const bool grey = std::abs(px[0] - px[1]) <= 2 && std::abs(px[1] - px[2]) <= 2;
                        if (!grey) ++notGrey;
                        // Ink of either side shows (grey) wherever it is.
                        if (std::min(o.at<uchar>(y, x), n.at<uchar>(y, x)) < 60 && px[0] > 245)
                            ++darkUncoloured;
                    }
                }
            }
            qInfo("%s: exact removed %d, exact added %d, old-only ink red %d/%d, new-only ink green %d/%d",
                  colourBlind ? "colorblind" : "standard", exactRed, exactGreen, oldOnlyRed, oldOnlyTotal,
                  newOnlyGreen, newOnlyTotal);
            QVERIFY2(redOutside == 0 && greenOutside == 0,
                     qPrintable(
                         QStringLiteral("%1 red / %2 green pixels where the ink is not one-sided; first: %3")
                             .arg(redOutside)
                             .arg(greenOutside)
                             .arg(firstProblem)));
            QVERIFY2(notGrey == 0,
                     qPrintable(QStringLiteral("%1 coloured pixels away from the changes").arg(notGrey)));
            QCOMPARE(darkUncoloured, 0);
            QVERIFY(exactRed > 0);
            QVERIFY(exactGreen > 0);
            QVERIFY2(oldOnlyRed >= 0.9 * oldOnlyTotal,
                     qPrintable(QStringLiteral("%1/%2").arg(oldOnlyRed).arg(oldOnlyTotal)));
            QVERIFY2(newOnlyGreen >= 0.9 * newOnlyTotal,
                     qPrintable(QStringLiteral("%1/%2").arg(newOnlyGreen).arg(newOnlyTotal)));
            QCOMPARE(stdColoured, 0);
            // Unchanged ink in the preset's grey: the darkest neutral pixel is that grey at 75 %.
            double darkestGrey = 255;
            for (int y = 0; y < n.rows; y += 2)
                for (int x = 0; x < n.cols; x += 2) {
                    const cv::Vec3b px = overlay.at<cv::Vec3b>(y, x);
                    if (!cloudZone.at<uchar>(y, x)) darkestGrey = std::min<double>(darkestGrey, px[0]);
                }
            const double expectedGrey = 255 - 0.75 * (255 - colours.unchanged.red());
            QVERIFY2(std::abs(darkestGrey - expectedGrey) <= 3,
                     qPrintable(
                         QStringLiteral("darkest grey %1, expected %2").arg(darkestGrey).arg(expectedGrey)));
        }
    }

    void scannedUnchanged() {
        PrintTransform print;
        print.rotationDeg = 0.3;
        print.shiftPt = QPointF(4, -3);
        ScanOptions scan;
        scan.dpi = kDpi;
        const QString path = m_dir.filePath(QStringLiteral("scan-same.pdf"));
        QCOMPARE(writeScannedSet(path, {baseSpec()}, print, scan).size(), 1);
        DocumentError error;
        const auto newDoc = Document::open(path, QString(), &error);
        QVERIFY2(newDoc, qPrintable(error.message));
        CompareSettings settings;
        settings.dpi = kDpi;
        PageResult page;
        page.oldPage = 0;
        page.newPage = 0;
        QElapsedTimer timer;
        timer.start();
        diffPage(*m_base.doc, *newDoc, settings, page);
        qInfo("scanned copy, unchanged: %lld ms, alignment %s (score %.3f, rot %.3f), %d region(s): %s",
              timer.elapsed(), qPrintable(page.alignment.method), page.alignment.score,
              page.alignment.rotationDeg(), int(page.regions.size()), qPrintable(regionsText(page.regions)));
        QVERIFY2(page.error.isEmpty(), qPrintable(page.error));
        QVERIFY(page.diffDone);
        QVERIFY2(page.alignment.reliable(), qPrintable(page.alignment.warning));
        QVERIFY2(
            page.regions.size() <= 2,
            qPrintable(
                QStringLiteral("%1 regions: %2").arg(page.regions.size()).arg(regionsText(page.regions))));
        // The scan is turned 0.3 degree clockwise: NEW -> OLD turns back.
        QVERIFY2(std::abs(page.alignment.rotationDeg() + 0.3) < 0.05,
                 qPrintable(QString::number(page.alignment.rotationDeg())));
    }

    void scannedEdited() {
        SheetSpec spec = baseSpec();
        QStringList allKeys;
        QVector<QStringList> editKeys;
        for (int e : {Note, Rename, Dimension, Revision, Wall, RevRow}) {
            QStringList keys;
            const SheetSpec one = editedSpec(e, &keys);
            spec.extraNotes += one.extraNotes;
            for (auto it = one.roomRenames.cbegin(); it != one.roomRenames.cend(); ++it)
                spec.roomRenames.insert(it.key(), it.value());
            for (auto it = one.dimensionEdits.cbegin(); it != one.dimensionEdits.cend(); ++it)
                spec.dimensionEdits.insert(it.key(), it.value());
            spec.extraWallsIn += one.extraWallsIn;
            spec.revisionRows += one.revisionRows;
            if (one.revision != spec.revision && e == Revision) spec.revision = one.revision;
            editKeys << keys;
        }
        PrintTransform print;
        print.rotationDeg = -0.25;
        print.shiftPt = QPointF(-3, 5);
        ScanOptions scan;
        scan.dpi = kDpi;
        const QString path = m_dir.filePath(QStringLiteral("scan-edited.pdf"));
        const QVector<SheetLayout> layouts = writeScannedSet(path, {spec}, print, scan);
        QCOMPARE(layouts.size(), 1);
        // Base boxes of the edited elements, mapped the same way the scan maps its layout.
        const QVector<SheetLayout> baseOnScan =
            writeScannedSet(m_dir.filePath(QStringLiteral("scan-base-layout.pdf")), {baseSpec()}, print,
                            ScanOptions{20, 0, 0, 0, 1});
        QCOMPARE(baseOnScan.size(), 1);
        DocumentError error;
        const auto newDoc = Document::open(path, QString(), &error);
        QVERIFY2(newDoc, qPrintable(error.message));
        CompareSettings settings;
        settings.dpi = kDpi;
        PageResult page;
        page.oldPage = 0;
        page.newPage = 0;
        QElapsedTimer timer;
        timer.start();
        diffPage(*m_base.doc, *newDoc, settings, page);
        qInfo("scanned copy, 6 edits: %lld ms, alignment %s (score %.3f, rot %.3f), %d region(s): %s",
              timer.elapsed(), qPrintable(page.alignment.method), page.alignment.score,
              page.alignment.rotationDeg(), int(page.regions.size()), qPrintable(regionsText(page.regions)));
        QVERIFY2(page.error.isEmpty(), qPrintable(page.error));
        QVERIFY2(page.alignment.reliable(), qPrintable(page.alignment.warning));
        QStringList missed;
        QVector<QRectF> boxes;
        for (int i = 0; i < editKeys.size(); ++i) {
            const QRectF box = editBox(editKeys[i], baseOnScan[0], layouts[0]);
            boxes << box;
            const bool found = std::any_of(page.regions.begin(), page.regions.end(),
                                           [&](const ChangeRegion &r) { return hits(box, r.boxPt); });
            if (!found) missed << editKeys[i].first() + QLatin1Char(' ') + rectText(box);
        }
        int stray = 0;
        for (const ChangeRegion &r : page.regions)
            stray +=
                std::none_of(boxes.begin(), boxes.end(), [&](const QRectF &b) { return hits(b, r.boxPt); });
        qInfo("scanned copy, 6 edits: %d missed, %d region(s) hitting no edit", int(missed.size()), stray);
        QVERIFY2(
            missed.isEmpty() && stray <= 2,
            qPrintable(QStringLiteral("missed: %1; %2 region(s) hit no edit (at most 2 allowed); regions: %3")
                           .arg(missed.isEmpty() ? QStringLiteral("none") : missed.join(QStringLiteral(", ")))
                           .arg(stray)
                           .arg(regionsText(page.regions))));
    }
    void scannedOnDarkBedWithHoles() {
        // A scan that shows the scanner's dark bed along two edges of the paper (the sheet lies
        // shifted and turned on the glass) and three punched binder holes, with one real edit:
        // the bed, the paper's edge and the holes are not drawing, so exactly the edit is clouded.
        QStringList keys;
        const SheetSpec spec = editedSpec(Wall, &keys);
        PrintTransform print;
        print.rotationDeg = 0.4;
        print.shiftPt = QPointF(14, 10);
        ScanOptions scan;
        scan.dpi = kDpi;
        scan.noiseSigma = 8;
        scan.bedGrey = 35;
        scan.punchedHoles = 3;
        const QString path = m_dir.filePath(QStringLiteral("scan-bed-holes.pdf"));
        const QVector<SheetLayout> layouts = writeScannedSet(path, {spec}, print, scan);
        QCOMPARE(layouts.size(), 1);
        const QVector<SheetLayout> baseOnScan =
            writeScannedSet(m_dir.filePath(QStringLiteral("scan-bed-base-layout.pdf")), {baseSpec()}, print,
                            ScanOptions{20, 0, 0, 0, 1});
        QCOMPARE(baseOnScan.size(), 1);
        const QRectF edit = editBox(keys, baseOnScan[0], layouts[0]);
        DocumentError error;
        const auto newDoc = Document::open(path, QString(), &error);
        QVERIFY2(newDoc, qPrintable(error.message));
        CompareSettings settings;
        settings.dpi = kDpi;
        PageResult page;
        page.oldPage = 0;
        page.newPage = 0;
        diffPage(*m_base.doc, *newDoc, settings, page);
        qInfo("scan on a dark bed with holes, 1 edit at %s: alignment %s (score %.3f, rot %.3f), %d "
              "region(s): %s",
              qPrintable(rectText(edit)), qPrintable(page.alignment.method), page.alignment.score,
              page.alignment.rotationDeg(), int(page.regions.size()), qPrintable(regionsText(page.regions)));
        QVERIFY2(page.error.isEmpty(), qPrintable(page.error));
        QVERIFY2(page.alignment.reliable(), qPrintable(page.alignment.warning));
        QVERIFY2(page.regions.size() == 1 && hits(edit, page.regions[0].boxPt),
                 qPrintable(QStringLiteral("expected one region on the edit at %1; regions: %2")
                                .arg(rectText(edit), regionsText(page.regions))));
        // One cloud on the edit, not an edge-long one that swallows it.
        QVERIFY2(page.regions[0].boxPt.width() < 4 * edit.width() + 2 * kHitGrowPt,
                 qPrintable(regionsText(page.regions)));
    }
};

QTEST_MAIN(TestChangeDetector)
#include "tst_changedetector.moc"
