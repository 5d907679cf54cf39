// The sheet image of a report page: the overlay (or the sheet itself for added and removed
// sheets) with the numbered tags of its clouds, rejected changes as dashed grey clouds.
#include "reporttexts.h"
#include "reportwriter.h"

#include "i18n/enginetext.h"
#include "sheetlayers.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace bt {

namespace {

constexpr double kCloudScallopPt = 5; // core/diff/overlay.cpp draws its scallops 5 pt wide
const QColor &kInk = ReportColours::ink;
const QColor &kMuted = ReportColours::muted;
const QColor &kRule = ReportColours::rule;
using Fonts = ReportFonts;

// A revision cloud around `box`: half circles bulging outwards along each edge, as the overlay
// draws its clouds (core/diff/overlay.cpp), here as vector arcs.
QPainterPath cloudPath(const QRectF &box, double scallop) {
    QPainterPath path;
    auto edge = [&](QPointF from, QPointF to, double start) {
        const double len = std::hypot(to.x() - from.x(), to.y() - from.y());
        const int n = std::max(1, int(std::lround(len / (2 * scallop))));
        const double r = len / n / 2;
        for (int i = 0; i < n; ++i) {
            const double t = (i + 0.5) / n;
            const QPointF c = from + (to - from) * t;
            const QRectF arc(c.x() - r, c.y() - r, 2 * r, 2 * r);
            path.arcMoveTo(arc, start);
            path.arcTo(arc, start, -180);
        }
    };
    edge(box.topLeft(), box.topRight(), 180);     // bulges up
    edge(box.topRight(), box.bottomRight(), 90);  // right
    edge(box.bottomRight(), box.bottomLeft(), 0); // down
    edge(box.bottomLeft(), box.topLeft(), 270);   // left
    return path;
}

// Where an overlay cloud's pixels can be: the ring around its box and its number tag.
QVector<QRect> cloudAreas(const CloudShape &c, double pxPerPt) {
    const int out = int(std::ceil(1.5 * std::max(3.0, 5 * pxPerPt))) + c.thickness + 2;
    const int in = c.thickness + 2;
    const QRect box(c.box.x, c.box.y, c.box.width, c.box.height);
    const QRect outer = box.adjusted(-out, -out, out, out);
    QVector<QRect> areas = {
        QRect(outer.left(), outer.top(), outer.width(), out + in),           // top
        QRect(outer.left(), box.bottom() - in, outer.width(), out + in + 1), // bottom
        QRect(outer.left(), outer.top(), out + in, outer.height()),          // left
        QRect(box.right() - in, outer.top(), out + in + 1, outer.height()),  // right
    };
    const int tag = c.tagRadius + c.thickness + 1;
    areas.append(QRect(c.tagCentre.x - tag, c.tagCentre.y - tag, 2 * tag + 1, 2 * tag + 1));
    return areas;
}

} // namespace

const Document *ReportWriter::document(bool oldSide, QString *why) {
    const int i = oldSide ? 0 : 1;
    if (!m_docTried[i]) {
        m_docTried[i] = true;
        DocumentError e;
        m_docs[i] =
            Document::open(oldSide ? m_in.comparison.oldPath : m_in.comparison.newPath, QString(), &e);
        if (!m_docs[i]) m_docErrors[i] = e.message;
    }
    if (!m_docs[i] && why) *why = m_docErrors[i];
    return m_docs[i].get();
}

void ReportWriter::drawHeaderFooter(QPainter &p, const SheetGeometry &g, const SheetPlan &plan,
                                    bool continued) const {
    const PageResult &page = *plan.page;
    const Fonts fonts(g.scale);
    const SheetStatus status = sheetStatus(page);
    QString heading = sheetName(page);
    if (!page.drawingTitle().isEmpty()) heading += QStringLiteral("  ") + page.drawingTitle();
    if (continued)
        heading += QStringLiteral("  ") + EngineText::translate("bt::Report", "(changes continued)");
    p.setFont(fonts.title);
    p.setPen(kInk);
    const QFontMetricsF titleFm(fonts.title, &m_device);
    p.drawText(g.header, Qt::AlignLeft | Qt::AlignVCenter,
               titleFm.elidedText(heading, Qt::ElideRight, g.header.width() * 0.6));
    QString state = statusLabel(status);
    if (status == SheetStatus::Changed)
        state += QStringLiteral(" \u00b7 ") +
                 EngineText::translate("bt::Report", "%n change(s)", nullptr, int(plan.changes.size()));
    p.setFont(fonts.heading);
    p.drawText(g.header, Qt::AlignRight | Qt::AlignVCenter,
               EngineText::translate("bt::Report", "Sheet %1 of %2 \u00b7 %3")
                   .arg(page.pageNumber)
                   .arg(m_in.comparison.pages.size())
                   .arg(state));
    p.setPen(QPen(kRule, 0.75 * g.scale));
    p.drawLine(g.header.bottomLeft(), g.header.bottomRight());
    drawFooter(p, g.footer, fonts);
}

void ReportWriter::drawSheetImage(QPainter &p, const SheetGeometry &g, const SheetPlan &plan) {
    const PageResult &page = *plan.page;
    const QSizeF sheetPt =
        page.pageSizePt.isValid() && !page.pageSizePt.isEmpty() ? page.pageSizePt : g.image.size();
    // The engine's pixel cap bounds a report image too.
    const double dpi = cappedDpi(sheetPt, m_opt.dpi, RenderOptions().maxPixels);
    const QSize px(std::max(1, int(std::lround(sheetPt.width() / 72 * dpi))),
                   std::max(1, int(std::lround(sheetPt.height() / 72 * dpi))));
    const Fonts fonts(g.scale);
    auto frame = [&] { // after the image: its grey layer is opaque
        p.setPen(QPen(kRule, 0.5));
        p.setBrush(Qt::NoBrush);
        p.drawRect(g.image);
    };
    auto note = [&](const QString &text) {
        p.setFont(fonts.heading);
        p.setPen(kMuted);
        p.drawText(g.image.adjusted(20, 20, -20, -20), Qt::AlignCenter | Qt::TextWordWrap, text);
    };
    auto paint = [&](const ImagePieces &pieces) {
        const double k = g.image.width() / px.width(); // image pixels -> page points
        for (const ImagePiece &piece : pieces) {
            p.setOpacity(piece.opacity);
            p.drawImage(QRectF(g.image.left() + piece.rect.x() * k, g.image.top() + piece.rect.y() * k,
                               piece.rect.width() * k, piece.rect.height() * k),
                        piece.image);
        }
        p.setOpacity(1);
    };

    SheetLayers overlay;
    QString why;
    if (!page.overlayPath.isEmpty() && overlay.loadOverlay(page.overlayPath, &why)) {
        // The overlay's own clouds of the changes the report leaves out or shows as rejected go;
        // the rejected ones are drawn again as vectors (drawTags).
        const double pxPerPt = page.dpi > 0 ? page.dpi / 72.0 : 1.0;
        const cv::Size size(overlay.sourceSize().width(), overlay.sourceSize().height());
        QVector<QRect> clear, keep;
        for (const ChangeRegion &r : page.regions) {
            const auto shown = std::find_if(plan.changes.begin(), plan.changes.end(),
                                            [&](const ShownChange &c) { return c.region == &r; });
            const bool kept = shown != plan.changes.end() && !shown->rejected;
            QVector<QRect> &to = kept ? keep : clear;
            to += cloudAreas(cloudShape(r, pxPerPt, size), pxPerPt);
            if (!r.movedFromPx.isEmpty()) {
                ChangeRegion from = r;
                from.boxPx = r.movedFromPx;
                to += cloudAreas(cloudShape(from, pxPerPt, size), pxPerPt);
            }
        }
        if (!clear.isEmpty()) overlay.clearClouds(clear, keep);
        if (m_opt.encoding == ReportOptions::ImageEncoding::Jpeg)
            p.drawImage(g.image, overlay.colourImage(px));
        else
            paint(overlay.pieces(px));
        frame();
        drawTags(p, g, plan, overlay.sourceSize());
        return;
    }
    // No overlay: added and removed sheets (and a diff whose overlay is gone) show the sheet itself.
    const QString overlayProblem =
        page.match == MatchKind::Matched && page.diffDone
            ? (page.overlayPath.isEmpty() ? EngineText::translate("bt::Report", "the job kept no overlay")
                                          : why)
            : QString();
    const bool oldSide = page.match == MatchKind::Removed;
    const int index = oldSide ? page.oldPage : page.newPage;
    const Document *doc = index >= 0 ? document(oldSide, &why) : nullptr;
    if (!doc) {
        frame();
        note(EngineText::translate("bt::Report", "No sheet image: %1")
                 .arg(why.isEmpty() ? EngineText::translate("bt::Report", "the sheet was not compared")
                                    : why));
        return;
    }
    RenderOptions render;
    render.dpi = dpi;
    const RenderedPage r = doc->render(index, render);
    if (r.isNull()) {
        frame();
        note(EngineText::translate("bt::Report", "No sheet image: page %1 of %2 cannot be rendered")
                 .arg(index + 1)
                 .arg(doc->fileName()));
        return;
    }
    // The sheet in dark grey (cheap: Flate), its status in the frame's colour and the heading.
    paint(SheetLayers::inkPieces(r.grey, px, QColor(90, 90, 90)));
    frame();
    if (page.match != MatchKind::Matched) {
        p.setPen(QPen(page.match == MatchKind::Added ? m_colours.added : m_colours.removed, 4 * g.scale));
        p.setBrush(Qt::NoBrush);
        p.drawRect(g.image);
    }
    if (!overlayProblem.isEmpty()) {
        p.setFont(fonts.small);
        p.setPen(QColor(180, 0, 0));
        p.drawText(g.image.adjusted(6 * g.scale, 0, 0, -4 * g.scale), Qt::AlignLeft | Qt::AlignBottom,
                   EngineText::translate(
                       "bt::Report", "No overlay (%1): the new sheet is shown with boxes around the changes.")
                       .arg(overlayProblem));
    }
    if (!plan.changes.isEmpty()) drawTags(p, g, plan, QSize());
}

// Numbered tags of the clouds as text, over the overlay's own pixel tags (same place, a little
// larger): legible at any zoom, and searchable. Rejected changes get a dashed grey cloud.
void ReportWriter::drawTags(QPainter &p, const SheetGeometry &g, const SheetPlan &plan,
                            QSize overlayPx) const {
    const PageResult &page = *plan.page;
    if (plan.changes.isEmpty() || page.pageSizePt.isEmpty()) return;
    const double toPage = g.image.width() / page.pageSizePt.width(); // sheet points -> page points
    const double pxPerPt = page.dpi > 0 ? page.dpi / 72.0 : 1.0;
    const Fonts fonts(g.scale);
    QFont font = fonts.tag;
    for (const ShownChange &c : plan.changes) {
        const ChangeRegion &r = *c.region;
        const QColor colour = c.rejected ? ReportColours::struck : m_colours.cloud;
        const QString label = QString::number(r.id);
        QPointF centre;
        double radius = 0; // page points
        if (!overlayPx.isEmpty()) {
            // Where core/diff/overlay.cpp put its cloud and tag, in overlay pixels.
            const CloudShape cloud = cloudShape(r, pxPerPt, cv::Size(overlayPx.width(), overlayPx.height()));
            const double pxToPage = g.image.width() / overlayPx.width();
            centre = g.image.topLeft() + QPointF(cloud.tagCentre.x, cloud.tagCentre.y) * pxToPage;
            radius = (cloud.tagRadius + cloud.thickness) * pxToPage;
            if (c.rejected) {
                const QRectF box(g.image.topLeft() + QPointF(cloud.box.x, cloud.box.y) * pxToPage,
                                 QSizeF(cloud.box.width, cloud.box.height) * pxToPage);
                p.setPen(QPen(colour, std::max(0.75, cloud.thickness * pxToPage), Qt::DashLine));
                p.setBrush(Qt::NoBrush);
                p.drawPath(cloudPath(box, kCloudScallopPt * toPage));
            }
        } else {
            const QRectF box = cloudBoxPt(r, page.pageSizePt);
            p.setPen(QPen(colour, 1.5 * g.scale, c.rejected ? Qt::DashLine : Qt::SolidLine));
            p.setBrush(Qt::NoBrush);
            p.drawRect(QRectF(g.image.topLeft() + box.topLeft() * toPage, box.size() * toPage));
            centre = g.image.topLeft() + box.topLeft() * toPage;
        }
        // At least a readable size on the page, and wide enough for the number.
        font.setPointSizeF(std::max(fonts.tag.pointSizeF(), radius * 0.9));
        const QFontMetricsF fm(font, &m_device);
        radius =
            std::max({radius, fm.height() * 0.75, fm.horizontalAdvance(label) * 0.5 + fm.height() * 0.3});
        p.setPen(QPen(colour, std::max(1.0, radius * 0.12), c.rejected ? Qt::DashLine : Qt::SolidLine));
        p.setBrush(Qt::white);
        p.drawEllipse(centre, radius, radius);
        p.setFont(font);
        p.setPen(colour);
        p.drawText(QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius), Qt::AlignCenter,
                   label);
    }
    p.setBrush(Qt::NoBrush);
}

} // namespace bt
