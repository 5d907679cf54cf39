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
#include <memory>
#include <optional>

namespace bt::server {

struct HttpRequest {
    QByteArray method; // "GET", "POST", ...
    QString path;      // decoded, without the query
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; // names in lower case
    qint64 contentLength = 0;              // -1: chunked, not known before the end
    QByteArray body;                       // a body kept in memory (JSON), else empty
    // A body streamed to disk (HttpServer::BodyToFile said so): its temporary file, complete.
    // The handler renames it to keep it; the server removes whatever is left at this path
    // once the response is sent.
    QString bodyFile;
    QHostAddress peer;

    QByteArray header(const QByteArray &lowerName) const { return headers.value(lowerName); }
};

struct HttpResponse {
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    // Sent instead of `body` when set: streamed from disk (a 404 when it cannot be opened).
    QString bodyFile;
    QVector<QPair<QByteArray, QByteArray>> headers;

    static HttpResponse json(int status, const QJsonObject &object);
    // {"error": {"code": status, "message": message}}
    static HttpResponse error(int status, const QString &message);
};

// Removes a file; a large one (64 MB and more) on a thread of its own: unlinking a 2 GB upload
// takes the file system a second or more, which neither the network thread nor the Qt thread
// may spend. Small ones at once, so they are gone when the response is sent. Empty: nothing.
void removeFileInBackground(const QString &path);

// Connection limits (docs/server.md). Header-phase connections (no request read yet: new,
// idle keep-alive, trickling) are capped apart from the rest: when a cap is reached the oldest
// of them is dropped, so a flood of slow unauthenticated clients can neither fill the open-files
// limit nor keep a legitimate client (who sends its headers at once) from being served.
struct HttpLimits {
    int headerDeadlineMs = 10000;  // the whole request line and headers, from the first wait
    int minBodyBytesPerSec = 1024; // averaged over bodyWindowMs windows; slower: dropped
    int bodyWindowMs = 10000;
    int writeIdleMs = 60000; // a download that takes nothing for this long: dropped
    int maxConnections = 1024;
    int maxHeaderPhase = 512;        // of them, waiting for headers
    int maxHeaderPhasePerPeer = 128; // of those, from one address
    int maxHeaderBytes = 32 * 1024;
};

// HTTP/1.1 with keep-alive on Boost.Beast (Asio), on one network thread of its own: no thread
// per connection; per-connection deadlines (a header deadline, a minimum body rate).
//
// Threading contract:
// - BodyToFile and HeaderCheck run on the network thread, on the headers only (body empty):
//   they must be thread-safe and must not touch Qt objects of the owner's thread (read
//   immutable settings only). HeaderCheck's response refuses the request before a byte of the
//   body is read (401, 413); the connection is then closed.
// - Handler runs on the thread that owns the HttpServer (the Qt thread, through its event
//   loop) once the body is complete. It answers at once (a ready future) or later from another
//   thread; the network thread sends the response. Work that may take long (opening a PDF,
//   hashing a large file) belongs off both threads, in the future.
// - Bodies BodyToFile names a directory for are written there as they arrive (memory stays
//   flat whatever the size); others are kept in memory, capped by the parser's body limit
//   (the limit HeaderCheck enforces on Content-Length).
class HttpServer : public QObject {
    Q_OBJECT
public:
    using Handler = std::function<QFuture<HttpResponse>(const HttpRequest &)>;
    using HeaderCheck = std::function<std::optional<HttpResponse>(const HttpRequest &)>;
    // On the headers: the directory for the body's temporary file, empty to keep it in memory.
    using BodyToFile = std::function<QString(const HttpRequest &)>;

    HttpServer(Handler handler, HeaderCheck check, QObject *parent = nullptr);
    ~HttpServer() override;

    void setBodyToFile(BodyToFile route) { m_bodyToFile = std::move(route); }
    // The largest body kept in memory, and the largest one streamed to a file.
    void setBodyLimits(qint64 memoryBytes, qint64 fileBytes);
    void setLimits(const HttpLimits &limits) { m_limits = limits; }

    bool listen(const QHostAddress &address, quint16 port, QString *error);
    quint16 port() const { return m_port; }
    // Closes every connection and stops the network thread (requests in the handler are
    // answered nowhere). Idempotent; the destructor calls it.
    void stop();

private:
    friend class HttpSession;
    struct Core;
    // From the network thread: runs the handler on this object's thread and sends its answer.
    void dispatch(std::shared_ptr<class HttpSession> session, HttpRequest request);

    Handler m_handler;
    HeaderCheck m_check;
    BodyToFile m_bodyToFile;
    HttpLimits m_limits;
    qint64 m_memoryBodyLimit = 1 << 20;
    qint64 m_fileBodyLimit = 200LL << 20;
    quint16 m_port = 0;
    std::shared_ptr<Core> m_core;
};

} // namespace bt::server
