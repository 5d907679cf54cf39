#pragma once

#include "compare/comparison.h"
#include "compare/pageresult.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QUrl>

namespace bt {

// An optional OpenAI-compatible chat-completions endpoint (a local model server, or a hosted
// one) that rewrites a sheet's deterministic summary into plainer prose. It gets only text: the
// structured change list and the deterministic summary, never the drawings. Off by default.
struct AiSummaryConfig {
    QUrl endpoint;         // base URL ("http://localhost:8080/v1") or the full …/chat/completions URL
    QString model;         // sent as "model"
    QString apiKey;        // sent as "Authorization: Bearer …" when set
    int timeoutMs = 20000; // the whole request, connection to last byte
    bool enabled = false;

    bool isActive() const { return enabled && !endpoint.isEmpty(); }
    // What a rewrite is marked with (PageResult::summaryAiModel): the model, or "default model"
    // when none is named (a server with one model loaded ignores the field).
    QString modelLabel() const { return model.isEmpty() ? QStringLiteral("default model") : model; }
};

// What rewriteSummary gives back: always a summary to show.
struct AiSummary {
    QString text;           // the rewrite, or the deterministic summary when it failed
    bool rewritten = false; // text came from the endpoint
    QString failure;        // why the deterministic summary stands; empty when rewritten or not asked
    // The endpoint could not be reached or did not answer in time: asking it about the job's
    // other sheets would most likely fail the same way, each after the timeout.
    bool endpointFailed = false;
};

// Longest rewrite accepted (characters); a longer reply is not a summary.
constexpr int kAiSummaryMaxChars = 2000;

// Sheets the endpoint is asked about: matched sheets with changes. Added, removed, failed and
// unchanged sheets have one-sentence summaries with nothing to rewrite.
bool isWorthRewriting(const PageResult &page);

// POST target: the endpoint itself when its path ends in /chat/completions, else that appended.
QUrl chatCompletionsUrl(const QUrl &endpoint);

// The facts the model is given, one per line: sheet, pairing, each change region with its kind,
// place (grid or sheet area), box and texts old → new (quoted “…”, verbatim).
QString changeFacts(const PageResult &page);

// The request body: {model, messages: [system, user], temperature: 0.2, stream: false}.
QJsonObject chatCompletionsRequest(const PageResult &page, const QString &deterministicSummary,
                                   const QString &model);

// choices[0].message.content of a reply body, cleaned (a leading <think>…</think> block dropped,
// trimmed); empty with *failure set when the body is not such a reply, the content is empty or
// cut off, or longer than kAiSummaryMaxChars.
QString chatCompletionsContent(const QByteArray &body, QString *failure);

// Asks the endpoint to rewrite deterministicSummary for the page and waits for it (blocking: its
// own QNetworkAccessManager and event loop, so it runs on any thread, e.g. the pipeline's
// workers). No request when the config is not active or the page is not worth rewriting. On any
// failure (connection, timeout, HTTP error, a malformed, empty or absurdly long reply,
// cancellation) the deterministic summary is returned with the reason.
AiSummary rewriteSummary(const PageResult &page, const QString &deterministicSummary,
                         const AiSummaryConfig &config, const CancelFlag *cancel = nullptr);

} // namespace bt
