#include "serverclient.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSaveFile>

namespace bt {

QString overlayRoute(const QString &jobId, int pageNumber) {
    return QStringLiteral("/api/v1/overlays/%1-diff-%2/image").arg(jobId).arg(pageNumber);
}

QString ServerConfig::key() const {
    QUrl u = url.adjusted(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash | QUrl::RemoveQuery |
                          QUrl::RemoveFragment);
    return u.toString();
}

ServerClient::ServerClient(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this)) {}

QNetworkRequest ServerClient::request(const QString &path) const {
    QUrl url = m_config.url.adjusted(QUrl::StripTrailingSlash);
    const qsizetype query = path.indexOf(QLatin1Char('?')); // setPath would encode it into the path
    url.setPath(url.path() + path.left(query));
    if (query >= 0) url.setQuery(path.mid(query + 1));
    QNetworkRequest r(url);
    r.setRawHeader("Authorization", "Bearer " + m_config.token.toUtf8());
    r.setTransferTimeout(m_timeoutMs);
    // The server closes every connection after its answer.
    r.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    return r;
}

void ServerClient::get(const QString &path, Callback done) {
    track(m_network->get(request(path)), std::move(done));
}

void ServerClient::post(const QString &path, const QJsonObject &body, Callback done,
                        const QByteArray &idempotencyKey) {
    QNetworkRequest r = request(path);
    r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    if (!idempotencyKey.isEmpty()) r.setRawHeader("Idempotency-Key", idempotencyKey);
    track(m_network->post(r, QJsonDocument(body).toJson(QJsonDocument::Compact)), std::move(done));
}

void ServerClient::deleteResource(const QString &path, Callback done) {
    track(m_network->deleteResource(request(path)), std::move(done));
}

void ServerClient::upload(const QString &filePath, const QString &password, Callback done) {
    auto *file = new QFile(filePath);
    if (!file->open(QIODevice::ReadOnly)) {
        ApiReply reply;
        reply.networkError = QNetworkReply::UnknownContentError;
        reply.httpStatus = -1; // not the server's doing: retrying would not help
        reply.message = tr("%1: %2").arg(QFileInfo(filePath).fileName(), file->errorString());
        delete file;
        done(reply);
        return;
    }
    QNetworkRequest r = request(QStringLiteral("/api/v1/uploads"));
    r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/pdf"));
    r.setHeader(QNetworkRequest::ContentLengthHeader, file->size());
    r.setRawHeader("X-Filename", QUrl::toPercentEncoding(QFileInfo(filePath).fileName()));
    if (!password.isEmpty()) r.setRawHeader("X-Pdf-Password", QUrl::toPercentEncoding(password));
    QNetworkReply *reply = m_network->post(r, file);
    file->setParent(reply); // read while the request goes out, closed with the reply
    track(reply, std::move(done));
}

void ServerClient::download(const QString &path, const QString &targetFile, Callback done) {
    track(m_network->get(request(path)), std::move(done), targetFile);
}

void ServerClient::track(QNetworkReply *reply, Callback done, const QString &targetFile) {
    connect(reply, &QNetworkReply::finished, this, [reply, done = std::move(done), targetFile] {
        reply->deleteLater();
        ApiReply r;
        r.networkError = reply->error();
        r.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.body = reply->readAll();
        const QJsonDocument doc = QJsonDocument::fromJson(r.body);
        if (doc.isObject()) r.json = doc.object();
        if (r.httpStatus == 0) {
            r.message = reply->errorString();
        } else if (!r.ok()) {
            r.message =
                r.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString();
            if (r.message.isEmpty()) r.message = tr("HTTP %1").arg(r.httpStatus);
        } else if (!targetFile.isEmpty()) {
            QSaveFile file(targetFile);
            if (!file.open(QIODevice::WriteOnly) || file.write(r.body) != r.body.size() || !file.commit()) {
                r.httpStatus = -1;
                r.message = tr("%1: %2").arg(targetFile, file.errorString());
            }
            r.body.clear();
        }
        done(r);
    });
}

} // namespace bt
