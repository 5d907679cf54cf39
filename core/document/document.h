#pragma once

#include "word.h"

#include <QHash>
#include <QMutex>
#include <QSizeF>
#include <QString>
#include <memory>
#include <opencv2/core/mat.hpp>

class QPdfDocument;
class QImage;
namespace Poppler {
class Document;
}

namespace bt {

enum class LoadError {
    None,
    NotFound,
    NotReadable,
    UnknownFormat,
    Corrupt,
    Truncated,
    PasswordRequired,
    WrongPassword,
    NoPages,
    PageTooLarge,
};

struct DocumentError {
    LoadError code = LoadError::None;
    QString message; // one line, names the file and the problem
    explicit operator bool() const { return code != LoadError::None; }
};

struct RenderOptions {
    double dpi = 220.0;
    qint64 maxPixels = 120'000'000; // per page; the DPI is lowered for pages that would exceed it
};

// Smallest DPI a page may be lowered to before it is refused as too large.
constexpr double kMinimumDpi = 50.0;

struct RenderedPage {
    cv::Mat grey; // CV_8UC1, ink dark on white paper
    double dpi = 0;
    double requestedDpi = 0;
    bool dpiLowered = false; // the pixel cap forced a lower DPI than requested
    QSizeF sizePt;           // page size in PDF points
    bool isNull() const { return grey.empty(); }
};

// DPI at which a page of the given size fits under the pixel cap (<= requested).
double cappedDpi(QSizeF sizePt, double requestedDpi, qint64 maxPixels);

// A drawing set: a multi-page PDF, or a single raster image treated as a one-sheet set.
// Rendering goes through QtPdf, whose PDFium calls are serialised by a process-wide lock,
// so calling render() from several threads is safe but not parallel.
class Document {
public:
    ~Document();
    Document(const Document &) = delete;
    Document &operator=(const Document &) = delete;

    // Opens and validates a set. On failure returns null and fills error with one line naming
    // the file and the problem. Every page must be renderable at kMinimumDpi under maxPixels.
    static std::unique_ptr<Document> open(const QString &path, const QString &password, DocumentError *error,
                                          qint64 maxPixels = RenderOptions().maxPixels);

    QString path() const { return m_path; }
    QString fileName() const;
    bool isImage() const { return m_pdf == nullptr; }
    int pageCount() const;
    QSizeF pageSizePt(int page) const; // 0-based page index
    QString pageLabel(int page) const;

    // Whole page, composited onto white, 8-bit grey.
    RenderedPage render(int page, const RenderOptions &options) const;
    // Part of a page (rect in points) at a DPI; used for title-block crops and thumbnails.
    cv::Mat renderRegion(int page, const QRectF &rectPt, double dpi) const;
    // Words from the PDF text layer; empty for images and for pages without one. Cached per
    // page; safe to call from several threads.
    Words textLayerWords(int page) const;

private:
    Document() = default;
    cv::Mat imageToGrey(const QImage &image) const;

    QString m_path;
    std::unique_ptr<QPdfDocument> m_pdf;
    std::unique_ptr<Poppler::Document> m_textLayer; // PDF inputs: words with boxes
    mutable QMutex m_textMutex;                     // poppler documents are not thread-safe
    mutable QHash<int, Words> m_wordCache;
    std::unique_ptr<QImage> m_image; // set for image inputs
    double m_imageDpi = 0;           // resolution the image declares (or 150 when it declares none)
};

} // namespace bt
