#include "sheetstatus.h"

#include <cmath>
#include <numeric>

namespace bt {

QString sheetStatusName(SheetStatus status) {
    switch (status) {
    case SheetStatus::Changed:
        return QStringLiteral("changed");
    case SheetStatus::Unchanged:
        return QStringLiteral("unchanged");
    case SheetStatus::Added:
        return QStringLiteral("added");
    case SheetStatus::Removed:
        return QStringLiteral("removed");
    case SheetStatus::Failed:
        return QStringLiteral("failed");
    case SheetStatus::NotCompared:
        return QStringLiteral("not_compared");
    }
    return QString();
}

SheetStatus sheetStatus(MatchKind match, bool failed, int changeCount) {
    if (match == MatchKind::Added) return SheetStatus::Added;
    if (match == MatchKind::Removed) return SheetStatus::Removed;
    if (failed) return SheetStatus::Failed;
    if (changeCount < 0) return SheetStatus::NotCompared;
    return changeCount == 0 ? SheetStatus::Unchanged : SheetStatus::Changed;
}

SheetStatus sheetStatus(const PageResult &page) {
    return sheetStatus(page.match, !page.error.isEmpty(), page.diffDone ? int(page.regions.size()) : -1);
}

int SheetStatusCounts::total() const {
    return std::accumulate(counts.begin(), counts.end(), 0);
}

SheetStatusCounts countSheets(const QVector<PageResult> &pages) {
    SheetStatusCounts c;
    for (const PageResult &p : pages)
        c.add(sheetStatus(p));
    return c;
}

bool isWholeSheetReview(const PageResult &page) {
    return page.match == MatchKind::Added || page.match == MatchKind::Removed;
}

ChangeRegions reviewableRegions(const PageResult &page, double pxPerPt) {
    if (!isWholeSheetReview(page)) return page.regions;
    ChangeRegion r;
    r.id = kWholeSheetRegionId;
    r.kind = page.match == MatchKind::Added ? ChangeKind::Added : ChangeKind::Removed;
    r.boxPt = QRectF(QPointF(0, 0), page.pageSizePt);
    r.boxPx = QRect(0, 0, int(std::floor(page.pageSizePt.width() * pxPerPt)),
                    int(std::floor(page.pageSizePt.height() * pxPerPt)));
    return {r};
}

int reviewableCount(const PageResult &page) {
    return isWholeSheetReview(page) ? 1 : int(page.regions.size());
}

} // namespace bt
