#include "tilecache.h"

#include "sheetimage.h"

#include <algorithm>

namespace bt::ui {

TileCache::TileCache(qint64 minimumBytes)
    : m_minimumBytes(minimumBytes) {}

size_t TileCache::tableKey(const QVector<QRgb> &table) {
    return qHashRange(table.begin(), table.end());
}

QImage TileCache::tile(const SheetImage &image, int level, QPoint tile, const QVector<QRgb> &table,
                       size_t tableKey) {
    const Key key{image.cacheKey(), level, tile.x(), tile.y(), tableKey};
    auto it = m_tiles.find(key);
    if (it != m_tiles.end()) {
        it->lastUsed = m_frame;
        return it->image;
    }
    const QImage &src = image.level(level);
    const QRect rect = QRect(tile * kTileSize, QSize(kTileSize, kTileSize)).intersected(src.rect());
    if (rect.isEmpty() || table.size() < 256) return QImage();
    // A table lookup per pixel: QImage::convertToFormat takes 5x as long for palette images.
    QImage out(rect.size(), QImage::Format_RGB32);
    const QRgb *lut = table.constData();
    for (int y = 0; y < rect.height(); ++y) {
        const uchar *in = src.constScanLine(rect.y() + y) + rect.x();
        auto *dst = reinterpret_cast<QRgb *>(out.scanLine(y));
        for (int x = 0; x < rect.width(); ++x)
            dst[x] = lut[in[x]];
    }
    m_tiles.insert(key, Entry{out, m_frame});
    m_bytes += out.sizeInBytes();
    return out;
}

void TileCache::trim() {
    qint64 frameBytes = 0;
    for (const Entry &e : std::as_const(m_tiles))
        if (e.lastUsed == m_frame) frameBytes += e.image.sizeInBytes();
    const qint64 budget = std::max(m_minimumBytes, 2 * frameBytes);
    if (m_bytes <= budget) return;
    // Oldest first; a few hundred tiles at most, so a sort per trim is cheap.
    QVector<QPair<quint64, Key>> order;
    order.reserve(m_tiles.size());
    for (auto it = m_tiles.cbegin(); it != m_tiles.cend(); ++it)
        order.append({it->lastUsed, it.key()});
    std::sort(order.begin(), order.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    for (const auto &[lastUsed, key] : order) {
        if (m_bytes <= budget || lastUsed == m_frame) break;
        m_bytes -= m_tiles.value(key).image.sizeInBytes();
        m_tiles.remove(key);
    }
}

void TileCache::clear() {
    m_tiles.clear();
    m_bytes = 0;
}

} // namespace bt::ui
