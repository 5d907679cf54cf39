#include "pagecardlist.h"

#include <QLabel>
#include <QThreadPool>
#include <QTimer>
#include <QVBoxLayout>

namespace bt::ui {

PageCardList::PageCardList(QWidget *parent)
    : QScrollArea(parent)
    , m_thumbnails(new QThreadPool(this))
    , m_content(new QWidget(this))
    , m_layout(new QVBoxLayout(m_content))
    , m_placeholder(new QLabel(m_content)) {
    setObjectName(QStringLiteral("pageCards"));
    setAccessibleName(tr("Sheets"));
    // One thumbnail at a time: each decodes a full-size overlay (~40 MB at 220 dpi) on the cores
    // the diffs run on; the user waits for diffs, not for thumbnails.
    m_thumbnails->setMaxThreadCount(1);

    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    m_layout->setContentsMargins(2, 2, 8, 2);
    m_layout->setSpacing(8);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);
    m_placeholder->setMinimumHeight(120);
    m_layout->addWidget(m_placeholder);
    m_layout->addStretch(1);
    setWidget(m_content);
    setPlaceholderText(tr("Drop two revisions of a drawing set above and press Compare."));
}

void PageCardList::clear() {
    for (PageCard *c : std::as_const(m_cards))
        delete c; // a QObject child: deleting it also takes it out of the layout
    m_cards.clear();
    refilter();
}

void PageCardList::setPages(const QVector<PageResult> &pages) {
    clear();
    for (const PageResult &p : pages)
        addCard(p);
    refilter();
}

PageCard *PageCardList::addCard(const PageResult &page) {
    auto *c = new PageCard(page, m_thumbnails, m_content);
    // Sheet order: after the last card with a smaller page number (cards start after the placeholder).
    const auto next = m_cards.upperBound(page.pageNumber);
    const int index = next == m_cards.end() ? m_cards.size() : int(std::distance(m_cards.begin(), next));
    m_layout->insertWidget(1 + index, c);
    m_cards.insert(page.pageNumber, c);
    connect(c, &PageCard::activated, this, &PageCardList::pageActivated);
    // Every event touches a card; one refilter per event loop pass is enough.
    connect(c, &PageCard::changed, this, [this] {
        if (m_refilterQueued) return;
        m_refilterQueued = true;
        QTimer::singleShot(0, this, &PageCardList::refilter);
    });
    return c;
}

void PageCardList::updatePage(const PageResult &page) {
    if (PageCard *c = card(page.pageNumber))
        c->setPage(page);
    else
        addCard(page);
}

void PageCardList::updateStage(const StageEvent &event) {
    if (PageCard *c = card(event.pageNumber)) c->setStage(event);
}

void PageCardList::updateProgress(const JobProgress &progress) {
    for (const PageProgress &p : progress.pages)
        if (PageCard *c = card(p.pageNumber)) c->setProgress(p);
}

void PageCardList::settle() {
    for (PageCard *c : std::as_const(m_cards))
        c->settle();
}

QVector<PageCard *> PageCardList::cards() const {
    return QVector<PageCard *>(m_cards.begin(), m_cards.end());
}

int PageCardList::count(CardFilter filter) const {
    return int(std::count_if(m_cards.begin(), m_cards.end(),
                             [filter](const PageCard *c) { return c->matches(filter); }));
}

int PageCardList::firstChangedPage() const {
    for (const PageCard *c : m_cards)
        if (c->matches(CardFilter::Changed) && !c->failed()) return c->pageNumber();
    return m_cards.isEmpty() ? 0 : m_cards.firstKey();
}

bool PageCardList::thumbnailsLoaded() const {
    return std::all_of(m_cards.begin(), m_cards.end(), [](const PageCard *c) {
        return c->hasThumbnail() || c->page().overlayPath.isEmpty();
    });
}

void PageCardList::focusPage(int pageNumber) {
    if (PageCard *c = card(pageNumber)) {
        ensureWidgetVisible(c);
        c->setFocus();
    }
}

QVector<int> PageCardList::shownPages() const {
    QVector<int> pages;
    for (const PageCard *c : m_cards)
        if (c->matches(m_filter)) pages << c->pageNumber();
    return pages;
}

void PageCardList::setFilter(CardFilter filter) {
    m_filter = filter;
    refilter();
}

void PageCardList::setPlaceholderText(const QString &text) {
    m_placeholderText = text;
    refilter();
}

void PageCardList::refilter() {
    m_refilterQueued = false;
    int shown = 0;
    for (PageCard *c : std::as_const(m_cards)) {
        const bool show = c->matches(m_filter);
        c->setVisible(show);
        shown += show ? 1 : 0;
    }
    m_placeholder->setVisible(shown == 0);
    m_placeholder->setText(m_cards.isEmpty() ? m_placeholderText : tr("No sheet matches this filter."));
    emit countsChanged();
}

} // namespace bt::ui
