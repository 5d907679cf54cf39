#pragma once

#include "compare/pageresult.h"
#include "i18n/enginetext.h"

#include <QString>
#include <QVector>

namespace bt {

// Deterministic plain-language summary of one sheet, built from its regions (in id order) and
// their texts: a headline with the number of changes by category, then one sentence per category:
//   "A-101: 4 changes — 1 text, 1 dimension, 1 note, 1 drawing. Text: “REV 1” → “REV 2”.
//    Dimension “12'-0"” → “12'-6"”. Note added: “11. PROVIDE …”. Drawing: 1 added (near grid C/3)."
// Text changes are quoted old → new; notes (numbered items, keynotes, long phrases) added or
// removed are quoted, shortened to their first words; changed dimension strings are quoted;
// changes without text are counted by kind and located by the sheet's grid (page.grid) when it
// has one, else by the area of the sheet ("upper left" ... "lower right"). Added, removed, failed
// and unchanged sheets get one sentence.
// The language (i18n/enginetext.h): the installed translators' (the window shows summaries built
// this way when it shows them), or English (the pipeline's, for the history, the result JSON and
// the server: stable, whatever language the window that ran the job speaks).
QString summarisePage(const PageResult &page, TextLanguage language = TextLanguage::Installed);

// "5 sheets compared: 3 changed, 1 unchanged, 1 added, 0 removed."
// plus ", N failed (…)" when some failed; sheet lists stop after ten ("and N more").
QString summariseJob(const QVector<PageResult> &pages, TextLanguage language = TextLanguage::Installed);

} // namespace bt
