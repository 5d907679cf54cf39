#include "pointalignment.h"

#include "document/word.h"

#include <cmath>

namespace bt {

bool PointPairs::isValid() const {
    return oldPt.size() >= 2 && oldPt.size() == newPt.size() &&
           similarityFromPoints(newPt, oldPt).has_value();
}

std::optional<cv::Matx23d> similarityFromPoints(const QVector<QPointF> &from, const QVector<QPointF> &to) {
    if (from.size() < 2 || from.size() != to.size()) return std::nullopt;
    QPointF mf, mt;
    for (int i = 0; i < from.size(); ++i) {
        mf += from[i];
        mt += to[i];
    }
    mf /= from.size();
    mt /= to.size();
    // Least squares of x' = a x - b y + tx, y' = b x + a y + ty over centred points.
    double a = 0, b = 0, norm = 0;
    for (int i = 0; i < from.size(); ++i) {
        const QPointF p = from[i] - mf, q = to[i] - mt;
        a += p.x() * q.x() + p.y() * q.y();
        b += p.x() * q.y() - p.y() * q.x();
        norm += p.x() * p.x() + p.y() * p.y();
    }
    if (norm < 1e-6) return std::nullopt; // the points coincide: no rotation or scale to tell
    a /= norm;
    b /= norm;
    if (std::hypot(a, b) < 1e-6) return std::nullopt;
    return cv::Matx23d(a, -b, mt.x() - (a * mf.x() - b * mf.y()), b, a, mt.y() - (b * mf.x() + a * mf.y()));
}

Alignment alignmentFromPoints(const PointPairs &points, double oldDpi, double newDpi, const cv::Mat &oldGrey,
                              const cv::Mat &newGrey) {
    Alignment result;
    result.method = QString::fromLatin1(kPointsAlignmentMethod);
    const std::optional<cv::Matx23d> pt = similarityFromPoints(points.newPt, points.oldPt);
    if (!pt) return result; // not valid: identity, as a caller checks isValid() first
    // NEW px -> NEW pt -> OLD pt -> OLD px.
    const double toNewPt = 1.0 / pixelsPerPoint(newDpi), toOldPx = pixelsPerPoint(oldDpi);
    for (int r = 0; r < 2; ++r) {
        result.newToOld(r, 0) = (*pt)(r, 0) * toNewPt * toOldPx;
        result.newToOld(r, 1) = (*pt)(r, 1) * toNewPt * toOldPx;
        result.newToOld(r, 2) = (*pt)(r, 2) * toOldPx;
    }
    result.score = alignmentScore(oldGrey, newGrey, result.newToOld);
    return result;
}

} // namespace bt
