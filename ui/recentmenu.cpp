#include "recentmenu.h"

#include "recentfiles.h"

#include <QDir>
#include <QFileInfo>

namespace bt::ui {

RecentMenu::RecentMenu(RecentFiles *recent, const QString &title, QWidget *parent)
    : QMenu(title, parent)
    , m_recent(recent) {
    setToolTipsVisible(true);
    connect(m_recent, &RecentFiles::changed, this, &RecentMenu::rebuild);
    rebuild();
}

void RecentMenu::rebuild() {
    clear();
    int n = 0;
    for (const QString &pair : m_recent->pairs()) {
        const QStringList paths = pair.split(QLatin1Char('\n'));
        if (paths.size() != 2) continue;
        ++n;
        QAction *a = addAction(
            tr("&%1  %2 ↔ %3").arg(n).arg(QFileInfo(paths[0]).fileName(), QFileInfo(paths[1]).fileName()));
        a->setToolTip(tr("Old: %1\nNew: %2")
                          .arg(QDir::toNativeSeparators(paths[0]), QDir::toNativeSeparators(paths[1])));
        connect(a, &QAction::triggered, this, [this, paths] { emit pairChosen(paths[0], paths[1]); });
    }
    if (n == 0) addAction(tr("No recent comparisons"))->setEnabled(false);
    addSeparator();
    addAction(tr("&Clear List"), m_recent, &RecentFiles::clear)->setEnabled(n > 0);
}

} // namespace bt::ui
