// Sheet summaries and grid detection: summaries of hand-built results for each kind of change
// (text quoted old -> new, notes, dimensions, drawing changes located by sheet area and by grid),
// determinism, the job summary; findSheetGrid on generated sheets (the generator's bubbles at the
// generator's grid lines, note numbers and other short labels left out) and on hand-built words.

#include "compare/comparison.h"
#include "document/document.h"
#include "drawinggenerator.h"
#include "summary/sheetgrid.h"
#include "summary/summary.h"
#include "testutil.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <memory>

using namespace bt;
using namespace bt::test;

namespace {

const QSizeF kArchD(36 * 72.0, 24 * 72.0);

ChangeRegion region(int id, ChangeKind kind, const QRectF &boxPt, const QStringList &oldText = {},
                    const QStringList &newText = {}) {
    ChangeRegion r;
    r.id = id;
    r.kind = kind;
    r.boxPt = boxPt;
    r.oldText = oldText;
    r.newText = newText;
    return r;
}

QStringList words(const QString &text) {
    return text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

PageResult matchedPage(const QString &number, const ChangeRegions &regions = {}) {
    PageResult p;
    p.pageNumber = 1;
    p.oldPage = 0;
    p.newPage = 0;
    p.match = MatchKind::Matched;
    p.oldIdentity.number = number;
    p.newIdentity.number = number;
    p.diffDone = true;
    p.pageSizePt = kArchD;
    p.regions = regions;
    return p;
}

Word word(const QString &text, double cx, double cy, double height) {
    const double width = 0.6 * height * text.size();
    return Word{text, QRectF(cx - width / 2, cy - height / 2, width, height), 100.0};
}

// Ordinary sheet text (7 pt) spread over the page: room names, notes, a title block.
Words fillerWords() {
    Words w;
    const QStringList names = {QStringLiteral("LOUNGE"), QStringLiteral("STORAGE"), QStringLiteral("OFFICE"),
                               QStringLiteral("KITCHEN"), QStringLiteral("CORRIDOR")};
    for (int i = 0; i < 200; ++i)
        w << word(names[i % names.size()], 450 + 200 * (i % 6), 950 + 6 * (i / 6), 8);
    return w;
}

// A notes column: "1." .. "9." followed by their text, at a size like the grid labels'.
Words notesList(bool dots, double height) {
    Words w;
    for (int i = 0; i < 9; ++i) {
        const double y = 300 + i * 2.2 * height;
        w << word(QString::number(i + 1) + (dots ? QStringLiteral(".") : QString()), 2000, y, height);
        w << word(QStringLiteral("PROVIDE"), 2000 + 1.5 * height + 0.6 * height * 3.5, y, height);
        w << word(QStringLiteral("BLOCKING"), 2000 + 7 * height + 0.6 * height * 4, y, height);
    }
    return w;
}

QString gridText(const SheetGrid &g) {
    QStringList c, r;
    for (const GridLabel &l : g.columns)
        c << QStringLiteral("%1@%2").arg(l.label).arg(l.positionPt, 0, 'f', 1);
    for (const GridLabel &l : g.rows)
        r << QStringLiteral("%1@%2").arg(l.label).arg(l.positionPt, 0, 'f', 1);
    return QStringLiteral("columns [%1] rows [%2]")
        .arg(c.join(QStringLiteral(", ")), r.join(QStringLiteral(", ")));
}

// The generator's grid, rebuilt from its room rectangles (inside wall faces, 0.25 ft in from the
// wall centrelines): columns numbered 1.. at equal bays over the building width, rows A..D on the
// top wall, the two corridor walls and the bottom wall.
struct ExpectedGrid {
    QVector<GridLabel> columns, rows;
    double columnBubbleY = 0, rowBubbleX = 0; // bubble centres across their axis
};

ExpectedGrid expectedGrid(const SheetSpec &spec) {
    const SheetLayout rooms = roomRects(spec);
    const QRectF corridor = rooms.value(QStringLiteral("room:CORRIDOR"));
    QRectF top, bottom;
    for (auto it = rooms.cbegin(); it != rooms.cend(); ++it) {
        if (it.key() == QStringLiteral("room:CORRIDOR")) continue;
        if (it.value().bottom() < corridor.top())
            top = it.value();
        else
            bottom = it.value();
    }
    const double e = 0.25;
    const double f = (corridor.top() - top.bottom()) / (2 * e); // points per foot
    const double x0 = corridor.left() - e * f, width = corridor.width() + 2 * e * f;
    const int bays = std::max(2, int(std::lround(width / f / 30.0)));
    ExpectedGrid g;
    for (int i = 0; i <= bays; ++i)
        g.columns << GridLabel{QString::number(i + 1), x0 + width * i / bays};
    const double ys[] = {top.top() - e * f, top.bottom() + e * f, corridor.bottom() + e * f,
                         bottom.bottom() + e * f};
    for (int j = 0; j < 4; ++j)
        g.rows << GridLabel{QString(QLatin1Char(char('A' + j))), ys[j]};
    const double in = 72.0 * std::min(spec.paperIn.width() / 36, spec.paperIn.height() / 24);
    g.columnBubbleY = top.top() - e * f - 2.4 * in;
    g.rowBubbleX = x0 - 2.4 * in;
    return g;
}

bool inAny(const QPointF &p, const QVector<QRectF> &boxes) {
    return std::any_of(boxes.begin(), boxes.end(), [&p](const QRectF &b) { return b.contains(p); });
}

} // namespace

class TestSummary : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    struct Generated {
        SheetSpec spec;
        SheetLayout layout;
        Words words;
        QSizeF pageSize;
    };

    Generated generate(const SheetSpec &spec, const QString &name) {
        Generated g;
        g.spec = spec;
        const QString path = m_dir.filePath(name + QStringLiteral(".pdf"));
        const QVector<SheetLayout> layouts = writeVectorSet(path, {spec});
        if (layouts.size() != 1) return g;
        g.layout = layouts[0];
        DocumentError error;
        const std::unique_ptr<Document> doc = Document::open(path, QString(), &error);
        if (!doc) {
            qWarning("%s", qPrintable(error.message));
            return g;
        }
        g.words = doc->textLayerWords(0);
        g.pageSize = doc->pageSizePt(0);
        return g;
    }

    // The grid found equals the generator's: same labels, positions within `tol` points.
    static void compareGrid(const SheetGrid &found, const ExpectedGrid &want, const QString &what) {
        const QString msg = what + QStringLiteral(": found ") + gridText(found) + QStringLiteral(", want ") +
                            gridText(SheetGrid{want.columns, want.rows});
        QVERIFY2(found.columns.size() == want.columns.size(), qPrintable(msg));
        QVERIFY2(found.rows.size() == want.rows.size(), qPrintable(msg));
        for (int i = 0; i < want.columns.size(); ++i) {
            QVERIFY2(found.columns[i].label == want.columns[i].label, qPrintable(msg));
            QVERIFY2(std::abs(found.columns[i].positionPt - want.columns[i].positionPt) < 1.5,
                     qPrintable(msg));
        }
        for (int i = 0; i < want.rows.size(); ++i) {
            QVERIFY2(found.rows[i].label == want.rows[i].label, qPrintable(msg));
            QVERIFY2(std::abs(found.rows[i].positionPt - want.rows[i].positionPt) < 1.5, qPrintable(msg));
        }
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_dir.setAutoRemove(!qEnvironmentVariableIsSet("BT_KEEP_TEST_FILES"));
    }

    // ---------------------------------------------------------------------------------------------
    // Page summaries

    void sheetStates() {
        PageResult added = matchedPage(QStringLiteral("A-301"));
        added.match = MatchKind::Added;
        QCOMPARE(summarisePage(added), QStringLiteral("A-301: sheet added in the new set."));
        PageResult removed = matchedPage(QStringLiteral("A-401"));
        removed.match = MatchKind::Removed;
        QCOMPARE(summarisePage(removed), QStringLiteral("A-401: sheet removed from the new set."));
        QCOMPARE(summarisePage(matchedPage(QStringLiteral("A-102"))), QStringLiteral("A-102: no changes."));
        PageResult failed = matchedPage(QStringLiteral("A-103"));
        failed.error = QStringLiteral("render failed");
        QCOMPARE(summarisePage(failed), QStringLiteral("A-103: comparison failed: render failed"));
        PageResult unnamed = matchedPage(QString());
        QCOMPARE(summarisePage(unnamed), QStringLiteral("Sheet: no changes."));
    }

    void textChangeQuoted() {
        const PageResult p =
            matchedPage(QStringLiteral("S-201"),
                        {region(1, ChangeKind::Modified, QRectF(300, 300, 60, 12),
                                words(QStringLiteral("ASTM A-37")), words(QStringLiteral("ASTM A-36")))});
        QCOMPARE(summarisePage(p),
                 QStringLiteral("S-201: 1 change \u2014 1 text. "
                                "Text: \u201cASTM A-37\u201d \u2192 \u201cASTM A-36\u201d."));
        // The revision box (what tst_cli checks: the summary names "REV 2").
        const PageResult rev =
            matchedPage(QStringLiteral("A-101"),
                        {region(1, ChangeKind::Modified, QRectF(2500, 1680, 40, 12),
                                words(QStringLiteral("REV 1")), words(QStringLiteral("REV 2")))});
        QVERIFY2(summarisePage(rev).contains(QStringLiteral("\u201cREV 1\u201d \u2192 \u201cREV 2\u201d")),
                 qPrintable(summarisePage(rev)));
        // Room name added and removed: short texts are text, not notes.
        const PageResult room = matchedPage(
            QStringLiteral("A-101"),
            {region(1, ChangeKind::Added, QRectF(500, 500, 60, 12), {},
                    words(QStringLiteral("RECORDING STUDIO"))),
             region(2, ChangeKind::Removed, QRectF(800, 500, 60, 12), words(QStringLiteral("LOUNGE")), {})});
        QCOMPARE(summarisePage(room),
                 QStringLiteral("A-101: 2 changes \u2014 2 text. Text: added \u201cRECORDING STUDIO\u201d; "
                                "removed \u201cLOUNGE\u201d."));
        // The same text added in two places is said once, with its count.
        const PageResult twice =
            matchedPage(QStringLiteral("E-101"),
                        {region(1, ChangeKind::Added, QRectF(500, 500, 20, 10), {}, {QStringLiteral("F3")}),
                         region(2, ChangeKind::Added, QRectF(900, 500, 20, 10), {}, {QStringLiteral("F3")}),
                         region(3, ChangeKind::Added, QRectF(900, 900, 20, 10), {}, {QStringLiteral("F4")})});
        QCOMPARE(summarisePage(twice),
                 QStringLiteral("E-101: 3 changes \u2014 3 text. Text: added \u201cF3\u201d "
                                "(2\u00d7); added \u201cF4\u201d."));
        // A room number is not a dimension.
        const PageResult number =
            matchedPage(QStringLiteral("A-101"), {region(1, ChangeKind::Modified, QRectF(500, 500, 20, 10),
                                                         {QStringLiteral("101")}, {QStringLiteral("102")})});
        QVERIFY2(
            summarisePage(number).contains(QStringLiteral("Text: \u201c101\u201d \u2192 \u201c102\u201d")),
            qPrintable(summarisePage(number)));
        // Long texts are cut down to what differs, with a word of context.
        const PageResult longText =
            matchedPage(QStringLiteral("A-101"),
                        {region(1, ChangeKind::Modified, QRectF(500, 500, 200, 12),
                                words(QStringLiteral("WALL TYPE P1 SEE SHEET A-501 FOR FIRE RATING")),
                                words(QStringLiteral("WALL TYPE P1 SEE SHEET A-502 FOR FIRE RATING")))});
        QVERIFY2(
            summarisePage(longText).contains(QStringLiteral(
                "\u201c\u2026SHEET A-501 FOR\u2026\u201d \u2192 \u201c\u2026SHEET A-502 FOR\u2026\u201d")),
            qPrintable(summarisePage(longText)));
    }

    void notes() {
        const QString note =
            QStringLiteral("11. VERIFY LOCATION OF ALL FLOOR DRAINS WITH PLUMBING DRAWINGS BEFORE "
                           "POURING THE SLAB.");
        const PageResult p =
            matchedPage(QStringLiteral("A-101"),
                        {region(1, ChangeKind::Added, QRectF(2000, 600, 300, 20), {}, words(note)),
                         region(2, ChangeKind::Removed, QRectF(2000, 300, 300, 10),
                                words(QStringLiteral("4. PROVIDE FIRE BLOCKING")), {}),
                         region(3, ChangeKind::Added, QRectF(1200, 900, 60, 10), {},
                                words(QStringLiteral("K3 SEALANT")))});
        const QString s = summarisePage(p);
        QCOMPARE(
            s, QStringLiteral("A-101: 3 changes \u2014 3 notes. Note added: \u201c11. VERIFY LOCATION OF ALL "
                              "FLOOR DRAINS WITH PLUMBING DRAWINGS BEFORE POURING\u2026\u201d; note removed: "
                              "\u201c4. PROVIDE FIRE BLOCKING\u201d; note added: \u201cK3 SEALANT\u201d."));
        // A long phrase without a number is a note too; a changed note quotes what differs.
        const PageResult changed = matchedPage(
            QStringLiteral("A-101"),
            {region(1, ChangeKind::Modified, QRectF(2000, 600, 300, 20),
                    words(QStringLiteral("3. DO NOT SCALE DRAWINGS. CONTRACTOR SHALL VERIFY ALL DIMENSIONS")),
                    words(QStringLiteral("3. DO NOT SCALE DRAWINGS. ARCHITECT SHALL VERIFY ALL DIMENSIONS"))),
             region(2, ChangeKind::Added, QRectF(2000, 800, 300, 10), {},
                    words(QStringLiteral("ALL WORK SHALL COMPLY WITH THE CODE")))});
        QCOMPARE(
            summarisePage(changed),
            QStringLiteral("A-101: 2 changes \u2014 2 notes. Note changed: \u201c\u2026DRAWINGS. CONTRACTOR "
                           "SHALL\u2026\u201d \u2192 \u201c\u2026DRAWINGS. ARCHITECT SHALL\u2026\u201d; note "
                           "added: \u201cALL WORK SHALL COMPLY WITH THE CODE\u201d."));
    }

    void dimensions() {
        const PageResult p = matchedPage(
            QStringLiteral("A-101"),
            {region(1, ChangeKind::Modified, QRectF(600, 200, 30, 10), {QStringLiteral("12'-0\"")},
                    {QStringLiteral("12'-6\"")}),
             region(2, ChangeKind::Modified, QRectF(900, 200, 30, 10), words(QStringLiteral("3'-0 1/2\"")),
                    words(QStringLiteral("3'-4\""))),
             region(3, ChangeKind::Modified, QRectF(1200, 200, 30, 10), {QStringLiteral("3600")},
                    {QStringLiteral("3650")}),
             region(4, ChangeKind::Modified, QRectF(1500, 200, 30, 10),
                    words(QStringLiteral("14'-6\" 22'-0\" 9'-0\"")),
                    words(QStringLiteral("14'-6\" 21'-0\" 9'-0\""))),
             // As OCR reads it, and metric with a unit.
             region(5, ChangeKind::Modified, QRectF(1800, 200, 30, 10), {QStringLiteral("9\u2019-0\u201d")},
                    {QStringLiteral("9\u2019-4\u201d")}),
             region(6, ChangeKind::Added, QRectF(2000, 200, 30, 10), {}, words(QStringLiteral("2400 MM")))});
        QCOMPARE(
            summarisePage(p),
            QStringLiteral(
                "A-101: 6 changes \u2014 6 dimensions. Dimensions \u201c12'-0\"\u201d \u2192 "
                "\u201c12'-6\"\u201d; \u201c3'-0 1/2\"\u201d \u2192 \u201c3'-4\"\u201d; \u201c3600\u201d "
                "\u2192 \u201c3650\u201d; \u201c22'-0\"\u201d \u2192 \u201c21'-0\"\u201d; "
                "\u201c9\u2019-0\u201d\u201d "
                "\u2192 \u201c9\u2019-4\u201d\u201d; \u201c2400 MM\u201d added."));
        const PageResult one =
            matchedPage(QStringLiteral("A-102"),
                        {region(1, ChangeKind::Modified, QRectF(600, 200, 30, 10),
                                words(QStringLiteral("3.6 m")), words(QStringLiteral("3.9 m")))});
        QCOMPARE(summarisePage(one),
                 QStringLiteral("A-102: 1 change \u2014 1 dimension. Dimension \u201c3.6 m\u201d "
                                "\u2192 \u201c3.9 m\u201d."));
    }

    void drawingByArea() {
        const double w = kArchD.width(), h = kArchD.height();
        const PageResult p =
            matchedPage(QStringLiteral("A-101"),
                        {region(1, ChangeKind::Added, QRectF(100, 100, 50, 50)),
                         region(2, ChangeKind::Added, QRectF(w / 2 - 20, h / 2 - 20, 40, 40)),
                         region(3, ChangeKind::Removed, QRectF(w - 200, h - 200, 50, 50)),
                         region(4, ChangeKind::Modified, QRectF(w / 2, 100, 50, 50)),
                         region(5, ChangeKind::Modified, QRectF(w / 2 + 60, 100, 50, 50)),
                         // Same text on both sides: a change in the drawing around it.
                         region(6, ChangeKind::Modified, QRectF(100, h - 150, 50, 20),
                                words(QStringLiteral("LOUNGE")), words(QStringLiteral("LOUNGE")))});
        QCOMPARE(summarisePage(p),
                 QStringLiteral("A-101: 6 changes \u2014 6 drawing. Drawing: 2 added (upper left, "
                                "centre); 1 removed (lower right); 3 modified (upper centre, lower "
                                "left)."));
    }

    void drawingByGrid() {
        PageResult p = matchedPage(QStringLiteral("A-101"));
        // Columns 1..4 every 400 pt from x 400; rows A..C every 300 pt from y 300.
        for (int i = 0; i < 4; ++i)
            p.grid.columns << GridLabel{QString::number(i + 1), 400.0 + 400 * i};
        for (int j = 0; j < 3; ++j)
            p.grid.rows << GridLabel{QString(QLatin1Char(char('A' + j))), 300.0 + 300 * j};
        p.regions = {region(1, ChangeKind::Added, QRectF(1180, 880, 40, 40)),     // at C/3
                     region(2, ChangeKind::Removed, QRectF(550, 400, 100, 100)),  // bay 1-2, A-B
                     region(3, ChangeKind::Modified, QRectF(2300, 1600, 40, 40)), // title block: off grid
                     region(4, ChangeKind::Modified, QRectF(390, 280, 20, 30)),   // at A/1
                     region(5, ChangeKind::Modified, QRectF(420, 320, 700, 40))}; // along A, 1 to 3
        QCOMPARE(summarisePage(p),
                 QStringLiteral("A-101: 5 changes \u2014 5 drawing. Drawing: 1 added (near grid "
                                "C/3); 1 removed (between grids A\u2013B / 1\u20132); 3 modified "
                                "(lower right, near grid A/1, between grids A / 1\u20133)."));
    }

    void headlineMixed() {
        const PageResult p =
            matchedPage(QStringLiteral("A-101"),
                        {region(1, ChangeKind::Modified, QRectF(300, 300, 60, 12),
                                words(QStringLiteral("ASTM A-37")), words(QStringLiteral("ASTM A-36"))),
                         region(2, ChangeKind::Added, QRectF(500, 500, 50, 50)),
                         region(3, ChangeKind::Added, QRectF(2000, 600, 300, 20), {},
                                words(QStringLiteral("12. PROVIDE BLOCKING AT GRAB BARS"))),
                         region(4, ChangeKind::Modified, QRectF(600, 200, 30, 10),
                                {QStringLiteral("12'-0\"")}, {QStringLiteral("12'-6\"")}),
                         region(5, ChangeKind::Modified, QRectF(2500, 1680, 40, 12),
                                words(QStringLiteral("REV 1")), words(QStringLiteral("REV 2")))});
        const QString s = summarisePage(p);
        QVERIFY2(s.startsWith(QStringLiteral(
                     "A-101: 5 changes \u2014 2 text, 1 dimension, 1 note, 1 drawing. Text: ")),
                 qPrintable(s));
        QCOMPARE(s, QStringLiteral(
                        "A-101: 5 changes \u2014 2 text, 1 dimension, 1 note, 1 drawing. Text: \u201cASTM "
                        "A-37\u201d \u2192 \u201cASTM A-36\u201d; \u201cREV 1\u201d \u2192 \u201cREV "
                        "2\u201d. Dimension \u201c12'-0\"\u201d \u2192 \u201c12'-6\"\u201d. Note added: "
                        "\u201c12. PROVIDE BLOCKING AT GRAB BARS\u201d. Drawing: 1 added (upper left)."));
    }

    void deterministic() {
        ChangeRegions regions;
        for (int i = 1; i <= 12; ++i)
            regions << region(
                i, i % 3 ? ChangeKind::Added : ChangeKind::Modified, QRectF(200 * i, 120 * i, 40, 40),
                i % 4 ? QStringList() : QStringList{QStringLiteral("ROOM"), QString::number(i)},
                i % 4 ? QStringList() : QStringList{QStringLiteral("ROOM"), QString::number(i + 1)});
        const PageResult p = matchedPage(QStringLiteral("A-101"), regions);
        const QString s = summarisePage(p);
        QCOMPARE(summarisePage(p), s);
        // Order of the regions in the result does not matter, their ids do.
        PageResult shuffled = p;
        std::reverse(shuffled.regions.begin(), shuffled.regions.end());
        std::rotate(shuffled.regions.begin(), shuffled.regions.begin() + 5, shuffled.regions.end());
        QCOMPARE(summarisePage(shuffled), s);
        QVERIFY2(s.indexOf(QStringLiteral("\u201cROOM 4\u201d")) <
                     s.indexOf(QStringLiteral("\u201cROOM 8\u201d")),
                 qPrintable(s));
        // Many text changes: the sentence stops after six.
        PageResult many = matchedPage(QStringLiteral("A-101"));
        for (int i = 1; i <= 9; ++i)
            many.regions << region(i, ChangeKind::Modified, QRectF(100 * i, 100, 30, 10),
                                   {QStringLiteral("OLD%1").arg(i)}, {QStringLiteral("NEW%1").arg(i)});
        QVERIFY2(summarisePage(many).endsWith(
                     QStringLiteral("\u201cOLD6\u201d \u2192 \u201cNEW6\u201d and 3 more.")),
                 qPrintable(summarisePage(many)));
    }

    // A generated pair through the diff stage, its grid found in NEW's words: every edit is in the
    // summary, the new wall located on the grid.
    void endToEnd() {
        const SheetSpec base = makeSheet(QStringLiteral("A-105"), QStringLiteral("FIFTH FLOOR PLAN"), 5);
        SheetSpec edited = base;
        const QStringList rooms = roomNames(base), dims = dimensionTexts(base);
        edited.extraNotes << QStringLiteral(
            "VERIFY LOCATION OF ALL FLOOR DRAINS WITH PLUMBING DRAWINGS BEFORE "
            "POURING THE SLAB.");
        edited.revision = QStringLiteral("REV 2");
        edited.roomRenames.insert(rooms.value(2), QStringLiteral("RECORDING STUDIO"));
        const QString dimFrom = dims.value(3);
        const QString dimTo =
            dimFrom == QStringLiteral("13'-0\"") ? QStringLiteral("14'-0\"") : QStringLiteral("13'-0\"");
        edited.dimensionEdits.insert(dimFrom, dimTo);
        const QRectF room = roomRects(base).value(QStringLiteral("room:") + rooms.value(1));
        edited.extraWallsIn << QRectF(room.left() / 72, (room.top() + 10) / 72, room.width() / 2 / 72,
                                      4.5 / 72);
        const QString oldPath = m_dir.filePath(QStringLiteral("e2e-old.pdf"));
        const QString newPath = m_dir.filePath(QStringLiteral("e2e-new.pdf"));
        QCOMPARE(writeVectorSet(oldPath, {base}).size(), 1);
        const QVector<SheetLayout> layouts = writeVectorSet(newPath, {edited});
        QCOMPARE(layouts.size(), 1);
        DocumentError error;
        const std::unique_ptr<Document> oldDoc = Document::open(oldPath, QString(), &error);
        const std::unique_ptr<Document> newDoc = Document::open(newPath, QString(), &error);
        QVERIFY(oldDoc && newDoc);

        PageResult page = matchedPage(base.number);
        CompareSettings settings;
        settings.dpi = 150;
        diffPage(*oldDoc, *newDoc, settings, page);
        QVERIFY2(page.error.isEmpty(), qPrintable(page.error));
        page.grid = findSheetGrid(newDoc->textLayerWords(0), newDoc->pageSizePt(0));
        compareGrid(page.grid, expectedGrid(edited), QStringLiteral("edited sheet"));
        const QString summary = summarisePage(page);
        qInfo("%s", qPrintable(summary));
        QStringList regions;
        for (const ChangeRegion &r : page.regions)
            regions << QStringLiteral("#%1 %2 %3 old '%4' new '%5'")
                           .arg(r.id)
                           .arg(changeKindName(r.kind), rectText(r.boxPt), r.oldText.join(QLatin1Char(' ')),
                                r.newText.join(QLatin1Char(' ')));
        const QString context = summary + QStringLiteral("\nregions: ") + regions.join(QStringLiteral("; "));
        for (const QString &part :
             {QStringLiteral("\u201cREV 1\u201d \u2192 \u201cREV 2\u201d"),
              QStringLiteral("RECORDING STUDIO"),
              QStringLiteral("Note added: \u201c%1. VERIFY LOCATION OF ALL FLOOR DRAINS")
                  .arg(layouts[0].keys().filter(QStringLiteral("note:")).size()),
              QStringLiteral("\u201c%1\u201d \u2192 \u201c%2\u201d").arg(dimFrom, dimTo)})
            QVERIFY2(summary.contains(part),
                     qPrintable(QStringLiteral("'%1' not in: %2").arg(part, summary)));
        // The wall: a drawing change located on the grid, where the wall is.
        const QString wallAt = page.grid.locate(layouts[0].value(QStringLiteral("wall:extra0")));
        QVERIFY2(wallAt.contains(QStringLiteral("grid")), qPrintable(wallAt));
        QVERIFY2(summary.contains(QStringLiteral("added (") + wallAt), qPrintable(context));
        QVERIFY2(summary.startsWith(QStringLiteral("A-105: ")), qPrintable(summary));
    }

    // ---------------------------------------------------------------------------------------------
    // Job summary

    void jobSummary() {
        QVector<PageResult> pages;
        auto add = [&pages](const QString &number, MatchKind kind, int regions, const QString &error = {}) {
            PageResult p = matchedPage(number);
            p.pageNumber = int(pages.size()) + 1;
            p.match = kind;
            for (int i = 0; i < regions; ++i)
                p.regions << region(i + 1, ChangeKind::Added, QRectF(100, 100, 10, 10));
            p.error = error;
            pages << p;
        };
        add(QStringLiteral("A-101"), MatchKind::Matched, 2);
        add(QStringLiteral("A-102"), MatchKind::Matched, 1);
        add(QStringLiteral("A-103"), MatchKind::Matched, 0);
        add(QStringLiteral("A-201"), MatchKind::Matched, 4);
        add(QStringLiteral("A-301"), MatchKind::Added, 0);
        QCOMPARE(summariseJob(pages),
                 QStringLiteral("5 sheets compared: 3 changed (A-101, A-102, A-201), 1 unchanged, "
                                "1 added (A-301), 0 removed."));
        add(QStringLiteral("A-401"), MatchKind::Removed, 0);
        add(QString(), MatchKind::Matched, 0, QStringLiteral("render failed"));
        QCOMPARE(summariseJob(pages),
                 QStringLiteral(
                     "7 sheets compared: 3 changed (A-101, A-102, A-201), 1 unchanged, 1 added (A-301), "
                     "1 removed (A-401), 1 failed (sheet 7)."));
        QVector<PageResult> lots;
        for (int i = 0; i < 13; ++i) {
            PageResult p = matchedPage(QStringLiteral("A-%1").arg(101 + i));
            p.regions << region(1, ChangeKind::Added, QRectF(100, 100, 10, 10));
            lots << p;
        }
        QCOMPARE(summariseJob(lots),
                 QStringLiteral("13 sheets compared: 13 changed (A-101, A-102, A-103, A-104, "
                                "A-105, A-106, A-107, A-108, A-109, A-110 and 3 more), 0 "
                                "unchanged, 0 added, 0 removed."));
        QCOMPARE(summariseJob({matchedPage(QStringLiteral("A-101"))}),
                 QStringLiteral("1 sheet compared: 0 changed, 1 unchanged, 0 added, 0 removed."));

        // A cancelled job: sheets never diffed are not compared, never "unchanged".
        QVector<PageResult> cancelled = lots.mid(0, 2);
        cancelled << matchedPage(QStringLiteral("A-120"));
        for (int i = 0; i < 3; ++i) {
            PageResult p = matchedPage(QStringLiteral("A-%1").arg(130 + i));
            p.diffDone = false;
            cancelled << p;
        }
        QCOMPARE(summariseJob(cancelled),
                 QStringLiteral("3 of 6 sheets compared: 2 changed (A-101, A-102), 1 unchanged, 0 added, "
                                "0 removed; 3 not compared."));
    }

    // ---------------------------------------------------------------------------------------------
    // Grid detection

    void gridOnGeneratedSheets_data() {
        QTest::addColumn<int>("seed");
        QTest::addColumn<QSizeF>("paper");
        QTest::addColumn<bool>("extraNotes");
        for (int seed : {1, 2, 3, 5, 8, 13})
            QTest::addRow("seed %d", seed) << seed << QSizeF(36, 24) << false;
        QTest::addRow("seed 4, more notes") << 4 << QSizeF(36, 24) << true;
        QTest::addRow("seed 6, ARCH C") << 6 << QSizeF(24, 18) << false;
        QTest::addRow("seed 7, half size, more notes") << 7 << QSizeF(18, 12) << true;
    }

    void gridOnGeneratedSheets() {
        QFETCH(int, seed);
        QFETCH(QSizeF, paper);
        QFETCH(bool, extraNotes);
        SheetSpec spec = makeSheet(QStringLiteral("A-1%1").arg(seed, 2, 10, QLatin1Char('0')),
                                   QStringLiteral("FLOOR PLAN"), seed, paper);
        if (extraNotes)
            spec.extraNotes << QStringLiteral("VERIFY ALL FLOOR DRAINS.") << QStringLiteral("SEE A-601.")
                            << QStringLiteral("PATCH AND PAINT.") << QStringLiteral("TYPICAL AT ALL DOORS.");
        const Generated g = generate(spec, QStringLiteral("grid-%1").arg(QTest::currentDataTag()));
        QVERIFY(!g.words.isEmpty());
        const ExpectedGrid want = expectedGrid(spec);
        QVERIFY(want.columns.size() >= 3);

        // The bubbles are in the words where the generator drew them.
        for (const GridLabel &c : want.columns) {
            const bool drawn = std::any_of(g.words.begin(), g.words.end(), [&](const Word &w) {
                return w.text == c.label && w.box.contains(QPointF(c.positionPt, want.columnBubbleY));
            });
            QVERIFY2(drawn, qPrintable(QStringLiteral("bubble %1 not at %2").arg(c.label).arg(c.positionPt)));
        }

        const SheetGrid grid = findSheetGrid(g.words, g.pageSize);
        compareGrid(grid, want, QStringLiteral("all words"));
        if (QTest::currentTestFailed()) return;
        qInfo("%s", qPrintable(gridText(grid)));

        // Without the notes block: the same grid.
        QVector<QRectF> noteBoxes;
        for (auto it = g.layout.cbegin(); it != g.layout.cend(); ++it)
            if (it.key().startsWith(QStringLiteral("note:"))) noteBoxes << it.value();
        QVERIFY(noteBoxes.size() >= 7);
        Words withoutNotes;
        for (const Word &w : g.words)
            if (!inAny(w.box.center(), noteBoxes)) withoutNotes << w;
        QVERIFY(withoutNotes.size() < g.words.size());
        compareGrid(findSheetGrid(withoutNotes, g.pageSize), want, QStringLiteral("without notes"));

        // Only the notes (and the rest of the notes column): no grid.
        Words onlyNotes;
        for (const Word &w : g.words)
            if (inAny(w.box.center(), noteBoxes)) onlyNotes << w;
        const SheetGrid notesGrid = findSheetGrid(onlyNotes, g.pageSize);
        QVERIFY2(notesGrid.isEmpty(), qPrintable(gridText(notesGrid)));

        // Without the bubbles the sheet has no grid: nothing else on it (note numbers, room numbers,
        // revision rows, dimensions, the view's "1") is taken for one.
        Words noBubbles;
        for (const Word &w : g.words) {
            bool bubble = false;
            for (const GridLabel &c : want.columns)
                bubble = bubble || w.box.contains(QPointF(c.positionPt, want.columnBubbleY));
            for (const GridLabel &r : want.rows)
                bubble = bubble || w.box.contains(QPointF(want.rowBubbleX, r.positionPt));
            if (!bubble) noBubbles << w;
        }
        QCOMPARE(noBubbles.size(), g.words.size() - want.columns.size() - want.rows.size());
        const SheetGrid none = findSheetGrid(noBubbles, g.pageSize);
        QVERIFY2(none.isEmpty(), qPrintable(gridText(none)));

        // Located on it: a box at the crossing of the second column and row B.
        const QPointF at(want.columns[1].positionPt, want.rows[1].positionPt);
        QCOMPARE(grid.locate(QRectF(at - QPointF(10, 10), QSizeF(20, 20))), QStringLiteral("near grid B/2"));
    }

    void noGridWithoutText() {
        SheetSpec spec = makeSheet(QStringLiteral("A-101"), QStringLiteral("FLOOR PLAN"), 3);
        spec.textAsPaths = true;
        const Generated g = generate(spec, QStringLiteral("paths"));
        QVERIFY(g.words.isEmpty());
        QVERIFY(findSheetGrid(g.words, g.pageSize).isEmpty());
        QVERIFY(findSheetGrid({}, QSizeF()).isEmpty());
    }

    // Letters across, numbers down, bubbles on all four sides, secondary lines ("A.1", "1.5").
    void gridHandBuilt() {
        Words w = fillerWords();
        const double xs[] = {300, 420, 700, 1100, 1500};
        const QString cols[] = {QStringLiteral("A"), QStringLiteral("A.1"), QStringLiteral("B"),
                                QStringLiteral("C"), QStringLiteral("D")};
        for (int i = 0; i < 5; ++i) {
            w << word(cols[i], xs[i], 150, 14);
            w << word(cols[i], xs[i] + 0.6, 1450, 14);
        }
        const double ys[] = {300, 700, 850, 1300};
        const QString rows[] = {QStringLiteral("1"), QStringLiteral("1.5"), QStringLiteral("2"),
                                QStringLiteral("3")};
        for (int j = 0; j < 4; ++j) {
            w << word(rows[j], 150, ys[j], 14);
            if (j != 1) w << word(rows[j], 1700, ys[j] + 0.4, 14); // 1.5 only on one side
        }
        // Things that are not grid labels: a notes list, a revision table, room numbers.
        w << notesList(true, 14) << notesList(false, 14);
        for (int i = 0; i < 4; ++i) {
            w << word(QString::number(i), 2300, 1000 + 18 * i, 6);
            w << word(QStringLiteral("ISSUED"), 2340, 1000 + 18 * i, 6);
        }
        for (int i = 0; i < 5; ++i)
            w << word(QString::number(101 + i), 400 + 250 * i, 500, 14);
        const SheetGrid g = findSheetGrid(w, kArchD);
        QCOMPARE(gridText(g), QStringLiteral("columns [A@300.3, A.1@420.3, B@700.3, C@1100.3, D@1500.3] "
                                             "rows [1@300.2, 1.5@700.0, 2@850.2, 3@1300.2]"));
        QCOMPARE(g.locate(QRectF(690, 840, 20, 20)), QStringLiteral("near grid B/2"));
        QCOMPARE(g.locate(QRectF(750, 900, 300, 300)), QStringLiteral("between grids B\u2013C / 2\u20133"));
        QCOMPARE(g.locate(QRectF(2400, 1600, 40, 40)), QString());
        QCOMPARE(SheetGrid().locate(QRectF(0, 0, 10, 10)), QString());
    }

    // Sheets from elsewhere (the shared corpus, when present): another generator's plan with bubbles
    // on all four sides and rows lettered upwards; a real CAD sheet whose only short labels are the
    // border's zone marks (1..10, A..F in ordinary text size), which are no structural grid.
    void gridOnSharedSheets() {
        const QString svg = QStringLiteral(BT_SHARED_DIR "/corpus/public/case02_svg/new.pdf");
        const QString real = QStringLiteral(BT_SHARED_DIR "/realworld/va-first-floor-finish-plan.pdf");
        if (!QFileInfo::exists(svg) || !QFileInfo::exists(real)) QSKIP("shared corpus not present");
        DocumentError error;
        std::unique_ptr<Document> doc = Document::open(svg, QString(), &error);
        QVERIFY2(doc, qPrintable(error.message));
        for (int i = 0; i < doc->pageCount(); ++i) {
            const Words w = doc->textLayerWords(i);
            const SheetGrid g = findSheetGrid(w, doc->pageSizePt(i));
            QStringList columns, rows;
            for (const GridLabel &l : g.columns)
                columns << l.label;
            for (const GridLabel &l : g.rows)
                rows << l.label;
            QCOMPARE(columns.join(QLatin1Char(' ')), QStringLiteral("1 2 3 4"));
            QCOMPARE(rows.join(QLatin1Char(' ')), QStringLiteral("C B A"));
            // Each line's bubbles (top and bottom, left and right) are at the position found.
            for (const GridLabel &l : g.columns) {
                const int bubbles = int(std::count_if(w.begin(), w.end(), [&l](const Word &x) {
                    return x.text == l.label && std::abs(x.box.center().x() - l.positionPt) < 1.0;
                }));
                QVERIFY2(bubbles >= 2, qPrintable(gridText(g)));
            }
            for (const GridLabel &l : g.rows) {
                const int bubbles = int(std::count_if(w.begin(), w.end(), [&l](const Word &x) {
                    return x.text == l.label && std::abs(x.box.center().y() - l.positionPt) < 1.0;
                }));
                QVERIFY2(bubbles >= 2, qPrintable(gridText(g)));
            }
        }
        doc = Document::open(real, QString(), &error);
        QVERIFY2(doc, qPrintable(error.message));
        for (int i = 0; i < doc->pageCount(); ++i) {
            const SheetGrid g = findSheetGrid(doc->textLayerWords(i), doc->pageSizePt(i));
            QVERIFY2(g.isEmpty(), qPrintable(gridText(g)));
        }
    }

    // A list of numbers is not a grid, dotted or not, whatever its size.
    void noteNumbersAreNotGrid() {
        for (const bool dots : {true, false})
            for (const double height : {8.0, 14.0, 20.0}) {
                Words w = fillerWords();
                w << notesList(dots, height);
                const SheetGrid g = findSheetGrid(w, kArchD);
                QVERIFY2(g.isEmpty(),
                         qPrintable(
                             QStringLiteral("dots %1 height %2: %3").arg(dots).arg(height).arg(gridText(g))));
            }
        // Lone big numbers stacked in a column with nothing beside them, but close together (a
        // keynote legend's tags): too close for bubbles.
        Words w = fillerWords();
        for (int i = 0; i < 6; ++i)
            w << word(QString::number(i + 1), 2100, 300 + 20 * i, 14);
        QVERIFY2(findSheetGrid(w, kArchD).isEmpty(), qPrintable(gridText(findSheetGrid(w, kArchD))));
    }
};

QTEST_MAIN(TestSummary)
#include "tst_summary.moc"
