#pragma once

#include "reportinput.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace bt {

// One row of a change list (every format): a change region, or an added / removed sheet.
struct ChangeListRow {
    const PageResult *page = nullptr;
    const ChangeRegion *region = nullptr; // null: a sheet-level row (added / removed sheet)
    QString kind;                         // changeKindName, or "sheet_added" / "sheet_removed"
    ChangeReview review;
};
// The rows in sheet order (pointers into input), for the result page numbers in `pages` (empty: all).
QVector<ChangeListRow> changeListRows(const ReportInput &input, const QList<int> &pages = {});

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
// The same as a spreadsheet (changelistxlsx.cpp): a "Changes" sheet (one row per change: page,
// sheet number and title, change number, kind, old and new text, location (grid when the sheet
// has one, and the cloud box in pt), review status, reviewer, date, comment) and a "Sheets"
// summary (per sheet: status, changes by kind and by review status); header rows frozen,
// filters on. Column names and values in English, as the CSV.
bool writeChangeListXlsx(const ReportInput &input, const QString &path, QString *error,
                         const QList<int> &pages = {});

// One CSV field, RFC 4180: quoted when it holds a comma, quote, CR or LF; quotes doubled.
QString csvField(const QString &value);

} // namespace bt
