// The desktop window (bt::ui::MainWindow) on real generated drawing sets: drops into the zones
// and onto the window, a comparison whose signals build and update the cards, filters, the viewer,
// recent files, the history (reopening a job without running anything, deleting one), reviews and
// ignore areas that survive a restart, the report export, and the settings dialog.
// Cancel and resume, bad inputs, failed stages and GUI-thread stalls are tst_mainwindowjobs
// (shared fixture: tests/support/gui/mainwindowfixture).
//
// Sets are small for speed: 17 x 11 in sheets at 100 dpi.

#include "drawinggenerator.h"
#include "guiapplication.h"
#include "mainwindowfixture.h"
#include "testutil.h"

#include "compare/comparison.h"
#include "dropzone.h"
#include "guisettings.h"
#include "historypanel.h"
#include "jobhistorymodel.h"
#include "mainwindow.h"
#include "pagecard.h"
#include "pagecardlist.h"
#include "pipeline/pipeline.h"
#include "reportexportdialog.h"
#include "settingsdialog.h"
#include "store/jobstore.h"
#include "summarytext.h"
#include "viewer/overlayviewer.h"
#include "viewer/sheetview.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileInfo>
#include <QMessageBox>
#include <QMimeData>
#include <QPdfDocument>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>
#include <QUrl>
#include <QtTest>

#include <memory>

using namespace bt;
using namespace bt::test;
using bt::ui::CardFilter;
using bt::ui::DropZone;
using bt::ui::MainWindow;
using bt::ui::PageCard;
using bt::ui::ReportExportDialog;

namespace {

QStringList cardNames(const bt::ui::PageCardList *list) {
    QStringList names;
    for (const PageCard *c : list->cards())
        names << c->page().drawingName();
    return names;
}

} // namespace

class TestMainWindow : public MainWindowFixture {
    Q_OBJECT

private:
    QString m_finishedJob; // the job of compareBuildsAndUpdatesCards
    struct CardState {
        QString name;
        int changes = 0;
        QString summary;
    };
    QVector<CardState> m_finishedCards;

private slots:
    void initTestCase() { setUpFiles(QStringLiteral("tst_mainwindow")); }

    void dropOnZone() {
        MainWindow w;
        DropZone *zone = w.oldZone();
        QVERIFY(!zone->accessibleName().isEmpty());
        QVERIFY(dropFiles(zone, {m_old}));
        QCOMPARE(zone->path(), QFileInfo(m_old).absoluteFilePath());
        QVERIFY(w.newZone()->path().isEmpty());
        // The sheet count is read off the GUI thread.
        QTRY_VERIFY_WITH_TIMEOUT(zone->isInspected(), 20000);
        QCOMPARE(zone->pageCount(), 3);
        QVERIFY(zone->problem().isEmpty());
        QVERIFY(!w.compareAction()->isEnabled()); // NEW is still missing

        QVERIFY(dropFiles(w.newZone(), {m_new}));
        QCOMPARE(w.newZone()->path(), QFileInfo(m_new).absoluteFilePath());
        QVERIFY(w.compareAction()->isEnabled());

        // A folder, a remote URL: refused, nothing changes.
        QVERIFY(!dropFiles(zone, {m_dir.path()}));
        QMimeData remote;
        remote.setUrls({QUrl(QStringLiteral("https://example.com/a.pdf"))});
        QDragEnterEvent enter(QPoint(5, 5), Qt::CopyAction, &remote, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(zone, &enter);
        QVERIFY(!enter.isAccepted());
        QCOMPARE(zone->path(), QFileInfo(m_old).absoluteFilePath());

        w.swapFiles();
        QCOMPARE(w.oldZone()->path(), QFileInfo(m_new).absoluteFilePath());
        QCOMPARE(w.newZone()->path(), QFileInfo(m_old).absoluteFilePath());
    }

    void dropTwoFilesAssignsByAge() {
        // Names say the opposite of the ages: the older file must become OLD anyway.
        const QString older = path(QStringLiteral("z-rev-b.pdf")),
                      newer = path(QStringLiteral("a-rev-a.pdf"));
        QVERIFY(QFile::copy(m_old, older));
        QVERIFY(QFile::copy(m_new, newer));
        const QDateTime now = QDateTime::currentDateTime();
        {
            QFile a(older), b(newer);
            QVERIFY(a.open(QIODevice::ReadWrite) && b.open(QIODevice::ReadWrite));
            QVERIFY(a.setFileTime(now.addDays(-10), QFileDevice::FileModificationTime));
            QVERIFY(b.setFileTime(now.addDays(-1), QFileDevice::FileModificationTime));
        }
        MainWindow w;
        QVERIFY(dropFiles(&w, {newer, older}));
        QCOMPARE(w.oldZone()->path(), older);
        QCOMPARE(w.newZone()->path(), newer);

        // Two files dropped on one zone are shared out the same way.
        w.setFiles(QString(), QString());
        QVERIFY(dropFiles(w.newZone(), {older, newer}));
        QCOMPARE(w.oldZone()->path(), older);
        QCOMPARE(w.newZone()->path(), newer);

        // Same age: by name, numbers compared as numbers (rev 9 before rev 10).
        const QString nine = path(QStringLiteral("set rev 9.pdf")),
                      ten = path(QStringLiteral("set rev 10.pdf"));
        QVERIFY(QFile::copy(m_old, nine));
        QVERIFY(QFile::copy(m_new, ten));
        {
            QFile a(nine), b(ten);
            QVERIFY(a.open(QIODevice::ReadWrite) && b.open(QIODevice::ReadWrite));
            QVERIFY(a.setFileTime(now, QFileDevice::FileModificationTime));
            QVERIFY(b.setFileTime(now, QFileDevice::FileModificationTime));
        }
        QVERIFY(dropFiles(&w, {ten, nine}));
        QCOMPARE(w.oldZone()->path(), nine);
        QCOMPARE(w.newZone()->path(), ten);

        // Three files: refused.
        QVERIFY(!dropFiles(&w, {older, newer, nine}));
    }

    void compareBuildsAndUpdatesCards() {
        MainWindow w;
        w.show();
        w.setFiles(m_old, m_new);
        Pipeline *pipeline = w.pipeline();
        QVERIFY(pipeline);

        // Every event must already show on its card when the next connection sees it.
        QStringList stale;
        int cardsAtMatch = -1, cardsAtFirstResult = -1;
        QSet<QString> statusesSeen;
        connect(pipeline, &Pipeline::sheetsMatched, &w,
                [&] { cardsAtMatch = int(w.cardList()->cards().size()); });
        connect(pipeline, &Pipeline::stageChanged, &w, [&](const StageEvent &e) {
            statusesSeen.insert(stageStatusName(e.status));
            const PageCard *card = w.cardList()->card(e.pageNumber);
            const StageStatus shown = card ? card->stageStatus(e.stage) : StageStatus::Failed;
            const StageStatus expected = e.willRetry ? StageStatus::Pending : e.status;
            if (shown != expected)
                stale << QStringLiteral("page %1 %2 %3")
                             .arg(e.pageNumber)
                             .arg(stageName(e.stage), stageStatusName(e.status));
        });
        connect(pipeline, &Pipeline::pageResultReady, &w, [&] {
            if (cardsAtFirstResult < 0) cardsAtFirstResult = int(w.cardList()->cards().size());
        });

        QVERIFY(w.compare());
        QVERIFY(w.isRunning());
        QVERIFY(!w.compareAction()->isEnabled());
        QVERIFY(w.cancelAction()->isEnabled());
        const QString status = waitForJob(w);
        QCOMPARE(status, QStringLiteral("completed"));
        QVERIFY(!w.isRunning());
        QVERIFY(w.compareAction()->isEnabled());
        QVERIFY(!w.cancelAction()->isEnabled());
        QVERIFY2(stale.isEmpty(), qPrintable(stale.join(QStringLiteral(", "))));
        QCOMPARE(cardsAtMatch, 3);
        QCOMPARE(cardsAtFirstResult, 3);
        QVERIFY(statusesSeen.contains(QStringLiteral("in_progress")));

        const ComparisonResult result = pipeline->result();
        QCOMPARE(result.pages.size(), 3);
        const QVector<PageCard *> cards = w.cardList()->cards();
        QCOMPARE(cards.size(), 3);
        // Sheet order is the result's order (NEW's page order).
        QCOMPARE(cardNames(w.cardList()),
                 (QStringList{QStringLiteral("X-101"), QStringLiteral("X-103"), QStringLiteral("X-102")}));
        m_finishedCards.clear();
        for (int i = 0; i < 3; ++i) {
            const PageCard *c = cards[i];
            const PageResult &p = result.pages[i];
            QCOMPARE(c->pageNumber(), i + 1);
            QCOMPARE(c->page().drawingName(), p.drawingName());
            for (const Stage s : kStages)
                QCOMPARE(stageStatusName(c->stageStatus(s)), QStringLiteral("completed"));
            QCOMPARE(c->changeCount(), int(p.regions.size()));
            QCOMPARE(c->summaryText(), p.summaryText);
            QVERIFY(!c->summaryText().isEmpty());
            QVERIFY(c->accessibleName().contains(p.drawingName()));
            m_finishedCards.append({p.drawingName(), c->changeCount(), c->summaryText()});
        }
        QVERIFY(cards[0]->changeCount() > 0);
        QCOMPARE(cards[2]->changeCount(), 0);
        QVERIFY2(cards[1]->matchText().contains(QStringLiteral("moved from 3 to 2")),
                 qPrintable(cards[1]->matchText()));
        // Thumbnails are made off the GUI thread; each matched sheet has an overlay.
        for (const PageCard *c : cards)
            QTRY_VERIFY2_WITH_TIMEOUT(c->hasThumbnail(), qPrintable(c->page().drawingName()), 20000);
        QCOMPARE(w.progressText(), QStringLiteral("OCR 3/3 · Diff 3/3 · Summary 3/3"));

        // Filters.
        QCOMPARE(w.cardList()->count(CardFilter::All), 3);
        QCOMPARE(w.cardList()->count(CardFilter::Changed), 2);
        QCOMPARE(w.cardList()->count(CardFilter::Unchanged), 1);
        QCOMPARE(w.cardList()->count(CardFilter::Failed), 0);
        w.cardList()->setFilter(CardFilter::Unchanged);
        QVERIFY(!cards[0]->isVisibleTo(w.cardList()) && cards[2]->isVisibleTo(w.cardList()));
        w.cardList()->setFilter(CardFilter::All);

        // The history lists the job.
        m_finishedJob = w.shownJobId();
        QCOMPARE(m_finishedJob, result.jobId);
        QVERIFY(w.historyPanel()->jobIds().contains(m_finishedJob));

        // The same files with the same settings again: the history's job is continued, and as it
        // had finished, its cards come back complete at once (no stage events for them).
        QSignalSpy finished(&w, &MainWindow::jobFinished);
        QVERIFY(w.compare());
        QVERIFY(finished.wait(kJobTimeoutMs));
        QCOMPARE(finished.first().at(1).value<JobStatus>(), JobStatus::Completed);
        QVERIFY(w.pipeline()->reused());
        QCOMPARE(w.shownJobId(), m_finishedJob);
        QCOMPARE(w.cardList()->cards().size(), 3);
        for (int i = 0; i < 3; ++i) {
            const PageCard *c = w.cardList()->cards()[i];
            QCOMPARE(c->changeCount(), m_finishedCards[i].changes);
            for (const Stage s : kStages)
                QCOMPARE(stageStatusName(c->stageStatus(s)), QStringLiteral("completed"));
        }
    }

    void clickingCardOpensViewer() {
        QVERIFY(!m_finishedJob.isEmpty());
        MainWindow w;
        w.show();
        w.activateWindow(); // window shortcuts (Return, Back) need the active window
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QVERIFY(w.openJob(m_finishedJob));
        PageCard *card = w.cardList()->card(2);
        QVERIFY(card);
        QTest::mouseClick(card, Qt::LeftButton, Qt::NoModifier, card->rect().center());
        QVERIFY(w.isViewerShown());
        QVERIFY(w.viewer()->isVisible());
        QVERIFY(!w.cardList()->isVisible());

        // Back, then Return on a focused card (not Compare, which Return means elsewhere).
        QSignalSpy started(&w, &MainWindow::jobStarted);
        QAction *back = nullptr;
        for (QAction *a : w.actions())
            if (a->shortcuts().contains(QKeySequence(QKeySequence::Back))) back = a;
        QVERIFY(back);
        back->trigger();
        QVERIFY(!w.isViewerShown());
        QVERIFY(w.cardList()->isVisible());
        PageCard *first = w.cardList()->card(1);
        first->setFocus();
        QTest::keyClick(first, Qt::Key_Return);
        QVERIFY(w.isViewerShown());
        QCOMPARE(started.count(), 0);
    }

    void recentFilesSurviveRestart() {
        // compareBuildsAndUpdatesCards compared m_old with m_new: both are recent files, newest
        // first, in a window opened afterwards (the first one saved them off its GUI thread).
        QVERIFY(!m_finishedJob.isEmpty());
        MainWindow w;
        const QStringList recent = w.oldZone()->recentFiles();
        QVERIFY2(recent.size() >= 2, qPrintable(recent.join(QLatin1Char(','))));
        QCOMPARE(recent.mid(0, 2),
                 QStringList({QFileInfo(m_old).absoluteFilePath(), QFileInfo(m_new).absoluteFilePath()}));
        QCOMPARE(w.newZone()->recentFiles(), recent);
    }

    void historyReopensWithoutRunning() {
        QVERIFY(!m_finishedJob.isEmpty());
        const int jobsBefore = jobCount(m_db);
        MainWindow w;
        w.show();
        QVERIFY(w.historyPanel()->jobIds().contains(m_finishedJob));
        QSignalSpy matched(w.pipeline(), &Pipeline::sheetsMatched);
        QSignalSpy stages(w.pipeline(), &Pipeline::stageChanged);
        QSignalSpy results(w.pipeline(), &Pipeline::pageResultReady);

        // Through the panel: select the job, press Open.
        w.historyPanel()->selectJob(m_finishedJob);
        QPushButton *open = nullptr;
        for (QPushButton *b : w.historyPanel()->findChildren<QPushButton *>())
            if (b->text().remove(QLatin1Char('&')) == QLatin1String("Open")) open = b;
        QVERIFY(open && open->isEnabled());
        open->click();

        // At once, without a job: the cards of the finished run.
        QCOMPARE(w.shownJobId(), m_finishedJob);
        QVERIFY(!w.isRunning());
        const QVector<PageCard *> cards = w.cardList()->cards();
        QCOMPARE(cards.size(), m_finishedCards.size());
        for (int i = 0; i < cards.size(); ++i) {
            QCOMPARE(cards[i]->page().drawingName(), m_finishedCards[i].name);
            QCOMPARE(cards[i]->changeCount(), m_finishedCards[i].changes);
            QCOMPARE(cards[i]->summaryText(), m_finishedCards[i].summary);
            for (const Stage s : kStages)
                QCOMPARE(stageStatusName(cards[i]->stageStatus(s)), QStringLiteral("completed"));
        }
        QCOMPARE(w.oldZone()->path(), QFileInfo(m_old).absoluteFilePath());
        for (const PageCard *c : cards)
            QTRY_VERIFY_WITH_TIMEOUT(c->hasThumbnail(), 20000);
        QTest::qWait(200); // anything the pipeline might have queued
        QCOMPARE(matched.count(), 0);
        QCOMPARE(stages.count(), 0);
        QCOMPARE(results.count(), 0);
        QCOMPARE(jobCount(m_db), jobsBefore);

        // The job's summary in the window's language is built off the GUI thread: the history's
        // text until summaryReady, then the one built from its sheets.
        {
            const std::optional<JobRecord> job = w.store()->job(m_finishedJob);
            QVERIFY(job && !job->summaryText.isEmpty());
            const std::optional<ComparisonResult> stored = storedComparison(*w.store(), m_finishedJob);
            QVERIFY(stored);
            ui::JobHistoryModel model; // no view: no summary asked for yet
            model.setStore(w.store());
            const int row = model.rowOf(m_finishedJob);
            QVERIFY(row >= 0);
            QSignalSpy ready(&model, &ui::JobHistoryModel::summaryReady);
            QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
            const QModelIndex status = model.index(row, ui::JobHistoryModel::StatusColumn);
            QCOMPARE(status.data(Qt::ToolTipRole).toString(), job->summaryText);
            QVERIFY(ready.wait(10000));
            QCOMPARE(ready.first().at(0).toString(), m_finishedJob);
            QCOMPARE(changed.count(), 1); // the job's row, for its views
            QCOMPARE(changed.first().at(0).toModelIndex().row(), row);
            QCOMPARE(status.data(Qt::ToolTipRole).toString(),
                     ui::shownJobSummary(job->summaryText, stored->pages));
            QCOMPARE(status.data(ui::JobHistoryModel::ShownSummaryRole).toString(),
                     ui::shownJobSummary(job->summaryText, stored->pages));
        }

        // And the viewer from there.
        QTest::mouseClick(cards[0], Qt::LeftButton, Qt::NoModifier, cards[0]->rect().center());
        QVERIFY(w.isViewerShown());
    }

    // Review statuses set with A / R / C in the viewer are in the history at once: a new window
    // on the same history shows them in the viewer and as "n of m reviewed" on the card.
    void reviewSurvivesRestart() {
        QVERIFY(!m_finishedJob.isEmpty());
        QVector<int> ids;
        QHash<int, ReviewStatus> expected; // the last key pressed on each change
        int total = 0;
        const std::pair<Qt::Key, ReviewStatus> keys[] = {{Qt::Key_A, ReviewStatus::Accepted},
                                                         {Qt::Key_R, ReviewStatus::Rejected},
                                                         {Qt::Key_C, ReviewStatus::NeedsClarification}};
        {
            MainWindow w;
            w.show();
            w.activateWindow();
            QVERIFY(QTest::qWaitForWindowActive(&w));
            QVERIFY(w.openJob(m_finishedJob));
            PageCard *card = w.cardList()->card(1);
            QVERIFY(card);
            total = card->changeCount();
            QVERIFY(total >= 1);
            QCOMPARE(card->reviewText(), QStringLiteral("0 of %1 reviewed").arg(total));
            w.showSheet(1);
            QVERIFY(w.isViewerShown());
            auto *sheet = w.viewer()->findChild<ui::SheetView *>(QStringLiteral("sheetView"));
            QVERIFY(sheet);
            // A, R, C on the first three changes (round again on a sheet with fewer).
            for (int i = 0; i < 3; ++i) {
                const int id = card->page().regions[i % total].id;
                if (!ids.contains(id)) ids << id;
                w.viewer()->selectRegion(id);
                sheet->setFocus();
                QTest::keyClick(sheet, keys[i].first);
                QCOMPARE(w.viewer()->review(id).status, keys[i].second);
                expected[id] = keys[i].second;
            }
            QCOMPARE(card->reviewText(), QStringLiteral("%1 of %2 reviewed").arg(ids.size()).arg(total));
        }
        MainWindow w;
        w.show();
        QVERIFY(w.openJob(m_finishedJob));
        PageCard *card = w.cardList()->card(1);
        QCOMPARE(card->reviewText(), QStringLiteral("%1 of %2 reviewed").arg(ids.size()).arg(total));
        QVERIFY(w.cardList()->card(2)->reviewText().isEmpty() ||
                w.cardList()->card(2)->reviewText().startsWith(QLatin1String("0 of")));
        w.showSheet(1);
        for (const int id : std::as_const(ids)) {
            QCOMPARE(w.viewer()->review(id).status, expected.value(id));
            QVERIFY(!w.viewer()->review(id).reviewer.isEmpty());
        }
        // Clean slate for the tests after this one.
        JobStore store(m_db);
        QVERIFY(store.open());
        QVERIFY(store.reviewStore().remapReviews(m_finishedJob, 1, {}));
    }

    // An ignore area drawn in the viewer compares that sheet again at once (the job resumes with
    // only that page to redo) while the viewer stays on it; removing the area brings it back.
    void ignoreAreaRedoesSheet() {
        QVERIFY(!m_finishedJob.isEmpty());
        MainWindow w;
        w.show();
        QVERIFY(w.openJob(m_finishedJob));
        PageCard *card = w.cardList()->card(1);
        const int before = card->changeCount();
        QVERIFY(before >= 1);
        const ChangeRegion first = card->page().regions.first();
        w.showSheet(1);
        QSignalSpy started(&w, &MainWindow::jobStarted);
        QSignalSpy finished(&w, &MainWindow::jobFinished);
        QVERIFY(w.viewer()->addIgnoreArea(first.boxPt.adjusted(-2, -2, 2, 2)));
        QVERIFY(w.isRunning());
        QVERIFY(finished.wait(kJobTimeoutMs));
        QCOMPARE(finished.first().at(1).value<JobStatus>(), JobStatus::Completed);
        QCOMPARE(started.first().at(0).toString(), m_finishedJob); // the same job, resumed
        QVERIFY(w.isViewerShown());
        card = w.cardList()->card(1);
        QTRY_COMPARE_WITH_TIMEOUT(card->changeCount(), before - 1, 10000);
        QCOMPARE(card->page().ignoredPt.size(), 1);
        QCOMPARE(w.viewer()->ignoreRegions().size(), 1);
        // The other sheets were not compared again.
        QCOMPARE(w.cardList()->card(2)->changeCount(), m_finishedCards[1].changes);

        finished.clear();
        QVERIFY(w.viewer()->removeIgnoreArea(w.viewer()->ignoreRegions().first().id));
        QVERIFY(finished.wait(kJobTimeoutMs));
        QTRY_COMPARE_WITH_TIMEOUT(w.cardList()->card(1)->changeCount(), before, 10000);
        QVERIFY(w.isViewerShown());
    }

    void exportReportFromWindow() {
        // File → Export Report… on a job opened from the history: every sheet, or the one in the
        // viewer as "Selected sheets".
        QVERIFY(!m_finishedJob.isEmpty());
        MainWindow w;
        w.show();
        QVERIFY(w.openJob(m_finishedJob));
        QAction *exportReport = nullptr;
        for (QAction *a : w.actions())
            if (a->shortcuts().contains(QKeySequence(QStringLiteral("Ctrl+E")))) exportReport = a;
        QVERIFY(exportReport && exportReport->isEnabled());
        const QString pdf = path(QStringLiteral("window-report.pdf"));
        bool answered = false, ok = false;
        QList<int> offered;
        {
            DialogAnswerer answer([&](QWidget *dialog) {
                auto *d = qobject_cast<ReportExportDialog *>(dialog);
                if (!d || answered) return;
                answered = true;
                d->setOutputPath(pdf);
                QSignalSpy finished(d, &ReportExportDialog::exportFinished);
                d->start();
                ok = finished.wait(kJobTimeoutMs) && finished.first().at(0).toBool();
                d->accept();
            });
            exportReport->trigger();
        }
        QVERIFY(answered && ok);
        QPdfDocument doc;
        QCOMPARE(doc.load(pdf), QPdfDocument::Error::None);
        QCOMPARE(doc.pageCount(), 1 + int(m_finishedCards.size()) + 1); // cover + every sheet + appendix
        // File → Print Sheet… prints the viewer's sheet: only while one is shown.
        QAction *printSheet = nullptr, *printReport = nullptr;
        for (QAction *a : w.actions()) {
            if (a->shortcuts().contains(QKeySequence(QKeySequence::Print))) printSheet = a;
            if (a->shortcuts().contains(QKeySequence(QStringLiteral("Ctrl+Shift+P")))) printReport = a;
        }
        QVERIFY(printSheet && printReport);
        QVERIFY(!printSheet->isEnabled());
        QVERIFY(printReport->isEnabled());
        w.showSheet(2);
        QCOMPARE(w.selectedSheets(), QList<int>({2}));
        QVERIFY(printSheet->isEnabled());
        w.showCards();
        QVERIFY(!printSheet->isEnabled());
        w.cardList()->setFilter(CardFilter::Changed);
        QCOMPARE(w.selectedSheets().size(), w.cardList()->count(CardFilter::Changed));
    }

    void deleteFromHistory() {
        QVERIFY(!m_finishedJob.isEmpty());
        MainWindow w;
        w.show();
        QVERIFY(w.openJob(m_finishedJob));
        // No: kept.
        {
            DialogAnswerer answer([](QWidget *dialog) {
                auto *box = qobject_cast<QMessageBox *>(dialog);
                QVERIFY(box);
                box->button(QMessageBox::No)->click();
            });
            QVERIFY(!w.deleteJob(m_finishedJob));
            QCOMPARE(answer.count(), 1);
        }
        QVERIFY(w.historyPanel()->jobIds().contains(m_finishedJob));
        // Yes: gone from the store and the list, and its cards with it.
        {
            DialogAnswerer answer([](QWidget *dialog) {
                auto *box = qobject_cast<QMessageBox *>(dialog);
                QVERIFY(box);
                box->button(QMessageBox::Yes)->click();
            });
            QVERIFY(w.deleteJob(m_finishedJob));
        }
        QVERIFY(!w.historyPanel()->jobIds().contains(m_finishedJob));
        QVERIFY(w.cardList()->cards().isEmpty());
        QCOMPARE(w.cardList()->count(CardFilter::All), 0);
        JobStore store(m_db);
        QVERIFY(store.open());
        QVERIFY(!store.job(m_finishedJob));
    }

    void settingsRoundTrip() {
        ui::GuiSettings s;
        s.dpi = 150;
        s.tolerancePt = 1.25;
        s.colourPreset = QStringLiteral("colorblind");
        s.mode = PipelineMode::Batch;
        s.diffConcurrency = 2;
        s.databasePath = path(QStringLiteral("elsewhere.sqlite"));
        const ui::SettingsDialog dialog(s);
        const ui::GuiSettings back = dialog.settings();
        QCOMPARE(back.dpi, 150.0);
        QCOMPARE(back.tolerancePt, 1.25);
        QCOMPARE(back.colourPreset, QStringLiteral("colorblind"));
        QCOMPARE(int(back.mode), int(PipelineMode::Batch));
        QCOMPARE(back.diffConcurrency, 2);
        QCOMPARE(back.databasePath, s.databasePath);
        // $BUILDTRACE_DB wins over the setting.
        QCOMPARE(back.effectiveDatabasePath(), m_db);
        const CompareSettings c = back.compareSettings();
        OverlayColours colourBlind;
        QVERIFY(OverlayColours::fromPreset(QStringLiteral("colorblind"), &colourBlind));
        QCOMPARE(c.colours.added, colourBlind.added);
        QCOMPARE(c.change.tolerancePt, 1.25);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
