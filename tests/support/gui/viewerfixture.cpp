#include "viewerfixture.h"

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

} // namespace bt::test
