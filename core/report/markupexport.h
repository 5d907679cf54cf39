#pragma once

#include "reportinput.h"

#include <QList>
#include <QString>

namespace bt {

// What the markup export writes: which sheets, and how to open NEW.
struct MarkupOptions {
    QList<int> pages;    // result page numbers (PageResult::pageNumber); empty: every sheet
    QString newPassword; // of an encrypted NEW set; the history never keeps one
};

// The NEW set as the architect issued it, with each change of the job as a PDF annotation that
// markup tools list (Bluebeam's Markups list, Acrobat's and Okular's comments): on the NEW page
// of its sheet, a /Polygon with a cloudy border (/BE /S /C, intent /PolygonCloud) around the
// change's cloud box, coloured by kind as the overlay is, subject "Change N", contents = kind,
// texts old → new, review status and comment, author = reviewer (else "BuildTrace"), dates, a
// unique /NM, and an appearance stream (the cloud and its number), so every viewer draws it.
// Page contents, resources and every other object are copied as they are (qpdf, streams neither
// decoded nor recompressed): the set stays the architect's set. An encrypted NEW stays
// encrypted with its own password.
//
// Refused with a one-line *error naming the file: NEW missing, not a PDF (an image set), changed
// since the comparison (its SHA-256 differs from the history's: the clouds would land on other
// drawings), damaged, password-protected without the right password, fewer pages than compared;
// the output cannot be written (replaced whole or not at all). *count: annotations written.
bool writeMarkups(const ReportInput &input, const QString &path, QString *error,
                  const MarkupOptions &options = {}, int *count = nullptr);

// Whether the PDF at path is encrypted and `password` does not open it (the window asks for one
// then). False for an unencrypted file and for one that is no PDF at all: writeMarkups says why.
bool markupsNeedPassword(const QString &pdfPath, const QString &password);

// The annotation's text (its /Contents): "modified: "REV 1" → "REV 2"", then "Review: accepted",
// then "Comment: …" when there is one. English, as the change lists.
QString markupContents(const ChangeRegion &region, const ChangeReview &review);

} // namespace bt
