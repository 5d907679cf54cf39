// Change detection on generated sheets with known edits: every edit is found where the
// generator says it is, nothing else is reported, kinds and texts are right, and the overlay
// paints old-only ink red, new-only ink green and the rest grey. Scanned copies (vector OLD,
// image-only NEW) go through the production pipeline (diffPage).

#include "align/alignment.h"
#include "compare/comparison.h"
#include "diff/changedetector.h"
#include "diff/movedink.h"
#include "diff/overlay.h"
#include "diff/textcheck.h"
#include "document/document.h"
#include "drawinggenerator.h"
#include "testutil.h"
#include "text/ocrengine.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QPainter>
#include <QPdfWriter>
#include <QTemporaryDir>
#include <QtTest>

#include <opencv2/imgproc.hpp>

#include <cmath>
#include <memory>
#include <random>

using namespace bt;
using namespace bt::test;

namespace {

constexpr double kDpi = 150.0;

SheetSpec baseSpec() {
    return makeSheet(QStringLiteral("A-205"), QStringLiteral("LEVEL 5 FLOOR PLAN"), 5);
}

QString regionsText(const ChangeRegions &regions) {
    QStringList out;
    for (const ChangeRegion &r : regions)
        out << QStringLiteral("#%1 %2 %3 old '%4' new '%5'")
                   .arg(r.id)
                   .arg(changeKindName(r.kind), rectText(r.boxPt), r.oldText.join(QLatin1Char(' ')),
                        r.newText.join(QLatin1Char(' ')));
    return out.isEmpty() ? QStringLiteral("(none)") : out.join(QStringLiteral("; "));
}

bool nearEdit(const QRectF &edit, const QRectF &region) {
    return region.intersects(edit.adjusted(-kHitGrowPt, -kHitGrowPt, kHitGrowPt, kHitGrowPt));
}

struct Rendered {
    std::unique_ptr<Document> doc;
    RenderedPage page;
    Words words;
};

// Everything the pipeline produces for one pair, kept step by step.
struct Run {
    Alignment alignment;
    cv::Mat alignedOld;
    cv::Mat newGrey;
    ChangeDetection detection; // regions as detectChanges returns them
    ChangeRegions regions;     // after attachRegionTexts
};

enum Edit { Note, Rename, Dimension, Revision, Wall, Door, RevRow, EditCount };

const char *editName(int e) {
    static const char *names[] = {"note added", "room renamed", "dimension edited",  "REV 1 -> REV 2",
                                  "wall added", "door moved",   "revision row added"};
    return names[e];
}

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

class TestChangeDetector : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_basePath;
    SheetLayout m_baseLayout;
    Rendered m_base;

    bool open(const QString &path, Rendered &out, double dpi = kDpi) {
        DocumentError error;
        out.doc = Document::open(path, QString(), &error);
        if (!out.doc) {
            qWarning("%s", qPrintable(error.message));
            return false;
        }
        out.page = out.doc->render(0, RenderOptions{dpi, RenderOptions().maxPixels});
        out.words = out.doc->textLayerWords(0);
        return !out.page.isNull();
    }

    // align -> warp -> words into NEW's frame -> detectChanges -> attachRegionTexts, as diffPage.
    static Run compare(const Rendered &o, const Rendered &n, bool useWords = true) {
        Run run;
        run.newGrey = n.page.grey;
        run.alignment = alignPages(o.page.grey, n.page.grey);
        run.alignedOld = warpOldOntoNew(o.page.grey, run.alignment, n.page.grey.size());
        const Words oldWords =
            useWords ? mapWordsOntoNew(o.words, run.alignment, o.page.dpi, n.page.dpi) : Words();
        const Words newWords = useWords ? n.words : Words();
        run.detection =
            detectChanges(run.alignedOld, n.page.grey, n.page.dpi, ChangeOptions(), oldWords, newWords);
        run.regions = run.detection.regions;
        attachRegionTexts(run.regions, oldWords, newWords, n.page.dpi);
        return run;
    }

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
        QVERIFY(open(sheet(QStringLiteral("boxes-old.pdf"), 0, 0.5), o, 220) &&
                open(sheet(QStringLiteral("boxes-widened.pdf"), 3, 0.5), widened, 220) &&
                open(sheet(QStringLiteral("boxes-heavier.pdf"), 0, 2.4), heavier, 220));
        const Run run = compare(o, widened);
        const QRectF edge(199, 99, 5, 152);
        QVERIFY2(run.regions.size() == 1 && hits(edge, run.regions[0].boxPt) &&
                     run.regions[0].boxPt.height() > 0.8 * edge.height(),
                 qPrintable(QStringLiteral("expected one region on the widened edge at %1; regions: %2")
                                .arg(rectText(edge), regionsText(run.regions))));
        const Run pen = compare(o, heavier);
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
        QVERIFY(open(base, b) && open(orange, o) && open(yellow, y) && open(themed, t));
        const QRectF notePt(190, 715, 450, 35);
        for (const Rendered *edited : {&o, &y}) {
            const Run run = compare(b, *edited);
            QVERIFY2(
                std::any_of(run.regions.begin(), run.regions.end(),
                            [&](const ChangeRegion &r) { return r.boxPt.intersects(notePt); }),
                qPrintable(
                    QStringLiteral("%1 regions, none on the light-coloured note").arg(run.regions.size())));
        }
        const Run theme = compare(b, t);
        QVERIFY2(theme.regions.isEmpty(),
                 qPrintable(QStringLiteral("%1 regions for a colour theme").arg(theme.regions.size())));
    }

    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_dir.setAutoRemove(!qEnvironmentVariableIsSet("BT_KEEP_TEST_FILES"));
        if (!m_dir.autoRemove()) qInfo("files kept in %s", qPrintable(m_dir.path()));
        initOcrEnvironment();
        m_basePath = m_dir.filePath(QStringLiteral("base.pdf"));
        const QVector<SheetLayout> layouts = writeVectorSet(m_basePath, {baseSpec()});
        QCOMPARE(layouts.size(), 1);
        m_baseLayout = layouts[0];
        QVERIFY(open(m_basePath, m_base));
        QCOMPARE(m_base.page.dpi, kDpi);
        QVERIFY(!m_base.words.isEmpty());
    }

    void identicalPair() {
        Rendered again;
        QVERIFY(open(m_basePath, again));
        const Run run = compare(m_base, again);
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
        QVERIFY(open(path, shifted));
        const Run run = compare(m_base, shifted, words);
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
        QVERIFY(open(path, changed));
        const Run run = compare(m_base, changed);
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
        QVERIFY(open(path, heavy));
        const Run run = compare(m_base, heavy);
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
        QVERIFY(open(path, withNote));
        const Run run = compare(withNote, m_base);
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

    void revisionTexts() {
        QStringList keys;
        const QString path = m_dir.filePath(QStringLiteral("rev2.pdf"));
        QCOMPARE(writeVectorSet(path, {editedSpec(Revision, &keys)}).size(), 1);
        Rendered rev2;
        QVERIFY(open(path, rev2));
        const Run run = compare(m_base, rev2);
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
        QVERIFY(open(oldPath, oldSide));
        QVERIFY(open(newPath, newSide));
        const Run run = compare(oldSide, newSide);
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
};

QTEST_MAIN(TestChangeDetector)
#include "tst_changedetector.moc"
