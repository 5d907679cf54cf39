// The staged pipeline and its history: a stage that fails every attempt retried with backoff into
// a dead letter (in process and through the CLI, then `retry --page`), the stage runner the
// pipeline and the job server's worker share, two processes writing one history at once, the same
// comparison again reusing the finished job (`--fresh` makes a new one), and `progress` of a job
// with an added sheet. Through `buildtrace` (compare --events, retry, dead-letters, history,
// progress) and in process (class Pipeline, StageRunner).
// Streaming, batch, crash resumption and cancellation are tst_pipeline (shared fixture:
// tests/support/pipelinefixture).
//
// Sets are kept small for speed: 17 x 11 in sheets at --dpi 100.

#include "compare/resultjson.h"
#include "drawinggenerator.h"
#include "pipeline/pipeline.h"
#include "pipelinefixture.h"
#include "store/jobstore.h"
#include "testutil.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QtTest>

#include <optional>

using namespace bt;
using namespace bt::test;

class TestPipelineHistory : public PipelineFixture {
    Q_OBJECT

private slots:
    void initTestCase() { setUpFiles(SetA | SetB | SetD); }

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
};

QTEST_MAIN(TestPipelineHistory)
#include "tst_pipelinehistory.moc"
