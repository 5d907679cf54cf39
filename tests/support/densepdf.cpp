#include "densepdf.h"

#include "drawinggenerator.h"

#include <random>

namespace bt::test {

QByteArray denseLinesPdf(const QVector<int> &segmentsPerPage, unsigned seed) {
    std::mt19937 random(seed);
    std::uniform_int_distribution<int> x(36, 2556), y(36, 1692);
    const int pages = int(segmentsPerPage.size());
    // Objects: 1 catalog, 2 page tree, 3 font, then per page its page object and content stream.
    QByteArray kids;
    for (int i = 0; i < pages; ++i)
        kids += QByteArray::number(4 + 2 * i) + " 0 R ";
    QList<QByteArray> objects = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [" + kids + "] /Count " + QByteArray::number(pages) + " >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"};
    for (int i = 0; i < pages; ++i) {
        QByteArray content = "0.2 w\n";
        content.reserve(segmentsPerPage[i] * 24 + 64);
        for (int s = 0; s < segmentsPerPage[i]; ++s)
            content += QByteArray::number(x(random)) + ' ' + QByteArray::number(y(random)) + " m " +
                       QByteArray::number(x(random)) + ' ' + QByteArray::number(y(random)) + " l S\n";
        content += "BT /F1 28 Tf 2300 60 Td (A-" + QByteArray::number(101 + i) + ") Tj ET\n";
        // qCompress is a zlib stream behind a 4-byte length: what /FlateDecode reads, less the length.
        const QByteArray flate = qCompress(content, 6).mid(4);
        objects
            << "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 2592 1728] /Resources << /Font << /F1 3 0 R >> "
               ">> /Contents " +
                   QByteArray::number(5 + 2 * i) + " 0 R >>"
            << "<< /Length " + QByteArray::number(flate.size()) + " /Filter /FlateDecode >>\nstream\n" +
                   flate + "\nendstream";
    }
    return handwrittenPdf(objects);
}

} // namespace bt::test
