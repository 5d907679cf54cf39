#include "thumbnailcache.h"

#include "thumbnail.h"
#include "viewer/sheetloader.h"

#include <QFileInfo>
#include <QFutureWatcher>
#include <QThreadPool>
#include <QtConcurrent>

namespace bt::ui {

ThumbnailCache::ThumbnailCache(QThreadPool *pool, const QSize &pixels, QObject *parent)
    : QObject(parent)
    , m_pool(pool)
    , m_size(pixels)
    , m_documents(std::make_shared<DocumentCache>()) {}

namespace {
constexpr QChar kSheetSeparator(0x1f); // not in a file name
}

QString ThumbnailCache::sheetKey(const QString &setPath, int pageIndex) {
    if (setPath.isEmpty() || pageIndex < 0) return QString();
    return setPath + kSheetSeparator + QString::number(pageIndex);
}

void ThumbnailCache::setDevicePixelRatio(qreal dpr) {
    if (qFuzzyCompare(dpr, m_dpr)) return;
    m_dpr = dpr;
    clear();
}

QPixmap ThumbnailCache::thumbnail(const QString &path) {
    if (path.isEmpty()) return {};
    if (const auto it = m_done.constFind(path); it != m_done.constEnd()) return *it;
    if (m_pending.contains(path) || m_failed.contains(path)) return {};
    const int separator = path.lastIndexOf(kSheetSeparator);
    const QString file = separator < 0 ? path : path.left(separator);
    const int pageIndex = separator < 0 ? -1 : path.mid(separator + 1).toInt();
    if (!QFileInfo::exists(file)) return {}; // a server job's overlay not downloaded yet: forget()
    m_pending.insert(path);
    // Device pixels: sharp on HiDPI screens, no larger than shown.
    const qreal dpr = m_dpr;
    const QSize pixels = (QSizeF(m_size) * dpr).toSize() - QSize(2, 2);
    const int generation = m_generation;
    auto *watcher = new QFutureWatcher<QImage>(this);
    connect(watcher, &QFutureWatcher<QImage>::finished, this, [this, watcher, path, dpr, generation] {
        watcher->deleteLater();
        if (generation != m_generation) return;
        m_pending.remove(path);
        QImage image = watcher->result();
        if (image.isNull()) {
            m_failed.insert(path);
        } else {
            image.setDevicePixelRatio(dpr);
            m_done.insert(path, QPixmap::fromImage(image));
        }
        emit thumbnailReady(path);
    });
    if (separator < 0)
        watcher->setFuture(QtConcurrent::run(m_pool, overlayThumbnail, path, pixels));
    else
        watcher->setFuture(QtConcurrent::run(m_pool, [documents = m_documents, file, pageIndex, pixels] {
            return sheetThumbnail(documents.get(), file, pageIndex, pixels);
        }));
    return {};
}

void ThumbnailCache::forget(const QString &path) {
    m_done.remove(path);
    m_failed.remove(path);
}

void ThumbnailCache::clear() {
    ++m_generation;
    // Another job's sets: closed on the pool (closing a PDF waits for the PDFium lock a render
    // may hold for seconds), never on the GUI thread.
    if (m_documents && !m_documents->paths().isEmpty()) {
        m_pool->start([documents = std::move(m_documents)]() mutable { documents.reset(); });
        m_documents = std::make_shared<DocumentCache>();
    }
    m_done.clear();
    m_pending.clear();
    m_failed.clear();
}

} // namespace bt::ui
