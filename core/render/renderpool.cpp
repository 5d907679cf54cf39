#include "renderpool.h"

#include "i18n/enginetext.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QThread>

#include <optional>

namespace bt {

namespace {

constexpr int kIdleWaitMs = 50; // how soon a cancel is seen while waiting for a helper
constexpr int kCloseTimeoutMs = 5000;

std::optional<RenderLimits> &configuredLimits() {
    static std::optional<RenderLimits> limits;
    return limits;
}

} // namespace

QString renderHelperPath() {
    const QString name = QStringLiteral("buildtrace-renderer");
    const QString fromEnvironment = qEnvironmentVariable("BUILDTRACE_RENDERER");
    if (!fromEnvironment.isEmpty()) return fromEnvironment;
    QStringList candidates;
    if (QCoreApplication::instance()) {
        const QDir dir(QCoreApplication::applicationDirPath());
        // Installed beside the program, or in the build tree: app/ holds it, tests/, server/ and
        // app/bench/ are next to (or in) it.
        candidates << dir.filePath(name) << dir.filePath(QStringLiteral("../app/") + name)
                   << dir.filePath(QStringLiteral("../../app/") + name)
                   << dir.filePath(QStringLiteral("../libexec/buildtrace/") + name);
    }
    candidates << QStringLiteral(BT_RENDERER_INSTALL_PATH);
    for (const QString &path : candidates)
        if (QFileInfo(path).isExecutable()) return QDir::cleanPath(path);
    return QStringLiteral(BT_RENDERER_INSTALL_PATH);
}

// Hands a helper out for one call and takes it back.
class RenderPool::Lease {
public:
    Lease(RenderPool &pool, int doc, const CancelFlag *cancel)
        : m_pool(pool)
        , m_helper(pool.acquire(doc, cancel)) {}
    ~Lease() {
        if (m_helper) m_pool.release(m_helper);
    }
    Lease(const Lease &) = delete;
    Lease &operator=(const Lease &) = delete;
    RenderProcess *get() const { return m_helper; }

private:
    RenderPool &m_pool;
    RenderProcess *m_helper;
};

void RenderPool::configure(const RenderLimits &limits) {
    configuredLimits() = limits;
}

RenderPool &RenderPool::instance() {
    static RenderPool pool(configuredLimits().value_or(RenderLimits::fromEnvironment()));
    return pool;
}

RenderPool::RenderPool(const RenderLimits &limits)
    : m_limits(limits)
    , m_program(renderHelperPath()) {
    // One per core, at most four: each holds a 32-bit page (170 MB at ARCH D, 220 dpi).
    if (m_limits.processes <= 0) m_limits.processes = std::clamp(QThread::idealThreadCount(), 1, 4);
}

RenderPool::~RenderPool() = default; // each RenderProcess kills its helper

int RenderPool::addDocument(const QString &path, const QString &password) {
    const QMutexLocker lock(&m_mutex);
    const int doc = m_nextDoc++;
    m_sources.insert(doc, Source{path, password});
    return doc;
}

void RenderPool::removeDocument(int doc) {
    // Helpers close it on their next call (a busy helper cannot be asked now).
    const QMutexLocker lock(&m_mutex);
    m_sources.remove(doc);
}

RenderProcess *RenderPool::acquire(int doc, const CancelFlag *cancel) {
    QMutexLocker lock(&m_mutex);
    for (;;) {
        if (cancel && cancel->load()) return nullptr;
        int chosen = -1;
        for (int i = 0; i < int(m_helpers.size()); ++i) {
            if (m_busy[size_t(i)]) continue;
            if (m_helpers[size_t(i)]->openDocuments().contains(doc)) {
                chosen = i;
                break;
            }
            if (chosen < 0) chosen = i;
        }
        if (chosen < 0 && int(m_helpers.size()) < m_limits.processes) {
            m_helpers.push_back(std::make_unique<RenderProcess>(m_program, m_limits));
            m_busy.push_back(false);
            chosen = int(m_helpers.size()) - 1;
        }
        if (chosen >= 0) {
            m_busy[size_t(chosen)] = true;
            return m_helpers[size_t(chosen)].get();
        }
        m_idle.wait(&m_mutex, kIdleWaitMs);
    }
}

void RenderPool::release(RenderProcess *helper) {
    const QMutexLocker lock(&m_mutex);
    for (size_t i = 0; i < m_helpers.size(); ++i)
        if (m_helpers[i].get() == helper) m_busy[i] = false;
    m_idle.wakeOne();
}

std::optional<RenderPool::Source> RenderPool::prepare(RenderProcess &helper, int doc) {
    std::optional<Source> source;
    QVector<int> removed;
    {
        const QMutexLocker lock(&m_mutex);
        for (const int open : std::as_const(helper.openDocuments()))
            if (!m_sources.contains(open)) removed.append(open);
        if (m_sources.contains(doc)) source = m_sources.value(doc);
    }
    for (const int gone : removed) {
        helper.call({{QStringLiteral("op"), QStringLiteral("close")}, {QStringLiteral("doc"), gone}},
                    kCloseTimeoutMs, nullptr);
        helper.openDocuments().remove(gone);
    }
    return source;
}

RenderReply RenderPool::call(int doc, QJsonObject request, const CancelFlag *cancel, cv::Mat *image) {
    const Lease lease(*this, doc, cancel);
    RenderProcess *helper = lease.get();
    if (!helper) return RenderReply{RenderFailure::Cancelled, {}, {}, {}};
    const std::optional<Source> source = prepare(*helper, doc);
    if (!source) return RenderReply{RenderFailure::Refused, QStringLiteral("not-open"), {}, {}};
    if (!helper->openDocuments().contains(doc)) {
        const RenderReply opened = openIn(*helper, doc, *source, cancel);
        if (!opened.ok()) return opened;
    }
    request.insert(QStringLiteral("doc"), doc);
    RenderReply reply = helper->call(request, m_limits.pageTimeoutMs, cancel);
    if (reply.ok() && image)
        *image = helper->takeImage(reply.json.value(QStringLiteral("width")).toInt(),
                                   reply.json.value(QStringLiteral("height")).toInt());
    return reply;
}

RenderReply RenderPool::openIn(RenderProcess &helper, int doc, const Source &source,
                               const CancelFlag *cancel) {
    const qint64 perTenMegabytes = QFileInfo(source.path).size() / (10 << 20);
    const int timeoutMs = int(std::min<qint64>(m_limits.openTimeoutMs + perTenMegabytes * 1000, 120'000));
    const RenderReply reply = helper.call({{QStringLiteral("op"), QStringLiteral("open")},
                                           {QStringLiteral("doc"), doc},
                                           {QStringLiteral("path"), source.path},
                                           {QStringLiteral("password"), source.password}},
                                          timeoutMs, cancel);
    if (reply.ok()) helper.openDocuments().insert(doc);
    return reply;
}

RenderReply RenderPool::open(int doc, const CancelFlag *cancel) {
    const Lease lease(*this, doc, cancel);
    RenderProcess *helper = lease.get();
    if (!helper) return RenderReply{RenderFailure::Cancelled, {}, {}, {}};
    const std::optional<Source> source = prepare(*helper, doc);
    if (!source) return RenderReply{RenderFailure::Refused, QStringLiteral("not-open"), {}, {}};
    return openIn(*helper, doc, *source, cancel);
}

RenderReply RenderPool::render(int doc, int page, QSize pagePx, QRect clipPx, const CancelFlag *cancel,
                               cv::Mat *image) {
    QJsonObject request{{QStringLiteral("op"), QStringLiteral("render")},
                        {QStringLiteral("page"), page},
                        {QStringLiteral("width"), pagePx.width()},
                        {QStringLiteral("height"), pagePx.height()}};
    if (!clipPx.isEmpty())
        request.insert(QStringLiteral("clip"),
                       QJsonArray{clipPx.x(), clipPx.y(), clipPx.width(), clipPx.height()});
    RenderReply reply = call(doc, request, cancel, image);
    if (reply.ok() && image && image->empty()) {
        reply.failure = RenderFailure::Crashed;
        reply.message =
            EngineText::translate("bt::RenderProcess", "the rendered page could not be read back");
    }
    return reply;
}

RenderReply RenderPool::words(int doc, int page, const CancelFlag *cancel) {
    return call(doc, {{QStringLiteral("op"), QStringLiteral("words")}, {QStringLiteral("page"), page}},
                cancel, nullptr);
}

qint64 RenderPool::peakRssBytes() const {
    const QMutexLocker lock(&m_mutex);
    qint64 sum = 0;
    for (const auto &helper : m_helpers)
        sum += helper->peakRssBytes();
    return sum;
}

} // namespace bt
