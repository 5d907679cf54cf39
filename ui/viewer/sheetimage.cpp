#include "sheetimage.h"

#include "overlaypalette.h"

#include <algorithm>
#include <cstring>
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

namespace bt::ui {

namespace {

// Below this a level is not worth having: a sheet this small fits any view.
constexpr int kSmallestSide = 256;
constexpr double kTolerableMagnification = 1.1;

QVector<QRgb> greyRamp() {
    QVector<QRgb> table(256);
    for (int i = 0; i < 256; ++i)
        table[i] = qRgb(i, i, i);
    return table;
}

// An OpenCV view of a QImage's pixels (no copy).
cv::Mat matView(QImage &image) {
    return cv::Mat(image.height(), image.width(), CV_8UC1, image.bits(), size_t(image.bytesPerLine()));
}

cv::Mat matView(const QImage &image) {
    return cv::Mat(image.height(), image.width(), CV_8UC1, const_cast<uchar *>(image.constBits()),
                   size_t(image.bytesPerLine()));
}

QImage indexedCopy(const cv::Mat &mat, const QVector<QRgb> &table) {
    QImage image(mat.cols, mat.rows, QImage::Format_Indexed8);
    image.setColorTable(table);
    for (int y = 0; y < mat.rows; ++y)
        std::memcpy(image.scanLine(y), mat.ptr<uchar>(y), size_t(mat.cols));
    return image;
}

// Overlay palette halving: each output pixel is the highest-priority index of its 2x2 block.
void halvePalette(const cv::Mat &src, cv::Mat &dst) {
    uchar key[256];
    for (int i = 0; i < 256; ++i)
        key[i] = OverlayPalette::priority(i);
    cv::parallel_for_(cv::Range(0, dst.rows), [&](const cv::Range &rows) {
        for (int y = rows.start; y < rows.end; ++y) {
            const uchar *a = src.ptr<uchar>(2 * y), *b = src.ptr<uchar>(std::min(2 * y + 1, src.rows - 1));
            uchar *out = dst.ptr<uchar>(y);
            for (int x = 0; x < dst.cols; ++x) {
                const int x0 = 2 * x, x1 = std::min(2 * x + 1, src.cols - 1);
                out[x] = std::max(std::max(key[a[x0]], key[a[x1]]), std::max(key[b[x0]], key[b[x1]]));
            }
        }
    });
}

} // namespace

SheetImage SheetImage::fromGrey(const cv::Mat &grey) {
    SheetImage image;
    if (grey.empty() || grey.type() != CV_8UC1) return image;
    image.m_content = Content::Grey;
    image.m_levels.append(indexedCopy(grey, greyRamp()));
    image.buildLevels();
    return image;
}

SheetImage SheetImage::fromOverlay(const cv::Mat &index, const QVector<QRgb> &palette) {
    SheetImage image;
    if (index.empty() || index.type() != CV_8UC1) return image;
    QVector<QRgb> table = palette;
    table.resize(256, qRgb(255, 255, 255));
    image.m_content = Content::Overlay;
    image.m_levels.append(indexedCopy(index, table));
    image.buildLevels();
    return image;
}

SheetImage SheetImage::fromOverlay(const QImage &indexed) {
    SheetImage image;
    if (indexed.isNull() || indexed.format() != QImage::Format_Indexed8) return image;
    QImage level0 = indexed;
    // A PNG palette may be shorter than 256 entries; the tile converter indexes all 256.
    if (level0.colorCount() < 256) {
        QVector<QRgb> table = level0.colorTable();
        table.resize(256, qRgb(255, 255, 255));
        level0.setColorTable(table);
    }
    image.m_content = Content::Overlay;
    image.m_levels.append(level0);
    image.buildLevels();
    return image;
}

void SheetImage::buildLevels() {
    const QVector<QRgb> table = m_levels.first().colorTable();
    while (std::max(m_levels.last().width(), m_levels.last().height()) > kSmallestSide) {
        const QImage &src = m_levels.last();
        QImage dst((src.width() + 1) / 2, (src.height() + 1) / 2, QImage::Format_Indexed8);
        dst.setColorTable(table);
        cv::Mat out = matView(dst);
        if (m_content == Content::Grey)
            cv::resize(matView(src), out, out.size(), 0, 0, cv::INTER_AREA);
        else
            halvePalette(matView(src), out);
        m_levels.append(dst);
    }
}

int SheetImage::levelIndexFor(double scale) const {
    if (isNull() || scale <= 0) return 0;
    int index = 0;
    const double width = m_levels.first().width();
    while (index + 1 < levelCount() && m_levels[index + 1].width() / width * kTolerableMagnification >= scale)
        ++index;
    return index;
}

} // namespace bt::ui
