#include "guiapplication.h"

#include <QCoreApplication>
#include <QImageReader>
#include <QPointer>
#include <QThreadPool>

namespace bt::ui {

void setUpGuiApplication() {
    // QImageReader counts four bytes a pixel against its limit (128 MB by default) whatever the
    // format, so it refuses a 42 MP overlay that takes 42 MB as a palette image. The engine's
    // pixel cap (120 MP a page) needs 480 MB by that count.
    constexpr int kOverlayAllocationMb = 512;
    QImageReader::setAllocationLimit(kOverlayAllocationMb);
}

QThreadPool *backgroundPool() {
    // Again if the application was replaced (tests).
    static QPointer<QThreadPool> pool;
    if (!pool) {
        pool = new QThreadPool(QCoreApplication::instance());
        // One for a sheet's overlay, one for its renders (which PDFium runs one at a time anyway).
        pool->setMaxThreadCount(2);
    }
    return pool;
}

} // namespace bt::ui
