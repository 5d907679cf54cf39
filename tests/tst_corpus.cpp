// Accuracy gate on the shared corpus: the CLI compares every public case, the shared scorer
// grades the results, and the suite fails when the grades drop below the bar.

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

namespace {

// Bars (see the brief in docs / eval README): overall and per case.
constexpr double kMinMeanScore = 0.90;
constexpr double kMinChangeRecall = 0.95;
constexpr double kMinSheetMatch = 1.0;
constexpr double kMinDrawingName = 0.95;
constexpr double kMaxFalseChangePages = 0;

QString sharedDir() {
    return QString::fromUtf8(BT_SHARED_DIR);
}

// "key=value" pairs of one scorer line.
QMap<QString, double> parseMetrics(const QString &line, bool *ok) {
    QMap<QString, double> out;
    static const QRegularExpression pair(QStringLiteral("(\\w+)=([-+0-9.eE]+)"));
    auto it = pair.globalMatch(line);
    while (it.hasNext()) {
        const auto m = it.next();
        bool good = false;
        out.insert(m.captured(1), m.captured(2).toDouble(&good));
        *ok = *ok && good;
    }
    return out;
}

} // namespace

class TestCorpus : public QObject {
    Q_OBJECT

private:
    QString m_corpus;
    QString m_python;
    QTemporaryDir m_results;
    QStringList m_cases;

private slots:
    void initTestCase() {
        m_corpus = QDir(sharedDir()).filePath(QStringLiteral("corpus/public"));
        if (!QFileInfo(m_corpus).isDir())
            QSKIP(qPrintable(
                QStringLiteral("shared corpus not found at %1 (configure with -DBT_SHARED_DIR=... to run "
                               "the accuracy gate)")
                    .arg(m_corpus)));
        if (!QFileInfo::exists(QDir(sharedDir()).filePath(QStringLiteral("eval/score_all.py"))))
            QSKIP(qPrintable(QStringLiteral("scorer not found at %1/eval/score_all.py").arg(sharedDir())));
        m_python = QStandardPaths::findExecutable(QStringLiteral("python3"));
        if (m_python.isEmpty()) QSKIP("python3 not found on PATH: the shared scorer cannot run");
        QVERIFY2(QFileInfo(QString::fromUtf8(BT_CLI_PATH)).isExecutable(), BT_CLI_PATH);
        QVERIFY(m_results.isValid());
        m_results.setAutoRemove(!qEnvironmentVariableIsSet("BT_KEEP_TEST_FILES"));
        if (!m_results.autoRemove()) qInfo("results kept in %s", qPrintable(m_results.path()));
        for (const QString &c : QDir(m_corpus).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
            if (QFileInfo::exists(QDir(m_corpus).filePath(c + QStringLiteral("/truth.json")))) m_cases << c;
        QVERIFY2(!m_cases.isEmpty(), qPrintable(QStringLiteral("no cases in %1").arg(m_corpus)));
    }

    void compareAndScore() {
        // 1. The CLI on every case (no overlays: the scorer reads only the JSON).
        for (const QString &c : std::as_const(m_cases)) {
            const QDir dir(QDir(m_corpus).filePath(c));
            const QString json = QDir(m_results.path()).filePath(c + QStringLiteral(".json"));
            QProcess cli;
            cli.setProcessChannelMode(QProcess::SeparateChannels);
            QElapsedTimer timer;
            timer.start();
            cli.start(QString::fromUtf8(BT_CLI_PATH),
                      {QStringLiteral("compare"), dir.filePath(QStringLiteral("old.pdf")),
                       dir.filePath(QStringLiteral("new.pdf")), QStringLiteral("--json"), json,
                       QStringLiteral("--quiet"),
                       // A history of its own: a job of the same files in the user's history
                       // would be reused and nothing compared.
                       QStringLiteral("--db"),
                       QDir(m_results.path()).filePath(QStringLiteral("history.sqlite"))});
            QVERIFY2(cli.waitForStarted(), qPrintable(cli.errorString()));
            QVERIFY2(cli.waitForFinished(10 * 60 * 1000),
                     qPrintable(c + QStringLiteral(": the CLI did not finish")));
            QStringList errLines;
            for (const QString &l :
                 QString::fromUtf8(cli.readAllStandardError()).split(QLatin1Char('\n'), Qt::SkipEmptyParts))
                if (!l.startsWith(QLatin1String("QStandardPaths:"))) // headless environment noise
                    errLines << l;
            const QString err = errLines.join(QStringLiteral(" | "));
            qInfo("%s: exit %d in %lld ms%s", qPrintable(c), cli.exitCode(), timer.elapsed(),
                  err.isEmpty() ? "" : qPrintable(QStringLiteral(" (stderr: %1)").arg(err)));
            QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
            // 0 no changes, 1 changes; 2 is an error.
            QVERIFY2(cli.exitCode() == 0 || cli.exitCode() == 1, qPrintable(c + QStringLiteral(": ") + err));
            QVERIFY2(QFileInfo::exists(json), qPrintable(json));
        }

        // 2. The shared scorer.
        QProcess scorer;
        scorer.start(m_python, {QDir(sharedDir()).filePath(QStringLiteral("eval/score_all.py")), m_corpus,
                                m_results.path(), QStringLiteral("--verbose")});
        QVERIFY2(scorer.waitForStarted(), qPrintable(scorer.errorString()));
        QVERIFY(scorer.waitForFinished(120 * 1000));
        const QString out = QString::fromUtf8(scorer.readAllStandardOutput());
        const QString details = QString::fromUtf8(scorer.readAllStandardError());
        for (const QString &line : out.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            qInfo("score_all: %s", qPrintable(line));
        for (const QString &line : details.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            qInfo("score_all (verbose): %s", qPrintable(line));
        QCOMPARE(scorer.exitStatus(), QProcess::NormalExit);
        QCOMPARE(scorer.exitCode(), 0);

        // 3. Parse and judge. Every case must have a line with its metrics.
        QStringList failures;
        double meanScore = -1;
        QSet<QString> seen;
        for (const QString &line : out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            if (line.startsWith(QLatin1String("mean_score:"))) {
                bool ok = false;
                meanScore = line.section(QLatin1Char(':'), 1).trimmed().toDouble(&ok);
                QVERIFY2(ok, qPrintable(line));
                continue;
            }
            const int colon = line.indexOf(QLatin1Char(':'));
            const QString name = line.left(colon);
            if (colon <= 0 || !m_cases.contains(name)) continue;
            seen.insert(name);
            bool ok = true;
            const QMap<QString, double> m = parseMetrics(line.mid(colon + 1), &ok);
            if (!ok || !m.contains(QStringLiteral("change_recall"))) {
                failures << QStringLiteral("%1: no metrics (%2)").arg(name, line.mid(colon + 1).trimmed());
                continue;
            }
            auto below = [&](const char *key, double bar) {
                const double v = m.value(QLatin1String(key), -1);
                if (v < bar)
                    failures
                        << QStringLiteral("%1: %2 = %3 < %4").arg(name, QLatin1String(key)).arg(v).arg(bar);
            };
            below("change_recall", kMinChangeRecall);
            below("sheet_match_accuracy", kMinSheetMatch);
            below("drawing_name_accuracy", kMinDrawingName);
            const double falsePages = m.value(QStringLiteral("false_change_pages"), 1e9);
            if (falsePages > kMaxFalseChangePages)
                failures << QStringLiteral("%1: false_change_pages = %2").arg(name).arg(falsePages);
        }
        for (const QString &c : std::as_const(m_cases))
            if (!seen.contains(c)) failures << QStringLiteral("%1: no line in the scorer output").arg(c);
        QVERIFY2(meanScore >= 0, "no mean_score line in the scorer output");
        if (meanScore < kMinMeanScore)
            failures << QStringLiteral("mean_score = %1 < %2").arg(meanScore).arg(kMinMeanScore);
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QStringLiteral("; "))));
    }
};

QTEST_GUILESS_MAIN(TestCorpus)
#include "tst_corpus.moc"
