#pragma once

#include <QColor>
#include <QImage>
#include <QRect>
#include <QSize>
#include <QString>
#include <QVector>

#include <opencv2/core/mat.hpp>

namespace bt {

// A piece of one colour of a sheet image, as Qt's PDF engine (6.4, measured) stores it best:
// - grey: a 1-bit image (Format_Mono, black ink on white; written as Flate 1-bit DeviceGray,
//   ~55 KB for an ARCH D sheet at 150 DPI) painted with `opacity` onto the white page, which
//   gives the grey. It is opaque: it must be the first thing painted in its area.
// - any other colour: Format_ARGB32, the colour where there is ink and transparent elsewhere,
//   written as a JPEG (DCT, Qt's fixed quality 94) plus a 1-bit /Mask. A JPEG costs about a byte
//   per 8x8 block even when flat (~300 KB for a whole ARCH D sheet), so these layers are cut into
//   tiles and only the tiles with ink are kept.
// (A QBitmap through drawPixmap is written as a full-page JPEG; a 1-bit image is never used as a
// stencil by drawImage.)
struct ImagePiece {
    QRect rect; // in the pixel grid of the whole sheet image
    QImage image;
    double opacity = 1;
};
using ImagePieces = QVector<ImagePiece>;

// The overlay PNG (core/diff/overlay.cpp: palette of unchanged, removed and added ramps plus the
// cloud colour) reduced to `size` pixels.
class SheetLayers {
public:
    // Reads the overlay; false (and *error) when it cannot be read.
    bool loadOverlay(const QString &pngPath, QString *error);
    bool isNull() const { return m_index.empty(); }
    QSize sourceSize() const { return QSize(m_index.cols, m_index.rows); }

    // The full colours of the palette (what the legend shows).
    QColor unchangedColour() const;
    QColor removedColour() const;
    QColor addedColour() const;
    QColor cloudColour() const;

    // Turns the cloud colour to paper inside `areas` (overlay pixels) except inside `keep`: the
    // clouds of changes the report leaves out or draws itself.
    void clearClouds(const QVector<QRect> &areas, const QVector<QRect> &keep);

    // Unchanged, removed, added, clouds at `size` pixels, in paint order (later on top).
    ImagePieces pieces(const QSize &size) const;
    // The overlay in colour (Format_RGB32), for the JPEG encoding.
    QImage colourImage(const QSize &size) const;

    // A grey render (ink dark on white) at `size` pixels, its ink in `colour`.
    static ImagePieces inkPieces(const cv::Mat &grey, const QSize &size, const QColor &colour);

private:
    cv::Mat m_index; // CV_8UC1 palette indices
    QVector<QRgb> m_palette;
};

} // namespace bt
