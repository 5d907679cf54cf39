#pragma once

#include "changedetector.h"

namespace bt {

// The same ink gone from one place and come to another is one change, `moved`, not a removal
// and an addition: a door, a piece of furniture, a label dragged along. A removed and an added
// region are paired when their changed ink has the same shape and size (the removed pixels of
// one against the added pixels of the other, a pixel or two of tolerance) and they lie within
// `reachPt` of each other. The added region becomes the moved one (its box the new place,
// `movedFromPt` the old), the removed one goes. A thing moved by less than its size is one
// modified region: it is moved when its removed ink, displaced by the move (phase correlation
// of the two masks), lies on NEW's ink and its added ink, displaced back, on OLD's. Regions are
// numbered again. `alignedOld` and `newGrey` are the compared pages, ink darker than `inkThreshold`.
void pairMovedInk(ChangeRegions &regions, const ChangeMasks &masks, const cv::Mat &alignedOld,
                  const cv::Mat &newGrey, int inkThreshold, double dpi, double reachPt = 200.0);

} // namespace bt
