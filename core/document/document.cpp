#include "document.h"

#include "i18n/enginetext.h"
#include "render/renderpool.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QImageReader>
#include <QJsonArray>
#include <cmath>
#include <opencv2/imgproc.hpp>

namespace bt {

namespace {

DocumentError makeError(LoadError code, const QString &path, const QString &problem) {
    return DocumentError{code, QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(path), problem),
                         problem};
}

// A PDF ends with %%EOF (possibly followed by a little whitespace or junk); a file cut short
// in transfer loses it. PDFium would otherwise "repair" such files into blank or partial pages.
bool hasPdfTrailer(QFile &file) {
    const qint64 tail = std::min<qint64>(file.size(), 4096);
    file.seek(file.size() - tail);
    return file.read(tail).contains("%%EOF");
}

// Rounded down (with a little slack for 7919.9999): a capped page must stay under the cap.
QSize pixelSize(QSizeF sizePt, double dpi) {
    return QSize(std::max(1, int(std::floor(sizePt.width() / kPointsPerInch * dpi + 1e-3))),
                 std::max(1, int(std::floor(sizePt.height() / kPointsPerInch * dpi + 1e-3))));
}

} // namespace

// Composite, then luminance, a band of rows at a time: the temporaries stay a few MB whatever the
// page's size.
void argbToGreyOnWhite(const QImage &image, cv::Mat &out, GreyFrom from) {
    const QImage argb =
        image.format() == QImage::Format_ARGB32 ? image : image.convertToFormat(QImage::Format_ARGB32);
    const cv::Mat bgra(argb.height(), argb.width(), CV_8UC4, const_cast<uchar *>(argb.constBits()),
                       size_t(argb.bytesPerLine()));
    out.create(bgra.rows, bgra.cols, CV_8UC1);
    constexpr int kBandRows = 256;
    cv::Mat grey, alpha;
    for (int y = 0; y < bgra.rows; y += kBandRows) {
        const cv::Range rows(y, std::min(bgra.rows, y + kBandRows));
        cv::Mat band = out.rowRange(rows);
        if (from == GreyFrom::Luminance) {
            cv::cvtColor(bgra.rowRange(rows), grey, cv::COLOR_BGRA2GRAY);
        } else {
            cv::extractChannel(bgra.rowRange(rows), grey, 0);
            for (int channel : {1, 2}) {
                cv::extractChannel(bgra.rowRange(rows), alpha, channel);
                cv::min(grey, alpha, grey);
            }
        }
        cv::extractChannel(bgra.rowRange(rows), alpha, 3);
        // grey * a + 255 * (1 - a)
        cv::multiply(grey, alpha, band, 1.0 / 255.0);
        cv::subtract(cv::Scalar(255), alpha, alpha);
        cv::add(band, alpha, band);
    }
}

cv::Mat argbToGreyOnWhite(const QImage &image, GreyFrom from) {
    cv::Mat out;
    argbToGreyOnWhite(image, out, from);
    return out;
}

bool hasPdfHeader(const QByteArray &head) {
    return head.left(1024).contains("%PDF-");
}

double cappedDpi(QSizeF sizePt, double requestedDpi, qint64 maxPixels) {
    const double areaIn2 = (sizePt.width() / kPointsPerInch) * (sizePt.height() / kPointsPerInch);
    if (areaIn2 <= 0) return requestedDpi;
    const double maxDpi = std::sqrt(double(maxPixels) / areaIn2);
    return std::min(requestedDpi, std::floor(maxDpi * 100.0) / 100.0);
}

QString Document::fileName() const {
    return m_displayName.isEmpty() ? QFileInfo(m_path).fileName() : m_displayName;
}

std::unique_ptr<Document> Document::open(const QString &path, const QString &password, DocumentError *error,
                                         qint64 maxPixels, const CancelFlag *cancel) {
    DocumentError dummy;
    DocumentError &err = error ? *error : dummy;
    err = {};
    const QFileInfo info(path);
    if (!info.exists()) {
        err = makeError(LoadError::NotFound, path, EngineText::translate("bt::Document", "file not found"));
        return nullptr;
    }
    if (info.isDir()) {
        err = makeError(LoadError::NotReadable, path,
                        EngineText::translate("bt::Document", "is a folder, not a PDF or image file"));
        return nullptr;
    }
    // A FIFO, a device or a socket is refused before anything opens it: opening a FIFO to read
    // waits for a writer for ever, /dev/zero never ends. isFile() follows symlinks.
    if (!info.isFile()) {
        err = makeError(LoadError::NotReadable, path,
                        EngineText::translate("bt::Document", "not a regular file"));
        return nullptr;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        err = makeError(LoadError::NotReadable, path,
                        EngineText::translate("bt::Document", "cannot be read (%1)").arg(file.errorString()));
        return nullptr;
    }
    if (file.size() == 0) {
        err =
            makeError(LoadError::UnknownFormat, path, EngineText::translate("bt::Document", "file is empty"));
        return nullptr;
    }

    std::unique_ptr<Document> doc(new Document);
    doc->m_path = path;
    doc->m_maxPixels = maxPixels;
    const QByteArray head = file.peek(1024);

    if (hasPdfHeader(head)) {
        if (!hasPdfTrailer(file)) {
            err =
                makeError(LoadError::Truncated, path,
                          EngineText::translate("bt::Document", "PDF is truncated (no end-of-file marker)"));
            return nullptr;
        }
        file.close();
        if (!doc->openPdf(password, &err, cancel)) return nullptr;
    } else {
        file.close();
        QImageReader reader(path);
        reader.setAutoTransform(true);
        if (!reader.canRead()) {
            err = makeError(LoadError::UnknownFormat, path,
                            EngineText::translate("bt::Document", "not a PDF or an image (PNG, JPEG, TIFF)"));
            return nullptr;
        }
        // Scans of large sheets exceed Qt's default 128 MiB decode limit; the pixel cap below
        // is the real guard.
        QImageReader::setAllocationLimit(0);
        const QSize declared = reader.size();
        if (declared.isValid() && qint64(declared.width()) * declared.height() > maxPixels) {
            err = makeError(
                LoadError::PageTooLarge, path,
                EngineText::translate("bt::Document", "image is %1 x %2 pixels, more than the %3 MP limit")
                    .arg(declared.width())
                    .arg(declared.height())
                    .arg(maxPixels / 1000000));
            return nullptr;
        }
        auto image = std::make_unique<QImage>(reader.read());
        if (image->isNull()) {
            err = makeError(LoadError::Corrupt, path,
                            EngineText::translate("bt::Document", "image is damaged and cannot be read (%1)")
                                .arg(reader.errorString()));
            return nullptr;
        }
        const double declaredDpi = image->dotsPerMeterX() * 0.0254;
        // Dots per metre are whole numbers: 150 dpi is stored as 5906 dpm (150.01 dpi).
        doc->m_imageDpi = declaredDpi >= 50 && declaredDpi <= 2400 ? std::round(declaredDpi) : 150.0;
        doc->m_image = std::move(image);
    }

    for (int i = 0; i < doc->pageCount(); ++i) {
        const QSizeF size = doc->pageSizePt(i);
        if (!(size.width() > 0 && size.height() > 0)) {
            err = makeError(LoadError::Corrupt, path,
                            EngineText::translate("bt::Document", "page %1 has no size").arg(i + 1));
            return nullptr;
        }
        const double shortSide = std::min(size.width(), size.height());
        const double longSide = std::max(size.width(), size.height());
        if (shortSide < kMinimumSidePt || longSide / shortSide > kMaximumAspect) {
            err = makeError(
                LoadError::PageTooSmall, path,
                EngineText::translate("bt::Document",
                                      "page %1 is %2 x %3 pt, not the size or shape of a drawing sheet")
                    .arg(i + 1)
                    .arg(size.width(), 0, 'g', 4)
                    .arg(size.height(), 0, 'g', 4));
            return nullptr;
        }
        if (doc->m_pdf && cappedDpi(size, kMinimumDpi, maxPixels) < kMinimumDpi) {
            err = makeError(
                LoadError::PageTooLarge, path,
                EngineText::translate(
                    "bt::Document", "page %1 is %2 x %3 in, too large to render even at %4 DPI within %5 MP")
                    .arg(i + 1)
                    .arg(size.width() / kPointsPerInch, 0, 'f', 0)
                    .arg(size.height() / kPointsPerInch, 0, 'f', 0)
                    .arg(kMinimumDpi)
                    .arg(maxPixels / 1000000));
            return nullptr;
        }
    }
    return doc;
}

Document::~Document() {
    if (m_pdf) RenderPool::instance().removeDocument(m_pdf);
}

bool Document::openPdf(const QString &password, DocumentError *error, const CancelFlag *cancel) {
    RenderPool &pool = RenderPool::instance();
    m_pdf = pool.addDocument(m_path, password);
    const RenderReply reply = pool.open(m_pdf, cancel);
    auto fail = [&](LoadError code, const QString &problem) {
        *error = makeError(code, m_path, problem);
        return false;
    };
    if (reply.error == QLatin1String("password"))
        return password.isEmpty()
                   ? fail(LoadError::PasswordRequired,
                          EngineText::translate("bt::Document",
                                                "PDF is password-protected; give its password"))
                   : fail(LoadError::WrongPassword,
                          EngineText::translate("bt::Document", "wrong password for this PDF"));
    if (reply.error == QLatin1String("unsupported-encryption"))
        return fail(LoadError::Corrupt,
                    EngineText::translate("bt::Document", "PDF uses an unsupported encryption scheme"));
    if (reply.error == QLatin1String("no-pages"))
        return fail(LoadError::NoPages, EngineText::translate("bt::Document", "PDF has no pages"));
    if (reply.failure == RenderFailure::Unavailable) return fail(LoadError::NotReadable, reply.message);
    if (reply.failure == RenderFailure::Cancelled)
        return fail(LoadError::Cancelled, EngineText::translate("bt::Document", "opening was cancelled"));
    if (reply.failure == RenderFailure::TimedOut || reply.failure == RenderFailure::Crashed)
        return fail(LoadError::Corrupt,
                    EngineText::translate("bt::Document", "PDF is damaged and cannot be opened (%1)")
                        .arg(reply.message));
    const QJsonArray pages = reply.json.value(QStringLiteral("pages")).toArray();
    if (!reply.ok() || pages.isEmpty())
        return fail(LoadError::Corrupt,
                    EngineText::translate("bt::Document", "PDF is damaged and cannot be opened"));
    for (const QJsonValue &page : pages) {
        const QJsonArray p = page.toArray();
        m_pageSizes.append(QSizeF(p.at(0).toDouble(), p.at(1).toDouble()));
        m_pageLabels.append(p.at(2).toString());
    }
    return true;
}

int Document::pageCount() const {
    return m_pdf ? int(m_pageSizes.size()) : 1;
}

QSizeF Document::pageSizePt(int page) const {
    if (m_pdf) return m_pageSizes.value(page);
    return QSizeF(m_image->width() / m_imageDpi * kPointsPerInch,
                  m_image->height() / m_imageDpi * kPointsPerInch);
}

QString Document::pageLabel(int page) const {
    return m_pdf ? m_pageLabels.value(page) : QString::number(page + 1);
}

cv::Mat Document::imageToGrey(const QImage &image) const {
    if (image.format() == QImage::Format_Grayscale8)
        return cv::Mat(image.height(), image.width(), CV_8UC1, const_cast<uchar *>(image.constBits()),
                       size_t(image.bytesPerLine()))
            .clone();
    return argbToGreyOnWhite(image);
}

RenderedPage Document::render(int page, const RenderOptions &options, const CancelFlag *cancel) const {
    RenderedPage out;
    out.sizePt = pageSizePt(page);
    out.requestedDpi = options.dpi;
    out.dpi = cappedDpi(out.sizePt, options.dpi, options.maxPixels);
    out.dpiLowered = out.dpi < options.dpi;
    const QSize size = pixelSize(out.sizePt, out.dpi);
    if (m_pdf) {
        const RenderReply reply =
            RenderPool::instance().render(m_pdf, page, size, QRect(), cancel, &out.grey);
        if (!reply.ok()) {
            out.grey.release();
            out.error = reply.message.isEmpty() ? reply.error : reply.message;
        }
    } else {
        cv::Mat grey = imageToGrey(*m_image);
        if (grey.size() != cv::Size(size.width(), size.height()))
            cv::resize(grey, grey, cv::Size(size.width(), size.height()), 0, 0,
                       size.width() < grey.cols ? cv::INTER_AREA : cv::INTER_LINEAR);
        out.grey = grey;
    }
    return out;
}

cv::Mat Document::renderRegion(int page, const QRectF &rectPt, double dpi, const CancelFlag *cancel) const {
    const QSizeF sizePt = pageSizePt(page);
    const QRectF clipped = rectPt.intersected(QRectF(QPointF(0, 0), sizePt));
    if (clipped.isEmpty()) return {};
    const double s = dpi / kPointsPerInch;
    const QRect clipPx = QRectF(clipped.topLeft() * s, clipped.size() * s).toAlignedRect();
    if (m_pdf) {
        // Whole page, then crop: Qt 6.4's clipped render (scaledClipRect) scales by (W-1)/W and
        // shifts small crops by tens of pixels; the page is parsed once either way.
        const QSize pagePx = pixelSize(sizePt, dpi);
        if (qint64(pagePx.width()) * pagePx.height() > m_maxPixels) return {};
        const QRect inside = clipPx.intersected(QRect(QPoint(0, 0), pagePx));
        if (inside.isEmpty()) return {};
        cv::Mat grey;
        if (!RenderPool::instance().render(m_pdf, page, pagePx, inside, cancel, &grey).ok()) return {};
        return grey;
    }
    const double imageScale = m_imageDpi / kPointsPerInch;
    const QRect srcPx = QRectF(clipped.topLeft() * imageScale, clipped.size() * imageScale)
                            .toAlignedRect()
                            .intersected(m_image->rect());
    cv::Mat grey = imageToGrey(m_image->copy(srcPx));
    cv::resize(grey, grey, cv::Size(clipPx.width(), clipPx.height()), 0, 0, cv::INTER_AREA);
    return grey;
}

Words Document::textLayerWords(int page, const CancelFlag *cancel) const {
    if (!m_pdf) return {};
    {
        const QMutexLocker lock(&m_textMutex);
        const auto cached = m_wordCache.constFind(page);
        if (cached != m_wordCache.constEnd()) return *cached;
    }
    const RenderReply reply = RenderPool::instance().words(m_pdf, page, cancel);
    Words words;
    for (const QJsonValue &value : reply.json.value(QStringLiteral("words")).toArray()) {
        const QJsonArray w = value.toArray();
        words.append(Word{
            w.at(0).toString(),
            QRectF(w.at(1).toDouble(), w.at(2).toDouble(), w.at(3).toDouble(), w.at(4).toDouble()), 100.0});
    }
    // A failed read (a timeout, a crash) is not cached: the next caller may try again.
    if (reply.ok()) {
        const QMutexLocker lock(&m_textMutex);
        m_wordCache.insert(page, words);
    }
    return words;
}

} // namespace bt
