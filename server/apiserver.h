#pragma once

#include "httpserver.h"
#include "passwordcipher.h"
#include "queuestore.h"
#include "render/cancelflag.h"
#include "reviewlog.h"

#include <QObject>
#include <QStringList>
#include <QThreadPool>

#include <memory>

namespace bt::server {

struct ApiOptions {
    QStringList tokens; // accepted bearer tokens; at least one
    QString dataDir;    // uploads/, jobs/<id>/ (overlays)
    qint64 maxUploadBytes = 200LL << 20;
    qint64 maxJsonBytes = 1 << 20;
    // Encrypts the PDF passwords kept in the queue; without one, protected sets are refused.
    std::shared_ptr<const PasswordCipher> passwordCipher;
};

// The HTTP API (docs/server.md) over the queue. Lives in the thread that created it.
class ApiServer : public QObject {
    Q_OBJECT
public:
    ApiServer(const DatabaseConfig &database, const ApiOptions &options, QObject *parent = nullptr);
    ~ApiServer() override;

    bool start(const QHostAddress &address, quint16 port, QString *error);
    quint16 port() const { return m_http->port(); }

private:
    QString incomingDir() const; // request bodies of uploads while they arrive
    // At start: bodies of uploads cut off, and upload files no row names (a crash mid-check).
    void removeOrphans();
    std::optional<HttpResponse> checkHeaders(const HttpRequest &request) const;
    QFuture<HttpResponse> handle(const HttpRequest &request);
    HttpResponse handleNow(const HttpRequest &request);
    QFuture<HttpResponse> postUpload(const HttpRequest &request);
    HttpResponse getUpload(const QString &id);
    HttpResponse getUploadFile(const QString &id);
    HttpResponse postJob(const HttpRequest &request);
    HttpResponse getJobs();
    HttpResponse getJob(const QString &id, bool progress);
    HttpResponse deleteJob(const QString &id);
    HttpResponse getOverlay(const QString &diffResultId);
    HttpResponse getDeadLetters();

    ApiOptions m_options;
    // Set when the server stops: upload checks still opening a PDF give up at once.
    std::shared_ptr<CancelFlag> m_stopping = std::make_shared<CancelFlag>(false);
    std::unique_ptr<QueueStore> m_store;
    std::unique_ptr<ReviewLog> m_reviews; // on m_store's connection
    HttpServer *m_http;
    // Upload checks, not the global pool: there the embedded workers identify sheets, and an
    // upload would wait behind them (or they behind hostile uploads). Destroyed first: it waits
    // for the checks, which m_stopping ends at once.
    QThreadPool m_checks;
};

} // namespace bt::server
