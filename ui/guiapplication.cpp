#include "guiapplication.h"

#include <QImageReader>

namespace bt::ui {

void setUpGuiApplication() {
    // QImageReader counts four bytes a pixel against its limit (128 MB by default) whatever the
    // format, so it refuses a 42 MP overlay that takes 42 MB as a palette image. The engine's
    // pixel cap (120 MP a page) needs 480 MB by that count.
    constexpr int kOverlayAllocationMb = 512;
    QImageReader::setAllocationLimit(kOverlayAllocationMb);
}

} // namespace bt::ui
