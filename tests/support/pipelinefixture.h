#pragma once

// What the staged pipeline's tests share (tst_pipeline: streaming, batch, crash resumption,
// cancellation, degenerate pairings; tst_pipelinehistory: dead letters and retry, the stage
// runner, two processes on one history, reuse, progress): result JSON compared without ids and
// folders, stage events from the Pipeline's signal or a `--events` line, the CLI's environment,
// and a fixture with the generated sets, one history per run and a finished job in process.
//
// Sets are kept small for speed: 17 x 11 in sheets at --dpi 100 (ARCH D at --dpi 75 for the
// crash test, which needs a job long enough to be killed in the middle).

#include "compare/comparison.h"
#include "pipeline/pipeline.h"
#include "store/jobstore.h"
#include "testutil.h"
#include "timedtestcase.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QVector>

#include <functional>
#include <optional>

namespace bt::test {

const QSizeF kTabloid(17, 11);
const QSizeF kArchD(36, 24);
constexpr double kDpi = 100;
constexpr double kArchDDpi = 75;       // set C: long enough to be killed in the middle, not longer
constexpr int kLongTimeoutMs = 300000; // a loaded 2-core CI machine
// Jobs of a sheet or two: a job still running after this has hung.
constexpr int kShortTimeoutMs = 60000;

// ---- result JSON ------------------------------------------------------------------------------

// The result without what differs between two runs of the same comparison: ids (job_id and the
// *_id fields), created_at, and the folders of artifacts (their file names stay).
QJsonObject normalized(const QJsonObject &o);
// Where two JSON values first differ ("" when equal), for failure messages.
QString firstDifference(const QJsonValue &a, const QJsonValue &b, const QString &where = QStringLiteral("$"));
QJsonObject pageOf(const QJsonObject &result, int pageNumber);
QString summaryTextOf(const QJsonObject &page);

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

Ev evFrom(const StageEvent &e);
Ev evFrom(const QJsonObject &o);
QString evText(const Ev &e);
QString evsText(const QVector<Ev> &events);
// Every JSON line of a `--events` stdout; lines that are not JSON objects are kept as
// {"unparsed": line} so a test notices them.
QVector<QJsonObject> eventLines(const QByteArray &stdOut);
QVector<Ev> stageEvents(const QVector<QJsonObject> &lines);
std::optional<QJsonObject> eventOf(const QVector<QJsonObject> &lines, const QString &kind);
int indexOf(const QVector<Ev> &events, int page, const QString &stage, const QString &status, int from = 0);
int count(const QVector<Ev> &events, int page, const QString &stage, const QString &status);
// ocr, diff, summary.
const QStringList &stageNames();

// ---- processes --------------------------------------------------------------------------------

// The environment runCli gives the CLI, for processes a test drives itself.
QProcessEnvironment cliEnvironment();
// Exit code and status, the end of stderr and of stdout, for failure messages.
QString processText(QProcess &p, const QByteArray &stdOut);

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

// ---- the fixture ------------------------------------------------------------------------------

// The base of the pipeline test classes: a folder for the files of one test case, the sets it
// asks for, a new history per call of newDb(); each test function's time printed.
class PipelineFixture : public TimedTestCase {
protected:
    enum Set { SetA = 1, SetB = 2, SetC = 4, SetD = 8 };
    using Sets = int;

    QTemporaryDir m_dir;
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

    // For initTestCase: checks the folder and the CLI, clears BUILDTRACE_INJECT_FAULT and writes
    // the sets asked for (BT_KEEP_TEST_FILES keeps the folder).
    void setUpFiles(Sets sets);

    QString path(const QString &name) const { return m_dir.filePath(name); }
    QString newDb(const QString &what);

    static CompareSettings settings() {
        CompareSettings s;
        s.dpi = kDpi;
        return s;
    }

    QStringList compareArgs(const QString &oldPath, const QString &newPath, const QString &db,
                            double dpi = kDpi) const;

    // Runs a job on a pipeline until it finishes, recording its stage events. A job still running
    // after timeoutMs is cancelled (status "cancelled").
    Run runPipeline(Pipeline &pipeline, const std::function<bool(QString *)> &start,
                    int timeoutMs = kLongTimeoutMs);
    Run startJob(JobStore &store, const QString &oldPath, const QString &newPath,
                 const PipelineOptions &options);
    const CliRun &cliStreaming();
};

} // namespace bt::test
