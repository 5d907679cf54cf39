#include "httpsession.h"

#include <QUrl>
#include <QUuid>

#include <boost/asio/write.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/serializer.hpp>
#include <boost/beast/http/write.hpp>

#include <sys/stat.h>

#include <cstdio>
#include <limits>

namespace bt::server {

namespace {

constexpr std::size_t kReadChunk = 16384;
constexpr int kDrainMs = 5000;

HttpResponse badRequest(const QString &message) {
    return HttpResponse::error(400, message);
}

template <class Body> void fillHead(http::response<Body> &res, const HttpResponse &r, bool close) {
    res.version(11);
    res.result(unsigned(r.status));
    if (r.status != 204) res.set(http::field::content_type, r.contentType.toStdString());
    for (const auto &[name, value] : r.headers)
        res.insert(beast::string_view(name.constData(), std::size_t(name.size())),
                   beast::string_view(value.constData(), std::size_t(value.size())));
    res.keep_alive(!close);
}

} // namespace

HttpSession::HttpSession(tcp::socket socket, std::string peer, std::shared_ptr<HttpServer::Core> core)
    : m_core(std::move(core))
    , m_stream(std::move(socket))
    , m_peer(std::move(peer))
    , m_buffer(std::size_t(m_core->limits.maxHeaderBytes) + kReadChunk * 4) {
    std::lock_guard lock(m_core->mutex);
    ++m_core->connections;
    m_core->all.insert(this);
}

HttpSession::~HttpSession() {
    removeBodyFile();
    std::lock_guard lock(m_core->mutex);
    if (m_inHeaderPhase) {
        m_core->headerPhase.erase(m_headerPhaseEntry);
        if (--m_core->headerPhasePerPeer[m_peer] <= 0) m_core->headerPhasePerPeer.erase(m_peer);
    }
    if (m_counted) --m_core->connections;
    m_core->all.erase(this);
}

void HttpSession::removeBodyFile() {
    if (m_bodyFile.empty()) return;
    if (m_fileParser) {
        beast::error_code ignored;
        m_fileParser->get().body().close();
    }
    // An upload cut off or refused: nothing of it stays. When the server stops the next start
    // removes it (ApiServer::removeOrphans): unlinking a large file would delay the exit.
    if (!m_core->stopped.load()) removeFileInBackground(QString::fromStdString(m_bodyFile));
    m_bodyFile.clear();
}

void HttpSession::setHeaderPhase(bool on) {
    std::lock_guard lock(m_core->mutex);
    if (on == m_inHeaderPhase || !m_counted) return;
    m_inHeaderPhase = on;
    if (on) {
        m_headerPhaseEntry = m_core->headerPhase.insert(m_core->headerPhase.end(), this);
        ++m_core->headerPhasePerPeer[m_peer];
    } else {
        m_core->headerPhase.erase(m_headerPhaseEntry);
        if (--m_core->headerPhasePerPeer[m_peer] <= 0) m_core->headerPhasePerPeer.erase(m_peer);
    }
}

void HttpSession::evictLocked() {
    if (m_inHeaderPhase) {
        m_core->headerPhase.erase(m_headerPhaseEntry);
        if (--m_core->headerPhasePerPeer[m_peer] <= 0) m_core->headerPhasePerPeer.erase(m_peer);
        m_inHeaderPhase = false;
    }
    if (m_counted) --m_core->connections;
    m_counted = false;
    beast::error_code ignored;
    m_stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
    m_stream.socket().close(ignored);
}

void HttpSession::closeSocket() {
    beast::error_code ignored;
    m_stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
    m_stream.socket().close(ignored);
}

void HttpSession::close() {
    closeSocket();
}

// --- the request line and headers, under one deadline -------------------------------------

void HttpSession::readHeader() {
    if (m_core->stopped.load() || !m_counted) return;
    setHeaderPhase(true);
    m_request = HttpRequest();
    m_stringParser.reset();
    m_fileParser.reset();
    m_headerParser.emplace();
    m_headerParser->header_limit(std::uint32_t(m_core->limits.maxHeaderBytes));
    // The limits depend on the route: HeaderCheck answers 413 on Content-Length, the body's
    // parser enforces them (chunked bodies included).
    m_headerParser->body_limit(std::numeric_limits<std::uint64_t>::max());
    // One deadline for the whole section: a byte now and then does not extend it.
    m_stream.expires_after(std::chrono::milliseconds(m_core->limits.headerDeadlineMs));
    if (m_buffer.size() > 0)
        parseHeader(); // pipelined behind the previous request
    else
        readMoreHeader();
}

void HttpSession::readMoreHeader() {
    const std::size_t room = std::min(kReadChunk, m_buffer.max_size() - m_buffer.size());
    if (room == 0) {
        refuse(HttpResponse::error(431, QStringLiteral("headers too large")));
        return;
    }
    m_stream.async_read_some(m_buffer.prepare(room),
                             [self = shared_from_this()](beast::error_code ec, std::size_t bytes) {
                                 if (ec || self->m_core->stopped.load()) return self->close();
                                 self->m_buffer.commit(bytes);
                                 self->parseHeader();
                             });
}

void HttpSession::parseHeader() {
    const auto data = m_buffer.data();
    const beast::string_view text(static_cast<const char *>(data.data()), data.size());
    const std::size_t end = text.find("\r\n\r\n");
    // Beast waits for CRLF CRLF: a client that ends its lines with LF alone would wait for the
    // header deadline. It is answered now.
    const std::size_t scanned = end == beast::string_view::npos ? text.size() : end + 4;
    for (std::size_t i = 0; i < scanned; ++i)
        if (text[i] == '\n' && (i == 0 || text[i - 1] != '\r')) {
            refuse(badRequest(QStringLiteral("lines must end in CRLF")));
            return;
        }
    if (end == beast::string_view::npos) {
        if (text.size() > std::size_t(m_core->limits.maxHeaderBytes))
            refuse(HttpResponse::error(431, QStringLiteral("headers too large")));
        else
            readMoreHeader();
        return;
    }
    beast::error_code ec;
    const std::size_t used = m_headerParser->put(m_buffer.data(), ec);
    m_buffer.consume(used);
    if (ec == http::error::need_more) {
        readMoreHeader();
        return;
    }
    if (ec == http::error::header_limit) {
        refuse(HttpResponse::error(431, QStringLiteral("headers too large")));
        return;
    }
    if (ec == http::error::bad_content_length) {
        // Two lengths that differ: a proxy in front may have used the other one (smuggling).
        refuse(badRequest(QStringLiteral("bad or conflicting Content-Length")));
        return;
    }
    if (ec || !m_headerParser->is_header_done()) {
        refuse(badRequest(QStringLiteral("malformed request")));
        return;
    }
    onHeader();
}

void HttpSession::onHeader() {
    setHeaderPhase(false);
    const auto &h = m_headerParser->get();
    if (h.version() != 11 && h.version() != 10) {
        refuse(badRequest(QStringLiteral("malformed request")));
        return;
    }
    if (h.count(http::field::authorization) > 1) {
        refuse(badRequest(QStringLiteral("more than one Authorization header")));
        return;
    }
    const beast::string_view target = h.target();
    const QByteArray rawTarget(target.data(), int(target.size()));
    const QUrl url(QString::fromLatin1(rawTarget));
    if (!rawTarget.startsWith('/') || !url.isValid()) {
        refuse(badRequest(QStringLiteral("malformed request")));
        return;
    }
    HttpRequest &r = m_request;
    const beast::string_view method = h.method_string();
    r.method = QByteArray(method.data(), int(method.size()));
    r.path = url.path();
    r.query = QUrlQuery(url);
    for (const auto &field : h) {
        const beast::string_view name = field.name_string();
        const beast::string_view value = field.value();
        r.headers.insert(QByteArray(name.data(), int(name.size())).toLower(),
                         QByteArray(value.data(), int(value.size())).trimmed());
    }
    // RFC 7235: the scheme is case-insensitive. Written the one way handlers compare.
    QByteArray &auth = r.headers["authorization"];
    if (auth.isEmpty())
        r.headers.remove("authorization");
    else if (const int space = auth.indexOf(' '); space > 0 && auth.left(space).toLower() == "bearer")
        auth = "Bearer " + auth.mid(space + 1).trimmed();
    const auto length = m_headerParser->content_length();
    r.contentLength = m_headerParser->chunked() ? -1 : qint64(length.value_or(0));
    beast::error_code ignored;
    const auto remote = m_stream.socket().remote_endpoint(ignored);
    r.peer = QHostAddress(QString::fromStdString(remote.address().to_string()));
    m_keepAlive = m_headerParser->keep_alive();
    const bool expectContinue = beast::iequals(h[http::field::expect], "100-continue");

    if (std::optional<HttpResponse> refused = m_core->check(r)) {
        refuse(*refused);
        return;
    }
    if (m_headerParser->is_done()) { // no body
        finishRequest();
        return;
    }
    const QString dir = m_core->bodyToFile ? m_core->bodyToFile(r) : QString();
    if (!dir.isEmpty()) {
        m_fileParser.emplace(std::move(*m_headerParser));
        m_fileParser->body_limit(std::uint64_t(m_core->fileBodyLimit));
        m_bodyFile = (dir + QLatin1Char('/') + QUuid::createUuid().toString(QUuid::WithoutBraces) +
                      QStringLiteral(".part"))
                         .toStdString();
        beast::error_code ec;
        m_fileParser->get().body().open(m_bodyFile.c_str(), beast::file_mode::write_new, ec);
        // Uploads are for the server's user only (0600), whatever the umask.
        if (!ec) ::fchmod(m_fileParser->get().body().file().native_handle(), S_IRUSR | S_IWUSR);
        if (ec) {
            qWarning("cannot store a request body: %s", ec.message().c_str());
            m_bodyFile.clear();
            refuse(HttpResponse::error(500, QStringLiteral("cannot store the upload")));
            return;
        }
    } else {
        m_stringParser.emplace(std::move(*m_headerParser));
        m_stringParser->body_limit(std::uint64_t(m_core->memoryBodyLimit));
    }
    m_headerParser.reset();
    if (expectContinue) {
        static const char kContinue[] = "HTTP/1.1 100 Continue\r\n\r\n";
        m_stream.expires_after(std::chrono::milliseconds(m_core->limits.writeIdleMs));
        net::async_write(m_stream, net::buffer(kContinue, sizeof kContinue - 1),
                         [self = shared_from_this()](beast::error_code ec, std::size_t) {
                             if (ec || self->m_core->stopped.load()) return self->close();
                             self->startBody();
                         });
        return;
    }
    startBody();
}

// --- the body, at a minimum rate ----------------------------------------------------------

void HttpSession::startBody() {
    m_windowStart = Clock::now();
    m_windowBytes = 0;
    if ((m_fileParser && m_fileParser->is_done()) || (m_stringParser && m_stringParser->is_done()))
        finishRequest();
    else
        readBody();
}

void HttpSession::readBody() {
    // Nothing at all for a whole window: dropped at once; a trickle: onBody() measures it.
    m_stream.expires_after(std::chrono::milliseconds(m_core->limits.bodyWindowMs));
    auto done = [self = shared_from_this()](beast::error_code ec, std::size_t bytes) {
        self->onBody(ec, bytes);
    };
    if (m_fileParser)
        http::async_read_some(m_stream, m_buffer, *m_fileParser, std::move(done));
    else
        http::async_read_some(m_stream, m_buffer, *m_stringParser, std::move(done));
}

void HttpSession::onBody(beast::error_code ec, std::size_t bytes) {
    if (m_core->stopped.load()) return close();
    if (ec == http::error::body_limit) {
        refuse(HttpResponse::error(413, QStringLiteral("the body is over the limit")));
        return;
    }
    if (ec) {
        if (ec != beast::error::timeout && ec != http::error::end_of_stream && ec != net::error::eof &&
            ec != net::error::operation_aborted && ec != net::error::connection_reset) {
            refuse(badRequest(QStringLiteral("malformed body")));
            return;
        }
        removeBodyFile();
        return close();
    }
    m_windowBytes += bytes;
    const auto now = Clock::now();
    const auto elapsedMs = std::chrono::duration_cast<std::chrono::milliseconds>(now - m_windowStart).count();
    if (elapsedMs >= m_core->limits.bodyWindowMs) {
        if (m_windowBytes * 1000 <
            std::uint64_t(m_core->limits.minBodyBytesPerSec) * std::uint64_t(elapsedMs)) {
            removeBodyFile();
            return close(); // slower than the minimum rate
        }
        m_windowStart = now;
        m_windowBytes = 0;
    }
    const bool done = m_fileParser ? m_fileParser->is_done() : m_stringParser->is_done();
    if (done)
        finishRequest();
    else
        readBody();
}

void HttpSession::finishRequest() {
    m_stream.expires_never(); // the handler may take its time: the client waits for us
    if (m_fileParser) {
        m_fileParser->get().body().close();
        m_request.bodyFile = QString::fromStdString(m_bodyFile);
        m_bodyFile.clear(); // the handler's now (HttpServer removes what it leaves)
        m_fileParser.reset();
    } else if (m_stringParser) {
        std::string &body = m_stringParser->get().body();
        m_request.body = QByteArray(body.data(), int(body.size()));
        m_stringParser.reset();
    }
    m_headerParser.reset();
    m_core->owner->dispatch(shared_from_this(), std::move(m_request));
}

// --- responses ------------------------------------------------------------------------------

void HttpSession::respond(const HttpResponse &response) {
    if (m_core->stopped.load()) return;
    send(response, !m_keepAlive, false);
}

void HttpSession::refuse(const HttpResponse &response) {
    // Refused (unauthenticated, malformed): evictable like a connection still in its headers,
    // so a flood of refused clients draining their bodies cannot fill the connection cap.
    setHeaderPhase(true);
    removeBodyFile();
    m_fileParser.reset();
    m_stringParser.reset();
    m_headerParser.reset();
    // A client still sending the body it was refused would get a reset (and lose the answer)
    // if the socket closed with unread data: the rest is drained for a while.
    send(response, true, true);
}

void HttpSession::send(const HttpResponse &r, bool close, bool drain) {
    if (!r.bodyFile.isEmpty()) {
        http::file_body::value_type file;
        beast::error_code ec;
        file.open(r.bodyFile.toStdString().c_str(), beast::file_mode::scan, ec);
        if (!ec) {
            auto res = std::make_shared<http::response<http::file_body>>();
            fillHead(*res, r, close);
            res->body() = std::move(file);
            res->prepare_payload();
            writeSome(res, std::make_shared<http::response_serializer<http::file_body>>(*res), close, drain);
            return;
        }
        send(HttpResponse::error(404, QStringLiteral("the file is gone")), close, drain);
        return;
    }
    auto res = std::make_shared<http::response<http::string_body>>();
    fillHead(*res, r, close);
    res->body().assign(r.body.constData(), std::size_t(r.body.size()));
    res->prepare_payload();
    writeSome(res, std::make_shared<http::response_serializer<http::string_body>>(*res), close, drain);
}

template <class Message, class Serializer>
void HttpSession::writeSome(std::shared_ptr<Message> message, std::shared_ptr<Serializer> serializer,
                            bool close, bool drain) {
    // Per piece: a download may be long, a client that takes nothing is dropped.
    m_stream.expires_after(std::chrono::milliseconds(m_core->limits.writeIdleMs));
    http::async_write_some(
        m_stream, *serializer,
        [self = shared_from_this(), message, serializer, close, drain](beast::error_code ec, std::size_t) {
            if (ec || self->m_core->stopped.load()) return self->close();
            if (!serializer->is_done()) return self->writeSome(message, serializer, close, drain);
            self->afterWrite(close, drain);
        });
}

void HttpSession::afterWrite(bool close, bool drain) {
    if (!close) {
        readHeader(); // keep-alive: the next request
        return;
    }
    beast::error_code ignored;
    m_stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    if (!drain) return this->close();
    m_buffer.clear();
    m_stream.expires_after(std::chrono::milliseconds(kDrainMs));
    this->drain();
}

void HttpSession::drain() {
    m_stream.async_read_some(net::buffer(m_scratch),
                             [self = shared_from_this()](beast::error_code ec, std::size_t) {
                                 if (ec || self->m_core->stopped.load()) return self->close();
                                 self->drain();
                             });
}

} // namespace bt::server
