#include "word.h"

#include <algorithm>

namespace bt {

Words sortedInReadingOrder(Words words) {
    // Group into lines by vertical overlap first: a plain (y, x) sort would interleave
    // words of one line whose boxes differ by a point in height.
    std::sort(words.begin(), words.end(),
              [](const Word &a, const Word &b) { return a.box.center().y() < b.box.center().y(); });
    QVector<Words> lines;
    for (const Word &w : words) {
        if (!lines.isEmpty()) {
            const Word &last = lines.last().last();
            const double tol = 0.5 * std::min(last.box.height(), w.box.height());
            if (std::abs(w.box.center().y() - last.box.center().y()) <= tol) {
                lines.last().append(w);
                continue;
            }
        }
        lines.append(Words{w});
    }
    Words out;
    out.reserve(words.size());
    for (Words &line : lines) {
        std::sort(line.begin(), line.end(),
                  [](const Word &a, const Word &b) { return a.box.x() < b.box.x(); });
        out += line;
    }
    return out;
}

QString joinedText(const Words &words) {
    QStringList parts;
    for (const Word &w : words)
        parts << w.text;
    return parts.join(QLatin1Char(' '));
}

} // namespace bt
