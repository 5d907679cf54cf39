#pragma once

#include "pipeline/jobprogress.h"

#include <QObject>
#include <QString>

namespace bt::ui {

class MainWindow;

// Pictures of the window for the docs and for a look without a screen. $BT_SCREENSHOT: one
// picture once the job has finished and its thumbnails are loaded, then quits.
// $BT_SCREENSHOT_DIR: a series into that folder (01-empty.png before the job, 02-midway.png,
// 03-done.png, 04..06 the first changed sheet in the viewer's modes), then quits.
class ScreenshotDriver : public QObject {
    Q_OBJECT
public:
    explicit ScreenshotDriver(MainWindow *window); // follows the window's controller

    void setPath(const QString &path) { m_path = path; }
    void setDir(const QString &dir) { m_dir = dir; }
    QString dir() const { return m_dir; }
    bool isActive() const { return !m_path.isEmpty() || !m_dir.isEmpty(); }
    bool save(const QString &fileName); // grab() of the window into the folder

    void onStageChanged(const StageEvent &event, const JobProgress &progress);
    void onJobFinished(); // waits for the thumbnails, then takes the picture(s)

private:
    void takeViewerScreenshots();

    MainWindow *m_window;
    QString m_path;
    QString m_dir;
    bool m_midwayTaken = false;
};

} // namespace bt::ui
