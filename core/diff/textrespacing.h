#pragma once

#include "changedetector.h"

namespace bt {

// Points a word may shift with its paragraph's new line spacing and still be the same text in
// the same place to a reader. Newer KiCad re-spaces multi-line notes by 0.3-3 pt.
constexpr double kRespacingReachPt = 3.0;

// Text laid out again is not a change: a region whose changed ink is all text (within the
// glyphs' reach of the words on either side) and whose every word has a twin of the same text
// within kRespacingReachPt on the other side is dropped; regions are numbered again. A label
// shifted together with its flag or wire, a changed word, or text that moved further stays a
// change. Words are in NEW's frame, as the masks (at `dpi`).
void dropRespacedText(ChangeRegions &regions, const ChangeMasks &masks, const Words &oldWords,
                      const Words &newWords, double dpi);

} // namespace bt
