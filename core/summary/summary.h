#pragma once

#include "compare/pageresult.h"

#include <QString>
#include <QVector>

namespace bt {

// Deterministic plain-language summary of one sheet, built from its regions and their texts:
// text changes quoted old -> new, added and removed text, counts of geometry changes.
QString summarisePage(const PageResult &page);

// "3 sheets changed, 1 unchanged, 1 added, 0 removed."
QString summariseJob(const QVector<PageResult> &pages);

} // namespace bt
