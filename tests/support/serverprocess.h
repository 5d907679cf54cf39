#pragma once

// Real job-server processes for the tests (tst_server, tst_sync), and the comparison of result
// JSON between runs of one job.

#include "testutil.h"

#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QRegularExpressionMatch>
#include <QString>
#include <QStringList>

#include <memory>

namespace bt::test {

// The environment of a child process: headless, one OCR thread, a private runtime folder, no
// fault-injection or token variables of the test's own environment; then `extra` on top.
QProcessEnvironment childEnvironment(const QMap<QString, QString> &extra = {});

// A child process whose stdout lines are kept; terminated (then killed) when destroyed.
class Child {
public:
    Child(const QString &program, const QStringList &args, const QMap<QString, QString> &env = {});
    ~Child();
    Child(const Child &) = delete;
    Child &operator=(const Child &) = delete;

    QString out();
    QString err();
    // Waits (event loop running) until stdout matches.
    QRegularExpressionMatch waitFor(const QRegularExpression &re, int timeoutMs);
    void kill(); // SIGKILL: no clean-up of any kind
    void terminate();
    qint64 pid() const { return m_process.processId(); }
    // For a test that signals the process itself and waits for it with the event loop running.
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    QProcess::ExitStatus exitStatus() const { return m_process.exitStatus(); }
    int exitCode() const { return m_process.exitCode(); }

private:
    QProcess m_process;
    QByteArray m_out;
};

// A buildtrace-server (the program at serverPath) listening on 127.0.0.1:port (0: a port of
// its choosing; freePort() for one that stays the same over a restart) with `token`, until
// destroyed.
struct ServerProcess {
    std::unique_ptr<Child> child;
    quint16 port = 0;
    QString error;
};
ServerProcess startServerProcess(const QString &serverPath, const QByteArray &token, const QStringList &args,
                                 const QMap<QString, QString> &env = {}, quint16 port = 0);

// What differs between two runs of one comparison, or between the server and the CLI, left out:
// ids, times, where files are (the server names uploads and serves overlays by URL).
QJsonObject normalizedResult(const QJsonObject &o);
// The JSON path of the first difference, empty when equal.
QString firstJsonDifference(const QJsonValue &a, const QJsonValue &b,
                            const QString &where = QStringLiteral("$"));

} // namespace bt::test
