#pragma once

#include <QString>

class QWidget;

namespace bt::ui {

// Help → Keyboard Shortcuts: every action of the window that has a shortcut (menus, the viewer's
// toolbar, hidden ones), as a table generated from the actions themselves, so it never goes stale.
void showKeyboardShortcuts(QWidget *window);

// Help → User Guide: the README's user guide with its pictures, bundled in the program (offline).
void showUserGuide(QWidget *window);

// Help → About BuildTrace.
void showAbout(QWidget *window);

// The user guide's Markdown: the README's section "## User guide" up to the next "## ".
QString userGuideMarkdown();

} // namespace bt::ui
