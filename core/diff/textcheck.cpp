#include "textcheck.h"

#include <QSet>
#include <algorithm>
#include <cmath>
#include <opencv2/core.hpp>

namespace bt {

namespace {

bool inRegion(const QRectF &region, const Word &w) {
    const QRectF inter = region.intersected(w.box);
    return !inter.isEmpty() && inter.width() * inter.height() >= 0.3 * w.box.width() * w.box.height();
}

// A reading that is mostly not letters or digits is not a word ("(ers", "Part\"" from a line).
bool plausible(const Word &w) {
    const int alnum =
        int(std::count_if(w.text.begin(), w.text.end(), [](QChar c) { return c.isLetterOrNumber(); }));
    return alnum >= 1 && alnum >= 0.4 * w.text.size();
}

// Changed pixels inside the word: at least a glyph part's worth for its size, so a speck of
// noise on a word does not make its reading a change.
bool pixelsChanged(const Word &w, const ChangeMasks &masks, double pxPerPt) {
    const cv::Rect page(0, 0, masks.added.cols, masks.added.rows);
    const cv::Rect r =
        cv::Rect(int(std::floor(w.box.x() * pxPerPt)), int(std::floor(w.box.y() * pxPerPt)),
                 int(std::ceil(w.box.width() * pxPerPt)) + 1, int(std::ceil(w.box.height() * pxPerPt)) + 1) &
        page;
    if (r.empty()) return false;
    const double h = w.box.height() * pxPerPt;
    const double needed = std::max(1.0 * pxPerPt * pxPerPt, 0.02 * h * h);
    return cv::countNonZero(masks.added(r)) + cv::countNonZero(masks.removed(r)) >= needed;
}

} // namespace

QString foldedForOcr(const QStringList &words) {
    QStringList folded;
    for (const QString &word : words) {
        QString f;
        for (QChar c : word.toUpper()) {
            if (c.isSpace()) continue;
            switch (c.unicode()) {
            case 'O':
                c = QLatin1Char('0');
                break;
            case 'I':
            case 'L':
            case '|':
                c = QLatin1Char('1');
                break;
            case 'S':
                c = QLatin1Char('5');
                break;
            case 0x2013: // en dash
            case 0x2014: // em dash
            case 0x2212: // minus
                c = QLatin1Char('-');
                break;
            default:
                break;
            }
            f += c;
        }
        if (!f.isEmpty()) folded << f;
    }
    folded.sort();
    return folded.join(QString());
}

void settleReadTexts(ChangeRegions &regions, const ChangeMasks &masks, const Words &oldWords,
                     const Words &newWords, TextSources sources, double dpi) {
    if (!sources.oldOcr && !sources.newOcr) return;
    const double pxPerPt = pixelsPerPoint(dpi);
    for (ChangeRegion &r : regions) {
        if (r.oldText.isEmpty() && r.newText.isEmpty()) continue;
        bool changedWord = false;
        // One side's list without the OCR words that are guesses.
        auto settle = [&](QStringList &texts, const Words &words, bool ocr) {
            QSet<QString> guesses;
            for (const Word &w : words) {
                if (!inRegion(r.boxPt, w)) continue;
                if (ocr && (w.confidence < kConfidentOcr || !plausible(w))) {
                    guesses.insert(w.text);
                    continue;
                }
                changedWord = changedWord || pixelsChanged(w, masks, pxPerPt);
            }
            texts.erase(std::remove_if(texts.begin(), texts.end(),
                                       [&](const QString &t) { return guesses.contains(t); }),
                        texts.end());
            return !guesses.isEmpty();
        };
        const bool oldGuessed = settle(r.oldText, oldWords, sources.oldOcr);
        const bool newGuessed = settle(r.newText, newWords, sources.newOcr);
        // A side left without a confident reading cannot say what the text became. Nor can a
        // side read by OCR that has ink of its own in the change but no word read there: the
        // text was not read, which does not make it removed (or added).
        const bool oldInkUnread = sources.oldOcr && r.oldText.isEmpty() && r.kind != ChangeKind::Added;
        const bool newInkUnread = sources.newOcr && r.newText.isEmpty() && r.kind != ChangeKind::Removed;
        const bool unreadable = (oldGuessed && r.oldText.isEmpty()) || (newGuessed && r.newText.isEmpty()) ||
                                oldInkUnread || newInkUnread;
        if (unreadable || !changedWord || foldedForOcr(r.oldText) == foldedForOcr(r.newText)) {
            r.oldText.clear();
            r.newText.clear();
        }
    }
}

} // namespace bt
