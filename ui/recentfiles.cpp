#include "recentfiles.h"

#include <QSettings>

namespace bt::ui {

namespace {
constexpr int kMaxRecent = 8;
const QString kRecentKey = QStringLiteral("recent/comparisons");
} // namespace

RecentFiles::RecentFiles(QObject *parent)
    : QObject(parent)
    , m_pairs(QSettings().value(kRecentKey).toStringList()) {
    m_writer.setMaxThreadCount(1);
}

RecentFiles::~RecentFiles() {
    m_writer.waitForDone(); // the last list is on disk before the next start reads it
}

QStringList RecentFiles::files() const {
    QStringList files;
    for (const QString &pair : m_pairs)
        for (const QString &path : pair.split(QLatin1Char('\n')))
            if (!path.isEmpty() && !files.contains(path)) files << path;
    return files;
}

void RecentFiles::add(const QString &oldPath, const QString &newPath) {
    QStringList pairs = m_pairs;
    const QString pair = oldPath + QLatin1Char('\n') + newPath;
    pairs.removeAll(pair);
    pairs.prepend(pair);
    setPairs(pairs.mid(0, kMaxRecent));
}

void RecentFiles::clear() {
    setPairs({});
}

void RecentFiles::setPairs(const QStringList &pairs) {
    m_pairs = pairs;
    // QSettings writes its file with an fsync: tens of ms of a busy disk, not on the GUI thread.
    // The list here is the truth meanwhile; writes stay in order on the one-thread pool.
    m_writer.start([pairs] {
        QSettings settings;
        if (pairs.isEmpty())
            settings.remove(kRecentKey);
        else
            settings.setValue(kRecentKey, pairs);
    });
    emit changed();
}

} // namespace bt::ui
