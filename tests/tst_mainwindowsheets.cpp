// Added and removed sheets in the window (issue 16, item 4) and the viewer's toolbar at 1280 x 800
// (item 9): on a generated pair where OLD's X-103 is gone, NEW's X-104 is new, X-101 changed and
// X-102 not. The filters, the cards and the job summary count the sheets alike; the added and the
// removed sheet have thumbnails of their one side, open in the viewer labelled "Added in NEW" /
// "Removed from OLD", and are reviewed as one item each, which their cards count.
// With the history dock open at 1280 x 800 the viewer's Previous / Next change stay on the
// toolbar, not in its overflow menu.
//
// BT_SHEETS_SCREENSHOTS=DIR saves viewer-added-sheet.png there (run under xvfb-run with
// QT_QPA_PLATFORM=xcb for the real style and fonts).

#include "drawinggenerator.h"
#include "guiapplication.h"
#include "mainwindowfixture.h"
#include "testutil.h"

#include "compare/sheetstatus.h"
#include "comparepage.h"
#include "mainwindow.h"
#include "pagecard.h"
#include "pagecardlist.h"
#include "report/changelistexport.h"
#include "report/reportinput.h"
#include "summary/summary.h"
#include "viewer/overlayviewer.h"
#include "viewer/sheetview.h"

#include <QAction>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QtTest>

using namespace bt;
using namespace bt::test;
using bt::ui::CardFilter;
using bt::ui::MainWindow;
using bt::ui::OverlayViewer;
using bt::ui::PageCard;

namespace {

// The filter button whose text starts with `name` ("Changed"), or null.
QToolButton *filterButton(MainWindow &w, const QString &name) {
    for (QToolButton *b : w.findChildren<QToolButton *>())
        if (b->isCheckable() && b->text().startsWith(name + QStringLiteral(" ("))) return b;
    return nullptr;
}

// The review progress a sheet's card shows (its row: card widgets exist only for rows in view).
QString reviewTextOf(MainWindow &w, int pageNumber) {
    for (const ui::SheetState &s : w.cardList()->sheets())
        if (s.pageNumber() == pageNumber) return s.reviewText();
    return QStringLiteral("(no sheet %1)").arg(pageNumber);
}

PageCard *cardOf(MainWindow &w, MatchKind kind) {
    for (PageCard *c : w.cardList()->cards())
        if (c->page().match == kind) return c;
    return nullptr;
}

// Share of a pixmap's pixels that are not paper: a thumbnail of a drawing has ink.
double inkShare(const QPixmap &pixmap) {
    const QImage image = pixmap.toImage().convertToFormat(QImage::Format_RGB32);
    int ink = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            ink += qGray(image.pixel(x, y)) < 200 ? 1 : 0;
    return double(ink) / std::max(1, image.width() * image.height());
}

} // namespace

class TestMainWindowSheets : public MainWindowFixture {
    Q_OBJECT

private:
    QString m_jobId;
    QString m_addRemoveOld, m_addRemoveNew;

private slots:
    void initTestCase() {
        setUpFiles(QStringLiteral("tst_mainwindowsheets"));
        const SheetSpec x101 =
            makeSheet(QStringLiteral("X-101"), QStringLiteral("FIRST FLOOR PLAN"), 11, kTabloid);
        const SheetSpec x102 =
            makeSheet(QStringLiteral("X-102"), QStringLiteral("SECOND FLOOR PLAN"), 12, kTabloid);
        const SheetSpec x103 =
            makeSheet(QStringLiteral("X-103"), QStringLiteral("THIRD FLOOR PLAN"), 13, kTabloid);
        const SheetSpec x104 = makeSheet(QStringLiteral("X-104"), QStringLiteral("ROOF PLAN"), 14, kTabloid);
        m_addRemoveOld = path(QStringLiteral("addremove-old.pdf"));
        m_addRemoveNew = path(QStringLiteral("addremove-new.pdf"));
        QCOMPARE(writeVectorSet(m_addRemoveOld, {x101, x102, x103}).size(), 3);
        QCOMPARE(writeVectorSet(m_addRemoveNew, {noteAndRevision(x101), x102, x104}).size(), 3);
    }

    void addedAndRemovedCountedAlike() {
        MainWindow w;
        w.resize(1400, 900);
        w.show();
        w.setFiles(m_addRemoveOld, m_addRemoveNew);
        QVERIFY(w.compare());
        QCOMPARE(waitForJob(w), QStringLiteral("completed"));
        m_jobId = w.shownJobId();
        const ComparisonResult result = w.pipeline()->result();
        const SheetStatusCounts counts = countSheets(result.pages);
        QCOMPARE(counts[SheetStatus::Changed], 1);
        QCOMPARE(counts[SheetStatus::Unchanged], 1);
        QCOMPARE(counts[SheetStatus::Added], 1);
        QCOMPARE(counts[SheetStatus::Removed], 1);

        // The filters count by the same statuses as the summary the header shows.
        const QString summary = summariseJob(result.pages, TextLanguage::English);
        QVERIFY2(summary.contains(QStringLiteral("1 changed")) &&
                     summary.contains(QStringLiteral("1 added")) &&
                     summary.contains(QStringLiteral("1 removed")) &&
                     summary.contains(QStringLiteral("1 unchanged")),
                 qPrintable(summary));
        const QList<QPair<QString, SheetStatus>> filters = {
            {QStringLiteral("Changed"), SheetStatus::Changed},
            {QStringLiteral("Unchanged"), SheetStatus::Unchanged},
            {QStringLiteral("Added"), SheetStatus::Added},
            {QStringLiteral("Removed"), SheetStatus::Removed},
            {QStringLiteral("Failed"), SheetStatus::Failed}};
        for (const auto &[name, status] : filters) {
            QToolButton *b = filterButton(w, name);
            QVERIFY2(b, qPrintable(name));
            QTRY_COMPARE(b->text(), QStringLiteral("%1 (%2)").arg(name).arg(counts[status]));
        }
        QVERIFY(filterButton(w, QStringLiteral("Added"))->isVisible());
        QVERIFY(filterButton(w, QStringLiteral("Removed"))->isVisible());
        QCOMPARE(w.cardList()->count(CardFilter::Changed), 1);
        auto *header = w.findChild<QLabel *>(QStringLiteral("jobHeader"));
        QVERIFY(header);
        QVERIFY2(header->text().contains(QStringLiteral("1 changed")), qPrintable(header->text()));

        // The Added filter shows the added sheet's card alone.
        filterButton(w, QStringLiteral("Added"))->click();
        QTRY_COMPARE(w.cardList()->cards().size(), 1);
        QCOMPARE(w.cardList()->cards().first()->page().match, MatchKind::Added);
        filterButton(w, QStringLiteral("All"))->click();
        QTRY_COMPARE(w.cardList()->cards().size(), 4);

        // Thumbnails of the one side: rendered from the set's page, with the drawing's ink.
        for (const MatchKind kind : {MatchKind::Added, MatchKind::Removed}) {
            PageCard *c = cardOf(w, kind);
            QVERIFY(c);
            QTRY_VERIFY_WITH_TIMEOUT(c->hasThumbnail(), 30000);
            const double ink = inkShare(c->thumbnail());
            QVERIFY2(ink > 0.01 && ink < 0.6, qPrintable(QString::number(ink)));
        }
    }

    void addedSheetInTheViewerIsReviewable() {
        QVERIFY(!m_jobId.isEmpty());
        MainWindow w;
        w.resize(1400, 900);
        w.show();
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QVERIFY(w.openJob(m_jobId));
        PageCard *added = cardOf(w, MatchKind::Added);
        PageCard *removed = cardOf(w, MatchKind::Removed);
        QVERIFY(added && removed);
        const int addedPage = added->pageNumber(), removedPage = removed->pageNumber();

        QSignalSpy loaded(w.viewer(), &OverlayViewer::loadingFinished);
        w.showSheet(addedPage);
        QVERIFY(w.isViewerShown());
        QTRY_VERIFY_WITH_TIMEOUT(!w.viewer()->isLoading(), 60000);
        auto *view = w.viewer()->findChild<ui::SheetView *>(QStringLiteral("sheetView"));
        QVERIFY(view);
        QVERIFY2(view->leftCaption().startsWith(QStringLiteral("Added in NEW")),
                 qPrintable(view->leftCaption()));
        QVERIFY(view->message().isEmpty()); // the one side is shown
        auto *list = w.viewer()->findChild<QTreeView *>(QStringLiteral("changeList"));
        QCOMPARE(list->model()->rowCount(), 1);
        QCOMPARE(list->model()->index(0, 2).data().toString(),
                 QStringLiteral("The whole sheet: added in NEW"));

        // Accepted and commented like a change; the card counts it.
        w.viewer()->selectRegion(kWholeSheetRegionId);
        QCOMPARE(w.viewer()->selectedRegion(), kWholeSheetRegionId);
        QVERIFY(w.viewer()->setReviewStatus(kWholeSheetRegionId, ReviewStatus::Accepted));
        QVERIFY(w.viewer()->setReviewComment(kWholeSheetRegionId, QStringLiteral("new roof plan, expected")));
        QCOMPARE(w.viewer()->reviewedCount(), 1);
        QTRY_COMPARE(reviewTextOf(w, addedPage), QStringLiteral("1 of 1 reviewed"));
        QCOMPARE(w.viewer()->review(kWholeSheetRegionId).comment, QStringLiteral("new roof plan, expected"));
        if (const QByteArray dir = qgetenv("BT_SHEETS_SCREENSHOTS"); !dir.isEmpty()) {
            QTRY_VERIFY_WITH_TIMEOUT(w.viewer()->changeCropsReady(), 30000);
            QVERIFY(w.grab().save(QString::fromLocal8Bit(dir) + QStringLiteral("/viewer-added-sheet.png")));
        }

        // The removed sheet: its old side, labelled, its one item open.
        w.showSheet(removedPage);
        QTRY_VERIFY_WITH_TIMEOUT(!w.viewer()->isLoading(), 60000);
        QVERIFY2(view->leftCaption().startsWith(QStringLiteral("Removed from OLD")),
                 qPrintable(view->leftCaption()));
        QCOMPARE(list->model()->index(0, 2).data().toString(),
                 QStringLiteral("The whole sheet: removed from OLD"));
        QCOMPARE(w.viewer()->reviewedCount(), 0);
        QCOMPARE(reviewTextOf(w, removedPage), QStringLiteral("0 of 1 reviewed"));

        // The review is in the history: a window opened afterwards shows it.
        MainWindow again;
        QVERIFY(again.openJob(m_jobId));
        QTRY_COMPARE(reviewTextOf(again, addedPage), QStringLiteral("1 of 1 reviewed"));

        // The exports count and carry it as the window does: the change list's added-sheet row has
        // the review and the comment.
        const std::optional<ReportInput> input = ReportInput::fromStore(*w.store(), m_jobId);
        QVERIFY(input);
        const QString csv = QString::fromUtf8(changeListCsv(*input));
        const QStringList lines = csv.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        const auto addedRow = std::find_if(lines.cbegin(), lines.cend(), [](const QString &l) {
            return l.contains(QStringLiteral("sheet_added"));
        });
        QVERIFY2(addedRow != lines.cend(), qPrintable(csv));
        QVERIFY2(addedRow->contains(QStringLiteral("accepted")) &&
                     addedRow->contains(QStringLiteral("new roof plan, expected")),
                 qPrintable(*addedRow));
    }

    void toolbarKeepsPreviousNextAt1280x800() {
        if (m_jobId.isEmpty()) { // run alone
            MainWindow job;
            job.setFiles(m_addRemoveOld, m_addRemoveNew);
            QVERIFY(job.compare());
            QCOMPARE(waitForJob(job), QStringLiteral("completed"));
            m_jobId = job.shownJobId();
        }
        MainWindow w;
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto *dock = w.findChild<QDockWidget *>(QStringLiteral("historyDock"));
        QVERIFY(dock);
        dock->show();
        QVERIFY(w.openJob(m_jobId));
        w.showSheet(1);
        QTRY_VERIFY_WITH_TIMEOUT(!w.viewer()->isLoading(), 60000);
        QVERIFY(dock->isVisible());
        QVERIFY2(dock->width() >= 250, qPrintable(QString::number(dock->width())));
        QCOMPARE(w.size(), QSize(1280, 800));
        auto *toolBar = w.viewer()->findChild<QToolBar *>(QStringLiteral("viewerToolBar"));
        QVERIFY(toolBar);
        for (const OverlayViewer::Mode mode : {OverlayViewer::Mode::Overlay, OverlayViewer::Mode::Swipe}) {
            w.viewer()->setMode(mode); // Swipe shows its slider: the widest toolbar
            QApplication::processEvents();
            qInfo("mode %d: toolbar %d px wide, needs %d px (history dock %d px)", int(mode),
                  toolBar->width(), toolBar->sizeHint().width(), dock->width());
            for (const char *name : {"previousChange", "nextChange"}) {
                auto *action = w.viewer()->findChild<QAction *>(QLatin1String(name));
                QVERIFY2(action, name);
                QWidget *button = toolBar->widgetForAction(action);
                QVERIFY2(button, name);
                QTRY_VERIFY2(button->isVisible(), name); // hidden: moved into the overflow menu
                QVERIFY2(toolBar->rect().contains(button->geometry()),
                         qPrintable(QStringLiteral("%1 at %2 in a toolbar %3 wide")
                                        .arg(QLatin1String(name), rectText(button->geometry()))
                                        .arg(toolBar->width())));
            }
        }
        // The modes stay too; what the overflow menu holds is printed.
        for (QAction *a : w.viewer()->actions())
            if (a->isCheckable() && a->actionGroup() && toolBar->widgetForAction(a))
                QVERIFY2(toolBar->widgetForAction(a)->isVisible(), qPrintable(a->text()));
        QStringList overflow;
        for (QAction *a : toolBar->actions())
            if (QWidget *b = toolBar->widgetForAction(a);
                b && !b->isVisible() && a->isVisible() && !a->isSeparator())
                overflow << (a->text().isEmpty() ? QString::fromLatin1(b->metaObject()->className())
                                                 : a->text());
        qInfo("in the overflow menu: %s", qPrintable(overflow.join(QStringLiteral(", "))));
        w.viewer()->setMode(OverlayViewer::Mode::Overlay);
    }
};

QTEST_MAIN(TestMainWindowSheets)
#include "tst_mainwindowsheets.moc"
