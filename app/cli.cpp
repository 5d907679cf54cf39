#include "cli.h"
#include "clicommon.h"

#include "compare/comparison.h"
#include "compare/resultjson.h"
#include "compare/settingsvalidation.h"
#include "io/outputfile.h"
#include "pipeline/pipeline.h"
#include "render/renderpool.h"
#include "sheet/setrevision.h"
#include "store/jobstore.h"
#include "text/ocrengine.h"
#include "version/version.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTextStream>
#include <QTimer>
#include <QUrl>
#include <atomic>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

namespace bt {

QTextStream &out() {
    static QTextStream s(stdout);
    return s;
}

QTextStream &err() {
    static QTextStream s(stderr);
    return s;
}

int fail(const QString &message) {
    err() << "buildtrace: " << message << Qt::endl;
    return ExitError;
}

QCommandLineOption dbOption() {
    return QCommandLineOption(QStringLiteral("db"),
                              QStringLiteral("History database (default $BUILDTRACE_DB, else %1).")
                                  .arg(QDir::toNativeSeparators(JobStore::defaultPath())),
                              QStringLiteral("PATH"));
}

QString storePath(const QCommandLineParser &parser) {
    return parser.isSet(QStringLiteral("db")) ? parser.value(QStringLiteral("db")) : JobStore::defaultPath();
}

QString damagedHistoryHint() {
    return QStringLiteral("; move it aside or run with --db NEW_FILE to start a fresh history");
}

std::unique_ptr<JobStore> openStore(const QCommandLineParser &parser, StoreAccess access) {
    auto store = std::make_unique<JobStore>(storePath(parser));
    QString e;
    if (store->open(access, &e)) return store;
    switch (store->problem()) {
    case StoreProblem::Damaged:
        fail(e + damagedHistoryHint());
        break;
    case StoreProblem::ReadOnly:
        fail(e + QStringLiteral("; this command writes to it (make it writable or run with --db NEW_FILE)"));
        break;
    default:
        fail(e);
    }
    return nullptr;
}

namespace {

// libpng reports a damaged file on stderr by itself (Qt leaves its error hook unset) before
// Qt returns the error we turn into our one-line message. Opening happens before any worker
// thread runs, so silencing stderr for that moment hides nothing else.
class StderrSilencer {
public:
    StderrSilencer() {
        if (qEnvironmentVariableIsSet("BT_VERBOSE")) return;
        fflush(stderr);
        m_saved = dup(STDERR_FILENO);
        const int null = ::open("/dev/null", O_WRONLY);
        if (m_saved >= 0 && null >= 0) dup2(null, STDERR_FILENO);
        if (null >= 0) ::close(null);
    }
    ~StderrSilencer() {
        if (m_saved < 0) return;
        fflush(stderr);
        dup2(m_saved, STDERR_FILENO);
        ::close(m_saved);
    }
    StderrSilencer(const StderrSilencer &) = delete;
    StderrSilencer &operator=(const StderrSilencer &) = delete;

private:
    int m_saved = -1;
};

std::unique_ptr<Document> openQuietly(const QString &path, const QString &password, DocumentError *error,
                                      qint64 maxPixels) {
    const StderrSilencer silence;
    return Document::open(path, password, error, maxPixels);
}

// The terminal's settings while a password prompt has echo off; a Ctrl+C there restores them.
termios g_echoOn{};

extern "C" void restoreEchoAndDie(int signal) {
    tcsetattr(STDIN_FILENO, TCSANOW, &g_echoOn); // async-signal-safe
    std::signal(signal, SIG_DFL);
    std::raise(signal);
}

// "Password for FILE: " on stderr, the answer read from the terminal on stdin with echo off.
QString promptPassword(const QString &path) {
    const bool echoOff = tcgetattr(STDIN_FILENO, &g_echoOn) == 0;
    if (echoOff) {
        std::signal(SIGINT, restoreEchoAndDie);
        std::signal(SIGTERM, restoreEchoAndDie);
        termios quiet = g_echoOn;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    err() << "Password for " << QDir::toNativeSeparators(path) << ": " << Qt::flush;
    QByteArray line;
    char c = 0;
    while (line.size() < 4096 && ::read(STDIN_FILENO, &c, 1) == 1 && c != '\n')
        line += c;
    if (echoOff) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &g_echoOn);
        std::signal(SIGINT, SIG_DFL);
        std::signal(SIGTERM, SIG_DFL);
    }
    err() << Qt::endl; // the Enter was not echoed
    if (line.endsWith('\r')) line.chop(1);
    return QString::fromUtf8(line);
}

// "revision 2, dated 2025-03-21" for the reversed-order warning.
QString revisionText(const SetRevision &r) {
    QStringList parts;
    const QString value = r.field.isEmpty() ? r.tableRow : r.field;
    if (!value.isEmpty()) parts << QStringLiteral("revision ") + value;
    if (r.date.isValid()) parts << QStringLiteral("dated ") + r.date.toString(Qt::ISODate);
    return parts.join(QStringLiteral(", "));
}

// Opens a set; when it needs a password, none was given and stdin is a terminal, asks for it.
std::unique_ptr<Document> openAsking(const QString &path, QString *password, DocumentError *error,
                                     qint64 maxPixels) {
    std::unique_ptr<Document> doc = openQuietly(path, *password, error, maxPixels);
    if (!doc && error->code == LoadError::PasswordRequired && password->isEmpty() && isatty(STDIN_FILENO)) {
        *password = promptPassword(path);
        if (!password->isEmpty()) doc = openQuietly(path, *password, error, maxPixels);
    }
    return doc;
}

// A number option checked against the range of its comparison setting; `scale` is how many of the
// setting's units one of the option's is (--max-megapixels: 1e6 pixels). False after printing
// "--OPTION must be a number from LO to HI".
bool rangedOption(const QCommandLineParser &parser, const QCommandLineOption &option, const QString &field,
                  double scale, double *value) {
    if (!parser.isSet(option)) return true;
    const SettingRange range = settingRange(field);
    bool ok = false;
    const double v = parser.value(option).toDouble(&ok);
    if (!ok || !(v * scale >= range.lo && v * scale <= range.hi)) {
        fail(QStringLiteral("--%1 must be a number from %2 to %3")
                 .arg(option.names().first())
                 .arg(range.lo / scale)
                 .arg(range.hi / scale));
        return false;
    }
    *value = v;
    return true;
}

const char *kCompareHelp = R"(Compares two drawing sets sheet by sheet.

OLD and NEW are PDF files (any number of pages) or single images (PNG, JPEG,
TIFF) taken as one-sheet sets. Sheets are paired by drawing number (A-101 ...),
then by visual similarity, then by page order; NEW is aligned onto OLD and the
changes are grouped into regions with the texts that changed.

Each sheet goes through three stages (ocr, diff, summary), committed to the
history the moment they finish: an interrupted job continues with
'buildtrace resume JOB_ID', and comparing the same files with the same
settings again reuses the finished sheets.

Exports when the job ends: --report FILE writes a PDF report (a cover with the
project (--project-name, --project-number, --client, --issuer, --logo), the two
sets, the summary and the table of sheets linked to their pages; then per sheet
the overlay with numbered clouds, legend, summary and change table; added and
removed sheets shown whole; an appendix with files, settings and alignment;
bookmarks per sheet); --changes-csv / --changes-json / --changes-xlsx FILE
write the change list (CSV, JSON, a spreadsheet); --markups FILE writes the
NEW set with each change as a cloud markup (a PDF annotation, pages untouched).
'buildtrace show JOB_ID --report FILE' exports a stored job without comparing
again.

The password of an encrypted PDF: --old-password / --new-password P, else the
first line of --old-password-file / --new-password-file FILE, else
$BUILDTRACE_OLD_PASSWORD / $BUILDTRACE_NEW_PASSWORD, else a prompt when stdin
is a terminal. Prefer the file, the environment or the prompt: any user of the
machine sees a command line (ps), and the shell keeps it in its history.

Exit status: 0 no changes, 1 changes found, 2 error (bad input, bad option,
a sheet that failed, a report that cannot be written). Result JSON schema:
docs/result-schema.md.)";

std::atomic<bool> g_interrupted{false};

extern "C" void onInterrupt(int) {
    g_interrupted = true;
}

enum class Side { Old, New };

// Options every command that runs a job shares.
struct RunOptions {
    QCommandLineOption json{QStringLiteral("json"),
                            QStringLiteral("Write the result JSON to FILE ('-': stdout)."),
                            QStringLiteral("FILE")};
    QCommandLineOption out{
        QStringLiteral("out"),
        QStringLiteral("Copy overlays and aligned renders (PNG) to DIR; the JSON points there."),
        QStringLiteral("DIR")};
    QCommandLineOption events{QStringLiteral("events"),
                              QStringLiteral("Print each stage event as one JSON line on stdout (NDJSON).")};
    QCommandLineOption quiet{QStringLiteral("quiet"), QStringLiteral("Print nothing but errors.")};
    QCommandLineOption db = dbOption();
    QCommandLineOption attempts{
        QStringLiteral("max-attempts"),
        QStringLiteral("Attempts per stage before it goes to dead letters (default 5)."),
        QStringLiteral("N")};
    QCommandLineOption diffJobs{
        QStringLiteral("diff-jobs"),
        QStringLiteral("Sheets diffed at once (default 1; each needs ~0.5 GB at 220 dpi)."),
        QStringLiteral("N")};
    QCommandLineOption oldPassword{
        QStringLiteral("old-password"),
        QStringLiteral("Password of the OLD PDF (seen by other users in ps: prefer --old-password-file)."),
        QStringLiteral("P")};
    QCommandLineOption newPassword{
        QStringLiteral("new-password"),
        QStringLiteral("Password of the NEW PDF (seen by other users in ps: prefer --new-password-file)."),
        QStringLiteral("P")};
    QCommandLineOption oldPasswordFile{
        QStringLiteral("old-password-file"),
        QStringLiteral(
            "Read the OLD PDF's password from the first line of FILE (else $BUILDTRACE_OLD_PASSWORD)."),
        QStringLiteral("FILE")};
    QCommandLineOption newPasswordFile{
        QStringLiteral("new-password-file"),
        QStringLiteral(
            "Read the NEW PDF's password from the first line of FILE (else $BUILDTRACE_NEW_PASSWORD)."),
        QStringLiteral("FILE")};
    // The optional AI summary provider: on when an endpoint is given; the key comes from the
    // environment, not the command line (where `ps` would show it).
    QCommandLineOption aiEndpoint{
        QStringLiteral("ai-endpoint"),
        QStringLiteral("Rewrite each changed sheet's summary with this OpenAI-compatible chat-completions "
                       "endpoint (base URL .../v1 or the full .../chat/completions URL; key from "
                       "$BUILDTRACE_AI_KEY). Only the change list is sent, never the drawings; on any "
                       "error the usual summary stands."),
        QStringLiteral("URL")};
    QCommandLineOption aiModel{QStringLiteral("ai-model"),
                               QStringLiteral("Model named in the AI requests (with --ai-endpoint)."),
                               QStringLiteral("M")};
    QCommandLineOption aiTimeout{
        QStringLiteral("ai-timeout"),
        QStringLiteral("Milliseconds to wait for each sheet's AI summary (default 20000)."),
        QStringLiteral("MS")};
    ReportCliOptions report; // exports written when the job ends

    void addTo(QCommandLineParser &parser) const {
        parser.addOptions({json, out, events, quiet, db, attempts, diffJobs, oldPassword, newPassword,
                           oldPasswordFile, newPasswordFile, aiEndpoint, aiModel, aiTimeout});
        report.addTo(parser);
    }

    // A set's password: the option, else the first line of the password file, else the environment
    // (a prompt comes later, once the set turns out to need one). False after printing the problem.
    bool password(const QCommandLineParser &parser, Side side, QString *password) const {
        const bool old = side == Side::Old;
        const QCommandLineOption &option = old ? oldPassword : newPassword;
        const QCommandLineOption &file = old ? oldPasswordFile : newPasswordFile;
        if (parser.isSet(option)) {
            *password = parser.value(option);
        } else if (parser.isSet(file)) {
            QFile f(parser.value(file));
            if (!f.open(QIODevice::ReadOnly)) {
                fail(QStringLiteral("%1: cannot read the password file (%2)")
                         .arg(f.fileName(), f.errorString()));
                return false;
            }
            QByteArray line = f.readLine(4096);
            if (line.endsWith('\n')) line.chop(1);
            if (line.endsWith('\r')) line.chop(1);
            *password = QString::fromUtf8(line);
        } else {
            *password = qEnvironmentVariable(old ? "BUILDTRACE_OLD_PASSWORD" : "BUILDTRACE_NEW_PASSWORD");
        }
        return true;
    }

    // Reads the pipeline options and the exports asked for; false after printing the problem.
    bool read(const QCommandLineParser &parser, PipelineOptions *options, ReportRequest *reports) const {
        if (!report.read(parser, reports)) return false;
        options->releaseMemoryAfterJob = false; // the process ends with the job

        auto number = [&](const QCommandLineOption &o, int lo, int hi, int *value) {
            if (!parser.isSet(o)) return true;
            bool ok = false;
            const int v = parser.value(o).toInt(&ok);
            if (!ok || v < lo || v > hi) {
                fail(QStringLiteral("--%1 must be a number from %2 to %3")
                         .arg(o.names().first())
                         .arg(lo)
                         .arg(hi));
                return false;
            }
            *value = v;
            return true;
        };
        if (!number(attempts, 1, 100, &options->retry.maxAttempts) ||
            !number(diffJobs, 1, 16, &options->diffConcurrency) ||
            !number(aiTimeout, 100, 600000, &options->aiSummary.timeoutMs))
            return false;
        if (parser.isSet(aiEndpoint)) {
            const QUrl url(parser.value(aiEndpoint), QUrl::StrictMode);
            if (!url.isValid() || url.host().isEmpty() ||
                (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
                fail(QStringLiteral("--ai-endpoint must be an http:// or https:// URL"));
                return false;
            }
            options->aiSummary.enabled = true;
            options->aiSummary.endpoint = url;
            options->aiSummary.model = parser.value(aiModel);
            options->aiSummary.apiKey = qEnvironmentVariable("BUILDTRACE_AI_KEY");
        } else if (parser.isSet(aiModel) || parser.isSet(aiTimeout)) {
            fail(QStringLiteral("--ai-model and --ai-timeout need --ai-endpoint"));
            return false;
        }
        options->testing = StageTestingHooks::fromEnvironment();
        if (parser.isSet(events) && parser.value(json) == QLatin1String("-")) {
            fail(QStringLiteral("--events and --json - both write to stdout: pick one"));
            return false;
        }
        // Checked now, so that a long job does not end in "cannot write".
        if (parser.isSet(json) && parser.value(json) != QLatin1String("-")) {
            const QString problem = OutputFile::problem(parser.value(json));
            if (!problem.isEmpty()) {
                fail(QStringLiteral("%1: %2").arg(parser.value(json), problem));
                return false;
            }
        }
        return true;
    }
};

void printEvent(const QJsonObject &event) {
    out() << QJsonDocument(event).toJson(QJsonDocument::Compact) << '\n';
    out().flush(); // a reader acts on each line the moment it happens
}

// Copies a job's artifacts to dir and points the result there; false with *error naming the file.
bool exportArtifacts(ComparisonResult &result, const QString &dir, QString *error) {
    for (PageResult &p : result.pages) {
        for (QString *path : {&p.overlayPath, &p.alignedOldPath, &p.newRenderPath}) {
            if (path->isEmpty()) continue;
            const QString target = QDir(dir).filePath(QFileInfo(*path).fileName());
            QFile source(*path);
            QString e;
            if (!source.open(QIODevice::ReadOnly)) e = source.errorString();
            if (!e.isEmpty() || !writeOutputFile(target, source.readAll(), &e)) {
                *error = QStringLiteral("%1: cannot copy the overlay there (%2)").arg(target, e);
                return false;
            }
            *path = target;
        }
    }
    return true;
}

// Runs a job on the pipeline until it ends, printing events or progress, then writes the
// result. `start` starts (or resumes) the job.
int runJob(const QCommandLineParser &parser, const RunOptions &o, JobStore &store,
           const PipelineOptions &options, const ReportRequest &reports,
           const std::function<bool(Pipeline &, const PipelineOptions &, QString *)> &start) {
    const bool quiet = parser.isSet(o.quiet), events = parser.isSet(o.events);
    const QString jsonPath = parser.value(o.json);
    const QString outDir =
        parser.isSet(o.out) ? QFileInfo(parser.value(o.out)).absoluteFilePath() : QString();
    if (!outDir.isEmpty() && QFileInfo::exists(outDir) && !QFileInfo(outDir).isDir())
        return fail(QStringLiteral("%1: exists and is not a folder (--out names the folder for the overlays)")
                        .arg(outDir));
    if (!outDir.isEmpty() && !QDir().mkpath(outDir))
        return fail(QStringLiteral("%1: cannot create the output folder").arg(outDir));

    Pipeline pipeline(&store);
    int totalPages = 0;
    if (events) {
        QObject::connect(&pipeline, &Pipeline::sheetsMatched, [&pipeline](const QString &id, int total) {
            printEvent({{QStringLiteral("event"), QStringLiteral("sheets")},
                        {QStringLiteral("job_id"), id},
                        {QStringLiteral("total_pages"), total},
                        {QStringLiteral("reused"), pipeline.reused()},
                        {QStringLiteral("t_ms"), pipeline.elapsedMs()}});
        });
        QObject::connect(&pipeline, &Pipeline::stageChanged,
                         [](const StageEvent &e) { printEvent(e.toJson()); });
        QObject::connect(
            &pipeline, &Pipeline::jobFinished, [&pipeline](const QString &id, JobStatus status, qint64 t) {
                const JobProgress p = pipeline.progress();
                printEvent({{QStringLiteral("event"), QStringLiteral("job")},
                            {QStringLiteral("job_id"), id},
                            {QStringLiteral("status"), jobStatusName(status)},
                            {QStringLiteral("total_pages"), p.totalPages},
                            {QStringLiteral("summary_text"), p.summaryText},
                            {QStringLiteral("t_ms"), t},
                            // This process and its render helpers (buildtrace-bench adds them up).
                            {QStringLiteral("peak_rss_bytes"), processPeakRssBytes(getpid())},
                            {QStringLiteral("render_helpers_peak_rss_bytes"),
                             RenderPool::instance().peakRssBytes()}});
            });
    } else if (!quiet) {
        QObject::connect(&pipeline, &Pipeline::sheetsMatched,
                         [&totalPages](const QString &, int total) { totalPages = total; });
        QObject::connect(&pipeline, &Pipeline::stageChanged, [&totalPages](const StageEvent &e) {
            if (e.status == StageStatus::Failed)
                err() << "page " << e.pageNumber << " " << stageName(e.stage) << " failed (attempt "
                      << e.attempt << "): " << e.error << (e.willRetry ? ", retrying" : "") << Qt::endl;
            else if (e.stage == Stage::Diff && e.status == StageStatus::Completed)
                err() << "compared page " << e.pageNumber << " of " << totalPages << ": "
                      << e.detail.value(QStringLiteral("change_count")).toInt() << " change(s)" << Qt::endl;
        });
    }

    QString e;
    bool started = false;
    {
        const StderrSilencer silence; // opening only: libpng's own complaint about a bad file
        started = start(pipeline, options, &e);
    }
    if (!started) return fail(e);
    if (!quiet && !events) {
        err() << (pipeline.reused() ? "continuing job " : "job ") << pipeline.jobId()
              << " (history: " << store.path() << ")" << Qt::endl;
    }

    // Ctrl+C cancels the job cleanly: it stays in the history, resumable.
    g_interrupted = false;
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, [&pipeline] {
        if (g_interrupted) pipeline.cancel();
    });
    poll.start(100);
    pipeline.waitForFinished();
    poll.stop();
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);

    ComparisonResult result = pipeline.result();
    if (!outDir.isEmpty() && !exportArtifacts(result, outDir, &e)) return fail(e);
    const QByteArray json = QJsonDocument(comparisonToJson(result)).toJson(QJsonDocument::Indented);
    if (jsonPath == QLatin1String("-")) {
        out() << json;
        out().flush();
    } else if (!jsonPath.isEmpty() && !writeOutputFile(jsonPath, json, &e)) {
        return fail(QStringLiteral("%1: cannot write the result (%2)").arg(jsonPath, e));
    }
    if (!quiet && !events && jsonPath != QLatin1String("-")) {
        for (const PageResult &p : result.pages)
            out() << p.summaryText << Qt::endl;
        out() << "Job " << result.jobId << ": " << jobStatusName(result.status) << Qt::endl;
        if (!jsonPath.isEmpty())
            out() << "Result JSON: " << QFileInfo(jsonPath).absoluteFilePath() << Qt::endl;
        if (!outDir.isEmpty()) out() << "Overlays: " << outDir << Qt::endl;
    }
    // Exports read the job back from the history, as `show` does. A cancelled job has none: it
    // is not finished.
    if (result.status != JobStatus::Cancelled) {
        const int status =
            writeReports(reports, store, result.jobId, quiet || events || jsonPath == QLatin1String("-"));
        if (status != ExitSame) return status;
    }
    if (result.status == JobStatus::Cancelled)
        err() << "buildtrace: job " << result.jobId << " cancelled; continue it with: buildtrace resume "
              << result.jobId << Qt::endl;
    if (result.status != JobStatus::Completed) return ExitError;
    return result.anyChanges() ? ExitChanged : ExitSame;
}

int runCompare(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QString::fromUtf8(kCompareHelp));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("OLD"), QStringLiteral("Old revision (PDF or image)."));
    parser.addPositionalArgument(QStringLiteral("NEW"), QStringLiteral("New revision (PDF or image)."));
    const RunOptions run;
    run.addTo(parser);
    const QCommandLineOption dpiOpt(
        QStringLiteral("dpi"), QStringLiteral("Render resolution (default 220, or $PAGE_EXTRACTION_DPI)."),
        QStringLiteral("N"));
    const QCommandLineOption tolOpt(
        QStringLiteral("tolerance"),
        QStringLiteral("Ink within this distance (points) is unchanged (default 0.6)."),
        QStringLiteral("PT"));
    const QCommandLineOption colOpt(
        QStringLiteral("colors"), QStringLiteral("Overlay colours: standard (grey/red/green) or colorblind."),
        QStringLiteral("PRESET"), QStringLiteral("standard"));
    const QCommandLineOption capOpt(
        QStringLiteral("max-megapixels"),
        QStringLiteral("Per-page pixel cap; larger pages render at a lower DPI (default 120)."),
        QStringLiteral("MP"));
    const QCommandLineOption rendersOpt(
        QStringLiteral("renders"),
        QStringLiteral(
            "Also write the aligned OLD and the NEW render of each sheet (grey PNGs, ~1 s per sheet)."));
    const QCommandLineOption modeOpt(
        QStringLiteral("mode"),
        QStringLiteral(
            "streaming (default: each sheet's next stage starts as soon as it can) or batch (every "
            "sheet finishes a stage before the next stage starts)."),
        QStringLiteral("MODE"), QStringLiteral("streaming"));
    const QCommandLineOption freshOpt(
        QStringLiteral("fresh"), QStringLiteral("Start a new job even if the history has this comparison."));
    const QCommandLineOption pairOpt(
        QStringLiteral("pair"),
        QStringLiteral("Pair OLD page N with NEW page M (1-based) whatever the matcher says, when both are "
                       "unpaired; repeatable, kept in the history. Starts a new job (--fresh)."),
        QStringLiteral("N:M"));
    const QCommandLineOption projectOpt(
        QStringLiteral("project"),
        QStringLiteral("The project the job goes into, by name or id; a new name creates it (default: "
                       "the default project). Sheet history, ignore areas and carried reviews are the "
                       "project's; its number, client and logo fill the report cover."),
        QStringLiteral("NAME|ID"));
    parser.addOptions({dpiOpt, tolOpt, colOpt, capOpt, rendersOpt, modeOpt, freshOpt, pairOpt, projectOpt});

    if (!parser.parse(arguments)) return fail(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText().replace(QStringLiteral("[options]"), QStringLiteral("compare [options]"));
        return ExitSame;
    }
    const QStringList args = parser.positionalArguments();
    if (args.size() != 2)
        return fail(QStringLiteral("compare needs two files, OLD and NEW (see buildtrace compare --help)"));

    CompareSettings settings;
    settings.dpi = CompareSettings::defaultDpi();
    // The ranges are core's (settingsvalidation.h), the ones the job server's API enforces too.
    double maxMegapixels = double(settings.maxPixels) / 1e6;
    if (!rangedOption(parser, dpiOpt, QStringLiteral("dpi"), 1, &settings.dpi) ||
        !rangedOption(parser, tolOpt, QStringLiteral("tolerance_pt"), 1, &settings.change.tolerancePt) ||
        !rangedOption(parser, capOpt, QStringLiteral("max_pixels"), 1e6, &maxMegapixels))
        return ExitError;
    settings.maxPixels = qint64(std::llround(maxMegapixels * 1e6));
    if (const std::optional<SettingsProblem> problem = validateCompareSettings(settings))
        return fail(QStringLiteral("invalid setting: %1").arg(problem->message()));
    if (!OverlayColours::fromPreset(parser.value(colOpt), &settings.colours))
        return fail(QStringLiteral("--colors must be one of: %1")
                        .arg(OverlayColours::presetNames().join(QStringLiteral(", "))));
    if (!run.password(parser, Side::Old, &settings.oldPassword) ||
        !run.password(parser, Side::New, &settings.newPassword))
        return ExitError;
    settings.keepRenders = parser.isSet(rendersOpt);

    PipelineOptions options;
    ReportRequest reports;
    if (!run.read(parser, &options, &reports)) return ExitError;
    const std::optional<PipelineMode> mode = pipelineModeFromName(parser.value(modeOpt));
    if (!mode) return fail(QStringLiteral("--mode must be streaming or batch"));
    options.mode = *mode;
    options.reuse = !parser.isSet(freshOpt) && !parser.isSet(pairOpt);

    // Both inputs are opened (and so validated) before the history is touched, once: the
    // pipeline takes them as they are.
    JobInputs inputs;
    DocumentError error;
    inputs.oldDoc = openAsking(args[0], &settings.oldPassword, &error, settings.maxPixels);
    if (!inputs.oldDoc) return fail(error.message);
    inputs.newDoc = openAsking(args[1], &settings.newPassword, &error, settings.maxPixels);
    if (!inputs.newDoc) return fail(error.message);
    for (const QString &pair : parser.values(pairOpt)) {
        const QStringList parts = pair.split(QLatin1Char(':'));
        bool okOld = false, okNew = false;
        const int o = parts.value(0).toInt(&okOld), n = parts.value(1).toInt(&okNew);
        if (parts.size() != 2 || !okOld || !okNew || o < 1 || n < 1 || o > inputs.oldDoc->pageCount() ||
            n > inputs.newDoc->pageCount())
            return fail(QStringLiteral("--pair %1: give OLDPAGE:NEWPAGE, pages of the two sets").arg(pair));
        options.manualPairs.append({o - 1, n - 1});
    }
    // Kept for the order check after the job (the sets' text layers are read by then).
    const std::shared_ptr<const Document> oldDoc = inputs.oldDoc, newDoc = inputs.newDoc;
    reports.newPassword = settings.newPassword; // the markups copy the NEW set
    reports.colours = settings.colours;
    const auto store = openStore(parser, StoreAccess::ReadWrite);
    if (!store) return ExitError;
    if (parser.isSet(projectOpt)) {
        QString e;
        options.projectId = store->projectStore().ensureProject(parser.value(projectOpt), &e);
        if (options.projectId <= 0)
            return fail(QStringLiteral("--project %1: %2").arg(parser.value(projectOpt), e));
    }
    const int status =
        runJob(parser, run, *store, options, reports, [&](Pipeline &p, const PipelineOptions &o, QString *e) {
            return p.start(std::move(inputs), settings, o, e);
        });
    // OLD and NEW are taken as given; a reversed pair is only pointed out, after the job, so
    // that reading title blocks never changes how a job runs.
    const SetRevision oldRevision = readSetRevision(*oldDoc), newRevision = readSetRevision(*newDoc);
    if (isNewer(newRevision, oldRevision) == std::optional<bool>(false) && !parser.isSet(run.quiet))
        err() << "buildtrace: warning: the title blocks say OLD is the newer set (OLD "
              << revisionText(oldRevision) << ", NEW " << revisionText(newRevision)
              << "); compared in the order given" << Qt::endl;
    return status;
}

// resume JOB_ID, retry JOB_ID [--page N]
int runResume(const QStringList &arguments, bool retry) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        retry ? QStringLiteral("Runs the failed stages of a job again (all its pages, or one with --page).")
              : QStringLiteral("Finishes an interrupted job; stages already committed are not run again."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("JOB_ID"),
                                 QStringLiteral("Job id (see buildtrace history)."));
    const RunOptions run;
    run.addTo(parser);
    const QCommandLineOption pageOpt(QStringLiteral("page"), QStringLiteral("Only this page (1-based)."),
                                     QStringLiteral("N"));
    if (retry) parser.addOption(pageOpt);
    if (!parser.parse(arguments)) return fail(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        return ExitSame;
    }
    if (parser.positionalArguments().size() != 1)
        return fail(QStringLiteral("%1 needs one JOB_ID (see buildtrace %1 --help)").arg(arguments.value(0)));
    const QString id = parser.positionalArguments().first();
    PipelineOptions options;
    ReportRequest reports;
    if (!run.read(parser, &options, &reports)) return ExitError;
    const auto store = openStore(parser, StoreAccess::ReadWrite);
    if (!store) return ExitError;
    const std::optional<JobRecord> job = store->job(id);
    if (!job) return fail(QStringLiteral("no job %1 in %2").arg(id, store->path()));
    if (retry) {
        int page = 0;
        if (parser.isSet(pageOpt)) {
            bool ok = false;
            page = parser.value(pageOpt).toInt(&ok);
            if (!ok || page < 1 || page > job->totalPages)
                return fail(
                    QStringLiteral("--page must be a page of job %1 (1 to %2)").arg(id).arg(job->totalPages));
        }
        QString e;
        const int reset = store->resetFailedStages(id, page, &e);
        if (reset < 0) return fail(QStringLiteral("%1: %2").arg(store->path(), e));
        if (reset == 0 && !parser.isSet(run.quiet))
            err() << "buildtrace: no failed stages in job " << id
                  << (page ? QStringLiteral(" page %1").arg(page) : QString()) << Qt::endl;
    }
    QString oldPassword, newPassword;
    if (!run.password(parser, Side::Old, &oldPassword) || !run.password(parser, Side::New, &newPassword))
        return ExitError;
    // Opened once, here (on a terminal a set that needs a password and has none is asked for it),
    // and handed to the pipeline as they are; a set that does not open fails the resume with its
    // message.
    // A job stored by an older version (or edited by hand) is checked as a new one would be.
    const CompareSettings stored = CompareSettings::fromJson(job->settings);
    if (const std::optional<SettingsProblem> problem = validateCompareSettings(stored))
        return fail(QStringLiteral("job %1 has an invalid setting: %2").arg(id, problem->message()));
    const qint64 maxPixels = stored.maxPixels;
    JobInputs inputs;
    inputs.oldDoc = openAsking(job->oldFile, &oldPassword, &inputs.error, maxPixels);
    if (inputs.oldDoc) inputs.newDoc = openAsking(job->newFile, &newPassword, &inputs.error, maxPixels);
    inputs.oldFailed = !inputs.oldDoc;
    reports.newPassword = newPassword;
    return runJob(parser, run, *store, options, reports,
                  [&](Pipeline &p, const PipelineOptions &o, QString *e) {
                      return p.resume(id, std::move(inputs), o, e);
                  });
}

const char *kUsage = R"(Usage: buildtrace <command> [options]

Commands:
  compare OLD NEW        compare two drawing sets (buildtrace compare --help)
  resume JOB_ID          finish an interrupted job
  retry JOB_ID [--page N]
                         run a job's failed stages again
  history                list past jobs
  show JOB_ID            print one job (--json: its result JSON; --report FILE,
                         --changes-csv/-json/-xlsx FILE, --markups FILE: export it)
  progress JOB_ID        print a job's progress JSON
  dead-letters           list stages that failed every attempt
  delete JOB_ID          remove a job and its overlays from the history
  ignore add DRAWING_NUMBER x,y,w,h | list [DRAWING_NUMBER] | remove ID
                         areas (points) left out of every comparison of a sheet
                         (--project NAME|ID: of that project's sheet)
  projects [--json]      list the projects (add NAME [--number N] [--client C]
                         [--logo FILE], rename ID|NAME NEW_NAME)
  review JOB_ID PAGE CHANGE [--status S] [--comment TEXT]
                         review a change (the cloud's number on a sheet): S is
                         open, accepted, rejected or needs_clarification

Every command takes --db PATH (default $BUILDTRACE_DB, else the application
data folder).

Options:
  -h, --help        show this help
  -v, --version     show the version and those of Qt, OpenCV and Tesseract
)";

} // namespace

int runCli(const QStringList &arguments) {
    initOcrEnvironment();
    const QString command = arguments.value(1);
    const QStringList rest = arguments.mid(1);
    if (command == QLatin1String("compare")) return runCompare(rest);
    if (command == QLatin1String("resume")) return runResume(rest, false);
    if (command == QLatin1String("retry")) return runResume(rest, true);
    if (command == QLatin1String("history")) return runHistory(rest);
    if (command == QLatin1String("show")) return runShow(rest);
    if (command == QLatin1String("progress")) return runProgress(rest);
    if (command == QLatin1String("dead-letters")) return runDeadLetters(rest);
    if (command == QLatin1String("delete")) return runDelete(rest);
    if (command == QLatin1String("ignore")) return runIgnore(rest);
    if (command == QLatin1String("projects")) return runProjects(rest);
    if (command == QLatin1String("review")) return runReview(rest);
    if (command == QLatin1String("--version") || command == QLatin1String("-v")) {
        out() << versionText(QCoreApplication::applicationVersion());
        out().flush();
        return ExitSame;
    }
    if (command.isEmpty() || command == QLatin1String("--help") || command == QLatin1String("-h")) {
        out() << kUsage;
        return command.isEmpty() ? ExitError : ExitSame;
    }
    return fail(QStringLiteral("unknown command '%1' (see buildtrace --help)").arg(command));
}

} // namespace bt
