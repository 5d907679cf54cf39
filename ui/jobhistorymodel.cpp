#include "jobhistorymodel.h"

#include "guiapplication.h"
#include "summarytext.h"

#include "pipeline/pipeline.h"
#include "review/reviewcarry.h"
#include "store/jobstore.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QFont>
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
    m_projects = m_store ? m_store->projectStore().projects() : QVector<ProjectRecord>();
    m_carried = m_store ? m_store->carryStore().carrySources() : QHash<QString, CarrySource>();
    // Sections: the current project first, then the others by their newest job (jobs are newest first).
    QVector<int> order;
    for (int p = 0; p < m_projects.size(); ++p)
        if (m_projects[p].id == m_currentProject) order << p;
    for (const JobRecord &job : std::as_const(m_jobs))
        for (int p = 0; p < m_projects.size(); ++p)
            if (m_projects[p].id == job.projectId && !order.contains(p)) order << p;
    m_rows.clear();
    for (const int p : std::as_const(order)) {
        m_rows.append(Row{-1, p});
        for (int j = 0; j < m_jobs.size(); ++j)
            if (m_jobs[j].projectId == m_projects[p].id) m_rows.append(Row{j, p});
    }
    endResetModel();
}

void JobHistoryModel::setCurrentProject(qint64 projectId) {
    if (projectId == m_currentProject) return;
    m_currentProject = projectId;
    refresh();
}

int JobHistoryModel::rowOfProject(qint64 projectId) const {
    for (int row = 0; row < m_rows.size(); ++row)
        if (m_rows[row].job < 0 && m_projects[m_rows[row].project].id == projectId) return row;
    return -1;
}

Qt::ItemFlags JobHistoryModel::flags(const QModelIndex &index) const {
    if (!index.isValid() || index.row() >= m_rows.size()) return Qt::NoItemFlags;
    return m_rows[index.row()].job < 0 ? Qt::ItemIsEnabled : Qt::ItemIsEnabled | Qt::ItemIsSelectable;
}

void JobHistoryModel::setRunningJob(const QString &jobId) {
    m_runningJob = jobId;
    refresh(); // "Running" / "Interrupted", and the job may be new
}

int JobHistoryModel::rowOf(const QString &jobId) const {
    for (int row = 0; row < m_rows.size(); ++row)
        if (m_rows[row].job >= 0 && m_jobs[m_rows[row].job].id == jobId) return row;
    return -1;
}

QStringList JobHistoryModel::jobIds() const {
    QStringList ids;
    for (const Row &row : m_rows)
        if (row.job >= 0) ids << m_jobs[row.job].id;
    return ids;
}

int JobHistoryModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
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

QVariant JobHistoryModel::projectData(const ProjectRecord &project, int column, int role) const {
    switch (role) {
    case ProjectIdRole:
        return project.id;
    case ProjectRowRole:
        return true;
    case Qt::DisplayRole:
        if (column != DateColumn) return {};
        return project.jobCount == 0
                   ? tr("%1 — no comparisons yet").arg(project.name)
                   : tr("%1 (%n comparison(s))", nullptr, project.jobCount).arg(project.name);
    case Qt::ToolTipRole: {
        QStringList lines{project.name};
        if (!project.number.isEmpty()) lines << tr("Number: %1").arg(project.number);
        if (!project.client.isEmpty()) lines << tr("Client: %1").arg(project.client);
        return lines.join(QLatin1Char('\n'));
    }
    case Qt::FontRole: {
        QFont font;
        font.setBold(true);
        return font;
    }
    }
    return {};
}

QString JobHistoryModel::carryText(const JobRecord &job) const {
    const auto carried = m_carried.constFind(job.id);
    if (carried == m_carried.constEnd()) return {};
    const auto from = std::find_if(m_jobs.cbegin(), m_jobs.cend(),
                                   [&](const JobRecord &j) { return j.id == carried->fromJobId; });
    if (from == m_jobs.cend())
        return tr("%n review(s) carried over from a comparison no longer in the history.", nullptr,
                  carried->total);
    const QLocale locale;
    QString text =
        tr("%n review(s) carried over from the comparison of %1 (%2 → %3, job %4).", nullptr, carried->total)
            .arg(locale.toString(from->createdAt.toLocalTime(), QLocale::ShortFormat),
                 QFileInfo(from->oldFile).fileName(), QFileInfo(from->newFile).fileName(), from->id.left(8));
    QStringList differ;
    for (const SettingDifference &d : settingsDifferences(from->settings, job.settings))
        differ << tr("%1 %2 → %3").arg(settingLabel(d.key), d.from, d.to);
    if (from->newFile != job.newFile) differ << tr("NEW set %1").arg(QFileInfo(job.newFile).fileName());
    if (from->oldFile != job.oldFile) differ << tr("OLD set %1").arg(QFileInfo(job.oldFile).fileName());
    text +=
        QLatin1Char(' ') + (differ.isEmpty() ? tr("Same settings.")
                                             : tr("Differs in: %1.").arg(differ.join(QStringLiteral(", "))));
    return text;
}

QString JobHistoryModel::settingLabel(const QString &key) {
    if (key == QLatin1String("dpi")) return tr("DPI");
    if (key == QLatin1String("tolerance_pt")) return tr("tolerance (pt)");
    if (key == QLatin1String("max_pixels")) return tr("pixel cap");
    if (key == QLatin1String("group_distance_pt")) return tr("grouping distance (pt)");
    if (key == QLatin1String("keep_renders")) return tr("keep renders");
    if (key == QLatin1String("scanned")) return tr("scanned");
    return key;
}

QVariant JobHistoryModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_rows.size()) return {};
    const Row &row = m_rows[index.row()];
    if (row.job < 0) return projectData(m_projects[row.project], index.column(), role);
    const JobRecord &job = m_jobs[row.job];
    switch (role) {
    case ProjectIdRole:
        return job.projectId;
    case ProjectRowRole:
        return false;
    case CarryTextRole:
        return carryText(job);
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
        if (role == Qt::DisplayRole)
            return m_carried.contains(job.id) ? tr("%1, reviews carried").arg(statusText(job))
                                              : statusText(job);
        if (role == Qt::ToolTipRole) {
            const QString carried = carryText(job);
            const QString summary = shownSummary(job.id, job.summaryText);
            return carried.isEmpty() ? summary : summary + QLatin1Char('\n') + carried;
        }
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
