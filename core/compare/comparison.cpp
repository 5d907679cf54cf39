#include "comparison.h"

#include "ignoreareas.h"

#include "align/piecewise.h"

#include "diff/movedink.h"
#include "diff/textcheck.h"
#include "diff/textrespacing.h"

#include "i18n/enginetext.h"
#include "regionocr.h"
#include "sheet/sheetidentifier.h"
#include "summary/sheetgrid.h"
#include "text/ocrengine.h"

#include <QDir>
#include <QJsonArray>
#include <QPolygonF>
#include <QRegularExpression>
#include <QtConcurrent>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <stdexcept>
#include <time.h>

namespace bt {

QString PageResult::drawingName() const {
    return newIdentity.isValid() ? newIdentity.number : oldIdentity.number;
}

QString PageResult::drawingTitle() const {
    return !newIdentity.title.isEmpty() ? newIdentity.title : oldIdentity.title;
}

double CompareSettings::defaultDpi() {
    bool ok = false;
    const double env = qEnvironmentVariable("PAGE_EXTRACTION_DPI").toDouble(&ok);
    return ok && env >= 30 && env <= 1200 ? env : 220.0;
}

bool ComparisonResult::anyChanges() const {
    return std::any_of(pages.begin(), pages.end(), [](const PageResult &p) { return p.changesDetected(); });
}

namespace {

constexpr int kThumbnailWidth = 256;

// A vector render's paper is exactly white except for the anti-aliased rims of the ink; a scan's
// paper is noisy (sensor noise, JPEG), even where it is nearly white.
bool looksScanned(const cv::Mat &grey) {
    const cv::Rect centre(grey.cols / 4, grey.rows / 4, grey.cols / 2, grey.rows / 2);
    cv::Mat sample;
    cv::resize(grey(centre), sample, cv::Size(), 0.25, 0.25, cv::INTER_NEAREST);
    const double paper = cv::countNonZero(sample >= 200);
    const double noisyPaper = cv::countNonZero((sample >= 200) & (sample < 255));
    return paper > 0 && noisyPaper > 0.3 * paper;
}

bool writeImage(const QString &path, const cv::Mat &image) {
    // Fast PNG: these are working images, rewritten on every comparison; run-length coding
    // suits mostly-white drawings.
    return cv::imwrite(
        QFile::encodeName(path).toStdString(), image,
        {cv::IMWRITE_PNG_COMPRESSION, 1, cv::IMWRITE_PNG_STRATEGY, cv::IMWRITE_PNG_STRATEGY_RLE});
}

double processCpuSeconds() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + 1e-9 * double(ts.tv_nsec);
}

// Adds the CPU time since the last lap to a DiffStepTimes field; does nothing without one.
class StepClock {
public:
    explicit StepClock(DiffStepTimes *times)
        : m_times(times)
        , m_last(times ? processCpuSeconds() : 0) {}
    void lap(double DiffStepTimes::*step) {
        if (!m_times) return;
        const double now = processCpuSeconds();
        m_times->*step += now - m_last;
        m_last = now;
    }

private:
    DiffStepTimes *m_times;
    double m_last;
};

QString fileStem(const PageResult &page) {
    QString name = page.drawingName();
    name.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]")), QStringLiteral("_"));
    return QStringLiteral("p%1%2")
        .arg(page.pageNumber, 3, 10, QLatin1Char('0'))
        .arg(name.isEmpty() ? QString() : QLatin1Char('_') + name);
}

} // namespace

qint64 LoadedPair::bytes() const {
    return qint64(oldPage.grey.total()) + qint64(newPage.grey.total());
}

QJsonObject CompareSettings::toJson() const {
    return QJsonObject{
        {QStringLiteral("dpi"), dpi},
        {QStringLiteral("max_pixels"), double(maxPixels)},
        {QStringLiteral("keep_renders"), keepRenders},
        {QStringLiteral("tolerance_pt"), change.tolerancePt},
        {QStringLiteral("group_distance_pt"), change.groupDistancePt},
        {QStringLiteral("edge_band_pt"), change.edgeBandPt},
        {QStringLiteral("min_ink_pt2"), change.minInkPt2},
        {QStringLiteral("ink_threshold"), change.inkThreshold},
        {QStringLiteral("weak_ink_margin"), change.weakInkMargin},
        {QStringLiteral("scanned"), change.scanned},
    };
}

CompareSettings CompareSettings::fromJson(const QJsonObject &json) {
    CompareSettings s;
    s.dpi = json.value(QStringLiteral("dpi")).toDouble(s.dpi);
    s.maxPixels = qint64(json.value(QStringLiteral("max_pixels")).toDouble(double(s.maxPixels)));
    const QJsonArray colours = json.value(QStringLiteral("colours")).toArray();
    if (colours.size() == 4) {
        s.colours.unchanged = QColor(colours[0].toString());
        s.colours.removed = QColor(colours[1].toString());
        s.colours.added = QColor(colours[2].toString());
        s.colours.cloud = QColor(colours[3].toString());
    }
    s.keepRenders = json.value(QStringLiteral("keep_renders")).toBool(s.keepRenders);
    ChangeOptions &c = s.change;
    c.tolerancePt = json.value(QStringLiteral("tolerance_pt")).toDouble(c.tolerancePt);
    c.groupDistancePt = json.value(QStringLiteral("group_distance_pt")).toDouble(c.groupDistancePt);
    c.edgeBandPt = json.value(QStringLiteral("edge_band_pt")).toDouble(c.edgeBandPt);
    c.minInkPt2 = json.value(QStringLiteral("min_ink_pt2")).toDouble(c.minInkPt2);
    c.inkThreshold = json.value(QStringLiteral("ink_threshold")).toInt(c.inkThreshold);
    c.weakInkMargin = json.value(QStringLiteral("weak_ink_margin")).toInt(c.weakInkMargin);
    c.scanned = json.value(QStringLiteral("scanned")).toBool(c.scanned);
    return s;
}

std::pair<double, double> pairDpis(QSizeF oldSizePt, QSizeF newSizePt, double dpi) {
    const double ratio =
        std::sqrt((oldSizePt.width() * oldSizePt.height()) / (newSizePt.width() * newSizePt.height()));
    return {dpi * (ratio < 1 / 1.1 ? 1 / ratio : 1.0), dpi * (ratio > 1.1 ? ratio : 1.0)};
}

LoadedPair loadPagePair(const Document &oldDoc, const Document &newDoc, const CompareSettings &settings,
                        const PageResult &page, const CancelFlag *cancel) {
    // A sheet printed at another paper size (half-size set) is rendered at a higher DPI so both
    // sides have the same pixels per drawing unit: the smaller print loses no detail to the
    // comparison and nothing has to be shrunk by warping.
    const auto [oldDpi, newDpi] =
        pairDpis(oldDoc.pageSizePt(page.oldPage), newDoc.pageSizePt(page.newPage), settings.dpi);
    auto render = [&settings, cancel](const Document &doc, int index, double dpi) {
        RenderedPage r = doc.render(index, {dpi, settings.maxPixels}, cancel);
        if (cancel && cancel->load()) throw StageCancelled();
        if (r.isNull())
            throw std::runtime_error(
                EngineText::translate("bt::Compare", "%1: page %2 could not be rendered (%3)")
                    .arg(doc.fileName())
                    .arg(index + 1)
                    .arg(r.error)
                    .toStdString());
        return r;
    };
    LoadedPair pair;
    pair.oldPage = render(oldDoc, page.oldPage, oldDpi);
    pair.newPage = render(newDoc, page.newPage, newDpi);
    pair.oldWords = oldDoc.textLayerWords(page.oldPage, cancel);
    pair.newWords = newDoc.textLayerWords(page.newPage, cancel);
    return pair;
}

void diffLoadedPair(const Document &oldDoc, const Document &newDoc, const CompareSettings &settings,
                    LoadedPair pair, PageResult &page, const CancelFlag *cancel, DiffStepTimes *times) {
    auto checkCancelled = [cancel] {
        if (cancel && cancel->load()) throw StageCancelled();
    };
    const RenderedPage &oldPage = pair.oldPage, &newPage = pair.newPage;
    page.dpi = newPage.dpi;
    page.oldDpi = oldPage.dpi;
    page.dpiLowered = oldPage.dpiLowered || newPage.dpiLowered;
    page.pageSizePt = newPage.sizePt;

    StepClock clock(times);
    checkCancelled();
    page.alignment =
        page.manualPoints.isValid()
            ? alignmentFromPoints(page.manualPoints, oldPage.dpi, newPage.dpi, oldPage.grey, newPage.grey)
            : alignPages(oldPage.grey, newPage.grey);
    clock.lap(&DiffStepTimes::align);
    checkCancelled();
    Words oldWords = mapWordsOntoNew(pair.oldWords, page.alignment, oldPage.dpi, newPage.dpi);
    // Then the parts of the sheet the page transform leaves displaced (a re-plotted title block),
    // with their words.
    const cv::Mat alignedOld =
        alignPiecewise(warpOldOntoNew(oldPage.grey, page.alignment, newPage.grey.size()), newPage.grey,
                       newPage.dpi, &page.alignment.localShifts, &oldWords);
    clock.lap(&DiffStepTimes::warp);
    Words newWords = std::move(pair.newWords);
    // Grid bubbles come from the text layer only (OCR reads just around the changes).
    page.grid = findSheetGrid(newWords, page.pageSizePt);

    ChangeOptions options = settings.change;
    options.scanned = options.scanned || oldDoc.isImage() || newDoc.isImage() || looksScanned(oldPage.grey) ||
                      looksScanned(newPage.grey);
    // A scan is compared only where both sides show paper: not on the scanner's bed, a dark
    // border, punched holes or beyond the edge of OLD's page.
    const PaperArea paper = options.scanned
                                ? comparablePaper(alignedOld, newPage.grey, page.alignment.newToOld,
                                                  oldPage.grey.size(), newPage.dpi)
                                : PaperArea();
    clock.lap(&DiffStepTimes::scanCheck);
    checkCancelled();
    ChangeDetection detection = detectChangesOutside(page.ignoredPt, alignedOld, newPage.grey, newPage.dpi,
                                                     options, oldWords, newWords, paper);
    clock.lap(&DiffStepTimes::detect);
    checkCancelled();

    // Sides without a text layer are read by OCR, only around the changes.
    const TextSources sources{oldWords.isEmpty(), newWords.isEmpty()};
    if (sources.oldOcr) oldWords = ocrAroundRegions(alignedOld, detection.regions, newPage.dpi);
    if (sources.newOcr) newWords = ocrAroundRegions(newPage.grey, detection.regions, newPage.dpi);
    attachRegionTexts(detection.regions, oldWords, newWords, newPage.dpi);
    settleReadTexts(detection.regions, detection.masks, oldWords, newWords, sources, newPage.dpi);
    pairMovedInk(detection.regions, detection.masks, alignedOld, newPage.grey, options.inkThreshold,
                 newPage.dpi);
    dropRespacedText(detection.regions, detection.masks, oldWords, newWords, newPage.dpi);
    page.regions = detection.regions;
    clock.lap(&DiffStepTimes::texts);
    checkCancelled();

    if (!settings.outputDir.isEmpty()) {
        const QString stem = QDir(settings.outputDir).filePath(fileStem(page));
        const OverlayImage overlay =
            renderOverlay(alignedOld, newPage.grey, detection, settings.colours, newPage.dpi);
        clock.lap(&DiffStepTimes::overlay);
        page.overlayPath = stem + QStringLiteral("_overlay.png");
        if (!overlay.save(page.overlayPath)) {
            page.overlayPath.clear();
            throw std::runtime_error(EngineText::translate("bt::Compare", "cannot write %1")
                                         .arg(stem + QStringLiteral("_overlay.png"))
                                         .toStdString());
        }
        if (settings.keepRenders) {
            page.alignedOldPath = stem + QStringLiteral("_old_aligned.png");
            page.newRenderPath = stem + QStringLiteral("_new.png");
            if (!writeImage(page.alignedOldPath, alignedOld) || !writeImage(page.newRenderPath, newPage.grey))
                throw std::runtime_error(EngineText::translate("bt::Compare", "cannot write %1")
                                             .arg(page.newRenderPath)
                                             .toStdString());
        }
        clock.lap(&DiffStepTimes::save);
    }
    page.diffDone = true;
}

void diffPage(const Document &oldDoc, const Document &newDoc, const CompareSettings &settings,
              PageResult &page) {
    try {
        diffLoadedPair(oldDoc, newDoc, settings, loadPagePair(oldDoc, newDoc, settings, page), page);
    } catch (const std::exception &e) {
        page.error = QString::fromStdString(e.what());
    }
}

QVector<PageResult> matchDocuments(const Document &oldDoc, const Document &newDoc, const CancelFlag *cancel,
                                   QThreadPool *pool) {
    // 1. Identify every sheet of both sets (text layer, else OCR of the title block).
    struct Task {
        const Document *doc;
        int page;
    };
    QVector<Task> tasks;
    for (int i = 0; i < oldDoc.pageCount(); ++i)
        tasks.append({&oldDoc, i});
    for (int i = 0; i < newDoc.pageCount(); ++i)
        tasks.append({&newDoc, i});
    if (!pool) pool = QThreadPool::globalInstance();
    const QVector<SheetIdentity> identities = QtConcurrent::blockingMapped(pool, tasks, [&](const Task &t) {
        return cancel && cancel->load() ? SheetIdentity() : identifyPage(*t.doc, t.page, cancel);
    });
    if (cancel && cancel->load()) throw StageCancelled();
    QVector<SheetInfo> oldSheets, newSheets;
    for (int i = 0; i < tasks.size(); ++i)
        (tasks[i].doc == &oldDoc ? oldSheets : newSheets).append(SheetInfo{tasks[i].page, identities[i], {}});

    // 2. Pair sheets. Thumbnails are rendered only when numbers leave sheets unpaired on both sides.
    QVector<SheetPair> pairs = matchSheets(oldSheets, newSheets);
    const bool unpairedBoth = std::any_of(pairs.begin(), pairs.end(),
                                          [](const SheetPair &p) { return p.kind == MatchKind::Added; }) &&
                              std::any_of(pairs.begin(), pairs.end(),
                                          [](const SheetPair &p) { return p.kind == MatchKind::Removed; });
    const bool numbersMissing = std::any_of(identities.begin(), identities.end(),
                                            [](const SheetIdentity &i) { return !i.isValid(); });
    if (unpairedBoth || numbersMissing) {
        auto thumbnail = [cancel](const Document &doc, int page) {
            const QSizeF size = doc.pageSizePt(page);
            return doc.renderRegion(page, QRectF(QPointF(0, 0), size),
                                    kThumbnailWidth * kPointsPerInch / size.width(), cancel);
        };
        for (SheetInfo &s : oldSheets)
            s.thumbnail = thumbnail(oldDoc, s.page);
        for (SheetInfo &s : newSheets)
            s.thumbnail = thumbnail(newDoc, s.page);
        pairs = matchSheets(oldSheets, newSheets);
    }

    QVector<PageResult> pages;
    for (const SheetPair &pair : pairs) {
        PageResult page;
        page.pageNumber = int(pages.size()) + 1;
        page.oldPage = pair.oldPage;
        page.newPage = pair.newPage;
        page.match = pair.kind;
        page.matchMethod = pair.method;
        if (pair.oldPage >= 0) page.oldIdentity = oldSheets[pair.oldPage].identity;
        if (pair.newPage >= 0) page.newIdentity = newSheets[pair.newPage].identity;
        page.pageSizePt =
            pair.newPage >= 0 ? newDoc.pageSizePt(pair.newPage) : oldDoc.pageSizePt(pair.oldPage);
        pages.append(page);
    }
    return pages;
}

} // namespace bt
