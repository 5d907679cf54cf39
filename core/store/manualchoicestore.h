#pragma once

#include "compare/manualpairing.h"
#include "historyrepository.h"

#include <QJsonObject>
#include <QVector>

namespace bt {

// The manual choices of jobs (table manual_choices, schema v8): sheets paired or unpaired by
// hand and sheets aligned by points, each kept with the job it was made in, so the job shows
// it and later comparisons of the same files (or the same drawing numbers) apply it again.
// Also rewrites a job's sheet list after such a choice (replaceJobPages). Built on any
// HistoryDatabase, e.g. `ManualChoiceStore(store)` for a JobStore.
class ManualChoiceStore : public HistoryRepository {
public:
    explicit ManualChoiceStore(const HistoryDatabase &database)
        : HistoryRepository(database) {}

    // Returns the new row's id, 0 on error.
    qint64 addChoice(const ManualChoice &choice, QString *error = nullptr);
    // Of one job, oldest first.
    QVector<ManualChoice> choices(const QString &jobId) const;
    // Every choice that can apply to a comparison of the files with these hashes, oldest first:
    // those made on the same two files (sameFiles set), and pairings and unpairings of numbered
    // sheets made on any other files. A job to leave out (the one being matched) may be named.
    QVector<ManualChoice> choicesFor(const QString &oldHash, const QString &newHash,
                                     const QString &exceptJobId = QString()) const;

    // The job's sheet list replaced in one write: `pages` (page JSON, numbered 1..n) become its
    // pairs; every per-page row (stages, diff, summary, reviews, dead letters) of an earlier page
    // in keptOldToNew moves to its new number, those of other pages are dropped (their stages
    // are pending again: a resumed job compares them).
    bool replaceJobPages(const QString &jobId, const QVector<QJsonObject> &pages,
                         const QHash<int, int> &keptOldToNew, QString *error = nullptr);
};

} // namespace bt
