#pragma once

#include <functional>
#include <opencv2/core/mat.hpp>
#include <vector>

namespace bt {

// A large cloud held together only by a thin line of the other kind is several changes: a net
// split into four new labels joins them all through the removed wire that ran between them.
// `cells` is one group's changed grouping cells (CV_8U, nonzero = changed, one cell per point or
// so), `addedCells` makes those of them holding added ink (asked for only when the group is
// large and sparse: most groups are not), `joinKernel` the kernel that grouped them.
// Returns the parts' boxes in `cells`' coordinates. Parts are the dense cells (text, symbols,
// walls: anything more than a line wide) with the thin lines that reach them. A thin line joins
// the parts it reaches (a dimension line, its arrows and its text are one change), but not a
// part all of the other kind: a removed wire running into added labels is a change of its own.
// Small or dense groups, and groups that would fall into many pieces (a redrawn area), come
// back whole.
std::vector<cv::Rect> splitAtThinBridges(const cv::Mat &cells, const std::function<cv::Mat()> &addedCells,
                                         const cv::Mat &joinKernel, double cellPt);

} // namespace bt
