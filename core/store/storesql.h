#pragma once

// Helpers of the history's SQL code (JobStore and HistoryDatabase), internal to core/store.

#include "jobstore.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace bt::storesql {

inline QString nowText() {
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}
inline QVariant timeValue(const QDateTime &t) {
    return t.isValid() ? QVariant(t.toUTC().toString(Qt::ISODateWithMs)) : QVariant(QString());
}
inline QDateTime timeFrom(const QVariant &v) {
    const QString s = v.toString();
    if (s.isEmpty()) return {};
    QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
    t.setTimeSpec(Qt::UTC);
    return t;
}
inline QString compact(const QJsonValue &v) {
    if (v.isObject()) return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    if (v.isArray()) return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    return {};
}

inline bool fail(QString *error, const QString &message) {
    if (error) *error = message;
    return false;
}
inline bool run(QSqlQuery &q, QString *error) {
    if (q.exec()) return true;
    return fail(error, q.lastError().text());
}
inline bool run(QSqlDatabase &db, const QString &sql, QString *error) {
    QSqlQuery q(db);
    if (q.exec(sql)) return true;
    return fail(error, QStringLiteral("%1: %2").arg(sql, q.lastError().text()));
}

inline QVariant scalar(const QSqlDatabase &db, const QString &sql) {
    QSqlQuery q(db);
    if (!q.exec(sql) || !q.next()) return {};
    return q.value(0);
}

// A job id becomes a folder name: only plain names, never a path.
inline bool isPlainName(const QString &id) {
    return !id.isEmpty() && id != QLatin1String(".") && id != QLatin1String("..") &&
           !id.contains(QLatin1Char('/')) && !id.contains(QLatin1Char('\\'));
}

// The columns jobFrom reads, in its order.
inline const QString kJobColumns = QStringLiteral(
    "SELECT id, old_file, new_file, old_hash, new_hash, settings_json, status, total_pages, created_at, "
    "finished_at, mode, summary_text, origin, remote_server, remote_job_id, project_id FROM jobs");
JobRecord jobFrom(const QSqlQuery &q);

} // namespace bt::storesql
