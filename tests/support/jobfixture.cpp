#include "jobfixture.h"

#include <QJsonObject>

namespace bt::test {

JobRecord sampleJob(const QString &id, const QDateTime &created) {
    JobRecord j;
    j.id = id;
    j.oldFile = QStringLiteral("/data/old.pdf");
    j.newFile = QStringLiteral("/data/new.pdf");
    j.oldHash = QStringLiteral("aaa");
    j.newHash = QStringLiteral("bbb");
    j.settings = QJsonObject{{QStringLiteral("dpi"), 150}};
    j.status = JobStatus::InProgress;
    j.totalPages = 3;
    j.createdAt = created;
    return j;
}

} // namespace bt::test
