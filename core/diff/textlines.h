#pragma once

#include "document/word.h"

#include <QRectF>
#include <QVector>
#include <opencv2/core/mat.hpp>

namespace bt {

// Changed text, grouped the way a reader sees it: words (without a twin on the other side)
// whose box holds a changed grid cell, joined along their line across gaps up to `lineGapPt`
// (a note's number and its text) or about a character height, and where they overlap (a
// word's OLD and NEW versions); then lines of one paragraph. Lines above and below that start
// elsewhere are never joined, however close. Only groups holding an edited word (`edited`,
// parallel to `untwinned`) are returned: text that only moved is drawing ink to the caller.
// `changedCells` is the grouping grid (CV_8U, nonzero = changed), one cell per `cellPt` points.
// Boxes in points, NEW frame.
QVector<QRectF> changedTextLines(const Words &untwinned, const QVector<bool> &edited,
                                 const cv::Mat &changedCells, double cellPt, double lineGapPt);

} // namespace bt
