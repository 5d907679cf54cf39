#include "report.h"

#include "reporttable.h"
#include "reporttexts.h"

#include "diff/overlay.h"
#include "document/document.h"
#include "i18n/enginetext.h"
#include "io/outputfile.h"
#include "sheetlayers.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QImageReader>
#include <QJsonArray>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>

#include <cmath>
#include <memory>
#include <opencv2/imgproc.hpp>

namespace bt {

bool isReported(const PageResult &page, const ReportOptions &options) {
    switch (options.scope) {
    case ReportOptions::Scope::AllSheets:
        return true;
    case ReportOptions::Scope::ChangedOnly: {
        const SheetStatus s = sheetStatus(page);
        return s != SheetStatus::Unchanged && s != SheetStatus::NotCompared;
    }
    case ReportOptions::Scope::Selected:
        return options.pages.contains(page.pageNumber);
    }
    return false;
}

namespace {

// Page coordinates are PDF points: the writer runs at 72 dots per inch, so font point sizes and
// lengths need no conversion.
constexpr int kResolution = 72;
constexpr double kArchDShortSidePt = 24 * 72;
constexpr double kMinLongSidePt = 17 * 72; // smaller sheets are scaled up to tabloid
constexpr double kMaxSidePt = 200 * 72;    // PDF's page size limit

const QColor &kInk = ReportColours::ink;
const QColor &kMuted = ReportColours::muted;
const QColor &kRule = ReportColours::rule;

using Fonts = ReportFonts;
using Table = ReportTable;

// Page sizes and areas of one sheet's pages.
struct SheetGeometry {
    QSizeF page; // points
    double scale = 1;
    double margin = 0;
    QRectF header, footer, content, imageArea, image, panel;

    explicit SheetGeometry(QSizeF sheetPt) {
        if (sheetPt.width() <= 0 || sheetPt.height() <= 0) sheetPt = QSizeF(36 * 72, 24 * 72);
        const double longSide = std::max(sheetPt.width(), sheetPt.height());
        const double k = std::min(std::max(1.0, kMinLongSidePt / longSide), kMaxSidePt / longSide);
        page = sheetPt * k;
        scale = std::clamp(std::min(page.width(), page.height()) / kArchDShortSidePt, 0.75, 2.0);
        margin = 24 * scale;
        const QRectF inner(margin, margin, page.width() - 2 * margin, page.height() - 2 * margin);
        header = QRectF(inner.left(), inner.top(), inner.width(), 34 * scale);
        footer = QRectF(inner.left(), inner.bottom() - 14 * scale, inner.width(), 14 * scale);
        content = QRectF(inner.left(), header.bottom() + 8 * scale, inner.width(),
                         footer.top() - 8 * scale - header.bottom() - 8 * scale);
        const double gap = 16 * scale;
        if (page.width() >= page.height()) { // panel on the right
            const double panelW = std::max(content.width() * 0.25, 230 * scale);
            panel = QRectF(content.right() - panelW, content.top(), panelW, content.height());
            imageArea =
                QRectF(content.left(), content.top(), content.width() - panelW - gap, content.height());
        } else { // portrait: panel below
            const double panelH = std::max(content.height() * 0.3, 200 * scale);
            panel = QRectF(content.left(), content.bottom() - panelH, content.width(), panelH);
            imageArea =
                QRectF(content.left(), content.top(), content.width(), content.height() - panelH - gap);
        }
        const double fit =
            std::min(imageArea.width() / sheetPt.width(), imageArea.height() / sheetPt.height());
        image = QRectF(imageArea.topLeft(), sheetPt * fit);
    }

    QPageLayout layout() const { return pageLayout(page); }

    static QPageLayout pageLayout(QSizeF sizePt) {
        // QPageSize keeps sizes portrait; the orientation turns it.
        const bool landscape = sizePt.width() > sizePt.height();
        const QSizeF portrait = landscape ? sizePt.transposed() : sizePt;
        return QPageLayout(QPageSize(portrait, QPageSize::Point, QString(), QPageSize::ExactMatch),
                           landscape ? QPageLayout::Landscape : QPageLayout::Portrait, QMarginsF(0, 0, 0, 0),
                           QPageLayout::Point);
    }
};

// One reported sheet, planned before anything is drawn so the cover can name its page.
struct SheetPlan {
    const PageResult *page = nullptr;
    Table changes;
    QVector<int> splits; // first change row of each page; splits[0] == 0
};

class ReportWriter {
public:
    ReportWriter(const ReportInput &input, const ReportOptions &options, QPdfWriter &writer)
        : m_in(input)
        , m_opt(options)
        , m_writer(writer) {
        const CompareSettings settings = CompareSettings::fromJson(input.settings);
        m_colours = settings.colours;
    }

    bool write(const ReportProgress &progress, const std::atomic<bool> *cancel, QString *error,
               ReportLayout *layout);

private:
    QString title() const {
        return m_opt.title.isEmpty() ? EngineText::translate("bt::Report", "Drawing comparison report")
                                     : m_opt.title;
    }
    QString setLabel(bool oldSide) const {
        const QString label = oldSide ? m_opt.oldLabel : m_opt.newLabel;
        return !label.isEmpty()
                   ? label
                   : QFileInfo(oldSide ? m_in.comparison.oldPath : m_in.comparison.newPath).fileName();
    }

    Table sheetTable() const;
    Table changeTable(const PageResult &page) const;
    double coverInfo(QPainter *p, const QRectF &area) const; // returns the height used
    int planCover(const Table &sheets) const;
    void planSheet(SheetPlan &plan) const;
    double panelHead(QPainter *p, const SheetGeometry &g, const PageResult &page) const;
    void drawCover(QPainter &p, const Table &sheets);
    bool drawSheet(QPainter &p, const SheetPlan &plan, const std::atomic<bool> *cancel);
    void drawSheetImage(QPainter &p, const SheetGeometry &g, const PageResult &page);
    void drawTags(QPainter &p, const SheetGeometry &g, const PageResult &page, QSize overlayPx) const;
    void drawHeaderFooter(QPainter &p, const SheetGeometry &g, const PageResult &page, bool continued) const;
    void drawFooter(QPainter &p, const QRectF &footer, const Fonts &fonts) const;
    bool nextPage(const QPageLayout &layout);
    const Document *document(bool oldSide, QString *why);

    const ReportInput &m_in;
    const ReportOptions &m_opt;
    QPdfWriter &m_writer;
    OverlayColours m_colours;
    int m_pageNumber = 0; // PDF page being drawn, 1-based
    bool m_firstPage = true;
    std::unique_ptr<Document> m_docs[2];
    QString m_docErrors[2];
    bool m_docTried[2] = {false, false};
};

Table ReportWriter::sheetTable() const {
    Table t;
    t.headers = QStringList{
        EngineText::translate("bt::Report", "#"),       EngineText::translate("bt::Report", "Drawing"),
        EngineText::translate("bt::Report", "Title"),   EngineText::translate("bt::Report", "Status"),
        EngineText::translate("bt::Report", "Changes"), EngineText::translate("bt::Report", "Page")};
    t.widths = {0.06, 0.16, 0.40, 0.16, 0.11, 0.11};
    for (const PageResult &p : m_in.comparison.pages) {
        const SheetStatus s = sheetStatus(p);
        const bool counted = s == SheetStatus::Changed || s == SheetStatus::Unchanged;
        t.rows.append({QString::number(p.pageNumber), orDash(p.drawingName()), orDash(p.drawingTitle()),
                       statusLabel(s), counted ? QString::number(p.regions.size()) : QStringLiteral("\u2014"),
                       QString()});
        t.emphasis.append(s != SheetStatus::Unchanged);
    }
    return t;
}

Table ReportWriter::changeTable(const PageResult &page) const {
    Table t;
    t.headers = QStringList{
        EngineText::translate("bt::Report", "#"), EngineText::translate("bt::Report", "Kind"),
        EngineText::translate("bt::Report", "Old text"), EngineText::translate("bt::Report", "New text"),
        EngineText::translate("bt::Report", "Review")};
    t.widths = {0.07, 0.15, 0.28, 0.28, 0.22};
    for (const ChangeRegion &r : page.regions) {
        const ChangeReview review = m_in.review(page.pageNumber, r.id);
        const QString reviewText =
            review.comment.isEmpty() ? reviewLabel(review.status)
                                     : EngineText::translate("bt::Report", "%1: %2", "review status: comment")
                                           .arg(reviewLabel(review.status), review.comment);
        t.rows.append({QString::number(r.id), kindLabel(r.kind), orDash(r.oldText.join(QLatin1Char(' '))),
                       orDash(r.newText.join(QLatin1Char(' '))), reviewText});
    }
    return t;
}

// Title, sets, files and dates, comparison, settings and the job summary.
double ReportWriter::coverInfo(QPainter *p, const QRectF &area) const {
    const Fonts fonts(1.0);
    double y = area.top();
    auto block = [&](const QFont &font, const QString &text, const QColor &colour, double after) {
        const QFontMetricsF fm(font, &m_writer);
        const QRectF r = fm.boundingRect(QRectF(area.left(), y, area.width(), 1e6), Qt::TextWordWrap, text);
        if (p) {
            p->setFont(font);
            p->setPen(colour);
            p->drawText(QRectF(area.left(), y, area.width(), r.height() + 1),
                        Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, text);
        }
        y += r.height() + after;
    };
    block(fonts.title, title(), kInk, 4);
    if (!m_opt.project.isEmpty()) block(fonts.heading, m_opt.project, kInk, 4);
    block(fonts.small,
          EngineText::translate("bt::Report", "Created %1 by BuildTrace")
              .arg(dateText(QDateTime::currentDateTime())),
          kMuted, 14);

    const ComparisonResult &c = m_in.comparison;
    block(fonts.bold, EngineText::translate("bt::Report", "Old set: %1").arg(setLabel(true)), kInk, 1);
    block(fonts.body,
          EngineText::translate("bt::Report", "File %1, modified %2")
              .arg(c.oldPath, dateText(m_in.oldModified)),
          kInk, 6);
    block(fonts.bold, EngineText::translate("bt::Report", "New set: %1").arg(setLabel(false)), kInk, 1);
    block(fonts.body,
          EngineText::translate("bt::Report", "File %1, modified %2")
              .arg(c.newPath, dateText(m_in.newModified)),
          kInk, 6);
    block(fonts.bold, EngineText::translate("bt::Report", "Compared %1").arg(dateText(c.started)), kInk, 1);
    block(fonts.body,
          EngineText::translate("bt::Report", "Job %1, %2").arg(c.jobId, jobStatusLabel(c.status)), kInk, 6);
    if (!m_in.settings.isEmpty()) {
        block(fonts.bold, EngineText::translate("bt::Report", "Settings"), kInk, 1);
        block(fonts.small, settingsText(m_in.settings), kInk, 6);
    }
    if (!m_in.summaryText.isEmpty()) {
        block(fonts.bold, EngineText::translate("bt::Report", "Summary"), kInk, 1);
        block(fonts.body, m_in.summaryText, kInk, 6);
    }
    block(fonts.heading, EngineText::translate("bt::Report", "Sheets"), kInk, 4);
    return y - area.top();
}

QRectF coverArea(const QPageLayout &layout) {
    const QSizeF size = layout.fullRect(QPageLayout::Point).size();
    return QRectF(48, 48, size.width() - 96, size.height() - 96 - 20);
}

int ReportWriter::planCover(const Table &sheets) const {
    const Fonts fonts(1.0);
    const TableRenderer table(&m_writer, fonts, 1.0);
    const QRectF area = coverArea(QPageLayout(m_opt.coverPageSize, QPageLayout::Portrait, QMarginsF()));
    const double head = coverInfo(nullptr, area);
    int pages = 1;
    int row = table.draw(nullptr, sheets, area.adjusted(0, head, 0, 0), 0);
    while (row < sheets.rows.size()) {
        const int next = table.draw(nullptr, sheets, area.adjusted(0, 30, 0, 0), row);
        row = next;
        ++pages;
    }
    return pages;
}

void ReportWriter::drawCover(QPainter &p, const Table &sheets) {
    const Fonts fonts(1.0);
    const TableRenderer table(&m_writer, fonts, 1.0);
    const QPageLayout layout(m_opt.coverPageSize, QPageLayout::Portrait, QMarginsF());
    const QRectF area = coverArea(layout);
    const QRectF footer(area.left(), area.bottom() + 8, area.width(), 14);
    const double head = coverInfo(&p, area);
    int row = table.draw(&p, sheets, area.adjusted(0, head, 0, 0), 0);
    drawFooter(p, footer, fonts);
    while (row < sheets.rows.size()) {
        nextPage(layout);
        p.setFont(fonts.heading);
        p.setPen(kInk);
        p.drawText(QRectF(area.left(), area.top(), area.width(), 24), Qt::AlignLeft | Qt::AlignTop,
                   EngineText::translate("bt::Report", "Sheets (continued)"));
        row = table.draw(&p, sheets, area.adjusted(0, 30, 0, 0), row);
        drawFooter(p, footer, fonts);
    }
}

void ReportWriter::drawFooter(QPainter &p, const QRectF &footer, const Fonts &fonts) const {
    p.setPen(QPen(kRule, 0.5));
    p.drawLine(footer.topLeft(), footer.topRight());
    p.setFont(fonts.small);
    p.setPen(kMuted);
    const QString left =
        m_opt.project.isEmpty() ? title() : m_opt.project + QStringLiteral(" \u00b7 ") + title();
    p.drawText(footer.adjusted(0, 2, 0, 0), Qt::AlignLeft | Qt::AlignTop,
               left + QStringLiteral(" \u00b7 ") + setLabel(true) + QStringLiteral(" \u2192 ") +
                   setLabel(false));
    p.drawText(footer.adjusted(0, 2, 0, 0), Qt::AlignRight | Qt::AlignTop,
               EngineText::translate("bt::Report", "Page %1").arg(m_pageNumber));
}

// Legend, summary, details and the change table's title at the top of the panel: drawn when
// the painter is set, measured either way. Returns the height used.
double ReportWriter::panelHead(QPainter *p, const SheetGeometry &g, const PageResult &page) const {
    const Fonts fonts(g.scale);
    const QFontMetricsF body(fonts.body, &m_writer), bold(fonts.bold, &m_writer),
        small(fonts.small, &m_writer);
    const QRectF panel = g.panel;
    double y = panel.top();
    auto line = [&](const QFont &font, const QFontMetricsF &fm, const QString &text, const QColor &colour,
                    double after) {
        const QRectF r = fm.boundingRect(QRectF(panel.left(), y, panel.width(), 1e6), Qt::TextWordWrap, text);
        if (p) {
            p->setFont(font);
            p->setPen(colour);
            p->drawText(QRectF(panel.left(), y, panel.width(), r.height() + 1),
                        Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, text);
        }
        y += r.height() + after * g.scale;
    };
    line(fonts.bold, bold, EngineText::translate("bt::Report", "Legend"), kInk, 4);
    const struct {
        QColor colour;
        QString text;
        bool cloud;
    } legend[] = {
        {m_colours.unchanged, EngineText::translate("bt::Report", "Unchanged: in both sets"), false},
        {m_colours.removed,
         EngineText::translate("bt::Report", "Removed: only in the old set (%1)").arg(setLabel(true)), false},
        {m_colours.added,
         EngineText::translate("bt::Report", "Added: only in the new set (%1)").arg(setLabel(false)), false},
        {m_colours.cloud, EngineText::translate("bt::Report", "Cloud: a change, numbered as in the table"),
         true},
    };
    const double sw = body.height();
    for (const auto &l : legend) {
        if (p) {
            const QRectF swatch(panel.left(), y + 1, sw * 1.6, sw - 2);
            if (l.cloud) {
                p->setPen(QPen(l.colour, 1.5 * g.scale));
                p->setBrush(Qt::NoBrush);
                p->drawRoundedRect(swatch, swatch.height() / 2, swatch.height() / 2);
            } else {
                p->fillRect(swatch, l.colour);
            }
            const double textW = panel.width() - swatch.width() - 6 * g.scale;
            p->setFont(fonts.body);
            p->setPen(kInk);
            p->drawText(QRectF(swatch.right() + 6 * g.scale, y, textW, sw), Qt::AlignLeft | Qt::AlignVCenter,
                        body.elidedText(l.text, Qt::ElideRight, textW));
        }
        y += sw + 3 * g.scale;
    }
    y += 8 * g.scale;
    // A summary the AI provider rewrote says so where it is read (summary/aisummary.h).
    line(fonts.bold, bold,
         page.summaryAiModel.isEmpty()
             ? EngineText::translate("bt::Report", "Summary")
             : EngineText::translate("bt::Report", "Summary (rewritten by the AI model %1)")
                   .arg(page.summaryAiModel),
         kInk, 2);
    line(fonts.body, body, orDash(page.summaryText), kInk, 8);
    auto side = [&](bool oldSide) {
        const int index = oldSide ? page.oldPage : page.newPage;
        return index >= 0 ? EngineText::translate("bt::Report", "page %1 of %2")
                                .arg(index + 1)
                                .arg(setLabel(oldSide))
                          : EngineText::translate("bt::Report", "not in this set");
    };
    line(fonts.small, small,
         EngineText::translate("bt::Report", "Old: %1. New: %2.").arg(side(true), side(false)), kMuted, 2);
    QString details;
    if (page.match == MatchKind::Matched && page.diffDone) {
        details = EngineText::translate("bt::Report", "Compared at %1 DPI, alignment %2 (score %3).")
                      .arg(page.dpi)
                      .arg(page.alignment.method)
                      .arg(page.alignment.score, 0, 'f', 2);
        if (!page.alignment.warning.isEmpty())
            details += QLatin1Char(' ') + alignmentWarningText(page.alignment);
    }
    if (!page.error.isEmpty()) details = EngineText::translate("bt::Report", "Failed: %1").arg(page.error);
    if (!details.isEmpty())
        line(fonts.small, small, details, page.error.isEmpty() ? kMuted : QColor(180, 0, 0), 2);
    y += 8 * g.scale;
    line(fonts.bold, bold, EngineText::translate("bt::Report", "Changes (%1)").arg(page.regions.size()), kInk,
         4);
    return y - panel.top();
}

void ReportWriter::planSheet(SheetPlan &plan) const {
    const SheetGeometry g(plan.page->pageSizePt);
    const Fonts fonts(g.scale);
    const TableRenderer table(&m_writer, fonts, g.scale);
    plan.changes = changeTable(*plan.page);
    plan.splits = {0};
    if (plan.changes.rows.isEmpty()) return;
    // The panel's table, then full-width continuation pages below a heading.
    const QRectF first = g.panel.adjusted(0, panelHead(nullptr, g, *plan.page), 0, 0);
    int row = table.draw(nullptr, plan.changes, first, 0);
    const QRectF more =
        g.content.adjusted(0, QFontMetricsF(fonts.heading, &m_writer).height() + 8 * g.scale, 0, 0);
    while (row < plan.changes.rows.size()) {
        plan.splits.append(row);
        row = table.draw(nullptr, plan.changes, more, row);
    }
}

bool ReportWriter::nextPage(const QPageLayout &layout) {
    m_writer.setPageLayout(layout);
    if (!m_firstPage && !m_writer.newPage()) return false;
    m_firstPage = false;
    ++m_pageNumber;
    return true;
}

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

void ReportWriter::drawHeaderFooter(QPainter &p, const SheetGeometry &g, const PageResult &page,
                                    bool continued) const {
    const Fonts fonts(g.scale);
    const SheetStatus status = sheetStatus(page);
    QString heading = sheetName(page);
    if (!page.drawingTitle().isEmpty()) heading += QStringLiteral("  ") + page.drawingTitle();
    if (continued)
        heading += QStringLiteral("  ") + EngineText::translate("bt::Report", "(changes continued)");
    p.setFont(fonts.title);
    p.setPen(kInk);
    const QFontMetricsF titleFm(fonts.title, &m_writer);
    p.drawText(g.header, Qt::AlignLeft | Qt::AlignVCenter,
               titleFm.elidedText(heading, Qt::ElideRight, g.header.width() * 0.7));
    QString state = statusLabel(status);
    if (status == SheetStatus::Changed)
        state += QStringLiteral(" \u00b7 ") +
                 EngineText::translate("bt::Report", "%n change(s)", nullptr, int(page.regions.size()));
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

void ReportWriter::drawSheetImage(QPainter &p, const SheetGeometry &g, const PageResult &page) {
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
        if (m_opt.encoding == ReportOptions::ImageEncoding::Jpeg)
            p.drawImage(g.image, overlay.colourImage(px));
        else
            paint(overlay.pieces(px));
        frame();
        drawTags(p, g, page, overlay.sourceSize());
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
    if (!page.regions.isEmpty()) drawTags(p, g, page, QSize());
}

// Numbered tags of the clouds as text, over the overlay's own pixel tags (same place, a little
// larger): legible at any zoom, and searchable.
void ReportWriter::drawTags(QPainter &p, const SheetGeometry &g, const PageResult &page,
                            QSize overlayPx) const {
    if (page.regions.isEmpty() || page.pageSizePt.isEmpty()) return;
    const double toPage = g.image.width() / page.pageSizePt.width(); // sheet points -> page points
    const double pxPerPt = page.dpi > 0 ? page.dpi / 72.0 : 1.0;
    const Fonts fonts(g.scale);
    QFont font = fonts.tag;
    for (const ChangeRegion &r : page.regions) {
        const QString label = QString::number(r.id);
        QPointF centre;
        double radius = 0; // page points
        if (!overlayPx.isEmpty()) {
            // Where core/diff/overlay.cpp put its tag, in overlay pixels.
            const CloudShape cloud = cloudShape(r, pxPerPt, cv::Size(overlayPx.width(), overlayPx.height()));
            const double pxToPage = g.image.width() / overlayPx.width();
            centre = g.image.topLeft() + QPointF(cloud.tagCentre.x, cloud.tagCentre.y) * pxToPage;
            radius = (cloud.tagRadius + cloud.thickness) * pxToPage;
        } else {
            const QRectF box = cloudBoxPt(r, page.pageSizePt);
            p.setPen(QPen(m_colours.cloud, 1.5 * g.scale));
            p.setBrush(Qt::NoBrush);
            p.drawRect(QRectF(g.image.topLeft() + box.topLeft() * toPage, box.size() * toPage));
            centre = g.image.topLeft() + box.topLeft() * toPage;
        }
        // At least a readable size on the page, and wide enough for the number.
        font.setPointSizeF(std::max(fonts.tag.pointSizeF(), radius * 0.9));
        const QFontMetricsF fm(font, &m_writer);
        radius =
            std::max({radius, fm.height() * 0.75, fm.horizontalAdvance(label) * 0.5 + fm.height() * 0.3});
        p.setPen(QPen(m_colours.cloud, std::max(1.0, radius * 0.12)));
        p.setBrush(Qt::white);
        p.drawEllipse(centre, radius, radius);
        p.setFont(font);
        p.setPen(m_colours.cloud);
        p.drawText(QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius), Qt::AlignCenter,
                   label);
    }
    p.setBrush(Qt::NoBrush);
}

bool ReportWriter::drawSheet(QPainter &p, const SheetPlan &plan, const std::atomic<bool> *cancel) {
    const PageResult &page = *plan.page;
    const SheetGeometry g(page.pageSizePt);
    const Fonts fonts(g.scale);
    const TableRenderer table(&m_writer, fonts, g.scale);
    if (!nextPage(g.layout())) return false;
    drawHeaderFooter(p, g, page, false);
    drawSheetImage(p, g, page);
    const QRectF panelTable = g.panel.adjusted(0, panelHead(&p, g, page), 0, 0);
    if (plan.changes.rows.isEmpty()) {
        p.setFont(fonts.body);
        p.setPen(kInk);
        p.drawText(panelTable, Qt::AlignLeft | Qt::AlignTop, EngineText::translate("bt::Report", "None."));
        return true;
    }
    table.draw(&p, plan.changes, panelTable, 0);
    const double headingH = QFontMetricsF(fonts.heading, &m_writer).height();
    const QRectF more = g.content.adjusted(0, headingH + 8 * g.scale, 0, 0);
    for (int i = 1; i < plan.splits.size(); ++i) {
        if (cancel && cancel->load()) return true;
        if (!nextPage(g.layout())) return false;
        drawHeaderFooter(p, g, page, true);
        table.draw(&p, plan.changes, more, plan.splits[i]);
    }
    return true;
}

bool ReportWriter::write(const ReportProgress &progress, const std::atomic<bool> *cancel, QString *error,
                         ReportLayout *layout) {
    ReportLayout out;
    QVector<SheetPlan> plans;
    for (const PageResult &page : m_in.comparison.pages) {
        if (!isReported(page, m_opt)) continue;
        SheetPlan plan;
        plan.page = &page;
        planSheet(plan);
        plans.append(plan);
    }
    Table sheets = sheetTable();
    out.coverPages = planCover(sheets);
    int next = out.coverPages + 1;
    for (const SheetPlan &plan : plans) {
        out.sheets.append(plan.page->pageNumber);
        out.sheetFirstPage.append(next);
        out.sheetPageCount.append(int(plan.splits.size()));
        sheets.rows[plan.page->pageNumber - 1].last() = QString::number(next);
        next += int(plan.splits.size());
    }
    for (QStringList &row : sheets.rows)
        if (row.last().isEmpty()) row.last() = QStringLiteral("\u2014");
    out.pageCount = next - 1;

    const int total = 1 + int(plans.size());
    QPainter p;
    nextPage(QPageLayout(m_opt.coverPageSize, QPageLayout::Portrait, QMarginsF()));
    if (!p.begin(&m_writer)) {
        if (error) *error = EngineText::translate("bt::Report", "cannot start the PDF");
        return false;
    }
    p.setRenderHint(QPainter::Antialiasing);
    drawCover(p, sheets);
    if (progress) progress(1, total);
    int done = 1;
    for (const SheetPlan &plan : plans) {
        if (cancel && cancel->load()) break;
        if (!drawSheet(p, plan, cancel)) {
            p.end();
            if (error) *error = EngineText::translate("bt::Report", "cannot add a page");
            return false;
        }
        if (progress) progress(++done, total);
    }
    p.end();
    if (cancel && cancel->load()) {
        if (error) *error = EngineText::translate("bt::Report", "cancelled");
        return false;
    }
    if (layout) *layout = out;
    return true;
}

} // namespace

bool writeReport(const ReportInput &input, const ReportOptions &options, const QString &pdfPath,
                 const ReportProgress &progress, const std::atomic<bool> *cancel, QString *error,
                 ReportLayout *layout) {
    OutputFile file(pdfPath); // the old report stays until the new one is complete
    if (!file.open()) {
        if (error)
            *error = EngineText::translate("bt::Report", "%1: cannot write the report (%2)")
                         .arg(pdfPath, file.errorString());
        return false;
    }
    // QImageReader counts four bytes a pixel against its limit (128 MB by default) whatever the
    // format, so it refuses a 42 MP palette overlay; the viewer raises it the same way.
    constexpr int kOverlayAllocationMb = 512;
    if (QImageReader::allocationLimit() > 0 && QImageReader::allocationLimit() < kOverlayAllocationMb)
        QImageReader::setAllocationLimit(kOverlayAllocationMb);
    QString e;
    bool ok = false;
    {
        QPdfWriter writer(file.device());
        writer.setResolution(kResolution);
        writer.setCreator(QStringLiteral("BuildTrace"));
        writer.setTitle(options.title.isEmpty()
                            ? EngineText::translate("bt::Report", "Drawing comparison report")
                            : options.title);
        ReportWriter report(input, options, writer);
        ok = report.write(progress, cancel, &e, layout);
    }
    if (!ok) {
        file.cancelWriting();
        if (error)
            *error = EngineText::translate("bt::Report", "%1: report not written (%2)").arg(pdfPath, e);
        return false;
    }
    if (!file.commit()) {
        if (error)
            *error = EngineText::translate("bt::Report", "%1: cannot write the report (%2)")
                         .arg(pdfPath, file.errorString());
        return false;
    }
    return true;
}

} // namespace bt
