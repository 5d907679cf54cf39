#include "piecewise.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <opencv2/imgproc.hpp>

namespace bt {

namespace {

// Tiles of the residual check: about the size of a title-block field, small enough that a
// title block or border band covers several of them.
constexpr double kTileIn = 1.5;
// Search margin around a tile: displacements up to this far are found.
constexpr double kMarginIn = 0.4;
// Working resolution of the displacement search: a moved title block (a dozen points and more)
// is several pixels here, and a tile with its margin stays ~100 px.
constexpr double kWorkDpi = 50.0;
constexpr uchar kInk = 160;     // full resolution: darker is ink
constexpr uchar kWorkInk = 224; // working resolution: thin lines are averaged lighter
// The residual check reads every kRowStep-th row: the common case (nothing displaced) must
// cost a few milliseconds on a 42 MP page, next to a diff stage of ~0.1 s.
constexpr int kRowStep = 16;
// A displacement is believed only when this many tiles agree on it: one moved object (a door)
// is a real change and must stay one; a re-plotted title block and border span many tiles.
constexpr int kMinTiles = 3;
// A tile is explained by a displacement that removes this share of its mismatch.
constexpr double kExplained = 0.4;

struct Tile {
    cv::Rect rect;                            // full resolution, NEW frame
    cv::Rect inner;                           // the tile inside the working crop
    cv::Mat oldInk, newInk, oldNear, newNear; // working crop masks (near: ink dilated 1 px)
    int mismatch0 = 0;
    cv::Point estimate; // working px, NEW p shows OLD p + estimate
    bool hasEstimate = false;
};

// Tiles (full resolution) where the page-aligned OLD and NEW disagree: sampled rows, ink of one
// side with no ink of the other within a pixel (sub-pixel registration and anti-aliasing pass).
std::vector<cv::Rect> disagreeingTiles(const cv::Mat &a, const cv::Mat &n, int tile) {
    if (n.cols < 3 || n.rows < 3) return {};
    const int tilesX = (n.cols + tile - 1) / tile, tilesY = (n.rows + tile - 1) / tile;
    std::vector<int64_t> ink(size_t(tilesX) * tilesY, 0), bad(ink.size(), 0);
    const int w = n.cols;
    std::vector<uchar> va(w), vn(w), rowInk(w), rowBad(w);
    for (int y = 1 + kRowStep / 2; y < n.rows - 1; y += kRowStep) {
        const uchar *a0 = a.ptr<uchar>(y - 1), *a1 = a.ptr<uchar>(y), *a2 = a.ptr<uchar>(y + 1);
        const uchar *n0 = n.ptr<uchar>(y - 1), *n1 = n.ptr<uchar>(y), *n2 = n.ptr<uchar>(y + 1);
        for (int x = 0; x < w; ++x) {
            va[x] = std::min(a0[x], std::min(a1[x], a2[x]));
            vn[x] = std::min(n0[x], std::min(n1[x], n2[x]));
        }
        // Columns 0 and w - 1 stay 0 (the vectors start zeroed): they lack a neighbour.
        // Byte flags, no branches: vectorised.
        for (int x = 1; x < w - 1; ++x) {
            const uchar nearA = std::min(va[x - 1], std::min(va[x], va[x + 1])) < kInk;
            const uchar nearN = std::min(vn[x - 1], std::min(vn[x], vn[x + 1])) < kInk;
            const uchar isA = a1[x] < kInk, isN = n1[x] < kInk;
            rowInk[x] = uchar(isA + isN);
            rowBad[x] = uchar((isN & (nearA ^ 1)) + (isA & (nearN ^ 1)));
        }
        const int ty = y / tile;
        for (int tx = 0; tx < tilesX; ++tx) {
            const int x0 = tx * tile, x1 = std::min(w, x0 + tile);
            unsigned si = 0, sb = 0;
            for (int x = x0; x < x1; ++x) {
                si += rowInk[x];
                sb += rowBad[x];
            }
            ink[size_t(ty) * tilesX + tx] += si;
            bad[size_t(ty) * tilesX + tx] += sb;
        }
    }
    std::vector<cv::Rect> out;
    const cv::Rect page(0, 0, n.cols, n.rows);
    for (int ty = 0; ty < tilesY; ++ty)
        for (int tx = 0; tx < tilesX; ++tx) {
            const size_t i = size_t(ty) * tilesX + tx;
            // Enough sampled ink to judge, and a good part of it unexplained.
            if (ink[i] >= 40 && bad[i] >= 20 && bad[i] * 10 >= ink[i] * 3)
                out.push_back(cv::Rect(tx * tile, ty * tile, tile, tile) & page);
        }
    return out;
}

cv::Mat shrinkBy(const cv::Mat &grey, int k) {
    if (k == 1) return grey;
    cv::Mat out;
    // A whole factor on a size divisible by it: OpenCV's fast block-mean path.
    cv::resize(grey, out, cv::Size(grey.cols / k, grey.rows / k), 0, 0, cv::INTER_AREA);
    return out;
}

cv::Mat inkFloat(const cv::Mat &grey) {
    cv::Mat ink;
    cv::subtract(cv::Scalar(255), grey, ink);
    ink.convertTo(ink, CV_32F, 1.0 / 255.0);
    return ink;
}

// NEW ink not near OLD ink displaced by `c` plus the reverse, over the tile (working px); -1 when
// the displaced tile leaves the crop.
int mismatch(const Tile &t, cv::Point c) {
    const cv::Rect shifted = t.inner + c;
    if ((shifted & cv::Rect(0, 0, t.oldInk.cols, t.oldInk.rows)) != shifted) return -1;
    cv::Mat lost;
    cv::bitwise_and(t.newInk(t.inner), ~t.oldNear(shifted), lost);
    int m = cv::countNonZero(lost);
    cv::bitwise_and(t.oldInk(shifted), ~t.newNear(t.inner), lost);
    return m + cv::countNonZero(lost);
}

bool explains(const Tile &t, cv::Point c) {
    const int m = mismatch(t, c);
    return m >= 0 && t.mismatch0 >= 10 && m <= kExplained * t.mismatch0;
}

// The tile at working resolution with its margin, and the displacement phase correlation reads.
Tile makeTile(const cv::Mat &a, const cv::Mat &n, const cv::Rect &rect, int k, int margin) {
    Tile t;
    t.rect = rect;
    const int step = 2 * k; // even working sizes: OpenCV 4.6 reads odd-size peaks half a pixel off
    cv::Rect crop(rect.x - margin, rect.y - margin, rect.width + 2 * margin, rect.height + 2 * margin);
    crop &= cv::Rect(0, 0, n.cols, n.rows);
    crop.width -= crop.width % step;
    crop.height -= crop.height % step;
    if (crop.width < 4 * step || crop.height < 4 * step) return t;
    const cv::Mat aw = shrinkBy(a(crop), k), nw = shrinkBy(n(crop), k);
    t.oldInk = aw < kWorkInk;
    t.newInk = nw < kWorkInk;
    const cv::Mat kernel = cv::getStructuringElement(cv::MORPH_RECT, cv::Size(3, 3));
    cv::dilate(t.oldInk, t.oldNear, kernel);
    cv::dilate(t.newInk, t.newNear, kernel);
    t.inner = cv::Rect((rect.x - crop.x) / k, (rect.y - crop.y) / k, rect.width / k, rect.height / k) &
              cv::Rect(0, 0, aw.cols, aw.rows);
    t.mismatch0 = mismatch(t, cv::Point(0, 0));
    cv::Mat window;
    cv::createHanningWindow(window, aw.size(), CV_32F);
    double response = 0;
    // phaseCorrelate(old, new): NEW(x) = OLD(x - d), so NEW p shows OLD p - d.
    const cv::Point2d d = cv::phaseCorrelate(inkFloat(aw), inkFloat(nw), window, &response);
    const cv::Point c(cvRound(-d.x), cvRound(-d.y));
    // Displacements under a working pixel and a half are registration noise, not a moved part.
    if (std::hypot(d.x, d.y) >= 1.5 && explains(t, c)) {
        t.estimate = c;
        t.hasEstimate = true;
    }
    return t;
}

// Full-resolution displacement near `coarse` (full px) from the tile: sub-working-pixel
// precision, so the moved part lands on NEW's anti-aliased rims.
cv::Point refine(const cv::Mat &a, const cv::Mat &n, const cv::Rect &rect, cv::Point coarse, int k) {
    const cv::Rect page(0, 0, n.cols, n.rows);
    cv::Rect r = rect & (page - coarse) & page;
    r.width -= r.width % 2;
    r.height -= r.height % 2;
    if (r.width < 32 || r.height < 32) return coarse;
    cv::Mat window;
    cv::createHanningWindow(window, r.size(), CV_32F);
    const cv::Point2d d = cv::phaseCorrelate(inkFloat(a(r + coarse)), inkFloat(n(r)), window);
    if (std::abs(d.x) > k + 1 || std::abs(d.y) > k + 1) return coarse;
    return coarse - cv::Point(cvRound(d.x), cvRound(d.y));
}

} // namespace

cv::Mat alignPiecewise(const cv::Mat &alignedOld, const cv::Mat &newGrey, double dpi,
                       std::vector<LocalShift> *shifts, Words *oldWords) {
    if (alignedOld.empty() || alignedOld.size() != newGrey.size() || alignedOld.type() != CV_8UC1 ||
        newGrey.type() != CV_8UC1)
        return alignedOld;
    const int k = std::max(1, int(std::lround(dpi / kWorkDpi)));
    const int tileSize = std::max(8 * k, int(std::lround(kTileIn * dpi / k)) * k);
    const int margin = int(std::lround(kMarginIn * dpi / k)) * k;

    // 1. Cheap residual check: nothing to do on most sheets.
    const std::vector<cv::Rect> rects = disagreeingTiles(alignedOld, newGrey, tileSize);
    if (int(rects.size()) < kMinTiles) return alignedOld;

    // 2. A displacement per disagreeing tile (working resolution, the tile and its margin).
    std::vector<Tile> tiles;
    tiles.reserve(rects.size());
    for (const cv::Rect &r : rects) {
        Tile t = makeTile(alignedOld, newGrey, r, k, margin);
        if (t.mismatch0 > 0) tiles.push_back(std::move(t));
    }

    // 3. Displacements that explain several tiles, most tiles first.
    struct Candidate {
        cv::Point work; // working px
        cv::Point full; // full px
        std::vector<const Tile *> tiles;
    };
    std::vector<Candidate> candidates;
    std::vector<bool> claimed(tiles.size(), false);
    for (int pass = 0; pass < 3; ++pass) {
        Candidate best;
        for (const Tile &seed : tiles) {
            if (!seed.hasEstimate) continue;
            bool known = false;
            for (const Candidate &c : candidates)
                known = known || std::max(std::abs(c.work.x - seed.estimate.x),
                                          std::abs(c.work.y - seed.estimate.y)) <= 1;
            if (known) continue;
            Candidate c;
            c.work = seed.estimate;
            for (size_t i = 0; i < tiles.size(); ++i)
                if (!claimed[i] && explains(tiles[i], c.work)) c.tiles.push_back(&tiles[i]);
            if (c.tiles.size() > best.tiles.size()) best = c;
        }
        if (int(best.tiles.size()) < kMinTiles) break;
        for (const Tile *t : best.tiles)
            claimed[size_t(t - tiles.data())] = true;
        const Tile *strongest =
            *std::max_element(best.tiles.begin(), best.tiles.end(),
                              [](const Tile *x, const Tile *y) { return x->mismatch0 < y->mismatch0; });
        best.full = refine(alignedOld, newGrey, strongest->rect, best.work * k, k);
        candidates.push_back(std::move(best));
    }
    if (candidates.empty()) return alignedOld;

    // 4. OLD's pieces of ink (working resolution, ink a couple of pixels apart joined) go with the
    // displacement under which they land on NEW's ink, when the page transform does not put them
    // there and they lie where that displacement was found. A removed or edited piece lands on
    // nothing either way and stays a change.
    const int padRight = (k - newGrey.cols % k) % k, padBottom = (k - newGrey.rows % k) % k;
    cv::Mat aPad = alignedOld, nPad = newGrey;
    if (padRight || padBottom) {
        cv::copyMakeBorder(alignedOld, aPad, 0, padBottom, 0, padRight, cv::BORDER_CONSTANT, cv::Scalar(255));
        cv::copyMakeBorder(newGrey, nPad, 0, padBottom, 0, padRight, cv::BORDER_CONSTANT, cv::Scalar(255));
    }
    const cv::Mat oldInk = shrinkBy(aPad, k) < kWorkInk, newInk = shrinkBy(nPad, k) < kWorkInk;
    cv::Mat newNear, blobs;
    cv::dilate(newInk, newNear, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(3, 3)));
    cv::dilate(oldInk, blobs, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(5, 5)));
    cv::Mat labels, stats, centroids;
    const int count = cv::connectedComponentsWithStats(blobs, labels, stats, centroids, 8, CV_32S);
    const size_t nc = candidates.size() + 1; // 0: no displacement
    std::vector<int> inkOf(size_t(count), 0), hits(size_t(count) * nc, 0);
    std::vector<cv::Point> offsets{cv::Point(0, 0)};
    for (const Candidate &c : candidates)
        offsets.push_back(c.work);
    for (int y = 0; y < labels.rows; ++y) {
        const int *l = labels.ptr<int>(y);
        const uchar *ink = oldInk.ptr<uchar>(y);
        for (int x = 0; x < labels.cols; ++x) {
            if (!l[x] || !ink[x]) continue;
            ++inkOf[size_t(l[x])];
            for (size_t i = 0; i < nc; ++i) {
                // OLD's ink at q shows on NEW at q - offset.
                const int qx = x - offsets[i].x, qy = y - offsets[i].y;
                if (qx >= 0 && qy >= 0 && qx < newNear.cols && qy < newNear.rows && newNear.at<uchar>(qy, qx))
                    ++hits[size_t(l[x]) * nc + i];
            }
        }
    }
    // Where each displacement was found: its tiles and their neighbours (full px).
    // A piece counts as there when its box reaches one of those areas: a border is one piece
    // whose centre is the middle of the sheet.
    auto nearTiles = [&](const Candidate &c, const cv::Rect &box) {
        for (const Tile *t : c.tiles) {
            const cv::Rect zone(t->rect.x - tileSize, t->rect.y - tileSize, t->rect.width + 2 * tileSize,
                                t->rect.height + 2 * tileSize);
            if (!(zone & box).empty()) return true;
        }
        return false;
    };
    std::vector<int> assigned(size_t(count), 0);
    std::vector<LocalShift> found(candidates.size());
    for (int lab = 1; lab < count; ++lab) {
        const int ink = inkOf[size_t(lab)];
        if (ink < 4) continue;
        const int still = hits[size_t(lab) * nc];
        const cv::Rect box(stats.at<int>(lab, cv::CC_STAT_LEFT) * k, stats.at<int>(lab, cv::CC_STAT_TOP) * k,
                           stats.at<int>(lab, cv::CC_STAT_WIDTH) * k,
                           stats.at<int>(lab, cv::CC_STAT_HEIGHT) * k);
        size_t best = 0;
        for (size_t i = 1; i < nc; ++i) {
            const int h = hits[size_t(lab) * nc + i];
            // Most of the piece lands on NEW's ink displaced, and displacing at least halves what
            // misses: text next to the moved part's other text partly lands on ink either way.
            if (h >= 0.8 * ink && still <= 0.9 * ink && ink - h <= 0.5 * (ink - still) &&
                (!best || h > hits[size_t(lab) * nc + best]) && nearTiles(candidates[i - 1], box))
                best = i;
        }
        if (!best) continue;
        assigned[size_t(lab)] = int(best);
        LocalShift &s = found[best - 1];
        s.areaPx = s.parts ? (s.areaPx | box) : box;
        ++s.parts;
    }

    // Words go with the piece under their centre (pieces are ink dilated, so a word's letters and
    // the gaps between them are one piece).
    if (oldWords) {
        const double toPx = pixelsPerPoint(dpi);
        for (Word &w : *oldWords) {
            const QPointF c = w.box.center() * toPx / k;
            const int x = int(c.x()), y = int(c.y());
            if (x < 0 || y < 0 || x >= labels.cols || y >= labels.rows) continue;
            const int piece = assigned[size_t(labels.at<int>(y, x))];
            if (!piece || !found[size_t(piece - 1)].parts) continue;
            const cv::Point s = candidates[size_t(piece - 1)].full;
            w.box.translate(-s.x / toPx, -s.y / toPx);
        }
    }

    // 5. Move the pieces at full resolution: erase each from where the page transform put it,
    // then draw it (darkest wins, as ink on paper) at its displaced place.
    cv::Mat out = alignedOld.clone();
    const cv::Rect page(0, 0, newGrey.cols, newGrey.rows);
    std::vector<cv::Mat> masks;
    for (size_t i = 0; i < candidates.size(); ++i) {
        if (!found[i].parts) { // nothing of OLD follows this displacement
            masks.emplace_back();
            continue;
        }
        cv::Mat work(labels.size(), CV_8U, cv::Scalar(0));
        for (int y = 0; y < labels.rows; ++y) {
            const int *l = labels.ptr<int>(y);
            uchar *m = work.ptr<uchar>(y);
            for (int x = 0; x < labels.cols; ++x)
                m[x] = (l[x] && assigned[size_t(l[x])] == int(i + 1)) ? 255 : 0;
        }
        cv::Mat full;
        cv::resize(work, full, cv::Size(work.cols * k, work.rows * k), 0, 0, cv::INTER_NEAREST);
        masks.push_back(full(page).clone());
        out.setTo(cv::Scalar(255), masks.back());
    }
    for (size_t i = 0; i < candidates.size(); ++i) {
        if (!found[i].parts) continue;
        const cv::Point s = candidates[i].full;
        const cv::Rect dest = page & (page - s);
        if (dest.empty()) continue;
        cv::Mat piece = alignedOld(dest + s).clone();
        piece.setTo(cv::Scalar(255), ~masks[i](dest + s));
        cv::Mat target = out(dest);
        cv::min(target, piece, target);
        found[i].shiftPx = s;
        found[i].areaPx = (found[i].areaPx - s) & page;
        if (shifts) shifts->push_back(found[i]);
    }
    return out;
}

} // namespace bt
