#include "sheetidentifier.h"

#include "document/document.h"
#include "drawingnumber.h"
#include "text/ocrengine.h"
#include "titleblockfields.h"

#include <QRegularExpression>
#include <QSet>
#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>
#include <vector>

namespace bt {

namespace {

// Title-block crops are rendered at the DPI that makes them about kCropPixels, within
// [kMinOcrDpi, kMaxOcrDpi] and never above kMaxCropPixels (~2000 x 2000): Tesseract time grows
// with pixels, and smaller paper has smaller text. ARCH D gets 120 DPI, 42x30 in 100, 17x11 in 200.
constexpr double kCropPixels = 2.5e6;
constexpr double kMinOcrDpi = 100.0;
constexpr double kMaxOcrDpi = 200.0;
constexpr double kFloorOcrDpi = 50.0; // huge crops (fallback strips of big paper) may go down to this
constexpr double kMaxCropPixels = 4.0e6;
// Text lines at least this tall (and clearly above the crop's typical text) are re-read alone.
constexpr double kMinLargeTextIn = 0.12;
constexpr size_t kMaxLargeLines = 3;
// A text-layer number outside titleBlockAreaPt but in the edge strips is trusted from here on;
// below it (small, unlabelled: a view-title bubble) the title block is OCR'd as well.
constexpr double kTrustedTextConfidence = 0.7;
// An unlabelled number is at least this many times the sheet's median text height, on sheets
// with enough text for a median to mean something.
constexpr double kMinProminence = 1.5;
constexpr int kMinWordsForProminence = 8;
// An OCR answer this confident ends the search; below it the fallback crops are read too.
constexpr double kGoodOcrConfidence = 0.6;

// Bottom and right strips where title blocks live even when they are outside titleBlockAreaPt.
bool inEdgeZone(QPointF p, QSizeF page) {
    return p.x() >= 0.8 * page.width() || p.y() >= 0.85 * page.height();
}

// Upper-case word without the punctuation labels carry ("NO.", "TITLE:", "#").
QString bareWord(const QString &text) {
    QString out;
    for (QChar c : text.toUpper()) {
        if (c.isLetterOrNumber()) out += c;
    }
    return out;
}

// Words that name the sheet number field, seen just above or left of the number.
bool isNumberLabelWord(const QString &bare) {
    static const QSet<QString> labels = {QStringLiteral("SHEET"),  QStringLiteral("SHT"),
                                         QStringLiteral("DWG"),    QStringLiteral("DRAWING"),
                                         QStringLiteral("NUMBER"), QStringLiteral("NO")};
    return labels.contains(bare);
}

// Words that introduce a reference to another sheet: "SEE A-501", "REFER TO S-201".
bool isReferenceWord(const QString &bare) {
    static const QSet<QString> words = {
        QStringLiteral("SEE"),    QStringLiteral("REFER"),    QStringLiteral("REF"),
        QStringLiteral("TO"),     QStringLiteral("ON"),       QStringLiteral("SIM"),
        QStringLiteral("PER"),    QStringLiteral("AT"),       QStringLiteral("AND"),
        QStringLiteral("DETAIL"), QStringLiteral("SECTION"),  QStringLiteral("ELEVATION"),
        QStringLiteral("SHEETS"), QStringLiteral("DRAWINGS"), QStringLiteral("WITH"),
        QStringLiteral("FROM")};
    return words.contains(bare);
}

// Words of title-block field labels; a line made only of these is a label, not a title.
bool isLabelWord(const QString &bare) {
    static const QSet<QString> words = {
        QStringLiteral("SHEET"),
        QStringLiteral("SHT"),
        QStringLiteral("TITLE"),
        QStringLiteral("NUMBER"),
        QStringLiteral("NO"),
        QStringLiteral("NAME"),
        QStringLiteral("DRAWING"),
        QStringLiteral("DWG"),
        QStringLiteral("PROJECT"),
        QStringLiteral("DRAWN"),
        QStringLiteral("BY"),
        QStringLiteral("CHECKED"),
        QStringLiteral("CHK"),
        QStringLiteral("CHKD"),
        QStringLiteral("APPROVED"),
        QStringLiteral("DESIGNED"),
        QStringLiteral("SCALE"),
        QStringLiteral("DATE"),
        QStringLiteral("ISSUE"),
        QStringLiteral("ISSUED"),
        QStringLiteral("REVISION"),
        QStringLiteral("REVISIONS"),
        QStringLiteral("REV"),
        QStringLiteral("JOB"),
        QStringLiteral("CLIENT"),
        QStringLiteral("OWNER"),
        QStringLiteral("ARCHITECT"),
        QStringLiteral("ENGINEER"),
        QStringLiteral("SEAL"),
        QStringLiteral("STAMP"),
        QStringLiteral("PHASE"),
        QStringLiteral("LOCATION"),
        QStringLiteral("BUILDING"),
        QStringLiteral("CONSULTANT"),
        QStringLiteral("CONSULTANTS"),
        QStringLiteral("DESCRIPTION"),
        QStringLiteral("OF"),
        QStringLiteral("FILE"),
        QStringLiteral("CAD"),
        QStringLiteral("SIZE"),
        QStringLiteral("FOR"),
        QStringLiteral("AND"),
        QStringLiteral("MARK"),
        QStringLiteral("CONTRACT"),
        QStringLiteral("PERMIT"),
        QStringLiteral("KEY"),
        QStringLiteral("NORTH"),
        QStringLiteral("ADDRESS"),
        QStringLiteral("CERTIFICATION"),
        QStringLiteral("SUBMITTAL"),
        QStringLiteral("PLOT"),
        QStringLiteral("COMM"),
        QStringLiteral("ID"),
        QStringLiteral("CODE"),
    };
    return words.contains(bare);
}

// First words that make a line a labelled field ("SCALE: 1/4" = 1'-0"", "DRAWN BY JS").
bool isFieldStarter(const QString &bare) {
    static const QSet<QString> words = {
        QStringLiteral("SCALE"),     QStringLiteral("DATE"),     QStringLiteral("DRAWN"),
        QStringLiteral("CHECKED"),   QStringLiteral("JOB"),      QStringLiteral("PROJECT"),
        QStringLiteral("SHEET"),     QStringLiteral("SHT"),      QStringLiteral("DWG"),
        QStringLiteral("REV"),       QStringLiteral("REVISION"), QStringLiteral("ISSUE"),
        QStringLiteral("ISSUED"),    QStringLiteral("PLOT"),     QStringLiteral("FILE"),
        QStringLiteral("CAD"),       QStringLiteral("CHK"),      QStringLiteral("APPROVED"),
        QStringLiteral("DESIGNED"),  QStringLiteral("PHASE"),    QStringLiteral("DRAWING"),
        QStringLiteral("COPYRIGHT"), QStringLiteral("PRINTED"),  QStringLiteral("NO"),
    };
    return words.contains(bare);
}

// Words typical of sheet titles.
bool isTitleKeyword(const QString &bare) {
    static const QSet<QString> words = {
        QStringLiteral("PLAN"),       QStringLiteral("PLANS"),      QStringLiteral("ELEVATION"),
        QStringLiteral("ELEVATIONS"), QStringLiteral("SECTION"),    QStringLiteral("SECTIONS"),
        QStringLiteral("DETAIL"),     QStringLiteral("DETAILS"),    QStringLiteral("SCHEDULE"),
        QStringLiteral("SCHEDULES"),  QStringLiteral("NOTES"),      QStringLiteral("SITE"),
        QStringLiteral("ROOF"),       QStringLiteral("FLOOR"),      QStringLiteral("LEGEND"),
        QStringLiteral("COVER"),      QStringLiteral("DIAGRAM"),    QStringLiteral("DIAGRAMS"),
        QStringLiteral("CEILING"),    QStringLiteral("FOUNDATION"), QStringLiteral("FRAMING"),
        QStringLiteral("INDEX"),      QStringLiteral("RISER"),      QStringLiteral("ENLARGED"),
    };
    return words.contains(bare);
}

enum class LabelKind { None, Title, Project, Other };

// Classifies a line that is only label words: "SHEET TITLE" names the title field, "PROJECT"
// names a field whose content must not be taken for the sheet title.
LabelKind labelKind(const QStringList &bareWords) {
    if (bareWords.isEmpty() || !std::all_of(bareWords.begin(), bareWords.end(), isLabelWord))
        return LabelKind::None;
    const QString phrase = bareWords.join(QLatin1Char(' '));
    static const QSet<QString> title = {QStringLiteral("SHEET TITLE"),  QStringLiteral("DRAWING TITLE"),
                                        QStringLiteral("TITLE"),        QStringLiteral("SHEET NAME"),
                                        QStringLiteral("DRAWING NAME"), QStringLiteral("TITLE OF SHEET"),
                                        QStringLiteral("DWG TITLE"),    QStringLiteral("SHT TITLE")};
    if (title.contains(phrase)) return LabelKind::Title;
    static const QSet<QString> project = {
        QStringLiteral("PROJECT"),    QStringLiteral("PROJECT TITLE"), QStringLiteral("PROJECT NAME"),
        QStringLiteral("CLIENT"),     QStringLiteral("OWNER"),         QStringLiteral("ARCHITECT"),
        QStringLiteral("CONSULTANT"), QStringLiteral("CONSULTANTS"),   QStringLiteral("PROJECT ADDRESS"),
        QStringLiteral("LOCATION"),   QStringLiteral("ENGINEER"),      QStringLiteral("BUILDING")};
    if (project.contains(phrase)) return LabelKind::Project;
    return LabelKind::Other;
}

// Words on one line without a wide gap: one cell's text in a title block.
struct Line {
    Words words;
    QRectF box;
    double height = 0;     // median word height
    double confidence = 0; // mean word confidence
    QString text;
    QStringList bare;
    LabelKind label = LabelKind::None;
};

QVector<Line> buildLines(const Words &words) {
    const Words sorted = sortedInReadingOrder(words);
    QVector<Line> lines;
    Words current;
    auto flush = [&]() {
        if (current.isEmpty()) return;
        Line line;
        line.words = current;
        std::vector<double> heights;
        double conf = 0;
        for (const Word &w : current) {
            line.box = line.box.isNull() ? w.box : line.box.united(w.box);
            heights.push_back(w.box.height());
            conf += w.confidence;
            line.bare << bareWord(w.text);
        }
        std::nth_element(heights.begin(), heights.begin() + long(heights.size() / 2), heights.end());
        line.height = heights[heights.size() / 2];
        line.confidence = conf / current.size();
        line.text = joinedText(current);
        line.bare.removeAll(QString());
        line.label = labelKind(line.bare);
        lines.append(line);
        current.clear();
    };
    for (const Word &w : sorted) {
        if (!current.isEmpty()) {
            const Word &last = current.last();
            const double h = std::max(last.box.height(), w.box.height());
            const bool sameLine = std::abs(w.box.center().y() - last.box.center().y()) <=
                                  0.5 * std::min(last.box.height(), w.box.height());
            const double gap = w.box.left() - last.box.right();
            const double ratio = std::max(last.box.height(), w.box.height()) /
                                 std::max(1e-6, std::min(last.box.height(), w.box.height()));
            // A wide gap or a jump in text size starts a new cell.
            if (!sameLine || gap > 1.5 * h || gap < -0.5 * h || ratio > 1.6) flush();
        }
        current.append(w);
    }
    flush();
    return lines;
}

// Confidence of the words making up a candidate (lowest wins: one bad word spoils a number).
double candidateConfidence(const Words &words, const QRectF &box) {
    double conf = 100.0;
    bool any = false;
    for (const Word &w : words) {
        if (box.contains(w.box.center())) {
            conf = any ? std::min(conf, w.confidence) : w.confidence;
            any = true;
        }
    }
    return any ? conf : 100.0;
}

// Word immediately left of `box` on its line, or -1.
int leftNeighbour(const Words &words, const QRectF &box) {
    const double h = box.height();
    int best = -1;
    double bestGap = 0;
    for (int i = 0; i < words.size(); ++i) {
        const QRectF &b = words.at(i).box;
        const double gap = box.left() - b.right();
        if (gap < -0.3 * h || gap > 1.5 * h || b.center().x() >= box.left()) continue;
        const double overlap = std::min(b.bottom(), box.bottom()) - std::max(b.top(), box.top());
        if (overlap < 0.5 * std::min(h, b.height())) continue;
        if (best < 0 || gap < bestGap) {
            best = i;
            bestGap = gap;
        }
    }
    return best;
}

// "SEE A-501", "REFER TO SHEET S-201": the number is a reference to another sheet.
// A drawing number is at least this many points across and high, on any print.
constexpr double kMinNumberSidePt = 2.0;

// A standard's designation ("IPC-A-610", "ISO-128", "ASTM-A36"): the prefix is a standards body,
// which no office uses as a discipline. Quoted on a sheet, never its number.
bool isStandardDesignation(const QString &candidate) {
    static const QSet<QString> bodies = {
        QStringLiteral("IPC"),  QStringLiteral("ISO"),   QStringLiteral("IEC"),  QStringLiteral("ANSI"),
        QStringLiteral("ASTM"), QStringLiteral("ASME"),  QStringLiteral("NFPA"), QStringLiteral("IEEE"),
        QStringLiteral("DIN"),  QStringLiteral("JEDEC"), QStringLiteral("MIL")};
    QString prefix;
    for (const QChar c : candidate.toUpper()) {
        if (!c.isLetter()) break;
        prefix += c;
    }
    return bodies.contains(prefix);
}

bool isReference(const Words &words, const QRectF &box) {
    int left = leftNeighbour(words, box);
    for (int step = 0; left >= 0 && step < 2; ++step) {
        const QString bare = bareWord(words.at(left).text);
        if (isReferenceWord(bare)) return true;
        if (bare != QLatin1String("SHEET") && bare != QLatin1String("SHT") && bare != QLatin1String("DWG"))
            return false;
        left = leftNeighbour(words, words.at(left).box);
    }
    return false;
}

// A field label ("SHEET NO.", "DWG NUMBER") just above or left of the number.
bool hasNumberLabel(const Words &words, const QRectF &box) {
    const double h = box.height();
    for (const Word &w : words) {
        if (!isNumberLabelWord(bareWord(w.text))) continue;
        const QRectF &b = w.box;
        const bool above = b.bottom() <= box.top() + 0.3 * h && box.top() - b.bottom() <= 4 * h + 24 &&
                           b.right() >= box.left() - 4 * h - 60 && b.left() <= box.right();
        const bool leftOf = b.right() <= box.left() + 0.2 * h && box.left() - b.right() <= 6 * h &&
                            std::abs(b.center().y() - box.center().y()) <= 0.6 * h;
        if (above || leftOf) return true;
    }
    return false;
}

// Numbers like "L1", "F1", "E2": a letter and one digit, also level names and footing marks.
bool isWeakForm(const QString &number) {
    thread_local const QRegularExpression re(QStringLiteral("^[A-Za-z]{1,3}[0-9][A-Za-z]?$"));
    return re.match(number).hasMatch();
}

double median(std::vector<double> values) {
    if (values.empty()) return 0;
    auto mid = values.begin() + long(values.size() / 2);
    std::nth_element(values.begin(), mid, values.end());
    return *mid;
}

// Shape of a token: runs of letters -> "A", of digits -> "9", separators kept ("R114" and
// "ESP32" -> "A9", "A-101" -> "A-9").
QString shapeClass(const QString &text) {
    QString out;
    for (QChar c : text) {
        const QChar k = c.isLetter() ? QChar(u'A') : c.isDigit() ? QChar(u'9') : c;
        if (out.isEmpty() || out.back() != k || !(k == u'A' || k == u'9')) out += k;
    }
    return out;
}

// A separator between discipline and digits ("A-101", "A1.01", "A 101"): the sheet-number form
// of architecture and engineering sets, unlike part and chip names ("R114", "ESP32").
bool hasSeparatorForm(const QString &text) {
    return shapeClass(text) != QLatin1String("A9") && shapeClass(text) != QLatin1String("A9A");
}

// Distinct candidates per shape class, and per class and similar height: a sheet whose tokens
// of one shape come by the dozen (part references, net labels, pins) names things with them.
constexpr int kMinFamily = 5;
constexpr double kSimilarHeight = 1.3;
bool isCommonShape(const DrawingNumberCandidate &c, const QVector<DrawingNumberCandidate> &all) {
    const QString cls = shapeClass(c.text);
    QSet<QString> any, similar;
    for (const DrawingNumberCandidate &o : all) {
        if (shapeClass(o.text) != cls) continue;
        any.insert(o.text);
        const double ratio =
            std::max(o.heightPt, c.heightPt) / std::max(1e-6, std::min(o.heightPt, c.heightPt));
        if (ratio <= kSimilarHeight) similar.insert(o.text);
    }
    return similar.size() >= kMinFamily || (any.size() >= kMinFamily && !hasSeparatorForm(c.text));
}

struct ScoredCandidate {
    DrawingNumberCandidate candidate;
    double score = 0;
    bool inTitleBlock = false;
    bool inEdge = false;
    bool labelled = false;
    double confidence = 100;
};

// A title-block field's value beats a drawing-number candidate unless that is labelled, or is
// the sheet-number form, in the title block and clearly larger than the field (a big "A-101"
// next to a small "SHEET 3 OF 20").
bool candidateBeatsField(const ScoredCandidate &best, const SheetNumberField &field) {
    if (best.labelled) return true;
    return (best.inTitleBlock || best.inEdge) && hasSeparatorForm(best.candidate.text) &&
           best.candidate.heightPt >= 1.5 * field.heightPt;
}

// The title line (or a block of up to three lines) nearest the number and most title-like.
QString pickTitle(const QVector<Line> &lines, QSizeF page, const QRectF &numberBox,
                  const QString &numberKey) {
    const QRectF area = titleBlockAreaPt(page);
    const QPointF anchor = numberBox.isNull() ? QPointF(page.width(), page.height()) : numberBox.center();
    const double diag = std::hypot(page.width(), page.height());

    auto excluded = [&](const Line &line) {
        if (line.label != LabelKind::None) return true;
        if (!line.bare.isEmpty() && isFieldStarter(line.bare.first())) return true;
        int letters = 0, others = 0;
        for (QChar c : line.text) {
            if (c.isLetter())
                ++letters;
            else if (!c.isSpace())
                ++others;
        }
        if (letters < 3 || letters < 2 * others) // dates, numbers, dimensions, garbage
            return true;
        for (const Word &w : line.words) {
            const QString clean = cleanDrawingNumber(w.text);
            if (!numberKey.isEmpty() && normaliseDrawingNumber(clean.isEmpty() ? w.text : clean) == numberKey)
                return true;
        }
        if (!numberBox.isNull() && line.box.intersects(numberBox)) return true;
        // Room tags ("OFFICE 102") sit near the number on small sheets; a title ending in a
        // bare number would still be taken when it has a title word ("LEVEL 2 PLAN" does).
        thread_local const QRegularExpression roomNumber(QStringLiteral("^[0-9]{2,4}[A-Z]?$"));
        if (line.bare.size() >= 2 && roomNumber.match(line.bare.last()).hasMatch() &&
            std::none_of(line.bare.begin(), line.bare.end(), isTitleKeyword))
            return true;
        // A title has at least one real word; OCR noise is short fragments.
        return std::none_of(line.bare.begin(), line.bare.end(), [](const QString &b) {
            return b.size() >= 3 && std::all_of(b.begin(), b.end(), [](QChar c) { return c.isLetter(); });
        });
    };

    // The nearest label line above a line decides whose field it is.
    auto labelAbove = [&](const Line &line) {
        LabelKind kind = LabelKind::None;
        double bestGap = 0;
        for (const Line &l : lines) {
            if (l.label == LabelKind::None) continue;
            const double gap = line.box.top() - l.box.bottom();
            if (gap < -0.3 * line.height || gap > 5 * line.height + 24) continue;
            if (l.box.left() > line.box.right() || l.box.right() < line.box.left() - 4 * line.height - 60)
                continue;
            if (kind == LabelKind::None || gap < bestGap) {
                kind = l.label;
                bestGap = gap;
            }
        }
        return kind;
    };

    int best = -1;
    double bestScore = 0;
    QVector<bool> usable(lines.size(), false);
    for (int i = 0; i < lines.size(); ++i) {
        const Line &line = lines.at(i);
        if (excluded(line)) continue;
        usable[i] = true;
        const QPointF c = line.box.center();
        double score = line.height;
        if (std::any_of(line.bare.begin(), line.bare.end(), isTitleKeyword)) score *= 2.0;
        const LabelKind above = labelAbove(line);
        if (above == LabelKind::Title)
            score *= 2.5;
        else if (above == LabelKind::Project)
            score *= 0.3;
        score *= area.contains(c) ? 1.0 : inEdgeZone(c, page) ? 0.7 : 0.35;
        const double distance = std::hypot(c.x() - anchor.x(), c.y() - anchor.y());
        score /= 1.0 + distance / (0.15 * diag);
        score *= 0.5 + 0.5 * std::clamp(line.confidence, 0.0, 100.0) / 100.0;
        if (best < 0 || score > bestScore) {
            best = i;
            bestScore = score;
        }
    }
    if (best < 0) return {};

    // Titles wrap: take aligned lines of the same size directly above and below.
    QVector<int> block{best};
    auto continues = [&](const Line &a, const Line &b) { // b directly below a
        const double h = std::max(a.height, b.height);
        const double ratio = h / std::max(1e-6, std::min(a.height, b.height));
        const double gap = b.box.top() - a.box.bottom();
        const bool aligned = std::abs(a.box.left() - b.box.left()) <= 1.5 * h ||
                             std::abs(a.box.center().x() - b.box.center().x()) <= 1.5 * h;
        return ratio <= 1.25 && gap >= -0.2 * h && gap <= 0.8 * h && aligned;
    };
    for (bool grew = true; grew && block.size() < 3;) {
        grew = false;
        for (int i = 0; i < lines.size() && block.size() < 3; ++i) {
            if (!usable.at(i) || block.contains(i)) continue;
            if (continues(lines.at(block.last()), lines.at(i))) {
                block.append(i);
                grew = true;
            } else if (continues(lines.at(i), lines.at(block.first()))) {
                block.prepend(i);
                grew = true;
            }
        }
    }
    QStringList parts;
    for (int i : block)
        parts << lines.at(i).text;
    return parts.join(QLatin1Char(' ')).simplified();
}

// Boxes (pixels) of the text lines clearly larger than the crop's typical text, biggest first:
// the sheet number and title. Tesseract reads such a line reliably on its own, while on the
// whole crop it sometimes garbles it (a bold "S-201" read as "$-201" next to small notes).
std::vector<cv::Rect> largeTextLines(const cv::Mat &grey, double dpi) {
    cv::Mat ink;
    cv::threshold(grey, ink, 0, 255, cv::THRESH_BINARY_INV | cv::THRESH_OTSU);
    cv::Mat labels, stats, centroids;
    const int n = cv::connectedComponentsWithStats(ink, labels, stats, centroids, 8, CV_32S);
    std::vector<cv::Rect> glyphs;
    std::vector<double> heights;
    for (int i = 1; i < n; ++i) {
        const cv::Rect r(stats.at<int>(i, cv::CC_STAT_LEFT), stats.at<int>(i, cv::CC_STAT_TOP),
                         stats.at<int>(i, cv::CC_STAT_WIDTH), stats.at<int>(i, cv::CC_STAT_HEIGHT));
        // Glyph-shaped: a few pixels tall, at most 1.5 in, not much wider than tall.
        if (r.height >= 4 && r.height <= 1.5 * dpi && r.width <= 2 * r.height) {
            glyphs.push_back(r);
            heights.push_back(r.height);
        }
    }
    if (glyphs.size() < 2) return {};
    const double typical = median(heights);
    const double minHeight = std::max({1.8 * typical, 12.0, kMinLargeTextIn * dpi});
    std::vector<cv::Rect> large;
    for (const cv::Rect &g : glyphs)
        if (g.height >= minHeight) large.push_back(g);
    std::sort(large.begin(), large.end(), [](const cv::Rect &a, const cv::Rect &b) { return a.x < b.x; });

    // Chain glyphs of similar height on one baseline, left to right.
    std::vector<cv::Rect> lines;
    std::vector<int> counts;
    for (const cv::Rect &g : large) {
        bool joined = false;
        for (size_t i = 0; i < lines.size() && !joined; ++i) {
            cv::Rect &l = lines[i];
            const int overlap = std::min(l.y + l.height, g.y + g.height) - std::max(l.y, g.y);
            const double ratio = double(std::max(l.height, g.height)) / std::min(l.height, g.height);
            const int gap = g.x - (l.x + l.width);
            if (overlap >= 0.6 * std::min(l.height, g.height) && ratio <= 1.5 && gap <= 1.2 * l.height) {
                l |= g;
                ++counts[i];
                joined = true;
            }
        }
        if (!joined) {
            lines.push_back(g);
            counts.push_back(1);
        }
    }
    std::vector<cv::Rect> out;
    for (size_t i = 0; i < lines.size(); ++i)
        if (counts[i] >= 2) // a number has at least two glyphs besides its dash
            out.push_back(lines[i]);
    std::sort(out.begin(), out.end(),
              [](const cv::Rect &a, const cv::Rect &b) { return a.height > b.height; });
    if (out.size() > kMaxLargeLines) out.resize(kMaxLargeLines);
    return out;
}

// Crop of `area` at a DPI that keeps it under kMaxCropPixels, OCR'd into page words; its
// large text lines are read again one by one and replace what the whole-crop pass saw there.
Words ocrArea(const Document &document, int page, const QRectF &area, const CancelFlag *cancel) {
    const QRectF clipped = area.intersected(QRectF(QPointF(0, 0), document.pageSizePt(page)));
    if (clipped.isEmpty()) return {};
    const double areaIn2 = clipped.width() / kPointsPerInch * clipped.height() / kPointsPerInch;
    const double wanted = std::clamp(std::sqrt(kCropPixels / areaIn2), kMinOcrDpi, kMaxOcrDpi);
    const double dpi =
        std::floor(std::max(kFloorOcrDpi, std::min(wanted, std::sqrt(kMaxCropPixels / areaIn2))));
    const cv::Mat crop = document.renderRegion(page, clipped, dpi, cancel);
    if (crop.empty()) return {};
    // renderRegion crops at whole pixels from the aligned pixel rect; map from that corner.
    const double s = dpi / kPointsPerInch;
    const QRect px = QRectF(clipped.topLeft() * s, clipped.size() * s).toAlignedRect();
    const QPointF origin(px.left() / s, px.top() / s);
    Words words = recogniseWords(crop, dpi, origin);

    for (const cv::Rect &line : largeTextLines(crop, dpi)) {
        const int pad = line.height / 3 + 2;
        const cv::Rect padded =
            cv::Rect(line.x - pad, line.y - pad, line.width + 2 * pad, line.height + 2 * pad) &
            cv::Rect(0, 0, crop.cols, crop.rows);
        // Only the line on a white margin: neighbouring labels in the margin would join its word.
        cv::Mat lineImage(padded.size(), CV_8UC1, cv::Scalar(255));
        const cv::Rect keep = (line + cv::Point(-2, -2) + cv::Size(4, 4)) & padded;
        crop(keep).copyTo(lineImage(keep - padded.tl()));
        const Words lineWords =
            recogniseWords(lineImage, dpi, origin + QPointF(padded.x, padded.y) / s, OcrLayout::Block);
        if (lineWords.isEmpty()) continue;
        const QRectF linePt(origin + QPointF(line.x, line.y) / s, QSizeF(line.width, line.height) / s);
        words.erase(std::remove_if(words.begin(), words.end(),
                                   [&](const Word &w) { return linePt.contains(w.box.center()); }),
                    words.end());
        words += lineWords;
    }
    return words;
}

} // namespace

QRectF titleBlockAreaPt(QSizeF pageSizePt) {
    // The bottom-right region: holds the number and title of a right-hand title-block column
    // (numbers sit at its foot, titles just above) and the right end of a bottom title strip.
    const double w = pageSizePt.width(), h = pageSizePt.height();
    return QRectF(0.6 * w, 0.5 * h, 0.4 * w, 0.5 * h);
}

SheetIdentity identifySheet(const Words &allWords, QSizeF pageSizePt) {
    SheetIdentity id;
    const Words words = visibleWords(allWords);
    if (words.isEmpty()) return id;
    const QRectF area = titleBlockAreaPt(pageSizePt);
    std::vector<double> heights;
    heights.reserve(size_t(words.size()));
    for (const Word &w : words)
        heights.push_back(w.box.height());
    const double typicalHeight = median(heights);

    QVector<ScoredCandidate> scored;
    const QVector<DrawingNumberCandidate> candidates = findDrawingNumberCandidates(words);
    for (const DrawingNumberCandidate &c : candidates) {
        ScoredCandidate s;
        s.candidate = c;
        const QPointF centre = c.boxPt.center();
        s.inTitleBlock = area.contains(centre);
        s.inEdge = inEdgeZone(centre, pageSizePt);
        s.labelled = hasNumberLabel(words, c.boxPt);
        // Not the sheet's number: a reference to another sheet or a standard ("SEE A-501", "PER
        // IPC-A-610", a standard quoted alone), or, unlabelled, a token whose shape the sheet uses by the
        // dozen. Unlabelled, it must also stand out from the sheet's text: a sheet number is never in the
        // small print (net labels, pin names). Nor is a token drawn less than 2 pt across (a squeezed or
        // hair-thin hidden token: no one can read it, whichever way it is set).
        if (std::min(c.boxPt.width(), c.boxPt.height()) < kMinNumberSidePt) continue;
        if (isReference(words, c.boxPt) || isStandardDesignation(c.text) ||
            (!s.labelled && (isCommonShape(c, candidates) || (words.size() >= kMinWordsForProminence &&
                                                              c.heightPt < kMinProminence * typicalHeight))))
            continue;
        s.confidence = candidateConfidence(words, c.boxPt);
        double score = c.heightPt;
        // The title block outweighs size: a drawing-area number must be 3x taller to win.
        score *= s.inTitleBlock ? 3.0 : s.inEdge ? 1.5 : 1.0;
        if (s.labelled) score *= 1.5;
        if (isWeakForm(c.text)) score *= 0.5;
        score *= 0.5 + 0.5 * std::clamp(s.confidence, 0.0, 100.0) / 100.0;
        s.score = score;
        scored.append(s);
    }

    const QVector<Line> lines = buildLines(words);
    std::stable_sort(scored.begin(), scored.end(),
                     [](const ScoredCandidate &a, const ScoredCandidate &b) { return a.score > b.score; });
    const SheetNumberField field = readSheetNumberField(words, pageSizePt);
    if (field.isValid() && (scored.isEmpty() || !candidateBeatsField(scored.first(), field))) {
        id.number = field.number;
        id.sheetCount = field.sheetCount;
        id.numberBoxPt = field.boxPt;
        id.title = pickTitle(lines, pageSizePt, field.boxPt, normaliseDrawingNumber(field.number));
        const QPointF at = field.boxPt.center();
        // A labelled field is what the sheet calls itself; its place and OCR's certainty vary.
        double confidence = 0.6 + (area.contains(at) ? 0.25 : inEdgeZone(at, pageSizePt) ? 0.15 : 0.0);
        confidence *= 0.5 + 0.5 * std::clamp(field.confidence, 0.0, 100.0) / 100.0;
        id.confidence = std::clamp(confidence, 0.0, 1.0);
        return id;
    }
    if (scored.isEmpty()) {
        id.title = pickTitle(lines, pageSizePt, QRectF(), QString());
        return id;
    }
    const ScoredCandidate &best = scored.first();
    const QString key = normaliseDrawingNumber(best.candidate.text);
    double runnerUp = 0;
    bool repeated = false;
    for (int i = 1; i < scored.size(); ++i) {
        if (normaliseDrawingNumber(scored.at(i).candidate.text) == key)
            repeated = true; // e.g. the view-title bubble repeating the sheet's own number
        else
            runnerUp = std::max(runnerUp, scored.at(i).score);
    }

    id.number = best.candidate.text;
    id.numberBoxPt = best.candidate.boxPt;
    id.title = pickTitle(lines, pageSizePt, best.candidate.boxPt, key);

    double confidence = 0.3;
    confidence += best.inTitleBlock ? 0.3 : best.inEdge ? 0.15 : 0.0;
    confidence += best.labelled ? 0.1 : 0.0;
    confidence += repeated ? 0.1 : 0.0;
    // Standing out counts less outside the title block: a lone note reference also stands out.
    confidence +=
        (best.inTitleBlock ? 0.2 : 0.1) * std::clamp((best.score - runnerUp) / best.score, 0.0, 1.0);
    confidence += best.candidate.heightPt >= 1.5 * typicalHeight ? 0.1 : 0.0;
    confidence *= 0.5 + 0.5 * std::clamp(best.confidence, 0.0, 100.0) / 100.0;
    if (isWeakForm(best.candidate.text)) confidence *= 0.7;
    id.confidence = std::clamp(confidence, 0.0, 1.0);
    return id;
}

SheetIdentity identifyPage(const Document &document, int page, const CancelFlag *cancel) {
    const QSizeF size = document.pageSizePt(page);
    const QRectF area = titleBlockAreaPt(size);
    const Words textWords = document.textLayerWords(page, cancel);
    SheetIdentity fromText;
    if (!textWords.isEmpty()) {
        fromText = identifySheet(textWords, size);
        fromText.source = QStringLiteral("text");
        // A text-layer number outside the title block may be a note's reference while the real
        // number is drawn as strokes: only then is OCR worth its time.
        const QPointF at = fromText.numberBoxPt.center();
        if (fromText.isValid() &&
            (area.contains(at) || (inEdgeZone(at, size) && fromText.confidence >= kTrustedTextConfidence)))
            return fromText;
    }

    // OCR: the title-block area first, then the whole bottom and right strips. A weak answer
    // (a small number outside the title block) is kept while the next crop is tried.
    const double w = size.width(), h = size.height();
    const QRectF crops[] = {area, QRectF(0, 0.8 * h, w, 0.2 * h), QRectF(0.8 * w, 0, 0.2 * w, h)};
    SheetIdentity best = fromText;
    for (const QRectF &crop : crops) {
        if (cancel && cancel->load()) break;
        const Words ocrWords = ocrArea(document, page, crop, cancel);
        if (ocrWords.isEmpty()) continue;
        // Text-layer words join in: a partly stroked title block may still have real text.
        SheetIdentity id = identifySheet(ocrWords + textWords, size);
        if (!id.isValid()) continue;
        if (fromText.isValid() &&
            normaliseDrawingNumber(id.number) == normaliseDrawingNumber(fromText.number))
            return fromText; // OCR confirms the text layer's answer
        id.source = QStringLiteral("ocr");
        if (id.confidence >= kGoodOcrConfidence) return id;
        if (!best.isValid() || id.confidence > best.confidence) best = id;
    }
    if (!best.isValid() && best.title.isEmpty()) best.source.clear();
    return best;
}

} // namespace bt
