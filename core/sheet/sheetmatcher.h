#pragma once

#include "sheetidentity.h"

#include <QString>
#include <QVector>
#include <opencv2/core/mat.hpp>

namespace bt {

enum class MatchKind { Matched, Added, Removed };
QString matchKindName(MatchKind kind); // "matched", "added", "removed"

// One page of a set as the matcher sees it.
struct SheetInfo {
    int page = 0; // 0-based page index in its set
    SheetIdentity identity;
    cv::Mat thumbnail; // small grey render (e.g. 256 px wide) for visual fallback; may be empty
};

struct SheetPair {
    int oldPage = -1; // 0-based; -1 when the sheet is only in NEW
    int newPage = -1; // 0-based; -1 when the sheet is only in OLD
    MatchKind kind = MatchKind::Matched;
    QString method; // "number", "visual", "order", or empty for added/removed
};

// Visual similarity of two thumbnails in 0..1 (1 = same drawing).
double thumbnailSimilarity(const cv::Mat &a, const cv::Mat &b);

// Pairs OLD and NEW sheets: by normalised drawing number first ("Sheet N of M" indexes only
// between sets of the same count M), then by visual similarity of
// the thumbnails of what is left, then by page order of what is still left. Sheets only in NEW
// are Added, only in OLD Removed. The result is ordered by NEW page, removed sheets placed
// after the NEW sheet that preceded them in OLD order.
QVector<SheetPair> matchSheets(const QVector<SheetInfo> &oldSheets, const QVector<SheetInfo> &newSheets);

} // namespace bt
