#pragma once

#include <QJsonObject>
#include <QNetworkReply>
#include <QObject>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;

namespace bt {

// Where the team's job server is and the token it knows this user by.
struct ServerConfig {
    QUrl url; // e.g. http://buildtrace.office:8765
    QString token;
    bool isValid() const { return url.isValid() && !url.host().isEmpty() && !token.isEmpty(); }
    // The URL as the history records it: no trailing slash, no user info.
    QString key() const;
};

// The job server's route of the overlay of a job's sheet (the overlay_url of its result JSON).
QString overlayRoute(const QString &jobId, int pageNumber);

// One answer of the server (or why there was none).
struct ApiReply {
    int httpStatus = 0; // 0: no answer (offline, refused, timed out)
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    QByteArray body;
    QJsonObject json; // the body, when it is a JSON object
    QString message;  // one line: the server's error message or the network's

    bool ok() const { return httpStatus >= 200 && httpStatus < 300; }
    // The server could not be reached (or gave up mid-way): worth trying again later.
    bool unreachable() const { return httpStatus == 0; }
    bool unauthorized() const { return httpStatus == 401; }
    // The server is there but failed: also worth trying again.
    bool serverError() const { return httpStatus >= 500; }
};

// The job server's HTTP API (docs/server.md), asynchronous, on the thread that owns it. Each call
// answers once through its callback, on that thread; a call the client is destroyed before
// answering never answers.
class ServerClient : public QObject {
    Q_OBJECT
public:
    using Callback = std::function<void(const ApiReply &)>;

    explicit ServerClient(QObject *parent = nullptr);

    void setConfig(const ServerConfig &config) { m_config = config; }
    const ServerConfig &config() const { return m_config; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; } // per request without progress

    void get(const QString &path, Callback done);
    void post(const QString &path, const QJsonObject &body, Callback done,
              const QByteArray &idempotencyKey = QByteArray());
    void deleteResource(const QString &path, Callback done);
    // The PDF streamed from disk (never whole in memory); name and password travel as headers.
    void upload(const QString &filePath, const QString &password, Callback done);
    // A body saved into a file (atomically), e.g. an overlay PNG.
    void download(const QString &path, const QString &targetFile, Callback done);

private:
    QNetworkRequest request(const QString &path) const;
    void track(QNetworkReply *reply, Callback done, const QString &targetFile = QString());

    ServerConfig m_config;
    int m_timeoutMs = 30000;
    QNetworkAccessManager *m_network;
};

} // namespace bt
