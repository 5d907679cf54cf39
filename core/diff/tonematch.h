#pragma once

#include <opencv2/core/mat.hpp>

namespace bt {

struct ChangeMasks;

// How changes are found inside areas both sides cover with tone: raster viewports (a rendered
// plywood texture), photos, solid fills. There every pixel is "ink", so ink presence says
// nothing; a new partition drawn light grey over a dark texture is lighter, not darker.
struct ToneMatch {
    int inkThreshold = 160; // grey level below which a pixel is (clearly) ink
    int reach = 10;         // pixels: a detail this close to one as strong on the other side is there too
    int background = 31;    // pixels (odd): the window a pixel's local background is measured in
    int minArea = 40;       // pixels: smaller connected changes in a tile are specks
    int contrast = 40;      // grey levels a detail must stand out more on one side than the other
};

// Tiles (one byte each, 255 = tone; `tile` pixels square) mostly covered by ink on both sides:
// there ink presence cannot tell a change (on a lighter tone, such as a room's grey fill, the
// drawing's ink can). Samples every eighth row: a tone area is many rows high.
cv::Mat toneTiles(const cv::Mat &oldGrey, const cv::Mat &newGrey, int tile, int inkThreshold);

// In the tone tiles (`tones`), compares each side's detail against its own local background:
// a pixel is changed where its contrast to the background differs from every contrast the other
// side has within `reach` by more than `contrast`. So a texture's grain, the same on both sides
// within registration and compression noise, and a fill recoloured as a whole are no change; a
// stroke drawn over the texture in any tone is. Adds such pixels to the side whose detail is
// stronger (NEW: added) and marks their tiles in `dirty`.
void detectInTones(const cv::Mat &tones, int tile, const cv::Mat &oldGrey, const cv::Mat &newGrey,
                   const ToneMatch &match, ChangeMasks &masks, cv::Mat &dirty);

} // namespace bt
