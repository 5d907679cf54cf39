#pragma once

#include "sheetmodel.h"

#include <QFrame>

#include <array>
#include <memory>

class QLabel;
class QThreadPool;

namespace bt::ui {

class ThumbnailCache;

// One sheet pair of a job as a card: drawing number and title, how it was matched, a chip per
// stage (OCR, diff, summary), the overlay thumbnail once the diff is done, the change count and
// the summary. A view of one SheetModel row: it keeps no state of the sheet, refresh() shows the
// row as it is now. Click, Return or Space emits activated().
class PageCard : public QFrame {
    Q_OBJECT
public:
    // A card of a list: shows a sheet of model (bind()); thumbnails from the list's cache.
    PageCard(const SheetModel *model, ThumbnailCache *thumbnails, QWidget *parent = nullptr);
    // A card on its own: one sheet in a model of its own (setPage() updates it).
    PageCard(const PageResult &page, QThreadPool *thumbnails, QWidget *parent = nullptr);
    ~PageCard() override;

    void bind(int pageNumber);            // shows that sheet of the model
    void refresh();                       // its row changed
    void setPage(const PageResult &page); // a card on its own only

    int pageNumber() const { return m_pageNumber; }
    const SheetState &state() const;
    const PageResult &page() const { return state().result; }
    StageStatus stageStatus(Stage stage) const { return state().stageStatus(stage); }
    QString stageError(Stage stage) const { return state().stageError(stage); }
    int changeCount() const { return state().changes; } // -1 until the diff is done
    QString summaryText() const { return state().summaryText(); }
    QString shownSummary() const { return state().shownSummary(); }
    bool hasThumbnail() const { return m_hasThumbnail; }
    QPixmap thumbnail() const; // what the card shows (null while it shows a placeholder)
    bool failed() const { return state().failed(); }
    bool matches(CardFilter filter) const { return state().matches(filter); }
    QString reviewText() const { return state().reviewText(); }

    // Shown on the card (for tests and accessibility).
    QString titleText() const;
    QString matchText() const;
    static QString titleText(const PageResult &page);

signals:
    void activated(int pageNumber);
    void thumbnailReady();

protected:
    bool event(QEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void build();
    void updateChip(const SheetState &s, Stage stage);
    void updateThumbnail(const SheetState &s);
    void updateSummary(const SheetState &s);

    std::unique_ptr<SheetModel> m_ownModel; // a card on its own
    const SheetModel *m_model;
    ThumbnailCache *m_thumbnails;
    int m_pageNumber = 0;
    bool m_hasThumbnail = false;

    QLabel *m_thumbnail;
    QLabel *m_title;
    QLabel *m_match;
    QLabel *m_count;
    QLabel *m_review;
    std::array<QLabel *, 3> m_chips;
    QLabel *m_summary;
};

} // namespace bt::ui
