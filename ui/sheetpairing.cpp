#include "sheetpairing.h"

#include "jobcontroller.h"
#include "pagecardlist.h"
#include "sheettable.h"

#include <QApplication>
#include <QChildEvent>
#include <QDrag>
#include <QDropEvent>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>

#include <memory>

namespace bt::ui {

SheetPairing::SheetPairing(JobController *controller, PageCardList *cards, SheetTable *table, QWidget *parent)
    : QObject(parent)
    , m_controller(controller)
    , m_cards(cards)
    , m_parent(parent)
    , m_viewport(cards->viewport()) {
    // A card does not take its context menu: it reaches the list's viewport, which finds the card.
    QWidget *viewport = cards->viewport();
    viewport->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(viewport, &QWidget::customContextMenuRequested, this, [this, viewport](const QPoint &pos) {
        if (const int page = pageAt(pos)) showMenu(page, viewport, pos);
    });
    // Drag an added or removed card onto its partner: cards come and go as the list scrolls, so
    // each one is watched from the moment it is put into the viewport.
    viewport->setAcceptDrops(true);
    viewport->installEventFilter(this);
    for (PageCard *card : viewport->findChildren<PageCard *>(QString(), Qt::FindDirectChildrenOnly))
        card->installEventFilter(this);
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

bool SheetPairing::canPair(int from, int to) const {
    const SheetState *a = m_cards->sheet(from), *b = m_cards->sheet(to);
    if (!a || !b) return false;
    const MatchKind x = a->result.match, y = b->result.match;
    return (x == MatchKind::Added && y == MatchKind::Removed) ||
           (x == MatchKind::Removed && y == MatchKind::Added);
}

int SheetPairing::pageAt(const QPoint &viewportPos) const {
    for (PageCard *card : m_cards->cards())
        if (card->isVisible() && card->geometry().contains(viewportPos)) return card->pageNumber();
    return 0;
}

bool SheetPairing::eventFilter(QObject *watched, QEvent *event) {
    if (watched == m_viewport) return viewportEvent(event);
    if (auto *card = qobject_cast<PageCard *>(watched)) return cardEvent(card, event);
    return false;
}

bool SheetPairing::viewportEvent(QEvent *event) {
    switch (event->type()) {
    case QEvent::ChildAdded:
        if (auto *card = qobject_cast<PageCard *>(static_cast<QChildEvent *>(event)->child()))
            card->installEventFilter(this);
        return false;
    case QEvent::DragEnter:
    case QEvent::DragMove:
    case QEvent::Drop: {
        auto *drop = static_cast<QDropEvent *>(event);
        const QByteArray data = drop->mimeData()->data(QString::fromLatin1(kSheetMime));
        const int from = data.toInt(), to = pageAt(drop->position().toPoint());
        // Enter is accepted for any sheet drag, so the moves over the cards are seen.
        const bool ok = event->type() == QEvent::DragEnter ? from > 0 : canPair(from, to);
        if (!ok) {
            drop->ignore();
            return true;
        }
        drop->acceptProposedAction();
        if (event->type() == QEvent::Drop) pair(from, to);
        return true;
    }
    default:
        return false;
    }
}

bool SheetPairing::cardEvent(PageCard *card, QEvent *event) {
    if (event->type() == QEvent::MouseButtonPress) {
        m_pressPos = static_cast<QMouseEvent *>(event)->position().toPoint();
        return false;
    }
    if (event->type() != QEvent::MouseMove) return false;
    const auto *move = static_cast<QMouseEvent *>(event);
    const SheetState *sheet = m_cards->sheet(card->pageNumber());
    if (!(move->buttons() & Qt::LeftButton) || !sheet || sheet->result.match == MatchKind::Matched ||
        (move->position().toPoint() - m_pressPos).manhattanLength() < QApplication::startDragDistance())
        return false;
    auto *mime = new QMimeData;
    mime->setData(QString::fromLatin1(kSheetMime), QByteArray::number(card->pageNumber()));
    mime->setText(sheetLabel(sheet->result));
    QDrag drag(card);
    drag.setMimeData(mime);
    const QPixmap picture = card->grab();
    drag.setPixmap(picture.scaledToWidth(std::min(220, picture.width()), Qt::SmoothTransformation));
    drag.exec(Qt::LinkAction | Qt::CopyAction);
    return true;
}

void SheetPairing::showMenu(int pageNumber, QWidget *on, const QPoint &pos) {
    std::unique_ptr<QMenu> menu(menuFor(pageNumber, on));
    if (menu) menu->exec(on->mapToGlobal(pos));
}

} // namespace bt::ui
