// The staged pipeline (ocr -> diff -> summary per sheet, committed to the history as each stage
// completes): streaming and batch scheduling, crash resumption, retries into dead letters,
// several processes on one history, reuse of finished jobs and cancellation. In process (class
// Pipeline) and through `buildtrace` (compare --events, resume, retry, progress, dead-letters,
// history).
//
// Sets are kept small for speed: 17 x 11 in sheets at --dpi 100 (ARCH D at --dpi 75 for the
// crash test, which needs a job long enough to be killed in the middle).

#include "compare/resultjson.h"
#include "drawinggenerator.h"
#include "pipeline/pipeline.h"
#include "store/jobstore.h"
#include "testutil.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSet>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimer>
#include <QUrl>
#include <QtTest>

#include <optional>
#include <signal.h>

using namespace bt;
using namespace bt::test;

namespace {

const QSizeF kTabloid(17, 11);
const QSizeF kArchD(36, 24);
constexpr double kDpi = 100;
constexpr double kArchDDpi = 75;       // set C: long enough to be killed in the middle, not longer
constexpr int kLongTimeoutMs = 300000; // a loaded 2-core CI machine
// Jobs of a sheet or two: a job still running after this has hung.
constexpr int kShortTimeoutMs = 60000;

// ---- result JSON ------------------------------------------------------------------------------

QJsonValue normalizedValue(const QString &key, const QJsonValue &v);

// The result without what differs between two runs of the same comparison: ids (job_id and the
// *_id fields), created_at, and the folders of artifacts (their file names stay).
QJsonObject normalized(const QJsonObject &o) {
    QJsonObject out;
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QString key = it.key();
        if (key == QLatin1String("created_at") || key.endsWith(QLatin1String("_id"))) continue;
        out.insert(key, normalizedValue(key, it.value()));
    }
    return out;
}

QJsonValue normalizedValue(const QString &key, const QJsonValue &v) {
    if (v.isString() && key.endsWith(QLatin1String("_url"))) return QUrl(v.toString()).fileName();
    if (v.isString() && key.endsWith(QLatin1String("_path"))) return QFileInfo(v.toString()).fileName();
    if (v.isObject()) return normalized(v.toObject());
    if (v.isArray()) {
        QJsonArray a;
        for (const QJsonValue &x : v.toArray())
            a.append(normalizedValue(key, x));
        return a;
    }
    return v;
}

QString compactText(const QJsonValue &v) {
    if (v.isObject()) return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    if (v.isArray()) return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    return QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact));
}

// Where two JSON values first differ ("" when equal), for failure messages.
QString firstDifference(const QJsonValue &a, const QJsonValue &b,
                        const QString &where = QStringLiteral("$")) {
    if (a.type() != b.type())
        return QStringLiteral("%1: %2 vs %3").arg(where, compactText(a), compactText(b));
    if (a.isObject()) {
        const QJsonObject x = a.toObject(), y = b.toObject();
        QStringList keys = x.keys() + y.keys();
        keys.removeDuplicates();
        for (const QString &k : keys) {
            if (!x.contains(k) || !y.contains(k))
                return QStringLiteral("%1.%2: only in the %3 one")
                    .arg(where, k, x.contains(k) ? "first" : "second");
            const QString d = firstDifference(x.value(k), y.value(k), where + QLatin1Char('.') + k);
            if (!d.isEmpty()) return d;
        }
        return {};
    }
    if (a.isArray()) {
        const QJsonArray x = a.toArray(), y = b.toArray();
        if (x.size() != y.size())
            return QStringLiteral("%1: %2 vs %3 elements").arg(where).arg(x.size()).arg(y.size());
        for (int i = 0; i < x.size(); ++i) {
            const QString d = firstDifference(x[i], y[i], QStringLiteral("%1[%2]").arg(where).arg(i));
            if (!d.isEmpty()) return d;
        }
        return {};
    }
    return a == b ? QString() : QStringLiteral("%1: %2 vs %3").arg(where, compactText(a), compactText(b));
}

QJsonObject pageOf(const QJsonObject &result, int pageNumber) {
    for (const QJsonValue &p : result.value(QStringLiteral("pages")).toArray())
        if (p.toObject().value(QStringLiteral("page_number")).toInt() == pageNumber) return p.toObject();
    return {};
}

QString summaryTextOf(const QJsonObject &page) {
    return page.value(QStringLiteral("summary")).toObject().value(QStringLiteral("summary_text")).toString();
}

// ---- stage events -----------------------------------------------------------------------------

// A stage event as the tests look at it, from the signal or from a line of `--events`.
struct Ev {
    int page = 0;
    QString stage;
    QString status;
    qint64 tMs = 0;
    int attempt = 0;
    bool willRetry = false;
    QJsonObject json;
};

Ev evFrom(const StageEvent &e) {
    const QJsonObject o = e.toJson();
    return {e.pageNumber, stageName(e.stage), stageStatusName(e.status), e.tMs, e.attempt, e.willRetry, o};
}

Ev evFrom(const QJsonObject &o) {
    return {o.value(QStringLiteral("page_number")).toInt(),
            o.value(QStringLiteral("stage")).toString(),
            o.value(QStringLiteral("status")).toString(),
            qint64(o.value(QStringLiteral("t_ms")).toDouble()),
            o.value(QStringLiteral("attempt")).toInt(),
            o.value(QStringLiteral("will_retry")).toBool(),
            o};
}

QString evText(const Ev &e) {
    return QStringLiteral("%1:%2:%3#%4@%5").arg(e.page).arg(e.stage, e.status).arg(e.attempt).arg(e.tMs);
}

QString evsText(const QVector<Ev> &events) {
    QStringList parts;
    for (const Ev &e : events)
        parts << evText(e);
    return parts.join(QLatin1Char(' '));
}

// Every JSON line of a `--events` stdout; lines that are not JSON objects are kept as
// {"unparsed": line} so a test notices them.
QVector<QJsonObject> eventLines(const QByteArray &stdOut) {
    QVector<QJsonObject> out;
    for (const QByteArray &line : stdOut.split('\n')) {
        if (line.trimmed().isEmpty()) continue;
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
        out.append(doc.isObject() ? doc.object()
                                  : QJsonObject{{QStringLiteral("unparsed"), QString::fromUtf8(line)}});
    }
    return out;
}

QVector<Ev> stageEvents(const QVector<QJsonObject> &lines) {
    QVector<Ev> out;
    for (const QJsonObject &o : lines)
        if (o.value(QStringLiteral("event")).toString() == QLatin1String("stage")) out.append(evFrom(o));
    return out;
}

std::optional<QJsonObject> eventOf(const QVector<QJsonObject> &lines, const QString &kind) {
    for (const QJsonObject &o : lines)
        if (o.value(QStringLiteral("event")).toString() == kind) return o;
    return std::nullopt;
}

int indexOf(const QVector<Ev> &events, int page, const QString &stage, const QString &status, int from = 0) {
    for (int i = from; i < events.size(); ++i)
        if (events[i].page == page && events[i].stage == stage && events[i].status == status) return i;
    return -1;
}

int count(const QVector<Ev> &events, int page, const QString &stage, const QString &status) {
    return int(std::count_if(events.begin(), events.end(), [&](const Ev &e) {
        return e.page == page && e.stage == stage && e.status == status;
    }));
}

const QStringList &stageNames() {
    static const QStringList names = {QStringLiteral("ocr"), QStringLiteral("diff"),
                                      QStringLiteral("summary")};
    return names;
}

// ---- processes --------------------------------------------------------------------------------

// The environment runCli gives the CLI, for processes a test drives itself.
QProcessEnvironment cliEnvironment() {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("OMP_THREAD_LIMIT"), QStringLiteral("1"));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtimeDir());
    env.remove(QStringLiteral("PAGE_EXTRACTION_DPI"));
    env.remove(QStringLiteral("BUILDTRACE_INJECT_FAULT"));
    env.remove(QStringLiteral("BUILDTRACE_DB")); // every call here names its --db
    return env;
}

QString processText(QProcess &p, const QByteArray &stdOut) {
    return QStringLiteral("exit %1 (%2), stderr: <<%3>>, stdout: <<%4>>")
        .arg(p.exitCode())
        .arg(p.exitStatus() == QProcess::NormalExit ? QStringLiteral("normal") : QStringLiteral("crash"))
        .arg(QString::fromUtf8(p.readAllStandardError()).right(1500), QString::fromUtf8(stdOut.right(1500)));
}

// A finished in-process job.
struct Run {
    QString jobId;
    QString status;
    bool finished = false;
    int totalPages = -1;
    QVector<Ev> events;
    ComparisonResult result;
    QJsonObject json;
};

} // namespace

class TestPipeline : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QElapsedTimer m_timer;
    int m_dbCount = 0;

    // Set A (17 x 11 in, 4 sheets, all matched): edited, A-102 and A-104 not.
    QString m_oldA, m_newA;
    // Set B (17 x 11 in, 3 sheets, all matched): other drawings, B-201 edited.
    QString m_oldB, m_newB;
    // Set C (ARCH D, 4 sheets, all matched): for the crash, a job that takes a while.
    QString m_oldC, m_newC;
    // Set D (17 x 11 in): D-101 and D-102, NEW adds D-103.
    QString m_oldD, m_newD;

    // Set A through the CLI in streaming mode, its own history; kept for the tests that compare
    // with an uninterrupted run.
    std::optional<CliRun> m_cliStreaming;
    QString m_cliStreamingDb;

    QString path(const QString &name) const { return m_dir.filePath(name); }
    QString newDb(const QString &what) {
        return path(QStringLiteral("db-%1-%2/history.sqlite").arg(what).arg(++m_dbCount));
    }

    static CompareSettings settings() {
        CompareSettings s;
        s.dpi = kDpi;
        return s;
    }

    QStringList compareArgs(const QString &oldPath, const QString &newPath, const QString &db,
                            double dpi = kDpi) const {
        return {QStringLiteral("compare"), oldPath, newPath, QStringLiteral("--dpi"), QString::number(dpi),
                QStringLiteral("--db"),    db};
    }

    // Runs a job on a pipeline until it finishes, recording its stage events. A job still running
    // after timeoutMs is cancelled (status "cancelled").
    Run runPipeline(Pipeline &pipeline, const std::function<bool(QString *)> &start,
                    int timeoutMs = kLongTimeoutMs) {
        Run run;
        QMetaObject::Connection a = connect(&pipeline, &Pipeline::stageChanged,
                                            [&run](const StageEvent &e) { run.events.append(evFrom(e)); });
        QMetaObject::Connection b = connect(&pipeline, &Pipeline::sheetsMatched,
                                            [&run](const QString &, int total) { run.totalPages = total; });
        QMetaObject::Connection c =
            connect(&pipeline, &Pipeline::jobFinished, [&run](const QString &id, JobStatus status, qint64) {
                run.jobId = id;
                run.status = jobStatusName(status);
                run.finished = true;
            });
        QString error;
        if (start(&error)) {
            // waitForFinished() has no timeout: a watchdog cancels a job that hangs.
            QTimer watchdog;
            watchdog.setSingleShot(true);
            connect(&watchdog, &QTimer::timeout, &pipeline, [&pipeline, timeoutMs] {
                qWarning("job still running after %d ms: cancelled", timeoutMs);
                pipeline.cancel();
            });
            watchdog.start(timeoutMs);
            pipeline.waitForFinished();
        } else {
            qWarning("cannot start the job: %s", qPrintable(error));
        }
        disconnect(a);
        disconnect(b);
        disconnect(c);
        run.result = pipeline.result();
        run.json = comparisonToJson(run.result);
        return run;
    }

    Run startJob(JobStore &store, const QString &oldPath, const QString &newPath,
                 const PipelineOptions &options) {
        Pipeline pipeline(&store);
        return runPipeline(pipeline, [&](QString *error) {
            return pipeline.start(oldPath, newPath, settings(), options, error);
        });
    }

    const CliRun &cliStreaming() {
        if (!m_cliStreaming) {
            m_cliStreamingDb = newDb(QStringLiteral("streaming"));
            const QString json = path(QStringLiteral("cli-streaming.json"));
            m_cliStreaming =
                runCli(compareArgs(m_oldA, m_newA, m_cliStreamingDb) +
                           QStringList{QStringLiteral("--mode"), QStringLiteral("streaming"),
                                       QStringLiteral("--events"), QStringLiteral("--json"), json},
                       json, {}, kLongTimeoutMs);
        }
        return *m_cliStreaming;
    }

    // A set of 17 x 11 in sheets with these drawing numbers, written once. A number is the same
    // drawing in every set (its seed follows the number), and no two numbers look alike.
    QString sheetSet(const QStringList &numbers) {
        static const QStringList known = {QStringLiteral("H-101"), QStringLiteral("H-102"),
                                          QStringLiteral("H-103"), QStringLiteral("N-201"),
                                          QStringLiteral("N-202"), QStringLiteral("P-301")};
        const QString file = path(QStringLiteral("set-%1.pdf").arg(numbers.join(QLatin1Char('_'))));
        if (QFileInfo::exists(file)) return file;
        QVector<SheetSpec> specs;
        for (const QString &n : numbers) {
            Q_ASSERT(known.contains(n));
            specs.append(makeSheet(n, QStringLiteral("PLAN ") + n, 300 + int(known.indexOf(n)), kTabloid));
        }
        return writeVectorSet(file, specs).size() == specs.size() ? file : QString();
    }

    static QString badInput(const QString &name) {
        return QDir(QStringLiteral(BT_SHARED_DIR "/badinput")).filePath(name);
    }

    static int countMatch(const ComparisonResult &result, MatchKind kind) {
        return int(std::count_if(result.pages.begin(), result.pages.end(),
                                 [kind](const PageResult &p) { return p.match == kind; }));
    }

    // The job ended with every stage of every page terminal, in the signals and in the history.
    void checkEveryStageEnded(const JobStore &store, const Run &run) {
        const int pages = int(run.result.pages.size());
        QCOMPARE(run.totalPages, pages);
        QCOMPARE(jobStatusName(store.job(run.jobId)->status), run.status);
        QCOMPARE(store.stages(run.jobId).size(), 3 * pages);
        for (const StageRecord &s : store.stages(run.jobId))
            QVERIFY2(isFinished(s.status),
                     qPrintable(QStringLiteral("page %1 %2: %3")
                                    .arg(s.pageNumber)
                                    .arg(stageName(s.stage), stageStatusName(s.status))));
        for (int page = 1; page <= pages; ++page) {
            QCOMPARE(count(run.events, page, QStringLiteral("summary"), QStringLiteral("completed")), 1);
            QVERIFY2(!store.summary(run.jobId, page).value_or(QString()).isEmpty(),
                     qPrintable(QString::number(page)));
        }
    }

    // Page numbers 1..n each went ocr -> diff -> summary, each stage in_progress then completed.
    void checkStageOrderPerPage(const QVector<Ev> &events, int pages) {
        for (int page = 1; page <= pages; ++page) {
            QVector<Ev> mine;
            for (const Ev &e : events)
                if (e.page == page) mine.append(e);
            QStringList expected;
            for (const QString &stage : stageNames())
                expected << QStringLiteral("%1:%2:in_progress").arg(page).arg(stage)
                         << QStringLiteral("%1:%2:completed").arg(page).arg(stage);
            QStringList actual;
            for (const Ev &e : mine)
                actual << QStringLiteral("%1:%2:%3").arg(e.page).arg(e.stage, e.status);
            QVERIFY2(actual == expected,
                     qPrintable(QStringLiteral("page %1: %2").arg(page).arg(actual.join(' '))));
        }
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_dir.setAutoRemove(!qEnvironmentVariableIsSet("BT_KEEP_TEST_FILES"));
        if (!m_dir.autoRemove()) qInfo("files kept in %s", qPrintable(m_dir.path()));
        QVERIFY2(QFileInfo(QStringLiteral(BT_CLI_PATH)).isExecutable(), BT_CLI_PATH);
        qunsetenv("BUILDTRACE_INJECT_FAULT");

        auto edited = [](SheetSpec s, int variant) {
            const QStringList rooms = roomNames(s);
            s.extraNotes << QStringLiteral("VERIFY ALL DIMENSIONS IN FIELD BEFORE ORDERING MATERIALS.");
            if (!rooms.isEmpty())
                s.roomRenames.insert(rooms.value(variant % rooms.size()), QStringLiteral("QUIET STUDY"));
            s.revision = QStringLiteral("REV 2");
            return s;
        };

        const QVector<SheetSpec> baseA = {
            makeSheet(QStringLiteral("A-101"), QStringLiteral("FIRST FLOOR PLAN"), 71, kTabloid),
            makeSheet(QStringLiteral("A-102"), QStringLiteral("SECOND FLOOR PLAN"), 72, kTabloid),
            makeSheet(QStringLiteral("A-103"), QStringLiteral("THIRD FLOOR PLAN"), 73, kTabloid),
            makeSheet(QStringLiteral("A-104"), QStringLiteral("ROOF PLAN"), 74, kTabloid)};
        const QVector<SheetSpec> newA = {edited(baseA[0], 1), baseA[1], edited(baseA[2], 2), baseA[3]};
        m_oldA = path(QStringLiteral("a-old.pdf"));
        m_newA = path(QStringLiteral("a-new.pdf"));
        QCOMPARE(writeVectorSet(m_oldA, baseA).size(), 4);
        QCOMPARE(writeVectorSet(m_newA, newA).size(), 4);

        const QVector<SheetSpec> baseB = {
            makeSheet(QStringLiteral("B-201"), QStringLiteral("SITE PLAN"), 81, kTabloid),
            makeSheet(QStringLiteral("B-202"), QStringLiteral("LEVEL 2 PLAN"), 82, kTabloid),
            makeSheet(QStringLiteral("B-203"), QStringLiteral("LEVEL 3 PLAN"), 83, kTabloid)};
        const QVector<SheetSpec> newB = {edited(baseB[0], 0), baseB[1], baseB[2]};
        m_oldB = path(QStringLiteral("b-old.pdf"));
        m_newB = path(QStringLiteral("b-new.pdf"));
        QCOMPARE(writeVectorSet(m_oldB, baseB).size(), 3);
        QCOMPARE(writeVectorSet(m_newB, newB).size(), 3);

        const QVector<SheetSpec> baseC = {
            makeSheet(QStringLiteral("C-101"), QStringLiteral("FIRST FLOOR PLAN"), 91, kArchD),
            makeSheet(QStringLiteral("C-102"), QStringLiteral("SECOND FLOOR PLAN"), 92, kArchD),
            makeSheet(QStringLiteral("C-103"), QStringLiteral("THIRD FLOOR PLAN"), 93, kArchD),
            makeSheet(QStringLiteral("C-104"), QStringLiteral("FOURTH FLOOR PLAN"), 94, kArchD)};
        const QVector<SheetSpec> newC = {edited(baseC[0], 1), baseC[1], edited(baseC[2], 3),
                                         edited(baseC[3], 0)};
        m_oldC = path(QStringLiteral("c-old.pdf"));
        m_newC = path(QStringLiteral("c-new.pdf"));
        QCOMPARE(writeVectorSet(m_oldC, baseC).size(), 4);
        QCOMPARE(writeVectorSet(m_newC, newC).size(), 4);

        const SheetSpec d101 =
            makeSheet(QStringLiteral("D-101"), QStringLiteral("FIRST FLOOR PLAN"), 101, kTabloid);
        const SheetSpec d102 =
            makeSheet(QStringLiteral("D-102"), QStringLiteral("SECOND FLOOR PLAN"), 102, kTabloid);
        const SheetSpec d103 = makeSheet(QStringLiteral("D-103"), QStringLiteral("ROOF PLAN"), 103, kTabloid);
        m_oldD = path(QStringLiteral("d-old.pdf"));
        m_newD = path(QStringLiteral("d-new.pdf"));
        QCOMPARE(writeVectorSet(m_oldD, {d101, d102}).size(), 2);
        QCOMPARE(writeVectorSet(m_newD, {d101, d102, d103}).size(), 3);
    }

    void init() { m_timer.start(); }
    void cleanup() { qInfo("%s: %lld ms", QTest::currentTestFunction(), m_timer.elapsed()); }

    // 1. Streaming: a page's next stage starts as soon as its previous one completed, so the first
    // sheet's summary is there before the last sheet is diffed.
    void streamingOrder() {
        JobStore store(newDb(QStringLiteral("stream")));
        QString error;
        QVERIFY2(store.open(&error), qPrintable(error));
        PipelineOptions options;
        options.mode = PipelineMode::Streaming;
        const Run run = startJob(store, m_oldA, m_newA, options);
        QVERIFY2(run.finished, qPrintable(evsText(run.events)));
        QCOMPARE(run.status, QStringLiteral("completed"));
        QCOMPARE(run.totalPages, 4);
        const QVector<Ev> &ev = run.events;

        const int firstSummary = indexOf(ev, 1, QStringLiteral("summary"), QStringLiteral("completed"));
        const int lastDiff = indexOf(ev, 4, QStringLiteral("diff"), QStringLiteral("completed"));
        QVERIFY2(firstSummary >= 0 && lastDiff >= 0, qPrintable(evsText(ev)));
        QVERIFY2(firstSummary < lastDiff, qPrintable(evsText(ev)));

        checkStageOrderPerPage(ev, 4);
        for (int i = 1; i < ev.size(); ++i)
            QVERIFY2(ev[i].tMs >= ev[i - 1].tMs,
                     qPrintable(QStringLiteral("t_ms goes back at %1: %2").arg(i).arg(evsText(ev))));
        for (const Ev &e : ev) {
            QCOMPARE(e.attempt, 1);
            QCOMPARE(e.json.value(QStringLiteral("job_id")).toString(), run.jobId);
        }
        // Every stage committed to the history, with the results.
        QCOMPARE(store.job(run.jobId)->status, JobStatus::Completed);
        QCOMPARE(store.job(run.jobId)->totalPages, 4);
        QCOMPARE(store.job(run.jobId)->mode, QStringLiteral("streaming"));
        int completedStages = 0;
        for (const StageRecord &s : store.stages(run.jobId))
            completedStages += s.status == StageStatus::Completed;
        QCOMPARE(completedStages, 12);
        for (int page = 1; page <= 4; ++page) {
            QVERIFY(store.diffResult(run.jobId, page).has_value());
            QVERIFY(!store.summary(run.jobId, page).value_or(QString()).isEmpty());
        }
        // What the history gives back is what the pipeline returned.
        const std::optional<ComparisonResult> stored = storedComparison(store, run.jobId);
        QVERIFY(stored.has_value());
        const QString d = firstDifference(comparisonToJson(*stored), run.json);
        QVERIFY2(d.isEmpty(), qPrintable(d));
    }

    // 2. Batch: every page through a stage before any page starts the next; same result as
    // streaming. In process, then through the CLI.
    void batchMode() {
        PipelineOptions streamingOptions;
        streamingOptions.mode = PipelineMode::Streaming;
        PipelineOptions batchOptions;
        batchOptions.mode = PipelineMode::Batch;
        JobStore streamingStore(newDb(QStringLiteral("batch-s")));
        JobStore batchStore(newDb(QStringLiteral("batch-b")));
        QVERIFY(streamingStore.open());
        QVERIFY(batchStore.open());
        const Run streaming = startJob(streamingStore, m_oldA, m_newA, streamingOptions);
        const Run batch = startJob(batchStore, m_oldA, m_newA, batchOptions);
        QCOMPARE(streaming.status, QStringLiteral("completed"));
        QCOMPARE(batch.status, QStringLiteral("completed"));
        QCOMPARE(batchStore.job(batch.jobId)->mode, QStringLiteral("batch"));

        const QVector<Ev> &ev = batch.events;
        checkStageOrderPerPage(ev, 4);
        auto last = [&ev](const QString &stage) {
            int at = -1;
            for (int i = 0; i < ev.size(); ++i)
                if (ev[i].stage == stage) at = i;
            return at;
        };
        auto first = [&ev](const QString &stage) {
            for (int i = 0; i < ev.size(); ++i)
                if (ev[i].stage == stage) return i;
            return -1;
        };
        QVERIFY2(last(QStringLiteral("ocr")) < first(QStringLiteral("diff")), qPrintable(evsText(ev)));
        QVERIFY2(last(QStringLiteral("diff")) < first(QStringLiteral("summary")), qPrintable(evsText(ev)));
        for (int i = 1; i < ev.size(); ++i)
            QVERIFY2(ev[i].tMs >= ev[i - 1].tMs, qPrintable(evsText(ev)));
        // A stage's results are published together, after every page went through it: no
        // completion before the stage's last start, each saying when it really finished.
        for (const QString &stage :
             {QStringLiteral("ocr"), QStringLiteral("diff"), QStringLiteral("summary")}) {
            int lastStart = -1, firstDone = -1;
            for (int i = 0; i < ev.size(); ++i) {
                if (ev[i].stage != stage) continue;
                if (ev[i].status == QLatin1String("in_progress")) lastStart = i;
                if (ev[i].status == QLatin1String("completed")) {
                    if (firstDone < 0) firstDone = i;
                    const qint64 finished = ev[i].json.value(QStringLiteral("finished_t_ms")).toInteger(-1);
                    QVERIFY2(finished >= 0 && finished <= ev[i].tMs, qPrintable(evsText(ev)));
                }
            }
            QVERIFY2(lastStart < firstDone, qPrintable(stage + QLatin1Char('\n') + evsText(ev)));
        }

        QVERIFY(batch.jobId != streaming.jobId);
        const QString d = firstDifference(normalized(streaming.json), normalized(batch.json));
        QVERIFY2(d.isEmpty(), qPrintable(d));

        // The CLI.
        const CliRun &s = cliStreaming();
        QVERIFY2(s.finished && s.exitStatus == QProcess::NormalExit && s.exitCode == 1,
                 qPrintable(describe(s)));
        const QString json = path(QStringLiteral("cli-batch.json"));
        const CliRun b = runCli(compareArgs(m_oldA, m_newA, newDb(QStringLiteral("cli-batch"))) +
                                    QStringList{QStringLiteral("--mode"), QStringLiteral("batch"),
                                                QStringLiteral("--events"), QStringLiteral("--json"), json},
                                json, {}, kLongTimeoutMs);
        QVERIFY2(b.finished && b.exitStatus == QProcess::NormalExit && b.exitCode == 1,
                 qPrintable(describe(b)));
        const QVector<Ev> cliEv = stageEvents(eventLines(b.stdOut));
        QCOMPARE(cliEv.size(), 4 * 6);
        QVERIFY2(std::none_of(cliEv.begin(), cliEv.begin() + 8,
                              [](const Ev &e) { return e.stage != QLatin1String("ocr"); }),
                 qPrintable(evsText(cliEv)));
        QVERIFY2(std::all_of(cliEv.begin() + 16, cliEv.end(),
                             [](const Ev &e) { return e.stage == QLatin1String("summary"); }),
                 qPrintable(evsText(cliEv)));
        QCOMPARE(b.json.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        const QString cd = firstDifference(normalized(s.json), normalized(b.json));
        QVERIFY2(cd.isEmpty(), qPrintable(cd));
        // And the CLI's result is the in-process one.
        const QString pd = firstDifference(normalized(s.json), normalized(streaming.json));
        QVERIFY2(pd.isEmpty(), qPrintable(pd));
    }

    // 3. A killed process: resume runs exactly the stages that were not committed, and the
    // result is the one of an uninterrupted run.
    void crashResume() {
        const QString db = newDb(QStringLiteral("crash"));
        QProcess p;
        p.setProgram(QStringLiteral(BT_CLI_PATH));
        p.setArguments(compareArgs(m_oldC, m_newC, db, kArchDDpi) + QStringList{QStringLiteral("--events")});
        p.setProcessEnvironment(cliEnvironment());
        QByteArray stdOut;
        QVector<QJsonObject> lines;
        bool killed = false;
        bool jobEventBeforeKill = false;
        QEventLoop loop;
        connect(&p, &QProcess::readyReadStandardOutput, &loop, [&] {
            while (p.canReadLine()) {
                const QByteArray line = p.readLine();
                stdOut += line;
                lines += eventLines(line);
                const QJsonObject &o = lines.constLast();
                if (o.value(QStringLiteral("event")).toString() == QLatin1String("job") && !killed)
                    jobEventBeforeKill = true;
                if (!killed && o.value(QStringLiteral("event")).toString() == QLatin1String("stage") &&
                    o.value(QStringLiteral("page_number")).toInt() == 1 &&
                    o.value(QStringLiteral("stage")).toString() == QLatin1String("summary") &&
                    o.value(QStringLiteral("status")).toString() == QLatin1String("completed")) {
                    ::kill(pid_t(p.processId()), SIGKILL);
                    killed = true;
                }
            }
        });
        connect(&p, &QProcess::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(kLongTimeoutMs, &loop, &QEventLoop::quit);
        p.start();
        QVERIFY2(p.waitForStarted(10000), qPrintable(p.errorString()));
        loop.exec();
        if (p.state() != QProcess::NotRunning) {
            p.kill();
            p.waitForFinished(5000);
            QFAIL(qPrintable(QStringLiteral("compare did not finish: ") + processText(p, stdOut)));
        }
        stdOut += p.readAllStandardOutput(); // written before it died
        lines = eventLines(stdOut);
        QVERIFY2(!jobEventBeforeKill, "the job finished before page 1's summary was read: make set C bigger");
        QVERIFY2(killed, qPrintable(processText(p, stdOut)));
        QCOMPARE(p.exitStatus(), QProcess::CrashExit);
        QVERIFY2(!eventOf(lines, QStringLiteral("job")), qPrintable(QString::fromUtf8(stdOut)));
        const std::optional<QJsonObject> sheets = eventOf(lines, QStringLiteral("sheets"));
        QVERIFY(sheets.has_value());
        const QString jobId = sheets->value(QStringLiteral("job_id")).toString();
        QCOMPARE(sheets->value(QStringLiteral("total_pages")).toInt(), 4);
        const QVector<Ev> before = stageEvents(lines);

        // What the history committed: everything the killed run reported completed (and maybe a
        // stage it committed without getting to print it).
        QSet<QString> committed;
        {
            JobStore store(db);
            QVERIFY(store.open());
            QCOMPARE(store.job(jobId)->status, JobStatus::InProgress);
            for (const StageRecord &s : store.stages(jobId))
                if (s.status == StageStatus::Completed)
                    committed << QStringLiteral("%1:%2").arg(s.pageNumber).arg(stageName(s.stage));
            QCOMPARE(store.integrityCheck(), QStringLiteral("ok"));
        }
        for (const Ev &e : before)
            if (e.status == QLatin1String("completed"))
                QVERIFY2(committed.contains(QStringLiteral("%1:%2").arg(e.page).arg(e.stage)),
                         qPrintable(evText(e)));
        for (const QString &stage : stageNames())
            QVERIFY(committed.contains(QStringLiteral("1:") + stage));
        QVERIFY2(committed.size() < 12, "nothing left to resume");
        qInfo("committed before the kill: %s", qPrintable(QStringList(committed.values()).join(' ')));

        // progress: page 1 completed, the job still in progress.
        const CliRun progress =
            runCli({QStringLiteral("progress"), jobId, QStringLiteral("--db"), db}, QStringLiteral("-"));
        QVERIFY2(progress.exitCode == 0, qPrintable(describe(progress)));
        QCOMPARE(progress.json.value(QStringLiteral("status")).toString(), QStringLiteral("in_progress"));
        QCOMPARE(progress.json.value(QStringLiteral("total_pages")).toInt(), 4);
        const QJsonObject page1 = pageOf(progress.json, 1);
        for (const QString &stage : stageNames())
            QCOMPARE(page1.value(stage + QStringLiteral("_status")).toString(), QStringLiteral("completed"));
        QVERIFY(!summaryTextOf(page1).isEmpty());
        QVERIFY(progress.json.value(QStringLiteral("progress"))
                    .toObject()
                    .value(QStringLiteral("summary"))
                    .toObject()
                    .value(QStringLiteral("completed"))
                    .toInt() >= 1);

        // resume
        const QString json = path(QStringLiteral("crash-resumed.json"));
        const CliRun resumed = runCli({QStringLiteral("resume"), jobId, QStringLiteral("--events"),
                                       QStringLiteral("--db"), db, QStringLiteral("--json"), json},
                                      json, {}, kLongTimeoutMs);
        QVERIFY2(resumed.finished && resumed.exitStatus == QProcess::NormalExit && resumed.exitCode == 1,
                 qPrintable(describe(resumed)));
        const QVector<QJsonObject> resumedLines = eventLines(resumed.stdOut);
        const QVector<Ev> after = stageEvents(resumedLines);
        for (int page = 1; page <= 4; ++page)
            for (const QString &stage : stageNames()) {
                const bool done = committed.contains(QStringLiteral("%1:%2").arg(page).arg(stage));
                const int runs = count(after, page, stage, QStringLiteral("in_progress"));
                QVERIFY2(runs == (done ? 0 : 1),
                         qPrintable(QStringLiteral("page %1 %2: %3 executions (%4): %5")
                                        .arg(page)
                                        .arg(stage)
                                        .arg(runs)
                                        .arg(done ? "committed" : "not committed")
                                        .arg(evsText(after))));
                if (!done) QCOMPARE(count(after, page, stage, QStringLiteral("completed")), 1);
            }
        const std::optional<QJsonObject> job = eventOf(resumedLines, QStringLiteral("job"));
        QVERIFY(job.has_value());
        QCOMPARE(job->value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        QCOMPARE(job->value(QStringLiteral("job_id")).toString(), jobId);
        QCOMPARE(resumed.json.value(QStringLiteral("job_id")).toString(), jobId);
        QCOMPARE(resumed.json.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));

        // The same as an uninterrupted run (another history).
        const QString refJson = path(QStringLiteral("crash-reference.json"));
        const CliRun reference =
            runCli(compareArgs(m_oldC, m_newC, newDb(QStringLiteral("crash-ref")), kArchDDpi) +
                       QStringList{QStringLiteral("--quiet"), QStringLiteral("--json"), refJson},
                   refJson, {}, kLongTimeoutMs);
        QVERIFY2(reference.finished && reference.exitCode == 1, qPrintable(describe(reference)));
        const QString d = firstDifference(normalized(reference.json), normalized(resumed.json));
        QVERIFY2(d.isEmpty(), qPrintable(d));
        // show --json reads the same result back from the history.
        const CliRun show =
            runCli({QStringLiteral("show"), jobId, QStringLiteral("--json"), QStringLiteral("--db"), db},
                   QStringLiteral("-"));
        QVERIFY2(show.exitCode == 0, qPrintable(describe(show)));
        const QString sd = firstDifference(show.json, resumed.json);
        QVERIFY2(sd.isEmpty(), qPrintable(sd));
    }

    // 4a. A stage that fails every attempt (in process): retried with backoff, then a dead letter;
    // the other pages complete.
    void deadLetterInProcess() {
        JobStore store(newDb(QStringLiteral("dead-inproc")));
        QVERIFY(store.open());
        PipelineOptions options;
        options.testing.fault = QStringLiteral("diff:2");
        options.retry.backoffMs = 10;
        const Run run = startJob(store, m_oldA, m_newA, options);
        QVERIFY(run.finished);
        QCOMPARE(run.status, QStringLiteral("completed_with_errors"));
        QVector<Ev> diff2;
        for (const Ev &e : run.events)
            if (e.page == 2 && e.stage == QLatin1String("diff")) diff2.append(e);
        QStringList actual, expected;
        for (const Ev &e : diff2)
            actual << QStringLiteral("%1#%2%3").arg(e.status).arg(e.attempt).arg(
                e.status == QLatin1String("failed") ? (e.willRetry ? "+retry" : "-retry") : "");
        for (int attempt = 1; attempt <= 5; ++attempt)
            expected << QStringLiteral("in_progress#%1").arg(attempt)
                     << QStringLiteral("failed#%1%2").arg(attempt).arg(attempt < 5 ? "+retry" : "-retry");
        QCOMPARE(actual, expected);
        for (int page : {1, 3, 4}) {
            QCOMPARE(count(run.events, page, QStringLiteral("diff"), QStringLiteral("completed")), 1);
            QCOMPARE(count(run.events, page, QStringLiteral("diff"), QStringLiteral("in_progress")), 1);
        }
        for (int page = 1; page <= 4; ++page)
            QCOMPARE(count(run.events, page, QStringLiteral("summary"), QStringLiteral("completed")), 1);
        QVERIFY2(run.result.pages.value(1).summaryText.contains(QLatin1String("comparison failed")),
                 qPrintable(run.result.pages.value(1).summaryText));

        const QVector<DeadLetter> letters = store.deadLetters();
        QCOMPARE(letters.size(), 1);
        QCOMPARE(letters[0].jobId, run.jobId);
        QCOMPARE(letters[0].pageNumber, 2);
        QCOMPARE(letters[0].stage, Stage::Diff);
        QCOMPARE(letters[0].attempts, 5);
        QVERIFY(letters[0].error.contains(QLatin1String("injected fault")));
        QCOMPARE(store.job(run.jobId)->status, JobStatus::CompletedWithErrors);
        // A job that finished with a failed page is finished: the history stamps its end.
        QVERIFY(store.job(run.jobId)->finishedAt.isValid());
    }

    // 4a. The stage runner both the pipeline and the job server's worker run: one attempt per
    // call, the retry policy's verdicts, and what a stage given up means for the page's later
    // ones; the OCR stage's renders reach the diff in memory or not at all, to the same result.
    void stageRunner() {
        StageTestingHooks faults;
        faults.fault = QStringLiteral("diff:2");
        const StageRunner runner(RetryPolicy{3, 100}, faults);
        QCOMPARE(runner.afterFailure(1).deadLetter, false);
        QCOMPARE(runner.afterFailure(1).retryInMs, 100);
        QCOMPARE(runner.afterFailure(2).retryInMs, 200);
        QVERIFY(runner.afterFailure(3).deadLetter);
        QVERIFY(!runner.outOfAttempts(3));
        QVERIFY(runner.outOfAttempts(4)); // a worker died holding its third attempt
        QCOMPARE(runner.attemptsToRecord(4), 3);
        QVERIFY(StageRunner::notRunReason(Stage::Diff, Stage::Ocr).contains(QLatin1String("not compared")));
        QVERIFY(StageRunner::notRunReason(Stage::Summary, Stage::Diff).isEmpty());
        QVERIFY(StageRunner::notRunReason(Stage::Summary, Stage::Ocr).isEmpty());

        DocumentError error;
        std::shared_ptr<const Document> oldDoc = Document::open(m_oldA, {}, &error);
        std::shared_ptr<const Document> newDoc = Document::open(m_newA, {}, &error);
        QVERIFY2(oldDoc && newDoc, qPrintable(error.message));
        StageInput in;
        in.jobId = QStringLiteral("runner");
        in.oldDoc = oldDoc;
        in.newDoc = newDoc;
        in.settings = settings();
        in.settings.outputDir = path(QStringLiteral("runner"));
        QVERIFY(QDir().mkpath(in.settings.outputDir));
        in.stage = Stage::Match;
        const StageAttempt matched = runner.run(in, nullptr);
        QVERIFY2(matched.ok(), qPrintable(matched.error));
        QCOMPARE(matched.output.pages.size(), 4);
        in.page = matched.output.pages[0]; // A-101, edited

        in.stage = Stage::Ocr;
        const StageAttempt read = runner.run(in, nullptr);
        QVERIFY(read.ok() && read.output.loaded && !read.output.loaded->isNull());
        QVERIFY(read.output.newWords > 0);
        in.stage = Stage::Diff;
        StageInput diff = in;
        diff.loaded = read.output.loaded;
        const StageAttempt handedOver = runner.run(diff, nullptr);
        QVERIFY2(handedOver.ok(), qPrintable(handedOver.error));
        QVERIFY(!handedOver.output.page.regions.isEmpty());
        QVERIFY(read.output.loaded->isNull()); // the renders were taken, not copied

        // The server's way: the OCR stage reads the text layer only, the diff renders again.
        in.stage = Stage::Ocr;
        in.handoff = RenderHandoff::None;
        const StageAttempt textOnly = runner.run(in, nullptr);
        QVERIFY(textOnly.ok() && !textOnly.output.loaded);
        QCOMPARE(textOnly.output.newWords, read.output.newWords);
        in.stage = Stage::Diff;
        const StageAttempt rendered = runner.run(in, nullptr);
        QVERIFY2(rendered.ok(), qPrintable(rendered.error));
        QCOMPARE(pageResultToJson(rendered.output.page, in.jobId),
                 pageResultToJson(handedOver.output.page, in.jobId));

        in.page = matched.output.pages[1];
        const StageAttempt injected = runner.run(in, nullptr);
        QVERIFY(!injected.ok() && !injected.cancelled);
        QVERIFY2(injected.error.contains(QLatin1String("injected fault")), qPrintable(injected.error));
        const CancelFlag cancelled(true);
        const StageAttempt stopped = runner.run(in, &cancelled);
        QVERIFY(stopped.cancelled && stopped.error.isEmpty() && !stopped.ok());
    }

    // 4b. The same through the CLI, then `retry --page 2` without the fault.
    void deadLetterCliAndRetry() {
        const QString db = newDb(QStringLiteral("dead-cli"));
        const QString json = path(QStringLiteral("dead.json"));
        const CliRun r = runCli(compareArgs(m_oldA, m_newA, db) +
                                    QStringList{QStringLiteral("--events"), QStringLiteral("--json"), json},
                                json, {{QStringLiteral("BUILDTRACE_INJECT_FAULT"), QStringLiteral("diff:2")}},
                                kLongTimeoutMs);
        QVERIFY2(r.finished && r.exitStatus == QProcess::NormalExit, qPrintable(describe(r)));
        QCOMPARE(r.exitCode, 2);
        const QVector<QJsonObject> lines = eventLines(r.stdOut);
        const QVector<Ev> ev = stageEvents(lines);
        QCOMPARE(count(ev, 2, QStringLiteral("diff"), QStringLiteral("in_progress")), 5);
        int retrying = 0, givenUp = 0, attempt = 0;
        for (const Ev &e : ev) {
            if (e.page != 2 || e.stage != QLatin1String("diff")) continue;
            if (e.status == QLatin1String("in_progress")) QCOMPARE(e.attempt, ++attempt);
            if (e.status == QLatin1String("failed")) {
                QCOMPARE(e.attempt, attempt);
                QVERIFY(e.json.contains(QStringLiteral("will_retry")));
                (e.willRetry ? retrying : givenUp)++;
                if (!e.willRetry) QCOMPARE(e.attempt, 5);
            }
        }
        QCOMPARE(retrying, 4);
        QCOMPARE(givenUp, 1);
        for (int page : {1, 3, 4})
            QCOMPARE(count(ev, page, QStringLiteral("diff"), QStringLiteral("completed")), 1);
        for (int page = 1; page <= 4; ++page)
            QCOMPARE(count(ev, page, QStringLiteral("summary"), QStringLiteral("completed")), 1);
        const std::optional<QJsonObject> job = eventOf(lines, QStringLiteral("job"));
        QVERIFY(job.has_value());
        QCOMPARE(job->value(QStringLiteral("status")).toString(), QStringLiteral("completed_with_errors"));
        const QString jobId = job->value(QStringLiteral("job_id")).toString();
        QCOMPARE(r.json.value(QStringLiteral("status")).toString(), QStringLiteral("completed_with_errors"));
        const QJsonObject page2 = pageOf(r.json, 2);
        QVERIFY2(summaryTextOf(page2).contains(QLatin1String("comparison failed")),
                 qPrintable(summaryTextOf(page2)));
        QCOMPARE(page2.value(QStringLiteral("diff_status")).toString(), QStringLiteral("failed"));

        const CliRun letters =
            runCli({QStringLiteral("dead-letters"), QStringLiteral("--json"), QStringLiteral("--db"), db},
                   QStringLiteral("-"));
        QVERIFY2(letters.exitCode == 0, qPrintable(describe(letters)));
        const QJsonArray list = letters.json.value(QStringLiteral("dead_letters")).toArray();
        QCOMPARE(list.size(), 1);
        const QJsonObject letter = list[0].toObject();
        QCOMPARE(letter.value(QStringLiteral("job_id")).toString(), jobId);
        QCOMPARE(letter.value(QStringLiteral("page_number")).toInt(), 2);
        QCOMPARE(letter.value(QStringLiteral("stage")).toString(), QStringLiteral("diff"));
        QCOMPARE(letter.value(QStringLiteral("attempts")).toInt(), 5);
        QCOMPARE(letter.value(QStringLiteral("resolved")).toBool(), false);

        // retry without the fault: page 2 is diffed (once) and summarised again.
        const QString retryJson = path(QStringLiteral("retry.json"));
        const CliRun retry = runCli({QStringLiteral("retry"), jobId, QStringLiteral("--page"),
                                     QStringLiteral("2"), QStringLiteral("--events"), QStringLiteral("--db"),
                                     db, QStringLiteral("--json"), retryJson},
                                    retryJson, {}, kLongTimeoutMs);
        QVERIFY2(retry.finished && retry.exitStatus == QProcess::NormalExit && retry.exitCode == 1,
                 qPrintable(describe(retry)));
        const QVector<QJsonObject> retryLines = eventLines(retry.stdOut);
        const QVector<Ev> retryEv = stageEvents(retryLines);
        QCOMPARE(count(retryEv, 2, QStringLiteral("diff"), QStringLiteral("in_progress")), 1);
        QCOMPARE(count(retryEv, 2, QStringLiteral("diff"), QStringLiteral("completed")), 1);
        for (int page : {1, 3, 4})
            for (const QString &stage : stageNames())
                QCOMPARE(count(retryEv, page, stage, QStringLiteral("in_progress")), 0);
        QCOMPARE(count(retryEv, 2, QStringLiteral("ocr"), QStringLiteral("in_progress")), 0);
        const std::optional<QJsonObject> retried = eventOf(retryLines, QStringLiteral("job"));
        QVERIFY(retried.has_value());
        QCOMPARE(retried->value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        {
            JobStore store(db);
            QVERIFY(store.open());
            QCOMPARE(store.job(jobId)->status, JobStatus::Completed);
            QVERIFY(store.deadLetters().isEmpty());
            const QVector<DeadLetter> all = store.deadLetters(true);
            QCOMPARE(all.size(), 1);
            QVERIFY(all[0].resolvedAt.isValid());
        }
        const CliRun open =
            runCli({QStringLiteral("dead-letters"), QStringLiteral("--json"), QStringLiteral("--db"), db},
                   QStringLiteral("-"));
        QCOMPARE(open.json.value(QStringLiteral("dead_letters")).toArray().size(), 0);
        const CliRun all = runCli({QStringLiteral("dead-letters"), QStringLiteral("--all"),
                                   QStringLiteral("--json"), QStringLiteral("--db"), db},
                                  QStringLiteral("-"));
        QCOMPARE(all.json.value(QStringLiteral("dead_letters")).toArray().size(), 1);
        QCOMPARE(all.json.value(QStringLiteral("dead_letters"))
                     .toArray()[0]
                     .toObject()
                     .value(QStringLiteral("resolved"))
                     .toBool(),
                 true);

        // Page 2 is now what a run without the fault gives, summary included.
        const QJsonObject retried2 = pageOf(retry.json, 2);
        QCOMPARE(retried2.value(QStringLiteral("diff_status")).toString(), QStringLiteral("completed"));
        QVERIFY(!retried2.contains(QStringLiteral("error")));
        const CliRun &reference = cliStreaming();
        QVERIFY2(reference.exitCode == 1, qPrintable(describe(reference)));
        // The summary written when the diff had failed is written again.
        QCOMPARE(count(retryEv, 2, QStringLiteral("summary"), QStringLiteral("in_progress")), 1);
        QVERIFY2(!summaryTextOf(retried2).contains(QLatin1String("failed")),
                 qPrintable(QStringLiteral("page 2 summary after retry: ") + summaryTextOf(retried2)));
        const QString d = firstDifference(normalized(reference.json), normalized(retry.json));
        QVERIFY2(d.isEmpty(), qPrintable(d));
    }

    // 5. Two processes writing one history at the same time.
    void twoProcessesOneDatabase() {
        const QString db = newDb(QStringLiteral("shared"));
        QProcess a, b;
        for (QProcess *p : {&a, &b}) {
            p->setProgram(QStringLiteral(BT_CLI_PATH));
            p->setProcessEnvironment(cliEnvironment());
        }
        a.setArguments(compareArgs(m_oldA, m_newA, db) + QStringList{QStringLiteral("--quiet")});
        b.setArguments(compareArgs(m_oldB, m_newB, db) + QStringList{QStringLiteral("--quiet")});
        a.start();
        b.start();
        QVERIFY(a.waitForStarted(10000));
        QVERIFY(b.waitForStarted(10000));
        const bool aDone = a.waitForFinished(kLongTimeoutMs);
        const bool bDone = b.waitForFinished(kLongTimeoutMs);
        if (!aDone) a.kill();
        if (!bDone) b.kill();
        a.waitForFinished(5000);
        b.waitForFinished(5000);
        QVERIFY2(aDone && a.exitStatus() == QProcess::NormalExit && a.exitCode() == 1,
                 qPrintable(processText(a, a.readAllStandardOutput())));
        QVERIFY2(bDone && b.exitStatus() == QProcess::NormalExit && b.exitCode() == 1,
                 qPrintable(processText(b, b.readAllStandardOutput())));

        const CliRun history =
            runCli({QStringLiteral("history"), QStringLiteral("--json"), QStringLiteral("--db"), db},
                   QStringLiteral("-"));
        QVERIFY2(history.exitCode == 0, qPrintable(describe(history)));
        const QJsonArray jobs = history.json.value(QStringLiteral("jobs")).toArray();
        QCOMPARE(jobs.size(), 2);
        QMap<QString, int> pagesByOld; // old file name -> total pages
        QMap<QString, QString> idByOld;
        for (const QJsonValue &v : jobs) {
            const QJsonObject j = v.toObject();
            QCOMPARE(j.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
            const QString old = QFileInfo(j.value(QStringLiteral("old_file")).toString()).fileName();
            pagesByOld.insert(old, j.value(QStringLiteral("total_pages")).toInt());
            idByOld.insert(old, j.value(QStringLiteral("job_id")).toString());
        }
        QCOMPARE(pagesByOld.value(QFileInfo(m_oldA).fileName()), 4);
        QCOMPARE(pagesByOld.value(QFileInfo(m_oldB).fileName()), 3);

        JobStore store(db);
        QVERIFY(store.open());
        QCOMPARE(store.integrityCheck(), QStringLiteral("ok"));
        for (auto it = idByOld.cbegin(); it != idByOld.cend(); ++it) {
            const QString id = it.value();
            const int total = pagesByOld.value(it.key());
            QCOMPARE(store.job(id)->totalPages, total);
            for (const char *table : {"diff_results", "summaries", "job_pages"})
                QCOMPARE(rawQuery(db, QStringLiteral("SELECT COUNT(*) FROM %1 WHERE job_id = '%2'")
                                          .arg(QLatin1String(table), id)),
                         QStringList{QString::number(total)});
            QCOMPARE(
                rawQuery(db,
                         QStringLiteral(
                             "SELECT COUNT(*) FROM job_stages WHERE job_id = '%1' AND status = 'completed'")
                             .arg(id)),
                QStringList{QString::number(3 * total)});
            for (int page = 1; page <= total; ++page) {
                QVERIFY(store.diffResult(id, page).has_value());
                QVERIFY(!store.summary(id, page).value_or(QString()).isEmpty());
            }
        }
    }

    // 6. The same comparison again continues the finished job: no stage runs, same result;
    // --fresh makes a new job.
    void reuseIsIdempotent() {
        const CliRun &first = cliStreaming();
        QVERIFY2(first.finished && first.exitCode == 1, qPrintable(describe(first)));
        const QVector<QJsonObject> firstLines = eventLines(first.stdOut);
        const std::optional<QJsonObject> firstSheets = eventOf(firstLines, QStringLiteral("sheets"));
        QVERIFY(firstSheets.has_value());
        QCOMPARE(firstSheets->value(QStringLiteral("reused")).toBool(), false);
        const QString jobId = firstSheets->value(QStringLiteral("job_id")).toString();
        QCOMPARE(first.json.value(QStringLiteral("job_id")).toString(), jobId);

        const QString json = path(QStringLiteral("reuse.json"));
        const CliRun second =
            runCli(compareArgs(m_oldA, m_newA, m_cliStreamingDb) +
                       QStringList{QStringLiteral("--events"), QStringLiteral("--json"), json},
                   json, {}, kLongTimeoutMs);
        QVERIFY2(second.finished && second.exitStatus == QProcess::NormalExit && second.exitCode == 1,
                 qPrintable(describe(second)));
        const QVector<QJsonObject> lines = eventLines(second.stdOut);
        const std::optional<QJsonObject> sheets = eventOf(lines, QStringLiteral("sheets"));
        QVERIFY(sheets.has_value());
        QCOMPARE(sheets->value(QStringLiteral("job_id")).toString(), jobId);
        QCOMPARE(sheets->value(QStringLiteral("reused")).toBool(), true);
        const QVector<Ev> ev = stageEvents(lines);
        const int executions = int(std::count_if(
            ev.begin(), ev.end(), [](const Ev &e) { return e.status == QLatin1String("in_progress"); }));
        QVERIFY2(executions == 0, qPrintable(evsText(ev)));
        const std::optional<QJsonObject> job = eventOf(lines, QStringLiteral("job"));
        QVERIFY(job.has_value());
        QCOMPARE(job->value(QStringLiteral("job_id")).toString(), jobId);
        QCOMPARE(job->value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        const QString d = firstDifference(first.json, second.json); // same job: not even ids differ
        QVERIFY2(d.isEmpty(), qPrintable(d));

        const QString freshJson = path(QStringLiteral("fresh.json"));
        const CliRun fresh = runCli(compareArgs(m_oldA, m_newA, m_cliStreamingDb) +
                                        QStringList{QStringLiteral("--fresh"), QStringLiteral("--events"),
                                                    QStringLiteral("--json"), freshJson},
                                    freshJson, {}, kLongTimeoutMs);
        QVERIFY2(fresh.finished && fresh.exitCode == 1, qPrintable(describe(fresh)));
        const QVector<QJsonObject> freshLines = eventLines(fresh.stdOut);
        const std::optional<QJsonObject> freshSheets = eventOf(freshLines, QStringLiteral("sheets"));
        QVERIFY(freshSheets.has_value());
        QCOMPARE(freshSheets->value(QStringLiteral("reused")).toBool(), false);
        const QString freshId = freshSheets->value(QStringLiteral("job_id")).toString();
        QVERIFY(freshId != jobId);
        QCOMPARE(count(stageEvents(freshLines), 1, QStringLiteral("diff"), QStringLiteral("in_progress")), 1);
        const QString fd = firstDifference(normalized(first.json), normalized(fresh.json));
        QVERIFY2(fd.isEmpty(), qPrintable(fd));
        JobStore store(m_cliStreamingDb);
        QVERIFY(store.open());
        QCOMPARE(store.jobs().size(), 2);
    }

    // The history's view of a job (`progress`) agrees with the job's result for a sheet that
    // was added (no diff to run: its stages complete at once).
    void progressOfAddedSheet() {
        const QString db = newDb(QStringLiteral("added"));
        const QString json = path(QStringLiteral("added.json"));
        const CliRun r = runCli(compareArgs(m_oldD, m_newD, db) +
                                    QStringList{QStringLiteral("--quiet"), QStringLiteral("--json"), json},
                                json, {}, kLongTimeoutMs);
        QVERIFY2(r.finished && r.exitCode == 1, qPrintable(describe(r)));
        QCOMPARE(r.json.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        const QJsonObject added = pageOf(r.json, 3);
        QCOMPARE(added.value(QStringLiteral("match")).toString(), QStringLiteral("added"));
        QCOMPARE(added.value(QStringLiteral("diff_result"))
                     .toObject()
                     .value(QStringLiteral("changes_detected"))
                     .toBool(),
                 true);
        const QString jobId = r.json.value(QStringLiteral("job_id")).toString();

        const CliRun progress =
            runCli({QStringLiteral("progress"), jobId, QStringLiteral("--db"), db}, QStringLiteral("-"));
        QVERIFY2(progress.exitCode == 0, qPrintable(describe(progress)));
        QCOMPARE(progress.json.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        QCOMPARE(progress.json.value(QStringLiteral("total_pages")).toInt(), 3);
        for (int page = 1; page <= 3; ++page) {
            const QJsonObject p = pageOf(progress.json, page), q = pageOf(r.json, page);
            for (const QString &stage : stageNames())
                QCOMPARE(p.value(stage + QStringLiteral("_status")).toString(), QStringLiteral("completed"));
            QCOMPARE(p.value(QStringLiteral("match")).toString(),
                     q.value(QStringLiteral("match")).toString());
            QCOMPARE(summaryTextOf(p), summaryTextOf(q));
            const QJsonObject pd = p.value(QStringLiteral("diff_result")).toObject();
            const QJsonObject qd = q.value(QStringLiteral("diff_result")).toObject();
            QCOMPARE(pd.value(QStringLiteral("change_count")).toInt(),
                     qd.value(QStringLiteral("change_count")).toInt());
            QCOMPARE(pd.value(QStringLiteral("changes_detected")).toBool(),
                     qd.value(QStringLiteral("changes_detected")).toBool());
        }
        // The sheet pairs are kept, and every matched page's diff.
        QCOMPARE(
            rawQuery(db, QStringLiteral("SELECT COUNT(*) FROM job_pages WHERE job_id = '%1'").arg(jobId)),
            QStringList{QStringLiteral("3")});
        QCOMPARE(
            rawQuery(db, QStringLiteral("SELECT COUNT(*) FROM summaries WHERE job_id = '%1'").arg(jobId)),
            QStringList{QStringLiteral("3")});
        QCOMPARE(
            rawQuery(db, QStringLiteral(
                             "SELECT page_number FROM diff_results WHERE job_id = '%1' ORDER BY page_number")
                             .arg(jobId)),
            (QStringList{QStringLiteral("1"), QStringLiteral("2")}));
    }

    // 7. cancel() ends the job at once; resume finishes it.
    void cancelThenResume() {
        JobStore store(newDb(QStringLiteral("cancel")));
        QVERIFY(store.open());
        Pipeline pipeline(&store);
        QSignalSpy stages(&pipeline, &Pipeline::stageChanged);
        QSignalSpy finished(&pipeline, &Pipeline::jobFinished);
        QString error;
        QVERIFY2(pipeline.start(m_oldA, m_newA, settings(), PipelineOptions(), &error), qPrintable(error));
        const QString jobId = pipeline.jobId();
        QVERIFY(stages.wait(kLongTimeoutMs));
        QVERIFY(finished.isEmpty());

        QElapsedTimer timer;
        timer.start();
        pipeline.cancel();
        const bool before = !finished.isEmpty();
        if (finished.isEmpty()) finished.wait(1000);
        const qint64 ms = timer.elapsed();
        qInfo("jobFinished %s cancel() returned, %lld ms", before ? "before" : "after", ms);
        QCOMPARE(finished.size(), 1);
        QVERIFY2(ms <= 1000, qPrintable(QString::number(ms)));
        QCOMPARE(finished[0][0].toString(), jobId);
        QCOMPARE(finished[0][1].value<JobStatus>(), JobStatus::Cancelled);
        QVERIFY(!pipeline.isRunning());
        QCOMPARE(store.job(jobId)->status, JobStatus::Cancelled);
        QCOMPARE(pipeline.result().status, JobStatus::Cancelled);

        // Whatever was running finishes in the background and is dropped.
        const int stagesAtCancel = int(stages.size());
        pipeline.waitForAbandonedStages();
        QCoreApplication::sendPostedEvents(); // their results, had they been let through
        QCOMPARE(int(stages.size()), stagesAtCancel);
        QCOMPARE(finished.size(), 1);

        const Run resumed =
            runPipeline(pipeline, [&](QString *e) { return pipeline.resume(jobId, PipelineOptions(), e); });
        QVERIFY(resumed.finished);
        QCOMPARE(resumed.jobId, jobId);
        QCOMPARE(resumed.status, QStringLiteral("completed"));
        QCOMPARE(store.job(jobId)->status, JobStatus::Completed);
        for (int page = 1; page <= 4; ++page)
            QVERIFY(!store.summary(jobId, page).value_or(QString()).isEmpty());
        for (const Ev &e : resumed.events)
            QCOMPARE(e.json.value(QStringLiteral("job_id")).toString(), jobId);
        // The resumed job gives the result of an uninterrupted one.
        JobStore other(newDb(QStringLiteral("cancel-ref")));
        QVERIFY(other.open());
        const Run reference = startJob(other, m_oldA, m_newA, PipelineOptions());
        QCOMPARE(reference.status, QStringLiteral("completed"));
        const QString d = firstDifference(normalized(reference.json), normalized(resumed.json));
        QVERIFY2(d.isEmpty(), qPrintable(d));
    }

    // A new job right after cancel(), on the same pipeline, while the cancelled job's stages are
    // still running (the GUI's Cancel then Compare): they must not lose their documents.
    void startRightAfterCancel() {
        JobStore store(newDb(QStringLiteral("cancel-start")));
        QVERIFY(store.open());
        Pipeline pipeline(&store);
        QSignalSpy stages(&pipeline, &Pipeline::stageChanged);
        QString error;
        PipelineOptions fresh;
        fresh.reuse = false;
        for (int round = 0; round < 3; ++round) {
            QVERIFY2(pipeline.start(m_oldA, m_newA, settings(), fresh, &error), qPrintable(error));
            QVERIFY(stages.wait(kLongTimeoutMs));
            pipeline.cancel(); // stages keep running in the background
        }
        const Run last = runPipeline(
            pipeline, [&](QString *e) { return pipeline.start(m_oldB, m_newB, settings(), fresh, e); });
        QVERIFY(last.finished);
        QCOMPARE(last.status, QStringLiteral("completed"));
        QCOMPARE(store.integrityCheck(), QStringLiteral("ok"));
    }

    // A job whose sheets need no render or diff (added, removed) or whose only diff cannot run
    // (its OCR failed) ends like any other, in both modes: such stages complete without a worker,
    // and nothing running must not mean nothing left to schedule.
    void degeneratePairings_data() {
        QTest::addColumn<QString>("oldPath");
        QTest::addColumn<QString>("newPath");
        QTest::addColumn<bool>("batch");
        QTest::addColumn<QString>("fault");
        QTest::addColumn<int>("matched");
        QTest::addColumn<int>("added");
        QTest::addColumn<int>("removed");
        QTest::addColumn<QString>("status");
        const QString completed = QStringLiteral("completed");
        const QString h101 = sheetSet({QStringLiteral("H-101")});
        for (const bool batch : {false, true}) {
            const char *mode = batch ? "batch" : "streaming";
            QTest::addRow("%s: no sheet in common (badinput)", mode)
                << badInput(QStringLiteral("no-common-sheet-old.pdf"))
                << badInput(QStringLiteral("no-common-sheet-new.pdf")) << batch << QString() << 0 << 1 << 1
                << completed;
            QTest::addRow("%s: no sheet in common, 2 old, 1 new", mode)
                << sheetSet({QStringLiteral("N-201"), QStringLiteral("N-202")})
                << sheetSet({QStringLiteral("P-301")}) << batch << QString() << 0 << 1 << 2 << completed;
            QTest::addRow("%s: OLD has an extra sheet at the end", mode)
                << sheetSet({QStringLiteral("H-101"), QStringLiteral("H-102")}) << h101 << batch << QString()
                << 1 << 0 << 1 << completed;
            QTest::addRow("%s: OLD has an extra sheet first", mode)
                << sheetSet({QStringLiteral("H-102"), QStringLiteral("H-101")}) << h101 << batch << QString()
                << 1 << 0 << 1 << completed;
            QTest::addRow("%s: NEW has an extra sheet at the end", mode)
                << h101 << sheetSet({QStringLiteral("H-101"), QStringLiteral("H-103")}) << batch << QString()
                << 1 << 1 << 0 << completed;
            QTest::addRow("%s: NEW has an extra sheet first", mode)
                << h101 << sheetSet({QStringLiteral("H-103"), QStringLiteral("H-101")}) << batch << QString()
                << 1 << 1 << 0 << completed;
            QTest::addRow("%s: the only sheet's OCR fails", mode)
                << h101 << h101 << batch << QStringLiteral("ocr:1") << 1 << 0 << 0
                << QStringLiteral("completed_with_errors");
        }
    }

    void degeneratePairings() {
        QFETCH(QString, oldPath);
        QFETCH(QString, newPath);
        QFETCH(bool, batch);
        QFETCH(QString, fault);
        QFETCH(int, matched);
        QFETCH(int, added);
        QFETCH(int, removed);
        QFETCH(QString, status);
        if (!QFileInfo::exists(oldPath)) QSKIP(qPrintable(oldPath + QStringLiteral(" not found")));
        QVERIFY(QFileInfo::exists(newPath));
        JobStore store(newDb(QStringLiteral("degenerate")));
        QVERIFY(store.open());
        PipelineOptions options;
        options.mode = batch ? PipelineMode::Batch : PipelineMode::Streaming;
        options.testing.fault = fault;
        options.retry.maxAttempts = 1;
        Pipeline pipeline(&store);
        const Run run = runPipeline(
            pipeline, [&](QString *e) { return pipeline.start(oldPath, newPath, settings(), options, e); },
            kShortTimeoutMs);
        QVERIFY(run.finished);
        QCOMPARE(run.status, status);
        QCOMPARE(countMatch(run.result, MatchKind::Matched), matched);
        QCOMPARE(countMatch(run.result, MatchKind::Added), added);
        QCOMPARE(countMatch(run.result, MatchKind::Removed), removed);
        checkEveryStageEnded(store, run);
        if (!fault.isEmpty()) {
            QCOMPARE(store.deadLetters().size(), 1);
            QVERIFY(!run.result.pages.value(0).error.isEmpty());
        }
    }

    // Such a job interrupted after its sheets were paired (none of their stages ran) finishes
    // when resumed.
    void resumeDegenerateJob_data() {
        QTest::addColumn<bool>("batch");
        QTest::newRow("streaming") << false;
        QTest::newRow("batch") << true;
    }

    void resumeDegenerateJob() {
        QFETCH(bool, batch);
        JobStore store(newDb(QStringLiteral("resume-degenerate")));
        QVERIFY(store.open());
        PipelineOptions options;
        options.mode = batch ? PipelineMode::Batch : PipelineMode::Streaming;
        Pipeline pipeline(&store);
        const QMetaObject::Connection interrupt =
            connect(&pipeline, &Pipeline::sheetsMatched, &pipeline, &Pipeline::cancel);
        const QString oldPath = sheetSet({QStringLiteral("N-201"), QStringLiteral("N-202")});
        const QString newPath = sheetSet({QStringLiteral("P-301")});
        const Run first = runPipeline(
            pipeline, [&](QString *e) { return pipeline.start(oldPath, newPath, settings(), options, e); },
            kShortTimeoutMs);
        disconnect(interrupt);
        QCOMPARE(first.status, QStringLiteral("cancelled"));
        QCOMPARE(store.jobPages(first.jobId).value_or(QVector<QJsonObject>()).size(), 3);
        QVERIFY(store.stages(first.jobId).isEmpty());

        const Run resumed = runPipeline(
            pipeline, [&](QString *e) { return pipeline.resume(first.jobId, PipelineOptions(), e); },
            kShortTimeoutMs);
        QCOMPARE(resumed.jobId, first.jobId);
        QCOMPARE(resumed.status, QStringLiteral("completed"));
        QCOMPARE(countMatch(resumed.result, MatchKind::Added), 1);
        QCOMPARE(countMatch(resumed.result, MatchKind::Removed), 2);
        checkEveryStageEnded(store, resumed);
        QCOMPARE(store.job(first.jobId)->mode, pipelineModeName(options.mode));
    }
};

QTEST_MAIN(TestPipeline)
#include "tst_pipeline.moc"
