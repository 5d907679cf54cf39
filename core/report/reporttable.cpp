#include "reporttable.h"

#include <QFontMetricsF>
#include <QPainter>
#include <algorithm>

namespace bt {

ReportFonts::ReportFonts(double s) {
    const QString family = QStringLiteral("DejaVu Sans");
    auto make = [&](double pt, bool bold) {
        QFont f(family);
        f.setPointSizeF(pt * s);
        f.setBold(bold);
        return f;
    };
    title = make(22, true);
    heading = make(13, true);
    body = make(9.5, false);
    bold = make(9.5, true);
    small = make(8, false);
    tag = make(9, true);
}

TableRenderer::TableRenderer(QPaintDevice *device, const ReportFonts &fonts, double scale)
    : m_device(device)
    , m_fonts(fonts)
    , m_pad(3 * scale) {}

int TableRenderer::draw(QPainter *p, const ReportTable &t, const QRectF &area, int first,
                        TableRowRects *rows) const {
    const QVector<double> x = columns(t, area);
    double y = area.top();
    const double headerH = rowHeight(t, t.headers, area.width(), m_fonts.bold);
    if (p) drawRow(*p, t, -1, t.headers, x, y, headerH, m_fonts.bold, ReportColours::headerFill);
    y += headerH;
    int row = first;
    for (; row < t.rows.size(); ++row) {
        const QFont &font = t.emphasis.value(row) ? m_fonts.bold : m_fonts.body;
        const double h = rowHeight(t, t.rows[row], area.width(), font);
        if (y + h > area.bottom() && row > first) break;
        if (p)
            drawRow(*p, t, row, t.rows[row], x, y, std::min(h, area.bottom() - y), font,
                    (row - first) % 2 ? ReportColours::stripe : QColor(Qt::white));
        if (rows) rows->append({row, QRectF(area.left(), y, area.width(), std::min(h, area.bottom() - y))});
        y += h;
        if (y > area.bottom()) return row + 1;
    }
    if (p) {
        p->setPen(QPen(ReportColours::rule, 0.5));
        p->drawLine(QPointF(area.left(), y), QPointF(area.right(), y));
    }
    return row;
}

double TableRenderer::height(const ReportTable &t, double width, int first, int last) const {
    double h = rowHeight(t, t.headers, width, m_fonts.bold);
    for (int row = first; row < last; ++row)
        h += rowHeight(t, t.rows[row], width, t.emphasis.value(row) ? m_fonts.bold : m_fonts.body);
    return h;
}

QVector<double> TableRenderer::columns(const ReportTable &t, const QRectF &area) const {
    QVector<double> x{area.left()};
    for (double w : t.widths)
        x.append(x.last() + w * area.width());
    x.last() = area.right();
    return x;
}

double TableRenderer::rowHeight(const ReportTable &t, const QStringList &cells, double width,
                                const QFont &font) const {
    const QFontMetricsF fm(font, m_device);
    double h = fm.height();
    for (int c = 0; c < cells.size() && c < t.widths.size(); ++c) {
        const QRectF r =
            fm.boundingRect(QRectF(0, 0, t.widths[c] * width - 2 * m_pad, 1e6), Qt::TextWordWrap, cells[c]);
        h = std::max(h, r.height());
    }
    return h + 2 * m_pad;
}

void TableRenderer::drawRow(QPainter &p, const ReportTable &t, int row, const QStringList &cells,
                            const QVector<double> &x, double y, double h, const QFont &font,
                            const QColor &fill) const {
    p.fillRect(QRectF(x.first(), y, x.last() - x.first(), h), fill);
    p.setPen(QPen(ReportColours::rule, 0.5));
    p.drawLine(QPointF(x.first(), y), QPointF(x.last(), y));
    const bool struck = row >= 0 && t.struck.value(row);
    const bool linked = row >= 0 && t.linked.value(row);
    QFont f = font;
    f.setStrikeOut(struck);
    p.setFont(f);
    for (int c = 0; c < cells.size() && c < t.widths.size(); ++c) {
        const bool link = linked && c == cells.size() - 1;
        p.setPen(struck ? ReportColours::struck : link ? ReportColours::link : ReportColours::ink);
        const QRectF cell(x[c] + m_pad, y + m_pad, x[c + 1] - x[c] - 2 * m_pad, h - 2 * m_pad);
        p.drawText(cell, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, cells[c]);
    }
}

} // namespace bt
