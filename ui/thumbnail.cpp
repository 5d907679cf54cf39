#include "thumbnail.h"

#include "viewer/sheetloader.h"

#include "document/document.h"

#include <QImageReader>

#include <algorithm>
#include <vector>

namespace bt::ui {

namespace {

// How much darker the ink of a reduced sheet is drawn: at 1/40 scale a line covers a few percent
// of a thumbnail pixel and would vanish into the paper.
constexpr double kInkGain = 3.0;

// Box average of an 8-bit image (palette or grey) straight from its indices, into RGB32.
QImage reduceIndexed(const QImage &src, const QSize &target) {
    const int w = src.width(), h = src.height(), tw = target.width(), th = target.height();
    QVector<QRgb> table = src.colorTable();
    if (src.format() == QImage::Format_Grayscale8) {
        table.clear();
        for (int i = 0; i < 256; ++i)
            table.append(qRgb(i, i, i));
    }
    table.resize(256);
    quint16 red[256], green[256], blue[256];
    for (int i = 0; i < 256; ++i) {
        red[i] = quint16(qRed(table[i]));
        green[i] = quint16(qGreen(table[i]));
        blue[i] = quint16(qBlue(table[i]));
    }
    std::vector<int> x0(size_t(tw) + 1);
    for (int c = 0; c <= tw; ++c)
        x0[size_t(c)] = int(qint64(c) * w / tw);
    std::vector<quint32> sum(size_t(tw) * 3, 0);
    int rows = 0, outRow = 0;
    QImage out(target, QImage::Format_RGB32);
    for (int y = 0; y < h; ++y) {
        const uchar *line = src.constScanLine(y);
        for (int c = 0; c < tw; ++c) {
            quint32 r = 0, g = 0, b = 0;
            for (int x = x0[size_t(c)]; x < x0[size_t(c) + 1]; ++x) {
                const uchar i = line[x];
                r += red[i];
                g += green[i];
                b += blue[i];
            }
            sum[size_t(c) * 3] += r;
            sum[size_t(c) * 3 + 1] += g;
            sum[size_t(c) * 3 + 2] += b;
        }
        ++rows;
        const int next = y + 1 == h ? th : std::min(th - 1, int(qint64(y + 1) * th / h));
        if (next == outRow) continue;
        auto *o = reinterpret_cast<QRgb *>(out.scanLine(outRow));
        for (int c = 0; c < tw; ++c) {
            const double n = double(std::max(1, x0[size_t(c) + 1] - x0[size_t(c)]) * rows);
            int v[3];
            for (int k = 0; k < 3; ++k) {
                const double mean = sum[size_t(c) * 3 + size_t(k)] / n;
                v[k] = std::clamp(int(255.0 - (255.0 - mean) * kInkGain), 0, 255);
            }
            o[c] = qRgb(v[0], v[1], v[2]);
        }
        std::fill(sum.begin(), sum.end(), 0);
        rows = 0;
        outRow = next;
    }
    return out;
}

} // namespace

QImage overlayThumbnail(const QString &path, const QSize &maxPixels) {
    QImageReader reader(path);
    const QSize size = reader.size();
    if (!size.isValid() || maxPixels.isEmpty()) return {};
    const QSize target = size.scaled(maxPixels, Qt::KeepAspectRatio).expandedTo(QSize(1, 1));
    // QImageReader::setScaledSize costs more than this (1.1-1.5 s against 0.65 s for a 42 MP
    // palette overlay, measured) and samples instead of averaging: thin lines disappear.
    QImage full = reader.read();
    if (full.isNull()) return {};
    if (full.format() == QImage::Format_Indexed8 || full.format() == QImage::Format_Grayscale8)
        return reduceIndexed(full, target);
    return full.scaled(target, Qt::KeepAspectRatio, Qt::SmoothTransformation)
        .convertToFormat(QImage::Format_RGB32);
}

QImage sheetThumbnail(DocumentCache *documents, const QString &setPath, int pageIndex,
                      const QSize &maxPixels) {
    if (maxPixels.isEmpty() || pageIndex < 0) return {};
    std::shared_ptr<const Document> doc = documents ? documents->find(setPath) : nullptr;
    if (!doc) {
        doc = Document::open(setPath, QString(), nullptr);
        if (!doc) return {};
        if (documents) documents->insert(setPath, doc, documents->paths() << setPath);
    }
    if (pageIndex >= doc->pageCount()) return {};
    const QSizeF pt = doc->pageSizePt(pageIndex);
    if (pt.isEmpty()) return {};
    // Twice the thumbnail's pixels, then box-averaged as the overlays are (thin lines stay).
    const double dpi =
        std::max(kMinimumDpi, 2.0 * kPointsPerInch *
                                  std::max(maxPixels.width() / pt.width(), maxPixels.height() / pt.height()));
    const RenderedPage page = doc->render(pageIndex, RenderOptions{dpi, RenderOptions().maxPixels});
    if (page.isNull()) return {};
    const QImage grey(page.grey.data, page.grey.cols, page.grey.rows, int(page.grey.step),
                      QImage::Format_Grayscale8);
    const QSize target = grey.size().scaled(maxPixels, Qt::KeepAspectRatio).expandedTo(QSize(1, 1));
    return reduceIndexed(grey, target); // reads the render while `page` holds it
}

} // namespace bt::ui
