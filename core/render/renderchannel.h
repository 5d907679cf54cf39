#pragma once

#include <QJsonDocument>
#include <QJsonObject>

#include <cerrno>
#include <sys/socket.h>

namespace bt {

// The render helpers' channel: one compact JSON object per line over a socket, both ways.
// MSG_NOSIGNAL: a peer that died is an error return, not SIGPIPE for the whole process.
inline bool sendJsonLine(int socket, const QJsonObject &object) {
    const QByteArray line = QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
    for (qint64 sent = 0; sent < line.size();) {
        const ssize_t n = ::send(socket, line.constData() + sent, size_t(line.size() - sent), MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        sent += n;
    }
    return true;
}

} // namespace bt
