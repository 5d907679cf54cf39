#pragma once

#include "compare/comparison.h"
#include "pipeline/jobprogress.h"
#include "queuestore.h"
#include "sync/serverclient.h"

#include <QJsonObject>

namespace bt::server {

// What the queue holds of a job, in core's shapes: sheet pairs from the match stage's result,
// each replaced by its diff result once there is one, with its summary and the error of a
// stage that failed for good.
ComparisonResult comparisonOf(const QueueStore &store, const ServerJob &job);
// One page of it (what a page stage works on): nullopt when the job has no such page.
std::optional<PageResult> pageOf(const QueueStore &store, const QString &jobId, int pageNumber);
JobProgress progressOf(const QueueStore &store, const ServerJob &job);

// The API's bodies: core's result and progress JSON, with artifact paths (on the server's
// disk) replaced by the overlay route and the input files by their upload ids (old_file,
// new_file), with the uploads' file names beside them (old_name, new_name).
QJsonObject resultJson(const QueueStore &store, const ServerJob &job);
QJsonObject progressJson(const QueueStore &store, const ServerJob &job);

// "<job>-diff-<page>" (the diff_result_id of the result JSON) -> job id and page; false if not one.
bool parseDiffResultId(const QString &id, QString *jobId, int *pageNumber);

// Where a job's overlays go under the data directory.
QString jobArtifactDir(const QString &dataDir, const QString &jobId);

} // namespace bt::server
