#pragma once

#include "diff/changedetector.h"
#include "document/word.h"

#include <QRectF>
#include <QVector>
#include <opencv2/core.hpp>

namespace bt {

// Ignore areas: parts of a sheet (a revision block, a plot date stamp) the user wants left out
// of its comparison. Rectangles in points of the NEW page (origin top-left, y down), the frame
// the diff works in.

// Paints the areas white on a grey page rendered at dpi.
void maskAreas(cv::Mat &grey, const QVector<QRectF> &areasPt, double dpi);

// The words that touch none of the areas.
Words wordsOutside(const Words &words, const QVector<QRectF> &areasPt);

// detectChanges with the areas left out: both images are painted white there and their words
// dropped, so nothing inside can become a change and nothing outside is affected. Works on
// copies: the overlay still shows what is inside an area (as unchanged ink). Without areas it is
// detectChanges itself.
ChangeDetection detectChangesOutside(const QVector<QRectF> &areasPt, const cv::Mat &alignedOld,
                                     const cv::Mat &newGrey, double dpi, const ChangeOptions &options,
                                     const Words &oldWords, const Words &newWords,
                                     const PaperArea &paper = {});

// The same rectangles in any order, to a tenth of a point (as the result JSON rounds them).
bool sameAreas(const QVector<QRectF> &a, const QVector<QRectF> &b);

} // namespace bt
