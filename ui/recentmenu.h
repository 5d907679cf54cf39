#pragma once

#include <QMenu>

namespace bt::ui {

class RecentFiles;

// File → Recent Comparisons: one item per recent pair ("&1  old.pdf ↔ new.pdf", the full paths in
// its tip) and Clear List; rebuilt whenever the list changes.
class RecentMenu : public QMenu {
    Q_OBJECT
public:
    RecentMenu(RecentFiles *recent, const QString &title, QWidget *parent = nullptr);

signals:
    void pairChosen(const QString &oldPath, const QString &newPath);

private:
    void rebuild();

    RecentFiles *m_recent;
};

} // namespace bt::ui
