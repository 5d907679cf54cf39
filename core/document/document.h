#pragma once

#include "render/cancelflag.h"
#include "word.h"

#include <QHash>
#include <QMutex>
#include <QSizeF>
#include <QString>
#include <memory>
#include <opencv2/core/mat.hpp>

class QImage;

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
    PageTooSmall, // smaller than a drawing sheet can be, or a strip no drawing is
    Cancelled,
};

struct DocumentError {
    LoadError code = LoadError::None;
    QString message; // one line, names the file and the problem
    QString problem; // the problem alone (for a reader who must not see the path: the job server)
    explicit operator bool() const { return code != LoadError::None; }
};

// Whether a file's first 1024 bytes say it is a PDF (else Document::open reads it as an image).
bool hasPdfHeader(const QByteArray &head);

struct RenderOptions {
    double dpi = 220.0;
    qint64 maxPixels = 120'000'000; // per page; the DPI is lowered for pages that would exceed it
};

// Smallest DPI a page may be lowered to before it is refused as too large.
constexpr double kMinimumDpi = 50.0;
// Smallest side and most elongated shape a sheet may have: a 1 x 2592 pt page is no drawing, and
// every size that follows from it (crops scaled to a fixed pixel count) would be absurd.
constexpr double kMinimumSidePt = 72.0;
constexpr double kMaximumAspect = 20.0;

struct RenderedPage {
    cv::Mat grey; // CV_8UC1, ink dark on white paper
    double dpi = 0;
    double requestedDpi = 0;
    bool dpiLowered = false; // the pixel cap forced a lower DPI than requested
    QSizeF sizePt;           // page size in PDF points
    QString error;           // why the render failed (null page): one line, no file name
    bool isNull() const { return grey.empty(); }
};

// DPI at which a page of the given size fits under the pixel cap (<= requested).
double cappedDpi(QSizeF sizePt, double requestedDpi, qint64 maxPixels);

// How a colour becomes grey. A vector drawing's ink is whatever is not paper: its darkest channel
// is its grey, so light-coloured ink (orange or yellow notes) is ink, and a colour theme's change
// is no change of ink. A raster image (a scan, a photo) keeps luminance, as the eye sees its paper.
enum class GreyFrom { Luminance, DarkestChannel };

// ARGB32 with transparent paper (a QtPdf render) -> 8-bit grey on white. The second form writes
// into out (kept when it has the image's size and type: shared memory, for the render helpers).
cv::Mat argbToGreyOnWhite(const QImage &image, GreyFrom from = GreyFrom::Luminance);
void argbToGreyOnWhite(const QImage &image, cv::Mat &out, GreyFrom from = GreyFrom::Luminance);

// A drawing set: a multi-page PDF, or a single raster image treated as a one-sheet set.
// A PDF is opened, rendered and read in the render helpers (RenderPool): every function may be
// called from several threads, renders run in parallel up to the number of helpers, and a render
// that hangs, crashes or is cancelled costs only its helper.
class Document {
public:
    ~Document();
    Document(const Document &) = delete;
    Document &operator=(const Document &) = delete;

    // Opens and validates a set. On failure returns null and fills error with one line naming
    // the file and the problem. Every page must be renderable at kMinimumDpi under maxPixels.
    // cancel stops an open that is still reading the file (error code Cancelled).
    static std::unique_ptr<Document> open(const QString &path, const QString &password, DocumentError *error,
                                          qint64 maxPixels = RenderOptions().maxPixels,
                                          const CancelFlag *cancel = nullptr);

    QString path() const { return m_path; }
    // The name messages give the set: the file's name, or the one set here (the job server's
    // workers open uploads stored by id, and name them as the client did).
    QString fileName() const;
    void setDisplayName(const QString &name) { m_displayName = name; }
    bool isImage() const { return m_pdf == 0; }
    int pageCount() const;
    QSizeF pageSizePt(int page) const; // 0-based page index
    QString pageLabel(int page) const;

    // Whole page, composited onto white, 8-bit grey. Null (with error set) when the render
    // failed, took too long or was cancelled (cancel set: the helper is stopped at once).
    RenderedPage render(int page, const RenderOptions &options, const CancelFlag *cancel = nullptr) const;
    // Part of a page (rect in points) at a DPI; used for title-block crops and thumbnails. Empty
    // when it failed, or when the whole page at that DPI would exceed the set's pixel cap.
    cv::Mat renderRegion(int page, const QRectF &rectPt, double dpi,
                         const CancelFlag *cancel = nullptr) const;
    // Words from the PDF text layer; empty for images and for pages without one. Cached per
    // page; safe to call from several threads.
    Words textLayerWords(int page, const CancelFlag *cancel = nullptr) const;

private:
    Document() = default;
    cv::Mat imageToGrey(const QImage &image) const;
    bool openPdf(const QString &password, DocumentError *error, const CancelFlag *cancel);

    QString m_path;
    QString m_displayName;
    qint64 m_maxPixels = 0;
    int m_pdf = 0; // the set's id in RenderPool; 0 for images
    QVector<QSizeF> m_pageSizes;
    QStringList m_pageLabels;
    mutable QMutex m_textMutex;
    mutable QHash<int, Words> m_wordCache;
    std::unique_ptr<QImage> m_image; // set for image inputs
    double m_imageDpi = 0;           // resolution the image declares (or 150 when it declares none)
};

} // namespace bt
