#pragma once

#include <QJsonObject>
#include <QString>
#include <QVector>

#include <optional>

namespace bt {

class JobStore;

// What mirrorServerJob changed in the history.
struct MirrorChange {
    QVector<int> pages;      // sheets with a new stage status, diff or summary
    bool jobChanged = false; // status, summary or sheet count
    bool finished = false;   // the server is done with the job
    bool matched = false;    // the sheet pairs are known
};

// Writes the server's view of a job (its result JSON and progress JSON, docs/server.md) into the
// history's job jobId: the sheet pairs, each sheet's diff (its overlay at overlayCachePath, which
// is fetched separately), summary and stage statuses, and the job's status and summary. Only
// what differs from the history is written, so polling a job that did not move writes nothing.
// A plain function of its inputs: the sync service calls it off the GUI thread.
std::optional<MirrorChange> mirrorServerJob(JobStore &store, const QString &jobId, const QJsonObject &result,
                                            const QJsonObject &progress, QString *error);

// Where the history keeps the overlay of a server job's sheet.
QString overlayCachePath(const JobStore &store, const QString &jobId, int pageNumber);

} // namespace bt
