#include "datadir.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>

#include <sys/stat.h>

namespace bt::server {

void restrictUmask() {
    ::umask(077);
}

bool secureDataDirectory(const QString &dataDir, QString *error) {
    for (const char *sub : {"", "uploads", "jobs"}) {
        const QString dir = sub[0] ? dataDir + QLatin1Char('/') + QLatin1String(sub) : dataDir;
        if (!QDir().mkpath(dir) || ::chmod(QFile::encodeName(dir).constData(), 0700) != 0) {
            *error = QStringLiteral("%1: cannot create the data directory (or make it private)").arg(dir);
            return false;
        }
    }
    // lstat, not stat: a symlink is left alone (chmod would change what it points to).
    QDirIterator it(dataDir, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QByteArray path = QFile::encodeName(it.next());
        struct stat st {};
        if (::lstat(path.constData(), &st) != 0 || S_ISLNK(st.st_mode)) continue;
        const mode_t wanted = S_ISDIR(st.st_mode) ? 0700 : 0600;
        if ((st.st_mode & 07777) != wanted && ::chmod(path.constData(), wanted) != 0) {
            *error = QStringLiteral("%1: cannot make it private (%2)")
                         .arg(QString::fromLocal8Bit(path), qt_error_string(errno));
            return false;
        }
    }
    return true;
}

} // namespace bt::server
