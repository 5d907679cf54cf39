#include "compare/pageresult.h"
#include "compare/resultjson.h"
#include "store/jobstore.h"
#include "testutil.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <atomic>
#include <thread>

using namespace bt;
using bt::test::damagePages;
using bt::test::fileHash;
using bt::test::rawQuery;
using bt::test::writeHistory;

namespace {

JobRecord sampleJob(const QString &id, const QDateTime &created = QDateTime()) {
    JobRecord j;
    j.id = id;
    j.oldFile = QStringLiteral("/data/old.pdf");
    j.newFile = QStringLiteral("/data/new.pdf");
    j.oldHash = QStringLiteral("aaa");
    j.newHash = QStringLiteral("bbb");
    j.settings = QJsonObject{{QStringLiteral("dpi"), 150}};
    j.status = JobStatus::InProgress;
    j.totalPages = 3;
    j.createdAt = created;
    return j;
}

// Schema v1 as the previous version wrote it (copied from kSchemaV1 in core/store/jobstore.cpp
// before v2): the fixture of the migration test, so it must not follow later changes.
const char *const kSchemaV1Fixture[] = {
    "CREATE TABLE IF NOT EXISTS jobs ("
    " id TEXT PRIMARY KEY, old_file TEXT, new_file TEXT, old_hash TEXT, new_hash TEXT,"
    " settings_json TEXT, status TEXT, total_pages INTEGER, created_at TEXT, finished_at TEXT)",
    "CREATE TABLE IF NOT EXISTS job_stages ("
    " job_id TEXT NOT NULL, page_number INTEGER NOT NULL, stage TEXT NOT NULL, status TEXT,"
    " attempts INTEGER DEFAULT 0, error TEXT, started_at TEXT, finished_at TEXT,"
    " PRIMARY KEY (job_id, page_number, stage))",
    "CREATE INDEX IF NOT EXISTS idx_job_stages_page ON job_stages (job_id, page_number)",
    "CREATE TABLE IF NOT EXISTS diff_results ("
    " job_id TEXT NOT NULL, page_number INTEGER NOT NULL, drawing_name TEXT, overlay_path TEXT,"
    " regions_json TEXT, alignment_json TEXT, page_json TEXT, PRIMARY KEY (job_id, page_number))",
    "CREATE INDEX IF NOT EXISTS idx_diff_results_page ON diff_results (job_id, page_number)",
    "CREATE TABLE IF NOT EXISTS summaries ("
    " job_id TEXT NOT NULL, page_number INTEGER NOT NULL, summary_text TEXT,"
    " PRIMARY KEY (job_id, page_number))",
    "CREATE TABLE IF NOT EXISTS dead_letters ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT, job_id TEXT, page_number INTEGER, stage TEXT, error TEXT,"
    " attempts INTEGER, created_at TEXT)",
};

// Schema v2's additions as that version wrote them (kSchemaV2 of core/store/jobstore.cpp before
// v3): with kSchemaV1Fixture the fixture of the v2 -> v3 migration test.
const char *const kSchemaV2Fixture[] = {
    "CREATE TABLE IF NOT EXISTS job_pages ("
    " job_id TEXT NOT NULL, page_number INTEGER NOT NULL, page_json TEXT,"
    " PRIMARY KEY (job_id, page_number))",
    "ALTER TABLE jobs ADD COLUMN mode TEXT DEFAULT 'streaming'",
    "ALTER TABLE jobs ADD COLUMN summary_text TEXT",
    "ALTER TABLE dead_letters ADD COLUMN resolved_at TEXT",
    "CREATE INDEX IF NOT EXISTS idx_jobs_inputs ON jobs (old_hash, new_hash)",
};

// Schema v3's tables: reviews of change regions and ignore regions per drawing number.
void checkV3Schema(const QString &path) {
    auto columns = [&path](const char *table) {
        return rawQuery(path,
                        QStringLiteral("SELECT name FROM pragma_table_info('%1')").arg(QLatin1String(table)));
    };
    QCOMPARE(
        columns("region_reviews"),
        (QStringList{QStringLiteral("job_id"), QStringLiteral("page_number"), QStringLiteral("region_number"),
                     QStringLiteral("status"), QStringLiteral("comment"), QStringLiteral("reviewer"),
                     QStringLiteral("updated_at")}));
    QCOMPARE(columns("ignore_regions"),
             (QStringList{QStringLiteral("id"), QStringLiteral("drawing_number"), QStringLiteral("x"),
                          QStringLiteral("y"), QStringLiteral("w"), QStringLiteral("h"),
                          QStringLiteral("created_by"), QStringLiteral("created_at")}));
    const QStringList indexes =
        rawQuery(path, QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'index'"));
    QVERIFY(indexes.contains(QStringLiteral("idx_ignore_regions_number")));
    QVERIFY(indexes.contains(QStringLiteral("idx_diff_results_drawing")));
}

// Schema v5: a summary records the AI model that rewrote it and the deterministic text.
void checkV5Schema(const QString &path) {
    QCOMPARE(
        rawQuery(path, QStringLiteral("SELECT name FROM pragma_table_info('summaries')")),
        (QStringList{QStringLiteral("job_id"), QStringLiteral("page_number"), QStringLiteral("summary_text"),
                     QStringLiteral("ai_model"), QStringLiteral("deterministic_text")}));
}

// Every table and column of schema v2 is there.
void checkV2Schema(const QString &path) {
    const QStringList tables =
        rawQuery(path, QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table'"));
    for (const char *t : {"jobs", "job_stages", "diff_results", "summaries", "dead_letters", "job_pages"})
        QVERIFY2(tables.contains(QLatin1String(t)), t);
    auto columns = [&path](const char *table) {
        return rawQuery(path,
                        QStringLiteral("SELECT name FROM pragma_table_info('%1')").arg(QLatin1String(table)));
    };
    QVERIFY(columns("jobs").contains(QStringLiteral("mode")));
    QVERIFY(columns("jobs").contains(QStringLiteral("summary_text")));
    QVERIFY(columns("dead_letters").contains(QStringLiteral("resolved_at")));
    QCOMPARE(columns("job_pages"), (QStringList{QStringLiteral("job_id"), QStringLiteral("page_number"),
                                                QStringLiteral("page_json")}));
    QCOMPARE(rawQuery(path,
                      QStringLiteral("SELECT dflt_value FROM pragma_table_info('jobs') WHERE name = 'mode'")),
             QStringList{QStringLiteral("'streaming'")});
}

} // namespace

class TestJobStore : public QObject {
    Q_OBJECT

private slots:
    void migratesEmptyFile();
    void migratesZeroByteFile();
    void migratesFromV1();
    void migratesFromV2();
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
    void damagedFileRefused();
    void movedAsideForAFreshHistory();
    void readOnlyAccessNeverWrites();
    void writeProtectedFileIsReadOnly();
    void readOnlyOlderSchemaNeedsWriteAccess();
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
    QCOMPARE(rawQuery(path, QStringLiteral("PRAGMA user_version")),
             QStringList{QString::number(JobStore::kSchemaVersion)});
    QCOMPARE(rawQuery(path, QStringLiteral("PRAGMA journal_mode")), QStringList{QStringLiteral("wal")});
    checkV2Schema(path);
    if (QTest::currentTestFailed()) return;
    checkV3Schema(path);
    if (QTest::currentTestFailed()) return;
    checkV5Schema(path);
    if (QTest::currentTestFailed()) return;
}

// A file that exists but is empty (user_version 0) gets the whole schema.
void TestJobStore::migratesZeroByteFile() {
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString path = tmp.filePath(QStringLiteral("history.sqlite"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
    }
    QCOMPARE(QFileInfo(path).size(), 0);
    QCOMPARE(rawQuery(path, QStringLiteral("PRAGMA user_version")), QStringList{QStringLiteral("0")});
    JobStore store(path);
    QString error;
    QVERIFY2(store.open(&error), qPrintable(error));
    QCOMPARE(store.schemaVersion(), JobStore::kSchemaVersion);
    QCOMPARE(store.integrityCheck(), QStringLiteral("ok"));
    checkV2Schema(path);
    if (QTest::currentTestFailed()) return;
    checkV3Schema(path);
    if (QTest::currentTestFailed()) return;
    checkV5Schema(path);
    if (QTest::currentTestFailed()) return;
    // The new columns work from the start.
    JobRecord job = sampleJob(QStringLiteral("job-1"));
    job.mode = QStringLiteral("batch");
    QVERIFY(store.createJob(job));
    QCOMPARE(store.job(QStringLiteral("job-1"))->mode, QStringLiteral("batch"));
}

// A history written by the previous version (schema v1) is migrated in place: its rows stay
// readable, the new columns get their defaults and the new API works on it.
void TestJobStore::migratesFromV1() {
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString path = tmp.filePath(QStringLiteral("history.sqlite"));
    const QJsonObject v1Page{
        {QStringLiteral("page_number"), 1},
        {QStringLiteral("drawing_name"), QStringLiteral("A-101")},
        {QStringLiteral("diff_result"),
         QJsonObject{{QStringLiteral("change_count"), 1},
                     {QStringLiteral("overlay_path"), QStringLiteral("/tmp/p001_overlay.png")}}}};
    const QString pageText = QString::fromUtf8(QJsonDocument(v1Page).toJson(QJsonDocument::Compact));
    {
        QStringList statements;
        for (const char *sql : kSchemaV1Fixture)
            statements << QString::fromLatin1(sql);
        statements << QStringLiteral("PRAGMA user_version=1")
                   << QStringLiteral(
                          "INSERT INTO jobs VALUES ('v1-job', '/data/old.pdf', '/data/new.pdf', 'aaa',"
                          " 'bbb', '{\"dpi\":150}', 'completed', 2, '2024-05-01T10:00:00.000Z',"
                          " '2024-05-01T10:05:00.000Z')")
                   << QStringLiteral("INSERT INTO job_stages VALUES ('v1-job', 1, 'ocr', 'completed', 1, '',"
                                     " '2024-05-01T10:00:01.000Z', '2024-05-01T10:00:02.000Z')")
                   << QStringLiteral("INSERT INTO job_stages VALUES ('v1-job', 1, 'diff', 'completed', 1, '',"
                                     " '2024-05-01T10:00:02.000Z', '2024-05-01T10:00:03.000Z')")
                   << QStringLiteral("INSERT INTO job_stages VALUES ('v1-job', 2, 'ocr', 'completed', 1, '',"
                                     " '2024-05-01T10:00:01.000Z', '2024-05-01T10:00:02.000Z')")
                   << QStringLiteral(
                          "INSERT INTO job_stages VALUES ('v1-job', 2, 'diff', 'failed', 3, 'boom',"
                          " '2024-05-01T10:00:02.000Z', '2024-05-01T10:00:04.000Z')")
                   << QStringLiteral(
                          "INSERT INTO diff_results VALUES ('v1-job', 1, 'A-101', '/tmp/p001_overlay.png',"
                          " '[]', '{}', '%1')")
                          .arg(pageText)
                   << QStringLiteral("INSERT INTO summaries VALUES ('v1-job', 1, 'A-101: no changes.')")
                   << QStringLiteral(
                          "INSERT INTO dead_letters (job_id, page_number, stage, error, attempts, created_at)"
                          " VALUES ('v1-job', 2, 'diff', 'boom', 3, '2024-05-01T10:00:04.000Z')");
        const QString name = QStringLiteral("tst-v1");
        {
            QSqlDatabase d = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            d.setDatabaseName(path);
            QVERIFY(d.open());
            for (const QString &sql : statements) {
                QSqlQuery q(d);
                QVERIFY2(q.exec(sql), qPrintable(sql + QStringLiteral(": ") + q.lastError().text()));
            }
            d.close();
        }
        QSqlDatabase::removeDatabase(name);
    }
    QCOMPARE(rawQuery(path, QStringLiteral("PRAGMA user_version")), QStringList{QStringLiteral("1")});
    QVERIFY(!rawQuery(path, QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table'"))
                 .contains(QStringLiteral("job_pages")));

    JobStore store(path);
    QString error;
    QVERIFY2(store.open(&error), qPrintable(error));
    QCOMPARE(store.schemaVersion(), JobStore::kSchemaVersion);
    QCOMPARE(store.integrityCheck(), QStringLiteral("ok"));
    checkV2Schema(path);
    if (QTest::currentTestFailed()) return;
    checkV3Schema(path);
    if (QTest::currentTestFailed()) return;
    checkV5Schema(path);
    if (QTest::currentTestFailed()) return;

    // The old rows, through the API.
    const auto job = store.job(QStringLiteral("v1-job"));
    QVERIFY(job.has_value());
    QCOMPARE(job->oldFile, QStringLiteral("/data/old.pdf"));
    QCOMPARE(job->newFile, QStringLiteral("/data/new.pdf"));
    QCOMPARE(job->oldHash, QStringLiteral("aaa"));
    QCOMPARE(job->newHash, QStringLiteral("bbb"));
    QCOMPARE(job->settings.value(QStringLiteral("dpi")).toInt(), 150);
    QCOMPARE(job->status, JobStatus::Completed);
    QCOMPARE(job->totalPages, 2);
    QCOMPARE(job->createdAt, QDateTime(QDate(2024, 5, 1), QTime(10, 0), Qt::UTC));
    QCOMPARE(job->finishedAt, QDateTime(QDate(2024, 5, 1), QTime(10, 5), Qt::UTC));
    QCOMPARE(job->mode, QStringLiteral("streaming")); // the new column's default
    QVERIFY(job->summaryText.isEmpty());
    QCOMPARE(store.jobs().size(), 1);
    QVERIFY(
        store.findJob(QStringLiteral("aaa"), QStringLiteral("bbb"), QJsonObject{{QStringLiteral("dpi"), 150}})
            .has_value());

    const auto stages = store.stages(QStringLiteral("v1-job"));
    QCOMPARE(stages.size(), 4);
    QCOMPARE(stages.at(0).pageNumber, 1);
    QCOMPARE(stages.at(0).stage, Stage::Diff);
    QCOMPARE(stages.at(0).status, StageStatus::Completed);
    QCOMPARE(stages.at(0).startedAt, QDateTime(QDate(2024, 5, 1), QTime(10, 0, 2), Qt::UTC));
    QCOMPARE(stages.at(2).pageNumber, 2);
    QCOMPARE(stages.at(2).stage, Stage::Diff);
    QCOMPARE(stages.at(2).status, StageStatus::Failed);
    QCOMPARE(stages.at(2).attempts, 3);
    QCOMPARE(stages.at(2).error, QStringLiteral("boom"));

    QCOMPARE(store.diffResult(QStringLiteral("v1-job"), 1).value_or(QJsonObject()), v1Page);
    QVERIFY(!store.diffResult(QStringLiteral("v1-job"), 2).has_value());
    QCOMPARE(store.summary(QStringLiteral("v1-job"), 1).value_or(QString()),
             QStringLiteral("A-101: no changes."));

    const auto letters = store.deadLetters();
    QCOMPARE(letters.size(), 1);
    QCOMPARE(letters.at(0).jobId, QStringLiteral("v1-job"));
    QCOMPARE(letters.at(0).pageNumber, 2);
    QCOMPARE(letters.at(0).stage, Stage::Diff);
    QCOMPARE(letters.at(0).error, QStringLiteral("boom"));
    QCOMPARE(letters.at(0).attempts, 3);
    QCOMPARE(letters.at(0).createdAt, QDateTime(QDate(2024, 5, 1), QTime(10, 0, 4), Qt::UTC));
    QVERIFY(!letters.at(0).resolvedAt.isValid()); // the new column's default

    // v1 had no sheet pairs: the job reads as not matched yet, until they are set.
    QVERIFY(!store.jobPages(QStringLiteral("v1-job")).has_value());
    const QVector<QJsonObject> pages = {v1Page, QJsonObject{{QStringLiteral("page_number"), 2}}};
    QVERIFY2(store.setJobPages(QStringLiteral("v1-job"), pages, &error), qPrintable(error));
    QCOMPARE(store.jobPages(QStringLiteral("v1-job")).value_or(QVector<QJsonObject>()), pages);
    QCOMPARE(store.job(QStringLiteral("v1-job"))->totalPages, 2);
    QVERIFY(store.setJobSummary(QStringLiteral("v1-job"), QStringLiteral("2 sheets compared.")));
    QCOMPARE(store.job(QStringLiteral("v1-job"))->summaryText, QStringLiteral("2 sheets compared."));

    // retry's reset: the failed stage goes back to pending, its dead letter is resolved.
    QCOMPARE(store.resetFailedStages(QStringLiteral("v1-job"), 2, &error), 1);
    const auto reset = store.stages(QStringLiteral("v1-job"));
    QCOMPARE(reset.at(2).status, StageStatus::Pending);
    QCOMPARE(reset.at(2).attempts, 0);
    QVERIFY(reset.at(2).error.isEmpty());
    QCOMPARE(reset.at(0).status, StageStatus::Completed); // others untouched
    QVERIFY(store.deadLetters().isEmpty());
    const auto all = store.deadLetters(true);
    QCOMPARE(all.size(), 1);
    QVERIFY(all.at(0).resolvedAt.isValid());
    QCOMPARE(store.resetFailedStages(QStringLiteral("v1-job"), 0, &error), 0);

    // New jobs next to the old one, and a second open is a no-op.
    JobRecord batch = sampleJob(QStringLiteral("v2-job"));
    batch.mode = QStringLiteral("batch");
    QVERIFY(store.createJob(batch));
    JobStore again(path);
    QVERIFY(again.open());
    QCOMPARE(again.schemaVersion(), JobStore::kSchemaVersion);
    QCOMPARE(again.jobs().size(), 2);
    QCOMPARE(again.job(QStringLiteral("v2-job"))->mode, QStringLiteral("batch"));
    QCOMPARE(again.job(QStringLiteral("v1-job"))->mode, QStringLiteral("streaming"));
    QCOMPARE(again.stages(QStringLiteral("v1-job")).size(), 4);
}

// A history of schema v2 gets the review tables in place; its jobs and results stay and can be
// reviewed, found by drawing number and given ignore regions.
void TestJobStore::migratesFromV2() {
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString path = tmp.filePath(QStringLiteral("history.sqlite"));
    const QString regions = QStringLiteral("[{\"id\":1},{\"id\":2}]");
    {
        QStringList statements;
        for (const char *sql : kSchemaV1Fixture)
            statements << QString::fromLatin1(sql);
        for (const char *sql : kSchemaV2Fixture)
            statements << QString::fromLatin1(sql);
        statements
            << QStringLiteral("PRAGMA user_version=2")
            << QStringLiteral(
                   "INSERT INTO jobs (id, old_file, new_file, old_hash, new_hash, settings_json, status,"
                   " total_pages, created_at, finished_at, mode, summary_text) VALUES ('v2-job',"
                   " '/data/a.pdf', '/data/b.pdf', 'aaa', 'bbb', '{\"dpi\":150}', 'completed', 1,"
                   " '2024-06-01T09:00:00.000Z', '2024-06-01T09:01:00.000Z', 'batch', '1 sheet changed.')")
            << QStringLiteral("INSERT INTO diff_results VALUES ('v2-job', 1, 'A-101', '', '%1', '{}', '{}')")
                   .arg(regions);
        const QString name = QStringLiteral("tst-v2");
        {
            QSqlDatabase d = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            d.setDatabaseName(path);
            QVERIFY(d.open());
            for (const QString &sql : statements) {
                QSqlQuery q(d);
                QVERIFY2(q.exec(sql), qPrintable(sql + QStringLiteral(": ") + q.lastError().text()));
            }
            d.close();
        }
        QSqlDatabase::removeDatabase(name);
    }
    QCOMPARE(rawQuery(path, QStringLiteral("PRAGMA user_version")), QStringList{QStringLiteral("2")});

    JobStore store(path);
    QString error;
    QVERIFY2(store.open(&error), qPrintable(error));
    QCOMPARE(store.schemaVersion(), JobStore::kSchemaVersion);
    QCOMPARE(store.integrityCheck(), QStringLiteral("ok"));
    checkV2Schema(path);
    if (QTest::currentTestFailed()) return;
    checkV3Schema(path);
    if (QTest::currentTestFailed()) return;
    checkV5Schema(path);
    if (QTest::currentTestFailed()) return;

    const auto job = store.job(QStringLiteral("v2-job"));
    QVERIFY(job.has_value());
    QCOMPARE(job->mode, QStringLiteral("batch"));
    QCOMPARE(job->summaryText, QStringLiteral("1 sheet changed."));
    QCOMPARE(job->origin, JobOrigin::Local); // v4: older jobs ran here
    QVERIFY(job->remoteJobId.isEmpty());
    QVERIFY(store.syncStore().syncOperations().isEmpty());
    QVERIFY(
        store.reviewStore().reviews(QStringLiteral("v2-job")).isEmpty()); // nothing reviewed yet: all open

    RegionReview review;
    review.jobId = QStringLiteral("v2-job");
    review.pageNumber = 1;
    review.regionNumber = 2;
    review.status = ReviewStatus::Rejected;
    review.comment = QStringLiteral("not on the client's list");
    QVERIFY2(store.reviewStore().setReview(review, &error), qPrintable(error));
    const QVector<SheetHistoryEntry> history = store.sheetHistory(QStringLiteral("A-101"));
    QCOMPARE(history.size(), 1);
    QCOMPARE(history.first().changeCount, 2);
    QCOMPARE(history.first().createdAt, QDateTime(QDate(2024, 6, 1), QTime(9, 0), Qt::UTC));
    const qint64 id =
        store.reviewStore().addIgnoreRegion(QStringLiteral("A-101"), QRectF(10, 20, 30, 40), &error);
    QVERIFY2(id > 0, qPrintable(error));
    QCOMPARE(store.reviewStore().addIgnoreRegion(QStringLiteral("A-101"), QRectF(), &error),
             0); // empty: refused

    JobStore again(path);
    QVERIFY(again.open());
    QCOMPARE(again.schemaVersion(), JobStore::kSchemaVersion);
    const QVector<RegionReview> reviews = again.reviewStore().reviews(QStringLiteral("v2-job"), 1);
    QCOMPARE(reviews.size(), 1);
    QCOMPARE(reviews.first().status, ReviewStatus::Rejected);
    QCOMPARE(reviews.first().comment, QStringLiteral("not on the client's list"));
    const QVector<IgnoreRegion> ignored = again.reviewStore().ignoreRegions(QStringLiteral("A-101"));
    QCOMPARE(ignored.size(), 1);
    QCOMPARE(ignored.first().id, id);
    QCOMPARE(ignored.first().rectPt, QRectF(10, 20, 30, 40));
    QVERIFY(ignored.first().createdAt.isValid());
    QVERIFY(again.reviewStore().removeIgnoreRegion(id));
    QVERIFY(!again.reviewStore().removeIgnoreRegion(id)); // gone
    QVERIFY(again.reviewStore().ignoreRegions().isEmpty());
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

// A history with pages overwritten (a failing disk) is refused when opened, in either access, with
// one line naming the file and the damage; nothing is written to it.
void TestJobStore::damagedFileRefused() {
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString path = tmp.filePath(QStringLiteral("history.sqlite"));
    QVERIFY(writeHistory(path, 40));
    QCOMPARE(JobStore::checkFile(path, IntegrityCheck::Quick), StoreProblem::None);
    QCOMPARE(JobStore::checkFile(path, IntegrityCheck::Full), StoreProblem::None);
    QVERIFY(damagePages(path, 5, 1));
    QVERIFY(rawQuery(path, QStringLiteral("PRAGMA integrity_check")) != QStringList{QStringLiteral("ok")});
    const QByteArray before = fileHash(path);

    for (const StoreAccess access : {StoreAccess::ReadWrite, StoreAccess::ReadOnly}) {
        JobStore store(path);
        QString error;
        QVERIFY(!store.open(access, &error));
        QCOMPARE(store.problem(), StoreProblem::Damaged);
        QVERIFY2(error.startsWith(path + QStringLiteral(": the history file is damaged (")),
                 qPrintable(error));
        QVERIFY2(!error.contains(QLatin1Char('\n')) && error.endsWith(QLatin1Char(')')), qPrintable(error));
    }
    QStringList details;
    QCOMPARE(JobStore::checkFile(path, IntegrityCheck::Full, &details), StoreProblem::Damaged);
    QVERIFY(!details.isEmpty());
    QCOMPARE(fileHash(path), before);
    QVERIFY(!QFileInfo::exists(path + QStringLiteral("-journal")));
}

// The damaged file, its -wal and -shm are renamed together; a fresh history starts at the path.
void TestJobStore::movedAsideForAFreshHistory() {
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString path = tmp.filePath(QStringLiteral("history.sqlite"));
    QVERIFY(writeHistory(path, 20));
    QVERIFY(damagePages(path, 5, 2));
    for (const char *suffix : {"-wal", "-shm"}) {
        QFile f(path + QLatin1String(suffix));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(suffix);
    }
    const QByteArray before = fileHash(path);
    QString error;
    const QString kept = JobStore::moveAside(path, &error);
    QVERIFY2(!kept.isEmpty(), qPrintable(error));
    QVERIFY2(QRegularExpression(QStringLiteral("^history\\.sqlite\\.damaged-\\d{8}-\\d{6}$"))
                 .match(QFileInfo(kept).fileName())
                 .hasMatch(),
             qPrintable(kept));
    QCOMPARE(QFileInfo(kept).absolutePath(), QFileInfo(path).absolutePath());
    QCOMPARE(fileHash(kept), before);
    for (const char *suffix : {"-wal", "-shm"}) {
        QVERIFY(!QFileInfo::exists(path + QLatin1String(suffix)));
        QFile f(kept + QLatin1String(suffix));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray(suffix));
    }
    JobStore fresh(path);
    QVERIFY2(fresh.open(&error), qPrintable(error));
    QVERIFY(fresh.jobs().isEmpty());
    // A second damaged history moved aside in the same second does not replace the first.
    const QString second = JobStore::moveAside(path, &error);
    QVERIFY2(!second.isEmpty() && second != kept, qPrintable(second));
    QCOMPARE(fileHash(kept), before);
}

// ReadOnly reads a history without changing a byte of it (not even its journal mode), and every
// write through it fails, whoever runs it (root too: SQLite enforces the read-only open).
void TestJobStore::readOnlyAccessNeverWrites() {
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString path = tmp.filePath(QStringLiteral("history.sqlite"));
    QVERIFY(writeHistory(path, 3));
    QCOMPARE(rawQuery(path, QStringLiteral("PRAGMA journal_mode=DELETE")),
             QStringList{QStringLiteral("delete")});
    const QByteArray before = fileHash(path);
    {
        JobStore store(path);
        QString error;
        QVERIFY2(store.open(StoreAccess::ReadOnly, &error), qPrintable(error));
        QCOMPARE(store.access(), StoreAccess::ReadOnly);
        QCOMPARE(store.jobs().size(), 3);
        QVERIFY(store.summary(QStringLiteral("job-2"), 1)
                    .value_or(QString())
                    .startsWith(QLatin1String("Sheet 1: no changes. ")));
        QVERIFY(!store.createJob(sampleJob(QStringLiteral("job-new")), &error));
        QVERIFY2(error.contains(QLatin1String("readonly")), qPrintable(error));
        QVERIFY(!store.setJobStatus(QStringLiteral("job-1"), JobStatus::Failed));
    }
    QCOMPARE(fileHash(path), before);
    QCOMPARE(rawQuery(path, QStringLiteral("SELECT status FROM jobs WHERE id = 'job-1'")),
             QStringList{QStringLiteral("completed")});
}

// A file without write permission (0444: read-only for root as for its owner) is refused for
// writing with one line naming it, and read as ReadOnly.
void TestJobStore::writeProtectedFileIsReadOnly() {
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString path = tmp.filePath(QStringLiteral("history.sqlite"));
    QVERIFY(writeHistory(path, 2));
    QVERIFY(QFile::setPermissions(path,
                                  QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther));
    const QByteArray before = fileHash(path);
    {
        JobStore store(path);
        QString error;
        QVERIFY(!store.open(&error));
        QCOMPARE(store.problem(), StoreProblem::ReadOnly);
        QCOMPARE(error, path + QStringLiteral(": the history file is read-only"));
        QVERIFY2(store.open(StoreAccess::ReadOnly, &error), qPrintable(error));
        QCOMPARE(store.problem(), StoreProblem::None);
        QCOMPARE(store.jobs().size(), 2);
    }
    QCOMPARE(fileHash(path), before);
}

// A read-only history of an older schema cannot be upgraded: said so. Once it can be written, a
// ReadOnly open upgrades it.
void TestJobStore::readOnlyOlderSchemaNeedsWriteAccess() {
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString path = tmp.filePath(QStringLiteral("history.sqlite"));
    for (const char *sql : kSchemaV1Fixture)
        rawQuery(path, QLatin1String(sql));
    rawQuery(path, QStringLiteral("PRAGMA user_version=1"));
    QCOMPARE(rawQuery(path, QStringLiteral("PRAGMA user_version")), QStringList{QStringLiteral("1")});
    QVERIFY(QFile::setPermissions(path,
                                  QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther));
    const QByteArray before = fileHash(path);
    {
        JobStore store(path);
        QString error;
        QVERIFY(!store.open(StoreAccess::ReadOnly, &error));
        QCOMPARE(store.problem(), StoreProblem::NeedsUpgrade);
        QVERIFY2(error.startsWith(path + QLatin1Char(':')) &&
                     error.contains(QLatin1String("older version")) &&
                     error.contains(QLatin1String("needs write access")),
                 qPrintable(error));
    }
    QCOMPARE(fileHash(path), before);
    QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    JobStore store(path);
    QString error;
    QVERIFY2(store.open(StoreAccess::ReadOnly, &error), qPrintable(error));
    QCOMPARE(store.schemaVersion(), JobStore::kSchemaVersion);
}

QTEST_GUILESS_MAIN(TestJobStore)
#include "tst_jobstore.moc"
