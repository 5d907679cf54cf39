#include "titleblockgenerator.h"

#include <QFont>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPainterPath>
#include <QPdfWriter>
#include <random>

namespace bt::test {

namespace {

class Painter {
public:
    Painter(QPainter &p, const ElectronicSheetSpec &spec)
        : m_p(p)
        , m_spec(spec) {}

    // One line of text with its baseline at `pos` (points); a text object, or outlines.
    void text(const QString &s, QPointF pos, double size, bool bold = false) {
        QFont font(QStringLiteral("DejaVu Sans"));
        font.setPixelSize(std::max(1, int(size)));
        font.setBold(bold);
        if (m_spec.textAsPaths) {
            QPainterPath path;
            path.addText(pos, font, s);
            m_p.fillPath(path, Qt::black);
            return;
        }
        m_p.setFont(font);
        m_p.setPen(Qt::black);
        m_p.drawText(pos, s);
    }

    // Altium writes designators and net names a second time as text squeezed horizontally to
    // nothing: in the text layer, invisible on paper.
    void hiddenText(const QString &s, QPointF pos) {
        if (m_spec.textAsPaths) return;
        m_p.save();
        m_p.translate(pos);
        m_p.scale(0.02, 1.0);
        text(s, QPointF(0, 0), 6);
        m_p.restore();
    }

    void rect(const QRectF &r) {
        m_p.setPen(QPen(Qt::black, 0.6));
        m_p.setBrush(Qt::NoBrush);
        m_p.drawRect(r);
    }

    void draw() {
        const double w = m_spec.paperPt.width() / m_spec.contentScale;
        const double h = m_spec.paperPt.height() / m_spec.contentScale;
        m_p.save();
        m_p.scale(m_spec.contentScale, m_spec.contentScale);
        rect(QRectF(18, 18, w - 36, h - 36));
        drawingArea(w, h);
        titleBlock(w, h);
        m_p.restore();
    }

private:
    void drawingArea(double w, double h) {
        std::mt19937 rng(unsigned(m_spec.seed));
        std::uniform_real_distribution<double> x(40, w - 80), y(60, h - 160);
        // Parts: a box, its reference and value; many references per sheet.
        const QStringList prefixes = {QStringLiteral("R"), QStringLiteral("C"), QStringLiteral("R"),
                                      QStringLiteral("C"), QStringLiteral("U"), QStringLiteral("D")};
        for (int i = 0; i < 36; ++i) {
            const QPointF at(x(rng), y(rng));
            const QString ref = prefixes.at(i % prefixes.size()) + QString::number(100 + 3 * i);
            rect(QRectF(at, QSizeF(14, 6)));
            text(ref, at + QPointF(0, -2), 5);
            text(i % 2 ? QStringLiteral("10k") : QStringLiteral("100nF"), at + QPointF(0, 13), 5);
            hiddenText(QStringLiteral("PI") + ref + QStringLiteral("01"), at + QPointF(2, 4));
        }
        text(QStringLiteral("JP1"), QPointF(w - 260, h - 140), 5);
        text(QStringLiteral("D16"), QPointF(w - 230, h - 140), 5);
        text(QStringLiteral("U5"), QPointF(w - 200, h - 140), 5);
        text(QStringLiteral("ESP_3.3"), QPointF(w - 260, h - 128), 5);
        // Section heading in large type, and a note that names a standard.
        text(QStringLiteral("ESP32"), QPointF(w - 300, h - 190), 14, true);
        text(QStringLiteral("ASSEMBLY WORKMANSHIP PER IPC-A-610 CLASS 2"), QPointF(40, h - 40), 6);
        // Tolerance table (mechanical title blocks carry one): "300 ≥ X ≥ 150".
        text(QStringLiteral("TOLERANCES"), QPointF(w - 430, h - 80), 5);
        text(QStringLiteral("300 > X 150 : 0.15"), QPointF(w - 430, h - 70), 5);
        text(QStringLiteral("150 > X 50 : 0.10"), QPointF(w - 430, h - 60), 5);
    }

    void titleBlock(double w, double h) {
        const QString n = QString::number(m_spec.sheet), m = QString::number(m_spec.count);
        const double left = w - 300, top = h - 100;
        switch (m_spec.style) {
        case TitleBlockStyle::Altium:
            rect(QRectF(left, top, 282, 82));
            text(QStringLiteral("Title:"), QPointF(left + 4, top + 14), 5);
            text(QStringLiteral("Mainboard"), QPointF(left + 30, top + 16), 9);
            text(QStringLiteral("Size:"), QPointF(left + 4, top + 40), 5);
            text(QStringLiteral("A4"), QPointF(left + 30, top + 40), 5);
            text(QStringLiteral("Number:"), QPointF(left + 80, top + 40), 5);
            text(QStringLiteral("Revision:"), QPointF(left + 180, top + 40), 5);
            text(QStringLiteral("Date:"), QPointF(left + 4, top + 56), 5);
            text(QStringLiteral("4/24/2020"), QPointF(left + 30, top + 56), 5);
            text(QStringLiteral("Sheet: ") + n + QStringLiteral(" of ") + m, QPointF(left + 120, top + 56),
                 5);
            text(QStringLiteral("File:"), QPointF(left + 4, top + 70), 5);
            text(QStringLiteral("Power.SchDoc"), QPointF(left + 30, top + 70), 5);
            text(QStringLiteral("Drawn By:"), QPointF(left + 120, top + 70), 5);
            break;
        case TitleBlockStyle::KiCad:
            rect(QRectF(left, top, 282, 82));
            text(QStringLiteral("Sheet: /Power Supplies/"), QPointF(left + 4, top + 12), 6);
            text(QStringLiteral("File: Power.sch"), QPointF(left + 4, top + 22), 6);
            text(QStringLiteral("Title: Duet 2 WiFi"), QPointF(left + 4, top + 38), 8);
            text(QStringLiteral("Size: A3"), QPointF(left + 4, top + 56), 6);
            text(QStringLiteral("Date: 2019-07-01"), QPointF(left + 80, top + 56), 6);
            text(QStringLiteral("Rev: 1.05"), QPointF(left + 220, top + 56), 6);
            text(QStringLiteral("KiCad E.D.A. kicad 5.1.4"), QPointF(left + 4, top + 72), 6);
            text(QStringLiteral("Id: ") + n + QStringLiteral("/") + m, QPointF(left + 220, top + 72), 6);
            break;
        case TitleBlockStyle::Mechanical:
            rect(QRectF(left, top, 282, 82));
            text(QStringLiteral("DRAWN BY"), QPointF(left + 4, top + 10), 5);
            text(QStringLiteral("APPROVED BY"), QPointF(left + 150, top + 10), 5);
            rect(QRectF(left, top + 40, 180, 42));
            text(QStringLiteral("DWG NO."), QPointF(left + 4, top + 50), 5);
            text(m_spec.drawingNumber, QPointF(left + 20, top + 70), 10);
            text(QStringLiteral("SHEET ") + n + QStringLiteral(" OF ") + m, QPointF(left + 190, top + 70), 6);
            break;
        case TitleBlockStyle::SheetBelow:
            rect(QRectF(left, top, 282, 82));
            text(QStringLiteral("DRAWING FILE NAME"), QPointF(left + 4, top + 12), 6);
            text(QStringLiteral("FW_MAIN_PCB_GENERIC_2"), QPointF(left + 100, top + 30), 8);
            rect(QRectF(left, top + 44, 40, 38));
            text(QStringLiteral("SIZE"), QPointF(left + 6, top + 56), 8);
            text(QStringLiteral("A2"), QPointF(left + 8, top + 74), 8);
            rect(QRectF(left + 40, top + 44, 140, 38));
            text(QStringLiteral("SHEET"), QPointF(left + 90, top + 56), 8);
            text(n + QStringLiteral("  OF  ") + m, QPointF(left + 86, top + 76), 10);
            text(QStringLiteral("REVISION"), QPointF(left + 190, top + 56), 6);
            text(QStringLiteral("0"), QPointF(left + 200, top + 76), 10);
            break;
        case TitleBlockStyle::None:
            rect(QRectF(left, top, 282, 82));
            text(QStringLiteral("RespiraWorks"), QPointF(left + 8, top + 30), 12);
            text(QStringLiteral("PCB ASSEMBLY DRAWING"), QPointF(left + 8, top + 50), 8);
            break;
        }
    }

    QPainter &m_p;
    const ElectronicSheetSpec &m_spec;
};

QPageLayout layoutPoints(const QSizeF &pt) {
    return QPageLayout(QPageSize(pt, QPageSize::Point, QString(), QPageSize::ExactMatch),
                       QPageLayout::Portrait, QMarginsF(0, 0, 0, 0), QPageLayout::Point);
}

} // namespace

bool writeElectronicSet(const QString &path, const QVector<ElectronicSheetSpec> &sheets) {
    if (sheets.isEmpty()) return false;
    QPdfWriter writer(path);
    writer.setResolution(72); // painter units are points
    writer.setCreator(QStringLiteral("BuildTrace test generator"));
    QPainter painter;
    for (int i = 0; i < sheets.size(); ++i) {
        if (!writer.setPageLayout(layoutPoints(sheets[i].paperPt))) return false;
        if (i == 0) {
            if (!painter.begin(&writer)) return false;
        } else if (!writer.newPage()) {
            return false;
        }
        Painter(painter, sheets[i]).draw();
    }
    return painter.end();
}

} // namespace bt::test
