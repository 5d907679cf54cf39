#pragma once

#include "reportoptions.h"

namespace bt {

class JobStore;

// The cover's project fields the caller left empty, from the job's project (name, number, client,
// logo). The default project's name is a placeholder, not a project: it is not put on a cover.
ReportOptions withProjectDefaults(ReportOptions options, const JobStore &store, const QString &jobId);

} // namespace bt
