#pragma once

#include <QList>
#include <QTableView>

class QSortFilterProxyModel;

namespace bt::ui {

class SheetFilterModel;

// The shown job's sheets as a compact, sortable table: the rows the cards' filter shows (same
// SheetFilterModel), sorted by a proxy of its own so the cards keep sheet order. Several rows can
// be selected for "export selected"; double-click or Return opens a sheet as a card click does.
class SheetTable : public QTableView {
    Q_OBJECT
public:
    explicit SheetTable(SheetFilterModel *filter, QWidget *parent = nullptr);

    QList<int> selectedPages() const; // page numbers, ascending
    QSortFilterProxyModel *sortModel() const { return m_sort; }

signals:
    void pageActivated(int pageNumber);

protected:
    bool event(QEvent *event) override;

private:
    QSortFilterProxyModel *m_sort;
};

} // namespace bt::ui
