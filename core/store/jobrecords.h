#pragma once

#include "jobstate.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace bt {

// The rows of the history's job tables, as values.

struct JobRecord {
    QString id;
    QString oldFile;
    QString newFile;
    QString oldHash;
    QString newHash;
    QJsonObject settings;
    JobStatus status = JobStatus::Pending;
    int totalPages = 0;
    QString mode = QStringLiteral("streaming"); // or "batch"
    QString summaryText;                        // job summary, once finished
    QDateTime createdAt;                        // UTC; set by createJob when invalid
    QDateTime finishedAt;
    JobOrigin origin = JobOrigin::Local;
    QString remoteServer; // the server's URL once the job is there (a pushed local job too)
    QString remoteJobId;  // the server's id of the job, empty until the server made it
    qint64 projectId = 0; // 0 when created: the default project (HistoryDatabase::kDefaultProjectId)
    bool isRemote() const { return origin != JobOrigin::Local; }
};

struct StageRecord {
    QString jobId;
    int pageNumber = 0;
    Stage stage = Stage::Ocr;
    StageStatus status = StageStatus::Pending;
    int attempts = 0;
    QString error;
    QDateTime startedAt;
    QDateTime finishedAt;
};

struct DeadLetter {
    qint64 id = 0;
    QString jobId;
    int pageNumber = 0;
    Stage stage = Stage::Ocr;
    QString error;
    int attempts = 0;
    QDateTime createdAt;
    QDateTime resolvedAt; // a retry dealt with it
};

// A sheet's summary as stored: the text shown and, when the optional AI provider wrote it, the
// model and the deterministic summary it rewrote (both empty otherwise).
struct SummaryRecord {
    QString text;
    QString aiModel;
    QString deterministicText;
};

// One earlier comparison of a drawing number (JobStore::sheetHistory).
struct SheetHistoryEntry {
    QString jobId;
    int pageNumber = 0;
    QString drawingNumber;
    QString oldFile;
    QString newFile;
    JobStatus status = JobStatus::Pending; // the job's
    QDateTime createdAt;
    int changeCount = 0;
    qint64 projectId = 0; // the job's
};

} // namespace bt
