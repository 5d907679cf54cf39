#pragma once

#include "diff/changedetector.h"
#include "diff/overlay.h"
#include "document/document.h"
#include "pageresult.h"
#include "store/jobstate.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QThreadPool>
#include <QVector>
#include <atomic>
#include <functional>
#include <utility>

namespace bt {

struct CompareSettings {
    double dpi = 220.0;
    qint64 maxPixels = RenderOptions().maxPixels;
    QString oldPassword;
    QString newPassword;
    QString outputDir; // overlays and aligned renders; empty: nothing written
    OverlayColours colours;
    ChangeOptions change;
    // Also write the aligned OLD and the NEW render next to the overlay. Off by default: two
    // 40 MB PNG encodes cost ~1 s per sheet, and a viewer renders the PDFs at its own zoom.
    bool keepRenders = false;

    // Default DPI from PAGE_EXTRACTION_DPI when set.
    static double defaultDpi();

    // Everything that changes a result (not the output folder, never the passwords): two jobs
    // with equal settings JSON and equal input hashes have equal results. Not the colours: they
    // are a view setting (the overlay is a palette image a viewer recolours, and a reused job's
    // overlays are recoloured in place), so changing them never makes another job.
    QJsonObject toJson() const;
    static CompareSettings fromJson(const QJsonObject &json);
};

struct ComparisonResult {
    QString jobId;
    QString oldPath;
    QString newPath;
    QDateTime started;
    JobStatus status = JobStatus::Pending;
    QVector<PageResult> pages;
    bool anyChanges() const;
};

// Thrown by a stage that noticed its job was cancelled.
struct StageCancelled {};

// Identifies every sheet of both sets (text layer, else OCR of the title block; in parallel on
// pool, the global thread pool when null) and pairs them. Returns one PageResult per pair, in
// result order, nothing diffed yet.
QVector<PageResult> matchDocuments(const Document &oldDoc, const Document &newDoc,
                                   const CancelFlag *cancel = nullptr, QThreadPool *pool = nullptr);

// The OCR stage's output for one matched pair: both pages rendered for the diff, with their
// text-layer words (empty for pages without a text layer: those are read by OCR around the
// changes in the diff stage).
struct LoadedPair {
    RenderedPage oldPage;
    RenderedPage newPage;
    Words oldWords;
    Words newWords;
    bool isNull() const { return oldPage.isNull() || newPage.isNull(); }
    qint64 bytes() const;
};

// The DPIs the OLD and NEW pages of a pair are rendered at: the smaller print of a half-size
// set at a higher one, so both sides have the same pixels per drawing unit.
std::pair<double, double> pairDpis(QSizeF oldSizePt, QSizeF newSizePt, double dpi);

// The OCR stage: renders both pages (a half-size print at a higher DPI, so both sides have the
// same pixels per drawing unit) and reads their words. Throws std::runtime_error when a page
// cannot be rendered.
LoadedPair loadPagePair(const Document &oldDoc, const Document &newDoc, const CompareSettings &settings,
                        const PageResult &page, const CancelFlag *cancel = nullptr);

// CPU seconds (the whole process: OpenCV's worker threads count too) spent in each step of one
// diffLoadedPair call, for profiling tools (buildtrace-bench --diff-steps).
struct DiffStepTimes {
    double align = 0;
    double warp = 0;
    double scanCheck = 0; // looksScanned on both pages
    double detect = 0;
    double texts = 0; // OCR around changes, region texts
    double overlay = 0;
    double save = 0; // overlay PNG (and kept renders)
    double total() const { return align + warp + scanCheck + detect + texts + overlay + save; }
};

// The diff stage: align, detect, attach texts, write overlay (and aligned renders) to
// settings.outputDir. Fills the page; throws std::runtime_error on failure, StageCancelled when
// cancel is set between steps. With `times`, adds each step's CPU time to it.
void diffLoadedPair(const Document &oldDoc, const Document &newDoc, const CompareSettings &settings,
                    LoadedPair pair, PageResult &page, const CancelFlag *cancel = nullptr,
                    DiffStepTimes *times = nullptr);

// Both stages in one call (tests, tools). Failures land in page.error.
void diffPage(const Document &oldDoc, const Document &newDoc, const CompareSettings &settings,
              PageResult &page);

} // namespace bt
