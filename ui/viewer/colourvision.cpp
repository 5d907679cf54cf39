#include "colourvision.h"

#include <algorithm>
#include <cmath>

namespace bt::ui {

namespace {

double toLinear(double c) {
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double toGamma(double c) {
    c = std::clamp(c, 0.0, 1.0);
    return c <= 0.0031308 ? 12.92 * c : 1.055 * std::pow(c, 1 / 2.4) - 0.055;
}

using Matrix = std::array<std::array<double, 3>, 3>;

// Machado et al. 2009, severity 1.0.
constexpr Matrix kProtan = {
    {{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}}};
constexpr Matrix kDeutan = {
    {{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}}};
constexpr Matrix kTritan = {
    {{1.255528, -0.076749, -0.178779}, {-0.078411, 0.930809, 0.147602}, {0.004733, 0.691367, 0.303900}}};

} // namespace

Lab toLab(const QColor &colour) {
    const double r = toLinear(colour.redF()), g = toLinear(colour.greenF()), b = toLinear(colour.blueF());
    const double x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
    const double y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    const double z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
    auto f = [](double t) { return t > 216.0 / 24389 ? std::cbrt(t) : (24389.0 / 27 * t + 16) / 116; };
    const double fx = f(x), fy = f(y), fz = f(z);
    return {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
}

QColor simulate(const QColor &colour, Vision vision) {
    if (vision == Vision::Normal) return colour;
    const Matrix &m = vision == Vision::Protanopia     ? kProtan
                      : vision == Vision::Deuteranopia ? kDeutan
                                                       : kTritan;
    const double in[3] = {toLinear(colour.redF()), toLinear(colour.greenF()), toLinear(colour.blueF())};
    double out[3];
    for (int i = 0; i < 3; ++i)
        out[i] = toGamma(m[i][0] * in[0] + m[i][1] * in[1] + m[i][2] * in[2]);
    return QColor::fromRgbF(float(out[0]), float(out[1]), float(out[2]));
}

double deltaE(const QColor &a, const QColor &b) {
    const Lab p = toLab(a), q = toLab(b);
    return std::sqrt((p.l - q.l) * (p.l - q.l) + (p.a - q.a) * (p.a - q.a) + (p.b - q.b) * (p.b - q.b));
}

double minDeltaE(const QColor &a, const QColor &b) {
    double least = deltaE(a, b);
    for (const Vision v : kVisions)
        least = std::min(least, deltaE(simulate(a, v), simulate(b, v)));
    return least;
}

} // namespace bt::ui
