// The render helpers (core/render/): PDFs render in buildtrace-renderer processes of this process,
// in parallel; a cancel stops a render in the middle (the helper is killed), a page that takes too
// long fails alone, a helper that dies is replaced, and the command line's Ctrl+C / SIGTERM end
// the process and its helpers at once, also mid-render.

#include "densepdf.h"
#include "document/document.h"
#include "render/renderpool.h"
#include "testutil.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QtConcurrent/QtConcurrentRun>
#include <QtTest>
#include <opencv2/core.hpp>

#include <csignal>
#include <unistd.h>

using namespace bt;
using namespace bt::test;

namespace {

// A hang is told from a slow run by these; they are no performance limits.
constexpr int kHangMs = 20000;

// Pids of the render helpers of `parent`.
QVector<pid_t> helperPids(pid_t parent) {
    QVector<pid_t> pids;
    for (const qint64 pid : renderHelpersOf(parent))
        pids.append(pid_t(pid));
    return pids;
}

// Processor time a process has used (user + system), in clock ticks; -1 once it is gone.
long cpuTicks(pid_t pid) {
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly)) return -1;
    const QByteArray text = stat.readAll();
    // Fields after the command name in parentheses; utime and stime are the 14th and 15th.
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    return fields.size() > 12 ? fields[11].toLong() + fields[12].toLong() : -1;
}

// Waits until one of `parent`'s helpers has rendered for half a second: the render is under way.
bool waitForBusyHelper(pid_t parent, pid_t *busy) {
    QHash<pid_t, long> start;
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < kHangMs) {
        for (const pid_t pid : helperPids(parent)) {
            const long ticks = cpuTicks(pid);
            if (!start.contains(pid)) start.insert(pid, ticks);
            if (ticks - start.value(pid) >= sysconf(_SC_CLK_TCK) / 2) {
                *busy = pid;
                return true;
            }
        }
        QTest::qWait(20);
    }
    return false;
}

bool waitUntilGone(pid_t pid, qint64 *ms) {
    QElapsedTimer clock;
    clock.start();
    while (cpuTicks(pid) >= 0 && clock.elapsed() < kHangMs)
        QThread::msleep(5);
    *ms = clock.elapsed();
    return cpuTicks(pid) < 0;
}

} // namespace

class TestRenderPool : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_sample; // 3 light sheets
    QString m_dense;  // one ARCH D sheet of 30 000 random segments: tens of seconds to render
    QString m_mixed;  // A-101 light, A-102 dense
    QString m_json;

    static std::unique_ptr<Document> open(const QString &path) {
        DocumentError error;
        std::unique_ptr<Document> doc = Document::open(path, QString(), &error);
        if (!doc) qWarning("%s", qPrintable(error.message));
        return doc;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_sample = QStringLiteral(BT_SOURCE_DIR "/resources/samples/old.pdf");
        m_dense = m_dir.filePath(QStringLiteral("dense.pdf"));
        m_mixed = m_dir.filePath(QStringLiteral("mixed.pdf"));
        for (const auto &[path, pages] :
             {std::pair{m_dense, QVector<int>{30000}}, std::pair{m_mixed, QVector<int>{0, 30000}}}) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(denseLinesPdf(pages));
        }
    }

    // Pages render in helper processes of this one, as many at once as there are helpers, and
    // give the same pixels as each other (one page rendered twice, in two helpers).
    void rendersInParallelHelpers() {
        const auto doc = open(m_sample);
        QVERIFY(doc);
        QCOMPARE(doc->pageCount(), 3);
        QVERIFY(RenderPool::instance().processCount() >= 1);
        std::atomic<int> running{0}, mostAtOnce{0};
        auto renderOne = [&](int page) {
            mostAtOnce = std::max(mostAtOnce.load(), ++running);
            RenderedPage r = doc->render(page, {100, RenderOptions().maxPixels});
            --running;
            return r;
        };
        QFuture<RenderedPage> a = QtConcurrent::run(renderOne, 0);
        QFuture<RenderedPage> b = QtConcurrent::run(renderOne, 0);
        const RenderedPage ra = a.result(), rb = b.result();
        QVERIFY2(!ra.isNull(), qPrintable(ra.error));
        QVERIFY(!rb.isNull());
        QCOMPARE(ra.grey.type(), CV_8UC1);
        QCOMPARE(cv::norm(ra.grey, rb.grey, cv::NORM_INF), 0.0);
        const QVector<pid_t> helpers = helperPids(getpid());
        QVERIFY2(!helpers.isEmpty(), "no buildtrace-renderer child of this process");
        QVERIFY(helpers.size() <= RenderPool::instance().processCount());
        // The text layer comes from a helper too.
        const Words words = doc->textLayerWords(0);
        QVERIFY(std::any_of(words.begin(), words.end(),
                            [](const Word &w) { return w.text == QLatin1String("A-101"); }));
    }

    // A cancel during a render kills its helper: the call returns at once, null, and the next
    // render works (a new helper).
    void cancelStopsARenderMidway() {
        const auto dense = open(m_dense);
        QVERIFY(dense);
        CancelFlag cancel{false};
        QFuture<RenderedPage> render = QtConcurrent::run([&] {
            return dense->render(0, {220, RenderOptions().maxPixels}, &cancel);
        });
        pid_t busy = 0;
        QVERIFY2(waitForBusyHelper(getpid(), &busy), "no helper started rendering");
        QElapsedTimer clock;
        clock.start();
        cancel = true;
        QVERIFY(QTest::qWaitFor([&] { return render.isFinished(); }, kHangMs));
        const qint64 returnedMs = clock.elapsed();
        qint64 goneMs = 0;
        QVERIFY2(waitUntilGone(busy, &goneMs), "the cancelled helper still runs");
        qInfo("cancel mid-render: render() returned after %lld ms, helper gone after %lld ms", returnedMs,
              returnedMs + goneMs);
        QVERIFY(render.result().isNull());
        const auto light = open(m_sample);
        QVERIFY(!light->render(1, {72, RenderOptions().maxPixels}).isNull());
    }

    // A helper that dies in the middle of a render (a crash, the OOM killer) fails that render
    // with a clear reason; the next one gets a new helper.
    void deadHelperIsReplaced() {
        const auto dense = open(m_dense);
        QVERIFY(dense);
        QFuture<RenderedPage> render = QtConcurrent::run([&] {
            return dense->render(0, {220, RenderOptions().maxPixels});
        });
        pid_t busy = 0;
        QVERIFY(waitForBusyHelper(getpid(), &busy));
        QCOMPARE(::kill(busy, SIGSEGV), 0);
        QVERIFY(QTest::qWaitFor([&] { return render.isFinished(); }, kHangMs));
        const RenderedPage failed = render.result();
        QVERIFY(failed.isNull());
        QVERIFY2(failed.error.contains(QLatin1String("crashed")), qPrintable(failed.error));
        const auto light = open(m_sample);
        const RenderedPage again = light->render(2, {72, RenderOptions().maxPixels});
        QVERIFY2(!again.isNull(), qPrintable(again.error));
        QVERIFY(!helperPids(getpid()).contains(busy));
    }

    // A page that renders longer than the limit fails alone, through the usual retries into the
    // dead letters, with a message saying so; the set's other page is compared.
    void slowPageFailsAlone() {
        m_json = m_dir.filePath(QStringLiteral("slow.json"));
        const CliRun r =
            runCli({QStringLiteral("compare"), m_mixed, m_mixed, QStringLiteral("--max-attempts"),
                    QStringLiteral("2"), QStringLiteral("--json"), m_json, QStringLiteral("--quiet")},
                   m_json, {{QStringLiteral("BUILDTRACE_RENDER_TIMEOUT"), QStringLiteral("2")}}, 120000);
        QVERIFY2(r.finished, qPrintable(describe(r)));
        QCOMPARE(r.exitCode, 2); // completed with errors
        QCOMPARE(r.json.value(QStringLiteral("status")).toString(), QStringLiteral("completed_with_errors"));
        const QJsonArray pages = r.json.value(QStringLiteral("pages")).toArray();
        QCOMPARE(pages.size(), 2);
        int failed = 0;
        for (const QJsonValue &v : pages) {
            const QJsonObject page = v.toObject();
            const QString error = page.value(QStringLiteral("error")).toString();
            if (page.value(QStringLiteral("page_number")).toInt() == 2) { // A-102, the dense one
                QVERIFY2(error.contains(QLatin1String("page 2")) &&
                             error.contains(QLatin1String("longer than 2 s")),
                         qPrintable(error));
                ++failed;
            } else {
                QVERIFY2(error.isEmpty(), qPrintable(error));
            }
        }
        QCOMPARE(failed, 1);
    }

    // Ctrl+C or SIGTERM while a page renders: the command line ends at once (cancelled, exit 2)
    // and leaves no helper behind.
    void cliSignalMidRender_data() {
        QTest::addColumn<int>("signal");
        QTest::newRow("SIGINT") << int(SIGINT);
        QTest::newRow("SIGTERM") << int(SIGTERM);
    }
    void cliSignalMidRender() {
        QFETCH(int, signal);
        QProcess cli;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("BUILDTRACE_DB"), m_dir.filePath(QStringLiteral("signal.sqlite")));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtimeDir());
        cli.setProcessEnvironment(env);
        cli.start(QStringLiteral(BT_CLI_PATH), {QStringLiteral("compare"), m_dense, m_dense,
                                                QStringLiteral("--fresh"), QStringLiteral("--quiet")});
        QVERIFY(cli.waitForStarted());
        const pid_t pid = pid_t(cli.processId());
        pid_t busy = 0;
        QVERIFY2(waitForBusyHelper(pid, &busy), "the command line's helper never rendered");
        QElapsedTimer clock;
        clock.start();
        QCOMPARE(::kill(pid, signal), 0);
        QVERIFY2(cli.waitForFinished(kHangMs), "still running after the signal");
        const qint64 exitMs = clock.elapsed();
        qint64 goneMs = 0;
        QVERIFY2(waitUntilGone(busy, &goneMs), "a helper outlived the command line");
        qInfo("%s mid-render: process exited after %lld ms, its rendering helper gone %lld ms later",
              QTest::currentDataTag(), exitMs, goneMs);
        QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
        QCOMPARE(cli.exitCode(), 2);
        const QStringList err = lines(QString::fromLocal8Bit(cli.readAllStandardError()));
        QCOMPARE(err.size(), 1);
        QVERIFY2(err.first().contains(QLatin1String("cancelled")), qPrintable(err.first()));
        QVERIFY(helperPids(pid).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRenderPool)
#include "tst_renderpool.moc"
