#pragma once

#include "reportinput.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace bt {

// The change list of a job: one row per change region, plus one per added or removed sheet
// (kind "sheet_added" / "sheet_removed", no change number), in sheet order. `pages` limits it to
// those result page numbers (empty: every sheet). Boxes are in sheet points (1/72 in), origin
// top-left, y down, as bbox_pt in the result JSON. Shape: docs/result-schema.md#change-list.
QByteArray changeListCsv(const ReportInput &input, const QList<int> &pages = {});
QJsonObject changeListJson(const ReportInput &input, const QList<int> &pages = {});

// Writes them (UTF-8; replaced whole or not at all). False with a one-line *error naming the file.
bool writeChangeListCsv(const ReportInput &input, const QString &path, QString *error,
                        const QList<int> &pages = {});
bool writeChangeListJson(const ReportInput &input, const QString &path, QString *error,
                         const QList<int> &pages = {});

// One CSV field, RFC 4180: quoted when it holds a comma, quote, CR or LF; quotes doubled.
QString csvField(const QString &value);

} // namespace bt
