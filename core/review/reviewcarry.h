#pragma once

#include "compare/pageresult.h"
#include "store/jobrecords.h"

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QTransform>
#include <QVector>

namespace bt {

class JobStore;

// Reviews that last across jobs: when a sheet is compared again (other tolerance or DPI, or the
// next revision of the same drawing number in the same project), the reviews and comments of its
// newest reviewed earlier comparison carry over to the regions that match.

// NEW page points -> OLD page points of a compared pair (its alignment); identity before a diff.
QTransform newToOldPoints(const PageResult &page);

// Maps the earlier comparison's NEW frame into this comparison's NEW frame, through a set both
// share: the same NEW set needs nothing; the same OLD set goes back to OLD through the earlier
// alignment and forward through this one; otherwise the earlier NEW set is taken as this
// comparison's OLD (the next revision: its NEW is now OLD) and this alignment brings it over.
QTransform carryTransform(const JobRecord &fromJob, const PageResult &fromPage, const JobRecord &toJob,
                          const PageResult &toPage);

// Which region of `to` is which region of `from` (from id -> to id), one to one. Two regions match
// when they are of the same kind and either their boxes overlap (from's mapped by fromToTo) with
// an intersection over union of at least kCarryMinIou, or they changed the same text (same old
// and new words). Best pairs first: same text before overlap alone, larger overlap, then nearer.
inline constexpr double kCarryMinIou = 0.3;
QHash<int, int> matchCarriedRegions(const ChangeRegions &from, const ChangeRegions &to,
                                    const QTransform &fromToTo = QTransform());

// Carries the reviews of the newest earlier comparison of the page's sheet in the job's project
// that has reviews (status or comment) to the page's matching regions that have none yet, and
// records where each came from (CarryStore). Returns how many were carried, -1 on a store error.
int carryReviews(JobStore &store, const QString &jobId, const PageResult &page, QString *error = nullptr);
// The same for the job at hand (the pipeline has it; no read of it from the store per page).
int carryReviews(JobStore &store, const JobRecord &job, const PageResult &page, QString *error = nullptr);

// A comparison setting that differs between two jobs' settings JSON.
struct SettingDifference {
    QString key; // the settings JSON's key: "dpi", "tolerance_pt" ...
    QString from, to;
};
QVector<SettingDifference> settingsDifferences(const QJsonObject &from, const QJsonObject &to);
// "dpi 150 → 300, tolerance_pt 0.6 → 1" (the command line's wording)
QString settingsDifferencesText(const QVector<SettingDifference> &differences);

} // namespace bt
