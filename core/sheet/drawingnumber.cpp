#include "drawingnumber.h"

#include <QRegularExpression>
#include <QSet>
#include <algorithm>
#include <cmath>

namespace bt {

namespace {

bool isAsciiLetter(QChar c) {
    return (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z');
}
bool isAsciiDigit(QChar c) {
    return c >= u'0' && c <= u'9';
}
bool isSeparator(QChar c) {
    return c == u'-' || c == u'.' || c == u'_';
}

// OCR reads these for digits; they are repaired only inside the digit group, never in the
// discipline prefix (where S, I and O are real letters).
QChar digitFor(QChar c) {
    switch (c.unicode()) {
    case u'O':
    case u'o':
        return u'0';
    case u'I':
    case u'i':
    case u'l':
    case u'|':
        return u'1';
    case u'S':
    case u's':
        return u'5';
    default:
        return QChar();
    }
}

QString unifyDashes(QString s) {
    for (QChar &c : s) {
        const char16_t u = c.unicode();
        if ((u >= 0x2010 && u <= 0x2015) || u == 0x2212 || u == 0xFE63 || u == 0xFF0D) c = u'-';
    }
    return s;
}

// Prefixes that read like a discipline but are words, units, months or labels: "REV 1",
// "NO. 1", "RM 101", "MAY 22", "TO 3".
const QSet<QString> &nonDisciplinePrefixes() {
    static const QSet<QString> words = {
        QStringLiteral("REV"), QStringLiteral("NO"),  QStringLiteral("NR"),  QStringLiteral("NUM"),
        QStringLiteral("RM"),  QStringLiteral("RMS"), QStringLiteral("TO"),  QStringLiteral("AT"),
        QStringLiteral("IN"),  QStringLiteral("ON"),  QStringLiteral("OF"),  QStringLiteral("BY"),
        QStringLiteral("UP"),  QStringLiteral("AND"), QStringLiteral("THE"), QStringLiteral("FOR"),
        QStringLiteral("SEE"), QStringLiteral("SIM"), QStringLiteral("TYP"), QStringLiteral("REF"),
        QStringLiteral("DET"), QStringLiteral("SEC"), QStringLiteral("FIG"), QStringLiteral("PG"),
        QStringLiteral("LVL"), QStringLiteral("FLR"), QStringLiteral("ST"),  QStringLiteral("RD"),
        QStringLiteral("AVE"), QStringLiteral("STE"), QStringLiteral("APT"), QStringLiteral("LOT"),
        QStringLiteral("QTY"), QStringLiteral("MIN"), QStringLiteral("MAX"), QStringLiteral("DIA"),
        QStringLiteral("HR"),  QStringLiteral("MM"),  QStringLiteral("CM"),  QStringLiteral("FT"),
        QStringLiteral("SF"),  QStringLiteral("LF"),  QStringLiteral("KW"),  QStringLiteral("KV"),
        QStringLiteral("HP"),  QStringLiteral("PSI"), QStringLiteral("PSF"), QStringLiteral("DB"),
        QStringLiteral("HZ"),  QStringLiteral("LB"),  QStringLiteral("LBS"), QStringLiteral("AM"),
        QStringLiteral("PM"),  QStringLiteral("JAN"), QStringLiteral("FEB"), QStringLiteral("MAR"),
        QStringLiteral("APR"), QStringLiteral("MAY"), QStringLiteral("JUN"), QStringLiteral("JUL"),
        QStringLiteral("AUG"), QStringLiteral("SEP"), QStringLiteral("OCT"), QStringLiteral("NOV"),
        QStringLiteral("DEC"), QStringLiteral("PH"),  QStringLiteral("TEL"), QStringLiteral("FAX"),
        QStringLiteral("SHT"), QStringLiteral("DWG"), QStringLiteral("IS"),  QStringLiteral("IT"),
        QStringLiteral("OR"),  QStringLiteral("AN"),  QStringLiteral("BE"),  QStringLiteral("IF"),
        QStringLiteral("ALL"), QStringLiteral("PER"), QStringLiteral("OC"),  QStringLiteral("EA"),
        QStringLiteral("GA"),  QStringLiteral("CL"),
    };
    return words;
}

// Strips what sits around a number in running text or OCR output: quotes, brackets, commas,
// a closing period or colon.
QString stripSurrounding(const QString &text) {
    static const QString leading = QStringLiteral("([{\"'");
    static const QString trailing = QStringLiteral(")]}\"',;:.");
    int begin = 0, end = int(text.size());
    while (begin < end && leading.contains(text.at(begin)))
        ++begin;
    while (end > begin && trailing.contains(text.at(end - 1)))
        --end;
    return text.mid(begin, end - begin);
}

struct ParsedNumber {
    QString printed; // cleaned, repaired, as printed
    int digitCount = 0;
    bool hasSeparator = false;
    bool hasDecimal = false;
};

// Hand-written parser rather than one regex: the digit group needs character-wise OCR repair
// and the prefix must stop where digit look-alikes begin.
bool parseDrawingNumber(const QString &text, ParsedNumber *out) {
    QString s = stripSurrounding(unifyDashes(text).trimmed()).simplified();
    // Tesseract reads a bold S as "$"; before a separator ("$-201") it can be nothing else.
    if (s.size() > 2 && s.at(0) == u'$' && isSeparator(s.at(1))) s[0] = u'S';
    if (s.isEmpty() || s.size() > 16) return false;
    for (QChar c : s) {
        if (!isAsciiLetter(c) && !isAsciiDigit(c) && !isSeparator(c) && c != u' ' && c != u'|')
            return false; // slashes, quotes, colons: dates, scales, dimensions, detail callouts
    }
    const int n = int(s.size());
    int i = 0;
    QString prefix;
    while (i < n && isAsciiLetter(s.at(i))) {
        // Lower-case l/o/i after the first letter are digits printed in capitals, not letters.
        if (!prefix.isEmpty() && !digitFor(s.at(i)).isNull() && s.at(i).isLower()) break;
        prefix += s.at(i++);
    }
    if (prefix.isEmpty() || prefix.size() > 3) return false;
    if (nonDisciplinePrefixes().contains(prefix.toUpper())) return false;

    // Optional digit-less sub-discipline between two separators: "E-LP-101".
    QString sub;
    if (i + 2 < n && (isSeparator(s.at(i)) || s.at(i) == u' ')) {
        int k = i + 1;
        QString letters;
        while (k < n && isAsciiLetter(s.at(k)) && letters.size() < 3)
            letters += s.at(k++);
        const bool realLetters =
            std::any_of(letters.begin(), letters.end(), [](QChar c) { return digitFor(c).isNull(); });
        if (!letters.isEmpty() && letters.size() <= 2 && realLetters && k < n &&
            (isSeparator(s.at(k)) || s.at(k) == u' ')) {
            sub = s.mid(i, 1) + letters;
            i = k;
        }
    }

    // Separator: spaces, at most one of - . _, spaces.
    bool spaced = false;
    QChar punct;
    while (i < n && s.at(i) == u' ') {
        spaced = true;
        ++i;
    }
    if (i < n && isSeparator(s.at(i))) punct = s.at(i++);
    while (i < n && s.at(i) == u' ') {
        spaced = true;
        ++i;
    }
    const QString rest = s.mid(i);
    if (rest.isEmpty() || rest.contains(u' ')) return false;

    // Repair the digit group. A final letter stays a suffix ("A-101A") when a full three-digit
    // group precedes it; otherwise a look-alike there is a digit too ("A-10O" -> "A-100").
    QString digits;
    int real = 0, repaired = 0, realBefore = 0;
    for (int k = 0; k < rest.size(); ++k) {
        const QChar c = rest.at(k);
        const bool last = k == rest.size() - 1;
        if (isAsciiDigit(c)) {
            digits += c;
            ++real;
            ++realBefore;
        } else if (c == u'.') {
            digits += c;
            realBefore = 0;
        } else if (!digitFor(c).isNull() && !(last && isAsciiLetter(c) && realBefore >= 3)) {
            digits += digitFor(c);
            ++repaired;
            ++realBefore;
        } else if (last && isAsciiLetter(c)) {
            digits += c;
        } else {
            return false;
        }
    }
    // QRegularExpression is reentrant, not thread-safe: one instance per thread.
    thread_local const QRegularExpression group(QStringLiteral("^[0-9]{1,4}(\\.[0-9]{1,3})?[A-Za-z]?$"));
    if (!group.match(digits).hasMatch()) return false;
    // Mostly look-alikes ("AS-IS", "A-IOI") is a word, not a number.
    if (real == 0 || repaired > real) return false;
    const bool hasSeparator = spaced || !punct.isNull();
    if (sub.isEmpty() && !hasSeparator && isPaperSizeName(prefix + digits)) return false;
    // Thermal values in wall legends and notes: insulation "R-21", "R-38"; U-factors "U-0.35".
    const QString upper = prefix.toUpper();
    if (sub.isEmpty() && ((upper == u"R" && real <= 2 && !digits.contains(u'.')) ||
                          (upper == u"U" && digits.startsWith(QLatin1String("0.")))))
        return false;

    if (out) {
        const QString sep = !punct.isNull() ? QString(punct) : spaced ? QStringLiteral(" ") : QString();
        out->printed = prefix + sub + sep + digits;
        out->digitCount = int(std::count_if(digits.begin(), digits.end(), isAsciiDigit));
        out->hasSeparator = hasSeparator;
        out->hasDecimal = digits.contains(u'.');
    }
    return true;
}

double verticalOverlap(const QRectF &a, const QRectF &b) {
    return std::min(a.bottom(), b.bottom()) - std::max(a.top(), b.top());
}

// The nearest word to the right of `words[i]` on the same text line, or -1.
int rightNeighbour(const Words &words, int i) {
    const QRectF &a = words.at(i).box;
    const double h = a.height();
    int best = -1;
    double bestGap = 0;
    for (int j = 0; j < words.size(); ++j) {
        if (j == i) continue;
        const QRectF &b = words.at(j).box;
        const double gap = b.left() - a.right();
        if (gap < -0.3 * h || gap > 1.5 * std::max(h, b.height())) continue;
        if (b.center().x() <= a.center().x()) continue;
        if (verticalOverlap(a, b) < 0.5 * std::min(h, b.height())) continue;
        const double ratio = std::max(h, b.height()) / std::max(1e-6, std::min(h, b.height()));
        if (ratio > 1.6) continue;
        if (best < 0 || gap < bestGap) {
            best = j;
            bestGap = gap;
        }
    }
    return best;
}

// A word that can only be the first part of a split number: "A", "AF", "A-".
bool isPrefixOnly(const QString &text) {
    thread_local const QRegularExpression re(QStringLiteral("^[A-Za-z]{1,3}[-._]?$"));
    return re.match(stripSurrounding(unifyDashes(text.trimmed()))).hasMatch();
}

// PDF text layers often run separate text objects together without a space: the number and
// the next field's label become "A-101REVISION", a label and the number "NUMBERA-101". Finds
// the number inside such a word; `box` is narrowed by character share (the glyphs of the two
// parts can differ in size, so it is an estimate; its height stays right).
bool splitGluedNumber(const Word &word, DrawingNumberCandidate *out) {
    thread_local const QRegularExpression tail(
        QStringLiteral("^([A-Za-z]{1,3}[-._]?[0-9][0-9.]*)([A-Za-z]{2,}.*)$"));
    thread_local const QRegularExpression head(
        QStringLiteral("^(SHEET|SHT|NUMBER|NO\\.?|DWG|DRAWING)(:?)([A-Za-z]{1,3}[-._]?[0-9].*)$"),
        QRegularExpression::CaseInsensitiveOption);
    const QString text = unifyDashes(word.text.trimmed());
    int start = 0, length = 0;
    QString part;
    if (const auto m = tail.match(text); m.hasMatch()) {
        part = m.captured(1);
        length = int(part.size());
    } else if (const auto m2 = head.match(text); m2.hasMatch()) {
        part = m2.captured(3);
        start = int(m2.capturedStart(3));
        length = int(part.size());
    } else {
        return false;
    }
    ParsedNumber parsed;
    if (!parseDrawingNumber(part, &parsed) || parsed.digitCount < 2) return false;
    const double perChar = word.box.width() / std::max<qsizetype>(1, text.size());
    out->text = parsed.printed;
    out->boxPt =
        QRectF(word.box.left() + start * perChar, word.box.top(), length * perChar, word.box.height());
    out->heightPt = word.box.height();
    return true;
}

} // namespace

QString normaliseDrawingNumber(const QString &number) {
    QString out;
    const QString s = unifyDashes(number).toUpper();
    out.reserve(s.size());
    for (QChar c : s) {
        if (c.isSpace() || c == u'-' || c == u'.' || c == u'_') continue;
        out += c;
    }
    return out;
}

bool isPaperSizeName(const QString &text) {
    thread_local const QRegularExpression re(QStringLiteral("^A[0-4]$"));
    return re.match(text.trimmed().toUpper()).hasMatch();
}

QString cleanDrawingNumber(const QString &text) {
    ParsedNumber parsed;
    return parseDrawingNumber(text, &parsed) ? parsed.printed : QString();
}

bool looksLikeDrawingNumber(const QString &text) {
    return parseDrawingNumber(text, nullptr);
}

QVector<DrawingNumberCandidate> findDrawingNumberCandidates(const Words &words) {
    QVector<DrawingNumberCandidate> out;
    QVector<bool> used(words.size(), false);
    for (int i = 0; i < words.size(); ++i) {
        ParsedNumber parsed;
        if (parseDrawingNumber(words.at(i).text, &parsed)) {
            out.append({parsed.printed, words.at(i).box, words.at(i).box.height()});
            used[i] = true;
        } else if (DrawingNumberCandidate glued; splitGluedNumber(words.at(i), &glued)) {
            out.append(glued);
            used[i] = true;
        }
    }
    // Numbers split over words: "A 101" (wide letter spacing, or OCR), "A-" "101", "A" "-" "101".
    for (int i = 0; i < words.size(); ++i) {
        if (used.at(i) || !isPrefixOnly(words.at(i).text)) continue;
        int j = rightNeighbour(words, i);
        if (j < 0 || used.at(j)) continue;
        QString joined = words.at(i).text.trimmed() + QLatin1Char(' ') + words.at(j).text.trimmed();
        QRectF box = words.at(i).box.united(words.at(j).box);
        const QString second = unifyDashes(words.at(j).text.trimmed());
        if (second.size() == 1 && isSeparator(second.at(0))) {
            const int k = rightNeighbour(words, j);
            if (k < 0 || used.at(k)) continue;
            joined += QLatin1Char(' ') + words.at(k).text.trimmed();
            box = box.united(words.at(k).box);
        }
        // Two words are only trusted with a real number part: "A 101", not "A 1" (grid labels).
        ParsedNumber parsed;
        if (!parseDrawingNumber(joined, &parsed) || (parsed.digitCount < 2 && !parsed.hasDecimal)) continue;
        out.append({parsed.printed, box, box.height()});
    }
    return out;
}

} // namespace bt
