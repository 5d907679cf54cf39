#pragma once

// Readers for the exported files, the way a user's tools see them: the qpdf tool's JSON, the page
// content streams as stored (libqpdf), a page as pdftoppm draws it, the cells of an XLSX sheet
// (unzip). For tst_markups and whatever else checks exports.

#include <QByteArray>
#include <QImage>
#include <QJsonObject>
#include <QJsonValue>
#include <QMap>
#include <QRectF>
#include <QString>
#include <QStringList>
#include <QVector>

namespace bt::test {

struct ToolRun {
    int code = -1; // -1: crashed or did not finish within 2 minutes
    QByteArray out;
    QByteArray err;
};
ToolRun runTool(const QString &program, const QStringList &args);

// The objects of `qpdf --json` (version 2) of a PDF: "obj:N 0 R" -> {"value": ...} or {"stream": ...}.
// Empty when qpdf fails.
QJsonObject qpdfObjects(const QString &pdf);
// An object's value: a reference ("N 0 R") resolved through `objects`, anything else as it is.
QJsonValue qpdfValue(const QJsonObject &objects, const QJsonValue &refOrValue);
// A string of qpdf's JSON ("u:text") as text.
QString qpdfText(const QJsonValue &v);

// Each page's content streams as stored in the file (decrypted, not decoded), one entry per page:
// what "the pages are untouched" compares. Empty when the file cannot be read.
QVector<QByteArray> rawContentStreams(const QString &pdf, const char *password = nullptr);

// Writes `out`: `in` with every page turned by /Rotate `rotate` and cropped to /CropBox `crop`
// (user space), contents untouched.
bool turnAndCrop(const QString &in, const QString &out, int rotate, const QRectF &crop);

// Page `page` (1-based) as pdftoppm draws it at `dpi`, annotations included, showing the CropBox
// as viewers do; the PNG goes to prefix.png. Null on failure.
QImage renderPage(const QString &pdf, int page, double dpi, const QString &prefix);

// The cells of worksheet `sheet` (1-based) of an XLSX file, "B3" -> text, shared and inline
// strings resolved, numbers as written.
QMap<QString, QString> xlsxCells(const QString &file, int sheet);
QString xlsxCellRef(int column, int row); // 0-based column (A-Z), 1-based row: "B3"

} // namespace bt::test
