#pragma once

#include "reportinput.h"
#include "store/jobstate.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace bt {

// The report's words for states, kinds and settings: context bt::Report (i18n/enginetext.h), in
// the language of the process that writes the report (the window's; English from the CLI).
QString statusLabel(SheetStatus s);
QString kindLabel(ChangeKind k);
QString reviewLabel(const QString &status);
QString jobStatusLabel(JobStatus status);
QString dateText(const QDateTime &t);
QString orDash(const QString &s);
QString sheetName(const PageResult &p);
QString settingsText(const QJsonObject &settings);

} // namespace bt
