#pragma once

#include "changedetector.h"

namespace bt {

// Points a word may shift with its paragraph's new line spacing and still be the same text in
// the same place to a reader. Newer KiCad re-spaces multi-line notes by 0.3-3 pt.
constexpr double kRespacingReachPt = 3.0;

// Text laid out again is not a change. A region is dropped when its words on both sides are the
// other side's laid out again - each line starts where it did, later words moved by at most
// kRespacingReachPt (re-kerned), a line moved across only as a line of a paragraph whose spacing
// changed - and its changed ink lies within those text lines. A label moved as a whole, a changed
// word, or text that moved further stays a change. Regions are numbered again. Words are in NEW's
// frame, as the masks (at `dpi`).
void dropRespacedText(ChangeRegions &regions, const ChangeMasks &masks, const Words &oldWords,
                      const Words &newWords, double dpi);

} // namespace bt
