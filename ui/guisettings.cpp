#include "guisettings.h"

#include "compare/settingsvalidation.h"
#include "review/regionreview.h"
#include "secretstore.h"
#include "store/jobstore.h"

#include <QSettings>

namespace bt::ui {

namespace {

const QString kDpi = QStringLiteral("compare/dpi");
const QString kTolerance = QStringLiteral("compare/tolerancePt");
const QString kColours = QStringLiteral("compare/colours");
const QString kMode = QStringLiteral("compare/mode");
const QString kDiffConcurrency = QStringLiteral("compare/diffConcurrency");
const QString kDatabase = QStringLiteral("history/database");
const QString kLanguage = QStringLiteral("ui/language");
const QString kServerUrl = QStringLiteral("sync/serverUrl");
const QString kServerToken = QStringLiteral("sync/token");
const QString kAiEnabled = QStringLiteral("ai/enabled");
const QString kAiEndpoint = QStringLiteral("ai/endpoint");
const QString kAiModel = QStringLiteral("ai/model");
const QString kAiKey = QStringLiteral("ai/apiKey");
const QString kAiTimeout = QStringLiteral("ai/timeoutMs");

} // namespace

GuiSettings GuiSettings::load() {
    QSettings s; // not const: a secret found in it in plain text moves into the keyring
    GuiSettings g;
    // Out-of-range values (a hand-edited file) fall back to the defaults rather than reaching the engine.
    // The ranges are core's (settingsvalidation.h), as the command line and the job server check them.
    auto inRange = [](const QString &field, double v) {
        const SettingRange r = settingRange(field);
        return v >= r.lo && v <= r.hi;
    };
    const double dpi = s.value(kDpi, g.dpi).toDouble();
    if (inRange(QStringLiteral("dpi"), dpi)) g.dpi = dpi;
    const double tolerance = s.value(kTolerance, g.tolerancePt).toDouble();
    if (inRange(QStringLiteral("tolerance_pt"), tolerance)) g.tolerancePt = tolerance;
    const QString colours = s.value(kColours, g.colourPreset).toString();
    if (OverlayColours::presetNames().contains(colours)) g.colourPreset = colours;
    g.mode = pipelineModeFromName(s.value(kMode).toString()).value_or(PipelineMode::Streaming);
    g.diffConcurrency = qBound(1, s.value(kDiffConcurrency, g.diffConcurrency).toInt(), 16);
    g.databasePath = s.value(kDatabase).toString();
    g.language = s.value(kLanguage).toString();
    g.serverUrl = s.value(kServerUrl).toString();
    g.serverToken = secretStore().load(s, kServerToken);
    g.aiSummary.enabled = s.value(kAiEnabled, false).toBool();
    g.aiSummary.endpoint = QUrl(s.value(kAiEndpoint).toString().trimmed());
    g.aiSummary.model = s.value(kAiModel).toString().trimmed();
    g.aiSummary.apiKey = secretStore().load(s, kAiKey).trimmed();
    const int timeout = s.value(kAiTimeout, g.aiSummary.timeoutMs).toInt();
    if (timeout >= 1000 && timeout <= 600000) g.aiSummary.timeoutMs = timeout;
    restrictSettingsFile(s); // an older version's 0644 file, perhaps with the secrets in it
    g.reviewerName = s.value(QLatin1String(kReviewerNameKey)).toString().trimmed();
    return g;
}

void GuiSettings::save() const {
    QSettings s;
    s.setValue(kDpi, dpi);
    s.setValue(kTolerance, tolerancePt);
    s.setValue(kColours, colourPreset);
    s.setValue(kMode, pipelineModeName(mode));
    s.setValue(kDiffConcurrency, diffConcurrency);
    s.setValue(kDatabase, databasePath);
    s.setValue(kLanguage, language);
    s.setValue(kServerUrl, serverUrl);
    secretStore().save(s, kServerToken, serverToken);
    s.setValue(kAiEnabled, aiSummary.enabled);
    s.setValue(kAiEndpoint, aiSummary.endpoint.toString());
    s.setValue(kAiModel, aiSummary.model);
    secretStore().save(s, kAiKey, aiSummary.apiKey);
    s.setValue(kAiTimeout, aiSummary.timeoutMs);
    if (reviewerName.trimmed().isEmpty())
        s.remove(QLatin1String(kReviewerNameKey));
    else
        s.setValue(QLatin1String(kReviewerNameKey), reviewerName.trimmed());
    s.sync();
    restrictSettingsFile(s);
}

ServerConfig GuiSettings::serverConfig() const {
    // $BUILDTRACE_SERVER_URL / $BUILDTRACE_SERVER_TOKEN win, as $BUILDTRACE_DB does (scripted runs).
    const QString url = qEnvironmentVariable("BUILDTRACE_SERVER_URL", serverUrl).trimmed();
    ServerConfig c;
    c.url = QUrl::fromUserInput(url);
    if (url.isEmpty()) c.url = QUrl();
    c.token = qEnvironmentVariable("BUILDTRACE_SERVER_TOKEN", serverToken);
    return c;
}

CompareSettings GuiSettings::compareSettings() const {
    CompareSettings c;
    c.dpi = dpi;
    c.change.tolerancePt = tolerancePt;
    c.colours = overlayColours();
    return c;
}

OverlayColours GuiSettings::overlayColours() const {
    OverlayColours colours;
    if (!OverlayColours::fromPreset(colourPreset, &colours)) colours = OverlayColours::standard();
    return colours;
}

PipelineOptions GuiSettings::pipelineOptions() const {
    PipelineOptions o;
    o.mode = mode;
    o.diffConcurrency = diffConcurrency;
    o.testing = StageTestingHooks::fromEnvironment(); // as the command line does
    o.aiSummary = aiSummary;
    return o;
}

bool GuiSettings::databaseFromEnvironment() {
    return !qEnvironmentVariableIsEmpty("BUILDTRACE_DB");
}

QString GuiSettings::effectiveDatabasePath() const {
    if (databaseFromEnvironment() || databasePath.isEmpty()) return JobStore::defaultPath();
    return databasePath;
}

} // namespace bt::ui
