#pragma once

#include <QColor>

#include <array>

namespace bt::ui {

// Colour differences as people see them: CIE L*a*b* (D65) ΔE*ab, for normal vision and as the
// three common colour vision deficiencies see the colours (Machado, Oliveira & Fernandes 2009,
// full severity, in linear sRGB). Used to pick the viewer's selection colour so it never reads as
// a change colour, and by its test.
enum class Vision { Normal, Protanopia, Deuteranopia, Tritanopia };
constexpr std::array<Vision, 4> kVisions = {Vision::Normal, Vision::Protanopia, Vision::Deuteranopia,
                                            Vision::Tritanopia};

struct Lab {
    double l = 0, a = 0, b = 0;
};
Lab toLab(const QColor &colour);
QColor simulate(const QColor &colour, Vision vision);
double deltaE(const QColor &a, const QColor &b); // CIE76, normal vision
// The smallest ΔE of the two colours over every vision above.
double minDeltaE(const QColor &a, const QColor &b);

} // namespace bt::ui
