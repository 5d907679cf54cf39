#include "report.h"

#include "reporttexts.h"
#include "reportwriter.h"

#include "i18n/enginetext.h"
#include "io/outputfile.h"
#include "review/regionreview.h"
#include "summary/summary.h"

#include <QBuffer>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QImageReader>
#include <QPainter>
#include <QPdfWriter>

#include <cmath>

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

} // namespace

SheetGeometry::SheetGeometry(QSizeF sheetPt, const std::optional<QPageSize> &paper) {
    if (sheetPt.width() <= 0 || sheetPt.height() <= 0) sheetPt = QSizeF(36 * 72, 24 * 72);
    if (paper) {
        const QSizeF portrait = paper->size(QPageSize::Point);
        page = sheetPt.width() > sheetPt.height() ? portrait.transposed() : portrait;
        // Paper is read closer than a sheet on the table: smaller type than the sheet scale.
        scale = std::clamp(std::min(page.width(), page.height()) / kArchDShortSidePt * 1.4, 0.6, 1.0);
    } else {
        const double longSide = std::max(sheetPt.width(), sheetPt.height());
        const double k = std::min(std::max(1.0, kMinLongSidePt / longSide), kMaxSidePt / longSide);
        page = sheetPt * k;
        scale = std::clamp(std::min(page.width(), page.height()) / kArchDShortSidePt, 0.75, 2.0);
    }
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
        imageArea = QRectF(content.left(), content.top(), content.width() - panelW - gap, content.height());
    } else { // portrait: panel below
        const double panelH = std::max(content.height() * 0.3, 200 * scale);
        panel = QRectF(content.left(), content.bottom() - panelH, content.width(), panelH);
        imageArea = QRectF(content.left(), content.top(), content.width(), content.height() - panelH - gap);
    }
    const double fit = std::min(imageArea.width() / sheetPt.width(), imageArea.height() / sheetPt.height());
    image = QRectF(imageArea.topLeft(), sheetPt * fit);
}

QPageLayout SheetGeometry::pageLayout(QSizeF sizePt) {
    // QPageSize keeps sizes portrait; the orientation turns it.
    const bool landscape = sizePt.width() > sizePt.height();
    const QSizeF portrait = landscape ? sizePt.transposed() : sizePt;
    return QPageLayout(QPageSize(portrait, QPageSize::Point, QString(), QPageSize::ExactMatch),
                       landscape ? QPageLayout::Landscape : QPageLayout::Portrait, QMarginsF(0, 0, 0, 0),
                       QPageLayout::Point);
}

QString alignmentText(const PageResult &page) {
    if (page.match != MatchKind::Matched || !page.diffDone) return QString();
    if (!page.alignment.reliable())
        return EngineText::translate("bt::Report", "Alignment uncertain \u2014 check: %1")
            .arg(alignmentWarningText(page.alignment));
    // A hand alignment would be method "manual" (the viewer has none yet).
    if (page.alignment.method == QLatin1String("manual"))
        return EngineText::translate("bt::Report", "Aligned by hand.");
    return EngineText::translate("bt::Report", "Aligned automatically.");
}

ReportWriter::ReportWriter(const ReportInput &input, const ReportOptions &options, QPagedPaintDevice &device)
    : m_in(input)
    , m_opt(options)
    , m_device(device) {
    m_colours = input.colours;
    // Read here, on the thread that writes the report, unless the input already has them.
    m_oldRevision = input.oldRevision.pagesRead > 0
                        ? input.oldRevision
                        : ReportInput::titleBlockRevision(input.comparison.oldPath);
    m_newRevision = input.newRevision.pagesRead > 0
                        ? input.newRevision
                        : ReportInput::titleBlockRevision(input.comparison.newPath);
}

QString ReportWriter::title() const {
    return m_opt.title.isEmpty() ? EngineText::translate("bt::Report", "Drawing comparison report")
                                 : m_opt.title;
}

// A set's name as the report prints it: its label, else the file name (never the folder).
QString ReportWriter::setLabel(bool oldSide) const {
    const QString label = oldSide ? m_opt.oldLabel : m_opt.newLabel;
    return !label.isEmpty()
               ? label
               : QFileInfo(oldSide ? m_in.comparison.oldPath : m_in.comparison.newPath).fileName();
}

QString ReportWriter::setWithRevision(bool oldSide) const {
    const SetRevision &r = oldSide ? m_oldRevision : m_newRevision;
    const QString value = !r.field.isEmpty() ? r.field : r.tableRow;
    QStringList said;
    if (!value.isEmpty()) said << EngineText::translate("bt::Report", "revision %1").arg(value);
    if (r.date.isValid()) said << r.date.toString(Qt::ISODate);
    if (said.isEmpty()) return setLabel(oldSide);
    return EngineText::translate("bt::Report", "%1 (%2, from the title blocks)",
                                 "set name, revision and date")
        .arg(setLabel(oldSide), said.join(QStringLiteral(", ")));
}

QVector<ShownChange> ReportWriter::shownChanges(const PageResult &page) const {
    QVector<ShownChange> shown;
    for (const ChangeRegion &r : page.regions) {
        const QString status = m_in.review(page.pageNumber, r.id).status;
        if (m_opt.reviewedOnly && status == QLatin1String("open")) continue;
        const bool rejected = status == QLatin1String("rejected");
        if (rejected && m_opt.rejected == ReportOptions::Rejected::LeftOut) continue;
        shown.append({&r, rejected});
    }
    return shown;
}

QVector<PdfBookmark> ReportWriter::outline(const ReportLayout &layout) const {
    QVector<PdfBookmark> out;
    for (int i = 0; i < layout.sheets.size(); ++i) {
        const PageResult &page = m_in.comparison.pages[layout.sheets[i] - 1];
        QString text = sheetName(page);
        if (!page.drawingTitle().isEmpty()) text += QStringLiteral(" \u2013 ") + page.drawingTitle();
        out.append({text, layout.sheetFirstPage[i]});
    }
    return out;
}

Table ReportWriter::changeTable(const PageResult &page, const QVector<ShownChange> &changes) const {
    Table t;
    t.headers = QStringList{
        EngineText::translate("bt::Report", "#"), EngineText::translate("bt::Report", "Kind"),
        EngineText::translate("bt::Report", "Old text"), EngineText::translate("bt::Report", "New text"),
        EngineText::translate("bt::Report", "Review")};
    t.widths = {0.07, 0.15, 0.28, 0.28, 0.22};
    for (const ShownChange &c : changes) {
        const ChangeRegion &r = *c.region;
        const ChangeReview review = m_in.review(page.pageNumber, r.id);
        QString reviewText = review.comment.isEmpty()
                                 ? reviewLabel(review.status)
                                 : EngineText::translate("bt::Report", "%1: %2", "review status: comment")
                                       .arg(reviewLabel(review.status), review.comment);
        // Who set it and when (a team's reviews come from several people): names and a date only.
        if (!review.reviewer.isEmpty() && review.updatedAt.isValid() &&
            (review.status != reviewStatusName(ReviewStatus::Open) || !review.comment.isEmpty()))
            reviewText +=
                QStringLiteral(" (%1, %2)")
                    .arg(review.reviewer, review.updatedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd")));
        t.rows.append({QString::number(r.id), kindLabel(r.kind), orDash(r.oldText.join(QLatin1Char(' '))),
                       orDash(r.newText.join(QLatin1Char(' '))), reviewText});
        t.emphasis.append(false);
        t.struck.append(c.rejected);
    }
    return t;
}

// Legend, summary, details and the change table's title at the top of the panel: drawn when
// the painter is set, measured either way. Returns the height used.
double ReportWriter::panelHead(QPainter *p, const SheetGeometry &g, const SheetPlan &plan) const {
    const PageResult &page = *plan.page;
    const Fonts fonts(g.scale);
    const QFontMetricsF body(fonts.body, &m_device), bold(fonts.bold, &m_device),
        small(fonts.small, &m_device);
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
    enum class Swatch { Fill, Cloud, Rejected };
    struct Entry {
        QColor colour;
        QString text;
        Swatch swatch;
    };
    QVector<Entry> legend = {
        {m_colours.unchanged, EngineText::translate("bt::Report", "Unchanged: in both sets"), Swatch::Fill},
        {m_colours.removed,
         EngineText::translate("bt::Report", "Removed: only in the old set (%1)").arg(setLabel(true)),
         Swatch::Fill},
        {m_colours.added,
         EngineText::translate("bt::Report", "Added: only in the new set (%1)").arg(setLabel(false)),
         Swatch::Fill},
        {m_colours.cloud, EngineText::translate("bt::Report", "Cloud: a change, numbered as in the table"),
         Swatch::Cloud},
    };
    if (std::any_of(plan.changes.begin(), plan.changes.end(),
                    [](const ShownChange &c) { return c.rejected; }))
        legend.append({ReportColours::struck,
                       EngineText::translate("bt::Report", "Dashed grey cloud: a rejected change"),
                       Swatch::Rejected});
    const double sw = body.height();
    for (const Entry &l : legend) {
        if (p) {
            const QRectF swatch(panel.left(), y + 1, sw * 1.6, sw - 2);
            if (l.swatch == Swatch::Fill) {
                p->fillRect(swatch, l.colour);
            } else {
                QPen pen(l.colour, 1.5 * g.scale,
                         l.swatch == Swatch::Rejected ? Qt::DashLine : Qt::SolidLine);
                p->setPen(pen);
                p->setBrush(Qt::NoBrush);
                p->drawRoundedRect(swatch, swatch.height() / 2, swatch.height() / 2);
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
    line(fonts.body, body, orDash(plan.summary), kInk, 8);
    auto side = [&](bool oldSide) {
        const int index = oldSide ? page.oldPage : page.newPage;
        return index >= 0 ? EngineText::translate("bt::Report", "page %1 of %2")
                                .arg(index + 1)
                                .arg(setLabel(oldSide))
                          : EngineText::translate("bt::Report", "not in this set");
    };
    line(fonts.small, small,
         EngineText::translate("bt::Report", "Old: %1. New: %2.").arg(side(true), side(false)), kMuted, 2);
    const QString details = page.error.isEmpty()
                                ? alignmentText(page)
                                : EngineText::translate("bt::Report", "Failed: %1").arg(page.error);
    const bool warn = !page.error.isEmpty() || !page.alignment.reliable();
    if (!details.isEmpty()) line(fonts.small, small, details, warn ? QColor(180, 0, 0) : kMuted, 2);
    y += 8 * g.scale;
    line(fonts.bold, bold, EngineText::translate("bt::Report", "Changes (%1)").arg(plan.changes.size()), kInk,
         4);
    return y - panel.top();
}

void ReportWriter::planSheet(SheetPlan &plan) const {
    const SheetGeometry g(plan.page->pageSizePt, m_opt.paper);
    const Fonts fonts(g.scale);
    const TableRenderer table(&m_device, fonts, g.scale);
    plan.changes = shownChanges(*plan.page);
    plan.table = changeTable(*plan.page, plan.changes);
    plan.summary = plan.page->summaryText;
    // Changes left out are not in the summary either (an AI's rewrite cannot be redone: it stays).
    if (plan.changes.size() < plan.page->regions.size() && plan.page->summaryAiModel.isEmpty() &&
        !plan.summary.isEmpty()) {
        PageResult shown = *plan.page;
        shown.regions.clear();
        for (const ShownChange &c : plan.changes)
            shown.regions.append(*c.region);
        plan.summary = summarisePage(shown);
    }
    plan.splits = {0};
    if (plan.table.rows.isEmpty()) return;
    // The panel's table, then full-width continuation pages below a heading.
    const QRectF first = g.panel.adjusted(0, panelHead(nullptr, g, plan), 0, 0);
    int row = table.draw(nullptr, plan.table, first, 0);
    const QRectF more =
        g.content.adjusted(0, QFontMetricsF(fonts.heading, &m_device).height() + 8 * g.scale, 0, 0);
    while (row < plan.table.rows.size()) {
        plan.splits.append(row);
        row = table.draw(nullptr, plan.table, more, row);
    }
}

// Starts the next page (the first one is open from QPainter::begin, in its layout already).
bool ReportWriter::nextPage(const QPageLayout &layout) {
    if (!m_firstPage) {
        m_device.setPageLayout(layout);
        if (!m_device.newPage()) return false;
    }
    m_firstPage = false;
    ++m_pageNumber;
    return true;
}

bool ReportWriter::drawSheet(QPainter &p, const SheetPlan &plan, const std::atomic<bool> *cancel) {
    const PageResult &page = *plan.page;
    const SheetGeometry g(page.pageSizePt, m_opt.paper);
    const Fonts fonts(g.scale);
    const TableRenderer table(&m_device, fonts, g.scale);
    if (!nextPage(g.layout())) return false;
    drawHeaderFooter(p, g, plan, false);
    drawSheetImage(p, g, plan);
    const QRectF panelTable = g.panel.adjusted(0, panelHead(&p, g, plan), 0, 0);
    if (plan.table.rows.isEmpty()) {
        p.setFont(fonts.body);
        p.setPen(kInk);
        p.drawText(panelTable, Qt::AlignLeft | Qt::AlignTop, EngineText::translate("bt::Report", "None."));
        return true;
    }
    table.draw(&p, plan.table, panelTable, 0);
    const double headingH = QFontMetricsF(fonts.heading, &m_device).height();
    const QRectF more = g.content.adjusted(0, headingH + 8 * g.scale, 0, 0);
    for (int i = 1; i < plan.splits.size(); ++i) {
        if (cancel && cancel->load()) return true;
        if (!nextPage(g.layout())) return false;
        drawHeaderFooter(p, g, plan, true);
        table.draw(&p, plan.table, more, plan.splits[i]);
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
        // "Changed sheets only" with changes left out: a sheet with none left has no page.
        if (m_opt.scope == ReportOptions::Scope::ChangedOnly && sheetStatus(page) == SheetStatus::Changed &&
            plan.changes.isEmpty())
            continue;
        plans.append(plan);
    }
    Table sheets = sheetTable();
    out.coverPages = m_opt.cover ? planCover(sheets) : 0;
    QVector<int> targets(sheets.rows.size(), 0); // per cover row: the sheet's first page
    int next = out.coverPages + 1;
    for (const SheetPlan &plan : plans) {
        out.sheets.append(plan.page->pageNumber);
        out.sheetFirstPage.append(next);
        out.sheetPageCount.append(int(plan.splits.size()));
        sheets.rows[plan.page->pageNumber - 1].last() = QString::number(next);
        targets[plan.page->pageNumber - 1] = next;
        next += int(plan.splits.size());
    }
    for (int i = 0; i < sheets.rows.size(); ++i) {
        sheets.linked.append(targets[i] > 0);
        if (sheets.rows[i].last().isEmpty()) sheets.rows[i].last() = QStringLiteral("\u2014");
    }
    const Table alignment = alignmentTable();
    out.appendixPages = m_opt.appendix ? planAppendix(alignment) : 0;
    out.appendixFirstPage = out.appendixPages > 0 ? next : 0;
    out.pageCount = next - 1 + out.appendixPages;
    if (out.pageCount == 0) {
        if (error) *error = EngineText::translate("bt::Report", "nothing to report");
        return false;
    }

    const int total = (m_opt.cover ? 1 : 0) + int(plans.size()) + (out.appendixPages > 0 ? 1 : 0);
    int done = 0;
    // The first page is opened by QPainter::begin in the layout set now.
    m_device.setPageLayout(m_opt.cover ? coverLayout()
                           : !plans.isEmpty()
                               ? SheetGeometry(plans.first().page->pageSizePt, m_opt.paper).layout()
                               : coverLayout());
    QPainter p;
    if (!p.begin(&m_device)) {
        if (error) *error = EngineText::translate("bt::Report", "cannot start the PDF");
        return false;
    }
    p.setRenderHint(QPainter::Antialiasing);
    if (m_opt.cover) {
        drawCover(p, sheets, targets);
        if (progress) progress(++done, total);
    }
    bool ok = true;
    for (const SheetPlan &plan : plans) {
        if (cancel && cancel->load()) break;
        if (!(ok = drawSheet(p, plan, cancel))) break;
        if (progress) progress(++done, total);
    }
    if (ok && out.appendixPages > 0 && !(cancel && cancel->load())) {
        ok = drawAppendix(p, alignment);
        if (ok && progress) progress(++done, total);
    }
    p.end();
    if (!ok) {
        if (error) *error = EngineText::translate("bt::Report", "cannot add a page");
        return false;
    }
    if (cancel && cancel->load()) {
        if (error) *error = EngineText::translate("bt::Report", "cancelled");
        return false;
    }
    if (layout) *layout = out;
    return true;
}

bool paintReport(const ReportInput &input, const ReportOptions &options, QPagedPaintDevice *device,
                 const ReportProgress &progress, const std::atomic<bool> *cancel, QString *error,
                 ReportLayout *layout) {
    ReportWriter report(input, options, *device);
    return report.write(progress, cancel, error, layout);
}

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
    QByteArray pdf;
    ReportLayout out;
    QVector<PdfLink> links;
    QVector<PdfBookmark> outline;
    {
        // In memory first: the links and the outline are added to the finished PDF.
        QBuffer buffer(&pdf);
        buffer.open(QIODevice::WriteOnly);
        QPdfWriter writer(&buffer);
        writer.setResolution(kResolution);
        writer.setCreator(QStringLiteral("BuildTrace"));
        writer.setTitle(options.title.isEmpty()
                            ? EngineText::translate("bt::Report", "Drawing comparison report")
                            : options.title);
        ReportWriter report(input, options, writer);
        ok = report.write(progress, cancel, &e, &out);
        links = report.links();
        outline = report.outline(out);
    }
    if (ok) {
        pdf = addPdfNavigation(pdf, links, outline, &e);
        ok = !pdf.isEmpty() && file.device()->write(pdf) == pdf.size();
        if (!ok && e.isEmpty()) e = file.device()->errorString();
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
    if (layout) *layout = out;
    return true;
}

} // namespace bt
