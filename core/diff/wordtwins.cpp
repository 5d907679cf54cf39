#include "wordtwins.h"

#include <algorithm>
#include <cmath>

namespace bt {

namespace {

QString normalisedWord(const QString &s) {
    QString out;
    for (const QChar c : s)
        if (!c.isSpace()) out += c.toUpper();
    return out;
}

} // namespace

WordIndex indexWords(const Words &words) {
    WordIndex index;
    for (const Word &w : words)
        index[normalisedWord(w.text)].append(w.box.center());
    return index;
}

namespace {

bool sameTextWithin(const Word &w, const WordIndex &others, double tol) {
    const auto it = others.constFind(normalisedWord(w.text));
    if (it == others.constEnd()) return false;
    const QPointF c = w.box.center();
    return std::any_of(it->begin(), it->end(), [&](const QPointF &o) {
        return std::abs(o.x() - c.x()) <= tol && std::abs(o.y() - c.y()) <= tol;
    });
}

} // namespace

bool hasTwin(const Word &w, const WordIndex &others) {
    return sameTextWithin(w, others, std::max(1.5, 0.3 * w.box.height()));
}

bool hasTextNearby(const Word &w, const WordIndex &others, double reachPt) {
    return sameTextWithin(w, others, reachPt);
}

} // namespace bt
