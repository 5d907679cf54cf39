#pragma once

#include "compare/pageresult.h"
#include "pipeline/jobprogress.h"

#include <QAbstractListModel>
#include <QHash>
#include <QSortFilterProxyModel>

#include <array>
#include <vector>

namespace bt::ui {

enum class CardFilter { All, Changed, Unchanged, Failed };

// What the window knows of one sheet pair of the shown job: the page as the pipeline or the
// history told it, each stage's status (with the error, attempts and a pending retry), the change
// count and the review progress. One value per row of the SheetModel; views read it, none keeps
// a copy.
struct SheetState {
    PageResult result;
    std::array<StageStatus, 3> status = {StageStatus::Pending, StageStatus::Pending, StageStatus::Pending};
    std::array<QString, 3> errors;
    std::array<int, 3> attempts = {0, 0, 0};
    std::array<bool, 3> retrying = {false, false, false};
    int changes = -1; // -1 until the diff is done
    int reviewed = 0;
    int reviewTotal = 0;
    QString overlayPath; // the overlay the thumbnail shows

    const PageResult &page() const { return result; }
    int pageNumber() const { return result.pageNumber; }
    int changeCount() const { return changes; }
    StageStatus stageStatus(Stage stage) const { return status[size_t(stage)]; }
    QString stageError(Stage stage) const { return errors[size_t(stage)]; }
    QString summaryText() const { return result.summaryText; } // as the history keeps it (English)
    QString shownSummary() const;                              // in the window's language
    QString shownOwnSummary() const; // an AI rewrite's deterministic summary, in the window's language
    bool failed() const;
    bool matches(CardFilter filter) const;
    QString reviewText() const; // "3 of 5 reviewed"

    void setPage(const PageResult &page); // identity, diff result, summary
    void setStage(const StageEvent &event);
    void setProgress(const PageProgress &progress);
    bool settle(); // running stages go back to pending; true when something changed

private:
    void setStatus(Stage stage, StageStatus status, const QString &error);
    void buildShownSummaries() const;

    // Built once per summary, not on every paint.
    mutable QString m_summaryFor, m_shownSummary, m_shownOwnSummary;
};

// The sheets of the shown job in sheet order, updated from the controller's signals; each change
// is one dataChanged of its row.
class SheetModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role { PageNumberRole = Qt::UserRole + 1 };

    explicit SheetModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    void clear();
    void setPages(const QVector<PageResult> &pages); // replaces the rows
    void updatePage(const PageResult &page);         // adds the row if it is new
    void updateStage(const StageEvent &event);
    void updateProgress(const JobProgress &progress);
    void settle(); // the job ended: nothing is running any more
    void setReviewProgress(int pageNumber, int reviewed, int total);

    const SheetState &at(int row) const { return m_rows[size_t(row)]; }
    const SheetState *sheet(int pageNumber) const; // null when there is no such sheet
    int rowOf(int pageNumber) const { return m_rowOf.value(pageNumber, -1); }
    const std::vector<SheetState> &sheets() const { return m_rows; }
    int count(CardFilter filter) const;

signals:
    void countsChanged(); // once per event loop pass after rows changed

private:
    void changed(int row);
    void rebuildIndex();

    std::vector<SheetState> m_rows; // sheet order
    QHash<int, int> m_rowOf;        // page number -> row
    bool m_countsQueued = false;
};

// The rows a filter shows (all, changed, unchanged, failed); follows the model's changes.
class SheetFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit SheetFilterModel(SheetModel *source, QObject *parent = nullptr);
    void setFilter(CardFilter filter);
    CardFilter filter() const { return m_filter; }
    const SheetState &at(int row) const; // a row of this model

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    SheetModel *m_source;
    CardFilter m_filter = CardFilter::All;
};

} // namespace bt::ui
