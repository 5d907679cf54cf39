#include "clifixture.h"

#include "drawinggenerator.h"
#include "testutil.h"

#include <QFileInfo>
#include <QSet>
#include <QUrl>
#include <QtTest>

#include <cmath>

namespace bt::test {

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

bool isStringOrNull(const QJsonValue &v) {
    return v.isString() || v.isNull();
}
bool isIntOrNull(const QJsonValue &v) {
    return v.isNull() || (v.isDouble() && v.toDouble() == std::floor(v.toDouble()));
}
bool isInt(const QJsonValue &v) {
    return v.isDouble() && v.toDouble() == std::floor(v.toDouble());
}

void checkPageFields(const QJsonObject &page, bool withOverlay) {
    const QString where = QStringLiteral("page %1").arg(page.value(QStringLiteral("page_number")).toInt());
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
        NEED(diff.value(QStringLiteral("changes_detected")).toBool(), "an added/removed sheet is a change");
        return;
    }
    NEED(diff.value(QStringLiteral("changes_detected")).toBool() == !regions.isEmpty(),
         "changes_detected iff regions on a matched sheet");
    NEED(diff.value(QStringLiteral("dpi")).toDouble() > 0, "dpi");
    const double dpi = diff.value(QStringLiteral("dpi")).toDouble();
    const QJsonObject alignment = diff.value(QStringLiteral("alignment")).toObject();
    const QJsonArray transform = alignment.value(QStringLiteral("transform")).toArray();
    NEED(transform.size() == 2 && transform[0].toArray().size() == 3 && transform[1].toArray().size() == 3,
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
        NEED(isInt(r.value(QStringLiteral("id"))) && r.value(QStringLiteral("id")).toInt() == expectedId++,
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
        NEED(r.value(QStringLiteral("old_text")).isArray() && r.value(QStringLiteral("new_text")).isArray(),
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
            << p.value(QStringLiteral("summary")).toObject().value(QStringLiteral("summary_id")).toString();
    }
    QCOMPARE(ids.size(), 2 * pages.size()); // every id unique
}

void CliFixture::setUpFiles() {
    QVERIFY(m_dir.isValid());
    m_dir.setAutoRemove(!qEnvironmentVariableIsSet("BT_KEEP_TEST_FILES"));
    if (!m_dir.autoRemove()) qInfo("files kept in %s", qPrintable(m_dir.path()));
    QVERIFY2(QFileInfo(QStringLiteral(BT_CLI_PATH)).isExecutable(), BT_CLI_PATH);

    m_sameOld = path(QStringLiteral("same-old.pdf"));
    m_sameNew = path(QStringLiteral("same-new.pdf"));
    const QVector<SheetSpec> same = {
        makeSheet(QStringLiteral("A-201"), QStringLiteral("SITE PLAN"), 21, kTabloid),
        makeSheet(QStringLiteral("A-202"), QStringLiteral("LEVEL 2 PLAN"), 22, kTabloid)};
    QCOMPARE(writeVectorSet(m_sameOld, same).size(), 2);
    QCOMPARE(writeVectorSet(m_sameNew, same).size(), 2);
}

} // namespace bt::test
