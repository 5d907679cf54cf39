#pragma once

// The job server as its tests drive it (tst_server: the HTTP API on the embedded SQLite server;
// tst_serverpostgres: PostgreSQL workers, schema migration): requests with the test token, server
// and worker processes, uploads and jobs, progress polled until a job is done, and the sheet sets
// both compare. Sheets are 17 x 11 in at 60 DPI for speed.

#include "drawinggenerator.h"
#include "serverprocess.h"
#include "testutil.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QPair>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

class QNetworkReply;

namespace bt::test {

const QSizeF kTabloid(17, 11);
constexpr int kDpi = 60;
const QByteArray kToken = "s3cret-token";
constexpr int kJobTimeoutMs = 120000;

struct Reply {
    int status = 0;
    QByteArray body;
    QJsonObject json;
    QByteArray contentType;
    QString text() const {
        return QStringLiteral("%1 %2").arg(status).arg(QString::fromUtf8(body.left(400)));
    }
};

// One request, started: the reply's finished() says when it is answered.
QNetworkReply *startRequest(quint16 port, const QByteArray &method, const QString &path,
                            const QByteArray &body = {},
                            const QList<QPair<QByteArray, QByteArray>> &headers = {},
                            const QByteArray &token = kToken);
Reply replyOf(QNetworkReply *r);
// One request, waited for (30 s at most).
Reply request(quint16 port, const QByteArray &method, const QString &path, const QByteArray &body = {},
              const QList<QPair<QByteArray, QByteArray>> &headers = {}, const QByteArray &token = kToken);

// A buildtrace-server (BT_SERVER_PATH) on a port of its choosing.
using Server = ServerProcess;
Server startServer(const QStringList &args, const QMap<QString, QString> &env = {});
// A buildtrace-worker (BT_WORKER_PATH) polling every 100 ms, retrying after 50 ms.
std::unique_ptr<Child> startWorker(const QString &database, const QString &dataDir, const QString &id,
                                   const QStringList &extra = {}, const QMap<QString, QString> &env = {});

bool isFinal(const QString &status);

// POST /api/v1/uploads; name and password go percent-encoded into X-Filename and
// X-Pdf-Password (a null one: no header).
Reply uploadBytes(quint16 port, const QByteArray &pdf, const QString &name = QString(),
                  const QString &password = QString());
// The upload id of a file uploaded, empty (and a warning) when refused.
QString upload(quint16 port, const QString &file, const QString &name = QString(),
               const QString &password = QString());
// A job at kDpi on two files uploaded now, or on two uploads; its id, empty when refused.
QString postJob(quint16 port, const QString &oldFile, const QString &newFile, const QByteArray &key = {});
QString postJobOn(quint16 port, const QString &oldId, const QString &newId, const QByteArray &key = {});
// Polls the progress route until the job is finished, or `until` says so (or the time is up).
QJsonObject waitForJob(quint16 port, const QString &jobId, int timeoutMs = kJobTimeoutMs,
                       const std::function<bool(const QJsonObject &)> &until = {});
// The job list's entry of a job.
QJsonObject listedJob(quint16 port, const QString &jobId);
// A page's entry in a job's progress.
QJsonObject stageOf(const QJsonObject &progress, int page);

// A one-page tabloid PDF padded with an unreferenced stream of `padding` bytes: as big as a
// test needs, valid for the upload check (which opens it in a render helper).
QByteArray paddedPdf(qint64 padding);

// Set T: 10 sheets, T-101, T-104, T-107 and T-110 edited; set A: its first 3 sheets.
struct ServerSets {
    QString oldA, newA;
    QString oldT, newT;
};
// Writes set A, and set T when asked, into `dir`; all empty when a file could not be written.
ServerSets writeServerSets(const QString &dir, bool tenSheets);

} // namespace bt::test
