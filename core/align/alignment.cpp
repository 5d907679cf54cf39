#include "alignment.h"

#include "i18n/enginetext.h"

#include <QPolygonF>
#include <QStringList>
#include <cmath>
#include <opencv2/calib3d.hpp>
#include <opencv2/features2d.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/video/tracking.hpp>

namespace bt {

namespace {

// Alignment::warning: English, translated when shown (alignmentWarningText).
const char *const kEmptyImage = QT_TRANSLATE_NOOP("bt::Alignment", "empty page image");
const char *const kUnreliable = QT_TRANSLATE_NOOP(
    "bt::Alignment", "unreliable alignment (overlap %1): the sheets may be different drawings");

// A level of the working pyramid: both pages scaled so one working pixel is the same paper
// distance on both (NEW additionally scaled by the page-size ratio guess).
struct Level {
    cv::Mat oldInk; // CV_32F, ink bright, blurred
    cv::Mat newInk;
    double oldScale = 1; // working px per full-res OLD px
    double newScale = 1; // working px per full-res NEW px
};

// A page shrunk once by a whole factor k (block means), from which every working level is made:
// INTER_AREA by a fractional factor takes OpenCV's generic path (~0.25 s on a 42 MP page), by a
// whole factor its fast block-mean path (~0.05 s), and the levels then come from an image k^2
// times smaller. Paper-white padding to a multiple of k keeps the pixel grid (x / k).
struct Shrunk {
    cv::Mat blocks;
    int k = 1;
};

Shrunk shrink(const cv::Mat &grey, double finestScale) {
    Shrunk s;
    s.k = std::max(1, int(std::floor(1.0 / finestScale)));
    if (s.k < 2) {
        s.blocks = grey;
        s.k = 1;
        return s;
    }
    cv::Mat padded = grey;
    const int padRight = (s.k - grey.cols % s.k) % s.k, padBottom = (s.k - grey.rows % s.k) % s.k;
    if (padRight || padBottom)
        cv::copyMakeBorder(grey, padded, 0, padBottom, 0, padRight, cv::BORDER_CONSTANT, cv::Scalar(255));
    cv::resize(padded, s.blocks, cv::Size(padded.cols / s.k, padded.rows / s.k), 0, 0, cv::INTER_AREA);
    return s;
}

// The page at `scale` (working px per full-resolution px).
cv::Mat areaDownscale(const Shrunk &shrunk, double scale) {
    const double rest = scale * shrunk.k;
    if (std::abs(rest - 1.0) < 1e-9) return shrunk.blocks;
    cv::Mat out;
    cv::resize(shrunk.blocks, out, cv::Size(), rest, rest, cv::INTER_AREA);
    return out;
}

cv::Mat inkImage(const Shrunk &page, double scale, double blurSigma) {
    cv::Mat small = areaDownscale(page, scale);
    cv::Mat ink;
    cv::subtract(cv::Scalar(255), small, ink);
    ink.convertTo(ink, CV_32F, 1.0 / 255.0);
    if (blurSigma > 0) cv::GaussianBlur(ink, ink, cv::Size(), blurSigma);
    return ink;
}

Level makeLevel(const Shrunk &oldPage, const Shrunk &newPage, cv::Size oldSize, int longSide,
                double sizeRatio, double blur) {
    Level l;
    l.oldScale = double(longSide) / std::max(oldSize.width, oldSize.height);
    l.newScale = l.oldScale * sizeRatio;
    l.oldInk = inkImage(oldPage, l.oldScale, blur);
    l.newInk = inkImage(newPage, l.newScale, blur);
    return l;
}

// Working-space warp (NEW working px -> OLD working px) to full resolution.
cv::Matx23d toFull(const cv::Matx23f &w, const Level &l) {
    cv::Matx23d a;
    for (int r = 0; r < 2; ++r) {
        a(r, 0) = w(r, 0) * l.newScale / l.oldScale;
        a(r, 1) = w(r, 1) * l.newScale / l.oldScale;
        a(r, 2) = w(r, 2) / l.oldScale;
    }
    return a;
}

cv::Matx23f toWorking(const cv::Matx23d &a, const Level &l) {
    cv::Matx23f w;
    for (int r = 0; r < 2; ++r) {
        w(r, 0) = float(a(r, 0) * l.oldScale / l.newScale);
        w(r, 1) = float(a(r, 1) * l.oldScale / l.newScale);
        w(r, 2) = float(a(r, 2) * l.oldScale);
    }
    return w;
}

// Share of ink that lands on ink of the other page (within `radius` working px), averaged
// over both directions. 1 for a perfect registration of identical drawings.
double overlapScore(const Level &l, const cv::Matx23d &full, int radius = 2) {
    cv::Mat warped;
    cv::warpAffine(l.oldInk, warped, toWorking(full, l), l.newInk.size(),
                   cv::INTER_LINEAR | cv::WARP_INVERSE_MAP, cv::BORDER_CONSTANT, 0);
    cv::Mat a = warped > 0.25f, b = l.newInk > 0.25f;
    const cv::Mat kernel =
        cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(2 * radius + 1, 2 * radius + 1));
    cv::Mat da, db;
    cv::dilate(a, da, kernel);
    cv::dilate(b, db, kernel);
    const double na = cv::countNonZero(a), nb = cv::countNonZero(b);
    if (na < 50 || nb < 50) return na == nb ? 1.0 : 0.0;
    const double hitA = cv::countNonZero(a & db) / na;
    const double hitB = cv::countNonZero(b & da) / nb;
    return 0.5 * (hitA + hitB);
}

// Translation of NEW relative to OLD by phase correlation on a common canvas.
// OpenCV 4.6's phaseCorrelate pads to getOptimalDFTSize() and, for an odd size, reads the peak
// half a pixel off (its quadrant swap assumes even sizes): an A1/ARCH D page at 1000 px long side
// is 667 px tall, padded to 675, and two identical pages came out 0.5 px apart. So the canvas is
// made an even DFT size.
int evenDftSize(int n) {
    n = cv::getOptimalDFTSize(n);
    while (n % 2)
        n = cv::getOptimalDFTSize(n + 1);
    return n;
}

cv::Point2d phaseShift(const Level &l, double *response) {
    const cv::Size canvas(evenDftSize(std::max(l.oldInk.cols, l.newInk.cols)),
                          evenDftSize(std::max(l.oldInk.rows, l.newInk.rows)));
    cv::Mat a = cv::Mat::zeros(canvas, CV_32F), b = cv::Mat::zeros(canvas, CV_32F);
    l.oldInk.copyTo(a(cv::Rect(0, 0, l.oldInk.cols, l.oldInk.rows)));
    l.newInk.copyTo(b(cv::Rect(0, 0, l.newInk.cols, l.newInk.rows)));
    cv::Mat window;
    cv::createHanningWindow(window, canvas, CV_32F);
    return cv::phaseCorrelate(a, b, window, response);
}

// How well OLD, moved by a whole-pixel `shift` (NEW pixel p faces OLD pixel p + shift), matches
// NEW at full resolution, over every `rowStep`-th pair of rows.
struct PixelAgreement {
    double edgeShare = -1; // share of edge pixels whose neighbourhood agrees; -1: too few edges
    double inkScore = 0;   // share of ink on ink at the same pixel, mean of both directions
};

// Edge pixels are where either page steps by more than a faint grey to the right or lower
// neighbour; one agrees when it and those two neighbours are equal on both pages within a few
// grey levels. Two plots of the same sheet at the same place agree on every unchanged line; a
// misregistration of a tenth of a pixel changes the anti-aliased rims of nearly every edge, a
// whole-pixel one puts edge pixels next to paper. So a high share proves the registration
// exactly, which the downscaled pyramid cannot, at a fraction of its cost.
uchar absDiff(uchar a, uchar b) {
    return a > b ? uchar(a - b) : uchar(b - a);
}

PixelAgreement pixelAgreement(const cv::Mat &oldGrey, const cv::Mat &newGrey, cv::Point shift, int rowStep) {
    constexpr uchar kEdgeStep = 40, kSameTolerance = 12, kInk = 128;
    constexpr int64_t kMinEdges = 2000;
    // Last NEW column / row whose right / lower neighbour exists on both pages.
    const int x0 = std::max(0, -shift.x), x1 = std::min(newGrey.cols, oldGrey.cols - shift.x) - 1;
    const int y0 = std::max(0, -shift.y), y1 = std::min(newGrey.rows, oldGrey.rows - shift.y) - 1;
    PixelAgreement result;
    if (x1 - x0 < 2 || y1 - y0 < 2) return result;
    int64_t edges = 0, agreeing = 0, newInk = 0, oldInk = 0, bothInk = 0;
    for (int y = y0; y < y1; y += rowStep) {
        const uchar *n0 = newGrey.ptr<uchar>(y), *n1 = newGrey.ptr<uchar>(y + 1);
        const uchar *o0 = oldGrey.ptr<uchar>(y + shift.y) + shift.x;
        const uchar *o1 = oldGrey.ptr<uchar>(y + 1 + shift.y) + shift.x;
        // Byte-wide flags and no branches: the compiler vectorises this loop (~10x faster).
        unsigned rowEdges = 0, rowAgreeing = 0, rowNewInk = 0, rowOldInk = 0, rowBothInk = 0;
        for (int x = x0; x < x1; ++x) {
            const uchar n = n0[x], nRight = n0[x + 1], nDown = n1[x];
            const uchar o = o0[x], oRight = o0[x + 1], oDown = o1[x];
            const uchar edge = (absDiff(n, nRight) > kEdgeStep) | (absDiff(n, nDown) > kEdgeStep) |
                               (absDiff(o, oRight) > kEdgeStep) | (absDiff(o, oDown) > kEdgeStep);
            const uchar same = (absDiff(n, o) <= kSameTolerance) &
                               (absDiff(nRight, oRight) <= kSameTolerance) &
                               (absDiff(nDown, oDown) <= kSameTolerance);
            const uchar isNewInk = n < kInk, isOldInk = o < kInk;
            rowEdges += edge;
            rowAgreeing += edge & same;
            rowNewInk += isNewInk;
            rowOldInk += isOldInk;
            rowBothInk += isNewInk & isOldInk;
        }
        edges += rowEdges;
        agreeing += rowAgreeing;
        newInk += rowNewInk;
        oldInk += rowOldInk;
        bothInk += rowBothInk;
    }
    if (edges < kMinEdges) return result;
    result.edgeShare = double(agreeing) / double(edges);
    result.inkScore =
        newInk && oldInk ? 0.5 * (double(bothInk) / double(newInk) + double(bothInk) / double(oldInk)) : 0.0;
    return result;
}

// Share of edges that must agree to accept a whole-pixel registration without refining it:
// unchanged content agrees completely, so this leaves room for revisions that change a tenth
// of the drawing; heavier ones take the full path (same result, more time).
constexpr double kExactEdgeShare = 0.9;

// The whole-pixel shift (NEW px -> OLD px) near `estimate` at which the pages agree exactly, if
// there is one: the nearest whole pixels are tried on a sparse sample of rows first, the best
// is confirmed on a denser one.
bool findWholePixelShift(const cv::Mat &oldGrey, const cv::Mat &newGrey, cv::Point2d estimate,
                         cv::Point *shift, double *score) {
    const cv::Point centre(cvRound(estimate.x), cvRound(estimate.y));
    cv::Point best = centre;
    double bestShare = -1;
    for (int radius = 0; radius <= 2 && bestShare < kExactEdgeShare; ++radius) {
        for (int dy = -radius; dy <= radius; ++dy)
            for (int dx = -radius; dx <= radius; ++dx) {
                if (std::max(std::abs(dx), std::abs(dy)) != radius) continue; // the ring only
                const cv::Point p = centre + cv::Point(dx, dy);
                const double share = pixelAgreement(oldGrey, newGrey, p, 32).edgeShare;
                if (share > bestShare) {
                    bestShare = share;
                    best = p;
                }
            }
    }
    if (bestShare < kExactEdgeShare) return false;
    const PixelAgreement confirmed = pixelAgreement(oldGrey, newGrey, best, 8);
    if (confirmed.edgeShare < kExactEdgeShare) return false;
    *shift = best;
    *score = confirmed.inkScore;
    return true;
}

bool plausible(const cv::Matx23d &a, double sizeRatio) {
    const double sx = std::hypot(a(0, 0), a(1, 0)), sy = std::hypot(a(0, 1), a(1, 1));
    const double rot = std::atan2(a(1, 0), a(0, 0)) * 180.0 / CV_PI;
    const double expected = 1.0 / sizeRatio;
    return std::isfinite(sx) && std::isfinite(sy) && sx > 0.2 * expected && sx < 5 * expected &&
           std::abs(sx / sy - 1.0) < 0.05 && std::abs(rot) < 10.0;
}

bool refineEcc(const Level &l, cv::Matx23d &full, int iterations) {
    cv::Mat warp(toWorking(full, l));
    try {
        // template = NEW, input = OLD: the warp maps NEW working coords onto OLD's.
        cv::findTransformECC(
            l.newInk, l.oldInk, warp, cv::MOTION_AFFINE,
            cv::TermCriteria(cv::TermCriteria::COUNT | cv::TermCriteria::EPS, iterations, 1e-5),
            cv::noArray(), 1);
    } catch (const cv::Exception &) {
        return false;
    }
    full = toFull(cv::Matx23f(warp), l);
    return true;
}

// Feature-based registration (ORB + RANSAC similarity) for large offsets and unexpected scales.
bool featureAlign(const cv::Mat &oldGrey, const cv::Mat &newGrey, double longSide, cv::Matx23d &full) {
    const double so = longSide / std::max(oldGrey.cols, oldGrey.rows);
    const double sn = longSide / std::max(newGrey.cols, newGrey.rows);
    const cv::Mat o = areaDownscale(shrink(oldGrey, so), so), n = areaDownscale(shrink(newGrey, sn), sn);
    auto orb = cv::ORB::create(5000);
    std::vector<cv::KeyPoint> ko, kn;
    cv::Mat dO, dN;
    orb->detectAndCompute(o, cv::noArray(), ko, dO);
    orb->detectAndCompute(n, cv::noArray(), kn, dN);
    if (ko.size() < 10 || kn.size() < 10) return false;
    cv::BFMatcher matcher(cv::NORM_HAMMING);
    std::vector<std::vector<cv::DMatch>> knn;
    matcher.knnMatch(dN, dO, knn, 2);
    std::vector<cv::Point2f> pn, po;
    for (const auto &m : knn) {
        if (m.size() == 2 && m[0].distance < 0.8f * m[1].distance) {
            pn.push_back(kn[m[0].queryIdx].pt);
            po.push_back(ko[m[0].trainIdx].pt);
        }
    }
    if (pn.size() < 10) return false;
    std::vector<uchar> inliers;
    const cv::Mat m = cv::estimateAffinePartial2D(pn, po, inliers, cv::RANSAC, 3.0, 5000, 0.995);
    if (m.empty() || cv::countNonZero(inliers) < 10) return false;
    for (int r = 0; r < 2; ++r) {
        full(r, 0) = m.at<double>(r, 0) * sn / so;
        full(r, 1) = m.at<double>(r, 1) * sn / so;
        full(r, 2) = m.at<double>(r, 2) / so;
    }
    return true;
}

// OLD pixels per NEW pixel, from the two renders' sizes.
double sizeRatioOf(const cv::Mat &oldGrey, const cv::Mat &newGrey) {
    return 0.5 * (double(oldGrey.cols) / newGrey.cols + double(oldGrey.rows) / newGrey.rows);
}

// Blur of the coarse level on which alignPages judges a transform.
constexpr double kCoarseBlur = 1.5;

} // namespace

double Alignment::rotationDeg() const {
    return std::atan2(newToOld(1, 0), newToOld(0, 0)) * 180.0 / CV_PI;
}

double Alignment::scale() const {
    return 0.5 * (std::hypot(newToOld(0, 0), newToOld(1, 0)) + std::hypot(newToOld(0, 1), newToOld(1, 1)));
}

bool Alignment::isIdentity(double tolerancePx) const {
    // Displacement of a point 10000 px away from the origin stays below the tolerance.
    const double lin = std::abs(newToOld(0, 0) - 1) + std::abs(newToOld(0, 1)) + std::abs(newToOld(1, 0)) +
                       std::abs(newToOld(1, 1) - 1);
    return lin * 10000 < tolerancePx && std::abs(newToOld(0, 2)) < tolerancePx &&
           std::abs(newToOld(1, 2)) < tolerancePx;
}

double alignmentScore(const cv::Mat &oldGrey, const cv::Mat &newGrey, const cv::Matx23d &newToOld,
                      const AlignOptions &options) {
    if (oldGrey.empty() || newGrey.empty()) return 0;
    const double sizeRatio = sizeRatioOf(oldGrey, newGrey);
    const double scale = double(options.coarseLongSide) / std::max(oldGrey.cols, oldGrey.rows);
    const Level coarse = makeLevel(shrink(oldGrey, scale), shrink(newGrey, scale * sizeRatio), oldGrey.size(),
                                   options.coarseLongSide, sizeRatio, kCoarseBlur);
    return overlapScore(coarse, newToOld);
}

Alignment alignPages(const cv::Mat &oldGrey, const cv::Mat &newGrey, const AlignOptions &options) {
    Alignment result;
    if (oldGrey.empty() || newGrey.empty()) {
        result.warning = EngineText::english(kEmptyImage);
        return result;
    }
    // 1. Same size and already registered (the common case for re-plotted vector sets): proved
    // at full resolution on a sample of rows, without the pyramid.
    const bool sameSize = oldGrey.size() == newGrey.size();
    if (sameSize) {
        const PixelAgreement exact = pixelAgreement(oldGrey, newGrey, cv::Point(0, 0), 8);
        if (exact.edgeShare >= kExactEdgeShare) {
            result.method = QStringLiteral("identity");
            result.score = exact.inkScore;
            return result;
        }
    }
    // Size ratio guess: a half-size print of the same sheet renders at half the pixels.
    const double sizeRatio = sizeRatioOf(oldGrey, newGrey);
    // Pixel centres: NEW pixel i covers OLD pixels around sizeRatio * (i + 0.5) - 0.5.
    const double centre = 0.5 * (sizeRatio - 1.0);
    const cv::Matx23d sizeGuess(sizeRatio, 0, centre, 0, sizeRatio, centre);

    // Every level is made from one whole-factor shrink per page, fine enough for the finest level.
    const int fineLongSide = 2 * options.coarseLongSide;
    const double oldFinest = double(fineLongSide) / std::max(oldGrey.cols, oldGrey.rows);
    const Shrunk oldShrunk = shrink(oldGrey, oldFinest), newShrunk = shrink(newGrey, oldFinest * sizeRatio);
    auto level = [&](int longSide, double ratio, double blur) {
        return makeLevel(oldShrunk, newShrunk, oldGrey.size(), longSide, ratio, blur);
    };
    const Level coarse = level(options.coarseLongSide, sizeRatio, kCoarseBlur);

    // 2. Same size, or the plain size ratio, without refinement.
    struct Candidate {
        cv::Matx23d t;
        QString method;
        double score;
    };
    std::vector<Candidate> candidates;
    candidates.push_back({sizeGuess, sizeRatio == 1.0 ? QStringLiteral("identity") : QStringLiteral("size"),
                          overlapScore(coarse, sizeGuess)});

    // 3. Coarse translation by phase correlation, then ECC (affine) from there.
    double response = 0;
    const cv::Point2d shift = phaseShift(coarse, &response);
    // phaseCorrelate(old, new) gives the shift of NEW relative to OLD: x_new = x_old + shift.
    cv::Matx23d t = sizeGuess;
    t(0, 2) -= shift.x / coarse.oldScale;
    t(1, 2) -= shift.y / coarse.oldScale;
    // A sheet moved by whole pixels on the same paper (a plot offset): the coarse estimate is
    // within a pixel or two, and one whole-pixel shift near it makes the pages agree exactly.
    if (sameSize) {
        cv::Point shiftPx;
        if (findWholePixelShift(oldGrey, newGrey, cv::Point2d(t(0, 2), t(1, 2)), &shiftPx, &result.score)) {
            result.newToOld = cv::Matx23d(1, 0, shiftPx.x, 0, 1, shiftPx.y);
            result.method = QStringLiteral("phase");
            return result;
        }
    }
    // Already registered: same size, no measurable shift at the coarse level nor at twice its
    // resolution. Skips ECC for the common case of two plots of the same sheet.
    if (sizeRatio == 1.0 && oldGrey.size() == newGrey.size() && candidates.front().score >= 0.95 &&
        std::hypot(shift.x, shift.y) < 0.25) {
        const Level fine = level(fineLongSide, 1.0, 1.0);
        double fineResponse = 0;
        const cv::Point2d fineShift = phaseShift(fine, &fineResponse);
        // 0.08 fine px is a quarter of a full-resolution pixel at the usual 4x reduction.
        if (std::hypot(fineShift.x, fineShift.y) < 0.08) {
            result.method = QStringLiteral("identity");
            result.score = candidates.front().score;
            return result;
        }
    }
    const double shiftScore = overlapScore(coarse, t);
    candidates.push_back({t, QStringLiteral("phase"), shiftScore});

    cv::Matx23d ecc = shiftScore >= candidates.front().score ? t : sizeGuess;
    bool eccOk = refineEcc(coarse, ecc, 100) && plausible(ecc, sizeRatio);
    if (!eccOk || overlapScore(coarse, ecc) < options.minReliableScore) {
        cv::Matx23d feat;
        if (featureAlign(oldGrey, newGrey, 2.0 * options.coarseLongSide, feat) &&
            plausible(feat, sizeRatio)) {
            ecc = feat;
            candidates.push_back({feat, QStringLiteral("features"), overlapScore(coarse, feat)});
            eccOk = refineEcc(coarse, ecc, 100) && plausible(ecc, sizeRatio);
        }
    }
    if (eccOk) {
        // Sub-pixel refinement on a finer level (twice the coarse resolution).
        if (options.subPixel) {
            const Level fine = level(fineLongSide, sizeRatio, 1.0);
            cv::Matx23d refined = ecc;
            if (refineEcc(fine, refined, 30) && plausible(refined, sizeRatio)) ecc = refined;
        }
        candidates.push_back({ecc, QStringLiteral("ecc"), overlapScore(coarse, ecc)});
    }

    // Best by remaining mismatch. The coarse score cannot see sub-pixel or small-angle errors
    // (it allows two working pixels), so a converged ECC, the most refined estimate, wins
    // unless another candidate is clearly better; among the rest, ties keep the simpler one.
    const Candidate *best = &candidates.front();
    for (const Candidate &c : candidates)
        if (c.score > best->score + 0.005) best = &c;
    if (eccOk && candidates.back().method == QLatin1String("ecc") &&
        candidates.back().score >= best->score - 0.01)
        best = &candidates.back();
    // A refined transform indistinguishable from the plain size guess (under a tenth of a pixel
    // anywhere on the page) is reported as that guess: identical plots stay "identity".
    const cv::Size corners(newGrey.cols, newGrey.rows);
    double maxDeviation = 0;
    for (const cv::Point2d p : {cv::Point2d(0, 0), cv::Point2d(corners.width, 0),
                                cv::Point2d(0, corners.height), cv::Point2d(corners.width, corners.height)}) {
        const cv::Vec3d h(p.x, p.y, 1.0);
        maxDeviation = std::max(maxDeviation, cv::norm(best->t * h - sizeGuess * h));
    }
    if (maxDeviation < 0.1) best = &candidates.front();
    result.newToOld = best->t;
    result.method = best->method;
    result.score = best->score;
    if (result.score < options.minReliableScore)
        result.warning = EngineText::english(kUnreliable).arg(result.score, 0, 'f', 2);
    return result;
}

QString alignmentWarningText(const Alignment &alignment) {
    const QString &w = alignment.warning;
    if (w == EngineText::english(kEmptyImage)) return EngineText::translate("bt::Alignment", kEmptyImage);
    if (w == EngineText::english(kUnreliable).arg(alignment.score, 0, 'f', 2))
        return EngineText::translate("bt::Alignment", kUnreliable).arg(alignment.score, 0, 'f', 2);
    return w;
}

Words mapWordsOntoNew(const Words &oldWords, const Alignment &alignment, double oldDpi, double newDpi) {
    cv::Matx23d m;
    cv::invertAffineTransform(alignment.newToOld, m);
    const double toOldPx = pixelsPerPoint(oldDpi), toNewPt = 1.0 / pixelsPerPoint(newDpi);
    auto map = [&](QPointF p) {
        p *= toOldPx;
        return QPointF(m(0, 0) * p.x() + m(0, 1) * p.y() + m(0, 2),
                       m(1, 0) * p.x() + m(1, 1) * p.y() + m(1, 2)) *
               toNewPt;
    };
    Words out;
    out.reserve(oldWords.size());
    for (Word w : oldWords) {
        const QPolygonF corners{map(w.box.topLeft()), map(w.box.topRight()), map(w.box.bottomLeft()),
                                map(w.box.bottomRight())};
        w.box = corners.boundingRect();
        out.append(w);
    }
    return out;
}

cv::Mat warpOldOntoNew(const cv::Mat &oldGrey, const Alignment &alignment, cv::Size newSize) {
    if (oldGrey.size() == newSize && alignment.isIdentity()) return oldGrey;
    // A whole-pixel shift is a copy (bilinear sampling at whole pixels returns them unchanged, and
    // OpenCV's 1/32-pixel weights round an offset this small away), 5-10x cheaper than warping.
    const cv::Matx23d &a = alignment.newToOld;
    const double linear =
        std::abs(a(0, 0) - 1) + std::abs(a(0, 1)) + std::abs(a(1, 0)) + std::abs(a(1, 1) - 1);
    const cv::Point shift(cvRound(a(0, 2)), cvRound(a(1, 2)));
    if (linear * std::max(newSize.width, newSize.height) < 1e-3 && std::abs(a(0, 2) - shift.x) < 1e-3 &&
        std::abs(a(1, 2) - shift.y) < 1e-3) {
        cv::Mat out(newSize, CV_8UC1, cv::Scalar(255));
        // NEW pixel p shows OLD pixel p + shift.
        const cv::Rect inNew = cv::Rect(cv::Point(0, 0), newSize) & cv::Rect(-shift, oldGrey.size());
        if (!inNew.empty()) oldGrey(inNew + shift).copyTo(out(inNew));
        return out;
    }
    cv::Mat out;
    cv::warpAffine(oldGrey, out, cv::Mat(alignment.newToOld), newSize,
                   cv::INTER_LINEAR | cv::WARP_INVERSE_MAP, cv::BORDER_CONSTANT, cv::Scalar(255));
    return out;
}

} // namespace bt
