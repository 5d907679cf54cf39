#pragma once

#include <QJsonObject>
#include <QString>

namespace bt::bench {

// The strict pixel diff the accuracy section compares against (diff-pdf's method): pages paired
// by index, both rendered at `dpi` with no alignment, every pixel whose grey differs by more than a
// quarter of the range is a change, changed pixels closer than 1/10 in are one region. Returns a
// result JSON with the fields ../shared/eval/score.py reads; an "error" member when a set cannot
// be opened.
QJsonObject strictPixelDiff(const QString &oldPath, const QString &newPath, double dpi);

} // namespace bt::bench
