#include "pixeldiff.h"

#include "document/document.h"

#include <QJsonArray>
#include <opencv2/imgproc.hpp>

namespace bt::bench {

QJsonObject strictPixelDiff(const QString &oldPath, const QString &newPath, double dpi) {
    DocumentError error;
    const auto oldDoc = Document::open(oldPath, QString(), &error);
    const auto newDoc = oldDoc ? Document::open(newPath, QString(), &error) : nullptr;
    if (!oldDoc || !newDoc) return {{QStringLiteral("error"), error.message}};
    QJsonArray pages;
    const int count = std::max(oldDoc->pageCount(), newDoc->pageCount());
    for (int i = 0; i < count; ++i) {
        const bool inOld = i < oldDoc->pageCount(), inNew = i < newDoc->pageCount();
        QJsonObject page{{QStringLiteral("page_number"), i + 1},
                         {QStringLiteral("drawing_name"), QJsonValue::Null},
                         {QStringLiteral("old_page"), inOld ? QJsonValue(i + 1) : QJsonValue::Null},
                         {QStringLiteral("new_page"), inNew ? QJsonValue(i + 1) : QJsonValue::Null},
                         {QStringLiteral("match"), inOld && inNew ? "matched"
                                                   : inOld        ? "removed"
                                                                  : "added"}};
        QJsonArray regions;
        if (inOld && inNew) {
            const RenderedPage o = oldDoc->render(i, {dpi, RenderOptions().maxPixels});
            const RenderedPage n = newDoc->render(i, {dpi, RenderOptions().maxPixels});
            if (!o.isNull() && !n.isNull()) {
                // The NEW page's frame; OLD is cut or padded to it, as a pixel diff does.
                cv::Mat old(n.grey.size(), CV_8UC1, cv::Scalar(255));
                const cv::Rect common(0, 0, std::min(o.grey.cols, n.grey.cols),
                                      std::min(o.grey.rows, n.grey.rows));
                o.grey(common).copyTo(old(common));
                cv::Mat changed;
                cv::absdiff(old, n.grey, changed);
                cv::threshold(changed, changed, 64, 255, cv::THRESH_BINARY);
                const int gap = std::max(1, int(dpi / 10));
                cv::dilate(changed, changed, cv::getStructuringElement(cv::MORPH_RECT, {gap, gap}));
                cv::Mat labels, stats, centroids;
                const int found = cv::connectedComponentsWithStats(changed, labels, stats, centroids);
                const double toPt = 72.0 / n.dpi;
                for (int c = 1; c < found; ++c)
                    regions.append(QJsonObject{
                        {QStringLiteral("kind"), QStringLiteral("modified")},
                        {QStringLiteral("bbox_pt"), QJsonArray{stats.at<int>(c, cv::CC_STAT_LEFT) * toPt,
                                                               stats.at<int>(c, cv::CC_STAT_TOP) * toPt,
                                                               stats.at<int>(c, cv::CC_STAT_WIDTH) * toPt,
                                                               stats.at<int>(c, cv::CC_STAT_HEIGHT) * toPt}},
                        {QStringLiteral("old_text"), QJsonArray()},
                        {QStringLiteral("new_text"), QJsonArray()}});
            }
        }
        page.insert(QStringLiteral("diff_result"),
                    QJsonObject{{QStringLiteral("changes_detected"), !regions.isEmpty()},
                                {QStringLiteral("change_count"), regions.size()},
                                {QStringLiteral("regions"), regions}});
        pages.append(page);
    }
    return {{QStringLiteral("status"), QStringLiteral("completed")}, {QStringLiteral("pages"), pages}};
}

} // namespace bt::bench
