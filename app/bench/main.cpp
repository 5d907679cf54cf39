// buildtrace-bench: the design document's performance table, measured on the real product.
//
// For one pair of drawing sets (generated, or --old/--new) it runs, in this order and each in a
// child process of its own: the render-only floor (this program with --render-only: open both
// sets and render every page once, serially, as the OCR stage does), `buildtrace compare
// --events --mode streaming`, the same in batch mode, and optionally `comparepdf -c a`. Every
// compare gets a new, empty history. From the events (time-stamped by the bench when it reads
// them, so process start and opening the files count) it takes the time to the first OCR
// result, first overlay, first summary and all results; wait4() gives each child's peak RSS and
// CPU time. With --runs N every measurement is repeated N times (round-robin) and medians are
// reported. The report is markdown on stdout, progress on stderr, --json FILE for machines.

#include "childprocess.h"
#include "compare/comparison.h"
#include "document/document.h"
#include "drawinggenerator.h"
#include "io/outputfile.h"
#include "pixeldiff.h"
#include "testutil.h"

#include "pipeline/allocator.h"
#include "render/renderpool.h"
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QMutex>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <functional>
#include <limits>
#include <opencv2/core/utility.hpp>
#include <sched.h>
#include <unistd.h>

namespace bt::bench {
namespace {

constexpr double kNone = std::numeric_limits<double>::quiet_NaN();
constexpr double kRssBarMiB = 1.5e9 / (1024.0 * 1024.0); // 1.5 GB

bool has(double v) {
    return !std::isnan(v);
}

QTextStream &out() {
    static QTextStream s(stdout);
    return s;
}

QTextStream &progress() {
    static QTextStream s(stderr);
    return s;
}

// One JSON line on stdout, flushed: the parent time-stamps it when it arrives.
void emitLine(const QJsonObject &o) {
    const QByteArray line = QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
    fwrite(line.constData(), 1, size_t(line.size()), stdout);
    fflush(stdout);
}

// ---------------------------------------------------------------------------------------------
// Child mode --generate DIR: a vector set pair with known edits, old.pdf and new.pdf.

QString changedDimension(const QString &text, const QStringList &taken) {
    const int feet = text.section(QLatin1Char('\''), 0, 0).toInt();
    const QString inches = text.section(QLatin1Char('-'), 1);
    for (int add = 2;; ++add) {
        const QString candidate = QStringLiteral("%1'-%2").arg(feet + add).arg(inches);
        if (!taken.contains(candidate)) return candidate;
    }
}

int runGenerate(const QString &dir, int sheets, bool announce = true) {
    using namespace bt::test;
    const QStringList titles = {QStringLiteral("FIRST FLOOR PLAN"), QStringLiteral("SECOND FLOOR PLAN"),
                                QStringLiteral("THIRD FLOOR PLAN"), QStringLiteral("FOURTH FLOOR PLAN"),
                                QStringLiteral("ROOF PLAN")};
    QVector<SheetSpec> olds, news;
    for (int i = 0; i < sheets; ++i) {
        const QString title = i < titles.size() ? titles[i] : QStringLiteral("LEVEL %1 PLAN").arg(i + 1);
        const SheetSpec base =
            makeSheet(QStringLiteral("A-%1").arg(101 + i), title, 5 + 3 * i, QSizeF(36, 24)); // ARCH D
        SheetSpec edited = base;
        QStringList edits;
        const QStringList rooms = roomNames(base), dims = dimensionTexts(base);
        switch (i % 3) {
        case 0:
            edited.revision = QStringLiteral("REV 2");
            edited.revisionRows << QStringLiteral("2 ADDENDUM 1 03/21/2025");
            edited.extraNotes << QStringLiteral("VERIFY ALL DIMENSIONS IN FIELD BEFORE ORDERING MATERIALS.");
            edits << QStringLiteral("revision REV 2 + revision row") << QStringLiteral("extra general note");
            break;
        case 1:
            if (rooms.size() > 2) {
                edited.roomRenames.insert(rooms[2], QStringLiteral("QUIET STUDY"));
                edits << QStringLiteral("room %1 renamed QUIET STUDY").arg(rooms[2]);
            }
            if (dims.size() > 1) {
                const QString to = changedDimension(dims[1], dims);
                edited.dimensionEdits.insert(dims[1], to);
                edits << QStringLiteral("dimension %1 -> %2").arg(dims[1], to);
            }
            break;
        default: {
            const QRectF room = roomRects(base).value(QStringLiteral("room:") + rooms.value(1));
            if (!room.isEmpty()) {
                edited.extraWallsIn << QRectF(room.left() / 72, (room.top() + 10) / 72, room.width() / 2 / 72,
                                              4.5 / 72);
                edits << QStringLiteral("new wall in %1").arg(rooms.value(1));
            }
            edited.movedDoor = 2;
            edits << QStringLiteral("door 2 moved 30 in");
            break;
        }
        }
        olds << base;
        news << edited;
        if (announce)
            emitLine({{QStringLiteral("event"), QStringLiteral("sheet")},
                      {QStringLiteral("number"), base.number},
                      {QStringLiteral("title"), base.title},
                      {QStringLiteral("edits"), QJsonArray::fromStringList(edits)}});
    }
    if (!QDir().mkpath(dir) ||
        writeVectorSet(QDir(dir).filePath(QStringLiteral("old.pdf")), olds).size() != sheets ||
        writeVectorSet(QDir(dir).filePath(QStringLiteral("new.pdf")), news).size() != sheets) {
        progress() << "buildtrace-bench: cannot write the generated sets to " << dir << Qt::endl;
        return 2;
    }
    return 0;
}

// ---------------------------------------------------------------------------------------------
// Child mode --render-only OLD NEW: the floor. Both sets opened and every page rendered once, as
// many at once as there are render helpers, the way the OCR stage renders.

int runRenderOnly(const QString &oldPath, const QString &newPath, double dpi, const QElapsedTimer &clock) {
    std::unique_ptr<Document> docs[2];
    const QString paths[2] = {oldPath, newPath};
    for (int d = 0; d < 2; ++d) {
        DocumentError e;
        docs[d] = Document::open(paths[d], QString(), &e);
        if (!docs[d]) {
            progress() << "buildtrace-bench: " << e.message << Qt::endl;
            return 2;
        }
    }
    emitLine({{QStringLiteral("event"), QStringLiteral("opened")},
              {QStringLiteral("ms"), double(clock.nsecsElapsed()) / 1e6}});
    struct Job {
        int set, page;
    };
    QVector<Job> jobs;
    const int pages = std::max(docs[0]->pageCount(), docs[1]->pageCount());
    for (int page = 0; page < pages; ++page)
        for (int d = 0; d < 2; ++d)
            if (page < docs[d]->pageCount()) jobs.append({d, page});
    QThreadPool lanes;
    lanes.setMaxThreadCount(RenderPool::instance().processCount());
    QMutex emitting;
    std::atomic<bool> failed{false};
    double renderMs = 0;
    QtConcurrent::blockingMap(&lanes, jobs, [&](const Job &job) {
        QElapsedTimer t;
        t.start();
        const RenderedPage r = docs[job.set]->render(job.page, {dpi, RenderOptions().maxPixels});
        const double ms = double(t.nsecsElapsed()) / 1e6;
        const QMutexLocker lock(&emitting);
        if (r.isNull()) {
            progress() << "buildtrace-bench: " << paths[job.set] << ": page " << job.page + 1
                       << " did not render: " << r.error << Qt::endl;
            failed = true;
            return;
        }
        renderMs += ms;
        emitLine({{QStringLiteral("event"), QStringLiteral("render")},
                  {QStringLiteral("set"), job.set == 0 ? QStringLiteral("old") : QStringLiteral("new")},
                  {QStringLiteral("page"), job.page + 1},
                  {QStringLiteral("ms"), ms},
                  {QStringLiteral("width_px"), r.grey.cols},
                  {QStringLiteral("height_px"), r.grey.rows},
                  {QStringLiteral("dpi"), r.dpi},
                  {QStringLiteral("width_in"), r.sizePt.width() / 72.0},
                  {QStringLiteral("height_in"), r.sizePt.height() / 72.0}});
    });
    if (failed) return 2;
    emitLine({{QStringLiteral("event"), QStringLiteral("done")},
              {QStringLiteral("render_ms"), renderMs},
              {QStringLiteral("peak_rss_bytes"), processPeakRssBytes(getpid())},
              {QStringLiteral("render_helpers_peak_rss_bytes"), RenderPool::instance().peakRssBytes()},
              {QStringLiteral("ms"), double(clock.nsecsElapsed()) / 1e6}});
    return 0;
}

// ---------------------------------------------------------------------------------------------
// Measurements.

QJsonObject parseLine(const ChildLine &line) {
    return QJsonDocument::fromJson(line.text).object();
}

QJsonValue num(double v) {
    return has(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
}

QJsonObject childJson(const ChildResult &c) {
    return {{QStringLiteral("outcome"), c.describe()},
            {QStringLiteral("exit_code"), c.exitCode},
            {QStringLiteral("wall_ms"), c.wallMs},
            {QStringLiteral("peak_rss_mib"), c.maxRssMiB},
            {QStringLiteral("user_s"), c.userS},
            {QStringLiteral("sys_s"), c.sysS},
            {QStringLiteral("other_load_cpus"), c.otherLoad()}};
}

QString stderrTail(const ChildResult &c) {
    const QString s = QString::fromLocal8Bit(c.stdErr).trimmed();
    return s.isEmpty() ? QString() : QStringLiteral(": ") + s.right(600);
}

struct PageRender {
    QString set;
    int page = 0;
    double ms = 0;
    int widthPx = 0, heightPx = 0;
    double dpi = 0, widthIn = 0, heightIn = 0;
};

struct RenderRun {
    ChildResult child;
    bool ok = false;
    QString problem;
    double doneWallMs = kNone; // from the spawn to the last render
    double openMs = kNone;     // the child's own clock: both sets opened
    double renderMs = kNone;   // sum of the renders
    QVector<PageRender> pages;

    QJsonObject toJson() const {
        QJsonArray p;
        for (const PageRender &r : pages)
            p.append(QJsonObject{{QStringLiteral("set"), r.set},
                                 {QStringLiteral("page"), r.page},
                                 {QStringLiteral("ms"), r.ms},
                                 {QStringLiteral("width_px"), r.widthPx},
                                 {QStringLiteral("height_px"), r.heightPx},
                                 {QStringLiteral("dpi"), r.dpi}});
        return {{QStringLiteral("ok"), ok},
                {QStringLiteral("problem"), problem},
                {QStringLiteral("process"), childJson(child)},
                {QStringLiteral("floor_wall_ms"), num(doneWallMs)},
                {QStringLiteral("open_ms"), num(openMs)},
                {QStringLiteral("render_ms"), num(renderMs)},
                {QStringLiteral("pages"), p}};
    }
};

// ru_maxrss of a process whose render helpers it reaped is the larger of its own and theirs; the
// machine holds them at once, so the peak is counted over the process and its helpers: its own
// VmHWM plus each helper's, as the child reports them at its end (a bound on their sum at any time).
void countRenderHelpers(const QJsonObject &event, ChildResult &child) {
    const QJsonValue self = event.value(QStringLiteral("peak_rss_bytes"));
    const QJsonValue helpers = event.value(QStringLiteral("render_helpers_peak_rss_bytes"));
    if (self.isDouble() && helpers.isDouble())
        child.maxRssMiB = (self.toDouble() + helpers.toDouble()) / (1024.0 * 1024.0);
}

RenderRun parseRenderRun(ChildResult child) {
    RenderRun r;
    for (const ChildLine &line : child.lines) {
        const QJsonObject o = parseLine(line);
        const QString event = o.value(QStringLiteral("event")).toString();
        if (event == QLatin1String("opened")) {
            r.openMs = o.value(QStringLiteral("ms")).toDouble();
        } else if (event == QLatin1String("render")) {
            r.pages.append(
                {o.value(QStringLiteral("set")).toString(), o.value(QStringLiteral("page")).toInt(),
                 o.value(QStringLiteral("ms")).toDouble(), o.value(QStringLiteral("width_px")).toInt(),
                 o.value(QStringLiteral("height_px")).toInt(), o.value(QStringLiteral("dpi")).toDouble(),
                 o.value(QStringLiteral("width_in")).toDouble(),
                 o.value(QStringLiteral("height_in")).toDouble()});
        } else if (event == QLatin1String("done")) {
            r.renderMs = o.value(QStringLiteral("render_ms")).toDouble();
            r.doneWallMs = line.wallMs;
            countRenderHelpers(o, child);
        }
    }
    r.ok = child.exited() && child.exitCode == 0 && has(r.doneWallMs);
    if (!r.ok) r.problem = child.describe() + stderrTail(child);
    r.child = std::move(child);
    return r;
}

struct CompareRun {
    ChildResult child;
    bool ok = false;
    QString problem;
    // Wall clock from the spawn (ms), when the bench read the event.
    double sheets = kNone, firstOcr = kNone, firstDiff = kNone, firstSummary = kNone, allResults = kNone;
    // The same events' t_ms: the pipeline's clock, from the job's start.
    double tSheets = kNone, tFirstOcr = kNone, tFirstDiff = kNone, tFirstSummary = kNone, tJob = kNone;
    // When the first OCR / diff really finished (batch publishes a stage's results only when the
    // stage is done for every page; its events carry finished_t_ms).
    double tFirstOcrFinished = kNone, tFirstDiffFinished = kNone;
    QString jobStatus;
    int pages = 0;
    int changes = 0;
    int failedAttempts = 0;

    QJsonObject toJson() const {
        return {
            {QStringLiteral("ok"), ok},
            {QStringLiteral("problem"), problem},
            {QStringLiteral("process"), childJson(child)},
            {QStringLiteral("job_status"), jobStatus},
            {QStringLiteral("pages"), pages},
            {QStringLiteral("changes"), changes},
            {QStringLiteral("failed_attempts"), failedAttempts},
            {QStringLiteral("wall_ms"), QJsonObject{{QStringLiteral("sheets_matched"), num(sheets)},
                                                    {QStringLiteral("first_ocr"), num(firstOcr)},
                                                    {QStringLiteral("first_overlay"), num(firstDiff)},
                                                    {QStringLiteral("first_summary"), num(firstSummary)},
                                                    {QStringLiteral("all_results"), num(allResults)}}},
            {QStringLiteral("engine_t_ms"), QJsonObject{{QStringLiteral("sheets_matched"), num(tSheets)},
                                                        {QStringLiteral("first_ocr"), num(tFirstOcr)},
                                                        {QStringLiteral("first_overlay"), num(tFirstDiff)},
                                                        {QStringLiteral("first_summary"), num(tFirstSummary)},
                                                        {QStringLiteral("all_results"), num(tJob)}}}};
    }
};

CompareRun parseCompareRun(ChildResult child) {
    CompareRun r;
    auto first = [](double &wall, double &t, const ChildLine &line, const QJsonObject &o) {
        if (has(wall)) return;
        wall = line.wallMs;
        t = o.value(QStringLiteral("t_ms")).toDouble();
    };
    for (const ChildLine &line : child.lines) {
        const QJsonObject o = parseLine(line);
        const QString event = o.value(QStringLiteral("event")).toString();
        if (event == QLatin1String("sheets")) {
            first(r.sheets, r.tSheets, line, o);
            r.pages = o.value(QStringLiteral("total_pages")).toInt();
        } else if (event == QLatin1String("stage")) {
            const std::optional<Stage> stage = stageFromName(o.value(QStringLiteral("stage")).toString());
            const StageStatus status = stageStatusFromName(o.value(QStringLiteral("status")).toString());
            if (status == StageStatus::Failed) ++r.failedAttempts;
            if (!stage || status != StageStatus::Completed) continue;
            const double finished =
                o.value(QStringLiteral("finished_t_ms")).toDouble(o.value(QStringLiteral("t_ms")).toDouble());
            double &earliest = *stage == Stage::Ocr ? r.tFirstOcrFinished : r.tFirstDiffFinished;
            if (*stage != Stage::Summary && (!has(earliest) || finished < earliest)) earliest = finished;
            if (*stage == Stage::Ocr) first(r.firstOcr, r.tFirstOcr, line, o);
            if (*stage == Stage::Diff) {
                first(r.firstDiff, r.tFirstDiff, line, o);
                r.changes += o.value(QStringLiteral("change_count")).toInt();
            }
            if (*stage == Stage::Summary) first(r.firstSummary, r.tFirstSummary, line, o);
        } else if (event == QLatin1String("job")) {
            first(r.allResults, r.tJob, line, o);
            r.jobStatus = o.value(QStringLiteral("status")).toString();
            countRenderHelpers(o, child);
        }
    }
    if (!has(r.allResults) && child.exited()) r.allResults = child.wallMs; // no job event: the exit
    // buildtrace compare: 0 no changes, 1 changes found, 2 error.
    r.ok = child.exited() && (child.exitCode == 0 || child.exitCode == 1) &&
           jobStatusFromName(r.jobStatus) == JobStatus::Completed;
    if (!r.ok)
        r.problem =
            QStringLiteral("%1, job status '%2'%3").arg(child.describe(), r.jobStatus, stderrTail(child));
    r.child = std::move(child);
    return r;
}

struct ToolRun {
    ChildResult child;
    bool ok = false;
    QString meaning;

    QJsonObject toJson() const {
        return {{QStringLiteral("ok"), ok},
                {QStringLiteral("meaning"), meaning},
                {QStringLiteral("process"), childJson(child)}};
    }
};

// comparepdf 1.0.1 (its --help): 0 no differences, 1 or 2 error, 10 differ visually, 13 differ
// textually, 15 different page counts.
ToolRun parseComparePdfRun(ChildResult child) {
    ToolRun r;
    const QMap<int, QString> meanings = {{0, QStringLiteral("no differences")},
                                         {10, QStringLiteral("differ visually")},
                                         {13, QStringLiteral("differ textually")},
                                         {15, QStringLiteral("different page counts")}};
    r.ok = child.exited() && meanings.contains(child.exitCode);
    r.meaning = r.ok ? meanings.value(child.exitCode)
                     : QStringLiteral("error: ") + child.describe() + stderrTail(child);
    r.child = std::move(child);
    return r;
}

double median(QVector<double> v) {
    v.erase(std::remove_if(v.begin(), v.end(), [](double x) { return !has(x); }), v.end());
    if (v.isEmpty()) return kNone;
    std::sort(v.begin(), v.end());
    const qsizetype n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// Median over the runs that worked.
template <typename Run>
double medianOf(const QVector<Run> &runs, const std::function<double(const Run &)> &value) {
    QVector<double> v;
    for (const Run &r : runs)
        if (r.ok) v << value(r);
    return median(v);
}

// ---------------------------------------------------------------------------------------------
// Formatting.

QString secs(double ms) {
    return has(ms) ? QStringLiteral("%1 s").arg(ms / 1000.0, 0, 'f', 2) : QStringLiteral("n/a");
}

QString mib(double v) {
    return has(v) ? QStringLiteral("%1 MiB").arg(v, 0, 'f', 0) : QStringLiteral("n/a");
}

QString ratio(double a, double b) {
    return has(a) && has(b) && b > 0 ? QString::number(a / b, 'f', 2) : QStringLiteral("n/a");
}

QString row(const QStringList &cells) {
    return QStringLiteral("| ") + cells.join(QStringLiteral(" | ")) + QStringLiteral(" |");
}

// First line of a file starting with prefix. /proc files report size 0: read them whole.
QString readFirst(const QString &path, const QString &prefix) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    for (const QByteArray &raw : f.readAll().split('\n')) {
        const QString line = QString::fromUtf8(raw).trimmed();
        if (prefix.isEmpty() || line.startsWith(prefix)) return line;
    }
    return {};
}

int cpusAvailable() {
    cpu_set_t set;
    CPU_ZERO(&set);
    if (sched_getaffinity(0, sizeof set, &set) == 0) return CPU_COUNT(&set);
    return int(sysconf(_SC_NPROCESSORS_ONLN));
}

QString loadAverage() {
    return readFirst(QStringLiteral("/proc/loadavg"), QString()).section(QLatin1Char(' '), 0, 2);
}

QString fileSize(const QString &path) {
    return QStringLiteral("%1 KiB").arg(QFileInfo(path).size() / 1024);
}

// ---------------------------------------------------------------------------------------------
// Mode --diff-steps: CPU time of each step of the diff stage, in this process. Every matched
// pair is rendered once, then diffed --runs times (overlay written to a temporary folder, as
// the product does); the report gives per sheet the median of each step.

int runDiffSteps(QString oldPath, QString newPath, double dpi, int sheets, int runs, bool keep) {
    QTemporaryDir tmp(QDir::temp().filePath(QStringLiteral("buildtrace-diffsteps-XXXXXX")));
    if (!tmp.isValid()) {
        progress() << "buildtrace-bench: cannot create a temporary folder" << Qt::endl;
        return 2;
    }
    tmp.setAutoRemove(!keep);
    if (keep) progress() << "keeping " << tmp.path() << Qt::endl;
    if (oldPath.isEmpty()) {
        progress() << "generating a " << sheets << "-sheet ARCH D set pair ..." << Qt::endl;
        if (runGenerate(tmp.path(), sheets, false) != 0) return 2;
        oldPath = tmp.filePath(QStringLiteral("old.pdf"));
        newPath = tmp.filePath(QStringLiteral("new.pdf"));
    }
    std::unique_ptr<Document> docs[2];
    const QString paths[2] = {oldPath, newPath};
    for (int d = 0; d < 2; ++d) {
        DocumentError e;
        docs[d] = Document::open(paths[d], QString(), &e);
        if (!docs[d]) {
            progress() << "buildtrace-bench: " << e.message << Qt::endl;
            return 2;
        }
    }
    CompareSettings settings;
    settings.dpi = dpi;
    settings.outputDir = tmp.filePath(QStringLiteral("out"));
    QDir().mkpath(settings.outputDir);
    const QVector<PageResult> pages = matchDocuments(*docs[0], *docs[1]);

    using Step = double DiffStepTimes::*;
    const QVector<QPair<QString, Step>> steps = {{QStringLiteral("align"), &DiffStepTimes::align},
                                                 {QStringLiteral("warp"), &DiffStepTimes::warp},
                                                 {QStringLiteral("scan?"), &DiffStepTimes::scanCheck},
                                                 {QStringLiteral("detect"), &DiffStepTimes::detect},
                                                 {QStringLiteral("texts"), &DiffStepTimes::texts},
                                                 {QStringLiteral("overlay"), &DiffStepTimes::overlay},
                                                 {QStringLiteral("png"), &DiffStepTimes::save}};
    auto median = [](QVector<double> v) {
        std::sort(v.begin(), v.end());
        return v.isEmpty() ? kNone : v[v.size() / 2];
    };
    out() << "Diff stage CPU seconds (process CPU, median of " << runs << " runs) at " << dpi << " DPI, "
          << "OpenCV threads " << cv::getNumThreads() << ", load " << loadAverage() << "\n\n| sheet | px |";
    for (const auto &step : steps)
        out() << " " << step.first << " |";
    out() << " total | wall | method | regions | overlay PNG |\n|---|---|";
    for (int i = 0; i < steps.size() + 5; ++i)
        out() << "---|";
    out() << "\n";
    QVector<double> sums(steps.size() + 2, 0.0);
    int diffed = 0;
    for (const PageResult &page : pages) {
        if (page.oldPage < 0 || page.newPage < 0) continue;
        const LoadedPair pair = loadPagePair(*docs[0], *docs[1], settings, page);
        QVector<DiffStepTimes> times(runs);
        QVector<double> walls;
        PageResult result;
        for (int run = 0; run < runs; ++run) {
            result = page;
            QElapsedTimer wall;
            wall.start();
            diffLoadedPair(*docs[0], *docs[1], settings, pair, result, nullptr, &times[run]);
            walls << double(wall.nsecsElapsed()) / 1e9;
            if (!result.error.isEmpty()) {
                progress() << "buildtrace-bench: " << result.error << Qt::endl;
                return 2;
            }
        }
        out() << "| " << result.drawingName() << " | " << pair.newPage.grey.cols << "x"
              << pair.newPage.grey.rows << " |";
        for (int i = 0; i < steps.size(); ++i) {
            QVector<double> v;
            for (const DiffStepTimes &t : times)
                v << t.*(steps[i].second);
            sums[i] += median(v);
            out() << " " << QString::number(median(v), 'f', 3) << " |";
        }
        QVector<double> totals;
        for (const DiffStepTimes &t : times)
            totals << t.total();
        sums[steps.size()] += median(totals);
        sums[steps.size() + 1] += median(walls);
        out() << " **" << QString::number(median(totals), 'f', 3) << "** | "
              << QString::number(median(walls), 'f', 3) << " | " << result.alignment.method << " | "
              << result.regions.size() << " | " << fileSize(result.overlayPath) << " |\n";
        ++diffed;
    }
    if (diffed == 0) return 2;
    out() << "| mean | |";
    for (int i = 0; i < sums.size(); ++i)
        out() << " " << QString::number(sums[i] / diffed, 'f', 3) << " |";
    out() << " | | |\n";
    out().flush();
    return 0;
}

// ---------------------------------------------------------------------------------------------
// The benchmark.

struct Settings {
    QString cli;
    QString self;
    QString oldPath, newPath;
    bool generated = true;
    int sheets = 3;
    double dpi = 220;
    int runs = 1;
    bool comparePdf = false;
    bool keep = false;
    QString jsonPath;
    double timeoutS = 1800;
    int diffJobs = 1; // buildtrace compare --diff-jobs
};

QStringList childEnvironment(const QString &runtimeDir) {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("OMP_THREAD_LIMIT"), QStringLiteral("1"));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtimeDir);
    for (const char *name : {"PAGE_EXTRACTION_DPI", "BUILDTRACE_DB", "BUILDTRACE_INJECT_FAULT"})
        env.remove(QString::fromLatin1(name));
    return env.toStringList();
}

int runBenchmark(Settings s) {
    QTemporaryDir tmp(QDir::temp().filePath(QStringLiteral("buildtrace-bench-XXXXXX")));
    if (!tmp.isValid()) {
        progress() << "buildtrace-bench: cannot create a temporary folder: " << tmp.errorString() << Qt::endl;
        return 2;
    }
    tmp.setAutoRemove(!s.keep);
    const QString runtimeDir = tmp.filePath(QStringLiteral("runtime"));
    QDir().mkpath(runtimeDir);
    QFile::setPermissions(runtimeDir,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    const QStringList env = childEnvironment(runtimeDir);
    const QString dpiText = QString::number(s.dpi);
    const QString loadStart = loadAverage();
    bool failed = false;

    // Input.
    QJsonArray generatedSheets;
    double generateMs = kNone;
    if (s.generated) {
        const QString dir = tmp.filePath(QStringLiteral("input"));
        progress() << "generating a " << s.sheets << "-sheet ARCH D set pair in " << dir << " ..."
                   << Qt::endl;
        const ChildResult gen = runChild(
            s.self,
            {QStringLiteral("--generate"), dir, QStringLiteral("--sheets"), QString::number(s.sheets)}, env,
            s.timeoutS);
        if (!gen.exited() || gen.exitCode != 0) {
            progress() << "buildtrace-bench: generating the sets failed: " << gen.describe()
                       << stderrTail(gen) << Qt::endl;
            return 2;
        }
        for (const ChildLine &line : gen.lines)
            generatedSheets.append(parseLine(line));
        generateMs = gen.wallMs;
        s.oldPath = QDir(dir).filePath(QStringLiteral("old.pdf"));
        s.newPath = QDir(dir).filePath(QStringLiteral("new.pdf"));
    }

    QString comparePdf;
    if (s.comparePdf) {
        comparePdf = QStandardPaths::findExecutable(QStringLiteral("comparepdf"));
        if (comparePdf.isEmpty()) {
            progress() << "buildtrace-bench: comparepdf is not on PATH (Debian package comparepdf)"
                       << Qt::endl;
            return 2;
        }
    }

    // Round-robin: render-only, streaming, batch (, comparepdf), N times.
    QVector<RenderRun> renders;
    QMap<QString, QVector<CompareRun>> compares;
    QVector<ToolRun> tools;
    const QStringList modes = {QStringLiteral("streaming"), QStringLiteral("batch")};
    for (int run = 1; run <= s.runs; ++run) {
        const QString tag = QStringLiteral("[%1/%2] ").arg(run).arg(s.runs);
        progress() << tag << "render-only ..." << Qt::endl;
        renders << parseRenderRun(runChild(
            s.self, {QStringLiteral("--render-only"), s.oldPath, s.newPath, QStringLiteral("--dpi"), dpiText},
            env, s.timeoutS));
        const RenderRun &rr = renders.last();
        if (rr.ok)
            progress() << tag << "render-only: " << rr.pages.size() << " pages, floor " << secs(rr.doneWallMs)
                       << ", peak " << mib(rr.child.maxRssMiB) << Qt::endl;
        else
            progress() << tag << "render-only FAILED: " << rr.problem << Qt::endl;
        failed |= !rr.ok;

        for (const QString &mode : modes) {
            const QString dir = tmp.filePath(QStringLiteral("%1-%2").arg(mode).arg(run));
            QDir().mkpath(dir);
            progress() << tag << mode << " ..." << Qt::endl;
            const QStringList args = {QStringLiteral("compare"),
                                      s.oldPath,
                                      s.newPath,
                                      QStringLiteral("--events"),
                                      QStringLiteral("--mode"),
                                      mode,
                                      QStringLiteral("--fresh"),
                                      QStringLiteral("--db"),
                                      QDir(dir).filePath(QStringLiteral("history.sqlite")),
                                      QStringLiteral("--quiet"),
                                      QStringLiteral("--dpi"),
                                      dpiText,
                                      QStringLiteral("--diff-jobs"),
                                      QString::number(s.diffJobs)};
            compares[mode] << parseCompareRun(runChild(s.cli, args, env, s.timeoutS));
            const CompareRun &cr = compares[mode].last();
            if (cr.ok)
                progress() << tag << mode << ": first overlay " << secs(cr.firstDiff) << ", all results "
                           << secs(cr.allResults) << ", peak " << mib(cr.child.maxRssMiB) << Qt::endl;
            else
                progress() << tag << mode << " FAILED: " << cr.problem << Qt::endl;
            failed |= !cr.ok;
            if (!s.keep) QDir(dir).removeRecursively();
        }

        if (s.comparePdf) {
            progress() << tag << "comparepdf -c a ..." << Qt::endl;
            tools << parseComparePdfRun(
                runChild(comparePdf, {QStringLiteral("-c"), QStringLiteral("a"), s.oldPath, s.newPath}, env,
                         s.timeoutS));
            const ToolRun &tr = tools.last();
            progress() << tag << "comparepdf: " << tr.meaning << ", " << secs(tr.child.wallMs) << ", peak "
                       << mib(tr.child.maxRssMiB) << Qt::endl;
            failed |= !tr.ok;
        }
    }
    const QString loadEnd = loadAverage();

    // Medians.
    using CR = CompareRun;
    auto m = [&compares](const QString &mode, const std::function<double(const CR &)> &f) {
        return medianOf<CR>(compares.value(mode), f);
    };
    struct Metric {
        QString name;
        QString key;
        std::function<double(const CR &)> wall;
        std::function<double(const CR &)> engine;
    };
    const QVector<Metric> metrics = {
        {QStringLiteral("Sheets matched"), QStringLiteral("sheets_matched"),
         [](const CR &r) { return r.sheets; }, [](const CR &r) { return r.tSheets; }},
        {QStringLiteral("Time to first OCR result"), QStringLiteral("first_ocr"),
         [](const CR &r) { return r.firstOcr; }, [](const CR &r) { return r.tFirstOcr; }},
        {QStringLiteral("Time to first overlay"), QStringLiteral("first_overlay"),
         [](const CR &r) { return r.firstDiff; }, [](const CR &r) { return r.tFirstDiff; }},
        {QStringLiteral("Time to first summary"), QStringLiteral("first_summary"),
         [](const CR &r) { return r.firstSummary; }, [](const CR &r) { return r.tFirstSummary; }},
        {QStringLiteral("Time to all results"), QStringLiteral("all_results"),
         [](const CR &r) { return r.allResults; }, [](const CR &r) { return r.tJob; }},
    };
    const QString S = QStringLiteral("streaming"), B = QStringLiteral("batch");
    auto rss = [](const CR &r) { return r.child.maxRssMiB; };
    auto cpu = [](const CR &r) { return r.child.cpuS() * 1000.0; };
    auto wall = [](const CR &r) { return r.child.wallMs; };
    auto cpuPerWall = [](const CR &r) { return r.child.cpuS() * 1000.0 / r.child.wallMs; };
    const double floorMs = medianOf<RenderRun>(renders, [](const RenderRun &r) { return r.doneWallMs; });
    const double floorRenderMs = medianOf<RenderRun>(renders, [](const RenderRun &r) { return r.renderMs; });
    const double floorOpenMs = medianOf<RenderRun>(renders, [](const RenderRun &r) { return r.openMs; });
    const double floorRss =
        medianOf<RenderRun>(renders, [](const RenderRun &r) { return r.child.maxRssMiB; });
    const double floorCpu =
        medianOf<RenderRun>(renders, [](const RenderRun &r) { return r.child.cpuS() * 1000; });
    const double floorExit = medianOf<RenderRun>(renders, [](const RenderRun &r) { return r.child.wallMs; });

    // Report.
    QTextStream &o = out();
    o << "# buildtrace-bench\n\n";
    o << "Machine: " << cpusAvailable() << " CPUs (nproc), "
      << readFirst(QStringLiteral("/proc/cpuinfo"), QStringLiteral("model name"))
             .section(QLatin1Char(':'), 1)
             .trimmed()
      << ", "
      << QString::number(readFirst(QStringLiteral("/proc/meminfo"), QStringLiteral("MemTotal"))
                                 .section(QLatin1Char(' '), 1, 1, QString::SectionSkipEmpty)
                                 .toDouble() /
                             (1024 * 1024),
                         'f', 1)
      << " GiB RAM; load average (1/5/15 min) " << loadStart << " at start, " << loadEnd << " at end\n";
    o << "buildtrace: " << s.cli << "\n";
    o << "Settings: " << s.dpi << " DPI, --diff-jobs " << s.diffJobs << "; "
      << (s.runs == 1 ? QStringLiteral("1 run") : QStringLiteral("median of %1 runs").arg(s.runs))
      << " per measurement, order render-only, streaming, batch" << (s.comparePdf ? ", comparepdf" : "")
      << "; every compare with --fresh and a new empty history\n\n";

    // Input.
    const RenderRun *pageSource = nullptr;
    for (const RenderRun &r : renders)
        if (r.ok) {
            pageSource = &r;
            break;
        }
    if (s.generated) {
        o << "Input: generated " << s.sheets << "-sheet ARCH D (36x24 in) vector set pair, "
          << "tests/support/drawinggenerator (generated in " << secs(generateMs) << ")";
        if (s.keep) o << ", kept in " << QFileInfo(s.oldPath).absolutePath();
        o << "\n";
        for (const QJsonValue &v : generatedSheets) {
            const QJsonObject sheet = v.toObject();
            QStringList edits;
            for (const QJsonValue &e : sheet.value(QStringLiteral("edits")).toArray())
                edits << e.toString();
            o << "- " << sheet.value(QStringLiteral("number")).toString() << " "
              << sheet.value(QStringLiteral("title")).toString() << ": " << edits.join(QStringLiteral("; "))
              << "\n";
        }
    } else {
        o << "Input: given sets\n";
    }
    o << "- OLD " << s.oldPath << " (" << fileSize(s.oldPath) << ")\n";
    o << "- NEW " << s.newPath << " (" << fileSize(s.newPath) << ")\n\n";
    if (pageSource) {
        o << "Pages (render-only child, median render time per page"
          << (s.runs > 1 ? QStringLiteral(" over the runs") : QString()) << "):\n\n";
        o << row({QStringLiteral("Set"), QStringLiteral("Page"), QStringLiteral("Paper (in)"),
                  QStringLiteral("Pixels at DPI"), QStringLiteral("Render")})
          << "\n|---|---|---|---|---|\n";
        for (int i = 0; i < pageSource->pages.size(); ++i) {
            const PageRender &p = pageSource->pages[i];
            QVector<double> ms;
            for (const RenderRun &r : renders)
                if (r.ok && i < r.pages.size()) ms << r.pages[i].ms;
            o << row({p.set.toUpper(), QString::number(p.page),
                      QStringLiteral("%1 x %2").arg(p.widthIn, 0, 'f', 1).arg(p.heightIn, 0, 'f', 1),
                      QStringLiteral("%1 x %2 (%3 MP) at %4")
                          .arg(p.widthPx)
                          .arg(p.heightPx)
                          .arg(double(p.widthPx) * p.heightPx / 1e6, 0, 'f', 1)
                          .arg(p.dpi, 0, 'f', 0),
                      secs(median(ms))})
              << "\n";
        }
        o << "\n";
    }

    // The performance table.
    o << "## Streaming vs batch\n\n";
    o << "Wall clock from spawning `buildtrace compare OLD NEW --events --mode MODE --fresh --db NEW_DB "
         "--quiet --dpi "
      << dpiText
      << "` to the bench reading the event (first `ocr`/`diff`/`summary` stage `completed`, the `job` "
         "event)"
      << (s.runs > 1 ? QStringLiteral(", median of %1 runs").arg(s.runs) : QString())
      << ". Other load: CPUs kept busy by everything else on the machine meanwhile (from /proc/stat); "
         "well above 0 means the run shared the CPUs.\n\n";
    o << row({QStringLiteral("Metric"), QStringLiteral("Batch"), QStringLiteral("Streaming"),
              QStringLiteral("Streaming / Batch")})
      << "\n|---|---|---|---|\n";
    for (const Metric &metric : metrics) {
        const double b = m(B, metric.wall), st = m(S, metric.wall);
        o << row({metric.name, secs(b), secs(st), ratio(st, b)}) << "\n";
    }
    o << row({QStringLiteral("Process exit"), secs(m(B, wall)), secs(m(S, wall)),
              ratio(m(S, wall), m(B, wall))})
      << "\n";
    o << row({QStringLiteral("Peak RSS"), mib(m(B, rss)), mib(m(S, rss)), ratio(m(S, rss), m(B, rss))})
      << "\n";
    o << row({QStringLiteral("CPU (user+sys)"), secs(m(B, cpu)), secs(m(S, cpu)),
              ratio(m(S, cpu), m(B, cpu))})
      << "\n";
    o << row({QStringLiteral("CPU / wall (cores busy)"), ratio(m(B, cpuPerWall), 1),
              ratio(m(S, cpuPerWall), 1), QString()})
      << "\n";
    auto otherLoad = [](const CR &r) { return r.child.otherLoad(); };
    o << row({QStringLiteral("Other load meanwhile (cores busy)"), ratio(m(B, otherLoad), 1),
              ratio(m(S, otherLoad), 1), QString()})
      << "\n";
    auto pagesChanges = [&m](const QString &mode) {
        const double pages = m(mode, [](const CR &r) { return double(r.pages); });
        const double changes = m(mode, [](const CR &r) { return double(r.changes); });
        return has(pages) && has(changes) ? QStringLiteral("%1 / %2").arg(pages).arg(changes)
                                          : QStringLiteral("n/a");
    };
    o << row({QStringLiteral("Sheet pairs / changes found"), pagesChanges(B), pagesChanges(S), QString()})
      << "\n\n";
    o << "Engine clock (`t_ms` of the same events: from the job's start, after the CLI opened and "
         "checked both sets):\n\n";
    o << row({QStringLiteral("Metric (t_ms)"), QStringLiteral("Batch"), QStringLiteral("Streaming"),
              QStringLiteral("Streaming / Batch")})
      << "\n|---|---|---|---|\n";
    for (const Metric &metric : metrics) {
        const double b = m(B, metric.engine), st = m(S, metric.engine);
        o << row({metric.name, secs(b), secs(st), ratio(st, b)}) << "\n";
    }
    o << "\n";
    o << "Batch publishes a stage's results together once every page has been through it (each is "
         "committed to the history as it finishes). Inside the batch run the first OCR stage finished at "
      << secs(m(B, [](const CR &r) { return r.tFirstOcrFinished; })) << " and the first diff at "
      << secs(m(B, [](const CR &r) { return r.tFirstDiffFinished; }))
      << " (t_ms); streaming publishes each at once.\n\n";

    const int floorPages = pageSource ? int(pageSource->pages.size()) : 0;
    o << "Render-only floor (both sets, " << floorPages
      << " pages, rendered once each, as many at once as there are render helpers): " << secs(floorMs)
      << " from spawn to the last render (both sets open " << secs(floorOpenMs) << " after main(), renders "
      << secs(floorRenderMs) << ", process exit " << secs(floorExit) << "), peak RSS " << mib(floorRss)
      << ", CPU " << secs(floorCpu) << ", other load meanwhile "
      << ratio(medianOf<RenderRun>(renders, [](const RenderRun &r) { return r.child.otherLoad(); }), 1)
      << " cores\n";
    o << "Streaming all-results / render-only floor: " << ratio(m(S, metrics[4].wall), floorMs) << "\n";
    o << "Batch all-results / render-only floor: " << ratio(m(B, metrics[4].wall), floorMs) << "\n\n";

    // comparepdf.
    double toolWall = kNone, toolRss = kNone, toolCpu = kNone;
    if (s.comparePdf) {
        toolWall = medianOf<ToolRun>(tools, [](const ToolRun &r) { return r.child.wallMs; });
        toolRss = medianOf<ToolRun>(tools, [](const ToolRun &r) { return r.child.maxRssMiB; });
        toolCpu = medianOf<ToolRun>(tools, [](const ToolRun &r) { return r.child.cpuS() * 1000; });
        o << "## buildtrace vs comparepdf\n\n";
        o << row({QString(), QStringLiteral("buildtrace streaming"), QStringLiteral("comparepdf -c a"),
                  QStringLiteral("buildtrace / comparepdf")})
          << "\n|---|---|---|---|\n";
        o << row({QStringLiteral("All results (wall; comparepdf: process exit)"), secs(m(S, metrics[4].wall)),
                  secs(toolWall), ratio(m(S, metrics[4].wall), toolWall)})
          << "\n";
        o << row({QStringLiteral("Process exit"), secs(m(S, wall)), secs(toolWall),
                  ratio(m(S, wall), toolWall)})
          << "\n";
        o << row({QStringLiteral("Peak RSS"), mib(m(S, rss)), mib(toolRss), ratio(m(S, rss), toolRss)})
          << "\n";
        o << row({QStringLiteral("CPU (user+sys)"), secs(m(S, cpu)), secs(toolCpu),
                  ratio(m(S, cpu), toolCpu)})
          << "\n\n";
        QStringList outcomes;
        for (const ToolRun &t : tools)
            outcomes << QStringLiteral("exit %1 (%2)").arg(t.child.exitCode).arg(t.meaning);
        outcomes.removeDuplicates();
        o << "comparepdf: " << outcomes.join(QStringLiteral(", "))
          << ". Exit codes per its --help: 0 no differences, 1 or 2 error, 10 differ visually, "
             "13 differ textually, 15 different page counts. comparepdf 1.0.1 renders each page pair "
             "with poppler's default 72 DPI (renderToImage() without arguments), on one thread, "
             "compares the two images for equality and stops at the first differing page. "
             "buildtrace renders at "
          << dpiText << " DPI, aligns, locates and describes the changes and writes overlays.\n\n";
        o << "Other load meanwhile (cores busy): buildtrace streaming "
          << ratio(m(S, [](const CR &r) { return r.child.otherLoad(); }), 1) << ", comparepdf "
          << ratio(medianOf<ToolRun>(tools, [](const ToolRun &r) { return r.child.otherLoad(); }), 1)
          << "\n\n";
    }

    // Acceptance checks.
    QJsonArray checks;
    const bool barsApply = s.generated && s.sheets == 3 && qFuzzyCompare(s.dpi, 220.0);
    o << "## Acceptance checks (informational)\n\n";
    auto check = [&](const QString &name, double value, double limit, const QString &detail) {
        const bool known = has(value) && has(limit);
        const QString verdict = !known           ? QStringLiteral("N/A ")
                                : value <= limit ? QStringLiteral("PASS")
                                                 : QStringLiteral("FAIL");
        o << "- " << verdict << " " << name << ": " << detail << "\n";
        checks.append(QJsonObject{{QStringLiteral("check"), name},
                                  {QStringLiteral("value"), num(value)},
                                  {QStringLiteral("limit"), num(limit)},
                                  {QStringLiteral("result"), verdict.trimmed()}});
    };
    {
        const double st = m(S, metrics[2].wall), b = m(B, metrics[2].wall);
        check(QStringLiteral("streaming first overlay <= 0.5 x batch first overlay"), st,
              has(b) ? 0.5 * b : kNone,
              QStringLiteral("%1 vs 0.5 x %2 (ratio %3)").arg(secs(st), secs(b), ratio(st, b)));
        const double all = m(S, metrics[4].wall);
        check(QStringLiteral("streaming all results <= 1.5 x render-only floor"), all,
              has(floorMs) ? 1.5 * floorMs : kNone,
              QStringLiteral("%1 vs 1.5 x %2 (ratio %3)").arg(secs(all), secs(floorMs), ratio(all, floorMs)));
        for (const QString &mode : {S, B})
            check(QStringLiteral("%1 peak RSS <= 1.5 GB").arg(mode), m(mode, rss), kRssBarMiB,
                  QStringLiteral("%1 vs %2 (1.5e9 bytes)").arg(mib(m(mode, rss)), mib(kRssBarMiB)));
    }
    if (!barsApply)
        o << "\n(The bars are set for the generated 3-sheet ARCH D set at 220 DPI; on this input they are "
             "informational only.)\n";
    o << "\nPeak RSS: of each measured process and its render helpers, added up (each one's VmHWM as the "
         "process reports it at its end; without helpers, ru_maxrss reported by buildtrace-bench-spawn, "
         "which "
         "starts it, so the bench's own "
      << mib(selfMaxRssMiB())
      << " don't leak into it; see spawnhelper.cpp). CPU: its ru_utime + ru_stime, with the helpers it "
         "reaped.\n";
    if (s.keep) o << "Temporary files kept in " << tmp.path() << "\n";

    QStringList problems;
    for (const RenderRun &r : renders)
        if (!r.ok) problems << QStringLiteral("render-only: ") + r.problem;
    for (const QString &mode : modes)
        for (const CompareRun &r : compares.value(mode))
            if (!r.ok) problems << mode + QStringLiteral(": ") + r.problem;
    for (const ToolRun &r : tools)
        if (!r.ok) problems << QStringLiteral("comparepdf: ") + r.meaning;
    if (!problems.isEmpty()) {
        o << "\n## Runs that failed (left out of the medians)\n\n";
        for (const QString &p : problems)
            o << "- " << p << "\n";
    }
    o.flush();

    if (!s.jsonPath.isEmpty()) {
        auto runsJson = [](const auto &runs) {
            QJsonArray a;
            for (const auto &r : runs)
                a.append(r.toJson());
            return a;
        };
        QJsonObject medians;
        for (const QString &mode : modes) {
            QJsonObject wallMs, engineMs;
            for (const Metric &metric : metrics) {
                wallMs.insert(metric.key, num(m(mode, metric.wall)));
                engineMs.insert(metric.key, num(m(mode, metric.engine)));
            }
            medians.insert(mode, QJsonObject{{QStringLiteral("wall_ms"), wallMs},
                                             {QStringLiteral("engine_t_ms"), engineMs},
                                             {QStringLiteral("process_exit_ms"), num(m(mode, wall))},
                                             {QStringLiteral("peak_rss_mib"), num(m(mode, rss))},
                                             {QStringLiteral("cpu_ms"), num(m(mode, cpu))}});
        }
        medians.insert(QStringLiteral("render_only"),
                       QJsonObject{{QStringLiteral("floor_wall_ms"), num(floorMs)},
                                   {QStringLiteral("open_ms"), num(floorOpenMs)},
                                   {QStringLiteral("render_ms"), num(floorRenderMs)},
                                   {QStringLiteral("process_exit_ms"), num(floorExit)},
                                   {QStringLiteral("peak_rss_mib"), num(floorRss)},
                                   {QStringLiteral("cpu_ms"), num(floorCpu)}});
        if (s.comparePdf)
            medians.insert(QStringLiteral("comparepdf"),
                           QJsonObject{{QStringLiteral("wall_ms"), num(toolWall)},
                                       {QStringLiteral("peak_rss_mib"), num(toolRss)},
                                       {QStringLiteral("cpu_ms"), num(toolCpu)}});
        const QJsonObject doc{
            {QStringLiteral("machine"),
             QJsonObject{{QStringLiteral("cpus"), cpusAvailable()},
                         {QStringLiteral("cpu_model"),
                          readFirst(QStringLiteral("/proc/cpuinfo"), QStringLiteral("model name"))
                              .section(QLatin1Char(':'), 1)
                              .trimmed()},
                         {QStringLiteral("load_start"), loadStart},
                         {QStringLiteral("load_end"), loadEnd}}},
            {QStringLiteral("input"), QJsonObject{{QStringLiteral("old"), s.oldPath},
                                                  {QStringLiteral("new"), s.newPath},
                                                  {QStringLiteral("generated"), s.generated},
                                                  {QStringLiteral("generated_sheets"), generatedSheets}}},
            {QStringLiteral("dpi"), s.dpi},
            {QStringLiteral("runs"), s.runs},
            {QStringLiteral("cli"), s.cli},
            {QStringLiteral("bench_peak_rss_mib"), selfMaxRssMiB()},
            {QStringLiteral("median"), medians},
            {QStringLiteral("checks"), checks},
            {QStringLiteral("acceptance_bars_apply"), barsApply},
            {QStringLiteral("render_only"), runsJson(renders)},
            {QStringLiteral("streaming"), runsJson(compares.value(S))},
            {QStringLiteral("batch"), runsJson(compares.value(B))},
            {QStringLiteral("comparepdf"), runsJson(tools)},
        };
        QString e;
        if (!writeOutputFile(s.jsonPath, QJsonDocument(doc).toJson(QJsonDocument::Indented), &e)) {
            progress() << "buildtrace-bench: cannot write " << s.jsonPath << ": " << e << Qt::endl;
            failed = true;
        }
    }
    return failed ? 2 : 0;
}

bool childMode(int argc, char *argv[]) {
    for (int i = 1; i < argc; ++i)
        if (!strcmp(argv[i], "--render-only") || !strcmp(argv[i], "--generate") ||
            !strcmp(argv[i], "--diff-steps") || !strcmp(argv[i], "--pixel-diff"))
            return true;
    return false;
}

} // namespace
} // namespace bt::bench

int main(int argc, char *argv[]) {
    using namespace bt::bench;
    QElapsedTimer clock;
    clock.start();
    // The parent stays a small QCoreApplication: its peak RSS is a floor under the children's.
    // The child modes draw (generator) and render, which needs a GUI application (offscreen).
    std::unique_ptr<QCoreApplication> app;
    if (childMode(argc, argv)) {
        // The render-only floor renders as the product does, allocator included (app/main.cpp).
        bt::configureAllocatorForPages();
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Measures buildtrace compare in streaming and batch mode on the same input: time to the first OCR "
        "result, first overlay, first summary and all results, peak RSS and CPU, next to the render-only "
        "floor (both sets rendered once) and optionally comparepdf. Without --old/--new it generates a "
        "vector ARCH D set pair with known edits."));
    parser.addHelpOption();
    const QCommandLineOption sheetsOpt(QStringLiteral("sheets"),
                                       QStringLiteral("Sheets to generate (default 3)."), QStringLiteral("N"),
                                       QStringLiteral("3"));
    const QCommandLineOption dpiOpt(QStringLiteral("dpi"), QStringLiteral("Render resolution (default 220)."),
                                    QStringLiteral("DPI"), QStringLiteral("220"));
    const QCommandLineOption oldOpt(QStringLiteral("old"),
                                    QStringLiteral("OLD set (with --new) instead of generating."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption newOpt(QStringLiteral("new"), QStringLiteral("NEW set (with --old)."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption comparePdfOpt(
        QStringLiteral("comparepdf"),
        QStringLiteral("Also time `comparepdf -c a OLD NEW` (wall, peak RSS)."));
    const QCommandLineOption runsOpt(
        QStringLiteral("runs"),
        QStringLiteral("Repeat each measurement N times, report medians (default 1)."), QStringLiteral("N"),
        QStringLiteral("1"));
    const QCommandLineOption keepOpt(
        QStringLiteral("keep"),
        QStringLiteral("Keep the temporary folder (generated sets, histories, overlays)."));
    const QCommandLineOption jsonOpt(
        QStringLiteral("json"), QStringLiteral("Write the results as JSON to FILE."), QStringLiteral("FILE"));
    const QCommandLineOption cliOpt(
        QStringLiteral("cli"),
        QStringLiteral("The buildtrace executable (default: the one built with this bench)."),
        QStringLiteral("PATH"), QStringLiteral(BT_CLI_PATH));
    const QCommandLineOption timeoutOpt(
        QStringLiteral("timeout"),
        QStringLiteral("Kill a child still running after SEC seconds (default 1800)."), QStringLiteral("SEC"),
        QStringLiteral("1800"));
    // Child modes (the bench runs itself).
    const QCommandLineOption renderOnlyOpt(
        QStringLiteral("render-only"), QStringLiteral("Child mode: open OLD NEW, render every page once."));
    const QCommandLineOption pixelDiffOpt(
        QStringLiteral("pixel-diff"),
        QStringLiteral(
            "Instead of the benchmark: the strict pixel diff of OLD NEW (pages by index, no alignment, "
            "100 DPI unless --dpi) as a result JSON into --json FILE, for the scorer."));
    const QCommandLineOption generateOpt(QStringLiteral("generate"),
                                         QStringLiteral("Child mode: write DIR/old.pdf and DIR/new.pdf."),
                                         QStringLiteral("DIR"));
    const QCommandLineOption diffJobsOpt(QStringLiteral("diff-jobs"),
                                         QStringLiteral("Sheets the compared CLI diffs at once (default 1)."),
                                         QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption diffStepsOpt(
        QStringLiteral("diff-steps"),
        QStringLiteral(
            "Instead of the benchmark: CPU time of each step of the diff stage (align, warp, detect, "
            "overlay, PNG), per sheet, median of --runs, measured in this process."));
    parser.addOptions({pixelDiffOpt, sheetsOpt, dpiOpt, oldOpt, newOpt, comparePdfOpt, runsOpt, keepOpt,
                       jsonOpt, cliOpt, timeoutOpt, renderOnlyOpt, generateOpt, diffJobsOpt, diffStepsOpt});
    parser.addPositionalArgument(QStringLiteral("[OLD NEW]"), QStringLiteral("With --render-only."));
    parser.process(*app);

    auto fail = [](const QString &message) {
        progress() << "buildtrace-bench: " << message << Qt::endl;
        return 2;
    };
    auto number = [&](const QCommandLineOption &opt, double lo, double hi, double *value) {
        bool ok = false;
        *value = parser.value(opt).toDouble(&ok);
        return ok && *value >= lo && *value <= hi;
    };
    double dpi = 0, sheets = 0, runs = 0, timeout = 0, diffJobs = 0;
    if (!number(diffJobsOpt, 1, 16, &diffJobs) || diffJobs != std::floor(diffJobs))
        return fail(QStringLiteral("--diff-jobs must be a whole number from 1 to 16"));
    if (!number(dpiOpt, 30, 1200, &dpi))
        return fail(QStringLiteral("--dpi must be a number from 30 to 1200"));
    if (!number(sheetsOpt, 1, 50, &sheets) || sheets != std::floor(sheets))
        return fail(QStringLiteral("--sheets must be a whole number from 1 to 50"));
    if (!number(runsOpt, 1, 100, &runs) || runs != std::floor(runs))
        return fail(QStringLiteral("--runs must be a whole number from 1 to 100"));
    if (!number(timeoutOpt, 1, 86400, &timeout))
        return fail(QStringLiteral("--timeout must be 1 to 86400 seconds"));

    if (parser.isSet(generateOpt)) return runGenerate(parser.value(generateOpt), int(sheets));
    if (parser.isSet(pixelDiffOpt)) {
        const QStringList files = parser.positionalArguments();
        if (files.size() != 2 || !parser.isSet(jsonOpt))
            return fail(QStringLiteral("--pixel-diff needs OLD NEW and --json FILE"));
        const QJsonObject result = strictPixelDiff(files[0], files[1], parser.isSet(dpiOpt) ? dpi : 100);
        if (result.contains(QStringLiteral("error")))
            return fail(result.value(QStringLiteral("error")).toString());
        QString e;
        if (!bt::writeOutputFile(parser.value(jsonOpt), QJsonDocument(result).toJson(), &e)) return fail(e);
        return 0;
    }
    if (parser.isSet(renderOnlyOpt)) {
        const QStringList files = parser.positionalArguments();
        if (files.size() != 2) return fail(QStringLiteral("--render-only needs OLD and NEW"));
        return runRenderOnly(files[0], files[1], dpi, clock);
    }
    if (!parser.positionalArguments().isEmpty())
        return fail(QStringLiteral("unexpected arguments (use --old FILE --new FILE)"));
    if (parser.isSet(diffStepsOpt)) {
        if (parser.isSet(oldOpt) != parser.isSet(newOpt))
            return fail(QStringLiteral("--old and --new go together"));
        return runDiffSteps(parser.value(oldOpt), parser.value(newOpt), dpi, int(sheets), int(runs),
                            parser.isSet(keepOpt));
    }

    Settings s;
    s.cli = QFileInfo(parser.value(cliOpt)).absoluteFilePath();
    s.self = QCoreApplication::applicationFilePath();
    s.dpi = dpi;
    s.sheets = int(sheets);
    s.runs = int(runs);
    s.diffJobs = int(diffJobs);
    s.timeoutS = timeout;
    s.comparePdf = parser.isSet(comparePdfOpt);
    s.keep = parser.isSet(keepOpt);
    s.jsonPath = parser.value(jsonOpt);
    if (parser.isSet(oldOpt) != parser.isSet(newOpt))
        return fail(QStringLiteral("--old and --new go together"));
    if (parser.isSet(oldOpt)) {
        s.generated = false;
        s.oldPath = QFileInfo(parser.value(oldOpt)).absoluteFilePath();
        s.newPath = QFileInfo(parser.value(newOpt)).absoluteFilePath();
        for (const QString &p : {s.oldPath, s.newPath})
            if (!QFileInfo(p).isReadable()) return fail(QStringLiteral("%1: cannot read it").arg(p));
    }
    if (!QFileInfo(s.cli).isExecutable())
        return fail(QStringLiteral("%1: not an executable (--cli)").arg(s.cli));
    return runBenchmark(s);
}
