// Bad inputs: every one is refused by Document::open with its own error code and a message that
// names the file, and by `buildtrace compare` with exit code 2, exactly one line on stderr naming
// the file and the problem, and nothing written (no JSON, no output folder).

#include "document/document.h"
#include "drawinggenerator.h"
#include "testutil.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QLocalServer>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace bt;
using namespace bt::test;

Q_DECLARE_METATYPE(bt::LoadError)

namespace {

const QString kFixtures = QStringLiteral(BT_SOURCE_DIR "/tests/data");
constexpr int kCliTimeoutMs = 60000; // a refusal is quick; so are the small compares here

} // namespace

class TestBadInput : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_good;     // valid one-sheet PDF, 17 x 11 in
    QString m_goodCopy; // the same drawing, another file
    QString m_png;      // valid PNG sheet
    QElapsedTimer m_timer;

    // Prepares the bad file of a case; returns its path.
    QString makeCase(const QString &name) {
        const QDir dir(m_dir.path());
        if (name == QLatin1String("missing")) return dir.filePath(QStringLiteral("missing-file.pdf"));
        if (name == QLatin1String("directory")) {
            const QString p = dir.filePath(QStringLiteral("a-folder.pdf"));
            dir.mkpath(p);
            return p;
        }
        if (name == QLatin1String("empty")) {
            const QString p = dir.filePath(QStringLiteral("empty-file.pdf"));
            writeFile(p, QByteArray());
            return p;
        }
        if (name == QLatin1String("text")) {
            const QString p = dir.filePath(QStringLiteral("readme-notes.txt"));
            writeFile(p, "These are not drawings.\nJust some text in a file.\n");
            return p;
        }
        if (name == QLatin1String("text-named-pdf")) {
            const QString p = dir.filePath(QStringLiteral("notes-named.pdf"));
            writeFile(p, "These are not drawings either, whatever the name says.\n");
            return p;
        }
        if (name == QLatin1String("truncated")) {
            QFile f(m_good);
            f.open(QIODevice::ReadOnly);
            const QByteArray all = f.readAll();
            const QString p = dir.filePath(QStringLiteral("truncated-half.pdf"));
            writeFile(p, all.left(all.size() / 2));
            return p;
        }
        if (name == QLatin1String("corrupt")) {
            QByteArray bytes("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n");
            for (int i = 0; i < 4000; ++i)
                bytes += char((i * 7919 + 13) % 251);
            bytes += "\ntrailer\n<< /Size 99 /Root 42 0 R >>\nstartxref\n123456\n%%EOF\n";
            const QString p = dir.filePath(QStringLiteral("corrupt-garbage.pdf"));
            writeFile(p, bytes);
            return p;
        }
        if (name.startsWith(QLatin1String("encrypted")))
            return QDir(kFixtures).filePath(QStringLiteral("encrypted.pdf"));
        if (name == QLatin1String("zero-pages"))
            return QDir(kFixtures).filePath(QStringLiteral("zero-pages.pdf"));
        if (name == QLatin1String("huge-page"))
            return QDir(kFixtures).filePath(QStringLiteral("huge-page.pdf"));
        // The page tree contains itself (as ../shared/badinput/page-tree-loop.pdf): PDFium spins
        // in it for ever, the open timeout ends it.
        if (name == QLatin1String("page-tree-loop")) {
            const QString p = dir.filePath(QStringLiteral("page-tree-loop.pdf"));
            writeFile(p, pageTreeLoopPdf());
            return p;
        }
        // Pages no drawing has: each size that follows from them (a crop scaled to a fixed pixel
        // count) would be absurd; a 1-pt-high page once took 23 GB.
        for (const auto &[tiny, box] :
             {std::pair{"one-point-high", "[0 0 2592 1]"}, std::pair{"thousandth-point", "[0 0 0.001 0.001]"},
              std::pair{"strip", "[0 0 2592 100]"}})
            if (name == QLatin1String(tiny)) {
                const QString p = dir.filePath(name + QStringLiteral("-page.pdf"));
                writeFile(p, handwrittenPdf(onePagePdf(box, "A-101")));
                return p;
            }
        if (name == QLatin1String("damaged-png")) {
            QByteArray bytes("\x89PNG\r\n\x1a\n", 8);
            for (int i = 0; i < 2000; ++i)
                bytes += char((i * 31 + 7) % 256);
            const QString p = dir.filePath(QStringLiteral("damaged-scan.png"));
            writeFile(p, bytes);
            return p;
        }
        if (name == QLatin1String("truncated-png")) {
            QFile f(m_png);
            f.open(QIODevice::ReadOnly);
            const QByteArray all = f.readAll();
            const QString p = dir.filePath(QStringLiteral("cut-scan.png"));
            writeFile(p, all.left(all.size() / 3));
            return p;
        }
        return {};
    }

    // The encrypted fixture's page rendered to a PNG at 72 dpi (same page size).
    QString encryptedAsImage() {
        const QString path = m_dir.filePath(QStringLiteral("encrypted-page.png"));
        if (QFileInfo::exists(path)) return path;
        DocumentError error;
        const auto doc = Document::open(QDir(kFixtures).filePath(QStringLiteral("encrypted.pdf")),
                                        QStringLiteral("secret"), &error);
        if (!doc) return {};
        const RenderedPage page = doc->render(0, RenderOptions{72, 120'000'000});
        QImage img(page.grey.cols, page.grey.rows, QImage::Format_Grayscale8);
        for (int y = 0; y < img.height(); ++y)
            memcpy(img.scanLine(y), page.grey.ptr(y), size_t(img.width()));
        img.setDotsPerMeterX(2835); // 72 dpi
        img.setDotsPerMeterY(2835);
        return img.save(path) ? path : QString();
    }

    QString casePassword(const QString &name) const {
        return name == QLatin1String("encrypted-wrong-password") ? QStringLiteral("wrong") : QString();
    }

    void addCases() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bt::LoadError>("code");
        QTest::addColumn<QString>("problem"); // regular expression, case-insensitive
        QTest::newRow("missing") << "missing" << LoadError::NotFound << "not found|does not exist|no such";
        QTest::newRow("directory") << "directory" << LoadError::NotReadable << "folder|directory";
        QTest::newRow("empty") << "empty" << LoadError::UnknownFormat << "empty";
        QTest::newRow("text") << "text" << LoadError::UnknownFormat << "not a PDF";
        QTest::newRow("text-named-pdf") << "text-named-pdf" << LoadError::UnknownFormat << "not a PDF";
        QTest::newRow("truncated") << "truncated" << LoadError::Truncated << "truncated";
        QTest::newRow("corrupt") << "corrupt" << LoadError::Corrupt << "damaged|corrupt";
        QTest::newRow("encrypted-no-password")
            << "encrypted-no-password" << LoadError::PasswordRequired << "password";
        QTest::newRow("encrypted-wrong-password")
            << "encrypted-wrong-password" << LoadError::WrongPassword << "wrong password|incorrect password";
        QTest::newRow("zero-pages") << "zero-pages" << LoadError::NoPages << "no pages";
        QTest::newRow("huge-page") << "huge-page" << LoadError::PageTooLarge << "too large";
        QTest::newRow("page-tree-loop") << "page-tree-loop" << LoadError::Corrupt << "damaged";
        QTest::newRow("one-point-high") << "one-point-high" << LoadError::PageTooSmall << "2592 x 1 pt";
        QTest::newRow("thousandth-point")
            << "thousandth-point" << LoadError::PageTooSmall << "0.001 x 0.001 pt";
        QTest::newRow("strip") << "strip" << LoadError::PageTooSmall << "2592 x 100 pt";
        QTest::newRow("damaged-png") << "damaged-png" << LoadError::Corrupt << "damaged|corrupt";
        QTest::newRow("truncated-png")
            << "truncated-png" << LoadError::Corrupt << "damaged|corrupt|truncated";
    }

    // The CLI refused the input: exit 2, one line naming `fileName` and the problem, nothing written.
    void checkRefused(const CliRun &r, const QString &fileName, const QString &problem, const QString &json,
                      const QString &out) {
        QVERIFY2(r.finished, qPrintable(describe(r)));
        QVERIFY2(r.exitStatus == QProcess::NormalExit, qPrintable(describe(r)));
        QVERIFY2(r.exitCode == 2, qPrintable(describe(r)));
        const QStringList errLines = lines(r.stdErr);
        QVERIFY2(errLines.size() == 1, qPrintable(describe(r)));
        const QString line = errLines.first();
        if (!fileName.isEmpty())
            QVERIFY2(line.contains(fileName),
                     qPrintable(QStringLiteral("'%1' not named in: %2").arg(fileName, line)));
        if (!problem.isEmpty())
            QVERIFY2(line.contains(QRegularExpression(problem, QRegularExpression::CaseInsensitiveOption)),
                     qPrintable(QStringLiteral("problem /%1/ not in: %2").arg(problem, line)));
        QVERIFY2(!QFileInfo::exists(json), "no result JSON written");
        QVERIFY2(!QFileInfo::exists(out), "no output folder created");
    }

private slots:
    void initTestCase() {
        // The page-tree loop ends at the open timeout: 3 s here rather than the default 10 s.
        qputenv("BUILDTRACE_RENDER_TIMEOUT", "3");
        QVERIFY(m_dir.isValid());
        m_dir.setAutoRemove(!qEnvironmentVariableIsSet("BT_KEEP_TEST_FILES"));
        QVERIFY2(QFileInfo(QStringLiteral(BT_CLI_PATH)).isExecutable(), BT_CLI_PATH);
        const SheetSpec sheet =
            makeSheet(QStringLiteral("A-101"), QStringLiteral("FLOOR PLAN"), 3, QSizeF(17, 11));
        m_good = m_dir.filePath(QStringLiteral("good-old.pdf"));
        m_goodCopy = m_dir.filePath(QStringLiteral("good-new.pdf"));
        QCOMPARE(writeVectorSet(m_good, {sheet}).size(), 1);
        QCOMPARE(writeVectorSet(m_goodCopy, {sheet}).size(), 1);
        m_png = m_dir.filePath(QStringLiteral("good-scan.png"));
        QVERIFY(!writeSheetImage(m_png, sheet, 100).isEmpty());
        for (const QString &f : {QStringLiteral("encrypted.pdf"), QStringLiteral("zero-pages.pdf"),
                                 QStringLiteral("huge-page.pdf")})
            QVERIFY2(QFileInfo::exists(QDir(kFixtures).filePath(f)), qPrintable(f));
    }

    void init() { m_timer.start(); }
    void cleanup() {
        qInfo("%s %s: %lld ms", QTest::currentTestFunction(),
              QTest::currentDataTag() ? QTest::currentDataTag() : "", m_timer.elapsed());
    }

    // Every reproducer of ../shared/badinput and every fixture of tests/data, as OLD against a good
    // sheet, under a 4 GiB address-space limit (helpers inherit it): the CLI ends with 0, 1 or 2 and
    // at most one line on stderr. The deadline only tells a hang from a slow run.
    void everyBadInputEndsUnderMemoryLimit() {
        QStringList inputs;
        for (const QString &dir : {QStringLiteral(BT_SHARED_DIR "/badinput"), kFixtures})
            for (const QFileInfo &f : QDir(dir).entryInfoList({QStringLiteral("*.pdf")}, QDir::Files))
                inputs << f.absoluteFilePath();
        if (!QFileInfo::exists(QStringLiteral(BT_SHARED_DIR "/badinput")))
            qWarning("%s absent: only tests/data is checked", BT_SHARED_DIR "/badinput");
        QVERIFY(inputs.size() >= 3);
        for (const QString &input : std::as_const(inputs)) {
            QProcess cli;
            cli.setChildProcessModifier([] {
                const rlimit limit{4194304ULL << 10, 4194304ULL << 10};
                setrlimit(RLIMIT_AS, &limit);
            });
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("BUILDTRACE_DB"), m_dir.filePath(QStringLiteral("limit.sqlite")));
            env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtimeDir());
            cli.setProcessEnvironment(env);
            QElapsedTimer clock;
            clock.start();
            cli.start(QStringLiteral(BT_CLI_PATH),
                      {QStringLiteral("compare"), input, m_good, QStringLiteral("--quiet"),
                       QStringLiteral("--fresh"), QStringLiteral("--dpi"), QStringLiteral("100")});
            const bool ended = cli.waitForFinished(60000);
            if (!ended) cli.kill(), cli.waitForFinished();
            const QStringList err = lines(QString::fromLocal8Bit(cli.readAllStandardError()));
            qInfo("%s: exit %d in %lld ms%s", qPrintable(QFileInfo(input).fileName()), cli.exitCode(),
                  clock.elapsed(), err.isEmpty() ? "" : qPrintable(QStringLiteral(": ") + err.first()));
            QVERIFY2(ended, qPrintable(input + QStringLiteral(": still running after 60 s")));
            QVERIFY2(cli.exitStatus() == QProcess::NormalExit && cli.exitCode() >= 0 && cli.exitCode() <= 2,
                     qPrintable(input + QStringLiteral(": exit %1").arg(cli.exitCode())));
            QVERIFY2(err.size() <= 1, qPrintable(input + QStringLiteral(": ") + err.join(QLatin1Char('|'))));
        }
    }

    void validInputsOpen() {
        DocumentError error;
        QVERIFY2(Document::open(m_good, QString(), &error), qPrintable(error.message));
        QVERIFY2(Document::open(m_png, QString(), &error), qPrintable(error.message));
        QVERIFY2(Document::open(QDir(kFixtures).filePath(QStringLiteral("encrypted.pdf")),
                                QStringLiteral("secret"), &error),
                 qPrintable(error.message));
    }

    void documentOpen_data() { addCases(); }
    void documentOpen() {
        QFETCH(QString, name);
        QFETCH(bt::LoadError, code);
        QFETCH(QString, problem);
        const QString path = makeCase(name);
        QVERIFY(!path.isEmpty());
        DocumentError error;
        const auto doc = Document::open(path, casePassword(name), &error);
        QVERIFY2(!doc, "a bad input must not open");
        QVERIFY(bool(error));
        QVERIFY2(error.code == code, qPrintable(QStringLiteral("code %1, expected %2; message: %3")
                                                    .arg(int(error.code))
                                                    .arg(int(code))
                                                    .arg(error.message)));
        QVERIFY2(error.message.contains(QFileInfo(path).fileName()), qPrintable(error.message));
        QVERIFY2(!error.message.contains(QLatin1Char('\n')), qPrintable(error.message));
        QVERIFY2(
            error.message.contains(QRegularExpression(problem, QRegularExpression::CaseInsensitiveOption)),
            qPrintable(QStringLiteral("problem /%1/ not in: %2").arg(problem, error.message)));
        // Without an error pointer it still fails cleanly.
        QVERIFY(!Document::open(path, casePassword(name), nullptr));
    }

    void documentOpenPixelCap() {
        // A page that fits at kMinimumDpi only above the cap is refused under a small cap...
        DocumentError error;
        QVERIFY(!Document::open(m_good, QString(), &error, 100'000)); // 17x11 in at 50 dpi = 467'500 px
        QCOMPARE(error.code, LoadError::PageTooLarge);
        QVERIFY(error.message.contains(QFileInfo(m_good).fileName()));
        // ... and an image above the cap too.
        QVERIFY(!Document::open(m_png, QString(), &error, 1'000'000)); // 1700 x 1100 px
        QCOMPARE(error.code, LoadError::PageTooLarge);
        QVERIFY(error.message.contains(QFileInfo(m_png).fileName()));
    }

    void cliOld_data() { addCases(); }
    void cliOld() {
        QFETCH(QString, name);
        QFETCH(QString, problem);
        const QString bad = makeCase(name);
        const QString json = m_dir.filePath(QStringLiteral("old-%1.json").arg(name));
        const QString out = m_dir.filePath(QStringLiteral("old-%1-out").arg(name));
        QStringList args{QStringLiteral("compare"), bad, m_good, QStringLiteral("--json"), json,
                         QStringLiteral("--out"),   out};
        if (!casePassword(name).isEmpty()) args << QStringLiteral("--old-password") << casePassword(name);
        const CliRun r = runCli(args, {}, {}, kCliTimeoutMs);
        checkRefused(r, QFileInfo(bad).fileName(), problem, json, out);
        QVERIFY2(!r.stdErr.contains(QFileInfo(m_good).fileName()), qPrintable(r.stdErr));
    }

    void cliNew_data() { addCases(); }
    void cliNew() {
        QFETCH(QString, name);
        QFETCH(QString, problem);
        const QString bad = makeCase(name);
        const QString json = m_dir.filePath(QStringLiteral("new-%1.json").arg(name));
        const QString out = m_dir.filePath(QStringLiteral("new-%1-out").arg(name));
        QStringList args{QStringLiteral("compare"), m_good, bad, QStringLiteral("--json"), json,
                         QStringLiteral("--out"),   out};
        if (!casePassword(name).isEmpty()) args << QStringLiteral("--new-password") << casePassword(name);
        const CliRun r = runCli(args, {}, {}, kCliTimeoutMs);
        checkRefused(r, QFileInfo(bad).fileName(), problem, json, out);
        // The message names the NEW file, not the (valid) OLD one.
        QVERIFY2(!r.stdErr.contains(QFileInfo(m_good).fileName()), qPrintable(r.stdErr));
    }

    void cliBothBad() {
        // Both bad: the first one (OLD) is reported, still one line.
        const QString json = m_dir.filePath(QStringLiteral("both.json"));
        const QString out = m_dir.filePath(QStringLiteral("both-out"));
        const QString old = makeCase(QStringLiteral("empty"));
        const QString nu = makeCase(QStringLiteral("missing"));
        const CliRun r = runCli({QStringLiteral("compare"), old, nu, QStringLiteral("--json"), json,
                                 QStringLiteral("--out"), out},
                                {}, {}, kCliTimeoutMs);
        checkRefused(r, QFileInfo(old).fileName(), QStringLiteral("empty"), json, out);
    }

    void cliRightPassword_data() {
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<bool>("encryptedIsOld");
        QTest::newRow("both") << QStringList{QStringLiteral("--old-password"), QStringLiteral("secret"),
                                             QStringLiteral("--new-password"), QStringLiteral("secret")}
                              << true;
        QTest::newRow("old") << QStringList{QStringLiteral("--old-password"), QStringLiteral("secret")}
                             << true;
        QTest::newRow("new") << QStringList{QStringLiteral("--new-password"), QStringLiteral("secret")}
                             << false;
    }
    void cliRightPassword() {
        QFETCH(QStringList, extra);
        QFETCH(bool, encryptedIsOld);
        const QString enc = QDir(kFixtures).filePath(QStringLiteral("encrypted.pdf"));
        const QString tag = QString::fromLatin1(QTest::currentDataTag());
        const QString json = m_dir.filePath(QStringLiteral("pw-%1.json").arg(tag));
        const QString out = m_dir.filePath(QStringLiteral("pw-%1-out").arg(tag));
        // The other side, when only one password is given: the same page as a plain image.
        QString old = enc, nu = enc;
        if (extra.size() == 2) (encryptedIsOld ? nu : old) = encryptedAsImage();
        QStringList args{QStringLiteral("compare"),
                         old,
                         nu,
                         QStringLiteral("--json"),
                         json,
                         QStringLiteral("--out"),
                         out,
                         QStringLiteral("--dpi"),
                         QStringLiteral("72")};
        args << extra;
        const CliRun r = runCli(args, {}, {}, kCliTimeoutMs);
        QVERIFY2(r.finished && r.exitStatus == QProcess::NormalExit, qPrintable(describe(r)));
        QVERIFY2(r.exitCode == 0 || r.exitCode == 1, qPrintable(describe(r)));
        if (extra.size() == 4) QVERIFY2(r.exitCode == 0, qPrintable(describe(r))); // same file both sides
        QVERIFY(QFileInfo::exists(json));
        QVERIFY(QFileInfo(out).isDir());
    }

    // Inputs that are not regular files are refused before anything opens them: opening a FIFO
    // to read waits for a writer for ever, /dev/zero never ends, a socket cannot be opened.
    void notRegularFile_data() {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("problem");
        QTest::newRow("fifo") << "fifo"
                              << "not a regular file";
        QTest::newRow("char-device") << "char-device"
                                     << "not a regular file";
        QTest::newRow("socket") << "socket"
                                << "not a regular file";
        QTest::newRow("folder") << "folder"
                                << "folder";
    }
    void notRegularFile() {
        QFETCH(QString, kind);
        QFETCH(QString, problem);
        const QDir dir(m_dir.path());
        QLocalServer server; // owns the socket file while the test runs
        QString path;
        if (kind == QLatin1String("fifo")) {
            path = dir.filePath(QStringLiteral("pipe-input.pdf"));
            QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
        } else if (kind == QLatin1String("char-device")) {
            path = QStringLiteral("/dev/zero");
        } else if (kind == QLatin1String("socket")) {
            path = dir.filePath(QStringLiteral("socket-input.pdf"));
            QVERIFY2(server.listen(path), qPrintable(server.errorString()));
        } else {
            path = dir.filePath(QStringLiteral("folder-input.pdf"));
            QVERIFY(dir.mkpath(path));
        }

        // On a thread with a deadline, so that a blocking open fails the test instead of hanging it.
        DocumentError error;
        bool opened = true;
        const std::unique_ptr<QThread> thread(
            QThread::create([&] { opened = Document::open(path, QString(), &error) != nullptr; }));
        thread->start();
        const bool done = thread->wait(QDeadlineTimer(5000));
        if (!done) {
            // Releases an open() blocked on the FIFO: a writer that comes and goes.
            const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_NONBLOCK);
            if (fd >= 0) ::close(fd);
            thread->wait();
        }
        QVERIFY2(done, "Document::open blocked for 5 s");
        QVERIFY(!opened);
        QCOMPARE(error.code, LoadError::NotReadable);
        const QString name = QFileInfo(path).fileName();
        QVERIFY2(error.message.contains(name), qPrintable(error.message));
        QVERIFY2(error.message.contains(problem), qPrintable(error.message));

        // The CLI, with the input on either side: one line, exit 2, within seconds.
        for (const bool old : {true, false}) {
            const QString tag =
                QStringLiteral("%1-%2").arg(kind, old ? QStringLiteral("old") : QStringLiteral("new"));
            const QString json = m_dir.filePath(tag + QStringLiteral(".json"));
            const QString out = m_dir.filePath(tag + QStringLiteral("-out"));
            const CliRun r = runCli({QStringLiteral("compare"), old ? path : m_good, old ? m_good : path,
                                     QStringLiteral("--json"), json, QStringLiteral("--out"), out},
                                    {}, {}, 10000);
            checkRefused(r, name, problem, json, out);
            if (QTest::currentTestFailed()) return;
        }
    }

    void imageNamedPdfWorks() {
        // Content decides, not the name: a PNG called .pdf is a one-sheet image set.
        const QString named = m_dir.filePath(QStringLiteral("really-a-png.pdf"));
        QFile::remove(named);
        QVERIFY(QFile::copy(m_png, named));
        DocumentError error;
        const auto doc = Document::open(named, QString(), &error);
        QVERIFY2(doc, qPrintable(error.message));
        QVERIFY(doc->isImage());
        QCOMPARE(doc->pageCount(), 1);

        const QString json = m_dir.filePath(QStringLiteral("png-named-pdf.json"));
        const QString out = m_dir.filePath(QStringLiteral("png-named-pdf-out"));
        const CliRun r = runCli({QStringLiteral("compare"), named, m_png, QStringLiteral("--json"), json,
                                 QStringLiteral("--out"), out, QStringLiteral("--dpi"), QStringLiteral("72")},
                                {}, {}, kCliTimeoutMs);
        QVERIFY2(r.finished && r.exitStatus == QProcess::NormalExit, qPrintable(describe(r)));
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r))); // the same image both sides
        QVERIFY(QFileInfo::exists(json));
    }

    void badOptions_data() {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<bool>("twoFiles");
        QTest::addColumn<QString>("problem");
        QTest::newRow("dpi-abc") << QStringList{QStringLiteral("--dpi"), QStringLiteral("abc")} << true
                                 << "dpi";
        QTest::newRow("dpi-5") << QStringList{QStringLiteral("--dpi"), QStringLiteral("5")} << true << "dpi";
        QTest::newRow("dpi-huge") << QStringList{QStringLiteral("--dpi"), QStringLiteral("100000")} << true
                                  << "dpi";
        QTest::newRow("colors-nope") << QStringList{QStringLiteral("--colors"), QStringLiteral("nope")}
                                     << true << "colors";
        QTest::newRow("tolerance-x") << QStringList{QStringLiteral("--tolerance"), QStringLiteral("x")}
                                     << true << "tolerance";
        QTest::newRow("max-megapixels-0")
            << QStringList{QStringLiteral("--max-megapixels"), QStringLiteral("0")} << true << "megapixels";
        QTest::newRow("unknown-option")
            << QStringList{QStringLiteral("--frobnicate")} << true << "frobnicate";
        QTest::newRow("one-positional") << QStringList{} << false << "two|OLD";
        QTest::newRow("three-positionals") << QStringList{QStringLiteral("extra.pdf")} << true << "two|OLD";
    }
    void badOptions() {
        QFETCH(QStringList, options);
        QFETCH(bool, twoFiles);
        QFETCH(QString, problem);
        const QString tag = QString::fromLatin1(QTest::currentDataTag());
        const QString json = m_dir.filePath(QStringLiteral("opt-%1.json").arg(tag));
        const QString out = m_dir.filePath(QStringLiteral("opt-%1-out").arg(tag));
        QStringList args{QStringLiteral("compare"), m_good};
        if (twoFiles) args << m_goodCopy;
        args << options << QStringLiteral("--json") << json << QStringLiteral("--out") << out;
        const CliRun r = runCli(args, {}, {}, kCliTimeoutMs);
        checkRefused(r, QString(), problem, json, out);
    }

    // Outside a desktop session (cron, containers, CI) XDG_RUNTIME_DIR is often unset; the error
    // is still the only line on stderr.
    void stderrWithoutRuntimeDir() {
        const QString json = m_dir.filePath(QStringLiteral("noxdg.json"));
        const QString out = m_dir.filePath(QStringLiteral("noxdg-out"));
        const QString bad = makeCase(QStringLiteral("missing"));
        // A null value unsets the variable.
        const CliRun r = runCli({QStringLiteral("compare"), bad, m_good, QStringLiteral("--json"), json,
                                 QStringLiteral("--out"), out},
                                {}, {{QStringLiteral("XDG_RUNTIME_DIR"), QString()}}, kCliTimeoutMs);
        checkRefused(r, QFileInfo(bad).fileName(), QStringLiteral("not found"), json, out);
    }

    void noArgumentsIsAnError() {
        const CliRun r = runCli({}, {}, {}, kCliTimeoutMs);
        QVERIFY2(r.finished && r.exitStatus == QProcess::NormalExit, qPrintable(describe(r)));
        QCOMPARE(r.exitCode, 2);
        const CliRun unknown = runCli({QStringLiteral("frobnicate")}, {}, {}, kCliTimeoutMs);
        QCOMPARE(unknown.exitCode, 2);
        QCOMPARE(lines(unknown.stdErr).size(), 1);
    }
};

QTEST_MAIN(TestBadInput)
#include "tst_badinput.moc"
