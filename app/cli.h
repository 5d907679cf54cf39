#pragma once

#include <QStringList>

namespace bt {

// Exit codes, like diff(1).
enum ExitCode { ExitSame = 0, ExitChanged = 1, ExitError = 2 };

// Runs a command-line subcommand ("compare", ...). Returns the process exit code.
int runCli(const QStringList &arguments);

} // namespace bt
