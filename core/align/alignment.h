#pragma once

#include "document/word.h"

#include <QString>
#include <opencv2/core/mat.hpp>
#include <opencv2/core/matx.hpp>

#include <vector>

namespace bt {

// Part of OLD that one transform does not fit (a title block and border re-plotted elsewhere
// relative to the drawing): after the page transform it is moved again by `shiftPx`.
struct LocalShift {
    cv::Point shiftPx; // NEW pixel p shows the page-aligned OLD pixel p + shiftPx
    cv::Rect areaPx;   // where the moved OLD ink lands on NEW, NEW pixels
    int parts = 0;     // connected pieces of ink moved
};

// Registration of a NEW page onto its OLD page.
struct Alignment {
    // Affine map from NEW page pixels to OLD page pixels (x_old = A * [x_new, y_new, 1]).
    cv::Matx23d newToOld = cv::Matx23d(1, 0, 0, 0, 1, 0);
    double score = 0; // 0..1: share of NEW ink that lands on OLD ink after alignment
    QString method;   // "identity", "ecc", "features", "size"
    QString warning;  // empty when the alignment is reliable; English (the result JSON keeps it)
    std::vector<LocalShift> localShifts; // piecewise corrections after newToOld (piecewise.h)
    bool reliable() const { return warning.isEmpty(); }

    double rotationDeg() const;
    double scale() const; // mean of the two axis scales
    bool isIdentity(double tolerancePx = 0.02) const;
};

struct AlignOptions {
    int coarseLongSide = 1000; // working size of the coarse pass, pixels
    double minReliableScore = 0.6;
    bool subPixel = true; // refine on a finer level (vector pages)
};

// Registers NEW onto OLD: translation, scale (e.g. half-size print) and small rotation
// (scans, up to a few degrees). The initial guess scales by the ratio of the image sizes.
// Coarse phase correlation, then ECC coarse-to-fine, with feature matching as fallback; the
// result is checked by the remaining ink mismatch.
Alignment alignPages(const cv::Mat &oldGrey, const cv::Mat &newGrey, const AlignOptions &options = {});

// The ink overlap (0..1) alignPages judges its candidates by, for a transform found elsewhere
// (points a user picked): so both scores mean the same.
double alignmentScore(const cv::Mat &oldGrey, const cv::Mat &newGrey, const cv::Matx23d &newToOld,
                      const AlignOptions &options = {});

// The alignment's warning in the installed translators' language (the viewer, the report).
QString alignmentWarningText(const Alignment &alignment);

// OLD warped into NEW's pixel frame (size of newSize) by the alignment.
cv::Mat warpOldOntoNew(const cv::Mat &oldGrey, const Alignment &alignment, cv::Size newSize);

// OLD page words (points on OLD) moved into NEW page points through the alignment; the DPIs
// are those the alignment was computed at.
Words mapWordsOntoNew(const Words &oldWords, const Alignment &alignment, double oldDpi, double newDpi);

} // namespace bt
