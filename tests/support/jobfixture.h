#pragma once

// Records the JobStore tests (tst_jobstore, tst_jobstoremigration) write and read back.

#include "store/jobrecords.h"

#include <QDateTime>
#include <QString>

namespace bt::test {

// An in-progress job of three sheets with fixed files, hashes ("aaa", "bbb") and settings.
JobRecord sampleJob(const QString &id, const QDateTime &created = QDateTime());

} // namespace bt::test
