#include "outputfile.h"

#include "i18n/enginetext.h"

#include <QByteArray>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace bt {

namespace {

enum class OutputKind { Atomic, Direct, Refused };

// stat() follows symlinks: a link to a regular file is written atomically (QSaveFile replaces the
// link's target and keeps the link), a link to a FIFO directly.
OutputKind kindOf(const QString &path, QString *why) {
    struct stat st {};
    // Nothing there yet, or no access: QSaveFile creates it or says why it cannot.
    if (::stat(QFile::encodeName(path).constData(), &st) != 0) return OutputKind::Atomic;
    if (S_ISREG(st.st_mode)) return OutputKind::Atomic;
    if (S_ISFIFO(st.st_mode) || S_ISCHR(st.st_mode)) return OutputKind::Direct;
    *why = S_ISDIR(st.st_mode)
               ? EngineText::translate("bt::OutputFile", "is a folder, not a file")
               : EngineText::translate("bt::OutputFile", "is not a file, a FIFO or a character device");
    return OutputKind::Refused;
}

} // namespace

OutputFile::OutputFile(const QString &path)
    : m_path(path)
    , m_atomic(path)
    , m_direct(path) {}

bool OutputFile::open() {
    m_error.clear();
    switch (kindOf(m_path, &m_error)) {
    case OutputKind::Refused:
        return false;
    case OutputKind::Atomic:
        m_isDirect = false;
        return m_atomic.open(QIODevice::WriteOnly);
    case OutputKind::Direct:
        break;
    }
    m_isDirect = true;
    // Neither created nor truncated: it exists and is no regular file.
    const int fd = ::open(QFile::encodeName(m_path).constData(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        m_error = QString::fromLocal8Bit(std::strerror(errno));
        return false;
    }
    if (m_direct.open(fd, QIODevice::WriteOnly, QFileDevice::AutoCloseHandle)) return true;
    ::close(fd); // not adopted
    return false;
}

QIODevice *OutputFile::device() {
    if (m_isDirect) return &m_direct;
    return &m_atomic;
}

bool OutputFile::commit() {
    if (!m_isDirect) return m_atomic.commit();
    const bool ok = m_direct.flush();
    if (!ok) m_error = m_direct.errorString(); // close() forgets it
    m_direct.close();
    return ok;
}

void OutputFile::cancelWriting() {
    if (m_isDirect)
        m_direct.close();
    else
        m_atomic.cancelWriting();
}

QString OutputFile::errorString() const {
    if (!m_error.isEmpty()) return m_error;
    return m_isDirect ? m_direct.errorString() : m_atomic.errorString();
}

QString OutputFile::problem(const QString &path) {
    QString why;
    return kindOf(path, &why) == OutputKind::Refused ? why : QString();
}

bool writeOutputFile(const QString &path, const QByteArray &bytes, QString *error) {
    OutputFile file(path);
    if (file.open() && file.device()->write(bytes) == bytes.size() && file.commit()) return true;
    if (error) *error = file.errorString();
    return false;
}

} // namespace bt
