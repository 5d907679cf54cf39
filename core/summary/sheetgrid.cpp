#include "sheetgrid.h"

#include "i18n/enginetext.h"

#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace bt {

namespace {

// ---------------------------------------------------------------------------------------------
// Candidates

// A word that could be a grid bubble's label.
struct Candidate {
    int word = 0; // index into the words
    QString label;
    bool alpha = false; // main part letters ("C", "AA") rather than digits ("3", "12")
    double key = 0;     // order along the grid: "A" 1, "A.1" 1.1, "B" 2, "1.5" 1.5
    QPointF centre;
    double height = 0;
};

// "3", "12", "C", "AA", "A.1", "1.5", "C.A"; not "1." (a note number), "101" (a room number),
// "a" (lower case), "3'" (a dimension).
bool parseLabel(const QString &text, bool *alpha, double *key) {
    static const QRegularExpression re(
        QStringLiteral("^(?:([A-Z]{1,2})|([0-9]{1,2}))(?:\\.([0-9]{1,2}|[A-Z]))?$"));
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch()) return false;
    double value = 0;
    if (!m.captured(1).isEmpty()) {
        *alpha = true;
        for (QChar c : m.captured(1))
            value = value * 26 + (c.unicode() - 'A' + 1);
    } else {
        *alpha = false;
        value = m.captured(2).toInt();
    }
    const QString sub = m.captured(3);
    if (!sub.isEmpty()) {
        // A secondary line sits between its main line and the next one.
        if (sub.at(0).isLetter())
            value += (sub.at(0).unicode() - 'A' + 1) / 27.0;
        else
            value += sub.toInt() / std::pow(10.0, sub.size());
    }
    *key = value;
    return true;
}

double median(QVector<double> v) {
    if (v.isEmpty()) return 0;
    std::sort(v.begin(), v.end());
    const int n = int(v.size());
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// A bubble holds its label and nothing else: no other word within about a text height of it, and
// no text on its line close by (a note number or a table's row number starts a line of text).
bool isolated(const Words &words, int index, const QVector<bool> &labels) {
    const QRectF box = words[index].box;
    const double h = box.height();
    const QRectF zone = box.adjusted(-h, -0.5 * h, h, 0.5 * h);
    const QRectF line = box.adjusted(-3 * h, 0.25 * h, 3 * h, -0.25 * h);
    for (int i = 0; i < words.size(); ++i) {
        if (i == index || words[i].text.trimmed().isEmpty()) continue;
        if (zone.intersects(words[i].box)) return false;
        // Text running down the page (a dimension along a grid line) is on no line of the label's.
        const bool across = words[i].box.width() >= words[i].box.height();
        if (!labels[i] && across && line.intersects(words[i].box)) return false;
    }
    return true;
}

QVector<Candidate> candidates(const Words &words) {
    QVector<double> heights;
    for (const Word &w : words)
        if (!w.text.trimmed().isEmpty() && w.box.height() > 0) heights << w.box.height();
    // Grid labels are lettered larger than the notes, tags and dimensions around them.
    const double textHeight = median(heights);
    QVector<bool> labels(words.size(), false);
    QVector<Candidate> parsed(words.size());
    for (int i = 0; i < words.size(); ++i)
        labels[i] = parseLabel(words[i].text.trimmed(), &parsed[i].alpha, &parsed[i].key);
    QVector<Candidate> out;
    for (int i = 0; i < words.size(); ++i) {
        const Word &w = words[i];
        Candidate c = parsed[i];
        if (!labels[i] || w.box.height() <= 0 || w.box.width() <= 0) continue;
        if (w.box.height() < 1.2 * textHeight) continue;
        if (!isolated(words, i, labels)) continue;
        c.word = i;
        c.label = w.text.trimmed();
        c.centre = w.box.center();
        c.height = w.box.height();
        out << c;
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// Lines of labels

// A run of labels along one axis: `along` is the coordinate the labels advance in (x for a row of
// column bubbles), `across` the one they share.
struct Run {
    QVector<Candidate> labels; // sorted by position along the axis
    bool alpha = false;
    double height = 0;
    double across = 0;
};

double alongOf(const Candidate &c, bool horizontal) {
    return horizontal ? c.centre.x() : c.centre.y();
}
double acrossOf(const Candidate &c, bool horizontal) {
    return horizontal ? c.centre.y() : c.centre.x();
}

// Longest subsequence (of labels sorted by position) whose keys strictly increase, or strictly
// decrease when `descending`. Ties go to the earliest labels, so the result is deterministic.
QVector<Candidate> longestOrdered(const QVector<Candidate> &sorted, bool descending) {
    const int n = int(sorted.size());
    QVector<int> len(n, 1), prev(n, -1);
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < i; ++j) {
            const bool ordered = descending ? sorted[j].key > sorted[i].key : sorted[j].key < sorted[i].key;
            if (ordered && len[j] + 1 > len[i]) {
                len[i] = len[j] + 1;
                prev[i] = j;
            }
        }
    int best = -1;
    for (int i = 0; i < n; ++i)
        if (best < 0 || len[i] > len[best]) best = i;
    QVector<Candidate> out;
    for (int i = best; i >= 0; i = prev[i])
        out.prepend(sorted[i]);
    return out;
}

// Runs of at least three labels of one kind sharing a y (horizontal) or an x, in label order,
// spaced at least a bubble apart and spread over a fair part of the page.
QVector<Run> findRuns(const QVector<Candidate> &all, bool horizontal, QSizeF pageSizePt) {
    QVector<Run> runs;
    for (const bool alpha : {false, true}) {
        QVector<Candidate> kind;
        for (const Candidate &c : all)
            if (c.alpha == alpha) kind << c;
        std::sort(kind.begin(), kind.end(), [horizontal](const Candidate &a, const Candidate &b) {
            return acrossOf(a, horizontal) < acrossOf(b, horizontal) ||
                   (acrossOf(a, horizontal) == acrossOf(b, horizontal) && a.word < b.word);
        });
        // Cluster on the shared coordinate: members within 40 % of a label height of the first.
        for (int i = 0; i < kind.size();) {
            int j = i + 1;
            while (j < kind.size() &&
                   acrossOf(kind[j], horizontal) - acrossOf(kind[i], horizontal) <= 0.4 * kind[i].height)
                ++j;
            QVector<Candidate> line = kind.mid(i, j - i);
            i = j;
            if (line.size() < 3) continue;
            std::sort(line.begin(), line.end(), [horizontal](const Candidate &a, const Candidate &b) {
                return alongOf(a, horizontal) < alongOf(b, horizontal);
            });
            const QVector<Candidate> up = longestOrdered(line, false);
            const QVector<Candidate> down = longestOrdered(line, true);
            Run run;
            run.labels = down.size() > up.size() ? down : up;
            if (run.labels.size() < 3) continue;
            QVector<double> heights, acrosses;
            for (const Candidate &c : run.labels) {
                heights << c.height;
                acrosses << acrossOf(c, horizontal);
            }
            run.height = median(heights);
            run.across = median(acrosses);
            run.alpha = alpha;
            // Same lettering size throughout.
            bool ok = std::all_of(run.labels.cbegin(), run.labels.cend(), [&run](const Candidate &c) {
                return c.height >= 0.75 * run.height && c.height <= 1.33 * run.height;
            });
            // Bubbles do not touch: consecutive labels are at least 1.5 label heights apart.
            for (int k = 1; ok && k < run.labels.size(); ++k)
                ok = alongOf(run.labels[k], horizontal) - alongOf(run.labels[k - 1], horizontal) >=
                     1.5 * run.height;
            // A grid spans a good part of the plan; a table of numbers does not.
            const double pageAlong = horizontal ? pageSizePt.width() : pageSizePt.height();
            const double spread =
                alongOf(run.labels.last(), horizontal) - alongOf(run.labels.first(), horizontal);
            if (ok && pageAlong > 0) ok = spread >= 0.08 * pageAlong;
            if (ok) runs << run;
        }
    }
    return runs;
}

// Positions of the same labels in two runs agree (the bubbles at both ends of the same lines).
bool sameLines(const Run &a, const Run &b, bool horizontal, int *shared) {
    const double tolerance = std::max(a.height, b.height);
    int n = 0;
    for (const Candidate &x : a.labels)
        for (const Candidate &y : b.labels)
            if (x.label == y.label) {
                if (std::abs(alongOf(x, horizontal) - alongOf(y, horizontal)) > tolerance) return false;
                ++n;
            }
    *shared = n;
    return n >= 2;
}

// The best run on one axis, merged with the runs on the opposite side of the plan that label the
// same lines. Labels sorted by position.
QVector<GridLabel> bestAxis(const QVector<Candidate> &all, bool horizontal, QSizeF pageSizePt, bool *alpha) {
    QVector<Run> runs = findRuns(all, horizontal, pageSizePt);
    if (runs.isEmpty()) return {};
    std::stable_sort(runs.begin(), runs.end(), [](const Run &a, const Run &b) {
        if (a.labels.size() != b.labels.size()) return a.labels.size() > b.labels.size();
        if (a.height != b.height) return a.height > b.height;
        return a.across < b.across;
    });
    const Run &best = runs.first();
    *alpha = best.alpha;
    QMap<QString, QVector<double>> positions;
    QMap<QString, double> keys;
    for (const Candidate &c : best.labels) {
        positions[c.label] << alongOf(c, horizontal);
        keys[c.label] = c.key;
    }
    for (int i = 1; i < runs.size(); ++i) {
        int shared = 0;
        if (runs[i].alpha != best.alpha || !sameLines(best, runs[i], horizontal, &shared)) continue;
        for (const Candidate &c : runs[i].labels) {
            // Labels only one side shows join when they fit between the lines known so far.
            positions[c.label] << alongOf(c, horizontal);
            keys[c.label] = c.key;
        }
    }
    QVector<GridLabel> out;
    for (auto it = positions.cbegin(); it != positions.cend(); ++it) {
        double sum = 0;
        for (double p : it.value())
            sum += p;
        out << GridLabel{it.key(), sum / it.value().size()};
    }
    std::sort(out.begin(), out.end(),
              [](const GridLabel &a, const GridLabel &b) { return a.positionPt < b.positionPt; });
    // Keep the merged labels in order: a label of another run that lands out of sequence goes.
    QVector<GridLabel> ordered;
    const bool ascending = keys.value(out.first().label) < keys.value(out.last().label);
    for (const GridLabel &g : out) {
        if (!ordered.isEmpty()) {
            const double last = keys.value(ordered.last().label), k = keys.value(g.label);
            if (ascending ? k <= last : k >= last) continue;
        }
        ordered << g;
    }
    return ordered;
}

// ---------------------------------------------------------------------------------------------
// Locating

bool isLetters(const QVector<GridLabel> &labels) {
    return !labels.isEmpty() && labels.first().label.at(0).isLetter();
}

struct AxisPlace {
    bool outside = false;
    QString text; // "3" or "2–3"
    bool range = false;
};

AxisPlace placeOnAxis(const QVector<GridLabel> &lines, double lo, double hi) {
    AxisPlace place;
    const int n = int(lines.size());
    const double c = (lo + hi) / 2;
    if (n == 1) {
        place.text = lines.first().label;
        return place;
    }
    QVector<double> gaps;
    for (int i = 1; i < n; ++i)
        gaps << lines[i].positionPt - lines[i - 1].positionPt;
    const double bay = median(gaps);
    if (c < lines.first().positionPt - 0.75 * bay || c > lines.last().positionPt + 0.75 * bay) {
        place.outside = true;
        return place;
    }
    int nearest = 0;
    for (int i = 1; i < n; ++i)
        if (std::abs(lines[i].positionPt - c) < std::abs(lines[nearest].positionPt - c)) nearest = i;
    // The bay on the side of the centre (the other one at the ends).
    const bool after = c >= lines[nearest].positionPt;
    const int other = (after && nearest + 1 < n) || nearest == 0 ? nearest + 1 : nearest - 1;
    const double localBay = std::abs(lines[other].positionPt - lines[nearest].positionPt);
    if (std::abs(c - lines[nearest].positionPt) <= 0.25 * localBay && (hi - lo) <= localBay) {
        place.text = lines[nearest].label;
        return place;
    }
    // The lines around the box.
    const double eps = 0.1 * bay;
    int lower = 0, upper = n - 1;
    for (int i = 0; i < n; ++i)
        if (lines[i].positionPt <= lo + eps) lower = i;
    for (int i = n - 1; i >= 0; --i)
        if (lines[i].positionPt >= hi - eps) upper = i;
    if (upper < lower) std::swap(lower, upper);
    if (lower == upper) {
        place.text = lines[lower].label;
        return place;
    }
    place.range = true;
    place.text = lines[lower].label + QChar(0x2013) + lines[upper].label;
    return place;
}

} // namespace

QString SheetGrid::locate(const QRectF &boxPt) const {
    if (isEmpty()) return {};
    const QRectF box = boxPt.normalized();
    // Letters first ("C/3"), whichever axis carries them.
    struct Axis {
        AxisPlace place;
        bool letters;
    };
    QVector<Axis> axes;
    if (!columns.isEmpty()) axes << Axis{placeOnAxis(columns, box.left(), box.right()), isLetters(columns)};
    if (!rows.isEmpty()) axes << Axis{placeOnAxis(rows, box.top(), box.bottom()), isLetters(rows)};
    std::stable_sort(axes.begin(), axes.end(),
                     [](const Axis &a, const Axis &b) { return a.letters && !b.letters; });
    QStringList parts;
    bool range = false;
    for (const Axis &a : axes) {
        if (a.place.outside) return {};
        parts << a.place.text;
        range = range || a.place.range;
    }
    if (range)
        return EngineText::translate("bt::Summary", "between grids %1")
            .arg(parts.join(QStringLiteral(" / ")));
    return EngineText::translate("bt::Summary", "near grid %1").arg(parts.join(QLatin1Char('/')));
}

SheetGrid findSheetGrid(const Words &words, QSizeF pageSizePt) {
    const QVector<Candidate> all = candidates(words);
    SheetGrid grid;
    bool columnsAlpha = false, rowsAlpha = false;
    grid.columns = bestAxis(all, true, pageSizePt, &columnsAlpha);
    grid.rows = bestAxis(all, false, pageSizePt, &rowsAlpha);
    // One label can sit in a row and a column run at once only at a corner; a grid labels its
    // two directions differently, so when both axes found the same kind keep the longer.
    if (!grid.columns.isEmpty() && !grid.rows.isEmpty() && columnsAlpha == rowsAlpha) {
        if (grid.rows.size() > grid.columns.size())
            grid.columns.clear();
        else
            grid.rows.clear();
    }
    return grid;
}

} // namespace bt
