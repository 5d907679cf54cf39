#include "childprocess.h"

#include <QFile>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace bt::bench {

namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

double seconds(const timeval &tv) {
    return double(tv.tv_sec) + double(tv.tv_usec) / 1e6;
}

constexpr qsizetype kStderrKeep = 64 * 1024;

// Busy CPU seconds of the machine since boot, all CPUs: the first line of /proc/stat (user nice
// system idle iowait irq softirq steal ...; guest time is already in user).
double machineBusySeconds() {
    FILE *f = fopen("/proc/stat", "re");
    if (!f) return 0;
    unsigned long long v[8] = {};
    const int n = fscanf(f, "cpu %llu %llu %llu %llu %llu %llu %llu %llu", &v[0], &v[1], &v[2], &v[3], &v[4],
                         &v[5], &v[6], &v[7]);
    fclose(f);
    if (n < 8) return 0;
    const unsigned long long busy = v[0] + v[1] + v[2] + v[5] + v[6] + v[7];
    return double(busy) / double(sysconf(_SC_CLK_TCK));
}

} // namespace

QString ChildResult::describe() const {
    if (!started) return QStringLiteral("not started: %1").arg(error);
    if (timedOut) return QStringLiteral("timed out (killed)");
    if (signal < 0)
        return QStringLiteral("no exit status from the spawn helper%1")
            .arg(error.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(error));
    if (signal != 0) return QStringLiteral("killed by signal %1 (%2)").arg(signal).arg(strsignal(signal));
    return QStringLiteral("exit %1").arg(exitCode);
}

ChildResult runChild(const QString &program, const QStringList &arguments, const QStringList &environment,
                     double timeoutS) {
    ChildResult r;
    // argv: the helper, then the program and its arguments (see spawnhelper.cpp).
    std::vector<QByteArray> store;
    std::vector<char *> argv, envp;
    store.reserve(size_t(arguments.size() + environment.size() + 2));
    store.push_back(QByteArrayLiteral(BT_SPAWN_HELPER_PATH));
    store.push_back(QFile::encodeName(program));
    for (const QString &a : arguments)
        store.push_back(a.toLocal8Bit());
    for (const QByteArray &a : store)
        argv.push_back(const_cast<char *>(a.constData()));
    argv.push_back(nullptr);
    std::vector<QByteArray> envStore;
    envStore.reserve(size_t(environment.size()));
    for (const QString &e : environment) {
        envStore.push_back(e.toLocal8Bit());
        envp.push_back(envStore.back().data());
    }
    envp.push_back(nullptr);

    // stdout, stderr, and the helper's rusage line (its fd 3). Created in this order, the rusage
    // pipe's write end is above 3, so dup2 onto 3 clears its close-on-exec flag.
    int out[2] = {-1, -1}, err[2] = {-1, -1}, rus[2] = {-1, -1};
    if (pipe2(out, O_CLOEXEC) != 0 || pipe2(err, O_CLOEXEC) != 0 || pipe2(rus, O_CLOEXEC) != 0) {
        r.error = QString::fromLocal8Bit(strerror(errno));
        for (int fd : {out[0], out[1], err[0], err[1], rus[0], rus[1]})
            if (fd >= 0) close(fd);
        return r;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO); // dup2 clears FD_CLOEXEC
    posix_spawn_file_actions_adddup2(&actions, err[1], STDERR_FILENO);
    posix_spawn_file_actions_adddup2(&actions, rus[1], 3);
    // A process group of its own: a timeout kills the helper and the program together.
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attributes, 0);

    pid_t pid = -1;
    const double busy0 = machineBusySeconds();
    const Clock::time_point t0 = Clock::now();
    const int rc = posix_spawn(&pid, argv.front(), &actions, &attributes, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    close(out[1]);
    close(err[1]);
    close(rus[1]);
    if (rc != 0) {
        r.error = QStringLiteral("%1: %2").arg(QString::fromLatin1(BT_SPAWN_HELPER_PATH),
                                               QString::fromLocal8Bit(strerror(rc)));
        for (int fd : {out[0], err[0], rus[0]})
            close(fd);
        return r;
    }
    r.started = true;

    QByteArray pending;
    int fds[2] = {out[0], err[0]};
    char buffer[65536];
    while (fds[0] >= 0 || fds[1] >= 0) {
        pollfd p[2];
        nfds_t n = 0;
        for (int fd : fds)
            if (fd >= 0) p[n++] = {fd, POLLIN, 0};
        const double leftMs = timeoutS * 1000 - msSince(t0);
        if (leftMs <= 0 && !r.timedOut) {
            kill(-pid, SIGKILL); // the process group this call created: the helper and its child
            r.timedOut = true;
        }
        const int ready = poll(p, n, r.timedOut ? 1000 : int(std::min(leftMs + 1, 60000.0)));
        if (ready < 0 && errno != EINTR) break;
        if (ready <= 0) continue;
        for (nfds_t i = 0; i < n; ++i) {
            if (!(p[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
            const ssize_t got = read(p[i].fd, buffer, sizeof buffer);
            if (got < 0 && errno == EINTR) continue;
            const bool isOut = p[i].fd == fds[0];
            if (got <= 0) {
                close(p[i].fd);
                (isOut ? fds[0] : fds[1]) = -1;
                continue;
            }
            if (!isOut) {
                r.stdErr.append(buffer, got);
                if (r.stdErr.size() > kStderrKeep) r.stdErr = r.stdErr.right(kStderrKeep);
                continue;
            }
            const double now = msSince(t0);
            pending.append(buffer, got);
            qsizetype nl;
            while ((nl = pending.indexOf('\n')) >= 0) {
                r.lines.append({now, pending.left(nl)});
                pending.remove(0, nl + 1);
            }
        }
    }
    if (!pending.isEmpty()) r.lines.append({msSince(t0), pending});

    int status = 0;
    rusage usage{};
    pid_t reaped;
    do {
        reaped = wait4(pid, &status, 0, &usage);
    } while (reaped < 0 && errno == EINTR);
    r.wallMs = msSince(t0);
    r.machineBusyS = machineBusySeconds() - busy0;
    QByteArray report;
    ssize_t got;
    while ((got = read(rus[0], buffer, sizeof buffer)) > 0 || (got < 0 && errno == EINTR))
        if (got > 0) report.append(buffer, got);
    close(rus[0]);

    // The program's own exit and rusage, from the helper.
    const QList<QByteArray> fields = report.trimmed().split(' ');
    if (reaped == pid && fields.size() == 5) {
        r.exitCode = fields[0].toInt();
        r.signal = fields[1].toInt();
        r.maxRssMiB = fields[2].toDouble() / 1024.0; // KiB on Linux
        r.userS = fields[3].toDouble() / 1e6;
        r.sysS = fields[4].toDouble() / 1e6;
    } else if (reaped == pid) { // the helper failed (or was killed): what it says about itself
        if (WIFEXITED(status)) r.exitCode = WEXITSTATUS(status);
        if (WIFSIGNALED(status)) r.signal = WTERMSIG(status);
        if (!r.timedOut && r.signal == 0) r.signal = -1; // no report: count it as not run
        r.maxRssMiB = double(usage.ru_maxrss) / 1024.0;
        r.userS = seconds(usage.ru_utime);
        r.sysS = seconds(usage.ru_stime);
    } else {
        r.error = QStringLiteral("wait4: %1").arg(QString::fromLocal8Bit(strerror(errno)));
        r.signal = -1;
    }
    return r;
}

double selfMaxRssMiB() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0;
}

} // namespace bt::bench
