#include "reportproject.h"

#include "store/jobstore.h"

#include <QFileInfo>

namespace bt {

ReportOptions withProjectDefaults(ReportOptions o, const JobStore &store, const QString &jobId) {
    const std::optional<JobRecord> job = store.job(jobId);
    const std::optional<ProjectRecord> p = job ? store.projectStore().project(job->projectId) : std::nullopt;
    if (!p) return o;
    const bool placeholder =
        p->id == HistoryDatabase::kDefaultProjectId && p->name == QLatin1String(kDefaultProjectName);
    if (o.project.isEmpty() && !placeholder) o.project = p->name;
    if (o.projectNumber.isEmpty()) o.projectNumber = p->number;
    if (o.client.isEmpty()) o.client = p->client;
    if (o.logoPath.isEmpty() && !p->logoPath.isEmpty() && QFileInfo(p->logoPath).isFile())
        o.logoPath = p->logoPath;
    return o;
}

} // namespace bt
