#include "pipelinefixture.h"

#include "compare/resultjson.h"
#include "revisedsheet.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QTimer>
#include <QUrl>
#include <QtTest>

namespace bt::test {

// ---- result JSON ------------------------------------------------------------------------------

QJsonValue normalizedValue(const QString &key, const QJsonValue &v);

// The result without what differs between two runs of the same comparison: ids (job_id and the
// *_id fields), created_at, and the folders of artifacts (their file names stay).
QJsonObject normalized(const QJsonObject &o) {
    QJsonObject out;
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QString key = it.key();
        if (key == QLatin1String("created_at") || key.endsWith(QLatin1String("_id"))) continue;
        out.insert(key, normalizedValue(key, it.value()));
    }
    return out;
}

QJsonValue normalizedValue(const QString &key, const QJsonValue &v) {
    if (v.isString() && key.endsWith(QLatin1String("_url"))) return QUrl(v.toString()).fileName();
    if (v.isString() && key.endsWith(QLatin1String("_path"))) return QFileInfo(v.toString()).fileName();
    if (v.isObject()) return normalized(v.toObject());
    if (v.isArray()) {
        QJsonArray a;
        for (const QJsonValue &x : v.toArray())
            a.append(normalizedValue(key, x));
        return a;
    }
    return v;
}

QString compactText(const QJsonValue &v) {
    if (v.isObject()) return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    if (v.isArray()) return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    return QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact));
}

// Where two JSON values first differ ("" when equal), for failure messages.
QString firstDifference(const QJsonValue &a, const QJsonValue &b, const QString &where) {
    if (a.type() != b.type())
        return QStringLiteral("%1: %2 vs %3").arg(where, compactText(a), compactText(b));
    if (a.isObject()) {
        const QJsonObject x = a.toObject(), y = b.toObject();
        QStringList keys = x.keys() + y.keys();
        keys.removeDuplicates();
        for (const QString &k : keys) {
            if (!x.contains(k) || !y.contains(k))
                return QStringLiteral("%1.%2: only in the %3 one")
                    .arg(where, k, x.contains(k) ? "first" : "second");
            const QString d = firstDifference(x.value(k), y.value(k), where + QLatin1Char('.') + k);
            if (!d.isEmpty()) return d;
        }
        return {};
    }
    if (a.isArray()) {
        const QJsonArray x = a.toArray(), y = b.toArray();
        if (x.size() != y.size())
            return QStringLiteral("%1: %2 vs %3 elements").arg(where).arg(x.size()).arg(y.size());
        for (int i = 0; i < x.size(); ++i) {
            const QString d = firstDifference(x[i], y[i], QStringLiteral("%1[%2]").arg(where).arg(i));
            if (!d.isEmpty()) return d;
        }
        return {};
    }
    return a == b ? QString() : QStringLiteral("%1: %2 vs %3").arg(where, compactText(a), compactText(b));
}

QJsonObject pageOf(const QJsonObject &result, int pageNumber) {
    for (const QJsonValue &p : result.value(QStringLiteral("pages")).toArray())
        if (p.toObject().value(QStringLiteral("page_number")).toInt() == pageNumber) return p.toObject();
    return {};
}

QString summaryTextOf(const QJsonObject &page) {
    return page.value(QStringLiteral("summary")).toObject().value(QStringLiteral("summary_text")).toString();
}

// ---- stage events -----------------------------------------------------------------------------

Ev evFrom(const StageEvent &e) {
    const QJsonObject o = e.toJson();
    return {e.pageNumber, stageName(e.stage), stageStatusName(e.status), e.tMs, e.attempt, e.willRetry, o};
}

Ev evFrom(const QJsonObject &o) {
    return {o.value(QStringLiteral("page_number")).toInt(),
            o.value(QStringLiteral("stage")).toString(),
            o.value(QStringLiteral("status")).toString(),
            qint64(o.value(QStringLiteral("t_ms")).toDouble()),
            o.value(QStringLiteral("attempt")).toInt(),
            o.value(QStringLiteral("will_retry")).toBool(),
            o};
}

QString evText(const Ev &e) {
    return QStringLiteral("%1:%2:%3#%4@%5").arg(e.page).arg(e.stage, e.status).arg(e.attempt).arg(e.tMs);
}

QString evsText(const QVector<Ev> &events) {
    QStringList parts;
    for (const Ev &e : events)
        parts << evText(e);
    return parts.join(QLatin1Char(' '));
}

// Every JSON line of a `--events` stdout; lines that are not JSON objects are kept as
// {"unparsed": line} so a test notices them.
QVector<QJsonObject> eventLines(const QByteArray &stdOut) {
    QVector<QJsonObject> out;
    for (const QByteArray &line : stdOut.split('\n')) {
        if (line.trimmed().isEmpty()) continue;
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
        out.append(doc.isObject() ? doc.object()
                                  : QJsonObject{{QStringLiteral("unparsed"), QString::fromUtf8(line)}});
    }
    return out;
}

QVector<Ev> stageEvents(const QVector<QJsonObject> &lines) {
    QVector<Ev> out;
    for (const QJsonObject &o : lines)
        if (o.value(QStringLiteral("event")).toString() == QLatin1String("stage")) out.append(evFrom(o));
    return out;
}

std::optional<QJsonObject> eventOf(const QVector<QJsonObject> &lines, const QString &kind) {
    for (const QJsonObject &o : lines)
        if (o.value(QStringLiteral("event")).toString() == kind) return o;
    return std::nullopt;
}

int indexOf(const QVector<Ev> &events, int page, const QString &stage, const QString &status, int from) {
    for (int i = from; i < events.size(); ++i)
        if (events[i].page == page && events[i].stage == stage && events[i].status == status) return i;
    return -1;
}

int count(const QVector<Ev> &events, int page, const QString &stage, const QString &status) {
    return int(std::count_if(events.begin(), events.end(), [&](const Ev &e) {
        return e.page == page && e.stage == stage && e.status == status;
    }));
}

const QStringList &stageNames() {
    static const QStringList names = {QStringLiteral("ocr"), QStringLiteral("diff"),
                                      QStringLiteral("summary")};
    return names;
}

// ---- processes --------------------------------------------------------------------------------

// The environment runCli gives the CLI, for processes a test drives itself.
QProcessEnvironment cliEnvironment() {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("OMP_THREAD_LIMIT"), QStringLiteral("1"));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtimeDir());
    env.remove(QStringLiteral("PAGE_EXTRACTION_DPI"));
    env.remove(QStringLiteral("BUILDTRACE_INJECT_FAULT"));
    env.remove(QStringLiteral("BUILDTRACE_DB")); // every call here names its --db
    return env;
}

QString processText(QProcess &p, const QByteArray &stdOut) {
    return QStringLiteral("exit %1 (%2), stderr: <<%3>>, stdout: <<%4>>")
        .arg(p.exitCode())
        .arg(p.exitStatus() == QProcess::NormalExit ? QStringLiteral("normal") : QStringLiteral("crash"))
        .arg(QString::fromUtf8(p.readAllStandardError()).right(1500), QString::fromUtf8(stdOut.right(1500)));
}

// ---- the fixture ------------------------------------------------------------------------------

void PipelineFixture::setUpFiles(Sets sets) {
    QVERIFY(m_dir.isValid());
    m_dir.setAutoRemove(!qEnvironmentVariableIsSet("BT_KEEP_TEST_FILES"));
    if (!m_dir.autoRemove()) qInfo("files kept in %s", qPrintable(m_dir.path()));
    QVERIFY2(QFileInfo(QStringLiteral(BT_CLI_PATH)).isExecutable(), BT_CLI_PATH);
    qunsetenv("BUILDTRACE_INJECT_FAULT");

    if (sets & SetA) {
        const QVector<SheetSpec> baseA = {
            makeSheet(QStringLiteral("A-101"), QStringLiteral("FIRST FLOOR PLAN"), 71, kTabloid),
            makeSheet(QStringLiteral("A-102"), QStringLiteral("SECOND FLOOR PLAN"), 72, kTabloid),
            makeSheet(QStringLiteral("A-103"), QStringLiteral("THIRD FLOOR PLAN"), 73, kTabloid),
            makeSheet(QStringLiteral("A-104"), QStringLiteral("ROOF PLAN"), 74, kTabloid)};
        const QVector<SheetSpec> newA = {revisedSheet(baseA[0], 1), baseA[1], revisedSheet(baseA[2], 2),
                                         baseA[3]};
        m_oldA = path(QStringLiteral("a-old.pdf"));
        m_newA = path(QStringLiteral("a-new.pdf"));
        QCOMPARE(writeVectorSet(m_oldA, baseA).size(), 4);
        QCOMPARE(writeVectorSet(m_newA, newA).size(), 4);
    }
    if (sets & SetB) {
        const QVector<SheetSpec> baseB = {
            makeSheet(QStringLiteral("B-201"), QStringLiteral("SITE PLAN"), 81, kTabloid),
            makeSheet(QStringLiteral("B-202"), QStringLiteral("LEVEL 2 PLAN"), 82, kTabloid),
            makeSheet(QStringLiteral("B-203"), QStringLiteral("LEVEL 3 PLAN"), 83, kTabloid)};
        const QVector<SheetSpec> newB = {revisedSheet(baseB[0], 0), baseB[1], baseB[2]};
        m_oldB = path(QStringLiteral("b-old.pdf"));
        m_newB = path(QStringLiteral("b-new.pdf"));
        QCOMPARE(writeVectorSet(m_oldB, baseB).size(), 3);
        QCOMPARE(writeVectorSet(m_newB, newB).size(), 3);
    }
    if (sets & SetC) {
        const QVector<SheetSpec> baseC = {
            makeSheet(QStringLiteral("C-101"), QStringLiteral("FIRST FLOOR PLAN"), 91, kArchD),
            makeSheet(QStringLiteral("C-102"), QStringLiteral("SECOND FLOOR PLAN"), 92, kArchD),
            makeSheet(QStringLiteral("C-103"), QStringLiteral("THIRD FLOOR PLAN"), 93, kArchD),
            makeSheet(QStringLiteral("C-104"), QStringLiteral("FOURTH FLOOR PLAN"), 94, kArchD)};
        const QVector<SheetSpec> newC = {revisedSheet(baseC[0], 1), baseC[1], revisedSheet(baseC[2], 3),
                                         revisedSheet(baseC[3], 0)};
        m_oldC = path(QStringLiteral("c-old.pdf"));
        m_newC = path(QStringLiteral("c-new.pdf"));
        QCOMPARE(writeVectorSet(m_oldC, baseC).size(), 4);
        QCOMPARE(writeVectorSet(m_newC, newC).size(), 4);
    }
    if (sets & SetD) {
        const SheetSpec d101 =
            makeSheet(QStringLiteral("D-101"), QStringLiteral("FIRST FLOOR PLAN"), 101, kTabloid);
        const SheetSpec d102 =
            makeSheet(QStringLiteral("D-102"), QStringLiteral("SECOND FLOOR PLAN"), 102, kTabloid);
        const SheetSpec d103 = makeSheet(QStringLiteral("D-103"), QStringLiteral("ROOF PLAN"), 103, kTabloid);
        m_oldD = path(QStringLiteral("d-old.pdf"));
        m_newD = path(QStringLiteral("d-new.pdf"));
        QCOMPARE(writeVectorSet(m_oldD, {d101, d102}).size(), 2);
        QCOMPARE(writeVectorSet(m_newD, {d101, d102, d103}).size(), 3);
    }
}

QString PipelineFixture::newDb(const QString &what) {
    return path(QStringLiteral("db-%1-%2/history.sqlite").arg(what).arg(++m_dbCount));
}

QStringList PipelineFixture::compareArgs(const QString &oldPath, const QString &newPath, const QString &db,
                                         double dpi) const {
    return {QStringLiteral("compare"), oldPath, newPath, QStringLiteral("--dpi"), QString::number(dpi),
            QStringLiteral("--db"),    db};
}

// Runs a job on a pipeline until it finishes, recording its stage events. A job still running
// after timeoutMs is cancelled (status "cancelled").
Run PipelineFixture::runPipeline(Pipeline &pipeline, const std::function<bool(QString *)> &start,
                                 int timeoutMs) {
    Run run;
    QMetaObject::Connection a = connect(&pipeline, &Pipeline::stageChanged,
                                        [&run](const StageEvent &e) { run.events.append(evFrom(e)); });
    QMetaObject::Connection b = connect(&pipeline, &Pipeline::sheetsMatched,
                                        [&run](const QString &, int total) { run.totalPages = total; });
    QMetaObject::Connection c =
        connect(&pipeline, &Pipeline::jobFinished, [&run](const QString &id, JobStatus status, qint64) {
            run.jobId = id;
            run.status = jobStatusName(status);
            run.finished = true;
        });
    QString error;
    if (start(&error)) {
        // waitForFinished() has no timeout: a watchdog cancels a job that hangs.
        QTimer watchdog;
        watchdog.setSingleShot(true);
        connect(&watchdog, &QTimer::timeout, &pipeline, [&pipeline, timeoutMs] {
            qWarning("job still running after %d ms: cancelled", timeoutMs);
            pipeline.cancel();
        });
        watchdog.start(timeoutMs);
        pipeline.waitForFinished();
    } else {
        qWarning("cannot start the job: %s", qPrintable(error));
    }
    disconnect(a);
    disconnect(b);
    disconnect(c);
    run.result = pipeline.result();
    run.json = comparisonToJson(run.result);
    return run;
}

Run PipelineFixture::startJob(JobStore &store, const QString &oldPath, const QString &newPath,
                              const PipelineOptions &options) {
    Pipeline pipeline(&store);
    return runPipeline(pipeline, [&](QString *error) {
        return pipeline.start(oldPath, newPath, settings(), options, error);
    });
}

const CliRun &PipelineFixture::cliStreaming() {
    if (!m_cliStreaming) {
        m_cliStreamingDb = newDb(QStringLiteral("streaming"));
        const QString json = path(QStringLiteral("cli-streaming.json"));
        m_cliStreaming = runCli(compareArgs(m_oldA, m_newA, m_cliStreamingDb) +
                                    QStringList{QStringLiteral("--mode"), QStringLiteral("streaming"),
                                                QStringLiteral("--events"), QStringLiteral("--json"), json},
                                json, {}, kLongTimeoutMs);
    }
    return *m_cliStreaming;
}

} // namespace bt::test
