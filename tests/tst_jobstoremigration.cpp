// The history's file (JobStore over HistoryDatabase) across versions and failures: an empty or
// zero-byte file, schema v1 and v2 files migrated to the current schema with their data, a damaged
// file refused or moved aside for a fresh history, and read-only access that never writes (a
// write-protected file, an older schema that needs write access to migrate).
// The rest of JobStore (what it stores and reads back) is tst_jobstore.

#include "compare/pageresult.h"
#include "compare/resultjson.h"
#include "jobfixture.h"
#include "store/jobstore.h"
#include "testutil.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace bt;
using namespace bt::test;

namespace {

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

// Schema v3..v5's additions as those versions wrote them (kSchemaV3..V5 of
// core/store/historydatabase.cpp before v6): with the v1 and v2 fixtures, a v5 history.
const char *const kSchemaV3to5Fixture[] = {
    "CREATE TABLE IF NOT EXISTS region_reviews ("
    " job_id TEXT NOT NULL, page_number INTEGER NOT NULL, region_number INTEGER NOT NULL,"
    " status TEXT NOT NULL, comment TEXT, reviewer TEXT, updated_at TEXT,"
    " PRIMARY KEY (job_id, page_number, region_number))",
    "CREATE TABLE IF NOT EXISTS ignore_regions ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT, drawing_number TEXT NOT NULL,"
    " x REAL NOT NULL, y REAL NOT NULL, w REAL NOT NULL, h REAL NOT NULL, created_by TEXT, created_at TEXT)",
    "CREATE INDEX IF NOT EXISTS idx_ignore_regions_number ON ignore_regions (drawing_number)",
    "CREATE INDEX IF NOT EXISTS idx_diff_results_drawing ON diff_results (drawing_name)",
    "ALTER TABLE jobs ADD COLUMN origin TEXT DEFAULT 'local'",
    "ALTER TABLE jobs ADD COLUMN remote_server TEXT",
    "ALTER TABLE jobs ADD COLUMN remote_job_id TEXT",
    "CREATE INDEX IF NOT EXISTS idx_jobs_remote ON jobs (remote_server, remote_job_id)",
    "CREATE TABLE IF NOT EXISTS sync_operations ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, job_id TEXT, server TEXT,"
    " state_json TEXT, attempts INTEGER DEFAULT 0, next_attempt_at TEXT, last_error TEXT, created_at TEXT)",
    "ALTER TABLE summaries ADD COLUMN ai_model TEXT",
    "ALTER TABLE summaries ADD COLUMN deterministic_text TEXT",
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
    QCOMPARE(columns("ignore_regions").mid(0, 8), // v6 adds project_id
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

// Runs `statements` on the SQLite file at `path` (an older version's history made by hand); the
// first that fails and why, empty when all ran.
QString execAll(const QString &path, const QStringList &statements) {
    const QString name = QStringLiteral("tst-older-version");
    QString failed;
    {
        QSqlDatabase d = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        d.setDatabaseName(path);
        if (!d.open()) failed = d.lastError().text();
        for (const QString &sql : statements) {
            if (!failed.isEmpty()) break;
            QSqlQuery q(d);
            if (!q.exec(sql)) failed = sql + QStringLiteral(": ") + q.lastError().text();
        }
        d.close();
    }
    QSqlDatabase::removeDatabase(name);
    return failed;
}
} // namespace

class TestJobStoreMigration : public QObject {
    Q_OBJECT

private slots:
    void migratesEmptyFile();
    void migratesZeroByteFile();
    void migratesFromV1();
    void migratesFromV2();
    void migratesFromV5IntoDefaultProject();
    void damagedFileRefused();
    void movedAsideForAFreshHistory();
    void readOnlyAccessNeverWrites();
    void writeProtectedFileIsReadOnly();
    void readOnlyOlderSchemaNeedsWriteAccess();
};

void TestJobStoreMigration::migratesEmptyFile() {
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
void TestJobStoreMigration::migratesZeroByteFile() {
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
void TestJobStoreMigration::migratesFromV1() {
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
        const QString failed = execAll(path, statements);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
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
void TestJobStoreMigration::migratesFromV2() {
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
        const QString failed = execAll(path, statements);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
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

// A history of schema v5 (jobs, reviews, ignore areas) goes into the "Default project": its jobs,
// reviews and ignore areas are that project's, and a new project starts with none of them.
void TestJobStoreMigration::migratesFromV5IntoDefaultProject() {
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString path = tmp.filePath(QStringLiteral("history.sqlite"));
    {
        QStringList statements;
        for (const char *sql : kSchemaV1Fixture)
            statements << QString::fromLatin1(sql);
        for (const char *sql : kSchemaV2Fixture)
            statements << QString::fromLatin1(sql);
        for (const char *sql : kSchemaV3to5Fixture)
            statements << QString::fromLatin1(sql);
        statements << QStringLiteral("PRAGMA user_version=5");
        for (const char *id : {"v5-a", "v5-b"})
            statements << QStringLiteral(
                              "INSERT INTO jobs (id, old_file, new_file, old_hash, new_hash, settings_json,"
                              " status, total_pages, created_at, finished_at, mode, summary_text, origin)"
                              " VALUES ('%1', '/data/a.pdf', '/data/b.pdf', 'aaa', 'bbb', '{\"dpi\":150}',"
                              " 'completed', 1, '2025-06-01T09:00:00.000Z', '2025-06-01T09:01:00.000Z',"
                              " 'streaming', '1 sheet changed.', 'local')")
                              .arg(QLatin1String(id))
                       << QStringLiteral("INSERT INTO diff_results VALUES ('%1', 1, 'A-101', '',"
                                         " '[{\"id\":1},{\"id\":2}]', '{}', '{}')")
                              .arg(QLatin1String(id));
        statements << QStringLiteral("INSERT INTO region_reviews VALUES ('v5-a', 1, 2, 'rejected',"
                                     " 'not ours', 'ann', '2025-06-01T10:00:00.000Z')")
                   << QStringLiteral("INSERT INTO ignore_regions (drawing_number, x, y, w, h, created_by,"
                                     " created_at) VALUES ('A-101', 10, 20, 30, 40, 'ann',"
                                     " '2025-06-01T10:00:00.000Z')");
        const QString failed = execAll(path, statements);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
    }
    QCOMPARE(rawQuery(path, QStringLiteral("PRAGMA user_version")), QStringList{QStringLiteral("5")});

    JobStore store(path);
    QString error;
    QVERIFY2(store.open(&error), qPrintable(error));
    QCOMPARE(store.schemaVersion(), JobStore::kSchemaVersion);
    QCOMPARE(store.integrityCheck(), QStringLiteral("ok"));

    // One project, the default, holding both jobs.
    const QVector<ProjectRecord> projects = store.projectStore().projects();
    QCOMPARE(projects.size(), 1);
    QCOMPARE(projects.first().id, JobStore::kDefaultProjectId);
    QCOMPARE(projects.first().name, QStringLiteral("Default project"));
    QCOMPARE(projects.first().jobCount, 2);
    for (const JobRecord &j : store.jobs())
        QCOMPARE(j.projectId, JobStore::kDefaultProjectId);
    // Its reviews, ignore areas and sheet history as before, now the project's.
    const QVector<RegionReview> reviews = store.reviewStore().reviews(QStringLiteral("v5-a"), 1);
    QCOMPARE(reviews.size(), 1);
    QCOMPARE(reviews.first().status, ReviewStatus::Rejected);
    QCOMPARE(reviews.first().comment, QStringLiteral("not ours"));
    const QVector<IgnoreRegion> ignored =
        store.reviewStore().ignoreRegions(JobStore::kDefaultProjectId, QStringLiteral("A-101"));
    QCOMPARE(ignored.size(), 1);
    QCOMPARE(ignored.first().rectPt, QRectF(10, 20, 30, 40));
    QCOMPARE(ignored.first().projectId, JobStore::kDefaultProjectId);
    QCOMPARE(store.sheetHistory(QStringLiteral("A-101"), JobStore::kDefaultProjectId).size(), 2);

    // Another project's A-101 has none of it.
    const qint64 other = store.projectStore().addProject(ProjectRecord{0,
                                                                       QStringLiteral("Riverside Library"),
                                                                       QStringLiteral("2024-17"),
                                                                       QStringLiteral("City"),
                                                                       {},
                                                                       {},
                                                                       0},
                                                         &error);
    QVERIFY2(other > 1, qPrintable(error));
    QVERIFY(store.reviewStore().ignoreRegions(other, QStringLiteral("A-101")).isEmpty());
    QVERIFY(store.sheetHistory(QStringLiteral("A-101"), other).isEmpty());
    JobRecord job = sampleJob(QStringLiteral("new-job"));
    job.projectId = other;
    job.settings = QJsonObject{{QStringLiteral("dpi"), 300}};
    QVERIFY(store.createJob(job));
    QCOMPARE(store.job(QStringLiteral("new-job"))->projectId, other);
    // The same inputs and settings in another project are another job.
    QVERIFY(store.findJob(QStringLiteral("aaa"), QStringLiteral("bbb"),
                          QJsonObject{{QStringLiteral("dpi"), 150}}, JobStore::kDefaultProjectId));
    QVERIFY(!store.findJob(QStringLiteral("aaa"), QStringLiteral("bbb"),
                           QJsonObject{{QStringLiteral("dpi"), 150}}, other));

    // Opened again: no second default project, nothing moved.
    JobStore again(path);
    QVERIFY(again.open());
    QCOMPARE(again.projectStore().projects().size(), 2);
    QCOMPARE(again.projectStore().project(JobStore::kDefaultProjectId)->jobCount, 2);
}

// A history with pages overwritten (a failing disk) is refused when opened, in either access, with
// one line naming the file and the damage; nothing is written to it.
void TestJobStoreMigration::damagedFileRefused() {
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
void TestJobStoreMigration::movedAsideForAFreshHistory() {
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
void TestJobStoreMigration::readOnlyAccessNeverWrites() {
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
void TestJobStoreMigration::writeProtectedFileIsReadOnly() {
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
void TestJobStoreMigration::readOnlyOlderSchemaNeedsWriteAccess() {
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

QTEST_GUILESS_MAIN(TestJobStoreMigration)
#include "tst_jobstoremigration.moc"
