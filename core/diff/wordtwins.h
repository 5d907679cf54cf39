#pragma once

#include "document/word.h"

#include <QHash>
#include <QPointF>
#include <QString>
#include <QVector>

namespace bt {

// Word centres by normalised text (upper case, no spaces), to find a word's twin (same text,
// same place) on the other side without comparing every pair of words (a heavy sheet has
// thousands).
using WordIndex = QHash<QString, QVector<QPointF>>;

WordIndex indexWords(const Words &words);

// True when `others` has a word of the same text at the same place as `w` (both in NEW's frame).
bool hasTwin(const Word &w, const WordIndex &others);

// True when the other side has `w`'s text within `reachPt` (centre to centre, each axis): text
// that moved with its drawing rather than an edit (a re-laid-out sheet shifts every label and
// zone number; that is a move, not a hundred text edits).
bool hasTextNearby(const Word &w, const WordIndex &others, double reachPt);

} // namespace bt
