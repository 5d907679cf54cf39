#pragma once

#include "compare/pageresult.h"

#include <QString>
#include <QVector>

#include <array>

namespace bt {

// What a sheet pair came to. The one definition every count uses: the job summary, the window's
// filters and cards, the report's cover and sheet table, the change lists. A sheet only in NEW is
// added and only in OLD removed, whatever else it is; then a failed sheet is failed, a sheet
// without a diff (a cancelled or unfinished job) not compared, else changed or unchanged.
enum class SheetStatus { Changed, Unchanged, Added, Removed, Failed, NotCompared };
constexpr int kSheetStatusCount = int(SheetStatus::NotCompared) + 1;

QString sheetStatusName(SheetStatus status); // "changed", ..., "not_compared"
// changeCount: the diff's number of changes, negative while the sheet is not compared.
SheetStatus sheetStatus(MatchKind match, bool failed, int changeCount);
SheetStatus sheetStatus(const PageResult &page);

// How many sheets have each status.
struct SheetStatusCounts {
    std::array<int, kSheetStatusCount> counts{};

    void add(SheetStatus status) { ++counts[size_t(status)]; }
    int operator[](SheetStatus status) const { return counts[size_t(status)]; }
    int total() const;
    bool operator==(const SheetStatusCounts &other) const { return counts == other.counts; }
    bool operator!=(const SheetStatusCounts &other) const { return !(*this == other); }
};
SheetStatusCounts countSheets(const QVector<PageResult> &pages);

// A sheet in one set only is reviewed as a whole: one item standing for the sheet, so it can be
// accepted, rejected or commented like a change. Matched sheets review their regions.
constexpr int kWholeSheetRegionId = 1;
bool isWholeSheetReview(const PageResult &page); // added or removed
// The regions a reviewer goes through: the page's own, or the whole-sheet item (the full page, of
// the kind Added / Removed, without text) for a sheet in one set only. pxPerPt: the frame's
// pixels per point (the item's box covers the page in those pixels).
ChangeRegions reviewableRegions(const PageResult &page, double pxPerPt);
int reviewableCount(const PageResult &page);

} // namespace bt
