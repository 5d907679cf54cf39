#pragma once

#include "changedetector.h"

namespace bt {

// Which sides' words were read by OCR (pages without a text layer).
struct TextSources {
    bool oldOcr = false;
    bool newOcr = false;
};

// Tesseract's word confidence below which a reading is a guess (noise read as "Ly" scores
// 30-60; clean drawing text 85-95).
constexpr double kConfidentOcr = 50.0;

// OCR reads noise, hatches and a scan's blur as letters ("139" -> "Ly", "WSF-1" -> "WSF-4").
// Where a side was read by OCR, a region keeps its texts only when they are a trustworthy text
// change: the OCR words are confident, the pixels changed inside a word too, and the two
// readings differ by more than OCR's usual confusions (0/O, 1/l/I, 5/S, dashes, spacing, word
// order). Otherwise the region is a graphic change without text. Text-layer pairs are left as
// they are.
void settleReadTexts(ChangeRegions &regions, const ChangeMasks &masks, const Words &oldWords,
                     const Words &newWords, TextSources sources, double dpi);

// The text with OCR's usual confusions folded away: upper case, no spaces, O -> 0, I/L/| -> 1,
// S -> 5, dashes -> '-', words sorted.
QString foldedForOcr(const QStringList &words);

} // namespace bt
