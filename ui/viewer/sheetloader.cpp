#include "sheetloader.h"

#include "guiapplication.h"

#include "align/alignment.h"
#include "document/document.h"
#include "overlaypalette.h"

#include <QFileInfo>
#include <QImageReader>
#include <QMutexLocker>
#include <QPointer>
#include <QThreadPool>
#include <cmath>
#include <opencv2/imgproc.hpp>

namespace bt::ui {

std::shared_ptr<const Document> DocumentCache::find(const QString &path) const {
    const QMutexLocker lock(&m_mutex);
    return m_docs.value(path);
}

QStringList DocumentCache::paths() const {
    const QMutexLocker lock(&m_mutex);
    return m_docs.keys();
}

void DocumentCache::insert(const QString &path, std::shared_ptr<const Document> doc,
                           const QStringList &keep) {
    QList<std::shared_ptr<const Document>> dropped; // released after the lock, in this worker
    const QMutexLocker lock(&m_mutex);
    for (auto it = m_docs.begin(); it != m_docs.end();) {
        if (!keep.contains(it.key())) {
            dropped.append(it.value());
            it = m_docs.erase(it);
        } else {
            ++it;
        }
    }
    m_docs.insert(path, std::move(doc));
}

namespace {

double newDpiOf(const PageResult &page) {
    return page.dpi > 0 ? page.dpi : SheetLoader::kFallbackDpi;
}

double oldDpiOf(const PageResult &page) {
    return page.oldDpi > 0 ? page.oldDpi : newDpiOf(page);
}

// The cap is raised to what the page needs at that DPI: the render must have the pixels of the
// diff's render even if the job ran with a higher cap than the default.
RenderOptions exactRender(QSizeF sizePt, double dpi) {
    const double pixels = sizePt.width() / kPointsPerInch * dpi * sizePt.height() / kPointsPerInch * dpi;
    return RenderOptions{dpi, std::max(RenderOptions().maxPixels, qint64(pixels * 1.01) + 1)};
}

RenderLoad cancelledLoad() {
    RenderLoad load;
    load.cancelled = true;
    return load;
}

} // namespace

QSize SheetLoader::expectedFrameSize(const PageResult &page) {
    if (page.pageSizePt.isEmpty()) return QSize();
    // Document::render's rounding (down, with a little slack).
    const double dpi = page.newPage >= 0 ? newDpiOf(page) : oldDpiOf(page);
    return QSize(std::max(1, int(std::floor(page.pageSizePt.width() / kPointsPerInch * dpi + 1e-3))),
                 std::max(1, int(std::floor(page.pageSizePt.height() / kPointsPerInch * dpi + 1e-3))));
}

OverlayLoad SheetLoader::loadOverlay(const QString &path) {
    OverlayLoad out;
    // The viewer raises QImageReader's allocation limit for these (OverlayViewer's constructor).
    QImageReader reader(path);
    const QImage image = reader.read();
    if (image.isNull()) {
        out.error = tr("The overlay %1 could not be read (%2).")
                        .arg(QFileInfo(path).fileName(), reader.errorString());
        return out;
    }
    if (image.format() != QImage::Format_Indexed8) {
        out.error = tr("The overlay %1 is not a palette image written by BuildTrace.")
                        .arg(QFileInfo(path).fileName());
        return out;
    }
    out.overlay = SheetImage::fromOverlay(image);
    return out;
}

RenderLoad SheetLoader::render(const RenderRequest &request) {
    RenderLoad out;
    const PageResult &page = request.page;
    QStringList errors;
    auto cancelled = [&] { return request.cancel && request.cancel->load(); };
    auto document = [&](const QString &path) -> std::shared_ptr<const Document> {
        if (request.documents)
            if (auto doc = request.documents->find(path)) return doc;
        DocumentError error;
        std::shared_ptr<const Document> doc = Document::open(path, QString(), &error);
        if (!doc) {
            errors << error.message;
            return nullptr;
        }
        if (request.documents) request.documents->insert(path, doc, {request.oldPath, request.newPath});
        return doc;
    };
    // One side failing (a moved file) still leaves the other side to look at.
    auto renderPage = [&](const QString &path, int index, double dpi) -> cv::Mat {
        const auto doc = document(path);
        if (!doc) return cv::Mat();
        if (index >= doc->pageCount()) {
            errors << tr("%1 has no page %2.").arg(doc->fileName()).arg(index + 1);
            return cv::Mat();
        }
        // Moving on to another sheet stops this render in its helper at once.
        const RenderedPage rendered =
            doc->render(index, exactRender(doc->pageSizePt(index), dpi), request.cancel.get());
        if (rendered.isNull() && !cancelled())
            errors << tr("Page %1 of %2 could not be rendered (%3).")
                          .arg(index + 1)
                          .arg(doc->fileName(), rendered.error);
        return rendered.grey;
    };

    cv::Mat newGrey, oldGrey;
    if (page.newPage >= 0) newGrey = renderPage(request.newPath, page.newPage, newDpiOf(page));
    if (cancelled()) return cancelledLoad();
    if (page.oldPage >= 0) oldGrey = renderPage(request.oldPath, page.oldPage, oldDpiOf(page));
    if (cancelled()) return cancelledLoad();
    if (!oldGrey.empty() && !newGrey.empty()) {
        // Into NEW's frame, as the overlay: the alignment when the engine made one; a sheet it
        // did not diff is just stretched onto the frame.
        const cv::Size frame = newGrey.size();
        if (page.diffDone)
            oldGrey = warpOldOntoNew(oldGrey, page.alignment, frame);
        else if (oldGrey.size() != frame)
            cv::resize(oldGrey, oldGrey, frame, 0, 0, cv::INTER_AREA);
        if (request.composeOverlay)
            out.composedOverlay = SheetImage::fromOverlay(OverlayPalette::compose(oldGrey, newGrey),
                                                          OverlayPalette::standard());
    }
    if (cancelled()) return cancelledLoad();
    out.newImage = SheetImage::fromGrey(newGrey);
    out.oldImage = SheetImage::fromGrey(oldGrey);
    out.error = errors.join(QLatin1Char('\n'));
    return out;
}

QThreadPool *SheetLoader::threadPool() {
    return backgroundPool();
}

} // namespace bt::ui
