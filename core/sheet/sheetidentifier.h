#pragma once

#include "document/word.h"
#include "render/cancelflag.h"
#include "sheetidentity.h"

#include <QSizeF>

namespace bt {

class Document;

// Title-block area of a page where drawing numbers are looked for first (bottom/right).
QRectF titleBlockAreaPt(QSizeF pageSizePt);

// Picks the drawing number and title from a page's words: among drawing-number candidates the
// one in the title-block area with the largest text wins; the title is the most prominent
// descriptive line near it. Pure function, no I/O.
SheetIdentity identifySheet(const Words &words, QSizeF pageSizePt);

// Identifies a page of a document: text layer first; when that gives no number, OCR of the
// title-block area rendered at a modest DPI (never the whole sheet at full DPI).
SheetIdentity identifyPage(const Document &document, int page, const CancelFlag *cancel = nullptr);

} // namespace bt
