#pragma once

#include "compare/comparison.h"
#include "pipeline/pipeline.h"

#include <QString>

namespace bt::ui {

// What the settings dialog edits, kept in QSettings ("compare/..." and "history/..." keys).
struct GuiSettings {
    double dpi = CompareSettings::defaultDpi();
    double tolerancePt = ChangeOptions().tolerancePt;
    QString colourPreset = QStringLiteral("standard"); // an OverlayColours::presetNames() entry
    PipelineMode mode = PipelineMode::Streaming;
    int diffConcurrency = 1;
    QString databasePath; // empty: JobStore::defaultPath()

    static GuiSettings load();
    void save() const;

    CompareSettings compareSettings() const; // without passwords
    PipelineOptions pipelineOptions() const;
    // $BUILDTRACE_DB wins (tests, scripted runs), then databasePath, then the default location.
    QString effectiveDatabasePath() const;
    static bool databaseFromEnvironment();
};

} // namespace bt::ui
