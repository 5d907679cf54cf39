#pragma once

#include "comparison.h"

#include <QJsonObject>

namespace bt {

// The result JSON (docs/result-schema.md): the design document's job-progress shape plus the
// engine's fields (regions, alignment, match, ...). Read by shared/eval/score.py.
QJsonObject pageResultToJson(const PageResult &page, const QString &jobId);
QJsonObject comparisonToJson(const ComparisonResult &result);
// Reads back what pageResultToJson wrote (the history keeps pages as JSON). Boxes and the
// alignment score come back rounded as written; pageResultFromJson(pageResultToJson(p)) written
// again gives the same JSON.
PageResult pageResultFromJson(const QJsonObject &json);

} // namespace bt
