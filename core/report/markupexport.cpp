// qpdf 11: std::shared_ptr where older releases had PointerHolder (no transition warning).
#define POINTERHOLDER_TRANSITION 4
#include "markupexport.h"

#include "compare/comparison.h"
#include "i18n/enginetext.h"
#include "io/outputfile.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <algorithm>
#include <cmath>
#include <vector>

namespace bt {

namespace {

using Obj = QPDFObjectHandle;

QString quotedWords(const QStringList &words) {
    return QStringLiteral("\"%1\"").arg(words.join(QLatin1Char(' ')));
}

Obj num(double v) {
    return Obj::newReal(v, 2);
}

Obj name(const char *n) {
    return Obj::newName(n);
}

Obj text(const QString &s) {
    return Obj::newUnicodeString(s.toStdString());
}

// D:YYYYMMDDHHmmSSZ, the PDF date of an instant.
Obj pdfDate(const QDateTime &t) {
    return Obj::newString(t.toUTC().toString(QStringLiteral("'D:'yyyyMMddHHmmss'Z'")).toStdString());
}

// A page as the comparison saw it (origin top-left of what is shown, y down, in the units of
// PageResult::pageSizePt) and as the PDF stores it (user space, y up, before /Rotate): PDFium
// shows the CropBox clipped to the MediaBox, turned clockwise by /Rotate.
struct PageFrame {
    double llx = 0, lly = 0, urx = 612, ury = 792;
    int rotate = 0;            // 0, 90, 180, 270
    double sx = 1.0, sy = 1.0; // user units per result point (1 unless the sizes disagree)

    QPointF toUser(QPointF shown) const {
        const double x = shown.x() * sx, y = shown.y() * sy;
        switch (rotate) {
        case 90:
            return {llx + y, lly + x};
        case 180:
            return {urx - x, lly + y};
        case 270:
            return {urx - y, ury - x};
        default:
            return {llx + x, ury - y};
        }
    }
    QRectF toUser(const QRectF &shown) const {
        const QPointF a = toUser(shown.topLeft()), b = toUser(shown.bottomRight());
        return QRectF(QPointF(std::min(a.x(), b.x()), std::min(a.y(), b.y())),
                      QPointF(std::max(a.x(), b.x()), std::max(a.y(), b.y())));
    }
};

QRectF boxOf(Obj box) {
    if (!box.isRectangle()) return {};
    const Obj::Rectangle r = box.getArrayAsRectangle();
    return QRectF(QPointF(std::min(r.llx, r.urx), std::min(r.lly, r.ury)),
                  QPointF(std::max(r.llx, r.urx), std::max(r.lly, r.ury)));
}

PageFrame pageFrame(QPDFPageObjectHelper &page, QSizeF resultSizePt) {
    PageFrame f;
    QRectF media = boxOf(page.getAttribute("/MediaBox", false));
    if (media.isEmpty()) media = QRectF(0, 0, 612, 792); // PDFium's default: Letter
    QRectF shown = boxOf(page.getAttribute("/CropBox", false));
    shown = shown.isEmpty() ? media : shown.intersected(media);
    if (shown.isEmpty()) shown = media;
    f.llx = shown.left();
    f.lly = shown.top(); // QRectF's top is the smaller y: PDF's bottom
    f.urx = shown.right();
    f.ury = shown.bottom();
    Obj rotate = page.getAttribute("/Rotate", false);
    if (rotate.isInteger()) {
        const int r = ((rotate.getIntValueAsInt() % 360) + 360) % 360;
        f.rotate = r % 90 == 0 ? r : 0;
    }
    const bool turned = f.rotate == 90 || f.rotate == 270;
    const double shownW = turned ? shown.height() : shown.width();
    const double shownH = turned ? shown.width() : shown.height();
    if (resultSizePt.width() > 0 && resultSizePt.height() > 0) {
        f.sx = shownW / resultSizePt.width();
        f.sy = shownH / resultSizePt.height();
    }
    return f;
}

QString fmt(double v) {
    return QString::number(v, 'f', 2);
}

QString fmt(QPointF p) {
    return fmt(p.x()) + QLatin1Char(' ') + fmt(p.y());
}

// The appearance of one cloud: scallops (one cubic Bézier each, bulging outward by half its
// length) along the box's edges, and the change number in a tag on its top-left corner, upright
// as the page is shown. Drawn in user space; bbox: what it covers there.
struct Appearance {
    QByteArray content;
    QRectF bbox;
};

Appearance cloudAppearance(const PageFrame &frame, const QRectF &boxShown, int number, const QColor &colour,
                           double lineWidth) {
    const QRectF b = boxShown;
    const double scallop = std::clamp(std::min(b.width(), b.height()) / 2.0, 5.0, 18.0);
    QStringList ops;
    ops << QStringLiteral("q %1 w 1 J 1 j %2 %3 %4 RG")
               .arg(fmt(lineWidth), fmt(colour.redF()), fmt(colour.greenF()), fmt(colour.blueF()));
    ops << fmt(frame.toUser(b.topLeft())) + QStringLiteral(" m");
    double bulge = 0;
    // Clockwise as shown: top, right, bottom, left; each with its outward normal.
    const QPointF corners[4] = {b.topLeft(), b.topRight(), b.bottomRight(), b.bottomLeft()};
    const QPointF normals[4] = {{0, -1}, {1, 0}, {0, 1}, {-1, 0}};
    for (int e = 0; e < 4; ++e) {
        const QPointF from = corners[e], to = corners[(e + 1) % 4];
        const double length = std::hypot(to.x() - from.x(), to.y() - from.y());
        const int n = std::max(1, int(std::lround(length / scallop)));
        const QPointF step = (to - from) / n;
        const double segment = length / n;
        // Control points 2/3 of the segment out: the curve's peak is half the segment out.
        const QPointF out = normals[e] * (segment * 2.0 / 3.0);
        bulge = std::max(bulge, segment / 2.0);
        for (int i = 0; i < n; ++i) {
            const QPointF p0 = from + step * i, p1 = from + step * (i + 1);
            ops << QStringLiteral("%1 %2 %3 c")
                       .arg(fmt(frame.toUser(p0 + out)), fmt(frame.toUser(p1 + out)), fmt(frame.toUser(p1)));
        }
    }
    ops << QStringLiteral("h S");
    QRectF covered = b.adjusted(-bulge - lineWidth, -bulge - lineWidth, bulge + lineWidth, bulge + lineWidth);

    // The number in a white tag on the box's top-left corner, as the overlay and the report draw
    // it (core/diff/overlay.cpp cloudShape), kept on the sheet. Helvetica is a standard font:
    // nothing embedded; 0.556 em per digit, cap height 0.72 em.
    const QString label = QString::number(number);
    const double size = std::max(8.0, 4.0 * lineWidth);
    const double width = 0.556 * size * label.size();
    const double radius = std::max(width, 0.72 * size) / 2 + 2.5;
    const QPointF centre(std::max(radius, b.left() - radius / 2), std::max(radius, b.top() - radius / 2));
    constexpr double k = 0.5523; // a quarter circle as one cubic
    const QPointF e(radius, 0), n(0, -radius), w(-radius, 0), s(0, radius);
    const QPointF arcs[4][3] = {{centre + e + n * k, centre + n + e * k, centre + n},
                                {centre + n + w * k, centre + w + n * k, centre + w},
                                {centre + w + s * k, centre + s + w * k, centre + s},
                                {centre + s + e * k, centre + e + s * k, centre + e}};
    ops << QStringLiteral("%1 w 1 1 1 rg").arg(fmt(0.8 * lineWidth));
    ops << fmt(frame.toUser(centre + e)) + QStringLiteral(" m");
    for (const auto &arc : arcs)
        ops << QStringLiteral("%1 %2 %3 c")
                   .arg(fmt(frame.toUser(arc[0])), fmt(frame.toUser(arc[1])), fmt(frame.toUser(arc[2])));
    ops << QStringLiteral("b");
    covered = covered.united(QRectF(centre - QPointF(radius, radius), QSizeF(2 * radius, 2 * radius))
                                 .adjusted(-lineWidth, -lineWidth, lineWidth, lineWidth));
    // Upright as shown: the text turned by /Rotate (counter-clockwise in user space).
    const double a = frame.rotate * M_PI / 180.0;
    const QPointF origin = frame.toUser(centre + QPointF(-width / 2, 0.36 * size));
    ops << QStringLiteral("%1 %2 %3 rg BT /Helv %4 Tf %5 %6 %7 %8 %9 Tm (%10) Tj ET")
               .arg(fmt(colour.redF()), fmt(colour.greenF()), fmt(colour.blueF()), fmt(size))
               .arg(fmt(std::cos(a)), fmt(std::sin(a)), fmt(-std::sin(a)), fmt(std::cos(a)), fmt(origin))
               .arg(label);
    ops << QStringLiteral("Q");
    return {ops.join(QLatin1Char('\n')).toLatin1(), frame.toUser(covered)};
}

// The colour of a change's cloud, as the viewer's change list colours its kinds: added (and
// moved) ink's colour, removed ink's colour, the cloud colour for modified.
QColor kindColour(ChangeKind kind, const OverlayColours &colours) {
    switch (kind) {
    case ChangeKind::Added:
    case ChangeKind::Moved:
        return colours.added;
    case ChangeKind::Removed:
        return colours.removed;
    case ChangeKind::Modified:
        break;
    }
    return colours.cloud;
}

// The resources of every cloud's appearance, one object in the file: Helvetica for the numbers.
Obj appearanceResources(QPDF &pdf) {
    Obj helv = Obj::newDictionary();
    helv.replaceKey("/Type", name("/Font"));
    helv.replaceKey("/Subtype", name("/Type1"));
    helv.replaceKey("/BaseFont", name("/Helvetica"));
    helv.replaceKey("/Encoding", name("/WinAnsiEncoding"));
    Obj fonts = Obj::newDictionary();
    fonts.replaceKey("/Helv", helv);
    Obj resources = Obj::newDictionary();
    resources.replaceKey("/Font", fonts);
    return pdf.makeIndirectObject(resources);
}

Obj annotation(QPDF &pdf, Obj pageObj, Obj resources, const PageFrame &frame, const ReportInput &input,
               const PageResult &page, const ChangeRegion &region, const OverlayColours &colours) {
    const QRectF box = cloudBoxPt(region, page.pageSizePt);
    const QColor colour = kindColour(region.kind, colours);
    const QSizeF size = page.pageSizePt;
    // About 1 pt on a Letter sheet, 2 pt on ARCH D: visible at "fit page" on either.
    const double lineWidth = std::clamp(std::max(size.width(), size.height()) / 1200.0, 1.0, 4.0);
    const Appearance ap = cloudAppearance(frame, box, region.id, colour, lineWidth);
    const ChangeReview review = input.review(page.pageNumber, region.id);

    // Flate-compressed here: the writer leaves every stream as it is given (a zlib stream is
    // qCompress's output without its 4-byte length).
    Obj stream = Obj::newStream(&pdf);
    stream.replaceStreamData(qCompress(ap.content, 9).mid(4).toStdString(), name("/FlateDecode"),
                             Obj::newNull());
    Obj sd = stream.getDict();
    sd.replaceKey("/Type", name("/XObject"));
    sd.replaceKey("/Subtype", name("/Form"));
    sd.replaceKey("/BBox", Obj::newArray({num(ap.bbox.left()), num(ap.bbox.top()), num(ap.bbox.right()),
                                          num(ap.bbox.bottom())}));
    sd.replaceKey("/Resources", resources);
    Obj apDict = Obj::newDictionary();
    apDict.replaceKey("/N", stream);

    Obj be = Obj::newDictionary();
    be.replaceKey("/S", name("/C"));
    be.replaceKey("/I", Obj::newInteger(1));
    Obj bs = Obj::newDictionary();
    bs.replaceKey("/W", num(lineWidth));
    bs.replaceKey("/S", name("/S"));
    // Vertices clockwise as shown, from the top-left corner.
    std::vector<Obj> vertices;
    for (const QPointF &c : {box.topLeft(), box.topRight(), box.bottomRight(), box.bottomLeft()}) {
        const QPointF u = frame.toUser(c);
        vertices.push_back(num(u.x()));
        vertices.push_back(num(u.y()));
    }
    const QDateTime modified = review.updatedAt.isValid() ? review.updatedAt : input.comparison.started;

    Obj a = Obj::newDictionary();
    a.replaceKey("/Type", name("/Annot"));
    a.replaceKey("/Subtype", name("/Polygon"));
    a.replaceKey("/IT", name("/PolygonCloud"));
    // The appearance's box: the cloud's scallops and its number lie outside the change's box.
    a.replaceKey("/Rect", Obj::newArray({num(ap.bbox.left()), num(ap.bbox.top()), num(ap.bbox.right()),
                                         num(ap.bbox.bottom())}));
    a.replaceKey("/Vertices", Obj::newArray(vertices));
    a.replaceKey("/BE", be);
    a.replaceKey("/BS", bs);
    a.replaceKey("/C", Obj::newArray({Obj::newReal(colour.redF(), 3), Obj::newReal(colour.greenF(), 3),
                                      Obj::newReal(colour.blueF(), 3)}));
    a.replaceKey("/CA", Obj::newReal(1.0, 1));
    a.replaceKey("/F", Obj::newInteger(4)); // Print
    a.replaceKey("/P", pageObj);
    a.replaceKey("/Subj", text(QStringLiteral("Change %1").arg(region.id)));
    a.replaceKey("/Contents", text(markupContents(region, review)));
    a.replaceKey("/T", text(review.reviewer.isEmpty() ? QStringLiteral("BuildTrace") : review.reviewer));
    a.replaceKey("/M", pdfDate(modified));
    a.replaceKey("/CreationDate", pdfDate(input.comparison.started));
    a.replaceKey("/NM", text(QStringLiteral("buildtrace-%1-%2-%3")
                                 .arg(input.comparison.jobId)
                                 .arg(page.pageNumber)
                                 .arg(region.id)));
    a.replaceKey("/AP", apDict);
    return pdf.makeIndirectObject(a);
}

bool isPdf(const QByteArray &bytes) {
    return bytes.left(1024).contains("%PDF-");
}

} // namespace

QString markupContents(const ChangeRegion &region, const ChangeReview &review) {
    QString what;
    if (!region.oldText.isEmpty() && !region.newText.isEmpty())
        what = QStringLiteral("%1 \u2192 %2").arg(quotedWords(region.oldText), quotedWords(region.newText));
    else if (!region.newText.isEmpty())
        what = quotedWords(region.newText);
    else if (!region.oldText.isEmpty())
        what = quotedWords(region.oldText);
    else
        what = QStringLiteral("drawing change");
    QStringList lines{changeKindName(region.kind) + QStringLiteral(": ") + what,
                      QStringLiteral("Review: ") + review.status};
    if (!review.comment.isEmpty()) lines << QStringLiteral("Comment: ") + review.comment;
    return lines.join(QLatin1Char('\n'));
}

bool markupsNeedPassword(const QString &pdfPath, const QString &password) {
    try {
        QPDF pdf;
        pdf.setSuppressWarnings(true);
        pdf.processFile(QFile::encodeName(pdfPath).constData(), password.toStdString().c_str());
    } catch (const QPDFExc &e) {
        return e.getErrorCode() == qpdf_e_password;
    } catch (const std::exception &) {
    }
    return false;
}

bool writeMarkups(const ReportInput &input, const QString &path, QString *error, const MarkupOptions &options,
                  int *count) {
    const auto failWith = [&](const QString &message) {
        if (error) *error = message;
        return false;
    };
    const QString newPath = input.comparison.newPath;
    QFile file(newPath);
    if (!file.open(QIODevice::ReadOnly))
        return failWith(
            EngineText::translate("bt::Report", "%1: cannot read the NEW set for the markups (%2)")
                .arg(newPath, file.errorString()));
    const QByteArray bytes = file.readAll();
    file.close();
    if (!isPdf(bytes))
        return failWith(
            EngineText::translate("bt::Report", "%1: not a PDF; markups need a PDF set").arg(newPath));
    if (!input.newHash.isEmpty() &&
        QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()) !=
            input.newHash)
        return failWith(EngineText::translate(
                            "bt::Report", "%1: changed since the comparison; compare it again for markups")
                            .arg(newPath));

    const OverlayColours colours = input.colours;
    int written = 0;
    QByteArray output;
    try {
        QPDF pdf;
        pdf.setSuppressWarnings(true);
        const std::string password = options.newPassword.toStdString();
        pdf.processMemoryFile(newPath.toLocal8Bit().constData(), bytes.constData(), size_t(bytes.size()),
                              password.c_str());
        std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(pdf).getAllPages();
        const Obj resources = appearanceResources(pdf);
        for (const PageResult &p : input.comparison.pages) {
            if (!options.pages.isEmpty() && !options.pages.contains(p.pageNumber)) continue;
            if (p.match != MatchKind::Matched || p.regions.isEmpty() || p.newPage < 0) continue;
            if (size_t(p.newPage) >= pages.size())
                return failWith(
                    EngineText::translate("bt::Report", "%1: has %2 pages, the comparison had more")
                        .arg(newPath)
                        .arg(pages.size()));
            QPDFPageObjectHelper &page = pages[size_t(p.newPage)];
            Obj pageObj = page.getObjectHandle();
            const PageFrame frame = pageFrame(page, p.pageSizePt);
            Obj old = pageObj.getKey("/Annots");
            // A new array: the page's own one may be shared with other pages.
            std::vector<Obj> annots = old.isArray() ? old.getArrayAsVector() : std::vector<Obj>();
            for (const ChangeRegion &r : p.regions) {
                annots.push_back(annotation(pdf, pageObj, resources, frame, input, p, r, colours));
                ++written;
            }
            pageObj.replaceKey("/Annots", Obj::newArray(annots));
        }
        QPDFWriter writer(pdf);
        writer.setOutputMemory();
        // Every stream as it is in the file: not decoded, not recompressed.
        writer.setDecodeLevel(qpdf_dl_none);
        writer.setCompressStreams(false);
        writer.setMinimumPDFVersion("1.5"); // polygon annotations, border effects
        writer.write();
        const std::shared_ptr<Buffer> buffer = writer.getBufferSharedPointer();
        output =
            QByteArray(reinterpret_cast<const char *>(buffer->getBuffer()), qsizetype(buffer->getSize()));
    } catch (const QPDFExc &e) {
        if (e.getErrorCode() == qpdf_e_password)
            return failWith(
                EngineText::translate("bt::Report", "%1: password-protected; markups need its password")
                    .arg(newPath));
        return failWith(EngineText::translate("bt::Report", "%1: cannot write markups on it (%2)")
                            .arg(newPath, QString::fromStdString(e.getMessageDetail())));
    } catch (const std::exception &e) {
        return failWith(EngineText::translate("bt::Report", "%1: cannot write markups on it (%2)")
                            .arg(newPath, QString::fromLocal8Bit(e.what())));
    }
    QString e;
    if (!writeOutputFile(path, output, &e))
        return failWith(
            EngineText::translate("bt::Report", "%1: cannot write the markups (%2)").arg(path, e));
    if (count) *count = written;
    return true;
}

} // namespace bt
