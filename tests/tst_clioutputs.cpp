// `buildtrace` on where its outputs go and what it reads: JSON on stdout; outputs into a FIFO, a
// device node, a regular file, a symlink, refused into a folder or socket; passwords from a file,
// the environment and a prompt on a pseudo-terminal; no sheet in common (compare and resume);
// damaged and read-only histories. The result's content: tst_cli.
//
// Sets are kept small for speed: 17 x 11 in sheets.

#include "clifixture.h"
#include "drawinggenerator.h"
#include "testutil.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalServer>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <cstdlib>
#include <fcntl.h>
#include <pwd.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <termios.h>
#include <unistd.h>

using namespace bt::test;

class TestCliOutputs : public CliFixture {
    Q_OBJECT

private slots:
    void initTestCase() { setUpFiles(); }

    void jsonOnStdout() {
        const CliRun r = runCli({QStringLiteral("compare"), m_sameOld, m_sameNew, QStringLiteral("--json"),
                                 QStringLiteral("-"), QStringLiteral("--dpi"), QStringLiteral("72")},
                                QStringLiteral("-"));
        QVERIFY2(r.finished && r.exitStatus == QProcess::NormalExit, qPrintable(describe(r)));
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        // stdout is the JSON document and nothing else (progress goes to stderr).
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(r.stdOut, &error);
        QVERIFY2(
            error.error == QJsonParseError::NoError && doc.isObject(),
            qPrintable(error.errorString() + QStringLiteral(": ") + QString::fromUtf8(r.stdOut.left(300))));
        checkTopLevel(doc.object());
        QCOMPARE(doc.object().value(QStringLiteral("total_pages")).toInt(), 2);
        // Without --out the overlays stay in the history's artifact folder (beside the database).
        const QString artifacts = runtimeDir() + QStringLiteral("/artifacts/") +
                                  doc.object().value(QStringLiteral("job_id")).toString() + QLatin1Char('/');
        for (const QJsonValue &pv : doc.object().value(QStringLiteral("pages")).toArray()) {
            const QJsonObject diff = pv.toObject().value(QStringLiteral("diff_result")).toObject();
            const QString overlay = diff.value(QStringLiteral("overlay_path")).toString();
            QVERIFY2(overlay.startsWith(artifacts) && QFileInfo::exists(overlay), qPrintable(overlay));
            QCOMPARE(diff.value(QStringLiteral("dpi")).toDouble(), 72.0);
        }
    }

    // An output goes into what the user named. A FIFO or a device node is written, never replaced
    // by a regular file renamed over it (as root even /dev/null would be); a regular file is
    // replaced whole and atomically (by a new file: a new inode); a symlink to one stays a link.
    // Only nodes made here: never the system's /dev/null.
    void outputTargets_data() {
        QTest::addColumn<QString>("option");
        QTest::addColumn<QString>("kind");
        QTest::newRow("json-fifo") << "--json"
                                   << "fifo";
        QTest::newRow("json-device") << "--json"
                                     << "device";
        QTest::newRow("json-regular") << "--json"
                                      << "regular";
        QTest::newRow("json-symlink") << "--json"
                                      << "symlink";
        QTest::newRow("report-fifo") << "--report"
                                     << "fifo";
    }
    void outputTargets() {
        QFETCH(QString, option);
        QFETCH(QString, kind);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString target = dir.filePath(QStringLiteral("target"));
        const QByteArray targetName = QFile::encodeName(target);
        QString written = target; // where the output can be read back
        QProcess reader;
        if (kind == QLatin1String("fifo")) {
            QCOMPARE(::mkfifo(targetName.constData(), 0600), 0);
            written = dir.filePath(QStringLiteral("read-from-fifo"));
            reader.setStandardOutputFile(written);
            reader.start(QStringLiteral("cat"), {target});
            QVERIFY(reader.waitForStarted());
        } else if (kind == QLatin1String("device")) {
            if (::mknod(targetName.constData(), S_IFCHR | 0600, makedev(1, 3)) != 0)
                QSKIP("mknod needs root"); // the null device's numbers
        } else {
            const QString file = dir.filePath(kind == QLatin1String("symlink") ? QStringLiteral("real")
                                                                               : QStringLiteral("target"));
            QFile old(file);
            QVERIFY(old.open(QIODevice::WriteOnly));
            old.write(QByteArray(100000, 'x')); // longer than the result: no old tail may remain
            old.close();
            if (kind == QLatin1String("symlink")) {
                QCOMPARE(::symlink("real", targetName.constData()), 0);
                written = file;
            }
        }
        struct stat before {};
        QCOMPARE(::lstat(targetName.constData(), &before), 0);

        QStringList args{
            QStringLiteral("compare"), m_sameOld, m_sameNew, QStringLiteral("--dpi"), QStringLiteral("72"),
            QStringLiteral("--quiet"), option,    target};
        if (option == QLatin1String("--report"))
            args << QStringLiteral("--report-dpi") << QStringLiteral("30");
        const CliRun r = runCli(args);
        if (kind == QLatin1String("fifo") && !reader.waitForFinished(10000)) {
            reader.kill();
            reader.waitForFinished();
        }
        QVERIFY2(r.finished && r.exitStatus == QProcess::NormalExit && r.exitCode == 0,
                 qPrintable(describe(r)));
        QVERIFY2(r.stdErr.isEmpty(), qPrintable(r.stdErr));

        struct stat after {};
        QCOMPARE(::lstat(targetName.constData(), &after), 0);
        QCOMPARE(after.st_mode & S_IFMT, before.st_mode & S_IFMT); // still a FIFO, a device, a link, a file
        if (kind == QLatin1String("device")) {
            QCOMPARE(after.st_rdev, before.st_rdev);
            return; // what went into the null device is gone
        }
        if (kind == QLatin1String("regular"))
            QVERIFY2(after.st_ino != before.st_ino, "replaced by a new file");
        QFile f(written);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        if (option == QLatin1String("--report")) {
            QVERIFY2(bytes.startsWith("%PDF-") && bytes.trimmed().endsWith("%%EOF"),
                     bytes.left(100).constData());
            return;
        }
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QCOMPARE(doc.object().value(QStringLiteral("total_pages")).toInt(), 2);
    }

    // A folder or a socket cannot take an output: one line naming it, before the job, and the
    // socket is not replaced by a file.
    void refusedOutputs_data() {
        QTest::addColumn<QString>("option");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("problem");
        QTest::newRow("json-folder") << "--json"
                                     << "folder"
                                     << "is a folder";
        QTest::newRow("json-socket") << "--json"
                                     << "socket"
                                     << "not a file";
        QTest::newRow("changes-csv-socket") << "--changes-csv"
                                            << "socket"
                                            << "not a file";
    }
    void refusedOutputs() {
        QFETCH(QString, option);
        QFETCH(QString, kind);
        QFETCH(QString, problem);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString target = dir.filePath(QStringLiteral("target"));
        QLocalServer server; // owns the socket file while the test runs
        if (kind == QLatin1String("socket"))
            QVERIFY2(server.listen(target), qPrintable(server.errorString()));
        else
            QVERIFY(QDir().mkpath(target));
        const CliRun r = runCli({QStringLiteral("compare"), m_sameOld, m_sameNew, QStringLiteral("--dpi"),
                                 QStringLiteral("72"), option, target});
        QVERIFY2(r.finished && r.exitCode == 2, qPrintable(describe(r)));
        QCOMPARE(lines(r.stdErr).size(), 1);
        QVERIFY2(r.stdErr.contains(target) && r.stdErr.contains(problem), qPrintable(r.stdErr));
        QVERIFY2(r.stdOut.isEmpty(), r.stdOut.constData()); // refused before the job ran
        const QFileInfo info(target);
        QVERIFY(!info.isFile());
        QCOMPARE(info.isDir(), kind == QLatin1String("folder"));
    }

    // --out names a folder: an existing file there is one clear line, before the job.
    void outIsAFile() {
        const QString file = path(QStringLiteral("out-is-a-file"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("keep me");
        f.close();
        const CliRun r = runCli({QStringLiteral("compare"), m_sameOld, m_sameNew, QStringLiteral("--dpi"),
                                 QStringLiteral("72"), QStringLiteral("--out"), file});
        QVERIFY2(r.finished && r.exitCode == 2, qPrintable(describe(r)));
        QCOMPARE(lines(r.stdErr).size(), 1);
        QVERIFY2(r.stdErr.contains(file) && r.stdErr.contains(QStringLiteral("not a folder")),
                 qPrintable(r.stdErr));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("keep me"));
    }

    // An encrypted set's password, kept off the command line (where ps shows it): the first line
    // of a file, the environment; the option, then the file, then the environment win.
    void passwords_data() {
        QTest::addColumn<QStringList>("options"); // "@right" / "@wrong": a password file saying so
        QTest::addColumn<QString>("environment"); // both sets' password in the environment
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("problem"); // in the one line on stderr
        const QString right = QStringLiteral("@right"), wrong = QStringLiteral("@wrong");
        QTest::newRow("file") << QStringList{"--old-password-file", right, "--new-password-file", right}
                              << QString() << 0 << QString();
        QTest::newRow("file-crlf") << QStringList{"--old-password-file", "@crlf", "--new-password-file",
                                                  "@crlf"}
                                   << QString() << 0 << QString();
        QTest::newRow("environment") << QStringList{} << "secret" << 0 << QString();
        QTest::newRow("file-wrong") << QStringList{"--old-password-file", wrong, "--new-password-file", right}
                                    << QString() << 2 << "encrypted.pdf: wrong password";
        QTest::newRow("file-missing") << QStringList{"--old-password-file", "@missing"} << "secret" << 2
                                      << "no-such-password-file: cannot read the password file";
        QTest::newRow("option-over-file")
            << QStringList{"--old-password", "secret", "--old-password-file", wrong,
                           "--new-password", "secret"}
            << QString() << 0 << QString();
        QTest::newRow("file-over-environment")
            << QStringList{"--old-password-file", right, "--new-password-file", right} << "wrong" << 0
            << QString();
        QTest::newRow("environment-fills-in")
            << QStringList{"--old-password-file", right} << "secret" << 0 << QString();
        QTest::newRow("option-over-environment")
            << QStringList{"--old-password", "wrong", "--new-password", "secret"} << "secret" << 2
            << "wrong password";
    }
    void passwords() {
        QFETCH(QStringList, options);
        QFETCH(QString, environment);
        QFETCH(int, exitCode);
        QFETCH(QString, problem);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QMap<QString, QByteArray> files{{QStringLiteral("@right"), "secret\n"},
                                              {QStringLiteral("@wrong"), "wrong\nsecret\n"},
                                              {QStringLiteral("@crlf"), "secret\r\n"}};
        for (QString &o : options) {
            if (o == QLatin1String("@missing")) {
                o = dir.filePath(QStringLiteral("no-such-password-file"));
            } else if (files.contains(o)) {
                const QString file = dir.filePath(o.mid(1));
                QFile f(file);
                QVERIFY(f.open(QIODevice::WriteOnly));
                f.write(files.value(o));
                o = file;
            }
        }
        const QString encrypted = QStringLiteral(BT_SOURCE_DIR "/tests/data/encrypted.pdf");
        const CliRun r =
            runCli(QStringList{QStringLiteral("compare"), encrypted, encrypted, QStringLiteral("--dpi"),
                               QStringLiteral("72"), QStringLiteral("--quiet")}
                       << options,
                   {},
                   {{QStringLiteral("BUILDTRACE_OLD_PASSWORD"), environment},
                    {QStringLiteral("BUILDTRACE_NEW_PASSWORD"), environment}});
        QVERIFY2(r.finished && r.exitStatus == QProcess::NormalExit && r.exitCode == exitCode,
                 qPrintable(describe(r)));
        if (exitCode == 0) {
            QVERIFY2(r.stdErr.isEmpty(), qPrintable(r.stdErr));
            return;
        }
        QCOMPARE(lines(r.stdErr).size(), 1);
        QVERIFY2(r.stdErr.contains(problem), qPrintable(r.stdErr));
    }

    // resume and retry open the sets again: the password file and the environment serve them too.
    void passwordsOnRetry() {
        const QString db = path(QStringLiteral("retry-password.sqlite"));
        const QString encrypted = QStringLiteral(BT_SOURCE_DIR "/tests/data/encrypted.pdf");
        const QString file = path(QStringLiteral("retry-password"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("secret\n");
        f.close();
        const QMap<QString, QString> noEnvironment{{QStringLiteral("BUILDTRACE_OLD_PASSWORD"), QString()},
                                                   {QStringLiteral("BUILDTRACE_NEW_PASSWORD"), QString()}};
        const CliRun first = runCli(
            {QStringLiteral("compare"), encrypted, encrypted, QStringLiteral("--dpi"), QStringLiteral("72"),
             QStringLiteral("--db"), db, QStringLiteral("--json"), QStringLiteral("-"),
             QStringLiteral("--old-password-file"), file, QStringLiteral("--new-password-file"), file},
            QStringLiteral("-"), noEnvironment);
        QVERIFY2(first.finished && first.exitCode == 0, qPrintable(describe(first)));
        const QString job = first.json.value(QStringLiteral("job_id")).toString();
        QVERIFY(!job.isEmpty());
        const CliRun withoutPassword =
            runCli({QStringLiteral("retry"), job, QStringLiteral("--db"), db, QStringLiteral("--quiet")}, {},
                   noEnvironment);
        QVERIFY2(withoutPassword.exitCode == 2 && withoutPassword.stdErr.contains(QStringLiteral("password")),
                 qPrintable(describe(withoutPassword)));
        const CliRun fromFile =
            runCli({QStringLiteral("retry"), job, QStringLiteral("--db"), db, QStringLiteral("--quiet"),
                    QStringLiteral("--old-password-file"), file, QStringLiteral("--new-password-file"), file},
                   {}, noEnvironment);
        QVERIFY2(fromFile.finished && fromFile.exitCode == 0, qPrintable(describe(fromFile)));
        const CliRun fromEnvironment =
            runCli({QStringLiteral("resume"), job, QStringLiteral("--db"), db, QStringLiteral("--quiet")}, {},
                   {{QStringLiteral("BUILDTRACE_OLD_PASSWORD"), QStringLiteral("secret")},
                    {QStringLiteral("BUILDTRACE_NEW_PASSWORD"), QStringLiteral("secret")}});
        QVERIFY2(fromEnvironment.finished && fromEnvironment.exitCode == 0,
                 qPrintable(describe(fromEnvironment)));
    }

    // On a terminal (a pseudo-terminal here) a set that needs a password and has none is asked
    // for it: "Password for FILE: " on stderr, echo off while it is typed, on again afterwards.
    void passwordPrompt() {
        const int master = ::posix_openpt(O_RDWR | O_NOCTTY);
        QVERIFY(master >= 0);
        const auto closeMaster = qScopeGuard([master] { ::close(master); });
        QVERIFY(::grantpt(master) == 0 && ::unlockpt(master) == 0);
        const QByteArray terminal = ::ptsname(master);
        QProcess p;
        p.setProgram(QStringLiteral(BT_CLI_PATH));
        const QString encrypted = QStringLiteral(BT_SOURCE_DIR "/tests/data/encrypted.pdf");
        p.setArguments({QStringLiteral("compare"), encrypted, encrypted, QStringLiteral("--dpi"),
                        QStringLiteral("72"), QStringLiteral("--quiet")});
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtimeDir());
        env.insert(QStringLiteral("BUILDTRACE_DB"), path(QStringLiteral("prompt-history.sqlite")));
        env.remove(QStringLiteral("BUILDTRACE_OLD_PASSWORD"));
        env.remove(QStringLiteral("BUILDTRACE_NEW_PASSWORD"));
        p.setProcessEnvironment(env);
        p.setChildProcessModifier([terminal] { // stdin is the terminal
            const int fd = ::open(terminal.constData(), O_RDWR);
            if (fd >= 0) ::dup2(fd, STDIN_FILENO);
        });
        p.setReadChannel(QProcess::StandardError);
        p.start();
        QVERIFY(p.waitForStarted());
        const QString prompt = QStringLiteral("Password for %1: ").arg(encrypted);
        QString stdErr;
        for (int answered = 0; answered < 2; ++answered) { // OLD, then NEW
            QElapsedTimer waited;
            waited.start();
            while (stdErr.count(prompt) <= answered && p.state() != QProcess::NotRunning &&
                   waited.elapsed() < 20000) {
                p.waitForReadyRead(200);
                stdErr += QString::fromUtf8(p.readAllStandardError());
            }
            QVERIFY2(stdErr.count(prompt) > answered, qPrintable(QStringLiteral("no prompt: ") + stdErr));
            termios t{};
            QCOMPARE(::tcgetattr(master, &t), 0);
            QVERIFY2(!(t.c_lflag & ECHO), "echo is off while the password is typed");
            QCOMPARE(::write(master, "secret\n", 7), 7);
        }
        QVERIFY(p.waitForFinished(60000));
        stdErr += QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0, qPrintable(stdErr));
        termios t{};
        QCOMPARE(::tcgetattr(master, &t), 0);
        QVERIFY2(t.c_lflag & ECHO, "echo is on again");
        // Nothing typed came back on the terminal.
        QByteArray echoed;
        ::fcntl(master, F_SETFL, O_NONBLOCK);
        char buffer[256];
        for (ssize_t n; (n = ::read(master, buffer, sizeof buffer)) > 0;)
            echoed.append(buffer, int(n));
        QVERIFY2(!echoed.contains("secret"), echoed.constData());
    }

    // A sheet in neither set's counterpart ("A-101" against "B-999"): the job ends (it used to wait
    // for ever) with one removed and one added sheet, exit 1, in both modes; so does `resume` of
    // such a job interrupted after its sheets were paired.
    void noCommonSheet_data() {
        QTest::addColumn<QString>("mode");
        QTest::newRow("streaming") << QStringLiteral("streaming");
        QTest::newRow("batch") << QStringLiteral("batch");
    }

    void noCommonSheet() {
        QFETCH(QString, mode);
        QString oldPath = QStringLiteral(BT_SHARED_DIR "/badinput/no-common-sheet-old.pdf");
        QString newPath = QStringLiteral(BT_SHARED_DIR "/badinput/no-common-sheet-new.pdf");
        if (!QFileInfo::exists(oldPath) || !QFileInfo::exists(newPath)) { // no shared folder: the same pair
            oldPath = path(QStringLiteral("no-common-old.pdf"));
            newPath = path(QStringLiteral("no-common-new.pdf"));
            QCOMPARE(writeVectorSet(
                         oldPath, {makeSheet(QStringLiteral("A-101"), QStringLiteral("PLAN"), 31, kTabloid)})
                         .size(),
                     1);
            QCOMPARE(writeVectorSet(newPath, {makeSheet(QStringLiteral("B-999"), QStringLiteral("DETAILS"),
                                                        32, kTabloid)})
                         .size(),
                     1);
        }
        const QString db = path(QStringLiteral("no-common-%1/history.sqlite").arg(mode));
        const QString json = path(QStringLiteral("no-common-%1.json").arg(mode));
        auto check = [&](const CliRun &r) {
            QVERIFY2(r.finished && r.exitStatus == QProcess::NormalExit, qPrintable(describe(r)));
            QVERIFY2(r.exitCode == 1, qPrintable(describe(r)));
            QCOMPARE(r.json.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
            QStringList matches;
            for (const QJsonValue &p : r.json.value(QStringLiteral("pages")).toArray())
                matches << p.toObject().value(QStringLiteral("match")).toString();
            matches.sort();
            QCOMPARE(matches, (QStringList{QStringLiteral("added"), QStringLiteral("removed")}));
        };
        const CliRun r =
            runCli({QStringLiteral("compare"), oldPath, newPath, QStringLiteral("--mode"), mode,
                    QStringLiteral("--db"), db, QStringLiteral("--json"), json, QStringLiteral("--quiet")},
                   json, {}, 60000);
        check(r);
        if (QTest::currentTestFailed()) return;

        // As if interrupted right after the sheets were paired.
        const QString jobId = r.json.value(QStringLiteral("job_id")).toString();
        rawQuery(db, QStringLiteral("UPDATE jobs SET status = 'in_progress', finished_at = NULL"));
        rawQuery(db, QStringLiteral("DELETE FROM job_stages"));
        rawQuery(db, QStringLiteral("DELETE FROM summaries"));
        QCOMPARE(rawQuery(db, QStringLiteral("SELECT status FROM jobs")),
                 QStringList{QStringLiteral("in_progress")});
        QFile::remove(json);
        const CliRun resumed = runCli({QStringLiteral("resume"), jobId, QStringLiteral("--db"), db,
                                       QStringLiteral("--json"), json, QStringLiteral("--quiet")},
                                      json, {}, 60000);
        check(resumed);
        QCOMPARE(resumed.json.value(QStringLiteral("job_id")).toString(), jobId);
        QCOMPARE(rawQuery(db, QStringLiteral("SELECT status FROM jobs")),
                 QStringList{QStringLiteral("completed")});
    }

    // A history with pages overwritten by a failing disk: every command says so in one line naming
    // the file and what to do, exits 2, and writes nothing to it (it used to list nothing and exit
    // 0, or compare into it). `history --check` prints the damage found.
    void damagedHistory() {
        const QString db = path(QStringLiteral("damaged/history.sqlite"));
        QVERIFY(QDir().mkpath(QFileInfo(db).absolutePath()));
        QVERIFY(writeHistory(db, 40));
        QVERIFY(damagePages(db, 5, 3));
        QVERIFY(rawQuery(db, QStringLiteral("PRAGMA integrity_check")) != QStringList{QStringLiteral("ok")});
        const QByteArray before = fileHash(db);
        const QString absolute = QFileInfo(db).absoluteFilePath();
        const QList<QStringList> commands = {
            {QStringLiteral("history")},
            {QStringLiteral("history"), QStringLiteral("--json")},
            {QStringLiteral("show"), QStringLiteral("job-1")},
            {QStringLiteral("progress"), QStringLiteral("job-1")},
            {QStringLiteral("compare"), m_sameOld, m_sameNew, QStringLiteral("--dpi"), QStringLiteral("50")},
            {QStringLiteral("ignore"), QStringLiteral("add"), QStringLiteral("A-101"),
             QStringLiteral("1,1,5,5")},
        };
        for (const QStringList &command : commands) {
            const CliRun r = runCli(command + QStringList{QStringLiteral("--db"), db}, QString(), {}, 60000);
            const QString what = command.join(QLatin1Char(' ')) + QStringLiteral(": ") + describe(r);
            QVERIFY2(r.finished && r.exitCode == 2, qPrintable(what));
            QVERIFY2(lines(r.stdErr).size() == 1, qPrintable(what));
            QVERIFY2(r.stdErr.startsWith(
                         QStringLiteral("buildtrace: %1: the history file is damaged (").arg(absolute)),
                     qPrintable(what));
            QVERIFY2(r.stdErr.contains(QLatin1String("--db NEW_FILE")), qPrintable(what));
            QVERIFY2(r.stdOut.isEmpty(), qPrintable(what));
        }
        const CliRun check =
            runCli({QStringLiteral("history"), QStringLiteral("--check"), QStringLiteral("--db"), db});
        QVERIFY2(check.finished && check.exitCode == 2, qPrintable(describe(check)));
        QVERIFY2(!check.stdOut.isEmpty(), qPrintable(describe(check))); // what integrity_check found
        QCOMPARE(lines(check.stdErr).size(), 1);
        QVERIFY2(check.stdErr.contains(QLatin1String("the history file is damaged")),
                 qPrintable(describe(check)));
        QCOMPARE(fileHash(db), before);
    }

    // `history --check` on a sound history: "PATH: ok", exit 0.
    void historyCheck() {
        const QString db = path(QStringLiteral("sound/history.sqlite"));
        QVERIFY(QDir().mkpath(QFileInfo(db).absolutePath()));
        QVERIFY(writeHistory(db, 3));
        const CliRun r =
            runCli({QStringLiteral("history"), QStringLiteral("--check"), QStringLiteral("--db"), db});
        QVERIFY2(r.finished && r.exitCode == 0, qPrintable(describe(r)));
        QCOMPARE(QString::fromUtf8(r.stdOut).trimmed(),
                 QFileInfo(db).absoluteFilePath() + QStringLiteral(": ok"));
        QVERIFY2(r.stdErr.isEmpty(), qPrintable(r.stdErr));
        const CliRun missing = runCli({QStringLiteral("history"), QStringLiteral("--check"),
                                       QStringLiteral("--db"), path(QStringLiteral("sound/none.sqlite"))});
        QVERIFY2(missing.exitCode == 2 && lines(missing.stdErr).size() == 1, qPrintable(describe(missing)));
    }

    // A write-protected history (0444; root ignores that, so the file's own permission bits decide)
    // is read by the reading commands without a byte changed (not even its journal mode); the
    // commands that write say in one line that it is read-only and exit 2.
    void readOnlyHistory() {
        const QString db = path(QStringLiteral("readonly/history.sqlite"));
        QVERIFY(QDir().mkpath(QFileInfo(db).absolutePath()));
        QVERIFY(writeHistory(db, 2));
        QCOMPARE(rawQuery(db, QStringLiteral("PRAGMA journal_mode=DELETE")),
                 QStringList{QStringLiteral("delete")});
        QVERIFY(QFile::setPermissions(db, QFileDevice::ReadOwner | QFileDevice::ReadGroup |
                                              QFileDevice::ReadOther));
        const QByteArray before = fileHash(db);
        const QString absolute = QFileInfo(db).absoluteFilePath();

        const CliRun history = runCli({QStringLiteral("history"), QStringLiteral("--db"), db});
        QVERIFY2(history.exitCode == 0 && history.stdErr.isEmpty(), qPrintable(describe(history)));
        QVERIFY2(history.stdOut.contains("job-1") && history.stdOut.contains("job-2"),
                 qPrintable(describe(history)));
        const CliRun show = runCli({QStringLiteral("show"), QStringLiteral("job-2"), QStringLiteral("--json"),
                                    QStringLiteral("--db"), db},
                                   QStringLiteral("-"));
        QVERIFY2(show.exitCode == 0 && show.stdErr.isEmpty(), qPrintable(describe(show)));
        QCOMPARE(show.json.value(QStringLiteral("pages")).toArray().size(), 3);
        for (const QStringList &command :
             QList<QStringList>{{QStringLiteral("progress"), QStringLiteral("job-1")},
                                {QStringLiteral("dead-letters")},
                                {QStringLiteral("ignore"), QStringLiteral("list")}}) {
            const CliRun r = runCli(command + QStringList{QStringLiteral("--db"), db});
            QVERIFY2(r.exitCode == 0 && r.stdErr.isEmpty(), qPrintable(command.join(' ') + describe(r)));
        }
        const QList<QStringList> writers = {
            {QStringLiteral("compare"), m_sameOld, m_sameNew, QStringLiteral("--dpi"), QStringLiteral("50")},
            {QStringLiteral("resume"), QStringLiteral("job-1")},
            {QStringLiteral("retry"), QStringLiteral("job-1")},
            {QStringLiteral("delete"), QStringLiteral("job-1")},
            {QStringLiteral("ignore"), QStringLiteral("add"), QStringLiteral("A-101"),
             QStringLiteral("1,1,5,5")},
        };
        for (const QStringList &command : writers) {
            const CliRun r = runCli(command + QStringList{QStringLiteral("--db"), db}, QString(), {}, 60000);
            const QString what = command.join(QLatin1Char(' ')) + QStringLiteral(": ") + describe(r);
            QVERIFY2(r.finished && r.exitCode == 2 && lines(r.stdErr).size() == 1, qPrintable(what));
            QVERIFY2(r.stdErr.startsWith(
                         QStringLiteral("buildtrace: %1: the history file is read-only").arg(absolute)),
                     qPrintable(what));
        }
        QCOMPARE(fileHash(db), before);
        QVERIFY(!QFileInfo::exists(db + QStringLiteral("-wal")));
    }

    // Read-only media, for real: another user (nobody) in a folder it cannot write, on a history in
    // WAL mode whose -wal and -shm are gone (SQLite cannot create them there). The reading
    // commands work (they used to fail with "attempt to write a readonly database"); compare says
    // the file is read-only. Needs root and runuser.
    void readOnlyMediaAsAnotherUser() {
        const QString runuser = QStandardPaths::findExecutable(QStringLiteral("runuser"));
        const passwd *nobody = getpwnam("nobody");
        if (geteuid() != 0 || runuser.isEmpty() || !nobody) QSKIP("needs root, runuser and the user nobody");
        QTemporaryDir base;
        QVERIFY(base.isValid());
        const QFileDevice::Permissions open =
            QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
            QFileDevice::ReadGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::ExeOther;
        QVERIFY(QFile::setPermissions(base.path(), open));
        const QString folder = base.filePath(QStringLiteral("media"));
        const QString db = folder + QStringLiteral("/history.sqlite");
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(writeHistory(db, 2));
        QCOMPARE(rawQuery(db, QStringLiteral("PRAGMA journal_mode")), QStringList{QStringLiteral("wal")});
        QVERIFY(!QFileInfo::exists(db + QStringLiteral("-wal")) &&
                !QFileInfo::exists(db + QStringLiteral("-shm")));
        QVERIFY(QFile::setPermissions(folder, open & ~QFileDevice::WriteOwner));
        const QString runtime = base.filePath(QStringLiteral("runtime")); // Qt wants it the user's, 0700
        QVERIFY(QDir().mkpath(runtime));
        QCOMPARE(chown(runtime.toLocal8Bit().constData(), nobody->pw_uid, nobody->pw_gid), 0);
        const QByteArray before = fileHash(db);

        auto asNobody = [&](const QStringList &args) {
            QProcess p;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
            env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime);
            env.insert(QStringLiteral("HOME"), runtime);
            p.setProcessEnvironment(env);
            p.start(runuser, QStringList{QStringLiteral("-u"), QStringLiteral("nobody"), QStringLiteral("--"),
                                         QStringLiteral(BT_CLI_PATH)} +
                                 args + QStringList{QStringLiteral("--db"), db});
            p.waitForFinished(60000);
            return std::make_tuple(p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
                                   QString::fromUtf8(p.readAllStandardError()));
        };
        if (std::get<0>(asNobody({QStringLiteral("--version")})) != 0)
            QSKIP("the user nobody cannot run " BT_CLI_PATH);

        const auto [historyExit, historyOut, historyErr] = asNobody({QStringLiteral("history")});
        QVERIFY2(historyExit == 0 && historyErr.isEmpty() && historyOut.contains(QLatin1String("job-2")),
                 qPrintable(historyErr + historyOut));
        const auto [showExit, showOut, showErr] = asNobody({QStringLiteral("show"), QStringLiteral("job-1")});
        QVERIFY2(showExit == 0 && showErr.isEmpty() && showOut.contains(QLatin1String("job-1")),
                 qPrintable(showErr + showOut));
        const QString oldPath = base.filePath(QStringLiteral("old.pdf"));
        const QString newPath = base.filePath(QStringLiteral("new.pdf"));
        QVERIFY(QFile::copy(m_sameOld, oldPath) && QFile::copy(m_sameNew, newPath)); // readable for nobody
        const auto [compareExit, compareOut, compareErr] = asNobody(
            {QStringLiteral("compare"), oldPath, newPath, QStringLiteral("--dpi"), QStringLiteral("50")});
        Q_UNUSED(compareOut);
        QVERIFY2(compareExit == 2 && lines(compareErr).size() == 1 &&
                     compareErr.contains(db + QStringLiteral(": the history file is read-only")),
                 qPrintable(compareErr));
        QCOMPARE(fileHash(db), before);
        QVERIFY(QFile::setPermissions(folder, open)); // so that the folder can be removed
    }
};

QTEST_MAIN(TestCliOutputs)
#include "tst_clioutputs.moc"
