// `buildtrace compare` end to end on generated drawing sets with known edits: exit codes, the
// result JSON (every field, the regions against the edits' boxes, sheet matching), overlays,
// colour presets, text changes, a half-size print, and the DPI from the environment.
// Where outputs go, passwords and histories: tst_clioutputs.
//
// Sets are kept small for speed: ARCH D at --dpi 100, or 17 x 11 in sheets.

#include "clifixture.h"
#include "drawinggenerator.h"
#include "testutil.h"
#include "version/version.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <opencv2/core/utility.hpp>
#include <optional>

using namespace bt::test;

namespace {

// An edit: where it is on NEW (points) and, for text edits, the texts of both sides.
struct Edit {
    QString name;
    QRectF box;
    QString oldText;
    QString newText;
};

} // namespace

class TestCli : public CliFixture {
    Q_OBJECT

private:
    // The edited pair (ARCH D, --dpi 100): A-101 edited, A-102 unchanged.
    QString m_editOld, m_editNew;
    QVector<SheetLayout> m_editOldLayout, m_editNewLayout;
    QVector<Edit> m_edits;
    std::optional<CliRun> m_editRun;       // standard colours, with renders
    std::optional<CliRun> m_colorblindRun; // --colors colorblind, no --renders
    // The reordered pair (17 x 11 in).
    std::optional<CliRun> m_reorderRun;

    const CliRun &editRun() {
        if (!m_editRun) {
            const QString json = path(QStringLiteral("edit.json"));
            m_editRun = runCli({QStringLiteral("compare"), m_editOld, m_editNew, QStringLiteral("--json"),
                                json, QStringLiteral("--out"), path(QStringLiteral("edit-out")),
                                QStringLiteral("--dpi"), QStringLiteral("100"), QStringLiteral("--renders")},
                               json);
        }
        return *m_editRun;
    }

    const CliRun &colorblindRun() {
        if (!m_colorblindRun) {
            const QString json = path(QStringLiteral("colorblind.json"));
            m_colorblindRun =
                runCli({QStringLiteral("compare"), m_editOld, m_editNew, QStringLiteral("--json"), json,
                        QStringLiteral("--out"), path(QStringLiteral("colorblind-out")),
                        QStringLiteral("--dpi"), QStringLiteral("100"), QStringLiteral("--colors"),
                        QStringLiteral("colorblind"), QStringLiteral("--quiet")},
                       json);
        }
        return *m_colorblindRun;
    }

    // OLD: A-101 A-102 A-103 A-104; NEW: A-103 A-101 A-105 A-102 (A-104 removed, A-105 added).
    const CliRun &reorderRun() {
        if (!m_reorderRun) {
            const QString oldPath = path(QStringLiteral("reorder-old.pdf"));
            const QString newPath = path(QStringLiteral("reorder-new.pdf"));
            const SheetSpec a101 =
                makeSheet(QStringLiteral("A-101"), QStringLiteral("FIRST FLOOR PLAN"), 61, kTabloid);
            const SheetSpec a102 =
                makeSheet(QStringLiteral("A-102"), QStringLiteral("SECOND FLOOR PLAN"), 62, kTabloid);
            const SheetSpec a103 =
                makeSheet(QStringLiteral("A-103"), QStringLiteral("THIRD FLOOR PLAN"), 63, kTabloid);
            const SheetSpec a104 =
                makeSheet(QStringLiteral("A-104"), QStringLiteral("FOURTH FLOOR PLAN"), 64, kTabloid);
            const SheetSpec a105 =
                makeSheet(QStringLiteral("A-105"), QStringLiteral("ROOF PLAN"), 65, kTabloid);
            if (writeVectorSet(oldPath, {a101, a102, a103, a104}).size() != 4 ||
                writeVectorSet(newPath, {a103, a101, a105, a102}).size() != 4)
                return *(m_reorderRun = CliRun());
            const QString json = path(QStringLiteral("reorder.json"));
            m_reorderRun = runCli({QStringLiteral("compare"), oldPath, newPath, QStringLiteral("--json"),
                                   json, QStringLiteral("--out"), path(QStringLiteral("reorder-out")),
                                   QStringLiteral("--dpi"), QStringLiteral("100"), QStringLiteral("--quiet")},
                                  json);
        }
        return *m_reorderRun;
    }

private slots:
    void initTestCase() {
        setUpFiles();
        if (QTest::currentTestFailed()) return;

        // Edited pair: A-101 gets a note, a renamed room, REV 2 and a new wall; A-102 is unchanged.
        const SheetSpec a101 =
            makeSheet(QStringLiteral("A-101"), QStringLiteral("FIRST FLOOR PLAN"), 5, kArchD);
        const SheetSpec a102 =
            makeSheet(QStringLiteral("A-102"), QStringLiteral("SECOND FLOOR PLAN"), 8, kArchD);
        SheetSpec edited = a101;
        const QStringList rooms = roomNames(a101);
        QVERIFY(rooms.size() >= 4);
        const QString note = QStringLiteral("VERIFY ALL DIMENSIONS IN FIELD BEFORE ORDERING MATERIALS.");
        edited.extraNotes << note;
        const QString oldRoom = rooms.value(2), newRoom = QStringLiteral("QUIET STUDY");
        edited.roomRenames.insert(oldRoom, newRoom);
        edited.revision = QStringLiteral("REV 2");
        const QRectF room = roomRects(a101).value(QStringLiteral("room:") + rooms.value(1));
        QVERIFY(!room.isEmpty());
        edited.extraWallsIn << QRectF(room.left() / 72, (room.top() + 10) / 72, room.width() / 2 / 72,
                                      4.5 / 72);
        m_editOld = path(QStringLiteral("edit-old.pdf"));
        m_editNew = path(QStringLiteral("edit-new.pdf"));
        m_editOldLayout = writeVectorSet(m_editOld, {a101, a102});
        m_editNewLayout = writeVectorSet(m_editNew, {edited, a102});
        QCOMPARE(m_editOldLayout.size(), 2);
        QCOMPARE(m_editNewLayout.size(), 2);
        const SheetLayout &o = m_editOldLayout[0], &n = m_editNewLayout[0];
        const int notes = int(o.keys().filter(QRegularExpression(QStringLiteral("^note:"))).size());
        const QString noteKey = QStringLiteral("note:%1").arg(notes);
        QVERIFY2(n.contains(noteKey), qPrintable(noteKey));
        m_edits = {
            {QStringLiteral("note"), n.value(noteKey), QString(), note},
            {QStringLiteral("room"),
             n.value(QStringLiteral("room:") + newRoom) | o.value(QStringLiteral("room:") + oldRoom), oldRoom,
             newRoom},
            {QStringLiteral("revision"),
             n.value(QStringLiteral("revision")) | o.value(QStringLiteral("revision")),
             QStringLiteral("REV 1"), QStringLiteral("REV 2")},
            {QStringLiteral("wall"), n.value(QStringLiteral("wall:extra0")), QString(), QString()},
        };
        for (const Edit &e : m_edits)
            QVERIFY2(!e.box.isEmpty(), qPrintable(e.name));
    }

    void help() {
        const CliRun r = runCli({QStringLiteral("compare"), QStringLiteral("--help")});
        QVERIFY2(r.finished && r.exitStatus == QProcess::NormalExit, qPrintable(describe(r)));
        QCOMPARE(r.exitCode, 0);
        const QString text = QString::fromUtf8(r.stdOut);
        for (const char *option :
             {"--json", "--out", "--dpi", "--old-password", "--new-password", "--tolerance", "--colors",
              "--max-megapixels", "--renders", "--mode", "--events", "--db", "--quiet", "--help"})
            QVERIFY2(text.contains(QLatin1String(option)), option);
        for (const char *word :
             {"OLD", "NEW", "standard", "colorblind", "PAGE_EXTRACTION_DPI", "Exit status"})
            QVERIFY2(text.contains(QLatin1String(word)), word);
        // The usage line shows how to call it: with the compare command.
        const QString usage = text.section(QLatin1Char('\n'), 0, 0);
        QVERIFY2(usage.contains(QStringLiteral("compare")), qPrintable(usage));

        const CliRun top = runCli({QStringLiteral("--help")});
        QCOMPARE(top.exitCode, 0);
        QVERIFY(QString::fromUtf8(top.stdOut).contains(QStringLiteral("compare")));
    }

    // --version (and -v): the application's version, then the Qt, OpenCV and Tesseract libraries
    // the process loaded, each equal to what this test process loads from the same libraries.
    void version() {
        const bt::LibraryVersions v = bt::libraryVersions();
        QCOMPARE(v.qt, QString::fromLatin1(qVersion()));
        QCOMPARE(v.openCv, QString::fromStdString(cv::getVersionString()));
        QVERIFY2(QRegularExpression(QStringLiteral("^\\d+\\.\\d+")).match(v.tesseract).hasMatch(),
                 qPrintable(v.tesseract));
        for (const QString &flag : {QStringLiteral("--version"), QStringLiteral("-v")}) {
            const CliRun r = runCli({flag});
            QVERIFY2(r.finished && r.exitStatus == QProcess::NormalExit, qPrintable(describe(r)));
            QCOMPARE(r.exitCode, 0);
            QVERIFY2(r.stdErr.isEmpty(), qPrintable(r.stdErr));
            const QStringList out = lines(QString::fromUtf8(r.stdOut));
            QCOMPARE(out.size(), 4);
            QCOMPARE(out[0], QStringLiteral("buildtrace " BT_VERSION));
            QVERIFY2(out[1].startsWith(QStringLiteral("Qt %1").arg(v.qt)), qPrintable(out[1]));
            QCOMPARE(out[2], QStringLiteral("OpenCV %1").arg(v.openCv));
            QCOMPARE(out[3], QStringLiteral("Tesseract %1").arg(v.tesseract));
        }
    }

    void identicalSets() {
        const QString json = path(QStringLiteral("same.json"));
        const QString out = path(QStringLiteral("same-out"));
        const CliRun r =
            runCli({QStringLiteral("compare"), m_sameOld, m_sameNew, QStringLiteral("--json"), json,
                    QStringLiteral("--out"), out, QStringLiteral("--dpi"), QStringLiteral("100")},
                   json);
        QVERIFY2(r.finished && r.exitStatus == QProcess::NormalExit, qPrintable(describe(r)));
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        checkTopLevel(r.json);
        const QJsonArray pages = r.json.value(QStringLiteral("pages")).toArray();
        QCOMPARE(pages.size(), 2);
        for (int i = 0; i < 2; ++i) {
            const QJsonObject p = pages[i].toObject();
            checkPageFields(p, true);
            if (QTest::currentTestFailed()) return;
            QCOMPARE(p.value(QStringLiteral("match")).toString(), QStringLiteral("matched"));
            QCOMPARE(p.value(QStringLiteral("old_page")).toInt(), i + 1);
            QCOMPARE(p.value(QStringLiteral("new_page")).toInt(), i + 1);
            QCOMPARE(p.value(QStringLiteral("drawing_name")).toString(), QStringLiteral("A-20%1").arg(i + 1));
            const QJsonObject diff = p.value(QStringLiteral("diff_result")).toObject();
            QCOMPARE(diff.value(QStringLiteral("change_count")).toInt(), 0);
            QCOMPARE(diff.value(QStringLiteral("changes_detected")).toBool(), false);
            QVERIFY(regionsOf(p).isEmpty());
            QCOMPARE(diff.value(QStringLiteral("dpi")).toDouble(), 100.0);
        }
        // Summary lines on stdout, naming the JSON.
        QVERIFY(QString::fromUtf8(r.stdOut).contains(QFileInfo(json).absoluteFilePath()));
    }

    void editsAreFound() {
        const CliRun &r = editRun();
        QVERIFY2(r.finished && r.exitStatus == QProcess::NormalExit, qPrintable(describe(r)));
        QVERIFY2(r.exitCode == 1, qPrintable(describe(r)));
        checkTopLevel(r.json);
        const QJsonArray pages = r.json.value(QStringLiteral("pages")).toArray();
        QCOMPARE(pages.size(), 2);
        const QJsonObject edited = pageByNew(r.json, 1);
        QCOMPARE(edited.value(QStringLiteral("drawing_name")).toString(), QStringLiteral("A-101"));
        QCOMPARE(edited.value(QStringLiteral("match")).toString(), QStringLiteral("matched"));
        QCOMPARE(edited.value(QStringLiteral("old_page")).toInt(), 1);
        const QJsonArray regions = regionsOf(edited);
        QVERIFY(edited.value(QStringLiteral("diff_result"))
                    .toObject()
                    .value(QStringLiteral("changes_detected"))
                    .toBool());

        QStringList boxes;
        for (const QJsonValue &v : regions)
            boxes << rectText(*jsonRect(v.toObject().value(QStringLiteral("bbox_pt"))));
        const QString all = QStringLiteral("regions: ") + boxes.join(QLatin1Char(' '));
        // Every edit is hit by a region.
        for (const Edit &e : m_edits) {
            bool hit = false;
            for (const QJsonValue &v : regions)
                hit = hit || hits(e.box, *jsonRect(v.toObject().value(QStringLiteral("bbox_pt"))));
            QVERIFY2(
                hit,
                qPrintable(QStringLiteral("edit '%1' at %2 missed; %3").arg(e.name, rectText(e.box), all)));
        }
        // No region away from the edits.
        for (const QJsonValue &v : regions) {
            const QRectF box = *jsonRect(v.toObject().value(QStringLiteral("bbox_pt")));
            bool near = false;
            for (const Edit &e : m_edits)
                near = near || hits(e.box, box);
            QVERIFY2(near, qPrintable(QStringLiteral("false region %1").arg(rectText(box))));
        }
        QVERIFY2(regions.size() <= 2 * m_edits.size(), qPrintable(all));

        // The unchanged sheet has no changes.
        const QJsonObject same = pageByNew(r.json, 2);
        QCOMPARE(same.value(QStringLiteral("drawing_name")).toString(), QStringLiteral("A-102"));
        QCOMPARE(same.value(QStringLiteral("diff_result"))
                     .toObject()
                     .value(QStringLiteral("change_count"))
                     .toInt(),
                 0);
        QCOMPARE(same.value(QStringLiteral("diff_result"))
                     .toObject()
                     .value(QStringLiteral("changes_detected"))
                     .toBool(),
                 false);
    }

    // review JOB PAGE CHANGE --status S --comment T: kept in the history like the viewer's review
    // (the change list shows it); unknown changes and statuses are one line and exit 2.
    void reviewCommand() {
        const QString db = path(QStringLiteral("review-history.sqlite")),
                      json = path(QStringLiteral("review.json"));
        const QStringList inDb{QStringLiteral("--db"), db};
        const CliRun r = runCli(QStringList{QStringLiteral("compare"), m_editOld, m_editNew,
                                            QStringLiteral("--json"), json, QStringLiteral("--dpi"),
                                            QStringLiteral("100"), QStringLiteral("--quiet")} +
                                    inDb,
                                json);
        QVERIFY2(r.finished && r.exitCode == 1, qPrintable(describe(r)));
        const QString job = r.json.value(QStringLiteral("job_id")).toString();
        const QString page =
            QString::number(pageByNew(r.json, 1).value(QStringLiteral("page_number")).toInt());
        QVERIFY(!regionsOf(pageByNew(r.json, 1)).isEmpty());
        const CliRun set =
            runCli(QStringList{QStringLiteral("review"), job, page, QStringLiteral("1"),
                               QStringLiteral("--status"), QStringLiteral("needs_clarification"),
                               QStringLiteral("--comment"), QStringLiteral("Which schedule?")} +
                   inDb);
        QVERIFY2(set.finished && set.exitCode == 0, qPrintable(describe(set)));
        QVERIFY2(set.stdOut.contains("needs_clarification"), set.stdOut.constData());
        const QString csv = path(QStringLiteral("reviewed.csv"));
        const CliRun show =
            runCli(QStringList{QStringLiteral("show"), job, QStringLiteral("--changes-csv"), csv} + inDb);
        QVERIFY2(show.finished && show.exitCode == 0, qPrintable(describe(show)));
        const QByteArray rows = readFile(csv);
        QVERIFY2(rows.contains(",needs_clarification,Which schedule?"), rows.constData());
        for (const QStringList &bad :
             {QStringList{job, page, QStringLiteral("999"), QStringLiteral("--status"),
                          QStringLiteral("accepted")},
              QStringList{job, page, QStringLiteral("1"), QStringLiteral("--status"),
                          QStringLiteral("maybe")},
              QStringList{QStringLiteral("no-such-job"), page, QStringLiteral("1")}}) {
            const CliRun e = runCli(QStringList{QStringLiteral("review")} + bad + inDb);
            QVERIFY2(e.finished && e.exitCode == 2 && e.stdErr.trimmed().count(QLatin1Char('\n')) == 0,
                     qPrintable(describe(e)));
        }
    }

    void changedTexts() {
        const CliRun &r = editRun();
        QVERIFY2(r.exitCode == 1, qPrintable(describe(r)));
        const QJsonArray regions = regionsOf(pageByNew(r.json, 1));
        for (const Edit &e : m_edits) {
            if (e.newText.isEmpty()) continue;
            bool found = false;
            QStringList seen;
            for (const QJsonValue &v : regions) {
                const QJsonObject reg = v.toObject();
                if (!hits(e.box, *jsonRect(reg.value(QStringLiteral("bbox_pt"))))) continue;
                const QString nu = texts(reg.value(QStringLiteral("new_text"))).join(QLatin1Char(' '));
                const QString old = texts(reg.value(QStringLiteral("old_text"))).join(QLatin1Char(' '));
                seen << QStringLiteral("old '%1' new '%2'").arg(old, nu);
                found = found || (nu.contains(e.newText) && (e.oldText.isEmpty() || old.contains(e.oldText)));
            }
            QVERIFY2(found,
                     qPrintable(QStringLiteral("%1: want '%2' -> '%3'; regions: %4")
                                    .arg(e.name, e.oldText, e.newText, seen.join(QStringLiteral("; ")))));
        }
        // The page summary mentions the changed texts too.
        const QString summary = pageByNew(r.json, 1)
                                    .value(QStringLiteral("summary"))
                                    .toObject()
                                    .value(QStringLiteral("summary_text"))
                                    .toString();
        QVERIFY2(summary.contains(QStringLiteral("REV 2")), qPrintable(summary));
    }

    void jsonHasEveryField() {
        const CliRun &edit = editRun();
        QVERIFY2(edit.exitCode == 1, qPrintable(describe(edit)));
        checkTopLevel(edit.json);
        for (const QJsonValue &p : edit.json.value(QStringLiteral("pages")).toArray()) {
            checkPageFields(p.toObject(), true);
            if (QTest::currentTestFailed()) return;
        }
        // Added and removed sheets have the same fields (no diff of their own).
        const CliRun &reorder = reorderRun();
        QVERIFY2(reorder.exitCode == 1, qPrintable(describe(reorder)));
        checkTopLevel(reorder.json);
        for (const QJsonValue &p : reorder.json.value(QStringLiteral("pages")).toArray()) {
            checkPageFields(p.toObject(), true);
            if (QTest::currentTestFailed()) return;
        }
    }

    void overlayFiles() {
        const CliRun &r = editRun();
        QVERIFY2(r.exitCode == 1, qPrintable(describe(r)));
        for (const QJsonValue &pv : r.json.value(QStringLiteral("pages")).toArray()) {
            const QJsonObject diff = pv.toObject().value(QStringLiteral("diff_result")).toObject();
            const QString overlay = diff.value(QStringLiteral("overlay_path")).toString();
            QVERIFY2(QFileInfo::exists(overlay), qPrintable(overlay));
            QVERIFY(QFileInfo(overlay).absolutePath() ==
                    QFileInfo(path(QStringLiteral("edit-out"))).absoluteFilePath());
            const QImage img(overlay);
            QVERIFY2(!img.isNull(), qPrintable(overlay));
            // The NEW page's pixel size at the dpi.
            const double dpi = diff.value(QStringLiteral("dpi")).toDouble();
            const QJsonArray size = diff.value(QStringLiteral("page_size_pt")).toArray();
            const QSize expected(int(std::lround(size[0].toDouble() * dpi / 72)),
                                 int(std::lround(size[1].toDouble() * dpi / 72)));
            QVERIFY2(qAbs(img.width() - expected.width()) <= 1 && qAbs(img.height() - expected.height()) <= 1,
                     qPrintable(QStringLiteral("%1 x %2, expected %3 x %4")
                                    .arg(img.width())
                                    .arg(img.height())
                                    .arg(expected.width())
                                    .arg(expected.height())));
            QCOMPARE(expected, QSize(3600, 2400)); // ARCH D at 100 dpi
            // Renders next to it (asked for with --renders).
            for (const char *key : {"aligned_old_path", "new_render_path"}) {
                const QString render = diff.value(QLatin1String(key)).toString();
                QVERIFY2(!render.isEmpty() && QFileInfo::exists(render), key);
            }
        }
    }

    void colourBlindOverlay() {
        const CliRun &standard = editRun();
        const CliRun &cb = colorblindRun();
        QVERIFY2(standard.exitCode == 1, qPrintable(describe(standard)));
        QVERIFY2(cb.exitCode == 1, qPrintable(describe(cb)));
        QVERIFY2(cb.stdOut.isEmpty() && cb.stdErr.isEmpty(), "--quiet prints nothing");
        const QJsonObject cbDiff = pageByNew(cb.json, 1).value(QStringLiteral("diff_result")).toObject();
        const QJsonObject stdDiff =
            pageByNew(standard.json, 1).value(QStringLiteral("diff_result")).toObject();
        // Without --renders: the overlay only.
        QVERIFY(cbDiff.value(QStringLiteral("aligned_old_path")).isNull());
        QVERIFY(cbDiff.value(QStringLiteral("new_render_path")).isNull());
        QCOMPARE(QDir(path(QStringLiteral("colorblind-out")))
                     .entryList({QStringLiteral("*_old_aligned.png")})
                     .size(),
                 0);

        const QImage cbImg(cbDiff.value(QStringLiteral("overlay_path")).toString());
        const QImage stdImg(stdDiff.value(QStringLiteral("overlay_path")).toString());
        QVERIFY(!cbImg.isNull() && !stdImg.isNull());
        QCOMPARE(cbImg.size(), stdImg.size());
        // Ink of the added wall: colour-blind 'added' blue (0, 114, 178), standard green.
        const Edit wall = m_edits.value(3);
        QCOMPARE(wall.name, QStringLiteral("wall"));
        const double s = cbDiff.value(QStringLiteral("dpi")).toDouble() / 72.0;
        const QRect box = QRectF(wall.box.topLeft() * s, wall.box.size() * s).toAlignedRect() & cbImg.rect();
        int blue = 0, green = 0, stdGreen = 0, stdBlue = 0;
        // Ink cores carry the preset colour; the standard cloud (0, 90, 220) is not in this family.
        auto isBlue = [](QRgb c) {
            return qRed(c) < 60 && qAbs(qGreen(c) - 114) < 20 && qAbs(qBlue(c) - 178) < 30;
        };
        auto isGreen = [](QRgb c) { return qGreen(c) > 120 && qRed(c) < 100 && qBlue(c) < 100; };
        for (int y = box.top(); y <= box.bottom(); ++y)
            for (int x = box.left(); x <= box.right(); ++x) {
                const QRgb c = cbImg.pixel(x, y), d = stdImg.pixel(x, y);
                blue += isBlue(c);
                green += isGreen(c);
                stdGreen += isGreen(d);
                stdBlue += isBlue(d);
            }
        QVERIFY2(blue > 50 && green == 0,
                 qPrintable(QStringLiteral("colour-blind overlay: %1 blue, %2 green px in the wall")
                                .arg(blue)
                                .arg(green)));
        QVERIFY2(
            stdGreen > 50 && stdBlue == 0,
            qPrintable(QStringLiteral("standard overlay: %1 green, %2 blue px").arg(stdGreen).arg(stdBlue)));
        // The exact preset colour at the ink core.
        bool exact = false;
        for (int y = box.top(); y <= box.bottom() && !exact; ++y)
            for (int x = box.left(); x <= box.right() && !exact; ++x)
                exact = cbImg.pixel(x, y) == qRgb(0, 114, 178);
        QVERIFY(exact);
        // Same regions either way.
        QCOMPARE(cbDiff.value(QStringLiteral("change_count")).toInt(),
                 stdDiff.value(QStringLiteral("change_count")).toInt());
    }

    void reorderedAddedRemoved() {
        const CliRun &r = reorderRun();
        QVERIFY2(r.finished && r.exitStatus == QProcess::NormalExit, qPrintable(describe(r)));
        QVERIFY2(r.exitCode == 1, qPrintable(describe(r)));
        QVERIFY2(r.stdOut.isEmpty() && r.stdErr.isEmpty(), "--quiet prints nothing");
        checkTopLevel(r.json);
        struct Expect {
            QString name;
            QJsonValue oldPage, newPage;
            QString match;
        };
        const QVector<Expect> expected = {
            {QStringLiteral("A-103"), 3, 1, QStringLiteral("matched")},
            {QStringLiteral("A-101"), 1, 2, QStringLiteral("matched")},
            {QStringLiteral("A-105"), QJsonValue(), 3, QStringLiteral("added")},
            {QStringLiteral("A-102"), 2, 4, QStringLiteral("matched")},
            {QStringLiteral("A-104"), 4, QJsonValue(), QStringLiteral("removed")},
        };
        const QJsonArray pages = r.json.value(QStringLiteral("pages")).toArray();
        QCOMPARE(pages.size(), expected.size());
        for (const Expect &e : expected) {
            bool found = false;
            for (const QJsonValue &pv : pages) {
                const QJsonObject p = pv.toObject();
                if (p.value(QStringLiteral("drawing_name")).toString() != e.name) continue;
                found = true;
                QVERIFY2(p.value(QStringLiteral("old_page")) == e.oldPage, qPrintable(e.name + " old_page"));
                QVERIFY2(p.value(QStringLiteral("new_page")) == e.newPage, qPrintable(e.name + " new_page"));
                QCOMPARE(p.value(QStringLiteral("match")).toString(), e.match);
                const QJsonObject diff = p.value(QStringLiteral("diff_result")).toObject();
                if (e.match == QLatin1String("matched")) {
                    QVERIFY2(diff.value(QStringLiteral("change_count")).toInt() == 0, qPrintable(e.name));
                    QVERIFY(!diff.value(QStringLiteral("changes_detected")).toBool());
                } else {
                    QVERIFY(diff.value(QStringLiteral("changes_detected")).toBool());
                }
            }
            QVERIFY2(found, qPrintable(e.name));
        }
        // Ordered by NEW page, the removed sheet right after the sheet that preceded it in OLD
        // (A-104 followed A-103).
        QStringList order;
        for (const QJsonValue &pv : pages)
            order << pv.toObject().value(QStringLiteral("drawing_name")).toString();
        QCOMPARE(order.join(QLatin1Char(',')), QStringLiteral("A-103,A-104,A-101,A-105,A-102"));
    }
    void halfSizePrint() {
        // The same sheet printed half size on 18 x 12 in paper, against the full-size ARCH D set.
        const SheetSpec sheet =
            makeSheet(QStringLiteral("A-301"), QStringLiteral("ENLARGED PLAN"), 9, kArchD);
        const QString full = path(QStringLiteral("full.pdf"));
        const QString half = path(QStringLiteral("half.pdf"));
        QCOMPARE(writeVectorSet(full, {sheet}).size(), 1);
        PrintTransform print;
        print.paperIn = QSizeF(18, 12);
        print.scale = 0.5;
        QCOMPARE(writeVectorSet(half, {sheet}, print).size(), 1);
        const QString json = path(QStringLiteral("half.json"));
        const CliRun r = runCli({QStringLiteral("compare"), full, half, QStringLiteral("--json"), json,
                                 QStringLiteral("--dpi"), QStringLiteral("150"), QStringLiteral("--quiet")},
                                json);
        QVERIFY2(r.finished && r.exitStatus == QProcess::NormalExit, qPrintable(describe(r)));
        QVERIFY2(r.exitCode == 0 || r.exitCode == 1, qPrintable(describe(r)));
        const QJsonObject page = pageByNew(r.json, 1);
        QCOMPARE(page.value(QStringLiteral("match")).toString(), QStringLiteral("matched"));
        QCOMPARE(page.value(QStringLiteral("drawing_name")).toString(), QStringLiteral("A-301"));
        const QJsonObject diff = page.value(QStringLiteral("diff_result")).toObject();
        const QJsonObject alignment = diff.value(QStringLiteral("alignment")).toObject();
        const QJsonArray t = alignment.value(QStringLiteral("transform")).toArray();
        const double a = t[0].toArray()[0].toDouble(), b = t[0].toArray()[1].toDouble(),
                     tx = t[0].toArray()[2].toDouble();
        const double c = t[1].toArray()[0].toDouble(), d = t[1].toArray()[1].toDouble(),
                     ty = t[1].toArray()[2].toDouble();
        // NEW px -> OLD px: twice the size, same origin.
        QVERIFY2(
            qAbs(a - 2) < 0.02 && qAbs(d - 2) < 0.02 && qAbs(b) < 0.01 && qAbs(c) < 0.01,
            qPrintable(
                QStringLiteral("transform %1 %2 %3 / %4 %5 %6").arg(a).arg(b).arg(tx).arg(c).arg(d).arg(ty)));
        QVERIFY2(qAbs(tx) < 4 && qAbs(ty) < 4, qPrintable(QStringLiteral("offset %1, %2").arg(tx).arg(ty)));
        QVERIFY(qAbs(alignment.value(QStringLiteral("scale")).toDouble() - 2) < 0.02);
        QVERIFY(alignment.value(QStringLiteral("warning")).isNull());
        QCOMPARE(diff.value(QStringLiteral("page_size_pt")).toArray()[0].toDouble(), 1296.0);
        // Same drawing: at most a couple of spurious regions.
        const QJsonArray regions = regionsOf(page);
        QStringList boxes;
        for (const QJsonValue &v : regions)
            boxes << rectText(*jsonRect(v.toObject().value(QStringLiteral("bbox_pt"))));
        QVERIFY2(regions.size() <= 2,
                 qPrintable(
                     QStringLiteral("%1 regions: %2").arg(regions.size()).arg(boxes.join(QLatin1Char(' ')))));
    }

    void dpiFromEnvironment() {
        const QString json = path(QStringLiteral("env.json"));
        const CliRun r = runCli({QStringLiteral("compare"), m_sameOld, m_sameNew, QStringLiteral("--json"),
                                 json, QStringLiteral("--quiet")},
                                json, {{QStringLiteral("PAGE_EXTRACTION_DPI"), QStringLiteral("100")}});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        const QJsonArray pages = r.json.value(QStringLiteral("pages")).toArray();
        QCOMPARE(pages.size(), 2);
        for (const QJsonValue &pv : pages)
            QCOMPARE(pv.toObject()
                         .value(QStringLiteral("diff_result"))
                         .toObject()
                         .value(QStringLiteral("dpi"))
                         .toDouble(),
                     100.0);
        // --dpi wins over the environment.
        const QString json2 = path(QStringLiteral("env2.json"));
        const CliRun r2 =
            runCli({QStringLiteral("compare"), m_sameOld, m_sameNew, QStringLiteral("--json"), json2,
                    QStringLiteral("--quiet"), QStringLiteral("--dpi"), QStringLiteral("80")},
                   json2, {{QStringLiteral("PAGE_EXTRACTION_DPI"), QStringLiteral("100")}});
        QVERIFY2(r2.exitCode == 0, qPrintable(describe(r2)));
        for (const QJsonValue &pv : r2.json.value(QStringLiteral("pages")).toArray())
            QCOMPARE(pv.toObject()
                         .value(QStringLiteral("diff_result"))
                         .toObject()
                         .value(QStringLiteral("dpi"))
                         .toDouble(),
                     80.0);
    }

    void pixelCapLowersDpi() {
        const QString json = path(QStringLiteral("cap.json"));
        // 17 x 11 in at 150 dpi is 4.2 MP; a 1 MP cap lowers it to about 73 dpi.
        const CliRun r =
            runCli({QStringLiteral("compare"), m_sameOld, m_sameNew, QStringLiteral("--json"), json,
                    QStringLiteral("--quiet"), QStringLiteral("--dpi"), QStringLiteral("150"),
                    QStringLiteral("--max-megapixels"), QStringLiteral("1")},
                   json);
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        for (const QJsonValue &pv : r.json.value(QStringLiteral("pages")).toArray()) {
            const QJsonObject diff = pv.toObject().value(QStringLiteral("diff_result")).toObject();
            const double dpi = diff.value(QStringLiteral("dpi")).toDouble();
            QVERIFY2(dpi < 80 && dpi > 65, qPrintable(QString::number(dpi)));
            QCOMPARE(diff.value(QStringLiteral("dpi_lowered")).toBool(), true);
        }
    }
};

QTEST_MAIN(TestCli)
#include "tst_cli.moc"
