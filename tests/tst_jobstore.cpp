// What JobStore keeps and gives back: jobs, stages, diff results and summaries round trip, stage
// updates, finished statuses stamped, the stored state names, dead letters, deleting a job with its
// artifacts, writers on several threads and two stores on one file, remote jobs and the sync queue,
// and the default path (BUILDTRACE_DB).
// The file itself (migrations, damage, read-only access) is tst_jobstoremigration.

#include "compare/pageresult.h"
#include "compare/resultjson.h"
#include "jobfixture.h"
#include "store/jobstore.h"
#include "testutil.h"

#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <atomic>
#include <thread>

using namespace bt;
using namespace bt::test;

class TestJobStore : public QObject {
    Q_OBJECT

private slots:
    void reopenKeepsData();
    void roundTrip();
    void setStageTwiceUpdates();
    void finishedStatusesStampFinishedAt();
    void stateNamesAreTheStoredOnes();
    void deadLettersListed();
    void deleteJobRemovesRowsAndArtifacts();
    void concurrentThreadWriters();
    void twoStoresOnOneFile();
    void remoteJobsAndSyncOperations();
    void defaultPathHonoursEnvironment();
};

void TestJobStore::reopenKeepsData() {
    QTemporaryDir tmp;
    const QString path = tmp.filePath(QStringLiteral("history.sqlite"));
    {
        JobStore store(path);
        QVERIFY(store.open());
        QVERIFY(store.createJob(sampleJob(QStringLiteral("job-1"))));
    }
    JobStore store(path);
    QVERIFY(store.open());
    QCOMPARE(store.schemaVersion(), JobStore::kSchemaVersion);
    const auto job = store.job(QStringLiteral("job-1"));
    QVERIFY(job.has_value());
    QCOMPARE(job->newHash, QStringLiteral("bbb"));
}

void TestJobStore::roundTrip() {
    QTemporaryDir tmp;
    JobStore store(tmp.filePath(QStringLiteral("history.sqlite")));
    QVERIFY(store.open());
    const QDateTime older = QDateTime::currentDateTimeUtc().addSecs(-60);
    QVERIFY(store.createJob(sampleJob(QStringLiteral("old-job"), older)));
    QString error;
    QVERIFY2(store.createJob(sampleJob(QStringLiteral("job-1")), &error), qPrintable(error));
    QVERIFY(!store.createJob(sampleJob(QStringLiteral("job-1")))); // duplicate id

    const auto job = store.job(QStringLiteral("job-1"));
    QVERIFY(job.has_value());
    QCOMPARE(job->oldFile, QStringLiteral("/data/old.pdf"));
    QCOMPARE(job->settings.value(QStringLiteral("dpi")).toInt(), 150);
    QCOMPARE(job->totalPages, 3);
    QVERIFY(job->createdAt.isValid());
    QVERIFY(!job->finishedAt.isValid());
    QVERIFY(!store.job(QStringLiteral("missing")).has_value());

    const auto all = store.jobs();
    QCOMPARE(all.size(), 2);
    QCOMPARE(all.at(0).id, QStringLiteral("job-1")); // newest first
    QCOMPARE(all.at(1).id, QStringLiteral("old-job"));

    QVERIFY(store.setJobStatus(QStringLiteral("job-1"), JobStatus::Completed));
    QCOMPARE(store.job(QStringLiteral("job-1"))->status, JobStatus::Completed);
    QVERIFY(store.job(QStringLiteral("job-1"))->finishedAt.isValid());
    QVERIFY(!store.setJobStatus(QStringLiteral("missing"), JobStatus::Completed));

    QVERIFY(store.setStage(QStringLiteral("job-1"), 1, Stage::Ocr, StageStatus::Completed));
    QVERIFY(store.setStage(QStringLiteral("job-1"), 1, Stage::Diff, StageStatus::Failed,
                           QStringLiteral("boom"), 2));
    const auto stages = store.stages(QStringLiteral("job-1"));
    QCOMPARE(stages.size(), 2);
    QCOMPARE(stages.at(0).stage, Stage::Diff);
    QCOMPARE(stages.at(0).error, QStringLiteral("boom"));
    QCOMPARE(stages.at(0).attempts, 2);
    QVERIFY(stages.at(0).finishedAt.isValid());

    PageResult page;
    page.pageNumber = 1;
    page.oldPage = 0;
    page.newPage = 0;
    page.diffDone = true;
    page.dpi = 150;
    page.oldDpi = 150;
    page.pageSizePt = QSizeF(1224, 792);
    page.overlayPath = QStringLiteral("/tmp/overlay.png");
    ChangeRegion region;
    region.id = 1;
    region.kind = ChangeKind::Added;
    region.boxPx = QRect(10, 20, 30, 40);
    region.boxPt = QRectF(4.8, 9.6, 14.4, 19.2);
    region.newText = QStringList{QStringLiteral("DOOR")};
    page.regions.append(region);
    const QJsonObject pageJson = pageResultToJson(page, QStringLiteral("job-1"));
    QVERIFY(store.saveDiffResult(QStringLiteral("job-1"), 1, QStringLiteral("A-101"), page.overlayPath,
                                 pageJson));
    const auto stored = store.diffResult(QStringLiteral("job-1"), 1);
    QVERIFY(stored.has_value());
    QCOMPARE(*stored, pageJson);
    QVERIFY(!store.diffResult(QStringLiteral("job-1"), 2).has_value());
    const QStringList regionsColumn =
        rawQuery(store.path(), QStringLiteral("SELECT regions_json FROM diff_results"));
    QCOMPARE(regionsColumn.size(), 1);
    QVERIFY(regionsColumn.first().contains(QLatin1String("DOOR")));
    const QStringList alignmentColumn =
        rawQuery(store.path(), QStringLiteral("SELECT alignment_json FROM diff_results"));
    QVERIFY(alignmentColumn.first().contains(QLatin1String("new_pt_to_old_pt")));

    QVERIFY(store.saveSummary(QStringLiteral("job-1"), 1, QStringLiteral("Door added.")));
    QCOMPARE(store.summary(QStringLiteral("job-1"), 1).value_or(QString()), QStringLiteral("Door added."));
    QVERIFY(store.saveSummary(QStringLiteral("job-1"), 1, QStringLiteral("Door added to A-101.")));
    QCOMPARE(store.summary(QStringLiteral("job-1"), 1).value_or(QString()),
             QStringLiteral("Door added to A-101."));
    QVERIFY(store.summaryRecord(QStringLiteral("job-1"), 1)->aiModel.isEmpty());
    // An AI rewrite keeps its model and the deterministic summary it rewrote ...
    QVERIFY(store.saveSummary(QStringLiteral("job-1"), 1,
                              SummaryRecord{QStringLiteral("A door was added to A-101."),
                                            QStringLiteral("m1"), QStringLiteral("Door added to A-101.")}));
    std::optional<SummaryRecord> record = store.summaryRecord(QStringLiteral("job-1"), 1);
    QVERIFY(record.has_value());
    QCOMPARE(record->text, QStringLiteral("A door was added to A-101."));
    QCOMPARE(record->aiModel, QStringLiteral("m1"));
    QCOMPARE(record->deterministicText, QStringLiteral("Door added to A-101."));
    QCOMPARE(store.summary(QStringLiteral("job-1"), 1).value_or(QString()), record->text); // the text shown
    // ... and a deterministic summary saved over it leaves no mark behind.
    QVERIFY(store.saveSummary(QStringLiteral("job-1"), 1, QStringLiteral("Door added to A-101.")));
    record = store.summaryRecord(QStringLiteral("job-1"), 1);
    QVERIFY(record->aiModel.isEmpty());
    QVERIFY(record->deterministicText.isEmpty());
    QCOMPARE(rawQuery(store.path(), QStringLiteral("SELECT ai_model IS NULL FROM summaries")),
             QStringList{QStringLiteral("1")});
}

void TestJobStore::finishedStatusesStampFinishedAt() {
    QTemporaryDir tmp;
    JobStore store(tmp.filePath(QStringLiteral("history.sqlite")));
    QVERIFY(store.open());
    QVERIFY(store.createJob(sampleJob(QStringLiteral("job-1"))));
    const auto finishedAt = [&store] { return store.job(QStringLiteral("job-1"))->finishedAt; };
    // A job that ended with a failed sheet is finished as much as a clean one.
    for (const JobStatus status :
         {JobStatus::CompletedWithErrors, JobStatus::Completed, JobStatus::Failed, JobStatus::Cancelled}) {
        QVERIFY(store.setJobStatus(QStringLiteral("job-1"), JobStatus::InProgress));
        QVERIFY(!finishedAt().isValid());
        QVERIFY(store.setJobStatus(QStringLiteral("job-1"), status));
        QVERIFY2(finishedAt().isValid(), qPrintable(jobStatusName(status)));
        QCOMPARE(store.job(QStringLiteral("job-1"))->status, status);
    }
    for (const JobStatus status : {JobStatus::Pending, JobStatus::Queued, JobStatus::InProgress}) {
        QVERIFY(store.setJobStatus(QStringLiteral("job-1"), status));
        QVERIFY2(!finishedAt().isValid(), qPrintable(jobStatusName(status)));
    }
}

void TestJobStore::stateNamesAreTheStoredOnes() {
    // The spelling in existing histories, on the server and in the JSON: it must never change.
    const QStringList jobNames{QStringLiteral("pending"),
                               QStringLiteral("queued"),
                               QStringLiteral("in_progress"),
                               QStringLiteral("completed"),
                               QStringLiteral("completed_with_errors"),
                               QStringLiteral("failed"),
                               QStringLiteral("cancelled")};
    for (const QString &name : jobNames)
        QCOMPARE(jobStatusName(jobStatusFromName(name).value()), name);
    QVERIFY(!jobStatusFromName(QStringLiteral("partial")));
    QStringList finished;
    for (const QString &name : jobNames)
        if (isFinished(*jobStatusFromName(name))) finished << name;
    QCOMPARE(finished, QStringList({QStringLiteral("completed"), QStringLiteral("completed_with_errors"),
                                    QStringLiteral("failed"), QStringLiteral("cancelled")}));
    for (const QString &name :
         {QStringLiteral("ocr"), QStringLiteral("diff"), QStringLiteral("summary"), QStringLiteral("match")})
        QCOMPARE(stageName(stageFromName(name).value()), name);
    for (const QString &name : {QStringLiteral("pending"), QStringLiteral("in_progress"),
                                QStringLiteral("completed"), QStringLiteral("failed")})
        QCOMPARE(stageStatusName(stageStatusFromName(name)), name);
    for (const QString &name : {QStringLiteral("local"), QStringLiteral("server"), QStringLiteral("team")})
        QCOMPARE(jobOriginName(jobOriginFromName(name)), name);
    QCOMPARE(jobOriginFromName(QString()), JobOrigin::Local); // rows from before schema 4
    for (const QString &name : {QStringLiteral("submit"), QStringLiteral("push"), QStringLiteral("delete")})
        QCOMPARE(syncKindName(syncKindFromName(name).value()), name);
}

void TestJobStore::setStageTwiceUpdates() {
    QTemporaryDir tmp;
    JobStore store(tmp.filePath(QStringLiteral("history.sqlite")));
    QVERIFY(store.open());
    QVERIFY(store.createJob(sampleJob(QStringLiteral("job-1"))));
    QVERIFY(store.setStage(QStringLiteral("job-1"), 2, Stage::Diff, StageStatus::InProgress, QString(), 1));
    const QDateTime started = store.stages(QStringLiteral("job-1")).at(0).startedAt;
    QVERIFY(started.isValid());
    QVERIFY(store.setStage(QStringLiteral("job-1"), 2, Stage::Diff, StageStatus::Completed, QString(), 2));
    const auto stages = store.stages(QStringLiteral("job-1"));
    QCOMPARE(stages.size(), 1);
    QCOMPARE(stages.at(0).status, StageStatus::Completed);
    QCOMPARE(stages.at(0).attempts, 2);
    QCOMPARE(stages.at(0).startedAt, started); // first start kept
    QVERIFY(stages.at(0).finishedAt.isValid());
}

void TestJobStore::deadLettersListed() {
    QTemporaryDir tmp;
    JobStore store(tmp.filePath(QStringLiteral("history.sqlite")));
    QVERIFY(store.open());
    QVERIFY(store.addDeadLetter(QStringLiteral("job-1"), 3, Stage::Ocr, QStringLiteral("e1"), 3));
    QVERIFY(store.addDeadLetter(QStringLiteral("job-2"), 1, Stage::Diff, QStringLiteral("e2"), 5));
    const auto letters = store.deadLetters();
    QCOMPARE(letters.size(), 2);
    QCOMPARE(letters.at(0).jobId, QStringLiteral("job-1"));
    QCOMPARE(letters.at(0).pageNumber, 3);
    QCOMPARE(letters.at(0).stage, Stage::Ocr);
    QCOMPARE(letters.at(0).error, QStringLiteral("e1"));
    QCOMPARE(letters.at(0).attempts, 3);
    QVERIFY(letters.at(0).createdAt.isValid());
    QCOMPARE(letters.at(1).attempts, 5);
    QVERIFY(letters.at(0).id < letters.at(1).id);
}

void TestJobStore::deleteJobRemovesRowsAndArtifacts() {
    QTemporaryDir tmp;
    JobStore store(tmp.filePath(QStringLiteral("history.sqlite")));
    QVERIFY(store.open());
    for (const QString &id : {QStringLiteral("job-1"), QStringLiteral("job-2")}) {
        QVERIFY(store.createJob(sampleJob(id)));
        QVERIFY(store.setStage(id, 1, Stage::Diff, StageStatus::Completed));
        QVERIFY(
            store.saveDiffResult(id, 1, QStringLiteral("A-1"), QString(), QJsonObject{{"page_number", 1}}));
        QVERIFY(store.saveSummary(id, 1, QStringLiteral("text")));
        QVERIFY(store.addDeadLetter(id, 1, Stage::Ocr, QStringLiteral("e"), 3));
    }
    const QString dir = store.artifactDir(QStringLiteral("job-1"));
    QCOMPARE(dir, tmp.filePath(QStringLiteral("artifacts/job-1")));
    QVERIFY(QDir(dir).exists());
    QFile f(dir + QStringLiteral("/overlay.png"));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("png");
    f.close();
    QVERIFY(store.artifactDir(QStringLiteral("../evil")).isEmpty());

    QString error;
    QVERIFY2(store.deleteJob(QStringLiteral("job-1"), &error), qPrintable(error));
    QVERIFY(!QDir(dir).exists());
    QVERIFY(!store.job(QStringLiteral("job-1")).has_value());
    QVERIFY(store.stages(QStringLiteral("job-1")).isEmpty());
    QVERIFY(!store.diffResult(QStringLiteral("job-1"), 1).has_value());
    QVERIFY(!store.summary(QStringLiteral("job-1"), 1).has_value());
    QCOMPARE(store.deadLetters().size(), 1);
    // The other job is untouched.
    QVERIFY(store.job(QStringLiteral("job-2")).has_value());
    QCOMPARE(store.stages(QStringLiteral("job-2")).size(), 1);
    QVERIFY(store.diffResult(QStringLiteral("job-2"), 1).has_value());
}

void TestJobStore::concurrentThreadWriters() {
    QTemporaryDir tmp;
    JobStore store(tmp.filePath(QStringLiteral("history.sqlite")));
    QVERIFY(store.open());
    QVERIFY(store.createJob(sampleJob(QStringLiteral("job-1"))));
    constexpr int kRows = 200;
    std::atomic<int> failures{0};
    QStringList errors;
    QMutex errorsMutex;
    auto writer = [&](Stage stage) {
        for (int page = 1; page <= kRows; ++page) {
            QString error;
            if (!store.setStage(QStringLiteral("job-1"), page, stage, StageStatus::Completed, QString(), 1,
                                &error)) {
                ++failures;
                QMutexLocker lock(&errorsMutex);
                errors.append(error);
            }
            // Reads in between make each connection hold a snapshot, the case deferred BEGIN fails on.
            if (page % 50 == 0 && store.stages(QStringLiteral("job-1")).isEmpty()) ++failures;
        }
        store.closeThreadConnection();
    };
    std::thread a(writer, Stage::Ocr);
    std::thread b(writer, Stage::Diff);
    a.join();
    b.join();
    QVERIFY2(failures == 0, qPrintable(errors.join(QLatin1Char('\n'))));
    QCOMPARE(store.stages(QStringLiteral("job-1")).size(), 2 * kRows);
    QCOMPARE(store.integrityCheck(), QStringLiteral("ok"));
}

void TestJobStore::twoStoresOnOneFile() {
    QTemporaryDir tmp;
    const QString path = tmp.filePath(QStringLiteral("history.sqlite"));
    JobStore first(path);
    JobStore second(path);
    QVERIFY(first.open());
    QVERIFY(second.open());
    QVERIFY(first.createJob(sampleJob(QStringLiteral("job-1"))));
    QVERIFY(second.job(QStringLiteral("job-1")).has_value());
    QVERIFY(second.setStage(QStringLiteral("job-1"), 1, Stage::Ocr, StageStatus::Completed));
    QCOMPARE(first.stages(QStringLiteral("job-1")).size(), 1);
    QVERIFY(second.createJob(sampleJob(QStringLiteral("job-2"))));
    QCOMPARE(first.jobs().size(), 2);
    {
        // A third store that comes and goes must not take the others' connections with it.
        JobStore third(path);
        QVERIFY(third.open());
        QCOMPARE(third.jobs().size(), 2);
    }
    QVERIFY(first.setJobStatus(QStringLiteral("job-2"), JobStatus::Failed));
    QCOMPARE(second.job(QStringLiteral("job-2"))->status, JobStatus::Failed);
    QCOMPARE(first.integrityCheck(), QStringLiteral("ok"));
}

void TestJobStore::defaultPathHonoursEnvironment() {
    const QByteArray saved = qgetenv("BUILDTRACE_DB");
    const bool wasSet = qEnvironmentVariableIsSet("BUILDTRACE_DB");
    qputenv("BUILDTRACE_DB", "/tmp/custom/history-test.sqlite");
    QCOMPARE(JobStore::defaultPath(), QStringLiteral("/tmp/custom/history-test.sqlite"));
    qunsetenv("BUILDTRACE_DB");
    QVERIFY(JobStore::defaultPath().endsWith(QLatin1String("/history.sqlite")));
    QVERIFY(JobStore::defaultPath() != QStringLiteral("/tmp/custom/history-test.sqlite"));
    if (wasSet) qputenv("BUILDTRACE_DB", saved);
}

// Jobs of the job server and the operations waiting for it (core/sync): linked, found by the
// server's id, kept out of local reuse; operations kept in order, updated, removed with the job.
void TestJobStore::remoteJobsAndSyncOperations() {
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    JobStore store(tmp.filePath(QStringLiteral("history.sqlite")));
    QVERIFY(store.open());
    JobRecord local = sampleJob(QStringLiteral("local-1"));
    QVERIFY(store.createJob(local));
    JobRecord team = sampleJob(QStringLiteral("team-1"));
    team.origin = JobOrigin::Team;
    team.remoteServer = QStringLiteral("http://srv:8765");
    team.remoteJobId = QStringLiteral("r-9");
    QVERIFY(store.createJob(team));
    // Same inputs and settings: only the local job is continued by a local comparison.
    QCOMPARE(store.findJob(local.oldHash, local.newHash, local.settings)->id, local.id);
    QCOMPARE(store.syncStore().jobByRemoteId(QStringLiteral("http://srv:8765"), QStringLiteral("r-9"))->id,
             team.id);
    QVERIFY(!store.syncStore().jobByRemoteId(QStringLiteral("http://other:8765"), QStringLiteral("r-9")));

    QString error;
    QVERIFY2(store.syncStore().setRemote(local.id, std::nullopt, QStringLiteral("http://srv:8765"),
                                         QStringLiteral("r-10"), &error),
             qPrintable(error));
    QCOMPARE(store.job(local.id)->origin, JobOrigin::Local); // pushed, still ours
    QCOMPARE(store.job(local.id)->remoteJobId, QStringLiteral("r-10"));
    QVERIFY(!store.syncStore().setRemote(QStringLiteral("nope"), std::nullopt, QString(), QString(), &error));

    SyncOperation op;
    op.kind = SyncKind::Push;
    op.jobId = local.id;
    op.server = QStringLiteral("http://srv:8765");
    const qint64 first = store.syncStore().addSyncOperation(op, &error);
    QVERIFY2(first > 0, qPrintable(error));
    op.kind = SyncKind::Delete;
    op.jobId.clear();
    op.state.insert(QStringLiteral("remote_job_id"), QStringLiteral("r-9"));
    QVERIFY(store.syncStore().addSyncOperation(op) > first);
    QVector<SyncOperation> ops = store.syncStore().syncOperations();
    QCOMPARE(ops.size(), 2);
    QCOMPARE(ops[0].kind, SyncKind::Push);
    QVERIFY(ops[0].createdAt.isValid());
    ops[0].attempts = 2;
    ops[0].lastError = QStringLiteral("Connection refused");
    ops[0].nextAttemptAt = QDateTime(QDate(2030, 1, 1), QTime(0, 0), Qt::UTC);
    ops[0].state.insert(QStringLiteral("old_upload_id"), QStringLiteral("u-1"));
    QVERIFY(store.syncStore().updateSyncOperation(ops[0]));
    const SyncOperation back = store.syncStore().syncOperations().value(0);
    QCOMPARE(back.attempts, 2);
    QCOMPARE(back.lastError, QStringLiteral("Connection refused"));
    QCOMPARE(back.nextAttemptAt, ops[0].nextAttemptAt);
    QCOMPARE(back.state.value(QStringLiteral("old_upload_id")).toString(), QStringLiteral("u-1"));
    QCOMPARE(
        store.syncStore().syncOperations().value(1).state.value(QStringLiteral("remote_job_id")).toString(),
        QStringLiteral("r-9"));

    QVERIFY(store.deleteJob(local.id)); // its operations go with it, others stay
    QCOMPARE(store.syncStore().syncOperations().size(), 1);
    QVERIFY(store.syncStore().removeSyncOperation(store.syncStore().syncOperations().value(0).id));
    QVERIFY(store.syncStore().syncOperations().isEmpty());
}
QTEST_GUILESS_MAIN(TestJobStore)
#include "tst_jobstore.moc"
