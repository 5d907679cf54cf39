#include "worker.h"

#include "compare/resultjson.h"
#include "compare/settingsvalidation.h"
#include "jobview.h"

#include <QDir>
#include <QJsonArray>
#include <QThread>

#include <chrono>
#include <cstdio>
#include <future>
#include <stdexcept>
#include <tuple>

namespace bt::server {

struct Worker::JobContext {
    QString jobId;
    QMap<QString, QString> names; // upload id -> the name messages give it
    std::shared_ptr<const Document> oldDoc;
    std::shared_ptr<const Document> newDoc;
    CompareSettings settings;
};

namespace {

// What a completed stage writes to the queue (QueueStore::complete).
QJsonObject payloadOf(Stage stage, const PageResult &page, const StageOutput &out, const QString &jobId) {
    // Added and removed sheets have nothing read or compared: their page stays as matched.
    if ((stage == Stage::Ocr || stage == Stage::Diff) && page.match != MatchKind::Matched) return {};
    switch (stage) {
    case Stage::Match: {
        QJsonArray pages;
        for (const PageResult &p : out.pages)
            pages.append(pageResultToJson(p, jobId));
        return {{QStringLiteral("pages"), pages}};
    }
    case Stage::Ocr:
        return {{QStringLiteral("old_words"), out.oldWords}, {QStringLiteral("new_words"), out.newWords}};
    case Stage::Diff:
        return pageResultToJson(out.page, jobId);
    case Stage::Summary:
        return {{QStringLiteral("summary_text"), out.summary.text}};
    }
    return {};
}

} // namespace

QString withoutServerPaths(const QString &error, const QString &dataDir,
                           const QMap<QString, QString> &names) {
    QString text = error;
    for (auto it = names.begin(); it != names.end(); ++it)
        text.replace(dataDir + QStringLiteral("/uploads/") + it.key() + QStringLiteral(".pdf"), it.value());
    // Whatever else names a file of the data directory (an overlay that could not be written):
    // its file name, up to the next blank, quote or colon-and-blank.
    const QString root = QDir::cleanPath(dataDir);
    auto endsPath = [&text](qsizetype i) {
        const QChar c = text[i];
        return c.isSpace() || c == QLatin1Char('"') || c == QLatin1Char('\'') || c == QLatin1Char(')') ||
               (c == QLatin1Char(':') && (i + 1 == text.size() || text[i + 1].isSpace()));
    };
    for (qsizetype at = root.isEmpty() ? -1 : text.indexOf(root); at >= 0; at = text.indexOf(root, at)) {
        qsizetype end = at + root.size();
        while (end < text.size() && !endsPath(end))
            ++end;
        const QString name = text.mid(at, end - at).section(QLatin1Char('/'), -1);
        text.replace(at, end - at, name);
        at += name.size();
    }
    for (auto it = names.begin(); it != names.end(); ++it)
        text.replace(it.key() + QStringLiteral(".pdf"), it.value());
    return text;
}

WorkerOptions WorkerOptions::fromEnvironment() {
    WorkerOptions o;
    o.testing = StageTestingHooks::fromEnvironment();
    return o;
}

Worker::Worker(const DatabaseConfig &database, const WorkerOptions &options)
    : m_options(options)
    , m_runner(options.retry, options.testing)
    , m_store(std::make_unique<QueueStore>(database)) {
    m_store->setPasswordCipher(m_options.passwordCipher);
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
    // Validated when the job was posted; a row from an older server is checked here too.
    if (const std::optional<SettingsProblem> problem = validateCompareSettings(c->settings)) {
        *error = QStringLiteral("invalid setting: %1").arg(problem->message());
        return nullptr;
    }
    for (const auto &[uploadId, doc, side] :
         {std::tuple(job->oldUpload, &c->oldDoc, QStringLiteral("the old set")),
          std::tuple(job->newUpload, &c->newDoc, QStringLiteral("the new set"))}) {
        const std::optional<UploadRecord> upload = m_store->upload(uploadId);
        if (!upload) {
            *error = QStringLiteral("upload %1 is gone").arg(uploadId);
            return nullptr;
        }
        // Messages name the set as the client did (docs/server.md: no server paths).
        const QString name = upload->name.isEmpty() ? side : upload->name;
        c->names.insert(uploadId, name);
        if (upload->passwordUnreadable) {
            *error = QStringLiteral("%1: its stored password does not decrypt with this worker's key file")
                         .arg(name);
            return nullptr;
        }
        // Uploads are stored under the data directory by name: the share may be mounted elsewhere
        // on this machine than on the server's. An encrypted set is stored as uploaded and opened
        // with the password that came with it (docs/server.md, "Password-protected sets").
        DocumentError e;
        std::unique_ptr<Document> opened = Document::open(m_options.dataDir + QStringLiteral("/uploads/") +
                                                              uploadId + QStringLiteral(".pdf"),
                                                          upload->password, &e, c->settings.maxPixels);
        if (!opened) {
            *error = QStringLiteral("%1: %2").arg(name, e.problem);
            return nullptr;
        }
        opened->setDisplayName(name);
        *doc = std::move(opened);
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
    if (m_runner.outOfAttempts(row.attempts)) {
        // Its last worker died holding it: no attempt left.
        fail(row, row.error.isEmpty() ? QStringLiteral("worker lost (lease expired)") : row.error, what);
        return true;
    }

    QString error;
    StageInput in;
    in.stage = row.stage;
    in.jobId = row.jobId;
    in.handoff = RenderHandoff::None;
    if (std::shared_ptr<JobContext> ctx = context(row.jobId, &error)) {
        in.oldDoc = ctx->oldDoc;
        in.newDoc = ctx->newDoc;
        in.settings = ctx->settings;
        if (row.stage != Stage::Match) {
            if (const std::optional<PageResult> page = pageOf(*m_store, row.jobId, row.pageNumber))
                in.page = *page;
            else
                error = QStringLiteral("no page %1 in the job").arg(row.pageNumber);
        }
    }
    if (!error.isEmpty()) {
        fail(row, error, what);
        return true;
    }

    const PageResult page = in.page;
    auto cancel = std::make_shared<CancelFlag>(false);
    // On a thread of its own: this one keeps the lease alive meanwhile.
    std::future<StageAttempt> running =
        std::async(std::launch::async, [runner = m_runner, in = std::move(in), cancel]() mutable {
            return runner.run(std::move(in), cancel.get());
        });
    bool leaseLost = false;
    while (running.wait_for(std::chrono::milliseconds(m_options.heartbeatMs)) != std::future_status::ready) {
        if (!leaseLost && !m_store->heartbeat(row.id, m_options.workerId, m_options.leaseMs)) {
            leaseLost = true; // expired or the job was deleted: the result would be dropped
            cancel->store(true);
        }
        if (stop.load()) cancel->store(true);
    }
    const StageAttempt attempt = running.get();
    if (leaseLost) {
        log(QStringLiteral("lost %1").arg(what));
        return true;
    }
    if (attempt.cancelled && stop.load()) {
        // Shutting down is not the stage's fault: its lease runs out and another worker takes it.
        log(QStringLiteral("abandoned %1").arg(what));
        return true;
    }
    if (!attempt.ok()) {
        fail(row, attempt.cancelled ? QStringLiteral("cancelled") : attempt.error, what);
        return true;
    }
    if (m_store->complete(row, m_options.workerId, payloadOf(row.stage, page, attempt.output, row.jobId),
                          &error))
        log(QStringLiteral("completed %1").arg(what));
    else
        log(QStringLiteral("dropped %1: %2").arg(what, error));
    return true;
}

void Worker::fail(const StageRow &row, const QString &rawError, const QString &what) {
    const FailureVerdict verdict = m_runner.afterFailure(row.attempts);
    // The last word on what clients read: whatever produced the error, no path of this machine.
    const QMap<QString, QString> names =
        m_context && m_context->jobId == row.jobId ? m_context->names : QMap<QString, QString>();
    const QString stageError = withoutServerPaths(rawError, m_options.dataDir, names);
    QString e;
    if (!m_store->fail(row, m_options.workerId, stageError, verdict, m_runner.attemptsToRecord(row.attempts),
                       &e))
        qWarning("%s: cannot record the failure: %s", qPrintable(what), qPrintable(e));
    log(QStringLiteral("%1 %2: %3")
            .arg(verdict.deadLetter ? QStringLiteral("dead") : QStringLiteral("failed"), what, stageError));
}

} // namespace bt::server
