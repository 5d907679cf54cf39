#pragma once

#include "compare/manualpairing.h"
#include "document/document.h"
#include "store/jobstore.h"

#include <optional>

namespace bt {

// A manual change to a job of the history, as the window (or the command line) asks for it.
struct ManualEdit {
    ManualChoiceKind kind = ManualChoiceKind::Pair;
    int pageNumber = 0; // Unpair, Align: the pair's page number; Pair: the removed sheet's
    int otherPage = 0;  // Pair: the added sheet's page number
    PointPairs points;  // Align (invalid: back to the automatic alignment)
};

// Whether the change fits the job's sheets (a removed and an added sheet to pair, a pair to
// split or align).
bool manualEditApplies(const QVector<PageResult> &pages, const ManualEdit &edit);

// Applies the change to the stored job: its sheet list rewritten (unchanged sheets keep their
// diffs, summaries and reviews under their new numbers; changed ones are pending again) and the
// choice recorded in the history. Resuming the job then compares just the changed sheets.
// oldDoc is the job's OLD set (a removed sheet's page size). Returns the page number of the
// sheet the change made (the pair; the added sheet of a split pair), nullopt with error.
std::optional<int> applyManualEdit(JobStore &store, const QString &jobId, const ManualEdit &edit,
                                   const Document &oldDoc, QString *error = nullptr);

} // namespace bt
