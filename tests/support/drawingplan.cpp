#include "drawingplan.h"

#include <QSet>

#include <algorithm>
#include <numeric>
#include <random>

namespace bt::test::plan {

namespace {

// mt19937's output sequence is standardised; std distributions are not, so map it ourselves.
class Rng {
public:
    explicit Rng(int seed)
        : m_gen(static_cast<std::mt19937::result_type>(seed)) {}
    int pick(int lo, int hi) { return lo + static_cast<int>(m_gen() % static_cast<unsigned>(hi - lo + 1)); }
    bool coin() { return (m_gen() & 1u) != 0; }

private:
    std::mt19937 m_gen;
};

} // namespace

QString feetText(int halfFeet) {
    const int feet = halfFeet / 2;
    const int inches = (halfFeet % 2) * 6;
    return QStringLiteral("%1'-%2\"").arg(feet).arg(inches);
}

// Sizes of rooms, in half feet, all dimension values distinct so "dim:<text>" keys are unique.
struct PlanSizes {
    QVector<int> top, bottom;
    int depthTop = 0, corridor = 0, depthBottom = 0;
};

PlanSizes chooseSizes(Rng &rng) {
    for (int attempt = 0; attempt < 20000; ++attempt) {
        PlanSizes s;
        QSet<int> used;
        auto distinct = [&used](int v) {
            if (used.contains(v)) return false;
            used.insert(v);
            return true;
        };
        const int nTop = rng.pick(4, 6);
        int total = 0;
        bool ok = true;
        for (int i = 0; i < nTop && ok; ++i) {
            const int w = rng.pick(28, 62);
            ok = distinct(w);
            s.top.append(w);
            total += w;
        }
        if (!ok || total > 2 * 165) continue;
        const int nBottom = std::clamp(total / 44 + rng.pick(0, 1), 4, 6);
        int sum = 0;
        for (int i = 0; i < nBottom - 1 && ok; ++i) {
            const int w = rng.pick(28, 62);
            ok = distinct(w);
            s.bottom.append(w);
            sum += w;
        }
        const int last = total - sum;
        if (!ok || last < 28 || last > 64 || !distinct(last)) continue;
        s.bottom.append(last);
        s.depthTop = rng.pick(48, 68);
        s.corridor = rng.pick(15, 18);
        s.depthBottom = rng.pick(48, 68);
        const int depth = s.depthTop + s.corridor + s.depthBottom;
        if (!distinct(s.depthTop) || !distinct(s.corridor) || !distinct(s.depthBottom) || !distinct(total) ||
            !distinct(depth))
            continue;
        return s;
    }
    // Unreachable in practice; a fixed valid plan keeps the function total.
    return PlanSizes{{40, 44, 48, 52}, {42, 45, 50, 47}, 56, 16, 60};
}

const QStringList &roomNamePool() {
    static const QStringList pool = {
        QStringLiteral("LOUNGE"),       QStringLiteral("STUDY ROOM"),  QStringLiteral("LAUNDRY"),
        QStringLiteral("STORAGE"),      QStringLiteral("MECHANICAL"),  QStringLiteral("ELECTRICAL"),
        QStringLiteral("JANITOR"),      QStringLiteral("OFFICE"),      QStringLiteral("MAIL ROOM"),
        QStringLiteral("BIKE STORAGE"), QStringLiteral("GAME ROOM"),   QStringLiteral("KITCHEN"),
        QStringLiteral("MUSIC ROOM"),   QStringLiteral("FITNESS"),     QStringLiteral("CONFERENCE"),
        QStringLiteral("RA SUITE"),     QStringLiteral("TRASH ROOM"),  QStringLiteral("IT CLOSET"),
        QStringLiteral("WORKSHOP"),     QStringLiteral("LIBRARY"),     QStringLiteral("TUTORING"),
        QStringLiteral("RECEPTION"),    QStringLiteral("PANTRY"),      QStringLiteral("WELLNESS"),
        QStringLiteral("DOUBLE ROOM"),  QStringLiteral("SINGLE ROOM"), QStringLiteral("TRIPLE ROOM"),
        QStringLiteral("QUAD SUITE"),
    };
    return pool;
}

Plan buildPlan(int seed) {
    Rng rng(seed);
    const PlanSizes s = chooseSizes(rng);
    Plan plan;
    int total = 0;
    for (int w : s.top)
        total += w;
    plan.widthFt = total / 2.0;
    plan.corridorTop = s.depthTop / 2.0;
    plan.corridorBottom = (s.depthTop + s.corridor) / 2.0;
    plan.depthFt = (s.depthTop + s.corridor + s.depthBottom) / 2.0;
    const double W = plan.widthFt, H = plan.depthFt, yc1 = plan.corridorTop, yc2 = plan.corridorBottom;

    // Names: a seed-dependent shuffle of a pool of distinct names (Fisher-Yates on our own rng).
    QStringList names = roomNamePool();
    for (int i = names.size() - 1; i > 0; --i)
        std::swap(names[i], names[rng.pick(0, i)]);

    // Walls: 0..3 exterior (top, right, bottom, left), 4..5 corridor walls, then partitions.
    const double e = kExtWallFt / 2;
    plan.walls.append({QPointF(-e, 0), QPointF(W + e, 0), kExtWallFt, true});
    plan.walls.append({QPointF(W, 0), QPointF(W, H), kExtWallFt, true});
    plan.walls.append({QPointF(-e, H), QPointF(W + e, H), kExtWallFt, true});
    plan.walls.append({QPointF(0, 0), QPointF(0, H), kExtWallFt, true});
    plan.walls.append({QPointF(0, yc1), QPointF(W, yc1), kIntWallFt, false});
    plan.walls.append({QPointF(0, yc2), QPointF(W, yc2), kIntWallFt, false});

    const int floor = 1 + (seed % 3);
    int roomNo = 0;
    auto addRow = [&](const QVector<int> &widths, bool topRow) {
        double x = 0;
        for (int i = 0; i < widths.size(); ++i) {
            const double w = widths[i] / 2.0;
            Room r;
            r.ft = topRow ? QRectF(x, 0, w, yc1) : QRectF(x, yc2, w, H - yc2);
            r.name = names.value(roomNo);
            r.number = QString::number(floor * 100 + 1 + roomNo);
            plan.rooms.append(r);
            ++roomNo;
            if (i > 0) {
                plan.walls.append(topRow ? Wall{QPointF(x, 0), QPointF(x, yc1), kIntWallFt, false}
                                         : Wall{QPointF(x, yc2), QPointF(x, H), kIntWallFt, false});
            }
            // Door in the corridor wall near one of the partitions, swinging into the room.
            Door d;
            d.wall = topRow ? 4 : 5;
            const bool nearLeft = rng.coin();
            d.pos = nearLeft ? x + 1.0 : x + w - 1.0 - kDoorWidthFt;
            d.moveSign = nearLeft ? 1 : -1;
            d.hingeAtEnd = !nearLeft;
            d.swing = topRow ? -1 : 1; // wall runs +x: -1 swings up (towards y<0)
            plan.doors.append(d);
            // Window centred in the exterior wall.
            const double ww = std::min(6.0, w - 4.0);
            plan.windows.append({topRow ? 0 : 2, e + x + (w - ww) / 2, e + x + (w + ww) / 2});
            // Furniture along the back (exterior) wall, away from the door swing and the name.
            static const QSizeF catalog[] = {{3.5, 6.5}, {4, 2}, {3, 2}, {6, 3.5}, {6, 2.5}};
            double cx = x + 1.5;
            const int count = rng.pick(1, 3);
            for (int k = 0; k < count; ++k) {
                const int kind = rng.pick(0, 4);
                const QSizeF sz = catalog[kind];
                if (cx + sz.width() > x + w - 1.5) break;
                const double y = topRow ? 1.0 : H - 1.0 - sz.height();
                plan.furniture.append({QRectF(cx, y, sz.width(), sz.height()), kind});
                cx += sz.width() + 1.0 + rng.pick(0, 2) * 0.5;
            }
            x += w;
        }
    };
    addRow(s.top, true);
    addRow(s.bottom, false);

    Room corridor;
    corridor.ft = QRectF(0, yc1, W, yc2 - yc1);
    corridor.name = QStringLiteral("CORRIDOR");
    corridor.number = QStringLiteral("C%1").arg(floor * 100 + 1);
    plan.rooms.append(corridor);

    // Entrance doors at both corridor ends (wall 3 runs down, wall 1 runs down).
    const double corr = yc2 - yc1;
    Door west;
    west.wall = 3;
    west.pos = yc1 + (corr - kDoorWidthFt) / 2;
    west.swing = -1; // into the corridor
    west.moveSign = 1;
    plan.doors.append(west);
    Door east = west;
    east.wall = 1;
    east.swing = 1;
    east.hingeAtEnd = true;
    plan.doors.append(east);

    // Dimension chains: room widths above and below, depths on the left, overalls outside.
    DimChain top{{0}, true, 0, 0};
    double x = 0;
    for (int w : s.top)
        top.stops.append(x += w / 2.0);
    DimChain bottom{{0}, true, 1, 0};
    x = 0;
    for (int w : s.bottom)
        bottom.stops.append(x += w / 2.0);
    plan.dims = {top, DimChain{{0, W}, true, 0, 1}, bottom, DimChain{{0, yc1, yc2, H}, false, 2, 0},
                 DimChain{{0, H}, false, 2, 1}};

    // Structural grid: numbered bays of about 30 ft, lettered rows on the wall lines.
    const int bays = std::max(2, static_cast<int>(std::lround(W / 30.0)));
    for (int i = 0; i <= bays; ++i)
        plan.gridX.append(W * i / bays);
    plan.gridY = {0, yc1, yc2, H};
    return plan;
}

double chainValue(const DimChain &c, int i) {
    return c.stops[i + 1] - c.stops[i];
}

QString chainText(const DimChain &c, int i) {
    return feetText(static_cast<int>(std::lround(chainValue(c, i) * 2)));
}

const QStringList &baseNotes() {
    static const QStringList notes = {
        QStringLiteral(
            "ALL WORK SHALL COMPLY WITH THE 2021 INTERNATIONAL BUILDING CODE AND LOCAL AMENDMENTS."),
        QStringLiteral("DIMENSIONS ARE TO CENTERLINE OF WALL OR GRID UNLESS NOTED OTHERWISE."),
        QStringLiteral("DO NOT SCALE DRAWINGS. CONTRACTOR SHALL VERIFY ALL DIMENSIONS IN THE FIELD."),
        QStringLiteral("PROVIDE FIRE BLOCKING AT ALL CONCEALED SPACES PER CODE."),
        QStringLiteral("ALL INTERIOR PARTITIONS ARE TYPE P1 UNLESS NOTED OTHERWISE. SEE SHEET A-501."),
        QStringLiteral("PROVIDE SOLID BLOCKING FOR ALL WALL MOUNTED FIXTURES, CASEWORK AND EQUIPMENT."),
        QStringLiteral("DOOR HARDWARE SHALL COMPLY WITH ICC A117.1 ACCESSIBILITY REQUIREMENTS."),
        QStringLiteral("COORDINATE ALL FLOOR PENETRATIONS WITH STRUCTURAL AND MEP DRAWINGS."),
        QStringLiteral("SEAL PENETRATIONS IN RATED ASSEMBLIES WITH A UL LISTED FIRESTOP SYSTEM."),
        QStringLiteral("REFER TO SHEET A-601 FOR DOOR AND WINDOW SCHEDULES."),
    };
    return notes;
}

const QStringList &baseRevisionRows() {
    static const QStringList rows = {QStringLiteral("0 ISSUED FOR PERMIT 01/10/2025"),
                                     QStringLiteral("1 PLAN CHECK RESPONSE 02/14/2025")};
    return rows;
}

} // namespace bt::test::plan
