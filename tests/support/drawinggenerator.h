#pragma once

#include <QMap>
#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <QString>
#include <QStringList>
#include <QVector>

class QPainter;

namespace bt::test {

// A plausible architectural sheet: border, title block (project, sheet title, sheet number,
// revision box, revision table), a grid with bubbles, walls with door swings, room names,
// dimension strings, general notes. Deterministic for a given seed.
struct SheetSpec {
    QString number = QStringLiteral("A-101");
    QString title = QStringLiteral("FIRST FLOOR PLAN");
    QString project = QStringLiteral("SILVER LAKE DORMITORY");
    QString revision = QStringLiteral("REV 1");
    QSizeF paperIn = QSizeF(36, 24); // ARCH D landscape
    int seed = 1;                    // layout of rooms, doors, furniture
    bool textAsPaths = false;        // draw text as outlines: no text layer (like CAD SHX output)
    double penScale = 1.0;           // every pen width times this (another pen set: style, not change)

    // Edits relative to the base sheet of the same seed:
    QStringList extraNotes;                // general notes appended to the notes list
    QMap<QString, QString> roomRenames;    // room name -> new name
    QMap<QString, QString> dimensionEdits; // dimension text -> new text
    QVector<QRectF> extraWallsIn;          // extra wall rectangles, inches from top-left
    int movedDoor = -1;                    // index of a door drawn mirrored / shifted 30 in
    QStringList revisionRows;              // extra rows in the revision table
    // Border and title block drawn this far (points) from where the drawing puts them, as a
    // re-plot that moves the layout relative to its viewports does. Layout boxes of title-block
    // items ("number", "title", "revision", "revrow:<i>") are not moved with it.
    QPointF titleBlockShiftPt;
};

// Where things were drawn, in PDF points (origin top-left, y down). Keys:
// "number", "title", "revision", "note:<i>" (0-based notes, extra ones continue the count),
// "room:<name>", "dim:<text>", "wall:extra<i>", "door:<i>", "revrow:<i>".
// Rooms and dimensions are keyed by the text drawn (after roomRenames / dimensionEdits). The box
// of an edited element covers its old and its new ink (everything the edit changes), so
// "differs from the base only inside the edit's box" holds. "door:<i>" counts room doors first,
// then the two corridor-end doors; "revrow:<i>" counts the two base rows first, then
// spec.revisionRows. movedDoor moves the door 30 in of building (plan scale) along its wall,
// towards the middle of its room, hinge side flipped. Page/image rotation maps each box to the
// bounding box of the mapped box.
using SheetLayout = QMap<QString, QRectF>;

// Placement of a sheet on the printed page (what a plotter or scanner does to it).
struct PrintTransform {
    QSizeF paperIn;           // empty: same as the sheet
    double scale = 1.0;       // e.g. 0.5 for a half-size print
    double rotationDeg = 0.0; // about the page centre, clockwise as seen on the page (y down)
    QPointF shiftPt;          // after scaling and rotation
};

struct ScanOptions {
    double dpi = 150;
    double noiseSigma = 6.0; // grey levels
    int jpegQuality = 40;    // 0: store losslessly
    double blurRadius = 0.6; // Gaussian sigma, pixels
    unsigned seed = 7;
    int bedGrey = -1;     // grey of the scanner bed where the page shows no paper; < 0: all paper
    int punchedHoles = 0; // binder holes (1/4 in, 4 1/4 in apart) along the sheet's left edge,
                          // showing the bed (bedGrey, black when < 0)
};

// Draws the sheet onto a painter whose coordinates are PDF points of the sheet's paper.
SheetLayout drawSheet(QPainter &painter, const SheetSpec &spec);

// Writes a vector PDF, one page per sheet. Returns the layouts (sheet coordinates mapped
// through the print transform onto the printed page). Empty on failure.
QVector<SheetLayout> writeVectorSet(const QString &path, const QVector<SheetSpec> &sheets,
                                    const PrintTransform &print = {});

// Writes an image-only PDF as a scanner would (rasterised at options.dpi, transformed, blurred,
// noisy, JPEG-compressed). No text layer. Qt's PDF writer stores each page image as JPEG
// (quality 94) on top of that; jpegQuality 0 makes it store the page losslessly (Flate, large:
// tens of MB per noisy ARCH D page, and slow).
QVector<SheetLayout> writeScannedSet(const QString &path, const QVector<SheetSpec> &sheets,
                                     const PrintTransform &print, const ScanOptions &options = {});

// Single sheet as a PNG/JPEG/TIFF image at a DPI (format from the suffix; TIFF goes through
// OpenCV as Debian's Qt has no TIFF plugin). The layout is in sheet points (x dpi/72 for pixels).
SheetLayout writeSheetImage(const QString &path, const SheetSpec &spec, double dpi);

// Names of the rooms and dimension texts the base sheet of a seed draws (to pick edits).
QStringList roomNames(const SheetSpec &spec);
QStringList dimensionTexts(const SheetSpec &spec);

// Inside faces of each room of the base sheet, keyed "room:<name>", in sheet points: to place
// extraWallsIn (divide by 72 for inches) inside a room.
SheetLayout roomRects(const SheetSpec &spec);

// A PDF assembled by hand from numbered object bodies (object 1 the catalog), with an exact
// cross-reference table: for the fixtures QPdfWriter cannot make.
QByteArray handwrittenPdf(const QList<QByteArray> &objects);
// A PDF whose page tree contains itself (as ../shared/badinput/page-tree-loop.pdf): PDFium spins
// in it for ever.
QByteArray pageTreeLoopPdf();
// The objects of a one-page PDF with one line of Helvetica text (the plain input of
// tests/data/encrypted.pdf: onePagePdf("[0 0 612 792]", "ENCRYPTED FIXTURE")).
QList<QByteArray> onePagePdf(const QByteArray &mediaBox, const QByteArray &label);

} // namespace bt::test
