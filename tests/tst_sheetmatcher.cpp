#include "compare/comparison.h"
#include "document/document.h"
#include "sheet/sheetmatcher.h"
#include "titleblockgenerator.h"

#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>
#include <opencv2/imgproc.hpp>
#include <random>

using namespace bt;

namespace {

SheetInfo sheet(int page, const QString &number, const QString &source = QStringLiteral("text")) {
    SheetInfo s;
    s.page = page;
    s.identity.number = number;
    s.identity.source = number.isEmpty() ? QString() : source;
    return s;
}

// A synthetic drawing: a border and title block shared by every sheet of the set (as on real
// sets) plus a few random rooms and lines that depend on the seed.
cv::Mat thumbnail(unsigned seed, int width = 256, int height = 171) {
    cv::Mat img(height, width, CV_8UC1, cv::Scalar(255));
    cv::rectangle(img, {4, 4}, {width - 5, height - 5}, cv::Scalar(0), 1);
    cv::rectangle(img, {width - 40, 4}, {width - 5, height - 5}, cv::Scalar(0), 1);
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> x(10, width - 60), y(10, height - 30), size(15, 60);
    for (int i = 0; i < 8; ++i) {
        const cv::Point p(x(rng), y(rng));
        cv::rectangle(img, p, p + cv::Point(size(rng), size(rng) / 2), cv::Scalar(0), 2);
    }
    for (int i = 0; i < 6; ++i)
        cv::line(img, {x(rng), y(rng)}, {x(rng), y(rng)}, cv::Scalar(60), 1);
    return img;
}

// The same drawing revised: a small edit, shifted by a pixel, re-rendered slightly softer.
cv::Mat revised(const cv::Mat &thumb) {
    cv::Mat out;
    const cv::Mat shift = (cv::Mat_<double>(2, 3) << 1, 0, 1, 0, 1, 1);
    cv::warpAffine(thumb, out, shift, thumb.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar(255));
    cv::rectangle(out, {30, 30}, {45, 40}, cv::Scalar(0), 1);
    cv::GaussianBlur(out, out, cv::Size(3, 3), 0.6);
    return out;
}

using Pair = std::tuple<int, int, QString, QString>; // old, new, kind, method

QVector<Pair> simplify(const QVector<SheetPair> &pairs) {
    QVector<Pair> out;
    for (const SheetPair &p : pairs)
        out.append({p.oldPage, p.newPage, matchKindName(p.kind), p.method});
    return out;
}

QString describe(const QVector<Pair> &pairs) {
    QStringList parts;
    for (const auto &[o, n, kind, method] : pairs)
        parts << QStringLiteral("(%1,%2,%3,%4)").arg(o).arg(n).arg(kind, method);
    return parts.join(QLatin1Char(' '));
}

#define COMPARE_PAIRS(actual, expected)                                                                      \
    do {                                                                                                     \
        const QVector<Pair> a_ = simplify(actual);                                                           \
        const QVector<Pair> e_ = (expected);                                                                 \
        QVERIFY2(a_ == e_,                                                                                   \
                 qPrintable(QStringLiteral("got %1, expected %2").arg(describe(a_), describe(e_))));         \
    } while (0)

const QString M = QStringLiteral("matched");
const QString A = QStringLiteral("added");
const QString R = QStringLiteral("removed");
const QString byNumber = QStringLiteral("number");
const QString byVisual = QStringLiteral("visual");
const QString byOrder = QStringLiteral("order");

} // namespace

class TestSheetMatcher : public QObject {
    Q_OBJECT

private slots:
    void kindNames();
    void similarityOfSameAndDifferentDrawings();
    void similarityEdgeCases();
    void sameNumbersSameOrder();
    void sameNumbersReordered();
    void numbersNormalised();
    void addedSheet();
    void removedSheet();
    void removedFirstSheetLeads();
    void addedAndRemovedNotPairedByOrder();
    void duplicateNumbersPairInPageOrder();
    void visualFallbackPairsShuffledSheets();
    void visualFallbackLeavesDissimilarToOrder();
    void pageOrderFallback();
    void mixedStages();
    void ocrMisreadPairedVisually();
    void pagesListedOutOfOrder();
    void emptySets();
    void visualFallbackOnCorpus_data();
    void visualFallbackOnCorpus();
    void sheetIndexesOfOtherCountsPairByLook();
    void reexportOnOtherPaperPairsByNumber();
};

void TestSheetMatcher::kindNames() {
    QCOMPARE(matchKindName(MatchKind::Matched), QStringLiteral("matched"));
    QCOMPARE(matchKindName(MatchKind::Added), QStringLiteral("added"));
    QCOMPARE(matchKindName(MatchKind::Removed), QStringLiteral("removed"));
}

void TestSheetMatcher::similarityOfSameAndDifferentDrawings() {
    const cv::Mat a = thumbnail(1), b = thumbnail(2);
    QVERIFY(thumbnailSimilarity(a, a) > 0.9999);
    const double same = thumbnailSimilarity(a, revised(a));
    const double different = thumbnailSimilarity(a, b);
    QVERIFY2(same > 0.8, qPrintable(QString::number(same)));
    QVERIFY2(different < 0.5, qPrintable(QString::number(different)));
    // Symmetric, and independent of the thumbnail resolution.
    QVERIFY(std::abs(thumbnailSimilarity(a, b) - thumbnailSimilarity(b, a)) < 1e-6);
    cv::Mat big;
    cv::resize(a, big, cv::Size(), 2.0, 2.0, cv::INTER_LINEAR);
    QVERIFY(thumbnailSimilarity(a, big) > 0.9);
    // Colour thumbnails work too.
    cv::Mat colour;
    cv::cvtColor(a, colour, cv::COLOR_GRAY2BGR);
    QVERIFY(thumbnailSimilarity(colour, a) > 0.99);
}

void TestSheetMatcher::similarityEdgeCases() {
    const cv::Mat blank(100, 150, CV_8UC1, cv::Scalar(255));
    QCOMPARE(thumbnailSimilarity(cv::Mat(), thumbnail(1)), 0.0);
    QCOMPARE(thumbnailSimilarity(thumbnail(1), cv::Mat()), 0.0);
    QCOMPARE(thumbnailSimilarity(blank, thumbnail(1)), 0.0);
    QCOMPARE(thumbnailSimilarity(blank, blank.clone()), 1.0);
    // A portrait and a landscape sheet are not the same drawing.
    const cv::Mat portrait = thumbnail(3, 171, 256);
    QVERIFY(thumbnailSimilarity(portrait, thumbnail(3)) < 0.5);
}

void TestSheetMatcher::sameNumbersSameOrder() {
    const QVector<SheetInfo> olds{sheet(0, "A-101"), sheet(1, "A-102"), sheet(2, "A-103")};
    const QVector<SheetInfo> news{sheet(0, "A-101"), sheet(1, "A-102"), sheet(2, "A-103")};
    COMPARE_PAIRS(matchSheets(olds, news),
                  (QVector<Pair>{{0, 0, M, byNumber}, {1, 1, M, byNumber}, {2, 2, M, byNumber}}));
}

void TestSheetMatcher::sameNumbersReordered() {
    // case02_svg: OLD, S-101, M-101; NEW A-101, S-101, A-104, A-102 (added), M-101.
    const QVector<SheetInfo> olds{sheet(0, "A-101"), sheet(1, "A-104"), sheet(2, "S-101"), sheet(3, "M-101")};
    const QVector<SheetInfo> news{sheet(0, "A-101"), sheet(1, "S-101"), sheet(2, "A-104"), sheet(3, "A-102"),
                                  sheet(4, "M-101")};
    COMPARE_PAIRS(matchSheets(olds, news), (QVector<Pair>{{0, 0, M, byNumber},
                                                          {2, 1, M, byNumber},
                                                          {1, 2, M, byNumber},
                                                          {-1, 3, A, QString()},
                                                          {3, 4, M, byNumber}}));
}

void TestSheetMatcher::numbersNormalised() {
    const QVector<SheetInfo> olds{sheet(0, "A-101"), sheet(1, "a 102")};
    const QVector<SheetInfo> news{sheet(0, "A102"), sheet(1, "A.101")};
    COMPARE_PAIRS(matchSheets(olds, news), (QVector<Pair>{{1, 0, M, byNumber}, {0, 1, M, byNumber}}));
}

void TestSheetMatcher::addedSheet() {
    const QVector<SheetInfo> olds{sheet(0, "A-101"), sheet(1, "A-103")};
    const QVector<SheetInfo> news{sheet(0, "A-101"), sheet(1, "A-102"), sheet(2, "A-103")};
    COMPARE_PAIRS(matchSheets(olds, news),
                  (QVector<Pair>{{0, 0, M, byNumber}, {-1, 1, A, QString()}, {1, 2, M, byNumber}}));
}

void TestSheetMatcher::removedSheet() {
    // A-102 removed: it follows A-101 (its OLD predecessor) in the output.
    const QVector<SheetInfo> olds{sheet(0, "A-101"), sheet(1, "A-102"), sheet(2, "A-103"), sheet(3, "A-104")};
    const QVector<SheetInfo> news{sheet(0, "A-101"), sheet(1, "A-103"), sheet(2, "A-104")};
    COMPARE_PAIRS(matchSheets(olds, news),
                  (QVector<Pair>{
                      {0, 0, M, byNumber}, {1, -1, R, QString()}, {2, 1, M, byNumber}, {3, 2, M, byNumber}}));
}

void TestSheetMatcher::removedFirstSheetLeads() {
    const QVector<SheetInfo> olds{sheet(0, "G-001"), sheet(1, "G-002"), sheet(2, "A-101")};
    const QVector<SheetInfo> news{sheet(0, "A-101")};
    COMPARE_PAIRS(matchSheets(olds, news),
                  (QVector<Pair>{{0, -1, R, QString()}, {1, -1, R, QString()}, {2, 0, M, byNumber}}));
}

void TestSheetMatcher::addedAndRemovedNotPairedByOrder() {
    // Both numbers were read and differ: one sheet was replaced, not revised.
    const QVector<SheetInfo> olds{sheet(0, "A-101"), sheet(1, "A-103")};
    const QVector<SheetInfo> news{sheet(0, "A-101"), sheet(1, "A-104")};
    // The removed A-103 follows A-101, the NEW sheet of its OLD predecessor, so it comes before
    // NEW page 1.
    COMPARE_PAIRS(matchSheets(olds, news),
                  (QVector<Pair>{{0, 0, M, byNumber}, {1, -1, R, QString()}, {-1, 1, A, QString()}}));
}

void TestSheetMatcher::duplicateNumbersPairInPageOrder() {
    // Two sheets printed with the same number (a copy-paste title block): first with first.
    const QVector<SheetInfo> olds{sheet(0, "A-101"), sheet(1, "A-101"), sheet(2, "A-102"), sheet(3, "A-101")};
    const QVector<SheetInfo> news{sheet(0, "A-101"), sheet(1, "A-102"), sheet(2, "A-101")};
    // The unpaired OLD page 3 follows NEW page 1, where its OLD predecessor (page 2) went.
    COMPARE_PAIRS(matchSheets(olds, news),
                  (QVector<Pair>{
                      {0, 0, M, byNumber}, {2, 1, M, byNumber}, {3, -1, R, QString()}, {1, 2, M, byNumber}}));
}

void TestSheetMatcher::visualFallbackPairsShuffledSheets() {
    // No numbers (e.g. unreadable scans): pair by look, whatever the order.
    QVector<SheetInfo> olds, news;
    for (int i = 0; i < 5; ++i) {
        olds.append(sheet(i, QString()));
        olds.last().thumbnail = thumbnail(100 + unsigned(i));
    }
    const int shuffled[] = {3, 0, 4, 1, 2}; // new page i shows old page shuffled[i]
    for (int i = 0; i < 5; ++i) {
        news.append(sheet(i, QString()));
        news.last().thumbnail = revised(thumbnail(100 + unsigned(shuffled[i])));
    }
    QVector<Pair> expected;
    for (int i = 0; i < 5; ++i)
        expected.append({shuffled[i], i, M, byVisual});
    COMPARE_PAIRS(matchSheets(olds, news), expected);
}

void TestSheetMatcher::visualFallbackLeavesDissimilarToOrder() {
    // Old 0 looks like new 1; old 1 and new 0 look like nothing else: they pair by order.
    QVector<SheetInfo> olds{sheet(0, QString()), sheet(1, QString())};
    QVector<SheetInfo> news{sheet(0, QString()), sheet(1, QString())};
    olds[0].thumbnail = thumbnail(7);
    olds[1].thumbnail = thumbnail(8);
    news[0].thumbnail = thumbnail(9);
    news[1].thumbnail = revised(thumbnail(7));
    COMPARE_PAIRS(matchSheets(olds, news), (QVector<Pair>{{1, 0, M, byOrder}, {0, 1, M, byVisual}}));
}

void TestSheetMatcher::pageOrderFallback() {
    // No numbers, no thumbnails: page order; the extra NEW page is added.
    const QVector<SheetInfo> olds{sheet(0, QString()), sheet(1, QString())};
    const QVector<SheetInfo> news{sheet(0, QString()), sheet(1, QString()), sheet(2, QString())};
    COMPARE_PAIRS(matchSheets(olds, news),
                  (QVector<Pair>{{0, 0, M, byOrder}, {1, 1, M, byOrder}, {-1, 2, A, QString()}}));

    // More OLD pages: the extra one is removed and follows its predecessor.
    COMPARE_PAIRS(matchSheets(news, olds),
                  (QVector<Pair>{{0, 0, M, byOrder}, {1, 1, M, byOrder}, {2, -1, R, QString()}}));
}

void TestSheetMatcher::mixedStages() {
    // Numbers where read, look where not, order for the rest.
    QVector<SheetInfo> olds{sheet(0, "A-101"), sheet(1, QString()), sheet(2, QString()), sheet(3, "A-104")};
    QVector<SheetInfo> news{sheet(0, QString()), sheet(1, "A-101"), sheet(2, QString()), sheet(3, "A-104")};
    olds[1].thumbnail = thumbnail(21);
    olds[2].thumbnail = thumbnail(22);
    news[0].thumbnail = revised(thumbnail(22));
    news[2].thumbnail = thumbnail(23); // unlike anything: paired by order with old 1
    COMPARE_PAIRS(
        matchSheets(olds, news),
        (QVector<Pair>{{2, 0, M, byVisual}, {0, 1, M, byNumber}, {1, 2, M, byOrder}, {3, 3, M, byNumber}}));
}

void TestSheetMatcher::ocrMisreadPairedVisually() {
    // OCR read A-102 as A-182 on the scan: the drawings are the same, so they pair visually.
    QVector<SheetInfo> olds{sheet(0, "A-101"), sheet(1, "A-102")};
    QVector<SheetInfo> news{sheet(0, "A-101", "ocr"), sheet(1, "A-182", "ocr")};
    olds[1].thumbnail = thumbnail(31);
    news[1].thumbnail = revised(thumbnail(31));
    COMPARE_PAIRS(matchSheets(olds, news), (QVector<Pair>{{0, 0, M, byNumber}, {1, 1, M, byVisual}}));

    // From text layers both numbers are certain: a different number is a different sheet.
    news[1].identity.source = QStringLiteral("text");
    COMPARE_PAIRS(matchSheets(olds, news),
                  (QVector<Pair>{{0, 0, M, byNumber}, {1, -1, R, QString()}, {-1, 1, A, QString()}}));
}

void TestSheetMatcher::pagesListedOutOfOrder() {
    // The caller may list sheets in any order; page indices decide.
    const QVector<SheetInfo> olds{sheet(2, "A-103"), sheet(0, "A-101"), sheet(1, "A-102")};
    const QVector<SheetInfo> news{sheet(1, "A-101"), sheet(0, "A-103")};
    COMPARE_PAIRS(matchSheets(olds, news),
                  (QVector<Pair>{{2, 0, M, byNumber}, {0, 1, M, byNumber}, {1, -1, R, QString()}}));
}

void TestSheetMatcher::emptySets() {
    QVERIFY(matchSheets({}, {}).isEmpty());
    COMPARE_PAIRS(matchSheets({}, {sheet(0, "A-101")}), (QVector<Pair>{{-1, 0, A, QString()}}));
    COMPARE_PAIRS(matchSheets({sheet(0, "A-101")}, {}), (QVector<Pair>{{0, -1, R, QString()}}));
}

void TestSheetMatcher::visualFallbackOnCorpus_data() {
    QTest::addColumn<QString>("caseName");
    QTest::addColumn<QVector<Pair>>("expected");
    // Three floor plans of one building: different sheets correlate at ~0.9 before the shared
    // ink is taken out.
    QTest::newRow("case01_cad") << "case01_cad"
                                << QVector<Pair>{
                                       {0, 0, M, byVisual}, {1, 1, M, byVisual}, {2, 2, M, byVisual}};
    // Vector OLD against a grey, rotated, rescaled, noisy scan NEW.
    QTest::newRow("case03_scan") << "case03_scan"
                                 << QVector<Pair>{
                                        {0, 0, M, byVisual}, {1, 1, M, byVisual}, {2, 2, M, byVisual}};
    // Reordered with one sheet added (A-102, NEW page 4).
    QTest::newRow("case02_svg") << "case02_svg"
                                << QVector<Pair>{{0, 0, M, byVisual},
                                                 {2, 1, M, byVisual},
                                                 {1, 2, M, byVisual},
                                                 {-1, 3, A, QString()},
                                                 {3, 4, M, byVisual}};
}

void TestSheetMatcher::visualFallbackOnCorpus() {
    // Pairing by look alone (numbers withheld) on real renders.
    QFETCH(QString, caseName);
    QFETCH(QVector<Pair>, expected);
    const QString dir = QStringLiteral(BT_SHARED_DIR "/corpus/public/") + caseName;
    if (!QFileInfo::exists(dir + QStringLiteral("/old.pdf"))) QSKIP("shared corpus not available");
    auto load = [&](const QString &name) {
        DocumentError error;
        const auto doc = Document::open(dir + QLatin1Char('/') + name, QString(), &error);
        QVector<SheetInfo> sheets;
        for (int p = 0; doc && p < doc->pageCount(); ++p) {
            SheetInfo info = sheet(p, QString());
            const double dpi = 256.0 / (doc->pageSizePt(p).width() / 72.0);
            info.thumbnail = doc->render(p, RenderOptions{dpi}).grey;
            sheets.append(info);
        }
        return sheets;
    };
    const QVector<SheetInfo> olds = load(QStringLiteral("old.pdf")), news = load(QStringLiteral("new.pdf"));
    QVERIFY(!olds.isEmpty() && !news.isEmpty());
    COMPARE_PAIRS(matchSheets(olds, news), expected);
}

void TestSheetMatcher::sheetIndexesOfOtherCountsPairByLook() {
    // "Sheet N of M" numbers are positions: a sheet inserted as 2 of 4 shifts the old 2 of 3 to
    // 3 of 4. Indexes of sets of different counts pair nothing by number and conflict with
    // nothing: the drawings decide.
    QVector<SheetInfo> olds, news;
    for (int i = 0; i < 3; ++i) {
        olds.append(sheet(i, QString::number(i + 1)));
        olds.last().identity.sheetCount = 3;
        olds.last().thumbnail = thumbnail(200 + unsigned(i));
    }
    const int shows[] = {0, 9, 1, 2}; // new page i shows old page shows[i]; 9: an inserted sheet
    for (int i = 0; i < 4; ++i) {
        news.append(sheet(i, QString::number(i + 1)));
        news.last().identity.sheetCount = 4;
        news.last().thumbnail = revised(thumbnail(200 + unsigned(shows[i])));
    }
    COMPARE_PAIRS(matchSheets(olds, news),
                  (QVector<Pair>{
                      {0, 0, M, byVisual}, {-1, 1, A, QString()}, {1, 2, M, byVisual}, {2, 3, M, byVisual}}));
    // Sets of one count pair by index as by any number.
    for (SheetInfo &n : news)
        n.identity.sheetCount = 3;
    news.removeAt(1);
    for (int i = 0; i < 3; ++i) {
        news[i].page = i;
        news[i].identity.number = QString::number(i + 1);
    }
    COMPARE_PAIRS(matchSheets(olds, news),
                  (QVector<Pair>{{0, 0, M, byNumber}, {1, 1, M, byNumber}, {2, 2, M, byNumber}}));
}

void TestSheetMatcher::reexportOnOtherPaperPairsByNumber() {
    // An Altium set re-exported from US Letter onto A4 (content scaled 5 %), sheets 2 and 3
    // swapped, its last sheet (an assembly view without a sheet number) dropped: every numbered
    // sheet pairs with its number, wherever it went.
    QTemporaryDir dir;
    QVector<test::ElectronicSheetSpec> olds, news;
    for (int i = 0; i < 5; ++i) {
        test::ElectronicSheetSpec spec;
        spec.sheet = i + 1;
        spec.count = 5;
        spec.seed = 10 + i;
        olds.append(spec);
        spec.paperPt = QSizeF(842, 595);
        spec.contentScale = 1.05;
        news.append(spec);
    }
    std::swap(news[1], news[2]);
    olds.append(olds.last());
    olds.last().style = test::TitleBlockStyle::None;
    olds.last().seed = 99;
    const QString oldPath = dir.filePath(QStringLiteral("old.pdf")),
                  newPath = dir.filePath(QStringLiteral("new.pdf"));
    QVERIFY(test::writeElectronicSet(oldPath, olds));
    QVERIFY(test::writeElectronicSet(newPath, news));
    DocumentError error;
    const auto oldDoc = Document::open(oldPath, QString(), &error);
    const auto newDoc = Document::open(newPath, QString(), &error);
    QVERIFY(oldDoc && newDoc);
    QVector<Pair> got;
    for (const PageResult &p : matchDocuments(*oldDoc, *newDoc))
        got.append({p.oldPage, p.newPage, matchKindName(p.match), p.matchMethod});
    const QVector<Pair> expected{{0, 0, M, byNumber}, {2, 1, M, byNumber}, {1, 2, M, byNumber},
                                 {3, 3, M, byNumber}, {4, 4, M, byNumber}, {5, -1, R, QString()}};
    QVERIFY2(got == expected,
             qPrintable(QStringLiteral("got %1, expected %2").arg(describe(got), describe(expected))));
}

QTEST_MAIN(TestSheetMatcher)
#include "tst_sheetmatcher.moc"
