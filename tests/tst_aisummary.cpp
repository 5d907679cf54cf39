// The optional AI summary provider (core/summary/aisummary.*) against a local HTTP stub that
// speaks the chat-completions format (QTcpServer on loopback, a random port): a good reply is
// used, and the request carries the structured change list, no image data, and the bearer key
// when one is set; a stub that never answers, malformed replies, HTTP errors, an unreachable port
// and a disabled provider all leave the deterministic summary. Then the pipeline with the provider
// pointed at the stub (rewritten summaries stored and marked; a failing stub changes nothing; a
// timeout stops the job asking), the command line's --ai-* options, the card's tip and the settings
// dialog.

#include "compare/resultjson.h"
#include "drawinggenerator.h"
#include "guisettings.h"
#include "pagecard.h"
#include "pipeline/pipeline.h"
#include "report/report.h"
#include "report/reportinput.h"
#include "settingsdialog.h"
#include "store/jobstore.h"
#include "summary/aisummary.h"
#include "summary/summary.h"
#include "testutil.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPdfDocument>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSpinBox>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QToolTip>
#include <QtTest>

#include <functional>

using namespace bt;
using namespace bt::test;

namespace {

// A chat-completions server on 127.0.0.1 that answers each POST as its mode says, one request
// per connection (Connection: close), and remembers what it was sent.
class ChatStub : public QObject {
    Q_OBJECT
public:
    enum class Mode { Reply, Silent, Status500, NotJson, NoChoices, EmptyContent, TooLong, CutOff, Thinking };

    struct Request {
        QByteArray method;
        QByteArray path;
        QMap<QByteArray, QByteArray> headers; // names in lower case
        QByteArray body;
        QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
        // messages[i].content
        QString message(int i) const {
            return json()
                .value(QStringLiteral("messages"))
                .toArray()
                .at(i)
                .toObject()
                .value(QStringLiteral("content"))
                .toString();
        }
    };

    explicit ChatStub(QObject *parent = nullptr)
        : QObject(parent) {
        connect(&m_server, &QTcpServer::newConnection, this, &ChatStub::accept);
        m_server.listen(QHostAddress::LocalHost, 0);
    }

    bool isListening() const { return m_server.isListening(); }
    QUrl baseUrl() const { return QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(m_server.serverPort())); }

    Mode mode = Mode::Reply;
    QVector<Request> requests;
    int connections = 0;

    // The stub's rewrite: names the sheet the request was about, so a test can tell pages apart.
    static QString rewriteFor(const QString &drawingNumber) {
        return QStringLiteral("Rewritten by the stub: %1.").arg(drawingNumber);
    }

private:
    void accept() {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            ++connections;
            socket->setParent(this);
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
        }
    }

    void read(QTcpSocket *socket) {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const int headerEnd = int(buffer.indexOf("\r\n\r\n"));
        if (headerEnd < 0) return;
        Request r;
        const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        r.method = requestLine.value(0);
        r.path = requestLine.value(1);
        for (int i = 1; i < lines.size(); ++i) {
            const int colon = int(lines[i].indexOf(':'));
            if (colon > 0)
                r.headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
        }
        const int length = r.headers.value("content-length").toInt();
        if (buffer.size() < headerEnd + 4 + length) return; // the body is still coming
        r.body = buffer.mid(headerEnd + 4, length);
        m_buffers.remove(socket);
        requests.append(r);
        respond(socket, r);
    }

    static QByteArray completion(const QJsonValue &content,
                                 const QString &finishReason = QStringLiteral("stop")) {
        const QJsonObject reply{
            {QStringLiteral("id"), QStringLiteral("chatcmpl-stub")},
            {QStringLiteral("object"), QStringLiteral("chat.completion")},
            {QStringLiteral("choices"),
             QJsonArray{QJsonObject{{QStringLiteral("index"), 0},
                                    {QStringLiteral("message"),
                                     QJsonObject{{QStringLiteral("role"), QStringLiteral("assistant")},
                                                 {QStringLiteral("content"), content}}},
                                    {QStringLiteral("finish_reason"), finishReason}}}}};
        return QJsonDocument(reply).toJson(QJsonDocument::Compact);
    }

    void respond(QTcpSocket *socket, const Request &r) {
        static const QRegularExpression numberLine(QStringLiteral("Drawing number: (\\S+)"));
        const QString number = numberLine.match(r.message(1)).captured(1);
        int status = 200;
        QByteArray body;
        switch (mode) {
        case Mode::Silent:
            return; // never answers
        case Mode::Reply:
            body = completion(rewriteFor(number));
            break;
        case Mode::Status500:
            status = 500;
            body = R"({"error":{"message":"model crashed","type":"server_error"}})";
            break;
        case Mode::NotJson:
            body = "<html><body>Welcome to nginx!</body></html>";
            break;
        case Mode::NoChoices:
            body = R"({"id":"x","object":"chat.completion","usage":{"total_tokens":3}})";
            break;
        case Mode::EmptyContent:
            body = completion(QStringLiteral("  \n "));
            break;
        case Mode::TooLong:
            body = completion(QString(kAiSummaryMaxChars + 1, QLatin1Char('x')));
            break;
        case Mode::CutOff:
            body = completion(QStringLiteral("A-101: the revision changed from"), QStringLiteral("length"));
            break;
        case Mode::Thinking:
            body = completion(QStringLiteral("<think>The user wants a summary.\nOK.</think>\n\n") +
                              rewriteFor(number));
            break;
        }
        const QByteArray reason = status == 200 ? "OK" : "Internal Server Error";
        QByteArray response =
            "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason +
            "\r\nContent-Type: " + (mode == Mode::NotJson ? "text/html" : "application/json") +
            "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
        socket->write(response);
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

ChangeRegion region(int id, ChangeKind kind, const QRectF &boxPt, const QString &oldText = {},
                    const QString &newText = {}) {
    ChangeRegion r;
    r.id = id;
    r.kind = kind;
    r.boxPt = boxPt;
    r.oldText = oldText.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    r.newText = newText.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    return r;
}

// A-101 with a revision change, a changed dimension, an added note and added linework.
PageResult samplePage() {
    PageResult p;
    p.pageNumber = 1;
    p.oldPage = 0;
    p.newPage = 0;
    p.match = MatchKind::Matched;
    p.oldIdentity.number = p.newIdentity.number = QStringLiteral("A-101");
    p.newIdentity.title = QStringLiteral("FIRST FLOOR PLAN");
    p.diffDone = true;
    p.pageSizePt = QSizeF(36 * 72.0, 24 * 72.0);
    p.regions = {region(1, ChangeKind::Modified, QRectF(2300, 1600, 60, 14), QStringLiteral("REV 1"),
                        QStringLiteral("REV 2")),
                 region(2, ChangeKind::Modified, QRectF(800, 500, 50, 10), QStringLiteral("28'-6\""),
                        QStringLiteral("30'-6\"")),
                 region(3, ChangeKind::Added, QRectF(2000, 300, 300, 12), QString(),
                        QStringLiteral("11. VERIFY ALL DIMENSIONS IN FIELD")),
                 region(4, ChangeKind::Added, QRectF(200, 1400, 100, 100))};
    return p;
}

AiSummaryConfig configFor(const ChatStub &stub, int timeoutMs = 3000) {
    AiSummaryConfig c;
    c.enabled = true;
    c.endpoint = stub.baseUrl();
    c.model = QStringLiteral("stub-model");
    c.timeoutMs = timeoutMs;
    return c;
}

// A port nothing listens on (bound for a moment, then released).
quint16 closedPort() {
    QTcpServer s;
    if (!s.listen(QHostAddress::LocalHost, 0)) return 0;
    const quint16 port = s.serverPort();
    s.close();
    return port;
}

} // namespace

class TestAiSummary : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_old, m_new; // X-101 and X-103 edited, X-102 not
    int m_dbCount = 0;

    QString newDb() { return m_dir.filePath(QStringLiteral("db-%1/history.sqlite").arg(++m_dbCount)); }

    struct Job {
        QString status;
        ComparisonResult result;
    };

    Job runJob(JobStore &store, const PipelineOptions &options) {
        Pipeline pipeline(&store);
        CompareSettings settings;
        settings.dpi = 100;
        QString error;
        Job job;
        if (!pipeline.start(m_old, m_new, settings, options, &error)) {
            qWarning("cannot start the job: %s", qPrintable(error));
            return job;
        }
        QTimer watchdog; // waitForFinished has no timeout of its own
        watchdog.setSingleShot(true);
        connect(&watchdog, &QTimer::timeout, &pipeline, &Pipeline::cancel);
        watchdog.start(300000);
        QObject::connect(
            &pipeline, &Pipeline::jobFinished,
            [&job](const QString &, JobStatus status, qint64) { job.status = jobStatusName(status); });
        pipeline.waitForFinished();
        job.result = pipeline.result();
        return job;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QCoreApplication::setOrganizationName(QStringLiteral("BuildTraceTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_aisummary"));
        QSettings().clear();
        qunsetenv("BUILDTRACE_INJECT_FAULT");

        auto edited = [](SheetSpec s) {
            s.extraNotes << QStringLiteral("VERIFY ALL DIMENSIONS IN FIELD BEFORE ORDERING MATERIALS.");
            s.revision = QStringLiteral("REV 2");
            return s;
        };
        const QSizeF tabloid(17, 11);
        const QVector<SheetSpec> base = {
            makeSheet(QStringLiteral("X-101"), QStringLiteral("FIRST FLOOR PLAN"), 41, tabloid),
            makeSheet(QStringLiteral("X-102"), QStringLiteral("SECOND FLOOR PLAN"), 42, tabloid),
            makeSheet(QStringLiteral("X-103"), QStringLiteral("ROOF PLAN"), 43, tabloid)};
        m_old = m_dir.filePath(QStringLiteral("old.pdf"));
        m_new = m_dir.filePath(QStringLiteral("new.pdf"));
        QCOMPARE(writeVectorSet(m_old, base).size(), 3);
        QCOMPARE(writeVectorSet(m_new, {edited(base[0]), base[1], edited(base[2])}).size(), 3);
    }

    void endpointUrl() {
        QCOMPARE(chatCompletionsUrl(QUrl(QStringLiteral("http://localhost:8080/v1"))),
                 QUrl(QStringLiteral("http://localhost:8080/v1/chat/completions")));
        QCOMPARE(chatCompletionsUrl(QUrl(QStringLiteral("http://localhost:8080/v1/"))),
                 QUrl(QStringLiteral("http://localhost:8080/v1/chat/completions")));
        QCOMPARE(chatCompletionsUrl(QUrl(QStringLiteral("https://api.example.com/v1/chat/completions"))),
                 QUrl(QStringLiteral("https://api.example.com/v1/chat/completions")));
        QCOMPARE(chatCompletionsUrl(QUrl(QStringLiteral("http://127.0.0.1:11434"))),
                 QUrl(QStringLiteral("http://127.0.0.1:11434/chat/completions")));
    }

    // (a) A good reply is the summary; the request is the chat-completions format with the
    // structured change list and the deterministic summary, text only, and the bearer key.
    void goodReplyIsUsed() {
        ChatStub stub;
        QVERIFY(stub.isListening());
        const PageResult page = samplePage();
        const QString deterministic = summarisePage(page);
        AiSummaryConfig config = configFor(stub);
        config.apiKey = QStringLiteral("sk-test-123");

        const AiSummary ai = rewriteSummary(page, deterministic, config);
        QVERIFY2(ai.rewritten, qPrintable(ai.failure));
        QCOMPARE(ai.text, ChatStub::rewriteFor(QStringLiteral("A-101")));
        QVERIFY(ai.failure.isEmpty());

        QCOMPARE(stub.requests.size(), 1);
        const ChatStub::Request &r = stub.requests.first();
        QCOMPARE(r.method, QByteArray("POST"));
        QCOMPARE(r.path, QByteArray("/v1/chat/completions"));
        QCOMPARE(r.headers.value("authorization"), QByteArray("Bearer sk-test-123"));
        QVERIFY(r.headers.value("content-type").startsWith("application/json"));
        const QJsonObject json = r.json();
        QCOMPARE(json.value(QStringLiteral("model")).toString(), QStringLiteral("stub-model"));
        QCOMPARE(json.value(QStringLiteral("temperature")).toDouble(), 0.2);
        const QJsonArray messages = json.value(QStringLiteral("messages")).toArray();
        QCOMPARE(messages.size(), 2);
        QCOMPARE(messages[0].toObject().value(QStringLiteral("role")).toString(), QStringLiteral("system"));
        QCOMPARE(messages[1].toObject().value(QStringLiteral("role")).toString(), QStringLiteral("user"));
        for (const QJsonValue &m : messages) // plain strings: no content parts, so no image parts
            QVERIFY(m.toObject().value(QStringLiteral("content")).isString());

        const QString system = r.message(0), user = r.message(1);
        QVERIFY2(system.contains(QStringLiteral("Use only the given facts")), qPrintable(system));
        QVERIFY2(system.contains(QStringLiteral("Keep drawing numbers and every quoted text")),
                 qPrintable(system));
        // The structured change list: the sheet, each region with kind, place and texts old -> new.
        for (const QString &fact :
             {QStringLiteral("Drawing number: A-101"), QStringLiteral("Sheet title: FIRST FLOOR PLAN"),
              QStringLiteral("Changes (4 numbered clouds):"),
              QStringLiteral(
                  "1. modified (lower right of the sheet, box x 2300, y 1600, 60 \u00d7 14 pt): text "
                  "changed: \u201cREV 1\u201d \u2192 \u201cREV 2\u201d"),
              QStringLiteral("\u201c28'-6\"\u201d \u2192 \u201c30'-6\"\u201d"), QStringLiteral("3. added"),
              QStringLiteral("text added: \u201c11. VERIFY ALL DIMENSIONS IN FIELD\u201d"),
              QStringLiteral("4. added (lower left of the sheet"), QStringLiteral("linework only, no text"),
              deterministic})
            QVERIFY2(user.contains(fact), qPrintable(fact + QStringLiteral("\n--- not in ---\n") + user));
        // Text only: nothing that could carry a drawing.
        for (const char *image : {"image_url", "data:image", "base64", "\"image\"", "input_image"})
            QVERIFY2(!r.body.contains(image), image);
        QVERIFY2(r.body.size() < 16 * 1024, QByteArray::number(r.body.size()).constData());

        // No key, no Authorization header.
        config.apiKey.clear();
        QVERIFY(rewriteSummary(page, deterministic, config).rewritten);
        QCOMPARE(stub.requests.size(), 2);
        QVERIFY(!stub.requests.last().headers.contains("authorization"));
    }

    // A reasoning model's <think> block is not part of the summary.
    void thinkingIsDropped() {
        ChatStub stub;
        stub.mode = ChatStub::Mode::Thinking;
        const AiSummary ai = rewriteSummary(samplePage(), QStringLiteral("deterministic"), configFor(stub));
        QVERIFY2(ai.rewritten, qPrintable(ai.failure));
        QCOMPARE(ai.text, ChatStub::rewriteFor(QStringLiteral("A-101")));
    }

    // (b) A stub that never answers: after the timeout the deterministic summary stands.
    void timeoutKeepsDeterministic() {
        ChatStub stub;
        stub.mode = ChatStub::Mode::Silent;
        const QString deterministic = summarisePage(samplePage());
        QElapsedTimer clock;
        clock.start();
        const AiSummary ai = rewriteSummary(samplePage(), deterministic, configFor(stub, 300));
        const qint64 ms = clock.elapsed();
        QVERIFY(!ai.rewritten);
        QCOMPARE(ai.text, deterministic);
        QVERIFY2(ai.failure.contains(QStringLiteral("no reply within 300 ms")), qPrintable(ai.failure));
        QVERIFY(ai.endpointFailed);
        QVERIFY2(ms >= 250 && ms < 5000, qPrintable(QString::number(ms)));
        QCOMPARE(stub.requests.size(), 1); // it was asked
    }

    // (c) Malformed replies and HTTP errors: the deterministic summary stands, with the reason.
    void malformedReplies_data() {
        QTest::addColumn<int>("mode");
        QTest::addColumn<QString>("reason");
        QTest::newRow("not JSON") << int(ChatStub::Mode::NotJson) << "not a JSON object";
        QTest::newRow("no choices") << int(ChatStub::Mode::NoChoices) << "no choices";
        QTest::newRow("HTTP 500") << int(ChatStub::Mode::Status500) << "HTTP 500";
        QTest::newRow("empty content") << int(ChatStub::Mode::EmptyContent) << "content is empty";
        QTest::newRow("too long") << int(ChatStub::Mode::TooLong) << "2001 characters";
        QTest::newRow("cut off") << int(ChatStub::Mode::CutOff) << "cut off";
    }
    void malformedReplies() {
        QFETCH(int, mode);
        QFETCH(QString, reason);
        ChatStub stub;
        stub.mode = ChatStub::Mode(mode);
        const QString deterministic = summarisePage(samplePage());
        const AiSummary ai = rewriteSummary(samplePage(), deterministic, configFor(stub));
        QVERIFY(!ai.rewritten);
        QCOMPARE(ai.text, deterministic);
        QVERIFY2(ai.failure.contains(reason), qPrintable(ai.failure));
        QVERIFY(!ai.endpointFailed); // the endpoint answered: the next sheet may fare better
        QCOMPARE(stub.requests.size(), 1);
        if (ChatStub::Mode(mode) == ChatStub::Mode::Status500)
            QVERIFY2(ai.failure.contains(QStringLiteral("model crashed")), qPrintable(ai.failure));
    }

    // (d) Nothing listens on the port.
    void connectionRefused() {
        const quint16 port = closedPort();
        QVERIFY(port != 0);
        AiSummaryConfig config;
        config.enabled = true;
        config.endpoint = QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(port));
        const QString deterministic = summarisePage(samplePage());
        const AiSummary ai = rewriteSummary(samplePage(), deterministic, config);
        QVERIFY(!ai.rewritten);
        QCOMPARE(ai.text, deterministic);
        QVERIFY2(ai.failure.contains(QStringLiteral("refused"), Qt::CaseInsensitive), qPrintable(ai.failure));
        QVERIFY(ai.endpointFailed);

        config.endpoint = QUrl(QStringLiteral("ftp://127.0.0.1/v1"));
        QVERIFY(
            rewriteSummary(samplePage(), deterministic, config).failure.contains(QStringLiteral("http(s)")));
    }

    // (e) Off (the default): no request at all; nor for sheets with nothing to rewrite.
    void disabledMakesNoRequest() {
        ChatStub stub;
        QVERIFY(!AiSummaryConfig().enabled);
        QVERIFY(!PipelineOptions().aiSummary.enabled);
        QVERIFY(!ui::GuiSettings().aiSummary.enabled);
        AiSummaryConfig config = configFor(stub);
        config.enabled = false;
        const QString deterministic = summarisePage(samplePage());
        AiSummary ai = rewriteSummary(samplePage(), deterministic, config);
        QVERIFY(!ai.rewritten);
        QCOMPARE(ai.text, deterministic);
        QVERIFY(ai.failure.isEmpty());

        QCOMPARE(stub.connections, 0);
        QVERIFY(stub.requests.isEmpty());

        // The control: rewriteSummary waits for the answer, so a sheet it asks about has been
        // counted by the stub when it returns.
        config.enabled = true;
        QVERIFY(rewriteSummary(samplePage(), deterministic, config).rewritten);
        QCOMPARE(stub.connections, 1);
        QCOMPARE(stub.requests.size(), 1);
        PageResult unchanged = samplePage();
        unchanged.regions.clear();
        PageResult added = samplePage();
        added.match = MatchKind::Added;
        for (const PageResult &p : {unchanged, added}) {
            ai = rewriteSummary(p, summarisePage(p), config);
            QVERIFY(!ai.rewritten);
            QCOMPARE(ai.text, summarisePage(p));
        }
        QCOMPARE(stub.connections, 1);
        QCOMPARE(stub.requests.size(), 1);
    }

    // The pipeline with the provider on: changed sheets get the stub's text, marked with the model
    // and their deterministic summary, in the history and the result JSON; unchanged sheets are not
    // asked about. Then a failing stub: every summary is the deterministic one and no page fails.
    // Then the same comparison again with a working stub: the history's job is continued and only
    // the summaries are redone.
    void pipelineUsesTheRewrite() {
        ChatStub stub;
        JobStore store(newDb());
        QVERIFY(store.open());
        PipelineOptions options;
        options.releaseMemoryAfterJob = false;
        options.aiSummary = configFor(stub, 10000);

        const Job job = runJob(store, options);
        QCOMPARE(job.status, QStringLiteral("completed"));
        QCOMPARE(job.result.pages.size(), 3);
        QStringList asked;
        for (const ChatStub::Request &r : stub.requests)
            asked << QRegularExpression(QStringLiteral("Drawing number: (\\S+)"))
                         .match(r.message(1))
                         .captured(1);
        asked.sort();
        QCOMPARE(asked, (QStringList{QStringLiteral("X-101"), QStringLiteral("X-103")}));

        const std::optional<ComparisonResult> stored = storedComparison(store, job.result.jobId);
        QVERIFY(stored);
        for (const PageResult &p : job.result.pages) {
            const PageResult &s = stored->pages.at(p.pageNumber - 1);
            if (p.drawingName() == QLatin1String("X-102")) {
                QVERIFY(p.regions.isEmpty());
                QCOMPARE(p.summaryText, summarisePage(p));
                QVERIFY(p.summaryAiModel.isEmpty());
                QVERIFY(s.summaryAiModel.isEmpty());
                continue;
            }
            QVERIFY2(!p.regions.isEmpty(), qPrintable(p.drawingName()));
            QCOMPARE(p.summaryText, ChatStub::rewriteFor(p.drawingName()));
            QCOMPARE(p.summaryAiModel, QStringLiteral("stub-model"));
            QCOMPARE(p.deterministicSummary, summarisePage(p));
            // Kept in the history as it was shown, with its mark.
            QCOMPARE(s.summaryText, p.summaryText);
            QCOMPARE(s.summaryAiModel, p.summaryAiModel);
            QCOMPARE(s.deterministicSummary, p.deterministicSummary);
            const QJsonObject summary =
                pageResultToJson(s, job.result.jobId).value(QStringLiteral("summary")).toObject();
            QCOMPARE(summary.value(QStringLiteral("summary_text")).toString(), p.summaryText);
            QCOMPARE(summary.value(QStringLiteral("ai_model")).toString(), QStringLiteral("stub-model"));
            QCOMPARE(summary.value(QStringLiteral("deterministic_text")).toString(), summarisePage(p));
        }

        // The report says which summaries the AI rewrote.
        const std::optional<ReportInput> in = ReportInput::fromStore(store, job.result.jobId);
        QVERIFY(in);
        const QString pdf = m_dir.filePath(QStringLiteral("ai-report.pdf"));
        QString error;
        QVERIFY2(writeReport(*in, ReportOptions(), pdf, {}, nullptr, &error), qPrintable(error));
        QPdfDocument doc;
        QCOMPARE(doc.load(pdf), QPdfDocument::Error::None);
        QCOMPARE(doc.pageCount(), 5); // the cover, three sheets and the appendix
        for (int i = 1; i < 4; ++i) {
            const QString text = doc.getAllText(i).text().simplified();
            const bool rewritten = text.contains(QStringLiteral("Rewritten by the stub"));
            QCOMPARE(text.contains(QStringLiteral("Summary (rewritten by the AI model stub-model)")),
                     rewritten);
            QCOMPARE(rewritten, !text.contains(QStringLiteral("X-102")));
        }

        // The stub fails: the deterministic summaries stand, the job completes.
        ChatStub failing;
        failing.mode = ChatStub::Mode::Status500;
        JobStore other(newDb());
        QVERIFY(other.open());
        options.aiSummary = configFor(failing, 10000);
        const Job failed = runJob(other, options);
        QCOMPARE(failed.status, QStringLiteral("completed"));
        QCOMPARE(failing.requests.size(), 2); // each changed sheet asked once
        for (const PageResult &p : failed.result.pages) {
            QCOMPARE(p.summaryText, summarisePage(p));
            QVERIFY(p.summaryAiModel.isEmpty());
            QVERIFY(p.error.isEmpty());
            QVERIFY(!pageResultToJson(p, failed.result.jobId)
                         .value(QStringLiteral("summary"))
                         .toObject()
                         .contains(QStringLiteral("ai_model")));
        }

        // The same comparison with the stub working again: the job is continued, only the
        // deterministic summaries of changed sheets are redone.
        ChatStub working;
        options.aiSummary = configFor(working, 10000);
        Pipeline pipeline(&other);
        QSignalSpy stages(&pipeline, &Pipeline::stageChanged);
        CompareSettings settings;
        settings.dpi = 100;
        QVERIFY2(pipeline.start(m_old, m_new, settings, options, &error), qPrintable(error));
        QVERIFY(pipeline.reused());
        pipeline.waitForFinished();
        for (const QList<QVariant> &args : stages) {
            const StageEvent e = args.first().value<StageEvent>();
            QVERIFY2(e.stage == Stage::Summary, qPrintable(stageName(e.stage)));
        }
        QCOMPARE(working.requests.size(), 2);
        for (const PageResult &p : pipeline.result().pages)
            QCOMPARE(p.summaryText,
                     p.regions.isEmpty() ? summarisePage(p) : ChatStub::rewriteFor(p.drawingName()));
    }

    // An endpoint that does not answer in time is not asked about the job's other sheets.
    void pipelineStopsAskingAfterATimeout() {
        ChatStub stub;
        stub.mode = ChatStub::Mode::Silent;
        JobStore store(newDb());
        QVERIFY(store.open());
        PipelineOptions options;
        options.releaseMemoryAfterJob = false;
        options.aiSummary = configFor(stub, 300);
        const Job job = runJob(store, options);
        QCOMPARE(job.status, QStringLiteral("completed"));
        QCOMPARE(stub.requests.size(), 1);
        for (const PageResult &p : job.result.pages) {
            QCOMPARE(p.summaryText, summarisePage(p));
            QVERIFY(p.summaryAiModel.isEmpty());
        }
    }

    // --ai-endpoint on the command line: the key from $BUILDTRACE_AI_KEY; a bad URL is refused.
    void commandLine() {
        ChatStub stub;
        const QString json = m_dir.filePath(QStringLiteral("cli.json"));
        // The CLI runs in another process: this thread must keep serving the stub meanwhile, so
        // the CLI is started asynchronously here rather than with runCli.
        QProcess cli;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtimeDir());
        env.insert(QStringLiteral("BUILDTRACE_AI_KEY"), QStringLiteral("sk-cli"));
        env.remove(QStringLiteral("BUILDTRACE_INJECT_FAULT"));
        cli.setProcessEnvironment(env);
        cli.start(QStringLiteral(BT_CLI_PATH),
                  {QStringLiteral("compare"), m_old, m_new, QStringLiteral("--dpi"), QStringLiteral("100"),
                   QStringLiteral("--db"), newDb(), QStringLiteral("--json"), json, QStringLiteral("--quiet"),
                   QStringLiteral("--ai-endpoint"), stub.baseUrl().toString(), QStringLiteral("--ai-model"),
                   QStringLiteral("cli-model")});
        QVERIFY(cli.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(cli.state() == QProcess::NotRunning, 240000);
        QCOMPARE(cli.exitCode(), 1); // changes found
        QCOMPARE(stub.requests.size(), 2);
        for (const ChatStub::Request &r : stub.requests) {
            QCOMPARE(r.headers.value("authorization"), QByteArray("Bearer sk-cli"));
            QCOMPARE(r.json().value(QStringLiteral("model")).toString(), QStringLiteral("cli-model"));
        }
        QFile file(json);
        QVERIFY(file.open(QIODevice::ReadOnly));
        int rewritten = 0;
        for (const QJsonValue &v :
             QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("pages")).toArray()) {
            const QJsonObject summary = v.toObject().value(QStringLiteral("summary")).toObject();
            if (summary.value(QStringLiteral("ai_model")).toString() != QLatin1String("cli-model")) continue;
            ++rewritten;
            QVERIFY(summary.value(QStringLiteral("summary_text"))
                        .toString()
                        .startsWith(QStringLiteral("Rewritten by the stub")));
            QVERIFY(!summary.value(QStringLiteral("deterministic_text")).toString().isEmpty());
        }
        QCOMPARE(rewritten, 2);

        const CliRun bad = runCli({QStringLiteral("compare"), m_old, m_new, QStringLiteral("--ai-endpoint"),
                                   QStringLiteral("localhost:8080")});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.stdErr.contains(QStringLiteral("--ai-endpoint must be an http:// or https:// URL")),
                 qPrintable(bad.stdErr));
        const CliRun orphan = runCli(
            {QStringLiteral("compare"), m_old, m_new, QStringLiteral("--ai-model"), QStringLiteral("m")});
        QCOMPARE(orphan.exitCode, 2);
    }

    // A card showing a rewritten summary says which model wrote it and what the program wrote.
    void cardSaysWhoWroteTheSummary() {
        PageResult page = samplePage();
        page.summaryText = ChatStub::rewriteFor(QStringLiteral("A-101"));
        page.summaryAiModel = QStringLiteral("stub-model");
        page.deterministicSummary = summarisePage(samplePage());
        QThreadPool thumbnails;
        ui::PageCard card(page, &thumbnails);
        card.resize(480, 320);
        card.show();
        QVERIFY(QTest::qWaitForWindowExposed(&card));
        auto *label = card.findChild<QLabel *>(QStringLiteral("summaryLabel"));
        QVERIFY(label);
        QCOMPARE(label->text(), page.summaryText);
        QVERIFY2(label->toolTip().contains(QStringLiteral("stub-model")), qPrintable(label->toolTip()));
        QVERIFY2(label->toolTip().contains(page.deterministicSummary), qPrintable(label->toolTip()));
        // The label lets the mouse through: the card shows the tip over it.
        const QPoint at = label->geometry().center();
        QHelpEvent help(QEvent::ToolTip, at, card.mapToGlobal(at));
        QApplication::sendEvent(&card, &help);
        QTRY_COMPARE(QToolTip::text(), label->toolTip());
        QToolTip::hideText();

        page.summaryText = summarisePage(samplePage());
        page.summaryAiModel.clear();
        page.deterministicSummary.clear();
        card.setPage(page);
        QVERIFY(label->toolTip().isEmpty());
    }

    // The settings: off by default, the key hidden as it is typed, a provider turned on without an
    // address cannot be saved, and what is saved comes back.
    void settingsDialog() {
        ui::GuiSettings s;
        ui::SettingsDialog dialog(s);
        auto *enabled = dialog.findChild<QCheckBox *>(QStringLiteral("aiEnabled"));
        auto *endpoint = dialog.findChild<QLineEdit *>(QStringLiteral("aiEndpoint"));
        auto *model = dialog.findChild<QLineEdit *>(QStringLiteral("aiModel"));
        auto *key = dialog.findChild<QLineEdit *>(QStringLiteral("aiKey"));
        auto *timeout = dialog.findChild<QSpinBox *>(QStringLiteral("aiTimeout"));
        auto *buttons = dialog.findChild<QDialogButtonBox *>();
        QVERIFY(enabled && endpoint && model && key && timeout && buttons);
        QVERIFY(!enabled->isChecked());
        QVERIFY(!endpoint->isEnabled());
        QCOMPARE(key->echoMode(), QLineEdit::Password);
        QCOMPARE(timeout->value(), 20);

        enabled->setChecked(true);
        QVERIFY(endpoint->isEnabled());
        QVERIFY(!buttons->button(QDialogButtonBox::Ok)->isEnabled()); // no address yet
        endpoint->setText(QStringLiteral("http://localhost:8080/v1"));
        QVERIFY(buttons->button(QDialogButtonBox::Ok)->isEnabled());
        model->setText(QStringLiteral("qwen2.5-7b-instruct"));
        key->setText(QStringLiteral("sk-secret"));
        timeout->setValue(45);

        const ui::GuiSettings back = dialog.settings();
        QVERIFY(back.aiSummary.enabled);
        QCOMPARE(back.aiSummary.endpoint, QUrl(QStringLiteral("http://localhost:8080/v1")));
        QCOMPARE(back.aiSummary.model, QStringLiteral("qwen2.5-7b-instruct"));
        QCOMPARE(back.aiSummary.apiKey, QStringLiteral("sk-secret"));
        QCOMPARE(back.aiSummary.timeoutMs, 45000);
        const PipelineOptions options = back.pipelineOptions();
        QVERIFY(options.aiSummary.isActive());
        QCOMPARE(options.aiSummary.model, QStringLiteral("qwen2.5-7b-instruct"));

        back.save();
        const ui::GuiSettings loaded = ui::GuiSettings::load();
        QVERIFY(loaded.aiSummary.enabled);
        QCOMPARE(loaded.aiSummary.endpoint, back.aiSummary.endpoint);
        QCOMPARE(loaded.aiSummary.apiKey, QStringLiteral("sk-secret"));
        QCOMPARE(loaded.aiSummary.timeoutMs, 45000);

        // Restore Defaults turns the provider off and keeps its address and key.
        buttons->button(QDialogButtonBox::RestoreDefaults)->click();
        QVERIFY(!enabled->isChecked());
        QCOMPARE(endpoint->text(), QStringLiteral("http://localhost:8080/v1"));
        QCOMPARE(key->text(), QStringLiteral("sk-secret"));
        QVERIFY(!dialog.settings().pipelineOptions().aiSummary.isActive());
        QSettings().clear();
    }
};

QTEST_MAIN(TestAiSummary)
#include "tst_aisummary.moc"
