#include "screenshotdriver.h"

#include "mainwindow.h"
#include "pagecardlist.h"
#include "viewer/overlayviewer.h"

#include "sync/remotemirror.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QTimer>

#include <memory>

namespace bt::ui {

ScreenshotDriver::ScreenshotDriver(MainWindow *window)
    : QObject(window)
    , m_window(window) {
    const JobController *controller = window->controller();
    connect(controller, &JobController::stageChanged, this, [this, controller](const StageEvent &event) {
        if (!m_dir.isEmpty()) onStageChanged(event, controller->pipeline()->progress());
    });
    connect(controller, &JobController::jobFinished, this, &ScreenshotDriver::onJobFinished);
    connect(controller, &JobController::serverJobUpdated, this, [this](const JobController::StoredJob &job) {
        if (isFinished(job.record.status)) onJobFinished();
    });
}

bool ScreenshotDriver::save(const QString &fileName) {
    // Pending layouts first, so the picture shows what the next paint would.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    const QString path = QDir(m_dir).filePath(fileName);
    const bool saved = QDir().mkpath(m_dir) && m_window->grab().save(path);
    qInfo("screenshot %s: %s", saved ? "saved" : "NOT saved", qPrintable(path));
    return saved;
}

void ScreenshotDriver::onStageChanged(const StageEvent &event, const JobProgress &progress) {
    // The first diff that completes while another sheet is still being worked on.
    if (m_dir.isEmpty() || m_midwayTaken) return;
    if (event.stage != Stage::Diff || event.status != StageStatus::Completed) return;
    bool othersRunning = false;
    for (const PageProgress &page : progress.pages) {
        if (page.pageNumber == event.pageNumber) continue;
        for (const Stage s : kStages)
            othersRunning = othersRunning || page.statusOf(s) == StageStatus::Pending ||
                            page.statusOf(s) == StageStatus::InProgress;
    }
    if (!othersRunning) return;
    m_midwayTaken = true;
    // A moment later: the progress row and the filter counts follow this event.
    QTimer::singleShot(150, this, [this] { save(QStringLiteral("02-midway.png")); });
}

void ScreenshotDriver::onJobFinished() {
    if (!isActive()) return;
    // Waits (up to 20 s) until every overlay thumbnail is shown, so the picture shows them.
    auto *timer = new QTimer(this);
    const QDeadlineTimer deadline(20000);
    connect(timer, &QTimer::timeout, this, [this, timer, deadline] {
        if (!m_window->cardList()->thumbnailsLoaded() && !deadline.hasExpired()) return;
        timer->stop();
        timer->deleteLater();
        if (!m_dir.isEmpty()) {
            save(QStringLiteral("03-done.png"));
            takeViewerScreenshots();
            return;
        }
        const bool saved = m_window->grab().save(m_path);
        qInfo("screenshot %s: %s", saved ? "saved" : "NOT saved", qPrintable(m_path));
        QCoreApplication::quit();
    });
    timer->start(200);
}

void ScreenshotDriver::takeViewerScreenshots() {
    const int pageNumber = m_window->cardList()->firstChangedPage();
    if (pageNumber == 0) {
        qInfo("screenshot: no sheet to show in the viewer");
        QCoreApplication::exit(1);
        return;
    }
    OverlayViewer *viewer = m_window->viewer();
    // One picture per mode, each after a moment for the views to fit and paint.
    const auto shoot = [this, viewer] {
        const std::pair<OverlayViewer::Mode, const char *> shots[] = {
            {OverlayViewer::Mode::Overlay, "04-viewer-overlay.png"},
            {OverlayViewer::Mode::SideBySide, "05-viewer-side-by-side.png"},
            {OverlayViewer::Mode::Swipe, "06-viewer-swipe.png"},
            {OverlayViewer::Mode::Tint, "07-viewer-tint.png"}};
        bool ok = true;
        for (const auto &[mode, name] : shots) {
            viewer->setMode(mode);
            QCoreApplication::processEvents();
            ok = save(QString::fromLatin1(name)) && ok;
        }
        QCoreApplication::exit(ok ? 0 : 1);
    };
    // After loadingFinished (or 30 s without it), once.
    auto started = std::make_shared<bool>(false);
    const auto start = [this, started, shoot] {
        if (*started) return;
        *started = true;
        QTimer::singleShot(300, this, shoot);
    };
    connect(viewer, &OverlayViewer::loadingFinished, this, start, Qt::SingleShotConnection);
    m_window->showSheet(pageNumber);
    if (!viewer->isLoading()) start();
    QTimer::singleShot(30000, this, start);
}

} // namespace bt::ui
