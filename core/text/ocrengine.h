#pragma once

#include "document/word.h"

#include <QPointF>
#include <QString>
#include <opencv2/core/mat.hpp>

namespace bt {

enum class OcrLayout {
    SparseText, // Tesseract PSM 11: scattered labels, title blocks
    Block,      // PSM 6: one uniform block, e.g. a small change region
};

// The Tesseract library's version as loaded ("5.3.0").
QString tesseractVersion();

// Must run before Tesseract is first used in the process (OMP_THREAD_LIMIT=1; see NOTES.md).
void initOcrEnvironment();

// Recognises words in a grey crop rendered at `dpi` whose top-left corner sits at `originPt`
// (PDF points) on the page. Returned boxes are page points. Uses one Tesseract instance per
// thread, created on first use. The crop is binarised and long ruling lines are removed first.
Words recogniseWords(const cv::Mat &grey, double dpi, QPointF originPt,
                     OcrLayout layout = OcrLayout::SparseText, double minConfidence = 30.0);

} // namespace bt
