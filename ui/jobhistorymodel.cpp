#include "jobhistorymodel.h"

#include "guiapplication.h"
#include "summarytext.h"

#include "pipeline/pipeline.h"
#include "store/jobstore.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QLocale>
#include <QStyle>
#include <QtConcurrent>

namespace bt::ui {

JobHistoryModel::JobHistoryModel(QObject *parent)
    : QAbstractTableModel(parent) {}

void JobHistoryModel::setStore(JobStore *store) {
    m_store = store;
    m_summaries.clear();
    m_summariesBuilding.clear();
    ++m_summaryGeneration;
    refresh();
}

void JobHistoryModel::refresh() {
    beginResetModel();
    m_jobs = m_store ? m_store->jobs() : QVector<JobRecord>();
    endResetModel();
}

void JobHistoryModel::setRunningJob(const QString &jobId) {
    m_runningJob = jobId;
    refresh(); // "Running" / "Interrupted", and the job may be new
}

int JobHistoryModel::rowOf(const QString &jobId) const {
    for (int row = 0; row < m_jobs.size(); ++row)
        if (m_jobs[row].id == jobId) return row;
    return -1;
}

QStringList JobHistoryModel::jobIds() const {
    QStringList ids;
    for (const JobRecord &job : m_jobs)
        ids << job.id;
    return ids;
}

int JobHistoryModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_jobs.size());
}

int JobHistoryModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant JobHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case DateColumn:
        return tr("Date");
    case FilesColumn:
        return tr("Files");
    case SheetsColumn:
        return tr("Sheets");
    case StatusColumn:
        return tr("Status");
    }
    return {};
}

QVariant JobHistoryModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_jobs.size()) return {};
    const JobRecord &job = m_jobs[index.row()];
    switch (role) {
    case JobIdRole:
        return job.id;
    case JobStatusRole:
        return int(job.status);
    case OriginRole:
        return int(job.origin);
    case OnServerRole:
        return !job.remoteJobId.isEmpty();
    case WhereRole:
        return whereText(job);
    case StatusTextRole:
        return statusText(job);
    case ShownSummaryRole:
        return shownSummary(job.id, job.summaryText);
    default:
        break;
    }
    const QLocale locale;
    const QDateTime created = job.createdAt.toLocalTime();
    switch (index.column()) {
    case DateColumn:
        // Time only for today's jobs: the column stays narrow in the dock.
        if (role == Qt::DisplayRole)
            return created.date() == QDate::currentDate()
                       ? locale.toString(created.time(), QLocale::ShortFormat)
                       : locale.toString(created.date(), QLocale::ShortFormat);
        if (role == Qt::ToolTipRole) return locale.toString(created, QLocale::LongFormat);
        break;
    case FilesColumn:
        if (role == Qt::DisplayRole)
            return tr("%1 → %2").arg(QFileInfo(job.oldFile).fileName(), QFileInfo(job.newFile).fileName());
        if (role == Qt::ToolTipRole) {
            QString tip =
                tr("Old: %1\nNew: %2")
                    .arg(QDir::toNativeSeparators(job.oldFile), QDir::toNativeSeparators(job.newFile));
            const QString where = whereText(job);
            return where.isEmpty() ? tip : tip + QLatin1Char('\n') + where;
        }
        if (role == Qt::DecorationRole && !whereText(job).isEmpty())
            return QApplication::style()->standardIcon(QStyle::SP_DriveNetIcon);
        break;
    case SheetsColumn:
        if (role == Qt::DisplayRole) return job.totalPages > 0 ? locale.toString(job.totalPages) : QString();
        if (role == Qt::TextAlignmentRole) return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case StatusColumn:
        if (role == Qt::DisplayRole) return statusText(job);
        if (role == Qt::ToolTipRole) return shownSummary(job.id, job.summaryText);
        break;
    }
    return {};
}

QString JobHistoryModel::statusText(const JobRecord &job) const {
    // A job in progress that this window does not run was interrupted (crash, kill, power cut).
    if (job.status == JobStatus::InProgress)
        return job.id == m_runningJob ? tr("Running") : tr("Interrupted");
    return statusName(job.status);
}

QString JobHistoryModel::statusName(JobStatus status) {
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

QString JobHistoryModel::whereText(const JobRecord &job) {
    if (job.origin == JobOrigin::Server) return tr("Run on the job server");
    if (job.origin == JobOrigin::Team) return tr("A comparison of the team, from the job server");
    if (!job.remoteJobId.isEmpty()) return tr("Compared here, and pushed to the job server");
    return {};
}

QString JobHistoryModel::shownSummary(const QString &jobId, const QString &stored) const {
    if (stored.isEmpty() || !m_store) return stored;
    const auto cached = m_summaries.constFind(jobId);
    if (cached != m_summaries.constEnd() && cached->stored == stored) return cached->shown;
    // Reading the job's sheets is SQL and JSON: off the GUI thread, on a connection of its own
    // (the store may be replaced meanwhile). The history's English text until it is built.
    if (!m_summariesBuilding.contains(jobId)) {
        m_summariesBuilding.insert(jobId);
        auto *self = const_cast<JobHistoryModel *>(this);
        auto *watcher = new QFutureWatcher<QString>(self);
        connect(watcher, &QFutureWatcher<QString>::finished, self,
                [self, watcher, jobId, stored, generation = m_summaryGeneration] {
                    watcher->deleteLater();
                    if (generation != self->m_summaryGeneration) return; // another history
                    self->m_summariesBuilding.remove(jobId);
                    self->m_summaries.insert(jobId, {stored, watcher->result()});
                    if (const int row = self->rowOf(jobId); row >= 0)
                        emit self->dataChanged(self->index(row, 0), self->index(row, ColumnCount - 1));
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

} // namespace bt::ui
