// buildtrace-bench-spawn PROGRAM [ARGS...]: runs PROGRAM as its own child (same stdin, stdout,
// stderr and environment), reaps it with wait4() and writes one line to file descriptor 3:
//   <exit code or -1> <signal or 0> <ru_maxrss KiB> <ru_utime us> <ru_stime us>
// Why: Linux carries the spawning process's peak RSS over into the child's ru_maxrss (the old
// address space's high-water mark is kept at exec). buildtrace-bench links Qt, OpenCV and
// Tesseract and is already ~60 MiB resident; this helper has no such libraries, so the peak
// RSS of what it starts is exact. Plain C library only, on purpose.

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char *argv[]) {
    if (argc < 2) {
        fprintf(stderr, "usage: buildtrace-bench-spawn PROGRAM [ARGS...] (rusage line on fd 3)\n");
        return 127;
    }
    if (fcntl(3, F_SETFD, FD_CLOEXEC) != 0) {
        fprintf(stderr, "buildtrace-bench-spawn: file descriptor 3 is not open\n");
        return 127;
    }
    const pid_t pid = fork();
    if (pid < 0) {
        fprintf(stderr, "buildtrace-bench-spawn: fork: %s\n", strerror(errno));
        return 127;
    }
    if (pid == 0) {
        execv(argv[1], argv + 1);
        fprintf(stderr, "buildtrace-bench-spawn: %s: %s\n", argv[1], strerror(errno));
        _exit(127);
    }
    int status = 0;
    rusage usage{};
    while (wait4(pid, &status, 0, &usage) < 0) {
        if (errno != EINTR) {
            fprintf(stderr, "buildtrace-bench-spawn: wait4: %s\n", strerror(errno));
            return 127;
        }
    }
    auto us = [](const timeval &tv) { return static_cast<long long>(tv.tv_sec) * 1000000 + tv.tv_usec; };
    dprintf(3, "%d %d %ld %lld %lld\n", WIFEXITED(status) ? WEXITSTATUS(status) : -1,
            WIFSIGNALED(status) ? WTERMSIG(status) : 0, usage.ru_maxrss, us(usage.ru_utime),
            us(usage.ru_stime));
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
