#pragma once

#include "comparison.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace bt {

// The one check of comparison settings, shared by the command line (compare's options, a resumed
// job's stored settings) and the job server's API (POST /api/v1/jobs): out-of-range values reach
// OpenCV assertions or exhaust memory long after the request was accepted.

// The allowed range of a numeric setting, by its settings-JSON name ("dpi", "tolerance_pt",
// "max_pixels", ...). The command line's options show the same numbers (max-megapixels in MP).
struct SettingRange {
    QString field;
    double lo = 0;
    double hi = 0;
    bool integer = false; // whole numbers only (max_pixels, ink_threshold, weak_ink_margin)
};
const QVector<SettingRange> &settingRanges();
SettingRange settingRange(const QString &field); // field empty when there is no such setting

// The first invalid setting and why ("must be a number from 30 to 1200").
struct SettingsProblem {
    QString field;
    QString reason;
    QString message() const { return field + QLatin1Char(' ') + reason; }
};

// Every value of a CompareSettings against settingRanges(); nullopt when all are valid.
std::optional<SettingsProblem> validateCompareSettings(const CompareSettings &settings);

// A settings JSON as a client sends it: unknown fields (a typo would silently be a default),
// wrong types (a string, null or an array for a number), non-finite and out-of-range numbers
// are refused, the first one named. Missing fields are fine: they take their defaults.
std::optional<SettingsProblem> validateSettingsJson(const QJsonObject &json);

// The fields validateSettingsJson() accepts.
QStringList settingsJsonFields();

} // namespace bt
