#pragma once

#include "alignment.h"

#include <QPointF>
#include <QVector>

#include <optional>

namespace bt {

// Point pairs a user picked to align a sheet by hand ("align by points", as Bluebeam's): the
// same drawing feature on OLD and on NEW, in each page's points. Two pairs fix a similarity
// (rotation, uniform scale, translation); more are fitted by least squares.
struct PointPairs {
    QVector<QPointF> oldPt;
    QVector<QPointF> newPt;
    bool isValid() const;
    bool operator==(const PointPairs &o) const { return oldPt == o.oldPt && newPt == o.newPt; }
};

// The similarity mapping `from` onto `to` that fits the pairs best (closed form; no reflection).
// nullopt when fewer than two pairs, counts differ, or the `from` points coincide.
std::optional<cv::Matx23d> similarityFromPoints(const QVector<QPointF> &from, const QVector<QPointF> &to);

// The sheet's alignment from the user's points (method "points", never a warning: the user
// decided). Pixel transform for pages rendered at oldDpi / newDpi; the score is measured on the
// renders when given (ink overlap, as alignPages reports it).
Alignment alignmentFromPoints(const PointPairs &points, double oldDpi, double newDpi,
                              const cv::Mat &oldGrey = cv::Mat(), const cv::Mat &newGrey = cv::Mat());

inline const char *kPointsAlignmentMethod = "points";

} // namespace bt
