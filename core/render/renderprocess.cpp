#include "renderprocess.h"

#include "renderchannel.h"

#include "i18n/enginetext.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char **environ;

namespace bt {

namespace {

constexpr int kPollMs = 50; // how soon a cancel is seen while a helper works

// Above the standard descriptors, so the child's dup2 onto 3 and 4 never meets its own source.
int moveAbove(int fd) {
    if (fd < 0 || fd >= 10) return fd;
    const int moved = fcntl(fd, F_DUPFD_CLOEXEC, 10);
    ::close(fd);
    return moved;
}

int envInt(const char *name, int fallback) {
    bool ok = false;
    const int value = qEnvironmentVariableIntValue(name, &ok);
    return ok && value > 0 ? value : fallback;
}

QString tr(const char *text) {
    return EngineText::translate("bt::RenderProcess", text);
}

} // namespace

qint64 processPeakRssBytes(pid_t pid) {
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly)) return 0;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmHWM:")) return line.mid(6).trimmed().split(' ').value(0).toLongLong() * 1024;
    return 0;
}

RenderLimits RenderLimits::fromEnvironment() {
    RenderLimits limits;
    limits.processes = envInt("BUILDTRACE_RENDER_PROCESSES", limits.processes);
    limits.memoryBytes = qint64(envInt("BUILDTRACE_RENDER_MEMORY_MB", int(limits.memoryBytes >> 20))) << 20;
    limits.pageTimeoutMs = envInt("BUILDTRACE_RENDER_TIMEOUT", limits.pageTimeoutMs / 1000) * 1000;
    limits.openTimeoutMs = std::min(limits.openTimeoutMs, limits.pageTimeoutMs);
    return limits;
}

RenderProcess::RenderProcess(QString program, const RenderLimits &limits)
    : m_program(std::move(program))
    , m_limits(limits) {}

RenderProcess::~RenderProcess() {
    stop();
}

bool RenderProcess::start(QString *error) {
    int pair[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) != 0) {
        *error = QString::fromLocal8Bit(strerror(errno));
        return false;
    }
    const int ours = moveAbove(pair[0]);
    const int theirs = moveAbove(pair[1]);
    const int image = moveAbove(memfd_create("buildtrace-render", MFD_CLOEXEC));
    if (ours < 0 || theirs < 0 || image < 0) {
        *error = QString::fromLocal8Bit(strerror(errno));
        for (int fd : {ours, theirs, image})
            if (fd >= 0) ::close(fd);
        return false;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    // PDFium and poppler print warnings about damaged files; the helper's reply says what matters.
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    if (!qEnvironmentVariableIsSet("BT_VERBOSE"))
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, theirs, 3);
    posix_spawn_file_actions_adddup2(&actions, image, 4);
    const QByteArray program = QFile::encodeName(m_program);
    const int cpuSeconds = std::max(1, (m_limits.pageTimeoutMs + 999) / 1000);
    std::vector<QByteArray> args = {program,
                                    "--channel",
                                    "3",
                                    "--image",
                                    "4",
                                    "--parent",
                                    QByteArray::number(::getpid()),
                                    "--memory-mb",
                                    QByteArray::number(m_limits.memoryBytes >> 20),
                                    "--cpu-seconds",
                                    QByteArray::number(cpuSeconds)};
    std::vector<char *> argv;
    for (QByteArray &a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid = -1;
    const int rc = posix_spawn(&pid, program.constData(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(theirs);
    if (rc != 0) {
        ::close(ours);
        ::close(image);
        *error = QString::fromLocal8Bit(strerror(rc));
        return false;
    }
    m_pid = pid;
    m_channel = ours;
    m_image = image;
    m_buffer.clear();
    m_open.clear();
    return true;
}

void RenderProcess::reap(int options) {
    if (m_pid <= 0) return;
    int status = 0;
    rusage usage{};
    if (wait4(m_pid, &status, options, &usage) == m_pid) {
        m_exitStatus = status;
        m_peakRssDead = std::max(m_peakRssDead, qint64(usage.ru_maxrss) * 1024);
        m_pid = -1;
    }
}

void RenderProcess::stop() {
    if (m_pid > 0) {
        ::kill(m_pid, SIGKILL);
        reap(0);
    }
    unmapView();
    for (int *fd : {&m_channel, &m_image}) {
        if (*fd >= 0) ::close(*fd);
        *fd = -1;
    }
    m_pid = -1;
    m_open.clear();
}

RenderReply RenderProcess::died() {
    reap(0);
    const int status = m_exitStatus;
    stop();
    RenderReply reply;
    reply.failure = RenderFailure::Crashed;
    const qint64 memoryMb = m_limits.memoryBytes >> 20;
    if (WIFSIGNALED(status) && WTERMSIG(status) == SIGXCPU)
        reply.message =
            tr("the page needed more than %1 s of processor time").arg(m_limits.pageTimeoutMs / 1000);
    else if (WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)
        reply.message = tr("the renderer was killed (out of memory?)");
    else if (WIFSIGNALED(status))
        reply.message = tr("the renderer crashed or ran out of memory (limit %1 MB)").arg(memoryMb);
    else
        reply.message = tr("the renderer stopped unexpectedly (exit %1)").arg(WEXITSTATUS(status));
    return reply;
}

RenderReply RenderProcess::call(const QJsonObject &request, int timeoutMs, const CancelFlag *cancel) {
    RenderReply reply;
    if (cancel && cancel->load()) {
        reply.failure = RenderFailure::Cancelled;
        return reply;
    }
    QString error;
    if (m_pid <= 0 && !start(&error)) {
        reply.failure = RenderFailure::Unavailable;
        reply.message = tr("cannot start the renderer %1 (%2)").arg(m_program, error);
        return reply;
    }
    if (!sendJsonLine(m_channel, request)) return died();
    QElapsedTimer clock;
    clock.start();
    for (;;) {
        const int newline = m_buffer.indexOf('\n');
        if (newline >= 0) {
            reply.json = QJsonDocument::fromJson(m_buffer.left(newline)).object();
            m_buffer.remove(0, newline + 1);
            if (!reply.json.value(QStringLiteral("ok")).toBool()) {
                reply.failure = RenderFailure::Refused;
                reply.error = reply.json.value(QStringLiteral("error")).toString();
            }
            return reply;
        }
        if (cancel && cancel->load()) {
            stop();
            reply.failure = RenderFailure::Cancelled;
            return reply;
        }
        if (clock.elapsed() >= timeoutMs) {
            stop();
            reply.failure = RenderFailure::TimedOut;
            reply.message = tr("took longer than %1 s").arg(timeoutMs / 1000);
            return reply;
        }
        pollfd p{m_channel, POLLIN, 0};
        const int ready = ::poll(&p, 1, int(std::min<qint64>(kPollMs, timeoutMs - clock.elapsed())));
        if (ready <= 0) continue;
        char chunk[65536];
        const ssize_t n = ::recv(m_channel, chunk, sizeof chunk, 0);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return died();
        m_buffer.append(chunk, int(n));
    }
}

cv::Mat RenderProcess::takeImage(int width, int height) {
    const size_t bytes = size_t(width) * size_t(height);
    struct stat written {};
    // The sizes come from the helper: never read past what it wrote.
    if (m_image < 0 || bytes == 0 || fstat(m_image, &written) != 0 || size_t(written.st_size) < bytes)
        return {};
    // Mapped once (again when the helper grew it): the next page reuses the same pages.
    if (m_view && m_viewSize != size_t(written.st_size)) unmapView();
    if (!m_view) {
        void *mapped = ::mmap(nullptr, size_t(written.st_size), PROT_READ, MAP_SHARED, m_image, 0);
        if (mapped == MAP_FAILED) return {};
        m_view = static_cast<const uchar *>(mapped);
        m_viewSize = size_t(written.st_size);
    }
    return cv::Mat(height, width, CV_8UC1, const_cast<uchar *>(m_view)).clone();
}

void RenderProcess::unmapView() {
    if (m_view) ::munmap(const_cast<uchar *>(m_view), m_viewSize);
    m_view = nullptr;
    m_viewSize = 0;
}

qint64 RenderProcess::peakRssBytes() const {
    return std::max(m_peakRssDead, m_pid > 0 ? processPeakRssBytes(m_pid) : 0);
}

} // namespace bt
