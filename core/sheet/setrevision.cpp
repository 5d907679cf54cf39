#include "setrevision.h"

#include "document/document.h"
#include "sheetidentifier.h"
#include "wordline.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <algorithm>
#include <cmath>

namespace bt {

using namespace wordline;

namespace {

// A value starts at most this many label heights right of its label ("Revision:     A1").
constexpr double kMaxValueGap = 12.0;
// Revision-table rows are at most this many text heights apart.
constexpr double kMaxRowGap = 6.0;

// "2", "B", "A1", "P01", "1.04c": a revision as written in a field or a table's number column.
QString revisionValue(const QString &text) {
    static const QSet<QString> notValues = {QStringLiteral("NO"), QStringLiteral("BY"), QStringLiteral("OF"),
                                            QStringLiteral("DATE")};
    thread_local const QRegularExpression shape(
        QStringLiteral("^(?:[A-Z]{1,2}[0-9]{0,3}|[0-9]{1,3}(?:\\.[0-9]{1,3})*[A-Z]?)$"));
    QString t = text.trimmed().toUpper();
    while (!t.isEmpty() && (t.endsWith(QLatin1Char(':')) || t.endsWith(QLatin1Char(','))))
        t.chop(1);
    if (t.isEmpty() || notValues.contains(t) || !shape.match(t).hasMatch()) return QString();
    return t;
}

// Dates as title blocks write them: 2025-02-14, 02/14/2025, 2/14/25, 14.02.2025.
QDate parseDate(const QString &text) {
    thread_local const QRegularExpression iso(QStringLiteral("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})$"));
    thread_local const QRegularExpression slash(
        QStringLiteral("^([0-9]{1,2})([/.-])([0-9]{1,2})\\2([0-9]{2,4})$"));
    auto m = iso.match(text);
    if (m.hasMatch()) return QDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    m = slash.match(text);
    if (!m.hasMatch()) return QDate();
    int a = m.captured(1).toInt(), b = m.captured(3).toInt(), y = m.captured(4).toInt();
    if (m.captured(4).size() == 3) return QDate();
    if (y < 100) y += 2000;
    // Month first (US) unless the first number cannot be a month or the separator is a dot.
    const bool dayFirst = a > 12 || m.captured(2) == QLatin1String(".");
    return dayFirst ? QDate(y, b, a) : QDate(y, a, b);
}

// The value of the field labelled by word i ("REV 2", "REV. B", "Revision: C"), or "".
QString fieldValue(const Words &words, int i) {
    const Word &w = words.at(i);
    const QString b = bare(w.text);
    if (b != QLatin1String("REV") && b != QLatin1String("REVISION")) {
        // Glued: "REV2", "REV.B", "REV:C" (not "REVISIONS", "REVIEW").
        thread_local const QRegularExpression glued(
            QStringLiteral("^REV(?:ISION)?(?:[.:]([A-Z0-9.]+)|([0-9][A-Z0-9.]*))$"));
        const auto m = glued.match(w.text.toUpper());
        return m.hasMatch() ? revisionValue(m.captured(1) + m.captured(2)) : QString();
    }
    QRectF from = w.box;
    for (int step = 0; step < 2; ++step) { // a lone ":" or "NO." may sit between label and value
        const int next = rightOf(words, from, kMaxValueGap * w.box.height());
        if (next < 0) return QString();
        const QString text = words.at(next).text;
        const QString nb = bare(text);
        if (nb.isEmpty() || nb == QLatin1String("NO")) {
            from = words.at(next).box;
            continue;
        }
        return revisionValue(text);
    }
    return QString();
}

struct TableRead {
    QString lastRow; // the number in the table's last row
    QDate latest;    // the latest date on the table's rows
};

// A revision table: values under a "NO." heading that has a "DESCRIPTION" heading on its line,
// and the dates on their rows.
TableRead readTable(const Words &words, int no) {
    const QRectF head = words.at(no).box;
    const double h = head.height();
    bool isTable = false;
    for (const Word &w : words)
        if (sameLine(head, w.box) && w.box.left() > head.right() &&
            bare(w.text) == QLatin1String("DESCRIPTION"))
            isTable = true;
    if (!isTable) return {};
    QVector<std::pair<double, int>> column; // top, word index
    for (int j = 0; j < words.size(); ++j) {
        const QRectF &b = words.at(j).box;
        const double cx = b.center().x();
        if (b.top() <= head.bottom() || cx < head.left() - h || cx > head.right() + h) continue;
        if (!revisionValue(words.at(j).text).isEmpty()) column.append({b.top(), j});
    }
    std::sort(column.begin(), column.end());
    TableRead out;
    double bottom = head.bottom();
    for (const auto &[top, j] : column) {
        if (top - bottom > kMaxRowGap * h + h) break;
        out.lastRow = revisionValue(words.at(j).text);
        bottom = top + h;
        for (const Word &w : words) {
            const QDate d = sameLine(words.at(j).box, w.box) ? parseDate(w.text) : QDate();
            if (d.isValid() && (!out.latest.isValid() || d > out.latest)) out.latest = d;
        }
    }
    return out;
}

QString mostFrequent(const QStringList &values) {
    QHash<QString, int> counts;
    QString best;
    for (const QString &v : values)
        if (++counts[v] >= counts.value(best)) best = v;
    return best;
}

int sign(long long v) {
    return v < 0 ? -1 : v > 0 ? 1 : 0;
}

} // namespace

SetRevision readPageRevision(const Words &all, QSizeF pageSizePt) {
    const Words words = visibleWords(all);
    const QRectF titleBlock = titleBlockAreaPt(pageSizePt);
    QStringList fields, rows;
    SetRevision out;
    for (int i = 0; i < words.size(); ++i) {
        const QString value = fieldValue(words, i);
        if (!value.isEmpty()) fields << value;
        if (bare(words.at(i).text) == QLatin1String("NO")) {
            const TableRead table = readTable(words, i);
            if (!table.lastRow.isEmpty()) rows << table.lastRow;
            if (table.latest.isValid() && (!out.date.isValid() || table.latest > out.date))
                out.date = table.latest;
        }
        if (titleBlock.contains(words.at(i).box.center())) {
            const QDate d = parseDate(words.at(i).text);
            if (d.isValid() && (!out.date.isValid() || d > out.date)) out.date = d;
        }
    }
    out.field = mostFrequent(fields);
    out.tableRow = mostFrequent(rows);
    out.pagesRead = 1;
    return out;
}

SetRevision readSetRevision(const Document &document) {
    SetRevision out;
    QStringList fields, rows;
    const int pages = std::min(document.pageCount(), kRevisionPagesRead);
    for (int p = 0; p < pages; ++p) {
        const SetRevision page = readPageRevision(document.textLayerWords(p), document.pageSizePt(p));
        if (!page.field.isEmpty()) fields << page.field;
        if (!page.tableRow.isEmpty()) rows << page.tableRow;
        if (page.date.isValid() && (!out.date.isValid() || page.date > out.date)) out.date = page.date;
        const QString sheetRevision = page.field.isEmpty() ? page.tableRow : page.field;
        const QString number = identifySheet(document.textLayerWords(p), document.pageSizePt(p)).number;
        if (!number.isEmpty() && !sheetRevision.isEmpty()) out.sheets.insert(number, sheetRevision);
        ++out.pagesRead;
    }
    out.field = mostFrequent(fields);
    out.tableRow = mostFrequent(rows);
    return out;
}

std::optional<int> compareRevisionValues(const QString &a, const QString &b) {
    // Parts: runs of digits or of letters; dots only separate.
    auto parts = [](const QString &s) {
        QStringList out;
        QString cur;
        for (QChar c : s.toUpper()) {
            if (!c.isLetterOrNumber()) {
                if (!cur.isEmpty()) out << cur;
                cur.clear();
                continue;
            }
            if (!cur.isEmpty() && cur.back().isDigit() != c.isDigit()) {
                out << cur;
                cur.clear();
            }
            cur += c;
        }
        if (!cur.isEmpty()) out << cur;
        return out;
    };
    const QStringList pa = parts(a), pb = parts(b);
    if (pa.isEmpty() || pb.isEmpty()) return std::nullopt;
    for (int i = 0; i < std::min(pa.size(), pb.size()); ++i) {
        const QString &x = pa[i], &y = pb[i];
        const bool dx = x.front().isDigit(), dy = y.front().isDigit();
        if (dx != dy) return std::nullopt;
        if (dx) {
            const int c = sign(x.toLongLong() - y.toLongLong());
            if (c != 0) return c;
        } else if (x.size() != y.size()) {
            return x.size() < y.size() ? -1 : 1; // "Z" before "AA"
        } else if (x != y) {
            return x < y ? -1 : 1;
        }
    }
    return sign(pa.size() - pb.size()); // "1.0" before "1.0a"
}

std::optional<bool> isNewer(const SetRevision &a, const SetRevision &b) {
    int vote = 0;
    auto cast = [&vote](std::optional<int> c) {
        if (!c || *c == 0) return true;
        if (vote != 0 && vote != *c) return false; // the title blocks disagree
        vote = *c;
        return true;
    };
    bool pairedSheets = false;
    for (auto it = a.sheets.cbegin(); it != a.sheets.cend(); ++it) {
        const auto other = b.sheets.constFind(it.key());
        if (other == b.sheets.cend()) continue;
        pairedSheets = true;
        if (!cast(compareRevisionValues(it.value(), other.value()))) return std::nullopt;
    }
    if (!pairedSheets && !a.field.isEmpty() && !b.field.isEmpty() &&
        !cast(compareRevisionValues(a.field, b.field)))
        return std::nullopt;
    if (!a.tableRow.isEmpty() && !b.tableRow.isEmpty() &&
        !cast(compareRevisionValues(a.tableRow, b.tableRow)))
        return std::nullopt;
    if (a.date.isValid() && b.date.isValid() && !cast(sign(b.date.daysTo(a.date)))) return std::nullopt;
    if (vote == 0) return std::nullopt;
    return vote > 0;
}

} // namespace bt
