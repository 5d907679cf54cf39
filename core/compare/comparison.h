#pragma once

#include "diff/changedetector.h"
#include "diff/overlay.h"
#include "document/document.h"
#include "pageresult.h"

#include <QDateTime>
#include <QString>
#include <QVector>
#include <functional>

namespace bt {

struct CompareSettings {
    double dpi = 220.0;
    qint64 maxPixels = RenderOptions().maxPixels;
    QString oldPassword;
    QString newPassword;
    QString outputDir; // overlays and aligned renders; empty: nothing written
    OverlayColours colours;
    ChangeOptions change;
    bool keepRenders = true; // write aligned OLD and NEW renders next to the overlay

    // Default DPI from PAGE_EXTRACTION_DPI when set.
    static double defaultDpi();
};

struct ComparisonResult {
    QString jobId;
    QString oldPath;
    QString newPath;
    QDateTime started;
    QString status; // "completed", "completed_with_errors", "failed"
    QVector<PageResult> pages;
    bool anyChanges() const;
};

// Compares two opened sets sheet by sheet (synchronously; per-page work uses the global thread
// pool). `progress` is called from worker threads with a short human-readable line.
ComparisonResult compareDocuments(const Document &oldDoc, const Document &newDoc,
                                  const CompareSettings &settings,
                                  const std::function<void(const QString &)> &progress = {});

// The diff stage of one matched pair: render, align, detect, attach texts, write overlay.
void diffPage(const Document &oldDoc, const Document &newDoc, const CompareSettings &settings,
              PageResult &page);

} // namespace bt
