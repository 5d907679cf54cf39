// Change detection on drawn pages, beside the generated sheet of tst_changedetector: raster
// viewports (SketchUp LayOut) and light-coloured ink, colour themes, edges moved out, a glyph
// past its word box, which close changes stay separate, displaced ink reported as moved, hidden
// text-layer tokens, and when an OCR reading is a text change.

#include "changedetectorfixture.h"
#include "compare/comparison.h"
#include "compare/regionocr.h"
#include "diff/movedink.h"
#include "diff/textcheck.h"
#include "diff/textrespacing.h"
#include "testutil.h"

#include <QBuffer>
#include <QPainter>
#include <QPdfWriter>
#include <QTemporaryDir>
#include <QtTest>

#include <opencv2/imgproc.hpp>

#include <cmath>
#include <random>

using namespace bt;
using namespace bt::test;

namespace {

// A bare page with text lines drawn where `lines` say, and the words a text layer would give
// for them (boxes in points). For edits placed more tightly than the sheet generator places them.
struct TextLine {
    QPointF baselinePt; // start of the line's baseline
    QString text;
};

cv::Mat drawTextPage(const QVector<TextLine> &lines, Words *words) {
    const double pxPerPt = kDpi / 72.0;
    cv::Mat page(int(300 * pxPerPt), int(400 * pxPerPt), CV_8U, cv::Scalar(255));
    const int font = cv::FONT_HERSHEY_SIMPLEX;
    const double scale = 0.45; // about 6 pt capitals at 150 dpi
    for (const TextLine &line : lines) {
        double x = line.baselinePt.x() * pxPerPt;
        const int y = int(std::lround(line.baselinePt.y() * pxPerPt));
        for (const QString &w : line.text.split(QLatin1Char(' '))) {
            int base = 0;
            const cv::Size size = cv::getTextSize(w.toStdString(), font, scale, 1, &base);
            cv::putText(page, w.toStdString(), cv::Point(int(x), y), font, scale, cv::Scalar(0), 1,
                        cv::LINE_8);
            words->append(Word{w, QRectF(x / pxPerPt, (y - size.height) / pxPerPt, size.width / pxPerPt,
                                         (size.height + base) / pxPerPt)});
            int spaceBase = 0;
            x += size.width + cv::getTextSize("n", font, scale, 1, &spaceBase).width;
        }
    }
    return page;
}

} // namespace

class TestChangeRegions : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // A 17 x 11 in sheet of black linework and text, plus `note` in `noteColour` when given, and
    // every line in `lineColour`: what a CAD theme or a coloured markup layer does.
    QString colouredSheet(const QString &name, QColor lineColour, const QString &note, QColor noteColour) {
        const QString path = m_dir.filePath(name);
        QPdfWriter writer(path);
        writer.setPageSize(QPageSize(QSizeF(17, 11), QPageSize::Inch));
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        writer.setResolution(72);
        QPainter p(&writer);
        p.setPen(QPen(lineColour, 1.5));
        for (int i = 0; i < 12; ++i) {
            p.drawLine(QPointF(72 + i * 80, 100), QPointF(72 + i * 80, 700));
            p.drawLine(QPointF(72, 100 + i * 50), QPointF(1000, 100 + i * 50));
        }
        p.setFont(QFont(QStringLiteral("DejaVu Sans"), 14));
        p.drawText(QPointF(1010, 760), QStringLiteral("A-101 FLOOR PLAN"));
        if (!note.isEmpty()) {
            p.setPen(noteColour);
            p.drawText(QPointF(200, 740), note);
        }
        return p.end() ? path : QString();
    }

    // A 11 x 8.5 in sheet like a SketchUp LayOut page: a raster viewport showing plywood (a
    // mid-tone wood texture with grain, drawn as an image; `jpegQuality` > 0 re-compresses it
    // first, as another export of the same view does) with vector dimensions over and beside it.
    // With `edited`: a new partition drawn light grey over the texture and an orange note on the
    // white paper beside the viewport.
    QString layoutSheet(const QString &name, int jpegQuality, bool edited) {
        static const QImage wood = [] {
            QImage image(900, 600, QImage::Format_RGB32);
            std::mt19937 random(7);
            std::normal_distribution<double> noise(0.0, 6.0);
            for (int y = 0; y < image.height(); ++y) {
                auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
                for (int x = 0; x < image.width(); ++x) {
                    // Grain: wavy bands along x, finer streaks, pores; ply seams every 150 px.
                    const double warp = 9 * std::sin(x / 53.0) + 4 * std::sin(x / 17.0 + y / 90.0);
                    const double grain = 0.6 * std::sin((y + warp) / 5.5) + 0.4 * std::sin((y + warp) / 2.1);
                    const double seam = (y % 150) < 3 ? -35 : 0;
                    const double v = 22 * grain + seam + noise(random);
                    line[x] = qRgb(std::clamp(int(196 + v), 0, 255), std::clamp(int(150 + v), 0, 255),
                                   std::clamp(int(100 + v), 0, 255));
                }
            }
            return image;
        }();
        QImage texture = wood;
        if (jpegQuality > 0) {
            QByteArray bytes;
            QBuffer buffer(&bytes);
            buffer.open(QIODevice::WriteOnly);
            texture.save(&buffer, "JPEG", jpegQuality);
            texture = QImage::fromData(bytes, "JPEG").convertToFormat(QImage::Format_RGB32);
        }
        const QString path = m_dir.filePath(name);
        QPdfWriter writer(path);
        writer.setPageSize(QPageSize(QSizeF(11, 8.5), QPageSize::Inch));
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        writer.setResolution(72);
        QPainter p(&writer);
        const QRectF viewport(60, 60, 450, 300);
        p.drawImage(viewport, texture);
        p.setPen(QPen(Qt::black, 0.7));
        p.setFont(QFont(QStringLiteral("DejaVu Sans"), 8));
        // Dimensions along the viewport's top and left edges and across the texture.
        const auto dimension = [&](QPointF a, QPointF b, const QString &text) {
            p.drawLine(a, b);
            for (const QPointF &end : {a, b})
                p.drawLine(end + QPointF(-3, 3), end + QPointF(3, -3));
            p.drawText((a + b) / 2 + QPointF(-12, -3), text);
        };
        dimension(QPointF(60, 48), QPointF(510, 48), QStringLiteral("18'-9\""));
        dimension(QPointF(48, 60), QPointF(48, 360), QStringLiteral("12'-6\""));
        dimension(QPointF(90, 200), QPointF(300, 200), QStringLiteral("8'-9\""));
        p.drawRect(QRectF(540, 60, 200, 120));
        p.drawText(QPointF(550, 80), QStringLiteral("PLYWOOD SHEATHING 3/4\""));
        p.drawText(QPointF(60, 560), QStringLiteral("A-301 INTERIOR ELEVATION"));
        if (edited) {
            p.setPen(QPen(QColor(200, 200, 200), 2.5));
            p.drawLine(QPointF(380, 80), QPointF(380, 340));
            p.setPen(QColor(0xf0, 0xa0, 0x30));
            p.drawText(QPointF(560, 420), QStringLiteral("NEW PARTITION, VERIFY IN FIELD"));
        }
        return p.end() ? path : QString();
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_dir.setAutoRemove(!qEnvironmentVariableIsSet("BT_KEEP_TEST_FILES"));
        if (!m_dir.autoRemove()) qInfo("files kept in %s", qPrintable(m_dir.path()));
    }

    // Raster viewports (SketchUp LayOut): a new partition drawn light grey over a plywood texture
    // is a change though the texture around it is as dark as ink; an orange note is ink; the
    // texture itself is no change, also when one export compressed it as JPEG and the other not.
    void rasterViewportAndLightInk() {
        const QString plain = layoutSheet(QStringLiteral("layout-png.pdf"), 0, false);
        const QString jpeg = layoutSheet(QStringLiteral("layout-jpeg.pdf"), 60, false);
        const QString edited = layoutSheet(QStringLiteral("layout-edited.pdf"), 0, true);
        QVERIFY(!plain.isEmpty() && !jpeg.isEmpty() && !edited.isEmpty());
        CompareSettings settings;
        settings.dpi = kDpi;
        const auto diff = [&](const QString &oldPath, const QString &newPath, PageResult &page) {
            DocumentError error;
            const auto oldDoc = Document::open(oldPath, QString(), &error);
            const auto newDoc = Document::open(newPath, QString(), &error);
            if (!oldDoc || !newDoc) return false;
            page.oldPage = 0;
            page.newPage = 0;
            diffPage(*oldDoc, *newDoc, settings, page);
            return page.error.isEmpty();
        };
        for (const QString &other : {plain, jpeg}) {
            PageResult same;
            QVERIFY(diff(plain, other, same));
            QVERIFY2(same.regions.isEmpty(), qPrintable(QStringLiteral("%1: %2").arg(
                                                 QFileInfo(other).fileName(), regionsText(same.regions))));
        }
        // OLD's texture re-compressed, NEW's not: only the two edits.
        PageResult page;
        QVERIFY(diff(jpeg, edited, page));
        const QRectF partition(377, 78, 6, 264), note(555, 405, 170, 20);
        const auto hit = [&](const QRectF &edit) {
            return std::count_if(page.regions.begin(), page.regions.end(),
                                 [&](const ChangeRegion &r) { return hits(edit, r.boxPt); });
        };
        QVERIFY2(
            page.regions.size() == 2 && hit(partition) == 1 && hit(note) == 1,
            qPrintable(QStringLiteral("expected one region on the partition at %1 and one on the note at "
                                      "%2; regions: %3")
                           .arg(rectText(partition), rectText(note), regionsText(page.regions))));
    }

    // A box widened to fit a new entry grows on one edge; a heavier pen grows every line of the
    // sheet. The filled box whose right edge moved out by 3 pt (an Altium sheet symbol; its fill is
    // ink in the darkest channel) is a change along the whole edge; the same sheet plotted with a
    // heavier pen is none. At 220 DPI, where the widest stroke looked for as a weight change
    // (2.5 pt) is most of the widening.
    void edgeMovedOutIsNoHeavierPen() {
        const auto sheet = [&](const QString &name, double widenedPt, double penPt) {
            const QString path = m_dir.filePath(name);
            QPdfWriter writer(path);
            writer.setPageSize(QPageSize(QSizeF(11, 8.5), QPageSize::Inch));
            writer.setPageMargins(QMarginsF(0, 0, 0, 0));
            writer.setResolution(72);
            QPainter p(&writer);
            p.setPen(QPen(QColor(128, 0, 0), 0.6));
            p.setBrush(QColor(128, 255, 128));
            p.drawRect(QRectF(100, 100, 100 + widenedPt, 150));
            p.setBrush(Qt::NoBrush);
            p.setPen(QPen(Qt::black, penPt));
            p.drawRect(QRectF(400, 100, 100, 150));
            for (int i = 0; i < 6; ++i) {
                p.drawLine(QPointF(30, 115 + 20 * i), QPointF(100, 115 + 20 * i));
                p.drawLine(QPointF(500, 115 + 20 * i), QPointF(600, 115 + 20 * i));
            }
            p.setFont(QFont(QStringLiteral("DejaVu Sans"), 8));
            p.drawText(QPointF(110, 90), QStringLiteral("Alarms"));
            p.drawText(QPointF(410, 90), QStringLiteral("Sensors"));
            return p.end() ? path : QString();
        };
        Rendered o, widened, heavier;
        QVERIFY(openRendered(sheet(QStringLiteral("boxes-old.pdf"), 0, 0.5), o, 220) &&
                openRendered(sheet(QStringLiteral("boxes-widened.pdf"), 3, 0.5), widened, 220) &&
                openRendered(sheet(QStringLiteral("boxes-heavier.pdf"), 0, 2.4), heavier, 220));
        const Run run = compareRendered(o, widened);
        const QRectF edge(199, 99, 5, 152);
        QVERIFY2(run.regions.size() == 1 && hits(edge, run.regions[0].boxPt) &&
                     run.regions[0].boxPt.height() > 0.8 * edge.height(),
                 qPrintable(QStringLiteral("expected one region on the widened edge at %1; regions: %2")
                                .arg(rectText(edge), regionsText(run.regions))));
        const Run pen = compareRendered(o, heavier);
        QVERIFY2(pen.regions.isEmpty(),
                 qPrintable(QStringLiteral("heavier pen: %1").arg(regionsText(pen.regions))));
        // The heavier pen left ink beyond the position tolerance (0.6 pt): it was dropped as weight.
        cv::Mat oldNear;
        cv::dilate(o.page.grey < 230, oldNear, cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(5, 5)));
        QVERIFY(cv::countNonZero((heavier.page.grey < 160) & ~oldNear) > 1000);
    }

    // Stroke fonts (KiCad, AutoCAD SHX) draw glyphs past the boxes of the invisible text laid over
    // them. A changed last letter ("1.04c" -> "1.05", the geometry of the KiCad pair's title
    // block) is changed ink mostly beside its word's box: it still takes its phrase, so the cloud
    // covers the whole changed field and says what changed, instead of a 7-pt sliver without text.
    void changedGlyphPastItsWordBoxTakesTheWord() {
        const Words oldWords = {Word{QStringLiteral("Rev:"), QRectF(745.5, 546.0, 12.8, 5.4), 100},
                                Word{QStringLiteral("1.04c"), QRectF(760.0, 546.0, 14.8, 5.4), 100}};
        const Words newWords = {Word{QStringLiteral("Rev:"), QRectF(745.5, 546.0, 12.8, 5.4), 100},
                                Word{QStringLiteral("1.05"), QRectF(760.0, 546.0, 11.5, 5.4), 100}};
        ChangeRegion glyph;
        glyph.boxPt = QRectF(772.7, 544.9, 6.9, 5.9);
        glyph.addedPx = 20;
        glyph.removedPx = 60;
        ChangeRegions regions{glyph};
        attachRegionTexts(regions, oldWords, newWords, 150);
        QCOMPARE(regions.size(), 1);
        QCOMPARE(regions[0].oldText.join(QLatin1Char(' ')), QStringLiteral("Rev: 1.04c"));
        QCOMPARE(regions[0].newText.join(QLatin1Char(' ')), QStringLiteral("Rev: 1.05"));
        QVERIFY2(regions[0].boxPt.contains(QRectF(760.0, 546.0, 14.8, 5.4)),
                 qPrintable(rectText(regions[0].boxPt)));
    }

    // Orange or yellow markup is ink: a note added in a light colour is a change (its luminance,
    // 170-230, is paper-light for an ink threshold), and the same drawing with a colour theme's
    // dark blue linework instead of black is no change at all.
    void lightColouredInkAndColourThemes() {
        const QString base = colouredSheet(QStringLiteral("black.pdf"), Qt::black, QString(), {});
        const QString orange =
            colouredSheet(QStringLiteral("orange-note.pdf"), Qt::black,
                          QStringLiteral("NOTE 7: VERIFY ALL DIMENSIONS IN FIELD"), QColor(255, 170, 0));
        const QString yellow =
            colouredSheet(QStringLiteral("yellow-note.pdf"), Qt::black,
                          QStringLiteral("NOTE 7: VERIFY ALL DIMENSIONS IN FIELD"), QColor(230, 220, 0));
        const QString themed = colouredSheet(QStringLiteral("themed.pdf"), QColor(0, 0, 132), QString(), {});
        Rendered b, o, y, t;
        QVERIFY(openRendered(base, b) && openRendered(orange, o) && openRendered(yellow, y) &&
                openRendered(themed, t));
        const QRectF notePt(190, 715, 450, 35);
        for (const Rendered *edited : {&o, &y}) {
            const Run run = compareRendered(b, *edited);
            QVERIFY2(
                std::any_of(run.regions.begin(), run.regions.end(),
                            [&](const ChangeRegion &r) { return r.boxPt.intersects(notePt); }),
                qPrintable(
                    QStringLiteral("%1 regions, none on the light-coloured note").arg(run.regions.size())));
        }
        const Run theme = compareRendered(b, t);
        QVERIFY2(theme.regions.isEmpty(),
                 qPrintable(QStringLiteral("%1 regions for a colour theme").arg(theme.regions.size())));
    }

    // Issue 14 item 4: several independent text edits close together (a note, a reference and a
    // dimension on consecutive lines, a few points apart, each starting elsewhere) are one cloud
    // each, covering the changed line whole and reporting only that line's words - not one cloud
    // over all of them listing every word in its box.
    void closeTextEditsStaySeparate() {
        const QVector<TextLine> oldLines{{{40, 100}, QStringLiteral("NOTE 4 SEAL ALL JOINTS")},
                                         {{75, 110}, QStringLiteral("SEE DETAIL 5")},
                                         {{95, 120}, QStringLiteral("24 MM")},
                                         {{40, 130}, QStringLiteral("UNCHANGED TEXT BELOW")}};
        QVector<TextLine> newLines = oldLines;
        newLines[0].text = QStringLiteral("NOTE 4 CAULK ALL JOINTS");
        newLines[1].text = QStringLiteral("SEE DETAIL 7");
        newLines[2].text = QStringLiteral("30 MM");
        Words oldWords, newWords;
        const cv::Mat oldPage = drawTextPage(oldLines, &oldWords);
        const cv::Mat newPage = drawTextPage(newLines, &newWords);
        ChangeRegions regions =
            detectChanges(oldPage, newPage, kDpi, ChangeOptions(), oldWords, newWords).regions;
        attachRegionTexts(regions, oldWords, newWords, kDpi);
        // Each edit's box: its line's words on both sides.
        QVector<QRectF> edits(3);
        for (const Words *words : {&oldWords, &newWords})
            for (const Word &w : *words)
                for (int i = 0; i < 3; ++i)
                    if (std::abs(w.box.bottom() - oldLines[i].baselinePt.y()) < 4)
                        edits[i] = edits[i].isNull() ? w.box : edits[i].united(w.box);
        QVERIFY2(regions.size() == 3, qPrintable(regionsText(regions)));
        for (int i = 0; i < 3; ++i) {
            const auto hit = std::find_if(regions.begin(), regions.end(), [&](const ChangeRegion &r) {
                return hits(edits[i], r.boxPt) && r.boxPt.contains(edits[i].center());
            });
            QVERIFY2(
                hit != regions.end(),
                qPrintable(
                    QStringLiteral("edit %1 not found: %2").arg(newLines[i].text, regionsText(regions))));
            // The cloud covers the changed line whole and says what changed on it, nothing more.
            QVERIFY2(hit->boxPt.contains(edits[i].adjusted(1, 1, -1, -1)),
                     qPrintable(rectText(edits[i]) + QStringLiteral(": ") + regionsText(regions)));
            QCOMPARE(hit->oldText.join(QLatin1Char(' ')), oldLines[i].text);
            QCOMPARE(hit->newText.join(QLatin1Char(' ')), newLines[i].text);
        }
    }

    // Marks added beside each of a row of unchanged labels ("DNP" after Green, Red and Yellow LEDs)
    // are three changes: an added revision row is one, but here unchanged words of the line stand
    // among them. Before, they became one 250-pt cloud and none of the three was found alone.
    void addedMarksAmongUnchangedLabelsStaySeparate() {
        const QVector<TextLine> oldLines{{{40, 100}, QStringLiteral("GREEN")},
                                         {{150, 100}, QStringLiteral("RED")},
                                         {{250, 100}, QStringLiteral("YELLOW")}};
        QVector<TextLine> newLines = oldLines;
        newLines << TextLine{{85, 100}, QStringLiteral("DNP")} << TextLine{{185, 100}, QStringLiteral("DNP")}
                 << TextLine{{305, 100}, QStringLiteral("DNP")};
        Words oldWords, newWords;
        const cv::Mat oldPage = drawTextPage(oldLines, &oldWords);
        const cv::Mat newPage = drawTextPage(newLines, &newWords);
        ChangeRegions regions =
            detectChanges(oldPage, newPage, kDpi, ChangeOptions(), oldWords, newWords).regions;
        attachRegionTexts(regions, oldWords, newWords, kDpi);
        QVERIFY2(regions.size() == 3, qPrintable(regionsText(regions)));
        for (const ChangeRegion &r : regions) {
            QCOMPARE(r.newText, QStringList{QStringLiteral("DNP")});
            QVERIFY2(r.boxPt.width() < 40, qPrintable(regionsText(regions)));
        }
    }

    // A net split into four labels: the removed wire that ran to where the new labels now sit
    // joined everything into one sheet-wide cloud that found none of the labels. The labels are
    // one cloud each, the removed wire one of its own; a dimension line joining its own arrows
    // and text stays one change (the public corpus' notes with leaders cover that case).
    void changesJoinedOnlyByARemovedWireStaySeparate() {
        const double pxPerPt = kDpi / 72.0;
        auto px = [&](double pt) { return int(std::lround(pt * pxPerPt)); };
        cv::Mat oldPage(px(300), px(400), CV_8U, cv::Scalar(255));
        cv::Mat newPage = oldPage.clone();
        const QVector<double> rows{70, 120, 170, 220};
        cv::line(oldPage, {px(200), px(50)}, {px(200), px(rows.last())}, cv::Scalar(0), 2);
        QVector<QRectF> labels;
        Words newWords;
        for (double y : rows) {
            cv::line(oldPage, {px(200), px(y)}, {px(240), px(y)}, cv::Scalar(0), 2);
            // The port: an outlined box with its net name, at the end of the old stub.
            const QRectF port(240, y - 6, 70, 12);
            cv::rectangle(newPage, {px(port.left()), px(port.top())}, {px(port.right()), px(port.bottom())},
                          cv::Scalar(0), 2);
            const QString name = QStringLiteral("VSENSE%1").arg(labels.size());
            cv::putText(newPage, name.toStdString(), {px(244), px(y + 3)}, cv::FONT_HERSHEY_SIMPLEX, 0.45,
                        cv::Scalar(0), 1);
            newWords.append(Word{name, QRectF(244, y - 4, 60, 7)});
            labels << port;
        }
        const Words oldWords;
        ChangeRegions regions =
            detectChanges(oldPage, newPage, kDpi, ChangeOptions(), oldWords, newWords).regions;
        attachRegionTexts(regions, oldWords, newWords, kDpi);
        for (const QRectF &label : labels) {
            const bool alone = std::any_of(regions.begin(), regions.end(), [&](const ChangeRegion &r) {
                return hits(label, r.boxPt) &&
                       std::count_if(labels.begin(), labels.end(),
                                     [&](const QRectF &l) { return r.boxPt.intersects(l); }) == 1;
            });
            QVERIFY2(alone,
                     qPrintable(rectText(label) + QStringLiteral(" not alone in: ") + regionsText(regions)));
        }
        const QRectF wire(198, 48, 44, 176);
        QVERIFY2(std::any_of(regions.begin(), regions.end(),
                             [&](const ChangeRegion &r) {
                                 return r.kind == ChangeKind::Removed && r.boxPt.intersects(wire);
                             }),
                 qPrintable(QStringLiteral("removed wire not clouded: ") + regionsText(regions)));
    }

    // The same ink displaced is one `moved` change with its old place, whether it moved far (a
    // removed and an added region) or by less than its size (one region holding both); an
    // edited text is not a move however alike its glyphs. Before, these were removed + added
    // and modified.
    void displacedInkIsMoved() {
        const double pxPerPt = kDpi / 72.0;
        auto px = [&](double pt) { return int(std::lround(pt * pxPerPt)); };
        auto symbol = [&](cv::Mat &page, double x, double y) { // a door: leaf and swing
            cv::rectangle(page, {px(x), px(y)}, {px(x + 4), px(y + 40)}, cv::Scalar(0), cv::FILLED);
            cv::ellipse(page, {px(x + 4), px(y + 40)}, {px(40), px(40)}, 0, 270, 360, cv::Scalar(0), 2);
        };
        const QVector<TextLine> lines{{{300, 280}, QStringLiteral("REV 1")}};
        QVector<TextLine> newLines{{{300, 280}, QStringLiteral("REV 2")}};
        Words oldWords, newWords;
        cv::Mat oldPage = drawTextPage(lines, &oldWords), newPage = drawTextPage(newLines, &newWords);
        symbol(oldPage, 40, 40); // far move: 200 pt to the right
        symbol(newPage, 190, 40);
        symbol(oldPage, 40, 180); // short move: 25 pt, overlapping itself
        symbol(newPage, 65, 180);
        ChangeDetection detection =
            detectChanges(oldPage, newPage, kDpi, ChangeOptions(), oldWords, newWords);
        attachRegionTexts(detection.regions, oldWords, newWords, kDpi);
        pairMovedInk(detection.regions, detection.masks, oldPage, newPage, ChangeOptions().inkThreshold,
                     kDpi);
        const ChangeRegions &regions = detection.regions;
        auto movedFrom = [&](const QRectF &oldPlace, const QRectF &newPlace) {
            return std::any_of(regions.begin(), regions.end(), [&](const ChangeRegion &r) {
                return r.kind == ChangeKind::Moved && r.boxPt.intersects(newPlace) &&
                       r.movedFromPt.intersects(oldPlace) &&
                       !r.movedFromPt.intersects(newPlace.adjusted(10, 0, 0, 0));
            });
        };
        QVERIFY2(movedFrom(QRectF(40, 40, 44, 44), QRectF(190, 40, 44, 44)),
                 qPrintable(regionsText(regions)));
        QVERIFY2(std::any_of(regions.begin(), regions.end(),
                             [](const ChangeRegion &r) {
                                 return r.kind == ChangeKind::Moved && r.movedFromPt.left() < 60 &&
                                        r.boxPt.right() > 100 && r.boxPt.top() < 200 &&
                                        r.boxPt.bottom() > 200;
                             }),
                 qPrintable(regionsText(regions)));
        QCOMPARE(regions.size(), 3);
        for (const ChangeRegion &r : regions)
            if (r.newText.contains(QStringLiteral("2"))) QVERIFY(r.kind != ChangeKind::Moved);
    }

    // What a change says is what a reader can read: Altium lays an invisible, longer variant
    // over every designator and net label ("COTP1" over "TP1") and sub-point pad names on the
    // pads. Before, a new test point read "COTP3 TP3 PITP301" in its cloud and the summary.
    void hiddenTextLayerTokensAreNotTexts() {
        const Words newWords = {Word{QStringLiteral("TP3"), QRectF(346.3, 336.2, 7.8, 4.1)},
                                Word{QStringLiteral("COTP3"), QRectF(345.5, 335.3, 8.0, 3.9)},
                                Word{QStringLiteral("PITP301"), QRectF(338.0, 337.2, 7.0, 2.4)},
                                Word{QStringLiteral("PAU901"), QRectF(350.0, 339.1, 3.0, 0.8)},
                                Word{QStringLiteral("VIN-SENSE-OUT"), QRectF(297.3, 369.4, 35.0, 4.1)},
                                Word{QStringLiteral("NLVIN0SENSE0OUT"), QRectF(297.0, 369.3, 34.0, 3.9)}};
        ChangeRegion added;
        added.kind = ChangeKind::Added;
        added.boxPt = QRectF(337, 334, 18, 8);
        added.addedPx = 100;
        ChangeRegion label = added;
        label.boxPt = QRectF(296, 368, 37, 6);
        ChangeRegions regions{added, label};
        attachRegionTexts(regions, Words(), newWords, kDpi);
        QCOMPARE(regions.size(), 2);
        QCOMPARE(regions[0].newText, QStringList{QStringLiteral("TP3")});
        QCOMPARE(regions[1].newText, QStringList{QStringLiteral("VIN-SENSE-OUT")});
    }

    void ocrTextsNeedConfidenceAndChangedPixels() {
        // Regions whose NEW side was read by OCR (a scan) against a text layer. Only a confident
        // reading over changed pixels that differs beyond OCR's confusions is a text change.
        const double dpi = 72; // one pixel per point
        ChangeMasks masks;
        masks.added = cv::Mat::zeros(200, 400, CV_8U);
        masks.removed = cv::Mat::zeros(200, 400, CV_8U);
        masks.added(cv::Rect(130, 20, 6, 10)).setTo(255);  // the new digit of "REV 2"
        masks.added(cv::Rect(10, 100, 1, 1)).setTo(255);   // a speck of noise on "WSF-1"
        masks.added(cv::Rect(200, 100, 6, 10)).setTo(255); // ink changed under "139"
        masks.added(cv::Rect(300, 100, 8, 10)).setTo(255); // ink changed under "CT-1"
        const Words oldWords = {{QStringLiteral("REV"), QRectF(100, 20, 20, 10)},
                                {QStringLiteral("1"), QRectF(128, 20, 8, 10)},
                                {QStringLiteral("WSF-1"), QRectF(5, 100, 30, 10)},
                                {QStringLiteral("139"), QRectF(198, 100, 18, 10)},
                                {QStringLiteral("CT-1"), QRectF(298, 100, 24, 10)}};
        const Words newWords = {{QStringLiteral("REV"), QRectF(100, 20, 20, 10), 91},
                                {QStringLiteral("2"), QRectF(128, 20, 8, 10), 90},
                                {QStringLiteral("WSF-4"), QRectF(5, 100, 30, 10), 88},
                                {QStringLiteral("Ly"), QRectF(198, 100, 18, 10), 41},
                                {QStringLiteral("CT–l"), QRectF(298, 100, 24, 10), 86}};
        auto region = [](QRectF box, QStringList o, QStringList n) {
            ChangeRegion r;
            r.boxPt = box;
            r.oldText = o;
            r.newText = n;
            return r;
        };
        ChangeRegions regions = {
            region(QRectF(98, 18, 40, 14), {QStringLiteral("REV"), QStringLiteral("1")},
                   {QStringLiteral("REV"), QStringLiteral("2")}),
            region(QRectF(4, 98, 32, 14), {QStringLiteral("WSF-1")}, {QStringLiteral("WSF-4")}),
            region(QRectF(196, 98, 22, 14), {QStringLiteral("139")}, {QStringLiteral("Ly")}),
            region(QRectF(296, 98, 28, 14), {QStringLiteral("CT-1")}, {QStringLiteral("CT–l")})};
        settleReadTexts(regions, masks, oldWords, newWords, TextSources{false, true}, dpi);
        QCOMPARE(regions[0].newText, QStringList({QStringLiteral("REV"), QStringLiteral("2")}));
        QCOMPARE(regions[0].oldText, QStringList({QStringLiteral("REV"), QStringLiteral("1")}));
        for (int i = 1; i < regions.size(); ++i)
            QVERIFY2(regions[i].oldText.isEmpty() && regions[i].newText.isEmpty(),
                     qPrintable(regionsText(regions)));
        // Text layers on both sides are exact: nothing is settled away.
        ChangeRegions exact = {
            region(QRectF(4, 98, 32, 14), {QStringLiteral("WSF-1")}, {QStringLiteral("WSF-4")})};
        settleReadTexts(exact, masks, oldWords, newWords, TextSources{}, dpi);
        QCOMPARE(exact[0].newText, QStringList{QStringLiteral("WSF-4")});
        QCOMPARE(foldedForOcr({QStringLiteral("l0 SO"), QStringLiteral("A–1")}),
                 foldedForOcr({QStringLiteral("A-I"), QStringLiteral("I050")}));
    }

    // A scan's dimension read as "23'-10\"" at confidence 39-46 in every framing is read right;
    // noise reads differently as the framing changes. And a side read by OCR that has changed
    // ink but no word read there does not make the other side's text "removed" (the public scan
    // case said 'Dimension "18'-6"" removed' where the dimension had become 18'-0").
    void ocrReadingsAgreeOrStayUnread() {
        const QString dim = QStringLiteral("23'-10\"");
        Words read = {{dim, QRectF(350, 675, 7, 27), 42}, {QStringLiteral("oO"), QRectF(350, 640, 7, 8), 44}};
        mergeReadings(read, {{dim, QRectF(350.5, 675, 7, 27.5), 39},
                             {QStringLiteral("T€Z"), QRectF(350, 640, 7, 8), 35}});
        QCOMPARE(read.size(), 2);
        QCOMPARE(read[0].text, dim);
        QVERIFY(read[0].confidence >= kConfidentOcr); // two framings agree
        QCOMPARE(read[1].text, QStringLiteral("oO")); // disagreeing readings: the more confident
        QVERIFY(read[1].confidence < kConfidentOcr);
        // Words of one crop never confirm each other, and a digit beside a word is another word.
        Words one;
        mergeReadings(one, {{QStringLiteral("2"), QRectF(0, 0, 5, 7), 40},
                            {QStringLiteral("2"), QRectF(0, 0, 5, 7), 40}});
        QVERIFY(one.first().confidence < kConfidentOcr);
        mergeReadings(one, {{QStringLiteral("BULLETIN"), QRectF(-35, 0, 39, 7), 97}});
        QCOMPARE(one.size(), 3);

        ChangeMasks masks;
        masks.added = cv::Mat::zeros(100, 100, CV_8U);
        masks.removed = masks.added.clone();
        masks.added(cv::Rect(20, 20, 6, 8)).setTo(255);
        masks.removed(cv::Rect(20, 20, 6, 8)).setTo(255);
        ChangeRegion unread;
        unread.kind = ChangeKind::Modified;
        unread.boxPt = QRectF(10, 18, 30, 12);
        unread.oldText = {QStringLiteral("18'-6\"")};
        ChangeRegions regions{unread};
        const Words oldWords = {{unread.oldText.first(), QRectF(12, 20, 22, 8)}};
        settleReadTexts(regions, masks, oldWords, Words(), TextSources{false, true}, 72);
        QVERIFY2(regions[0].oldText.isEmpty() && regions[0].newText.isEmpty(),
                 qPrintable(regionsText(regions)));
        // A removal on a scan (no ink of NEW's own there) still names what was removed.
        unread.kind = ChangeKind::Removed;
        regions = {unread};
        settleReadTexts(regions, masks, oldWords, Words(), TextSources{false, true}, 72);
        QCOMPARE(regions[0].oldText, unread.oldText);
    }

    // OCR boxes of neighbouring words touch ("BULLETIN" runs into the "2" after it): a word is
    // taken for a hidden variant laid over another only when it spells the other's text.
    void touchingNeighboursAreBothLegible() {
        const Words words = {{QStringLiteral("BULLETIN"), QRectF(2307, 620, 39, 7), 97},
                             {QStringLiteral("2"), QRectF(2342, 619, 5, 11), 97},
                             {QStringLiteral("TP1"), QRectF(100, 100, 8, 4)},
                             {QStringLiteral("COTP1"), QRectF(99.5, 99.8, 8.5, 4)}};
        QStringList texts;
        for (const Word &w : legibleWords(words))
            texts << w.text;
        texts.sort();
        QCOMPARE(texts,
                 QStringList({QStringLiteral("2"), QStringLiteral("BULLETIN"), QStringLiteral("TP1")}));
    }

    // Issue 14 item 1: newer KiCad re-spaces multi-line notes by 0.3-3 pt, and re-kerns a line's
    // later words: the same text laid out again is not a change. A label moved as a whole along
    // its line, or a word changed in a re-spaced note, still is.
    void respacedTextIsNoChange() {
        const QVector<TextLine> note{{{40, 100}, QStringLiteral("TO ENSURE STABILITY USE AN OUTPUT")},
                                     {{40, 109}, QStringLiteral("CAPACITOR BETWEEN VDDOUT AND THE")},
                                     {{40, 118}, QStringLiteral("CLOSEST GND PIN OF THE DEVICE")},
                                     {{40, 127}, QStringLiteral("SOLID TANTALUM IS SUITABLE")},
                                     {{40, 200}, QStringLiteral("X_STEP")}};
        auto compare = [](const QVector<TextLine> &oldLines, const QVector<TextLine> &newLines) {
            Words oldWords, newWords;
            const cv::Mat oldPage = drawTextPage(oldLines, &oldWords);
            const cv::Mat newPage = drawTextPage(newLines, &newWords);
            const ChangeOptions options;
            ChangeDetection d = detectChanges(oldPage, newPage, kDpi, options, oldWords, newWords);
            attachRegionTexts(d.regions, oldWords, newWords, kDpi);
            pairMovedInk(d.regions, d.masks, oldPage, newPage, options.inkThreshold, kDpi);
            dropRespacedText(d.regions, d.masks, oldWords, newWords, kDpi);
            return d.regions;
        };
        QVector<TextLine> respaced = note;
        for (int i = 1; i < 4; ++i)
            respaced[i].baselinePt.ry() += i; // 1, 2 and 3 pt further down
        ChangeRegions regions = compare(note, respaced);
        QVERIFY2(regions.isEmpty(), qPrintable(regionsText(regions)));

        QVector<TextLine> labelMoved = note;
        labelMoved[4].baselinePt.rx() += 2;
        regions = compare(note, labelMoved);
        QVERIFY2(regions.size() == 1 && regions[0].boxPt.top() > 180, qPrintable(regionsText(regions)));

        QVector<TextLine> edited = respaced;
        edited[2].text = QStringLiteral("CLOSEST AGND PIN OF THE DEVICE");
        regions = compare(note, edited);
        QVERIFY2(
            std::any_of(regions.begin(), regions.end(),
                        [](const ChangeRegion &r) { return r.newText.contains(QStringLiteral("AGND")); }),
            qPrintable(regionsText(regions)));
    }

    // Issue 14 item 8: rotated labels and vertical dimension strings that changed are reported
    // with their texts, in reading order ("24'-9 1/2\"", not "1/2\" 24'-9"), and each is one change.
    void rotatedLabelsReportTheirTexts() {
        auto sheet = [this](const QString &name, const QString &dimension, const QString &room) {
            const QString path = m_dir.filePath(name);
            QPdfWriter writer(path);
            writer.setPageSize(QPageSize(QSizeF(17, 11), QPageSize::Inch));
            writer.setPageMargins(QMarginsF(0, 0, 0, 0));
            writer.setResolution(72);
            QPainter p(&writer);
            p.setFont(QFont(QStringLiteral("DejaVu Sans"), 10));
            p.drawRect(QRectF(100, 100, 700, 500));
            p.drawText(QPointF(150, 150), QStringLiteral("LIVING ROOM"));
            p.save();
            p.translate(90, 450);
            p.rotate(-90);
            p.drawText(QPointF(0, 0), dimension);
            p.restore();
            p.translate(600, 400);
            p.rotate(-90); // read from the sheet's right edge, as drawings set vertical text
            p.drawText(QPointF(0, 0), room);
            return path;
        };
        Rendered o, n;
        QVERIFY(openRendered(sheet(QStringLiteral("rot-old.pdf"), QStringLiteral("24'-7 1/2\""),
                                   QStringLiteral("STORAGE 114")),
                             o));
        QVERIFY(openRendered(sheet(QStringLiteral("rot-new.pdf"), QStringLiteral("24'-9 1/2\""),
                                   QStringLiteral("STORAGE 116")),
                             n));
        const ChangeRegions regions = compareRendered(o, n).regions;
        QVERIFY2(regions.size() == 2, qPrintable(regionsText(regions)));
        QStringList changes;
        for (const ChangeRegion &r : regions)
            changes << r.oldText.join(QLatin1Char(' ')) + QStringLiteral(" -> ") +
                           r.newText.join(QLatin1Char(' '));
        changes.sort();
        QCOMPARE(changes, QStringList({QStringLiteral("24'-7 1/2\" -> 24'-9 1/2\""),
                                       QStringLiteral("STORAGE 114 -> STORAGE 116")}));
    }
};

QTEST_MAIN(TestChangeRegions)
#include "tst_changeregions.moc"
