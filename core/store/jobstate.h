#pragma once

#include <QString>

#include <array>
#include <optional>

namespace bt {

// The states of a comparison job, its stages and its sync operations. The code compares enums;
// the names (what SQLite, PostgreSQL and the JSON of the CLI and the job server hold) are only
// used where data is written or read, so the stored spelling never changes.

// A job's status. Queued: a job for the job server that waits to be sent there.
enum class JobStatus { Pending, Queued, InProgress, Completed, CompletedWithErrors, Failed, Cancelled };
// The one definition of "finished": the job will not change any more (it has a finished_at).
bool isFinished(JobStatus status);
// A job that can be continued where it stopped: interrupted (in_progress) or cancelled.
bool isResumable(JobStatus status);
QString jobStatusName(JobStatus status); // "pending", "queued", "in_progress", "completed", ...
std::optional<JobStatus> jobStatusFromName(const QString &name);

// The three per-page stages of the design document, and the job server's job-level stage that
// pairs the sheets (its page 0). Per-page arrays hold the kStages only.
enum class Stage { Ocr, Diff, Summary, Match };
constexpr std::array<Stage, 3> kStages = {Stage::Ocr, Stage::Diff, Stage::Summary};
QString stageName(Stage stage); // "ocr", "diff", "summary", "match"
std::optional<Stage> stageFromName(const QString &name);

enum class StageStatus { Pending, InProgress, Completed, Failed };
bool isFinished(StageStatus status);                  // completed or failed
QString stageStatusName(StageStatus status);          // "pending", "in_progress", "completed", "failed"
StageStatus stageStatusFromName(const QString &name); // unknown names read as pending

// Where a job ran: this computer, sent to the job server from here (its results are mirrored
// into the history), or someone else's job on the server, cached.
enum class JobOrigin { Local, Server, Team };
QString jobOriginName(JobOrigin origin);          // "local", "server", "team"
JobOrigin jobOriginFromName(const QString &name); // empty or unknown: local

// An operation for the job server that waits for it: run a job there, send a local job's sets
// and settings, delete a job there, send the review changes made on a job that is there.
enum class SyncKind { Submit, Push, Delete, Reviews };
QString syncKindName(SyncKind kind); // "submit", "push", "delete", "reviews"
std::optional<SyncKind> syncKindFromName(const QString &name);

} // namespace bt
