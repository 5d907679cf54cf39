#pragma once

#include "pagecard.h"
#include "sheetmodel.h"

#include <QAbstractScrollArea>
#include <QHash>

class QLabel;
class QThreadPool;

namespace bt::ui {

class ThumbnailCache;

// The sheets of one job as cards in sheet order: a SheetModel (the state of every sheet), a
// SheetFilterModel for the filter (all, changed, unchanged, failed) and card widgets only for
// the rows in view, all of one height, reused as the list scrolls. 500 sheets are 500 rows, not
// 500 widgets.
class PageCardList : public QAbstractScrollArea {
    Q_OBJECT
public:
    explicit PageCardList(QWidget *parent = nullptr);

    SheetModel *model() const { return m_model; }
    SheetFilterModel *filterModel() const { return m_filter; }

    void clear();
    void setPages(const QVector<PageResult> &pages); // replaces the rows
    // The job's sets (before setPages): added and removed sheets' thumbnails are their pages.
    void setSetPaths(const QString &oldPath, const QString &newPath);
    void updatePage(const PageResult &page); // adds the row if it is new
    void updateStage(const StageEvent &event);
    void updateProgress(const JobProgress &progress);
    void settle(); // the job ended: nothing is running any more
    void setReviewProgress(int pageNumber, int reviewed, int total);
    void reloadThumbnail(int pageNumber); // its overlay arrived (a server job's) or changed

    const std::vector<SheetState> &sheets() const { return m_model->sheets(); } // sheet order
    const SheetState *sheet(int pageNumber) const { return m_model->sheet(pageNumber); }
    PageCard *card(int pageNumber) const { return m_cards.value(pageNumber); } // null when not in view
    QVector<PageCard *> cards() const; // the cards in view, sheet order
    int count(CardFilter filter) const { return m_model->count(filter); }
    bool hasThumbnail(int pageNumber) const;
    // The first changed sheet that did not fail, else the first sheet; 0 without sheets.
    int firstChangedPage() const;
    bool thumbnailsLoaded() const;   // every card in view with an overlay shows its thumbnail
    QVector<int> shownPages() const; // the pages the filter shows, in sheet order
    void focusPage(int pageNumber);  // scrolled into view, with the keyboard focus

    void setFilter(CardFilter filter);
    CardFilter filter() const { return m_filter->filter(); }
    void setSearch(const QString &text);                      // number, title, changed text
    void setDiscipline(std::optional<Discipline> discipline); // nullopt: every discipline
    void setPlaceholderText(const QString &text);

signals:
    void pageActivated(int pageNumber);
    void countsChanged();

protected:
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    bool viewportEvent(QEvent *event) override;

private:
    int pitch() const { return m_rowHeight + kSpacing; }
    void scheduleLayout();
    void layoutCards(); // cards for the rows in view, the others back to the pool
    void onDataChanged(const QModelIndex &top, const QModelIndex &bottom);

    static constexpr int kSpacing = 8;
    static constexpr int kMargin = 2;
    SheetModel *m_model;
    SheetFilterModel *m_filter;
    QThreadPool *m_pool;
    ThumbnailCache *m_thumbnails;
    QLabel *m_placeholder;
    QString m_placeholderText; // shown while there are no sheets
    int m_rowHeight = 0;
    QHash<int, PageCard *> m_cards; // in view, by page number
    QVector<PageCard *> m_spare;    // out of view, to be reused
    bool m_layoutQueued = false;
    bool m_refreshAll = false; // the model was reset: kept cards show their rows again
};

} // namespace bt::ui
