#pragma once

#include "document/word.h"

#include <QRectF>
#include <QSizeF>
#include <QString>
#include <QVector>

namespace bt {

// One structural grid line, known by the label in its bubble.
struct GridLabel {
    QString label;         // "3", "C", "A.1", "1.5"
    double positionPt = 0; // x of a column line / y of a row line, page points (top-left, y down)
};

// The structural grid of a plan sheet, as far as its bubble labels tell: lines across the page
// ("columns", at an x each, labelled along the top/bottom edge) and lines down the page ("rows", at
// a y each, labelled along the left/right edge). Either may be empty. Sorted by position.
struct SheetGrid {
    QVector<GridLabel> columns; // x positions
    QVector<GridLabel> rows;    // y positions

    bool isEmpty() const { return columns.isEmpty() && rows.isEmpty(); }

    // Where a box (page points) is on the grid: "near grid C/3" when its centre is close to a line
    // on each axis the grid has, "between grids B–C / 2–3" otherwise (letters first, then
    // numbers). Empty when the grid is empty or the box lies clearly outside the gridded area.
    QString locate(const QRectF &boxPt) const;
};

// Finds the grid bubbles of a sheet in its words: short labels (1-2 letters or 1-2 digits, with an
// optional ".1" part) set apart from other text, larger than the sheet's ordinary text, forming a
// row of at least three that share a y (columns) or a column of at least three that share an x
// (rows), in label order. Lists of note numbers, revision tables, room numbers and dimension text
// are not grid labels. Empty when the sheet has no grid.
SheetGrid findSheetGrid(const Words &words, QSizeF pageSizePt);

} // namespace bt
