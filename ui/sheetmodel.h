#pragma once

#include "compare/pageresult.h"
#include "compare/sheetstatus.h"
#include "pipeline/jobprogress.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QSortFilterProxyModel>

#include <array>
#include <optional>
#include <vector>

namespace bt::ui {

// The filters' sheets: each but All is one SheetStatus (compare/sheetstatus.h), so the filters
// count as the job summary and the report do. Added and Removed come last: the first four keep
// their shortcuts (Ctrl+1 … Ctrl+4).
enum class CardFilter { All, Changed, Unchanged, Failed, Added, Removed };
constexpr int kCardFilterCount = int(CardFilter::Removed) + 1;

// A sheet's discipline, from the first letter of its drawing number (the US National CAD
// Standard's designators); a number without a known letter is Other.
enum class Discipline {
    General,
    Architectural,
    Structural,
    Mechanical,
    Electrical,
    Plumbing,
    Civil,
    Landscape,
    FireProtection,
    Interiors,
    Telecom,
    Other
};
constexpr int kDisciplineCount = int(Discipline::Other) + 1;
Discipline disciplineOf(const QString &drawingNumber);
QString disciplineName(Discipline discipline); // in the window's language

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
    // What the thumbnail shows: the overlay, or for a sheet in one set only that page of its set
    // (ThumbnailCache::sheetKey).
    QString overlayPath;

    const PageResult &page() const { return result; }
    int pageNumber() const { return result.pageNumber; }
    int changeCount() const { return changes; }
    StageStatus stageStatus(Stage stage) const { return status[size_t(stage)]; }
    QString stageError(Stage stage) const { return errors[size_t(stage)]; }
    QString summaryText() const { return result.summaryText; } // as the history keeps it (English)
    QString shownSummary() const;                              // in the window's language
    QString shownOwnSummary() const; // an AI rewrite's deterministic summary, in the window's language
    bool failed() const;
    // sheetStatus() of what the window knows now (a diff's events come before its page).
    SheetStatus sheetStatus() const;
    bool matches(CardFilter filter) const;
    QString reviewText() const; // "3 of 5 reviewed"
    QString statusText() const; // the sheet table's status column
    Discipline discipline() const { return m_discipline; }
    // Lower-case drawing number, title and the changed regions' old and new words, built once per
    // page so a search over hundreds of sheets is a substring test per sheet.
    const QString &searchText() const { return m_searchText; }

    void setPage(const PageResult &page); // identity, diff result, summary
    void setStage(const StageEvent &event);
    void setProgress(const PageProgress &progress);
    bool settle(); // running stages go back to pending; true when something changed

private:
    void setStatus(Stage stage, StageStatus status, const QString &error);
    void buildShownSummaries() const;

    // Built once per summary, not on every paint.
    mutable QString m_summaryFor, m_shownSummary, m_shownOwnSummary;
    QString m_searchText;
    Discipline m_discipline = Discipline::Other;
};

// The sheets of the shown job in sheet order, updated from the controller's signals; each change
// is one dataChanged of its row. The cards read column 0; the sheet table shows every column.
class SheetModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Role {
        PageNumberRole = Qt::UserRole + 1,
        SortRole, // the column's value to sort by (numbers as numbers)
    };
    enum Column {
        NumberColumn,
        TitleColumn,
        DisciplineColumn,
        StatusColumn,
        ChangesColumn,
        ReviewedColumn,
        ColumnCount
    };

    explicit SheetModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void clear();
    // The job's two sets: the thumbnails of added and removed sheets are their pages.
    void setSetPaths(const QString &oldPath, const QString &newPath);
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
    SheetStatusCounts counts() const; // by sheetStatus(), as countSheets() counts pages

signals:
    void countsChanged(); // once per event loop pass after rows changed

private:
    void changed(int row);
    void rebuildIndex();
    void setThumbnailSource(SheetState &s) const;

    std::vector<SheetState> m_rows; // sheet order
    QHash<int, int> m_rowOf;        // page number -> row
    QString m_oldPath, m_newPath;
    bool m_countsQueued = false;
};

// The rows a filter shows (all, changed, unchanged, failed), narrowed by a search (every word in
// the number, title or changed text) and a discipline; follows the model's changes.
class SheetFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit SheetFilterModel(SheetModel *source, QObject *parent = nullptr);
    void setFilter(CardFilter filter);
    CardFilter filter() const { return m_filter; }
    void setSearch(const QString &text);
    QString search() const { return m_search; }
    void setDiscipline(std::optional<Discipline> discipline); // nullopt: every discipline
    std::optional<Discipline> discipline() const { return m_discipline; }
    bool filtering() const; // some sheets may be left out
    // The sheets the search and discipline leave that match a filter (the filter buttons' counts).
    int count(CardFilter filter) const;
    const SheetState &at(int row) const; // a row of this model

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    bool narrowedAccepts(const SheetState &s) const; // search and discipline

    SheetModel *m_source;
    CardFilter m_filter = CardFilter::All;
    QString m_search;
    QStringList m_words; // lower case
    std::optional<Discipline> m_discipline;
};

} // namespace bt::ui
