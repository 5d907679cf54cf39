#include "settingsvalidation.h"

#include <QColor>
#include <QJsonArray>
#include <cmath>

namespace bt {

namespace {

const QString kColours = QStringLiteral("colours");
const QStringList kBooleans = {QStringLiteral("keep_renders"), QStringLiteral("scanned")};

QString number(double v) {
    return QString::number(v, 'g', 12);
}

std::optional<SettingsProblem> checkNumber(const SettingRange &range, double value) {
    const QString kind = range.integer ? QStringLiteral("a whole number") : QStringLiteral("a number");
    if (!std::isfinite(value) || value < range.lo || value > range.hi ||
        (range.integer && value != std::floor(value)))
        return SettingsProblem{
            range.field,
            QStringLiteral("must be %1 from %2 to %3").arg(kind, number(range.lo), number(range.hi))};
    return std::nullopt;
}

} // namespace

const QVector<SettingRange> &settingRanges() {
    // dpi, tolerance and the pixel cap are the command line's options (--dpi, --tolerance,
    // --max-megapixels 1 to 2000); the detector's other knobs keep to what it was tuned for:
    // a zero or negative distance, or a threshold outside the grey scale, breaks its masks.
    static const QVector<SettingRange> ranges = {
        {QStringLiteral("dpi"), 30, 1200, false},
        {QStringLiteral("max_pixels"), 1e6, 2e9, true},
        {QStringLiteral("tolerance_pt"), 0, 20, false},
        {QStringLiteral("group_distance_pt"), 0.5, 100, false},
        {QStringLiteral("edge_band_pt"), 0, 72, false},
        {QStringLiteral("min_ink_pt2"), 0, 1000, false},
        {QStringLiteral("ink_threshold"), 1, 254, true},
        {QStringLiteral("weak_ink_margin"), 0, 128, true},
    };
    return ranges;
}

SettingRange settingRange(const QString &field) {
    for (const SettingRange &r : settingRanges())
        if (r.field == field) return r;
    return {};
}

QStringList settingsJsonFields() {
    QStringList fields;
    for (const SettingRange &r : settingRanges())
        fields << r.field;
    return fields << kBooleans << kColours;
}

std::optional<SettingsProblem> validateCompareSettings(const CompareSettings &s) {
    const ChangeOptions &c = s.change;
    const std::pair<const char *, double> values[] = {
        {"dpi", s.dpi},
        {"max_pixels", double(s.maxPixels)},
        {"tolerance_pt", c.tolerancePt},
        {"group_distance_pt", c.groupDistancePt},
        {"edge_band_pt", c.edgeBandPt},
        {"min_ink_pt2", c.minInkPt2},
        {"ink_threshold", double(c.inkThreshold)},
        {"weak_ink_margin", double(c.weakInkMargin)},
    };
    for (const auto &[field, value] : values)
        if (auto problem = checkNumber(settingRange(QLatin1String(field)), value)) return problem;
    return std::nullopt;
}

std::optional<SettingsProblem> validateSettingsJson(const QJsonObject &json) {
    for (auto it = json.begin(); it != json.end(); ++it) {
        const QString &field = it.key();
        const QJsonValue value = it.value();
        const SettingRange range = settingRange(field);
        if (!range.field.isEmpty()) {
            if (!value.isDouble()) return SettingsProblem{field, QStringLiteral("must be a number")};
            if (auto problem = checkNumber(range, value.toDouble())) return problem;
        } else if (kBooleans.contains(field)) {
            if (!value.isBool()) return SettingsProblem{field, QStringLiteral("must be true or false")};
        } else if (field == kColours) {
            // Unchanged, removed, added, cloud: a view setting, but fromJson reads it.
            const QJsonArray colours = value.toArray();
            const bool ok = value.isArray() && colours.size() == 4 &&
                            std::all_of(colours.begin(), colours.end(), [](const QJsonValue &v) {
                                return v.isString() && QColor::isValidColor(v.toString());
                            });
            if (!ok)
                return SettingsProblem{field, QStringLiteral("must be an array of 4 colours (\"#rrggbb\")")};
        } else {
            return SettingsProblem{field, QStringLiteral("is not a setting (known: %1)")
                                              .arg(settingsJsonFields().join(QStringLiteral(", ")))};
        }
    }
    return std::nullopt;
}

} // namespace bt
