#include "reporttexts.h"

#include "i18n/enginetext.h"

#include <QJsonArray>
#include <QLocale>
#include <QMap>

namespace bt {

QString statusLabel(SheetStatus s) {
    switch (s) {
    case SheetStatus::Changed:
        return EngineText::translate("bt::Report", "Changed", "sheet status");
    case SheetStatus::Unchanged:
        return EngineText::translate("bt::Report", "Unchanged", "sheet status");
    case SheetStatus::Added:
        return EngineText::translate("bt::Report", "Added", "sheet status");
    case SheetStatus::Removed:
        return EngineText::translate("bt::Report", "Removed", "sheet status");
    case SheetStatus::Failed:
        return EngineText::translate("bt::Report", "Failed", "sheet status");
    case SheetStatus::NotCompared:
        return EngineText::translate("bt::Report", "Not compared", "sheet status");
    }
    return QString();
}

QString kindLabel(ChangeKind k) {
    switch (k) {
    case ChangeKind::Added:
        return EngineText::translate("bt::Report", "Added", "change kind");
    case ChangeKind::Removed:
        return EngineText::translate("bt::Report", "Removed", "change kind");
    case ChangeKind::Modified:
        return EngineText::translate("bt::Report", "Modified", "change kind");
    case ChangeKind::Moved:
        return EngineText::translate("bt::Report", "Moved", "change kind");
    }
    return QString();
}

// A review status name (ChangeReview::status: "open", "accepted", ...) as the report prints it.
QString reviewLabel(const QString &status) {
    if (status == QLatin1String("open")) return EngineText::translate("bt::Report", "Open", "review status");
    if (status == QLatin1String("accepted"))
        return EngineText::translate("bt::Report", "Accepted", "review status");
    if (status == QLatin1String("rejected"))
        return EngineText::translate("bt::Report", "Rejected", "review status");
    if (status == QLatin1String("needs_clarification"))
        return EngineText::translate("bt::Report", "Needs clarification", "review status");
    return status;
}

// A job status as the report prints it.
QString jobStatusLabel(JobStatus status) {
    switch (status) {
    case JobStatus::Pending:
        return EngineText::translate("bt::Report", "pending", "job status");
    case JobStatus::InProgress:
        return EngineText::translate("bt::Report", "in progress", "job status");
    case JobStatus::Completed:
        return EngineText::translate("bt::Report", "completed", "job status");
    case JobStatus::CompletedWithErrors:
        return EngineText::translate("bt::Report", "completed with errors", "job status");
    case JobStatus::Failed:
        return EngineText::translate("bt::Report", "failed", "job status");
    case JobStatus::Cancelled:
        return EngineText::translate("bt::Report", "cancelled", "job status");
    case JobStatus::Queued:
        break;
    }
    return jobStatusName(status);
}

QString dateText(const QDateTime &t) {
    return t.isValid() ? t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                       : EngineText::translate("bt::Report", "unknown");
}

QString orDash(const QString &s) {
    return s.isEmpty() ? QStringLiteral("\u2014") : s;
}

QString sheetName(const PageResult &p) {
    return p.drawingName().isEmpty() ? EngineText::translate("bt::Report", "Sheet %1").arg(p.pageNumber)
                                     : p.drawingName();
}

// The settings JSON as one line: "dpi 220 · tolerance_pt 0.6 · ...".
QString settingsText(const QJsonObject &settings) {
    QStringList parts;
    for (auto it = settings.begin(); it != settings.end(); ++it) {
        QString value;
        if (it->isArray()) {
            QStringList items;
            for (const QJsonValue &v : it->toArray())
                items << v.toVariant().toString();
            value = items.join(QLatin1Char(' '));
        } else if (it->isBool()) {
            value = it->toBool() ? EngineText::translate("bt::Report", "yes")
                                 : EngineText::translate("bt::Report", "no");
        } else {
            value = it->toVariant().toString();
        }
        parts << QStringLiteral("%1 %2").arg(it.key(), value);
    }
    return parts.join(QStringLiteral(" \u00b7 "));
}

} // namespace bt
