#pragma once

#include "renderprocess.h"

#include <QHash>
#include <QMutex>
#include <QRect>
#include <QWaitCondition>

#include <memory>
#include <optional>
#include <vector>

namespace bt {

// The process's render helpers: every PDF is opened, rendered and read in buildtrace-renderer
// processes (renderworker.h says why), a small pool of them, one per core by default.
//
// Threading contract: every function may be called from any thread. A call takes an idle helper
// (waiting for one, cancellable), sends one request, and gives the helper back; so as many PDF
// renders run at once as there are helpers, and a render that fails, times out or is cancelled
// kills only its own helper, which the next call starts again.
class RenderPool {
public:
    static RenderPool &instance();
    // Before the first render (the command line's options); later calls change only helpers
    // started afterwards.
    static void configure(const RenderLimits &limits);

    int processCount() const { return m_limits.processes; }
    const RenderLimits &limits() const { return m_limits; }

    // A set the helpers will open on their first request for it; removed when its Document is.
    int addDocument(const QString &path, const QString &password);
    void removeDocument(int doc);

    // Opens the set in a helper; reply "pages": [[width_pt, height_pt, label], ...].
    RenderReply open(int doc, const CancelFlag *cancel = nullptr);
    // The page rendered at pagePx, cropped to clipPx (whole page when empty), 8-bit grey on white.
    RenderReply render(int doc, int page, QSize pagePx, QRect clipPx, const CancelFlag *cancel,
                       cv::Mat *image);
    // The page's text-layer words: reply "words": [[text, x, y, w, h], ...] in points.
    RenderReply words(int doc, int page, const CancelFlag *cancel = nullptr);

    // Largest resident set of each helper, added up (a bound on their combined peak).
    qint64 peakRssBytes() const;

    ~RenderPool();

private:
    struct Source {
        QString path;
        QString password;
    };
    class Lease;

    explicit RenderPool(const RenderLimits &limits);
    RenderProcess *acquire(int doc, const CancelFlag *cancel);
    void release(RenderProcess *helper);
    // The doc's source, once the helper closed the documents removed since; nullopt when removed.
    std::optional<Source> prepare(RenderProcess &helper, int doc);
    // A render or words request (with the page time limit), opening doc in the helper first.
    RenderReply call(int doc, QJsonObject request, const CancelFlag *cancel, cv::Mat *image);
    RenderReply openIn(RenderProcess &helper, int doc, const Source &source, const CancelFlag *cancel);

    RenderLimits m_limits;
    QString m_program;
    mutable QMutex m_mutex;
    QWaitCondition m_idle;
    std::vector<std::unique_ptr<RenderProcess>> m_helpers;
    std::vector<bool> m_busy;
    QHash<int, Source> m_sources;
    int m_nextDoc = 1;
};

// Where buildtrace-renderer is: $BUILDTRACE_RENDERER, beside the running program, in the build
// tree beside app/, or where the package installs it.
QString renderHelperPath();

} // namespace bt
