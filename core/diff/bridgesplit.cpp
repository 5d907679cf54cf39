#include "bridgesplit.h"

#include <algorithm>
#include <numeric>
#include <opencv2/imgproc.hpp>

namespace bt {

namespace {

// Only groups spanning this far (points) are looked at: a part and its label, a door and its
// swing are one change and small; the grouping merges far-apart edits only through long lines.
constexpr double kMinSpanPt = 120.0;
// ...and only sparse ones: a redrawn area is dense and one change.
constexpr double kMaxFill = 0.12;
// More pieces than this: a re-laid-out area, not separate edits.
constexpr size_t kMaxParts = 8;
// Share of one kind that makes a piece of ink "added" or "removed" rather than a mix.
constexpr double kPureShare = 0.9;

enum class Ink { Added, Removed, Mixed };

Ink inkOf(int added, int total) {
    if (added >= kPureShare * total) return Ink::Added;
    if (added <= (1.0 - kPureShare) * total) return Ink::Removed;
    return Ink::Mixed;
}

int root(std::vector<int> &parent, int i) {
    while (parent[i] != i)
        i = parent[i] = parent[parent[i]];
    return i;
}

} // namespace

std::vector<cv::Rect> splitAtThinBridges(const cv::Mat &cells, const std::function<cv::Mat()> &makeAddedCells,
                                         const cv::Mat &joinKernel, double cellPt) {
    const cv::Rect whole = cv::boundingRect(cells);
    if (whole.area() == 0) return {};
    if (std::max(whole.width, whole.height) * cellPt < kMinSpanPt ||
        cv::countNonZero(cells) > kMaxFill * whole.area())
        return {whole};
    // Dense cells: changed cells with changed neighbours across as well as along. A line one or
    // two cells wide sets at most 6 of a 3 x 3 block; text and symbols fill blocks.
    cv::Mat set, density;
    cells.convertTo(set, CV_32F, 1.0 / 255.0);
    cv::boxFilter(set, density, CV_32F, cv::Size(3, 3), cv::Point(-1, -1), false, cv::BORDER_CONSTANT);
    cv::Mat dense = (density >= 7.0f) & cells;
    cv::dilate(dense, dense, cv::Mat()); // a dense cell's own 3 x 3 is dense
    dense &= cells;
    cv::Mat reach, partLabels;
    cv::dilate(dense, reach, joinKernel);
    const int nParts = cv::connectedComponents(reach, partLabels, 8, CV_32S);
    if (nParts <= 2) return {whole}; // label 0 is the background
    const cv::Mat addedCells = makeAddedCells() & cells;

    struct Piece {
        cv::Rect box;
        int added = 0, total = 0;
    };
    std::vector<Piece> parts(nParts);
    for (int y = 0; y < dense.rows; ++y)
        for (int x = 0; x < dense.cols; ++x)
            if (dense.at<uchar>(y, x)) {
                Piece &p = parts[partLabels.at<int>(y, x)];
                p.box |= cv::Rect(x, y, 1, 1);
                p.added += addedCells.at<uchar>(y, x) ? 1 : 0;
                ++p.total;
            }
    std::vector<int> parent(nParts);
    std::iota(parent.begin(), parent.end(), 0);
    std::vector<cv::Rect> loose; // thin lines reaching no part

    // Thin lines of one kind within the join distance of each other are one line (a leader is
    // drawn over other lines, so its changed cells come in pieces).
    const cv::Mat thin = cells & ~dense;
    for (const Ink line : {Ink::Added, Ink::Removed}) {
        const cv::Mat ofKind = line == Ink::Added ? cv::Mat(thin & addedCells) : cv::Mat(thin & ~addedCells);
        cv::Mat joined, lineLabels, stats, centroids;
        cv::dilate(ofKind, joined, joinKernel);
        const int nLines = cv::connectedComponentsWithStats(joined, lineLabels, stats, centroids, 8, CV_32S);
        for (int l = 1; l < nLines; ++l) {
            const cv::Rect area(stats.at<int>(l, cv::CC_STAT_LEFT), stats.at<int>(l, cv::CC_STAT_TOP),
                                stats.at<int>(l, cv::CC_STAT_WIDTH), stats.at<int>(l, cv::CC_STAT_HEIGHT));
            cv::Rect box;
            std::vector<int> reached;
            for (int y = area.y; y < area.br().y; ++y)
                for (int x = area.x; x < area.br().x; ++x) {
                    if (!ofKind.at<uchar>(y, x) || lineLabels.at<int>(y, x) != l) continue;
                    box |= cv::Rect(x, y, 1, 1);
                    const int part = partLabels.at<int>(y, x);
                    if (part > 0 && std::find(reached.begin(), reached.end(), part) == reached.end())
                        reached.push_back(part);
                }
            if (box.area() == 0) continue;
            if (reached.empty()) {
                loose.push_back(box);
                continue;
            }
            auto opposite = [&](int p) {
                const Ink ink = inkOf(parts[p].added, parts[p].total);
                return ink != Ink::Mixed && ink != line;
            };
            if (std::none_of(reached.begin(), reached.end(), opposite)) {
                parts[reached.front()].box |= box;
                for (int p : reached)
                    parent[root(parent, p)] = root(parent, reached.front());
                continue;
            }
            // A line running into a change of the other kind (the removed wire that ran to where
            // new labels now are) is not part of it: it joins what it reaches of its own kind, or
            // is a change of its own. Its cloud stops short of the others': where it runs into
            // them, it is theirs to show.
            cv::Rect own;
            for (int y = box.y; y < box.br().y; ++y)
                for (int x = box.x; x < box.br().x; ++x) {
                    if (!ofKind.at<uchar>(y, x) || lineLabels.at<int>(y, x) != l) continue;
                    const int part = partLabels.at<int>(y, x);
                    if (part == 0 || !opposite(part)) own |= cv::Rect(x, y, 1, 1);
                }
            parts.push_back(Piece{own, line == Ink::Added ? 1 : 0, 1});
            parent.push_back(int(parent.size()));
            for (int p : reached)
                if (!opposite(p)) parent[root(parent, p)] = root(parent, int(parts.size()) - 1);
        }
    }
    std::vector<cv::Rect> merged(parts.size());
    for (size_t p = 1; p < parts.size(); ++p)
        merged[root(parent, int(p))] |= parts[p].box;
    std::vector<cv::Rect> out = loose;
    for (size_t p = 1; p < parts.size(); ++p)
        if (merged[p].area() > 0) out.push_back(merged[p]);
    // Many pieces across a sheet-wide group are a redrawn area, one change to a reader.
    if (out.size() > kMaxParts) return {whole};
    return out;
}

} // namespace bt
