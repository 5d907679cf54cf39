#include "reviewcarry.h"

#include "compare/resultjson.h"
#include "regionreview.h"
#include "store/jobstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLineF>
#include <QSet>

#include <algorithm>

namespace bt {

namespace {

double area(const QRectF &r) {
    return std::max(0.0, r.width()) * std::max(0.0, r.height());
}

double iou(const QRectF &a, const QRectF &b) {
    const double inter = area(a.intersected(b));
    const double uni = area(a) + area(b) - inter;
    return uni > 0 ? inter / uni : 0;
}

bool sameChangedText(const ChangeRegion &a, const ChangeRegion &b) {
    return (!a.oldText.isEmpty() || !a.newText.isEmpty()) && a.oldText == b.oldText && a.newText == b.newText;
}

QString valueText(const QJsonValue &v) {
    if (v.isUndefined() || v.isNull()) return QStringLiteral("-");
    if (v.isDouble()) return QString::number(v.toDouble(), 'g', 6);
    if (v.isBool()) return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isString()) return v.toString();
    const QJsonDocument doc = v.isObject() ? QJsonDocument(v.toObject()) : QJsonDocument(v.toArray());
    return QString::fromUtf8(doc.toJson(QJsonDocument::Compact));
}

} // namespace

QTransform newToOldPoints(const PageResult &page) {
    if (!page.diffDone || page.dpi <= 0 || page.oldDpi <= 0) return {};
    const cv::Matx23d &m = page.alignment.newToOld;
    const double sNew = page.dpi / 72.0, sOld = page.oldDpi / 72.0;
    // old_pt = (M * (new_pt * sNew, 1)) / sOld; QTransform maps x' = m11 x + m21 y + dx.
    return QTransform(m(0, 0) * sNew / sOld, m(1, 0) * sNew / sOld, m(0, 1) * sNew / sOld,
                      m(1, 1) * sNew / sOld, m(0, 2) / sOld, m(1, 2) / sOld);
}

QTransform carryTransform(const JobRecord &fromJob, const PageResult &fromPage, const JobRecord &toJob,
                          const PageResult &toPage) {
    if (!fromJob.newHash.isEmpty() && fromJob.newHash == toJob.newHash) return {};
    const QTransform oldToNew = newToOldPoints(toPage).inverted();
    if (!fromJob.oldHash.isEmpty() && fromJob.oldHash == toJob.oldHash)
        return newToOldPoints(fromPage) * oldToNew; // QTransform: left first
    return oldToNew;
}

QHash<int, int> matchCarriedRegions(const ChangeRegions &from, const ChangeRegions &to,
                                    const QTransform &fromToTo) {
    struct Pair {
        int from, to;
        bool text;
        double overlap, distance;
    };
    std::vector<Pair> pairs;
    for (const ChangeRegion &f : from) {
        const QRectF box = fromToTo.mapRect(f.boxPt);
        for (const ChangeRegion &t : to) {
            if (f.kind != t.kind) continue;
            const double overlap = iou(box, t.boxPt);
            const bool text = sameChangedText(f, t);
            if (!text && overlap < kCarryMinIou) continue;
            pairs.push_back({f.id, t.id, text, overlap, QLineF(box.center(), t.boxPt.center()).length()});
        }
    }
    std::sort(pairs.begin(), pairs.end(), [](const Pair &a, const Pair &b) {
        if (a.text != b.text) return a.text;
        if (a.overlap != b.overlap) return a.overlap > b.overlap;
        return a.distance < b.distance;
    });
    QHash<int, int> map;
    QSet<int> taken;
    for (const Pair &p : pairs) {
        if (map.contains(p.from) || taken.contains(p.to)) continue;
        map.insert(p.from, p.to);
        taken.insert(p.to);
    }
    return map;
}

int carryReviews(JobStore &store, const QString &jobId, const PageResult &page, QString *error) {
    const std::optional<JobRecord> job = store.job(jobId);
    return job ? carryReviews(store, *job, page, error) : 0;
}

int carryReviews(JobStore &store, const JobRecord &job, const PageResult &page, QString *error) {
    const QString number = page.drawingName();
    if (!page.diffDone || page.regions.isEmpty() || number.isEmpty() || page.match != MatchKind::Matched)
        return 0;
    const QString &jobId = job.id;
    QSet<int> reviewedHere;
    for (const RegionReview &r : store.reviewStore().reviews(jobId, page.pageNumber))
        reviewedHere.insert(r.regionNumber);
    for (const SheetHistoryEntry &entry : store.sheetHistory(number, job.projectId)) {
        if (entry.jobId == jobId) continue;
        QHash<int, RegionReview> reviews;
        for (const RegionReview &r : store.reviewStore().reviews(entry.jobId, entry.pageNumber))
            if (r.isReviewed() || !r.comment.trimmed().isEmpty()) reviews.insert(r.regionNumber, r);
        if (reviews.isEmpty()) continue;
        const std::optional<JobRecord> fromJob = store.job(entry.jobId);
        const std::optional<QJsonObject> json = store.diffResult(entry.jobId, entry.pageNumber);
        if (!fromJob || !json) continue;
        const PageResult fromPage = pageResultFromJson(*json);
        ChangeRegions reviewed;
        for (const ChangeRegion &r : fromPage.regions)
            if (reviews.contains(r.id)) reviewed.append(r);
        const QHash<int, int> map =
            matchCarriedRegions(reviewed, page.regions, carryTransform(*fromJob, fromPage, job, page));
        QVector<CarriedReview> carried;
        for (auto it = map.cbegin(); it != map.cend(); ++it) {
            if (reviewedHere.contains(it.value())) continue;
            RegionReview r = reviews.value(it.key());
            r.jobId = jobId;
            r.pageNumber = page.pageNumber;
            r.regionNumber = it.value();
            if (!store.reviewStore().setReview(r, error)) return -1;
            carried.append({jobId, page.pageNumber, it.value(), entry.jobId, entry.pageNumber, it.key()});
        }
        if (!store.carryStore().addCarries(carried, error)) return -1;
        return int(carried.size()); // the newest reviewed comparison only
    }
    return 0;
}

QVector<SettingDifference> settingsDifferences(const QJsonObject &from, const QJsonObject &to) {
    QStringList keys = from.keys();
    for (const QString &k : to.keys())
        if (!keys.contains(k)) keys.append(k);
    std::sort(keys.begin(), keys.end());
    QVector<SettingDifference> out;
    for (const QString &k : std::as_const(keys))
        // Colours were kept in the settings once; they are a view setting.
        if (k != QLatin1String("colours") && from.value(k) != to.value(k))
            out.append({k, valueText(from.value(k)), valueText(to.value(k))});
    return out;
}

QString settingsDifferencesText(const QVector<SettingDifference> &differences) {
    QStringList parts;
    for (const SettingDifference &d : differences)
        parts << QStringLiteral("%1 %2 \u2192 %3").arg(d.key, d.from, d.to);
    return parts.join(QStringLiteral(", "));
}

} // namespace bt
