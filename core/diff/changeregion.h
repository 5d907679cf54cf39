#pragma once

#include <QRect>
#include <QRectF>
#include <QStringList>
#include <QVector>

namespace bt {

enum class ChangeKind { Added, Removed, Modified };
QString changeKindName(ChangeKind kind); // "added", "removed", "modified"

// One cloud on a sheet: a group of nearby changed ink.
struct ChangeRegion {
    int id = 0; // 1-based, in reading order on the sheet
    ChangeKind kind = ChangeKind::Modified;
    QRect boxPx;  // NEW page pixels at the comparison DPI
    QRectF boxPt; // NEW page points, origin top-left, y down
    // A changed text line (words grouped by the text layer), not drawing ink: it is never merged
    // with a drawing's cloud just because their boxes overlap.
    bool textLine = false;
    int addedPx = 0; // changed ink pixels in the region
    int removedPx = 0;
    QStringList oldText; // words of OLD inside the region, reading order
    QStringList newText; // words of NEW inside the region, reading order
};

using ChangeRegions = QVector<ChangeRegion>;

} // namespace bt
