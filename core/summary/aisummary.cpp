#include "aisummary.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QStringList>
#include <QTimer>

#include <algorithm>
#include <memory>

namespace bt {

namespace {

constexpr int kMaxRegionsListed = 60;      // a prompt of a few KB, not a whole notes column
constexpr int kMaxTextChars = 400;         // per quoted text, then "…"
constexpr qint64 kMaxReplyBytes = 1 << 20; // a chat reply with a short summary is a few KB

const char *const kSystemPrompt =
    "You rewrite the change summary of one sheet of a construction drawing set for the project "
    "team. You are given the facts a drawing comparison program found and the summary the program "
    "wrote from them. Write a short, clear summary in plain text (no markdown, no lists, no "
    "headings), at most five sentences.\n"
    "Rules:\n"
    "- Use only the given facts. Do not guess causes, intentions, quantities or locations that are "
    "not stated, and do not add advice.\n"
    "- Keep drawing numbers and every quoted text (between \u201c and \u201d) exactly as given, "
    "character for character, including units, foot and inch marks, punctuation and letter case.\n"
    "- Write in the language of the program's summary.\n"
    "- Reply with the summary only.";

QString quoted(const QStringList &words) {
    QString text = words.join(QLatin1Char(' '));
    if (text.size() > kMaxTextChars) text = text.left(kMaxTextChars) + QChar(0x2026);
    return QStringLiteral("\u201c%1\u201d").arg(text);
}

// The sheet area a box is in, in words (the model's input is English whatever the UI language).
QString sheetArea(const QRectF &boxPt, QSizeF pageSizePt) {
    if (pageSizePt.width() <= 0 || pageSizePt.height() <= 0) return {};
    static const char *const names[3][3] = {{"upper left", "upper centre", "upper right"},
                                            {"middle left", "centre", "middle right"},
                                            {"lower left", "lower centre", "lower right"}};
    const QPointF c = boxPt.normalized().center();
    auto third = [](double v, double size) { return std::clamp(int(3 * v / size), 0, 2); };
    return QString::fromLatin1(names[third(c.y(), pageSizePt.height())][third(c.x(), pageSizePt.width())]);
}

QString regionLine(const PageResult &page, const ChangeRegion &r) {
    QStringList place;
    const QString grid = page.grid.locate(r.boxPt);
    if (!grid.isEmpty()) place << grid;
    const QString area = sheetArea(r.boxPt, page.pageSizePt);
    if (!area.isEmpty()) place << area + QStringLiteral(" of the sheet");
    const QRectF b = r.boxPt.normalized();
    place << QStringLiteral("box x %1, y %2, %3 \u00d7 %4 pt")
                 .arg(qRound(b.x()))
                 .arg(qRound(b.y()))
                 .arg(qRound(b.width()))
                 .arg(qRound(b.height()));
    QString what;
    if (r.oldText.isEmpty() && r.newText.isEmpty())
        what = QStringLiteral("linework only, no text");
    else if (r.oldText == r.newText)
        what = QStringLiteral("linework near the unchanged text %1").arg(quoted(r.newText));
    else if (r.oldText.isEmpty())
        what = QStringLiteral("text added: %1").arg(quoted(r.newText));
    else if (r.newText.isEmpty())
        what = QStringLiteral("text removed: %1").arg(quoted(r.oldText));
    else
        what = QStringLiteral("text changed: %1 \u2192 %2").arg(quoted(r.oldText), quoted(r.newText));
    return QStringLiteral("%1. %2 (%3): %4")
        .arg(r.id)
        .arg(changeKindName(r.kind), place.join(QStringLiteral(", ")), what);
}

// A <think>…</think> block that reasoning models put before their answer.
QString withoutThinking(QString text) {
    static const QRegularExpression think(QStringLiteral("^\\s*<think>.*?</think>"),
                                          QRegularExpression::DotMatchesEverythingOption);
    return text.remove(think).trimmed();
}

// The reply's own error message, when an HTTP error carries an OpenAI-style {"error": …} body.
QString errorMessageIn(const QByteArray &body) {
    const QJsonValue error = QJsonDocument::fromJson(body).object().value(QStringLiteral("error"));
    const QString message =
        error.isObject() ? error.toObject().value(QStringLiteral("message")).toString() : error.toString();
    return message.simplified().left(200);
}

} // namespace

bool isWorthRewriting(const PageResult &page) {
    return page.match == MatchKind::Matched && page.error.isEmpty() && !page.regions.isEmpty();
}

QUrl chatCompletionsUrl(const QUrl &endpoint) {
    QUrl url = endpoint;
    QString path = url.path();
    if (path.endsWith(QLatin1String("/chat/completions"))) return url;
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + QStringLiteral("/chat/completions"));
    return url;
}

QString changeFacts(const PageResult &page) {
    QStringList lines;
    const QString number = page.drawingName();
    const QString title = page.drawingTitle();
    lines << QStringLiteral("Drawing number: %1")
                 .arg(number.isEmpty() ? QStringLiteral("(not found)") : number);
    if (!title.isEmpty()) lines << QStringLiteral("Sheet title: %1").arg(title);
    if (page.oldIdentity.number != page.newIdentity.number && !page.oldIdentity.number.isEmpty() &&
        !page.newIdentity.number.isEmpty())
        lines << QStringLiteral("Drawing number in the old set: %1").arg(page.oldIdentity.number);
    lines << QStringLiteral("Compared: page %1 of the old set with page %2 of the new set")
                 .arg(page.oldPage + 1)
                 .arg(page.newPage + 1);
    if (!page.alignment.reliable())
        lines << QStringLiteral("Warning: the new sheet could not be aligned reliably onto the old one");

    ChangeRegions regions = page.regions;
    std::stable_sort(regions.begin(), regions.end(),
                     [](const ChangeRegion &a, const ChangeRegion &b) { return a.id < b.id; });
    lines << QStringLiteral("Changes (%1 numbered clouds):").arg(regions.size());
    for (int i = 0; i < regions.size() && i < kMaxRegionsListed; ++i)
        lines << regionLine(page, regions[i]);
    if (regions.size() > kMaxRegionsListed)
        lines << QStringLiteral("… and %1 more changes").arg(regions.size() - kMaxRegionsListed);
    return lines.join(QLatin1Char('\n'));
}

QJsonObject chatCompletionsRequest(const PageResult &page, const QString &deterministicSummary,
                                   const QString &model) {
    const QString user = QStringLiteral("Facts:\n%1\n\nThe program's summary:\n%2")
                             .arg(changeFacts(page), deterministicSummary);
    return QJsonObject{
        {QStringLiteral("model"), model},
        {QStringLiteral("messages"),
         QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("system")},
                                {QStringLiteral("content"), QString::fromUtf8(kSystemPrompt)}},
                    QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                                {QStringLiteral("content"), user}}}},
        {QStringLiteral("temperature"), 0.2},
        {QStringLiteral("stream"), false},
    };
}

QString chatCompletionsContent(const QByteArray &body, QString *failure) {
    auto fail = [failure](const QString &why) {
        if (failure) *failure = why;
        return QString();
    };
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return fail(QStringLiteral("the reply is not a JSON object (%1 bytes)").arg(body.size()));
    const QJsonArray choices = doc.object().value(QStringLiteral("choices")).toArray();
    if (choices.isEmpty()) {
        const QString message = errorMessageIn(body);
        return fail(message.isEmpty() ? QStringLiteral("the reply has no choices")
                                      : QStringLiteral("the reply has no choices: %1").arg(message));
    }
    const QJsonObject choice = choices.first().toObject();
    const QJsonValue content =
        choice.value(QStringLiteral("message")).toObject().value(QStringLiteral("content"));
    if (!content.isString()) return fail(QStringLiteral("the reply has no choices[0].message.content text"));
    if (choice.value(QStringLiteral("finish_reason")).toString() == QLatin1String("length"))
        return fail(QStringLiteral("the reply was cut off (finish_reason \"length\")"));
    const QString text = withoutThinking(content.toString());
    if (text.isEmpty()) return fail(QStringLiteral("the reply's content is empty"));
    if (text.size() > kAiSummaryMaxChars)
        return fail(QStringLiteral("the reply's content is %1 characters long (at most %2 are taken)")
                        .arg(text.size())
                        .arg(kAiSummaryMaxChars));
    return text;
}

AiSummary rewriteSummary(const PageResult &page, const QString &deterministicSummary,
                         const AiSummaryConfig &config, const CancelFlag *cancel) {
    AiSummary result;
    result.text = deterministicSummary;
    if (!config.isActive() || !isWorthRewriting(page)) return result;
    auto failed = [&result](const QString &why, bool endpoint) {
        result.failure = why;
        result.endpointFailed = endpoint;
        return result;
    };
    const QString scheme = config.endpoint.scheme();
    if (!config.endpoint.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
        return failed(QStringLiteral("the endpoint is not an http(s) URL: %1")
                          .arg(config.endpoint.toDisplayString(QUrl::RemoveUserInfo)),
                      true);

    QNetworkRequest request(chatCompletionsUrl(config.endpoint));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    request.setRawHeader("Accept", "application/json");
    if (!config.apiKey.isEmpty()) request.setRawHeader("Authorization", "Bearer " + config.apiKey.toUtf8());
    // The key goes to the configured host only, not wherever a redirect points.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::SameOriginRedirectPolicy);
    // Local model servers speak HTTP/1.1; no HTTP/2 negotiation to go wrong.
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    const QByteArray body = QJsonDocument(chatCompletionsRequest(page, deterministicSummary, config.model))
                                .toJson(QJsonDocument::Compact);

    QNetworkAccessManager manager;
    std::unique_ptr<QNetworkReply> reply(manager.post(request, body));
    bool timedOut = false, tooLarge = false, cancelled = false;
    QEventLoop loop;
    // One deadline for the whole exchange (setTransferTimeout only limits a stall between bytes:
    // a server trickling its answer would never hit it).
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, reply.get(), [&] {
        timedOut = true;
        reply->abort();
    });
    // The pipeline's cancel flag: a cancelled job does not wait for the endpoint.
    QTimer cancelPoll;
    QObject::connect(&cancelPoll, &QTimer::timeout, reply.get(), [&] {
        if (cancel && cancel->load()) {
            cancelled = true;
            reply->abort();
        }
    });
    QObject::connect(reply.get(), &QNetworkReply::readyRead, reply.get(), [&] {
        if (reply->bytesAvailable() > kMaxReplyBytes) {
            tooLarge = true;
            reply->abort();
        }
    });
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    deadline.start(std::max(1, config.timeoutMs));
    if (cancel) cancelPoll.start(50);
    if (!reply->isFinished()) loop.exec();
    deadline.stop();
    cancelPoll.stop();

    if (cancelled) return failed(QStringLiteral("cancelled"), false);
    if (timedOut) return failed(QStringLiteral("no reply within %1 ms").arg(config.timeoutMs), true);
    if (tooLarge)
        return failed(QStringLiteral("the reply is larger than %1 bytes").arg(kMaxReplyBytes), false);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray replyBody = reply->readAll();
    if (status >= 300 || (status == 0 && reply->error() != QNetworkReply::NoError)) {
        if (status == 0) // nothing came back: no connection, refused, reset, TLS …
            return failed(reply->errorString(), true);
        const QString message = errorMessageIn(replyBody);
        QString why = QStringLiteral("HTTP %1").arg(status);
        const QString reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
        if (!reason.isEmpty()) why += QStringLiteral(" (%1)").arg(reason);
        if (!message.isEmpty()) why += QStringLiteral(": ") + message;
        return failed(why, false);
    }
    if (reply->error() != QNetworkReply::NoError) return failed(reply->errorString(), true);
    QString why;
    const QString text = chatCompletionsContent(replyBody, &why);
    if (text.isEmpty()) return failed(why, false);
    result.text = text;
    result.rewritten = true;
    return result;
}

} // namespace bt
