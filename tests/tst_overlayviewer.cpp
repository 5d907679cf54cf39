// The overlay viewer (ui/viewer) on a real comparison: a generated 17 x 11 in pair with a revision,
// a note, a room rename and a wall, diffed by the engine at 100 DPI. Loading off the GUI thread,
// what each mode shows, layer toggles, locked side-by-side views, zooming onto a change, N/P, the
// alignment warning, a missing overlay and an unreadable set, review keys and ignore areas.
// The image pyramid, the tile cache and paint times on a 42 MP sheet are tst_viewertiles.
//
// BT_VIEWER_SCREENSHOTS=DIR saves viewer-overlay.png and viewer-side.png there.

#include "compare/comparison.h"
#include "document/document.h"
#include "drawinggenerator.h"
#include "guiapplication.h"
#include "heartbeat.h"
#include "store/jobstore.h"
#include "testutil.h"
#include "viewer/overlayviewer.h"
#include "viewer/sheetloader.h"
#include "viewer/sheetview.h"
#include "viewerfixture.h"

#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>
#include <QTreeView>
#include <QWheelEvent>
#include <QtTest>

#include <algorithm>
#include <memory>

using namespace bt;
using namespace bt::test;
using bt::ui::OverlayViewer;
using bt::ui::SheetView;

namespace {

constexpr double kDpi = 100;

bool isAdded(QRgb c) {
    return qGreen(c) > qRed(c) + 60 && qGreen(c) > qBlue(c) + 60;
}

bool isRemoved(QRgb c) {
    return qRed(c) > qGreen(c) + 80 && qRed(c) > qBlue(c) + 80;
}

template <typename Test> int countPixels(const QImage &image, Test test) {
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    int n = 0;
    for (int y = 0; y < rgb.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width(); ++x)
            n += test(line[x]) ? 1 : 0;
    }
    return n;
}

// Pixels whose colour differs clearly (any channel by more than 60).
int differingPixels(const QImage &a, const QImage &b) {
    const QImage x = a.convertToFormat(QImage::Format_RGB32), y = b.convertToFormat(QImage::Format_RGB32);
    if (x.size() != y.size()) return -1;
    int n = 0;
    for (int r = 0; r < x.height(); ++r) {
        const auto *p = reinterpret_cast<const QRgb *>(x.constScanLine(r));
        const auto *q = reinterpret_cast<const QRgb *>(y.constScanLine(r));
        for (int c = 0; c < x.width(); ++c)
            n += std::max({std::abs(qRed(p[c]) - qRed(q[c])), std::abs(qGreen(p[c]) - qGreen(q[c])),
                           std::abs(qBlue(p[c]) - qBlue(q[c]))}) > 60
                     ? 1
                     : 0;
    }
    return n;
}

QString rectString(const QRectF &r) {
    return rectText(r);
}

// r contains inner, up to a pixel of rounding.
bool containsApprox(const QRectF &r, const QRectF &inner) {
    return r.adjusted(-1, -1, 1, 1).contains(inner);
}

} // namespace

class TestOverlayViewer : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_oldPath;
    QString m_newPath;
    PageResult m_page;
    std::unique_ptr<OverlayViewer> m_viewer;

    SheetView *view(const char *name = "sheetView") const { return m_viewer->findChild<SheetView *>(name); }

    bool show(const PageResult &page, const QString &oldPath, const QString &newPath, qint64 *ms = nullptr) {
        return showPageAndWait(*m_viewer, page, oldPath, newPath, ms);
    }

    // A region whose text changed (both sides have words): the room rename.
    const ChangeRegion &textChange() const {
        for (const ChangeRegion &r : m_page.regions)
            if (!r.oldText.isEmpty() && !r.newText.isEmpty()) return r;
        return m_page.regions.first();
    }

    const ChangeRegion &regionOfKind(ChangeKind kind) const {
        for (const ChangeRegion &r : m_page.regions)
            if (r.kind == kind) return r;
        return m_page.regions.first();
    }

    // The view's pixels around a region (its cloud and a margin), after zooming onto it.
    QImage regionGrab(const ChangeRegion &region) {
        SheetView *v = view();
        const QRectF box(v->mapFromImage(region.boxPx.topLeft()),
                         v->mapFromImage(QPointF(region.boxPx.right() + 1, region.boxPx.bottom() + 1)));
        return v->grab(box.toAlignedRect().intersected(v->rect()).adjusted(-4, -4, 4, 4)).toImage();
    }

private slots:
    void initTestCase() {
        ui::setUpGuiApplication(); // as the application does at start-up
        QVERIFY(m_dir.isValid());
        QElapsedTimer timer;
        timer.start();
        const QString error = writeEditedPair(m_dir.path(), kDpi, &m_oldPath, &m_newPath, &m_page);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(QFileInfo::exists(m_page.overlayPath));
        QVERIFY2(m_page.regions.size() >= 3, qPrintable(QString::number(m_page.regions.size())));
        QVERIFY(m_page.alignment.reliable());
        qInfo("engine: %lld ms, %d regions, frame %.0f x %.0f pt at %.0f dpi", timer.elapsed(),
              int(m_page.regions.size()), m_page.pageSizePt.width(), m_page.pageSizePt.height(), m_page.dpi);

        m_viewer = openViewerWindow();
        QVERIFY(m_viewer);
    }

    void cleanupTestCase() { m_viewer.reset(); }

    void init() {
        m_viewer->setMode(OverlayViewer::Mode::Overlay);
        m_viewer->setRemovedVisible(true);
        m_viewer->setAddedVisible(true);
        m_viewer->setOverlayOpacity(1.0);
    }

    void loadsOffTheGuiThread() {
        Heartbeat heartbeat;
        qint64 ms = 0;
        QVERIFY(show(m_page, m_oldPath, m_newPath, &ms));
        QVERIFY(!m_viewer->isLoading());
        qInfo("loaded in %lld ms; GUI thread blocked at most %lld ms", ms, heartbeat.maxGapMs());
        QVERIFY2(heartbeat.maxGapMs() < 200, qPrintable(QString::number(heartbeat.maxGapMs())));
        const auto *list = m_viewer->findChild<QTreeView *>(QStringLiteral("changeList"));
        const QAbstractItemModel *changes = list->model();
        QCOMPARE(changes->rowCount(), int(m_page.regions.size()));
        // "3  modified  “REV 1” → “REV 2”": a text change is quoted old -> new.
        const ChangeRegion &text = textChange();
        QVERIFY2(!text.oldText.isEmpty(), "the engine found no text change");
        const int row = int(&text - m_page.regions.data());
        const auto cell = [&](int column) { return changes->index(row, column).data().toString(); };
        QCOMPARE(cell(0), QString::number(text.id));
        QCOMPARE(cell(1), changeKindName(text.kind));
        QCOMPARE(cell(2), QStringLiteral("\u201c%1\u201d \u2192 \u201c%2\u201d")
                              .arg(text.oldText.join(QLatin1Char(' ')), text.newText.join(QLatin1Char(' '))));
        // The whole sheet is in view after loading.
        const QRectF frame(QPointF(0, 0), QSizeF(view()->frameSize()));
        QVERIFY2(containsApprox(m_viewer->visibleImageRect(), frame),
                 qPrintable(rectString(m_viewer->visibleImageRect())));
        QVERIFY(view()->message().isEmpty());
    }

    void modesShowDifferentImages() {
        const ChangeRegion &region = regionOfKind(ChangeKind::Added);
        m_viewer->selectRegion(region.id);
        QSignalSpy modes(m_viewer.get(), &OverlayViewer::modeChanged);
        QMap<int, QImage> grabs;
        for (OverlayViewer::Mode mode : {OverlayViewer::Mode::Overlay, OverlayViewer::Mode::Old,
                                         OverlayViewer::Mode::New, OverlayViewer::Mode::Swipe}) {
            m_viewer->setMode(mode);
            QCOMPARE(m_viewer->mode(), mode);
            grabs.insert(int(mode), regionGrab(region));
        }
        QCOMPARE(modes.size(), 3); // Overlay was already set
        const QImage overlay = grabs[int(OverlayViewer::Mode::Overlay)],
                     old = grabs[int(OverlayViewer::Mode::Old)], now = grabs[int(OverlayViewer::Mode::New)];
        const int oldVsNew = differingPixels(old, now);
        qInfo("region %d (%s): %d pixels differ between Old and New, overlay has %d added pixels", region.id,
              qPrintable(changeKindName(region.kind)), oldVsNew, countPixels(overlay, isAdded));
        QVERIFY2(oldVsNew > 30, qPrintable(QString::number(oldVsNew)));
        QVERIFY(countPixels(overlay, isAdded) > 30);
        QCOMPARE(countPixels(old, isAdded), 0); // renders are grey
        QCOMPARE(countPixels(now, isAdded), 0);
        QVERIFY(differingPixels(overlay, now) > 30);
        // Swipe: old left of the line, new right of it.
        m_viewer->setMode(OverlayViewer::Mode::Swipe);
        SheetView *v = view();
        v->setSwipePosition(1.0);
        QVERIFY(differingPixels(regionGrab(region), old) < 5);
        v->setSwipePosition(0.0);
        QVERIFY(differingPixels(regionGrab(region), now) < 5);
        v->setSwipePosition(0.5);
        // Tint: both sheets whole, the new one's ink in the added colour, the old one's in the
        // removed colour; what both have is dark. An added change shows in the added colour.
        m_viewer->setMode(OverlayViewer::Mode::Tint);
        const QImage tint = regionGrab(region);
        // Renders zoomed out are area averages: anti-aliased ink is a light tint of its colour.
        auto greenish = [](QRgb c) { return qGreen(c) > qRed(c) + 25 && qGreen(c) > qBlue(c) + 25; };
        auto reddish = [](QRgb c) { return qRed(c) > qGreen(c) + 25 && qRed(c) > qBlue(c) + 25; };
        const int tintAdded = countPixels(tint, greenish), tintRemoved = countPixels(tint, reddish);
        qInfo("tint: %d added-coloured, %d removed-coloured pixels", tintAdded, tintRemoved);
        QVERIFY(tintAdded > 30);
        QVERIFY(tintRemoved < tintAdded / 5);
        QVERIFY(differingPixels(tint, overlay) > 30);
        // Keyboard and mouse reach the modes: 1-6.
        v->setFocus();
        QTest::keyClick(v, Qt::Key_6);
        QCOMPARE(m_viewer->mode(), OverlayViewer::Mode::Tint);
        QTest::keyClick(v, Qt::Key_3);
        QCOMPARE(m_viewer->mode(), OverlayViewer::Mode::New);
        QTest::keyClick(v, Qt::Key_1);
        QCOMPARE(m_viewer->mode(), OverlayViewer::Mode::Overlay);
    }

    void layerTogglesAndOpacity() {
        const ChangeRegion &added = regionOfKind(ChangeKind::Added);
        m_viewer->selectRegion(added.id);
        QVERIFY(countPixels(regionGrab(added), isAdded) > 30);
        m_viewer->setAddedVisible(false);
        QCOMPARE(countPixels(regionGrab(added), isAdded), 0);
        m_viewer->setAddedVisible(true);
        // Opacity 0: the new sheet alone, no change colours.
        m_viewer->setOverlayOpacity(0.0);
        QCOMPARE(countPixels(regionGrab(added), isAdded), 0);
        m_viewer->setOverlayOpacity(0.7);
        QVERIFY(countPixels(regionGrab(added), isAdded) > 0);
        m_viewer->setOverlayOpacity(1.0);

        // Removed ink: the renamed room's old name.
        const ChangeRegion &rename = textChange();
        m_viewer->selectRegion(rename.id);
        QVERIFY(countPixels(regionGrab(rename), isRemoved) > 10);
        // The shortcut (Shift: R alone rejects the selected change).
        QTest::keyClick(view(), Qt::Key_R, Qt::ShiftModifier);
        QCOMPARE(countPixels(regionGrab(rename), isRemoved), 0);
        QVERIFY(countPixels(regionGrab(rename), isAdded) > 10);
        QTest::keyClick(view(), Qt::Key_R, Qt::ShiftModifier);
        QVERIFY(countPixels(regionGrab(rename), isRemoved) > 10);
    }

    void sideBySideLocked() {
        // From a fitted full-width view: both half-width panes show the whole sheet.
        view()->fitPage();
        m_viewer->setMode(OverlayViewer::Mode::SideBySide);
        QTest::qWait(20);
        SheetView *left = view(), *right = view("sideView");
        QVERIFY(right->isVisible());
        QVERIFY(std::abs(left->width() - right->width()) <= 1);
        const QRectF frame(QPointF(0, 0), QSizeF(left->frameSize()));
        QVERIFY2(containsApprox(left->visibleImageRect(), frame),
                 qPrintable(rectString(left->visibleImageRect())));
        QVERIFY2(containsApprox(right->visibleImageRect(), frame),
                 qPrintable(rectString(right->visibleImageRect())));
        auto same = [&] {
            const QRectF a = left->visibleImageRect(), b = right->visibleImageRect();
            const double tolerance = 1.5 / left->zoom();
            return std::abs(a.center().x() - b.center().x()) < tolerance &&
                   std::abs(a.center().y() - b.center().y()) < tolerance &&
                   std::abs(a.width() - b.width()) < tolerance &&
                   std::abs(a.height() - b.height()) < tolerance;
        };
        QVERIFY(same());
        // Wheel over the left pane zooms both at the cursor.
        const QRectF before = left->visibleImageRect();
        const QPointF at(left->width() * 0.3, left->height() * 0.5);
        const QPointF sheetPoint = left->mapToImage(at);
        QWheelEvent wheel(at, left->mapToGlobal(at), QPoint(), QPoint(0, 6 * 120), Qt::NoButton,
                          Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(left, &wheel);
        QVERIFY(left->visibleImageRect().width() < 0.4 * before.width());
        QVERIFY((left->mapToImage(at) - sheetPoint).manhattanLength() < 0.5); // zoomed at the cursor
        QVERIFY2(same(), qPrintable(rectString(left->visibleImageRect()) + QStringLiteral(" vs ") +
                                    rectString(right->visibleImageRect())));
        // Dragging the right pane pans both.
        const QRectF zoomed = right->visibleImageRect();
        const QPoint from(right->width() / 2, right->height() / 2), to = from + QPoint(-120, 80);
        QTest::mousePress(right, Qt::LeftButton, {}, from);
        QTest::mouseMove(right, from + QPoint(-60, 40));
        QTest::mouseMove(right, to);
        QTest::mouseRelease(right, Qt::LeftButton, {}, to);
        const QPointF moved = right->visibleImageRect().center() - zoomed.center();
        QVERIFY2(std::abs(moved.x() - 120 / right->zoom()) < 1 &&
                     std::abs(moved.y() + 80 / right->zoom()) < 1,
                 qPrintable(QStringLiteral("%1, %2").arg(moved.x()).arg(moved.y())));
        QVERIFY(same());
        // Arrow keys pan both.
        right->setFocus();
        const QRectF beforeKey = left->visibleImageRect();
        QTest::keyClick(right, Qt::Key_Right);
        QVERIFY(left->visibleImageRect().center().x() > beforeKey.center().x() + 1);
        QVERIFY(same());
        // The two panes show the two sheets.
        const ChangeRegion &region = regionOfKind(ChangeKind::Added);
        m_viewer->selectRegion(region.id);
        QTest::qWait(10);
        QVERIFY(same());
        const QImage leftPixels = left->grab().toImage(), rightPixels = right->grab().toImage();
        QVERIFY(differingPixels(
                    leftPixels.copy(QRect(QPoint(0, 0), rightPixels.size()).intersected(leftPixels.rect())),
                    rightPixels.copy(
                        QRect(QPoint(0, 0), leftPixels.size()).intersected(rightPixels.rect()))) > 30);
        m_viewer->setMode(OverlayViewer::Mode::Overlay);
        QVERIFY(!right->isVisible());
    }

    void selectRegionZooms() {
        SheetView *v = view();
        const double pageArea = double(v->frameSize().width()) * v->frameSize().height();
        m_viewer->selectRegion(0);
        QSignalSpy selected(m_viewer.get(), &OverlayViewer::regionSelected);
        for (const ChangeRegion &r : m_page.regions) {
            m_viewer->selectRegion(r.id);
            QCOMPARE(m_viewer->selectedRegion(), r.id);
            const QRectF visible = m_viewer->visibleImageRect();
            QVERIFY2(containsApprox(visible, QRectF(r.boxPx)),
                     qPrintable(QStringLiteral("region %1 %2 not in %3")
                                    .arg(r.id)
                                    .arg(rectText(r.boxPx), rectText(visible))));
            const double share = visible.width() * visible.height() / pageArea;
            QVERIFY2(share < 0.25 || r.boxPx.width() * r.boxPx.height() > 0.05 * pageArea,
                     qPrintable(QStringLiteral("region %1: %2 of the page in view").arg(r.id).arg(share)));
        }
        QCOMPARE(selected.size(), int(m_page.regions.size()));
        QCOMPARE(selected.last().at(0).toInt(), m_page.regions.last().id);
        // The list follows, and a click in the list selects.
        auto *list = m_viewer->findChild<QTreeView *>(QStringLiteral("changeList"));
        QCOMPARE(list->currentIndex().data(Qt::UserRole).toInt(), m_page.regions.last().id);
        list->setCurrentIndex(list->model()->index(0, 0));
        QCOMPARE(m_viewer->selectedRegion(), m_page.regions.first().id);
        QVERIFY(containsApprox(m_viewer->visibleImageRect(), QRectF(m_page.regions.first().boxPx)));
        // A click on a cloud selects its region, without moving the view.
        const ChangeRegion &last = m_page.regions.last();
        m_viewer->selectRegion(last.id);
        m_viewer->selectRegion(m_page.regions.first().id);
        v->zoomToRect(QRectF(last.boxPx).adjusted(-200, -200, 200, 200));
        const QRectF still = v->visibleImageRect();
        const QPoint inside = v->mapFromImage(QRectF(last.boxPx).center()).toPoint();
        QTest::mouseClick(v, Qt::LeftButton, {}, inside);
        QCOMPARE(m_viewer->selectedRegion(), last.id);
        QCOMPARE(v->visibleImageRect(), still);
        // Unknown ids select nothing.
        m_viewer->selectRegion(9999);
        QCOMPARE(m_viewer->selectedRegion(), 0);
    }

    void nextPreviousKeys() {
        m_viewer->selectRegion(0);
        SheetView *v = view();
        v->setFocus();
        QVector<int> ids;
        for (const ChangeRegion &r : m_page.regions)
            ids << r.id;
        for (int i = 0; i < ids.size(); ++i) {
            QTest::keyClick(v, Qt::Key_N);
            QCOMPARE(m_viewer->selectedRegion(), ids[i]);
            QVERIFY(containsApprox(m_viewer->visibleImageRect(), QRectF(m_page.regions[i].boxPx)));
        }
        QTest::keyClick(v, Qt::Key_N); // wraps round
        QCOMPARE(m_viewer->selectedRegion(), ids.first());
        QTest::keyClick(v, Qt::Key_P);
        QCOMPARE(m_viewer->selectedRegion(), ids.last());
        for (int i = ids.size() - 2; i >= 0; --i) {
            QTest::keyClick(v, Qt::Key_P);
            QCOMPARE(m_viewer->selectedRegion(), ids[i]);
        }
        // From the change list too (focus there).
        auto *list = m_viewer->findChild<QTreeView *>(QStringLiteral("changeList"));
        list->setFocus();
        QTest::keyClick(list, Qt::Key_N);
        QCOMPARE(m_viewer->selectedRegion(), ids.value(1));
    }

    void zoomControls() {
        SheetView *v = view();
        v->setFocus();
        QTest::keyClick(v, Qt::Key_F);
        const QRectF fit = v->visibleImageRect();
        const QRectF frame(QPointF(0, 0), QSizeF(v->frameSize()));
        QVERIFY(containsApprox(fit, frame));
        QTest::keyClick(v, Qt::Key_Plus);
        QVERIFY(v->visibleImageRect().width() < 0.7 * fit.width());
        QTest::keyClick(v, Qt::Key_Minus);
        QVERIFY(std::abs(v->visibleImageRect().width() - fit.width()) < 1);
        QTest::keyClick(v, Qt::Key_W);
        QVERIFY(std::abs(v->visibleImageRect().width() - frame.width() - 16 / v->zoom()) < 1);
        QTest::keyClick(v, Qt::Key_1, Qt::ControlModifier);
        QCOMPARE(v->zoom(), 1.0 / v->devicePixelRatioF());
        // Resizing keeps a fitted page fitted.
        QTest::keyClick(v, Qt::Key_F);
        m_viewer->resize(1000, 700);
        QTest::qWait(20);
        QVERIFY(containsApprox(v->visibleImageRect(), frame));
        m_viewer->resize(1200, 800);
        QTest::qWait(20);
    }

    void alignmentWarningBanner() {
        auto *banner = m_viewer->findChild<QLabel *>(QStringLiteral("alignmentWarning"));
        QVERIFY(banner);
        QVERIFY(!banner->isVisible());
        PageResult warned = m_page;
        warned.alignment.warning = QStringLiteral("low alignment score 0.41");
        QVERIFY(show(warned, m_oldPath, m_newPath));
        QVERIFY(banner->isVisible());
        QVERIFY(banner->text().contains(warned.alignment.warning));
        QVERIFY(!banner->accessibleName().isEmpty());
        QVERIFY(show(m_page, m_oldPath, m_newPath));
        QVERIFY(!banner->isVisible());
    }

    void missingOverlayIsComposed() {
        PageResult page = m_page;
        page.overlayPath = m_dir.filePath(QStringLiteral("gone_overlay.png"));
        QVERIFY(show(page, m_oldPath, m_newPath));
        const ChangeRegion &added = regionOfKind(ChangeKind::Added);
        m_viewer->selectRegion(added.id);
        QVERIFY(countPixels(regionGrab(added), isAdded) > 30);
        QVERIFY2(view()->message().contains(QStringLiteral("gone_overlay.png")),
                 qPrintable(view()->message()));
        QVERIFY(show(m_page, m_oldPath, m_newPath));
        QVERIFY(view()->message().isEmpty());
    }

    // The main window shows a sheet before its diff is done: both renders at the fallback DPI,
    // colours composed from them.
    void sheetNotDiffedYet() {
        PageResult pending;
        pending.pageNumber = 1;
        pending.oldPage = pending.newPage = 0;
        pending.pageSizePt = m_page.pageSizePt;
        QVERIFY(show(pending, m_oldPath, m_newPath));
        const double pxPerPt = ui::SheetLoader::kFallbackDpi / 72;
        QCOMPARE(view()->frameSize(), QSize(int(pending.pageSizePt.width() * pxPerPt),
                                            int(pending.pageSizePt.height() * pxPerPt)));
        QVERIFY2(view()->message().contains(QStringLiteral("still being compared")),
                 qPrintable(view()->message()));
        QVERIFY(countPixels(view()->grab().toImage(), isAdded) > 10);
        m_viewer->setMode(OverlayViewer::Mode::New);
        QVERIFY(view()->message().isEmpty());
        m_viewer->setMode(OverlayViewer::Mode::Overlay);
    }

    void unreadableSetShowsMessage() {
        const QString missing = m_dir.filePath(QStringLiteral("no-such-old.pdf"));
        QVERIFY(show(m_page, missing, m_newPath));
        m_viewer->setMode(OverlayViewer::Mode::Old);
        QVERIFY2(view()->message().contains(QStringLiteral("no-such-old.pdf")),
                 qPrintable(view()->message()));
        m_viewer->setMode(OverlayViewer::Mode::New);
        QVERIFY(view()->message().isEmpty());
        m_viewer->setMode(OverlayViewer::Mode::Overlay); // the overlay PNG needs no render
        QVERIFY(view()->message().isEmpty());
    }

    void newSheetReplacesAPendingOne() {
        PageResult other = m_page;
        other.regions.clear();
        other.alignment.warning = QStringLiteral("stale");
        QSignalSpy finished(m_viewer.get(), &OverlayViewer::loadingFinished);
        m_viewer->showPage(other, m_oldPath, m_newPath);
        m_viewer->showPage(m_page, m_oldPath, m_newPath);
        QVERIFY(finished.wait(kLoadTimeoutMs));
        QTest::qWait(300);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(m_viewer->findChild<QTreeView *>(QStringLiteral("changeList"))->model()->rowCount(),
                 int(m_page.regions.size()));
        QVERIFY(!m_viewer->findChild<QLabel *>(QStringLiteral("alignmentWarning"))->isVisible());
        m_viewer->clear();
        QCOMPARE(m_viewer->findChild<QTreeView *>(QStringLiteral("changeList"))->model()->rowCount(), 0);
        QVERIFY(!view()->message().isEmpty());
    }

    // Review keys on the selected change (A accepted, R rejected, C needs clarification, O open
    // again), the comment field, each written to the history at once; Shift+drag draws an ignore
    // area of the drawing number.
    void reviewKeysAndIgnoreArea() {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("history.sqlite"));
        JobStore store(db);
        QVERIFY(store.open());
        const QString job = QStringLiteral("viewer-job");
        m_viewer->setJob(&store, job);
        PageResult page = m_page; // as the pipeline gives it: with the sheet's number
        page.newIdentity.number = QStringLiteral("A-101");
        QVERIFY(show(page, m_oldPath, m_newPath));
        QSignalSpy changed(m_viewer.get(), &OverlayViewer::reviewChanged);
        const QAbstractItemModel *list =
            m_viewer->findChild<QTreeView *>(QStringLiteral("changeList"))->model();
        const QVector<int> ids = {m_page.regions[0].id, m_page.regions[1].id, m_page.regions[2].id};
        const std::pair<Qt::Key, ReviewStatus> keys[] = {{Qt::Key_A, ReviewStatus::Accepted},
                                                         {Qt::Key_R, ReviewStatus::Rejected},
                                                         {Qt::Key_C, ReviewStatus::NeedsClarification}};
        for (int i = 0; i < 3; ++i) {
            m_viewer->selectRegion(ids[i]);
            QTest::keyClick(view(), keys[i].first);
            QCOMPARE(regionReview(store, job, 1, ids[i]).status, keys[i].second);
            QCOMPARE(list->index(i, 3).data().toString(), i == 0   ? QStringLiteral("Accepted")
                                                          : i == 1 ? QStringLiteral("Rejected")
                                                                   : QStringLiteral("Clarify"));
        }
        QCOMPARE(changed.size(), 3);
        QCOMPARE(changed.last().at(1).toInt(), 3);                          // reviewed
        QCOMPARE(changed.last().at(2).toInt(), int(m_page.regions.size())); // of
        QCOMPARE(m_viewer->reviewedCount(), 3);
        // The layer toggles kept their place under Shift: nothing hidden by the review keys.
        m_viewer->selectRegion(ids[1]);
        QCOMPARE(countPixels(regionGrab(m_page.regions[1]), isRemoved) +
                         countPixels(regionGrab(m_page.regions[1]), isAdded) >
                     0,
                 true);

        // A comment, typed in the field under the list, saved when editing finishes.
        auto *comment = m_viewer->findChild<QLineEdit *>(QStringLiteral("reviewComment"));
        QVERIFY(comment && comment->isEnabled());
        comment->setFocus();
        QTest::keyClicks(comment, QStringLiteral("ask the architect about REV"));
        QTest::keyClick(comment, Qt::Key_Return);
        QCOMPARE(regionReview(store, job, 1, ids[1]).comment, QStringLiteral("ask the architect about REV"));
        QCOMPARE(regionReview(store, job, 1, ids[1]).status, ReviewStatus::Rejected); // typing A/R/C is text
        QCOMPARE(list->index(1, 4).data().toString(), QStringLiteral("ask the architect about REV"));
        // O opens the first again.
        m_viewer->selectRegion(ids[0]);
        QTest::keyClick(view(), Qt::Key_O);
        QCOMPARE(regionReview(store, job, 1, ids[0]).status, ReviewStatus::Open);
        QCOMPARE(m_viewer->reviewedCount(), 2);
        QCOMPARE(comment->text(), QString()); // the field follows the selection
        m_viewer->selectRegion(ids[1]);
        QCOMPARE(comment->text(), QStringLiteral("ask the architect about REV"));

        // Shift+drag: an ignore area of A-101, in NEW page points.
        view()->fitPage();
        QTest::qWait(20);
        QSignalSpy ignored(m_viewer.get(), &OverlayViewer::ignoreAreasChanged);
        const QRectF target(m_page.pageSizePt.width() * 0.70, m_page.pageSizePt.height() * 0.10, 100, 60);
        const double s = m_page.dpi / 72.0;
        const QPoint from = view()->mapFromImage(target.topLeft() * s).toPoint();
        const QPoint to = view()->mapFromImage(target.bottomRight() * s).toPoint();
        QTest::mousePress(view(), Qt::LeftButton, Qt::ShiftModifier, from);
        QTest::mouseMove(view(), (from + to) / 2);
        QTest::mouseMove(view(), to);
        QTest::mouseRelease(view(), Qt::LeftButton, Qt::ShiftModifier, to);
        QCOMPARE(ignored.size(), 1);
        QCOMPARE(ignored.first().at(0).toInt(), 1);
        const QVector<IgnoreRegion> areas = store.reviewStore().ignoreRegions(QStringLiteral("A-101"));
        QCOMPARE(areas.size(), 1);
        // Within a screen pixel or two of the drag (the whole sheet is in view).
        const double slack = 3 / (view()->zoom() * s);
        QVERIFY2(std::abs(areas.first().rectPt.left() - target.left()) < slack &&
                     std::abs(areas.first().rectPt.bottom() - target.bottom()) < slack,
                 qPrintable(rectText(areas.first().rectPt) + QStringLiteral(" vs ") + rectText(target)));
        QCOMPARE(view()->ignoredAreas().size(), 1);
        // A plain drag still pans.
        QTest::mousePress(view(), Qt::LeftButton, Qt::NoModifier, from);
        QTest::mouseMove(view(), to);
        QTest::mouseRelease(view(), Qt::LeftButton, Qt::NoModifier, to);
        QCOMPARE(ignored.size(), 1);

        const QString shots = qEnvironmentVariable("BT_VIEWER_SCREENSHOTS");
        if (!shots.isEmpty()) {
            m_viewer->resize(1400, 860);
            view()->fitPage();
            m_viewer->selectRegion(ids[1]);
            view()->fitPage();
            QTest::qWait(50);
            QVERIFY(m_viewer->grab().save(QDir(shots).filePath(QStringLiteral("viewer-review.png"))));
        }
        QVERIFY(m_viewer->removeIgnoreArea(areas.first().id));
        QCOMPARE(view()->ignoredAreas().size(), 0);
        m_viewer->setJob(nullptr, QString());
        QVERIFY(show(m_page, m_oldPath, m_newPath)); // no store: review controls off
        m_viewer->selectRegion(ids[0]);
        QVERIFY(!comment->isEnabled());
    }

    void screenshots() {
        const QString dir = qEnvironmentVariable("BT_VIEWER_SCREENSHOTS");
        if (dir.isEmpty()) QSKIP("BT_VIEWER_SCREENSHOTS not set");
        m_viewer->resize(1400, 860);
        QVERIFY(show(m_page, m_oldPath, m_newPath));
        m_viewer->setMode(OverlayViewer::Mode::Overlay);
        m_viewer->selectRegion(m_page.regions.first().id);
        view()->fitPage();
        QTest::qWait(50);
        QVERIFY(m_viewer->grab().save(QDir(dir).filePath(QStringLiteral("viewer-overlay.png"))));
        // Close up: the drawn clouds over the engine's (hidden) raster ones.
        const ChangeRegion &rename = textChange();
        m_viewer->selectRegion(rename.id);
        m_viewer->selectRegion(0);
        QTest::qWait(50);
        QVERIFY(m_viewer->grab().save(QDir(dir).filePath(QStringLiteral("viewer-overlay-zoom.png"))));
        m_viewer->setMode(OverlayViewer::Mode::SideBySide);
        m_viewer->selectRegion(regionOfKind(ChangeKind::Added).id);
        QTest::qWait(50);
        QVERIFY(m_viewer->grab().save(QDir(dir).filePath(QStringLiteral("viewer-side.png"))));
        m_viewer->setMode(OverlayViewer::Mode::Swipe);
        QTest::qWait(50);
        QVERIFY(m_viewer->grab().save(QDir(dir).filePath(QStringLiteral("viewer-swipe.png"))));
        PageResult warned = m_page;
        warned.alignment.warning =
            QStringLiteral("unreliable alignment (overlap 0.41): the sheets may be different drawings");
        QVERIFY(show(warned, m_dir.filePath(QStringLiteral("moved-old.pdf")), m_newPath));
        m_viewer->setMode(OverlayViewer::Mode::SideBySide);
        QTest::qWait(50);
        QVERIFY(m_viewer->grab().save(QDir(dir).filePath(QStringLiteral("viewer-warning.png"))));
        m_viewer->setMode(OverlayViewer::Mode::Overlay);
    }
};

QTEST_MAIN(TestOverlayViewer)
#include "tst_overlayviewer.moc"
