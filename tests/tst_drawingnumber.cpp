#include "sheet/drawingnumber.h"

#include <QtTest>

using namespace bt;

namespace {

Word word(const QString &text, double x, double y, double w, double h) {
    return Word{text, QRectF(x, y, w, h), 95};
}

} // namespace

class TestDrawingNumber : public QObject {
    Q_OBJECT

private slots:
    void accepts_data();
    void accepts();
    void rejects_data();
    void rejects();
    void repairsOcrConfusions_data();
    void repairsOcrConfusions();
    void normalises_data();
    void normalises();
    void paperSizeNames();
    void joinsTwoWords();
    void joinsPrefixDashNumber();
    void doesNotJoinDistantOrOtherLineWords();
    void doesNotJoinGridLabels();
    void candidateKeepsHeightAndBox();
    void referenceWordIsItsOwnCandidate();
    void splitsGluedTextLayerWords();
    void ignoresDatesDimensionsAndRoomNumbersInWordLists();
};

void TestDrawingNumber::accepts_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("cleaned");
    QTest::newRow("dash") << "A-101"
                          << "A-101";
    QTest::newRow("plain") << "A101"
                           << "A101";
    QTest::newRow("dotted") << "A1.01"
                            << "A1.01";
    QTest::newRow("suffix letter") << "A-101A"
                                   << "A-101A";
    QTest::newRow("structural") << "S-201"
                                << "S-201";
    QTest::newRow("mechanical") << "M-101"
                                << "M-101";
    QTest::newRow("two-letter prefix") << "AF101"
                                       << "AF101";
    QTest::newRow("leading zeros") << "G-001"
                                   << "G-001";
    QTest::newRow("short decimal") << "E2.1"
                                   << "E2.1";
    QTest::newRow("space") << "A 101"
                           << "A 101";
    QTest::newRow("fire protection") << "FP-1.1"
                                     << "FP-1.1";
    QTest::newRow("sub-sheet") << "A-101.1"
                               << "A-101.1";
    QTest::newRow("dot separator") << "A.101"
                                   << "A.101";
    QTest::newRow("underscore") << "A_101"
                                << "A_101";
    QTest::newRow("four digits") << "C1001"
                                 << "C1001";
    QTest::newRow("three-letter prefix") << "FPS-101"
                                         << "FPS-101";
    QTest::newRow("sub-discipline") << "E-LP-101"
                                    << "E-LP-101";
    QTest::newRow("en dash") << QString::fromUtf8("A\u2013101") << "A-101";
    QTest::newRow("em dash") << QString::fromUtf8("A\u2014101") << "A-101";
    QTest::newRow("spaced dash") << "A - 101"
                                 << "A-101";
    QTest::newRow("brackets") << "(A-101)"
                              << "A-101";
    QTest::newRow("trailing comma") << "A-101,"
                                    << "A-101";
    QTest::newRow("trailing period") << "S-201."
                                     << "S-201";
    QTest::newRow("lower case kept as printed") << "a-101"
                                                << "a-101";
    QTest::newRow("single digit with dash") << "A-1"
                                            << "A-1";
    QTest::newRow("A5 is not an ISO name we reject") << "A5"
                                                     << "A5";
}

void TestDrawingNumber::accepts() {
    QFETCH(QString, text);
    QFETCH(QString, cleaned);
    QVERIFY2(looksLikeDrawingNumber(text), qPrintable(text));
    QCOMPARE(cleanDrawingNumber(text), cleaned);
}

void TestDrawingNumber::rejects_data() {
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << "";
    QTest::newRow("plain number") << "101";
    QTest::newRow("room number") << "1204";
    QTest::newRow("date") << "08/18/2025";
    QTest::newRow("iso date") << "2025-08-18";
    QTest::newRow("dimension") << "22'-0\"";
    QTest::newRow("dimension inches") << "3'-6 1/2\"";
    QTest::newRow("scale") << "1/4\"";
    QTest::newRow("metric scale") << "1:50";
    QTest::newRow("revision") << "REV 1";
    QTest::newRow("revision glued") << "REV1";
    QTest::newRow("number label") << "NO. 1";
    QTest::newRow("number label glued") << "NO.1";
    QTest::newRow("word") << "ROOM";
    QTest::newRow("room label") << "ROOM 101";
    QTest::newRow("room abbreviation") << "RM 101";
    QTest::newRow("month") << "MAY 22";
    QTest::newRow("paper A1") << "A1";
    QTest::newRow("paper A0") << "A0";
    QTest::newRow("paper A4") << "A4";
    QTest::newRow("phone") << "555-123-4567";
    QTest::newRow("phone with area code") << "(555) 123-4567";
    QTest::newRow("phone with letter") << "T 555-1234";
    QTest::newRow("detail callout") << "5/A-501";
    QTest::newRow("letter only") << "A";
    QTest::newRow("prefix only") << "A-";
    QTest::newRow("four-letter prefix") << "ABCD-101";
    QTest::newRow("five digits") << "A-12345";
    QTest::newRow("ordinal") << "2ND";
    QTest::newRow("look-alikes only") << "AS-IS";
    QTest::newRow("mostly look-alikes") << "A-IOI";
    QTest::newRow("steel section") << "W12X26";
    QTest::newRow("two separators") << "A--101";
    QTest::newRow("trailing group") << "A-101-B";
    QTest::newRow("label") << "SCALE:";
    QTest::newRow("level") << "LEVEL 2";
    QTest::newRow("to") << "TO 101";
    QTest::newRow("units") << "MM 50";
    QTest::newRow("insulation R-value") << "R-21";
    QTest::newRow("insulation R-value glued") << "R38";
    QTest::newRow("U-factor") << "U-0.35";
    QTest::newRow("price") << "$500";
    QTest::newRow("dollar without separator") << "$201";
}

void TestDrawingNumber::rejects() {
    QFETCH(QString, text);
    QVERIFY2(!looksLikeDrawingNumber(text), qPrintable(text));
    QVERIFY(cleanDrawingNumber(text).isEmpty());
}

void TestDrawingNumber::repairsOcrConfusions_data() {
    QTest::addColumn<QString>("ocr");
    QTest::addColumn<QString>("repaired");
    QTest::newRow("O for 0") << "A-1O1"
                             << "A-101";
    QTest::newRow("lower o for 0") << "A-1o1"
                                   << "A-101";
    QTest::newRow("l for 1") << "A-l01"
                             << "A-101";
    QTest::newRow("I for 1") << "A-10I"
                             << "A-101";
    QTest::newRow("pipe for 1") << "A-|01"
                                << "A-101";
    QTest::newRow("S for 5") << "S-2S1"
                             << "S-251";
    QTest::newRow("no separator") << "AF1O1"
                                  << "AF101";
    QTest::newRow("prefix S is a letter") << "S-2O1"
                                          << "S-201";
    QTest::newRow("suffix letter kept after three digits") << "A-101S"
                                                           << "A-101S";
    QTest::newRow("last look-alike in a short group is a digit") << "A-10O"
                                                                 << "A-100";
    QTest::newRow("decimal group") << "A1.O1"
                                   << "A1.01";
    QTest::newRow("lower l after a letter prefix") << "Al01"
                                                   << "A101";
    QTest::newRow("bold S read as dollar") << "$-201"
                                           << "S-201";
}

void TestDrawingNumber::repairsOcrConfusions() {
    QFETCH(QString, ocr);
    QFETCH(QString, repaired);
    QVERIFY(looksLikeDrawingNumber(ocr));
    QCOMPARE(cleanDrawingNumber(ocr), repaired);
    const QVector<DrawingNumberCandidate> c = findDrawingNumberCandidates({word(ocr, 10, 10, 60, 20)});
    QCOMPARE(c.size(), 1);
    QCOMPARE(c.first().text, repaired);
}

void TestDrawingNumber::normalises_data() {
    QTest::addColumn<QString>("number");
    QTest::addColumn<QString>("normalised");
    QTest::newRow("dash") << "A-101"
                          << "A101";
    QTest::newRow("lower") << "a-101"
                           << "A101";
    QTest::newRow("space") << "A 101"
                           << "A101";
    QTest::newRow("dot") << "A1.01"
                         << "A101";
    QTest::newRow("underscore") << "A_101"
                                << "A101";
    QTest::newRow("en dash") << QString::fromUtf8("A\u2013101") << "A101";
    QTest::newRow("surrounding space") << " s-201 "
                                       << "S201";
    QTest::newRow("suffix") << "a-101a"
                            << "A101A";
    QTest::newRow("empty") << ""
                           << "";
}

void TestDrawingNumber::normalises() {
    QFETCH(QString, number);
    QFETCH(QString, normalised);
    QCOMPARE(normaliseDrawingNumber(number), normalised);
}

void TestDrawingNumber::paperSizeNames() {
    for (const char *name : {"A0", "A1", "A2", "A3", "A4", "a3"})
        QVERIFY2(isPaperSizeName(QString::fromLatin1(name)), name);
    for (const char *name : {"A5", "A-1", "B1", "A10", "A101"})
        QVERIFY2(!isPaperSizeName(QString::fromLatin1(name)), name);
}

void TestDrawingNumber::joinsTwoWords() {
    // Wide letter spacing in a title block: the text layer (or OCR) splits "A 101".
    const Words words{word("A", 100, 200, 14, 30), word("101", 124, 200, 46, 30)};
    const QVector<DrawingNumberCandidate> c = findDrawingNumberCandidates(words);
    QCOMPARE(c.size(), 1);
    QCOMPARE(c.first().text, QStringLiteral("A 101"));
    QCOMPARE(c.first().boxPt, QRectF(100, 200, 70, 30));
    QCOMPARE(c.first().heightPt, 30.0);
    QCOMPARE(normaliseDrawingNumber(c.first().text), QStringLiteral("A101"));

    // Word order in the list does not matter.
    const Words reversed{words.at(1), words.at(0)};
    QCOMPARE(findDrawingNumberCandidates(reversed).size(), 1);
}

void TestDrawingNumber::joinsPrefixDashNumber() {
    const Words three{word("A", 100, 200, 14, 30), word("-", 118, 200, 8, 30), word("1O1", 130, 200, 46, 30)};
    QVector<DrawingNumberCandidate> c = findDrawingNumberCandidates(three);
    QCOMPARE(c.size(), 1);
    QCOMPARE(c.first().text, QStringLiteral("A-101"));

    const Words two{word("AF-", 100, 200, 30, 30), word("101", 135, 200, 46, 30)};
    c = findDrawingNumberCandidates(two);
    QCOMPARE(c.size(), 1);
    QCOMPARE(c.first().text, QStringLiteral("AF-101"));
}

void TestDrawingNumber::doesNotJoinDistantOrOtherLineWords() {
    QVERIFY(
        findDrawingNumberCandidates({word("A", 100, 200, 14, 30), word("101", 300, 200, 46, 30)}).isEmpty());
    QVERIFY(
        findDrawingNumberCandidates({word("A", 100, 200, 14, 30), word("101", 118, 260, 46, 30)}).isEmpty());
    // Very different sizes are different texts (a grid bubble next to a dimension).
    QVERIFY(
        findDrawingNumberCandidates({word("A", 100, 200, 14, 30), word("101", 118, 210, 20, 8)}).isEmpty());
    // "ROOM 101", "REV 1" and "NO. 1" stay out as pairs too.
    QVERIFY(
        findDrawingNumberCandidates({word("RM", 100, 200, 20, 10), word("101", 124, 200, 20, 10)}).isEmpty());
    QVERIFY(
        findDrawingNumberCandidates({word("REV", 100, 200, 20, 10), word("1", 124, 200, 6, 10)}).isEmpty());
    QVERIFY(
        findDrawingNumberCandidates({word("NO.", 100, 200, 15, 10), word("1", 118, 200, 6, 10)}).isEmpty());
}

void TestDrawingNumber::doesNotJoinGridLabels() {
    // Grid bubbles "A" and "1" side by side are not sheet "A 1".
    QVERIFY(
        findDrawingNumberCandidates({word("A", 100, 200, 14, 20), word("1", 120, 200, 10, 20)}).isEmpty());
}

void TestDrawingNumber::candidateKeepsHeightAndBox() {
    const Words words{word("FIRST", 10, 10, 50, 12), word("A-101", 500, 400, 150, 44),
                      word("A-501", 50, 60, 30, 8)};
    const QVector<DrawingNumberCandidate> c = findDrawingNumberCandidates(words);
    QCOMPARE(c.size(), 2);
    QCOMPARE(c.at(0).text, QStringLiteral("A-101"));
    QCOMPARE(c.at(0).boxPt, QRectF(500, 400, 150, 44));
    QCOMPARE(c.at(0).heightPt, 44.0);
    QCOMPARE(c.at(1).text, QStringLiteral("A-501"));
    QCOMPARE(c.at(1).heightPt, 8.0);
}

void TestDrawingNumber::referenceWordIsItsOwnCandidate() {
    // "SEE A-501" yields the number; ranking it below the sheet's own is identifySheet's job.
    const QVector<DrawingNumberCandidate> c =
        findDrawingNumberCandidates({word("SEE", 100, 100, 20, 8), word("A-501", 124, 100, 28, 8)});
    QCOMPARE(c.size(), 1);
    QCOMPARE(c.first().text, QStringLiteral("A-501"));
    // A detail callout "5/A-501" is a reference by its form and no candidate at all.
    QVERIFY(findDrawingNumberCandidates({word("5/A-501", 100, 100, 40, 8)}).isEmpty());
}

void TestDrawingNumber::splitsGluedTextLayerWords() {
    // QtPdf's text runs separate text objects together: "A-101" + "REVISION" (measured on
    // case03_scan/old.pdf).
    QVector<DrawingNumberCandidate> c =
        findDrawingNumberCandidates({word("A-101REVISION", 2310, 1572, 207, 71)});
    QCOMPARE(c.size(), 1);
    QCOMPARE(c.first().text, QStringLiteral("A-101"));
    QCOMPARE(c.first().heightPt, 71.0);
    QCOMPARE(c.first().boxPt.left(), 2310.0);
    QVERIFY(c.first().boxPt.width() < 207.0);

    c = findDrawingNumberCandidates({word("NUMBERS-201", 100, 100, 110, 20)});
    QCOMPARE(c.size(), 1);
    QCOMPARE(c.first().text, QStringLiteral("S-201"));
    QVERIFY(c.first().boxPt.left() > 100.0);

    QVERIFY(findDrawingNumberCandidates({word("REVISIONS", 100, 100, 110, 20)}).isEmpty());
}

void TestDrawingNumber::ignoresDatesDimensionsAndRoomNumbersInWordLists() {
    const Words words{
        word("08/18/2025", 0, 0, 50, 10), word("22'-0\"", 0, 20, 30, 10),    word("1/4\"", 0, 40, 20, 10),
        word("101", 0, 60, 20, 10),       word("REV", 0, 80, 20, 10),        word("1", 24, 80, 6, 10),
        word("A1", 0, 100, 12, 10),       word("MAY", 0, 120, 20, 10),       word("22,", 24, 120, 14, 10),
        word("2020", 42, 120, 24, 10),    word("656-19-306", 0, 140, 60, 10)};
    QVERIFY(findDrawingNumberCandidates(words).isEmpty());
}

QTEST_MAIN(TestDrawingNumber)
#include "tst_drawingnumber.moc"
