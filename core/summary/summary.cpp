#include "summary.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>

#include <algorithm>

namespace bt {

namespace {

// Marks a literal for lupdate where it is passed on to tr() by a helper.
#define BT_NOOP(text) QT_TRANSLATE_NOOP("bt::Summary", text)

QString tr(const char *text) {
    return QCoreApplication::translate("bt::Summary", text);
}

// "1 note" / "3 notes" without relying on a loaded translation for the plural.
QString counted(int n, const char *one, const char *many) {
    return n == 1 ? tr(one) : tr(many).arg(n);
}

constexpr int kNoteWords = 12;       // notes are quoted up to this many words, then "…"
constexpr int kShortText = 6;        // texts up to this many words are quoted whole
constexpr int kItemsPerSentence = 6; // then "and N more"
constexpr int kPlacesPerKind = 4;    // locations listed per kind of drawing change
constexpr int kSheetsListed = 10;    // sheet names listed per group in the job summary

const QChar kEllipsis(0x2026);

QString quoted(const QString &text) {
    return QStringLiteral("\u201c%1\u201d").arg(text);
}

// The first `maxWords` words, "…" when there were more.
QString shortened(const QStringList &words, int maxWords = kNoteWords) {
    if (words.size() <= maxWords) return words.join(QLatin1Char(' '));
    return words.mid(0, maxWords).join(QLatin1Char(' ')) + kEllipsis;
}

QString capitalised(QString s) {
    if (!s.isEmpty()) s[0] = s.at(0).toUpper();
    return s;
}

// "a; b; c and 2 more"
QString listed(const QStringList &items, int max = kItemsPerSentence) {
    if (items.size() <= max) return items.join(QStringLiteral("; "));
    return tr("%1 and %2 more").arg(items.mid(0, max).join(QStringLiteral("; "))).arg(items.size() - max);
}

// ---------------------------------------------------------------------------------------------
// What a text is

// Feet-inch (12'-6", 3'-0 1/2", 8'), inches (6", 3 1/2", 3/4"), metric with a unit (3.6 m, 3600 mm).
const QRegularExpression &dimensionPattern() {
    static const QRegularExpression re(
        QStringLiteral(
            "(?<![\\w.])(?:"
            "\\d+\\s*['\u2032\u2019](?:\\s*-?\\s*\\d+(?:\\s+\\d+/\\d+|-\\d+/\\d+)?\\s*[\"\u2033\u201d])?"
            "|\\d+(?:\\s+\\d+/\\d+|-\\d+/\\d+)?\\s*[\"\u2033\u201d]"
            "|\\d+/\\d+\\s*[\"\u2033\u201d]"
            "|\\d+(?:[.,]\\d+)?\\s*(?:mm|cm|m)(?![\\w])"
            ")"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

// Words a dimension string may carry besides its values.
bool isDimensionWord(const QString &w) {
    static const QRegularExpression re(
        QStringLiteral(
            "^(?:EQ|EQUAL|CLR|CLEAR|TYP|TYP\\.|MIN|MIN\\.|MAX|MAX\\.|VIF|V\\.I\\.F\\.|NTS|O\\.C\\.|OC|"
            "AFF|A\\.F\\.F\\.|CL|\u00b1|\\+/-|[()\\[\\]+\\-=@,.:;]+)$"),
        QRegularExpression::CaseInsensitiveOption);
    return re.match(w).hasMatch();
}

// Dimension values in a text, in order; empty when the text is more than dimension strings.
QStringList dimensionValues(const QStringList &words) {
    const QString text = words.join(QLatin1Char(' '));
    QStringList values;
    QString rest;
    int at = 0;
    auto it = dimensionPattern().globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        rest += text.mid(at, m.capturedStart() - at) + QLatin1Char(' ');
        values << m.captured().simplified();
        at = int(m.capturedEnd());
    }
    rest += text.mid(at);
    if (values.isEmpty()) return {};
    for (const QString &w : rest.split(QLatin1Char(' '), Qt::SkipEmptyParts))
        if (!isDimensionWord(w)) return {};
    return values;
}

// Metric dimensions without a unit ("3600"), only when both sides are nothing but such numbers
// and one of them has four digits (room and note numbers rarely do).
bool plainMetricChange(const QStringList &oldWords, const QStringList &newWords) {
    static const QRegularExpression re(QStringLiteral("^\\d{2,5}$"));
    bool long4 = false;
    for (const QStringList *words : {&oldWords, &newWords}) {
        if (words->isEmpty()) return false;
        for (const QString &w : *words) {
            if (!re.match(w).hasMatch()) return false;
            long4 = long4 || w.size() >= 4;
        }
    }
    return long4;
}

// A note: a numbered item ("7. PROVIDE …", "(3) SEE …"), a keynote ("K3 …", "08 41 13.A …") or a
// long phrase.
bool isNote(const QStringList &words) {
    if (words.isEmpty()) return false;
    static const QRegularExpression numbered(
        QStringLiteral("^(?:\\(?\\d{1,3}[.)]|\\(\\d{1,3}\\)|[A-Z][.)])$"));
    static const QRegularExpression keynote(QStringLiteral("^(?:K|KN|KN-|K-)\\d{1,3}[A-Z]?\\.?$"));
    static const QRegularExpression csi(QStringLiteral("^\\d{2} \\d{2} \\d{2}(?:\\.[A-Z0-9]+)?\\b"));
    if (words.size() >= 3 && numbered.match(words.first()).hasMatch()) return true;
    if (words.size() >= 2 && keynote.match(words.first()).hasMatch()) return true;
    if (words.size() >= 4 && csi.match(words.join(QLatin1Char(' '))).hasMatch()) return true;
    return words.size() >= 6 && dimensionValues(words).isEmpty();
}

// Old and new texts quoted, long ones cut down to the words that differ with one word of
// context each side: “ASTM A-37” → “ASTM A-36”.
QString changeQuoted(const QStringList &oldWords, const QStringList &newWords) {
    const QString arrow = QStringLiteral(" \u2192 ");
    if (oldWords.size() <= kShortText && newWords.size() <= kShortText)
        return quoted(oldWords.join(QLatin1Char(' '))) + arrow + quoted(newWords.join(QLatin1Char(' ')));
    const int common = int(std::min(oldWords.size(), newWords.size()));
    int prefix = 0;
    while (prefix < common && oldWords[prefix] == newWords[prefix])
        ++prefix;
    int suffix = 0;
    while (suffix < common - prefix &&
           oldWords[oldWords.size() - 1 - suffix] == newWords[newWords.size() - 1 - suffix])
        ++suffix;
    auto cut = [&](const QStringList &w) {
        const int from = std::max(0, prefix - 1);
        const int to = std::min(int(w.size()), int(w.size()) - suffix + 1);
        QString s = shortened(w.mid(from, to - from));
        if (from > 0) s.prepend(kEllipsis);
        if (to < w.size() && !s.endsWith(kEllipsis)) s += kEllipsis;
        return quoted(s);
    };
    return cut(oldWords) + arrow + cut(newWords);
}

// Dimension values that differ between old and new: the first and last equal ones are dropped.
void differingValues(QStringList &oldValues, QStringList &newValues) {
    while (!oldValues.isEmpty() && !newValues.isEmpty() && oldValues.first() == newValues.first()) {
        oldValues.removeFirst();
        newValues.removeFirst();
    }
    while (!oldValues.isEmpty() && !newValues.isEmpty() && oldValues.last() == newValues.last()) {
        oldValues.removeLast();
        newValues.removeLast();
    }
}

// ---------------------------------------------------------------------------------------------
// Where a change is

QString sheetArea(const QRectF &boxPt, QSizeF pageSizePt) {
    static const char *const names[3][3] = {
        {QT_TRANSLATE_NOOP("bt::Summary", "upper left"), QT_TRANSLATE_NOOP("bt::Summary", "upper centre"),
         QT_TRANSLATE_NOOP("bt::Summary", "upper right")},
        {QT_TRANSLATE_NOOP("bt::Summary", "middle left"), QT_TRANSLATE_NOOP("bt::Summary", "centre"),
         QT_TRANSLATE_NOOP("bt::Summary", "middle right")},
        {QT_TRANSLATE_NOOP("bt::Summary", "lower left"), QT_TRANSLATE_NOOP("bt::Summary", "lower centre"),
         QT_TRANSLATE_NOOP("bt::Summary", "lower right")},
    };
    if (pageSizePt.width() <= 0 || pageSizePt.height() <= 0) return {};
    const QPointF c = boxPt.normalized().center();
    auto third = [](double v, double size) { return std::clamp(int(3 * v / size), 0, 2); };
    return tr(names[third(c.y(), pageSizePt.height())][third(c.x(), pageSizePt.width())]);
}

QString placeOf(const PageResult &page, const QRectF &boxPt) {
    const QString onGrid = page.grid.locate(boxPt);
    return onGrid.isEmpty() ? sheetArea(boxPt, page.pageSizePt) : onGrid;
}

// "2 added (near grid C/3, upper left)"
QString drawingItem(const QStringList &places, const char *one, const char *many) {
    QStringList unique;
    for (const QString &p : places)
        if (!p.isEmpty() && !unique.contains(p)) unique << p;
    QString s = counted(int(places.size()), one, many);
    if (unique.isEmpty()) return s;
    QString where = unique.mid(0, kPlacesPerKind).join(QStringLiteral(", "));
    if (unique.size() > kPlacesPerKind) where += QStringLiteral(", ") + kEllipsis;
    return s + QStringLiteral(" (") + where + QLatin1Char(')');
}

QString sheetName(const PageResult &page) {
    const QString name = page.drawingName();
    return name.isEmpty() ? tr("sheet %1").arg(page.pageNumber) : name;
}

} // namespace

QString summarisePage(const PageResult &page) {
    const QString name = page.drawingName().isEmpty() ? tr("Sheet") : page.drawingName();
    if (page.match == MatchKind::Added) return tr("%1: sheet added in the new set.").arg(name);
    if (page.match == MatchKind::Removed) return tr("%1: sheet removed from the new set.").arg(name);
    if (!page.error.isEmpty()) return tr("%1: comparison failed: %2").arg(name, page.error);
    if (page.regions.isEmpty()) return tr("%1: no changes.").arg(name);

    ChangeRegions regions = page.regions;
    std::stable_sort(regions.begin(), regions.end(),
                     [](const ChangeRegion &a, const ChangeRegion &b) { return a.id < b.id; });

    QStringList texts, dimensions, notes;
    int textCount = 0, dimensionCount = 0, noteCount = 0;
    QStringList drawnAdded, drawnRemoved, drawnModified; // one place per region
    for (const ChangeRegion &r : regions) {
        const QStringList &o = r.oldText, &n = r.newText;
        if (o == n) { // no text, or the same text: the change is in the drawing
            const QString place = placeOf(page, r.boxPt);
            if (r.kind == ChangeKind::Added)
                drawnAdded << place;
            else if (r.kind == ChangeKind::Removed)
                drawnRemoved << place;
            else
                drawnModified << place;
            continue;
        }
        QStringList ov = dimensionValues(o), nv = dimensionValues(n);
        if (plainMetricChange(o, n)) {
            ov = o;
            nv = n;
        }
        const bool oldDim = !ov.isEmpty() || o.isEmpty(), newDim = !nv.isEmpty() || n.isEmpty();
        if (oldDim && newDim) {
            ++dimensionCount;
            differingValues(ov, nv);
            if (!ov.isEmpty() && !nv.isEmpty())
                dimensions << quoted(ov.join(QStringLiteral(", "))) + QStringLiteral(" \u2192 ") +
                                  quoted(nv.join(QStringLiteral(", ")));
            else if (!nv.isEmpty())
                dimensions << tr("%1 added").arg(quoted(nv.join(QStringLiteral(", "))));
            else if (!ov.isEmpty())
                dimensions << tr("%1 removed").arg(quoted(ov.join(QStringLiteral(", "))));
            else // the same values, reordered or respaced
                dimensions << changeQuoted(o, n);
            continue;
        }
        if (isNote(o) || isNote(n)) {
            ++noteCount;
            if (o.isEmpty())
                notes << tr("note added: %1").arg(quoted(shortened(n)));
            else if (n.isEmpty())
                notes << tr("note removed: %1").arg(quoted(shortened(o)));
            else
                notes << tr("note changed: %1").arg(changeQuoted(o, n));
            continue;
        }
        ++textCount;
        if (o.isEmpty())
            texts << tr("added %1").arg(quoted(shortened(n)));
        else if (n.isEmpty())
            texts << tr("removed %1").arg(quoted(shortened(o)));
        else
            texts << changeQuoted(o, n);
    }
    const int drawingCount = int(drawnAdded.size() + drawnRemoved.size() + drawnModified.size());

    QStringList categories;
    if (textCount) categories << tr("%1 text").arg(textCount);
    if (dimensionCount)
        categories << counted(dimensionCount, BT_NOOP("1 dimension"), BT_NOOP("%1 dimensions"));
    if (noteCount) categories << counted(noteCount, BT_NOOP("1 note"), BT_NOOP("%1 notes"));
    if (drawingCount) categories << tr("%1 drawing").arg(drawingCount);

    QStringList sentences;
    sentences << tr("%1: %2 \u2014 %3")
                     .arg(name, counted(int(regions.size()), BT_NOOP("1 change"), BT_NOOP("%1 changes")),
                          categories.join(QStringLiteral(", ")));
    if (!texts.isEmpty()) sentences << tr("Text: %1").arg(listed(texts));
    if (!dimensions.isEmpty())
        sentences
            << (dimensions.size() == 1 ? tr("Dimension %1") : tr("Dimensions %1")).arg(listed(dimensions));
    if (!notes.isEmpty()) sentences << capitalised(listed(notes));
    if (drawingCount) {
        QStringList kinds;
        if (!drawnAdded.isEmpty()) kinds << drawingItem(drawnAdded, BT_NOOP("1 added"), BT_NOOP("%1 added"));
        if (!drawnRemoved.isEmpty())
            kinds << drawingItem(drawnRemoved, BT_NOOP("1 removed"), BT_NOOP("%1 removed"));
        if (!drawnModified.isEmpty())
            kinds << drawingItem(drawnModified, BT_NOOP("1 modified"), BT_NOOP("%1 modified"));
        sentences << tr("Drawing: %1").arg(kinds.join(QStringLiteral("; ")));
    }
    return sentences.join(QStringLiteral(". ")) + QLatin1Char('.');
}

QString summariseJob(const QVector<PageResult> &pages) {
    QStringList changed, unchanged, added, removed, failed;
    for (const PageResult &p : pages) {
        if (p.match == MatchKind::Added)
            added << sheetName(p);
        else if (p.match == MatchKind::Removed)
            removed << sheetName(p);
        else if (!p.error.isEmpty())
            failed << sheetName(p);
        else if (p.regions.isEmpty())
            unchanged << sheetName(p);
        else
            changed << sheetName(p);
    }
    if (pages.isEmpty()) return tr("No sheets compared.");
    auto group = [](const QStringList &names, const char *what) {
        QString s = tr(what).arg(names.size());
        if (names.isEmpty()) return s;
        QString list = names.mid(0, kSheetsListed).join(QStringLiteral(", "));
        if (names.size() > kSheetsListed)
            list = tr("%1 and %2 more").arg(list).arg(names.size() - kSheetsListed);
        return s + QStringLiteral(" (") + list + QLatin1Char(')');
    };
    QStringList parts;
    parts << group(changed, BT_NOOP("%1 changed")) << tr("%1 unchanged").arg(unchanged.size())
          << group(added, BT_NOOP("%1 added")) << group(removed, BT_NOOP("%1 removed"));
    if (!failed.isEmpty()) parts << group(failed, BT_NOOP("%1 failed"));
    return tr("%1: %2.").arg(
        counted(int(pages.size()), BT_NOOP("1 sheet compared"), BT_NOOP("%1 sheets compared")),
        parts.join(QStringLiteral(", ")));
}

} // namespace bt
