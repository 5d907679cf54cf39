#include "renderworker.h"

#include "renderchannel.h"

#include "document/document.h"
#include "pipeline/allocator.h"

#include <QCoreApplication>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPdfDocument>
#include <opencv2/core.hpp>
#include <poppler/qt6/poppler-qt6.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <map>
#include <memory>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

namespace bt {

namespace {

// A render larger than this is a bug of the caller (the pixel cap is far below it), not a
// request to try: refused before anything is allocated.
constexpr qint64 kMaxRequestPixels = 1'000'000'000;

struct OpenPdf {
    QString path;
    QByteArray password;
    std::unique_ptr<QPdfDocument> pdf;
    std::unique_ptr<Poppler::Document> textLayer; // loaded on the first words request
    bool textLayerTried = false;
};

class RenderWorker {
public:
    RenderWorker(int channel, int image, int cpuSeconds)
        : m_channel(channel)
        , m_image(image)
        , m_cpuSeconds(cpuSeconds) {}

    int run() {
        QByteArray line;
        while (readLine(&line)) {
            const QJsonObject request = QJsonDocument::fromJson(line).object();
            limitCpuForOneRequest();
            if (!sendJsonLine(m_channel, handle(request))) return 1;
        }
        return 0; // the parent closed the channel
    }

private:
    bool readLine(QByteArray *line) {
        for (;;) {
            const int newline = m_buffer.indexOf('\n');
            if (newline >= 0) {
                *line = m_buffer.left(newline);
                m_buffer.remove(0, newline + 1);
                return true;
            }
            char chunk[4096];
            const ssize_t n = ::read(m_channel, chunk, sizeof chunk);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) return false;
            m_buffer.append(chunk, int(n));
        }
    }

    // RLIMIT_CPU counts the process's whole life: the soft limit is moved to "used so far + the
    // allowance" before each request, so it is a per-request limit (SIGXCPU ends the helper).
    void limitCpuForOneRequest() {
        if (m_cpuSeconds <= 0) return;
        rusage usage{};
        getrusage(RUSAGE_SELF, &usage);
        const rlim_t used = rlim_t(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec + 1);
        rlimit limit{};
        getrlimit(RLIMIT_CPU, &limit);
        const rlim_t wanted = used + rlim_t(m_cpuSeconds);
        limit.rlim_cur = limit.rlim_max == RLIM_INFINITY ? wanted : std::min(wanted, limit.rlim_max);
        setrlimit(RLIMIT_CPU, &limit);
    }

    static QJsonObject failure(const QString &code, const QString &message = QString()) {
        return {{QStringLiteral("ok"), false},
                {QStringLiteral("error"), code},
                {QStringLiteral("message"), message}};
    }

    QJsonObject handle(const QJsonObject &request) {
        const QString op = request.value(QStringLiteral("op")).toString();
        const int id = request.value(QStringLiteral("doc")).toInt(-1);
        if (op == QLatin1String("open")) return open(id, request);
        if (op == QLatin1String("close")) {
            m_docs.erase(id);
            return {{QStringLiteral("ok"), true}};
        }
        const auto doc = m_docs.find(id);
        if (doc == m_docs.end()) return failure(QStringLiteral("not-open"));
        const int page = request.value(QStringLiteral("page")).toInt(-1);
        if (page < 0 || page >= doc->second.pdf->pageCount()) return failure(QStringLiteral("no-such-page"));
        if (op == QLatin1String("render")) return render(*doc->second.pdf, page, request);
        if (op == QLatin1String("words")) return words(doc->second, page);
        return failure(QStringLiteral("unknown-request"), op);
    }

    QJsonObject open(int id, const QJsonObject &request) {
        OpenPdf doc;
        doc.path = request.value(QStringLiteral("path")).toString();
        doc.password = request.value(QStringLiteral("password")).toString().toUtf8();
        doc.pdf = std::make_unique<QPdfDocument>();
        if (!doc.password.isEmpty()) doc.pdf->setPassword(QString::fromUtf8(doc.password));
        const QPdfDocument::Error error = doc.pdf->load(doc.path);
        if (error == QPdfDocument::Error::IncorrectPassword) return failure(QStringLiteral("password"));
        if (error == QPdfDocument::Error::UnsupportedSecurityScheme)
            return failure(QStringLiteral("unsupported-encryption"));
        // An empty page tree loads "without error" but with status Error; a broken file may also
        // report status Error with error() None (NOTES.md): tell the two apart by pages.
        if (error == QPdfDocument::Error::None && doc.pdf->pageCount() <= 0)
            return failure(QStringLiteral("no-pages"));
        if (error != QPdfDocument::Error::None || doc.pdf->status() != QPdfDocument::Status::Ready)
            return failure(QStringLiteral("damaged"));
        QJsonArray pages;
        for (int i = 0; i < doc.pdf->pageCount(); ++i) {
            const QSizeF size = doc.pdf->pagePointSize(i);
            pages.append(QJsonArray{size.width(), size.height(), doc.pdf->pageLabel(i)});
        }
        m_docs[id] = std::move(doc);
        return {{QStringLiteral("ok"), true}, {QStringLiteral("pages"), pages}};
    }

    QJsonObject render(QPdfDocument &pdf, int page, const QJsonObject &request) {
        const QSize size(request.value(QStringLiteral("width")).toInt(),
                         request.value(QStringLiteral("height")).toInt());
        if (size.isEmpty() || qint64(size.width()) * size.height() > kMaxRequestPixels)
            return failure(QStringLiteral("bad-size"));
        const QJsonArray c = request.value(QStringLiteral("clip")).toArray();
        const QRect clip = c.size() == 4 ? QRect(c[0].toInt(), c[1].toInt(), c[2].toInt(), c[3].toInt())
                                               .intersected(QRect(QPoint(), size))
                                         : QRect(QPoint(), size);
        if (clip.isEmpty()) return failure(QStringLiteral("bad-size"));
        const QImage image = pdf.render(page, size);
        if (image.isNull()) return failure(QStringLiteral("render-failed"));
        uchar *shared = sharedImage(size_t(clip.width()) * size_t(clip.height()));
        if (!shared) return failure(QStringLiteral("no-memory"));
        // Straight into the shared memory the parent copies the page from.
        cv::Mat out(clip.height(), clip.width(), CV_8UC1, shared);
        argbToGreyOnWhite(clip == image.rect() ? image : image.copy(clip), out, GreyFrom::DarkestChannel);
        return {{QStringLiteral("ok"), true},
                {QStringLiteral("width"), out.cols},
                {QStringLiteral("height"), out.rows}};
    }

    // The memfd mapped with room for `bytes`. It only grows, and stays mapped: the pages are
    // reused by the next render instead of being zeroed afresh by the kernel each time.
    uchar *sharedImage(size_t bytes) {
        if (bytes > m_sharedSize) {
            if (m_shared) ::munmap(m_shared, m_sharedSize);
            m_shared = nullptr;
            m_sharedSize = 0;
            if (::ftruncate(m_image, off_t(bytes)) != 0) return nullptr;
            void *mapped = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_SHARED, m_image, 0);
            if (mapped == MAP_FAILED) return nullptr;
            m_shared = static_cast<uchar *>(mapped);
            m_sharedSize = bytes;
        }
        return m_shared;
    }

    QJsonObject words(OpenPdf &doc, int page) {
        if (!doc.textLayerTried) {
            doc.textLayerTried = true;
            doc.textLayer = Poppler::Document::load(doc.path, doc.password, doc.password);
            // A text layer that disagrees with PDFium about the pages is not trusted: OCR reads them.
            if (doc.textLayer &&
                (doc.textLayer->isLocked() || doc.textLayer->numPages() != doc.pdf->pageCount()))
                doc.textLayer.reset();
        }
        QJsonArray list;
        const std::unique_ptr<Poppler::Page> p = doc.textLayer ? doc.textLayer->page(page) : nullptr;
        if (p) {
            // Poppler reports boxes in the page's own size; scale in case it differs from PDFium's.
            const QSizeF popplerSize = p->pageSizeF();
            const QSizeF size = doc.pdf->pagePointSize(page);
            const double sx = popplerSize.width() > 0 ? size.width() / popplerSize.width() : 1.0;
            const double sy = popplerSize.height() > 0 ? size.height() / popplerSize.height() : 1.0;
            for (const std::unique_ptr<Poppler::TextBox> &box : p->textList()) {
                const QString text = box->text().trimmed();
                const QRectF b = box->boundingBox();
                if (text.isEmpty() || b.isEmpty()) continue;
                list.append(QJsonArray{text, b.x() * sx, b.y() * sy, b.width() * sx, b.height() * sy});
            }
        }
        return {{QStringLiteral("ok"), true}, {QStringLiteral("words"), list}};
    }

    int m_channel;
    int m_image;
    int m_cpuSeconds;
    QByteArray m_buffer;
    std::map<int, OpenPdf> m_docs;
    uchar *m_shared = nullptr;
    size_t m_sharedSize = 0;
};

int intArgument(int argc, char *argv[], const char *name, int fallback) {
    for (int i = 1; i + 1 < argc; ++i)
        if (std::strcmp(argv[i], name) == 0) return std::atoi(argv[i + 1]);
    return fallback;
}

} // namespace

int runRenderWorker(int argc, char *argv[]) {
    const int channel = intArgument(argc, argv, "--channel", -1);
    const int image = intArgument(argc, argv, "--image", -1);
    const pid_t parent = pid_t(intArgument(argc, argv, "--parent", 0));
    const int memoryMb = intArgument(argc, argv, "--memory-mb", 0);
    const int cpuSeconds = intArgument(argc, argv, "--cpu-seconds", 0);
    if (channel < 0 || image < 0 || parent <= 1) return 2;

    // No core files from a helper the limits ended; the address-space limit bounds what a
    // hostile page can make PDFium allocate.
    const rlimit noCore{0, 0};
    setrlimit(RLIMIT_CORE, &noCore);
    if (memoryMb > 0) {
        const rlimit as{rlim_t(memoryMb) << 20, rlim_t(memoryMb) << 20};
        setrlimit(RLIMIT_AS, &as);
    }
    // Not PR_SET_PDEATHSIG: it fires when the thread that spawned the helper ends (a pool thread
    // that expires), not the process. A helper outliving its parent only wastes a core, so a
    // watchdog polls for the parent instead.
    if (::getppid() != parent) return 0;
    std::thread([parent] {
        while (::getppid() == parent)
            std::this_thread::sleep_for(std::chrono::milliseconds(250));
        ::_exit(0);
    }).detach();

    cv::setNumThreads(1); // one helper per core already
    configureAllocatorForPages();
    QCoreApplication app(argc, argv);
    return RenderWorker(channel, image, cpuSeconds).run();
}

} // namespace bt
