#include "changedetector.h"

#include "bridgesplit.h"
#include "strokematch.h"
#include "textlines.h"
#include "tonematch.h"
#include "wordtwins.h"

#include <QCoreApplication>
#include <QHash>
#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

namespace bt {

QString changeKindName(ChangeKind kind) {
    switch (kind) {
    case ChangeKind::Added:
        return QStringLiteral("added");
    case ChangeKind::Removed:
        return QStringLiteral("removed");
    case ChangeKind::Moved:
        return QStringLiteral("moved");
    case ChangeKind::Modified:
        break;
    }
    return QStringLiteral("modified");
}

QRectF cloudBoxPt(const ChangeRegion &region, QSizeF pageSizePt) {
    const double m = kCloudMarginPt;
    const QRectF cloud = region.boxPt.adjusted(-m, -m, m, m);
    return pageSizePt.isEmpty() ? cloud : cloud.intersected(QRectF(QPointF(), pageSizePt));
}

QRect cloudBoxPx(const ChangeRegion &region, double pxPerPt, QSize pagePx) {
    const int m = int(std::lround(kCloudMarginPt * pxPerPt));
    const QRect cloud = region.boxPx.adjusted(-m, -m, m, m);
    return pagePx.isEmpty() ? cloud : cloud.intersected(QRect(QPoint(), pagePx));
}

namespace {

cv::Mat disk(int radius) {
    return cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(2 * radius + 1, 2 * radius + 1));
}

cv::Rect toPx(const QRectF &pt, double pxPerPt, const cv::Size &bounds) {
    const cv::Rect r(int(std::floor(pt.x() * pxPerPt)), int(std::floor(pt.y() * pxPerPt)),
                     int(std::ceil(pt.width() * pxPerPt)) + 1, int(std::ceil(pt.height() * pxPerPt)) + 1);
    return r & cv::Rect(0, 0, bounds.width, bounds.height);
}

// Strict comparison of one word's area: the page-wide tolerance is sized for line work and
// registration error and can swallow a changed digit in small text ("REV 1" -> "REV 2").
// Inside a word box the two sides are registered again locally (a few pixels of search), then
// their normalised ink is compared. Changed pixels are added to the masks.
// Returns the area it marked changed pixels in (empty when none); `confirmed` is made on first use.
cv::Rect compareWordArea(const QRectF &boxPt, double pxPerPt, const cv::Mat &oldGrey, const cv::Mat &newGrey,
                         bool scanned, int inkThreshold, ChangeMasks &masks, cv::Mat &confirmed) {
    const int search = std::max(2, int(std::lround(0.8 * pxPerPt)));
    const cv::Rect page(0, 0, newGrey.cols, newGrey.rows);
    const cv::Rect inner = toPx(boxPt.adjusted(-1, -1, 1, 1), pxPerPt, newGrey.size());
    const cv::Rect outer =
        cv::Rect(inner.x - search, inner.y - search, inner.width + 2 * search, inner.height + 2 * search);
    if (inner.width < 4 || inner.height < 4 || (outer & page) != outer) return {};
    // Best local shift of OLD's word within NEW's neighbourhood (blurred ink, correlation).
    cv::Mat oldBlur, newBlur, score;
    cv::GaussianBlur(255 - oldGrey(inner), oldBlur, cv::Size(), 1.0);
    cv::GaussianBlur(255 - newGrey(outer), newBlur, cv::Size(), 1.0);
    cv::Point shift(search, search);
    if (cv::countNonZero(oldBlur > 40) > 0 && cv::countNonZero(newBlur > 40) > 0) {
        cv::matchTemplate(newBlur, oldBlur, score, cv::TM_CCORR_NORMED);
        double best = 0;
        cv::minMaxLoc(score, nullptr, &best, nullptr, &shift);
        // Prefer no shift unless another clearly fits better.
        if (score.at<float>(search, search) >= best - 0.01) shift = cv::Point(search, search);
    }
    const cv::Rect newRect(outer.x + shift.x, outer.y + shift.y, inner.width, inner.height);
    // Compare shapes, not grey levels: each side's ink is blurred alike and normalised to its own
    // stroke darkness, so a light, soft scan of a word matches its crisp plot.
    auto normalisedInk = [](const cv::Mat &grey) {
        cv::Mat ink;
        cv::subtract(cv::Scalar(255), grey, ink);
        ink.convertTo(ink, CV_32F);
        cv::GaussianBlur(ink, ink, cv::Size(), 1.2);
        cv::Mat sorted = ink.reshape(1, 1).clone();
        cv::sort(sorted, sorted, cv::SORT_ASCENDING);
        const float paper = sorted.at<float>(0, int(sorted.cols * 0.3));
        const float stroke = sorted.at<float>(0, std::max(0, int(sorted.cols * 0.97) - 1));
        return cv::Mat((ink - paper) / std::max(40.0f, stroke - paper));
    };
    const cv::Mat o = normalisedInk(oldGrey(inner)), n = normalisedInk(newGrey(newRect));
    // Only ink that is on one side and not the other; and not at the crop's rim, where the local
    // shift moves neighbouring lines in or out of view.
    const cv::Mat oldInk = oldGrey(inner) < inkThreshold, newInk = newGrey(newRect) < inkThreshold;
    cv::Mat rim = cv::Mat::zeros(inner.size(), CV_8U);
    if (inner.width > 2 * (search + 1) && inner.height > 2 * (search + 1))
        rim(cv::Rect(search + 1, search + 1, inner.width - 2 * (search + 1), inner.height - 2 * (search + 1)))
            .setTo(255);
    const cv::Mat added = ((n - o) > 0.5f) & newInk & ~oldInk & rim;
    const cv::Mat removed = ((o - n) > 0.5f) & oldInk & ~newInk & rim;
    // A changed glyph part is a stroke segment: 1.5 pt^2 (half a point by three); a scan's blur
    // and resampling leave up to about 2 pt^2 of difference on unchanged small text.
    const double minPx = (scanned ? 2.5 : 1.5) * pxPerPt * pxPerPt;
    if (cv::countNonZero(added) + cv::countNonZero(removed) < minPx) return {};
    // Each side's pixels are marked where they are: NEW's at the shifted rect, OLD's in place,
    // and never on ink both sides share at that spot.
    const cv::Mat addedHere = added & (oldGrey(newRect) >= inkThreshold);
    const cv::Mat removedHere = removed & (newGrey(inner) >= inkThreshold);
    masks.added(newRect) |= addedHere;
    masks.removed(inner) |= removedHere;
    if (confirmed.empty()) confirmed = cv::Mat::zeros(newGrey.size(), CV_8U);
    confirmed(newRect) |= addedHere;
    confirmed(inner) |= removedHere;
    return newRect | inner;
}

// The component label of some changed cell in `cells` (0 when it has none).
int labelOfChangedCell(const cv::Mat &labels, const cv::Mat &grid, const cv::Rect &cells) {
    for (int y = cells.y; y < cells.br().y; ++y)
        for (int x = cells.x; x < cells.br().x; ++x)
            if (grid.at<uchar>(y, x)) return labels.at<int>(y, x);
    return 0;
}

// Text found this far (points, each axis) from where the other side has it moved with its drawing.
constexpr double kMovedTextReachPt = 150.0;

constexpr int kCleanPaperMargin = 8;

// Tone areas: a detail is measured against the mean of a window this wide (wider than a wall
// or a partition drawn over a texture), and is a change when it stands out this many grey
// levels more on one side (a texture's grain re-compressed as JPEG stays well below).
constexpr double kToneBackgroundPt = 10.0;
constexpr int kToneContrast = 40;
constexpr double kToneMinPt2 = 6.0; // a stroke 1 pt wide and 6 long; grain and photo specks are less

// Grey level below which a pixel counts as faint ink: a fixed margin under the paper's level,
// which is measured because scanned paper is rarely white.
int weakInkLevel(const cv::Mat &grey, const ChangeOptions &options) {
    cv::Mat sample;
    cv::resize(grey, sample, cv::Size(), 0.1, 0.1, cv::INTER_NEAREST);
    const int channels[] = {0};
    const int histSize[] = {256};
    const float range[] = {0, 256};
    const float *ranges[] = {range};
    cv::Mat hist;
    cv::calcHist(&sample, 1, channels, cv::Mat(), hist, 1, histSize, ranges);
    const int paper = int(std::max_element(hist.begin<float>(), hist.end<float>()) - hist.begin<float>());
    int margin = options.weakInkMargin;
    // A vector render compared with a scan: its paper is one exact level, so anything visibly
    // darker is ink. A hairline the renderer draws at 240 here prints (and scans) as a line.
    const float atPaper = hist.at<float>(paper);
    float nearPaper = 0;
    for (int g = std::max(0, paper - options.weakInkMargin);
         g <= std::min(255, paper + options.weakInkMargin); ++g)
        nearPaper += hist.at<float>(g);
    if (options.scanned && atPaper >= 0.95f * nearPaper) margin = std::min(margin, kCleanPaperMargin);
    return std::clamp(paper - margin, options.inkThreshold + 1, 254);
}

// The page is worked on in square tiles of a whole number of grouping cells (~256 px): a tile
// where no pixel can be a change costs one read, and a revision changes few tiles.
int tileSize(int cell) {
    return cell * std::max(1, (256 + cell - 1) / cell);
}

// Tiles (one byte each, 255 = dirty) holding a pixel that is ink on one side and not even faint
// ink on the other at the same place. The hysteresis below can mark nothing else changed: its
// "near" includes the pixel itself. One pass over both pages; a dirty tile is not read again.
cv::Mat candidateTiles(const cv::Mat &oldGrey, const cv::Mat &newGrey, int tile, int inkThreshold,
                       int weakOld, int weakNew) {
    const int cols = oldGrey.cols, rows = oldGrey.rows;
    cv::Mat dirty = cv::Mat::zeros((rows + tile - 1) / tile, (cols + tile - 1) / tile, CV_8U);
    const uchar ink = uchar(inkThreshold), weakO = uchar(weakOld), weakN = uchar(weakNew);
    for (int y = 0; y < rows; ++y) {
        const uchar *o = oldGrey.ptr<uchar>(y), *n = newGrey.ptr<uchar>(y);
        uchar *flags = dirty.ptr<uchar>(y / tile);
        for (int tx = 0; tx < dirty.cols; ++tx) {
            if (flags[tx]) continue;
            const int x1 = std::min(cols, (tx + 1) * tile);
            uchar any = 0; // byte-wide and branch-free: vectorised
            for (int x = tx * tile; x < x1; ++x)
                any |= uchar((n[x] < ink) & (o[x] >= weakO)) | uchar((o[x] < ink) & (n[x] >= weakN));
            flags[tx] = any ? 255 : 0;
        }
    }
    return dirty;
}

cv::Rect tileRect(int tx, int ty, int tile, cv::Size page) {
    return cv::Rect(tx * tile, ty * tile, tile, tile) & cv::Rect(0, 0, page.width, page.height);
}

cv::Rect grown(const cv::Rect &r, int dx, int dy, cv::Size bounds) {
    return cv::Rect(r.x - dx, r.y - dy, r.width + 2 * dx, r.height + 2 * dy) &
           cv::Rect(0, 0, bounds.width, bounds.height);
}

// Hysteresis in one tile: ink on one side with not even faint ink within `kernel` on the other.
// The faint ink is taken from the tile grown by the kernel radius, so the result equals that
// of the whole page.
void hysteresisTile(const cv::Rect &tile, const cv::Mat &oldGrey, const cv::Mat &newGrey, int inkThreshold,
                    int weakOld, int weakNew, const cv::Mat &kernel, ChangeMasks &masks) {
    const int radius = kernel.cols / 2;
    const cv::Rect around = grown(tile, radius, radius, oldGrey.size());
    const cv::Rect inner = tile - around.tl();
    cv::Mat oldNear, newNear;
    cv::dilate(oldGrey(around) < weakOld, oldNear, kernel);
    cv::dilate(newGrey(around) < weakNew, newNear, kernel);
    masks.added(tile) = (newGrey(tile) < inkThreshold) & ~oldNear(inner);
    masks.removed(tile) = (oldGrey(tile) < inkThreshold) & ~newNear(inner);
}

} // namespace

ChangeDetection detectChanges(const cv::Mat &alignedOld, const cv::Mat &newGrey, double dpi,
                              const ChangeOptions &options, const Words &oldWords, const Words &newWords,
                              const PaperArea &paper) {
    CV_Assert(alignedOld.size() == newGrey.size() && alignedOld.type() == CV_8UC1 &&
              newGrey.type() == CV_8UC1);
    ChangeDetection out;
    const double pxPerPt = pixelsPerPoint(dpi);
    const double tolerancePt = options.scanned ? options.tolerancePt * 2.5 : options.tolerancePt;
    const int radius = std::max(1, int(std::lround(tolerancePt * pxPerPt)));

    cv::Mat oldGrey = alignedOld, newGreyS = newGrey;
    if (options.scanned) {
        // Scanner noise and JPEG ringing: smooth before thresholding.
        cv::medianBlur(alignedOld, oldGrey, 3);
        cv::medianBlur(newGrey, newGreyS, 3);
    }
    // Hysteresis: a pixel is changed when it is clearly ink on one side and there is not even
    // faint ink near it on the other. Grey levels of the same line differ between a plot and a
    // scan (blur, toner, a light pen colour); presence of ink does not.
    const int weakOld = weakInkLevel(oldGrey, options), weakNew = weakInkLevel(newGreyS, options);
    const int cell = std::max(1, int(std::floor(pxPerPt)));
    const int tile = tileSize(cell);
    const cv::Size page = newGrey.size();
    cv::Mat dirty = candidateTiles(oldGrey, newGreyS, tile, options.inkThreshold, weakOld, weakNew);
    out.masks.added = cv::Mat::zeros(page, CV_8U);
    out.masks.removed = cv::Mat::zeros(page, CV_8U);
    const cv::Mat kernel = disk(radius);
    for (int ty = 0; ty < dirty.rows; ++ty)
        for (int tx = 0; tx < dirty.cols; ++tx)
            if (dirty.at<uchar>(ty, tx))
                hysteresisTile(tileRect(tx, ty, tile, page), oldGrey, newGreyS, options.inkThreshold, weakOld,
                               weakNew, kernel, out.masks);

    // Where words are known, compare them as words too: strictly, in their own boxes. Words
    // with a twin (same text, same place) on the other side need no look.
    // Changes confirmed this way are never dropped as specks.
    const bool bothHaveWords = !oldWords.isEmpty() && !newWords.isEmpty();
    const WordIndex oldIndex = bothHaveWords ? indexWords(oldWords) : WordIndex();
    const WordIndex newIndex = bothHaveWords ? indexWords(newWords) : WordIndex();
    cv::Mat confirmed; // made when a word comparison marks something
    auto markDirty = [&](const cv::Rect &r) {
        if (r.empty()) return;
        dirty(cv::Range(r.y / tile, (r.br().y - 1) / tile + 1),
              cv::Range(r.x / tile, (r.br().x - 1) / tile + 1))
            .setTo(255);
    };
    Words oldUntwinned, newUntwinned; // with both sides' words: those without a twin (text lines below)
    for (const auto &[words, index, untwinned] :
         {std::tuple(&newWords, &oldIndex, &newUntwinned), std::tuple(&oldWords, &newIndex, &oldUntwinned)})
        for (const Word &w : *words) {
            if (bothHaveWords && hasTwin(w, *index)) continue;
            if (bothHaveWords) untwinned->append(w);
            markDirty(compareWordArea(w.box, pxPerPt, oldGrey, newGreyS, options.scanned,
                                      options.inkThreshold, out.masks, confirmed));
        }
    // A line drawn at another weight is style, not change (strokematch.h); also where the word
    // comparison saw it.
    const int widestHalfPen = int(std::lround(2.5 * pxPerPt));
    dropLineWeight(dirty, tile, oldGrey, newGreyS,
                   {options.inkThreshold, weakOld, weakNew, radius, widestHalfPen}, out.masks, confirmed);
    // Inside raster viewports, photos and fills both sides are ink everywhere: there details are
    // compared against their local background (tonematch.h). Not on scans, whose tones are toner,
    // paper and noise.
    if (!options.scanned) {
        const cv::Mat tones = toneTiles(oldGrey, newGreyS, tile, options.inkThreshold);
        if (cv::countNonZero(tones) > 0)
            detectInTones(tones, tile, oldGrey, newGreyS,
                          {options.inkThreshold, radius + widestHalfPen,
                           2 * int(std::lround(kToneBackgroundPt / 2 * pxPerPt)) + 1,
                           int(std::lround(kToneMinPt2 * pxPerPt * pxPerPt)), kToneContrast},
                          out.masks, dirty);
    }
    // Ink at the very edge of the sheet is where a scan or a shifted plot cuts the drawing off.
    const int band = int(std::lround(options.edgeBandPt * pxPerPt));
    if (band > 0) {
        for (cv::Mat *m : {&out.masks.added, &out.masks.removed}) {
            (*m)(cv::Rect(0, 0, m->cols, std::min(band, m->rows))).setTo(0);
            (*m)(cv::Rect(0, std::max(0, m->rows - band), m->cols, std::min(band, m->rows))).setTo(0);
            (*m)(cv::Rect(0, 0, std::min(band, m->cols), m->rows)).setTo(0);
            (*m)(cv::Rect(std::max(0, m->cols - band), 0, std::min(band, m->cols), m->rows)).setTo(0);
        }
    }
    // Where either side shows no paper, neither side's ink is a change.
    if (!paper.empty())
        for (int ty = 0; ty < dirty.rows; ++ty)
            for (int tx = 0; tx < dirty.cols; ++tx)
                if (dirty.at<uchar>(ty, tx))
                    keepOnPaper(paper, tileRect(tx, ty, tile, page), out.masks.added, out.masks.removed);

    // Group on a reduced grid (about one cell per point): connected components on the full
    // 40-60 MP mask are the most expensive step of the pipeline (NOTES.md). A cell is set when
    // any of its pixels changed; only dirty tiles can have such pixels.
    const cv::Size gridSize((page.width + cell - 1) / cell, (page.height + cell - 1) / cell);
    const int tileCells = tile / cell;
    cv::Mat grid = cv::Mat::zeros(gridSize, CV_8U);
    std::vector<cv::Rect> dirtyBlocks; // dirty tiles in grid cells
    out.masks.areas.emplace();
    auto toCells = [&](const cv::Mat &mask, const cv::Rect &r, const cv::Rect &block) {
        cv::Mat padded, cells;
        cv::copyMakeBorder(mask, padded, 0, block.height * cell - r.height, 0, block.width * cell - r.width,
                           cv::BORDER_CONSTANT, 0);
        cv::resize(padded, cells, block.size(), 0, 0, cv::INTER_AREA);
        return cv::Mat(cells > 0);
    };
    for (int ty = 0; ty < dirty.rows; ++ty)
        for (int tx = 0; tx < dirty.cols; ++tx) {
            if (!dirty.at<uchar>(ty, tx)) continue;
            const cv::Rect r = tileRect(tx, ty, tile, page);
            out.masks.areas->push_back(r);
            const cv::Rect block = cv::Rect(tx * tileCells, ty * tileCells, tileCells, tileCells) &
                                   cv::Rect(cv::Point(), gridSize);
            toCells(out.masks.added(r) | out.masks.removed(r), r, block).copyTo(grid(block));
            dirtyBlocks.push_back(block);
        }
    const double cellPt = cell / pxPerPt;
    // Changed text is grouped by its words, not by distance, where the text is all that changed
    // in a cluster: a note line, a label or a dimension is one cloud, covered whole, and the line
    // above or below stays separate however close (distance grouping joined a stack of edited
    // notes into one cloud listing every word). Clusters with changed drawing ink keep their
    // labels (a new part and its designator are one change).
    QVector<QRectF> textLines;
    cv::Mat textCells; // grouping cells in or next to a changed text line
    if (bothHaveWords) {
        const Words untwinned = oldUntwinned + newUntwinned;
        QVector<bool> edited(untwinned.size());
        for (int i = 0; i < untwinned.size(); ++i)
            edited[i] = !hasTextNearby(untwinned[i], i < oldUntwinned.size() ? newIndex : oldIndex,
                                       kMovedTextReachPt);
        textLines = changedTextLines(untwinned, edited, grid, cellPt, options.groupDistancePt * 2);
        textCells = cv::Mat::zeros(gridSize, CV_8U);
        for (const QRectF &line : textLines) {
            // One cell of margin: glyph ink a hair outside a tight word box belongs to the word.
            const QRectF margin = line.adjusted(-cellPt, -cellPt, cellPt, cellPt);
            textCells(toPx(margin, 1.0 / cellPt, gridSize)).setTo(255);
        }
    }
    // Text runs horizontally: join twice as far along a line as across lines, so a note's
    // number and its text make one cloud while the next note line stays separate.
    const int joinY = std::max(1, int(std::lround(0.5 * options.groupDistancePt / cellPt)));
    const int joinX = 2 * joinY;
    const cv::Mat joinKernel =
        cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(2 * joinX + 1, 2 * joinY + 1));
    cv::Mat joined;
    if (dirtyBlocks.size() * 2 > size_t(dirty.total())) {
        cv::dilate(grid, joined, joinKernel);
    } else {
        // Only around dirty blocks: each output area (a block grown by the kernel) is dilated from
        // its own neighbourhood, so it equals the whole-grid dilation there; elsewhere it is 0.
        joined = cv::Mat::zeros(gridSize, CV_8U);
        for (const cv::Rect &block : dirtyBlocks) {
            const cv::Rect reach = grown(block, joinX, joinY, gridSize);
            const cv::Rect source = grown(reach, joinX, joinY, gridSize);
            cv::Mat d;
            cv::dilate(grid(source).clone(), d, joinKernel);
            cv::Mat target = joined(reach);
            cv::bitwise_or(target, d(reach - source.tl()), target);
        }
    }
    cv::Mat labels, stats, centroids;
    const int n = cv::connectedComponentsWithStats(joined, labels, stats, centroids, 8, CV_32S);

    const double minInkPx = (options.scanned ? 4.0 : 1.0) * options.minInkPt2 * pxPerPt * pxPerPt;
    auto addRegion = [&](const cv::Rect &px, bool textLine) {
        ChangeRegion region;
        region.textLine = textLine;
        region.addedPx = cv::countNonZero(out.masks.added(px));
        region.removedPx = cv::countNonZero(out.masks.removed(px));
        if (region.addedPx + region.removedPx < minInkPx &&
            (confirmed.empty() || cv::countNonZero(confirmed(px)) == 0))
            return;
        const int total = region.addedPx + region.removedPx;
        region.kind = region.removedPx <= 0.1 * total ? ChangeKind::Added
                      : region.addedPx <= 0.1 * total ? ChangeKind::Removed
                                                      : ChangeKind::Modified;
        region.boxPx = QRect(px.x, px.y, px.width, px.height);
        region.boxPt = QRectF(px.x / pxPerPt, px.y / pxPerPt, px.width / pxPerPt, px.height / pxPerPt);
        out.regions.append(region);
    };
    QVector<bool> textOnly(n, false);
    for (int i = 1; i < n; ++i) {
        const cv::Rect comp(stats.at<int>(i, cv::CC_STAT_LEFT), stats.at<int>(i, cv::CC_STAT_TOP),
                            stats.at<int>(i, cv::CC_STAT_WIDTH), stats.at<int>(i, cv::CC_STAT_HEIGHT));
        // Tight box: the changed cells of this component, not its dilated outline.
        const cv::Mat own = (labels(comp) == i) & grid(comp);
        const cv::Rect tight = cv::boundingRect(own);
        if (tight.area() <= 0) continue;
        if (!textCells.empty() && cv::countNonZero(own & ~textCells(comp)) == 0) {
            textOnly[i] = true; // its text lines are its clouds
            continue;
        }
        // The component's cells holding added ink, made only for a group worth splitting.
        const auto addedCells = [&] {
            const cv::Rect px =
                cv::Rect(comp.x * cell, comp.y * cell, comp.width * cell, comp.height * cell) &
                cv::Rect(0, 0, page.width, page.height);
            return toCells(out.masks.added(px), px, comp);
        };
        for (const cv::Rect &part : splitAtThinBridges(own, addedCells, joinKernel, cellPt))
            addRegion(cv::Rect((comp.x + part.x) * cell, (comp.y + part.y) * cell, part.width * cell,
                               part.height * cell) &
                          cv::Rect(0, 0, page.width, page.height),
                      false);
    }
    for (const QRectF &line : textLines) {
        if (!textOnly[labelOfChangedCell(labels, grid, toPx(line, 1.0 / cellPt, gridSize))]) continue;
        // The cloud covers the line's words whole and its changed ink (glyphs reaching past a
        // tight word box).
        const cv::Rect cells = toPx(line.adjusted(-cellPt, -cellPt, cellPt, cellPt), 1.0 / cellPt, gridSize);
        cv::Rect box = toPx(line, pxPerPt, page);
        const cv::Rect ink = cv::boundingRect(grid(cells));
        if (ink.area() > 0)
            box |= cv::Rect((cells.x + ink.x) * cell, (cells.y + ink.y) * cell, ink.width * cell,
                            ink.height * cell) &
                   cv::Rect(0, 0, page.width, page.height);
        addRegion(box, true);
    }
    numberRegions(out.regions);
    return out;
}

} // namespace bt
