#include "sheettable.h"

#include "sheetmodel.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QSortFilterProxyModel>

#include <algorithm>

namespace bt::ui {

SheetTable::SheetTable(SheetFilterModel *filter, QWidget *parent)
    : QTableView(parent)
    , m_sort(new QSortFilterProxyModel(this)) {
    setObjectName(QStringLiteral("sheetTable"));
    m_sort->setSourceModel(filter);
    m_sort->setSortRole(SheetModel::SortRole);
    m_sort->setDynamicSortFilter(true);
    setModel(m_sort);
    setSelectionBehavior(SelectRows);
    setSelectionMode(ExtendedSelection);
    setEditTriggers(NoEditTriggers);
    setAlternatingRowColors(true);
    setWordWrap(false);
    setCornerButtonEnabled(false);
    verticalHeader()->hide();
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    QHeaderView *header = horizontalHeader();
    header->setHighlightSections(false);
    header->setStretchLastSection(false);
    // Wide enough for the values and for the header with its sort arrow, in any language.
    const int em = fontMetrics().horizontalAdvance(QLatin1Char('M'));
    for (const auto &[column, width] : {std::pair{SheetModel::NumberColumn, 7},
                                        {SheetModel::DisciplineColumn, 9},
                                        {SheetModel::StatusColumn, 7},
                                        {SheetModel::ChangesColumn, 4},
                                        {SheetModel::ReviewedColumn, 5}}) {
        const QString title = filter->headerData(column, Qt::Horizontal).toString();
        header->resizeSection(column,
                              std::max(width * em, header->fontMetrics().horizontalAdvance(title) + 3 * em));
    }
    int discipline = header->sectionSize(SheetModel::DisciplineColumn);
    for (int d = 0; d < kDisciplineCount; ++d)
        discipline =
            std::max(discipline, fontMetrics().horizontalAdvance(disciplineName(Discipline(d))) + 2 * em);
    header->resizeSection(SheetModel::DisciplineColumn, discipline);
    header->setSectionResizeMode(SheetModel::TitleColumn, QHeaderView::Stretch);
    // Sheet order until a header is clicked.
    header->setSortIndicator(-1, Qt::AscendingOrder);
    setSortingEnabled(true);
    connect(this, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        emit pageActivated(index.data(SheetModel::PageNumberRole).toInt());
    });
}

QList<int> SheetTable::selectedPages() const {
    QList<int> pages;
    for (const QModelIndex &index : selectionModel()->selectedRows())
        pages << index.data(SheetModel::PageNumberRole).toInt();
    std::sort(pages.begin(), pages.end());
    return pages;
}

bool SheetTable::event(QEvent *event) {
    // Return opens the current sheet here; the page's Return (compare) must not take it.
    if (event->type() == QEvent::ShortcutOverride) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if ((key == Qt::Key_Return || key == Qt::Key_Enter) && currentIndex().isValid()) {
            event->accept();
            return true;
        }
    }
    return QTableView::event(event);
}

} // namespace bt::ui
