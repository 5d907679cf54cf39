#include "textlines.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <opencv2/core.hpp>

namespace bt {

namespace {

// Taller "words" are titles, hidden layout tokens or OCR noise, not a line of notes; smaller
// ones (kMinLegibleHeightPt) are unreadable, hidden pad and net tokens (Altium puts them on pads).
constexpr double kMaxWordHeightPt = 24.0;

cv::Rect cellsOf(const QRectF &box, double cellPt, const cv::Size &grid) {
    const int x0 = int(std::floor(box.left() / cellPt)), y0 = int(std::floor(box.top() / cellPt));
    const int x1 = int(std::ceil(box.right() / cellPt)), y1 = int(std::ceil(box.bottom() / cellPt));
    return cv::Rect(x0, y0, x1 - x0, y1 - y0) & cv::Rect(0, 0, grid.width, grid.height);
}

bool sameLineNeighbours(const QRectF &a, const QRectF &b, double maxGapPt) {
    if (a.intersects(b)) return true;
    const double h = std::min(a.height(), b.height());
    if (std::abs(a.center().y() - b.center().y()) > 0.5 * h) return false;
    const double gap = std::max(a.left(), b.left()) - std::min(a.right(), b.right());
    return gap <= std::max(maxGapPt, 0.9 * std::max(a.height(), b.height()));
}

struct Line {
    QRectF box;
    QVector<double> starts; // left edges of its words
    bool edited = false;    // holds an edited word
};

// Consecutive lines of one paragraph (a wrapped note): the same text height, less leading
// between them than most of a line, and the lower line starts where a word of the upper one
// does (flush left, or under the text after a note's number). Lines that start elsewhere
// (labels, a dimension, another column) are separate texts however close.
bool sameParagraph(const Line &a, const Line &b) {
    const double h = std::min(a.box.height(), b.box.height()), H = std::max(a.box.height(), b.box.height());
    if (H > 1.25 * h) return false;
    const double gap = std::max(a.box.top(), b.box.top()) - std::min(a.box.bottom(), b.box.bottom());
    if (gap > 0.8 * h) return false;
    const Line &upper = a.box.top() <= b.box.top() ? a : b, &lower = &upper == &a ? b : a;
    return std::any_of(upper.starts.begin(), upper.starts.end(),
                       [&](double x) { return std::abs(x - lower.box.left()) <= 0.5 * h; });
}

int root(QVector<int> &parent, int i) {
    while (parent[i] != i)
        i = parent[i] = parent[parent[i]];
    return i;
}

} // namespace

QVector<QRectF> changedTextLines(const Words &untwinned, const QVector<bool> &edited,
                                 const cv::Mat &changedCells, double cellPt, double lineGapPt) {
    QVector<QRectF> boxes;
    QVector<bool> boxEdited;
    for (int i = 0; i < untwinned.size(); ++i) {
        const Word &w = untwinned[i];
        if (w.box.height() < kMinLegibleHeightPt || w.box.height() > kMaxWordHeightPt) continue;
        const cv::Rect cells = cellsOf(w.box, cellPt, changedCells.size());
        if (cells.empty() || cv::countNonZero(changedCells(cells)) == 0) continue;
        boxes.append(w.box);
        boxEdited.append(edited.value(i));
    }
    QVector<int> parent(boxes.size());
    std::iota(parent.begin(), parent.end(), 0);
    for (int i = 0; i < boxes.size(); ++i)
        for (int j = i + 1; j < boxes.size(); ++j)
            if (sameLineNeighbours(boxes[i], boxes[j], lineGapPt)) parent[root(parent, j)] = root(parent, i);
    QVector<Line> lines(boxes.size());
    for (int i = 0; i < boxes.size(); ++i) {
        Line &line = lines[root(parent, i)];
        line.box = line.box.isNull() ? boxes[i] : line.box.united(boxes[i]);
        line.starts.append(boxes[i].left());
        line.edited = line.edited || boxEdited[i];
    }
    lines.erase(std::remove_if(lines.begin(), lines.end(), [](const Line &l) { return l.box.isNull(); }),
                lines.end());
    parent.resize(lines.size());
    std::iota(parent.begin(), parent.end(), 0);
    for (int i = 0; i < lines.size(); ++i)
        for (int j = i + 1; j < lines.size(); ++j)
            if (sameParagraph(lines[i], lines[j])) parent[root(parent, j)] = root(parent, i);
    QVector<Line> paragraphs(lines.size());
    for (int i = 0; i < lines.size(); ++i) {
        Line &p = paragraphs[root(parent, i)];
        p.box = p.box.isNull() ? lines[i].box : p.box.united(lines[i].box);
        p.edited = p.edited || lines[i].edited;
    }
    QVector<QRectF> out;
    for (const Line &p : paragraphs)
        if (!p.box.isNull() && p.edited) out.append(p.box);
    return out;
}

} // namespace bt
