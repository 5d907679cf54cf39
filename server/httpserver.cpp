#include "httpserver.h"

#include <QJsonDocument>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

namespace bt::server {

namespace {

QByteArray reasonPhrase(int status) {
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 411:
        return "Length Required";
    case 413:
        return "Payload Too Large";
    case 415:
        return "Unsupported Media Type";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

} // namespace

HttpResponse HttpResponse::json(int status, const QJsonObject &object) {
    HttpResponse r;
    r.status = status;
    r.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return r;
}

HttpResponse HttpResponse::error(int status, const QString &message) {
    return json(status,
                QJsonObject{{QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), status},
                                                                  {QStringLiteral("message"), message}}}});
}

struct HttpServer::Connection {
    QByteArray buffer;
    HttpRequest request;
    bool headersDone = false;
    bool responded = false;
    QTimer idle;
};

HttpServer::HttpServer(Handler handler, HeaderCheck check, QObject *parent)
    : QObject(parent)
    , m_handler(std::move(handler))
    , m_check(std::move(check))
    , m_server(new QTcpServer(this)) {
    connect(m_server, &QTcpServer::newConnection, this, &HttpServer::onNewConnection);
}

HttpServer::~HttpServer() {
    qDeleteAll(m_connections);
}

bool HttpServer::listen(const QHostAddress &address, quint16 port, QString *error) {
    if (m_server->listen(address, port)) return true;
    if (error) *error = m_server->errorString();
    return false;
}

quint16 HttpServer::port() const {
    return m_server->serverPort();
}

void HttpServer::onNewConnection() {
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        auto *c = new Connection;
        m_connections.insert(socket, c);
        c->idle.setSingleShot(true);
        c->idle.setInterval(kIdleTimeoutMs);
        connect(&c->idle, &QTimer::timeout, socket, [this, socket] {
            respond(socket, HttpResponse::error(408, QStringLiteral("request timeout")));
        });
        c->idle.start();
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            delete m_connections.take(socket);
            socket->deleteLater();
        });
        onReadyRead(socket);
    }
}

bool HttpServer::parseHeaders(Connection &c, int headerEnd) {
    const QList<QByteArray> lines = c.buffer.left(headerEnd).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    if (requestLine.size() != 3 || !requestLine[2].startsWith("HTTP/1.")) return false;
    c.request.method = requestLine[0];
    const QUrl url(QString::fromLatin1(requestLine[1]));
    if (!url.isValid() || !requestLine[1].startsWith('/')) return false;
    c.request.path = url.path();
    c.request.query = QUrlQuery(url);
    for (int i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        if (line.isEmpty()) continue;
        const int colon = line.indexOf(':');
        if (colon <= 0) return false;
        c.request.headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
    }
    c.buffer.remove(0, headerEnd + 4);
    return true;
}

void HttpServer::onReadyRead(QTcpSocket *socket) {
    Connection *c = m_connections.value(socket);
    if (!c || c->responded) {
        socket->readAll(); // a refused request's body: drained, not kept
        return;
    }
    c->buffer.append(socket->readAll());
    c->idle.start();
    if (!c->headersDone) {
        const int end = c->buffer.indexOf("\r\n\r\n");
        if (end < 0) {
            if (c->buffer.size() > kMaxHeaderBytes)
                respond(socket, HttpResponse::error(431, QStringLiteral("headers too large")));
            return;
        }
        if (end > kMaxHeaderBytes) {
            respond(socket, HttpResponse::error(431, QStringLiteral("headers too large")));
            return;
        }
        c->headersDone = true;
        if (!parseHeaders(*c, end)) {
            respond(socket, HttpResponse::error(400, QStringLiteral("malformed request")));
            return;
        }
        HttpRequest &r = c->request;
        if (r.headers.contains("transfer-encoding")) {
            respond(socket, HttpResponse::error(411, QStringLiteral("send a Content-Length")));
            return;
        }
        if (r.headers.contains("content-length")) {
            bool ok = false;
            r.contentLength = r.header("content-length").toLongLong(&ok);
            if (!ok || r.contentLength < 0) {
                respond(socket, HttpResponse::error(400, QStringLiteral("bad Content-Length")));
                return;
            }
        }
        if (std::optional<HttpResponse> refused = m_check(r)) {
            respond(socket, *refused);
            return;
        }
        if (r.header("expect").toLower() == "100-continue" && r.contentLength > 0)
            socket->write("HTTP/1.1 100 Continue\r\n\r\n");
        c->buffer.reserve(int(r.contentLength));
    }
    if (c->buffer.size() < c->request.contentLength) return;
    c->request.body = c->buffer.left(int(c->request.contentLength));
    c->buffer.clear();
    const QByteArray what = c->request.method + ' ' + c->request.path.toUtf8();
    auto internalError = [what](const std::exception &e) {
        qWarning("request %s: %s", what.constData(), e.what());
        return HttpResponse::error(500, QStringLiteral("internal error"));
    };
    QFuture<HttpResponse> future;
    try {
        future = m_handler(c->request);
    } catch (const std::exception &e) {
        respond(socket, internalError(e));
        return;
    }
    if (future.isFinished()) {
        try {
            respond(socket, future.result());
        } catch (const std::exception &e) {
            respond(socket, internalError(e));
        }
        return;
    }
    c->idle.stop(); // the client waits for us now
    const QPointer<QTcpSocket> alive(socket);
    future
        .then(this,
              [this, alive](const HttpResponse &response) {
                  if (alive) respond(alive, response);
              })
        .onFailed(this,
                  [this, alive, internalError](const std::exception &e) {
                      if (alive) respond(alive, internalError(e));
                  })
        // Without an answer the client would wait for ever: its idle timer is stopped.
        .onCanceled(this, [this, alive] {
            if (alive) respond(alive, HttpResponse::error(503, QStringLiteral("the request was cancelled")));
        });
}

void HttpServer::respond(QTcpSocket *socket, const HttpResponse &response) {
    Connection *c = m_connections.value(socket);
    if (!c || c->responded) return;
    c->responded = true;
    c->idle.stop();
    QByteArray head =
        "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
    if (!response.body.isEmpty() || response.status != 204)
        head += "Content-Type: " + response.contentType + "\r\n";
    head += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    for (const auto &[name, value] : response.headers)
        head += name + ": " + value + "\r\n";
    head += "Connection: close\r\n\r\n";
    socket->write(head);
    socket->write(response.body);
    // A client still sending a refused body would get a reset (and lose the response) if the
    // socket closed with unread data: the rest is drained until it closes or 5 s pass.
    socket->flush();
    if (c->headersDone && c->buffer.size() < c->request.contentLength && c->request.body.isEmpty()) {
        c->idle.disconnect();
        connect(&c->idle, &QTimer::timeout, socket, &QTcpSocket::abort);
        c->idle.start(5000);
        return;
    }
    socket->disconnectFromHost();
}

} // namespace bt::server
