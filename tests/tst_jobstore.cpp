#include "compare/pageresult.h"
#include "compare/resultjson.h"
#include "store/jobstore.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <atomic>
#include <thread>

using namespace bt;

namespace {

JobRecord sampleJob(const QString &id, const QDateTime &created = QDateTime()) {
    JobRecord j;
    j.id = id;
    j.oldFile = QStringLiteral("/data/old.pdf");
    j.newFile = QStringLiteral("/data/new.pdf");
    j.oldHash = QStringLiteral("aaa");
    j.newHash = QStringLiteral("bbb");
    j.settings = QJsonObject{{QStringLiteral("dpi"), 150}};
    j.status = QStringLiteral("running");
    j.totalPages = 3;
    j.createdAt = created;
    return j;
}

// Reads the file through a connection of its own, independent of JobStore.
QStringList rawQuery(const QString &path, const QString &sql) {
    QStringList out;
    const QString name = QStringLiteral("tst-raw");
    {
        QSqlDatabase d = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        d.setDatabaseName(path);
        if (d.open()) {
            QSqlQuery q(d);
            if (q.exec(sql))
                while (q.next())
                    out.append(q.value(0).toString());
        }
        d.close();
    }
    QSqlDatabase::removeDatabase(name);
    return out;
}

} // namespace

class TestJobStore : public QObject {
    Q_OBJECT

private slots:
    void migratesEmptyFile();
    void reopenKeepsData();
    void roundTrip();
    void setStageTwiceUpdates();
    void deadLettersListed();
    void deleteJobRemovesRowsAndArtifacts();
    void concurrentThreadWriters();
    void twoStoresOnOneFile();
    void defaultPathHonoursEnvironment();
};

void TestJobStore::migratesEmptyFile() {
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString path = tmp.filePath(QStringLiteral("sub/history.sqlite"));
    {
        JobStore store(path);
        QString error;
        QVERIFY2(store.open(&error), qPrintable(error));
        QCOMPARE(store.schemaVersion(), JobStore::kSchemaVersion);
        QCOMPARE(store.integrityCheck(), QStringLiteral("ok"));
    }
    QCOMPARE(rawQuery(path, QStringLiteral("PRAGMA user_version")), QStringList{QStringLiteral("1")});
    QCOMPARE(rawQuery(path, QStringLiteral("PRAGMA journal_mode")), QStringList{QStringLiteral("wal")});
    const QStringList tables =
        rawQuery(path, QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table'"));
    for (const char *t : {"jobs", "job_stages", "diff_results", "summaries", "dead_letters"})
        QVERIFY2(tables.contains(QLatin1String(t)), t);
}

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

    QVERIFY(store.setJobStatus(QStringLiteral("job-1"), QStringLiteral("completed")));
    QCOMPARE(store.job(QStringLiteral("job-1"))->status, QStringLiteral("completed"));
    QVERIFY(store.job(QStringLiteral("job-1"))->finishedAt.isValid());
    QVERIFY(!store.setJobStatus(QStringLiteral("missing"), QStringLiteral("completed")));

    QVERIFY(store.setStage(QStringLiteral("job-1"), 1, QStringLiteral("ocr"), QStringLiteral("completed")));
    QVERIFY(store.setStage(QStringLiteral("job-1"), 1, QStringLiteral("diff"), QStringLiteral("failed"),
                           QStringLiteral("boom"), 2));
    const auto stages = store.stages(QStringLiteral("job-1"));
    QCOMPARE(stages.size(), 2);
    QCOMPARE(stages.at(0).stage, QStringLiteral("diff"));
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
}

void TestJobStore::setStageTwiceUpdates() {
    QTemporaryDir tmp;
    JobStore store(tmp.filePath(QStringLiteral("history.sqlite")));
    QVERIFY(store.open());
    QVERIFY(store.createJob(sampleJob(QStringLiteral("job-1"))));
    QVERIFY(store.setStage(QStringLiteral("job-1"), 2, QStringLiteral("diff"), QStringLiteral("running"),
                           QString(), 1));
    const QDateTime started = store.stages(QStringLiteral("job-1")).at(0).startedAt;
    QVERIFY(started.isValid());
    QVERIFY(store.setStage(QStringLiteral("job-1"), 2, QStringLiteral("diff"), QStringLiteral("completed"),
                           QString(), 2));
    const auto stages = store.stages(QStringLiteral("job-1"));
    QCOMPARE(stages.size(), 1);
    QCOMPARE(stages.at(0).status, QStringLiteral("completed"));
    QCOMPARE(stages.at(0).attempts, 2);
    QCOMPARE(stages.at(0).startedAt, started); // first start kept
    QVERIFY(stages.at(0).finishedAt.isValid());
}

void TestJobStore::deadLettersListed() {
    QTemporaryDir tmp;
    JobStore store(tmp.filePath(QStringLiteral("history.sqlite")));
    QVERIFY(store.open());
    QVERIFY(store.addDeadLetter(QStringLiteral("job-1"), 3, QStringLiteral("ocr"), QStringLiteral("e1"), 3));
    QVERIFY(store.addDeadLetter(QStringLiteral("job-2"), 1, QStringLiteral("diff"), QStringLiteral("e2"), 5));
    const auto letters = store.deadLetters();
    QCOMPARE(letters.size(), 2);
    QCOMPARE(letters.at(0).jobId, QStringLiteral("job-1"));
    QCOMPARE(letters.at(0).pageNumber, 3);
    QCOMPARE(letters.at(0).stage, QStringLiteral("ocr"));
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
        QVERIFY(store.setStage(id, 1, QStringLiteral("diff"), QStringLiteral("completed")));
        QVERIFY(
            store.saveDiffResult(id, 1, QStringLiteral("A-1"), QString(), QJsonObject{{"page_number", 1}}));
        QVERIFY(store.saveSummary(id, 1, QStringLiteral("text")));
        QVERIFY(store.addDeadLetter(id, 1, QStringLiteral("ocr"), QStringLiteral("e"), 3));
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
    auto writer = [&](const QString &stage) {
        for (int page = 1; page <= kRows; ++page) {
            QString error;
            if (!store.setStage(QStringLiteral("job-1"), page, stage, QStringLiteral("completed"), QString(),
                                1, &error)) {
                ++failures;
                QMutexLocker lock(&errorsMutex);
                errors.append(error);
            }
            // Reads in between make each connection hold a snapshot, the case deferred BEGIN fails on.
            if (page % 50 == 0 && store.stages(QStringLiteral("job-1")).isEmpty()) ++failures;
        }
        store.closeThreadConnection();
    };
    std::thread a(writer, QStringLiteral("ocr"));
    std::thread b(writer, QStringLiteral("diff"));
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
    QVERIFY(second.setStage(QStringLiteral("job-1"), 1, QStringLiteral("ocr"), QStringLiteral("completed")));
    QCOMPARE(first.stages(QStringLiteral("job-1")).size(), 1);
    QVERIFY(second.createJob(sampleJob(QStringLiteral("job-2"))));
    QCOMPARE(first.jobs().size(), 2);
    {
        // A third store that comes and goes must not take the others' connections with it.
        JobStore third(path);
        QVERIFY(third.open());
        QCOMPARE(third.jobs().size(), 2);
    }
    QVERIFY(first.setJobStatus(QStringLiteral("job-2"), QStringLiteral("failed")));
    QCOMPARE(second.job(QStringLiteral("job-2"))->status, QStringLiteral("failed"));
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

QTEST_GUILESS_MAIN(TestJobStore)
#include "tst_jobstore.moc"
