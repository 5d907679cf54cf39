#include "changelistexport.h"

#include "i18n/enginetext.h"
#include "io/outputfile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <algorithm>
#include <cmath>

namespace bt {

namespace {

double round1(double v) {
    return std::round(v * 10.0) / 10.0;
}

bool save(const QString &path, const QByteArray &bytes, QString *error) {
    QString e;
    if (writeOutputFile(path, bytes, &e)) return true;
    if (error)
        *error = EngineText::translate("bt::Report", "%1: cannot write the change list (%2)").arg(path, e);
    return false;
}

} // namespace

QVector<ChangeListRow> changeListRows(const ReportInput &input, const QList<int> &pages) {
    QVector<ChangeListRow> out;
    for (const PageResult &p : input.comparison.pages) {
        if (!pages.isEmpty() && !pages.contains(p.pageNumber)) continue;
        if (p.match != MatchKind::Matched) {
            out.append({&p, nullptr,
                        p.match == MatchKind::Added ? QStringLiteral("sheet_added")
                                                    : QStringLiteral("sheet_removed"),
                        input.review(p.pageNumber, kWholeSheetRegionId)}); // reviewed as one item
            continue;
        }
        for (const ChangeRegion &r : p.regions)
            out.append({&p, &r, changeKindName(r.kind), input.review(p.pageNumber, r.id)});
    }
    return out;
}

QString csvField(const QString &value) {
    static const QString special = QStringLiteral(",\"\r\n");
    if (std::none_of(value.begin(), value.end(), [](QChar c) { return special.contains(c); })) return value;
    QString quoted = value;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

namespace {
// When the change was reviewed (ISO 8601 UTC), empty while nobody has.
QString reviewedAt(const ChangeReview &review) {
    return review.updatedAt.isValid() ? review.updatedAt.toUTC().toString(Qt::ISODate) : QString();
}
} // namespace

QByteArray changeListCsv(const ReportInput &input, const QList<int> &pages) {
    QStringList lines{QStringLiteral("sheet,drawing_number,title,change_number,kind,x_pt,y_pt,w_pt,h_pt,"
                                     "old_text,new_text,review_status,comment,reviewer,reviewed_at")};
    for (const ChangeListRow &row : changeListRows(input, pages)) {
        QStringList f{QString::number(row.page->pageNumber), row.page->drawingName(),
                      row.page->drawingTitle(), row.region ? QString::number(row.region->id) : QString(),
                      row.kind};
        if (row.region) {
            const QRectF b = cloudBoxPt(*row.region, row.page->pageSizePt);
            for (const double v : {b.x(), b.y(), b.width(), b.height()})
                f << QString::number(round1(v));
            f << row.region->oldText.join(QLatin1Char(' ')) << row.region->newText.join(QLatin1Char(' '));
        } else {
            f << QString() << QString() << QString() << QString() << QString() << QString();
        }
        f << row.review.status << row.review.comment << row.review.reviewer << reviewedAt(row.review);
        for (QString &field : f)
            field = csvField(field);
        lines << f.join(QLatin1Char(','));
    }
    // RFC 4180: CRLF after every record.
    return (lines.join(QStringLiteral("\r\n")) + QStringLiteral("\r\n")).toUtf8();
}

QJsonObject changeListJson(const ReportInput &input, const QList<int> &pages) {
    QJsonArray changes;
    for (const ChangeListRow &row : changeListRows(input, pages)) {
        auto orNull = [](const QString &s) { return s.isEmpty() ? QJsonValue() : QJsonValue(s); };
        QJsonObject o{
            {QStringLiteral("page_number"), row.page->pageNumber},
            {QStringLiteral("drawing_name"), orNull(row.page->drawingName())},
            {QStringLiteral("drawing_title"), orNull(row.page->drawingTitle())},
            {QStringLiteral("sheet_status"), sheetStatusName(sheetStatus(*row.page))},
            {QStringLiteral("change_number"), row.region ? QJsonValue(row.region->id) : QJsonValue()},
            {QStringLiteral("kind"), row.kind},
            {QStringLiteral("review_status"), row.review.status},
            {QStringLiteral("comment"), row.review.comment},
            {QStringLiteral("reviewer"), orNull(row.review.reviewer)},
            {QStringLiteral("reviewed_at"), orNull(reviewedAt(row.review))},
        };
        if (row.region) {
            const QRectF b = cloudBoxPt(*row.region, row.page->pageSizePt);
            o.insert(QStringLiteral("bbox_pt"),
                     QJsonArray{round1(b.x()), round1(b.y()), round1(b.width()), round1(b.height())});
            o.insert(QStringLiteral("old_text"), QJsonArray::fromStringList(row.region->oldText));
            o.insert(QStringLiteral("new_text"), QJsonArray::fromStringList(row.region->newText));
        } else {
            o.insert(QStringLiteral("bbox_pt"), QJsonValue());
            o.insert(QStringLiteral("old_text"), QJsonArray());
            o.insert(QStringLiteral("new_text"), QJsonArray());
        }
        changes.append(o);
    }
    const ComparisonResult &c = input.comparison;
    return QJsonObject{
        {QStringLiteral("job_id"), c.jobId},
        {QStringLiteral("old_file"), c.oldPath},
        {QStringLiteral("new_file"), c.newPath},
        {QStringLiteral("created_at"), c.started.toUTC().toString(Qt::ISODate)},
        {QStringLiteral("units"), QStringLiteral("pt")},
        {QStringLiteral("changes"), changes},
    };
}

bool writeChangeListCsv(const ReportInput &input, const QString &path, QString *error,
                        const QList<int> &pages) {
    return save(path, changeListCsv(input, pages), error);
}

bool writeChangeListJson(const ReportInput &input, const QString &path, QString *error,
                         const QList<int> &pages) {
    return save(path, QJsonDocument(changeListJson(input, pages)).toJson(QJsonDocument::Indented), error);
}

} // namespace bt
