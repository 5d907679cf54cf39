// The viewer's change list and selection (issue 16, item 8): each change's old | new crop beside
// it (made off the GUI thread from the renders, old ink in the removed colour and new in the added
// one), zooming onto a change with the room around it (at least 1.5 x its box and three inches of
// the sheet), the selected cloud's colour apart from the removed, added and cloud colours of
// every palette in normal and colour-deficient vision (CIE Lab ΔE), and an added sheet shown as
// its one side, labelled, with one whole-sheet item in the list.
// On a generated 17 x 11 in pair (a revision, a note, a room rename, a wall) diffed at 100 DPI.
//
// BT_VIEWER_SCREENSHOTS=DIR saves viewer-change-crops.png there.

#include "compare/comparison.h"
#include "compare/sheetstatus.h"
#include "document/document.h"
#include "drawinggenerator.h"
#include "guiapplication.h"
#include "testutil.h"
#include "viewer/changecrops.h"
#include "viewer/changelistmodel.h"
#include "viewer/colourvision.h"
#include "viewer/overlaypalette.h"
#include "viewer/overlayviewer.h"
#include "viewer/sheetloader.h"
#include "viewer/sheetview.h"
#include "viewerfixture.h"

#include <QDir>
#include <QElapsedTimer>
#include <QSplitter>
#include <QTemporaryDir>
#include <QTreeView>
#include <QtTest>

#include <memory>

using namespace bt;
using namespace bt::test;
using bt::ui::ChangeCrops;
using bt::ui::OverlayPalette;
using bt::ui::OverlayViewer;
using bt::ui::SheetView;

namespace {

constexpr double kDpi = 100;

// Pixels tinted towards `colour`: on the line from paper white to it (ink of any coverage,
// anti-aliased and reduced text included), at least a fifth of the way.
int pixelsNear(const QImage &image, const QColor &colour) {
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    const int c[3] = {colour.red(), colour.green(), colour.blue()};
    int n = 0;
    for (int y = 0; y < rgb.height(); ++y)
        for (int x = 0; x < rgb.width(); ++x) {
            const QRgb p = rgb.pixel(x, y);
            const int v[3] = {qRed(p), qGreen(p), qBlue(p)};
            // The coverage t from the channel that moves most, the others checked against it.
            int k = 0;
            for (int i = 1; i < 3; ++i)
                if (255 - c[i] > 255 - c[k]) k = i;
            const double t = double(255 - v[k]) / std::max(1, 255 - c[k]);
            if (t < 0.2) continue;
            bool on = true;
            for (int i = 0; i < 3; ++i)
                on = on && std::abs(255 - (255 - c[i]) * t - v[i]) < 30;
            n += on ? 1 : 0;
        }
    return n;
}

} // namespace

class TestViewerChanges : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_oldPath, m_newPath;
    PageResult m_page;
    std::unique_ptr<OverlayViewer> m_viewer;

    SheetView *view() const { return m_viewer->findChild<SheetView *>(QStringLiteral("sheetView")); }

private slots:
    void initTestCase() {
        ui::setUpGuiApplication();
        QVERIFY(m_dir.isValid());
        const QString error = writeEditedPair(m_dir.path(), kDpi, &m_oldPath, &m_newPath, &m_page);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(m_page.regions.size() >= 3, qPrintable(QString::number(m_page.regions.size())));
        m_viewer = openViewerWindow();
        QVERIFY(m_viewer);
    }

    void cleanupTestCase() { m_viewer.reset(); }

    // Each change's crops arrive after the renders; the old side carries the removed colour where
    // old ink is, the new side the added colour; the room rename's two readings are both there.
    void changeListShowsOldAndNewCrops() {
        QVERIFY(showPageAndWait(*m_viewer, m_page, m_oldPath, m_newPath));
        auto *list = m_viewer->findChild<QTreeView *>(QStringLiteral("changeList"));
        auto *model = qobject_cast<ui::ChangeListModel *>(list->model());
        QVERIFY(model);
        QElapsedTimer cropTimer;
        cropTimer.start();
        QTRY_VERIFY_WITH_TIMEOUT(m_viewer->changeCropsReady(), 30000);
        qInfo("%d crops ready %lld ms after the renders", int(m_page.regions.size()), cropTimer.elapsed());
        const QSize side = model->cropSize();
        QVERIFY(!side.isEmpty());
        const QColor removed = OverlayPalette::removedColour(OverlayPalette::standard());
        const QColor added = OverlayPalette::addedColour(OverlayPalette::standard());
        for (const ChangeRegion &r : m_page.regions) {
            QVERIFY2(model->hasCrop(r.id), qPrintable(QString::number(r.id)));
            const QImage crop = model->crop(r.id);
            if (qEnvironmentVariableIsSet("BT_DUMP_CROPS"))
                crop.save(QStringLiteral("/tmp/crop-%1.png").arg(r.id));
            const int w = crop.width() * int(side.width()) / (2 * side.width() + ChangeCrops::kGap);
            QVERIFY(w > 10);
            const QImage oldSide = crop.copy(0, 0, w, crop.height());
            const QImage newSide = crop.copy(crop.width() - w, 0, w, crop.height());
            // Every crop shows the drawing around the change on both sides (the room, walls).
            QVERIFY2(pixelsNear(oldSide, removed) > 20, qPrintable(QString::number(r.id)));
            QVERIFY2(pixelsNear(newSide, added) > 20, qPrintable(QString::number(r.id)));
            QCOMPARE(pixelsNear(oldSide, added), 0);
            QCOMPARE(pixelsNear(newSide, removed), 0);
            // Shown beside the change's text.
            const QVariant decoration =
                model->index(model->rowOf(r.id), ui::ChangeListModel::ChangeColumn).data(Qt::DecorationRole);
            QVERIFY(decoration.canConvert<QPixmap>());
            QVERIFY(!decoration.value<QPixmap>().isNull());
        }
        // The two sides differ where the change is: an added note's old side has less ink.
        for (const ChangeRegion &r : m_page.regions)
            if (r.kind == ChangeKind::Added && !r.newText.isEmpty()) {
                const QImage crop = model->crop(r.id);
                const int w = crop.width() / 2;
                QVERIFY(pixelsNear(crop.copy(0, 0, w, crop.height()), removed) <
                        pixelsNear(crop.copy(crop.width() - w, 0, w, crop.height()), added));
            }
        // Rows are tall enough for the crops.
        QVERIFY(list->visualRect(model->index(0, ui::ChangeListModel::ChangeColumn)).height() >=
                side.height());
        const QString shots = qEnvironmentVariable("BT_VIEWER_SCREENSHOTS");
        if (!shots.isEmpty()) {
            m_viewer->resize(1400, 860);
            if (auto *splitter = m_viewer->findChild<QSplitter *>()) splitter->setSizes({860, 540});
            m_viewer->selectRegion(m_page.regions.value(2).id);
            QTest::qWait(100);
            QVERIFY(m_viewer->grab().save(QDir(shots).filePath(QStringLiteral("viewer-change-crops.png"))));
            m_viewer->resize(1200, 800);
        }
    }

    // The crop's rectangle: the box in the middle, the room around it, the crop's aspect, on the frame.
    void cropRectKeepsContext() {
        const QSize frame(1700, 1100);
        const QSize crop(144, 96);
        const double pxPerPt = kDpi / 72;
        const QRect small(800, 500, 10, 6);
        const QRect r = ChangeCrops::cropRect(small, frame, crop, pxPerPt);
        QVERIFY(r.contains(small));
        QVERIFY(r.width() >= ChangeCrops::kMinContextPt * pxPerPt - 1);
        QVERIFY(std::abs(double(r.width()) / r.height() - 1.5) < 0.05);
        QVERIFY(std::abs(QRectF(r).center().x() - QRectF(small).center().x()) < 1.5);
        const QRect big(100, 100, 600, 200);
        const QRect rb = ChangeCrops::cropRect(big, frame, crop, pxPerPt);
        QVERIFY(rb.contains(big));
        QVERIFY(rb.width() >= ChangeCrops::kMargin * big.width() - 1);
        const QRect corner(0, 0, 20, 20);
        const QRect rc = ChangeCrops::cropRect(corner, frame, crop, pxPerPt);
        QVERIFY(QRect(QPoint(0, 0), frame).contains(rc));
        QVERIFY(rc.contains(corner));
    }

    // Zooming onto a change shows it with the room around it: at least 1.5 x the box around its
    // centre and at least three inches of the sheet across, and not the whole sheet.
    void zoomToChangeKeepsContext() {
        QVERIFY(showPageAndWait(*m_viewer, m_page, m_oldPath, m_newPath));
        SheetView *v = view();
        const QRectF frame(QPointF(0, 0), QSizeF(v->frameSize()));
        const double inch = m_page.dpi;
        for (const ChangeRegion &r : m_page.regions) {
            m_viewer->selectRegion(r.id);
            const QRectF visible = v->visibleImageRect();
            const QRectF box(r.boxPx);
            const QRectF context =
                QRectF(box.center().x() - 0.75 * box.width(), box.center().y() - 0.75 * box.height(),
                       1.5 * box.width(), 1.5 * box.height())
                    .intersected(frame);
            QVERIFY2(visible.adjusted(-1, -1, 1, 1).contains(context),
                     qPrintable(QStringLiteral("change %1: %2 does not hold %3")
                                    .arg(r.id)
                                    .arg(rectText(visible), rectText(context))));
            QVERIFY2(std::min(visible.width(), visible.height()) >= std::min(3 * inch, frame.height()) - 1,
                     qPrintable(QStringLiteral("change %1: %2 smaller than three inches")
                                    .arg(r.id)
                                    .arg(rectText(visible))));
            // A small change is not shown with the whole sheet.
            if (box.width() < 0.1 * frame.width() && box.height() < 0.1 * frame.height())
                QVERIFY2(visible.width() * visible.height() < 0.5 * frame.width() * frame.height(),
                         qPrintable(QStringLiteral("change %1: %2").arg(r.id).arg(rectText(visible))));
        }
    }

    // The selected cloud's colour never reads as a change colour: for every palette, in normal
    // vision and as protanopes, deuteranopes and tritanopes see it.
    void selectionColourApartFromChangeColours() {
        // The measure itself: identical colours 0, black and white 100.
        QCOMPARE(ui::deltaE(QColor(10, 20, 30), QColor(10, 20, 30)), 0.0);
        QVERIFY(std::abs(ui::deltaE(Qt::black, Qt::white) - 100) < 0.5);
        // Red and green are told apart in normal vision, hardly by a deuteranope.
        const QColor red(220, 30, 30), green(20, 160, 40);
        QVERIFY(ui::deltaE(red, green) > 80);
        QVERIFY(ui::minDeltaE(red, green) < 30);
        // The old orange highlight against the colour-blind palette's vermillion: the defect.
        const QColor vermillion = OverlayColours::colourBlindSafe().removed;
        QVERIFY2(ui::minDeltaE(QColor(255, 140, 0), vermillion) < 25,
                 qPrintable(QString::number(ui::minDeltaE(QColor(255, 140, 0), vermillion))));

        for (const QString &preset : OverlayColours::presetNames()) {
            OverlayColours colours;
            QVERIFY(OverlayColours::fromPreset(preset, &colours));
            const QVector<QRgb> palette = overlayPalette(colours);
            const QColor selection = OverlayPalette::selectionColour(palette);
            QVERIFY(OverlayPalette::selectionCandidates().contains(selection));
            const double toRemoved = ui::minDeltaE(selection, colours.removed);
            const double toAdded = ui::minDeltaE(selection, colours.added);
            const double toCloud = ui::minDeltaE(selection, colours.cloud);
            qInfo("%s: selection %s, least ΔE to removed %.1f, added %.1f, cloud %.1f", qPrintable(preset),
                  qPrintable(selection.name()), toRemoved, toAdded, toCloud);
            QVERIFY2(toRemoved >= 30, qPrintable(preset));
            QVERIFY2(toAdded >= 30, qPrintable(preset));
            QVERIFY2(toCloud >= 20, qPrintable(preset));
            // The viewer draws its selected cloud in it.
            m_viewer->setColours(colours);
            QCOMPARE(view()->selectionColour(), selection);
        }
        m_viewer->setColours(OverlayColours());
    }

    // An added sheet: its new side, "Added in NEW", one item for the whole sheet, no cloud.
    void addedSheetShowsItsOneSide() {
        PageResult added;
        added.pageNumber = 2;
        added.match = MatchKind::Added;
        added.newPage = 0;
        added.pageSizePt = m_page.pageSizePt;
        QVERIFY(showPageAndWait(*m_viewer, added, m_oldPath, m_newPath));
        QVERIFY2(view()->leftCaption().startsWith(QStringLiteral("Added in NEW")),
                 qPrintable(view()->leftCaption()));
        QVERIFY(view()->message().isEmpty());
        auto *list = m_viewer->findChild<QTreeView *>(QStringLiteral("changeList"));
        QCOMPARE(list->model()->rowCount(), 1);
        QCOMPARE(list->model()->index(0, ui::ChangeListModel::KindColumn).data().toString(),
                 QStringLiteral("added"));
        QVERIFY(view()->regions().isEmpty()); // no cloud round the whole sheet
        m_viewer->selectRegion(kWholeSheetRegionId);
        QCOMPARE(m_viewer->selectedRegion(), kWholeSheetRegionId);
        // Its crop is the sheet's new side only.
        QTRY_VERIFY_WITH_TIMEOUT(m_viewer->changeCropsReady(), 30000);
        m_viewer->setMode(OverlayViewer::Mode::Old);
        QVERIFY(view()->message().contains(QStringLiteral("not in the old set")));
        m_viewer->setMode(OverlayViewer::Mode::Overlay);
    }
};

QTEST_MAIN(TestViewerChanges)
#include "tst_viewerchanges.moc"
