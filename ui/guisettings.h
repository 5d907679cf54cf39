#pragma once

#include "compare/comparison.h"
#include "pipeline/pipeline.h"
#include "sync/serverclient.h"

#include <QString>

namespace bt::ui {

// What the settings dialog edits, kept in QSettings ("compare/...", "history/...", "ui/..." and
// "ai/..." keys).
struct GuiSettings {
    double dpi = CompareSettings::defaultDpi();
    double tolerancePt = ChangeOptions().tolerancePt;
    QString colourPreset = QStringLiteral("standard"); // an OverlayColours::presetNames() entry
    PipelineMode mode = PipelineMode::Streaming;
    int diffConcurrency = 1;
    QString databasePath; // empty: JobStore::defaultPath()
    // The interface language: empty for the system's, else a code of availableLanguages()
    // (guiapplication.h). Read once at start (setUpGuiApplication): a change shows after a restart.
    QString language;
    // The team's job server (empty: none) and this user's token for it. The token and the AI key
    // below are kept in the OS keyring (secretstore.h); only where there is none in the settings
    // file, which is then readable by its user only (0600).
    QString serverUrl;
    QString serverToken;
    // The optional AI summary provider ("ai/..." keys); off by default.
    AiSummaryConfig aiSummary;
    // The name reviews are made under (kReviewerNameKey); empty: the OS user (reviewerName()).
    QString reviewerName;

    static GuiSettings load();
    void save() const;

    CompareSettings compareSettings() const; // without passwords
    OverlayColours overlayColours() const;   // of colourPreset: a view setting, never a new job
    PipelineOptions pipelineOptions() const;
    ServerConfig serverConfig() const; // invalid when no server is set up
    // $BUILDTRACE_DB wins (tests, scripted runs), then databasePath, then the default location.
    QString effectiveDatabasePath() const;
    static bool databaseFromEnvironment();
};

} // namespace bt::ui
