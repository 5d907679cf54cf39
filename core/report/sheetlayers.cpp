#include "sheetlayers.h"

#include "diff/overlay.h"
#include "i18n/enginetext.h"

#include <QImageReader>
#include <opencv2/imgproc.hpp>

namespace bt {

namespace {

// The overlay palette's layout (core/diff/overlay.h).
constexpr int kRampSize = OverlayPaletteLayout::kRampSize;
constexpr int kUnchangedBase = OverlayPaletteLayout::kUnchangedBase;
constexpr int kRemovedBase = OverlayPaletteLayout::kRemovedBase;
constexpr int kAddedBase = OverlayPaletteLayout::kAddedBase;
constexpr int kCloudIndex = OverlayPaletteLayout::kCloudIndex;
constexpr int kUnchangedTop = 47; // unchanged ink is faded: its ramp is used up to this level

// A reduced pixel is ink of a layer from this share of coverage: thin lines (a 1 px line at
// 220 DPI covers ~0.7 of a 150 DPI pixel) survive, anti-aliasing fringes do not thicken them.
constexpr int kInkThreshold = 70;

constexpr int kTile = 256; // pixels; coloured layers are kept per tile with ink

QImage pieceImage(const cv::Mat &mask, const QColor &colour) {
    QImage image(mask.cols, mask.rows, QImage::Format_ARGB32);
    const QRgb ink = colour.rgb(), paper = colour.rgb() & 0x00ffffff; // same colour, transparent
    for (int y = 0; y < mask.rows; ++y) {
        const uchar *m = mask.ptr<uchar>(y);
        QRgb *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < mask.cols; ++x)
            line[x] = m[x] ? ink : paper;
    }
    return image;
}

QImage monoImage(const cv::Mat &mask) {
    QImage image(mask.cols, mask.rows, QImage::Format_Mono);
    image.setColorTable({qRgb(0, 0, 0), qRgb(255, 255, 255)});
    image.fill(1); // white
    for (int y = 0; y < mask.rows; ++y) {
        const uchar *m = mask.ptr<uchar>(y);
        uchar *line = image.scanLine(y);
        for (int x = 0; x < mask.cols; ++x)
            if (m[x]) line[x >> 3] &= uchar(~(0x80 >> (x & 7)));
    }
    return image;
}

// A binary mask (255 = ink) as pieces (see ImagePiece): a grey layer whole, a coloured one as the
// tiles that have ink. Only the first layer may be grey: its white is opaque.
void addPieces(ImagePieces &out, const cv::Mat &mask, const QColor &colour) {
    if (cv::countNonZero(mask) == 0) return;
    if (out.isEmpty() && colour.red() == colour.green() && colour.green() == colour.blue()) {
        out.append({QRect(0, 0, mask.cols, mask.rows), monoImage(mask), 1.0 - colour.red() / 255.0});
        return;
    }
    for (int y = 0; y < mask.rows; y += kTile)
        for (int x = 0; x < mask.cols; x += kTile) {
            const cv::Rect r(x, y, std::min(kTile, mask.cols - x), std::min(kTile, mask.rows - y));
            const cv::Mat tile = mask(r);
            if (cv::countNonZero(tile) == 0) continue;
            out.append({QRect(r.x, r.y, r.width, r.height), pieceImage(tile, colour), 1.0});
        }
}

cv::Mat reduce(const cv::Mat &coverage, const QSize &size) {
    cv::Mat small;
    cv::resize(coverage, small, cv::Size(size.width(), size.height()), 0, 0,
               size.width() < coverage.cols ? cv::INTER_AREA : cv::INTER_LINEAR);
    return small;
}

} // namespace

bool SheetLayers::loadOverlay(const QString &pngPath, QString *error) {
    QImageReader reader(pngPath);
    QImage image = reader.read();
    if (image.isNull()) {
        if (error)
            *error = EngineText::translate("bt::Report", "%1: cannot read the overlay (%2)")
                         .arg(pngPath, reader.errorString());
        return false;
    }
    if (image.format() != QImage::Format_Indexed8 || image.colorCount() <= kCloudIndex) {
        if (error)
            *error = EngineText::translate("bt::Report", "%1: not an overlay palette image").arg(pngPath);
        return false;
    }
    m_palette = image.colorTable();
    m_palette.resize(256);
    m_index = cv::Mat(image.height(), image.width(), CV_8UC1);
    for (int y = 0; y < image.height(); ++y)
        memcpy(m_index.ptr<uchar>(y), image.constScanLine(y), size_t(image.width()));
    return true;
}

void SheetLayers::clearClouds(const QVector<QRect> &areas, const QVector<QRect> &keep) {
    const QRect image(0, 0, m_index.cols, m_index.rows);
    for (const QRect &a : areas) {
        const QRect r = a & image;
        if (r.isEmpty()) continue;
        QVector<QRect> near; // the kept areas that reach into this one
        for (const QRect &k : keep)
            if (k.intersects(r)) near.append(k);
        for (int y = r.top(); y <= r.bottom(); ++y) {
            uchar *line = m_index.ptr<uchar>(y);
            for (int x = r.left(); x <= r.right(); ++x) {
                if (line[x] != kCloudIndex) continue;
                if (std::any_of(near.begin(), near.end(), [&](const QRect &k) { return k.contains(x, y); }))
                    continue;
                line[x] = OverlayPaletteLayout::kWhiteIndex;
            }
        }
    }
}

QColor SheetLayers::unchangedColour() const {
    return QColor(m_palette.value(kUnchangedBase + kRampSize - 1, qRgb(160, 160, 160)));
}
QColor SheetLayers::removedColour() const {
    return QColor(m_palette.value(kRemovedBase + kRampSize - 1, qRgb(220, 30, 30)));
}
QColor SheetLayers::addedColour() const {
    return QColor(m_palette.value(kAddedBase + kRampSize - 1, qRgb(20, 160, 40)));
}
QColor SheetLayers::cloudColour() const {
    return QColor(m_palette.value(kCloudIndex, qRgb(0, 90, 220)));
}

ImagePieces SheetLayers::pieces(const QSize &size) const {
    ImagePieces out;
    if (isNull() || size.isEmpty()) return out;
    struct Ramp {
        int base;
        int top;
        QColor colour;
    };
    const Ramp ramps[] = {{kUnchangedBase, kUnchangedTop, unchangedColour()},
                          {kRemovedBase, kRampSize - 1, removedColour()},
                          {kAddedBase, kRampSize - 1, addedColour()},
                          {kCloudIndex, 0, cloudColour()}};
    cv::Mat lut(1, 256, CV_8U), coverage;
    for (const Ramp &r : ramps) {
        // Coverage of this colour per source pixel (0..255), then its share per target pixel.
        lut.setTo(0);
        if (r.top == 0)
            lut.at<uchar>(r.base) = 255;
        else
            for (int level = 1; level < kRampSize; ++level)
                lut.at<uchar>(r.base + level) = uchar(std::min(255, level * 255 / r.top));
        cv::LUT(m_index, lut, coverage);
        cv::Mat ink;
        cv::threshold(reduce(coverage, size), ink, kInkThreshold, 255, cv::THRESH_BINARY);
        addPieces(out, ink, r.colour);
    }
    return out;
}

QImage SheetLayers::colourImage(const QSize &size) const {
    if (isNull() || size.isEmpty()) return QImage();
    cv::Mat lut(1, 256, CV_8UC3);
    for (int i = 0; i < 256; ++i)
        lut.at<cv::Vec3b>(0, i) =
            cv::Vec3b(uchar(qBlue(m_palette[i])), uchar(qGreen(m_palette[i])), uchar(qRed(m_palette[i])));
    // Colours first, then the reduction: averaging palette indices would mix unrelated colours.
    cv::Mat bgr;
    cv::cvtColor(m_index, bgr, cv::COLOR_GRAY2BGR);
    cv::LUT(bgr, lut, bgr);
    bgr = reduce(bgr, size);
    QImage image(size, QImage::Format_RGB32);
    for (int y = 0; y < bgr.rows; ++y) {
        const cv::Vec3b *s = bgr.ptr<cv::Vec3b>(y);
        QRgb *d = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < bgr.cols; ++x)
            d[x] = qRgb(s[x][2], s[x][1], s[x][0]);
    }
    return image;
}

ImagePieces SheetLayers::inkPieces(const cv::Mat &grey, const QSize &size, const QColor &colour) {
    cv::Mat inverted;
    cv::subtract(cv::Scalar(255), grey, inverted); // ink coverage
    cv::Mat ink;
    cv::threshold(reduce(inverted, size), ink, kInkThreshold, 255, cv::THRESH_BINARY);
    ImagePieces out;
    addPieces(out, ink, colour);
    return out;
}

} // namespace bt
