#include "ocrengine.h"

#include <QtGlobal>
#include <algorithm>
#include <cmath>
#include <leptonica/allheaders.h>
#include <memory>
#include <mutex>
#include <opencv2/imgproc.hpp>
#include <tesseract/baseapi.h>
#include <vector>

#if defined(__linux__)
#include <dlfcn.h>
#endif

namespace bt {

namespace {

// Upscaled crops are capped so one OCR call stays under ~0.5 s (measured: 1584x1320 title-block
// crop 0.25 s as is, 0.45 s upscaled to 4 MP).
constexpr double kMaxOcrPixels = 4.0e6;
// Only crops rendered below this DPI are upscaled; above it small text is already legible.
constexpr double kLowDpi = 150.0;
// Tesseract reads capitals best around 20-40 px; smaller text is upscaled towards this.
constexpr double kTargetTextPx = 30.0;
constexpr double kMinTextPx = 20.0;
constexpr double kMaxUpscale = 3.0;
// Share of ink surviving a 3x3 erosion below which strokes are hairlines.
constexpr double kHairlineSurvival = 0.2;

struct TessDeleter {
    void operator()(tesseract::TessBaseAPI *api) const {
        api->End();
        delete api;
    }
};
using TessPtr = std::unique_ptr<tesseract::TessBaseAPI, TessDeleter>;

// Debian's libtesseract runs its LSTM in OpenMP regions with num_threads(4). libgomp reads
// OMP_THREAD_LIMIT only when it is loaded, before main(), so initOcrEnvironment() is too late
// for a program started without it (measured: OCR 2-4x slower on 2 busy cores). Setting the
// calling thread's max-active-levels to 0 makes its regions inactive, i.e. run by this thread
// alone, whatever the environment said. libgomp is already loaded with libtesseract, so this
// looks it up instead of linking it; nothing happens for a Tesseract built without OpenMP.
void keepOpenMpOnThisThread() {
#if defined(__linux__)
    using SetLevels = void (*)(int);
    if (const auto set = reinterpret_cast<SetLevels>(dlsym(RTLD_DEFAULT, "omp_set_max_active_levels")))
        set(0);
#endif
}

TessPtr createEngine() {
    initOcrEnvironment();
    keepOpenMpOnThisThread();
    // Leptonica prints "Error in boxClipToRectangle" for harmless edge cases of small crops.
    static std::once_flag quietLeptonica;
    std::call_once(quietLeptonica, [] { setMsgSeverity(L_SEVERITY_NONE); });
    TessPtr api(new tesseract::TessBaseAPI);
    // nullptr: Debian's compiled-in tessdata path (or TESSDATA_PREFIX when set).
    if (api->Init(nullptr, "eng", tesseract::OEM_DEFAULT) != 0) {
        qWarning("OCR: Tesseract could not load its English model (tesseract-ocr-eng, TESSDATA_PREFIX)");
        return nullptr;
    }
    // Keep Tesseract's diagnostics ("Empty page!!", resolution guesses) out of our stderr.
    api->SetVariable("debug_file", "/dev/null");
    // Drawing text is codes and capitals, not prose: no dictionary built from the page's words.
    api->SetVariable("tessedit_enable_doc_dict", "0");
    return api;
}

// One engine per thread, created on first use and kept for the thread's lifetime:
// TessBaseAPI is not thread-safe and Init() costs ~100 ms (NOTES.md).
tesseract::TessBaseAPI *threadEngine() {
    thread_local TessPtr engine = createEngine();
    return engine.get();
}

// Ink mask (ink = 255) by Otsu, clamped so a nearly blank crop does not turn paper noise into ink.
cv::Mat binariseInk(const cv::Mat &grey) {
    cv::Mat mask;
    double t = cv::threshold(grey, mask, 0, 255, cv::THRESH_BINARY_INV | cv::THRESH_OTSU);
    if (t < 60 || t > 210) {
        t = std::clamp(t, 60.0, 210.0);
        cv::threshold(grey, mask, t, 255, cv::THRESH_BINARY_INV);
    }
    return mask;
}

// Removes ruling lines longer than any glyph stroke: title-block cell borders otherwise make
// Tesseract read whole cells as one garbled block or emit "|" and "_" words.
void removeLongLines(cv::Mat &ink, double dpi) {
    const int length = std::max(30, int(std::lround(0.8 * dpi)));
    cv::Mat horizontal, vertical;
    cv::morphologyEx(ink, horizontal, cv::MORPH_OPEN, cv::getStructuringElement(cv::MORPH_RECT, {length, 1}));
    cv::morphologyEx(ink, vertical, cv::MORPH_OPEN, cv::getStructuringElement(cv::MORPH_RECT, {1, length}));
    cv::Mat lines = horizontal | vertical;
    // Grow by one pixel to take the anti-aliased fringe of the line too.
    cv::dilate(lines, lines, cv::getStructuringElement(cv::MORPH_RECT, {3, 3}));
    ink.setTo(0, lines);
}

// Typical glyph height in pixels: median height of glyph-shaped components. 0 when none.
double typicalGlyphHeight(const cv::Mat &ink) {
    cv::Mat labels, stats, centroids;
    const int n = cv::connectedComponentsWithStats(ink, labels, stats, centroids, 8, CV_32S);
    std::vector<int> heights;
    for (int i = 1; i < n; ++i) {
        const int w = stats.at<int>(i, cv::CC_STAT_WIDTH);
        const int h = stats.at<int>(i, cv::CC_STAT_HEIGHT);
        // Glyphs: a few pixels tall and not much wider than tall (dashes and lines excluded).
        if (h >= 5 && h <= 200 && w <= 2 * h) heights.push_back(h);
    }
    if (heights.size() < 3) return 0;
    auto mid = heights.begin() + long(heights.size() / 2);
    std::nth_element(heights.begin(), mid, heights.end());
    return *mid;
}

// CAD text is often single-stroke (SHX) and at title-block DPIs only 1-2 px wide; Tesseract
// reads such hairline glyphs badly ("A-101" as "A-107" with confidence 0) and well once they
// are 2-3 px. Strokes count as hairlines when a 3x3 erosion leaves almost no ink.
void thickenHairlines(cv::Mat &ink) {
    const int total = cv::countNonZero(ink);
    if (total == 0) return;
    cv::Mat eroded;
    cv::erode(ink, eroded, cv::getStructuringElement(cv::MORPH_RECT, {3, 3}));
    if (cv::countNonZero(eroded) < kHairlineSurvival * total)
        cv::dilate(ink, ink, cv::getStructuringElement(cv::MORPH_RECT, {2, 2}));
}

bool isJunk(const QString &text) {
    // A word with no letter or digit is punctuation or a line fragment ("|", "—", "_", ".").
    return std::none_of(text.begin(), text.end(), [](QChar c) { return c.isLetterOrNumber(); });
}

} // namespace

QString tesseractVersion() {
    // Static: no engine (and no language data) is needed.
    return QString::fromLatin1(tesseract::TessBaseAPI::Version());
}

void initOcrEnvironment() {
    // libtesseract is built with OpenMP on Debian; two OpenMP threads were slower than one and
    // fight with our own worker threads. libgomp reads the variable when it is loaded, so this
    // only takes effect for child processes (render workers) and for a launcher that sets it
    // before exec; within this process keepOpenMpOnThisThread() does the job.
    if (!qEnvironmentVariableIsSet("OMP_THREAD_LIMIT")) qputenv("OMP_THREAD_LIMIT", "1");
}

Words recogniseWords(const cv::Mat &grey, double dpi, QPointF originPt, OcrLayout layout,
                     double minConfidence) {
    Words words;
    if (grey.empty() || dpi <= 0) return words;
    cv::Mat src = grey;
    if (src.type() != CV_8UC1) {
        cv::Mat converted;
        if (src.channels() == 4)
            cv::cvtColor(src, converted, cv::COLOR_BGRA2GRAY);
        else if (src.channels() == 3)
            cv::cvtColor(src, converted, cv::COLOR_BGR2GRAY);
        else
            src.convertTo(converted, CV_8U);
        src = converted;
    }
    double minVal = 0, maxVal = 0;
    cv::minMaxLoc(src, &minVal, &maxVal);
    if (maxVal - minVal < 40) // blank (or uniformly dark) crop: nothing to read
        return words;

    cv::Mat ink = binariseInk(src);
    removeLongLines(ink, dpi);
    if (cv::countNonZero(ink) == 0) return words;

    // Low-DPI crops: upscale so typical text reaches ~30 px. Interpolating the mask and
    // re-thresholding gives smoother glyph edges than nearest-neighbour scaling.
    double scale = 1.0;
    const double glyph = typicalGlyphHeight(ink);
    if (dpi < kLowDpi && glyph > 0 && glyph < kMinTextPx) {
        scale = std::min(kTargetTextPx / glyph, kMaxUpscale);
        const double area = double(ink.cols) * ink.rows;
        scale = std::min(scale, std::sqrt(kMaxOcrPixels / area));
    }
    if (scale > 1.05) {
        cv::resize(ink, ink, cv::Size(), scale, scale, cv::INTER_LINEAR);
        cv::threshold(ink, ink, 100, 255, cv::THRESH_BINARY);
    } else {
        scale = 1.0;
    }
    thickenHairlines(ink);
    cv::Mat page;
    cv::bitwise_not(ink, page); // Tesseract wants dark text on white

    tesseract::TessBaseAPI *api = threadEngine();
    if (!api) return words;
    api->SetPageSegMode(layout == OcrLayout::Block ? tesseract::PSM_SINGLE_BLOCK
                                                   : tesseract::PSM_SPARSE_TEXT);
    api->SetImage(page.data, page.cols, page.rows, 1, int(page.step));
    api->SetSourceResolution(std::max(70, int(std::lround(dpi * scale))));
    if (api->Recognize(nullptr) != 0) {
        api->Clear();
        return words;
    }

    const double pxToPt = kPointsPerInch / (dpi * scale);
    std::unique_ptr<tesseract::ResultIterator> it(api->GetIterator());
    if (it) {
        do {
            const std::unique_ptr<char[]> utf8(it->GetUTF8Text(tesseract::RIL_WORD));
            if (!utf8) continue;
            const QString text = QString::fromUtf8(utf8.get()).trimmed();
            const double confidence = it->Confidence(tesseract::RIL_WORD);
            if (text.isEmpty() || confidence < minConfidence || isJunk(text)) continue;
            int left = 0, top = 0, right = 0, bottom = 0;
            if (!it->BoundingBox(tesseract::RIL_WORD, &left, &top, &right, &bottom)) continue;
            const QRectF box(originPt.x() + left * pxToPt, originPt.y() + top * pxToPt,
                             (right - left) * pxToPt, (bottom - top) * pxToPt);
            words.append(Word{text, box, confidence});
        } while (it->Next(tesseract::RIL_WORD));
    }
    api->Clear(); // drop the image and results; the loaded model stays
    return words;
}

} // namespace bt
