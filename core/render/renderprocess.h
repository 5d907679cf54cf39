#pragma once

#include "cancelflag.h"

#include <QJsonObject>
#include <QSet>
#include <QString>
#include <opencv2/core/mat.hpp>
#include <sys/types.h>

namespace bt {

// Limits of the render helpers (RenderPool). The defaults fit a 2-core laptop and a 120 MP page.
struct RenderLimits {
    int processes = 0;              // helpers at once; 0: one per core, at most 4
    qint64 memoryBytes = 3LL << 30; // address space of one helper
    // Opening a set: PDFium reads the page tree there, and a looping tree spins it for ever, so the
    // time allowed is short and grows only with the file's size (+1 s per 10 MB).
    int openTimeoutMs = 10'000;
    int pageTimeoutMs = 120'000; // one render or text-layer read (also its CPU time)
    // $BUILDTRACE_RENDER_PROCESSES, $BUILDTRACE_RENDER_MEMORY_MB and $BUILDTRACE_RENDER_TIMEOUT
    // (seconds) override the defaults.
    static RenderLimits fromEnvironment();
};

// The largest resident set a running process has had (VmHWM), in bytes; 0 when unknown.
qint64 processPeakRssBytes(pid_t pid);

enum class RenderFailure {
    None,
    Cancelled,   // the caller's cancel flag was set; the helper was killed
    TimedOut,    // no reply within the time allowed; the helper was killed
    Crashed,     // the helper died (a crash, a limit, the OOM killer)
    Refused,     // the helper answered with an error (reply "error": damaged, password, ...)
    Unavailable, // no helper could be started
};

struct RenderReply {
    RenderFailure failure = RenderFailure::None;
    QString error;   // Refused: the helper's code ("damaged", "password", ...)
    QString message; // one line for people, empty when none
    QJsonObject json;
    bool ok() const { return failure == RenderFailure::None; }
};

// One render helper process (buildtrace-renderer, see renderworker.h), started on first use and
// again after it was killed or died. Used by one thread at a time (RenderPool hands it out).
class RenderProcess {
public:
    RenderProcess(QString program, const RenderLimits &limits);
    ~RenderProcess();
    RenderProcess(const RenderProcess &) = delete;
    RenderProcess &operator=(const RenderProcess &) = delete;

    // Sends one request and waits for its reply: at most timeoutMs, watching cancel every 50 ms.
    // On cancel or timeout the helper is killed, so the work stops at once.
    RenderReply call(const QJsonObject &request, int timeoutMs, const CancelFlag *cancel);
    // The image the last successful render wrote, copied out of the shared memory.
    cv::Mat takeImage(int width, int height);

    bool isRunning() const { return m_pid > 0; }
    QSet<int> &openDocuments() { return m_open; } // ids opened in the running helper
    // Largest resident set of this helper and its earlier incarnations.
    qint64 peakRssBytes() const;

private:
    bool start(QString *error);
    void stop(); // SIGKILL and reap
    RenderReply died();
    void reap(int options);
    void unmapView();

    QString m_program;
    RenderLimits m_limits;
    pid_t m_pid = -1;
    int m_channel = -1;
    int m_image = -1;
    const uchar *m_view = nullptr; // the memfd, mapped for reading
    size_t m_viewSize = 0;
    QByteArray m_buffer;
    QSet<int> m_open;
    int m_exitStatus = 0;
    qint64 m_peakRssDead = 0; // of incarnations already reaped
};

} // namespace bt
