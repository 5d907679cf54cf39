#include "regionreview.h"

#include "store/jobstore.h"

#include <QDir>
#include <QSet>
#include <QSettings>

namespace bt {

QString reviewStatusName(ReviewStatus status) {
    switch (status) {
    case ReviewStatus::Open:
        return QStringLiteral("open");
    case ReviewStatus::Accepted:
        return QStringLiteral("accepted");
    case ReviewStatus::Rejected:
        return QStringLiteral("rejected");
    case ReviewStatus::NeedsClarification:
        return QStringLiteral("needs_clarification");
    }
    return QStringLiteral("open");
}

std::optional<ReviewStatus> reviewStatusFromName(const QString &name) {
    for (const ReviewStatus s : {ReviewStatus::Open, ReviewStatus::Accepted, ReviewStatus::Rejected,
                                 ReviewStatus::NeedsClarification})
        if (reviewStatusName(s) == name) return s;
    return std::nullopt;
}

QString reviewerName() {
    const QString configured = QSettings().value(QLatin1String(kReviewerNameKey)).toString().trimmed();
    return configured.isEmpty() ? systemUserName() : configured;
}

QString systemUserName() {
    for (const char *variable : {"USER", "USERNAME", "LOGNAME"}) {
        const QString name = qEnvironmentVariable(variable).trimmed();
        if (!name.isEmpty()) return name;
    }
    return QDir::home().dirName();
}

QHash<int, int> matchRegions(const ChangeRegions &before, const ChangeRegions &after) {
    QHash<int, int> map;
    QSet<int> taken;
    for (const ChangeRegion &b : before) {
        int best = 0;
        double bestIou = 0.5;
        for (const ChangeRegion &a : after) {
            if (taken.contains(a.id)) continue;
            const QRectF i = b.boxPt.intersected(a.boxPt);
            const double inter = i.width() * i.height();
            const double uni =
                b.boxPt.width() * b.boxPt.height() + a.boxPt.width() * a.boxPt.height() - inter;
            const double iou = uni > 0 ? inter / uni : 0;
            if (iou > bestIou) {
                best = a.id;
                bestIou = iou;
            }
        }
        if (best != 0) {
            map.insert(b.id, best);
            taken.insert(best);
        }
    }
    return map;
}

RegionReview regionReview(const JobStore &store, const QString &jobId, int pageNumber, int regionNumber) {
    for (const RegionReview &r : store.reviewStore().reviews(jobId, pageNumber))
        if (r.regionNumber == regionNumber) return r;
    RegionReview open;
    open.jobId = jobId;
    open.pageNumber = pageNumber;
    open.regionNumber = regionNumber;
    return open;
}

} // namespace bt
