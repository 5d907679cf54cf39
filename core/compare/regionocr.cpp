#include "regionocr.h"

#include "diff/textcheck.h"
#include "text/ocrengine.h"

#include <algorithm>
#include <opencv2/core.hpp>

namespace bt {

namespace {

constexpr int kMaxOcrRegions = 60;

// Words of a crop whose text runs vertically: the crop is turned both ways (text reading up, as
// drawings rotate it, first) and the reading with the more confident words wins. Boxes are
// mapped back onto the page.
Words recogniseVerticalWords(const cv::Mat &crop, double dpi, QPointF originPt) {
    const double wPt = crop.cols / pixelsPerPoint(dpi), hPt = crop.rows / pixelsPerPoint(dpi);
    Words best;
    double bestScore = 0;
    for (const bool clockwise : {true, false}) {
        cv::Mat turned;
        cv::rotate(crop, turned, clockwise ? cv::ROTATE_90_CLOCKWISE : cv::ROTATE_90_COUNTERCLOCKWISE);
        Words words = recogniseWords(turned, dpi, QPointF(0, 0));
        double score = 0;
        for (Word &w : words) {
            const QRectF r = w.box; // in the turned crop, points
            w.box = clockwise ? QRectF(r.y(), hPt - r.right(), r.height(), r.width())
                              : QRectF(wPt - r.bottom(), r.x(), r.height(), r.width());
            w.box.translate(originPt);
            score += w.confidence * w.text.size();
        }
        if (score > bestScore) {
            bestScore = score;
            best = words;
        }
    }
    return best;
}

// The words of the region's neighbourhood, the crop widened by `context` times the usual
// margins: along the text so a changed digit is read with the rest of its phrase, across it so
// the text's own height fits when the region is only a glyph's changed part.
Words readAround(const cv::Mat &grey, const QRectF &b, double dpi, double context) {
    const double pxPerPt = pixelsPerPoint(dpi);
    const bool vertical = b.height() > 2.0 * b.width();
    const double across = vertical ? b.width() : b.height();
    const double padAlong = context * std::max(30.0, 2.0 * across);
    const double padAcross = context * std::max(6.0, 0.6 * across);
    const QRectF area = vertical ? b.adjusted(-padAcross, -padAlong, padAcross, padAlong)
                                 : b.adjusted(-padAlong, -padAcross, padAlong, padAcross);
    const cv::Rect px = cv::Rect(int(area.x() * pxPerPt), int(area.y() * pxPerPt),
                                 int(area.width() * pxPerPt), int(area.height() * pxPerPt)) &
                        cv::Rect(0, 0, grey.cols, grey.rows);
    if (px.area() <= 0) return {};
    const QPointF originPt(px.x / pxPerPt, px.y / pxPerPt);
    Words words =
        vertical ? recogniseVerticalWords(grey(px), dpi, originPt) : recogniseWords(grey(px), dpi, originPt);
    // A word the crop cuts through ("REVISION" cut to "ON") is not what the sheet says: only
    // words clear of the crop's edges count, unless the edge is the page's.
    const double margin = 1.5 / pxPerPt;
    const QRectF inner =
        QRectF(originPt, QSizeF(px.width / pxPerPt, px.height / pxPerPt))
            .adjusted(px.x > 0 ? margin : -1, px.y > 0 ? margin : -1,
                      px.x + px.width < grey.cols ? -margin : 1, px.y + px.height < grey.rows ? -margin : 1);
    words.erase(
        std::remove_if(words.begin(), words.end(), [&](const Word &w) { return !inner.contains(w.box); }),
        words.end());
    return words;
}

// The same word read twice: boxes mostly the same (a digit inside a longer word is not).
bool samePlace(const Word &a, const Word &b) {
    const QRectF i = a.box.intersected(b.box);
    if (i.isEmpty()) return false;
    const double shared = i.width() * i.height();
    const double all = a.box.width() * a.box.height() + b.box.width() * b.box.height() - shared;
    return shared > 0.5 * all;
}

} // namespace

void mergeReadings(Words &words, const Words &reading) {
    const int before = int(words.size()); // a crop's own words never confirm each other
    for (const Word &w : reading) {
        const auto end = words.begin() + before;
        const auto same = std::find_if(words.begin(), end, [&](const Word &o) { return samePlace(o, w); });
        if (same == end) {
            words.append(w);
        } else if (same->text == w.text) {
            same->confidence = std::max({same->confidence, w.confidence, kConfidentOcr});
        } else if (w.confidence > same->confidence) {
            *same = w;
        }
    }
}

Words ocrAroundRegions(const cv::Mat &grey, const ChangeRegions &regions, double dpi) {
    Words out;
    int done = 0;
    for (const ChangeRegion &r : regions) {
        if (++done > kMaxOcrRegions) break;
        // Text-sized regions only: geometry changes (walls, furniture) are not worth reading.
        if (r.boxPt.width() > 700 || r.boxPt.height() > 250) continue;
        for (const double context : {1.0, 2.0})
            mergeReadings(out, readAround(grey, r.boxPt, dpi, context));
    }
    return out;
}

} // namespace bt
