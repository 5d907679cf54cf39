#include "comparepage.h"

#include "dropzone.h"
#include "jobhistorymodel.h"
#include "pagecardlist.h"
#include "sheetpairing.h"
#include "sheettable.h"
#include "summarytext.h"

#include "sync/remotemirror.h"

#include <QAction>
#include <QButtonGroup>
#include <QComboBox>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QShortcut>
#include <QToolButton>
#include <QVBoxLayout>

namespace bt::ui {

ComparePage::ComparePage(JobController *controller, const Actions &actions, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_filterActions(actions.filters)
    , m_oldZone(new DropZone(DropZone::Side::Old, this))
    , m_newZone(new DropZone(DropZone::Side::New, this))
    , m_swapButton(new QToolButton(this))
    , m_compareButton(new QPushButton(tr("Compare"), this))
    , m_serverButton(new QPushButton(tr("On Server"), this))
    , m_jobHeader(new QLabel(this))
    , m_filters(new QButtonGroup(this))
    , m_cards(new PageCardList(this))
    , m_table(new SheetTable(m_cards->filterModel(), this))
    , m_tableAction(new QAction(tr("Sheet &Table"), this))
    , m_pairing(new SheetPairing(controller, m_cards, m_table, this)) {
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setHorizontalSpacing(10);
    layout->setVerticalSpacing(8);

    actions.swap->setIconText(QStringLiteral("⇄")); // the button shows the icon text, the menu the text
    m_swapButton->setDefaultAction(actions.swap);
    actions.swap->setToolTip(
        tr("Swap OLD and NEW (%1)").arg(actions.swap->shortcut().toString(QKeySequence::NativeText)));
    m_swapButton->setAccessibleName(tr("Swap old and new"));
    m_swapButton->setAutoRaise(true);
    QFont swapFont = m_swapButton->font();
    swapFont.setPointSizeF(swapFont.pointSizeF() * 1.6);
    m_swapButton->setFont(swapFont);
    m_swapButton->setFocusPolicy(Qt::StrongFocus);
    m_compareButton->setObjectName(QStringLiteral("compareButton"));
    m_compareButton->setToolTip(tr("Compare OLD with NEW (Return or %1)")
                                    .arg(actions.compare->shortcut().toString(QKeySequence::NativeText)));
    m_compareButton->setMinimumSize(120, m_oldZone->minimumHeight());
    m_compareButton->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Expanding);
    QFont compareFont = m_compareButton->font();
    compareFont.setBold(true);
    compareFont.setPointSizeF(compareFont.pointSizeF() * 1.15);
    m_compareButton->setFont(compareFont);
    connect(m_compareButton, &QPushButton::clicked, this, &ComparePage::compareRequested);
    m_serverButton->setObjectName(QStringLiteral("serverButton"));
    m_serverButton->setToolTip(tr("Compare on the team's job server (%1)")
                                   .arg(actions.runOnServer->shortcut().toString(QKeySequence::NativeText)));
    m_serverButton->setMinimumWidth(m_compareButton->minimumWidth());
    m_serverButton->hide();
    connect(m_serverButton, &QPushButton::clicked, this, &ComparePage::runOnServerRequested);
    auto *compareColumn = new QWidget(this);
    auto *compareLayout = new QVBoxLayout(compareColumn);
    compareLayout->setContentsMargins(0, 0, 0, 0);
    compareLayout->setSpacing(4);
    compareLayout->addWidget(m_compareButton, 1);
    compareLayout->addWidget(m_serverButton);
    // Return starts the comparison from anywhere on this page; cards and buttons that use
    // Return themselves claim it first (ShortcutOverride).
    for (const QKeySequence &key : {QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)}) {
        auto *shortcut = new QShortcut(key, this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, &ComparePage::compareRequested);
    }

    m_jobHeader->setObjectName(QStringLiteral("jobHeader"));
    m_jobHeader->setWordWrap(true);
    m_jobHeader->setTextFormat(Qt::RichText);
    m_jobHeader->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *filterRow = new QWidget(this);
    auto *filterLayout = new QHBoxLayout(filterRow);
    filterLayout->setContentsMargins(0, 0, 0, 0);
    filterLayout->setSpacing(4);
    filterLayout->addWidget(new QLabel(tr("Show:"), filterRow));
    // Reading order: every sheet, then what differs, then the rest.
    for (const CardFilter f : {CardFilter::All, CardFilter::Changed, CardFilter::Added, CardFilter::Removed,
                               CardFilter::Unchanged, CardFilter::Failed}) {
        const int i = int(f);
        auto *b = new QToolButton(filterRow);
        b->setCheckable(true);
        b->setAutoRaise(true);
        b->setFocusPolicy(Qt::StrongFocus);
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        m_filters->addButton(b, i);
        filterLayout->addWidget(b);
    }
    filterLayout->addStretch(1);
    filterLayout->addWidget(createSearchRow(filterRow));
    m_filters->button(0)->setChecked(true);
    connect(m_filters, &QButtonGroup::idClicked, this,
            [this](int id) { m_cards->setFilter(CardFilter(id)); });
    connect(m_cards, &PageCardList::countsChanged, this, &ComparePage::updateFilterButtons);
    connect(controller, &JobController::stageChanged, m_cards, &PageCardList::updateStage);
    connect(controller, &JobController::pageUpdated, this, &ComparePage::onPageUpdated);
    connect(controller, &JobController::progressChanged, m_cards, &PageCardList::updateProgress);
    connect(controller, &JobController::connectionChanged, this, &ComparePage::onConnectionChanged);
    connect(controller, &JobController::serverJobUpdated, this, &ComparePage::onServerJobUpdated);
    connect(controller, &JobController::jobBeginning, this, &ComparePage::onJobBeginning);
    connect(controller, &JobController::startFailed, this, &ComparePage::onStartFailed);
    connect(controller, &JobController::jobStarted, this,
            [this] { updateJobHeader(JobStatus::InProgress, QString()); });
    connect(controller, &JobController::sheetsMatched, this, &ComparePage::onSheetsMatched);
    connect(controller, &JobController::jobFinished, this,
            [this](const QString &, JobStatus status) { onJobFinished(status); });
    connect(controller, &JobController::overlayReady, m_cards, &PageCardList::reloadThumbnail);
    connect(m_cards, &PageCardList::pageActivated, this, &ComparePage::pageActivated);
    connect(m_table, &SheetTable::pageActivated, this, &ComparePage::pageActivated);

    layout->addWidget(m_oldZone, 0, 0);
    layout->addWidget(m_swapButton, 0, 1);
    layout->addWidget(m_newZone, 0, 2);
    layout->addWidget(compareColumn, 0, 3);
    layout->addWidget(m_jobHeader, 1, 0, 1, 4);
    layout->addWidget(filterRow, 2, 0, 1, 4);
    layout->addWidget(m_cards, 3, 0, 1, 4);
    layout->addWidget(m_table, 3, 0, 1, 4);
    layout->setColumnStretch(0, 1);
    layout->setColumnStretch(2, 1);
    layout->setRowStretch(3, 1);
    updateFilterButtons();

    // Keyboard order follows the reading order: OLD, swap, NEW, Compare, filters, cards.
    setTabOrder(m_oldZone, m_swapButton);
    setTabOrder(m_swapButton, m_newZone);
    setTabOrder(m_newZone, m_compareButton);
    QWidget *previous = m_compareButton;
    for (QAbstractButton *b : m_filters->buttons()) {
        setTabOrder(previous, b);
        previous = b;
    }
    for (QWidget *w : {static_cast<QWidget *>(m_search), static_cast<QWidget *>(m_discipline),
                       static_cast<QWidget *>(m_cards), static_cast<QWidget *>(m_table)}) {
        setTabOrder(previous, w);
        previous = w;
    }
    showTable(QSettings().value(QStringLiteral("view/sheetTable"), false).toBool());
}

QWidget *ComparePage::createSearchRow(QWidget *parent) {
    auto *row = new QWidget(parent);
    auto *rowLayout = new QHBoxLayout(row);
    rowLayout->setContentsMargins(0, 0, 0, 0);
    rowLayout->setSpacing(4);
    m_search = new QLineEdit(row);
    m_search->setObjectName(QStringLiteral("sheetSearch"));
    m_search->setClearButtonEnabled(true);
    m_search->setPlaceholderText(tr("Search number, title, changed text"));
    m_search->setAccessibleName(tr("Search sheets"));
    m_search->setMinimumWidth(fontMetrics().horizontalAdvance(m_search->placeholderText()) + 40);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_cards->setSearch(text);
        updateFilterButtons();
    });
    m_discipline = new QComboBox(row);
    m_discipline->setObjectName(QStringLiteral("disciplineFilter"));
    m_discipline->setAccessibleName(tr("Discipline"));
    m_discipline->addItem(tr("All disciplines"), -1);
    for (int d = 0; d < kDisciplineCount; ++d)
        m_discipline->addItem(disciplineName(Discipline(d)), d);
    connect(m_discipline, &QComboBox::currentIndexChanged, this, [this] {
        const int d = m_discipline->currentData().toInt();
        m_cards->setDiscipline(d < 0 ? std::nullopt : std::optional<Discipline>(Discipline(d)));
        updateFilterButtons();
    });
    m_tableAction->setObjectName(QStringLiteral("sheetTableAction"));
    m_tableAction->setCheckable(true);
    m_tableAction->setShortcut(QKeySequence(tr("Ctrl+T")));
    m_tableAction->setToolTip(tr("Show the sheets as a table (%1)")
                                  .arg(m_tableAction->shortcut().toString(QKeySequence::NativeText)));
    m_tableAction->setIconText(tr("Table"));
    connect(m_tableAction, &QAction::toggled, this, [this](bool on) {
        QSettings().setValue(QStringLiteral("view/sheetTable"), on);
        showTable(on);
    });
    addAction(m_tableAction); // its shortcut works with the menu bar hidden, too
    auto *tableButton = new QToolButton(row);
    tableButton->setObjectName(QStringLiteral("sheetTableButton"));
    tableButton->setDefaultAction(m_tableAction);
    tableButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    tableButton->setAutoRaise(true);
    tableButton->setFocusPolicy(Qt::StrongFocus);
    rowLayout->addWidget(m_search);
    rowLayout->addWidget(m_discipline);
    rowLayout->addWidget(tableButton);
    return row;
}

void ComparePage::showTable(bool table) {
    m_tableAction->setChecked(table); // no-op when it told us
    const bool hadFocus = m_cards->isAncestorOf(focusWidget()) || m_table->hasFocus();
    m_table->setVisible(table);
    m_cards->setVisible(!table);
    if (hadFocus) (table ? static_cast<QWidget *>(m_table) : m_cards)->setFocus();
}

bool ComparePage::isTableShown() const {
    return m_tableAction->isChecked();
}

QList<int> ComparePage::selectedSheets() const {
    return isTableShown() ? m_table->selectedPages() : QList<int>();
}

void ComparePage::setFiles(const QString &oldPath, const QString &newPath) {
    if (m_oldZone->path() != QFileInfo(oldPath).absoluteFilePath() || oldPath.isEmpty())
        m_oldZone->setPath(oldPath);
    if (m_newZone->path() != QFileInfo(newPath).absoluteFilePath() || newPath.isEmpty())
        m_newZone->setPath(newPath);
}

void ComparePage::setRecentFiles(const QStringList &files) {
    m_oldZone->setRecentFiles(files);
    m_newZone->setRecentFiles(files);
}

bool ComparePage::takeDroppedFile(const QStringList &files) {
    if (files.size() != 1) return false;
    (m_oldZone->path().isEmpty() ? m_oldZone : m_newZone)->setPath(files.first());
    return true;
}

void ComparePage::setReviewProgress(int pageNumber, int reviewed, int total) {
    m_cards->setReviewProgress(pageNumber, reviewed, total);
}

void ComparePage::setCompareEnabled(bool local, bool onServer, bool serverSetUp) {
    m_compareButton->setEnabled(local);
    m_serverButton->setEnabled(onServer);
    m_serverButton->setVisible(serverSetUp);
}

void ComparePage::clickFilter(int filter) {
    if (QAbstractButton *b = m_filters->button(filter)) b->click();
}

void ComparePage::updateFilterButtons() {
    const QStringList names = {tr("All"),    tr("Changed"), tr("Unchanged"),
                               tr("Failed"), tr("Added"),   tr("Removed")};
    for (int i = 0; i < names.size(); ++i) {
        QAbstractButton *b = m_filters->button(i);
        const int count = m_cards->filterModel()->count(CardFilter(i));
        b->setText(tr("%1 (%2)").arg(names[i]).arg(count));
        // Added and removed sheets are rare: their buttons show when a job has some.
        if (i >= int(CardFilter::Added)) {
            b->setVisible(count > 0 || b->isChecked());
            const QString what =
                i == int(CardFilter::Added) ? tr("Show sheets only in NEW") : tr("Show sheets only in OLD");
            b->setAccessibleName(what);
            b->setToolTip(what);
        }
        if (const QAction *a = m_filterActions.value(i)) {
            const QString what = a->text().remove(QLatin1Char('&')); // "Show Changed Sheets"
            b->setAccessibleName(what);
            b->setToolTip(tr("%1 (%2)").arg(what, a->shortcut().toString(QKeySequence::NativeText)));
        }
    }
}

void ComparePage::updateJobHeader(std::optional<JobStatus> status, const QString &summary) {
    const QString oldPath = m_controller->currentOldPath(), newPath = m_controller->currentNewPath();
    if (oldPath.isEmpty() || !status) {
        m_jobHeader->clear();
        m_jobHeader->hide();
        window()->setWindowTitle(tr("BuildTrace"));
        return;
    }
    const QString oldName = QFileInfo(oldPath).fileName(), newName = QFileInfo(newPath).fileName();
    window()->setWindowTitle(
        tr("%1 → %2").arg(oldName, newName)); // the platform appends the application name
    QString text = tr("<b>%1</b> → <b>%2</b>").arg(oldName.toHtmlEscaped(), newName.toHtmlEscaped());
    const int sheets = m_cards->count(CardFilter::All);
    if (sheets > 0) text += QStringLiteral(" · ") + tr("%n sheet(s)", nullptr, sheets);
    text += QStringLiteral(" · ") + JobHistoryModel::statusName(*status).toHtmlEscaped();
    if (const std::optional<JobRecord> job = m_controller->job(m_controller->currentJobId());
        job && job->isRemote())
        text += QStringLiteral(" · ") + JobHistoryModel::whereText(*job).toHtmlEscaped();
    if (!summary.isEmpty()) text += QStringLiteral("<br>") + summary.toHtmlEscaped();
    m_jobHeader->setText(text);
    m_jobHeader->show();
}

void ComparePage::updateReviewProgress(int pageNumber) {
    const QHash<int, int> reviewed = m_controller->reviewedCounts(pageNumber);
    for (const SheetState &s : m_cards->sheets())
        if (pageNumber == 0 || s.pageNumber() == pageNumber)
            m_cards->setReviewProgress(s.pageNumber(), reviewed.value(s.pageNumber()),
                                       reviewableCount(s.result)); // an added sheet is one item
}

QString ComparePage::placeholderFor(const JobRecord &job) const {
    if (!job.isRemote() || isFinished(job.status)) return tr("This comparison has no sheets.");
    if (job.status == JobStatus::Queued)
        return m_controller->serverOffline()
                   ? tr("Waiting for the job server: it cannot be reached now. The comparison is sent when "
                        "it can.")
                   : tr("Sending the sets to the job server…");
    return tr("The job server is matching the sheets…");
}

void ComparePage::clearJob(const QString &placeholder) {
    m_cards->clear();
    m_cards->setPlaceholderText(placeholder);
    updateJobHeader(std::nullopt, QString());
}

void ComparePage::onJobBeginning() {
    m_cards->clear();
    m_cards->setPlaceholderText(tr("Matching sheets…"));
}

void ComparePage::onStartFailed(bool resuming) {
    m_cards->setPlaceholderText(resuming ? tr("Not resumed.") : tr("Not compared."));
    updateJobHeader(std::nullopt, QString());
}

void ComparePage::onSheetsMatched(const QVector<PageResult> &pages, const JobProgress &progress) {
    m_cards->setSetPaths(m_controller->currentOldPath(), m_controller->currentNewPath());
    m_cards->setPages(pages);
    m_cards->updateProgress(progress);
    m_cards->setPlaceholderText(tr("No sheets."));
    updateJobHeader(JobStatus::InProgress, QString());
    updateReviewProgress();
}

void ComparePage::onPageUpdated(const PageResult &page) {
    m_cards->updatePage(page);
    updateReviewProgress(page.pageNumber); // its regions may be new
}

void ComparePage::onJobFinished(JobStatus status) {
    m_cards->settle();
    const Pipeline *pipeline = m_controller->pipeline();
    updateJobHeader(status, shownJobSummary(pipeline->progress().summaryText, pipeline->result().pages));
}

void ComparePage::showStoredJob(const JobController::StoredJob &job) {
    m_cards->setSetPaths(job.result.oldPath, job.result.newPath);
    m_cards->setPages(job.result.pages);
    if (job.progress) m_cards->updateProgress(*job.progress);
    if (!job.record.isRemote() || isFinished(job.record.status))
        m_cards->settle(); // an interrupted job's stages are not running any more
    m_cards->setPlaceholderText(placeholderFor(job.record));
    updateReviewProgress();
    updateJobHeader(job.record.status, shownJobSummary(job.record.summaryText, job.result.pages));
}

void ComparePage::onServerJobUpdated(const JobController::StoredJob &job, const QVector<int> &pages) {
    const QVector<PageResult> &results = job.result.pages;
    if (m_cards->count(CardFilter::All) != results.size()) {
        m_cards->setSetPaths(job.result.oldPath, job.result.newPath);
        m_cards->setPages(results);
    } else {
        for (const int n : pages)
            if (n >= 1 && n <= results.size()) m_cards->updatePage(results[n - 1]);
    }
    if (job.progress) m_cards->updateProgress(*job.progress);
    if (isFinished(job.record.status)) m_cards->settle();
    m_cards->setPlaceholderText(placeholderFor(job.record));
    updateJobHeader(job.record.status, shownJobSummary(job.record.summaryText, results));
    updateReviewProgress();
}

void ComparePage::onConnectionChanged() {
    // A server job waiting to be sent says whether the server can be reached.
    if (m_cards->count(CardFilter::All) > 0) return;
    if (const std::optional<JobRecord> job = m_controller->job(m_controller->currentJobId());
        job && job->isRemote())
        m_cards->setPlaceholderText(placeholderFor(*job));
}

} // namespace bt::ui
