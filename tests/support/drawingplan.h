#pragma once

// The plan model of the test drawing generator (drawinggenerator.cpp draws it): rooms, walls,
// doors, windows, furniture, dimension chains and grid in feet, a function of the seed only.
// Internal to tests/support.

#include <QColor>
#include <QPointF>
#include <QRectF>
#include <QString>
#include <QStringList>
#include <QVector>

#include <cmath>

namespace bt::test::plan {

inline constexpr double kPtPerIn = 72.0;
inline constexpr double kDoorWidthFt = 3.0;
inline constexpr double kDoorShiftFt = 2.5; // "moved 30 in"
inline constexpr double kExtWallFt = 1.0;
inline constexpr double kIntWallFt = 0.5;

// ---------------------------------------------------------------------------------------------
// Plan model in feet (origin: top-left wall centreline of the building), a function of the
// seed only, so the same seed gives the same plan on any paper.

struct Room {
    QRectF ft; // between wall centrelines
    QString name;
    QString number;
};

struct Wall {
    QPointF a, b; // centreline, axis-aligned, feet
    double thickness = kIntWallFt;
    bool exterior = false;
    QPointF dir() const {
        const QPointF d = b - a;
        const double len = std::hypot(d.x(), d.y());
        return len > 0 ? d / len : QPointF(1, 0);
    }
    double length() const { return std::hypot(b.x() - a.x(), b.y() - a.y()); }
};

struct Door {
    int wall = 0;
    double pos = 0;   // start of the opening along the wall, feet from wall.a
    double swing = 1; // +1: opens to the right of the wall direction as seen on the page
    bool hingeAtEnd = false;
    double moveSign = 1; // direction of the "moved" edit (towards the room centre)
};

struct Window {
    int wall = 0;
    double from = 0, to = 0;
};

struct Furniture {
    QRectF ft;
    int kind = 0; // 0 bed, 1 desk, 2 wardrobe, 3 table, 4 sofa
};

struct DimChain {
    QVector<double> stops; // feet along the axis
    bool horizontal = true;
    int side = 0; // 0 top, 1 bottom, 2 left
    int tier = 0; // 0 nearest the building
};

struct Plan {
    double widthFt = 0, depthFt = 0;
    double corridorTop = 0, corridorBottom = 0;
    QVector<Room> rooms;
    QVector<Wall> walls;
    QVector<Door> doors;
    QVector<Window> windows;
    QVector<Furniture> furniture;
    QVector<DimChain> dims;
    QVector<double> gridX;
    QVector<double> gridY;
};

Plan buildPlan(int seed);
// "12'-6\"" from half feet.
QString feetText(int halfFeet);
QString chainText(const DimChain &c, int i);
const QStringList &baseNotes();
const QStringList &baseRevisionRows();

} // namespace bt::test::plan
