#pragma once

#include <QImage>
#include <QSize>
#include <QString>

namespace bt::ui {

// A small colour image of an overlay PNG that fits maxPixels (device pixels), for the cards.
// Slow (a 42 MP overlay: ~0.5 s to decode, ~0.2 s to reduce): call it off the GUI thread.
// Null when the file cannot be read.
QImage overlayThumbnail(const QString &path, const QSize &maxPixels);

class DocumentCache;
// The same of one page of a set, for a sheet in one set only (added or removed: no overlay). The
// set is opened once per cache (a 200-sheet set validates every page when opened). Call it off
// the GUI thread. Null when the set or the page cannot be read.
QImage sheetThumbnail(DocumentCache *documents, const QString &setPath, int pageIndex,
                      const QSize &maxPixels);

} // namespace bt::ui
