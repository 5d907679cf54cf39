#pragma once

#include <QColor>
#include <QFont>
#include <QPair>
#include <QRectF>
#include <QStringList>
#include <QVector>

class QPainter;
class QPaintDevice;

namespace bt {

// The report's colours for text and tables.
struct ReportColours {
    static inline const QColor ink{30, 30, 30};
    static inline const QColor muted{100, 100, 100};
    static inline const QColor rule{190, 190, 190};
    static inline const QColor headerFill{232, 236, 242};
    static inline const QColor stripe{246, 246, 246};
    static inline const QColor link{20, 80, 170};
    static inline const QColor struck{150, 150, 150}; // rejected changes: rows and clouds
};

// The report's fonts at a page scale (1: a sheet-size page read at arm's length).
struct ReportFonts {
    QFont title, heading, body, bold, small, tag;
    explicit ReportFonts(double scale);
};

// A table of wrapped text cells; rows are laid out and split over pages by height.
struct ReportTable {
    QStringList headers;
    QVector<double> widths; // shares of the table width, summing to 1
    QVector<QStringList> rows;
    QVector<bool> emphasis; // per row: bold (changed sheets on the cover)
    QVector<bool> struck;   // per row: grey and struck through (rejected changes)
    QVector<bool> linked;   // per row: its last cell in the link colour (a page to jump to)
};

// Where each drawn row went: (row, rectangle on the page).
using TableRowRects = QVector<QPair<int, QRectF>>;

class TableRenderer {
public:
    TableRenderer(QPaintDevice *device, const ReportFonts &fonts, double scale);

    // Draws (painter set) or only measures (null) rows [first, ...) of the table below its
    // header inside `area`; returns the first row that did not fit. A row taller than a whole
    // area is drawn clipped rather than never.
    int draw(QPainter *p, const ReportTable &t, const QRectF &area, int first,
             TableRowRects *rows = nullptr) const;
    // Bottom of the table once rows [first, last) are drawn at `top` (layout of the panel).
    double height(const ReportTable &t, double width, int first, int last) const;

private:
    QVector<double> columns(const ReportTable &t, const QRectF &area) const;
    double rowHeight(const ReportTable &t, const QStringList &cells, double width, const QFont &font) const;
    void drawRow(QPainter &p, const ReportTable &t, int row, const QStringList &cells,
                 const QVector<double> &x, double y, double h, const QFont &font, const QColor &fill) const;

    QPaintDevice *m_device;
    const ReportFonts &m_fonts;
    double m_pad;
};

} // namespace bt
