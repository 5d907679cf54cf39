#pragma once

#include "passwordcipher.h"
#include "pipeline/stagerunner.h"
#include "queuestore.h"

#include <QMap>
#include <QString>

#include <atomic>
#include <memory>

namespace bt {
class Document;
}

namespace bt::server {

struct WorkerOptions {
    QString dataDir;  // uploads and overlays, shared by the server and every worker
    QString workerId; // lease owner; unique per worker
    int leaseMs = 60000;
    int heartbeatMs = 0;           // 0: a third of the lease
    int pollMs = 500;              // how often an idle worker looks for work
    RetryPolicy retry = {5, 1000}; // a stage out of attempts goes to dead_letters
    StageTestingHooks testing;     // tests only
    bool logStages = false;        // a line per claimed and finished stage on stdout (tests follow it)
    std::shared_ptr<const PasswordCipher> passwordCipher; // decrypts the protected sets' passwords

    static WorkerOptions fromEnvironment(); // the testing hooks, for both programs
};

// An error as clients see it (stage errors, dead letters): a file under the data directory is
// named by what the client called it, never by its path on the server. `names` maps upload ids
// to those names; any other path under dataDir is cut to its file name.
QString withoutServerPaths(const QString &error, const QString &dataDir, const QMap<QString, QString> &names);

// A claim-and-heartbeat loop around the core's StageRunner: claims a stage from the queue, has
// the runner run it on a thread of its own while this one keeps the lease alive, writes the
// result (or the runner's verdict on the failure) and moves on. Stages: match (job-level: identifies and
// pairs the sheets, creates the page rows), then per page ocr (the text layer's words of both pages), diff
// (renders, aligns, detects, writes the overlay) and summary. The renders are not handed from ocr to diff:
// stages may run on different machines, and a page render is tens of MB (see docs/server.md).
class Worker {
public:
    Worker(const DatabaseConfig &database, const WorkerOptions &options);
    ~Worker();
    Worker(const Worker &) = delete;
    Worker &operator=(const Worker &) = delete;

    // Opens this thread's connection; the worker is used from this thread only.
    bool open(QString *error);
    // Claims and runs stages until stop is set.
    void run(const std::atomic<bool> &stop);
    // Runs one stage if one is ready; false when there was none.
    bool runOne(const std::atomic<bool> &stop);

private:
    struct JobContext;
    std::shared_ptr<JobContext> context(const QString &jobId, QString *error);
    void log(const QString &line) const;
    // Records a failed attempt as the runner judges it (retry later or dead letter).
    void fail(const StageRow &row, const QString &rawError, const QString &what);

    WorkerOptions m_options;
    StageRunner m_runner; // options.retry, options.testing
    std::unique_ptr<QueueStore> m_store;
    std::shared_ptr<JobContext> m_context; // the last job's opened sets
};

} // namespace bt::server
