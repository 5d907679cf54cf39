#pragma once

// What the change detector's tests share (tst_changedetector: the generated sheet with known
// edits, its overlay and scanned copies; tst_changeregions: raster viewports, coloured ink, how
// close changes are grouped, moved ink, texts): a page rendered with its text layer, and the
// pipeline's steps for one pair kept one by one.

#include "align/alignment.h"
#include "diff/changedetector.h"
#include "document/document.h"

#include <QRectF>
#include <QString>

#include <opencv2/core.hpp>

#include <memory>

namespace bt::test {

constexpr double kDpi = 150.0;

// The regions as one line for failure messages ("(none)" when empty).
QString regionsText(const ChangeRegions &regions);

struct Rendered {
    std::unique_ptr<Document> doc;
    RenderedPage page;
    Words words;
};

// Everything the pipeline produces for one pair, kept step by step.
struct Run {
    Alignment alignment;
    cv::Mat alignedOld;
    cv::Mat newGrey;
    ChangeDetection detection; // regions as detectChanges returns them
    ChangeRegions regions;     // after attachRegionTexts
};

// The first page of `path` rendered at `dpi`, with its text layer's words; false (and a warning)
// when the file does not open or render.
bool openRendered(const QString &path, Rendered &out, double dpi = kDpi);
// align -> warp -> words into NEW's frame -> detectChanges -> attachRegionTexts, as diffPage.
Run compareRendered(const Rendered &o, const Rendered &n, bool useWords = true);

} // namespace bt::test
