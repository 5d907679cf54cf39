#pragma once

#include <QRect>
#include <QRectF>
#include <QStringList>
#include <QVector>

namespace bt {

enum class ChangeKind { Added, Removed, Modified, Moved };
QString changeKindName(ChangeKind kind); // "added", "removed", "modified", "moved"

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
    // Moved: where the ink was (NEW frame); the region's box is where it is now. Empty otherwise.
    QRectF movedFromPt;
    QRect movedFromPx;
    QStringList oldText; // words of OLD inside the region, reading order
    QStringList newText; // words of NEW inside the region, reading order
};

using ChangeRegions = QVector<ChangeRegion>;

// Points between a region's changed ink and the cloud drawn around it. The cloud must not run
// over the ink it marks, and a changed glyph needs a cloud one can see and click.
constexpr double kCloudMarginPt = 4.0;

// The cloud around a region as every output shows it (overlay, report, result JSON, change
// lists): its changed ink grown by the margin, clipped to the page.
QRectF cloudBoxPt(const ChangeRegion &region, QSizeF pageSizePt);
// The same in NEW page pixels at `pxPerPt`, clipped to a page of `pagePx`.
QRect cloudBoxPx(const ChangeRegion &region, double pxPerPt, QSize pagePx);

} // namespace bt
