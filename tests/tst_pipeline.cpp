// The staged pipeline (ocr -> diff -> summary per sheet, committed to the history as each stage
// completes): streaming and batch scheduling, crash resumption, cancellation (then resume, or a new
// job at once), and jobs whose sheets need no diff or whose only diff cannot run. In process (class
// Pipeline) and through `buildtrace` (compare --events, resume, progress, show).
// Dead letters and retry, the stage runner, several processes on one history, reuse of finished
// jobs and progress are tst_pipelinehistory (shared fixture: tests/support/pipelinefixture).
//
// Sets are kept small for speed: 17 x 11 in sheets at --dpi 100 (ARCH D at --dpi 75 for the
// crash test, which needs a job long enough to be killed in the middle).

#include "compare/resultjson.h"
#include "drawinggenerator.h"
#include "pipeline/pipeline.h"
#include "pipelinefixture.h"
#include "store/jobstore.h"
#include "testutil.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QTimer>
#include <QtTest>

#include <optional>
#include <signal.h>

using namespace bt;
using namespace bt::test;

class TestPipeline : public PipelineFixture {
    Q_OBJECT

private:
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
    void initTestCase() { setUpFiles(SetA | SetB | SetC); }

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
