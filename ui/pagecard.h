#pragma once

#include "compare/pageresult.h"
#include "pipeline/jobprogress.h"

#include <QFrame>

#include <array>

class QLabel;
class QThreadPool;

namespace bt::ui {

enum class CardFilter { All, Changed, Unchanged, Failed };

// One sheet pair of a job: drawing number and title, how it was matched, a chip per stage
// (OCR, diff, summary), the overlay thumbnail once the diff is done, the change count and the
// summary. Click, Return or Space emits activated().
class PageCard : public QFrame {
    Q_OBJECT
public:
    // thumbnails: where overlay thumbnails are made (off the GUI thread).
    PageCard(const PageResult &page, QThreadPool *thumbnails, QWidget *parent = nullptr);

    int pageNumber() const { return m_page.pageNumber; }
    const PageResult &page() const { return m_page; }

    void setPage(const PageResult &page); // identity, diff result, summary
    void setStage(const StageEvent &event);
    void setProgress(const PageProgress &progress);
    // A cancelled job's stages that were running go back to pending.
    void settle();

    StageStatus stageStatus(Stage stage) const { return m_status[size_t(stage)]; }
    QString stageError(Stage stage) const { return m_errors[size_t(stage)]; }
    int changeCount() const { return m_changeCount; }          // -1 until the diff is done
    QString summaryText() const { return m_page.summaryText; } // as the history keeps it (English)
    QString shownSummary() const; // as the card shows it, in the window's language
    bool hasThumbnail() const { return m_hasThumbnail; }
    void reloadThumbnail(); // the overlay file arrived (a server job's, downloaded) or changed
    bool failed() const;
    bool matches(CardFilter filter) const;

    // Review progress of the sheet's changes: "3 of 5 reviewed" (reviewed: not open).
    void setReviewProgress(int reviewed, int total);
    QString reviewText() const;

    // Shown on the card (for tests and accessibility).
    QString titleText() const;
    QString matchText() const;

signals:
    void activated(int pageNumber);
    void thumbnailReady();
    void changed(); // something that may move the card in or out of a filter

protected:
    bool event(QEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void setStatus(Stage stage, StageStatus status, const QString &error);
    void setOverlay(const QString &path);
    void updateTexts();
    void updateChip(Stage stage);

    PageResult m_page;
    QThreadPool *m_thumbnails;
    std::array<StageStatus, 3> m_status = {StageStatus::Pending, StageStatus::Pending, StageStatus::Pending};
    std::array<QString, 3> m_errors;
    std::array<int, 3> m_attempts = {0, 0, 0};
    std::array<bool, 3> m_retrying = {false, false, false};
    int m_changeCount = -1;
    int m_reviewed = 0;
    int m_reviewTotal = 0;
    QString m_overlayPath;
    mutable QString m_summaryFor; // the summaryText (and deterministicSummary) they were built for
    mutable QString m_shownSummary;
    mutable QString m_shownOwnSummary; // an AI rewrite's deterministic summary, in the window's language
    bool m_hasThumbnail = false;
    int m_thumbnailRequest = 0; // a newer request makes older results stale

    QLabel *m_thumbnail;
    QLabel *m_title;
    QLabel *m_match;
    QLabel *m_count;
    QLabel *m_review;
    std::array<QLabel *, 3> m_chips;
    QLabel *m_summary;
};

} // namespace bt::ui
