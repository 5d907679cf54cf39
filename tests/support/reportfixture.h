#pragma once

// What the report's tests share (tst_report: reports and change lists of the public corpus, the
// CLI, printing; tst_reportlayout: the layout on jobs made up in memory, CSV quoting, the export
// dialog): PDF text read back, an RFC 4180 reader and a synthetic job.

#include "report/reportinput.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QVector>

class QPdfDocument;

namespace bt::test {

// Whitespace collapsed: wrapped table cells break phrases over lines.
QString flat(const QString &text);
// A page's text from QtPdf, flattened.
QString pageText(QPdfDocument &doc, int page);
// RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks.
QVector<QStringList> parseCsv(const QByteArray &bytes);
// A job made up in memory: `sheets` ARCH D sheets without overlays, `regions` changes on the first.
ReportInput syntheticInput(int sheets, int regions);
// stdout of a poppler-utils tool (pdftotext, pdfinfo); empty when it fails.
QString tool(const QString &program, const QStringList &args);
// pdftotext of pages [first, last] (1-based), layout kept out.
QString pdfText(const QString &pdf, int first, int last);

} // namespace bt::test
