#include "historypanel.h"

#include "jobhistorymodel.h"

#include "store/jobstate.h"

#include <QAction>
#include <QGridLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTreeView>

namespace bt::ui {

HistoryPanel::HistoryPanel(JobHistoryModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_list(new QTreeView(this))
    , m_details(new QLabel(this))
    , m_open(new QPushButton(tr("&Open"), this))
    , m_resume(new QPushButton(tr("&Resume"), this))
    , m_delete(new QPushButton(tr("&Delete"), this))
    , m_push(new QPushButton(tr("&Push"), this)) {
    setObjectName(QStringLiteral("historyPanel"));
    m_list->setObjectName(QStringLiteral("historyList"));
    m_list->setAccessibleName(tr("Past comparisons"));
    m_list->setModel(m_model);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(JobHistoryModel::FilesColumn, QHeaderView::Stretch);
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

    // A refresh resets the model: the selected job stays selected.
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, [this] { m_reselect = currentJobId(); });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        // A project's section row spans the table (its name is longer than a date).
        for (int row = 0; row < m_model->rowCount(); ++row)
            m_list->setFirstColumnSpanned(
                row, QModelIndex(), m_model->index(row, 0).data(JobHistoryModel::ProjectRowRole).toBool());
        selectJob(m_reselect);
        updateButtons();
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &from, const QModelIndex &to) {
                const int row = currentRow();
                if (row >= from.row() && row <= to.row()) updateButtons(); // the details
            });
    connect(m_list->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &HistoryPanel::updateButtons);
    connect(m_list, &QTreeView::activated, this, [this] {
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

void HistoryPanel::setSyncEnabled(bool enabled) {
    m_syncEnabled = enabled;
    m_push->setVisible(enabled);
    updateButtons();
}

QStringList HistoryPanel::jobIds() const {
    return m_model->jobIds();
}

int HistoryPanel::currentRow() const {
    const QModelIndexList rows = m_list->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.first().row();
}

QString HistoryPanel::currentJobId() const {
    const int row = currentRow();
    return row < 0 ? QString() : m_model->index(row, 0).data(JobHistoryModel::JobIdRole).toString();
}

void HistoryPanel::selectJob(const QString &jobId) {
    const int row = m_model->rowOf(jobId);
    if (row < 0) return;
    m_list->selectionModel()->setCurrentIndex(m_model->index(row, 0), QItemSelectionModel::ClearAndSelect |
                                                                          QItemSelectionModel::Rows);
}

void HistoryPanel::updateButtons() {
    const int row = currentRow();
    const bool selected = row >= 0;
    const QModelIndex index = m_model->index(std::max(row, 0), 0);
    const QString id = selected ? index.data(JobHistoryModel::JobIdRole).toString() : QString();
    const auto status =
        JobStatus(selected ? index.data(JobHistoryModel::JobStatusRole).toInt() : int(JobStatus::Pending));
    const QString running = m_model->runningJob();
    const bool busy = !running.isEmpty();
    m_open->setEnabled(selected && !busy);
    const bool local =
        selected && JobOrigin(index.data(JobHistoryModel::OriginRole).toInt()) == JobOrigin::Local;
    m_resume->setEnabled(selected && !busy && local && isResumable(status));
    m_push->setEnabled(m_syncEnabled && local && !index.data(JobHistoryModel::OnServerRole).toBool() &&
                       id != running &&
                       (status == JobStatus::Completed || status == JobStatus::CompletedWithErrors));
    m_delete->setEnabled(selected && id != running);
    if (!selected) {
        m_details->setText(m_model->jobIds().isEmpty() ? tr("No comparisons yet.") : QString());
        return;
    }
    const QString statusText = index.data(JobHistoryModel::StatusTextRole).toString();
    const QString summary = index.data(JobHistoryModel::ShownSummaryRole).toString();
    QString details = summary.isEmpty() ? statusText : tr("%1: %2").arg(statusText, summary);
    const QString where = index.data(JobHistoryModel::WhereRole).toString();
    if (!where.isEmpty()) details += QLatin1Char('\n') + where;
    const QString carried = index.data(JobHistoryModel::CarryTextRole).toString();
    if (!carried.isEmpty()) details += QLatin1Char('\n') + carried;
    m_details->setText(details);
}

} // namespace bt::ui
