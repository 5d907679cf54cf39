#pragma once

#include "alignment.h"
#include "document/word.h"

#include <opencv2/core/mat.hpp>

#include <vector>

namespace bt {

// Piecewise correction after the page transform. A re-plot can move one part of a sheet
// relative to the rest (AutoCAD: the layout's border and title block against the viewports), so
// no single transform fits both and the part left over is all "change", hiding the real edits.
//
// `alignedOld` is OLD already warped onto NEW (warpOldOntoNew). Where several areas of the page
// are explained by one common displacement, OLD's connected pieces of ink that land on NEW's ink
// only with that displacement are moved by it. Returns the corrected OLD (alignedOld itself when
// nothing moved, the cheap common case) and appends the displacements to `shifts`. OLD's words
// (NEW page points, mapped by the page transform) on a moved piece move with it.
cv::Mat alignPiecewise(const cv::Mat &alignedOld, const cv::Mat &newGrey, double dpi,
                       std::vector<LocalShift> *shifts, Words *oldWords = nullptr);

} // namespace bt
