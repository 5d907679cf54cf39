#include "jobstate.h"

namespace bt {

namespace {

// Looks a name up among every value of an enum whose values run from 0 to `last`.
template <typename Enum, typename NameOf>
std::optional<Enum> fromName(const QString &name, Enum last, NameOf nameOf) {
    for (int i = 0; i <= int(last); ++i)
        if (nameOf(Enum(i)) == name) return Enum(i);
    return std::nullopt;
}

} // namespace

bool isFinished(JobStatus status) {
    switch (status) {
    case JobStatus::Completed:
    case JobStatus::CompletedWithErrors:
    case JobStatus::Failed:
    case JobStatus::Cancelled:
        return true;
    case JobStatus::Pending:
    case JobStatus::Queued:
    case JobStatus::InProgress:
        break;
    }
    return false;
}

bool isResumable(JobStatus status) {
    return status == JobStatus::InProgress || status == JobStatus::Cancelled;
}

QString jobStatusName(JobStatus status) {
    switch (status) {
    case JobStatus::Pending:
        return QStringLiteral("pending");
    case JobStatus::Queued:
        return QStringLiteral("queued");
    case JobStatus::InProgress:
        return QStringLiteral("in_progress");
    case JobStatus::Completed:
        return QStringLiteral("completed");
    case JobStatus::CompletedWithErrors:
        return QStringLiteral("completed_with_errors");
    case JobStatus::Failed:
        return QStringLiteral("failed");
    case JobStatus::Cancelled:
        break;
    }
    return QStringLiteral("cancelled");
}

std::optional<JobStatus> jobStatusFromName(const QString &name) {
    return fromName(name, JobStatus::Cancelled, jobStatusName);
}

QString stageName(Stage stage) {
    switch (stage) {
    case Stage::Ocr:
        return QStringLiteral("ocr");
    case Stage::Diff:
        return QStringLiteral("diff");
    case Stage::Summary:
        return QStringLiteral("summary");
    case Stage::Match:
        break;
    }
    return QStringLiteral("match");
}

std::optional<Stage> stageFromName(const QString &name) {
    return fromName(name, Stage::Match, stageName);
}

bool isFinished(StageStatus status) {
    return status == StageStatus::Completed || status == StageStatus::Failed;
}

QString stageStatusName(StageStatus status) {
    switch (status) {
    case StageStatus::Pending:
        return QStringLiteral("pending");
    case StageStatus::InProgress:
        return QStringLiteral("in_progress");
    case StageStatus::Completed:
        return QStringLiteral("completed");
    case StageStatus::Failed:
        break;
    }
    return QStringLiteral("failed");
}

StageStatus stageStatusFromName(const QString &name) {
    return fromName(name, StageStatus::Failed, stageStatusName).value_or(StageStatus::Pending);
}

QString jobOriginName(JobOrigin origin) {
    switch (origin) {
    case JobOrigin::Local:
        return QStringLiteral("local");
    case JobOrigin::Server:
        return QStringLiteral("server");
    case JobOrigin::Team:
        break;
    }
    return QStringLiteral("team");
}

JobOrigin jobOriginFromName(const QString &name) {
    return fromName(name, JobOrigin::Team, jobOriginName).value_or(JobOrigin::Local);
}

QString syncKindName(SyncKind kind) {
    switch (kind) {
    case SyncKind::Submit:
        return QStringLiteral("submit");
    case SyncKind::Push:
        return QStringLiteral("push");
    case SyncKind::Delete:
        break;
    case SyncKind::Reviews:
        return QStringLiteral("reviews");
    }
    return QStringLiteral("delete");
}

std::optional<SyncKind> syncKindFromName(const QString &name) {
    return fromName(name, SyncKind::Reviews, syncKindName);
}

} // namespace bt
