#pragma once

#include "compare/comparison.h"
#include "compare/sheetstatus.h" // SheetStatus: what a sheet pair came to, as the exports name it
#include "sheet/setrevision.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QVector>

#include <optional>

namespace bt {

class JobStore;

// The reviewer's verdict on one change as the exports print it (PDF, CSV, JSON): the history's
// RegionReview (review/regionreview.h) by its status name.
struct ChangeReview {
    QString status = QStringLiteral("open");
    QString comment;
    QString reviewer;    // empty: nobody reviewed it
    QDateTime updatedAt; // UTC; invalid: nobody reviewed it
};

// A finished (or stored) job as the exports need it: the comparison with its sheets, plus what
// the history keeps beside it (settings, job summary) and the dates of the two files.
struct ReportInput {
    ComparisonResult comparison; // job id, both paths, start time, status, pages
    QJsonObject settings;        // CompareSettings::toJson() of the job
    // The colours of the report's and the markups' layers and clouds: a view setting, not the
    // job's (fromResult reads a colour preset older jobs kept in their settings; the window
    // sets its own, the command line its --colors).
    OverlayColours colours;
    QString summaryText;   // job summary ("3 sheets compared: ...")
    QDateTime oldModified; // invalid: the file is not there any more
    QDateTime newModified;
    // What the sets' title blocks say of their revision, for the report's cover. Not read by
    // fromResult (it opens both sets: every export and the window's GUI thread would pay for
    // it): readTitleBlockRevisions() or the report writer reads them when they are needed.
    SetRevision oldRevision;
    SetRevision newRevision;
    QString newHash;                      // SHA-256 of NEW as compared (from the history); empty: not known
    QHash<QString, ChangeReview> reviews; // reviewKey(page, region) -> review; absent: open

    static QString reviewKey(int pageNumber, int regionId);
    ChangeReview review(int pageNumber, int regionId) const;

    // From a job that just ran (Pipeline::result() and the settings it ran with).
    static ReportInput fromResult(const ComparisonResult &result, const QJsonObject &settings);
    // From the history, the way `buildtrace show` reads a job (storedComparison), with the reviews
    // of its changes. nullopt when the history has no such job.
    static std::optional<ReportInput> fromStore(const JobStore &store, const QString &jobId);

    // The revision of the set at `path` from its title blocks; empty when it is not there, cannot
    // be opened or has no text layer (pagesRead tells whether it was read).
    static SetRevision titleBlockRevision(const QString &path);
    // Both sets' revisions into oldRevision / newRevision.
    void readTitleBlockRevisions();
};

} // namespace bt
