#pragma once

// Helpers shared by the test suites: a sheet spec in one call, rectangle text for failure
// messages, the scorer's hit rule and a runner for the `buildtrace` CLI.

#include "drawinggenerator.h"

#include <QByteArray>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QRectF>
#include <QString>
#include <QStringList>

namespace bt::test {

// A base sheet (no edits) with its number, title, layout seed and paper.
SheetSpec makeSheet(const QString &number, const QString &title, int seed,
                    const QSizeF &paperIn = SheetSpec().paperIn);

// "[x, y, w, h]" with one decimal (the order of the result JSON's bbox_pt).
QString rectText(const QRectF &r);

double area(const QRectF &r);
double iou(const QRectF &a, const QRectF &b);

// How far the scorer grows a truth box before comparing it with a region (points).
constexpr double kHitGrowPt = 12.0;

// The scorer's rule (eval/score.py): the truth box grown by kHitGrowPt overlaps the region with
// IoU >= 0.1, or the region (not empty) contains the truth box's centre and is at most 25x the
// grown box's area.
bool hits(const QRectF &truth, const QRectF &region);

struct CliRun {
    int exitCode = -1;
    QProcess::ExitStatus exitStatus = QProcess::CrashExit;
    bool finished = false;
    QByteArray stdOut;
    QString stdErr;
    QJsonObject json; // parsed result (from --json FILE or stdout), when asked for
    qint64 ms = 0;
};

// A private runtime folder (XDG_RUNTIME_DIR for the child: 0700, as Qt wants), one per process.
// Without it Qt prints a warning of its own on stderr.
QString runtimeDir();

// Runs the CLI (BT_CLI_PATH) headless: QT_QPA_PLATFORM=offscreen, OMP_THREAD_LIMIT=1,
// XDG_RUNTIME_DIR=runtimeDir(), PAGE_EXTRACTION_DPI unset, BUILDTRACE_DB a new file per run
// (runs don't reuse each other's jobs); then `env` on top, where a null
// QString() value removes the variable. `jsonPath` (if not empty) is read back into run.json: a
// file, or "-" for stdout. A run still going after `timeoutMs` is killed (run.finished false).
CliRun runCli(const QStringList &args, const QString &jsonPath = QString(),
              const QMap<QString, QString> &env = {}, int timeoutMs = 120000);

// Exit code and status, the end of stderr and the start of stdout, for failure messages.
QString describe(const CliRun &r);

// Runs one query on an SQLite file through a connection of its own (independent of JobStore) and
// returns the first column of every row.
QStringList rawQuery(const QString &path, const QString &sql);

// A history of `jobs` finished jobs ("job-1", "job-2", ...; three sheets each, with their sheet
// pairs, stages, diffs and summaries) written through JobStore, its -wal folded in. False on failure.
bool writeHistory(const QString &path, int jobs);

// Overwrites `pages` distinct pages of an SQLite file with pseudo-random bytes (seeded), as a
// failing disk would; never the first page (the header: the file stays an SQLite file). False when
// the file has too few pages.
bool damagePages(const QString &path, int pages, quint32 seed);

// SHA-256 of a file's bytes (empty when it cannot be read): "the file was not written to".
QByteArray fileHash(const QString &path);

// Lines of a text such as stderr (a trailing newline does not make an extra line).
QStringList lines(const QString &text);

// A whole file; empty when it cannot be read.
QByteArray readFile(const QString &path);
// Writes a whole file; false when it could not.
bool writeFile(const QString &path, const QByteArray &bytes);

// Running buildtrace-renderer helpers started by the process `parent` (their command line names
// it after --parent); zombies, which have no command line, are not counted.
QList<qint64> renderHelpersOf(qint64 parent);

} // namespace bt::test
