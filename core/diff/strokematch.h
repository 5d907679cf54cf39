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
// beyond the position tolerance. Such a pixel lies in a stroke whose centre line the other side
// has ink on. A stroke is the union of the disks inscribed in it, so a changed pixel is a weight
// change when it lies in a disk inscribed in its side's ink whose centre has the other side's
// ink within `radius`. Ink the other side does not have along its centre line (a new line, a
// changed glyph, a line extended or moved) stays a change; a new stroke touching an old one
// loses at most its own half-width at the junction.
// Clears such pixels of `masks` in the dirty tiles (`dirty`: one byte per square tile of `tile`
// pixels, 255 = may hold changes; images: aligned OLD and NEW grey, same size), and from
// `confirmed` (changes a word comparison found; may be empty) what the masks no longer hold.
void dropLineWeight(const cv::Mat &dirty, int tile, const cv::Mat &oldGrey, const cv::Mat &newGrey,
                    const StrokeMatch &match, ChangeMasks &masks, cv::Mat &confirmed);

} // namespace bt
