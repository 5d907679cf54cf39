#include "sheetmatcher.h"

#include "drawingnumber.h"

#include <QHash>
#include <algorithm>
#include <cmath>
#include <numeric>
#include <opencv2/imgproc.hpp>
#include <tuple>

namespace bt {

namespace {

// Thumbnails are compared at this width; enough for layout, coarse enough to ignore edits.
constexpr int kCompareWidth = 128;
// Visual pairs below this similarity are left to the page-order stage.
constexpr double kVisualThreshold = 0.5;
// With enough sheets per set, pairs are ranked by what is particular to each sheet (its ink
// minus the set's mean ink); below this they share only the border and title block.
constexpr double kResidualThreshold = 0.2;
constexpr int kMinSheetsForResidual = 3;
// Two sheets whose numbers were read but differ are paired visually only this similar and
// only when one number came from OCR (a misread); otherwise one was removed, one added.
constexpr double kConflictThreshold = 0.8;

cv::Mat toGrey(const cv::Mat &image) {
    cv::Mat grey;
    if (image.channels() == 4)
        cv::cvtColor(image, grey, cv::COLOR_BGRA2GRAY);
    else if (image.channels() == 3)
        cv::cvtColor(image, grey, cv::COLOR_BGR2GRAY);
    else
        grey = image;
    if (grey.depth() != CV_8U) grey.convertTo(grey, CV_8U);
    return grey;
}

cv::Size compareSize(double aspect) {
    return {kCompareWidth, std::max(8, int(std::lround(kCompareWidth * aspect)))};
}

// Ink map in 0..1: darkness against the local paper (so a grey scan and a white vector page
// agree), scaled by its 99th percentile (vector renders draw hairlines at >= 1 px and look far
// darker than an area-averaged scan), blurred so a pixel or two of shift barely matters.
cv::Mat inkMap(const cv::Mat &image, cv::Size size) {
    cv::Mat resized, paper, ink;
    cv::resize(toGrey(image), resized, size, 0, 0, cv::INTER_AREA);
    cv::medianBlur(resized, paper, 5);
    cv::subtract(paper, resized, ink); // saturates: lighter than paper is no ink
    ink.convertTo(ink, CV_32F, 1.0 / 255.0);
    std::vector<float> values(ink.begin<float>(), ink.end<float>());
    auto p99 = values.begin() + long(values.size() * 99 / 100);
    std::nth_element(values.begin(), p99, values.end());
    ink = cv::min(ink / std::max(0.05f, *p99), 1.0);
    cv::GaussianBlur(ink, ink, cv::Size(0, 0), 1.5);
    return ink;
}

// Normalised cross-correlation (zero-mean, so paper does not count) clamped to 0..1.
double correlation(const cv::Mat &a, const cv::Mat &b) {
    cv::Scalar meanA, stdA, meanB, stdB;
    cv::meanStdDev(a, meanA, stdA);
    cv::meanStdDev(b, meanB, stdB);
    constexpr double kBlank = 1e-3;
    if (stdA[0] < kBlank || stdB[0] < kBlank)
        return stdA[0] < kBlank && stdB[0] < kBlank ? 1.0 : 0.0; // two blank pages are alike
    cv::Mat result;
    cv::matchTemplate(a, b, result, cv::TM_CCOEFF_NORMED);
    const double ncc = result.at<float>(0, 0);
    return std::isfinite(ncc) ? std::clamp(ncc, 0.0, 1.0) : 0.0;
}

// A "Sheet N of M" index is a position, the same sheet only within sets of the same count: its
// key carries M, so "2 of 8" never pairs with "2 of 9" by number.
QString numberKey(const SheetInfo &sheet) {
    const QString key = normaliseDrawingNumber(sheet.identity.number);
    if (key.isEmpty() || sheet.identity.sheetCount <= 0) return key;
    return key + QLatin1Char('/') + QString::number(sheet.identity.sheetCount);
}

} // namespace

QString matchKindName(MatchKind kind) {
    switch (kind) {
    case MatchKind::Matched:
        return QStringLiteral("matched");
    case MatchKind::Added:
        return QStringLiteral("added");
    case MatchKind::Removed:
        return QStringLiteral("removed");
    }
    return QString();
}

double thumbnailSimilarity(const cv::Mat &a, const cv::Mat &b) {
    if (a.empty() || b.empty()) return 0.0;
    // Common size from the mean aspect ratio: a portrait and a landscape sheet compare badly,
    // as they should.
    const cv::Size size = compareSize(0.5 * (double(a.rows) / a.cols + double(b.rows) / b.cols));
    return correlation(inkMap(a, size), inkMap(b, size));
}

QVector<SheetPair> matchSheets(const QVector<SheetInfo> &oldSheets, const QVector<SheetInfo> &newSheets) {
    QVector<bool> oldUsed(oldSheets.size(), false), newUsed(newSheets.size(), false);
    QVector<SheetPair> pairs;
    auto pair = [&](int o, int n, const QString &method) {
        oldUsed[o] = true;
        newUsed[n] = true;
        pairs.append({oldSheets.at(o).page, newSheets.at(n).page, MatchKind::Matched, method});
    };
    // Indices in page order, whatever order the caller listed them in.
    auto byPage = [](const QVector<SheetInfo> &sheets) {
        QVector<int> order(sheets.size());
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(),
                         [&](int x, int y) { return sheets.at(x).page < sheets.at(y).page; });
        return order;
    };
    const QVector<int> oldOrder = byPage(oldSheets), newOrder = byPage(newSheets);

    // 1. Same normalised number; duplicates within a set pair up in page order.
    QHash<QString, QVector<int>> oldByNumber;
    for (int o : oldOrder) {
        const QString key = numberKey(oldSheets.at(o));
        if (!key.isEmpty()) oldByNumber[key].append(o);
    }
    for (int n : newOrder) {
        const QString key = numberKey(newSheets.at(n));
        auto it = oldByNumber.find(key);
        if (key.isEmpty() || it == oldByNumber.end() || it->isEmpty()) continue;
        pair(it->takeFirst(), n, QStringLiteral("number"));
    }

    // Sheets whose numbers were both read and differ are different sheets, unless OCR misread.
    // Positions in sets of different counts (or a position against a name) say nothing.
    auto conflicting = [&](int o, int n) {
        const QString a = numberKey(oldSheets.at(o)), b = numberKey(newSheets.at(n));
        return !a.isEmpty() && !b.isEmpty() && a != b &&
               oldSheets.at(o).identity.sheetCount == newSheets.at(n).identity.sheetCount;
    };
    auto fromOcr = [&](int o, int n) {
        return oldSheets.at(o).identity.source == QLatin1String("ocr") ||
               newSheets.at(n).identity.source == QLatin1String("ocr");
    };

    // 2. Visual similarity, greedy best-first. Sheets of one set share border, title block
    // and often the building outline (different floor plans correlate at ~0.9), so with
    // enough sheets the ranking uses each sheet's ink minus its set's mean ink.
    QVector<int> oldThumbs, newThumbs;
    double aspect = 0;
    for (int o : oldOrder)
        if (!oldSheets.at(o).thumbnail.empty()) oldThumbs.append(o);
    for (int n : newOrder)
        if (!newSheets.at(n).thumbnail.empty()) newThumbs.append(n);
    for (int o : oldThumbs)
        aspect += double(oldSheets.at(o).thumbnail.rows) / oldSheets.at(o).thumbnail.cols;
    for (int n : newThumbs)
        aspect += double(newSheets.at(n).thumbnail.rows) / newSheets.at(n).thumbnail.cols;
    const cv::Size size = compareSize(aspect / std::max(1, int(oldThumbs.size() + newThumbs.size())));
    const bool residual =
        oldThumbs.size() >= kMinSheetsForResidual && newThumbs.size() >= kMinSheetsForResidual;
    QHash<int, cv::Mat> oldInk, newInk, oldResidual, newResidual;
    auto residuals = [&](const QVector<SheetInfo> &sheets, const QVector<int> &withThumbs,
                         QHash<int, cv::Mat> &inks, QHash<int, cv::Mat> &out) {
        cv::Mat mean = cv::Mat::zeros(size, CV_32F);
        for (int i : withThumbs) {
            inks.insert(i, inkMap(sheets.at(i).thumbnail, size));
            mean += inks.value(i) / double(withThumbs.size());
        }
        if (residual)
            for (int i : withThumbs)
                out.insert(i, inks.value(i) - mean);
    };
    residuals(oldSheets, oldThumbs, oldInk, oldResidual);
    residuals(newSheets, newThumbs, newInk, newResidual);

    std::vector<std::tuple<double, int, int>> candidates;
    for (int o : oldThumbs) {
        if (oldUsed.at(o)) continue;
        for (int n : newThumbs) {
            if (newUsed.at(n)) continue;
            const bool conflict = conflicting(o, n);
            if (conflict && !fromOcr(o, n)) continue;
            const double raw = correlation(oldInk.value(o), newInk.value(n));
            if (raw < (conflict ? kConflictThreshold : kVisualThreshold)) continue;
            double rank = raw;
            if (residual) {
                rank = correlation(oldResidual.value(o), newResidual.value(n));
                if (rank < kResidualThreshold) continue;
            }
            candidates.emplace_back(rank, o, n);
        }
    }
    // Highest similarity first; ties go to the earlier pages.
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const auto &x, const auto &y) { return std::get<0>(x) > std::get<0>(y); });
    for (const auto &[s, o, n] : candidates) {
        Q_UNUSED(s)
        if (!oldUsed.at(o) && !newUsed.at(n)) pair(o, n, QStringLiteral("visual"));
    }

    // 3. Page order of what is left (never two sheets with different numbers).
    QVector<int> oldLeft, newLeft;
    for (int o : oldOrder)
        if (!oldUsed.at(o)) oldLeft.append(o);
    for (int n : newOrder)
        if (!newUsed.at(n)) newLeft.append(n);
    // Each OLD sheet takes the next NEW sheet it does not conflict with, keeping both orders.
    int next = 0;
    for (int o : oldLeft) {
        for (int j = next; j < newLeft.size(); ++j) {
            if (!conflicting(o, newLeft.at(j))) {
                pair(o, newLeft.at(j), QStringLiteral("order"));
                next = j + 1;
                break;
            }
        }
    }

    // 4. The rest: only in NEW -> added, only in OLD -> removed.
    for (int n : newOrder)
        if (!newUsed.at(n)) pairs.append({-1, newSheets.at(n).page, MatchKind::Added, QString()});
    for (int o : oldOrder)
        if (!oldUsed.at(o)) pairs.append({oldSheets.at(o).page, -1, MatchKind::Removed, QString()});

    // Order by NEW page; a removed sheet follows the NEW sheet that its OLD predecessor (the
    // nearest earlier OLD page that was matched) became, or leads when there is none.
    QHash<int, int> newPageOfOld;
    for (const SheetPair &p : pairs)
        if (p.kind == MatchKind::Matched) newPageOfOld.insert(p.oldPage, p.newPage);
    auto sortKey = [&](const SheetPair &p) {
        if (p.kind != MatchKind::Removed) return std::make_tuple(p.newPage, 0, 0);
        int anchor = -1, anchorOldPage = -1;
        for (auto it = newPageOfOld.cbegin(); it != newPageOfOld.cend(); ++it) {
            if (it.key() < p.oldPage && it.key() > anchorOldPage) {
                anchorOldPage = it.key();
                anchor = it.value();
            }
        }
        return std::make_tuple(anchor, 1, p.oldPage);
    };
    std::stable_sort(pairs.begin(), pairs.end(),
                     [&](const SheetPair &x, const SheetPair &y) { return sortKey(x) < sortKey(y); });
    return pairs;
}

} // namespace bt
