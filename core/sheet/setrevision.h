#pragma once

#include "document/word.h"

#include <QDate>
#include <QHash>
#include <QSizeF>
#include <QString>

#include <optional>

namespace bt {

class Document;

// What a set's title blocks say about its revision: read from the text layer of its first
// sheets, to tell OLD from NEW by the drawings rather than by file dates.
struct SetRevision {
    QString field;    // value of a "REV"/"REVISION" field ("2", "B", "A1", "1.04c"); empty: none
    QString tableRow; // revision number of the revision table's last row; empty: none
    QDate date;       // latest date in the title-block area or the revision table; invalid: none
    // Drawing number -> that sheet's revision (field, else table row): sheets are revised one
    // by one, so the same sheet in both sets says the most.
    QHash<QString, QString> sheets;
    int pagesRead = 0;
    bool isEmpty() const { return field.isEmpty() && tableRow.isEmpty() && !date.isValid(); }
};

// How many sheets are read: the first few say what the set is, and reading stays fast
// (a text layer reads in ~10-30 ms a page, off the GUI thread).
constexpr int kRevisionPagesRead = 12;

// The revision fields of one page's words. Pure function.
SetRevision readPageRevision(const Words &words, QSizeF pageSizePt);
// The set's revision from its first kRevisionPagesRead pages' text layers: the most frequent
// field and table value, the latest date, each sheet's revision by drawing number. Empty for
// scans without a text layer.
SetRevision readSetRevision(const Document &document);

// Compares two revision values: numbers numerically, letters alphabetically ("Z" < "AA"),
// "1.04c" < "1.05" part by part. Negative, zero or positive; nullopt when one is a letter where
// the other has a number (offices number and letter their revisions in different orders).
std::optional<int> compareRevisionValues(const QString &a, const QString &b);

// Whether set a is newer than set b. The revisions of sheets both sets have (by drawing number;
// when there are none, the sets' fields), the table's last row and the date each vote when both
// sets have them and they differ; nullopt when none decides or two disagree (one sheet newer,
// another older, say).
std::optional<bool> isNewer(const SetRevision &a, const SetRevision &b);

} // namespace bt
