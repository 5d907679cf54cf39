#pragma once

#include <QByteArray>
#include <QRectF>
#include <QString>
#include <QVector>

namespace bt {

// A clickable area that jumps to another page of the same PDF. Pages are 1-based; the rectangle
// is in points with the origin at the page's top left (as the report's painter draws).
struct PdfLink {
    int page = 0;
    QRectF rectPt;
    int targetPage = 0;
};

// One entry of the PDF outline (the viewer's bookmarks panel).
struct PdfBookmark {
    QString title;
    int page = 0;
};

// Adds GoTo links and an outline to a PDF written by QPdfWriter, with libqpdf. Qt 6.4's PDF
// engine writes neither: it has no outline API, and a text anchor (QTextCharFormat::anchorHref,
// even "#name") becomes a /URI action, never a destination in the file. Returns the new PDF
// bytes; empty and *error when the PDF cannot be read or written.
QByteArray addPdfNavigation(const QByteArray &pdf, const QVector<PdfLink> &links,
                            const QVector<PdfBookmark> &outline, QString *error);

} // namespace bt
