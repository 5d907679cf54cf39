#pragma once

// What the CLI's end-to-end tests share (tst_cli: the result of `compare` on generated sets;
// tst_clioutputs: where outputs go, passwords, no common sheet, damaged and read-only histories):
// the sheet sizes, reading the result JSON and checking every field it must have.

#include "timedtestcase.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QRectF>
#include <QSizeF>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <optional>

namespace bt::test {

const QSizeF kArchD(36, 24);
const QSizeF kTabloid(17, 11);

// A JSON [x, y, w, h], normalized; nothing unless it is four numbers.
std::optional<QRectF> jsonRect(const QJsonValue &v);
QStringList texts(const QJsonValue &v);
QJsonObject pageByNew(const QJsonObject &json, int newPage);
QJsonArray regionsOf(const QJsonObject &page);

bool isStringOrNull(const QJsonValue &v);
bool isIntOrNull(const QJsonValue &v);
bool isInt(const QJsonValue &v);

// Every field a page of the result must have, with its type; `matched` pages also carry the
// diff. Fails the current test function on the first missing or wrong field.
void checkPageFields(const QJsonObject &page, bool withOverlay);
// The job's fields: status, total_pages, progress of a finished job, unique ids.
void checkTopLevel(const QJsonObject &json);

class CliFixture : public TimedTestCase {
protected:
    QTemporaryDir m_dir;
    // Identical sets (17 x 11 in), two files.
    QString m_sameOld, m_sameNew;

    // For initTestCase: checks the folder (BT_KEEP_TEST_FILES keeps it) and the CLI, and writes
    // the identical sets.
    void setUpFiles();

    QString path(const QString &name) const { return m_dir.filePath(name); }
};

} // namespace bt::test
