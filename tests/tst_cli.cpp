// `buildtrace compare` end to end on generated drawing sets with known edits: exit codes, the
// result JSON (every field, the regions against the edits' boxes, sheet matching), overlays,
// colour presets, text changes, a half-size print, and the DPI from the environment.
//
// Sets are kept small for speed: ARCH D at --dpi 100, or 17 x 11 in sheets.

#include "drawinggenerator.h"
#include "testutil.h"
#include "version/version.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalServer>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUrl>
#include <QtTest>

#include <cstdlib>
#include <fcntl.h>
#include <opencv2/core/utility.hpp>
#include <optional>
#include <pwd.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <termios.h>
#include <unistd.h>

using namespace bt::test;

namespace {

const QSizeF kArchD(36, 24);
const QSizeF kTabloid(17, 11);

std::optional<QRectF> jsonRect(const QJsonValue &v) {
    const QJsonArray a = v.toArray();
    if (a.size() != 4) return std::nullopt;
    for (const QJsonValue &x : a)
        if (!x.isDouble()) return std::nullopt;
    QRectF r(a[0].toDouble(), a[1].toDouble(), a[2].toDouble(), a[3].toDouble());
    return r.normalized();
}

QStringList texts(const QJsonValue &v) {
    QStringList out;
    for (const QJsonValue &x : v.toArray())
        out << x.toString();
    return out;
}

QJsonObject pageByNew(const QJsonObject &json, int newPage) {
    for (const QJsonValue &p : json.value(QStringLiteral("pages")).toArray())
        if (p.toObject().value(QStringLiteral("new_page")).toInt(-1) == newPage) return p.toObject();
    return {};
}

QJsonArray regionsOf(const QJsonObject &page) {
    return page.value(QStringLiteral("diff_result")).toObject().value(QStringLiteral("regions")).toArray();
}

// An edit: where it is on NEW (points) and, for text edits, the texts of both sides.
struct Edit {
    QString name;
    QRectF box;
    QString oldText;
    QString newText;
};

bool isStringOrNull(const QJsonValue &v) {
    return v.isString() || v.isNull();
}
bool isIntOrNull(const QJsonValue &v) {
    return v.isNull() || (v.isDouble() && v.toDouble() == std::floor(v.toDouble()));
}
bool isInt(const QJsonValue &v) {
    return v.isDouble() && v.toDouble() == std::floor(v.toDouble());
}

} // namespace

class TestCli : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QElapsedTimer m_timer;

    // The edited pair (ARCH D, --dpi 100): A-101 edited, A-102 unchanged.
    QString m_editOld, m_editNew;
    QVector<SheetLayout> m_editOldLayout, m_editNewLayout;
    QVector<Edit> m_edits;
    std::optional<CliRun> m_editRun;       // standard colours, with renders
    std::optional<CliRun> m_colorblindRun; // --colors colorblind, no --renders
    // The reordered pair (17 x 11 in).
    std::optional<CliRun> m_reorderRun;
    // Identical sets (17 x 11 in), two files.
    QString m_sameOld, m_sameNew;

    QString path(const QString &name) const { return m_dir.filePath(name); }

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

    // Every field the result must have, with its type; `matched` pages also carry the diff.
    void checkPageFields(const QJsonObject &page, bool withOverlay) {
        const QString where =
            QStringLiteral("page %1").arg(page.value(QStringLiteral("page_number")).toInt());
        auto need = [&](bool ok, const QString &what) {
            if (!ok) QTest::qFail(qPrintable(where + QStringLiteral(": ") + what), __FILE__, __LINE__);
            return ok;
        };
#define NEED(cond, what)                                                                                     \
    if (!need((cond), QStringLiteral(what))) return
        NEED(isInt(page.value(QStringLiteral("page_number"))), "page_number");
        NEED(page.value(QStringLiteral("drawing_name")).isString(), "drawing_name string");
        NEED(isStringOrNull(page.value(QStringLiteral("drawing_title"))) &&
                 page.contains(QStringLiteral("drawing_title")),
             "drawing_title");
        NEED(page.contains(QStringLiteral("old_page")) && isIntOrNull(page.value(QStringLiteral("old_page"))),
             "old_page");
        NEED(page.contains(QStringLiteral("new_page")) && isIntOrNull(page.value(QStringLiteral("new_page"))),
             "new_page");
        const QString match = page.value(QStringLiteral("match")).toString();
        NEED(match == QLatin1String("matched") || match == QLatin1String("added") ||
                 match == QLatin1String("removed"),
             "match");
        NEED((match == QLatin1String("added")) == page.value(QStringLiteral("old_page")).isNull(),
             "old_page null iff added");
        NEED((match == QLatin1String("removed")) == page.value(QStringLiteral("new_page")).isNull(),
             "new_page null iff removed");
        for (const char *key : {"ocr_status", "diff_status", "summary_status"})
            NEED(page.value(QLatin1String(key)).toString() == QLatin1String("completed"),
                 "stage statuses completed");

        const QJsonObject summary = page.value(QStringLiteral("summary")).toObject();
        NEED(summary.value(QStringLiteral("summary_id")).isString() &&
                 !summary.value(QStringLiteral("summary_id")).toString().isEmpty(),
             "summary.summary_id");
        NEED(summary.value(QStringLiteral("summary_text")).isString() &&
                 !summary.value(QStringLiteral("summary_text")).toString().isEmpty(),
             "summary.summary_text");

        NEED(page.value(QStringLiteral("diff_result")).isObject(), "diff_result object");
        const QJsonObject diff = page.value(QStringLiteral("diff_result")).toObject();
        NEED(diff.value(QStringLiteral("diff_result_id")).isString() &&
                 !diff.value(QStringLiteral("diff_result_id")).toString().isEmpty(),
             "diff_result_id");
        NEED(diff.value(QStringLiteral("diff_result_id")).toString() !=
                 summary.value(QStringLiteral("summary_id")).toString(),
             "distinct ids");
        NEED(diff.value(QStringLiteral("changes_detected")).isBool(), "changes_detected bool");
        NEED(isInt(diff.value(QStringLiteral("change_count"))), "change_count int");
        const QJsonArray regions = diff.value(QStringLiteral("regions")).toArray();
        NEED(diff.value(QStringLiteral("regions")).isArray(), "regions array");
        NEED(diff.value(QStringLiteral("change_count")).toInt() == regions.size(), "change_count == regions");
        NEED(diff.contains(QStringLiteral("overlay_url")) &&
                 isStringOrNull(diff.value(QStringLiteral("overlay_url"))),
             "overlay_url");
        NEED(diff.contains(QStringLiteral("overlay_path")) &&
                 isStringOrNull(diff.value(QStringLiteral("overlay_path"))),
             "overlay_path");
        const QJsonArray size = diff.value(QStringLiteral("page_size_pt")).toArray();
        NEED(size.size() == 2 && size[0].toDouble() > 0 && size[1].toDouble() > 0, "page_size_pt [w, h]");
        if (match != QLatin1String("matched")) {
            NEED(diff.value(QStringLiteral("changes_detected")).toBool(),
                 "an added/removed sheet is a change");
            return;
        }
        NEED(diff.value(QStringLiteral("changes_detected")).toBool() == !regions.isEmpty(),
             "changes_detected iff regions on a matched sheet");
        NEED(diff.value(QStringLiteral("dpi")).toDouble() > 0, "dpi");
        const double dpi = diff.value(QStringLiteral("dpi")).toDouble();
        const QJsonObject alignment = diff.value(QStringLiteral("alignment")).toObject();
        const QJsonArray transform = alignment.value(QStringLiteral("transform")).toArray();
        NEED(transform.size() == 2 && transform[0].toArray().size() == 3 &&
                 transform[1].toArray().size() == 3,
             "alignment.transform 2x3");
        for (const QJsonValue &row : transform)
            for (const QJsonValue &x : row.toArray())
                NEED(x.isDouble(), "transform numbers");
        NEED(alignment.value(QStringLiteral("score")).isDouble(), "alignment.score");
        NEED(alignment.value(QStringLiteral("score")).toDouble() >= 0 &&
                 alignment.value(QStringLiteral("score")).toDouble() <= 1,
             "alignment.score in 0..1");
        NEED(alignment.contains(QStringLiteral("warning")) &&
                 isStringOrNull(alignment.value(QStringLiteral("warning"))),
             "alignment.warning");
        if (withOverlay) {
            const QString overlay = diff.value(QStringLiteral("overlay_path")).toString();
            NEED(!overlay.isEmpty() && QFileInfo(overlay).isAbsolute(), "overlay_path absolute");
            NEED(QUrl(diff.value(QStringLiteral("overlay_url")).toString()).toLocalFile() == overlay,
                 "overlay_url is the overlay_path's file URL");
        }
        int expectedId = 1;
        const QRectF pageRect(0, 0, size[0].toDouble(), size[1].toDouble());
        for (const QJsonValue &rv : regions) {
            const QJsonObject r = rv.toObject();
            NEED(isInt(r.value(QStringLiteral("id"))) &&
                     r.value(QStringLiteral("id")).toInt() == expectedId++,
                 "region ids 1, 2, ...");
            const QString kind = r.value(QStringLiteral("kind")).toString();
            NEED(kind == QLatin1String("added") || kind == QLatin1String("removed") ||
                     kind == QLatin1String("modified"),
                 "region kind");
            const auto pt = jsonRect(r.value(QStringLiteral("bbox_pt")));
            NEED(pt.has_value(), "bbox_pt [x, y, w, h]");
            const QJsonArray px = r.value(QStringLiteral("bbox_px")).toArray();
            NEED(px.size() == 4, "bbox_px [x, y, w, h]");
            for (const QJsonValue &x : px)
                NEED(isInt(x), "bbox_px integers");
            NEED(pageRect.adjusted(-1, -1, 1, 1).contains(*pt), "bbox_pt on the page");
            // Points and pixels describe the same box at the dpi.
            const double s = dpi / 72.0;
            NEED(qAbs(px[0].toDouble() - pt->x() * s) <= 2 && qAbs(px[1].toDouble() - pt->y() * s) <= 2 &&
                     qAbs(px[2].toDouble() - pt->width() * s) <= 3 &&
                     qAbs(px[3].toDouble() - pt->height() * s) <= 3,
                 "bbox_px == bbox_pt at the dpi");
            // The box is the cloud as drawn: the changed ink with a 4-pt margin (clipped to the page).
            const auto ink = jsonRect(r.value(QStringLiteral("ink_bbox_pt")));
            NEED(ink.has_value() && !ink->isEmpty(), "ink_bbox_pt [x, y, w, h]");
            NEED(pt->adjusted(-0.15, -0.15, 0.15, 0.15).contains(*ink), "the cloud holds its ink");
            NEED(ink->adjusted(-4.15, -4.15, 4.15, 4.15).intersected(pageRect).contains(*pt) &&
                     (pt->left() <= ink->left() - 3.85 || pt->left() <= 0.1) &&
                     (pt->top() <= ink->top() - 3.85 || pt->top() <= 0.1),
                 "bbox_pt == ink_bbox_pt grown by 4 pt");
            NEED(r.value(QStringLiteral("old_text")).isArray() &&
                     r.value(QStringLiteral("new_text")).isArray(),
                 "old_text / new_text arrays");
            for (const char *key : {"old_text", "new_text"})
                for (const QJsonValue &t : r.value(QLatin1String(key)).toArray())
                    NEED(t.isString(), "texts are strings");
        }
#undef NEED
    }

    void checkTopLevel(const QJsonObject &json) {
        QVERIFY(json.value(QStringLiteral("job_id")).isString());
        QVERIFY(!json.value(QStringLiteral("job_id")).toString().isEmpty());
        QCOMPARE(json.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        const QJsonArray pages = json.value(QStringLiteral("pages")).toArray();
        QVERIFY(!pages.isEmpty());
        QVERIFY(isInt(json.value(QStringLiteral("total_pages"))));
        QCOMPARE(json.value(QStringLiteral("total_pages")).toInt(), pages.size());
        const QJsonObject progress = json.value(QStringLiteral("progress")).toObject();
        for (const char *stage : {"ocr", "diff", "summary"}) {
            const QJsonObject c = progress.value(QLatin1String(stage)).toObject();
            QVERIFY2(isInt(c.value(QStringLiteral("completed"))) && isInt(c.value(QStringLiteral("total"))),
                     stage);
            QCOMPARE(c.value(QStringLiteral("total")).toInt(), pages.size());
            QCOMPARE(c.value(QStringLiteral("completed")).toInt(), pages.size()); // a finished job
        }
        QSet<QString> ids;
        for (int i = 0; i < pages.size(); ++i) {
            const QJsonObject p = pages[i].toObject();
            QCOMPARE(p.value(QStringLiteral("page_number")).toInt(), i + 1);
            ids << p.value(QStringLiteral("diff_result"))
                       .toObject()
                       .value(QStringLiteral("diff_result_id"))
                       .toString()
                << p.value(QStringLiteral("summary"))
                       .toObject()
                       .value(QStringLiteral("summary_id"))
                       .toString();
        }
        QCOMPARE(ids.size(), 2 * pages.size()); // every id unique
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_dir.setAutoRemove(!qEnvironmentVariableIsSet("BT_KEEP_TEST_FILES"));
        if (!m_dir.autoRemove()) qInfo("files kept in %s", qPrintable(m_dir.path()));
        QVERIFY2(QFileInfo(QStringLiteral(BT_CLI_PATH)).isExecutable(), BT_CLI_PATH);

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

        m_sameOld = path(QStringLiteral("same-old.pdf"));
        m_sameNew = path(QStringLiteral("same-new.pdf"));
        const QVector<SheetSpec> same = {
            makeSheet(QStringLiteral("A-201"), QStringLiteral("SITE PLAN"), 21, kTabloid),
            makeSheet(QStringLiteral("A-202"), QStringLiteral("LEVEL 2 PLAN"), 22, kTabloid)};
        QCOMPARE(writeVectorSet(m_sameOld, same).size(), 2);
        QCOMPARE(writeVectorSet(m_sameNew, same).size(), 2);
    }

    void init() {
        m_timer.start();
    }
    void cleanup() {
        qInfo("%s: %lld ms", QTest::currentTestFunction(), m_timer.elapsed());
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

    void jsonOnStdout() {
        const CliRun r = runCli({QStringLiteral("compare"), m_sameOld, m_sameNew, QStringLiteral("--json"),
                                 QStringLiteral("-"), QStringLiteral("--dpi"), QStringLiteral("72")},
                                QStringLiteral("-"));
        QVERIFY2(r.finished && r.exitStatus == QProcess::NormalExit, qPrintable(describe(r)));
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        // stdout is the JSON document and nothing else (progress goes to stderr).
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(r.stdOut, &error);
        QVERIFY2(
            error.error == QJsonParseError::NoError && doc.isObject(),
            qPrintable(error.errorString() + QStringLiteral(": ") + QString::fromUtf8(r.stdOut.left(300))));
        checkTopLevel(doc.object());
        QCOMPARE(doc.object().value(QStringLiteral("total_pages")).toInt(), 2);
        // Without --out the overlays stay in the history's artifact folder (beside the database).
        const QString artifacts = runtimeDir() + QStringLiteral("/artifacts/") +
                                  doc.object().value(QStringLiteral("job_id")).toString() + QLatin1Char('/');
        for (const QJsonValue &pv : doc.object().value(QStringLiteral("pages")).toArray()) {
            const QJsonObject diff = pv.toObject().value(QStringLiteral("diff_result")).toObject();
            const QString overlay = diff.value(QStringLiteral("overlay_path")).toString();
            QVERIFY2(overlay.startsWith(artifacts) && QFileInfo::exists(overlay), qPrintable(overlay));
            QCOMPARE(diff.value(QStringLiteral("dpi")).toDouble(), 72.0);
        }
    }

    // An output goes into what the user named. A FIFO or a device node is written, never replaced
    // by a regular file renamed over it (as root even /dev/null would be); a regular file is
    // replaced whole and atomically (by a new file: a new inode); a symlink to one stays a link.
    // Only nodes made here: never the system's /dev/null.
    void outputTargets_data() {
        QTest::addColumn<QString>("option");
        QTest::addColumn<QString>("kind");
        QTest::newRow("json-fifo") << "--json"
                                   << "fifo";
        QTest::newRow("json-device") << "--json"
                                     << "device";
        QTest::newRow("json-regular") << "--json"
                                      << "regular";
        QTest::newRow("json-symlink") << "--json"
                                      << "symlink";
        QTest::newRow("report-fifo") << "--report"
                                     << "fifo";
    }
    void outputTargets() {
        QFETCH(QString, option);
        QFETCH(QString, kind);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString target = dir.filePath(QStringLiteral("target"));
        const QByteArray targetName = QFile::encodeName(target);
        QString written = target; // where the output can be read back
        QProcess reader;
        if (kind == QLatin1String("fifo")) {
            QCOMPARE(::mkfifo(targetName.constData(), 0600), 0);
            written = dir.filePath(QStringLiteral("read-from-fifo"));
            reader.setStandardOutputFile(written);
            reader.start(QStringLiteral("cat"), {target});
            QVERIFY(reader.waitForStarted());
        } else if (kind == QLatin1String("device")) {
            if (::mknod(targetName.constData(), S_IFCHR | 0600, makedev(1, 3)) != 0)
                QSKIP("mknod needs root"); // the null device's numbers
        } else {
            const QString file = dir.filePath(kind == QLatin1String("symlink") ? QStringLiteral("real")
                                                                               : QStringLiteral("target"));
            QFile old(file);
            QVERIFY(old.open(QIODevice::WriteOnly));
            old.write(QByteArray(100000, 'x')); // longer than the result: no old tail may remain
            old.close();
            if (kind == QLatin1String("symlink")) {
                QCOMPARE(::symlink("real", targetName.constData()), 0);
                written = file;
            }
        }
        struct stat before {};
        QCOMPARE(::lstat(targetName.constData(), &before), 0);

        QStringList args{
            QStringLiteral("compare"), m_sameOld, m_sameNew, QStringLiteral("--dpi"), QStringLiteral("72"),
            QStringLiteral("--quiet"), option,    target};
        if (option == QLatin1String("--report"))
            args << QStringLiteral("--report-dpi") << QStringLiteral("30");
        const CliRun r = runCli(args);
        if (kind == QLatin1String("fifo") && !reader.waitForFinished(10000)) {
            reader.kill();
            reader.waitForFinished();
        }
        QVERIFY2(r.finished && r.exitStatus == QProcess::NormalExit && r.exitCode == 0,
                 qPrintable(describe(r)));
        QVERIFY2(r.stdErr.isEmpty(), qPrintable(r.stdErr));

        struct stat after {};
        QCOMPARE(::lstat(targetName.constData(), &after), 0);
        QCOMPARE(after.st_mode & S_IFMT, before.st_mode & S_IFMT); // still a FIFO, a device, a link, a file
        if (kind == QLatin1String("device")) {
            QCOMPARE(after.st_rdev, before.st_rdev);
            return; // what went into the null device is gone
        }
        if (kind == QLatin1String("regular"))
            QVERIFY2(after.st_ino != before.st_ino, "replaced by a new file");
        QFile f(written);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        if (option == QLatin1String("--report")) {
            QVERIFY2(bytes.startsWith("%PDF-") && bytes.trimmed().endsWith("%%EOF"),
                     bytes.left(100).constData());
            return;
        }
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QCOMPARE(doc.object().value(QStringLiteral("total_pages")).toInt(), 2);
    }

    // A folder or a socket cannot take an output: one line naming it, before the job, and the
    // socket is not replaced by a file.
    void refusedOutputs_data() {
        QTest::addColumn<QString>("option");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("problem");
        QTest::newRow("json-folder") << "--json"
                                     << "folder"
                                     << "is a folder";
        QTest::newRow("json-socket") << "--json"
                                     << "socket"
                                     << "not a file";
        QTest::newRow("changes-csv-socket") << "--changes-csv"
                                            << "socket"
                                            << "not a file";
    }
    void refusedOutputs() {
        QFETCH(QString, option);
        QFETCH(QString, kind);
        QFETCH(QString, problem);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString target = dir.filePath(QStringLiteral("target"));
        QLocalServer server; // owns the socket file while the test runs
        if (kind == QLatin1String("socket"))
            QVERIFY2(server.listen(target), qPrintable(server.errorString()));
        else
            QVERIFY(QDir().mkpath(target));
        const CliRun r = runCli({QStringLiteral("compare"), m_sameOld, m_sameNew, QStringLiteral("--dpi"),
                                 QStringLiteral("72"), option, target});
        QVERIFY2(r.finished && r.exitCode == 2, qPrintable(describe(r)));
        QCOMPARE(lines(r.stdErr).size(), 1);
        QVERIFY2(r.stdErr.contains(target) && r.stdErr.contains(problem), qPrintable(r.stdErr));
        QVERIFY2(r.stdOut.isEmpty(), r.stdOut.constData()); // refused before the job ran
        const QFileInfo info(target);
        QVERIFY(!info.isFile());
        QCOMPARE(info.isDir(), kind == QLatin1String("folder"));
    }

    // --out names a folder: an existing file there is one clear line, before the job.
    void outIsAFile() {
        const QString file = path(QStringLiteral("out-is-a-file"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("keep me");
        f.close();
        const CliRun r = runCli({QStringLiteral("compare"), m_sameOld, m_sameNew, QStringLiteral("--dpi"),
                                 QStringLiteral("72"), QStringLiteral("--out"), file});
        QVERIFY2(r.finished && r.exitCode == 2, qPrintable(describe(r)));
        QCOMPARE(lines(r.stdErr).size(), 1);
        QVERIFY2(r.stdErr.contains(file) && r.stdErr.contains(QStringLiteral("not a folder")),
                 qPrintable(r.stdErr));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("keep me"));
    }

    // An encrypted set's password, kept off the command line (where ps shows it): the first line
    // of a file, the environment; the option, then the file, then the environment win.
    void passwords_data() {
        QTest::addColumn<QStringList>("options"); // "@right" / "@wrong": a password file saying so
        QTest::addColumn<QString>("environment"); // both sets' password in the environment
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("problem"); // in the one line on stderr
        const QString right = QStringLiteral("@right"), wrong = QStringLiteral("@wrong");
        QTest::newRow("file") << QStringList{"--old-password-file", right, "--new-password-file", right}
                              << QString() << 0 << QString();
        QTest::newRow("file-crlf") << QStringList{"--old-password-file", "@crlf", "--new-password-file",
                                                  "@crlf"}
                                   << QString() << 0 << QString();
        QTest::newRow("environment") << QStringList{} << "secret" << 0 << QString();
        QTest::newRow("file-wrong") << QStringList{"--old-password-file", wrong, "--new-password-file", right}
                                    << QString() << 2 << "encrypted.pdf: wrong password";
        QTest::newRow("file-missing") << QStringList{"--old-password-file", "@missing"} << "secret" << 2
                                      << "no-such-password-file: cannot read the password file";
        QTest::newRow("option-over-file")
            << QStringList{"--old-password", "secret", "--old-password-file", wrong,
                           "--new-password", "secret"}
            << QString() << 0 << QString();
        QTest::newRow("file-over-environment")
            << QStringList{"--old-password-file", right, "--new-password-file", right} << "wrong" << 0
            << QString();
        QTest::newRow("environment-fills-in")
            << QStringList{"--old-password-file", right} << "secret" << 0 << QString();
        QTest::newRow("option-over-environment")
            << QStringList{"--old-password", "wrong", "--new-password", "secret"} << "secret" << 2
            << "wrong password";
    }
    void passwords() {
        QFETCH(QStringList, options);
        QFETCH(QString, environment);
        QFETCH(int, exitCode);
        QFETCH(QString, problem);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QMap<QString, QByteArray> files{{QStringLiteral("@right"), "secret\n"},
                                              {QStringLiteral("@wrong"), "wrong\nsecret\n"},
                                              {QStringLiteral("@crlf"), "secret\r\n"}};
        for (QString &o : options) {
            if (o == QLatin1String("@missing")) {
                o = dir.filePath(QStringLiteral("no-such-password-file"));
            } else if (files.contains(o)) {
                const QString file = dir.filePath(o.mid(1));
                QFile f(file);
                QVERIFY(f.open(QIODevice::WriteOnly));
                f.write(files.value(o));
                o = file;
            }
        }
        const QString encrypted = QStringLiteral(BT_SOURCE_DIR "/tests/data/encrypted.pdf");
        const CliRun r =
            runCli(QStringList{QStringLiteral("compare"), encrypted, encrypted, QStringLiteral("--dpi"),
                               QStringLiteral("72"), QStringLiteral("--quiet")}
                       << options,
                   {},
                   {{QStringLiteral("BUILDTRACE_OLD_PASSWORD"), environment},
                    {QStringLiteral("BUILDTRACE_NEW_PASSWORD"), environment}});
        QVERIFY2(r.finished && r.exitStatus == QProcess::NormalExit && r.exitCode == exitCode,
                 qPrintable(describe(r)));
        if (exitCode == 0) {
            QVERIFY2(r.stdErr.isEmpty(), qPrintable(r.stdErr));
            return;
        }
        QCOMPARE(lines(r.stdErr).size(), 1);
        QVERIFY2(r.stdErr.contains(problem), qPrintable(r.stdErr));
    }

    // resume and retry open the sets again: the password file and the environment serve them too.
    void passwordsOnRetry() {
        const QString db = path(QStringLiteral("retry-password.sqlite"));
        const QString encrypted = QStringLiteral(BT_SOURCE_DIR "/tests/data/encrypted.pdf");
        const QString file = path(QStringLiteral("retry-password"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("secret\n");
        f.close();
        const QMap<QString, QString> noEnvironment{{QStringLiteral("BUILDTRACE_OLD_PASSWORD"), QString()},
                                                   {QStringLiteral("BUILDTRACE_NEW_PASSWORD"), QString()}};
        const CliRun first = runCli(
            {QStringLiteral("compare"), encrypted, encrypted, QStringLiteral("--dpi"), QStringLiteral("72"),
             QStringLiteral("--db"), db, QStringLiteral("--json"), QStringLiteral("-"),
             QStringLiteral("--old-password-file"), file, QStringLiteral("--new-password-file"), file},
            QStringLiteral("-"), noEnvironment);
        QVERIFY2(first.finished && first.exitCode == 0, qPrintable(describe(first)));
        const QString job = first.json.value(QStringLiteral("job_id")).toString();
        QVERIFY(!job.isEmpty());
        const CliRun withoutPassword =
            runCli({QStringLiteral("retry"), job, QStringLiteral("--db"), db, QStringLiteral("--quiet")}, {},
                   noEnvironment);
        QVERIFY2(withoutPassword.exitCode == 2 && withoutPassword.stdErr.contains(QStringLiteral("password")),
                 qPrintable(describe(withoutPassword)));
        const CliRun fromFile =
            runCli({QStringLiteral("retry"), job, QStringLiteral("--db"), db, QStringLiteral("--quiet"),
                    QStringLiteral("--old-password-file"), file, QStringLiteral("--new-password-file"), file},
                   {}, noEnvironment);
        QVERIFY2(fromFile.finished && fromFile.exitCode == 0, qPrintable(describe(fromFile)));
        const CliRun fromEnvironment =
            runCli({QStringLiteral("resume"), job, QStringLiteral("--db"), db, QStringLiteral("--quiet")}, {},
                   {{QStringLiteral("BUILDTRACE_OLD_PASSWORD"), QStringLiteral("secret")},
                    {QStringLiteral("BUILDTRACE_NEW_PASSWORD"), QStringLiteral("secret")}});
        QVERIFY2(fromEnvironment.finished && fromEnvironment.exitCode == 0,
                 qPrintable(describe(fromEnvironment)));
    }

    // On a terminal (a pseudo-terminal here) a set that needs a password and has none is asked
    // for it: "Password for FILE: " on stderr, echo off while it is typed, on again afterwards.
    void passwordPrompt() {
        const int master = ::posix_openpt(O_RDWR | O_NOCTTY);
        QVERIFY(master >= 0);
        const auto closeMaster = qScopeGuard([master] { ::close(master); });
        QVERIFY(::grantpt(master) == 0 && ::unlockpt(master) == 0);
        const QByteArray terminal = ::ptsname(master);
        QProcess p;
        p.setProgram(QStringLiteral(BT_CLI_PATH));
        const QString encrypted = QStringLiteral(BT_SOURCE_DIR "/tests/data/encrypted.pdf");
        p.setArguments({QStringLiteral("compare"), encrypted, encrypted, QStringLiteral("--dpi"),
                        QStringLiteral("72"), QStringLiteral("--quiet")});
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtimeDir());
        env.insert(QStringLiteral("BUILDTRACE_DB"), path(QStringLiteral("prompt-history.sqlite")));
        env.remove(QStringLiteral("BUILDTRACE_OLD_PASSWORD"));
        env.remove(QStringLiteral("BUILDTRACE_NEW_PASSWORD"));
        p.setProcessEnvironment(env);
        p.setChildProcessModifier([terminal] { // stdin is the terminal
            const int fd = ::open(terminal.constData(), O_RDWR);
            if (fd >= 0) ::dup2(fd, STDIN_FILENO);
        });
        p.setReadChannel(QProcess::StandardError);
        p.start();
        QVERIFY(p.waitForStarted());
        const QString prompt = QStringLiteral("Password for %1: ").arg(encrypted);
        QString stdErr;
        for (int answered = 0; answered < 2; ++answered) { // OLD, then NEW
            QElapsedTimer waited;
            waited.start();
            while (stdErr.count(prompt) <= answered && p.state() != QProcess::NotRunning &&
                   waited.elapsed() < 20000) {
                p.waitForReadyRead(200);
                stdErr += QString::fromUtf8(p.readAllStandardError());
            }
            QVERIFY2(stdErr.count(prompt) > answered, qPrintable(QStringLiteral("no prompt: ") + stdErr));
            termios t{};
            QCOMPARE(::tcgetattr(master, &t), 0);
            QVERIFY2(!(t.c_lflag & ECHO), "echo is off while the password is typed");
            QCOMPARE(::write(master, "secret\n", 7), 7);
        }
        QVERIFY(p.waitForFinished(60000));
        stdErr += QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0, qPrintable(stdErr));
        termios t{};
        QCOMPARE(::tcgetattr(master, &t), 0);
        QVERIFY2(t.c_lflag & ECHO, "echo is on again");
        // Nothing typed came back on the terminal.
        QByteArray echoed;
        ::fcntl(master, F_SETFL, O_NONBLOCK);
        char buffer[256];
        for (ssize_t n; (n = ::read(master, buffer, sizeof buffer)) > 0;)
            echoed.append(buffer, int(n));
        QVERIFY2(!echoed.contains("secret"), echoed.constData());
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

    // A sheet in neither set's counterpart ("A-101" against "B-999"): the job ends (it used to wait
    // for ever) with one removed and one added sheet, exit 1, in both modes; so does `resume` of
    // such a job interrupted after its sheets were paired.
    void noCommonSheet_data() {
        QTest::addColumn<QString>("mode");
        QTest::newRow("streaming") << QStringLiteral("streaming");
        QTest::newRow("batch") << QStringLiteral("batch");
    }

    void noCommonSheet() {
        QFETCH(QString, mode);
        QString oldPath = QStringLiteral(BT_SHARED_DIR "/badinput/no-common-sheet-old.pdf");
        QString newPath = QStringLiteral(BT_SHARED_DIR "/badinput/no-common-sheet-new.pdf");
        if (!QFileInfo::exists(oldPath) || !QFileInfo::exists(newPath)) { // no shared folder: the same pair
            oldPath = path(QStringLiteral("no-common-old.pdf"));
            newPath = path(QStringLiteral("no-common-new.pdf"));
            QCOMPARE(writeVectorSet(
                         oldPath, {makeSheet(QStringLiteral("A-101"), QStringLiteral("PLAN"), 31, kTabloid)})
                         .size(),
                     1);
            QCOMPARE(writeVectorSet(newPath, {makeSheet(QStringLiteral("B-999"), QStringLiteral("DETAILS"),
                                                        32, kTabloid)})
                         .size(),
                     1);
        }
        const QString db = path(QStringLiteral("no-common-%1/history.sqlite").arg(mode));
        const QString json = path(QStringLiteral("no-common-%1.json").arg(mode));
        auto check = [&](const CliRun &r) {
            QVERIFY2(r.finished && r.exitStatus == QProcess::NormalExit, qPrintable(describe(r)));
            QVERIFY2(r.exitCode == 1, qPrintable(describe(r)));
            QCOMPARE(r.json.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
            QStringList matches;
            for (const QJsonValue &p : r.json.value(QStringLiteral("pages")).toArray())
                matches << p.toObject().value(QStringLiteral("match")).toString();
            matches.sort();
            QCOMPARE(matches, (QStringList{QStringLiteral("added"), QStringLiteral("removed")}));
        };
        const CliRun r =
            runCli({QStringLiteral("compare"), oldPath, newPath, QStringLiteral("--mode"), mode,
                    QStringLiteral("--db"), db, QStringLiteral("--json"), json, QStringLiteral("--quiet")},
                   json, {}, 60000);
        check(r);
        if (QTest::currentTestFailed()) return;

        // As if interrupted right after the sheets were paired.
        const QString jobId = r.json.value(QStringLiteral("job_id")).toString();
        rawQuery(db, QStringLiteral("UPDATE jobs SET status = 'in_progress', finished_at = NULL"));
        rawQuery(db, QStringLiteral("DELETE FROM job_stages"));
        rawQuery(db, QStringLiteral("DELETE FROM summaries"));
        QCOMPARE(rawQuery(db, QStringLiteral("SELECT status FROM jobs")),
                 QStringList{QStringLiteral("in_progress")});
        QFile::remove(json);
        const CliRun resumed = runCli({QStringLiteral("resume"), jobId, QStringLiteral("--db"), db,
                                       QStringLiteral("--json"), json, QStringLiteral("--quiet")},
                                      json, {}, 60000);
        check(resumed);
        QCOMPARE(resumed.json.value(QStringLiteral("job_id")).toString(), jobId);
        QCOMPARE(rawQuery(db, QStringLiteral("SELECT status FROM jobs")),
                 QStringList{QStringLiteral("completed")});
    }

    // A history with pages overwritten by a failing disk: every command says so in one line naming
    // the file and what to do, exits 2, and writes nothing to it (it used to list nothing and exit
    // 0, or compare into it). `history --check` prints the damage found.
    void damagedHistory() {
        const QString db = path(QStringLiteral("damaged/history.sqlite"));
        QVERIFY(QDir().mkpath(QFileInfo(db).absolutePath()));
        QVERIFY(writeHistory(db, 40));
        QVERIFY(damagePages(db, 5, 3));
        QVERIFY(rawQuery(db, QStringLiteral("PRAGMA integrity_check")) != QStringList{QStringLiteral("ok")});
        const QByteArray before = fileHash(db);
        const QString absolute = QFileInfo(db).absoluteFilePath();
        const QList<QStringList> commands = {
            {QStringLiteral("history")},
            {QStringLiteral("history"), QStringLiteral("--json")},
            {QStringLiteral("show"), QStringLiteral("job-1")},
            {QStringLiteral("progress"), QStringLiteral("job-1")},
            {QStringLiteral("compare"), m_sameOld, m_sameNew, QStringLiteral("--dpi"), QStringLiteral("50")},
            {QStringLiteral("ignore"), QStringLiteral("add"), QStringLiteral("A-101"),
             QStringLiteral("1,1,5,5")},
        };
        for (const QStringList &command : commands) {
            const CliRun r = runCli(command + QStringList{QStringLiteral("--db"), db}, QString(), {}, 60000);
            const QString what = command.join(QLatin1Char(' ')) + QStringLiteral(": ") + describe(r);
            QVERIFY2(r.finished && r.exitCode == 2, qPrintable(what));
            QVERIFY2(lines(r.stdErr).size() == 1, qPrintable(what));
            QVERIFY2(r.stdErr.startsWith(
                         QStringLiteral("buildtrace: %1: the history file is damaged (").arg(absolute)),
                     qPrintable(what));
            QVERIFY2(r.stdErr.contains(QLatin1String("--db NEW_FILE")), qPrintable(what));
            QVERIFY2(r.stdOut.isEmpty(), qPrintable(what));
        }
        const CliRun check =
            runCli({QStringLiteral("history"), QStringLiteral("--check"), QStringLiteral("--db"), db});
        QVERIFY2(check.finished && check.exitCode == 2, qPrintable(describe(check)));
        QVERIFY2(!check.stdOut.isEmpty(), qPrintable(describe(check))); // what integrity_check found
        QCOMPARE(lines(check.stdErr).size(), 1);
        QVERIFY2(check.stdErr.contains(QLatin1String("the history file is damaged")),
                 qPrintable(describe(check)));
        QCOMPARE(fileHash(db), before);
    }

    // `history --check` on a sound history: "PATH: ok", exit 0.
    void historyCheck() {
        const QString db = path(QStringLiteral("sound/history.sqlite"));
        QVERIFY(QDir().mkpath(QFileInfo(db).absolutePath()));
        QVERIFY(writeHistory(db, 3));
        const CliRun r =
            runCli({QStringLiteral("history"), QStringLiteral("--check"), QStringLiteral("--db"), db});
        QVERIFY2(r.finished && r.exitCode == 0, qPrintable(describe(r)));
        QCOMPARE(QString::fromUtf8(r.stdOut).trimmed(),
                 QFileInfo(db).absoluteFilePath() + QStringLiteral(": ok"));
        QVERIFY2(r.stdErr.isEmpty(), qPrintable(r.stdErr));
        const CliRun missing = runCli({QStringLiteral("history"), QStringLiteral("--check"),
                                       QStringLiteral("--db"), path(QStringLiteral("sound/none.sqlite"))});
        QVERIFY2(missing.exitCode == 2 && lines(missing.stdErr).size() == 1, qPrintable(describe(missing)));
    }

    // A write-protected history (0444; root ignores that, so the file's own permission bits decide)
    // is read by the reading commands without a byte changed (not even its journal mode); the
    // commands that write say in one line that it is read-only and exit 2.
    void readOnlyHistory() {
        const QString db = path(QStringLiteral("readonly/history.sqlite"));
        QVERIFY(QDir().mkpath(QFileInfo(db).absolutePath()));
        QVERIFY(writeHistory(db, 2));
        QCOMPARE(rawQuery(db, QStringLiteral("PRAGMA journal_mode=DELETE")),
                 QStringList{QStringLiteral("delete")});
        QVERIFY(QFile::setPermissions(db, QFileDevice::ReadOwner | QFileDevice::ReadGroup |
                                              QFileDevice::ReadOther));
        const QByteArray before = fileHash(db);
        const QString absolute = QFileInfo(db).absoluteFilePath();

        const CliRun history = runCli({QStringLiteral("history"), QStringLiteral("--db"), db});
        QVERIFY2(history.exitCode == 0 && history.stdErr.isEmpty(), qPrintable(describe(history)));
        QVERIFY2(history.stdOut.contains("job-1") && history.stdOut.contains("job-2"),
                 qPrintable(describe(history)));
        const CliRun show = runCli({QStringLiteral("show"), QStringLiteral("job-2"), QStringLiteral("--json"),
                                    QStringLiteral("--db"), db},
                                   QStringLiteral("-"));
        QVERIFY2(show.exitCode == 0 && show.stdErr.isEmpty(), qPrintable(describe(show)));
        QCOMPARE(show.json.value(QStringLiteral("pages")).toArray().size(), 3);
        for (const QStringList &command :
             QList<QStringList>{{QStringLiteral("progress"), QStringLiteral("job-1")},
                                {QStringLiteral("dead-letters")},
                                {QStringLiteral("ignore"), QStringLiteral("list")}}) {
            const CliRun r = runCli(command + QStringList{QStringLiteral("--db"), db});
            QVERIFY2(r.exitCode == 0 && r.stdErr.isEmpty(), qPrintable(command.join(' ') + describe(r)));
        }
        const QList<QStringList> writers = {
            {QStringLiteral("compare"), m_sameOld, m_sameNew, QStringLiteral("--dpi"), QStringLiteral("50")},
            {QStringLiteral("resume"), QStringLiteral("job-1")},
            {QStringLiteral("retry"), QStringLiteral("job-1")},
            {QStringLiteral("delete"), QStringLiteral("job-1")},
            {QStringLiteral("ignore"), QStringLiteral("add"), QStringLiteral("A-101"),
             QStringLiteral("1,1,5,5")},
        };
        for (const QStringList &command : writers) {
            const CliRun r = runCli(command + QStringList{QStringLiteral("--db"), db}, QString(), {}, 60000);
            const QString what = command.join(QLatin1Char(' ')) + QStringLiteral(": ") + describe(r);
            QVERIFY2(r.finished && r.exitCode == 2 && lines(r.stdErr).size() == 1, qPrintable(what));
            QVERIFY2(r.stdErr.startsWith(
                         QStringLiteral("buildtrace: %1: the history file is read-only").arg(absolute)),
                     qPrintable(what));
        }
        QCOMPARE(fileHash(db), before);
        QVERIFY(!QFileInfo::exists(db + QStringLiteral("-wal")));
    }

    // Read-only media, for real: another user (nobody) in a folder it cannot write, on a history in
    // WAL mode whose -wal and -shm are gone (SQLite cannot create them there). The reading
    // commands work (they used to fail with "attempt to write a readonly database"); compare says
    // the file is read-only. Needs root and runuser.
    void readOnlyMediaAsAnotherUser() {
        const QString runuser = QStandardPaths::findExecutable(QStringLiteral("runuser"));
        const passwd *nobody = getpwnam("nobody");
        if (geteuid() != 0 || runuser.isEmpty() || !nobody) QSKIP("needs root, runuser and the user nobody");
        QTemporaryDir base;
        QVERIFY(base.isValid());
        const QFileDevice::Permissions open =
            QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
            QFileDevice::ReadGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::ExeOther;
        QVERIFY(QFile::setPermissions(base.path(), open));
        const QString folder = base.filePath(QStringLiteral("media"));
        const QString db = folder + QStringLiteral("/history.sqlite");
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(writeHistory(db, 2));
        QCOMPARE(rawQuery(db, QStringLiteral("PRAGMA journal_mode")), QStringList{QStringLiteral("wal")});
        QVERIFY(!QFileInfo::exists(db + QStringLiteral("-wal")) &&
                !QFileInfo::exists(db + QStringLiteral("-shm")));
        QVERIFY(QFile::setPermissions(folder, open & ~QFileDevice::WriteOwner));
        const QString runtime = base.filePath(QStringLiteral("runtime")); // Qt wants it the user's, 0700
        QVERIFY(QDir().mkpath(runtime));
        QCOMPARE(chown(runtime.toLocal8Bit().constData(), nobody->pw_uid, nobody->pw_gid), 0);
        const QByteArray before = fileHash(db);

        auto asNobody = [&](const QStringList &args) {
            QProcess p;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
            env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime);
            env.insert(QStringLiteral("HOME"), runtime);
            p.setProcessEnvironment(env);
            p.start(runuser, QStringList{QStringLiteral("-u"), QStringLiteral("nobody"), QStringLiteral("--"),
                                         QStringLiteral(BT_CLI_PATH)} +
                                 args + QStringList{QStringLiteral("--db"), db});
            p.waitForFinished(60000);
            return std::make_tuple(p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
                                   QString::fromUtf8(p.readAllStandardError()));
        };
        if (std::get<0>(asNobody({QStringLiteral("--version")})) != 0)
            QSKIP("the user nobody cannot run " BT_CLI_PATH);

        const auto [historyExit, historyOut, historyErr] = asNobody({QStringLiteral("history")});
        QVERIFY2(historyExit == 0 && historyErr.isEmpty() && historyOut.contains(QLatin1String("job-2")),
                 qPrintable(historyErr + historyOut));
        const auto [showExit, showOut, showErr] = asNobody({QStringLiteral("show"), QStringLiteral("job-1")});
        QVERIFY2(showExit == 0 && showErr.isEmpty() && showOut.contains(QLatin1String("job-1")),
                 qPrintable(showErr + showOut));
        const QString oldPath = base.filePath(QStringLiteral("old.pdf"));
        const QString newPath = base.filePath(QStringLiteral("new.pdf"));
        QVERIFY(QFile::copy(m_sameOld, oldPath) && QFile::copy(m_sameNew, newPath)); // readable for nobody
        const auto [compareExit, compareOut, compareErr] = asNobody(
            {QStringLiteral("compare"), oldPath, newPath, QStringLiteral("--dpi"), QStringLiteral("50")});
        Q_UNUSED(compareOut);
        QVERIFY2(compareExit == 2 && lines(compareErr).size() == 1 &&
                     compareErr.contains(db + QStringLiteral(": the history file is read-only")),
                 qPrintable(compareErr));
        QCOMPARE(fileHash(db), before);
        QVERIFY(QFile::setPermissions(folder, open)); // so that the folder can be removed
    }
};

QTEST_MAIN(TestCli)
#include "tst_cli.moc"
