#include "serverfixture.h"

#include "revisedsheet.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>
#include <QUrl>
#include <QtTest>

namespace bt::test {

namespace {

QNetworkAccessManager &network() {
    static QNetworkAccessManager nam;
    return nam;
}

} // namespace

// One request, started: the reply's finished() says when it is answered.
QNetworkReply *startRequest(quint16 port, const QByteArray &method, const QString &path,
                            const QByteArray &body, const QList<QPair<QByteArray, QByteArray>> &headers,
                            const QByteArray &token) {
    QNetworkRequest req(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(path)));
    if (!token.isNull()) req.setRawHeader("Authorization", "Bearer " + token);
    for (const auto &[name, value] : headers)
        req.setRawHeader(name, value);
    if (!body.isNull() && !req.hasRawHeader("Content-Type"))
        req.setRawHeader("Content-Type", "application/json");
    return network().sendCustomRequest(req, method, body);
}

Reply replyOf(QNetworkReply *r) {
    Reply out;
    out.status = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.body = r->readAll();
    out.contentType = r->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    out.json = QJsonDocument::fromJson(out.body).object();
    return out;
}

// One request, waited for (30 s at most).
Reply request(quint16 port, const QByteArray &method, const QString &path, const QByteArray &body,
              const QList<QPair<QByteArray, QByteArray>> &headers, const QByteArray &token) {
    QNetworkReply *r = startRequest(port, method, path, body, headers, token);
    QEventLoop loop;
    QObject::connect(r, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    if (!r->isFinished()) loop.exec();
    const Reply out = replyOf(r);
    r->deleteLater();
    return out;
}

// A buildtrace-server on a port of its choosing.
Server startServer(const QStringList &args, const QMap<QString, QString> &env) {
    return startServerProcess(QStringLiteral(BT_SERVER_PATH), kToken, args, env);
}

std::unique_ptr<Child> startWorker(const QString &database, const QString &dataDir, const QString &id,
                                   const QStringList &extra, const QMap<QString, QString> &env) {
    return std::make_unique<Child>(
        QStringLiteral(BT_WORKER_PATH),
        QStringList{QStringLiteral("--database"), database, QStringLiteral("--data-dir"), dataDir,
                    QStringLiteral("--worker-id"), id, QStringLiteral("--poll-ms"), QStringLiteral("100"),
                    QStringLiteral("--backoff-ms"), QStringLiteral("50")} +
            extra,
        env);
}

bool isFinal(const QString &status) {
    return status == QLatin1String("completed") || status == QLatin1String("completed_with_errors") ||
           status == QLatin1String("failed");
}

// POST /api/v1/uploads; name and password go percent-encoded into X-Filename and
// X-Pdf-Password (a null one: no header).
Reply uploadBytes(quint16 port, const QByteArray &pdf, const QString &name, const QString &password) {
    QList<QPair<QByteArray, QByteArray>> headers{{"Content-Type", "application/pdf"}};
    if (!name.isNull()) headers.append({"X-Filename", QUrl::toPercentEncoding(name)});
    if (!password.isNull()) headers.append({"X-Pdf-Password", QUrl::toPercentEncoding(password)});
    return request(port, "POST", QStringLiteral("/api/v1/uploads"), pdf, headers);
}

QString upload(quint16 port, const QString &file, const QString &name, const QString &password) {
    const Reply r = uploadBytes(port, readFile(file), name, password);
    if (r.status != 201) qWarning("upload: %s", qPrintable(r.text()));
    return r.json.value(QStringLiteral("upload_id")).toString();
}

QString postJob(quint16 port, const QString &oldFile, const QString &newFile, const QByteArray &key) {
    return postJobOn(port, upload(port, oldFile), upload(port, newFile), key);
}

QString postJobOn(quint16 port, const QString &oldId, const QString &newId, const QByteArray &key) {
    const QJsonObject body{{QStringLiteral("old_upload_id"), oldId},
                           {QStringLiteral("new_upload_id"), newId},
                           {QStringLiteral("settings"), QJsonObject{{QStringLiteral("dpi"), kDpi}}}};
    QList<QPair<QByteArray, QByteArray>> headers;
    if (!key.isEmpty()) headers.append({"Idempotency-Key", key});
    const Reply r = request(port, "POST", QStringLiteral("/api/v1/jobs"),
                            QJsonDocument(body).toJson(QJsonDocument::Compact), headers);
    if (r.status != 201) qWarning("job: %s", qPrintable(r.text()));
    return r.json.value(QStringLiteral("job_id")).toString();
}

// Polls the progress route until the job is finished (or the time is up).
QJsonObject waitForJob(quint16 port, const QString &jobId, int timeoutMs,
                       const std::function<bool(const QJsonObject &)> &until) {
    QElapsedTimer t;
    t.start();
    QJsonObject last;
    while (t.elapsed() < timeoutMs) {
        last = request(port, "GET", QStringLiteral("/api/v1/jobs/%1/progress").arg(jobId)).json;
        if (until ? until(last) : isFinal(last.value(QStringLiteral("status")).toString())) return last;
        QTest::qWait(100);
    }
    qWarning("job %s not done: %s", qPrintable(jobId),
             QJsonDocument(last).toJson(QJsonDocument::Compact).left(600).constData());
    return last;
}

// The job list's entry of a job.
QJsonObject listedJob(quint16 port, const QString &jobId) {
    for (const QJsonValue &j :
         request(port, "GET", QStringLiteral("/api/v1/jobs")).json.value(QStringLiteral("jobs")).toArray())
        if (j.toObject().value(QStringLiteral("job_id")).toString() == jobId) return j.toObject();
    return {};
}

QJsonObject stageOf(const QJsonObject &progress, int page) {
    for (const QJsonValue &p : progress.value(QStringLiteral("pages")).toArray())
        if (p.toObject().value(QStringLiteral("page_number")).toInt() == page) return p.toObject();
    return {};
}

QByteArray paddedPdf(qint64 padding) {
    QByteArray pdf = "%PDF-1.4\n";
    QVector<qint64> offsets;
    auto object = [&](const QByteArray &body) {
        offsets << pdf.size();
        pdf += QByteArray::number(offsets.size()) + " 0 obj\n" + body + "\nendobj\n";
    };
    object("<< /Type /Catalog /Pages 2 0 R >>");
    object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
    object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 1224 792] /Contents 4 0 R >>");
    const QByteArray content = "10 10 m 1000 700 l S";
    object("<< /Length " + QByteArray::number(content.size()) + " >>\nstream\n" + content + "\nendstream");
    QByteArray pad(padding, 'x');
    for (qint64 i = 0; i < padding; i += 4096)
        pad[i] = char('a' + (i / 4096) % 26);
    object("<< /Length " + QByteArray::number(padding) + " >>\nstream\n" + pad + "\nendstream");
    const qint64 xref = pdf.size();
    pdf += "xref\n0 " + QByteArray::number(offsets.size() + 1) + "\n0000000000 65535 f \n";
    for (const qint64 o : offsets)
        pdf += QByteArray::number(o).rightJustified(10, '0') + " 00000 n \n";
    pdf += "trailer\n<< /Size " + QByteArray::number(offsets.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
           QByteArray::number(xref) + "\n%%EOF\n";
    return pdf;
}

ServerSets writeServerSets(const QString &dir, bool tenSheets) {
    QVector<SheetSpec> oldT, newT;
    for (int i = 0; i < 10; ++i) {
        const SheetSpec s = makeSheet(QStringLiteral("T-%1").arg(101 + i),
                                      QStringLiteral("LEVEL %1 PLAN").arg(i + 1), 201 + i, kTabloid);
        oldT << s;
        newT << (i % 3 == 0 ? revisedSheet(s, i) : s);
    }
    ServerSets sets;
    const QDir d(dir);
    sets.oldA = d.filePath(QStringLiteral("a-old.pdf"));
    sets.newA = d.filePath(QStringLiteral("a-new.pdf"));
    bool ok = writeVectorSet(sets.oldA, oldT.mid(0, 3)).size() == 3 &&
              writeVectorSet(sets.newA, newT.mid(0, 3)).size() == 3;
    if (tenSheets) {
        sets.oldT = d.filePath(QStringLiteral("t-old.pdf"));
        sets.newT = d.filePath(QStringLiteral("t-new.pdf"));
        ok = ok && writeVectorSet(sets.oldT, oldT).size() == 10 &&
             writeVectorSet(sets.newT, newT).size() == 10;
    }
    return ok ? sets : ServerSets();
}

} // namespace bt::test
