#pragma once

#include "changeregion.h"
#include "document/word.h"
#include "papermask.h"

#include <opencv2/core/mat.hpp>
#include <optional>
#include <vector>

namespace bt {

struct ChangeOptions {
    double tolerancePt = 0.6;     // ink within this distance of ink on the other side is unchanged
    double groupDistancePt = 9.0; // changes closer than this (twice this along a line) form one region
    double edgeBandPt = 4.0;      // changes this close to the sheet edge are cut-off artefacts
    double minInkPt2 = 1.0;       // regions with less changed ink (area, pt^2) are specks
    int inkThreshold = 160;       // grey level below which a pixel is (clearly) ink
    int weakInkMargin = 25;       // faint ink: this far below the paper's grey level
    bool scanned = false;         // either side is a scan: wider tolerance, stronger speck filter
};

struct ChangeMasks {
    cv::Mat added;   // CV_8U, 255 where NEW ink has no OLD ink near it
    cv::Mat removed; // CV_8U, 255 where OLD ink has no NEW ink near it
    // Pixel areas outside which both masks are 0 (a revision changes a few tiles of a sheet), so
    // readers can skip the rest; unset: the masks may have pixels anywhere.
    std::optional<std::vector<cv::Rect>> areas;
};

struct ChangeDetection {
    ChangeMasks masks;
    ChangeRegions regions; // boxes in pixels and points; texts not yet attached
};

// Compares OLD (already warped into NEW's frame) with NEW, both grey at `dpi`.
// Word lists (in NEW-frame points; may be empty) add changes the pixels are too tolerant to
// see: a word present on one side without an equal word at the same place on the other.
// With a paper area, nothing outside it is a change (a scan's bed, border, punched holes).
ChangeDetection detectChanges(const cv::Mat &alignedOld, const cv::Mat &newGrey, double dpi,
                              const ChangeOptions &options, const Words &oldWords = {},
                              const Words &newWords = {}, const PaperArea &paper = {});

// Fills oldText/newText of each region with the words it touches, widened to whole phrases
// (words on a line with word-sized gaps), so a changed digit reports "REV 1" -> "REV 2".
// Region boxes grow to cover those phrases; regions that then overlap are merged and renumbered.
void attachRegionTexts(ChangeRegions &regions, const Words &oldWordsInNewFrame, const Words &newWords,
                       double dpi);

// Renumbers regions 1..n in reading order (top to bottom, left to right).
void numberRegions(ChangeRegions &regions);

} // namespace bt
