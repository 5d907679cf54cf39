#include "pagecardlist.h"

#include "thumbnailcache.h"

#include <QEvent>
#include <QLabel>
#include <QScrollBar>
#include <QThreadPool>
#include <QTimer>

namespace bt::ui {

namespace {

const QSize kThumbnailSize(180, 120); // as the cards show them (logical pixels)

// The height of every card: one with every line filled (chips, review, a summary of all its lines).
int cardHeight(QThreadPool *pool) {
    PageResult page;
    page.pageNumber = 1;
    page.oldPage = page.newPage = 0;
    page.summaryText = QStringLiteral("x\nx\nx");
    PageCard prototype(page, pool);
    prototype.ensurePolished();
    return prototype.sizeHint().height();
}

} // namespace

PageCardList::PageCardList(QWidget *parent)
    : QAbstractScrollArea(parent)
    , m_model(new SheetModel(this))
    , m_filter(new SheetFilterModel(m_model, this))
    , m_pool(new QThreadPool(this))
    , m_thumbnails(new ThumbnailCache(m_pool, kThumbnailSize, this))
    , m_placeholder(new QLabel(viewport())) {
    setObjectName(QStringLiteral("pageCards"));
    setAccessibleName(tr("Sheets"));
    // One thumbnail at a time: each decodes a full-size overlay (~40 MB at 220 dpi) on the cores
    // the diffs run on; the user waits for diffs, not for thumbnails.
    m_pool->setMaxThreadCount(1);
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    viewport()->setBackgroundRole(QPalette::Window);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);
    m_rowHeight = cardHeight(m_pool);

    connect(m_model, &SheetModel::dataChanged, this, &PageCardList::onDataChanged);
    connect(m_model, &SheetModel::countsChanged, this, &PageCardList::countsChanged);
    for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_filter, signal, this, &PageCardList::scheduleLayout);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &PageCardList::scheduleLayout);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &PageCardList::scheduleLayout);
    // Cards kept in view across a reset show another job's sheet of the same number.
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] { m_refreshAll = true; });
    setPlaceholderText(tr("Drop two revisions of a drawing set above and press Compare."));
}

void PageCardList::clear() {
    m_model->clear();
    m_thumbnails->clear(); // another job: its thumbnails are not needed any more
    layoutCards();
}

void PageCardList::setSetPaths(const QString &oldPath, const QString &newPath) {
    m_model->setSetPaths(oldPath, newPath);
}

void PageCardList::setPages(const QVector<PageResult> &pages) {
    m_model->setPages(pages);
    layoutCards();
}

void PageCardList::updatePage(const PageResult &page) {
    m_model->updatePage(page);
}

void PageCardList::updateStage(const StageEvent &event) {
    m_model->updateStage(event);
}

void PageCardList::updateProgress(const JobProgress &progress) {
    m_model->updateProgress(progress);
}

void PageCardList::settle() {
    m_model->settle();
}

void PageCardList::setReviewProgress(int pageNumber, int reviewed, int total) {
    m_model->setReviewProgress(pageNumber, reviewed, total);
}

void PageCardList::reloadThumbnail(int pageNumber) {
    if (const SheetState *s = m_model->sheet(pageNumber)) m_thumbnails->forget(s->overlayPath);
    if (PageCard *c = card(pageNumber)) c->refresh();
}

QVector<PageCard *> PageCardList::cards() const {
    QVector<PageCard *> shown;
    for (const SheetState &s : m_model->sheets())
        if (PageCard *c = m_cards.value(s.pageNumber())) shown << c;
    return shown;
}

bool PageCardList::hasThumbnail(int pageNumber) const {
    const SheetState *s = m_model->sheet(pageNumber);
    return s && m_thumbnails->has(s->overlayPath);
}

int PageCardList::firstChangedPage() const {
    for (const SheetState &s : m_model->sheets())
        if (s.matches(CardFilter::Changed) && !s.failed()) return s.pageNumber();
    return m_model->sheets().empty() ? 0 : m_model->sheets().front().pageNumber();
}

bool PageCardList::thumbnailsLoaded() const {
    return std::all_of(m_cards.begin(), m_cards.end(), [this](const PageCard *c) {
        const QString &path = c->state().overlayPath;
        return path.isEmpty() || m_thumbnails->has(path) || m_thumbnails->failed(path);
    });
}

QVector<int> PageCardList::shownPages() const {
    QVector<int> pages;
    pages.reserve(m_filter->rowCount());
    for (int row = 0; row < m_filter->rowCount(); ++row)
        pages << m_filter->at(row).pageNumber();
    return pages;
}

void PageCardList::focusPage(int pageNumber) {
    const int sourceRow = m_model->rowOf(pageNumber);
    if (sourceRow < 0) return;
    const QModelIndex index = m_filter->mapFromSource(m_model->index(sourceRow, 0));
    if (!index.isValid()) return;
    const int top = kMargin + index.row() * pitch();
    QScrollBar *bar = verticalScrollBar();
    if (top < bar->value())
        bar->setValue(top);
    else if (top + m_rowHeight > bar->value() + viewport()->height())
        bar->setValue(top + m_rowHeight - viewport()->height());
    layoutCards();
    if (PageCard *c = card(pageNumber)) c->setFocus();
}

void PageCardList::setFilter(CardFilter filter) {
    m_filter->setFilter(filter);
    verticalScrollBar()->setValue(0);
    layoutCards(); // now, not on the next pass: the filter's result shows at once
}

void PageCardList::setSearch(const QString &text) {
    m_filter->setSearch(text);
    verticalScrollBar()->setValue(0);
    layoutCards();
}

void PageCardList::setDiscipline(std::optional<Discipline> discipline) {
    m_filter->setDiscipline(discipline);
    verticalScrollBar()->setValue(0);
    layoutCards();
}

void PageCardList::setPlaceholderText(const QString &text) {
    m_placeholderText = text;
    scheduleLayout();
}

void PageCardList::resizeEvent(QResizeEvent *event) {
    QAbstractScrollArea::resizeEvent(event);
    layoutCards();
}

void PageCardList::scrollContentsBy(int, int) {
    layoutCards();
}

bool PageCardList::viewportEvent(QEvent *event) {
    // A device pixel ratio of the screen the list is on: thumbnails as sharp as it shows them.
    if (event->type() == QEvent::Show || event->type() == QEvent::ScreenChangeInternal)
        m_thumbnails->setDevicePixelRatio(viewport()->devicePixelRatioF());
    return QAbstractScrollArea::viewportEvent(event);
}

void PageCardList::scheduleLayout() {
    if (m_layoutQueued) return;
    m_layoutQueued = true;
    QTimer::singleShot(0, this, &PageCardList::layoutCards);
}

void PageCardList::onDataChanged(const QModelIndex &top, const QModelIndex &bottom) {
    for (int row = top.row(); row <= bottom.row(); ++row)
        if (PageCard *c = m_cards.value(m_model->at(row).pageNumber())) c->refresh();
}

void PageCardList::layoutCards() {
    m_layoutQueued = false;
    const int rows = m_filter->rowCount();
    const int viewHeight = viewport()->height();
    QScrollBar *bar = verticalScrollBar();
    const int contentHeight = rows == 0 ? 0 : 2 * kMargin + rows * pitch() - kSpacing;
    bar->setRange(0, std::max(0, contentHeight - viewHeight));
    bar->setPageStep(viewHeight);
    bar->setSingleStep(pitch() / 4);
    const int y0 = bar->value();

    // The rows in view (and one more below, so a step of the keyboard lands on a card).
    const int first = rows == 0 ? 0 : std::clamp((y0 - kMargin) / pitch(), 0, rows - 1);
    const int last = rows == 0 ? -1 : std::clamp((y0 + viewHeight - kMargin) / pitch() + 1, 0, rows - 1);
    QHash<int, PageCard *> kept;
    QVector<int> rowsWithoutCard;
    for (int row = first; row <= last; ++row) {
        const int page = m_filter->at(row).pageNumber();
        if (PageCard *c = m_cards.take(page))
            kept.insert(page, c);
        else
            rowsWithoutCard << row;
    }
    for (PageCard *c : std::as_const(m_cards)) { // out of view: back to the pool
        c->hide();
        m_spare << c;
    }
    m_cards = kept;
    if (std::exchange(m_refreshAll, false))
        for (PageCard *c : std::as_const(m_cards))
            c->refresh();
    for (const int row : std::as_const(rowsWithoutCard)) {
        PageCard *c = m_spare.isEmpty() ? nullptr : m_spare.takeLast();
        if (!c) {
            c = new PageCard(m_model, m_thumbnails, viewport());
            connect(c, &PageCard::activated, this, &PageCardList::pageActivated);
        }
        const int page = m_filter->at(row).pageNumber();
        c->bind(page);
        m_cards.insert(page, c);
    }
    const int width = viewport()->width() - kMargin - 8;
    for (int row = first; row <= last; ++row) {
        PageCard *c = m_cards.value(m_filter->at(row).pageNumber());
        c->setGeometry(kMargin, kMargin + row * pitch() - y0, width, m_rowHeight);
        c->show();
    }
    m_placeholder->setGeometry(kMargin, kMargin, viewport()->width() - kMargin - 8, 120);
    m_placeholder->setText(m_model->rowCount() == 0 ? m_placeholderText
                                                    : tr("No sheet matches this filter."));
    m_placeholder->setVisible(rows == 0);
}

} // namespace bt::ui
