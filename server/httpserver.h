#pragma once

#include <QByteArray>
#include <QFuture>
#include <QHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QUrlQuery>
#include <QVector>

#include <functional>
#include <optional>

class QTcpServer;
class QTcpSocket;

namespace bt::server {

struct HttpRequest {
    QByteArray method; // "GET", "POST", ...
    QString path;      // decoded, without the query
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; // names in lower case
    qint64 contentLength = 0;
    QByteArray body;

    QByteArray header(const QByteArray &lowerName) const { return headers.value(lowerName); }
};

struct HttpResponse {
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    QVector<QPair<QByteArray, QByteArray>> headers;

    static HttpResponse json(int status, const QJsonObject &object);
    // {"error": {"code": status, "message": message}}
    static HttpResponse error(int status, const QString &message);
};

// A small HTTP/1.1 server on QTcpServer: one request per connection (Connection: close), bodies
// by Content-Length only. Not QHttpServer: 6.4 (a tech preview) reads a whole body before any
// handler sees the request, so it can neither refuse a 2 GB upload at its headers nor stop an
// unauthenticated client from making it buffer one. Here the header check runs as soon as the
// headers are in, before a byte of the body is read.
class HttpServer : public QObject {
    Q_OBJECT
public:
    // A handler answers at once (a ready future) or later from another thread (an upload's
    // check opens the PDF in a render helper): the event loop serves other clients meanwhile.
    using Handler = std::function<QFuture<HttpResponse>(const HttpRequest &)>;
    // Runs on the headers (body empty): a response refuses the request at once (401, 413).
    using HeaderCheck = std::function<std::optional<HttpResponse>(const HttpRequest &)>;

    HttpServer(Handler handler, HeaderCheck check, QObject *parent = nullptr);
    ~HttpServer() override;

    bool listen(const QHostAddress &address, quint16 port, QString *error);
    quint16 port() const;

    static constexpr int kMaxHeaderBytes = 32 * 1024;
    static constexpr int kIdleTimeoutMs = 60000; // a client that stops sending is dropped

private:
    struct Connection;
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void respond(QTcpSocket *socket, const HttpResponse &response);
    bool parseHeaders(Connection &c, int headerEnd);

    Handler m_handler;
    HeaderCheck m_check;
    QTcpServer *m_server;
    QHash<QTcpSocket *, Connection *> m_connections;
};

} // namespace bt::server
