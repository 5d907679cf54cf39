#include "manualpairing.h"

namespace bt {

namespace {

constexpr const char *kManualMethod = "manual";

int indexOf(const QVector<PageResult> &pages, int pageNumber) {
    for (int i = 0; i < pages.size(); ++i)
        if (pages[i].pageNumber == pageNumber) return i;
    return -1;
}

// The sheet as matching left it: nothing compared yet.
PageResult fresh(const PageResult &from) {
    PageResult p;
    p.oldPage = from.oldPage;
    p.newPage = from.newPage;
    p.match = from.match;
    p.matchMethod = from.matchMethod;
    p.oldIdentity = from.oldIdentity;
    p.newIdentity = from.newIdentity;
    p.pageSizePt = from.pageSizePt;
    p.manualPoints = from.manualPoints;
    return p;
}

// Numbers the pages 1..n; earlier pages not in `changed` are kept (with their results).
SheetEdit renumber(QVector<PageResult> pages, const QVector<bool> &changed) {
    SheetEdit edit;
    for (int i = 0; i < pages.size(); ++i) {
        const int before = pages[i].pageNumber;
        pages[i].pageNumber = i + 1;
        if (changed[i])
            edit.redo.append(i + 1);
        else
            edit.keptOldToNew.insert(before, i + 1);
    }
    edit.pages = std::move(pages);
    return edit;
}

} // namespace

QString manualChoiceKindName(ManualChoiceKind kind) {
    switch (kind) {
    case ManualChoiceKind::Pair:
        return QStringLiteral("pair");
    case ManualChoiceKind::Unpair:
        return QStringLiteral("unpair");
    case ManualChoiceKind::Align:
        return QStringLiteral("align");
    }
    return {};
}

std::optional<ManualChoiceKind> manualChoiceKindFromName(const QString &name) {
    for (const ManualChoiceKind k :
         {ManualChoiceKind::Pair, ManualChoiceKind::Unpair, ManualChoiceKind::Align})
        if (manualChoiceKindName(k) == name) return k;
    return std::nullopt;
}

std::optional<SheetEdit> pairSheets(const QVector<PageResult> &pages, int removedPage, int addedPage) {
    const int r = indexOf(pages, removedPage), a = indexOf(pages, addedPage);
    if (r < 0 || a < 0 || pages[r].match != MatchKind::Removed || pages[a].match != MatchKind::Added)
        return std::nullopt;
    PageResult pair = fresh(pages[a]);
    pair.oldPage = pages[r].oldPage;
    pair.oldIdentity = pages[r].oldIdentity;
    pair.match = MatchKind::Matched;
    pair.matchMethod = QString::fromLatin1(kManualMethod);
    pair.pageNumber = pages[a].pageNumber;
    QVector<PageResult> out;
    QVector<bool> changed;
    for (int i = 0; i < pages.size(); ++i) {
        if (i == r) continue;
        out.append(i == a ? pair : pages[i]);
        changed.append(i == a);
    }
    return renumber(out, changed);
}

std::optional<SheetEdit> unpairSheet(const QVector<PageResult> &pages, int pageNumber,
                                     const std::function<QSizeF(int oldPage)> &oldPageSize) {
    const int m = indexOf(pages, pageNumber);
    if (m < 0 || pages[m].match != MatchKind::Matched) return std::nullopt;
    PageResult added = fresh(pages[m]), removed = fresh(pages[m]);
    added.match = MatchKind::Added;
    added.oldPage = -1;
    added.oldIdentity = SheetIdentity();
    added.matchMethod.clear();
    added.manualPoints = PointPairs();
    removed.match = MatchKind::Removed;
    removed.newPage = -1;
    removed.newIdentity = SheetIdentity();
    removed.matchMethod.clear();
    removed.manualPoints = PointPairs();
    if (oldPageSize) removed.pageSizePt = oldPageSize(removed.oldPage);
    QVector<PageResult> out;
    QVector<bool> changed;
    for (int i = 0; i < pages.size(); ++i) {
        if (i != m) {
            out.append(pages[i]);
            changed.append(false);
            continue;
        }
        out << added << removed;
        changed << true << true;
    }
    return renumber(out, changed);
}

std::optional<SheetEdit> alignSheet(const QVector<PageResult> &pages, int pageNumber,
                                    const PointPairs &points) {
    const int m = indexOf(pages, pageNumber);
    if (m < 0 || pages[m].match != MatchKind::Matched) return std::nullopt;
    QVector<PageResult> out = pages;
    QVector<bool> changed(pages.size(), false);
    out[m] = fresh(pages[m]);
    out[m].manualPoints = points.isValid() ? points : PointPairs();
    changed[m] = true;
    return renumber(out, changed);
}

QVector<PageResult> applyManualChoices(QVector<PageResult> pages, const QVector<ManualChoice> &choices,
                                       const std::function<QSizeF(int oldPage)> &oldPageSize) {
    // The page holding OLD page `oldPage` (or NEW page `newPage`), found by page or by number.
    auto find = [&pages](const ManualChoice &c, bool oldSide, MatchKind kind) {
        int found = -1, count = 0;
        for (int i = 0; i < pages.size(); ++i) {
            const PageResult &p = pages[i];
            if (p.match != kind) continue;
            const bool hit = c.sameFiles
                                 ? (oldSide ? p.oldPage == c.oldPage : p.newPage == c.newPage)
                                 : (oldSide ? !c.oldNumber.isEmpty() && p.oldIdentity.number == c.oldNumber
                                            : !c.newNumber.isEmpty() && p.newIdentity.number == c.newNumber);
            if (hit) {
                found = i;
                ++count;
            }
        }
        return count == 1 ? found : -1; // a number twice in a set tells nothing
    };
    for (const ManualChoice &c : choices) {
        std::optional<SheetEdit> edit;
        switch (c.kind) {
        case ManualChoiceKind::Pair: {
            const int r = find(c, true, MatchKind::Removed), a = find(c, false, MatchKind::Added);
            if (r >= 0 && a >= 0) edit = pairSheets(pages, pages[r].pageNumber, pages[a].pageNumber);
            break;
        }
        case ManualChoiceKind::Unpair:
        case ManualChoiceKind::Align: {
            const int o = find(c, true, MatchKind::Matched), n = find(c, false, MatchKind::Matched);
            if (o < 0 || o != n) break;
            // Points are where the user saw the features on these files: not on another revision.
            if (c.kind == ManualChoiceKind::Align && !c.sameFiles) break;
            edit = c.kind == ManualChoiceKind::Unpair ? unpairSheet(pages, pages[o].pageNumber, oldPageSize)
                                                      : alignSheet(pages, pages[o].pageNumber, c.points);
            break;
        }
        }
        if (edit) pages = edit->pages;
    }
    return pages;
}

} // namespace bt
