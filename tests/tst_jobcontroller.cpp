// The window's controller (bt::ui::JobController) without a single widget: a real comparison of
// generated drawing sets through it (its signals in order, the cards' data they carry, the job the
// history keeps), reopening that job, a cancelled job resumed, the password retry of a protected
// set, a damaged set, and a damaged history.

#include "drawinggenerator.h"
#include "testutil.h"

#include "compare/comparison.h"
#include "diff/overlay.h"
#include "guisettings.h"
#include "jobcontroller.h"
#include "pipeline/pipeline.h"
#include "store/jobstore.h"

#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QtTest>

using namespace bt;
using namespace bt::test;
using bt::ui::JobController;

namespace {

const QSizeF kTabloid(17, 11);
constexpr int kJobTimeoutMs = 180000;

} // namespace

class TestJobController : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_old, m_new; // 3 tabloid sheets, X-102 edited in NEW
    QThreadPool m_pool;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    // A controller on its own history (the settings' default path is $BUILDTRACE_DB).
    std::unique_ptr<JobController> makeController() {
        auto c = std::make_unique<JobController>(&m_pool);
        QString error;
        if (c->ensureStore(&error) != JobController::StoreState::Open) qWarning("%s", qPrintable(error));
        return c;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        qputenv("BUILDTRACE_DB", path(QStringLiteral("history.sqlite")).toLocal8Bit());
        QCoreApplication::setOrganizationName(QStringLiteral("BuildTraceTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_jobcontroller"));
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, path(QStringLiteral("settings")));
        QSettings().clear();
        ui::GuiSettings s = ui::GuiSettings::load();
        s.dpi = 100;
        s.save();

        const QVector<SheetSpec> base = {
            makeSheet(QStringLiteral("X-101"), QStringLiteral("FIRST FLOOR PLAN"), 11, kTabloid),
            makeSheet(QStringLiteral("X-102"), QStringLiteral("SECOND FLOOR PLAN"), 12, kTabloid),
            makeSheet(QStringLiteral("X-103"), QStringLiteral("THIRD FLOOR PLAN"), 13, kTabloid)};
        QVector<SheetSpec> changed = base;
        changed[1].extraNotes << QStringLiteral("VERIFY ALL DIMENSIONS IN FIELD BEFORE ORDERING MATERIALS.");
        changed[1].revision = QStringLiteral("REV 2");
        m_old = path(QStringLiteral("old.pdf"));
        m_new = path(QStringLiteral("new.pdf"));
        QCOMPARE(writeVectorSet(m_old, base).size(), 3);
        QCOMPARE(writeVectorSet(m_new, changed).size(), 3);
    }

    // A comparison through the controller: it opens the sets, starts the job, tells every stage
    // and result, and the history holds the job as the signals told it.
    void compareRunsAndStoresTheJob() {
        auto c = makeController();
        QVERIFY(c->store());
        QSignalSpy running(c.get(), &JobController::runningChanged);
        QSignalSpy beginning(c.get(), &JobController::jobBeginning);
        QSignalSpy started(c.get(), &JobController::jobStarted);
        QSignalSpy compared(c.get(), &JobController::compared);
        QSignalSpy matched(c.get(), &JobController::sheetsMatched);
        QSignalSpy stages(c.get(), &JobController::stageChanged);
        QSignalSpy pages(c.get(), &JobController::pageUpdated);
        QSignalSpy progress(c.get(), &JobController::progressChanged);
        QSignalSpy finished(c.get(), &JobController::jobFinished);
        QSignalSpy history(c.get(), &JobController::historyChanged);

        QVERIFY(c->compare(m_old, m_new));
        QVERIFY(c->isOpening() && c->isRunning());
        QVERIFY(!c->compare(m_old, m_new)); // one job at a time
        QVERIFY(finished.wait(kJobTimeoutMs));
        QCOMPARE(finished.count(), 1);
        const QString jobId = finished.first().at(0).toString();
        QCOMPARE(finished.first().at(1).value<JobStatus>(), JobStatus::Completed);
        QVERIFY(!c->isRunning());
        QCOMPARE(c->currentJobId(), jobId);
        QCOMPARE(c->currentOldPath(), QFileInfo(m_old).absoluteFilePath());

        // The signals, in their order: opening (running), beginning, started, matched.
        QCOMPARE(running.first().at(0).toBool(), true);
        QCOMPARE(running.last().at(0).toBool(), false);
        QCOMPARE(beginning.count(), 1);
        QCOMPARE(beginning.first().at(2).toBool(), false); // not a redo
        QCOMPARE(started.count(), 1);
        QCOMPARE(started.first().at(0).toString(), jobId);
        QCOMPARE(compared.count(), 1);
        QCOMPARE(matched.count(), 1);
        const auto matchedPages = matched.first().at(0).value<QVector<PageResult>>();
        QCOMPARE(matchedPages.size(), 3);
        QVERIFY(history.count() >= 1); // the sheet count became known
        // Every stage of every sheet completed, each told.
        QSet<QPair<int, int>> completed;
        for (const QList<QVariant> &args : stages) {
            const auto e = args.at(0).value<StageEvent>();
            if (e.status == StageStatus::Completed) completed.insert({e.pageNumber, int(e.stage)});
        }
        QCOMPARE(completed.size(), 9);
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last().at(0).value<JobProgress>().completed(Stage::Summary), 3);

        // The last result told of each sheet is what the history keeps.
        QHash<int, PageResult> told;
        for (const QList<QVariant> &args : pages) {
            const auto p = args.at(0).value<PageResult>();
            told.insert(p.pageNumber, p);
        }
        QCOMPARE(told.size(), 3);
        const std::optional<JobRecord> record = c->job(jobId);
        QVERIFY(record);
        QCOMPARE(record->status, JobStatus::Completed);
        const std::optional<ComparisonResult> stored = storedComparison(*c->store(), jobId);
        QVERIFY(stored);
        QCOMPARE(stored->pages.size(), 3);
        int changedSheets = 0;
        for (const PageResult &p : stored->pages) {
            QVERIFY(told.contains(p.pageNumber));
            QCOMPARE(told[p.pageNumber].regions.size(), p.regions.size());
            QCOMPARE(told[p.pageNumber].summaryText, p.summaryText);
            QVERIFY(!p.summaryText.isEmpty());
            changedSheets += p.regions.isEmpty() ? 0 : 1;
        }
        QCOMPARE(changedSheets, 1);

        // Reopened from the history: the same pages, progress complete, nothing runs.
        QSignalSpy quiet(c.get(), &JobController::stageChanged);
        const std::optional<JobController::StoredJob> reopened = c->openJob(jobId);
        QVERIFY(reopened);
        QCOMPARE(reopened->record.id, jobId);
        QCOMPARE(reopened->result.pages.size(), 3);
        QVERIFY(reopened->progress);
        QCOMPARE(reopened->progress->completed(Stage::Diff), 3);
        QVERIFY(!c->isRunning());
        QCOMPARE(quiet.count(), 0);
        QCOMPARE(c->reviewedCounts().size(), 0); // nothing reviewed yet

        // The same files again: the finished job is continued, not run again.
        QSignalSpy again(c.get(), &JobController::jobStarted);
        QSignalSpy againFinished(c.get(), &JobController::jobFinished);
        QVERIFY(c->compare(m_old, m_new));
        QVERIFY(againFinished.wait(kJobTimeoutMs));
        QCOMPARE(again.first().at(0).toString(), jobId);
        QCOMPARE(again.first().at(1).toBool(), true); // reused
        QCOMPARE(int(c->store()->jobs().size()), 1);

        // Other overlay colours are a view setting: the job is reused, not run again, and its
        // overlays are recoloured in place.
        ui::GuiSettings colourBlind = c->settings();
        colourBlind.colourPreset = QStringLiteral("colorblind");
        c->setSettings(colourBlind);
        QSignalSpy recoloured(c.get(), &JobController::jobStarted);
        QSignalSpy recolouredFinished(c.get(), &JobController::jobFinished);
        QVERIFY(c->compare(m_old, m_new));
        QVERIFY(recolouredFinished.wait(kJobTimeoutMs));
        QCOMPARE(recoloured.first().at(0).toString(), jobId);
        QCOMPARE(recoloured.first().at(1).toBool(), true);
        QCOMPARE(int(c->store()->jobs().size()), 1);
        int overlays = 0;
        const std::optional<ComparisonResult> recolouredJob = storedComparison(*c->store(), jobId);
        QVERIFY(recolouredJob);
        for (const PageResult &p : recolouredJob->pages) {
            if (p.overlayPath.isEmpty()) continue;
            const QImage overlay(p.overlayPath);
            QCOMPARE(overlay.format(), QImage::Format_Indexed8);
            QCOMPARE(overlay.colorTable(), overlayPalette(colourBlind.overlayColours()));
            ++overlays;
        }
        QCOMPARE(overlays, 3);
    }

    // Cancel once a stage runs: jobFinished("cancelled") at once, the job stays resumable, and
    // resuming it (on a fresh pipeline) completes it.
    void cancelThenResume() {
        auto c = makeController();
        ui::GuiSettings s = c->settings();
        s.dpi = 150; // a little slower, so the cancel lands mid-job
        c->setSettings(s);
        const QString old2 = path(QStringLiteral("old2.pdf")), new2 = path(QStringLiteral("new2.pdf"));
        QVERIFY(QFile::copy(m_old, old2) && QFile::copy(m_new, new2));
        QSignalSpy stages(c.get(), &JobController::stageChanged);
        QVERIFY(c->compare(old2, new2));
        QVERIFY(stages.wait(kJobTimeoutMs));
        const QString jobId = c->currentJobId();
        QVERIFY(!jobId.isEmpty());
        QSignalSpy finished(c.get(), &JobController::jobFinished);
        QSignalSpy cancelled(c.get(), &JobController::cancelled);
        Pipeline *before = c->pipeline();
        c->cancel();
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.first().at(1).value<JobStatus>(), JobStatus::Cancelled);
        QCOMPARE(cancelled.count(), 1);
        QCOMPARE(cancelled.first().at(0).toBool(), false);
        QVERIFY(!c->isRunning());
        QVERIFY(c->pipeline() != before); // the next job gets a pipeline of its own
        QCOMPARE(c->job(jobId)->status, JobStatus::Cancelled);
        // The history says how far it got: sheets never diffed are "not compared", not "unchanged".
        const std::optional<ComparisonResult> stored = storedComparison(*c->store(), jobId);
        QVERIFY(stored && !stored->pages.isEmpty());
        const int total = int(stored->pages.size());
        const int diffed = int(std::count_if(stored->pages.begin(), stored->pages.end(),
                                             [](const PageResult &p) { return p.diffDone; }));
        const QString summary = c->job(jobId)->summaryText;
        QVERIFY(diffed < total); // cancelled at its first stage event
        QVERIFY2(summary.startsWith(QStringLiteral("%1 of %2 sheets compared").arg(diffed).arg(total)) &&
                     summary.endsWith(QStringLiteral("; %1 not compared.").arg(total - diffed)),
                 qPrintable(summary));

        QCOMPARE(c->resume(jobId), JobController::ResumeResult::Started);
        QVERIFY(finished.wait(kJobTimeoutMs));
        QCOMPARE(finished.last().at(0).toString(), jobId);
        QCOMPARE(finished.last().at(1).value<JobStatus>(), JobStatus::Completed);
        QCOMPARE(c->job(jobId)->status, JobStatus::Completed);
        QCOMPARE(c->resume(jobId), JobController::ResumeResult::NotResumable);
    }

    // A protected set: passwordNeeded, a wrong answer asks again ("wrong"), the right one runs
    // the job; a damaged set: openFailed naming the side, nothing stored.
    void passwordRetryAndBadFiles() {
        auto c = makeController();
        const QString encrypted = QStringLiteral(BT_SOURCE_DIR "/tests/data/encrypted.pdf");
        const int jobsBefore = int(c->store()->jobs().size());
        QList<bool> wrongFlags;
        connect(c.get(), &JobController::passwordNeeded, this,
                [&](const QString &file, bool oldSide, bool wrong) {
                    QCOMPARE(file, encrypted);
                    QVERIFY(oldSide);
                    wrongFlags << wrong;
                    c->providePassword(file, wrongFlags.size() == 1 ? QStringLiteral("wrong")
                                                                    : QStringLiteral("secret"));
                });
        QSignalSpy finished(c.get(), &JobController::jobFinished);
        QVERIFY(c->compare(encrypted, encrypted));
        QVERIFY(finished.wait(kJobTimeoutMs));
        QCOMPARE(wrongFlags, (QList<bool>{false, true}));
        QCOMPARE(finished.first().at(1).value<JobStatus>(), JobStatus::Completed);
        QCOMPARE(int(c->store()->jobs().size()), jobsBefore + 1);

        const QString corrupt = path(QStringLiteral("corrupt.pdf"));
        QVERIFY(writeFile(corrupt, "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer garbage\n"));
        QSignalSpy failed(c.get(), &JobController::openFailed);
        QVERIFY(c->compare(m_old, corrupt));
        QVERIFY(failed.wait(60000));
        QCOMPARE(failed.first().at(0).toBool(), false); // NEW is the damaged one
        QVERIFY(!failed.first().at(1).toString().isEmpty());
        QVERIFY(!c->isRunning());
        QCOMPARE(int(c->store()->jobs().size()), jobsBefore + 1);
    }

    // A history that is not a database: Damaged, with the problem, and no store.
    void damagedHistory() {
        const QString db = path(QStringLiteral("damaged.sqlite"));
        QVERIFY(writeFile(db, QByteArray(8192, 'x')));
        const QByteArray saved = qgetenv("BUILDTRACE_DB");
        qputenv("BUILDTRACE_DB", db.toLocal8Bit());
        JobController c(&m_pool);
        QString error;
        QCOMPARE(c.ensureStore(&error), JobController::StoreState::Damaged);
        QVERIFY(!error.isEmpty());
        QVERIFY(!c.store());
        QVERIFY(!c.compare(m_old, m_new)); // no history, no job
        qputenv("BUILDTRACE_DB", saved);
    }
};

// A QGuiApplication, not a QApplication: the drawing generator lays out text (fonts); the
// controller itself needs no GUI at all.
int main(int argc, char **argv) {
    QGuiApplication app(argc, argv);
    TestJobController test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "tst_jobcontroller.moc"
