#include "summary.h"

#include "compare/sheetstatus.h"

#include "i18n/enginetext.h"

#include <QRegularExpression>
#include <QStringList>

#include <algorithm>
#include <optional>

namespace bt {

namespace {

// Every text is translated in context bt::Summary (i18n/enginetext.h); the functions below run
// inside an EnglishTexts scope when the summary is made for the history.
constexpr int kNoteWords = 12;       // notes are quoted up to this many words, then "…"
constexpr int kShortText = 6;        // texts up to this many words are quoted whole
constexpr int kItemsPerSentence = 6; // then "and N more"
constexpr int kPlacesPerKind = 4;    // locations listed per kind of drawing change
constexpr int kSheetsListed = 10;    // sheet names listed per group in the job summary

const QChar kEllipsis(0x2026);

QString quoted(const QString &text) {
    return EngineText::translate("bt::Summary", "“%1”", "quoted text from the drawing").arg(text);
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

// "a; b; c and 2 more"; the same item twice is said once with its count ("added “F3” (2×)").
QString listed(const QStringList &all, int max = kItemsPerSentence) {
    QStringList items;
    QVector<int> counts;
    for (const QString &item : all) {
        const qsizetype at = items.indexOf(item);
        if (at >= 0) {
            ++counts[at];
            continue;
        }
        items << item;
        counts << 1;
    }
    for (qsizetype i = 0; i < items.size(); ++i)
        if (counts[i] > 1)
            items[i] = EngineText::translate("bt::Summary", "%1 (%2×)", "the same change, how many times")
                           .arg(items[i])
                           .arg(counts[i]);
    if (items.size() <= max) return items.join(QStringLiteral("; "));
    return EngineText::translate("bt::Summary", "%1 and %n more", nullptr, int(items.size() - max))
        .arg(items.mid(0, max).join(QStringLiteral("; ")));
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
    return EngineText::translate("bt::Summary",
                                 names[third(c.y(), pageSizePt.height())][third(c.x(), pageSizePt.width())]);
}

QString placeOf(const PageResult &page, const QRectF &boxPt) {
    const QString onGrid = page.grid.locate(boxPt);
    return onGrid.isEmpty() ? sheetArea(boxPt, page.pageSizePt) : onGrid;
}

// "2 added (near grid C/3, upper left)": `counted` is "2 added".
QString drawingItem(const QStringList &places, const QString &counted) {
    QStringList unique;
    for (const QString &p : places)
        if (!p.isEmpty() && !unique.contains(p)) unique << p;
    const QString s = counted;
    if (unique.isEmpty()) return s;
    QString where = unique.mid(0, kPlacesPerKind).join(QStringLiteral(", "));
    if (unique.size() > kPlacesPerKind) where += QStringLiteral(", ") + kEllipsis;
    return s + QStringLiteral(" (") + where + QLatin1Char(')');
}

QString sheetName(const PageResult &page) {
    const QString name = page.drawingName();
    return name.isEmpty() ? EngineText::translate("bt::Summary", "sheet %1").arg(page.pageNumber) : name;
}

} // namespace

QString summarisePage(const PageResult &page, TextLanguage language) {
    std::optional<EnglishTexts> english;
    if (language == TextLanguage::English) english.emplace();
    const QString name =
        page.drawingName().isEmpty() ? EngineText::translate("bt::Summary", "Sheet") : page.drawingName();
    if (page.match == MatchKind::Added)
        return EngineText::translate("bt::Summary", "%1: sheet added in the new set.").arg(name);
    if (page.match == MatchKind::Removed)
        return EngineText::translate("bt::Summary", "%1: sheet removed from the new set.").arg(name);
    if (!page.error.isEmpty())
        return EngineText::translate("bt::Summary", "%1: comparison failed: %2").arg(name, page.error);
    if (page.regions.isEmpty()) return EngineText::translate("bt::Summary", "%1: no changes.").arg(name);

    ChangeRegions regions = page.regions;
    std::stable_sort(regions.begin(), regions.end(),
                     [](const ChangeRegion &a, const ChangeRegion &b) { return a.id < b.id; });

    QStringList texts, dimensions, notes;
    int textCount = 0, dimensionCount = 0, noteCount = 0;
    QStringList drawnAdded, drawnRemoved, drawnModified, drawnMoved; // one place per region
    for (const ChangeRegion &r : regions) {
        const QStringList &o = r.oldText, &n = r.newText;
        if (o == n) { // no text, or the same text: the change is in the drawing
            const QString place = placeOf(page, r.boxPt);
            if (r.kind == ChangeKind::Added)
                drawnAdded << place;
            else if (r.kind == ChangeKind::Removed)
                drawnRemoved << place;
            else if (r.kind == ChangeKind::Moved)
                drawnMoved << place;
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
                dimensions << EngineText::translate("bt::Summary", "%1 added", "a dimension")
                                  .arg(quoted(nv.join(QStringLiteral(", "))));
            else if (!ov.isEmpty())
                dimensions << EngineText::translate("bt::Summary", "%1 removed", "a dimension")
                                  .arg(quoted(ov.join(QStringLiteral(", "))));
            else // the same values, reordered or respaced
                dimensions << changeQuoted(o, n);
            continue;
        }
        if (isNote(o) || isNote(n)) {
            ++noteCount;
            if (o.isEmpty())
                notes << EngineText::translate("bt::Summary", "note added: %1").arg(quoted(shortened(n)));
            else if (n.isEmpty())
                notes << EngineText::translate("bt::Summary", "note removed: %1").arg(quoted(shortened(o)));
            else
                notes << EngineText::translate("bt::Summary", "note changed: %1").arg(changeQuoted(o, n));
            continue;
        }
        ++textCount;
        if (o.isEmpty())
            texts << EngineText::translate("bt::Summary", "added %1", "a text").arg(quoted(shortened(n)));
        else if (n.isEmpty())
            texts << EngineText::translate("bt::Summary", "removed %1", "a text").arg(quoted(shortened(o)));
        else
            texts << changeQuoted(o, n);
    }
    const int drawingCount =
        int(drawnAdded.size() + drawnRemoved.size() + drawnModified.size() + drawnMoved.size());

    // "5 changes — 2 text, 1 dimension, 1 note, 1 drawing": changes by category.
    QStringList categories;
    if (textCount) categories << EngineText::translate("bt::Summary", "%n text", "changes", textCount);
    if (dimensionCount)
        categories << EngineText::translate("bt::Summary", "%n dimension(s)", "changes", dimensionCount);
    if (noteCount) categories << EngineText::translate("bt::Summary", "%n note(s)", "changes", noteCount);
    if (drawingCount)
        categories << EngineText::translate("bt::Summary", "%n drawing", "changes", drawingCount);

    QStringList sentences;
    sentences << EngineText::translate("bt::Summary", "%1: %2 — %3", "sheet: number of changes — categories")
                     .arg(name,
                          EngineText::translate("bt::Summary", "%n change(s)", nullptr, int(regions.size())),
                          categories.join(QStringLiteral(", ")));
    if (!texts.isEmpty()) sentences << EngineText::translate("bt::Summary", "Text: %1").arg(listed(texts));
    if (!dimensions.isEmpty())
        sentences << EngineText::translate("bt::Summary", "Dimension(s) %1", nullptr, int(dimensions.size()))
                         .arg(listed(dimensions));
    if (!notes.isEmpty()) sentences << capitalised(listed(notes));
    if (drawingCount) {
        QStringList kinds;
        if (!drawnAdded.isEmpty())
            kinds << drawingItem(
                drawnAdded,
                EngineText::translate("bt::Summary", "%n added", "drawing changes", int(drawnAdded.size())));
        if (!drawnRemoved.isEmpty())
            kinds << drawingItem(drawnRemoved,
                                 EngineText::translate("bt::Summary", "%n removed", "drawing changes",
                                                       int(drawnRemoved.size())));
        if (!drawnModified.isEmpty())
            kinds << drawingItem(drawnModified,
                                 EngineText::translate("bt::Summary", "%n modified", "drawing changes",
                                                       int(drawnModified.size())));
        if (!drawnMoved.isEmpty())
            kinds << drawingItem(
                drawnMoved,
                EngineText::translate("bt::Summary", "%n moved", "drawing changes", int(drawnMoved.size())));
        sentences
            << EngineText::translate("bt::Summary", "Drawing: %1").arg(kinds.join(QStringLiteral("; ")));
    }
    return sentences.join(QStringLiteral(". ")) + QLatin1Char('.');
}

QString summariseJob(const QVector<PageResult> &pages, TextLanguage language) {
    std::optional<EnglishTexts> english;
    if (language == TextLanguage::English) english.emplace();
    QStringList changed, unchanged, added, removed, failed;
    int notCompared = 0; // a cancelled or unfinished job's sheets without a diff: never "unchanged"
    // Counted by sheetStatus(), as the window's filters, the report and the change lists count.
    for (const PageResult &p : pages) {
        switch (sheetStatus(p)) {
        case SheetStatus::Added:
            added << sheetName(p);
            break;
        case SheetStatus::Removed:
            removed << sheetName(p);
            break;
        case SheetStatus::Failed:
            failed << sheetName(p);
            break;
        case SheetStatus::NotCompared:
            ++notCompared;
            break;
        case SheetStatus::Unchanged:
            unchanged << sheetName(p);
            break;
        case SheetStatus::Changed:
            changed << sheetName(p);
            break;
        }
    }
    if (pages.isEmpty()) return EngineText::translate("bt::Summary", "No sheets compared.");
    // "3 changed (A-101, A-102, A-201)": `counted` is "3 changed".
    auto group = [](const QStringList &names, const QString &counted) {
        if (names.isEmpty()) return counted;
        QString list = names.mid(0, kSheetsListed).join(QStringLiteral(", "));
        if (names.size() > kSheetsListed)
            list = EngineText::translate("bt::Summary", "%1 and %n more", nullptr,
                                         int(names.size() - kSheetsListed))
                       .arg(list);
        return counted + QStringLiteral(" (") + list + QLatin1Char(')');
    };
    QStringList parts;
    parts << group(changed, EngineText::translate("bt::Summary", "%n changed", "sheets", int(changed.size())))
          << EngineText::translate("bt::Summary", "%n unchanged", "sheets", int(unchanged.size()))
          << group(added, EngineText::translate("bt::Summary", "%n added", "sheets", int(added.size())))
          << group(removed,
                   EngineText::translate("bt::Summary", "%n removed", "sheets", int(removed.size())));
    if (!failed.isEmpty())
        parts << group(failed,
                       EngineText::translate("bt::Summary", "%n failed", "sheets", int(failed.size())));
    if (notCompared == 0)
        return EngineText::translate("bt::Summary", "%1: %2.", "sheets compared: how many of each")
            .arg(EngineText::translate("bt::Summary", "%n sheet(s) compared", nullptr, int(pages.size())),
                 parts.join(QStringLiteral(", ")));
    const int total = int(pages.size());
    return EngineText::translate("bt::Summary", "%1: %2; %3.",
                                 "sheets compared: how many of each; not compared")
        .arg(EngineText::translate("bt::Summary", "%1 of %n sheet(s) compared", nullptr, total)
                 .arg(total - notCompared),
             parts.join(QStringLiteral(", ")),
             EngineText::translate("bt::Summary", "%n not compared", "sheets", notCompared));
}

} // namespace bt
