#include "document.h"

#include "i18n/enginetext.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QImageReader>
#include <QPdfDocument>
#include <cmath>
#include <opencv2/imgproc.hpp>
#include <poppler/qt6/poppler-qt6.h>

namespace bt {

namespace {

DocumentError makeError(LoadError code, const QString &path, const QString &problem) {
    return DocumentError{code, QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(path), problem)};
}

bool hasPdfHeader(const QByteArray &head) {
    return head.contains("%PDF-");
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

// ARGB32 with transparent paper -> 8-bit grey on white (composite, then luminance).
cv::Mat argbToGreyOnWhite(const QImage &image) {
    const QImage argb =
        image.format() == QImage::Format_ARGB32 ? image : image.convertToFormat(QImage::Format_ARGB32);
    const cv::Mat bgra(argb.height(), argb.width(), CV_8UC4, const_cast<uchar *>(argb.constBits()),
                       size_t(argb.bytesPerLine()));
    cv::Mat grey, alpha;
    cv::cvtColor(bgra, grey, cv::COLOR_BGRA2GRAY);
    cv::extractChannel(bgra, alpha, 3);
    // grey * a + 255 * (1 - a)
    cv::Mat out;
    cv::multiply(grey, alpha, out, 1.0 / 255.0);
    cv::Mat paper;
    cv::subtract(cv::Scalar(255), alpha, paper);
    cv::add(out, paper, out);
    return out;
}

} // namespace

double cappedDpi(QSizeF sizePt, double requestedDpi, qint64 maxPixels) {
    const double areaIn2 = (sizePt.width() / kPointsPerInch) * (sizePt.height() / kPointsPerInch);
    if (areaIn2 <= 0) return requestedDpi;
    const double maxDpi = std::sqrt(double(maxPixels) / areaIn2);
    return std::min(requestedDpi, std::floor(maxDpi * 100.0) / 100.0);
}

Document::~Document() = default;

QString Document::fileName() const {
    return QFileInfo(m_path).fileName();
}

std::unique_ptr<Document> Document::open(const QString &path, const QString &password, DocumentError *error,
                                         qint64 maxPixels) {
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
    const QByteArray head = file.peek(1024);

    if (hasPdfHeader(head)) {
        if (!hasPdfTrailer(file)) {
            err =
                makeError(LoadError::Truncated, path,
                          EngineText::translate("bt::Document", "PDF is truncated (no end-of-file marker)"));
            return nullptr;
        }
        file.close();
        doc->m_pdf = std::make_unique<QPdfDocument>();
        if (!password.isEmpty()) doc->m_pdf->setPassword(password);
        const QPdfDocument::Error loadError = doc->m_pdf->load(path);
        if (loadError == QPdfDocument::Error::IncorrectPassword) {
            err = password.isEmpty()
                      ? makeError(LoadError::PasswordRequired, path,
                                  EngineText::translate("bt::Document",
                                                        "PDF is password-protected; give its password"))
                      : makeError(LoadError::WrongPassword, path,
                                  EngineText::translate("bt::Document", "wrong password for this PDF"));
            return nullptr;
        }
        if (loadError == QPdfDocument::Error::UnsupportedSecurityScheme) {
            err =
                makeError(LoadError::Corrupt, path,
                          EngineText::translate("bt::Document", "PDF uses an unsupported encryption scheme"));
            return nullptr;
        }
        // An empty page tree loads "without error" but with status Error; a broken file may
        // also report status Error with error() None (NOTES.md): tell the two apart by pages.
        if (loadError == QPdfDocument::Error::None && doc->m_pdf->pageCount() <= 0) {
            err = makeError(LoadError::NoPages, path,
                            EngineText::translate("bt::Document", "PDF has no pages"));
            return nullptr;
        }
        if (loadError != QPdfDocument::Error::None || doc->m_pdf->status() != QPdfDocument::Status::Ready) {
            err = makeError(LoadError::Corrupt, path,
                            EngineText::translate("bt::Document", "PDF is damaged and cannot be opened"));
            return nullptr;
        }
        if (doc->m_pdf->pageCount() <= 0) {
            err = makeError(LoadError::NoPages, path,
                            EngineText::translate("bt::Document", "PDF has no pages"));
            return nullptr;
        }
        const QByteArray pw = password.toUtf8();
        doc->m_textLayer = Poppler::Document::load(path, pw, pw);
        if (doc->m_textLayer &&
            (doc->m_textLayer->isLocked() || doc->m_textLayer->numPages() != doc->pageCount()))
            doc->m_textLayer.reset(); // words are then read by OCR only
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
        if (size.width() <= 0 || size.height() <= 0) {
            err = makeError(LoadError::Corrupt, path,
                            EngineText::translate("bt::Document", "page %1 has no size").arg(i + 1));
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

int Document::pageCount() const {
    return m_pdf ? m_pdf->pageCount() : 1;
}

QSizeF Document::pageSizePt(int page) const {
    if (m_pdf) return m_pdf->pagePointSize(page);
    return QSizeF(m_image->width() / m_imageDpi * kPointsPerInch,
                  m_image->height() / m_imageDpi * kPointsPerInch);
}

QString Document::pageLabel(int page) const {
    return m_pdf ? m_pdf->pageLabel(page) : QString::number(page + 1);
}

cv::Mat Document::imageToGrey(const QImage &image) const {
    if (image.format() == QImage::Format_Grayscale8)
        return cv::Mat(image.height(), image.width(), CV_8UC1, const_cast<uchar *>(image.constBits()),
                       size_t(image.bytesPerLine()))
            .clone();
    return argbToGreyOnWhite(image);
}

RenderedPage Document::render(int page, const RenderOptions &options) const {
    RenderedPage out;
    out.sizePt = pageSizePt(page);
    out.requestedDpi = options.dpi;
    out.dpi = cappedDpi(out.sizePt, options.dpi, options.maxPixels);
    out.dpiLowered = out.dpi < options.dpi;
    const QSize size = pixelSize(out.sizePt, out.dpi);
    if (m_pdf) {
        const QImage image = m_pdf->render(page, size);
        if (image.isNull()) return {};
        out.grey = argbToGreyOnWhite(image);
    } else {
        cv::Mat grey = imageToGrey(*m_image);
        if (grey.size() != cv::Size(size.width(), size.height()))
            cv::resize(grey, grey, cv::Size(size.width(), size.height()), 0, 0,
                       size.width() < grey.cols ? cv::INTER_AREA : cv::INTER_LINEAR);
        out.grey = grey;
    }
    return out;
}

cv::Mat Document::renderRegion(int page, const QRectF &rectPt, double dpi) const {
    const QSizeF sizePt = pageSizePt(page);
    const QRectF clipped = rectPt.intersected(QRectF(QPointF(0, 0), sizePt));
    if (clipped.isEmpty()) return {};
    const double s = dpi / kPointsPerInch;
    const QRect clipPx = QRectF(clipped.topLeft() * s, clipped.size() * s).toAlignedRect();
    if (m_pdf) {
        // Whole page, then crop: Qt 6.4's clipped render (scaledClipRect) scales by (W-1)/W and
        // shifts small crops by tens of pixels; the page is parsed once either way.
        const QSize pagePx = pixelSize(sizePt, dpi);
        const QImage image = m_pdf->render(page, pagePx);
        if (image.isNull()) return {};
        const QRect inside = clipPx.intersected(QRect(QPoint(0, 0), pagePx));
        return argbToGreyOnWhite(image.copy(inside));
    }
    const double imageScale = m_imageDpi / kPointsPerInch;
    const QRect srcPx = QRectF(clipped.topLeft() * imageScale, clipped.size() * imageScale)
                            .toAlignedRect()
                            .intersected(m_image->rect());
    cv::Mat grey = imageToGrey(m_image->copy(srcPx));
    cv::resize(grey, grey, cv::Size(clipPx.width(), clipPx.height()), 0, 0, cv::INTER_AREA);
    return grey;
}

Words Document::textLayerWords(int page) const {
    if (!m_textLayer) return {};
    const QMutexLocker lock(&m_textMutex);
    const auto cached = m_wordCache.constFind(page);
    if (cached != m_wordCache.constEnd()) return *cached;
    Words words;
    if (const std::unique_ptr<Poppler::Page> p = m_textLayer->page(page)) {
        // Poppler reports boxes in the page's own size; scale in case it differs from QtPdf's.
        const QSizeF popplerSize = p->pageSizeF();
        const QSizeF size = pageSizePt(page);
        const double sx = popplerSize.width() > 0 ? size.width() / popplerSize.width() : 1.0;
        const double sy = popplerSize.height() > 0 ? size.height() / popplerSize.height() : 1.0;
        for (const std::unique_ptr<Poppler::TextBox> &box : p->textList()) {
            const QString text = box->text().trimmed();
            const QRectF b = box->boundingBox();
            if (text.isEmpty() || b.isEmpty()) continue;
            words.append(Word{text, QRectF(b.x() * sx, b.y() * sy, b.width() * sx, b.height() * sy), 100.0});
        }
    }
    m_wordCache.insert(page, words);
    return words;
}

} // namespace bt
