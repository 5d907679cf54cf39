// The window's projects (issue 16 items 1 and 2): the project switcher (combo, New/Edit Project
// dialogs, the Project menu), new comparisons going into the current project, the history grouped
// by project, sheet history and ignore areas scoped to the project in the viewer, and reviews
// carried over when a sheet is compared again at another DPI, said in the history row.
// BT_PROJECT_SCREENSHOT=FILE (run under xvfb with QT_QPA_PLATFORM=xcb) saves a picture of the
// switcher with its list open, for the README.
// Store and command line: tst_projects.

#include "drawinggenerator.h"
#include "mainwindowfixture.h"
#include "testutil.h"

#include "historypanel.h"
#include "jobhistorymodel.h"
#include "mainwindow.h"
#include "pagecard.h"
#include "pagecardlist.h"
#include "projectswitcher.h"
#include "store/jobstore.h"
#include "viewer/overlayviewer.h"

#include <QAction>
#include <QComboBox>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QScreen>
#include <QSignalSpy>
#include <QTreeView>
#include <QtTest>

using namespace bt;
using namespace bt::test;
using bt::ui::JobHistoryModel;
using bt::ui::MainWindow;

namespace {

// Fills the project dialog and presses OK.
void answerProjectDialog(QWidget *dialog, const QString &name, const QString &number = QString(),
                         const QString &client = QString()) {
    auto *d = qobject_cast<ui::ProjectDialog *>(dialog);
    QVERIFY(d);
    d->findChild<QLineEdit *>(QStringLiteral("projectName"))->setText(name);
    d->findChild<QLineEdit *>(QStringLiteral("projectNumber"))->setText(number);
    d->findChild<QLineEdit *>(QStringLiteral("projectClient"))->setText(client);
    d->accept();
}

int comboIndexOf(const QComboBox *combo, const QString &name) {
    return combo->findText(name);
}

} // namespace

class TestMainWindowProjects : public MainWindowFixture {
    Q_OBJECT

private:
    QString m_riversideJob, m_defaultJob;
    qint64 m_riverside = 0;

private slots:
    void initTestCase() { setUpFiles(QStringLiteral("tst_mainwindowprojects")); }

    // New Project… makes a project and the current one; a comparison goes into it; switching
    // back puts the next comparison of the same files into the default project as a job of its own.
    void newComparisonsGoIntoTheCurrentProject() {
        MainWindow w;
        auto *switcher = w.projectSwitcher();
        QVERIFY(switcher && switcher->isVisible() == w.isVisible());
        QComboBox *combo = switcher->combo();
        QCOMPARE(combo->count(), 1);
        QCOMPARE(combo->currentText(), QStringLiteral("Default project"));
        {
            DialogAnswerer answer([](QWidget *dialog) {
                answerProjectDialog(dialog, QStringLiteral("Riverside Library"), QStringLiteral("2024-17"),
                                    QStringLiteral("City of Riverside"));
            });
            switcher->newAction()->trigger();
            QCOMPARE(answer.count(), 1);
        }
        QCOMPARE(combo->count(), 2);
        QCOMPARE(combo->currentText(), QStringLiteral("Riverside Library"));
        m_riverside = w.controller()->currentProjectId();
        QVERIFY(m_riverside > JobStore::kDefaultProjectId);
        QCOMPARE(switcher->findChild<QLabel *>(QStringLiteral("projectDetails"))->text(),
                 QStringLiteral("No. 2024-17 · City of Riverside"));
        // The Project menu has New and Edit.
        QCOMPARE(switcher->menu()->actions(),
                 (QList<QAction *>{switcher->newAction(), switcher->editAction()}));
        // Its section heads the history, with nothing in it yet.
        JobHistoryModel *model = w.historyPanel()->model();
        QCOMPARE(model->rowOfProject(m_riverside), 0);
        QVERIFY(model->index(0, 0).data().toString().contains(QStringLiteral("no comparisons yet")));

        w.setFiles(m_old, m_new);
        QVERIFY(w.compare());
        QCOMPARE(waitForJob(w), QStringLiteral("completed"));
        m_riversideJob = w.shownJobId();
        QCOMPARE(w.store()->job(m_riversideJob)->projectId, m_riverside);
        QCOMPARE(model->rowOf(m_riversideJob), 1); // under its project's section

        // Back to the default project through the combo: the same files are a new job there.
        combo->setCurrentIndex(comboIndexOf(combo, QStringLiteral("Default project")));
        emit combo->activated(combo->currentIndex());
        QCOMPARE(w.controller()->currentProjectId(), JobStore::kDefaultProjectId);
        QVERIFY(w.compare());
        QCOMPARE(waitForJob(w), QStringLiteral("completed"));
        m_defaultJob = w.shownJobId();
        QVERIFY(m_defaultJob != m_riversideJob);
        QCOMPARE(w.store()->job(m_defaultJob)->projectId, JobStore::kDefaultProjectId);
        // Two sections, the current project's first, each with its job.
        QCOMPARE(model->rowOfProject(JobStore::kDefaultProjectId), 0);
        QCOMPARE(model->rowOf(m_defaultJob), 1);
        QCOMPARE(model->rowOfProject(m_riverside), 2);
        QCOMPARE(model->rowOf(m_riversideJob), 3);
        auto *list = w.historyPanel()->findChild<QTreeView *>(QStringLiteral("historyList"));
        QVERIFY(list->isFirstColumnSpanned(2, QModelIndex()));
        QVERIFY(!list->isFirstColumnSpanned(3, QModelIndex()));

        // The choice is remembered by the next window.
        combo->setCurrentIndex(comboIndexOf(combo, QStringLiteral("Riverside Library")));
        emit combo->activated(combo->currentIndex());
        MainWindow next;
        QCOMPARE(next.controller()->currentProjectId(), m_riverside);
        QCOMPARE(next.projectSwitcher()->combo()->currentText(), QStringLiteral("Riverside Library"));
    }

    // The viewer's sheet history and ignore areas are the shown job's project's.
    void viewerScopesSheetHistoryAndIgnoreAreas() {
        QVERIFY(!m_riversideJob.isEmpty());
        MainWindow w;
        QVERIFY(w.openJob(m_riversideJob));
        w.showSheet(1);
        QVERIFY(w.isViewerShown());
        ui::OverlayViewer *viewer = w.viewer();
        const QString number =
            w.store()->diffResult(m_riversideJob, 1)->value(QStringLiteral("drawing_name")).toString();
        QVERIFY(!number.isEmpty());
        // Both jobs compared this sheet, one per project: the history lists this project's only.
        QCOMPARE(w.store()->sheetHistory(number).size(), 2);
        QCOMPARE(viewer->sheetHistory().size(), 1);
        QCOMPARE(viewer->sheetHistory().first().jobId, m_riversideJob);
        QVERIFY(viewer->addIgnoreArea(QRectF(20, 20, 60, 30)));
        QCOMPARE(w.store()->reviewStore().ignoreRegions(m_riverside, number).size(), 1);
        QVERIFY(w.store()->reviewStore().ignoreRegions(JobStore::kDefaultProjectId, number).isEmpty());
        QCOMPARE(viewer->ignoreRegions().size(), 1);
        // The sheet is compared again with the project's area left out.
        QVERIFY(w.isRunning());
        QCOMPARE(waitForJob(w), QStringLiteral("completed"));
        const QJsonArray ignored = w.store()
                                       ->diffResult(m_riversideJob, 1)
                                       ->value(QStringLiteral("diff_result"))
                                       .toObject()
                                       .value(QStringLiteral("ignored_areas_pt"))
                                       .toArray();
        QCOMPARE(ignored.size(), 1);
        // The same sheet of the default project's job has none.
        w.showCards();
        QVERIFY(w.openJob(m_defaultJob));
        w.showSheet(1);
        QVERIFY(w.viewer()->ignoreRegions().isEmpty());
        QCOMPARE(w.viewer()->sheetHistory().size(), 1);
        QCOMPARE(w.viewer()->sheetHistory().first().jobId, m_defaultJob);
        // Leave the areas out of the next test's comparisons.
        for (const IgnoreRegion &r : w.store()->reviewStore().ignoreRegions(m_riverside, number))
            QVERIFY(w.store()->reviewStore().removeIgnoreRegion(r.id));
    }

    // Compared again at another DPI in the same project: the reviews come over to the new job's
    // cards, and its history row says from which job and which setting differs.
    void reviewsLastAcrossComparisons() {
        QVERIFY(!m_riversideJob.isEmpty());
        {
            JobStore store(m_db);
            QVERIFY(store.open());
            const QJsonArray regions = store.diffResult(m_riversideJob, 1)
                                           ->value(QStringLiteral("diff_result"))
                                           .toObject()
                                           .value(QStringLiteral("regions"))
                                           .toArray();
            QVERIFY(!regions.isEmpty());
            RegionReview r;
            r.jobId = m_riversideJob;
            r.pageNumber = 1;
            r.regionNumber = regions.first().toObject().value(QStringLiteral("id")).toInt();
            r.status = ReviewStatus::Accepted;
            r.comment = QStringLiteral("per RFI 12");
            QVERIFY(store.reviewStore().setReview(r));
        }
        setDpi(120);
        MainWindow w;
        QCOMPARE(w.controller()->currentProjectId(), m_riverside);
        w.setFiles(m_old, m_new);
        QVERIFY(w.compare());
        QCOMPARE(waitForJob(w), QStringLiteral("completed"));
        setDpi(kDpi);
        const QString again = w.shownJobId();
        QVERIFY(again != m_riversideJob);
        const QVector<RegionReview> carried = w.store()->reviewStore().reviews(again, 1);
        QCOMPARE(carried.size(), 1);
        QCOMPARE(carried.first().comment, QStringLiteral("per RFI 12"));
        // The first card counts it reviewed.
        ui::PageCard *card = w.cardList()->cards().value(0);
        QVERIFY(card);
        QTRY_VERIFY2(card->reviewText().startsWith(QStringLiteral("1 of")), qPrintable(card->reviewText()));
        // The history row says where the reviews are from and what differs.
        JobHistoryModel *model = w.historyPanel()->model();
        const int row = model->rowOf(again);
        QVERIFY(row > model->rowOfProject(m_riverside));
        const QString text = model->index(row, 0).data(JobHistoryModel::CarryTextRole).toString();
        QVERIFY2(text.contains(QStringLiteral("job %1").arg(m_riversideJob.left(8))), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("DPI 100 → 120")), qPrintable(text));
        w.historyPanel()->selectJob(again);
        const QList<QLabel *> details = w.historyPanel()->findChildren<QLabel *>();
        bool shown = false;
        for (const QLabel *l : details)
            shown = shown || l->text().contains(text);
        QVERIFY(shown);
        QVERIFY(model->index(row, JobHistoryModel::StatusColumn)
                    .data()
                    .toString()
                    .contains(QStringLiteral("reviews carried")));
    }

    // Edit Project… renames it: the switcher, the menu and the history's section follow.
    void editProjectRenames() {
        MainWindow w;
        QCOMPARE(w.controller()->currentProjectId(), m_riverside);
        {
            DialogAnswerer answer([](QWidget *dialog) {
                answerProjectDialog(dialog, QStringLiteral("Riverside Library, Phase 2"),
                                    QStringLiteral("2024-17B"));
            });
            w.projectSwitcher()->editAction()->trigger();
            QCOMPARE(answer.count(), 1);
        }
        QCOMPARE(w.projectSwitcher()->combo()->currentText(), QStringLiteral("Riverside Library, Phase 2"));
        QCOMPARE(w.store()->projectStore().project(m_riverside)->number, QStringLiteral("2024-17B"));
        JobHistoryModel *model = w.historyPanel()->model();
        QVERIFY(model->index(model->rowOfProject(m_riverside), 0)
                    .data()
                    .toString()
                    .startsWith(QStringLiteral("Riverside Library, Phase 2")));
        // A name another project has is refused, and the dialog asked again (cancelled here).
        int asked = 0;
        {
            DialogAnswerer answer([&asked](QWidget *dialog) {
                if (auto *box = qobject_cast<QMessageBox *>(dialog)) {
                    box->accept();
                    return;
                }
                if (++asked == 1)
                    answerProjectDialog(dialog, QStringLiteral("default PROJECT"));
                else
                    qobject_cast<QDialog *>(dialog)->reject();
            });
            w.projectSwitcher()->editAction()->trigger();
        }
        QCOMPARE(asked, 2);
        QCOMPARE(w.store()->projectStore().project(m_riverside)->name,
                 QStringLiteral("Riverside Library, Phase 2"));

        // The export dialog's cover fields are the shown job's project's.
        QVERIFY(w.openJob(m_riversideJob));
        QAction *exportReport = nullptr;
        for (QAction *a : w.findChildren<QAction *>())
            if (a->text() == QStringLiteral("Export &Report…")) exportReport = a;
        QVERIFY(exportReport && exportReport->isEnabled());
        QString coverProject, coverNumber;
        {
            DialogAnswerer answer([&](QWidget *dialog) {
                auto *d = qobject_cast<QDialog *>(dialog);
                QVERIFY(d && d->objectName() == QStringLiteral("exportReportDialog"));
                coverProject = d->findChild<QLineEdit *>(QStringLiteral("projectName"))->text();
                coverNumber = d->findChild<QLineEdit *>(QStringLiteral("projectNumber"))->text();
                d->reject();
            });
            exportReport->trigger();
            QCOMPARE(answer.count(), 1);
        }
        QCOMPARE(coverProject, QStringLiteral("Riverside Library, Phase 2"));
        QCOMPARE(coverNumber, QStringLiteral("2024-17B"));

        const QString shot = qEnvironmentVariable("BT_PROJECT_SCREENSHOT");
        if (shot.isEmpty()) return;
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.historyPanel()->selectJob(model->jobIds().value(0));
        w.projectSwitcher()->combo()->showPopup();
        QTest::qWait(500);
        QVERIFY(QGuiApplication::primaryScreen()->grabWindow(0).copy(w.frameGeometry()).save(shot));
        w.projectSwitcher()->combo()->hidePopup();
    }
};

QTEST_MAIN(TestMainWindowProjects)
#include "tst_mainwindowprojects.moc"
