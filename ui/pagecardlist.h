#pragma once

#include "pagecard.h"

#include <QMap>
#include <QScrollArea>

class QLabel;
class QThreadPool;
class QVBoxLayout;

namespace bt::ui {

// The cards of one job, one per sheet pair in sheet order, in a scroll area; a filter shows
// all of them, the changed, the unchanged or the failed ones.
class PageCardList : public QScrollArea {
    Q_OBJECT
public:
    explicit PageCardList(QWidget *parent = nullptr);

    void clear();
    void setPages(const QVector<PageResult> &pages); // replaces the cards
    void updatePage(const PageResult &page);         // creates the card if it is new
    void updateStage(const StageEvent &event);
    void updateProgress(const JobProgress &progress);
    void settle(); // the job ended: nothing is running any more

    PageCard *card(int pageNumber) const { return m_cards.value(pageNumber); }
    QVector<PageCard *> cards() const; // sheet order
    int count(CardFilter filter) const;
    // The first changed sheet that did not fail, else the first sheet; 0 without cards.
    int firstChangedPage() const;
    bool thumbnailsLoaded() const;  // every card with an overlay shows its thumbnail
    void focusPage(int pageNumber); // scrolled into view, with the keyboard focus
    // Pages the filter shows, in sheet order.
    QVector<int> shownPages() const;

    void setFilter(CardFilter filter);
    CardFilter filter() const { return m_filter; }
    void setPlaceholderText(const QString &text);

signals:
    void pageActivated(int pageNumber);
    void countsChanged();

private:
    PageCard *addCard(const PageResult &page);
    void refilter();

    QMap<int, PageCard *> m_cards; // by page number
    CardFilter m_filter = CardFilter::All;
    bool m_refilterQueued = false;
    QThreadPool *m_thumbnails;
    QWidget *m_content;
    QVBoxLayout *m_layout;
    QLabel *m_placeholder;
    QString m_placeholderText; // shown while there are no cards
};

} // namespace bt::ui
