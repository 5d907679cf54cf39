#include "titleblockfields.h"

#include "wordline.h"

#include <QRegularExpression>
#include <QSet>
#include <algorithm>
#include <cmath>

namespace bt {

using namespace wordline;

namespace {

// A value starts at most this many label heights right of its label ("Sheet:      2 of 8")...
constexpr double kMaxRightGap = 10.0;
// ...or this many below it, in the same cell ("SHEET" over "1 OF 4").
constexpr double kMaxBelowGap = 3.5;
// Words of one value are at most this many heights apart ("2" "of" "8").
constexpr double kMaxWordGap = 1.6;
constexpr int kMaxValueWords = 3;

enum class LabelKind { Count, Number };

struct Label {
    QRectF box;
    LabelKind kind;
    double confidence = 100;
};

// Label words: "SHEET"/"SHT"/"PAGE"/"ID" name a sheet count, "DWG NO."/"DRAWING NUMBER"/"SHEET
// NO."/"DOC NO." a drawing number (a two-word label or one glued word).
QVector<Label> findLabels(const Words &words) {
    static const QSet<QString> countWords = {QStringLiteral("SHEET"), QStringLiteral("SHT"),
                                             QStringLiteral("PAGE"), QStringLiteral("ID")};
    static const QSet<QString> numberHeads = {QStringLiteral("DWG"),   QStringLiteral("DRAWING"),
                                              QStringLiteral("SHEET"), QStringLiteral("SHT"),
                                              QStringLiteral("DOC"),   QStringLiteral("DOCUMENT")};
    static const QSet<QString> numberTails = {QStringLiteral("NO"), QStringLiteral("NUMBER"),
                                              QStringLiteral("NR"), QStringLiteral("NUM")};
    QVector<Label> labels;
    for (int i = 0; i < words.size(); ++i) {
        const Word &w = words.at(i);
        const QString b = bare(w.text);
        if (numberHeads.contains(b)) {
            const int next = rightOf(words, w.box, 1.5 * w.box.height());
            if (next >= 0 && numberTails.contains(bare(words.at(next).text))) {
                labels.append({w.box.united(words.at(next).box), LabelKind::Number,
                               std::min(w.confidence, words.at(next).confidence)});
                continue;
            }
        }
        for (const QString &head : numberHeads) {
            if (b.size() > head.size() && b.startsWith(head) && numberTails.contains(b.mid(head.size()))) {
                labels.append({w.box, LabelKind::Number, w.confidence});
                break;
            }
        }
        // "Sheet:" names a count only when its text is just the label ("Sheet 2/8" glued is
        // rare; "SHEETS" is a list heading).
        if (countWords.contains(b) && w.text.size() <= b.size() + 1)
            labels.append({w.box, LabelKind::Count, w.confidence});
    }
    return labels;
}

// "2 of 8", "2/8", "2 OF 8" (OCR: "0F") -> 2 and 8; a sheet N of M has 1 <= N <= M.
bool parseCount(const QString &text, int *n, int *m) {
    thread_local const QRegularExpression re(QStringLiteral("^([0-9]{1,4}) ?(?:/|[O0]F) ?([0-9]{1,4})$"),
                                             QRegularExpression::CaseInsensitiveOption);
    const auto match = re.match(text);
    if (!match.hasMatch()) return false;
    *n = match.captured(1).toInt();
    *m = match.captured(2).toInt();
    return *n >= 1 && *n <= *m;
}

// A drawing number as a field value: one token with a digit, no dates, no "N of M".
bool isNumberValue(const QString &text) {
    thread_local const QRegularExpression shape(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._/-]{0,23}$"));
    thread_local const QRegularExpression date(QStringLiteral("^[0-9]{1,2}[/.-][0-9]{1,2}[/.-][0-9]{2,4}$"));
    if (!shape.match(text).hasMatch() || date.match(text).hasMatch()) return false;
    int n = 0, m = 0;
    if (parseCount(text, &n, &m)) return false;
    return std::any_of(text.begin(), text.end(), [](QChar c) { return c.isDigit(); });
}

// The words of the value that starts at word `first`: it and its right neighbours on the line.
Words valueWords(const Words &words, int first) {
    Words out{words.at(first)};
    while (out.size() < kMaxValueWords) {
        const QRectF &last = out.last().box;
        const int next = rightOf(words, last, kMaxWordGap * last.height());
        if (next < 0) break;
        out.append(words.at(next));
    }
    return out;
}

// Where the value of a label starts: the first word right of it on its line, else the nearest
// word below it overlapping its column (a cell's value sits under its label).
QVector<int> valueStarts(const Words &words, const Label &label) {
    QVector<int> starts;
    const double h = label.box.height();
    const int right = rightOf(words, label.box, kMaxRightGap * h);
    if (right >= 0) starts.append(right);
    int below = -1;
    for (int j = 0; j < words.size(); ++j) {
        const QRectF &b = words.at(j).box;
        const double gap = b.top() - label.box.bottom();
        if (gap < -0.2 * h || gap > kMaxBelowGap * std::max(h, b.height())) continue;
        if (b.right() < label.box.left() - 2 * h || b.left() > label.box.right() + 2 * h) continue;
        if (below < 0 || b.top() < words.at(below).box.top() - 0.3 * h ||
            (std::abs(b.top() - words.at(below).box.top()) <= 0.3 * h &&
             b.left() < words.at(below).box.left()))
            below = j;
    }
    if (below >= 0) starts.append(below);
    return starts;
}

} // namespace

SheetNumberField readSheetNumberField(const Words &words, QSizeF pageSizePt) {
    SheetNumberField best;
    double bestRank = 0;
    const QPointF corner(pageSizePt.width(), pageSizePt.height());
    const double diag = std::hypot(pageSizePt.width(), pageSizePt.height());
    for (const Label &label : findLabels(words)) {
        for (int start : valueStarts(words, label)) {
            const Words value = valueWords(words, start);
            SheetNumberField field;
            // The longest run of the value's words that reads as a count, else its first word
            // as a drawing number (only under a drawing-number label).
            for (int k = int(value.size()); k >= 1 && !field.isValid(); --k) {
                const Words part = value.mid(0, k);
                int n = 0, m = 0;
                if (label.kind == LabelKind::Count && parseCount(joinedText(part), &n, &m)) {
                    field.number = QString::number(n);
                    field.sheetCount = m;
                    for (const Word &w : part)
                        field.boxPt = field.boxPt.isNull() ? w.box : field.boxPt.united(w.box);
                }
            }
            if (!field.isValid() && label.kind == LabelKind::Number && isNumberValue(value.first().text)) {
                field.number = value.first().text;
                field.boxPt = value.first().box;
            }
            if (!field.isValid()) continue;
            field.labelBoxPt = label.box;
            field.heightPt = value.first().box.height();
            field.confidence = label.confidence;
            for (const Word &w : value)
                if (field.boxPt.contains(w.box.center()))
                    field.confidence = std::min(field.confidence, w.confidence);
            // A drawing number names the sheet; a count only places it. Then the bottom-right
            // corner, where title blocks keep their number field.
            const QPointF c = field.boxPt.center();
            const double rank = (field.sheetCount == 0 ? 2.0 : 1.0) -
                                std::hypot(c.x() - corner.x(), c.y() - corner.y()) / diag;
            if (!best.isValid() || rank > bestRank) {
                best = field;
                bestRank = rank;
            }
            break; // the first value that reads is the label's
        }
    }
    return best;
}

} // namespace bt
