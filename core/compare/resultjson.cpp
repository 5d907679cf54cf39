#include "resultjson.h"

#include "summary/summary.h"

#include <QJsonArray>
#include <QUrl>
#include <cmath>

namespace bt {

namespace {

double round1(double v) {
    return std::round(v * 10.0) / 10.0;
}
double round4(double v) {
    return std::round(v * 10000.0) / 10000.0;
}

QJsonValue pageIndex(int zeroBased) {
    return zeroBased >= 0 ? QJsonValue(zeroBased + 1) : QJsonValue();
}
QJsonValue stringOrNull(const QString &s) {
    return s.isEmpty() ? QJsonValue() : QJsonValue(s);
}

QJsonArray rectArray(const QRectF &r) {
    return {round1(r.x()), round1(r.y()), round1(r.width()), round1(r.height())};
}

QJsonArray rectArray(const QRect &r) {
    return {r.x(), r.y(), r.width(), r.height()};
}

// A region's box is its cloud as drawn; the changed ink inside it is kept as well (and is what a
// stored result reads back).
QJsonObject regionToJson(const ChangeRegion &r, const PageResult &page) {
    const double pxPerPt = pixelsPerPoint(page.dpi);
    const QSize pagePx = (page.pageSizePt * pxPerPt).toSize();
    return QJsonObject{
        {QStringLiteral("id"), r.id},
        {QStringLiteral("kind"), changeKindName(r.kind)},
        {QStringLiteral("bbox_pt"), rectArray(cloudBoxPt(r, page.pageSizePt))},
        {QStringLiteral("bbox_px"), rectArray(cloudBoxPx(r, pxPerPt, pagePx))},
        {QStringLiteral("ink_bbox_pt"), rectArray(r.boxPt)},
        {QStringLiteral("ink_bbox_px"), rectArray(r.boxPx)},
        {QStringLiteral("moved_from_pt"),
         r.movedFromPt.isEmpty() ? QJsonValue() : QJsonValue(rectArray(r.movedFromPt))},
        {QStringLiteral("moved_from_px"),
         r.movedFromPx.isEmpty() ? QJsonValue() : QJsonValue(rectArray(r.movedFromPx))},
        {QStringLiteral("old_text"), QJsonArray::fromStringList(r.oldText)},
        {QStringLiteral("new_text"), QJsonArray::fromStringList(r.newText)},
        {QStringLiteral("added_px"), r.addedPx},
        {QStringLiteral("removed_px"), r.removedPx},
    };
}

// The transform is reported in page points (NEW pt -> OLD pt), which does not depend on the
// DPI each side was rendered at: a half-size print shows scale 2.
QJsonObject alignmentToJson(const Alignment &a, double newDpi, double oldDpi) {
    const double toOld = 1.0 / pixelsPerPoint(oldDpi), fromNew = pixelsPerPoint(newDpi);
    QJsonArray rows;
    for (int r = 0; r < 2; ++r)
        rows.append(QJsonArray{round4(a.newToOld(r, 0) * fromNew * toOld),
                               round4(a.newToOld(r, 1) * fromNew * toOld), round4(a.newToOld(r, 2) * toOld)});
    // Parts moved again after the transform (piecewise.h), in NEW page points and pixels.
    const double toNewPt = 1.0 / fromNew;
    QJsonArray local;
    for (const LocalShift &s : a.localShifts)
        local.append(QJsonObject{
            {QStringLiteral("shift_pt"),
             QJsonArray{round4(s.shiftPx.x * toNewPt), round4(s.shiftPx.y * toNewPt)}},
            {QStringLiteral("shift_px"), QJsonArray{s.shiftPx.x, s.shiftPx.y}},
            {QStringLiteral("bbox_pt"),
             rectArray(QRectF(s.areaPx.x * toNewPt, s.areaPx.y * toNewPt, s.areaPx.width * toNewPt,
                              s.areaPx.height * toNewPt))},
            {QStringLiteral("bbox_px"), QJsonArray{s.areaPx.x, s.areaPx.y, s.areaPx.width, s.areaPx.height}},
            {QStringLiteral("parts"), s.parts},
        });
    return QJsonObject{
        {QStringLiteral("local_shifts"), local},
        {QStringLiteral("transform"), rows},
        {QStringLiteral("maps"), QStringLiteral("new_pt_to_old_pt")},
        {QStringLiteral("rotation_deg"), round4(a.rotationDeg())},
        {QStringLiteral("scale"), round4(a.scale() * fromNew * toOld)},
        {QStringLiteral("score"), round4(a.score)},
        {QStringLiteral("method"), a.method},
        {QStringLiteral("warning"), stringOrNull(a.warning)},
        // Exact pixel map, so a result read back from the history is the result that was written.
        {QStringLiteral("new_to_old_px"), QJsonArray{a.newToOld(0, 0), a.newToOld(0, 1), a.newToOld(0, 2),
                                                     a.newToOld(1, 0), a.newToOld(1, 1), a.newToOld(1, 2)}},
    };
}

QJsonObject identityToJson(const SheetIdentity &id) {
    return QJsonObject{
        {QStringLiteral("number"), stringOrNull(id.number)},
        {QStringLiteral("title"), stringOrNull(id.title)},
        {QStringLiteral("source"), stringOrNull(id.source)},
        {QStringLiteral("confidence"), round4(id.confidence)},
        {QStringLiteral("number_box_pt"), rectArray(id.numberBoxPt)},
    };
}

QRectF rectFrom(const QJsonValue &v) {
    const QJsonArray a = v.toArray();
    return a.size() == 4 ? QRectF(a[0].toDouble(), a[1].toDouble(), a[2].toDouble(), a[3].toDouble())
                         : QRectF();
}

SheetIdentity identityFrom(const QJsonValue &v) {
    const QJsonObject o = v.toObject();
    SheetIdentity id;
    id.number = o.value(QStringLiteral("number")).toString();
    id.title = o.value(QStringLiteral("title")).toString();
    id.source = o.value(QStringLiteral("source")).toString();
    id.confidence = o.value(QStringLiteral("confidence")).toDouble();
    id.numberBoxPt = rectFrom(o.value(QStringLiteral("number_box_pt")));
    return id;
}

QStringList stringsFrom(const QJsonValue &v) {
    QStringList out;
    for (const QJsonValue &s : v.toArray())
        out.append(s.toString());
    return out;
}

StageStatus diffStatus(const PageResult &p) {
    if (!p.error.isEmpty()) return StageStatus::Failed;
    return p.match != MatchKind::Matched || p.diffDone ? StageStatus::Completed : StageStatus::Pending;
}

} // namespace

QJsonObject pageResultToJson(const PageResult &page, const QString &jobId) {
    const QString diffId = QStringLiteral("%1-diff-%2").arg(jobId).arg(page.pageNumber);
    QJsonObject diff{
        {QStringLiteral("diff_result_id"), diffId},
        {QStringLiteral("overlay_url"), page.overlayPath.isEmpty()
                                            ? QJsonValue()
                                            : QJsonValue(QUrl::fromLocalFile(page.overlayPath).toString())},
        {QStringLiteral("overlay_path"), stringOrNull(page.overlayPath)},
        {QStringLiteral("aligned_old_path"), stringOrNull(page.alignedOldPath)},
        {QStringLiteral("new_render_path"), stringOrNull(page.newRenderPath)},
        {QStringLiteral("changes_detected"), page.changesDetected()},
        {QStringLiteral("change_count"), int(page.regions.size())},
        {QStringLiteral("page_size_pt"),
         QJsonArray{round1(page.pageSizePt.width()), round1(page.pageSizePt.height())}},
    };
    QJsonArray regions;
    for (const ChangeRegion &r : page.regions)
        regions.append(regionToJson(r, page));
    diff.insert(QStringLiteral("regions"), regions);
    if (!page.grid.isEmpty()) {
        auto labels = [](const QVector<GridLabel> &list) {
            QJsonArray a;
            for (const GridLabel &l : list)
                a.append(QJsonObject{{QStringLiteral("label"), l.label},
                                     {QStringLiteral("position_pt"), round1(l.positionPt)}});
            return a;
        };
        diff.insert(QStringLiteral("grid"),
                    QJsonObject{{QStringLiteral("columns"), labels(page.grid.columns)},
                                {QStringLiteral("rows"), labels(page.grid.rows)}});
    }
    if (!page.ignoredPt.isEmpty()) {
        QJsonArray ignored;
        for (const QRectF &r : page.ignoredPt)
            ignored.append(rectArray(r));
        diff.insert(QStringLiteral("ignored_areas_pt"), ignored);
    }
    if (page.match == MatchKind::Matched && page.diffDone) {
        diff.insert(QStringLiteral("dpi"), round1(page.dpi));
        diff.insert(QStringLiteral("old_dpi"), round1(page.oldDpi));
        diff.insert(QStringLiteral("dpi_lowered"), page.dpiLowered);
        diff.insert(QStringLiteral("alignment"), alignmentToJson(page.alignment, page.dpi, page.oldDpi));
    }
    QJsonObject o{
        {QStringLiteral("page_number"), page.pageNumber},
        {QStringLiteral("drawing_name"), stringOrNull(page.drawingName())},
        {QStringLiteral("drawing_title"), stringOrNull(page.drawingTitle())},
        {QStringLiteral("old_page"), pageIndex(page.oldPage)},
        {QStringLiteral("new_page"), pageIndex(page.newPage)},
        {QStringLiteral("match"), matchKindName(page.match)},
        {QStringLiteral("match_method"), stringOrNull(page.matchMethod)},
        {QStringLiteral("old_drawing_name"), stringOrNull(page.oldIdentity.number)},
        {QStringLiteral("new_drawing_name"), stringOrNull(page.newIdentity.number)},
        {QStringLiteral("old_identity"), identityToJson(page.oldIdentity)},
        {QStringLiteral("new_identity"), identityToJson(page.newIdentity)},
        {QStringLiteral("ocr_status"), stageStatusName(StageStatus::Completed)},
        {QStringLiteral("diff_status"), stageStatusName(diffStatus(page))},
        {QStringLiteral("summary_status"),
         stageStatusName(page.summaryText.isEmpty() ? StageStatus::Pending : StageStatus::Completed)},
        {QStringLiteral("diff_result"), diff},
        {QStringLiteral("summary"),
         QJsonObject{
             {QStringLiteral("summary_id"), QStringLiteral("%1-summary-%2").arg(jobId).arg(page.pageNumber)},
             {QStringLiteral("summary_text"), page.summaryText}}},
    };
    if (!page.summaryAiModel.isEmpty()) { // only then: results without the provider stay as they were
        QJsonObject summary = o.value(QStringLiteral("summary")).toObject();
        summary.insert(QStringLiteral("ai_model"), page.summaryAiModel);
        summary.insert(QStringLiteral("deterministic_text"), page.deterministicSummary);
        o.insert(QStringLiteral("summary"), summary);
    }
    if (!page.error.isEmpty()) o.insert(QStringLiteral("error"), page.error);
    if (page.manualPoints.isValid()) { // only then: results without it stay as they were
        auto points = [](const QVector<QPointF> &list) {
            QJsonArray a;
            for (const QPointF &p : list)
                a.append(QJsonArray{round4(p.x()), round4(p.y())});
            return a;
        };
        o.insert(QStringLiteral("manual_alignment"),
                 QJsonObject{{QStringLiteral("old_pt"), points(page.manualPoints.oldPt)},
                             {QStringLiteral("new_pt"), points(page.manualPoints.newPt)}});
    }
    return o;
}

PageResult pageResultFromJson(const QJsonObject &o) {
    PageResult page;
    page.pageNumber = o.value(QStringLiteral("page_number")).toInt();
    page.oldPage = o.value(QStringLiteral("old_page")).toInt(0) - 1;
    page.newPage = o.value(QStringLiteral("new_page")).toInt(0) - 1;
    const QString match = o.value(QStringLiteral("match")).toString();
    for (const MatchKind kind : {MatchKind::Matched, MatchKind::Added, MatchKind::Removed})
        if (matchKindName(kind) == match) page.match = kind;
    page.matchMethod = o.value(QStringLiteral("match_method")).toString();
    page.oldIdentity = identityFrom(o.value(QStringLiteral("old_identity")));
    page.newIdentity = identityFrom(o.value(QStringLiteral("new_identity")));
    page.error = o.value(QStringLiteral("error")).toString();
    const QJsonObject manual = o.value(QStringLiteral("manual_alignment")).toObject();
    for (const auto &[key, list] : {std::pair(QStringLiteral("old_pt"), &page.manualPoints.oldPt),
                                    std::pair(QStringLiteral("new_pt"), &page.manualPoints.newPt)})
        for (const QJsonValue &v : manual.value(key).toArray())
            list->append(QPointF(v.toArray().at(0).toDouble(), v.toArray().at(1).toDouble()));
    const QJsonObject summary = o.value(QStringLiteral("summary")).toObject();
    page.summaryText = summary.value(QStringLiteral("summary_text")).toString();
    page.summaryAiModel = summary.value(QStringLiteral("ai_model")).toString();
    page.deterministicSummary = summary.value(QStringLiteral("deterministic_text")).toString();

    const QJsonObject diff = o.value(QStringLiteral("diff_result")).toObject();
    page.overlayPath = diff.value(QStringLiteral("overlay_path")).toString();
    page.alignedOldPath = diff.value(QStringLiteral("aligned_old_path")).toString();
    page.newRenderPath = diff.value(QStringLiteral("new_render_path")).toString();
    const QJsonArray size = diff.value(QStringLiteral("page_size_pt")).toArray();
    page.pageSizePt = QSizeF(size.at(0).toDouble(), size.at(1).toDouble());
    for (const QJsonValue &v : diff.value(QStringLiteral("regions")).toArray()) {
        const QJsonObject r = v.toObject();
        ChangeRegion region;
        region.id = r.value(QStringLiteral("id")).toInt();
        const QString kind = r.value(QStringLiteral("kind")).toString();
        for (const ChangeKind k :
             {ChangeKind::Added, ChangeKind::Removed, ChangeKind::Modified, ChangeKind::Moved})
            if (changeKindName(k) == kind) region.kind = k;
        // Results stored before clouds had their own box hold the ink in bbox_*.
        const bool hasInk = r.contains(QStringLiteral("ink_bbox_pt"));
        region.boxPt = rectFrom(r.value(hasInk ? QStringLiteral("ink_bbox_pt") : QStringLiteral("bbox_pt")));
        region.boxPx =
            rectFrom(r.value(hasInk ? QStringLiteral("ink_bbox_px") : QStringLiteral("bbox_px"))).toRect();
        region.movedFromPt = rectFrom(r.value(QStringLiteral("moved_from_pt")));
        region.movedFromPx = rectFrom(r.value(QStringLiteral("moved_from_px"))).toRect();
        region.oldText = stringsFrom(r.value(QStringLiteral("old_text")));
        region.newText = stringsFrom(r.value(QStringLiteral("new_text")));
        region.addedPx = r.value(QStringLiteral("added_px")).toInt();
        region.removedPx = r.value(QStringLiteral("removed_px")).toInt();
        page.regions.append(region);
    }
    for (const QJsonValue &v : diff.value(QStringLiteral("ignored_areas_pt")).toArray())
        page.ignoredPt.append(rectFrom(v));
    const QJsonObject grid = diff.value(QStringLiteral("grid")).toObject();
    for (const auto &[key, list] : {std::pair(QStringLiteral("columns"), &page.grid.columns),
                                    std::pair(QStringLiteral("rows"), &page.grid.rows)})
        for (const QJsonValue &v : grid.value(key).toArray())
            list->append(GridLabel{v.toObject().value(QStringLiteral("label")).toString(),
                                   v.toObject().value(QStringLiteral("position_pt")).toDouble()});
    if (diff.contains(QStringLiteral("alignment"))) {
        page.diffDone = true;
        page.dpi = diff.value(QStringLiteral("dpi")).toDouble();
        page.oldDpi = diff.value(QStringLiteral("old_dpi")).toDouble();
        page.dpiLowered = diff.value(QStringLiteral("dpi_lowered")).toBool();
        const QJsonObject a = diff.value(QStringLiteral("alignment")).toObject();
        const QJsonArray m = a.value(QStringLiteral("new_to_old_px")).toArray();
        if (m.size() == 6)
            page.alignment.newToOld = cv::Matx23d(m[0].toDouble(), m[1].toDouble(), m[2].toDouble(),
                                                  m[3].toDouble(), m[4].toDouble(), m[5].toDouble());
        page.alignment.score = a.value(QStringLiteral("score")).toDouble();
        page.alignment.method = a.value(QStringLiteral("method")).toString();
        page.alignment.warning = a.value(QStringLiteral("warning")).toString();
        for (const QJsonValue &v : a.value(QStringLiteral("local_shifts")).toArray()) {
            const QJsonObject o = v.toObject();
            const QJsonArray shift = o.value(QStringLiteral("shift_px")).toArray(),
                             box = o.value(QStringLiteral("bbox_px")).toArray();
            if (shift.size() != 2 || box.size() != 4) continue;
            page.alignment.localShifts.push_back(
                LocalShift{cv::Point(shift[0].toInt(), shift[1].toInt()),
                           cv::Rect(box[0].toInt(), box[1].toInt(), box[2].toInt(), box[3].toInt()),
                           o.value(QStringLiteral("parts")).toInt()});
        }
    }
    return page;
}

QJsonObject comparisonToJson(const ComparisonResult &result) {
    QJsonArray pages;
    int diffDone = 0, summaries = 0;
    for (const PageResult &p : result.pages) {
        pages.append(pageResultToJson(p, result.jobId));
        diffDone += diffStatus(p) == StageStatus::Completed;
        summaries += !p.summaryText.isEmpty();
    }
    const int total = int(result.pages.size());
    auto counter = [total](int done) {
        return QJsonObject{{QStringLiteral("completed"), done}, {QStringLiteral("total"), total}};
    };
    return QJsonObject{
        {QStringLiteral("job_id"), result.jobId},
        {QStringLiteral("status"), jobStatusName(result.status)},
        {QStringLiteral("created_at"), result.started.toString(Qt::ISODate)},
        {QStringLiteral("old_file"), result.oldPath},
        {QStringLiteral("new_file"), result.newPath},
        {QStringLiteral("total_pages"), total},
        {QStringLiteral("progress"), QJsonObject{{QStringLiteral("ocr"), counter(total)},
                                                 {QStringLiteral("diff"), counter(diffDone)},
                                                 {QStringLiteral("summary"), counter(summaries)}}},
        {QStringLiteral("summary_text"), summariseJob(result.pages, TextLanguage::English)},
        {QStringLiteral("pages"), pages},
    };
}

} // namespace bt
