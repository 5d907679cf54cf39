#include "sheetmodel.h"

#include "summarytext.h"
#include "thumbnailcache.h"

#include <QTimer>

#include <algorithm>

namespace bt::ui {

Discipline disciplineOf(const QString &drawingNumber) {
    const QString n = drawingNumber.trimmed();
    if (n.isEmpty()) return Discipline::Other;
    switch (n.at(0).toUpper().unicode()) {
    case 'G':
        return Discipline::General;
    case 'A':
        return Discipline::Architectural;
    case 'S':
        return Discipline::Structural;
    case 'M':
        return Discipline::Mechanical;
    case 'E':
        return Discipline::Electrical;
    case 'P':
        return Discipline::Plumbing;
    case 'C':
        return Discipline::Civil;
    case 'L':
        return Discipline::Landscape;
    case 'F':
        return Discipline::FireProtection;
    case 'I':
        return Discipline::Interiors;
    case 'T':
        return Discipline::Telecom;
    default:
        return Discipline::Other;
    }
}

QString disciplineName(Discipline discipline) {
    switch (discipline) {
    case Discipline::General:
        return SheetModel::tr("General");
    case Discipline::Architectural:
        return SheetModel::tr("Architectural");
    case Discipline::Structural:
        return SheetModel::tr("Structural");
    case Discipline::Mechanical:
        return SheetModel::tr("Mechanical");
    case Discipline::Electrical:
        return SheetModel::tr("Electrical");
    case Discipline::Plumbing:
        return SheetModel::tr("Plumbing");
    case Discipline::Civil:
        return SheetModel::tr("Civil");
    case Discipline::Landscape:
        return SheetModel::tr("Landscape");
    case Discipline::FireProtection:
        return SheetModel::tr("Fire protection");
    case Discipline::Interiors:
        return SheetModel::tr("Interiors");
    case Discipline::Telecom:
        return SheetModel::tr("Telecom");
    case Discipline::Other:
        break;
    }
    return SheetModel::tr("Other");
}

// ---- SheetState ----------------------------------------------------------------------------------

void SheetState::buildShownSummaries() const {
    const QString key = result.summaryText + QChar(0x1f) + result.deterministicSummary;
    if (m_summaryFor == key && !m_summaryFor.isNull()) return;
    m_summaryFor = key;
    m_shownSummary = shownPageSummary(result);
    PageResult own = result; // what the program wrote, shown as its own summaries are
    own.summaryText = result.deterministicSummary;
    m_shownOwnSummary = shownPageSummary(own);
}

QString SheetState::shownSummary() const {
    buildShownSummaries();
    return m_shownSummary;
}

QString SheetState::shownOwnSummary() const {
    buildShownSummaries();
    return m_shownOwnSummary;
}

void SheetState::setPage(const PageResult &p) {
    result = p;
    m_summaryFor = QString(); // the sheet may say more now than when its summary was shown
    if (p.diffDone) changes = int(p.regions.size());
    if (!p.error.isEmpty()) {
        // The stage that failed is known from the events; a stored page only says it failed.
        const bool known =
            std::any_of(status.begin(), status.end(), [](StageStatus s) { return s == StageStatus::Failed; });
        if (!known) errors[size_t(Stage::Diff)] = p.error;
    }
    if (!p.overlayPath.isEmpty()) overlayPath = p.overlayPath;
    m_discipline = disciplineOf(p.drawingName());
    QStringList words{p.drawingName(), p.drawingTitle()};
    for (const ChangeRegion &r : p.regions)
        words << r.oldText << r.newText;
    m_searchText = words.join(QLatin1Char(' ')).toLower();
}

void SheetState::setStage(const StageEvent &event) {
    const size_t s = size_t(event.stage);
    attempts[s] = event.attempt;
    retrying[s] = event.status == StageStatus::Failed && event.willRetry;
    if (retrying[s]) {
        errors[s] = event.error;
        setStatus(event.stage, StageStatus::Pending, event.error);
        return;
    }
    if (event.status == StageStatus::Completed) {
        if (event.stage == Stage::Diff && event.detail.contains(QStringLiteral("change_count")))
            changes = event.detail.value(QStringLiteral("change_count")).toInt();
        if (event.stage == Stage::Diff) {
            const QString overlay = event.detail.value(QStringLiteral("overlay_path")).toString();
            if (!overlay.isEmpty()) overlayPath = overlay;
        }
        if (event.stage == Stage::Summary) {
            result.summaryText = event.detail.value(QStringLiteral("summary_text")).toString();
            result.summaryAiModel = event.detail.value(QStringLiteral("summary_ai_model")).toString();
            if (result.summaryAiModel.isEmpty()) result.deterministicSummary.clear();
        }
    }
    setStatus(event.stage, event.status, event.error);
}

void SheetState::setProgress(const PageProgress &progress) {
    for (const Stage stage : kStages) {
        const size_t s = size_t(stage);
        const StageStatus st = progress.statusOf(stage);
        // A failed attempt waiting for its retry reads as pending in a snapshot: keep saying why.
        if (st == StageStatus::Pending && retrying[s]) continue;
        retrying[s] = false;
        attempts[s] = progress.attempts[s];
        setStatus(stage, st, st == StageStatus::Failed ? progress.error : QString());
    }
    if (progress.statusOf(Stage::Diff) == StageStatus::Completed) {
        if (result.match == MatchKind::Matched) changes = progress.changeCount;
        if (!progress.overlayPath.isEmpty()) overlayPath = progress.overlayPath;
    }
    if (progress.statusOf(Stage::Summary) == StageStatus::Completed &&
        progress.summaryText != result.summaryText) {
        result.summaryText = progress.summaryText;
        result.summaryAiModel.clear(); // a snapshot does not say who wrote it
        result.deterministicSummary.clear();
    }
}

bool SheetState::settle() {
    bool changed = false;
    for (const Stage stage : kStages)
        if (status[size_t(stage)] == StageStatus::InProgress) {
            setStatus(stage, StageStatus::Pending, QString());
            changed = true;
        }
    return changed;
}

void SheetState::setStatus(Stage stage, StageStatus st, const QString &error) {
    const size_t s = size_t(stage);
    status[s] = st;
    if (st == StageStatus::Failed || retrying[s])
        errors[s] = error.isEmpty() ? errors[s] : error;
    else
        errors[s].clear();
}

bool SheetState::failed() const {
    return !result.error.isEmpty() ||
           std::any_of(status.begin(), status.end(), [](StageStatus s) { return s == StageStatus::Failed; });
}

SheetStatus SheetState::sheetStatus() const {
    return bt::sheetStatus(result.match, failed(), changes);
}

bool SheetState::matches(CardFilter filter) const {
    switch (filter) {
    case CardFilter::All:
        return true;
    case CardFilter::Changed:
        return sheetStatus() == SheetStatus::Changed;
    case CardFilter::Unchanged:
        return sheetStatus() == SheetStatus::Unchanged;
    case CardFilter::Failed:
        return sheetStatus() == SheetStatus::Failed;
    case CardFilter::Added:
        return sheetStatus() == SheetStatus::Added;
    case CardFilter::Removed:
        return sheetStatus() == SheetStatus::Removed;
    }
    return true;
}

QString SheetState::reviewText() const {
    // Counted against the changes shown: reviews of a page compared again may be fewer.
    const int total = changes > 0 ? changes : reviewTotal;
    if (total <= 0) return QString();
    return SheetModel::tr("%1 of %2 reviewed").arg(std::min(reviewed, total)).arg(total);
}

QString SheetState::statusText() const {
    switch (sheetStatus()) {
    case SheetStatus::Failed:
        return SheetModel::tr("Failed");
    case SheetStatus::Added:
        return SheetModel::tr("Added");
    case SheetStatus::Removed:
        return SheetModel::tr("Removed");
    case SheetStatus::Changed:
        return SheetModel::tr("Changed");
    case SheetStatus::Unchanged:
        return SheetModel::tr("Unchanged");
    case SheetStatus::NotCompared:
        break;
    }
    if (stageStatus(Stage::Diff) == StageStatus::InProgress) return SheetModel::tr("Comparing…");
    return SheetModel::tr("Pending");
}

// ---- SheetModel ------------------------------------------------------------------------------------

SheetModel::SheetModel(QObject *parent)
    : QAbstractTableModel(parent) {}

int SheetModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SheetModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SheetModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= int(m_rows.size())) return {};
    const SheetState &s = m_rows[size_t(index.row())];
    if (role == PageNumberRole) return s.result.pageNumber;
    if (role == Qt::TextAlignmentRole &&
        (index.column() == ChangesColumn || index.column() == ReviewedColumn))
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != SortRole) return {};
    const bool sort = role == SortRole;
    switch (Column(index.column())) {
    case NumberColumn:
        return sort ? QVariant(s.result.pageNumber) : QVariant(s.result.drawingName());
    case TitleColumn:
        return s.result.drawingTitle();
    case DisciplineColumn:
        return sort ? QVariant(int(s.discipline())) : QVariant(disciplineName(s.discipline()));
    case StatusColumn:
        return s.statusText();
    case ChangesColumn:
        if (sort) return s.changes;
        return s.changes >= 0 && s.result.match == MatchKind::Matched ? QVariant(s.changes) : QVariant();
    case ReviewedColumn: {
        const int total = s.changes > 0 ? s.changes : s.reviewTotal;
        if (sort) return total > 0 ? double(std::min(s.reviewed, total)) / total : -1.0;
        return total > 0 ? tr("%1 of %2").arg(std::min(s.reviewed, total)).arg(total) : QString();
    }
    case ColumnCount:
        break;
    }
    return {};
}

QVariant SheetModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case NumberColumn:
        return tr("Number");
    case TitleColumn:
        return tr("Title");
    case DisciplineColumn:
        return tr("Discipline");
    case StatusColumn:
        return tr("Status");
    case ChangesColumn:
        return tr("Changes");
    case ReviewedColumn:
        return tr("Reviewed");
    case ColumnCount:
        break;
    }
    return {};
}

void SheetModel::clear() {
    if (m_rows.empty()) return;
    beginResetModel();
    m_rows.clear();
    m_rowOf.clear();
    endResetModel();
    changed(-1);
}

void SheetModel::setSetPaths(const QString &oldPath, const QString &newPath) {
    m_oldPath = oldPath;
    m_newPath = newPath;
}

void SheetModel::setThumbnailSource(SheetState &s) const {
    if (s.result.match == MatchKind::Added)
        s.overlayPath = ThumbnailCache::sheetKey(m_newPath, s.result.newPage);
    else if (s.result.match == MatchKind::Removed)
        s.overlayPath = ThumbnailCache::sheetKey(m_oldPath, s.result.oldPage);
}

void SheetModel::setPages(const QVector<PageResult> &pages) {
    beginResetModel();
    m_rows.clear();
    m_rows.reserve(size_t(pages.size()));
    for (const PageResult &p : pages) {
        SheetState s;
        s.setPage(p);
        setThumbnailSource(s);
        m_rows.push_back(std::move(s));
    }
    std::stable_sort(m_rows.begin(), m_rows.end(), [](const SheetState &a, const SheetState &b) {
        return a.pageNumber() < b.pageNumber();
    });
    rebuildIndex();
    endResetModel();
    changed(-1);
}

void SheetModel::rebuildIndex() {
    m_rowOf.clear();
    for (size_t i = 0; i < m_rows.size(); ++i)
        m_rowOf.insert(m_rows[i].pageNumber(), int(i));
}

const SheetState *SheetModel::sheet(int pageNumber) const {
    const int row = rowOf(pageNumber);
    return row < 0 ? nullptr : &m_rows[size_t(row)];
}

void SheetModel::updatePage(const PageResult &page) {
    const int row = rowOf(page.pageNumber);
    if (row >= 0) {
        m_rows[size_t(row)].setPage(page);
        setThumbnailSource(m_rows[size_t(row)]);
        changed(row);
        return;
    }
    // Sheet order: before the first row with a larger page number.
    const auto at = std::upper_bound(m_rows.begin(), m_rows.end(), page.pageNumber,
                                     [](int n, const SheetState &s) { return n < s.pageNumber(); });
    const int insertAt = int(at - m_rows.begin());
    beginInsertRows(QModelIndex(), insertAt, insertAt);
    SheetState s;
    s.setPage(page);
    setThumbnailSource(s);
    m_rows.insert(m_rows.begin() + insertAt, std::move(s));
    rebuildIndex();
    endInsertRows();
    changed(-1);
}

void SheetModel::updateStage(const StageEvent &event) {
    const int row = rowOf(event.pageNumber);
    if (row < 0) return;
    m_rows[size_t(row)].setStage(event);
    changed(row);
}

void SheetModel::updateProgress(const JobProgress &progress) {
    int first = -1, last = -1;
    for (const PageProgress &p : progress.pages) {
        const int row = rowOf(p.pageNumber);
        if (row < 0) continue;
        m_rows[size_t(row)].setProgress(p);
        first = first < 0 ? row : std::min(first, row);
        last = std::max(last, row);
    }
    if (first < 0) return;
    emit dataChanged(index(first, 0), index(last, ColumnCount - 1)); // one signal for the snapshot
    changed(-1);
}

void SheetModel::settle() {
    int first = -1, last = -1;
    for (size_t i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].settle()) {
            first = first < 0 ? int(i) : first;
            last = int(i);
        }
    if (first < 0) return;
    emit dataChanged(index(first, 0), index(last, ColumnCount - 1));
    changed(-1);
}

void SheetModel::setReviewProgress(int pageNumber, int reviewed, int total) {
    const int row = rowOf(pageNumber);
    if (row < 0) return;
    SheetState &s = m_rows[size_t(row)];
    if (s.reviewed == reviewed && s.reviewTotal == total) return;
    s.reviewed = reviewed;
    s.reviewTotal = total;
    changed(row);
}

int SheetModel::count(CardFilter filter) const {
    return int(std::count_if(m_rows.begin(), m_rows.end(),
                             [filter](const SheetState &s) { return s.matches(filter); }));
}

SheetStatusCounts SheetModel::counts() const {
    SheetStatusCounts c;
    for (const SheetState &s : m_rows)
        c.add(s.sheetStatus());
    return c;
}

void SheetModel::changed(int row) {
    if (row >= 0) emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    // Every event touches a row; the counts are told once per event loop pass.
    if (m_countsQueued) return;
    m_countsQueued = true;
    QTimer::singleShot(0, this, [this] {
        m_countsQueued = false;
        emit countsChanged();
    });
}

// ---- SheetFilterModel --------------------------------------------------------------------------------

SheetFilterModel::SheetFilterModel(SheetModel *source, QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_source(source) {
    setSourceModel(source);
    setDynamicSortFilter(true); // a row whose state changes moves in or out of the filter
}

void SheetFilterModel::setFilter(CardFilter filter) {
    if (filter == m_filter) return;
    m_filter = filter;
    invalidateFilter();
}

void SheetFilterModel::setSearch(const QString &text) {
    if (text == m_search) return;
    m_search = text;
    m_words = text.toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    invalidateFilter();
}

void SheetFilterModel::setDiscipline(std::optional<Discipline> discipline) {
    if (discipline == m_discipline) return;
    m_discipline = discipline;
    invalidateFilter();
}

bool SheetFilterModel::filtering() const {
    return m_filter != CardFilter::All || !m_words.isEmpty() || m_discipline.has_value();
}

int SheetFilterModel::count(CardFilter filter) const {
    const std::vector<SheetState> &rows = m_source->sheets();
    return int(std::count_if(rows.begin(), rows.end(), [this, filter](const SheetState &s) {
        return s.matches(filter) && narrowedAccepts(s);
    }));
}

bool SheetFilterModel::narrowedAccepts(const SheetState &s) const {
    if (m_discipline && s.discipline() != *m_discipline) return false;
    return std::all_of(m_words.cbegin(), m_words.cend(),
                       [&s](const QString &w) { return s.searchText().contains(w); });
}

const SheetState &SheetFilterModel::at(int row) const {
    return m_source->at(mapToSource(index(row, 0)).row());
}

bool SheetFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &) const {
    const SheetState &s = m_source->at(sourceRow);
    return s.matches(m_filter) && narrowedAccepts(s);
}

} // namespace bt::ui
