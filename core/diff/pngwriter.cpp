#include "pngwriter.h"

#include <QFile>
#include <QSaveFile>
#include <QtEndian>
#include <png.h>
#include <zlib.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace bt {

namespace {

void appendToByteArray(png_structp png, png_bytep data, png_size_t length) {
    static_cast<QByteArray *>(png_get_io_ptr(png))
        ->append(reinterpret_cast<const char *>(data), qsizetype(length));
}

void flushNothing(png_structp) {}

// libpng reports errors by longjmp; the handler here turns them into an exception instead
// (C++ objects between setjmp and longjmp would not be destroyed).
[[noreturn]] void throwPngError(png_structp, png_const_charp message) {
    throw std::runtime_error(std::string("PNG: ") + message);
}

void ignorePngWarning(png_structp, png_const_charp) {}

} // namespace

QByteArray encodeIndexedPng(const cv::Mat &index, const QVector<QRgb> &palette) {
    CV_Assert(index.type() == CV_8UC1 && !index.empty() && !palette.isEmpty() && palette.size() <= 256);
    png_structp png =
        png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, throwPngError, ignorePngWarning);
    png_infop info = png ? png_create_info_struct(png) : nullptr;
    if (!info) {
        png_destroy_write_struct(&png, nullptr);
        throw std::bad_alloc();
    }
    struct Release {
        png_structp *png;
        png_infop *info;
        ~Release() { png_destroy_write_struct(png, info); }
    } release{&png, &info};

    QByteArray out;
    png_set_write_fn(png, &out, appendToByteArray, flushNothing);
    png_set_IHDR(png, info, png_uint_32(index.cols), png_uint_32(index.rows), 8, PNG_COLOR_TYPE_PALETTE,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    std::vector<png_color> colours;
    for (const QRgb c : palette)
        colours.push_back({png_byte(qRed(c)), png_byte(qGreen(c)), png_byte(qBlue(c))});
    png_set_PLTE(png, info, colours.data(), int(colours.size()));
    // An overlay is mostly paper, and its lines repeat from row to row: the "up" filter and
    // run-length matches at the fastest level find nearly all of it, at a fraction of the time
    // of zlib's default search (~0.5 MB for an ARCH D sheet at 220 dpi).
    png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_UP);
    png_set_compression_level(png, 1);
    png_set_compression_strategy(png, Z_RLE);
    png_write_info(png, info);
    for (int y = 0; y < index.rows; ++y)
        png_write_row(png, index.ptr<png_byte>(y));
    png_write_end(png, nullptr);
    return out;
}

bool writeIndexedPng(const QString &path, const cv::Mat &index, const QVector<QRgb> &palette) {
    const QByteArray png = encodeIndexedPng(index, palette);
    QSaveFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(png) == png.size() && file.commit();
}

bool replaceIndexedPngPalette(const QString &path, const QVector<QRgb> &palette, QString *error) {
    auto fail = [&](const QString &why) {
        if (error) *error = QStringLiteral("%1: %2").arg(path, why);
        return false;
    };
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite)) return fail(file.errorString());
    static const QByteArray kSignature("\x89PNG\r\n\x1a\n", 8);
    if (file.read(8) != kSignature) return fail(QStringLiteral("not a PNG"));
    // Chunks: length (4, big-endian), type (4), data, CRC over type and data (4). PLTE comes
    // before the image data, so only the first few chunks are read.
    while (!file.atEnd()) {
        const qint64 at = file.pos();
        const QByteArray header = file.read(8);
        if (header.size() != 8) break;
        const quint32 length = qFromBigEndian<quint32>(header.constData());
        const QByteArray type = header.mid(4);
        if (type == "IDAT" || type == "IEND") break;
        if (type != "PLTE") {
            if (!file.seek(at + 12 + qint64(length))) break;
            continue;
        }
        if (length != quint32(palette.size()) * 3)
            return fail(QStringLiteral("the palette has another size"));
        QByteArray chunk = type;
        for (const QRgb c : palette)
            chunk.append(char(qRed(c))).append(char(qGreen(c))).append(char(qBlue(c)));
        uchar crc[4];
        qToBigEndian<quint32>(
            quint32(crc32(0L, reinterpret_cast<const Bytef *>(chunk.constData()), uInt(chunk.size()))), crc);
        chunk.append(reinterpret_cast<const char *>(crc), 4);
        // The same colours (a job reused unchanged): nothing to write.
        if (file.read(qint64(length)) == chunk.mid(4, int(length))) return true;
        if (!file.seek(at + 4) || file.write(chunk) != chunk.size()) return fail(file.errorString());
        return true;
    }
    return fail(QStringLiteral("no palette"));
}

} // namespace bt
