#include "papermask.h"

#include "document/word.h"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

namespace bt {

namespace {

constexpr double kCellPt = 2.0;   // grid cell: lines and text average out to light grey in it
constexpr double kMarginPt = 4.0; // the paper's edge shadow and blur around what is not paper
// Binder holes: ISO 5.5-6 mm, US 1/4-5/16 in, within about an inch and a half of the edge.
constexpr double kHoleMinPt = 10.0, kHoleMaxPt = 30.0, kHoleReachPt = 108.0;

int paperLevel(const cv::Mat &small) {
    const int channels[] = {0};
    const int histSize[] = {256};
    const float range[] = {0, 256};
    const float *ranges[] = {range};
    cv::Mat hist;
    cv::calcHist(&small, 1, channels, cv::Mat(), hist, 1, histSize, ranges);
    return int(std::max_element(hist.begin<float>(), hist.end<float>()) - hist.begin<float>());
}

cv::Size cellGrid(cv::Size page, int cell) {
    return cv::Size((page.width + cell - 1) / cell, (page.height + cell - 1) / cell);
}

} // namespace

cv::Mat paperCells(const cv::Mat &grey, int cell, double pxPerPt) {
    cv::Mat small;
    cv::resize(grey, small, cellGrid(grey.size(), cell), 0, 0, cv::INTER_AREA);
    // Dark cells: at half the paper's brightness, a drawing's lines and text average lighter
    // over a cell; solid fills do not, but they neither reach the edge nor look like holes.
    const cv::Mat dark = small < paperLevel(small) / 2;
    cv::Mat labels, stats, centroids;
    const int n = cv::connectedComponentsWithStats(dark, labels, stats, centroids, 8, CV_32S);
    const double cellPt = cell / pxPerPt;
    const int reach = int(std::lround(kHoleReachPt / cellPt));
    std::vector<uchar> away(size_t(n), 0);
    for (int i = 1; i < n; ++i) {
        const int x = stats.at<int>(i, cv::CC_STAT_LEFT), y = stats.at<int>(i, cv::CC_STAT_TOP);
        const int w = stats.at<int>(i, cv::CC_STAT_WIDTH), h = stats.at<int>(i, cv::CC_STAT_HEIGHT);
        const bool atEdge = x == 0 || y == 0 || x + w == small.cols || y + h == small.rows;
        const double wPt = w * cellPt, hPt = h * cellPt;
        const bool nearEdge =
            x < reach || y < reach || small.cols - (x + w) < reach || small.rows - (y + h) < reach;
        const bool holeSized = std::min(wPt, hPt) >= kHoleMinPt && std::max(wPt, hPt) <= kHoleMaxPt &&
                               std::max(wPt, hPt) <= 1.5 * std::min(wPt, hPt);
        const bool round = stats.at<int>(i, cv::CC_STAT_AREA) >= 0.6 * w * h;
        away[size_t(i)] = atEdge || (nearEdge && holeSized && round) ? 255 : 0;
    }
    cv::Mat notPaper = cv::Mat::zeros(small.size(), CV_8U);
    if (std::any_of(away.begin(), away.end(), [](uchar v) { return v != 0; })) {
        for (int y = 0; y < labels.rows; ++y) {
            const int *l = labels.ptr<int>(y);
            uchar *o = notPaper.ptr<uchar>(y);
            for (int x = 0; x < labels.cols; ++x)
                o[x] = away[size_t(l[x])];
        }
    }
    return ~notPaper;
}

PaperArea comparablePaper(const cv::Mat &alignedOld, const cv::Mat &newGrey, const cv::Matx23d &newToOld,
                          cv::Size oldSize, double dpi) {
    const double pxPerPt = pixelsPerPoint(dpi);
    PaperArea out;
    out.cell = std::max(1, int(std::lround(kCellPt * pxPerPt)));
    const cv::Size grid = cellGrid(newGrey.size(), out.cell);
    // OLD's page as it lands on NEW: the corners mapped back through the alignment.
    cv::Mat insideOld = cv::Mat::zeros(grid, CV_8U);
    cv::Mat oldToNew;
    cv::invertAffineTransform(cv::Mat(newToOld), oldToNew);
    std::vector<cv::Point> corners;
    for (const cv::Point2d c : {cv::Point2d(0, 0), cv::Point2d(oldSize.width, 0),
                                cv::Point2d(oldSize.width, oldSize.height), cv::Point2d(0, oldSize.height)}) {
        const double x =
            oldToNew.at<double>(0, 0) * c.x + oldToNew.at<double>(0, 1) * c.y + oldToNew.at<double>(0, 2);
        const double y =
            oldToNew.at<double>(1, 0) * c.x + oldToNew.at<double>(1, 1) * c.y + oldToNew.at<double>(1, 2);
        corners.emplace_back(int(std::lround(x / out.cell)), int(std::lround(y / out.cell)));
    }
    cv::fillConvexPoly(insideOld, corners, cv::Scalar(255));
    cv::Mat paper =
        insideOld & paperCells(alignedOld, out.cell, pxPerPt) & paperCells(newGrey, out.cell, pxPerPt);
    const int margin = std::max(1, int(std::ceil(kMarginPt * pxPerPt / out.cell)));
    cv::erode(paper, out.cells,
              cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(2 * margin + 1, 2 * margin + 1)),
              cv::Point(-1, -1), 1, cv::BORDER_CONSTANT, cv::Scalar(255));
    return out;
}

void keepOnPaper(const PaperArea &paper, const cv::Rect &area, cv::Mat &added, cv::Mat &removed) {
    if (paper.empty() || area.empty()) return;
    const int c = paper.cell;
    const cv::Rect cells = cv::Rect(area.x / c, area.y / c, (area.br().x - 1) / c - area.x / c + 1,
                                    (area.br().y - 1) / c - area.y / c + 1) &
                           cv::Rect(0, 0, paper.cells.cols, paper.cells.rows);
    if (cells.empty()) return;
    if (cv::countNonZero(paper.cells(cells)) == cells.area()) return; // all paper: the usual case
    cv::Mat up;
    cv::resize(paper.cells(cells), up, cv::Size(cells.width * c, cells.height * c), 0, 0, cv::INTER_NEAREST);
    const cv::Rect inUp = cv::Rect(area.x - cells.x * c, area.y - cells.y * c, area.width, area.height) &
                          cv::Rect(0, 0, up.cols, up.rows);
    const cv::Rect target = inUp + cv::Point(cells.x * c, cells.y * c);
    cv::Mat a = added(target), r = removed(target);
    a &= up(inUp);
    r &= up(inUp);
}

} // namespace bt
