#pragma once

#include "comparison.h"

#include <QJsonObject>

namespace bt {

// The result JSON (docs/result-schema.md): the design document's job-progress shape plus the
// engine's fields (regions, alignment, match, ...). Read by shared/eval/score.py.
QJsonObject pageResultToJson(const PageResult &page, const QString &jobId);
QJsonObject comparisonToJson(const ComparisonResult &result);

} // namespace bt
