#pragma once

class QThreadPool;

namespace bt::ui {

// Process-wide set-up of the GUI, once, on the GUI thread, after the QApplication exists and
// before any window: the application and the widget tests share it.
void setUpGuiApplication();

// The pool for the window's background work (opening sets, loading sheets): not the global pool,
// which Qt's raster engine splits large fills over; a paint event would wait behind a long task
// queued there. Created on first use from the GUI thread.
QThreadPool *backgroundPool();

} // namespace bt::ui
