#pragma once

#include <QByteArray>
#include <QVector>

namespace bt::test {

// A PDF of ARCH D pages (36 x 24 in), page i stroking segmentsPerPage[i] random line segments,
// each its own path, Flate-compressed, with the drawing number … as Helvetica text in
// the title block (so sheets are identified from their text layer). PDFium's render time grows
// with the segments: 30 000 take tens of seconds at 220 DPI, 2 million (about 9.5 MB of stream)
// many minutes. The cancel and timeout tests' endless pages; 0 segments is a light page.
QByteArray denseLinesPdf(const QVector<int> &segmentsPerPage, unsigned seed = 1);

} // namespace bt::test
