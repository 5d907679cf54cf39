#pragma once

#include <QImage>
#include <QSize>
#include <QString>

namespace bt::ui {

// A small colour image of an overlay PNG that fits maxPixels (device pixels), for the cards.
// Slow (a 42 MP overlay: ~0.5 s to decode, ~0.2 s to reduce): call it off the GUI thread.
// Null when the file cannot be read.
QImage overlayThumbnail(const QString &path, const QSize &maxPixels);

} // namespace bt::ui
