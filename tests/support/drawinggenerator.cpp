#include "drawinggenerator.h"

#include "drawingplan.h"

#include <QFileInfo>
#include <QFont>
#include <QFontMetricsF>
#include <QImage>
#include <QImageWriter>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPainterPath>
#include <QPdfWriter>
#include <QSet>
#include <QTransform>
#include <QtConcurrent/QtConcurrentMap>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <vector>

namespace bt::test {

using namespace plan;

namespace {

const QColor kInk(0, 0, 0);
const QColor kExtWallFill(40, 40, 40);
const QColor kIntWallFill(95, 95, 95);
const QColor kGridInk(110, 110, 110);

// ---------------------------------------------------------------------------------------------
// Sheet geometry derived from the paper, in points.

struct SheetFrame {
    double W = 0, H = 0;
    double k = 1; // 1 on ARCH D; everything (line widths, fonts, boxes) scales with it
    QRectF border;
    QRectF titleBlock;
    QRectF notes;
    QRectF plan; // area for the plan incl. its dimensions and grid bubbles
};

SheetFrame frameFor(const SheetSpec &spec) {
    SheetFrame f;
    f.W = spec.paperIn.width() * kPtPerIn;
    f.H = spec.paperIn.height() * kPtPerIn;
    f.k = std::min(f.W / (36 * kPtPerIn), f.H / (24 * kPtPerIn));
    const double in = kPtPerIn * f.k;
    f.border = QRectF(QPointF(1.0 * in, 0.5 * in), QPointF(f.W - 0.5 * in, f.H - 0.5 * in));
    f.titleBlock = QRectF(QPointF(f.border.right() - 4.0 * in, f.border.top()), f.border.bottomRight());
    f.notes = QRectF(QPointF(f.titleBlock.left() - 5.0 * in, f.border.top()),
                     QPointF(f.titleBlock.left(), f.border.bottom()));
    f.plan = QRectF(QPointF(f.border.left(), f.border.top()), QPointF(f.notes.left(), f.border.bottom()));
    return f;
}

// Placement of the plan (feet -> points) on the sheet.
struct PlanPlacement {
    QPointF origin; // points of plan (0,0)
    double ptPerFt = 9;
    QString scaleText;
    QPointF map(QPointF ft) const { return origin + ft * ptPerFt; }
    QRectF map(const QRectF &ft) const { return QRectF(map(ft.topLeft()), map(ft.bottomRight())); }
};

PlanPlacement placePlan(const SheetFrame &f, const Plan &plan) {
    const double in = kPtPerIn * f.k;
    // Room for dimension strings and grid bubbles around the building, plus the plan title.
    const QRectF avail(QPointF(f.plan.left() + 3.0 * in, f.plan.top() + 3.0 * in),
                       QPointF(f.plan.right() - 1.0 * in, f.plan.bottom() - 3.0 * in));
    const double fit = std::min(avail.width() / plan.widthFt, avail.height() / plan.depthFt);
    // Pick the largest customary architectural scale that fits (inches per foot).
    static const std::pair<double, const char *> scales[] = {{3.0 / 16, "3/16\" = 1'-0\""},
                                                             {1.0 / 8, "1/8\" = 1'-0\""},
                                                             {3.0 / 32, "3/32\" = 1'-0\""},
                                                             {1.0 / 16, "1/16\" = 1'-0\""},
                                                             {1.0 / 32, "1/32\" = 1'-0\""}};
    PlanPlacement p;
    p.ptPerFt = fit;
    p.scaleText = QStringLiteral("NOT TO SCALE");
    for (const auto &[inPerFt, text] : scales) {
        if (inPerFt * kPtPerIn <= fit) {
            p.ptPerFt = inPerFt * kPtPerIn;
            p.scaleText = QString::fromLatin1(text);
            break;
        }
    }
    const QSizeF size(plan.widthFt * p.ptPerFt, plan.depthFt * p.ptPerFt);
    p.origin = QPointF(avail.left() + (avail.width() - size.width()) / 2,
                       avail.top() + (avail.height() - size.height()) / 2);
    return p;
}

QFont sheetFont(double sizePt, bool bold = false, bool condensed = false) {
    QFont font(condensed ? QStringLiteral("DejaVu Sans Condensed") : QStringLiteral("DejaVu Sans"));
    // Pixel size is in painter units, i.e. points here, whatever the device DPI (a point size
    // would be resolved against the device: 72 dpi on the PDF writer, 96 on a QImage).
    font.setPixelSize(std::max(3, static_cast<int>(std::lround(sizePt))));
    font.setBold(bold);
    // Unhinted outlines, so text looks the same as paths, as PDF glyphs and at any scale.
    font.setHintingPreference(QFont::PreferNoHinting);
    font.setStyleStrategy(QFont::PreferOutline);
    return font;
}

// ---------------------------------------------------------------------------------------------

class SheetRenderer {
public:
    SheetRenderer(QPainter &painter, const SheetSpec &spec)
        : m_p(painter)
        , m_spec(spec)
        , m_frame(frameFor(spec))
        , m_plan(buildPlan(spec.seed))
        , m_place(placePlan(m_frame, m_plan))
        , m_in(kPtPerIn * m_frame.k) {}

    SheetLayout draw() {
        m_p.save();
        m_p.setRenderHint(QPainter::Antialiasing, true);
        m_p.setRenderHint(QPainter::TextAntialiasing, true);
        m_p.save();
        m_p.translate(m_spec.titleBlockShiftPt);
        drawBorderAndTitleBlock();
        m_p.restore();
        drawNotes();
        drawGrid();
        drawWalls();
        drawDoors();
        drawFurniture();
        drawRoomTags();
        drawDimensions();
        drawPlanTitle();
        drawExtraWalls(); // last: edits must not change anything drawn before them
        m_p.restore();
        return m_layout;
    }

    const Plan &plan() const { return m_plan; }
    const PlanPlacement &placement() const { return m_place; }

private:
    double k() const { return m_frame.k; }

    QPen pen(double width, const QColor &color = kInk) const {
        QPen p(color, width * k() * m_spec.penScale);
        p.setCapStyle(Qt::FlatCap);
        p.setJoinStyle(Qt::MiterJoin);
        return p;
    }

    void line(QPointF a, QPointF b, double width, const QColor &color = kInk) {
        m_p.setPen(pen(width, color));
        m_p.drawLine(a, b);
    }

    void box(const QRectF &r, double width) {
        m_p.setPen(pen(width));
        m_p.setBrush(Qt::NoBrush);
        m_p.drawRect(r);
    }

    // Maps text drawn at (0, 0) on its baseline so that `align` positions its advance box
    // (Left/HCenter/Right and Baseline/VCenter on the cap height/Top) at `pos`, rotated by
    // `angle` degrees about `pos`.
    static QTransform textPlacement(const QString &s, const QFont &font, QPointF pos, int align,
                                    double angle) {
        const QFontMetricsF fm(font);
        double dx = 0, dy = 0;
        if (align & Qt::AlignHCenter)
            dx = -fm.horizontalAdvance(s) / 2;
        else if (align & Qt::AlignRight)
            dx = -fm.horizontalAdvance(s);
        if (align & Qt::AlignVCenter)
            dy = fm.capHeight() / 2;
        else if (align & Qt::AlignTop)
            dy = fm.ascent();
        QTransform t;
        t.translate(pos.x(), pos.y());
        t.rotate(angle);
        t.translate(dx, dy);
        return t;
    }

    static QPainterPath textPath(const QString &s, const QFont &font, const QTransform &placement) {
        QPainterPath path;
        path.addText(QPointF(0, 0), font, s);
        return placement.map(path);
    }

    // Draws one line of text (see textPlacement); returns its ink box grown by 1 pt.
    QRectF text(const QString &s, const QFont &font, QPointF pos, int align, double angle = 0) {
        if (s.isEmpty()) return {};
        const QTransform t = textPlacement(s, font, pos, align, angle);
        const QPainterPath path = textPath(s, font, t);
        if (m_spec.textAsPaths) {
            m_p.fillPath(path, kInk);
        } else {
            m_p.save();
            m_p.setTransform(t, true);
            m_p.setFont(font);
            m_p.setPen(kInk);
            m_p.drawText(QPointF(0, 0), s);
            m_p.restore();
        }
        return path.boundingRect().adjusted(-1, -1, 1, 1);
    }

    // Ink box text() would return, without drawing.
    static QRectF measure(const QString &s, const QFont &font, QPointF pos, int align, double angle = 0) {
        if (s.isEmpty()) return {};
        return textPath(s, font, textPlacement(s, font, pos, align, angle))
            .boundingRect()
            .adjusted(-1, -1, 1, 1);
    }

    // Largest font of `font`'s kind, not above its size, that fits `s` into `width`.
    static QFont fitted(QFont font, const QString &s, double width) {
        while (font.pixelSize() > 4 && QFontMetricsF(font).horizontalAdvance(s) > width)
            font.setPixelSize(font.pixelSize() - 1);
        return font;
    }

    void drawBorderAndTitleBlock() {
        const SheetFrame &f = m_frame;
        const double in = m_in;
        box(f.border, 2.0);
        box(f.titleBlock, 1.2);
        const QRectF tb = f.titleBlock;
        const double pad = 0.12 * in;
        const QFont label = sheetFont(5.5 * k(), true);
        const QFont small = sheetFont(7 * k());
        const double left = tb.left() + pad;

        // Boxes from the top: firm, project, key plan; from the bottom: revision, number, title,
        // drawn/checked. The revisions table takes what remains.
        const double firmB = tb.top() + 1.5 * in, projB = firmB + 1.5 * in, keyB = projB + 2.0 * in;
        const double revT = tb.bottom() - 0.45 * in, numT = revT - 1.5 * in, titleT = numT - 1.1 * in,
                     drawnT = titleT - 0.9 * in;
        for (double y : {firmB, projB, keyB, drawnT, titleT, numT, revT})
            line(QPointF(tb.left(), y), QPointF(tb.right(), y), 1.0);

        // Firm.
        text(QStringLiteral("HALVERSON + ODA"), sheetFont(15 * k(), true),
             QPointF(left, tb.top() + 0.45 * in), Qt::AlignLeft);
        text(QStringLiteral("ARCHITECTS"), sheetFont(10 * k()), QPointF(left, tb.top() + 0.65 * in),
             Qt::AlignLeft);
        const char *address[] = {"1420 N CORMORANT ST, SUITE 300", "PORTLAND, OR 97209", "T 503.555.0142"};
        double y = tb.top() + 0.95 * in;
        for (const char *a : address) {
            text(QString::fromLatin1(a), small, QPointF(left, y), Qt::AlignLeft);
            y += 10 * k();
        }

        // Project.
        text(QStringLiteral("PROJECT"), label, QPointF(left, firmB + 0.22 * in), Qt::AlignLeft);
        text(m_spec.project, fitted(sheetFont(12 * k(), true), m_spec.project, tb.width() - 2 * pad),
             QPointF(left, firmB + 0.6 * in), Qt::AlignLeft);
        text(QStringLiteral("2201 SILVER LAKE BLVD"), small, QPointF(left, firmB + 0.85 * in), Qt::AlignLeft);
        text(QStringLiteral("LOS ANGELES, CA 90026"), small, QPointF(left, firmB + 1.0 * in), Qt::AlignLeft);
        text(QStringLiteral("PROJECT NO. 24-118"), small, QPointF(left, firmB + 1.25 * in), Qt::AlignLeft);

        // Key plan: the building outline with this floor's portion hatched.
        text(QStringLiteral("KEY PLAN"), label, QPointF(left, projB + 0.22 * in), Qt::AlignLeft);
        const QRectF key(tb.left() + 1.0 * in, projB + 0.45 * in, 2.0 * in, 1.2 * in);
        box(key, 0.7);
        const double part = key.width() * (0.3 + 0.1 * (m_spec.seed % 4));
        m_p.save();
        m_p.setClipRect(QRectF(key.topLeft(), QSizeF(part, key.height())));
        for (double hx = key.left() - key.height(); hx < key.left() + part; hx += 6 * k())
            line(QPointF(hx, key.bottom()), QPointF(hx + key.height(), key.top()), 0.4);
        m_p.restore();
        line(QPointF(key.left() + part, key.top()), QPointF(key.left() + part, key.bottom()), 0.7);

        // Revisions table: fixed ruled rows so that a new revision only adds text.
        text(QStringLiteral("REVISIONS"), label, QPointF(left, keyB + 0.22 * in), Qt::AlignLeft);
        const double colNo = tb.left() + 0.45 * in, colDate = tb.right() - 1.0 * in;
        const double head = keyB + 0.32 * in, rowH = 0.26 * in;
        const QFont rowFont = sheetFont(6.5 * k(), false, true);
        text(QStringLiteral("NO."), label, QPointF(left, head + rowH - 0.07 * in), Qt::AlignLeft);
        text(QStringLiteral("DESCRIPTION"), label, QPointF(colNo + pad, head + rowH - 0.07 * in),
             Qt::AlignLeft);
        text(QStringLiteral("DATE"), label, QPointF(colDate + pad, head + rowH - 0.07 * in), Qt::AlignLeft);
        // Header plus ten rows; the architect's seal goes under the table.
        const int ruled = std::clamp(static_cast<int>((drawnT - 0.1 * in - head) / rowH), 0, 11);
        for (int i = 0; i <= ruled; ++i)
            line(QPointF(tb.left(), head + i * rowH), QPointF(tb.right(), head + i * rowH),
                 i <= 1 ? 0.8 : 0.3);
        line(QPointF(colNo, head), QPointF(colNo, head + ruled * rowH), 0.3);
        line(QPointF(colDate, head), QPointF(colDate, head + ruled * rowH), 0.3);
        QStringList rows = baseRevisionRows();
        rows += m_spec.revisionRows;
        for (int i = 0; i < rows.size(); ++i) {
            QStringList parts = rows[i].split(QLatin1Char(' '), Qt::SkipEmptyParts);
            QString no, date;
            if (parts.size() > 1) no = parts.takeFirst();
            if (parts.size() > 1 && parts.last().contains(QLatin1Char('/'))) date = parts.takeLast();
            const QString desc = parts.join(QLatin1Char(' '));
            const double base = head + (i + 2) * rowH - 0.07 * in;
            QRectF ink = text(no, rowFont, QPointF(left, base), Qt::AlignLeft);
            ink |= text(desc, fitted(rowFont, desc, colDate - colNo - 2 * pad), QPointF(colNo + pad, base),
                        Qt::AlignLeft);
            ink |= text(date, rowFont, QPointF(colDate + pad, base), Qt::AlignLeft);
            m_layout.insert(QStringLiteral("revrow:%1").arg(i), ink);
        }

        // Seal, centred in the space left under the table.
        const double sealTop = head + ruled * rowH,
                     sealR = std::min(0.8 * in, (drawnT - sealTop) / 2 - 0.1 * in);
        if (sealR > 0.3 * in) {
            const QPointF c(tb.center().x(), (sealTop + drawnT) / 2);
            m_p.setPen(pen(0.8));
            m_p.setBrush(Qt::NoBrush);
            m_p.drawEllipse(c, sealR, sealR);
            m_p.drawEllipse(c, sealR - 0.12 * in, sealR - 0.12 * in);
            const QFont sealFont = sheetFont(6 * k(), true);
            text(QStringLiteral("LICENSED ARCHITECT"), sealFont, c - QPointF(0, 0.22 * in), Qt::AlignHCenter);
            text(QStringLiteral("C-31844"), sealFont, c, Qt::AlignHCenter | Qt::AlignVCenter);
            text(QStringLiteral("STATE OF CALIFORNIA"), sealFont, c + QPointF(0, 0.3 * in), Qt::AlignHCenter);
        }

        // Drawn / checked / date / scale.
        const double dy = 0.2 * in;
        text(QStringLiteral("DRAWN BY: JLK"), small, QPointF(left, drawnT + dy + 0.05 * in), Qt::AlignLeft);
        text(QStringLiteral("CHECKED BY: MPO"), small, QPointF(left, drawnT + 2 * dy + 0.05 * in),
             Qt::AlignLeft);
        text(QStringLiteral("DATE: 01/10/2025"), small,
             QPointF(tb.left() + 2.1 * in, drawnT + dy + 0.05 * in), Qt::AlignLeft);
        text(QStringLiteral("SCALE: ") + m_place.scaleText, small,
             QPointF(tb.left() + 2.1 * in, drawnT + 2 * dy + 0.05 * in), Qt::AlignLeft);
        text(QStringLiteral("JOB: 24-118"), small, QPointF(left, drawnT + 3 * dy + 0.05 * in), Qt::AlignLeft);

        // Sheet title, number, revision.
        text(QStringLiteral("SHEET TITLE"), label, QPointF(left, titleT + 0.22 * in), Qt::AlignLeft);
        m_layout.insert(QStringLiteral("title"),
                        text(m_spec.title,
                             fitted(sheetFont(16 * k(), true), m_spec.title, tb.width() - 2 * pad),
                             QPointF(left, titleT + 0.75 * in), Qt::AlignLeft));
        text(QStringLiteral("SHEET NUMBER"), label, QPointF(left, numT + 0.22 * in), Qt::AlignLeft);
        m_layout.insert(
            QStringLiteral("number"),
            text(m_spec.number, fitted(sheetFont(46 * k(), true), m_spec.number, tb.width() - 2 * pad),
                 QPointF(tb.center().x(), numT + 0.85 * in), Qt::AlignHCenter | Qt::AlignVCenter));
        text(QStringLiteral("ISSUE"), label, QPointF(left, tb.bottom() - 0.17 * in), Qt::AlignLeft);
        m_layout.insert(QStringLiteral("revision"),
                        text(m_spec.revision, sheetFont(10 * k(), true),
                             QPointF(tb.right() - pad, tb.bottom() - 0.14 * in), Qt::AlignRight));
    }

    // Word-wraps `s` to `width` with `font`.
    static QStringList wrap(const QString &s, const QFont &font, double width) {
        const QFontMetricsF fm(font);
        QStringList lines;
        QString cur;
        for (const QString &word : s.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            const QString next = cur.isEmpty() ? word : cur + QLatin1Char(' ') + word;
            if (!cur.isEmpty() && fm.horizontalAdvance(next) > width) {
                lines << cur;
                cur = word;
            } else {
                cur = next;
            }
        }
        if (!cur.isEmpty()) lines << cur;
        return lines;
    }

    void drawNotes() {
        const QRectF n = m_frame.notes;
        const double in = m_in;
        const double x = n.left() + 0.3 * in, indent = 0.22 * in, width = n.width() - 0.55 * in - indent;
        text(QStringLiteral("GENERAL NOTES"), sheetFont(10 * k(), true), QPointF(x, n.top() + 0.5 * in),
             Qt::AlignLeft);
        line(QPointF(x, n.top() + 0.56 * in), QPointF(n.right() - 0.25 * in, n.top() + 0.56 * in), 0.8);
        const QFont font = sheetFont(7.5 * k(), false, true);
        const double lineH = 10.5 * k();
        QStringList notes = baseNotes().mid(0, 7 + m_spec.seed % 4);
        notes += m_spec.extraNotes;
        double y = n.top() + 0.8 * in;
        for (int i = 0; i < notes.size(); ++i) {
            QRectF ink = text(QStringLiteral("%1.").arg(i + 1), font, QPointF(x, y), Qt::AlignLeft);
            for (const QString &l : wrap(notes[i], font, width)) {
                ink |= text(l, font, QPointF(x + indent, y), Qt::AlignLeft);
                y += lineH;
            }
            y += 4 * k();
            m_layout.insert(QStringLiteral("note:%1").arg(i), ink);
        }

        // Legend at the foot of the notes column.
        const double ly = n.bottom() - 1.6 * in;
        text(QStringLiteral("WALL LEGEND"), sheetFont(9 * k(), true), QPointF(x, ly), Qt::AlignLeft);
        const QFont lf = sheetFont(7 * k(), false, true);
        m_p.setPen(Qt::NoPen);
        m_p.setBrush(kExtWallFill);
        m_p.drawRect(QRectF(x, ly + 0.25 * in, 0.6 * in, 0.1 * in));
        text(QStringLiteral("EXTERIOR WALL, 2X8 STUDS @ 16\" O.C. W/ R-21 INSULATION"), lf,
             QPointF(x + 0.8 * in, ly + 0.35 * in), Qt::AlignLeft);
        m_p.setPen(Qt::NoPen);
        m_p.setBrush(kIntWallFill);
        m_p.drawRect(QRectF(x, ly + 0.6 * in, 0.6 * in, 0.06 * in));
        text(QStringLiteral("INTERIOR PARTITION TYPE P1, 3-5/8\" MTL STUDS"), lf,
             QPointF(x + 0.8 * in, ly + 0.68 * in), Qt::AlignLeft);
        m_p.setBrush(Qt::NoBrush);
    }

    void drawGrid() {
        const double in = m_in;
        const QPointF o = m_place.origin;
        const double f = m_place.ptPerFt;
        const double top = o.y() - 2.4 * in, left = o.x() - 2.4 * in;
        const double right = o.x() + m_plan.widthFt * f + 0.6 * in,
                     bottom = o.y() + m_plan.depthFt * f + 0.6 * in;
        const double r = 0.22 * in;
        QPen dash = pen(0.4, kGridInk);
        // Dash-dot; Qt counts in pen widths, a plotter's line type does not change with the pen.
        const double unit = 1.0 / m_spec.penScale;
        dash.setDashPattern({30 * unit, 8 * unit, 4 * unit, 8 * unit});
        const QFont font = sheetFont(12 * k(), true);
        for (int i = 0; i < m_plan.gridX.size(); ++i) {
            const double x = o.x() + m_plan.gridX[i] * f;
            m_p.setPen(dash);
            m_p.drawLine(QPointF(x, top + r), QPointF(x, bottom));
            m_p.setPen(pen(0.7));
            m_p.setBrush(Qt::NoBrush);
            m_p.drawEllipse(QPointF(x, top), r, r);
            text(QString::number(i + 1), font, QPointF(x, top), Qt::AlignHCenter | Qt::AlignVCenter);
        }
        for (int j = 0; j < m_plan.gridY.size(); ++j) {
            const double y = o.y() + m_plan.gridY[j] * f;
            m_p.setPen(dash);
            m_p.drawLine(QPointF(left + r, y), QPointF(right, y));
            m_p.setPen(pen(0.7));
            m_p.setBrush(Qt::NoBrush);
            m_p.drawEllipse(QPointF(left, y), r, r);
            text(QString(QLatin1Char(char('A' + j))), font, QPointF(left, y),
                 Qt::AlignHCenter | Qt::AlignVCenter);
        }
    }

    // Door opening interval along its wall (after the "moved" edit when it applies).
    Door effectiveDoor(int i) const {
        Door d = m_plan.doors[i];
        if (i == m_spec.movedDoor) {
            const Wall &w = m_plan.walls[d.wall];
            d.pos = std::clamp(d.pos + d.moveSign * kDoorShiftFt, 0.25, w.length() - kDoorWidthFt - 0.25);
            d.hingeAtEnd = !d.hingeAtEnd;
        }
        return d;
    }

    // Rectangle (points) covering a piece [from, to] of a wall's length.
    QRectF wallPiece(const Wall &w, double from, double to) const {
        const QPointF d = w.dir();
        const QPointF a = w.a + d * from, b = w.a + d * to;
        const QPointF n(-d.y() * w.thickness / 2, d.x() * w.thickness / 2);
        return m_place.map(QRectF(a - n, b + n).normalized());
    }

    void drawWalls() {
        m_p.setPen(Qt::NoPen);
        for (int wi = 0; wi < m_plan.walls.size(); ++wi) {
            const Wall &w = m_plan.walls[wi];
            // Openings: doors and windows in this wall, sorted along it.
            QVector<QPair<double, double>> gaps;
            for (int i = 0; i < m_plan.doors.size(); ++i) {
                const Door d = effectiveDoor(i);
                if (d.wall == wi) gaps.append({d.pos, d.pos + kDoorWidthFt});
            }
            for (const Window &win : m_plan.windows)
                if (win.wall == wi) gaps.append({win.from, win.to});
            std::sort(gaps.begin(), gaps.end());
            // One path per wall, not one rectangle per piece: PDFium snaps lone filled rectangles to
            // whole pixels, trimming one side depending on where the *other* edge falls, so moving
            // a door would change the rendering of the far ends of the pieces beside it.
            QPainterPath pieces;
            double at = 0;
            for (const auto &g : gaps) {
                if (g.first > at) pieces.addRect(wallPiece(w, at, g.first));
                at = std::max(at, g.second);
            }
            if (at < w.length()) pieces.addRect(wallPiece(w, at, w.length()));
            m_p.fillPath(pieces, w.exterior ? kExtWallFill : kIntWallFill);
        }
        // Windows: jamb-to-jamb glazing lines in the exterior wall openings.
        for (const Window &win : m_plan.windows) {
            const QRectF r = wallPiece(m_plan.walls[win.wall], win.from, win.to);
            line(QPointF(r.left(), r.top()), QPointF(r.right(), r.top()), 0.5);
            line(QPointF(r.left(), r.center().y()), QPointF(r.right(), r.center().y()), 0.35);
            line(QPointF(r.left(), r.bottom()), QPointF(r.right(), r.bottom()), 0.5);
        }
        // Columns at grid intersections.
        m_p.setPen(Qt::NoPen);
        m_p.setBrush(kInk);
        const double c = 1.4;
        for (double gx : m_plan.gridX)
            for (double gy : m_plan.gridY)
                m_p.drawRect(m_place.map(QRectF(gx - c / 2, gy - c / 2, c, c)));
        m_p.setBrush(Qt::NoBrush);
    }

    // Draws door i as given and returns its box (opening, leaf and swing).
    QRectF drawDoor(const Door &d) {
        const Wall &w = m_plan.walls[d.wall];
        const QPointF u = w.dir();
        const QPointF n = QPointF(u.y(), -u.x()) * -d.swing; // swing side normal
        const QPointF start = w.a + u * d.pos, end = w.a + u * (d.pos + kDoorWidthFt);
        const QPointF hinge = d.hingeAtEnd ? end : start, jamb = d.hingeAtEnd ? start : end;
        const QPointF open = hinge + n * kDoorWidthFt;
        // Swing arc from the open leaf to the closed position, as a polyline (exact enough).
        QPainterPath arc;
        const QPointF v0 = open - hinge, v1 = jamb - hinge;
        arc.moveTo(m_place.map(open));
        for (int s = 1; s <= 24; ++s) {
            const double t = s / 24.0 * M_PI / 2;
            arc.lineTo(m_place.map(hinge + v0 * std::cos(t) + v1 * std::sin(t)));
        }
        m_p.setBrush(Qt::NoBrush);
        m_p.setPen(pen(0.35));
        m_p.drawPath(arc);
        line(m_place.map(hinge), m_place.map(open), 1.2);
        const QRectF opening = wallPiece(w, d.pos, d.pos + kDoorWidthFt);
        return (opening | arc.boundingRect() | QRectF(m_place.map(hinge), m_place.map(open)).normalized())
            .adjusted(-1.5, -1.5, 1.5, 1.5);
    }

    void drawDoors() {
        for (int i = 0; i < m_plan.doors.size(); ++i) {
            QRectF r = drawDoor(effectiveDoor(i));
            if (i == m_spec.movedDoor) {
                // The edit clears the old place too: the box covers both.
                const Wall &w = m_plan.walls[m_plan.doors[i].wall];
                const Door old = m_plan.doors[i];
                const QPointF u = w.dir(), n = QPointF(u.y(), -u.x()) * -old.swing;
                const QPointF a = w.a + u * old.pos;
                r |= wallPiece(w, old.pos, old.pos + kDoorWidthFt).adjusted(-1.5, -1.5, 1.5, 1.5);
                r |= m_place.map(QRectF(a, a + u * kDoorWidthFt + n * kDoorWidthFt).normalized())
                         .adjusted(-1.5, -1.5, 1.5, 1.5);
            }
            m_layout.insert(QStringLiteral("door:%1").arg(i), r);
        }
    }

    void drawFurniture() {
        m_p.setBrush(Qt::NoBrush);
        for (const Furniture &fu : m_plan.furniture) {
            const QRectF r = m_place.map(fu.ft);
            m_p.setPen(pen(0.5));
            m_p.drawRect(r);
            if (fu.kind == 0) { // bed: pillow
                const bool atTop = r.top() < m_place.origin.y() + m_plan.corridorTop * m_place.ptPerFt;
                const double ph = 1.2 * m_place.ptPerFt;
                const QRectF pillow = atTop ? QRectF(r.left() + 2, r.top() + 2, r.width() - 4, ph)
                                            : QRectF(r.left() + 2, r.bottom() - 2 - ph, r.width() - 4, ph);
                m_p.setPen(pen(0.35));
                m_p.drawRoundedRect(pillow, 2, 2);
            } else if (fu.kind == 4) { // sofa: back and arms
                m_p.setPen(pen(0.35));
                m_p.drawRect(
                    r.adjusted(0.6 * m_place.ptPerFt, 0.6 * m_place.ptPerFt, -0.6 * m_place.ptPerFt, 0));
            } else if (fu.kind == 2) { // wardrobe: cross
                m_p.setPen(pen(0.3));
                m_p.drawLine(r.topLeft(), r.bottomRight());
                m_p.drawLine(r.topRight(), r.bottomLeft());
            }
        }
    }

    void drawRoomTags() {
        const QFont nameFont = sheetFont(8 * k(), true);
        const QFont numFont = sheetFont(7 * k());
        for (const Room &room : m_plan.rooms) {
            const QRectF r = m_place.map(room.ft);
            const QPointF c = r.center();
            const double gap = 6 * k();
            const QString shown = m_spec.roomRenames.value(room.name, room.name);
            QRectF ink = text(shown, nameFont, QPointF(c.x(), c.y() - gap / 2), Qt::AlignHCenter);
            if (shown != room.name) // the edit also clears the old name
                ink |= measure(room.name, nameFont, QPointF(c.x(), c.y() - gap / 2), Qt::AlignHCenter);
            m_layout.insert(QStringLiteral("room:") + shown, ink);
            const QRectF numInk =
                text(room.number, numFont, QPointF(c.x(), c.y() + gap + 3 * k()), Qt::AlignHCenter);
            m_p.setPen(pen(0.4));
            m_p.setBrush(Qt::NoBrush);
            m_p.drawRect(numInk.adjusted(-2 * k(), -1.5 * k(), 2 * k(), 1.5 * k()));
        }
    }

    void drawDimensions() {
        const QFont font = sheetFont(7 * k(), false, true);
        const QPointF o = m_place.origin;
        const double f = m_place.ptPerFt;
        const double in = m_in;
        const double x0 = o.x(), y0 = o.y(), y1 = o.y() + m_plan.depthFt * f;
        const double faceGap = 0.15 * in + kExtWallFt / 2 * f;
        for (const DimChain &c : m_plan.dims) {
            const double off = (0.9 + 0.55 * c.tier) * in;
            // Position of the dimension line and the building face it measures from.
            double at = 0, face = 0;
            if (c.side == 0)
                at = y0 - off, face = y0 - faceGap;
            else if (c.side == 1)
                at = y1 + off, face = y1 + faceGap;
            else
                at = x0 - off, face = x0 - faceGap;
            const double dir = (c.side == 1) ? 1 : -1; // away from the building
            auto pt = [&](double along, double across) {
                return c.horizontal ? QPointF(x0 + along * f, across) : QPointF(across, y0 + along * f);
            };
            const double ext = 4 * k(), tick = 3.5 * k();
            line(pt(c.stops.first(), at) - (c.horizontal ? QPointF(ext, 0) : QPointF(0, ext)),
                 pt(c.stops.last(), at) + (c.horizontal ? QPointF(ext, 0) : QPointF(0, ext)), 0.4);
            for (double s : c.stops) {
                line(pt(s, face), pt(s, at + dir * ext), 0.3);
                const QPointF p = pt(s, at);
                line(p + QPointF(-tick, tick), p + QPointF(tick, -tick), 1.0);
            }
            for (int i = 0; i + 1 < c.stops.size(); ++i) {
                const QString base = chainText(c, i);
                const QString shown = m_spec.dimensionEdits.value(base, base);
                const double mid = (c.stops[i] + c.stops[i + 1]) / 2;
                const double angle = c.horizontal ? 0 : -90;
                // Text sits on the outer side of the dimension line.
                const QPointF p = c.horizontal ? QPointF(x0 + mid * f, at - 2.5 * k())
                                               : QPointF(at - 2.5 * k(), y0 + mid * f);
                QRectF ink = text(shown, font, p, Qt::AlignHCenter, angle);
                if (shown != base) ink |= measure(base, font, p, Qt::AlignHCenter, angle);
                m_layout.insert(QStringLiteral("dim:") + shown, ink);
            }
        }
    }

    void drawPlanTitle() {
        const double in = m_in;
        const double y = m_frame.plan.bottom() - 0.9 * in;
        const double x = m_frame.plan.left() + 1.0 * in;
        const double r = 0.3 * in;
        m_p.setPen(pen(1.0));
        m_p.setBrush(Qt::NoBrush);
        m_p.drawEllipse(QPointF(x, y), r, r);
        text(QStringLiteral("1"), sheetFont(14 * k(), true), QPointF(x, y),
             Qt::AlignHCenter | Qt::AlignVCenter);
        text(QStringLiteral("FLOOR PLAN"), sheetFont(14 * k(), true),
             QPointF(x + r + 0.2 * in, y - 0.02 * in), Qt::AlignLeft);
        line(QPointF(x + r + 0.2 * in, y + 0.04 * in), QPointF(x + r + 4.5 * in, y + 0.04 * in), 1.5);
        text(QStringLiteral("SCALE: ") + m_place.scaleText, sheetFont(8 * k()),
             QPointF(x + r + 0.2 * in, y + 0.25 * in), Qt::AlignLeft);

        // North arrow.
        const QPointF na(x + r + 5.5 * in, y);
        m_p.setPen(pen(0.7));
        m_p.drawEllipse(na, r, r);
        QPainterPath arrow;
        arrow.moveTo(na + QPointF(0, -r * 1.3));
        arrow.lineTo(na + QPointF(r * 0.45, r * 0.6));
        arrow.lineTo(na + QPointF(0, r * 0.3));
        arrow.closeSubpath();
        m_p.fillPath(arrow, kInk);
        text(QStringLiteral("N"), sheetFont(9 * k(), true), na + QPointF(0, -r * 1.45), Qt::AlignHCenter);
    }

    void drawExtraWalls() {
        m_p.setPen(pen(0.35));
        m_p.setBrush(kIntWallFill);
        for (int i = 0; i < m_spec.extraWallsIn.size(); ++i) {
            const QRectF in = m_spec.extraWallsIn[i];
            const QRectF r(in.topLeft() * kPtPerIn, in.size() * kPtPerIn);
            m_p.drawRect(r);
            m_layout.insert(QStringLiteral("wall:extra%1").arg(i), r.adjusted(-1, -1, 1, 1));
        }
        m_p.setBrush(Qt::NoBrush);
    }

    QPainter &m_p;
    const SheetSpec &m_spec;
    SheetFrame m_frame;
    Plan m_plan;
    PlanPlacement m_place;
    double m_in; // points per inch of sheet, scaled with the paper
    SheetLayout m_layout;
};

} // namespace

// ---------------------------------------------------------------------------------------------

SheetLayout drawSheet(QPainter &painter, const SheetSpec &spec) {
    SheetRenderer r(painter, spec);
    return r.draw();
}

QStringList roomNames(const SheetSpec &spec) {
    QStringList names;
    for (const Room &r : buildPlan(spec.seed).rooms)
        names << r.name;
    return names;
}

QStringList dimensionTexts(const SheetSpec &spec) {
    QStringList texts;
    for (const DimChain &c : buildPlan(spec.seed).dims)
        for (int i = 0; i + 1 < c.stops.size(); ++i)
            texts << chainText(c, i);
    return texts;
}

SheetLayout roomRects(const SheetSpec &spec) {
    const Plan plan = buildPlan(spec.seed);
    const PlanPlacement place = placePlan(frameFor(spec), plan);
    SheetLayout rects;
    for (const Room &r : plan.rooms) {
        // Inside faces of the walls around the room.
        const double e = kIntWallFt / 2;
        rects.insert(QStringLiteral("room:") + r.name, place.map(r.ft.adjusted(e, e, -e, -e)));
    }
    return rects;
}

} // namespace bt::test
