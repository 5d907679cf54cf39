#pragma once

#include "compare/pageresult.h"

#include <QString>
#include <QVector>

namespace bt::ui {

// Summaries as the window shows them, in its language. The history keeps them in English
// (summary/summary.h); they are built again from the sheets when those are what the stored text
// was made from (the English summary of the sheets equals it), else the stored text is shown.

// A sheet's: page.summaryText (empty until its summary stage is done) in the window's language.
QString shownPageSummary(const PageResult &page);
// A job's: `stored` (JobRecord::summaryText, empty until the job ends) in the window's language.
QString shownJobSummary(const QString &stored, const QVector<PageResult> &pages);

} // namespace bt::ui
