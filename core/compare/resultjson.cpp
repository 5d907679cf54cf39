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

QJsonObject regionToJson(const ChangeRegion &r) {
    return QJsonObject{
        {QStringLiteral("id"), r.id},
        {QStringLiteral("kind"), changeKindName(r.kind)},
        {QStringLiteral("bbox_pt"), rectArray(r.boxPt)},
        {QStringLiteral("bbox_px"), QJsonArray{r.boxPx.x(), r.boxPx.y(), r.boxPx.width(), r.boxPx.height()}},
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
    return QJsonObject{
        {QStringLiteral("transform"), rows},
        {QStringLiteral("maps"), QStringLiteral("new_pt_to_old_pt")},
        {QStringLiteral("rotation_deg"), round4(a.rotationDeg())},
        {QStringLiteral("scale"), round4(a.scale() * fromNew * toOld)},
        {QStringLiteral("score"), round4(a.score)},
        {QStringLiteral("method"), a.method},
        {QStringLiteral("warning"), stringOrNull(a.warning)},
    };
}

QString stageStatus(const PageResult &p) {
    if (!p.error.isEmpty()) return QStringLiteral("failed");
    return p.match != MatchKind::Matched || p.diffDone ? QStringLiteral("completed")
                                                       : QStringLiteral("pending");
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
        regions.append(regionToJson(r));
    diff.insert(QStringLiteral("regions"), regions);
    if (page.match == MatchKind::Matched && page.diffDone) {
        diff.insert(QStringLiteral("dpi"), round1(page.dpi));
        diff.insert(QStringLiteral("old_dpi"), round1(page.oldDpi));
        diff.insert(QStringLiteral("dpi_lowered"), page.dpiLowered);
        diff.insert(QStringLiteral("alignment"), alignmentToJson(page.alignment, page.dpi, page.oldDpi));
    }
    const QString status = stageStatus(page);
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
        {QStringLiteral("ocr_status"), QStringLiteral("completed")},
        {QStringLiteral("diff_status"), status},
        {QStringLiteral("summary_status"),
         page.summaryText.isEmpty() ? QStringLiteral("pending") : QStringLiteral("completed")},
        {QStringLiteral("diff_result"), diff},
        {QStringLiteral("summary"),
         QJsonObject{
             {QStringLiteral("summary_id"), QStringLiteral("%1-summary-%2").arg(jobId).arg(page.pageNumber)},
             {QStringLiteral("summary_text"), page.summaryText}}},
    };
    if (!page.error.isEmpty()) o.insert(QStringLiteral("error"), page.error);
    return o;
}

QJsonObject comparisonToJson(const ComparisonResult &result) {
    QJsonArray pages;
    int diffDone = 0, summaries = 0;
    for (const PageResult &p : result.pages) {
        pages.append(pageResultToJson(p, result.jobId));
        diffDone += stageStatus(p) == QLatin1String("completed");
        summaries += !p.summaryText.isEmpty();
    }
    const int total = int(result.pages.size());
    auto counter = [total](int done) {
        return QJsonObject{{QStringLiteral("completed"), done}, {QStringLiteral("total"), total}};
    };
    return QJsonObject{
        {QStringLiteral("job_id"), result.jobId},
        {QStringLiteral("status"), result.status},
        {QStringLiteral("created_at"), result.started.toString(Qt::ISODate)},
        {QStringLiteral("old_file"), result.oldPath},
        {QStringLiteral("new_file"), result.newPath},
        {QStringLiteral("total_pages"), total},
        {QStringLiteral("progress"), QJsonObject{{QStringLiteral("ocr"), counter(total)},
                                                 {QStringLiteral("diff"), counter(diffDone)},
                                                 {QStringLiteral("summary"), counter(summaries)}}},
        {QStringLiteral("summary_text"), summariseJob(result.pages)},
        {QStringLiteral("pages"), pages},
    };
}

} // namespace bt
