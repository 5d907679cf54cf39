#include "historypanel.h"

#include "jobcontroller.h"

#include "guiapplication.h"
#include "summarytext.h"

#include "pipeline/pipeline.h"
#include "store/jobstore.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QGridLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStyle>
#include <QTreeWidget>
#include <QtConcurrent>

namespace bt::ui {

namespace {

constexpr int kIdRole = Qt::UserRole;
constexpr int kStatusRole = Qt::UserRole + 1;
constexpr int kSummaryRole = Qt::UserRole + 2;
constexpr int kOriginRole = Qt::UserRole + 3;
constexpr int kRemoteRole = Qt::UserRole + 4; // the job is on the server (any origin)
constexpr int kWhereRole = Qt::UserRole + 5;

// A job's row: the status column's tooltip is its summary in the window's language, built off the
// GUI thread when the tooltip is first asked for (the English one until then).
class JobItem : public QTreeWidgetItem {
public:
    JobItem(QTreeWidget *list, const HistoryPanel *panel)
        : QTreeWidgetItem(list)
        , m_panel(panel) {}
    QVariant data(int column, int role) const override {
        if (column == 3 && role == Qt::ToolTipRole)
            return m_panel->shownSummary(QTreeWidgetItem::data(0, kIdRole).toString(),
                                         QTreeWidgetItem::data(0, kSummaryRole).toString());
        return QTreeWidgetItem::data(column, role);
    }

private:
    const HistoryPanel *m_panel;
};

} // namespace

HistoryPanel::HistoryPanel(QWidget *parent)
    : QWidget(parent)
    , m_list(new QTreeWidget(this))
    , m_details(new QLabel(this))
    , m_open(new QPushButton(tr("&Open"), this))
    , m_resume(new QPushButton(tr("&Resume"), this))
    , m_delete(new QPushButton(tr("&Delete"), this))
    , m_push(new QPushButton(tr("&Push"), this)) {
    setObjectName(QStringLiteral("historyPanel"));
    m_list->setObjectName(QStringLiteral("historyList"));
    m_list->setAccessibleName(tr("Past comparisons"));
    m_list->setHeaderLabels({tr("Date"), tr("Files"), tr("Sheets"), tr("Status")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::PlainText);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_details->setMinimumHeight(m_details->fontMetrics().lineSpacing() * 3);
    m_open->setToolTip(tr("Show the results of this comparison (Return)"));
    m_resume->setToolTip(tr("Finish an interrupted or cancelled comparison"));
    m_delete->setToolTip(tr("Remove this comparison and its overlays from the history (Delete)"));
    m_push->setToolTip(tr("Send this comparison to the job server, so the team sees it"));
    m_push->hide();

    // Delete in the list (not window-wide: Delete means other things elsewhere).
    auto *deleteAction = new QAction(tr("Delete"), m_list);
    deleteAction->setShortcut(QKeySequence::Delete);
    deleteAction->setShortcutContext(Qt::WidgetShortcut);
    m_list->addAction(deleteAction);

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_list, 0, 0, 1, 4);
    layout->addWidget(m_details, 1, 0, 1, 4);
    layout->addWidget(m_open, 2, 0);
    layout->addWidget(m_resume, 2, 1);
    layout->addWidget(m_push, 2, 2);
    layout->addWidget(m_delete, 2, 3);
    layout->setRowStretch(0, 1);

    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &HistoryPanel::updateButtons);
    connect(m_list, &QTreeWidget::itemActivated, this, [this] {
        if (m_open->isEnabled()) emit openRequested(currentJobId());
    });
    connect(m_open, &QPushButton::clicked, this, [this] { emit openRequested(currentJobId()); });
    connect(m_resume, &QPushButton::clicked, this, [this] { emit resumeRequested(currentJobId()); });
    connect(m_delete, &QPushButton::clicked, this, [this] { emit deleteRequested(currentJobId()); });
    connect(m_push, &QPushButton::clicked, this, [this] { emit pushRequested(currentJobId()); });
    connect(deleteAction, &QAction::triggered, this, [this] {
        if (m_delete->isEnabled()) emit deleteRequested(currentJobId());
    });
    updateButtons();
}

void HistoryPanel::setStore(JobStore *store) {
    m_store = store;
    m_summaries.clear();
    m_summariesBuilding.clear();
    ++m_summaryGeneration;
    refresh();
}

QString HistoryPanel::whereText(const JobRecord &job) {
    if (job.origin == JobOrigin::Server) return tr("Run on the job server");
    if (job.origin == JobOrigin::Team) return tr("A comparison of the team, from the job server");
    if (!job.remoteJobId.isEmpty()) return tr("Compared here, and pushed to the job server");
    return {};
}

void HistoryPanel::setSyncEnabled(bool enabled) {
    m_syncEnabled = enabled;
    m_push->setVisible(enabled);
    updateButtons();
}

QString HistoryPanel::statusText(JobStatus status, const QString &jobId) const {
    // A job in progress that this window does not run was interrupted (crash, kill, power cut).
    if (status == JobStatus::InProgress) return jobId == m_runningJob ? tr("Running") : tr("Interrupted");
    return statusName(status);
}

QString HistoryPanel::statusName(JobStatus status) {
    switch (status) {
    case JobStatus::InProgress:
        return tr("In progress");
    case JobStatus::Completed:
        return tr("Completed");
    case JobStatus::CompletedWithErrors:
        return tr("Completed with errors");
    case JobStatus::Failed:
        return tr("Failed");
    case JobStatus::Cancelled:
        return tr("Cancelled");
    case JobStatus::Pending:
        return tr("Pending");
    case JobStatus::Queued:
        return tr("Waiting for the server");
    }
    return {};
}

void HistoryPanel::refresh() {
    const QString selected = currentJobId();
    m_list->clear();
    if (!m_store) {
        updateButtons();
        return;
    }
    const QLocale locale;
    for (const JobRecord &job : m_store->jobs()) {
        const QString oldName = QFileInfo(job.oldFile).fileName(),
                      newName = QFileInfo(job.newFile).fileName();
        auto *item = new JobItem(m_list, this);
        const QDateTime created = job.createdAt.toLocalTime();
        // Time only for today's jobs: the column stays narrow in the dock.
        item->setText(0, created.date() == QDate::currentDate()
                             ? locale.toString(created.time(), QLocale::ShortFormat)
                             : locale.toString(created.date(), QLocale::ShortFormat));
        item->setToolTip(0, locale.toString(created, QLocale::LongFormat));
        item->setText(1, tr("%1 → %2").arg(oldName, newName));
        item->setText(2, job.totalPages > 0 ? locale.toString(job.totalPages) : QString());
        item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
        item->setText(3, statusText(job.status, job.id));
        item->setData(0, kIdRole, job.id);
        item->setData(0, kStatusRole, int(job.status));
        item->setData(0, kSummaryRole, job.summaryText);
        item->setToolTip(
            1, tr("Old: %1\nNew: %2")
                   .arg(QDir::toNativeSeparators(job.oldFile), QDir::toNativeSeparators(job.newFile)));
        item->setData(0, kOriginRole, int(job.origin));
        item->setData(0, kRemoteRole, !job.remoteJobId.isEmpty());
        const QString where = whereText(job);
        item->setData(0, kWhereRole, where);
        if (!where.isEmpty()) {
            item->setIcon(1, style()->standardIcon(QStyle::SP_DriveNetIcon));
            item->setToolTip(1, item->toolTip(1) + QLatin1Char('\n') + where);
        }
    }
    selectJob(selected);
    updateButtons();
}

QString HistoryPanel::shownSummary(const QString &jobId, const QString &stored) const {
    if (stored.isEmpty() || !m_store) return stored;
    const auto cached = m_summaries.constFind(jobId);
    if (cached != m_summaries.constEnd() && cached->stored == stored) return cached->shown;
    // Reading the job's sheets is SQL and JSON: off the GUI thread, on a connection of its own
    // (the store may be replaced meanwhile). The history's English text until it is built.
    if (!m_summariesBuilding.contains(jobId)) {
        m_summariesBuilding.insert(jobId);
        auto *self = const_cast<HistoryPanel *>(this);
        auto *watcher = new QFutureWatcher<QString>(self);
        connect(watcher, &QFutureWatcher<QString>::finished, self,
                [self, watcher, jobId, stored, generation = m_summaryGeneration] {
                    watcher->deleteLater();
                    if (generation != self->m_summaryGeneration) return; // another history
                    self->m_summariesBuilding.remove(jobId);
                    self->m_summaries.insert(jobId, {stored, watcher->result()});
                    if (self->currentJobId() == jobId) self->updateButtons(); // the details
                    emit self->summaryReady(jobId);
                });
        watcher->setFuture(QtConcurrent::run(backgroundPool(), [path = m_store->path(), jobId, stored] {
            JobStore store(path);
            if (!store.open(StoreAccess::ReadOnly)) return stored;
            const std::optional<ComparisonResult> result = storedComparison(store, jobId);
            const QString shown = result ? shownJobSummary(stored, result->pages) : stored;
            store.closeThreadConnection(); // a pool thread: no connection left behind
            return shown;
        }));
    }
    return stored;
}

void HistoryPanel::setRunningJob(const QString &jobId) {
    m_runningJob = jobId;
    refresh(); // "Running" / "Interrupted"
}

QStringList HistoryPanel::jobIds() const {
    QStringList ids;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i)
        ids << m_list->topLevelItem(i)->data(0, kIdRole).toString();
    return ids;
}

QString HistoryPanel::currentJobId() const {
    const QTreeWidgetItem *item = m_list->currentItem();
    return item && item->isSelected() ? item->data(0, kIdRole).toString() : QString();
}

void HistoryPanel::selectJob(const QString &jobId) {
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        if (item->data(0, kIdRole).toString() == jobId) {
            m_list->setCurrentItem(item);
            return;
        }
    }
}

void HistoryPanel::updateButtons() {
    const QTreeWidgetItem *item = m_list->currentItem();
    const bool selected = item && item->isSelected();
    const QString id = selected ? item->data(0, kIdRole).toString() : QString();
    const auto status = JobStatus(selected ? item->data(0, kStatusRole).toInt() : int(JobStatus::Pending));
    const bool busy = !m_runningJob.isEmpty();
    m_open->setEnabled(selected && !busy);
    const bool local = selected && JobOrigin(item->data(0, kOriginRole).toInt()) == JobOrigin::Local;
    m_resume->setEnabled(selected && !busy && local && isResumable(status));
    m_push->setEnabled(m_syncEnabled && local && !item->data(0, kRemoteRole).toBool() && id != m_runningJob &&
                       (status == JobStatus::Completed || status == JobStatus::CompletedWithErrors));
    m_delete->setEnabled(selected && id != m_runningJob);
    if (!selected) {
        m_details->setText(m_list->topLevelItemCount() == 0 ? tr("No comparisons yet.") : QString());
        return;
    }
    const QString summary = shownSummary(id, item->data(0, kSummaryRole).toString());
    QString details = summary.isEmpty() ? item->text(3) : tr("%1: %2").arg(item->text(3), summary);
    const QString where = item->data(0, kWhereRole).toString();
    if (!where.isEmpty()) details += QLatin1Char('\n') + where;
    m_details->setText(details);
}

} // namespace bt::ui
