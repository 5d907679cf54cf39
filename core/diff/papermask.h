#pragma once

#include <opencv2/core/mat.hpp>
#include <opencv2/core/matx.hpp>

namespace bt {

// The part of a NEW page where both pages show paper, on a grid of square cells of `cell`
// page pixels (255 = compare here). Empty: compare everywhere.
struct PaperArea {
    cv::Mat cells; // CV_8U
    int cell = 1;
    bool empty() const { return cells.empty(); }
};

// Where a scanned page shows paper: everything but dark areas that reach the page's edge (the
// scanner's bed beside a sheet laid askew, a dark border) and round dark holes near the edge
// (binder punches), with a margin for the paper's shadow and blur.
cv::Mat paperCells(const cv::Mat &grey, int cell, double pxPerPt);

// Where both scans show paper and NEW's pixels fall inside OLD's page (`newToOld` maps NEW
// pixels to OLD pixels). `alignedOld` is OLD already warped into NEW's frame.
PaperArea comparablePaper(const cv::Mat &alignedOld, const cv::Mat &newGrey, const cv::Matx23d &newToOld,
                          cv::Size oldSize, double dpi);

// Clears the masks' pixels in `area` (a part of the page) that lie outside the paper area.
void keepOnPaper(const PaperArea &paper, const cv::Rect &area, cv::Mat &added, cv::Mat &removed);

} // namespace bt
