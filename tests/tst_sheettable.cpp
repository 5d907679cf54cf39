// The sheet table of big sets (issue 16, item 5): the search (number, title, changed text), the
// discipline filter from the drawing number's prefix, both combined with the Changed / Unchanged /
// Failed filters, sorting, multi-select for "Selected sheets" and the cards/table toggle kept in
// the settings. Model-level first, then in the window with a generated 200-sheet job whose search
// and filter latency is printed (never asserted against a time: a loaded machine varies).
//
// BT_SHEET_TABLE_SCREENSHOT=FILE.png writes the window with the table and a search on the big job
// (run under xvfb-run with QT_QPA_PLATFORM=xcb for the real style and fonts).

#include "guiapplication.h"
#include "latency.h"

#include "comparepage.h"
#include "mainwindow.h"
#include "pagecardlist.h"
#include "sheetmodel.h"
#include "sheettable.h"

#include "compare/sheetstatus.h"
#include "summary/summary.h"

#include <QAction>
#include <QComboBox>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QMenu>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

#include <algorithm>
#include <numeric>

using namespace bt;
using namespace bt::test;
using bt::ui::CardFilter;
using bt::ui::Discipline;
using bt::ui::SheetFilterModel;
using bt::ui::SheetModel;

namespace {

PageResult sheet(int pageNumber, const QString &number, const QString &title, int changes,
                 const QStringList &oldText = {}, const QStringList &newText = {}) {
    PageResult p;
    p.pageNumber = pageNumber;
    p.oldPage = p.newPage = pageNumber - 1;
    p.oldIdentity.number = p.newIdentity.number = number;
    p.oldIdentity.title = p.newIdentity.title = title;
    p.diffDone = true;
    for (int i = 0; i < changes; ++i) {
        ChangeRegion r;
        r.id = i + 1;
        if (i == 0) {
            r.oldText = oldText;
            r.newText = newText;
        }
        p.regions << r;
    }
    return p;
}

// Six sheets of four disciplines: changed, unchanged, one failed.
QVector<PageResult> smallSet() {
    QVector<PageResult> pages{
        sheet(1, QStringLiteral("G-001"), QStringLiteral("COVER SHEET"), 0),
        sheet(2, QStringLiteral("A-101"), QStringLiteral("FIRST FLOOR PLAN"), 3,
              {QStringLiteral("DOOR"), QStringLiteral("D12")},
              {QStringLiteral("DOOR"), QStringLiteral("D12A")}),
        sheet(3, QStringLiteral("A-102"), QStringLiteral("SECOND FLOOR PLAN"), 0),
        sheet(4, QStringLiteral("S-201"), QStringLiteral("FOUNDATION PLAN"), 1, {QStringLiteral("W12X26")},
              {QStringLiteral("W14X30")}),
        sheet(5, QStringLiteral("M-301"), QStringLiteral("HVAC PLAN"), 5),
        sheet(6, QStringLiteral("E-401"), QStringLiteral("LIGHTING PLAN"), 0),
    };
    pages[5].error = QStringLiteral("render failed");
    return pages;
}

QList<int> pagesOf(const SheetFilterModel &f) {
    QList<int> pages;
    for (int row = 0; row < f.rowCount(); ++row)
        pages << f.at(row).pageNumber();
    return pages;
}

// A big set as offices have them: disciplines in blocks, every third sheet changed with a
// revised door tag in its first region.
QVector<PageResult> bigSet(int count) {
    const QStringList prefixes = {QStringLiteral("G"), QStringLiteral("C"), QStringLiteral("L"),
                                  QStringLiteral("A"), QStringLiteral("S"), QStringLiteral("M"),
                                  QStringLiteral("E"), QStringLiteral("P"), QStringLiteral("FP"),
                                  QStringLiteral("I"), QStringLiteral("T")};
    QVector<PageResult> pages;
    for (int i = 0; i < count; ++i) {
        const QString prefix = prefixes[i * prefixes.size() / count];
        const int changes = i % 3 == 0 ? 1 + i % 7 : 0;
        pages << sheet(i + 1, QStringLiteral("%1-%2").arg(prefix).arg(101 + i),
                       QStringLiteral("%1 PLAN LEVEL %2")
                           .arg(i % 2 ? QStringLiteral("FLOOR") : QStringLiteral("CEILING"))
                           .arg(i),
                       changes, {QStringLiteral("DOOR"), QStringLiteral("D%1").arg(i)},
                       {QStringLiteral("DOOR"), QStringLiteral("D%1A").arg(i)});
    }
    return pages;
}

} // namespace

class TestSheetTable : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void initTestCase() {
        ui::setUpGuiApplication();
        QVERIFY(m_dir.isValid());
        qputenv("BUILDTRACE_DB", m_dir.filePath(QStringLiteral("history.sqlite")).toLocal8Bit());
        QCoreApplication::setOrganizationName(QStringLiteral("BuildTraceTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_sheettable"));
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope,
                           m_dir.filePath(QStringLiteral("settings")));
        QSettings().clear();
    }

    void disciplineFromPrefix() {
        QCOMPARE(ui::disciplineOf(QStringLiteral("G-001")), Discipline::General);
        QCOMPARE(ui::disciplineOf(QStringLiteral("a101")), Discipline::Architectural);
        QCOMPARE(ui::disciplineOf(QStringLiteral("S-201")), Discipline::Structural);
        QCOMPARE(ui::disciplineOf(QStringLiteral("M-301")), Discipline::Mechanical);
        QCOMPARE(ui::disciplineOf(QStringLiteral("E-401")), Discipline::Electrical);
        QCOMPARE(ui::disciplineOf(QStringLiteral("P-501")), Discipline::Plumbing);
        QCOMPARE(ui::disciplineOf(QStringLiteral("C-1.0")), Discipline::Civil);
        QCOMPARE(ui::disciplineOf(QStringLiteral("L-100")), Discipline::Landscape);
        QCOMPARE(ui::disciplineOf(QStringLiteral("FP-101")), Discipline::FireProtection);
        QCOMPARE(ui::disciplineOf(QStringLiteral("I-201")), Discipline::Interiors);
        QCOMPARE(ui::disciplineOf(QStringLiteral("T-001")), Discipline::Telecom);
        QCOMPARE(ui::disciplineOf(QStringLiteral("X-9")), Discipline::Other);
        QCOMPARE(ui::disciplineOf(QStringLiteral("101")), Discipline::Other);
        QCOMPARE(ui::disciplineOf(QString()), Discipline::Other);
    }

    void tableColumns() {
        SheetModel model;
        model.setPages(smallSet());
        QCOMPARE(model.columnCount(), int(SheetModel::ColumnCount));
        const auto cell = [&](int row, int column) { return model.index(row, column).data().toString(); };
        QCOMPARE(cell(1, SheetModel::NumberColumn), QStringLiteral("A-101"));
        QCOMPARE(cell(1, SheetModel::TitleColumn), QStringLiteral("FIRST FLOOR PLAN"));
        QCOMPARE(cell(1, SheetModel::DisciplineColumn), QStringLiteral("Architectural"));
        QCOMPARE(cell(1, SheetModel::StatusColumn), QStringLiteral("Changed"));
        QCOMPARE(cell(1, SheetModel::ChangesColumn), QStringLiteral("3"));
        QCOMPARE(cell(0, SheetModel::StatusColumn), QStringLiteral("Unchanged"));
        QCOMPARE(cell(5, SheetModel::StatusColumn), QStringLiteral("Failed"));
        QCOMPARE(cell(1, SheetModel::ReviewedColumn), QStringLiteral("0 of 3")); // none yet
        QCOMPARE(cell(0, SheetModel::ReviewedColumn), QString());                // nothing to review
        QSignalSpy changed(&model, &SheetModel::dataChanged);
        model.setReviewProgress(2, 2, 3);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed[0][1].toModelIndex().column(), SheetModel::ColumnCount - 1); // the whole row
        QCOMPARE(cell(1, SheetModel::ReviewedColumn), QStringLiteral("2 of 3"));
    }

    void searchMatchesNumberTitleAndChangedText() {
        SheetModel model;
        model.setPages(smallSet());
        SheetFilterModel filter(&model);
        QVERIFY(!filter.filtering());
        filter.setSearch(QStringLiteral("a-10"));
        QCOMPARE(pagesOf(filter), QList<int>({2, 3})); // number, any case
        filter.setSearch(QStringLiteral("foundation"));
        QCOMPARE(pagesOf(filter), QList<int>({4})); // title
        filter.setSearch(QStringLiteral("d12a"));
        QCOMPARE(pagesOf(filter), QList<int>({2})); // new text of a change
        filter.setSearch(QStringLiteral("W12X26"));
        QCOMPARE(pagesOf(filter), QList<int>({4})); // old text of a change
        filter.setSearch(QStringLiteral("plan floor"));
        QCOMPARE(pagesOf(filter), QList<int>({2, 3})); // every word, in any order
        filter.setSearch(QStringLiteral("nothing like it"));
        QCOMPARE(filter.rowCount(), 0);
        QVERIFY(filter.filtering());
        filter.setSearch(QStringLiteral("  "));
        QCOMPARE(filter.rowCount(), 6);
        QVERIFY(!filter.filtering());
    }

    void disciplineAndCombinedFilters() {
        SheetModel model;
        model.setPages(smallSet());
        SheetFilterModel filter(&model);
        filter.setDiscipline(Discipline::Architectural);
        QCOMPARE(pagesOf(filter), QList<int>({2, 3}));
        QVERIFY(filter.filtering());
        filter.setFilter(CardFilter::Changed);
        QCOMPARE(pagesOf(filter), QList<int>({2}));
        filter.setFilter(CardFilter::Unchanged);
        QCOMPARE(pagesOf(filter), QList<int>({3}));
        QCOMPARE(filter.count(CardFilter::All), 2); // the filter buttons count within the narrowing
        QCOMPARE(filter.count(CardFilter::Changed), 1);
        filter.setDiscipline(std::nullopt);
        filter.setFilter(CardFilter::Changed);
        filter.setSearch(QStringLiteral("plan"));
        QCOMPARE(pagesOf(filter), QList<int>({2, 4, 5}));
        filter.setDiscipline(Discipline::Electrical);
        filter.setFilter(CardFilter::Failed);
        QCOMPARE(pagesOf(filter), QList<int>({6}));
        filter.setDiscipline(Discipline::Other);
        QCOMPARE(filter.rowCount(), 0);

        // A sheet whose change arrives moves into the narrowed rows.
        filter.setDiscipline(Discipline::Architectural);
        filter.setFilter(CardFilter::Changed);
        filter.setSearch(QString());
        QCOMPARE(pagesOf(filter), QList<int>({2}));
        model.updatePage(sheet(3, QStringLiteral("A-102"), QStringLiteral("SECOND FLOOR PLAN"), 2));
        QCOMPARE(pagesOf(filter), QList<int>({2, 3}));
    }

    // One definition of the counts (compare/sheetstatus.h): the filters, the table's status
    // column, the job summary and the report's sheet status agree on a set with sheets of every
    // status, added and removed ones included (they were "Changed (5)" against "3 changed").
    void countsAgreeWithSummaryAndReport() {
        QVector<PageResult> pages = smallSet(); // 3 changed, 2 unchanged, 1 failed
        PageResult added = sheet(7, QStringLiteral("A-103"), QStringLiteral("THIRD FLOOR PLAN"), 0);
        added.match = MatchKind::Added;
        added.oldPage = -1;
        added.diffDone = false;
        PageResult removed = sheet(8, QStringLiteral("A-104"), QStringLiteral("ROOF PLAN"), 0);
        removed.match = MatchKind::Removed;
        removed.newPage = -1;
        removed.diffDone = false;
        PageResult pending = sheet(9, QStringLiteral("S-202"), QStringLiteral("FRAMING PLAN"), 0);
        pending.diffDone = false; // a cancelled job's sheet
        pages << added << removed << pending;

        const SheetStatusCounts expected = countSheets(pages);
        QCOMPARE(expected[SheetStatus::Changed], 3);
        QCOMPARE(expected[SheetStatus::Unchanged], 2);
        QCOMPARE(expected[SheetStatus::Failed], 1);
        QCOMPARE(expected[SheetStatus::Added], 1);
        QCOMPARE(expected[SheetStatus::Removed], 1);
        QCOMPARE(expected[SheetStatus::NotCompared], 1);
        QCOMPARE(expected.total(), int(pages.size()));

        SheetModel model;
        model.setPages(pages);
        QCOMPARE(model.counts(), expected);
        SheetFilterModel filter(&model);
        const QList<QPair<CardFilter, SheetStatus>> filters = {
            {CardFilter::Changed, SheetStatus::Changed},
            {CardFilter::Unchanged, SheetStatus::Unchanged},
            {CardFilter::Failed, SheetStatus::Failed},
            {CardFilter::Added, SheetStatus::Added},
            {CardFilter::Removed, SheetStatus::Removed}};
        for (const auto &[f, status] : filters) {
            QCOMPARE(filter.count(f), expected[status]);
            filter.setFilter(f);
            QCOMPARE(filter.rowCount(), expected[status]);
            for (int row = 0; row < filter.rowCount(); ++row)
                QCOMPARE(sheetStatus(filter.at(row).result), status); // the report's status
        }
        filter.setFilter(CardFilter::All);
        QCOMPARE(filter.count(CardFilter::All), int(pages.size()));
        for (const PageResult &p : pages) {
            const ui::SheetState *s = model.sheet(p.pageNumber);
            QVERIFY(s);
            QCOMPARE(s->sheetStatus(), sheetStatus(p));
        }
        QCOMPARE(model.index(model.rowOf(7), SheetModel::StatusColumn).data().toString(),
                 QStringLiteral("Added"));
        QCOMPARE(model.index(model.rowOf(8), SheetModel::StatusColumn).data().toString(),
                 QStringLiteral("Removed"));

        // The job summary says the same numbers.
        const QString summary = summariseJob(pages, TextLanguage::English);
        for (const QString &part :
             {QStringLiteral("8 of 9 sheets compared"), QStringLiteral("3 changed (A-101, S-201, M-301)"),
              QStringLiteral("2 unchanged"), QStringLiteral("1 added (A-103)"),
              QStringLiteral("1 removed (A-104)"), QStringLiteral("1 failed (E-401)"),
              QStringLiteral("1 not compared")})
            QVERIFY2(summary.contains(part), qPrintable(summary + QStringLiteral(" lacks ") + part));

        // Added and removed sheets are reviewed as one item each; matched sheets by their regions.
        QCOMPARE(reviewableCount(added), 1);
        QCOMPARE(reviewableCount(removed), 1);
        QCOMPARE(reviewableCount(pages[1]), 3);
        const ChangeRegions whole = reviewableRegions(added, 100.0 / 72);
        QCOMPARE(whole.size(), 1);
        QCOMPARE(whole.first().id, kWholeSheetRegionId);
        QCOMPARE(whole.first().kind, ChangeKind::Added);
        QCOMPARE(reviewableRegions(removed, 1.0).first().kind, ChangeKind::Removed);
        model.setReviewProgress(7, 1, reviewableCount(added));
        QCOMPARE(model.sheet(7)->reviewText(), QStringLiteral("1 of 1 reviewed"));
    }

    void sortByChanges() {
        SheetModel model;
        model.setPages(smallSet());
        SheetFilterModel filter(&model);
        ui::SheetTable table(&filter);
        const auto column = [&](int c) {
            QStringList values;
            for (int row = 0; row < table.model()->rowCount(); ++row)
                values << table.model()->index(row, c).data().toString();
            return values;
        };
        // Sheet order until a header is clicked.
        QCOMPARE(column(SheetModel::NumberColumn),
                 QStringList({"G-001", "A-101", "A-102", "S-201", "M-301", "E-401"}));
        table.sortByColumn(SheetModel::ChangesColumn, Qt::DescendingOrder);
        QCOMPARE(column(SheetModel::NumberColumn).mid(0, 3), QStringList({"M-301", "A-101", "S-201"}));
        QCOMPARE(column(SheetModel::ChangesColumn).mid(0, 3), QStringList({"5", "3", "1"}));
        // Sorted as numbers, not as text: 10 after 5.
        model.updatePage(sheet(1, QStringLiteral("G-001"), QStringLiteral("COVER SHEET"), 10));
        QCOMPARE(column(SheetModel::NumberColumn).first(), QStringLiteral("G-001"));
        // The cards' rows stay in sheet order.
        QCOMPARE(pagesOf(filter), QList<int>({1, 2, 3, 4, 5, 6}));
        // The search narrows the sorted table too.
        filter.setSearch(QStringLiteral("plan"));
        QCOMPARE(column(SheetModel::NumberColumn),
                 QStringList({"M-301", "A-101", "S-201", "A-102", "E-401"}));
    }

    void tableInTheWindow() {
        QSettings().remove(QStringLiteral("view/sheetTable"));
        ui::MainWindow w;
        w.resize(1280, 860);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto *page = w.findChild<ui::ComparePage *>();
        QVERIFY(page);
        QVERIFY(!page->isTableShown());
        QVERIFY(!page->table()->isVisible());
        page->cards()->setPages(smallSet());

        // The View menu's action and the button toggle the same state, remembered.
        QAction *toggle = page->tableAction();
        QVERIFY(!toggle->isChecked());
        bool inMenu = false;
        for (QAction *a : w.findChildren<QAction *>())
            if (a->menu()) inMenu = inMenu || a->menu()->actions().contains(toggle);
        QVERIFY(inMenu);
        auto *button = page->findChild<QToolButton *>(QStringLiteral("sheetTableButton"));
        QVERIFY(button && button->isVisible());
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(page->isTableShown());
        QVERIFY(page->table()->isVisible());
        QVERIFY(!page->cards()->isVisible());
        QCOMPARE(QSettings().value(QStringLiteral("view/sheetTable")).toBool(), true);
        QCOMPARE(page->table()->model()->rowCount(), 6);

        // Search and discipline: the table, the cards and the filter buttons follow.
        page->searchBox()->setText(QStringLiteral("plan"));
        QCOMPARE(page->table()->model()->rowCount(), 5);
        QCOMPARE(page->cards()->shownPages(), QVector<int>({2, 3, 4, 5, 6}));
        page->disciplineBox()->setCurrentIndex(
            page->disciplineBox()->findData(int(Discipline::Architectural)));
        QCOMPARE(page->table()->model()->rowCount(), 2);
        page->clickFilter(int(CardFilter::Changed));
        QCOMPARE(page->table()->model()->rowCount(), 1);
        // Nothing selected: "Selected sheets" are those the filters show.
        QCOMPARE(w.selectedSheets(), QList<int>({2}));
        page->clickFilter(int(CardFilter::All));
        page->disciplineBox()->setCurrentIndex(0);
        page->searchBox()->clear();
        QCOMPARE(page->table()->model()->rowCount(), 6);
        QCOMPARE(w.selectedSheets(), QList<int>()); // everything shown, nothing picked: all sheets

        // Multi-select feeds "Selected sheets", sheet order whatever the table's.
        ui::SheetTable *table = page->table();
        table->sortByColumn(SheetModel::ChangesColumn, Qt::DescendingOrder); // M-301, A-101, S-201, …
        table->selectRow(0);
        const QModelIndex third = table->model()->index(2, 0);
        table->selectionModel()->select(third, QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QCOMPARE(w.selectedSheets(), QList<int>({4, 5}));

        // Double-click opens the sheet in the viewer, as a card click does.
        const QModelIndex second = table->model()->index(1, SheetModel::TitleColumn);
        QCOMPARE(second.data(SheetModel::PageNumberRole).toInt(), 2);
        const QPoint at = table->visualRect(second).center();
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, at);
        QTRY_VERIFY(w.isViewerShown());
        QCOMPARE(w.selectedSheets(), QList<int>({2}));

        // A new window starts with the table, as left.
        ui::MainWindow again;
        QVERIFY(again.findChild<ui::ComparePage *>()->isTableShown());
        toggle->trigger();
        QCOMPARE(QSettings().value(QStringLiteral("view/sheetTable")).toBool(), false);
    }

    void bigSetLatency() {
        const int count = qEnvironmentVariableIntValue("BT_SHEET_TABLE_SHEETS") > 0
                              ? qEnvironmentVariableIntValue("BT_SHEET_TABLE_SHEETS")
                              : 200;
        QSettings().setValue(QStringLiteral("view/sheetTable"), true);
        ui::MainWindow w;
        w.resize(1280, 860);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto *page = w.findChild<ui::ComparePage *>();
        QVERIFY(page->isTableShown());
        QElapsedTimer t;
        t.start();
        page->cards()->setPages(bigSet(count));
        settle(page->table());
        qInfo("%d sheets: table filled and painted in %lld ms", count, t.elapsed());
        QCOMPARE(page->table()->model()->rowCount(), count);

        // Typing searches a key at a time, as a user does; then the discipline list, then the
        // Changed filter on top. Each change is timed until the table (or the cards) repainted.
        const QStringList typed = {QStringLiteral("door d12a"), QStringLiteral("a-1"),
                                   QStringLiteral("ceiling plan")};
        const auto measure = [&](QAbstractScrollArea *view, Latency &search, Latency &discipline) {
            for (const QString &text : typed) {
                for (int n = 1; n <= text.size(); ++n) {
                    t.restart();
                    page->searchBox()->setText(text.left(n));
                    settle(view);
                    search.ms << t.nsecsElapsed() / 1e6;
                }
                page->searchBox()->clear();
            }
            for (int i = 1; i < page->disciplineBox()->count(); ++i) {
                t.restart();
                page->disciplineBox()->setCurrentIndex(i);
                settle(view);
                discipline.ms << t.nsecsElapsed() / 1e6;
            }
            page->disciplineBox()->setCurrentIndex(0);
        };
        Latency tableSearch, tableDiscipline, cardSearch, cardDiscipline;
        measure(page->table(), tableSearch, tableDiscipline);

        // The results are right on the big set.
        page->searchBox()->setText(QStringLiteral("d12a"));
        QCOMPARE(page->cards()->shownPages(), QVector<int>({13})); // sheet index 12: changed, tag D12A
        page->searchBox()->setText(QStringLiteral("ceiling"));
        QCOMPARE(page->table()->model()->rowCount(), (count + 1) / 2);
        page->disciplineBox()->setCurrentIndex(page->disciplineBox()->findData(int(Discipline::Structural)));
        page->clickFilter(int(CardFilter::Changed));
        int expected = 0;
        for (const PageResult &p : bigSet(count))
            expected += p.drawingName().startsWith(QLatin1Char('S')) &&
                        p.drawingTitle().startsWith(QLatin1String("CEILING")) && !p.regions.isEmpty();
        QVERIFY(expected > 0);
        QCOMPARE(page->table()->model()->rowCount(), expected);
        settle(page->table());
        if (const QString shot = qEnvironmentVariable("BT_SHEET_TABLE_SCREENSHOT"); !shot.isEmpty()) {
            page->clickFilter(int(CardFilter::All));
            page->disciplineBox()->setCurrentIndex(0);
            page->searchBox()->setText(QStringLiteral("floor plan"));
            page->table()->sortByColumn(SheetModel::ChangesColumn, Qt::DescendingOrder);
            for (int page_ = 1; page_ <= count; page_ += 9) // some sheets reviewed
                if (const ui::SheetState *s = page->cards()->sheet(page_); s && s->changes > 0)
                    page->cards()->setReviewProgress(page_, page_ % 2 ? s->changes : 1, s->changes);
            QItemSelectionModel *selection = page->table()->selectionModel();
            for (const int row : {1, 2, 4})
                selection->select(page->table()->model()->index(row, 0),
                                  QItemSelectionModel::Select | QItemSelectionModel::Rows);
            QTest::qWait(200);
            QVERIFY(w.grab().save(shot));
        }
        page->clickFilter(int(CardFilter::All));
        page->searchBox()->clear();

        page->tableAction()->trigger(); // the cards
        QVERIFY(page->cards()->isVisible());
        measure(page->cards(), cardSearch, cardDiscipline);
        QSettings().remove(QStringLiteral("view/sheetTable"));

        qInfo("%d sheets, table: search %s", count, qPrintable(tableSearch.text()));
        qInfo("%d sheets, table: discipline %s", count, qPrintable(tableDiscipline.text()));
        qInfo("%d sheets, cards: search %s", count, qPrintable(cardSearch.text()));
        qInfo("%d sheets, cards: discipline %s", count, qPrintable(cardDiscipline.text()));
    }
};

QTEST_MAIN(TestSheetTable)
#include "tst_sheettable.moc"
