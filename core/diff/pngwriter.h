#pragma once

#include <QByteArray>
#include <QRgb>
#include <QString>
#include <QVector>
#include <opencv2/core/mat.hpp>

namespace bt {

// PNG of an 8-bit palette image (CV_8UC1 indices into up to 256 opaque colours), made for
// overlays: mostly paper, the rest lines that repeat from row to row. The image data is
// deflated with two kinds of match only (repeat the previous byte, repeat the row above) and
// the fixed Huffman codes, which costs little more than reading the image once: ~0.02 s for a
// 42 MP sheet against ~0.1 s for zlib at level 1, for files about as small (~0.5 MB).
QByteArray encodeIndexedPng(const cv::Mat &index, const QVector<QRgb> &palette);

// encodeIndexedPng written to `path` (atomically); false when it cannot be written.
bool writeIndexedPng(const QString &path, const cv::Mat &index, const QVector<QRgb> &palette);

} // namespace bt
