#pragma once

#include "compare/pageresult.h"

#include <QObject>
#include <QPoint>
#include <vector>

class QMenu;
class QWidget;

namespace bt::ui {

class JobController;
class PageCardList;
class SheetTable;
struct SheetState;

// Pairing sheets by hand where matching failed: a card's or a table row's context menu offers
// "Pair With" (an added sheet with any removed one, and the other way round) or "Unpair" (a
// pair split into a removed and an added sheet). The controller changes the job in the history
// and compares only the sheets that changed.
class SheetPairing : public QObject {
    Q_OBJECT
public:
    SheetPairing(JobController *controller, PageCardList *cards, SheetTable *table, QWidget *parent);

    // The unmatched sheets of the other set the sheet can be paired with (sheet order).
    static QVector<PageResult> candidates(const std::vector<SheetState> &sheets, const PageResult &page);
    // The menu for one sheet (owned by the caller): Pair With ▸ candidates, or Unpair. Null when
    // the sheet offers neither (a job of the server, a sheet not in the job).
    QMenu *menuFor(int pageNumber, QWidget *parent);
    // Through the controller; false with a message shown when it cannot start.
    bool pair(int pageNumber, int partnerPage);
    bool unpair(int pageNumber);
    static QString sheetLabel(const PageResult &page); // "X-102 — SECOND FLOOR PLAN (old page 2)"

private:
    void showMenu(int pageNumber, QWidget *on, const QPoint &pos);
    void refused();

    JobController *m_controller;
    PageCardList *m_cards;
    QWidget *m_parent;
};

} // namespace bt::ui
