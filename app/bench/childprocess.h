#pragma once

// Runs one measured child process: spawned with posix_spawn through buildtrace-bench-spawn
// (spawnhelper.cpp), which reaps it with wait4() and reports the rusage of exactly that program;
// stdout is read line by line, each line time-stamped the moment it arrives. QProcess cannot give
// the rusage.

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QVector>

#include <algorithm>

namespace bt::bench {

struct ChildLine {
    double wallMs = 0; // since the spawn, when the bench read the line
    QByteArray text;   // without the newline
};

struct ChildResult {
    bool started = false;
    QString error;           // why it could not be started
    int exitCode = -1;       // when it exited normally
    int signal = 0;          // when a signal ended it
    bool timedOut = false;   // the bench killed it
    double wallMs = 0;       // spawn to reap
    double maxRssMiB = 0;    // ru_maxrss of the child
    double userS = 0;        // ru_utime
    double sysS = 0;         // ru_stime
    double machineBusyS = 0; // CPU time the whole machine spent busy meanwhile (all CPUs, incl. steal)
    QVector<ChildLine> lines;
    QByteArray stdErr; // the last 64 KiB

    bool exited() const { return started && signal == 0 && !timedOut; }
    double cpuS() const { return userS + sysS; }
    // Average number of CPUs kept busy by everything else during the run (other processes on a
    // shared machine, hypervisor steal): a measurement with a high value is not clean.
    double otherLoad() const {
        return wallMs > 0 ? std::max(0.0, machineBusyS - cpuS()) * 1000.0 / wallMs : 0;
    }
    QString describe() const; // "exit 0", "killed by signal 9", "timed out", "not started: ..."
};

// `environment` is the complete environment (KEY=VALUE). A child still running after timeoutS
// seconds is killed (SIGKILL).
ChildResult runChild(const QString &program, const QStringList &arguments, const QStringList &environment,
                     double timeoutS);

// Peak RSS of this process (MiB). Linux carries a spawning process's peak RSS over exec into the
// child's ru_maxrss; runChild() goes through a small helper process so that the bench's own
// size (this value) does not show up in the children's peaks.
double selfMaxRssMiB();

} // namespace bt::bench
