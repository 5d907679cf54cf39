#include "overlay.h"

#include <cmath>
#include <opencv2/imgproc.hpp>

namespace bt {

OverlayColours OverlayColours::standard() { return OverlayColours(); }

OverlayColours OverlayColours::colourBlindSafe()
{
    // Okabe-Ito palette: distinguishable with protanopia and deuteranopia.
    OverlayColours c;
    c.unchanged = QColor(170, 170, 170);
    c.removed = QColor(213, 94, 0);
    c.added = QColor(0, 114, 178);
    c.cloud = QColor(204, 121, 167);
    return c;
}

QStringList OverlayColours::presetNames() { return {QStringLiteral("standard"), QStringLiteral("colorblind")}; }

bool OverlayColours::fromPreset(const QString &name, OverlayColours *out)
{
    if (name == QLatin1String("standard"))
        *out = standard();
    else if (name == QLatin1String("colorblind") || name == QLatin1String("colourblind"))
        *out = colourBlindSafe();
    else
        return false;
    return true;
}

namespace {

cv::Scalar bgr(const QColor &c) { return cv::Scalar(c.blue(), c.green(), c.red()); }

// Paints `colour` into `out` where `mask` is set, with the ink's darkness as coverage, so
// anti-aliased edges stay smooth.
void paintInk(cv::Mat &out, const cv::Mat &darkness, const cv::Mat &mask, const QColor &colour)
{
    const cv::Vec3b c(uchar(colour.blue()), uchar(colour.green()), uchar(colour.red()));
    for (int y = 0; y < out.rows; ++y) {
        const uchar *d = darkness.ptr<uchar>(y);
        const uchar *m = mask.ptr<uchar>(y);
        cv::Vec3b *o = out.ptr<cv::Vec3b>(y);
        for (int x = 0; x < out.cols; ++x) {
            if (!m[x])
                continue;
            const int a = d[x];
            for (int k = 0; k < 3; ++k)
                o[x][k] = uchar((o[x][k] * (255 - a) + c[k] * a) / 255);
        }
    }
}

void drawCloud(cv::Mat &img, const cv::Rect &box, const cv::Scalar &colour, int scallop, int thickness)
{
    const int r = std::max(3, scallop);
    auto edge = [&](cv::Point from, cv::Point to, double start, double end) {
        const double len = std::hypot(to.x - from.x, to.y - from.y);
        const int n = std::max(1, int(std::lround(len / (2.0 * r))));
        for (int i = 0; i < n; ++i) {
            const double t = (i + 0.5) / n;
            const cv::Point c(int(from.x + t * (to.x - from.x)), int(from.y + t * (to.y - from.y)));
            const int ar = std::max(2, int(len / n / 2));
            cv::ellipse(img, c, cv::Size(ar, ar), 0, start, end, colour, thickness, cv::LINE_AA);
        }
    };
    const cv::Point tl = box.tl(), br = box.br(), tr(br.x, tl.y), bl(tl.x, br.y);
    edge(tl, tr, 180, 360); // bulges up
    edge(tr, br, -90, 90);  // right
    edge(bl, br, 0, 180);   // down
    edge(tl, bl, 90, 270);  // left
}

} // namespace

cv::Mat renderOverlay(const cv::Mat &alignedOld, const cv::Mat &newGrey, const ChangeDetection &detection,
                      const OverlayColours &colours, double dpi)
{
    cv::Mat out(newGrey.size(), CV_8UC3, cv::Scalar(255, 255, 255));
    cv::Mat darkOld, darkNew;
    cv::subtract(cv::Scalar(255), alignedOld, darkOld);
    cv::subtract(cv::Scalar(255), newGrey, darkNew);

    cv::Mat changed = detection.masks.added | detection.masks.removed;
    cv::Mat darkest = cv::max(darkOld, darkNew);
    // Unchanged ink in the unchanged colour, faded so the change colours stand out.
    cv::Mat faded;
    darkest.convertTo(faded, CV_8U, 0.75);
    paintInk(out, faded, (darkest > 0) & ~changed, colours.unchanged);
    // Changed ink at full strength; the masks hold the ink core, widen by one pixel so the
    // anti-aliased rim is coloured too.
    const cv::Mat rim = cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(3, 3));
    cv::Mat removed, added;
    cv::dilate(detection.masks.removed, removed, rim);
    cv::dilate(detection.masks.added, added, rim);
    cv::Mat fullOld = darkOld.clone(), fullNew = darkNew.clone();
    fullOld.setTo(255, detection.masks.removed);
    fullNew.setTo(255, detection.masks.added);
    paintInk(out, fullOld, removed, colours.removed);
    paintInk(out, fullNew, added, colours.added);

    const double pxPerPt = dpi / 72.0;
    const int margin = int(std::lround(4 * pxPerPt));
    const int thickness = std::max(2, int(std::lround(1.2 * pxPerPt)));
    const cv::Scalar cloud = bgr(colours.cloud);
    for (const ChangeRegion &r : detection.regions) {
        cv::Rect box(r.boxPx.x() - margin, r.boxPx.y() - margin, r.boxPx.width() + 2 * margin,
                     r.boxPx.height() + 2 * margin);
        box &= cv::Rect(0, 0, out.cols, out.rows);
        drawCloud(out, box, cloud, int(std::lround(5 * pxPerPt)), thickness);
        // Number tag at the top-left corner.
        const std::string label = std::to_string(r.id);
        const double fontScale = 0.45 * pxPerPt;
        int baseline = 0;
        const cv::Size ts = cv::getTextSize(label, cv::FONT_HERSHEY_SIMPLEX, fontScale, thickness, &baseline);
        const int rad = std::max(ts.width, ts.height) / 2 + int(3 * pxPerPt);
        const cv::Point c(std::max(rad, box.x - rad / 2), std::max(rad, box.y - rad / 2));
        cv::circle(out, c, rad, cv::Scalar(255, 255, 255), cv::FILLED, cv::LINE_AA);
        cv::circle(out, c, rad, cloud, thickness, cv::LINE_AA);
        cv::putText(out, label, cv::Point(c.x - ts.width / 2, c.y + ts.height / 2), cv::FONT_HERSHEY_SIMPLEX,
                    fontScale, cloud, thickness, cv::LINE_AA);
    }
    return out;
}

} // namespace bt
