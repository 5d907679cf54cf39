// The report's cover (project, sets, issuer, summary, linked sheet table) and its appendix
// (files, settings, alignment per sheet): ReportWriter's portrait pages.
#include "reporttexts.h"
#include "reportwriter.h"

#include "i18n/enginetext.h"

#include <QFileInfo>
#include <QFontMetricsF>
#include <QImageReader>
#include <QPainter>

namespace bt {

namespace {

const QColor &kInk = ReportColours::ink;
const QColor &kMuted = ReportColours::muted;
const QColor &kRule = ReportColours::rule;

constexpr double kMargin = 48;
constexpr QSizeF kLogoMaxPt{160, 64};

QRectF coverArea(const QPageLayout &layout) {
    const QSizeF size = layout.fullRect(QPageLayout::Point).size();
    return QRectF(kMargin, kMargin, size.width() - 2 * kMargin, size.height() - 2 * kMargin - 20);
}

QRectF footerRect(const QRectF &area) {
    return QRectF(area.left(), area.bottom() + 8, area.width(), 14);
}

// Text blocks stacked down a column: measured always, drawn when there is a painter.
class Column {
public:
    Column(QPainter *p, const QPaintDevice *device, const QRectF &area)
        : m_p(p)
        , m_device(device)
        , m_area(area)
        , y(area.top()) {}

    void block(const QFont &font, const QString &text, const QColor &colour, double after, double right = 0) {
        const QRectF box(m_area.left(), y, m_area.width() - right, 1e6);
        const QRectF r = QFontMetricsF(font, const_cast<QPaintDevice *>(m_device))
                             .boundingRect(box, Qt::TextWordWrap, text);
        if (m_p) {
            m_p->setFont(font);
            m_p->setPen(colour);
            m_p->drawText(QRectF(box.left(), y, box.width(), r.height() + 1),
                          Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, text);
        }
        y += r.height() + after;
    }
    // A label and its value side by side.
    void field(const ReportFonts &fonts, const QString &label, const QString &value, double labelWidth) {
        const QFontMetricsF fm(fonts.body, const_cast<QPaintDevice *>(m_device));
        const QRectF valueBox(m_area.left() + labelWidth, y, m_area.width() - labelWidth, 1e6);
        const QRectF r = fm.boundingRect(valueBox, Qt::TextWordWrap, value);
        if (m_p) {
            m_p->setFont(fonts.bold);
            m_p->setPen(kMuted);
            m_p->drawText(QRectF(m_area.left(), y, labelWidth - 8, r.height() + 1),
                          Qt::AlignLeft | Qt::AlignTop, label);
            m_p->setFont(fonts.body);
            m_p->setPen(kInk);
            m_p->drawText(QRectF(valueBox.left(), y, valueBox.width(), r.height() + 1),
                          Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, value);
        }
        y += r.height() + 3;
    }
    void rule(double before, double after) {
        y += before;
        if (m_p) {
            m_p->setPen(QPen(kRule, 0.75));
            m_p->drawLine(QPointF(m_area.left(), y), QPointF(m_area.right(), y));
        }
        y += after;
    }

private:
    QPainter *m_p;
    const QPaintDevice *m_device;
    QRectF m_area;

public:
    double y;
};

// The logo fitted into kLogoMaxPt; null when there is none or it cannot be read.
QImage logoImage(const QString &path) {
    if (path.isEmpty()) return QImage();
    QImageReader reader(path);
    reader.setAutoTransform(true);
    return reader.read();
}

QSizeF logoSize(const QImage &logo) {
    if (logo.isNull()) return QSizeF();
    return QSizeF(logo.size()).scaled(kLogoMaxPt, Qt::KeepAspectRatio);
}

} // namespace

QPageLayout ReportWriter::coverLayout() const {
    return QPageLayout(m_opt.paper ? *m_opt.paper : m_opt.coverPageSize, QPageLayout::Portrait, QMarginsF());
}

ReportTable ReportWriter::sheetTable() const {
    ReportTable t;
    t.headers = QStringList{
        EngineText::translate("bt::Report", "#"),       EngineText::translate("bt::Report", "Drawing"),
        EngineText::translate("bt::Report", "Title"),   EngineText::translate("bt::Report", "Status"),
        EngineText::translate("bt::Report", "Changes"), EngineText::translate("bt::Report", "Page")};
    t.widths = {0.06, 0.16, 0.40, 0.16, 0.11, 0.11};
    for (const PageResult &p : m_in.comparison.pages) {
        const SheetStatus s = sheetStatus(p);
        const bool counted = s == SheetStatus::Changed || s == SheetStatus::Unchanged;
        t.rows.append(
            {QString::number(p.pageNumber), orDash(p.drawingName()), orDash(p.drawingTitle()), statusLabel(s),
             counted ? QString::number(shownChanges(p).size()) : QStringLiteral("\u2014"), QString()});
        t.emphasis.append(s != SheetStatus::Unchanged);
    }
    return t;
}

// Logo, title, project, sets, issuer, dates, review state and the job summary. Nothing of the
// machine (paths, job id, settings): those are in the appendix.
double ReportWriter::coverInfo(QPainter *p, const QRectF &area) const {
    const ReportFonts fonts(1.0);
    const QImage logo = logoImage(m_opt.logoPath);
    const QSizeF logoPt = logoSize(logo);
    if (p && !logo.isNull())
        p->drawImage(QRectF(QPointF(area.right() - logoPt.width(), area.top()), logoPt), logo);
    Column c(p, &m_device, area);
    const double besideLogo = logo.isNull() ? 0 : logoPt.width() + 16;
    c.block(fonts.title, title(), kInk, 6, besideLogo);
    if (!m_opt.project.isEmpty()) c.block(fonts.heading, m_opt.project, kInk, 3, besideLogo);
    QStringList project;
    if (!m_opt.projectNumber.isEmpty())
        project << EngineText::translate("bt::Report", "Project no. %1").arg(m_opt.projectNumber);
    if (!m_opt.client.isEmpty())
        project << EngineText::translate("bt::Report", "Client: %1").arg(m_opt.client);
    if (!project.isEmpty())
        c.block(fonts.body, project.join(QStringLiteral("  \u00b7  ")), kMuted, 0, besideLogo);
    c.y = std::max(c.y, area.top() + logoPt.height());
    c.rule(12, 12);

    const ComparisonResult &in = m_in.comparison;
    const double labelW = 96;
    c.field(fonts, EngineText::translate("bt::Report", "Old set"), setWithRevision(true), labelW);
    c.field(fonts, EngineText::translate("bt::Report", "New set"), setWithRevision(false), labelW);
    if (!m_opt.issuer.isEmpty())
        c.field(fonts, EngineText::translate("bt::Report", "Issued by"), m_opt.issuer, labelW);
    c.field(fonts, EngineText::translate("bt::Report", "Date"),
            QDate::currentDate().toString(QStringLiteral("yyyy-MM-dd")), labelW);
    c.field(fonts, EngineText::translate("bt::Report", "Compared"), dateText(in.started), labelW);
    int changes = 0, accepted = 0, rejected = 0, clarify = 0;
    // As the window counts them: an added or removed sheet is one item (compare/sheetstatus.h).
    for (const PageResult &page : in.pages)
        for (const ChangeRegion &r : reviewableRegions(page, 1.0)) {
            ++changes;
            const QString s = m_in.review(page.pageNumber, r.id).status;
            accepted += s == QLatin1String("accepted");
            rejected += s == QLatin1String("rejected");
            clarify += s == QLatin1String("needs_clarification");
        }
    if (accepted + rejected + clarify > 0)
        c.field(
            fonts, EngineText::translate("bt::Report", "Review"),
            EngineText::translate(
                "bt::Report", "%1 of %2 changes reviewed: %3 accepted, %4 rejected, %5 need clarification")
                .arg(accepted + rejected + clarify)
                .arg(changes)
                .arg(accepted)
                .arg(rejected)
                .arg(clarify),
            labelW);
    c.rule(9, 12);
    if (!m_in.summaryText.isEmpty()) {
        c.block(fonts.bold, EngineText::translate("bt::Report", "Summary"), kInk, 2);
        c.block(fonts.body, m_in.summaryText, kInk, 14);
    }
    c.block(fonts.heading, EngineText::translate("bt::Report", "Sheets"), kInk, 4);
    return c.y - area.top();
}

int ReportWriter::planCover(const ReportTable &sheets) const {
    const ReportFonts fonts(1.0);
    const TableRenderer table(&m_device, fonts, 1.0);
    const QRectF area = coverArea(coverLayout());
    int pages = 1;
    int row = table.draw(nullptr, sheets, area.adjusted(0, coverInfo(nullptr, area), 0, 0), 0);
    while (row < sheets.rows.size()) {
        row = table.draw(nullptr, sheets, area.adjusted(0, 30, 0, 0), row);
        ++pages;
    }
    return pages;
}

void ReportWriter::drawCover(QPainter &p, const ReportTable &sheets, const QVector<int> &targets) {
    const ReportFonts fonts(1.0);
    const TableRenderer table(&m_device, fonts, 1.0);
    const QPageLayout layout = coverLayout();
    const QRectF area = coverArea(layout);
    auto links = [&](const TableRowRects &rows) {
        for (const auto &[row, rect] : rows)
            if (targets.value(row) > 0) m_links.append({m_pageNumber, rect, targets[row]});
    };
    nextPage(layout);
    TableRowRects rows;
    int row = table.draw(&p, sheets, area.adjusted(0, coverInfo(&p, area), 0, 0), 0, &rows);
    links(rows);
    drawFooter(p, footerRect(area), fonts);
    while (row < sheets.rows.size()) {
        nextPage(layout);
        p.setFont(fonts.heading);
        p.setPen(kInk);
        p.drawText(QRectF(area.left(), area.top(), area.width(), 24), Qt::AlignLeft | Qt::AlignTop,
                   EngineText::translate("bt::Report", "Sheets (continued)"));
        rows.clear();
        row = table.draw(&p, sheets, area.adjusted(0, 30, 0, 0), row, &rows);
        links(rows);
        drawFooter(p, footerRect(area), fonts);
    }
}

ReportTable ReportWriter::alignmentTable() const {
    ReportTable t;
    t.headers = QStringList{
        EngineText::translate("bt::Report", "#"),         EngineText::translate("bt::Report", "Drawing"),
        EngineText::translate("bt::Report", "Alignment"), EngineText::translate("bt::Report", "Method"),
        EngineText::translate("bt::Report", "Score"),     EngineText::translate("bt::Report", "DPI")};
    t.widths = {0.06, 0.16, 0.46, 0.12, 0.10, 0.10};
    for (const PageResult &p : m_in.comparison.pages) {
        const bool aligned = p.match == MatchKind::Matched && p.diffDone;
        t.rows.append({QString::number(p.pageNumber), orDash(p.drawingName()),
                       aligned ? alignmentText(p) : statusLabel(sheetStatus(p)),
                       aligned ? p.alignment.method : QStringLiteral("\u2014"),
                       aligned ? QString::number(p.alignment.score, 'f', 2) : QStringLiteral("\u2014"),
                       p.dpi > 0 ? QString::number(p.dpi) : QStringLiteral("\u2014")});
        t.emphasis.append(aligned && !p.alignment.reliable());
    }
    return t;
}

// The files (full paths and dates), the job and its settings.
double ReportWriter::appendixInfo(QPainter *p, const QRectF &area) const {
    const ReportFonts fonts(1.0);
    Column c(p, &m_device, area);
    const ComparisonResult &in = m_in.comparison;
    c.block(fonts.heading, EngineText::translate("bt::Report", "Appendix: comparison details"), kInk, 10);
    const double labelW = 96;
    c.field(
        fonts, EngineText::translate("bt::Report", "Old file"),
        EngineText::translate("bt::Report", "%1 (modified %2)").arg(in.oldPath, dateText(m_in.oldModified)),
        labelW);
    c.field(
        fonts, EngineText::translate("bt::Report", "New file"),
        EngineText::translate("bt::Report", "%1 (modified %2)").arg(in.newPath, dateText(m_in.newModified)),
        labelW);
    c.field(fonts, EngineText::translate("bt::Report", "Job"),
            EngineText::translate("bt::Report", "%1, %2, started %3")
                .arg(in.jobId, jobStatusLabel(in.status), dateText(in.started)),
            labelW);
    if (!m_in.settings.isEmpty())
        c.field(fonts, EngineText::translate("bt::Report", "Settings"), settingsText(m_in.settings), labelW);
    c.y += 10;
    c.block(fonts.bold, EngineText::translate("bt::Report", "Alignment of each sheet"), kInk, 4);
    return c.y - area.top();
}

int ReportWriter::planAppendix(const ReportTable &alignment) const {
    const ReportFonts fonts(1.0);
    const TableRenderer table(&m_device, fonts, 1.0);
    const QRectF area = coverArea(coverLayout());
    int pages = 1;
    int row = table.draw(nullptr, alignment, area.adjusted(0, appendixInfo(nullptr, area), 0, 0), 0);
    while (row < alignment.rows.size()) {
        row = table.draw(nullptr, alignment, area.adjusted(0, 30, 0, 0), row);
        ++pages;
    }
    return pages;
}

bool ReportWriter::drawAppendix(QPainter &p, const ReportTable &alignment) {
    const ReportFonts fonts(1.0);
    const TableRenderer table(&m_device, fonts, 1.0);
    const QPageLayout layout = coverLayout();
    const QRectF area = coverArea(layout);
    if (!nextPage(layout)) return false;
    int row = table.draw(&p, alignment, area.adjusted(0, appendixInfo(&p, area), 0, 0), 0);
    drawFooter(p, footerRect(area), fonts);
    while (row < alignment.rows.size()) {
        if (!nextPage(layout)) return false;
        p.setFont(fonts.heading);
        p.setPen(kInk);
        p.drawText(QRectF(area.left(), area.top(), area.width(), 24), Qt::AlignLeft | Qt::AlignTop,
                   EngineText::translate("bt::Report", "Appendix (continued)"));
        row = table.draw(&p, alignment, area.adjusted(0, 30, 0, 0), row);
        drawFooter(p, footerRect(area), fonts);
    }
    return true;
}

void ReportWriter::drawFooter(QPainter &p, const QRectF &footer, const ReportFonts &fonts) const {
    p.setPen(QPen(kRule, 0.5));
    p.drawLine(footer.topLeft(), footer.topRight());
    p.setFont(fonts.small);
    p.setPen(kMuted);
    QStringList left;
    if (!m_opt.project.isEmpty()) left << m_opt.project;
    left << title() << setLabel(true) + QStringLiteral(" \u2192 ") + setLabel(false);
    const QString page = EngineText::translate("bt::Report", "Page %1").arg(m_pageNumber);
    const QFontMetricsF fm(fonts.small, &m_device);
    p.drawText(footer.adjusted(0, 2, 0, 0), Qt::AlignLeft | Qt::AlignTop,
               fm.elidedText(left.join(QStringLiteral(" \u00b7 ")), Qt::ElideMiddle,
                             footer.width() - fm.horizontalAdvance(page) - 12));
    p.drawText(footer.adjusted(0, 2, 0, 0), Qt::AlignRight | Qt::AlignTop, page);
}

} // namespace bt
