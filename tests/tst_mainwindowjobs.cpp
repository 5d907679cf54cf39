// The desktop window (bt::ui::MainWindow) while jobs run and fail, on real generated drawing
// sets: cancel while the sets open and cancel then resume, password prompts and unreadable files,
// a failed stage on its card, a PDF that spins PDFium, two sets with no sheet in common, a damaged
// history, and how long the GUI thread stalls during a job.
// Drops, cards, the viewer, the history and reviews are tst_mainwindow (shared fixture:
// tests/support/gui/mainwindowfixture).
//
// Sets are small for speed: 17 x 11 in sheets at 100 dpi; ARCH D for the cancel test (100 dpi)
// and for the stall probe (220 dpi, the default resolution).

#include "drawinggenerator.h"
#include "guiapplication.h"
#include "mainwindowfixture.h"
#include "testutil.h"

#include "compare/comparison.h"
#include "dropzone.h"
#include "historypanel.h"
#include "mainwindow.h"
#include "pagecard.h"
#include "pagecardlist.h"
#include "pipeline/pipeline.h"
#include "store/jobstore.h"

#include <QAction>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <ctime>

using namespace bt;
using namespace bt::test;
using bt::ui::CardFilter;
using bt::ui::MainWindow;
using bt::ui::PageCard;

namespace {

const QSizeF kArchD(36, 24);

} // namespace

class TestMainWindowJobs : public MainWindowFixture {
    Q_OBJECT

private:
    QString m_archOld, m_archNew; // ARCH D, 3 sheets, one edited

private slots:
    void initTestCase() {
        setUpFiles(QStringLiteral("tst_mainwindowjobs"));
        const QVector<SheetSpec> archBase = {
            makeSheet(QStringLiteral("D-101"), QStringLiteral("FIRST FLOOR PLAN"), 21, kArchD),
            makeSheet(QStringLiteral("D-102"), QStringLiteral("SECOND FLOOR PLAN"), 22, kArchD),
            makeSheet(QStringLiteral("D-103"), QStringLiteral("ROOF PLAN"), 23, kArchD)};
        m_archOld = path(QStringLiteral("arch-old.pdf"));
        m_archNew = path(QStringLiteral("arch-new.pdf"));
        QCOMPARE(writeVectorSet(m_archOld, archBase).size(), 3);
        QCOMPARE(writeVectorSet(m_archNew, {archBase[0], noteAndRevision(archBase[1]), archBase[2]}).size(),
                 3);
    }

    void cancelWhileOpening() {
        // Cancel before the sets are even open: nothing starts, nothing is recorded.
        const int jobsBefore = jobCount(m_db);
        MainWindow w;
        w.setFiles(m_archOld, m_archNew);
        QSignalSpy started(&w, &MainWindow::jobStarted);
        QVERIFY(w.compare());
        QVERIFY(w.isOpening() && w.isRunning());
        QVERIFY(!w.compareAction()->isEnabled() && w.cancelAction()->isEnabled());
        w.cancel();
        QVERIFY(!w.isRunning());
        QVERIFY(w.compareAction()->isEnabled());
        QTest::qWait(1500); // the opening finishes unseen
        QCOMPARE(started.count(), 0);
        QVERIFY(!w.isRunning());
        QCOMPARE(jobCount(m_db), jobsBefore);
    }

    void cancelThenResume() {
        MainWindow w;
        w.show();
        w.activateWindow(); // Esc is a window shortcut
        QVERIFY(QTest::qWaitForWindowActive(&w));
        w.setFiles(m_archOld, m_archNew);
        QVERIFY(w.compare());
        // Cancel once a stage runs: the job is really under way.
        QSignalSpy stages(w.pipeline(), &Pipeline::stageChanged);
        QTRY_VERIFY_WITH_TIMEOUT(!stages.isEmpty(), 60000);
        const QString jobId = w.shownJobId();
        QSignalSpy finished(&w, &MainWindow::jobFinished);
        QTest::keyClick(&w, Qt::Key_Escape);
        QCOMPARE(finished.count(), 1); // at once
        QCOMPARE(finished.first().at(1).value<JobStatus>(), JobStatus::Cancelled);
        QVERIFY(!w.isRunning());
        QVERIFY(w.compareAction()->isEnabled());
        for (const PageCard *c : w.cardList()->cards())
            for (const Stage s : kStages)
                QVERIFY(c->stageStatus(s) != StageStatus::InProgress);
        {
            JobStore store(m_db);
            QVERIFY(store.open());
            QCOMPARE(store.job(jobId)->status, JobStatus::Cancelled);
        }

        // Resume from the history finishes it.
        QVERIFY(w.resumeJob(jobId));
        QTRY_VERIFY_WITH_TIMEOUT(!w.isOpening(), 20000);
        QCOMPARE(w.shownJobId(), jobId);
        QCOMPARE(waitForJob(w), QStringLiteral("completed"));
        QCOMPARE(w.cardList()->cards().size(), 3);
        QCOMPARE(w.cardList()->count(CardFilter::Changed), 1);
    }

    void wrongPasswordAndBadFiles() {
        const QString encrypted = QStringLiteral(BT_SOURCE_DIR "/tests/data/encrypted.pdf");
        const QString corrupt = path(QStringLiteral("corrupt.pdf"));
        {
            QFile f(corrupt);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer garbage\n");
        }
        const int jobsBefore = jobCount(m_db);
        MainWindow w;
        w.show();

        // A wrong password, then giving up: asked again with "wrong", nothing started.
        w.setFiles(encrypted, m_new);
        QTRY_VERIFY_WITH_TIMEOUT(w.oldZone()->isInspected(), 20000);
        QCOMPARE(w.oldZone()->loadError(), LoadError::PasswordRequired);
        QStringList prompts;
        {
            DialogAnswerer answer([&](QWidget *dialog) {
                auto *input = qobject_cast<QInputDialog *>(dialog);
                if (!input) {
                    dialog->close();
                    return;
                }
                prompts << input->labelText();
                QCOMPARE(input->textEchoMode(), QLineEdit::Password);
                if (prompts.size() == 1) {
                    input->setTextValue(QStringLiteral("wrong"));
                    input->accept();
                } else {
                    input->reject();
                }
            });
            QVERIFY(w.compare()); // the sets are opened off the GUI thread, then the prompts
            QTRY_VERIFY_WITH_TIMEOUT(!w.isRunning(), 20000);
        }
        QCOMPARE(prompts.size(), 2);
        QVERIFY2(prompts[0].contains(QStringLiteral("password protected")), qPrintable(prompts[0]));
        QVERIFY2(prompts[1].contains(QStringLiteral("Wrong password")), qPrintable(prompts[1]));
        QVERIFY(!w.isRunning());
        QCOMPARE(w.oldZone()->path(), QFileInfo(encrypted).absoluteFilePath());
        QCOMPARE(w.newZone()->path(), QFileInfo(m_new).absoluteFilePath());
        QCOMPARE(jobCount(m_db), jobsBefore);

        // A damaged file: a message naming the problem, nothing started, the zones keep their files.
        w.setFiles(corrupt, m_new);
        QTRY_VERIFY_WITH_TIMEOUT(w.oldZone()->isInspected(), 20000);
        QVERIFY(!w.oldZone()->problem().isEmpty()); // shown on the zone before Compare
        QString message;
        {
            DialogAnswerer answer([&](QWidget *dialog) {
                if (auto *box = qobject_cast<QMessageBox *>(dialog))
                    message = box->text() + QLatin1Char('\n') + box->informativeText();
                dialog->close();
            });
            QVERIFY(w.compare());
            QTRY_VERIFY_WITH_TIMEOUT(!w.isRunning(), 20000);
            QCOMPARE(answer.count(), 1);
        }
        QVERIFY2(message.contains(QStringLiteral("corrupt.pdf")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("OLD")), qPrintable(message));
        QCOMPARE(w.oldZone()->path(), QFileInfo(corrupt).absoluteFilePath());
        QCOMPARE(jobCount(m_db), jobsBefore);

        // The right password: asked once (both sides are the same file), the job runs.
        w.setFiles(encrypted, encrypted);
        prompts.clear();
        {
            DialogAnswerer answer([&](QWidget *dialog) {
                auto *input = qobject_cast<QInputDialog *>(dialog);
                QVERIFY(input);
                prompts << input->labelText();
                input->setTextValue(QStringLiteral("secret"));
                input->accept();
            });
            QVERIFY(w.compare());
            QTRY_VERIFY_WITH_TIMEOUT(!w.isOpening(), 20000);
        }
        QCOMPARE(prompts.size(), 1);
        QCOMPARE(waitForJob(w), QStringLiteral("completed"));
        QCOMPARE(w.cardList()->cards().size(), 1);
        QCOMPARE(w.cardList()->cards().first()->changeCount(), 0);
        QCOMPARE(jobCount(m_db), jobsBefore + 1);
    }

    void failedStageShowsOnCard() {
        // Page 2's diff fails on every attempt (5, with backoff): its card says so, the rest go on.
        qputenv("BUILDTRACE_INJECT_FAULT", "diff:2");
        setDpi(90); // other settings: a new job, not the finished one of the same files
        MainWindow w;
        w.show(); // cards are made for the sheets in view
        w.setFiles(m_old, m_new);
        QSignalSpy retries(w.pipeline(), &Pipeline::stageChanged);
        QVERIFY(w.compare());
        const QString status = waitForJob(w);
        qunsetenv("BUILDTRACE_INJECT_FAULT");
        setDpi(kDpi);
        QCOMPARE(status, QStringLiteral("completed_with_errors"));
        const PageCard *card = w.cardList()->card(2);
        QVERIFY(card);
        QCOMPARE(stageStatusName(card->stageStatus(Stage::Diff)), QStringLiteral("failed"));
        QVERIFY2(card->stageError(Stage::Diff).contains(QStringLiteral("injected fault")),
                 qPrintable(card->stageError(Stage::Diff)));
        QVERIFY(card->matches(CardFilter::Failed));
        QCOMPARE(w.cardList()->count(CardFilter::Failed), 1);
        // The error is in the chip's tooltip.
        bool tooltip = false;
        for (const QLabel *chip : card->findChildren<QLabel *>())
            tooltip = tooltip || chip->toolTip().contains(QStringLiteral("injected fault"));
        QVERIFY(tooltip);
        for (const int page : {1, 3})
            QCOMPARE(stageStatusName(w.cardList()->card(page)->stageStatus(Stage::Summary)),
                     QStringLiteral("completed"));
        int retried = 0;
        for (const QList<QVariant> &args : std::as_const(retries))
            retried += args.at(0).value<StageEvent>().willRetry ? 1 : 0;
        QCOMPARE(retried, 4);
    }

    // A PDF whose page tree contains itself spins PDFium for ever: dropped on the window, its
    // zone says it is damaged once the render helper's open timeout ends it, the window answering
    // all the while, and Compare names the file instead of starting.
    void pageTreeLoopInTheWindow() {
        const QString loop = path(QStringLiteral("page-tree-loop.pdf"));
        QVERIFY(writeFile(loop, pageTreeLoopPdf()));
        MainWindow w;
        QElapsedTimer sinceTick;
        qint64 longestGapMs = 0;
        QTimer tick;
        connect(&tick, &QTimer::timeout, [&] { longestGapMs = std::max(longestGapMs, sinceTick.restart()); });
        sinceTick.start();
        tick.start(20);
        w.setFiles(loop, m_new);
        QTRY_VERIFY_WITH_TIMEOUT(w.oldZone()->isInspected(), 60000);
        tick.stop();
        QVERIFY2(w.oldZone()->problem().contains(QStringLiteral("damaged")),
                 qPrintable(w.oldZone()->problem()));
        qInfo("the zone said so after the open timeout; longest pause of the event loop meanwhile: %lld ms",
              longestGapMs);
        QVERIFY2(longestGapMs < 2000, "the window stopped answering while the file was opened");
        QString message;
        {
            DialogAnswerer answer([&](QWidget *dialog) {
                if (auto *box = qobject_cast<QMessageBox *>(dialog))
                    message = box->text() + QLatin1Char('\n') + box->informativeText();
                dialog->close();
            });
            QVERIFY(w.compare());
            QTRY_VERIFY_WITH_TIMEOUT(!w.isRunning(), 60000);
        }
        QVERIFY2(message.contains(QStringLiteral("page-tree-loop.pdf")), qPrintable(message));
    }

    // Two sets with no sheet in common (../shared/badinput: A-101 against B-999) once left the
    // window's job "in progress" for ever: it completes with the removed and the added sheet.
    void noSheetInCommonCompletes() {
        const QString dir = QStringLiteral(BT_SHARED_DIR "/badinput");
        if (!QFileInfo::exists(dir + QStringLiteral("/no-common-sheet-old.pdf")))
            QSKIP("../shared/badinput is absent");
        MainWindow w;
        w.setFiles(dir + QStringLiteral("/no-common-sheet-old.pdf"),
                   dir + QStringLiteral("/no-common-sheet-new.pdf"));
        QVERIFY(w.compare());
        QCOMPARE(waitForJob(w), QStringLiteral("completed"));
        QCOMPARE(w.cardList()->count(CardFilter::All), 2);
        QSet<MatchKind> kinds;
        for (const ui::SheetState &sheet : w.cardList()->sheets())
            kinds.insert(sheet.page().match);
        QCOMPARE(kinds, (QSet<MatchKind>{MatchKind::Removed, MatchKind::Added}));
        QVERIFY(!w.isRunning());
    }

    // A damaged history: the window says so (naming the file) and offers a fresh one. Cancel
    // leaves the file as it is, with no history open; "Start a Fresh History" keeps the damaged
    // file (and its -wal) beside the new, empty one.
    void damagedHistoryOffersFreshOne() {
        const QString db = path(QStringLiteral("damaged/history.sqlite"));
        QVERIFY(QDir().mkpath(QFileInfo(db).absolutePath()));
        QVERIFY(writeHistory(db, 30));
        QVERIFY(damagePages(db, 5, 4));
        {
            QFile wal(db + QStringLiteral("-wal")); // not a valid log: SQLite ignores it
            QVERIFY(wal.open(QIODevice::WriteOnly));
            wal.write("left over");
        }
        const QByteArray before = fileHash(db);
        qputenv("BUILDTRACE_DB", db.toLocal8Bit());
        const auto restore = qScopeGuard([this] { qputenv("BUILDTRACE_DB", m_db.toLocal8Bit()); });

        QString text;
        {
            DialogAnswerer answer([&text](QWidget *dialog) {
                auto *box = qobject_cast<QMessageBox *>(dialog);
                QVERIFY(box);
                text = box->text() + QLatin1Char('\n') + box->informativeText();
                box->button(QMessageBox::Cancel)->click();
            });
            MainWindow w;
            w.show();
            QTRY_COMPARE_WITH_TIMEOUT(answer.count(), 1, 10000);
            QVERIFY(!w.store());
        }
        QVERIFY2(text.contains(QFileInfo(db).absoluteFilePath()) && text.contains(QLatin1String("damaged")) &&
                     text.contains(QLatin1String("fresh history")),
                 qPrintable(text));
        QCOMPARE(fileHash(db), before);

        {
            DialogAnswerer answer([](QWidget *dialog) {
                auto *box = qobject_cast<QMessageBox *>(dialog);
                QVERIFY(box);
                for (QAbstractButton *b : box->buttons())
                    if (box->buttonRole(b) == QMessageBox::AcceptRole) b->click();
            });
            MainWindow w;
            w.show();
            QTRY_VERIFY_WITH_TIMEOUT(w.store() != nullptr, 10000);
            QCOMPARE(answer.count(), 1);
            QCOMPARE(w.store()->path(), QFileInfo(db).absoluteFilePath());
            QVERIFY(w.store()->jobs().isEmpty());
            QVERIFY(w.historyPanel()->jobIds().isEmpty());
        }
        const QDir dir(QFileInfo(db).absolutePath());
        const QStringList kept =
            dir.entryList({QStringLiteral("history.sqlite.damaged-*")}, QDir::Files, QDir::Name);
        QCOMPARE(kept.size(), 3); // the file, its -shm and -wal
        QCOMPARE(fileHash(dir.filePath(kept[0])), before);
        QCOMPARE(kept[2], kept[0] + QStringLiteral("-wal"));
        QCOMPARE(jobCount(db), 0);
    }

    // How long the GUI thread goes without running its event loop during a 3-sheet ARCH D job at
    // the default 220 dpi, thumbnails included. Printed, not asserted against a tight bound (a
    // loaded machine varies); a gap of a second would mean real blocking work on the GUI thread.
    void guiThreadStalls() {
        setDpi(220);
        MainWindow w;
        w.show();
        w.setFiles(m_archOld, m_archNew);
        QTRY_VERIFY_WITH_TIMEOUT(w.oldZone()->isInspected() && w.newZone()->isInspected(), 20000);

        QTest::qWait(300); // the window's first paint (fonts, style) is not the job's

        // A gap between probes is the GUI thread either working (its CPU time grows) or waiting
        // for a core the other processes of a loaded machine hold: both are measured.
        auto guiCpuMs = [] {
            timespec t{};
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
            return qint64(t.tv_sec) * 1000 + t.tv_nsec / 1000000;
        };
        QElapsedTimer clock;
        qint64 last = 0, worst = 0, worstAt = 0, lastCpu = guiCpuMs(), worstBusy = 0, worstBusyAt = 0;
        int probes = 0;
        // What the GUI thread handled last before a long gap: a hint at what stalled it.
        QString lastEvent = QStringLiteral("start");
        QStringList longGaps;
        QTimer probe;
        probe.setTimerType(Qt::PreciseTimer);
        connect(&probe, &QTimer::timeout, [&] {
            const qint64 now = clock.elapsed(), cpu = guiCpuMs();
            if (now - last > worst) {
                worst = now - last;
                worstAt = now;
            }
            if (cpu - lastCpu > worstBusy) {
                worstBusy = cpu - lastCpu;
                worstBusyAt = now;
            }
            if (now - last > 40)
                longGaps << QStringLiteral("%1 ms (%2 ms busy) at %3 ms (after %4)")
                                .arg(now - last)
                                .arg(cpu - lastCpu)
                                .arg(now)
                                .arg(lastEvent);
            last = now;
            lastCpu = cpu;
            ++probes;
        });
        connect(w.pipeline(), &Pipeline::sheetsMatched, &w,
                [&] { lastEvent = QStringLiteral("sheets matched"); });
        connect(w.pipeline(), &Pipeline::stageChanged, &w, [&](const StageEvent &e) {
            lastEvent = QStringLiteral("page %1 %2 %3")
                            .arg(e.pageNumber)
                            .arg(stageName(e.stage), stageStatusName(e.status));
        });
        connect(w.pipeline(), &Pipeline::pageResultReady, &w,
                [&](const PageResult &p) { lastEvent = QStringLiteral("page %1 result").arg(p.pageNumber); });
        connect(w.pipeline(), &Pipeline::jobFinished, &w,
                [&] { lastEvent = QStringLiteral("job finished"); });
        clock.start();
        lastCpu = guiCpuMs();
        probe.start(10);
        QTest::qWait(50);
        QElapsedTimer startCall;
        startCall.start();
        QVERIFY(w.compare());
        const qint64 compareMs = startCall.elapsed();
        QCOMPARE(waitForJob(w), QStringLiteral("completed"));
        const qint64 jobMs = clock.elapsed();
        for (const PageCard *c : w.cardList()->cards()) {
            connect(c, &PageCard::thumbnailReady, &w,
                    [&, c] { lastEvent = QStringLiteral("thumbnail %1").arg(c->pageNumber()); });
        }
        for (const PageCard *c : w.cardList()->cards())
            QTRY_VERIFY_WITH_TIMEOUT(c->hasThumbnail(), 30000);
        probe.stop();
        qInfo("GUI thread: worst gap between 10 ms probes %lld ms (at %lld ms of %lld; %d probes); "
              "most GUI-thread CPU time within one gap %lld ms (at %lld ms); compare() itself took "
              "%lld ms; job done at %lld ms",
              worst, worstAt, clock.elapsed(), probes, worstBusy, worstBusyAt, compareMs, jobMs);
        if (!longGaps.isEmpty())
            qInfo("gaps over 40 ms: %s", qPrintable(longGaps.join(QStringLiteral("; "))));
        QVERIFY2(worst < 1000, qPrintable(QStringLiteral("the GUI thread stalled for %1 ms").arg(worst)));
        // A render, a diff or a full-size image conversion on the GUI thread costs several
        // hundred ms of its CPU time at this size.
        QVERIFY2(worstBusy < 200,
                 qPrintable(QStringLiteral("the GUI thread worked %1 ms at once").arg(worstBusy)));
        setDpi(kDpi);
    }
};

QTEST_MAIN(TestMainWindowJobs)
#include "tst_mainwindowjobs.moc"
