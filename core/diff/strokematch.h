#pragma once

#include <opencv2/core/mat.hpp>

namespace bt {

struct ChangeMasks;

// How ink of one side is told apart from the same stroke drawn at another weight.
struct StrokeMatch {
    int inkThreshold = 160; // grey level below which a pixel is (clearly) ink
    int weakOld = 230;      // faint ink levels of each side
    int weakNew = 230;
    int radius = 2;       // pixels: ink within this distance of ink on the other side is there too
    int maxHalfWidth = 8; // pixels: the widest stroke (half-width) a weight change is looked for in
};

// Line weight is style, not change: a half-size plot made with the same pens (lines relatively
// twice as thick), a heavier pen or a thinner one leaves a band of one-sided ink along every line
// beyond the position tolerance. A stroke is the union of the disks inscribed in it, so such a
// pixel lies in a disk inscribed in its side's ink whose centre has the other side's ink within
// `radius`, and that ink is the same line drawn lighter: thinner than the stroke there, by at most
// the factor a pen weight changes a line (not a hairline under a new wall). Kept as changes:
// ink the other side lacks along the centre line (a new line, a line extended or moved), ink
// next to one-sided ink of the other side (a changed glyph, a word replaced by another), and a
// new stroke touching an old one except for its own half-width at the junction. An area's edge
// (a fill, a filled box) grown the same way is weight only when the sheet's lines show a weight
// change too (more such ink than the areas'): a pen change is sheet-wide, a box widened for a
// new entry is one edit.
// Clears such pixels of `masks` in the dirty tiles (`dirty`: one byte per square tile of `tile`
// pixels, 255 = may hold changes; images: aligned OLD and NEW grey, same size), and from
// `confirmed` (changes a word comparison found; may be empty) what the masks no longer hold.
void dropLineWeight(const cv::Mat &dirty, int tile, const cv::Mat &oldGrey, const cv::Mat &newGrey,
                    const StrokeMatch &match, ChangeMasks &masks, cv::Mat &confirmed);

} // namespace bt
