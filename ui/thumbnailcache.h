#pragma once

#include <QHash>
#include <QObject>
#include <QPixmap>
#include <QSet>
#include <QSize>

#include <memory>

class QThreadPool;

namespace bt::ui {
class DocumentCache;
}

namespace bt::ui {

// Overlay thumbnails for the cards, made off the GUI thread on demand (only for cards in view)
// and kept while the job is shown, so scrolling back shows them at once.
class ThumbnailCache : public QObject {
    Q_OBJECT
public:
    // pool: where thumbnails are made (one at a time is enough: the user waits for diffs, not
    // for thumbnails, and each decodes a full-size overlay).
    ThumbnailCache(QThreadPool *pool, const QSize &pixels, QObject *parent = nullptr);

    // The thumbnail of the overlay at path; a null pixmap while it is made (thumbnailReady(path)
    // follows) or when the file cannot be read (failed()).
    // path may also be a sheetKey(): that page of a set, for a sheet without an overlay.
    QPixmap thumbnail(const QString &path);
    static QString sheetKey(const QString &setPath, int pageIndex);
    bool has(const QString &path) const { return m_done.contains(path); }
    bool failed(const QString &path) const { return m_failed.contains(path); }
    void forget(const QString &path); // the file arrived or changed
    void clear();
    void setDevicePixelRatio(qreal dpr);

signals:
    void thumbnailReady(const QString &path);

private:
    QThreadPool *m_pool;
    QSize m_size; // logical pixels
    qreal m_dpr = 1.0;
    QHash<QString, QPixmap> m_done;
    QSet<QString> m_pending;
    QSet<QString> m_failed;
    int m_generation = 0;                       // clear() makes thumbnails still being made stale
    std::shared_ptr<DocumentCache> m_documents; // the sets of sheet thumbnails, used on the pool
};

} // namespace bt::ui
