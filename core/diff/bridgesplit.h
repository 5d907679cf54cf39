#pragma once

#include <opencv2/core/mat.hpp>
#include <vector>

namespace bt {

// A large cloud held together only by a thin line of the other kind is several changes: a net
// split into four new labels joins them all through the removed wire that ran between them.
// `cells` is one group's changed grouping cells (CV_8U, nonzero = changed, one cell per point or
// so), `addedCells` those of them holding added ink, `joinKernel` the kernel that grouped them.
// Returns the parts' boxes in `cells`' coordinates. Parts are the dense cells (text, symbols,
// walls: anything more than a line wide) with the thin lines that reach only them. A thin line
// reaching several parts joins them (a dimension line and its arrows and text are one change),
// unless it is all removed ink between added parts or the reverse: then it bridges changes and
// belongs to none (the overlay still shows it). Small or dense groups come back whole.
std::vector<cv::Rect> splitAtThinBridges(const cv::Mat &cells, const cv::Mat &addedCells,
                                         const cv::Mat &joinKernel, double cellPt);

} // namespace bt
