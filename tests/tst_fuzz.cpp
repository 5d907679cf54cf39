// Fuzz: seeded mutations of the sample PDFs and a generated sheet (tests/support/pdfmutator.h)
// through Document (open, render up to 3 pages, read the text layer: the render helpers do the
// PDF work) and through the CLI. Nothing may hang, crash or grow without bound: every file ends
// before a deadline the helpers' limits imply, the test process's own peak RSS stays under a
// bound, the helpers stay under theirs, and every error is one line naming the file.
//
// BT_FUZZ_COUNT=N (default 40) mutants, seeds BT_FUZZ_SEED (default 1) onwards: a failure names
// its seed, and BT_FUZZ_SEED=<seed> BT_FUZZ_COUNT=1 runs that one alone (BT_KEEP_TEST_FILES=1
// keeps the file). The full run is BT_FUZZ_COUNT=300 (README, Tests).

#include "document/document.h"
#include "drawinggenerator.h"
#include "pdfmutator.h"
#include "render/renderpool.h"
#include "testutil.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QtConcurrent>
#include <QtTest>

#include <sys/resource.h>
#include <unistd.h>

using namespace bt;
using namespace bt::test;

namespace {

constexpr int kDefaultCount = 40;
constexpr int kMaxPages = 3;
constexpr qint64 kTestRssBound = 1536LL << 20;
// Without $BUILDTRACE_RENDER_TIMEOUT the helpers get 30 s a page here instead of 120 s, so a
// page that makes PDFium spin is cut off (and a real hang found) sooner; the mechanism is the same.
constexpr int kTestPageTimeoutMs = 30'000;
constexpr int kCliRuns = 8;
constexpr int kCliDeadlineMs = 60'000;
constexpr rlim_t kCliAddressSpace = 4ULL << 30;
// Mutants for the CLI: seeds apart from the Document run's, one mutation kind each.
constexpr quint32 kCliFirstSeed = 100'001;

qint64 ownPeakRss() {
    return processPeakRssBytes(getpid());
}

QString megabytes(qint64 bytes) {
    return QStringLiteral("%1 MB").arg(bytes >> 20);
}

const char *codeName(LoadError code) {
    switch (code) {
    case LoadError::None:
        return "none";
    case LoadError::NotFound:
        return "not-found";
    case LoadError::NotReadable:
        return "not-readable";
    case LoadError::UnknownFormat:
        return "unknown-format";
    case LoadError::Corrupt:
        return "corrupt";
    case LoadError::Truncated:
        return "truncated";
    case LoadError::PasswordRequired:
        return "password-required";
    case LoadError::WrongPassword:
        return "wrong-password";
    case LoadError::NoPages:
        return "no-pages";
    case LoadError::PageTooLarge:
        return "page-too-large";
    case LoadError::PageTooSmall:
        return "page-too-small";
    case LoadError::Cancelled:
        return "cancelled";
    }
    return "?";
}

// What one mutant did in Document; problems are the broken promises (empty: all kept).
struct Outcome {
    DocumentError error; // set when it was refused
    int pages = 0;
    int rendered = 0;
    QStringList renderErrors; // one per failed render
    int words = 0;
    QStringList problems;
};

Outcome exercise(const QString &path, quint32 seed, const CancelFlag *cancel) {
    Outcome out;
    const auto doc = Document::open(path, QString(), &out.error, RenderOptions().maxPixels, cancel);
    const QString fileName = QFileInfo(path).fileName();
    if (!doc) {
        if (!out.error) out.problems << QStringLiteral("open returned null without an error");
        if (out.error.message.contains(QLatin1Char('\n')))
            out.problems << QStringLiteral("error of more than one line: %1").arg(out.error.message);
        if (!out.error.message.contains(fileName))
            out.problems << QStringLiteral("error does not name the file: %1").arg(out.error.message);
        return out;
    }
    out.pages = doc->pageCount();
    std::mt19937 rng(seed);
    for (int page = 0; page < std::min(out.pages, kMaxPages); ++page) {
        RenderOptions options;
        options.dpi = std::uniform_int_distribution<int>(50, 72)(rng);
        const RenderedPage rendered = doc->render(page, options, cancel);
        if (rendered.isNull()) {
            out.renderErrors << rendered.error;
            if (rendered.error.isEmpty() || rendered.error.contains(QLatin1Char('\n')))
                out.problems << QStringLiteral("page %1: render error not one line: '%2'")
                                    .arg(page + 1)
                                    .arg(rendered.error);
        } else {
            ++out.rendered;
            if (rendered.grey.type() != CV_8UC1 || qint64(rendered.grey.total()) > options.maxPixels)
                out.problems << QStringLiteral("page %1: %2 x %3 image of type %4 past the pixel cap")
                                    .arg(page + 1)
                                    .arg(rendered.grey.cols)
                                    .arg(rendered.grey.rows)
                                    .arg(rendered.grey.type());
        }
        out.words += int(doc->textLayerWords(page, cancel).size());
    }
    return out;
}

} // namespace

class TestFuzz : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QList<QPair<QString, QByteArray>> m_sources; // name, bytes
    quint32 m_firstSeed = 1;
    int m_count = kDefaultCount;

    // The mutant of a seed, written to a file named after the seed; its path.
    QString writeMutant(quint32 seed, PdfMutant *mutant, int kind = -1) {
        const auto &[name, bytes] = m_sources[int(seed % quint32(m_sources.size()))];
        PdfMutator mutator(seed);
        *mutant = kind < 0 ? mutator.mutate(bytes) : mutator.mutate(bytes, PdfMutation(kind));
        mutant->description += QStringLiteral(" (of %1)").arg(name);
        const QString path = m_dir.filePath(
            QStringLiteral("fuzz-%1-%2-%3").arg(seed).arg(mutationName(mutant->mutation), name));
        return writeFile(path, mutant->bytes) ? path : QString();
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_dir.setAutoRemove(!qEnvironmentVariableIsSet("BT_KEEP_TEST_FILES"));
        bool ok = false;
        const int count = qEnvironmentVariableIntValue("BT_FUZZ_COUNT", &ok);
        if (ok && count > 0) m_count = count;
        const int first = qEnvironmentVariableIntValue("BT_FUZZ_SEED", &ok);
        if (ok && first > 0) m_firstSeed = quint32(first);

        for (const char *name : {"old.pdf", "new.pdf"}) {
            const QByteArray bytes =
                readFile(QStringLiteral(BT_SOURCE_DIR "/resources/samples/") + QLatin1String(name));
            QVERIFY2(bytes.startsWith("%PDF-"), name);
            m_sources.append({QString::fromLatin1(name), bytes});
        }
        const QString generated = m_dir.filePath(QStringLiteral("generated.pdf"));
        QCOMPARE(
            writeVectorSet(generated, {makeSheet(QStringLiteral("A-201"), QStringLiteral("SECOND FLOOR PLAN"),
                                                 11, QSizeF(24, 18))})
                .size(),
            1);
        m_sources.append({QStringLiteral("generated.pdf"), readFile(generated)});

        RenderLimits limits = RenderLimits::fromEnvironment();
        if (!qEnvironmentVariableIsSet("BUILDTRACE_RENDER_TIMEOUT")) {
            limits.pageTimeoutMs = kTestPageTimeoutMs;
            limits.openTimeoutMs = std::min(limits.openTimeoutMs, limits.pageTimeoutMs);
        }
        RenderPool::configure(limits);
        QVERIFY2(QFileInfo(renderHelperPath()).isExecutable(), qPrintable(renderHelperPath()));
    }

    // The mutator itself: each kind changes the file, the same seed gives the same bytes, and on
    // every source the kind asked for is the one done (not the bit-flip fallback).
    void mutatorIsSeeded() {
        for (const auto &[name, bytes] : std::as_const(m_sources)) {
            for (int kind = 0; kind < kPdfMutationCount; ++kind) {
                const PdfMutant a = PdfMutator(7).mutate(bytes, PdfMutation(kind));
                const PdfMutant b = PdfMutator(7).mutate(bytes, PdfMutation(kind));
                const QString what = name + QLatin1Char(' ') + a.description;
                QVERIFY2(a.bytes == b.bytes, qPrintable(what));
                QVERIFY2(a.bytes != bytes, qPrintable(what));
                QVERIFY2(
                    a.description.startsWith(QStringLiteral("seed 7 ") + mutationName(PdfMutation(kind))),
                    qPrintable(what));
                if (kind != int(PdfMutation::BitFlips))
                    QVERIFY2(!a.description.contains(QLatin1String(" flips at ")), qPrintable(what));
            }
            QVERIFY(PdfMutator(1).mutate(bytes).bytes != PdfMutator(2).mutate(bytes).bytes);
        }
    }

    void documents() {
        const RenderLimits limits = RenderPool::instance().limits();
        QStringList failures;
        QMap<QString, int> refused, renderFailures, kinds;
        int opened = 0, pagesRendered = 0;
        qint64 maxMs = 0;
        quint32 slowest = 0;
        bool rssReported = false;
        for (quint32 seed = m_firstSeed; seed < m_firstSeed + quint32(m_count); ++seed) {
            PdfMutant mutant;
            const QString path = writeMutant(seed, &mutant);
            QVERIFY2(!path.isEmpty(), qPrintable(mutant.description));
            ++kinds[mutationName(mutant.mutation)];
            // What the helpers' limits allow for an open and every request after it, and slack.
            const qint64 deadlineMs = limits.openTimeoutMs + mutant.bytes.size() / (10 << 20) * 1000 +
                                      2LL * kMaxPages * limits.pageTimeoutMs + 30'000;
            CancelFlag cancel{false};
            QElapsedTimer clock;
            clock.start();
            QFuture<Outcome> future = QtConcurrent::run(exercise, path, seed, &cancel);
            if (!QTest::qWaitFor([&] { return future.isFinished(); }, int(deadlineMs))) {
                // Cancelling kills the helper at work: if that frees the call, the hang was a
                // helper's request the pool's own timeout missed; if not, it is in this process.
                cancel.store(true);
                if (!QTest::qWaitFor([&] { return future.isFinished(); }, 10'000))
                    qFatal("%s: still running %lld s after the deadline and a cancel: a hang in the "
                           "test process (%s)",
                           qPrintable(mutant.description), qint64(deadlineMs / 1000), qPrintable(path));
                failures << QStringLiteral("%1: no answer within %2 s (a cancel ended it)")
                                .arg(mutant.description)
                                .arg(deadlineMs / 1000);
                continue;
            }
            const qint64 ms = clock.elapsed();
            if (ms > maxMs) {
                maxMs = ms;
                slowest = seed;
            }
            const Outcome out = future.result();
            if (out.error) {
                ++refused[QString::fromLatin1(codeName(out.error.code))];
            } else {
                ++opened;
                pagesRendered += out.rendered;
                for (const QString &e : out.renderErrors)
                    ++renderFailures[e];
            }
            for (const QString &p : out.problems)
                failures << QStringLiteral("%1: %2").arg(mutant.description, p);
            const qint64 rss = ownPeakRss();
            if (rss > kTestRssBound && !rssReported) {
                failures << QStringLiteral("%1: test process peak RSS %2 over %3")
                                .arg(mutant.description, megabytes(rss), megabytes(kTestRssBound));
                rssReported = true;
            }
            qInfo("%s: %s in %lld ms", qPrintable(mutant.description),
                  out.error ? qPrintable(out.error.message)
                            : qPrintable(QStringLiteral("%1 page(s), %2 rendered, %3 word(s)%4")
                                             .arg(out.pages)
                                             .arg(out.rendered)
                                             .arg(out.words)
                                             .arg(out.renderErrors.isEmpty()
                                                      ? QString()
                                                      : QStringLiteral(", failed: ") +
                                                            out.renderErrors.join(QStringLiteral("; ")))),
                  ms);
            QFile::remove(path);
        }

        const qint64 helperPeak = RenderPool::instance().peakRssBytes();
        const qint64 helperBound = qint64(RenderPool::instance().processCount()) * limits.memoryBytes;
        int refusedCount = 0;
        for (const int n : std::as_const(refused))
            refusedCount += n;
        auto listed = [](const QMap<QString, int> &map) {
            QStringList parts;
            for (auto it = map.cbegin(); it != map.cend(); ++it)
                parts << QStringLiteral("%1 %2").arg(it.key()).arg(it.value());
            return parts.isEmpty() ? QStringLiteral("none") : parts.join(QStringLiteral(", "));
        };
        qInfo("fuzz summary: %d files (seeds %u-%u; %s), %d opened, %d refused (%s), %d pages rendered, "
              "render failures: %s; max %.1f s per file (seed %u); peak RSS: test process %s, helpers %s "
              "(%d x %s allowed)",
              m_count, m_firstSeed, m_firstSeed + quint32(m_count) - 1, qPrintable(listed(kinds)), opened,
              refusedCount, qPrintable(listed(refused)), pagesRendered, qPrintable(listed(renderFailures)),
              maxMs / 1000.0, slowest, qPrintable(megabytes(ownPeakRss())), qPrintable(megabytes(helperPeak)),
              RenderPool::instance().processCount(), qPrintable(megabytes(limits.memoryBytes)));

        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
        QVERIFY2(helperPeak > 0, "the helpers did the work (their peak RSS is known)");
        QVERIFY2(helperPeak <= helperBound,
                 qPrintable(QStringLiteral("helpers' peak RSS %1 over %2")
                                .arg(megabytes(helperPeak), megabytes(helperBound))));
        // The mutants damage files (some are refused) without destroying all of them (some open).
        if (m_count >= kDefaultCount) {
            QVERIFY2(opened > 0, "no mutant opened: the mutations are too blunt to reach rendering");
            QVERIFY2(opened < m_count, "every mutant opened: the mutations do nothing");
        }
    }

    // Mutants of old.pdf against the intact new.pdf through `buildtrace compare` under a 4 GiB
    // address-space limit: each ends within the deadline, exits 0, 1 or 2, and says at most one
    // line on stderr.
    void cli() {
        const QString intact = QStringLiteral(BT_SOURCE_DIR "/resources/samples/new.pdf");
        QStringList failures;
        // Every kind but plain truncation (refused before PDFium is reached, as tst_badinput shows).
        QList<int> kinds;
        for (int kind = 0; kind < kPdfMutationCount && kinds.size() < kCliRuns; ++kind)
            if (kind != int(PdfMutation::Truncate)) kinds << kind;
        for (int i = 0; i < kinds.size(); ++i) {
            // seed % 3 == 0: old.pdf is the first source.
            const quint32 seed = kCliFirstSeed * 3 + quint32(i) * 3;
            PdfMutant mutant;
            const QString old = writeMutant(seed, &mutant, kinds[i]);
            QVERIFY2(!old.isEmpty(), qPrintable(mutant.description));
            QVERIFY2(mutant.description.endsWith(QLatin1String("(of old.pdf)")),
                     qPrintable(mutant.description));
            QProcess p;
            p.setProgram(QStringLiteral(BT_CLI_PATH));
            p.setArguments({QStringLiteral("compare"), old, intact, QStringLiteral("--quiet"),
                            QStringLiteral("--dpi"), QStringLiteral("100"), QStringLiteral("--max-attempts"),
                            QStringLiteral("1")});
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
            env.insert(QStringLiteral("OMP_THREAD_LIMIT"), QStringLiteral("1"));
            env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtimeDir());
            env.insert(QStringLiteral("BUILDTRACE_DB"),
                       m_dir.filePath(QStringLiteral("cli-%1.sqlite").arg(seed)));
            // A page PDFium spins on is cut off well inside the deadline (one attempt).
            env.insert(QStringLiteral("BUILDTRACE_RENDER_TIMEOUT"), QStringLiteral("15"));
            p.setProcessEnvironment(env);
            p.setChildProcessModifier([] {
                const rlimit as{kCliAddressSpace, kCliAddressSpace};
                setrlimit(RLIMIT_AS, &as);
            });
            QElapsedTimer clock;
            clock.start();
            p.start();
            QVERIFY2(p.waitForStarted(10'000), qPrintable(p.errorString()));
            const bool finished = p.waitForFinished(kCliDeadlineMs);
            if (!finished) {
                p.kill();
                p.waitForFinished(5000);
            }
            const QStringList err = lines(QString::fromUtf8(p.readAllStandardError()));
            const QString result = QStringLiteral("%1: exit %2 (%3) in %4 ms, stderr: %5")
                                       .arg(mutant.description)
                                       .arg(p.exitCode())
                                       .arg(p.exitStatus() == QProcess::NormalExit ? "normal" : "crash")
                                       .arg(clock.elapsed())
                                       .arg(err.join(QStringLiteral(" | ")));
            qInfo("%s", qPrintable(result));
            if (!finished)
                failures << QStringLiteral("%1: still running after %2 s")
                                .arg(mutant.description)
                                .arg(kCliDeadlineMs / 1000);
            else if (p.exitStatus() != QProcess::NormalExit || p.exitCode() < 0 || p.exitCode() > 2 ||
                     err.size() > 1)
                failures << result;
        }
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
    }
};

QTEST_MAIN(TestFuzz)
#include "tst_fuzz.moc"
