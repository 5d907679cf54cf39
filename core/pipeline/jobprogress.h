#pragma once

#include "store/jobstate.h"

#include <QJsonObject>
#include <QString>
#include <QVector>

#include <array>
#include <optional>

namespace bt {

class JobStore;

// One step of one page: what `buildtrace compare --events` prints and the GUI's cards follow.
struct StageEvent {
    QString jobId;
    int pageNumber = 0;
    Stage stage = Stage::Ocr;
    StageStatus status = StageStatus::Pending;
    qint64 tMs = 0;         // since the job (or its resumption) started
    int attempt = 0;        // 1-based attempt of this stage
    bool willRetry = false; // a failed attempt that is going to be retried
    QString error;
    QJsonObject detail; // diff: change_count, overlay_path; summary: summary_text
    QJsonObject toJson() const;
};

struct PageProgress {
    int pageNumber = 0;
    QString drawingName;
    QString match; // "matched", "added", "removed"
    std::array<StageStatus, 3> status = {StageStatus::Pending, StageStatus::Pending, StageStatus::Pending};
    std::array<int, 3> attempts = {0, 0, 0};
    bool changesDetected = false;
    int changeCount = 0;
    QString overlayPath;
    QString summaryText;
    QString error;

    StageStatus statusOf(Stage stage) const { return status[size_t(stage)]; }
};

// A snapshot of a job: the design document's progress JSON (job, per-stage counters, pages).
struct JobProgress {
    QString jobId;
    JobStatus status = JobStatus::Pending;
    QString mode; // streaming, batch
    QString oldFile;
    QString newFile;
    int totalPages = 0;
    QString summaryText;
    QVector<PageProgress> pages;

    int completed(Stage stage) const;
    QJsonObject toJson() const;
    // What the history holds of a job; nullopt when there is no such job.
    static std::optional<JobProgress> fromStore(const JobStore &store, const QString &jobId);
};

} // namespace bt
