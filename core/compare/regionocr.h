#pragma once

#include "diff/changeregion.h"
#include "document/word.h"

#include <opencv2/core/mat.hpp>

namespace bt {

// OCR of the neighbourhood of each change region on one side (a page without a text layer):
// only text-sized regions, vertical text read turned to horizontal. Every region is read in two
// framings (tight and with more of the room around it); a word both read alike is taken as
// confidently read (see mergeReadings). Boxes are page points.
Words ocrAroundRegions(const cv::Mat &grey, const ChangeRegions &regions, double dpi);

// Adds one crop's reading to the words read so far. A word read again at the same place keeps
// the more confident reading; two readings that agree letter for letter count as a confident
// one: Tesseract's confidence for short strings with quotes and dashes (23'-10") stays low even
// when they are read right, while noise and blur read differently as the crop's framing and
// binarisation change.
void mergeReadings(Words &words, const Words &reading);

} // namespace bt
