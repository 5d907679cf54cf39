#pragma once

// HttpServer's internals on Boost.Beast (not for other users): the shared state of the network
// thread and one connection's state machine. Everything here runs on the network thread except
// where a comment says otherwise.

#include "httpserver.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/file_body.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include <chrono>
#include <list>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>

namespace bt::server {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = boost::beast::http;
using tcp = net::ip::tcp;

class HttpSession;

// Owned by HttpServer and by every session (a session may be released on the Qt thread after
// the server stopped: the io_context its socket belongs to must outlive it).
struct HttpServer::Core {
    net::io_context ioc{1};
    tcp::acceptor acceptor{ioc};
    net::steady_timer acceptRetry{ioc};
    std::thread thread;
    HttpServer *owner = nullptr; // alive while the network thread runs (stop() joins it)
    HttpLimits limits;
    qint64 memoryBodyLimit = 0;
    qint64 fileBodyLimit = 0;
    HeaderCheck check;
    BodyToFile bodyToFile;
    std::atomic<bool> stopped{false};

    // Sessions are destroyed on either thread: the registry is locked.
    std::mutex mutex;
    int connections = 0; // counted sessions (an evicted one stops counting at once)
    std::set<HttpSession *> all;
    std::list<HttpSession *> headerPhase; // oldest first
    std::map<std::string, int> headerPhasePerPeer;

    void accept();
    void onAccepted(tcp::socket socket);
    // With the mutex held: closes the oldest header-phase connection (of `peer` when given).
    bool evictOldest(const std::string *peer);
};

class HttpSession : public std::enable_shared_from_this<HttpSession> {
public:
    HttpSession(tcp::socket socket, std::string peer, std::shared_ptr<HttpServer::Core> core);
    ~HttpSession();
    HttpSession(const HttpSession &) = delete;
    HttpSession &operator=(const HttpSession &) = delete;

    void start() { readHeader(); }
    // The handler's answer (posted from the Qt thread).
    void respond(const HttpResponse &response);
    // With the registry locked: stop counting and close (a pending read ends with an error).
    void evictLocked();
    // After the network thread stopped (from HttpServer::stop, registry locked).
    void closeSocket();

private:
    friend struct HttpServer::Core;
    using Clock = std::chrono::steady_clock;

    void readHeader();
    void readMoreHeader();
    void parseHeader();
    void onHeader();
    void startBody();
    void readBody();
    void onBody(beast::error_code ec, std::size_t bytes);
    void finishRequest();
    // Answers a request whose body was not read: then the connection closes.
    void refuse(const HttpResponse &response);
    void send(const HttpResponse &response, bool close, bool drain);
    template <class Message, class Serializer>
    void writeSome(std::shared_ptr<Message> message, std::shared_ptr<Serializer> serializer, bool close,
                   bool drain);
    void afterWrite(bool close, bool drain);
    void drain();
    void close();
    void setHeaderPhase(bool on);
    void removeBodyFile();

    std::shared_ptr<HttpServer::Core> m_core;
    beast::tcp_stream m_stream;
    std::string m_peer;
    beast::flat_buffer m_buffer;
    std::optional<http::request_parser<http::empty_body>> m_headerParser;
    std::optional<http::request_parser<http::string_body>> m_stringParser;
    std::optional<http::request_parser<http::file_body>> m_fileParser;
    std::string m_bodyFile; // while the body is written to it
    HttpRequest m_request;
    bool m_keepAlive = false;
    Clock::time_point m_windowStart;
    std::uint64_t m_windowBytes = 0;
    std::array<char, 16384> m_scratch{}; // drained bytes
    // Registry state (under Core::mutex).
    bool m_counted = true;
    bool m_inHeaderPhase = false;
    std::list<HttpSession *>::iterator m_headerPhaseEntry;
};

} // namespace bt::server
