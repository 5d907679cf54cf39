#include "ignoreareas.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

namespace bt {

void maskAreas(cv::Mat &grey, const QVector<QRectF> &areasPt, double dpi) {
    const double s = pixelsPerPoint(dpi);
    const cv::Rect page(0, 0, grey.cols, grey.rows);
    for (const QRectF &a : areasPt) {
        // Outwards to whole pixels: anti-aliased rims on the edge go too.
        const int x0 = int(std::floor(a.left() * s)), y0 = int(std::floor(a.top() * s));
        const int x1 = int(std::ceil(a.right() * s)), y1 = int(std::ceil(a.bottom() * s));
        const cv::Rect r = cv::Rect(x0, y0, x1 - x0, y1 - y0) & page;
        if (r.area() > 0) grey(r).setTo(255);
    }
}

Words wordsOutside(const Words &words, const QVector<QRectF> &areasPt) {
    if (areasPt.isEmpty()) return words;
    Words out;
    for (const Word &w : words)
        if (std::none_of(areasPt.begin(), areasPt.end(),
                         [&w](const QRectF &a) { return a.intersects(w.box); }))
            out.append(w);
    return out;
}

ChangeDetection detectChangesOutside(const QVector<QRectF> &areasPt, const cv::Mat &alignedOld,
                                     const cv::Mat &newGrey, double dpi, const ChangeOptions &options,
                                     const Words &oldWords, const Words &newWords, const PaperArea &paper) {
    if (areasPt.isEmpty()) return detectChanges(alignedOld, newGrey, dpi, options, oldWords, newWords, paper);
    cv::Mat oldMasked = alignedOld.clone(), newMasked = newGrey.clone();
    maskAreas(oldMasked, areasPt, dpi);
    maskAreas(newMasked, areasPt, dpi);
    return detectChanges(oldMasked, newMasked, dpi, options, wordsOutside(oldWords, areasPt),
                         wordsOutside(newWords, areasPt), paper);
}

bool sameAreas(const QVector<QRectF> &a, const QVector<QRectF> &b) {
    if (a.size() != b.size()) return false;
    auto key = [](const QRectF &r) {
        return std::array<long, 4>{std::lround(r.x() * 10), std::lround(r.y() * 10),
                                   std::lround(r.width() * 10), std::lround(r.height() * 10)};
    };
    std::vector<std::array<long, 4>> x, y;
    for (const QRectF &r : a)
        x.push_back(key(r));
    for (const QRectF &r : b)
        y.push_back(key(r));
    std::sort(x.begin(), x.end());
    std::sort(y.begin(), y.end());
    return x == y;
}

} // namespace bt
