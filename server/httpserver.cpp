#include "httpserver.h"

#include "httpsession.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QMetaObject>

#include <boost/asio/post.hpp>

#include <sys/resource.h>

#include <cstdio>
#include <thread>

namespace bt::server {

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

void removeFileInBackground(const QString &path) {
    if (path.isEmpty()) return;
    if (QFileInfo(path).size() < (64LL << 20)) {
        QFile::remove(path);
        return;
    }
    std::thread([file = QFile::encodeName(path)] { std::remove(file.constData()); }).detach();
}

void HttpServer::Core::accept() {
    acceptor.async_accept([this](beast::error_code ec, tcp::socket socket) {
        if (stopped.load()) return;
        if (ec) {
            // Out of file descriptors (EMFILE) or a client that gave up: try again shortly
            // rather than spin; the eviction below frees descriptors in the meantime.
            acceptRetry.expires_after(std::chrono::milliseconds(50));
            acceptRetry.async_wait([this](beast::error_code) {
                if (!stopped.load()) accept();
            });
            return;
        }
        onAccepted(std::move(socket));
        accept();
    });
}

void HttpServer::Core::onAccepted(tcp::socket socket) {
    beast::error_code ec;
    const tcp::endpoint remote = socket.remote_endpoint(ec);
    if (ec) return;
    std::string peer = remote.address().to_string();
    {
        std::lock_guard lock(mutex);
        auto perPeer = [&] {
            auto it = headerPhasePerPeer.find(peer);
            return it == headerPhasePerPeer.end() ? 0 : it->second;
        };
        // A new client gets its chance (its headers arrive at once); the oldest connection still
        // waiting for headers — a slow one — makes room.
        while (perPeer() >= limits.maxHeaderPhasePerPeer && evictOldest(&peer)) {
        }
        while ((int(headerPhase.size()) >= limits.maxHeaderPhase || connections >= limits.maxConnections) &&
               evictOldest(nullptr)) {
        }
        if (connections >= limits.maxConnections) return; // all busy with requests: refused
    }
    auto session = std::make_shared<HttpSession>(std::move(socket), std::move(peer), owner->m_core);
    session->start();
}

bool HttpServer::Core::evictOldest(const std::string *peer) {
    for (HttpSession *s : headerPhase)
        if (!peer || s->m_peer == *peer) {
            s->evictLocked();
            return true;
        }
    return false;
}

HttpServer::HttpServer(Handler handler, HeaderCheck check, QObject *parent)
    : QObject(parent)
    , m_handler(std::move(handler))
    , m_check(std::move(check))
    , m_core(std::make_shared<Core>()) {
    m_core->owner = this;
}

HttpServer::~HttpServer() {
    stop();
}

void HttpServer::setBodyLimits(qint64 memoryBytes, qint64 fileBytes) {
    m_memoryBodyLimit = memoryBytes;
    m_fileBodyLimit = fileBytes;
}

bool HttpServer::listen(const QHostAddress &address, quint16 port, QString *error) {
    // Every connection is a descriptor: the soft limit (often 1024) would let a flood of idle
    // clients stop the server from accepting before the caps above apply.
    rlimit files{};
    if (getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < files.rlim_max) {
        files.rlim_cur = files.rlim_max;
        setrlimit(RLIMIT_NOFILE, &files);
    }
    Core &c = *m_core;
    c.limits = m_limits;
    c.memoryBodyLimit = m_memoryBodyLimit;
    c.fileBodyLimit = m_fileBodyLimit;
    c.check = m_check;
    c.bodyToFile = m_bodyToFile;
    beast::error_code ec;
    const net::ip::address ip = net::ip::make_address(address.toString().toStdString(), ec);
    const tcp::endpoint endpoint(ip, port);
    if (!ec) c.acceptor.open(endpoint.protocol(), ec);
    if (!ec) c.acceptor.set_option(net::socket_base::reuse_address(true), ec);
    if (!ec) c.acceptor.bind(endpoint, ec);
    if (!ec) c.acceptor.listen(net::socket_base::max_listen_connections, ec);
    if (ec) {
        if (error)
            *error = QStringLiteral("cannot listen on %1:%2: %3")
                         .arg(address.toString())
                         .arg(port)
                         .arg(QString::fromStdString(ec.message()));
        return false;
    }
    m_port = c.acceptor.local_endpoint().port();
    c.accept();
    c.thread = std::thread([core = m_core] { core->ioc.run(); });
    return true;
}

void HttpServer::stop() {
    Core &c = *m_core;
    if (c.stopped.exchange(true)) return;
    c.ioc.stop();
    if (c.thread.joinable()) c.thread.join();
    beast::error_code ignored;
    c.acceptor.close(ignored);
    {
        std::lock_guard lock(c.mutex);
        for (HttpSession *s : c.all)
            s->closeSocket();
    }
    // The aborted operations end here (they see `stopped` and start nothing): their sessions
    // are released now rather than with the io_context.
    c.ioc.restart();
    c.ioc.poll();
}

void HttpServer::dispatch(std::shared_ptr<HttpSession> session, HttpRequest request) {
    // On the network thread: the handler runs on this object's thread.
    QMetaObject::invokeMethod(
        this,
        [this, session = std::move(session), request = std::move(request)]() mutable {
            std::shared_ptr<Core> core = m_core;
            const QString bodyFile = request.bodyFile;
            // On this thread: the handler has finished with the body file (kept ones were renamed).
            auto answer = [core, session, bodyFile](const HttpResponse &response) {
                if (QFileInfo::exists(bodyFile)) removeFileInBackground(bodyFile);
                if (core->stopped.load()) return;
                net::post(core->ioc, [session, response] { session->respond(response); });
            };
            const QByteArray what = request.method + ' ' + request.path.toUtf8();
            auto internalError = [what](const char *reason) {
                qWarning("request %s: %s", what.constData(), reason);
                return HttpResponse::error(500, QStringLiteral("internal error"));
            };
            QFuture<HttpResponse> future;
            try {
                future = m_handler(request);
            } catch (const std::exception &e) {
                answer(internalError(e.what()));
                return;
            }
            if (future.isFinished()) {
                try {
                    answer(future.result());
                } catch (const std::exception &e) {
                    answer(internalError(e.what()));
                }
                return;
            }
            future.then(this, [answer](const HttpResponse &response) { answer(response); })
                .onFailed(this, [answer,
                                 internalError](const std::exception &e) { answer(internalError(e.what())); })
                // Without an answer the client would wait for ever.
                .onCanceled(this, [answer] {
                    answer(HttpResponse::error(503, QStringLiteral("the request was cancelled")));
                });
        },
        Qt::QueuedConnection);
}

} // namespace bt::server
