#pragma once

#include <QHash>
#include <QImage>
#include <QPoint>
#include <QRgb>
#include <QVector>

namespace bt::ui {

class SheetImage;

// RGB32 tiles of SheetImage levels, converted on first use and kept while they are used. QPainter
// draws 8-bit palette images through a generic path five to eight times slower than RGB32
// (130 ms instead of 20 ms for a 4 MP screen); converting a whole level would cost four times
// the memory. A 256-pixel tile converts in ~0.1 ms, so a pan converts only the tiles it uncovers.
class TileCache {
public:
    static constexpr int kTileSize = 256;

    explicit TileCache(qint64 minimumBytes = 48 << 20);

    // The tile (column, row) of a level, coloured by table (256 entries); tableKey identifies the
    // table's contents.
    QImage tile(const SheetImage &image, int level, QPoint tile, const QVector<QRgb> &table, size_t tableKey);
    // Starts a paint: tiles used since are kept by the next trim().
    void beginFrame() { ++m_frame; }
    // Drops the least recently used tiles beyond the budget (at least twice the last frame's).
    void trim();
    void clear();
    qint64 bytes() const { return m_bytes; }
    int tileCount() const { return int(m_tiles.size()); }

    static size_t tableKey(const QVector<QRgb> &table);

private:
    struct Key {
        qint64 image;
        int level;
        int column;
        int row;
        size_t table;
        bool operator==(const Key &o) const {
            return image == o.image && level == o.level && column == o.column && row == o.row &&
                   table == o.table;
        }
    };
    friend size_t qHash(const Key &key, size_t seed) {
        return qHashMulti(seed, key.image, key.level, key.column, key.row, key.table);
    }
    struct Entry {
        QImage image;
        quint64 lastUsed = 0;
    };

    QHash<Key, Entry> m_tiles;
    qint64 m_minimumBytes;
    qint64 m_bytes = 0;
    quint64 m_frame = 0;
};

} // namespace bt::ui
