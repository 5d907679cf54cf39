#pragma once

#include <QCommandLineOption>
#include <QString>
#include <QTextStream>

#include <memory>

class QCommandLineParser;

namespace bt {

class JobStore;

QTextStream &out();
QTextStream &err();
int fail(const QString &message); // "buildtrace: message" on stderr, returns ExitError

// --db PATH (default $BUILDTRACE_DB, else the application data folder).
QCommandLineOption dbOption();
// Opens the history named by --db; null after printing the problem.
std::unique_ptr<JobStore> openStore(const QCommandLineParser &parser);

// History commands (clihistory.cpp).
int runHistory(const QStringList &arguments);
int runShow(const QStringList &arguments);
int runProgress(const QStringList &arguments);
int runDeadLetters(const QStringList &arguments);
int runDelete(const QStringList &arguments);
int runIgnore(const QStringList &arguments); // ignore add | list | remove

} // namespace bt
