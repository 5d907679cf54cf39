#include "worker.h"

#include "compare/resultjson.h"
#include "jobview.h"
#include "pipeline/stageattempt.h"
#include "summary/summary.h"

#include <QDir>
#include <QJsonArray>
#include <QThread>

#include <chrono>
#include <cstdio>
#include <future>
#include <stdexcept>

namespace bt::server {

struct Worker::JobContext {
    QString jobId;
    std::shared_ptr<const Document> oldDoc;
    std::shared_ptr<const Document> newDoc;
    CompareSettings settings;
};

namespace {

// What one stage works on, read from the queue before it starts (the computation itself runs
// on a thread of its own, without the database).
struct StageInput {
    StageRow row;
    PageResult page; // ocr, diff, summary
};

QJsonObject computeStage(const StageInput &in, const std::shared_ptr<const Document> &oldDoc,
                         const std::shared_ptr<const Document> &newDoc, const CompareSettings &settings,
                         const CancelFlag *cancel) {
    const Stage stage = in.row.stage;
    if (stage == Stage::Match) {
        QJsonArray pages;
        for (const PageResult &p : matchDocuments(*oldDoc, *newDoc, cancel))
            pages.append(pageResultToJson(p, in.row.jobId));
        return {{QStringLiteral("pages"), pages}};
    }
    const PageResult &page = in.page;
    if (stage == Stage::Ocr) {
        // The identity came with the match; what is left is the text layer (cached by the
        // document for this worker's diff of the same page).
        if (page.match != MatchKind::Matched) return {};
        return {{QStringLiteral("old_words"), int(oldDoc->textLayerWords(page.oldPage).size())},
                {QStringLiteral("new_words"), int(newDoc->textLayerWords(page.newPage).size())}};
    }
    if (stage == Stage::Diff) {
        if (page.match != MatchKind::Matched) return {}; // added and removed sheets: nothing to compare
        PageResult result = page;
        result.error.clear();
        diffLoadedPair(*oldDoc, *newDoc, settings, loadPagePair(*oldDoc, *newDoc, settings, page, cancel),
                       result, cancel);
        return pageResultToJson(result, in.row.jobId);
    }
    return {{QStringLiteral("summary_text"), summarisePage(page)}};
}

} // namespace

WorkerOptions WorkerOptions::fromEnvironment() {
    WorkerOptions o;
    o.testing = StageTestingHooks::fromEnvironment();
    return o;
}

Worker::Worker(const DatabaseConfig &database, const WorkerOptions &options)
    : m_options(options)
    , m_store(std::make_unique<QueueStore>(database)) {
    if (m_options.heartbeatMs <= 0) m_options.heartbeatMs = std::max(50, m_options.leaseMs / 3);
}

Worker::~Worker() = default;

bool Worker::open(QString *error) {
    return m_store->open(error);
}

void Worker::log(const QString &line) const {
    if (!m_options.logStages) return;
    fprintf(stdout, "%s %s\n", qPrintable(m_options.workerId), qPrintable(line));
    fflush(stdout);
}

void Worker::run(const std::atomic<bool> &stop) {
    while (!stop.load()) {
        if (runOne(stop)) continue;
        for (int waited = 0; waited < m_options.pollMs && !stop.load(); waited += 50)
            QThread::msleep(50);
    }
}

std::shared_ptr<Worker::JobContext> Worker::context(const QString &jobId, QString *error) {
    if (m_context && m_context->jobId == jobId) return m_context;
    const std::optional<ServerJob> job = m_store->job(jobId);
    if (!job) {
        *error = QStringLiteral("the job was deleted");
        return nullptr;
    }
    auto c = std::make_shared<JobContext>();
    c->jobId = jobId;
    c->settings = CompareSettings::fromJson(job->settings);
    c->settings.outputDir = jobArtifactDir(m_options.dataDir, jobId);
    QDir().mkpath(c->settings.outputDir);
    for (const auto &[uploadId, doc] :
         {std::pair(job->oldUpload, &c->oldDoc), std::pair(job->newUpload, &c->newDoc)}) {
        const std::optional<UploadRecord> upload = m_store->upload(uploadId);
        if (!upload) {
            *error = QStringLiteral("upload %1 is gone").arg(uploadId);
            return nullptr;
        }
        // Uploads are stored under the data directory by name: the share may be mounted elsewhere
        // on this machine than on the server's. An encrypted set is stored as uploaded and opened
        // with the password that came with it (docs/server.md, "Password-protected sets").
        DocumentError e;
        *doc = Document::open(m_options.dataDir + QStringLiteral("/uploads/") + uploadId +
                                  QStringLiteral(".pdf"),
                              upload->password, &e, c->settings.maxPixels);
        if (!*doc) {
            *error = e.message;
            return nullptr;
        }
    }
    m_context = c;
    return c;
}

bool Worker::runOne(const std::atomic<bool> &stop) {
    const std::optional<StageRow> claimed = m_store->claim(m_options.workerId, m_options.leaseMs);
    if (!claimed) return false;
    const StageRow &row = *claimed;
    const QString what =
        QStringLiteral("%1 %2 %3").arg(row.jobId).arg(row.pageNumber).arg(stageName(row.stage));
    log(QStringLiteral("claimed %1 attempt %2").arg(what).arg(row.attempts));
    QString error;
    bool dead = false;
    if (row.attempts > m_options.retry.maxAttempts) {
        // Its last worker died holding it: no attempt left.
        if (!m_store->fail(row, m_options.workerId,
                           row.error.isEmpty() ? QStringLiteral("worker lost (lease expired)") : row.error,
                           m_options.retry, &dead, &error))
            qWarning("%s: %s", qPrintable(what), qPrintable(error));
        log(QStringLiteral("dead %1").arg(what));
        return true;
    }

    StageInput in{row, {}};
    std::shared_ptr<JobContext> ctx = context(row.jobId, &error);
    if (ctx && row.stage != Stage::Match) {
        if (const std::optional<PageResult> page = pageOf(*m_store, row.jobId, row.pageNumber))
            in.page = *page;
        else
            error = QStringLiteral("no page %1 in the job").arg(row.pageNumber);
    }

    QJsonObject payload;
    if (error.isEmpty()) {
        auto cancel = std::make_shared<CancelFlag>(false);
        const StageTestingHooks testing = m_options.testing;
        // On a thread of its own: this one keeps the lease alive meanwhile.
        std::future<StageAttempt> result = std::async(std::launch::async, [=, &payload] {
            return attemptStage([&] {
                testing.apply(row.stage, row.pageNumber);
                payload = computeStage(in, ctx->oldDoc, ctx->newDoc, ctx->settings, cancel.get());
            });
        });
        bool leaseLost = false;
        while (result.wait_for(std::chrono::milliseconds(m_options.heartbeatMs)) !=
               std::future_status::ready) {
            if (!leaseLost && !m_store->heartbeat(row.id, m_options.workerId, m_options.leaseMs)) {
                leaseLost = true; // expired or the job was deleted: the result would be dropped
                cancel->store(true);
            }
            if (stop.load()) cancel->store(true);
        }
        const StageAttempt attempt = result.get();
        error = attempt.cancelled ? QStringLiteral("cancelled") : attempt.error;
        if (leaseLost) {
            log(QStringLiteral("lost %1").arg(what));
            return true;
        }
        if (stop.load() && attempt.cancelled) {
            // Shutting down is not the stage's fault: its lease runs out and another worker takes it.
            log(QStringLiteral("abandoned %1").arg(what));
            return true;
        }
    }
    if (error.isEmpty()) {
        if (m_store->complete(row, m_options.workerId, payload, &error))
            log(QStringLiteral("completed %1").arg(what));
        else
            log(QStringLiteral("dropped %1: %2").arg(what, error));
        return true;
    }
    QString e;
    if (!m_store->fail(row, m_options.workerId, error, m_options.retry, &dead, &e))
        qWarning("%s: cannot record the failure: %s", qPrintable(what), qPrintable(e));
    log(QStringLiteral("%1 %2: %3")
            .arg(dead ? QStringLiteral("dead") : QStringLiteral("failed"), what, error));
    return true;
}

} // namespace bt::server
