#include "apiserver.h"

#include "compare/comparison.h"
#include "compare/settingsvalidation.h"
#include "document/document.h"
#include "jobview.h"
#include "render/renderpool.h"
#include "reviewroutes.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUuid>
#include <QtConcurrent/QtConcurrentRun>

namespace bt::server {

namespace {

QString newId() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// Compares the SHA-256 digests of both, every byte: the time depends neither on where the first
// difference is nor on the lengths (a length check first would reveal the token's length).
bool sameSecret(const QByteArray &a, const QByteArray &b) {
    const QByteArray da = QCryptographicHash::hash(a, QCryptographicHash::Sha256);
    const QByteArray db = QCryptographicHash::hash(b, QCryptographicHash::Sha256);
    unsigned char diff = 0;
    for (int i = 0; i < da.size(); ++i)
        diff |= static_cast<unsigned char>(da[i] ^ db[i]);
    return diff == 0;
}

QString isoOrNull(const QDateTime &t) {
    return t.isValid() ? t.toString(Qt::ISODateWithMs) : QString();
}

bool isPlainId(const QString &id) {
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9-]{1,64}$"));
    return re.match(id).hasMatch();
}

// X-Filename and X-Pdf-Password are percent-encoded UTF-8: header values are bytes that proxies
// and client libraries treat as Latin-1 at best.
QString percentDecoded(const QByteArray &value) {
    return QString::fromUtf8(QByteArray::fromPercentEncoding(value));
}

constexpr int kMaxNameChars = 255;
constexpr int kMaxPasswordChars = 1024;

// What the client called the file, for people to read: the base name only (the client's folders
// are none of the server's business), without control characters or line breaks (it ends up in
// lists and logs), at most 255 characters. Never used as a path: files are stored by id.
QString cleanFileName(const QString &raw) {
    static const QRegularExpression separators(QStringLiteral("[/\\\\]"));
    QList<uint> kept;
    for (const uint c : raw.section(separators, -1).toUcs4()) {
        const QChar::Category cat = QChar::category(char32_t(c));
        if (cat != QChar::Other_Control && cat != QChar::Separator_Line && cat != QChar::Separator_Paragraph)
            kept.append(c);
    }
    QString name = QString::fromUcs4(reinterpret_cast<const char32_t *>(kept.constData()),
                                     std::min<qsizetype>(kept.size(), kMaxNameChars))
                       .trimmed();
    return name == QLatin1String(".") || name == QLatin1String("..") ? QString() : name;
}

// RFC 6266: an ASCII fallback and the UTF-8 name.
QByteArray contentDisposition(const QString &name) {
    QByteArray ascii;
    for (const QChar c : name)
        ascii += c.unicode() >= 0x20 && c.unicode() < 0x7f && c != QLatin1Char('"') && c != QLatin1Char('\\')
                     ? char(c.unicode())
                     : '_';
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + name.toUtf8().toPercentEncoding();
}

} // namespace

ApiServer::ApiServer(const DatabaseConfig &database, const ApiOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_store(std::make_unique<QueueStore>(database))
    , m_reviews(std::make_unique<ReviewLog>(*m_store))
    , m_http(new HttpServer([this](const HttpRequest &r) { return handle(r); },
                            [this](const HttpRequest &r) { return checkHeaders(r); }, this)) {
    m_store->setPasswordCipher(options.passwordCipher);
    // A check holds a render helper while it opens the PDF: more threads would only wait.
    m_checks.setMaxThreadCount(RenderPool::instance().processCount());
    // Uploads go to disk as they arrive (never whole in memory), in incoming/ until checked.
    const QString incoming = incomingDir();
    m_http->setBodyToFile([incoming](const HttpRequest &r) {
        return r.method == "POST" && r.path == QLatin1String("/api/v1/uploads") ? incoming : QString();
    });
    m_http->setBodyLimits(m_options.maxJsonBytes, m_options.maxUploadBytes);
}

ApiServer::~ApiServer() {
    m_stopping->store(true);
    // First: the network thread calls checkHeaders(), which reads this object's options.
    m_http->stop();
}

QString ApiServer::incomingDir() const {
    return m_options.dataDir + QStringLiteral("/incoming");
}

void ApiServer::removeOrphans() {
    // Bodies of uploads cut off by a crash or kill -9.
    QDir incoming(incomingDir());
    for (const QString &name : incoming.entryList(QDir::Files | QDir::Hidden))
        incoming.remove(name);
    // Uploads stored but never recorded (the server died during their check): no row names
    // them, nothing can ever use them.
    QDir uploads(m_options.dataDir + QStringLiteral("/uploads"));
    int removed = 0;
    for (const QString &name : uploads.entryList(QDir::Files | QDir::Hidden)) {
        const QString id = QFileInfo(name).completeBaseName();
        const bool known = name.endsWith(QLatin1String(".pdf")) && isPlainId(id) && m_store->upload(id);
        if (!known && uploads.remove(name)) ++removed;
    }
    if (removed > 0) qInfo("removed %d upload files that no upload row names", removed);
}

bool ApiServer::start(const QHostAddress &address, quint16 port, QString *error) {
    if (m_options.tokens.isEmpty() || m_options.tokens.contains(QString())) {
        if (error) *error = QStringLiteral("no --token given, or an empty one");
        return false;
    }
    for (const char *sub : {"uploads", "jobs", "incoming"})
        if (!QDir().mkpath(m_options.dataDir + QLatin1Char('/') + QLatin1String(sub))) {
            if (error) *error = QStringLiteral("%1: cannot create the data directory").arg(m_options.dataDir);
            return false;
        }
    if (!m_store->open(error) || !m_reviews->open(error)) return false;
    if (m_store->encryptStoredPasswords(error) < 0) return false; // an older version's, in clear
    removeOrphans();
    return m_http->listen(address, port, error);
}

std::optional<HttpResponse> ApiServer::checkHeaders(const HttpRequest &request) const {
    // Before the body is read: no token, no bytes stored.
    const QByteArray auth = request.header("authorization");
    bool ok = false;
    if (auth.startsWith("Bearer ")) {
        const QByteArray given = auth.mid(7).trimmed();
        for (const QString &token : m_options.tokens)
            ok = sameSecret(given, token.toUtf8()) || ok;
    }
    if (!ok) {
        HttpResponse r = HttpResponse::error(401, QStringLiteral("unauthorized"));
        r.headers.append(qMakePair(QByteArray("WWW-Authenticate"), QByteArray("Bearer")));
        return r;
    }
    const bool upload = request.method == "POST" && request.path == QLatin1String("/api/v1/uploads");
    const qint64 limit = upload ? m_options.maxUploadBytes : m_options.maxJsonBytes;
    if (request.contentLength > limit)
        return HttpResponse::error(413, QStringLiteral("the body is over the limit of %1 bytes").arg(limit));
    return std::nullopt;
}

QFuture<HttpResponse> ApiServer::handle(const HttpRequest &request) {
    const QStringList parts = request.path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (request.method == "POST" &&
        parts == QStringList{QStringLiteral("api"), QStringLiteral("v1"), QStringLiteral("uploads")})
        return postUpload(request);
    return QtFuture::makeReadyFuture(handleNow(request));
}

HttpResponse ApiServer::handleNow(const HttpRequest &request) {
    const QStringList parts = request.path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    const QByteArray &m = request.method;
    auto methodNotAllowed = [] { return HttpResponse::error(405, QStringLiteral("method not allowed")); };
    if (parts.size() < 3 || parts[0] != QLatin1String("api") || parts[1] != QLatin1String("v1"))
        return HttpResponse::error(404, QStringLiteral("no such route"));
    if (std::optional<HttpResponse> r = reviewRoute(*m_store, *m_reviews, request)) return *r;
    const QString &collection = parts[2];
    if (collection == QLatin1String("uploads") && parts.size() == 3)
        return methodNotAllowed(); // POST: handle()
    if (collection == QLatin1String("uploads") && parts.size() == 4)
        return m == "GET" ? getUpload(parts[3]) : methodNotAllowed();
    if (collection == QLatin1String("uploads") && parts.size() == 5 && parts[4] == QLatin1String("file"))
        return m == "GET" ? getUploadFile(parts[3]) : methodNotAllowed();
    if (collection == QLatin1String("jobs") && parts.size() == 3) {
        if (m == "POST") return postJob(request);
        return m == "GET" ? getJobs() : methodNotAllowed();
    }
    if (collection == QLatin1String("jobs") && parts.size() == 4) {
        if (m == "GET") return getJob(parts[3], false);
        return m == "DELETE" ? deleteJob(parts[3]) : methodNotAllowed();
    }
    if (collection == QLatin1String("jobs") && parts.size() == 5 && parts[4] == QLatin1String("progress"))
        return m == "GET" ? getJob(parts[3], true) : methodNotAllowed();
    if (collection == QLatin1String("overlays") && parts.size() == 5 && parts[4] == QLatin1String("image"))
        return m == "GET" ? getOverlay(parts[3]) : methodNotAllowed();
    if (collection == QLatin1String("dead-letters") && parts.size() == 3)
        return m == "GET" ? getDeadLetters() : methodNotAllowed();
    return HttpResponse::error(404, QStringLiteral("no such route"));
}

namespace {

// What opening an upload found; made on a worker thread (the PDF is opened in a render helper,
// which may take its full open timeout on a hostile file) so the server keeps answering.
struct UploadCheck {
    QString sha256;
    int pages = 0;
    LoadError code = LoadError::None;
    QString problem;        // core's message without the server's path, when the client may see it
    QString neededPassword; // kept only for a set that cannot be opened without it
};

UploadCheck checkUpload(const QString &path, const QString &password, std::shared_ptr<CancelFlag> stopping) {
    UploadCheck check;
    // Hashed here, piece by piece: a 2 GB upload neither fills memory nor blocks the server.
    QFile file(path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!file.open(QIODevice::ReadOnly)) {
        check.code = LoadError::NotReadable;
        return check;
    }
    QByteArray piece(1 << 20, Qt::Uninitialized);
    for (qint64 n; (n = file.read(piece.data(), piece.size())) > 0;) {
        if (stopping->load()) {
            check.code = LoadError::Cancelled;
            return check;
        }
        hash.addData(QByteArrayView(piece.constData(), n));
    }
    file.close();
    check.sha256 = QString::fromLatin1(hash.result().toHex());
    // Without the password first: a plain PDF opens whatever password is given.
    DocumentError e;
    const qint64 maxPixels = RenderOptions().maxPixels;
    std::unique_ptr<Document> doc = Document::open(path, QString(), &e, maxPixels, stopping.get());
    if (!doc && e.code == LoadError::PasswordRequired && !password.isEmpty()) {
        doc = Document::open(path, password, &e, maxPixels, stopping.get());
        check.neededPassword = password;
    }
    check.code = e.code;
    // A page no drawing has: the client is told which page and why.
    if (e.code == LoadError::PageTooSmall || e.code == LoadError::PageTooLarge) check.problem = e.problem;
    if (doc) check.pages = doc->pageCount();
    return check;
}

} // namespace

QFuture<HttpResponse> ApiServer::postUpload(const HttpRequest &request) {
    auto now = [](HttpResponse response) { return QtFuture::makeReadyFuture(std::move(response)); };
    const QByteArray type = request.header("content-type").split(';').value(0).trimmed().toLower();
    if (type != "application/pdf")
        return now(HttpResponse::error(415, QStringLiteral("send the PDF as Content-Type: application/pdf")));
    // The body is on disk already (HttpServer streamed it to incoming/); whatever is left there
    // when this answers is removed by HttpServer.
    QFile body(request.bodyFile);
    if (request.bodyFile.isEmpty() || !body.open(QIODevice::ReadOnly) || body.size() == 0)
        return now(HttpResponse::error(400, QStringLiteral("empty body")));
    // Anything else would be opened as an image, decoded in this process (only PDFs go to the
    // render helpers) just to be refused.
    if (!hasPdfHeader(body.read(1024)))
        return now(HttpResponse::error(400, QStringLiteral("not a PDF that can be opened")));
    const qint64 bytes = body.size();
    body.close();
    const QString password = percentDecoded(request.header("x-pdf-password"));
    if (password.size() > kMaxPasswordChars)
        return now(HttpResponse::error(400, QStringLiteral("X-Pdf-Password is too long")));
    const QString id = newId();
    const QString path = m_options.dataDir + QStringLiteral("/uploads/") + id + QStringLiteral(".pdf");
    // Same file system: a rename, not a copy. Should the server die before the row is written,
    // the next start removes the file (removeOrphans).
    if (!QFile::rename(request.bodyFile, path)) {
        qWarning("%s: cannot store an upload", qPrintable(path));
        return now(HttpResponse::error(500, QStringLiteral("cannot store the upload")));
    }
    UploadRecord upload;
    upload.id = id;
    upload.path = path;
    upload.bytes = bytes;
    upload.name = cleanFileName(percentDecoded(request.header("x-filename")));
    return QtConcurrent::run(&m_checks, checkUpload, path, password, m_stopping)
        .then(this, [this, upload](const UploadCheck &check) {
            UploadRecord record = upload;
            record.sha256 = check.sha256;
            if (check.code != LoadError::None) {
                removeFileInBackground(record.path);
                // core's messages name a file on the server: the client gets its own.
                if (check.code == LoadError::PasswordRequired)
                    return HttpResponse::error(
                        400,
                        QStringLiteral("the PDF is password-protected: send its password in X-Pdf-Password"));
                if (check.code == LoadError::WrongPassword)
                    return HttpResponse::error(
                        400, QStringLiteral("the password in X-Pdf-Password does not open the PDF"));
                if (!check.problem.isEmpty()) return HttpResponse::error(400, check.problem);
                return HttpResponse::error(400, QStringLiteral("not a PDF that can be opened"));
            }
            record.pages = check.pages;
            record.password = check.neededPassword;
            QString error;
            if (!m_store->addUpload(record, &error)) {
                removeFileInBackground(record.path);
                qWarning("upload: %s", qPrintable(error));
                return HttpResponse::error(500, QStringLiteral("cannot record the upload"));
            }
            return HttpResponse::json(201, {{QStringLiteral("upload_id"), record.id},
                                            {QStringLiteral("sha256"), record.sha256},
                                            {QStringLiteral("pages"), record.pages},
                                            {QStringLiteral("name"), record.name}});
        });
}

HttpResponse ApiServer::getUpload(const QString &id) {
    const std::optional<UploadRecord> upload = isPlainId(id) ? m_store->upload(id) : std::nullopt;
    if (!upload) return HttpResponse::error(404, QStringLiteral("no such upload"));
    // Not the path (the server's business) nor the password (it stays on the server).
    return HttpResponse::json(200, {{QStringLiteral("upload_id"), upload->id},
                                    {QStringLiteral("sha256"), upload->sha256},
                                    {QStringLiteral("pages"), upload->pages},
                                    {QStringLiteral("bytes"), upload->bytes},
                                    {QStringLiteral("name"), upload->name},
                                    {QStringLiteral("created_at"), isoOrNull(upload->createdAt)}});
}

HttpResponse ApiServer::getUploadFile(const QString &id) {
    const std::optional<UploadRecord> upload = isPlainId(id) ? m_store->upload(id) : std::nullopt;
    if (!upload) return HttpResponse::error(404, QStringLiteral("no such upload"));
    // By id under this server's data directory, as the workers find it; exactly the bytes that
    // were uploaded (an encrypted set stays encrypted).
    // Streamed from disk by HttpServer.
    const QString file = m_options.dataDir + QStringLiteral("/uploads/") + id + QStringLiteral(".pdf");
    if (!QFileInfo(file).isFile()) {
        qWarning("upload %s: its file is gone", qPrintable(id));
        return HttpResponse::error(404, QStringLiteral("the upload's file is gone"));
    }
    HttpResponse r;
    r.contentType = "application/pdf";
    r.bodyFile = file;
    r.headers.append(
        qMakePair(QByteArray("Content-Disposition"),
                  contentDisposition(upload->name.isEmpty() ? id + QStringLiteral(".pdf") : upload->name)));
    r.headers.append(qMakePair(QByteArray("ETag"), '"' + upload->sha256.toLatin1() + '"'));
    return r;
}

HttpResponse ApiServer::postJob(const HttpRequest &request) {
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
    if (!doc.isObject()) return HttpResponse::error(400, QStringLiteral("the body is not a JSON object"));
    const QJsonObject o = doc.object();
    const QJsonValue settings = o.value(QStringLiteral("settings"));
    if (!settings.isUndefined() && !settings.isNull() && !settings.isObject())
        return HttpResponse::error(400, QStringLiteral("settings must be an object"));
    ServerJob job;
    job.oldUpload = o.value(QStringLiteral("old_upload_id")).toString();
    job.newUpload = o.value(QStringLiteral("new_upload_id")).toString();
    for (const QString &upload : {job.oldUpload, job.newUpload})
        if (!isPlainId(upload) || !m_store->upload(upload))
            return HttpResponse::error(400,
                                       QStringLiteral("old_upload_id and new_upload_id must name uploads"));
    // Checked by core, as the command line checks its options: unknown fields, wrong types and
    // out-of-range values are refused naming the field; missing ones take their defaults.
    if (const std::optional<SettingsProblem> problem = validateSettingsJson(settings.toObject()))
        return HttpResponse::json(
            400, {{QStringLiteral("error"),
                   QJsonObject{{QStringLiteral("code"), 400},
                               {QStringLiteral("message"), QStringLiteral("settings.") + problem->message()},
                               {QStringLiteral("field"), problem->field}}}});
    job.settings = CompareSettings::fromJson(settings.toObject()).toJson();
    job.id = newId();
    const QString key = QString::fromUtf8(request.header("idempotency-key"));
    if (key.size() > 200) return HttpResponse::error(400, QStringLiteral("Idempotency-Key too long"));
    bool created = false;
    QString error;
    const std::optional<ServerJob> stored = m_store->createJob(job, key, &created, &error);
    if (!stored) {
        qWarning("create job: %s", qPrintable(error));
        return HttpResponse::error(500, QStringLiteral("cannot create the job"));
    }
    // A retried POST gets the response of the first one.
    HttpResponse r = HttpResponse::json(201, {{QStringLiteral("job_id"), stored->id}});
    if (!created) r.headers.append(qMakePair(QByteArray("Idempotent-Replayed"), QByteArray("true")));
    return r;
}

HttpResponse ApiServer::getJobs() {
    QJsonArray jobs;
    for (const ServerJob &j : m_store->jobs())
        jobs.append(QJsonObject{{QStringLiteral("job_id"), j.id},
                                {QStringLiteral("status"), jobStatusName(j.status)},
                                {QStringLiteral("total_pages"), j.totalPages},
                                {QStringLiteral("old_upload_id"), j.oldUpload},
                                {QStringLiteral("new_upload_id"), j.newUpload},
                                {QStringLiteral("old_name"), j.oldName},
                                {QStringLiteral("new_name"), j.newName},
                                {QStringLiteral("created_at"), isoOrNull(j.createdAt)},
                                {QStringLiteral("finished_at"), isoOrNull(j.finishedAt)}});
    return HttpResponse::json(200, {{QStringLiteral("jobs"), jobs}});
}

HttpResponse ApiServer::getJob(const QString &id, bool progress) {
    const std::optional<ServerJob> job = isPlainId(id) ? m_store->job(id) : std::nullopt;
    if (!job) return HttpResponse::error(404, QStringLiteral("no such job"));
    return HttpResponse::json(200, progress ? progressJson(*m_store, *job) : resultJson(*m_store, *job));
}

HttpResponse ApiServer::deleteJob(const QString &id) {
    QString error;
    if (!isPlainId(id) || !m_store->deleteJob(id, &error)) {
        if (!error.isEmpty()) qWarning("delete job: %s", qPrintable(error));
        return error.isEmpty() ? HttpResponse::error(404, QStringLiteral("no such job"))
                               : HttpResponse::error(500, QStringLiteral("cannot delete the job"));
    }
    if (!m_reviews->deleteJob(id, &error)) qWarning("delete job: %s", qPrintable(error));
    // Its uploads stay: other jobs may use them.
    QDir(jobArtifactDir(m_options.dataDir, id)).removeRecursively();
    return HttpResponse::json(200, {{QStringLiteral("deleted"), id}});
}

HttpResponse ApiServer::getOverlay(const QString &diffResultId) {
    QString jobId;
    int page = 0;
    if (!parseDiffResultId(diffResultId, &jobId, &page))
        return HttpResponse::error(404, QStringLiteral("no such overlay"));
    const QJsonObject diff = m_store->results(jobId, Stage::Diff).value(page);
    const QString written =
        diff.value(QStringLiteral("diff_result")).toObject().value(QStringLiteral("overlay_path")).toString();
    if (written.isEmpty()) return HttpResponse::error(404, QStringLiteral("no such overlay"));
    // By file name in the job's folder: the worker that wrote it may mount the share elsewhere.
    const QString file =
        jobArtifactDir(m_options.dataDir, jobId) + QLatin1Char('/') + QFileInfo(written).fileName();
    if (!QFileInfo(file).isFile()) return HttpResponse::error(404, QStringLiteral("no such overlay"));
    HttpResponse r;
    r.contentType = "image/png";
    r.bodyFile = file; // streamed from disk
    return r;
}

HttpResponse ApiServer::getDeadLetters() {
    QJsonArray letters;
    for (const DeadLetter &d : m_store->deadLetters())
        letters.append(QJsonObject{{QStringLiteral("id"), d.id},
                                   {QStringLiteral("job_id"), d.jobId},
                                   {QStringLiteral("page_number"), d.pageNumber},
                                   {QStringLiteral("stage"), stageName(d.stage)},
                                   {QStringLiteral("error"), d.error},
                                   {QStringLiteral("attempts"), d.attempts},
                                   {QStringLiteral("created_at"), isoOrNull(d.createdAt)}});
    return HttpResponse::json(200, {{QStringLiteral("dead_letters"), letters}});
}

} // namespace bt::server
