#include "pdfnavigation.h"

// qpdf 11: std::shared_ptr instead of its old PointerHolder (silences its #warning).
#define POINTERHOLDER_TRANSITION 4

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <exception>

namespace bt {

namespace {

// [page /Fit]: the whole target page in the window.
QPDFObjectHandle destination(const QPDFObjectHandle &page) {
    QPDFObjectHandle dest = QPDFObjectHandle::newArray();
    dest.appendItem(page);
    dest.appendItem(QPDFObjectHandle::newName("/Fit"));
    return dest;
}

} // namespace

QByteArray addPdfNavigation(const QByteArray &pdf, const QVector<PdfLink> &links,
                            const QVector<PdfBookmark> &outline, QString *error) {
    try {
        QPDF doc;
        doc.setSuppressWarnings(true);
        doc.processMemoryFile("report", pdf.constData(), size_t(pdf.size()));
        std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(doc).getAllPages();
        const int count = int(pages.size());
        auto page = [&](int number) { return pages[size_t(number - 1)].getObjectHandle(); };

        for (const PdfLink &l : links) {
            if (l.page < 1 || l.page > count || l.targetPage < 1 || l.targetPage > count) continue;
            QPDFObjectHandle from = page(l.page);
            // PDF space has its origin at the bottom left of the media box.
            const QPDFObjectHandle::Rectangle box =
                pages[size_t(l.page - 1)].getMediaBox().getArrayAsRectangle();
            const double top = box.ury;
            QPDFObjectHandle annot = QPDFObjectHandle::newDictionary();
            annot.replaceKey("/Type", QPDFObjectHandle::newName("/Annot"));
            annot.replaceKey("/Subtype", QPDFObjectHandle::newName("/Link"));
            annot.replaceKey("/Rect", QPDFObjectHandle::newArray(QPDFObjectHandle::Rectangle(
                                          box.llx + l.rectPt.left(), top - l.rectPt.bottom(),
                                          box.llx + l.rectPt.right(), top - l.rectPt.top())));
            annot.replaceKey("/Border", QPDFObjectHandle::parse("[0 0 0]"));
            annot.replaceKey("/Dest", destination(page(l.targetPage)));
            QPDFObjectHandle annots = from.getKey("/Annots");
            if (!annots.isArray()) {
                annots = QPDFObjectHandle::newArray();
                from.replaceKey("/Annots", annots);
            }
            annots.appendItem(doc.makeIndirectObject(annot));
        }

        if (!outline.isEmpty()) {
            QPDFObjectHandle root = doc.makeIndirectObject(QPDFObjectHandle::parse("<< /Type /Outlines >>"));
            std::vector<QPDFObjectHandle> items;
            for (const PdfBookmark &b : outline) {
                if (b.page < 1 || b.page > count) continue;
                QPDFObjectHandle item = doc.makeIndirectObject(QPDFObjectHandle::newDictionary());
                item.replaceKey("/Title", QPDFObjectHandle::newUnicodeString(b.title.toStdString()));
                item.replaceKey("/Parent", root);
                item.replaceKey("/Dest", destination(page(b.page)));
                if (!items.empty()) {
                    item.replaceKey("/Prev", items.back());
                    items.back().replaceKey("/Next", item);
                }
                items.push_back(item);
            }
            if (!items.empty()) {
                root.replaceKey("/First", items.front());
                root.replaceKey("/Last", items.back());
                root.replaceKey("/Count", QPDFObjectHandle::newInteger(static_cast<long long>(items.size())));
                doc.getRoot().replaceKey("/Outlines", root);
                doc.getRoot().replaceKey("/PageMode", QPDFObjectHandle::newName("/UseOutlines"));
            }
        }

        QPDFWriter writer(doc);
        // Qt's streams as they are (already compressed): no time spent decoding and recompressing.
        writer.setDecodeLevel(qpdf_dl_none);
        writer.setCompressStreams(false);
        writer.setOutputMemory();
        writer.write();
        const std::shared_ptr<Buffer> out = writer.getBufferSharedPointer();
        return QByteArray(reinterpret_cast<const char *>(out->getBuffer()), qsizetype(out->getSize()));
    } catch (const std::exception &e) {
        if (error) *error = QString::fromUtf8(e.what());
        return QByteArray();
    }
}

} // namespace bt
