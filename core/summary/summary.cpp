#include "summary.h"

#include <QCoreApplication>
#include <QStringList>

namespace bt {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1) {
    return QCoreApplication::translate("bt::Summary", text, disambiguation, n);
}

QString quoted(const QStringList &words) {
    return QStringLiteral("\u201c%1\u201d").arg(words.join(QLatin1Char(' ')));
}

} // namespace

QString summarisePage(const PageResult &page) {
    const QString name = page.drawingName().isEmpty() ? tr("Sheet") : page.drawingName();
    if (page.match == MatchKind::Added) return tr("%1: sheet added in the new set.").arg(name);
    if (page.match == MatchKind::Removed) return tr("%1: sheet removed from the new set.").arg(name);
    if (!page.error.isEmpty()) return tr("%1: comparison failed: %2").arg(name, page.error);
    if (page.regions.isEmpty()) return tr("%1: no changes.").arg(name);

    QStringList texts;
    int geometryAdded = 0, geometryRemoved = 0, geometryModified = 0;
    for (const ChangeRegion &r : page.regions) {
        const bool hasOld = !r.oldText.isEmpty(), hasNew = !r.newText.isEmpty();
        if (hasOld && hasNew && r.oldText != r.newText)
            texts << tr("%1 changed to %2").arg(quoted(r.oldText), quoted(r.newText));
        else if (hasNew && r.kind == ChangeKind::Added)
            texts << tr("added %1").arg(quoted(r.newText));
        else if (hasOld && r.kind == ChangeKind::Removed)
            texts << tr("removed %1").arg(quoted(r.oldText));
        else if (r.kind == ChangeKind::Added)
            ++geometryAdded;
        else if (r.kind == ChangeKind::Removed)
            ++geometryRemoved;
        else
            ++geometryModified;
    }
    QStringList parts;
    parts << tr("%n change(s)", nullptr, int(page.regions.size()));
    if (!texts.isEmpty()) parts << tr("text: %1").arg(texts.join(QStringLiteral("; ")));
    QStringList geometry;
    if (geometryAdded) geometry << tr("%n added", nullptr, geometryAdded);
    if (geometryRemoved) geometry << tr("%n removed", nullptr, geometryRemoved);
    if (geometryModified) geometry << tr("%n modified", nullptr, geometryModified);
    if (!geometry.isEmpty()) parts << tr("drawing: %1").arg(geometry.join(QStringLiteral(", ")));
    return QStringLiteral("%1: %2.").arg(name, parts.join(QStringLiteral(". ")));
}

QString summariseJob(const QVector<PageResult> &pages) {
    int changed = 0, unchanged = 0, added = 0, removed = 0, failed = 0;
    for (const PageResult &p : pages) {
        if (p.match == MatchKind::Added)
            ++added;
        else if (p.match == MatchKind::Removed)
            ++removed;
        else if (!p.error.isEmpty())
            ++failed;
        else if (p.regions.isEmpty())
            ++unchanged;
        else
            ++changed;
    }
    QString s = tr("%1 changed, %2 unchanged, %3 added, %4 removed")
                    .arg(changed)
                    .arg(unchanged)
                    .arg(added)
                    .arg(removed);
    if (failed) s += tr(", %1 failed").arg(failed);
    return s + QLatin1Char('.');
}

} // namespace bt
