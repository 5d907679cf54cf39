#include "drawinggenerator.h"

#include "drawingplan.h"

#include <QFileInfo>
#include <QImage>
#include <QImageWriter>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTransform>
#include <QtConcurrent/QtConcurrentMap>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

// The generator's files: sheets drawn by drawSheet (drawinggenerator.cpp) written as vector PDF
// sets, as scans (printed, rasterised, degraded) and as images; hand-written PDFs for bad input.

namespace bt::test {

using namespace plan;

namespace {

// ---------------------------------------------------------------------------------------------
// Printing / scanning

QSizeF pagePoints(const SheetSpec &spec, const PrintTransform &print) {
    const QSizeF in = print.paperIn.isEmpty() ? spec.paperIn : print.paperIn;
    return in * kPtPerIn;
}

// Sheet points -> printed page points: scale about the origin, rotate about the page centre,
// then shift.
QTransform printMatrix(const QSizeF &pagePt, const PrintTransform &print) {
    const QPointF c(pagePt.width() / 2, pagePt.height() / 2);
    QTransform rot;
    rot.translate(c.x(), c.y());
    rot.rotate(print.rotationDeg);
    rot.translate(-c.x(), -c.y());
    return QTransform::fromScale(print.scale, print.scale) * rot *
           QTransform::fromTranslate(print.shiftPt.x(), print.shiftPt.y());
}

SheetLayout mapLayout(const SheetLayout &layout, const QTransform &t) {
    SheetLayout out;
    for (auto it = layout.cbegin(); it != layout.cend(); ++it)
        out.insert(it.key(), t.mapRect(it.value()));
    return out;
}

QPageLayout pageLayoutPoints(const QSizeF &pt) {
    // ExactMatch: otherwise QPageSize snaps near sizes to a named one (and its orientation).
    return QPageLayout(QPageSize(pt, QPageSize::Point, QString(), QPageSize::ExactMatch),
                       QPageLayout::Portrait, QMarginsF(0, 0, 0, 0), QPageLayout::Point);
}

// White page with the (transformed) sheet drawn at dpi, greyscale. With a bed grey level, only
// the sheet's paper is white and the rest of the page shows the bed, as do the punched holes.
QImage rasterise(const SheetSpec &spec, const QSizeF &pagePt, const QTransform &print, double dpi,
                 SheetLayout *layout, int bedGrey = -1, int punchedHoles = 0) {
    const QSize px(std::max(1, static_cast<int>(std::lround(pagePt.width() / kPtPerIn * dpi))),
                   std::max(1, static_cast<int>(std::lround(pagePt.height() / kPtPerIn * dpi))));
    QImage rgb(px, QImage::Format_RGB32);
    rgb.fill(Qt::white);
    {
        QPainter p(&rgb);
        p.scale(dpi / kPtPerIn, dpi / kPtPerIn);
        if (bedGrey >= 0) p.fillRect(QRectF(QPointF(0, 0), pagePt), QColor(bedGrey, bedGrey, bedGrey));
        p.setTransform(print, true);
        const QRectF paper(QPointF(0, 0), spec.paperIn * kPtPerIn);
        if (bedGrey >= 0) p.fillRect(paper, Qt::white);
        const QTransform sheetToImage = p.transform();
        const SheetLayout l = drawSheet(p, spec);
        if (layout) *layout = mapLayout(l, print);
        const int bed = std::max(0, bedGrey);
        p.setTransform(sheetToImage);
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(bed, bed, bed));
        for (int i = 0; i < punchedHoles; ++i) {
            const double y = paper.center().y() + (i - (punchedHoles - 1) / 2.0) * 4.25 * kPtPerIn;
            p.drawEllipse(QPointF(0.5 * kPtPerIn, y), 9.0, 9.0);
        }
    }
    // OpenCV's conversion is several times faster than QImage::convertToFormat on 20 MP pages.
    QImage grey(px, QImage::Format_Grayscale8);
    cv::Mat dst(grey.height(), grey.width(), CV_8UC1, grey.bits(), static_cast<size_t>(grey.bytesPerLine()));
    cv::cvtColor(
        cv::Mat(rgb.height(), rgb.width(), CV_8UC4, rgb.bits(), static_cast<size_t>(rgb.bytesPerLine())), dst,
        cv::COLOR_BGRA2GRAY);
    grey.setDotsPerMeterX(static_cast<int>(std::lround(dpi / 0.0254)));
    grey.setDotsPerMeterY(static_cast<int>(std::lround(dpi / 0.0254)));
    return grey;
}

// Scanner degradations applied in place to a Grayscale8 image.
void degrade(QImage &grey, const ScanOptions &o, unsigned seed) {
    cv::Mat m(grey.height(), grey.width(), CV_8UC1, grey.bits(), static_cast<size_t>(grey.bytesPerLine()));
    if (o.blurRadius > 0) cv::GaussianBlur(m, m, cv::Size(0, 0), o.blurRadius);
    if (o.noiseSigma > 0) {
        cv::Mat noise(m.size(), CV_16S);
        cv::RNG rng(seed); // own generator: deterministic and independent of cv::theRNG()
        rng.fill(noise, cv::RNG::NORMAL, 0, o.noiseSigma);
        cv::Mat wide;
        m.convertTo(wide, CV_16S);
        wide += noise;
        wide.convertTo(m, CV_8U); // saturates
    }
    if (o.jpegQuality > 0) {
        std::vector<uchar> buf;
        cv::imencode(".jpg", m, buf, {cv::IMWRITE_JPEG_QUALITY, std::clamp(o.jpegQuality, 1, 100)});
        cv::imdecode(buf, cv::IMREAD_GRAYSCALE).copyTo(m);
    }
}

} // namespace

QVector<SheetLayout> writeVectorSet(const QString &path, const QVector<SheetSpec> &sheets,
                                    const PrintTransform &print) {
    if (sheets.isEmpty()) return {};
    QPdfWriter writer(path);
    writer.setResolution(static_cast<int>(kPtPerIn)); // painter units are points
    writer.setCreator(QStringLiteral("BuildTrace test generator"));
    writer.setTitle(sheets.first().project);
    QVector<SheetLayout> layouts;
    QPainter painter;
    for (int i = 0; i < sheets.size(); ++i) {
        const QSizeF pagePt = pagePoints(sheets[i], print);
        if (!writer.setPageLayout(pageLayoutPoints(pagePt))) return {};
        if (i == 0) {
            if (!painter.begin(&writer)) return {};
        } else if (!writer.newPage()) {
            return {};
        }
        const QTransform t = printMatrix(pagePt, print);
        painter.save();
        painter.setTransform(t, true);
        layouts.append(mapLayout(drawSheet(painter, sheets[i]), t));
        painter.restore();
    }
    if (!painter.end()) return {};
    return layouts;
}

QVector<SheetLayout> writeScannedSet(const QString &path, const QVector<SheetSpec> &sheets,
                                     const PrintTransform &print, const ScanOptions &options) {
    if (sheets.isEmpty() || options.dpi <= 0) return {};
    // Rasterising and degrading dominate; sheets are independent, so do them in parallel.
    struct Scan {
        QImage image;
        SheetLayout layout;
    };
    QVector<int> indices(sheets.size());
    std::iota(indices.begin(), indices.end(), 0);
    const QVector<Scan> scans = QtConcurrent::blockingMapped(indices, [&](int i) {
        Scan scan;
        const QSizeF pagePt = pagePoints(sheets[i], print);
        scan.image = rasterise(sheets[i], pagePt, printMatrix(pagePt, print), options.dpi, &scan.layout,
                               options.bedGrey, options.punchedHoles);
        degrade(scan.image, options, options.seed + 7919u * static_cast<unsigned>(i));
        return scan;
    });

    QPdfWriter writer(path);
    writer.setResolution(static_cast<int>(kPtPerIn));
    writer.setCreator(QStringLiteral("BuildTrace test scanner"));
    QVector<SheetLayout> layouts;
    QPainter painter;
    for (int i = 0; i < sheets.size(); ++i) {
        const QSizeF pagePt = pagePoints(sheets[i], print);
        if (!writer.setPageLayout(pageLayoutPoints(pagePt))) return {};
        if (i == 0) {
            if (!painter.begin(&writer)) return {};
            // Qt stores images as JPEG (quality 94) unless told otherwise; without our own JPEG
            // step the page must stay lossless (Flate, much larger and slower).
            painter.setRenderHint(QPainter::LosslessImageRendering, options.jpegQuality <= 0);
        } else if (!writer.newPage()) {
            return {};
        }
        painter.drawImage(QRectF(QPointF(0, 0), pagePt), scans[i].image);
        layouts.append(scans[i].layout);
    }
    if (!painter.end()) return {};
    return layouts;
}

SheetLayout writeSheetImage(const QString &path, const SheetSpec &spec, double dpi) {
    if (dpi <= 0) return {};
    SheetLayout layout;
    const QImage img = rasterise(spec, spec.paperIn * kPtPerIn, QTransform(), dpi, &layout);
    const QByteArray suffix = QFileInfo(path).suffix().toLower().toLatin1();
    if (QImageWriter::supportedImageFormats().contains(suffix)) {
        if (!img.save(path)) return {};
        return layout;
    }
    // No Qt plugin for it (TIFF on a stock Debian Qt): OpenCV writes it, with the resolution tags.
    const cv::Mat m(img.height(), img.width(), CV_8UC1, const_cast<uchar *>(img.constBits()),
                    static_cast<size_t>(img.bytesPerLine()));
    const int d = static_cast<int>(std::lround(dpi));
    const std::vector<int> params = {cv::IMWRITE_TIFF_RESUNIT, 2, cv::IMWRITE_TIFF_XDPI, d,
                                     cv::IMWRITE_TIFF_YDPI,    d};
    try {
        if (!cv::imwrite(path.toStdString(), m, params)) return {};
    } catch (const cv::Exception &) {
        return {};
    }
    return layout;
}

QByteArray handwrittenPdf(const QList<QByteArray> &objects) {
    QByteArray out("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n");
    QList<qint64> offsets;
    for (int i = 0; i < objects.size(); ++i) {
        offsets << out.size();
        out += QByteArray::number(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const qint64 xref = out.size();
    out += "xref\n0 " + QByteArray::number(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (qint64 off : offsets)
        out += QByteArray::number(off).rightJustified(10, '0') + " 00000 n \n";
    out += "trailer\n<< /Size " + QByteArray::number(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
           QByteArray::number(xref) + "\n%%EOF\n";
    return out;
}

QByteArray pageTreeLoopPdf() {
    return handwrittenPdf({"<< /Type /Catalog /Pages 2 0 R >>",
                           "<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
                           "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
                           "<< /Length 18 >>\nstream\n0 0 m 100 100 l S\nendstream"});
}

QList<QByteArray> onePagePdf(const QByteArray &mediaBox, const QByteArray &label) {
    const QByteArray content = "BT /F1 24 Tf 72 72 Td (" + label + ") Tj ET";
    return {"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox " + mediaBox +
                " /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
            "<< /Length " + QByteArray::number(content.size()) + " >>\nstream\n" + content + "\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"};
}

} // namespace bt::test
