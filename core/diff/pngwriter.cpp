#include "pngwriter.h"

#include <QSaveFile>
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

namespace bt {

namespace {

// Deflate (RFC 1951) with the fixed Huffman codes of section 3.2.6.

uint32_t reversed(uint32_t code, int length) {
    uint32_t r = 0;
    for (int i = 0; i < length; ++i)
        r |= ((code >> i) & 1u) << (length - 1 - i);
    return r;
}

// Huffman codes go into the stream most significant bit first: stored bit-reversed here.
void fixedCode(int symbol, uint32_t *bits, int *count) {
    if (symbol < 144) {
        *bits = reversed(0x30 + symbol, 8), *count = 8;
    } else if (symbol < 256) {
        *bits = reversed(0x190 + symbol - 144, 9), *count = 9;
    } else if (symbol < 280) {
        *bits = reversed(symbol - 256, 7), *count = 7;
    } else {
        *bits = reversed(0xC0 + symbol - 280, 8), *count = 8;
    }
}

struct FixedCodes {
    std::array<uint32_t, 256> literalBits{};
    std::array<uint8_t, 256> literalCount{};
    // Lengths 3..258: the length code with its extra bits.
    std::array<uint32_t, 259> lengthBits{};
    std::array<uint8_t, 259> lengthCount{};

    FixedCodes() {
        for (int v = 0; v < 256; ++v) {
            uint32_t bits = 0;
            int count = 0;
            fixedCode(v, &bits, &count);
            literalBits[size_t(v)] = bits;
            literalCount[size_t(v)] = uint8_t(count);
        }
        static constexpr int base[29] = {3,  4,  5,  6,  7,  8,  9,  10, 11,  13,  15,  17,  19,  23, 27,
                                         31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
        static constexpr int extra[29] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                          2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
        for (int length = 3; length <= 258; ++length) {
            // 258 has a code of its own (285); 227..257 are 284 with five extra bits.
            int k = length == 258 ? 28 : 27;
            while (base[k] > length)
                --k;
            uint32_t bits = 0;
            int count = 0;
            fixedCode(257 + k, &bits, &count);
            lengthBits[size_t(length)] = bits | (uint32_t(length - base[k]) << count);
            lengthCount[size_t(length)] = uint8_t(count + extra[k]);
        }
    }
};

// Distance code (5 bits, reversed) with its extra bits.
void distanceCode(int distance, uint32_t *bits, int *count) {
    static constexpr int base[30] = {1,    2,    3,    4,    5,    7,    9,    13,    17,    25,
                                     33,   49,   65,   97,   129,  193,  257,  385,   513,   769,
                                     1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
    static constexpr int extra[30] = {0, 0, 0, 0, 1, 1, 2, 2,  3,  3,  4,  4,  5,  5,  6,
                                      6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};
    int k = 29;
    while (base[k] > distance)
        --k;
    *bits = reversed(uint32_t(k), 5) | (uint32_t(distance - base[k]) << 5);
    *count = 5 + extra[k];
}

class BitWriter {
public:
    explicit BitWriter(QByteArray &out)
        : m_out(out) {}
    // Least significant bit first, as deflate packs them; at most 32 bits at a time.
    void put(uint64_t bits, int count) {
        m_bits |= bits << m_count;
        m_count += count;
        if (m_count >= 32) {
            const char bytes[4] = {char(m_bits), char(m_bits >> 8), char(m_bits >> 16), char(m_bits >> 24)};
            m_out.append(bytes, 4);
            m_bits >>= 32;
            m_count -= 32;
        }
    }
    void flush() {
        for (; m_count > 0; m_count -= 8, m_bits >>= 8)
            m_out.append(char(m_bits));
        m_count = 0;
        m_bits = 0;
    }

private:
    QByteArray &m_out;
    uint64_t m_bits = 0;
    int m_count = 0;
};

// Length (up to max) over which a and b are equal; eight bytes at a time.
int equalLength(const uchar *a, const uchar *b, int max) {
    int i = 0;
    for (uint64_t x, y; i + 8 <= max; i += 8) {
        std::memcpy(&x, a + i, 8);
        std::memcpy(&y, b + i, 8);
        if (x != y) break;
    }
    while (i < max && a[i] == b[i])
        ++i;
    return i;
}

// Length (up to max) of the run of `value` at a.
int runLength(const uchar *a, uchar value, int max) {
    const uint64_t pattern = 0x0101010101010101ull * value;
    int i = 0;
    for (uint64_t x; i + 8 <= max; i += 8) {
        std::memcpy(&x, a + i, 8);
        if (x != pattern) break;
    }
    while (i < max && a[i] == value)
        ++i;
    return i;
}

// The zlib stream (RFC 1950) of the PNG image data: each row is filter type 0 and the row.
// One fixed-Huffman block; at each byte the longer of a run of the previous byte (distance 1)
// and a copy of the row above (distance width + 1), else a literal. Matches stay within a row.
QByteArray deflateRows(const cv::Mat &index) {
    static const FixedCodes codes;
    const int width = index.cols;
    uint32_t upBits = 0;
    int upCount = 0;
    distanceCode(width + 1, &upBits, &upCount);
    constexpr uint32_t kDistanceOneBits = 0, kDistanceOneCount = 5;
    constexpr int kMaxMatch = 258;

    QByteArray out;
    out.reserve(1 << 20);
    out.append(char(0x78)).append(char(0x01)); // deflate, 32 KiB window, no dictionary
    BitWriter bits(out);
    bits.put(1, 1); // final block
    bits.put(1, 2); // fixed Huffman codes
    // Adler-32 of the uncompressed data; paper (index 0) only moves b.
    constexpr uint64_t kAdlerMod = 65521;
    uint64_t adlerA = 1, adlerB = 0;
    for (int y = 0; y < index.rows; ++y) {
        const uchar *row = index.ptr<uchar>(y), *above = y > 0 ? index.ptr<uchar>(y - 1) : nullptr;
        adlerB += adlerA; // the filter byte
        for (int x = 0; x < width;) {
            uint64_t word = 1;
            if (x + 8 <= width) std::memcpy(&word, row + x, 8);
            if (word == 0) {
                adlerB += 8 * adlerA;
                x += 8;
            } else {
                adlerA += row[x];
                adlerB += adlerA;
                ++x;
            }
        }
        // Both stay far below 2^64 over one row (a < 2^21, b grows by at most a per byte).
        adlerA %= kAdlerMod;
        adlerB %= kAdlerMod;

        bits.put(codes.literalBits[0], codes.literalCount[0]); // filter type 0
        for (int x = 0; x < width;) {
            const int max = std::min(kMaxMatch, width - x);
            // Before the row's first byte comes the filter byte, 0.
            const int run = runLength(row + x, x > 0 ? row[x - 1] : 0, max);
            const int up = above && run < max ? equalLength(row + x, above + x, max) : 0;
            if (run >= 3 && run >= up) {
                bits.put(codes.lengthBits[size_t(run)] |
                             (uint64_t(kDistanceOneBits) << codes.lengthCount[size_t(run)]),
                         codes.lengthCount[size_t(run)] + kDistanceOneCount);
                x += run;
            } else if (up >= 3) {
                bits.put(codes.lengthBits[size_t(up)] | (uint64_t(upBits) << codes.lengthCount[size_t(up)]),
                         codes.lengthCount[size_t(up)] + upCount);
                x += up;
            } else {
                bits.put(codes.literalBits[row[x]], codes.literalCount[row[x]]);
                ++x;
            }
        }
    }
    bits.put(0, 7); // end of block (symbol 256)
    bits.flush();
    const uint32_t adler = uint32_t((adlerB << 16) | adlerA);
    for (int shift = 24; shift >= 0; shift -= 8)
        out.append(char(adler >> shift));
    return out;
}

uint32_t crc32(const char *data, qsizetype size, uint32_t crc = 0) {
    static const std::array<uint32_t, 256> table = [] {
        std::array<uint32_t, 256> t{};
        for (uint32_t n = 0; n < 256; ++n) {
            uint32_t c = n;
            for (int k = 0; k < 8; ++k)
                c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    crc = ~crc;
    for (qsizetype i = 0; i < size; ++i)
        crc = table[(crc ^ uchar(data[i])) & 0xff] ^ (crc >> 8);
    return ~crc;
}

void appendBigEndian(QByteArray &out, uint32_t v) {
    const char bytes[4] = {char(v >> 24), char(v >> 16), char(v >> 8), char(v)};
    out.append(bytes, 4);
}

void appendChunk(QByteArray &out, const char type[4], const char *data, qsizetype size) {
    appendBigEndian(out, uint32_t(size));
    const qsizetype start = out.size();
    out.append(type, 4).append(data, size);
    appendBigEndian(out, crc32(out.constData() + start, size + 4));
}

} // namespace

QByteArray encodeIndexedPng(const cv::Mat &index, const QVector<QRgb> &palette) {
    CV_Assert(index.type() == CV_8UC1 && !index.empty() && !palette.isEmpty() && palette.size() <= 256);
    QByteArray png("\x89PNG\r\n\x1a\n", 8);
    QByteArray header;
    appendBigEndian(header, uint32_t(index.cols));
    appendBigEndian(header, uint32_t(index.rows));
    header.append(char(8)).append(char(3));                 // 8 bits per pixel, palette
    header.append(char(0)).append(char(0)).append(char(0)); // deflate, adaptive filters, no interlace
    appendChunk(png, "IHDR", header.constData(), header.size());
    QByteArray colours;
    for (const QRgb c : palette)
        colours.append(char(qRed(c))).append(char(qGreen(c))).append(char(qBlue(c)));
    appendChunk(png, "PLTE", colours.constData(), colours.size());
    const QByteArray data = deflateRows(index);
    // IDAT chunks of at most 1 MiB: some readers handle huge chunks badly.
    constexpr qsizetype kChunk = 1 << 20;
    for (qsizetype at = 0; at < data.size(); at += kChunk)
        appendChunk(png, "IDAT", data.constData() + at, std::min(kChunk, data.size() - at));
    appendChunk(png, "IEND", nullptr, 0);
    return png;
}

bool writeIndexedPng(const QString &path, const cv::Mat &index, const QVector<QRgb> &palette) {
    const QByteArray png = encodeIndexedPng(index, palette);
    QSaveFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(png) == png.size() && file.commit();
}

} // namespace bt
