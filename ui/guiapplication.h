#pragma once

namespace bt::ui {

// Process-wide set-up of the GUI, once, on the GUI thread, after the QApplication exists and
// before any window: the application and the widget tests share it.
void setUpGuiApplication();

} // namespace bt::ui
