#pragma once

#include <QByteArray>
#include <QRgb>
#include <QString>
#include <QVector>
#include <opencv2/core/mat.hpp>

namespace bt {

// PNG of an 8-bit palette image (CV_8UC1 indices into up to 256 opaque colours) with libpng,
// tuned for overlays: mostly paper, the rest lines that repeat from row to row. Qt's writer
// offers no filter or strategy choice, and at any fast level it stores such an image nearly
// uncompressed (40 MB for an ARCH D sheet at 220 dpi).
QByteArray encodeIndexedPng(const cv::Mat &index, const QVector<QRgb> &palette);

// encodeIndexedPng written to `path` (atomically); false when it cannot be written.
bool writeIndexedPng(const QString &path, const cv::Mat &index, const QVector<QRgb> &palette);

// Gives an indexed PNG written by writeIndexedPng another palette of the same size, in place:
// only the PLTE chunk changes (768 bytes and its CRC), the pixels are not decoded. An overlay's
// colours are a view setting: a job reused with other colours is recoloured this way, not
// compared again. False (error set) when the file is not such a PNG or cannot be written.
bool replaceIndexedPngPalette(const QString &path, const QVector<QRgb> &palette, QString *error = nullptr);

} // namespace bt
