#pragma once

#include "pageresult.h"

#include <QDateTime>
#include <QHash>
#include <QVector>

#include <functional>
#include <optional>

namespace bt {

// What a user decided by hand about a job's sheets, where the matcher or the aligner got it
// wrong. Kept in the history (ManualChoiceStore) and applied again to later comparisons.
enum class ManualChoiceKind {
    Pair,   // OLD page oldPage and NEW page newPage are one sheet
    Unpair, // they are not: one removed, one added
    Align,  // the pair is aligned by the user's points
};
QString manualChoiceKindName(ManualChoiceKind kind); // "pair", "unpair", "align"
std::optional<ManualChoiceKind> manualChoiceKindFromName(const QString &name);

struct ManualChoice {
    qint64 id = 0;
    QString jobId; // the job it was made in
    ManualChoiceKind kind = ManualChoiceKind::Pair;
    int oldPage = -1; // 0-based pages of the sets
    int newPage = -1;
    QString oldNumber; // the sheets' drawing numbers when they had one
    QString newNumber;
    PointPairs points; // Align
    QDateTime createdAt;
    // Set by the lookup: made in a job of the same two files (pages apply as they are); else it
    // applies by drawing numbers only.
    bool sameFiles = false;
};

// A job's sheet list after a manual change: the pages in result order, numbered 1..n, which
// earlier page each unchanged page was (its diff, summary and reviews move with it), and the
// pages that must be compared (again).
struct SheetEdit {
    QVector<PageResult> pages;
    QHash<int, int> keptOldToNew; // earlier page number -> page number now, for unchanged pages
    QVector<int> redo;            // page numbers now
};

// The removed sheet `removedPage` and the added sheet `addedPage` (page numbers of `pages`)
// become one pair (match method "manual") where the added sheet was; nullopt when they are not
// a removed and an added sheet.
std::optional<SheetEdit> pairSheets(const QVector<PageResult> &pages, int removedPage, int addedPage);
// A pair split: an added sheet where it was, the removed one right after it. oldPageSize gives
// OLD's page size (a removed sheet's pageSizePt). nullopt when the page is no pair.
std::optional<SheetEdit> unpairSheet(const QVector<PageResult> &pages, int pageNumber,
                                     const std::function<QSizeF(int oldPage)> &oldPageSize);
// The pair's manual alignment replaced (invalid points: back to the automatic one).
std::optional<SheetEdit> alignSheet(const QVector<PageResult> &pages, int pageNumber,
                                    const PointPairs &points);

// A new job's sheet pairs with earlier choices applied, oldest first (a later choice about the
// same sheets wins). A choice of the same files applies by page, any other by drawing numbers
// (both sheets numbered, each number once in its set). Choices that do not fit are skipped.
QVector<PageResult> applyManualChoices(QVector<PageResult> pages, const QVector<ManualChoice> &choices,
                                       const std::function<QSizeF(int oldPage)> &oldPageSize);

} // namespace bt
