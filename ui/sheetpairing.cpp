#include "sheetpairing.h"

#include "jobcontroller.h"
#include "pagecardlist.h"
#include "sheettable.h"

#include <QMenu>
#include <QMessageBox>

#include <memory>

namespace bt::ui {

SheetPairing::SheetPairing(JobController *controller, PageCardList *cards, SheetTable *table, QWidget *parent)
    : QObject(parent)
    , m_controller(controller)
    , m_cards(cards)
    , m_parent(parent) {
    // A card does not take its context menu: it reaches the list's viewport, which finds the card.
    QWidget *viewport = cards->viewport();
    viewport->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(viewport, &QWidget::customContextMenuRequested, this, [this, viewport](const QPoint &pos) {
        for (PageCard *card : m_cards->cards())
            if (card->isVisible() && card->geometry().contains(pos))
                showMenu(card->pageNumber(), viewport, pos);
    });
    table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(table, &QWidget::customContextMenuRequested, this, [this, table](const QPoint &pos) {
        const QModelIndex index = table->indexAt(pos);
        if (index.isValid()) showMenu(index.data(SheetModel::PageNumberRole).toInt(), table->viewport(), pos);
    });
    connect(controller, &JobController::manualEditFailed, this, [this](const QString &error) {
        QMessageBox::warning(m_parent, tr("Cannot Change the Sheets"), error);
    });
}

QString SheetPairing::sheetLabel(const PageResult &page) {
    const bool old = page.match == MatchKind::Removed;
    const QString number = old ? page.oldIdentity.number : page.newIdentity.number;
    const QString title = old ? page.oldIdentity.title : page.newIdentity.title;
    QString label = number.isEmpty() ? tr("Unnumbered sheet") : number;
    if (!title.isEmpty()) label += QStringLiteral(" — ") + title;
    return label + QLatin1Char(' ') +
           (old ? tr("(old page %1)").arg(page.oldPage + 1) : tr("(new page %1)").arg(page.newPage + 1));
}

QVector<PageResult> SheetPairing::candidates(const std::vector<SheetState> &sheets, const PageResult &page) {
    QVector<PageResult> out;
    if (page.match == MatchKind::Matched) return out;
    const MatchKind other = page.match == MatchKind::Added ? MatchKind::Removed : MatchKind::Added;
    for (const SheetState &s : sheets)
        if (s.result.match == other) out.append(s.result);
    return out;
}

QMenu *SheetPairing::menuFor(int pageNumber, QWidget *parent) {
    const SheetState *sheet = m_cards->sheet(pageNumber);
    const std::optional<JobRecord> job = m_controller->job(m_controller->currentJobId());
    if (!sheet || !job || job->isRemote()) return nullptr;
    auto *menu = new QMenu(parent);
    const PageResult &page = sheet->result;
    const bool busy = m_controller->isRunning();
    if (page.match == MatchKind::Matched) {
        QAction *unpairAction = menu->addAction(tr("&Unpair Sheets"));
        unpairAction->setObjectName(QStringLiteral("unpairAction"));
        unpairAction->setToolTip(tr("These are different drawings: show one as removed and one as added"));
        unpairAction->setEnabled(!busy);
        connect(unpairAction, &QAction::triggered, this, [this, pageNumber] { unpair(pageNumber); });
        return menu;
    }
    QMenu *pairWith = menu->addMenu(tr("&Pair With"));
    pairWith->menuAction()->setObjectName(QStringLiteral("pairWithMenu"));
    const QVector<PageResult> partners = candidates(m_cards->sheets(), page);
    for (const PageResult &partner : partners) {
        QAction *a = pairWith->addAction(sheetLabel(partner));
        a->setData(partner.pageNumber);
        a->setEnabled(!busy);
        connect(a, &QAction::triggered, this,
                [this, pageNumber, partner = partner.pageNumber] { pair(pageNumber, partner); });
    }
    pairWith->setEnabled(!partners.isEmpty());
    if (partners.isEmpty())
        pairWith->setToolTip(page.match == MatchKind::Added ? tr("No sheet of the old set is unpaired")
                                                            : tr("No sheet of the new set is unpaired"));
    return menu;
}

bool SheetPairing::pair(int pageNumber, int partnerPage) {
    const SheetState *sheet = m_cards->sheet(pageNumber);
    if (!sheet) return false;
    const bool removed = sheet->result.match == MatchKind::Removed;
    const bool ok = removed ? m_controller->pairSheets(pageNumber, partnerPage)
                            : m_controller->pairSheets(partnerPage, pageNumber);
    if (!ok) refused();
    return ok;
}

bool SheetPairing::unpair(int pageNumber) {
    const bool ok = m_controller->unpairSheet(pageNumber);
    if (!ok) refused();
    return ok;
}

void SheetPairing::refused() {
    QMessageBox::information(m_parent, tr("Pair Sheets"),
                             tr("Sheets can be paired once the running comparison has finished, and only in "
                                "comparisons made on this computer."));
}

void SheetPairing::showMenu(int pageNumber, QWidget *on, const QPoint &pos) {
    std::unique_ptr<QMenu> menu(menuFor(pageNumber, on));
    if (menu) menu->exec(on->mapToGlobal(pos));
}

} // namespace bt::ui
