#include "viewerfixture.h"

#include "compare/comparison.h"
#include "document/document.h"
#include "drawinggenerator.h"
#include "testutil.h"

#include <QDir>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QtTest>

namespace bt::test {

std::unique_ptr<ui::OverlayViewer> openViewerWindow() {
    auto viewer = std::make_unique<ui::OverlayViewer>();
    viewer->resize(1200, 800);
    viewer->show();
    viewer->activateWindow();
    if (!QTest::qWaitForWindowActive(viewer.get())) return nullptr;
    return viewer;
}

bool showPageAndWait(ui::OverlayViewer &viewer, const PageResult &page, const QString &oldPath,
                     const QString &newPath, qint64 *ms) {
    QSignalSpy finished(&viewer, &ui::OverlayViewer::loadingFinished);
    QElapsedTimer timer;
    timer.start();
    viewer.showPage(page, oldPath, newPath);
    const bool ok = finished.wait(kLoadTimeoutMs);
    if (ms) *ms = timer.elapsed();
    QTest::qWait(20); // the paint that follows
    return ok;
}

QString writeEditedPair(const QString &dir, double dpi, QString *oldPath, QString *newPath,
                        PageResult *page) {
    const SheetSpec base =
        makeSheet(QStringLiteral("A-101"), QStringLiteral("FIRST FLOOR PLAN"), 3, QSizeF(17, 11));
    SheetSpec edited = base;
    edited.revision = QStringLiteral("REV 2");
    edited.extraNotes << QStringLiteral("VERIFY LOCATION OF ALL FLOOR DRAINS BEFORE POURING THE SLAB.");
    const QStringList rooms = roomNames(base);
    if (rooms.size() <= 2) return QStringLiteral("the generated sheet has %1 rooms").arg(rooms.size());
    edited.roomRenames.insert(rooms.value(2), QStringLiteral("RECORDING STUDIO"));
    const QRectF room = roomRects(base).value(QStringLiteral("room:") + rooms.value(1));
    edited.extraWallsIn << QRectF(room.left() / 72, (room.top() + 10) / 72, room.width() / 2 / 72, 4.5 / 72);
    *oldPath = QDir(dir).filePath(QStringLiteral("old.pdf"));
    *newPath = QDir(dir).filePath(QStringLiteral("new.pdf"));
    if (writeVectorSet(*oldPath, {base}).size() != 1 || writeVectorSet(*newPath, {edited}).size() != 1)
        return QStringLiteral("cannot write the pair");
    DocumentError error;
    const auto oldDoc = Document::open(*oldPath, QString(), &error);
    if (!oldDoc) return error.message;
    const auto newDoc = Document::open(*newPath, QString(), &error);
    if (!newDoc) return error.message;
    CompareSettings settings;
    settings.dpi = dpi;
    settings.outputDir = dir;
    page->pageNumber = 1;
    page->oldPage = page->newPage = 0;
    diffPage(*oldDoc, *newDoc, settings, *page);
    return page->error;
}

} // namespace bt::test
