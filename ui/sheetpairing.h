#pragma once

#include "compare/pageresult.h"

#include <QObject>
#include <QPoint>
#include <vector>

class QMenu;
class QWidget;

namespace bt::ui {

class JobController;
class PageCard;
class PageCardList;
class SheetTable;
struct SheetState;

// Pairing sheets by hand where matching failed: a card's or a table row's context menu offers
// "Pair With" (an added sheet with any removed one, and the other way round) or "Unpair" (a
// pair split into a removed and an added sheet). The controller changes the job in the history
// and compares only the sheets that changed. An added or removed card can also be dragged onto
// its partner's card.
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
    // Whether sheet `from` may be paired with sheet `to` (an added and a removed sheet).
    bool canPair(int from, int to) const;
    static constexpr const char *kSheetMime = "application/x-buildtrace-sheet";

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void showMenu(int pageNumber, QWidget *on, const QPoint &pos);
    void refused();
    int pageAt(const QPoint &viewportPos) const;
    bool viewportEvent(QEvent *event);
    bool cardEvent(PageCard *card, QEvent *event);

    JobController *m_controller;
    PageCardList *m_cards;
    QWidget *m_parent;
    QWidget *m_viewport;
    QPoint m_pressPos; // on a card, for a drag
};

} // namespace bt::ui
