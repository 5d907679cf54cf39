#include "serverprocess.h"

#include "testutil.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QtTest>

namespace bt::test {

QProcessEnvironment childEnvironment(const QMap<QString, QString> &extra) {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("OMP_THREAD_LIMIT"), QStringLiteral("1"));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtimeDir());
    for (const char *name : {"BUILDTRACE_INJECT_FAULT", "BUILDTRACE_INJECT_DELAY", "BUILDTRACE_SERVER_TOKEN"})
        env.remove(QString::fromLatin1(name));
    for (auto it = extra.begin(); it != extra.end(); ++it)
        env.insert(it.key(), it.value());
    return env;
}

Child::Child(const QString &program, const QStringList &args, const QMap<QString, QString> &env) {
    m_process.setProcessEnvironment(childEnvironment(env));
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    QObject::connect(&m_process, &QProcess::readyReadStandardOutput,
                     [this] { m_out += m_process.readAllStandardOutput(); });
    m_process.start(program, args);
}

Child::~Child() {
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate();
        if (!m_process.waitForFinished(10000)) {
            m_process.kill();
            m_process.waitForFinished();
        }
    }
}

QString Child::out() {
    m_out += m_process.readAllStandardOutput();
    return QString::fromUtf8(m_out);
}

QString Child::err() {
    return QString::fromUtf8(m_process.readAllStandardError());
}

QRegularExpressionMatch Child::waitFor(const QRegularExpression &re, int timeoutMs) {
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < timeoutMs) {
        const QRegularExpressionMatch m = re.match(out());
        if (m.hasMatch()) return m;
        if (m_process.state() == QProcess::NotRunning) break;
        QTest::qWait(50);
    }
    return re.match(out());
}

void Child::kill() {
    m_process.kill();
    m_process.waitForFinished();
}

void Child::terminate() {
    m_process.terminate();
    m_process.waitForFinished(30000);
}

ServerProcess startServerProcess(const QString &serverPath, const QByteArray &token, const QStringList &args,
                                 const QMap<QString, QString> &env, quint16 port) {
    ServerProcess s;
    s.child = std::make_unique<Child>(serverPath,
                                      QStringList{QStringLiteral("--listen"),
                                                  QStringLiteral("127.0.0.1:%1").arg(port),
                                                  QStringLiteral("--token"), QString::fromLatin1(token)} +
                                          args,
                                      env);
    const QRegularExpressionMatch m =
        s.child->waitFor(QRegularExpression(QStringLiteral("listening on 127\\.0\\.0\\.1:(\\d+)")), 30000);
    if (m.hasMatch())
        s.port = quint16(m.captured(1).toInt());
    else
        s.error = s.child->out() + s.child->err();
    return s;
}

namespace {
QJsonValue normalizedValue(const QJsonValue &v) {
    if (v.isObject()) return normalizedResult(v.toObject());
    if (v.isArray()) {
        QJsonArray a;
        for (const QJsonValue &x : v.toArray())
            a.append(normalizedValue(x));
        return a;
    }
    return v;
}
} // namespace

QJsonObject normalizedResult(const QJsonObject &o) {
    QJsonObject out;
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QString k = it.key();
        if (k == QLatin1String("created_at") || k.endsWith(QLatin1String("_id")) ||
            k.endsWith(QLatin1String("_url")) || k.endsWith(QLatin1String("_path")) ||
            k == QLatin1String("old_file") || k == QLatin1String("new_file") ||
            k == QLatin1String("old_name") || k == QLatin1String("new_name"))
            continue;
        out.insert(k, normalizedValue(it.value()));
    }
    return out;
}

QString firstJsonDifference(const QJsonValue &a, const QJsonValue &b, const QString &where) {
    if (a.type() != b.type()) return where + QStringLiteral(": types differ");
    if (a.isObject()) {
        const QJsonObject x = a.toObject(), y = b.toObject();
        QStringList keys = x.keys() + y.keys();
        keys.removeDuplicates();
        for (const QString &k : keys) {
            if (!x.contains(k) || !y.contains(k)) return QStringLiteral("%1.%2: only in one").arg(where, k);
            const QString d = firstJsonDifference(x.value(k), y.value(k), where + QLatin1Char('.') + k);
            if (!d.isEmpty()) return d;
        }
        return {};
    }
    if (a.isArray()) {
        const QJsonArray x = a.toArray(), y = b.toArray();
        if (x.size() != y.size()) return where + QStringLiteral(": sizes differ");
        for (int i = 0; i < x.size(); ++i) {
            const QString d = firstJsonDifference(x[i], y[i], QStringLiteral("%1[%2]").arg(where).arg(i));
            if (!d.isEmpty()) return d;
        }
        return {};
    }
    return a == b ? QString()
                  : QStringLiteral("%1: %2 vs %3")
                        .arg(where, a.toVariant().toString(), b.toVariant().toString());
}

} // namespace bt::test
