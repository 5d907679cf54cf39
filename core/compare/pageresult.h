#pragma once

#include "align/alignment.h"
#include "align/pointalignment.h"
#include "diff/changeregion.h"
#include "sheet/sheetidentity.h"
#include "sheet/sheetmatcher.h"
#include "summary/sheetgrid.h"

#include <QRectF>
#include <QSizeF>
#include <QString>
#include <QVector>

namespace bt {

// Everything the comparison knows about one sheet pair: the value that crosses from the
// engine to the JSON writer, the store and the views.
struct PageResult {
    int pageNumber = 0; // 1-based position in the result (sheet order)
    int oldPage = -1;   // 0-based, -1 when absent
    int newPage = -1;
    MatchKind match = MatchKind::Matched;
    QString matchMethod; // "number", "visual", "order", "manual" (paired by hand)
    SheetIdentity oldIdentity;
    SheetIdentity newIdentity;

    QString drawingName() const; // NEW's number, else OLD's
    QString drawingTitle() const;

    // Diff (matched pairs only)
    bool diffDone = false;
    QString error;     // set when the page failed
    double dpi = 0;    // NEW render; also the DPI of bbox_px
    double oldDpi = 0; // OLD render (differs for sheets printed at another paper size)
    bool dpiLowered = false;
    QSizeF pageSizePt; // NEW page (OLD page for removed sheets)
    // Input of the diff: ignore areas of this drawing number (NEW page points) left out of it.
    QVector<QRectF> ignoredPt;
    // Input of the diff too: point pairs the user picked to align the sheet by hand; when valid
    // they replace the automatic alignment (alignmentFromPoints).
    PointPairs manualPoints;
    Alignment alignment;
    ChangeRegions regions;
    SheetGrid grid;
    QString overlayPath;
    QString alignedOldPath;
    QString newRenderPath;
    QString summaryText; // the summary shown: the deterministic one, or its AI rewrite
    // Set when summaryText is an AI provider's rewrite (summary/aisummary.h): the model that wrote
    // it and the deterministic summary it rewrote, kept so the rewrite stays recognisable as such.
    QString summaryAiModel;
    QString deterministicSummary;

    bool changesDetected() const { return match != MatchKind::Matched || !regions.isEmpty(); }
};

} // namespace bt
