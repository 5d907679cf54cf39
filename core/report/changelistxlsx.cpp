// The change list as an XLSX workbook (libxlsxwriter): see writeChangeListXlsx in changelistexport.h.
#include "changelistexport.h"

#include "i18n/enginetext.h"
#include "io/outputfile.h"
#include "review/regionreview.h"

#include <QFile>
#include <QTemporaryDir>

#include <xlsxwriter.h>

#include <cmath>
#include <memory>

namespace bt {

namespace {

// Excel keeps at most 32767 characters in a cell.
constexpr int kMaxCellChars = 32000;

double round1(double v) {
    return std::round(v * 10.0) / 10.0;
}

struct WorkbookCloser {
    void operator()(lxw_workbook *wb) const {
        if (wb) workbook_close(wb);
    }
};

class Sheet {
public:
    explicit Sheet(lxw_worksheet *sheet)
        : m_sheet(sheet) {}
    void text(int row, int col, const QString &value, lxw_format *format = nullptr) {
        if (value.isEmpty()) return;
        const QByteArray utf8 = value.left(kMaxCellChars).toUtf8();
        worksheet_write_string(m_sheet, lxw_row_t(row), lxw_col_t(col), utf8.constData(), format);
    }
    void number(int row, int col, double value, lxw_format *format = nullptr) {
        worksheet_write_number(m_sheet, lxw_row_t(row), lxw_col_t(col), value, format);
    }
    void date(int row, int col, const QDateTime &utc, lxw_format *format) {
        if (!utc.isValid()) return;
        const QDateTime t = utc.toLocalTime(); // spreadsheets have no time zones: the reader's clock
        lxw_datetime dt{t.date().year(), t.date().month(),  t.date().day(),
                        t.time().hour(), t.time().minute(), double(t.time().second())};
        worksheet_write_datetime(m_sheet, lxw_row_t(row), lxw_col_t(col), &dt, format);
    }
    // Header row in bold, frozen, filters on over `lastRow` rows.
    void header(const QStringList &names, const QVector<double> &widths, lxw_format *bold, int lastRow) {
        for (int c = 0; c < names.size(); ++c) {
            text(0, c, names[c], bold);
            worksheet_set_column(m_sheet, lxw_col_t(c), lxw_col_t(c), widths.value(c, 12), nullptr);
        }
        worksheet_freeze_panes(m_sheet, 1, 0);
        worksheet_autofilter(m_sheet, 0, 0, lxw_row_t(std::max(lastRow, 0)), lxw_col_t(names.size() - 1));
    }

private:
    lxw_worksheet *m_sheet;
};

QString location(const ChangeListRow &row, const QRectF &box) {
    const QString grid = row.page->grid.locate(box);
    const QString pt = QStringLiteral("x %1, y %2, %3 \u00d7 %4 pt")
                           .arg(round1(box.x()))
                           .arg(round1(box.y()))
                           .arg(round1(box.width()))
                           .arg(round1(box.height()));
    return grid.isEmpty() ? pt : grid + QStringLiteral(" (") + pt + QLatin1Char(')');
}

struct SheetCounts {
    int changes = 0;
    QMap<QString, int> byKind;   // changeKindName
    QMap<QString, int> byReview; // review status name
};

} // namespace

bool writeChangeListXlsx(const ReportInput &input, const QString &path, QString *error,
                         const QList<int> &pages) {
    const auto failWith = [&](const QString &why) {
        if (error)
            *error =
                EngineText::translate("bt::Report", "%1: cannot write the change list (%2)").arg(path, why);
        return false;
    };
    // libxlsxwriter writes a file (the zip) by name: a temporary one, then moved whole into place
    // (or into a pipe) as every other export.
    QTemporaryDir dir;
    if (!dir.isValid()) return failWith(dir.errorString());
    const QString tmp = dir.filePath(QStringLiteral("changes.xlsx"));
    const QByteArray tmpName = QFile::encodeName(tmp);
    std::unique_ptr<lxw_workbook, WorkbookCloser> wb(workbook_new(tmpName.constData()));
    if (!wb) return failWith(QStringLiteral("libxlsxwriter"));

    lxw_format *bold = workbook_add_format(wb.get());
    format_set_bold(bold);
    format_set_bg_color(bold, 0xE8E8E8);
    format_set_bottom(bold, LXW_BORDER_THIN);
    lxw_format *wrap = workbook_add_format(wb.get());
    format_set_text_wrap(wrap);
    format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
    lxw_format *top = workbook_add_format(wb.get());
    format_set_align(top, LXW_ALIGN_VERTICAL_TOP);
    lxw_format *when = workbook_add_format(wb.get());
    format_set_num_format(when, "yyyy-mm-dd hh:mm");
    format_set_align(when, LXW_ALIGN_VERTICAL_TOP);
    lxw_format *pt = workbook_add_format(wb.get());
    format_set_num_format(pt, "0.0");
    format_set_align(pt, LXW_ALIGN_VERTICAL_TOP);

    const QVector<ChangeListRow> rows = changeListRows(input, pages);
    Sheet changes(workbook_add_worksheet(wb.get(), "Changes"));
    changes.header({QStringLiteral("Page"), QStringLiteral("Sheet"), QStringLiteral("Title"),
                    QStringLiteral("Change"), QStringLiteral("Kind"), QStringLiteral("Old text"),
                    QStringLiteral("New text"), QStringLiteral("Location"), QStringLiteral("x (pt)"),
                    QStringLiteral("y (pt)"), QStringLiteral("w (pt)"), QStringLiteral("h (pt)"),
                    QStringLiteral("Status"), QStringLiteral("Reviewer"), QStringLiteral("Date"),
                    QStringLiteral("Comment")},
                   {6, 12, 24, 8, 12, 30, 30, 34, 8, 8, 8, 8, 18, 14, 16, 40}, bold, int(rows.size()));
    QMap<int, SheetCounts> counts;
    int r = 1;
    for (const ChangeListRow &row : rows) {
        changes.number(r, 0, row.page->pageNumber, top);
        changes.text(r, 1, row.page->drawingName(), top);
        changes.text(r, 2, row.page->drawingTitle(), top);
        changes.text(r, 4, row.kind, top);
        if (row.region) {
            const QRectF box = cloudBoxPt(*row.region, row.page->pageSizePt);
            changes.number(r, 3, row.region->id, top);
            changes.text(r, 5, row.region->oldText.join(QLatin1Char(' ')), wrap);
            changes.text(r, 6, row.region->newText.join(QLatin1Char(' ')), wrap);
            changes.text(r, 7, location(row, box), wrap);
            const double values[4] = {box.x(), box.y(), box.width(), box.height()};
            for (int i = 0; i < 4; ++i)
                changes.number(r, 8 + i, round1(values[i]), pt);
            SheetCounts &c = counts[row.page->pageNumber];
            ++c.changes;
            ++c.byKind[row.kind];
            ++c.byReview[row.review.status];
        }
        // An added or removed sheet's row carries the review of the sheet as a whole.
        changes.text(r, 12, row.review.status, top);
        changes.text(r, 13, row.review.reviewer, top);
        changes.date(r, 14, row.review.updatedAt, when);
        changes.text(r, 15, row.review.comment, wrap);
        ++r;
    }

    // Per sheet: every sheet in scope, unchanged ones too, so the tab is the job's sheet list.
    const QStringList kinds{QStringLiteral("added"), QStringLiteral("removed"), QStringLiteral("modified"),
                            QStringLiteral("moved")};
    const QStringList statuses{QStringLiteral("open"), QStringLiteral("accepted"), QStringLiteral("rejected"),
                               QStringLiteral("needs_clarification")};
    QVector<const PageResult *> inScope;
    for (const PageResult &p : input.comparison.pages)
        if (pages.isEmpty() || pages.contains(p.pageNumber)) inScope.append(&p);
    Sheet summary(workbook_add_worksheet(wb.get(), "Sheets"));
    QStringList columns{QStringLiteral("Page"), QStringLiteral("Sheet"), QStringLiteral("Title"),
                        QStringLiteral("Status"), QStringLiteral("Changes")};
    for (const QString &k : kinds)
        columns << k.at(0).toUpper() + k.mid(1);
    columns << QStringLiteral("Open") << QStringLiteral("Accepted") << QStringLiteral("Rejected")
            << QStringLiteral("Needs clarification");
    summary.header(columns, {6, 12, 28, 14, 9, 9, 9, 9, 9, 9, 10, 10, 20}, bold, int(inScope.size()));
    QVector<int> totals(1 + kinds.size() + statuses.size(), 0);
    r = 1;
    for (const PageResult *p : inScope) {
        const SheetCounts c = counts.value(p->pageNumber);
        summary.number(r, 0, p->pageNumber);
        summary.text(r, 1, p->drawingName());
        summary.text(r, 2, p->drawingTitle());
        summary.text(r, 3, sheetStatusName(sheetStatus(*p)));
        QVector<int> values{c.changes};
        for (const QString &k : kinds)
            values << c.byKind.value(k);
        for (const QString &s : statuses)
            values << c.byReview.value(s);
        for (int i = 0; i < values.size(); ++i) {
            summary.number(r, 4 + i, values[i]);
            totals[i] += values[i];
        }
        ++r;
    }
    // Totals below a blank row, outside the filtered range.
    summary.text(r + 1, 1, QStringLiteral("Total"), bold);
    for (int i = 0; i < totals.size(); ++i)
        summary.number(r + 1, 4 + i, totals[i], bold);

    const lxw_error closed = workbook_close(wb.release());
    if (closed != LXW_NO_ERROR) return failWith(QString::fromUtf8(lxw_strerror(closed)));
    QFile file(tmp);
    if (!file.open(QIODevice::ReadOnly)) return failWith(file.errorString());
    QString e;
    if (!writeOutputFile(path, file.readAll(), &e)) return failWith(e);
    return true;
}

} // namespace bt
