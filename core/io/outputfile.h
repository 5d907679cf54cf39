#pragma once

#include <QFile>
#include <QSaveFile>
#include <QString>

class QByteArray;
class QIODevice;

namespace bt {

// A file the user named for output (--json, --report, the change lists, the window's exports).
// A regular file, or a path with nothing there yet, is written atomically (QSaveFile: a
// temporary file renamed into place on commit, so a failed write leaves the old file whole). A
// FIFO or a character device (or a symlink to one) is written as it is: renaming over it would
// replace the pipe or the device node with a regular file, as root even /dev/null. A folder, a
// socket or a block device is refused.
class OutputFile {
public:
    explicit OutputFile(const QString &path);

    // False with errorString() set. Opening a FIFO waits for its reader, as a shell's `>` does.
    bool open();
    QIODevice *device(); // what to write to, once open
    // Atomic: renames the new file into place. Direct: flushes and closes. False with errorString().
    bool commit();
    // Atomic: nothing is replaced. Direct: what was written stays written.
    void cancelWriting();
    QString errorString() const;

    // Why path cannot be written as an output file ("is a folder, not a file", ...), or an empty
    // string; to check an option before a long job.
    static QString problem(const QString &path);

private:
    QString m_path;
    QSaveFile m_atomic;
    QFile m_direct;
    bool m_isDirect = false;
    QString m_error;
};

// Writes bytes to path as above. False with *error (why, without the path).
bool writeOutputFile(const QString &path, const QByteArray &bytes, QString *error);

} // namespace bt
