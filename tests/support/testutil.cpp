#include "testutil.h"

#include "store/jobstore.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QtGlobal>

namespace bt::test {

SheetSpec makeSheet(const QString &number, const QString &title, int seed, const QSizeF &paperIn) {
    SheetSpec s;
    s.number = number;
    s.title = title;
    s.seed = seed;
    s.paperIn = paperIn;
    return s;
}

QString rectText(const QRectF &r) {
    return QStringLiteral("[%1, %2, %3, %4]")
        .arg(r.x(), 0, 'f', 1)
        .arg(r.y(), 0, 'f', 1)
        .arg(r.width(), 0, 'f', 1)
        .arg(r.height(), 0, 'f', 1);
}

double area(const QRectF &r) {
    return r.width() * r.height();
}

double iou(const QRectF &a, const QRectF &b) {
    const QRectF i = a.intersected(b);
    if (i.isEmpty()) return 0;
    const double u = area(a) + area(b) - area(i);
    return u > 0 ? area(i) / u : 0;
}

bool hits(const QRectF &truth, const QRectF &region) {
    const QRectF grown = truth.adjusted(-kHitGrowPt, -kHitGrowPt, kHitGrowPt, kHitGrowPt);
    if (iou(grown, region) >= 0.1) return true;
    // Edges count; a region of zero (or negative) width or height contains nothing.
    return !region.isEmpty() && region.contains(truth.center()) && area(region) <= 25 * area(grown);
}

QString runtimeDir() {
    static QTemporaryDir dir; // created 0700
    return dir.path();
}

CliRun runCli(const QStringList &args, const QString &jsonPath, const QMap<QString, QString> &env,
              int timeoutMs) {
    QProcess p;
    p.setProgram(QStringLiteral(BT_CLI_PATH));
    p.setArguments(args);
    QProcessEnvironment childEnv = QProcessEnvironment::systemEnvironment();
    childEnv.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    childEnv.insert(QStringLiteral("OMP_THREAD_LIMIT"), QStringLiteral("1"));
    childEnv.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtimeDir());
    childEnv.remove(QStringLiteral("PAGE_EXTRACTION_DPI"));
    // Every run its own history unless the test names one: runs don't reuse each other's jobs.
    static int historyCount = 0;
    childEnv.insert(QStringLiteral("BUILDTRACE_DB"),
                    QStringLiteral("%1/history-%2.sqlite").arg(runtimeDir()).arg(++historyCount));
    for (auto it = env.cbegin(); it != env.cend(); ++it) {
        if (it.value().isNull())
            childEnv.remove(it.key());
        else
            childEnv.insert(it.key(), it.value());
    }
    p.setProcessEnvironment(childEnv);
    CliRun r;
    QElapsedTimer timer;
    timer.start();
    p.start();
    if (!p.waitForStarted(10000)) return r;
    r.finished = p.waitForFinished(timeoutMs);
    if (!r.finished) {
        p.kill();
        p.waitForFinished(5000);
    }
    r.ms = timer.elapsed();
    r.exitCode = p.exitCode();
    r.exitStatus = p.exitStatus();
    r.stdOut = p.readAllStandardOutput();
    r.stdErr = QString::fromUtf8(p.readAllStandardError());
    QByteArray bytes;
    if (jsonPath == QLatin1String("-")) {
        bytes = r.stdOut;
    } else if (!jsonPath.isEmpty()) {
        QFile f(jsonPath);
        if (f.open(QIODevice::ReadOnly)) bytes = f.readAll();
    }
    if (!bytes.isEmpty()) r.json = QJsonDocument::fromJson(bytes).object();
    qInfo("buildtrace %s: exit %d in %lld ms", qPrintable(args.mid(0, 1).join(' ')), r.exitCode, r.ms);
    return r;
}

QString describe(const CliRun &r) {
    return QStringLiteral("exit %1 (%2), stderr: <<%3>>, stdout: <<%4>>")
        .arg(r.exitCode)
        .arg(r.exitStatus == QProcess::NormalExit ? QStringLiteral("normal") : QStringLiteral("crash"))
        .arg(r.stdErr.right(1500), QString::fromUtf8(r.stdOut.left(400)));
}

QStringList lines(const QString &text) {
    QString t = text;
    while (t.endsWith(QLatin1Char('\n')) || t.endsWith(QLatin1Char('\r')))
        t.chop(1);
    return t.isEmpty() ? QStringList() : t.split(QLatin1Char('\n'));
}

bool writeHistory(const QString &path, int jobs) {
    JobStore store(path); // closed (its -wal folded in) when it goes
    if (!store.open()) return false;
    // Filler of the size of a real sheet's result, so the jobs span many pages of the file.
    const QString filler = QString(600, QLatin1Char('x'));
    for (int j = 1; j <= jobs; ++j) {
        JobRecord job;
        job.id = QStringLiteral("job-%1").arg(j);
        job.oldFile = QStringLiteral("/data/old-%1.pdf").arg(j);
        job.newFile = QStringLiteral("/data/new-%1.pdf").arg(j);
        job.oldHash = QStringLiteral("old%1").arg(j);
        job.newHash = QStringLiteral("new%1").arg(j);
        job.status = JobStatus::InProgress;
        if (!store.createJob(job)) return false;
        QVector<QJsonObject> pages;
        for (int p = 1; p <= 3; ++p)
            pages.append(QJsonObject{{QStringLiteral("page_number"), p}, {QStringLiteral("filler"), filler}});
        if (!store.setJobPages(job.id, pages)) return false;
        for (int p = 1; p <= 3; ++p) {
            for (const Stage stage : kStages)
                if (!store.setStage(job.id, p, stage, StageStatus::Completed)) return false;
            if (!store.saveDiffResult(job.id, p, QStringLiteral("A-10%1").arg(p), QString(), pages[p - 1]) ||
                !store.saveSummary(job.id, p, QStringLiteral("Sheet %1: no changes. ").arg(p) + filler))
                return false;
        }
        if (!store.setJobStatus(job.id, JobStatus::Completed)) return false;
    }
    return true;
}

bool damagePages(const QString &path, int pages, quint32 seed) {
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite)) return false;
    const QByteArray header = file.read(100);
    if (header.size() < 100) return false;
    // Bytes 16-17 of the header: the page size, big-endian (1 means 65536).
    const int raw = (quint8(header[16]) << 8) | quint8(header[17]);
    const qint64 pageSize = raw == 1 ? 65536 : raw;
    const qint64 count = file.size() / pageSize;
    if (pageSize < 512 || count <= pages) return false;
    QRandomGenerator random(seed);
    QSet<qint64> chosen;
    while (chosen.size() < pages)
        chosen.insert(1 + qint64(random.bounded(quint32(count - 1)))); // 0-based, never page 0
    for (const qint64 page : chosen) {
        QByteArray garbage(int(pageSize), Qt::Uninitialized);
        for (char &c : garbage)
            c = char(random.bounded(256));
        if (!file.seek(page * pageSize) || file.write(garbage) != garbage.size()) return false;
    }
    return file.flush();
}

QByteArray fileHash(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result().toHex();
}

QStringList rawQuery(const QString &path, const QString &sql) {
    QStringList out;
    const QString name = QStringLiteral("bt-test-raw");
    {
        QSqlDatabase d = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        d.setDatabaseName(path);
        if (d.open()) {
            QSqlQuery q(d);
            if (q.exec(sql))
                while (q.next())
                    out.append(q.value(0).toString());
        }
        d.close();
    }
    QSqlDatabase::removeDatabase(name);
    return out;
}

QByteArray readFile(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QList<qint64> renderHelpersOf(qint64 parent) {
    const QByteArray nul(1, '\0');
    const QByteArray parentArg = nul + "--parent" + nul + QByteArray::number(parent) + nul;
    QList<qint64> helpers;
    for (const QString &entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        bool isPid = false;
        const qint64 pid = entry.toLongLong(&isPid);
        if (!isPid) continue;
        const QByteArray cmdline = readFile(QStringLiteral("/proc/%1/cmdline").arg(entry));
        if (cmdline.contains("buildtrace-renderer") && cmdline.contains(parentArg)) helpers.append(pid);
    }
    return helpers;
}

bool writeFile(const QString &path, const QByteArray &bytes) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size() && f.flush();
}

} // namespace bt::test
