// The job server's settings validation, error texts and secrets (issue 18 items 4, 5, 7), against
// real buildtrace-server processes: every comparison setting checked by core's one validation
// (400 naming the field), errors that name the upload's file and never a server path, the data
// directory private (0700 folders, 0600 files, SQLite's -wal/-shm included), PDF passwords
// encrypted at rest (no password and no token readable in queue.sqlite, an older version's clear
// password encrypted at start) and an empty --token refused. Sheets are 17 x 11 in at 60 DPI.

#include "compare/settingsvalidation.h"
#include "drawinggenerator.h"
#include "passwordcipher.h"
#include "serverfixture.h"
#include "serverprocess.h"
#include "testutil.h"
#include "timedtestcase.h"
#include "worker.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

using namespace bt;
using namespace bt::test;

namespace {

const QString kEncryptedFixture = QStringLiteral(BT_SOURCE_DIR "/tests/data/encrypted.pdf"); // "secret"

// Every entry under dir (the dir itself first) with its permission bits, "path 0600".
QStringList modesUnder(const QString &dir) {
    QStringList out;
    auto add = [&out](const QString &path) {
        struct stat st {};
        if (::lstat(QFile::encodeName(path).constData(), &st) == 0)
            out << QStringLiteral("%1 %2").arg(path).arg(st.st_mode & 07777, 4, 8, QLatin1Char('0'));
    };
    add(dir);
    QDirIterator it(dir, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        add(it.next());
    return out;
}

// Entries whose mode is not 0700 (folders) or 0600 (files).
QStringList notPrivate(const QString &dir) {
    QStringList bad;
    for (const QString &entry : modesUnder(dir)) {
        const QString path = entry.section(QLatin1Char(' '), 0, -2);
        const QString mode = entry.section(QLatin1Char(' '), -1);
        if (mode != (QFileInfo(path).isDir() ? QLatin1String("0700") : QLatin1String("0600"))) bad << entry;
    }
    return bad;
}

// queue.sqlite with its -wal and -shm, as bytes.
QByteArray queueBytes(const QString &dataDir) {
    QByteArray all;
    for (const char *suffix : {"", "-wal", "-shm"})
        all += readFile(dataDir + QStringLiteral("/queue.sqlite") + QLatin1String(suffix));
    return all;
}

Reply postSettings(quint16 port, const QString &oldId, const QString &newId, const QJsonValue &settings) {
    QJsonObject body{{QStringLiteral("old_upload_id"), oldId}, {QStringLiteral("new_upload_id"), newId}};
    if (!settings.isUndefined()) body.insert(QStringLiteral("settings"), settings);
    return request(port, "POST", QStringLiteral("/api/v1/jobs"), QJsonDocument(body).toJson(),
                   {{"Content-Type", "application/json"}});
}

} // namespace

class TestServerSecurity : public TimedTestCase {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_oldA, m_newA;
    QString path(const QString &name) const { return m_dir.filePath(name); }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        const ServerSets sets = writeServerSets(m_dir.path(), false);
        QVERIFY(!sets.oldA.isEmpty());
        m_oldA = sets.oldA;
        m_newA = sets.newA;
    }

    // Core's one validation: every field, its type, its range; unknown fields refused.
    void settingsValidationUnits() {
        QVERIFY(!validateCompareSettings(CompareSettings()));
        QVERIFY(!validateSettingsJson(CompareSettings().toJson()));
        QVERIFY(!validateSettingsJson({}));
        const QList<QPair<QJsonObject, QString>> bad = {
            {{{QStringLiteral("tolerance_pt"), -1e9}}, QStringLiteral("tolerance_pt")},
            {{{QStringLiteral("dpi"), 1200}, {QStringLiteral("max_pixels"), 1e10}},
             QStringLiteral("max_pixels")},
            {{{QStringLiteral("max_pixels"), 0}}, QStringLiteral("max_pixels")},
            {{{QStringLiteral("dpi"), QStringLiteral("220")}}, QStringLiteral("dpi")},
            {{{QStringLiteral("dpi"), QJsonValue::Null}}, QStringLiteral("dpi")},
            {{{QStringLiteral("dpi"), 29.9}}, QStringLiteral("dpi")},
            {{{QStringLiteral("ink_threshold"), 100.5}}, QStringLiteral("ink_threshold")},
            {{{QStringLiteral("ink_threshold"), 300}}, QStringLiteral("ink_threshold")},
            {{{QStringLiteral("group_distance_pt"), 0}}, QStringLiteral("group_distance_pt")},
            {{{QStringLiteral("edge_band_pt"), -1}}, QStringLiteral("edge_band_pt")},
            {{{QStringLiteral("min_ink_pt2"), 1e6}}, QStringLiteral("min_ink_pt2")},
            {{{QStringLiteral("weak_ink_margin"), -3}}, QStringLiteral("weak_ink_margin")},
            {{{QStringLiteral("scanned"), 1}}, QStringLiteral("scanned")},
            {{{QStringLiteral("keep_renders"), QStringLiteral("yes")}}, QStringLiteral("keep_renders")},
            {{{QStringLiteral("colours"), QJsonArray{QStringLiteral("#ff0000")}}}, QStringLiteral("colours")},
            {{{QStringLiteral("tolerance"), 0.6}}, QStringLiteral("tolerance")},
        };
        for (const auto &[json, field] : bad) {
            const std::optional<SettingsProblem> problem = validateSettingsJson(json);
            QVERIFY2(problem, QJsonDocument(json).toJson(QJsonDocument::Compact).constData());
            QCOMPARE(problem->field, field);
        }
        CompareSettings s;
        s.change.tolerancePt = -1e9;
        QCOMPARE(validateCompareSettings(s)->field, QStringLiteral("tolerance_pt"));
        s = CompareSettings();
        s.maxPixels = 0;
        QCOMPARE(validateCompareSettings(s)->message(),
                 QStringLiteral("max_pixels must be a whole number from 1000000 to 2000000000"));
    }

    // POST /api/v1/jobs answers 400 naming the field, and makes no job.
    void apiRefusesInvalidSettings() {
        const QString data = path(QStringLiteral("validation"));
        Server server = startServer(
            {QStringLiteral("--data-dir"), data, QStringLiteral("--workers"), QStringLiteral("0")});
        QVERIFY2(server.port, qPrintable(server.error));
        const QString oldId = upload(server.port, m_oldA), newId = upload(server.port, m_newA);
        QVERIFY(!oldId.isEmpty() && !newId.isEmpty());
        const QList<QPair<QByteArray, QString>> cases = {
            {R"({"tolerance_pt":-1e9})", QStringLiteral("tolerance_pt")},
            {R"({"dpi":1200,"max_pixels":1e10})", QStringLiteral("max_pixels")},
            {R"({"max_pixels":0})", QStringLiteral("max_pixels")},
            {R"({"dpi":"220"})", QStringLiteral("dpi")},
            {R"({"dpi":5})", QStringLiteral("dpi")},
            {R"({"scanned":"true"})", QStringLiteral("scanned")},
            {R"({"ink_threshold":-1})", QStringLiteral("ink_threshold")},
            {R"({"tolerance":0.6})", QStringLiteral("tolerance")},
        };
        for (const auto &[settings, field] : cases) {
            const Reply r =
                postSettings(server.port, oldId, newId, QJsonDocument::fromJson(settings).object());
            QVERIFY2(r.status == 400,
                     qPrintable(QString::fromLatin1(settings) + QStringLiteral(": ") + r.text()));
            const QJsonObject error = r.json.value(QStringLiteral("error")).toObject();
            QCOMPARE(error.value(QStringLiteral("field")).toString(), field);
            QVERIFY2(error.value(QStringLiteral("message"))
                         .toString()
                         .startsWith(QStringLiteral("settings.") + field + QLatin1Char(' ')),
                     qPrintable(r.text()));
        }
        QCOMPARE(postSettings(server.port, oldId, newId, QJsonValue(42)).status, 400);
        const Reply jobs = request(server.port, "GET", QStringLiteral("/api/v1/jobs"));
        QCOMPARE(jobs.json.value(QStringLiteral("jobs")).toArray().size(), 0);
        // Valid ones (the desktop sends CompareSettings::toJson) still make jobs.
        QCOMPARE(postSettings(server.port, oldId, newId, CompareSettings().toJson()).status, 201);
        QCOMPARE(postSettings(server.port, oldId, newId,
                              QJsonObject{{QStringLiteral("dpi"), 60}, {QStringLiteral("max_pixels"), 2e6}})
                     .status,
                 201);
        QCOMPARE(postSettings(server.port, oldId, newId, QJsonValue()).status, 201);
    }

    // The CLI's options go through the same ranges.
    void cliRefusesInvalidSettings() {
        const QList<QPair<QStringList, QString>> cases = {
            {{QStringLiteral("--tolerance"), QStringLiteral("-1")},
             QStringLiteral("--tolerance must be a number from 0 to 20")},
            {{QStringLiteral("--dpi"), QStringLiteral("1201")},
             QStringLiteral("--dpi must be a number from 30 to 1200")},
            {{QStringLiteral("--dpi"), QStringLiteral("abc")},
             QStringLiteral("--dpi must be a number from 30 to 1200")},
            {{QStringLiteral("--max-megapixels"), QStringLiteral("1e4")},
             QStringLiteral("--max-megapixels must be a number from 1 to 2000")},
            {{QStringLiteral("--max-megapixels"), QStringLiteral("0")},
             QStringLiteral("--max-megapixels must be a number from 1 to 2000")},
        };
        for (const auto &[options, message] : cases) {
            const CliRun run = runCli(QStringList{QStringLiteral("compare"), m_oldA, m_newA} + options);
            QVERIFY2(run.exitCode == 2, qPrintable(describe(run)));
            QVERIFY2(run.stdErr.trimmed() == QStringLiteral("buildtrace: ") + message,
                     qPrintable(describe(run)));
        }
    }

    // Errors name the upload as the client did: the job that cannot render its sheet within
    // max_pixels (a 36 x 48 in sheet, 1 MP) fails with "Plan E.pdf: page 1 is …" in the dead
    // letters and the job's stages, never DATA_DIR/uploads/<id>.pdf.
    void errorsNameTheUploadNotThePath() {
        const QString data = path(QStringLiteral("errors"));
        Server server = startServer({QStringLiteral("--data-dir"), data, QStringLiteral("--workers"),
                                     QStringLiteral("1"), QStringLiteral("--poll-ms"), QStringLiteral("50"),
                                     QStringLiteral("--backoff-ms"), QStringLiteral("20")});
        QVERIFY2(server.port, qPrintable(server.error));
        const QByteArray big = handwrittenPdf(onePagePdf("[0 0 2592 3456]", "ARCH E SHEET"));
        const Reply bigUpload = uploadBytes(server.port, big, QStringLiteral("Plan E.pdf"));
        QCOMPARE(bigUpload.status, 201);
        const QString bigId = bigUpload.json.value(QStringLiteral("upload_id")).toString();
        const Reply posted =
            postSettings(server.port, bigId, bigId, QJsonObject{{QStringLiteral("max_pixels"), 1e6}});
        QCOMPARE(posted.status, 201);
        const QString jobId = posted.json.value(QStringLiteral("job_id")).toString();
        const QJsonObject done = waitForJob(server.port, jobId, 60000);
        QCOMPARE(done.value(QStringLiteral("status")).toString(), QStringLiteral("failed"));

        const Reply letters = request(server.port, "GET", QStringLiteral("/api/v1/dead-letters"));
        const QJsonArray list = letters.json.value(QStringLiteral("dead_letters")).toArray();
        QCOMPARE(list.size(), 1);
        const QString error = list.first().toObject().value(QStringLiteral("error")).toString();
        QVERIFY2(error.startsWith(QStringLiteral("Plan E.pdf: page 1 is 36 x 48 in, too large")),
                 qPrintable(error));
        QByteArray everything = letters.body;
        for (const QString &route :
             {QStringLiteral("/api/v1/jobs/%1"), QStringLiteral("/api/v1/jobs/%1/progress")})
            everything += request(server.port, "GET", route.arg(jobId)).body;
        everything += request(server.port, "GET", QStringLiteral("/api/v1/jobs")).body;
        for (const QString &leak : {data, QStringLiteral("/uploads/"), bigId + QStringLiteral(".pdf")})
            QVERIFY2(!everything.contains(leak.toUtf8()), qPrintable(leak));
    }

    // The worker's last word on any error text: paths under the data directory go.
    void withoutServerPathsUnits() {
        const QString data = QStringLiteral("/srv/bt");
        const QMap<QString, QString> names{{QStringLiteral("u-1"), QStringLiteral("A rev 2.pdf")}};
        using bt::server::withoutServerPaths;
        QCOMPARE(
            withoutServerPaths(QStringLiteral("/srv/bt/uploads/u-1.pdf: page 1 is 36 x 48 in"), data, names),
            QStringLiteral("A rev 2.pdf: page 1 is 36 x 48 in"));
        QCOMPARE(withoutServerPaths(QStringLiteral("u-1.pdf: page 2 could not be rendered (timeout)"), data,
                                    names),
                 QStringLiteral("A rev 2.pdf: page 2 could not be rendered (timeout)"));
        QCOMPARE(withoutServerPaths(QStringLiteral("cannot write /srv/bt/jobs/j-9/A-101_1_overlay.png"), data,
                                    names),
                 QStringLiteral("cannot write A-101_1_overlay.png"));
        QCOMPARE(withoutServerPaths(QStringLiteral("/srv/bt/uploads/u-2.pdf: file not found"), data, names),
                 QStringLiteral("u-2.pdf: file not found"));
        QCOMPARE(withoutServerPaths(QStringLiteral("injected fault"), data, names),
                 QStringLiteral("injected fault"));
    }

    // A data directory of an older version (0755, a 0644 file) is made private at start; what the
    // server writes after (the queue with -wal/-shm, uploads, overlay folders and PNGs, the key
    // file) is 0600/0700. A protected set's password is encrypted in the queue (the job on it still
    // completes) and neither it nor the token can be found in queue.sqlite.
    void privateDataAndEncryptedPasswords() {
        const QString data = path(QStringLiteral("private"));
        QVERIFY(QDir().mkpath(data + QStringLiteral("/jobs/old-job")));
        QVERIFY(writeFile(data + QStringLiteral("/jobs/old-job/A-101_1_overlay.png"), "png"));
        QFile::setPermissions(data, QFileDevice::Permissions(0x7755)); // rwxr-xr-x
        QVERIFY(!notPrivate(data).isEmpty());

        QString password = QStringLiteral("Kz9-Büro/pw#1");
        QString locked = path(QStringLiteral("a-old-locked.pdf"));
        QString plain = m_oldA;
        const QString qpdf = QStandardPaths::findExecutable(QStringLiteral("qpdf"));
        if (qpdf.isEmpty() ||
            QProcess::execute(qpdf, {QStringLiteral("--encrypt"), password, password, QStringLiteral("256"),
                                     QStringLiteral("--"), m_oldA, locked}) != 0) {
            qInfo("no qpdf: the fixture (password 'secret')");
            locked = kEncryptedFixture;
            password = QStringLiteral("secret");
        }
        QString jobId, lockedId;
        {
            Server server =
                startServer({QStringLiteral("--data-dir"), data, QStringLiteral("--workers"),
                             QStringLiteral("2"), QStringLiteral("--poll-ms"), QStringLiteral("50")});
            QVERIFY2(server.port, qPrintable(server.error));
            lockedId = upload(server.port, locked, QStringLiteral("locked.pdf"), password);
            QVERIFY(!lockedId.isEmpty());
            jobId = postJobOn(server.port, lockedId, upload(server.port, m_newA));
            const QJsonObject done = waitForJob(server.port, jobId);
            QCOMPARE(done.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
            QVERIFY(QFileInfo::exists(data + QStringLiteral("/queue.sqlite-wal")));
            QVERIFY(QFileInfo::exists(data + QStringLiteral("/queue.sqlite-shm")));
            QVERIFY(QFileInfo::exists(data + QStringLiteral("/secret.key")));
            QVERIFY(!QDir(data + QStringLiteral("/jobs/") + jobId).entryList(QDir::Files).isEmpty());
            const QStringList bad = notPrivate(data);
            QVERIFY2(bad.isEmpty(), qPrintable(bad.join(QLatin1Char('\n'))));
            const QByteArray queue = queueBytes(data);
            QVERIFY(!queue.isEmpty());
            QVERIFY2(!queue.contains(password.toUtf8()), "the password is readable in queue.sqlite");
            QVERIFY2(!queue.contains(kToken), "the token is readable in queue.sqlite");
            qInfo("%s", qPrintable(modesUnder(data).mid(0, 8).join(QLatin1Char('\n'))));
        }
        const QString db = data + QStringLiteral("/queue.sqlite");
        const QStringList stored =
            rawQuery(db, QStringLiteral("SELECT password FROM uploads WHERE id = '%1'").arg(lockedId));
        QCOMPARE(stored.size(), 1);
        QVERIFY(stored.first().startsWith(QStringLiteral("v1:")));

        // An older version's password in clear is encrypted when the server starts, and the free
        // pages that held it are wiped.
        rawQuery(
            db, QStringLiteral("UPDATE uploads SET password = '%1' WHERE id = '%2'").arg(password, lockedId));
        QCOMPARE(rawQuery(db, QStringLiteral("SELECT password FROM uploads WHERE id = '%1'").arg(lockedId)),
                 QStringList{password});
        {
            Server server =
                startServer({QStringLiteral("--data-dir"), data, QStringLiteral("--workers"),
                             QStringLiteral("1"), QStringLiteral("--poll-ms"), QStringLiteral("50")});
            QVERIFY2(server.port, qPrintable(server.error));
            QVERIFY2(!queueBytes(data).contains(password.toUtf8()),
                     "the old clear password is still readable");
            // Still opens: a new job on the same upload completes.
            const QString again = postJobOn(server.port, lockedId, upload(server.port, m_newA));
            QCOMPARE(waitForJob(server.port, again).value(QStringLiteral("status")).toString(),
                     QStringLiteral("completed"));
        }
        QVERIFY(rawQuery(db, QStringLiteral("SELECT password FROM uploads WHERE id = '%1'").arg(lockedId))
                    .first()
                    .startsWith(QStringLiteral("v1:")));
    }

    // The cipher: round trip, another key or an altered text gives nothing; the key file is made
    // 0600 once and refused when others can read it.
    void passwordCipherUnits() {
        using bt::server::PasswordCipher;
        const QString keyFile = path(QStringLiteral("unit.key"));
        QString error;
        const auto cipher = PasswordCipher::load(keyFile, &error);
        QVERIFY2(cipher, qPrintable(error));
        QCOMPARE(QFileInfo(keyFile).size(), PasswordCipher::kKeyBytes);
        QCOMPARE(modesUnder(keyFile).first().section(QLatin1Char(' '), -1), QStringLiteral("0600"));
        const QString text = cipher->encrypt(QStringLiteral("Bâtiment 3%/x"));
        QVERIFY(PasswordCipher::isEncrypted(text));
        QVERIFY(!text.contains(QStringLiteral("timent")));
        QVERIFY(text != cipher->encrypt(QStringLiteral("Bâtiment 3%/x"))); // a fresh nonce
        QCOMPARE(cipher->decrypt(text).value_or(QString()), QStringLiteral("Bâtiment 3%/x"));
        const auto same = PasswordCipher::load(keyFile, &error); // read back, not made again
        QCOMPARE(same->decrypt(text).value_or(QString()), QStringLiteral("Bâtiment 3%/x"));
        const PasswordCipher other(QByteArray(PasswordCipher::kKeyBytes, 'k'));
        QVERIFY(!other.decrypt(text));
        QString altered = text;
        altered[10] = altered[10] == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
        QVERIFY(!cipher->decrypt(altered));
        QFile::setPermissions(keyFile,
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther);
        QVERIFY(!PasswordCipher::load(keyFile, &error));
        QVERIFY2(error.contains(QStringLiteral("readable by others")), qPrintable(error));
    }

    // --token "" can never be matched: refused in one line, exit status 2.
    void emptyTokenRefused() {
        QProcess p;
        p.setProcessEnvironment(childEnvironment());
        p.start(QStringLiteral(BT_SERVER_PATH),
                {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--token"),
                 QString(), QStringLiteral("--data-dir"), path(QStringLiteral("empty-token"))});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 2);
        QCOMPARE(QString::fromUtf8(p.readAllStandardError()),
                 QStringLiteral("buildtrace-server: --token must not be empty\n"));
        QVERIFY(!QFileInfo::exists(path(QStringLiteral("empty-token"))));
    }
};

QTEST_MAIN(TestServerSecurity)
#include "tst_serversecurity.moc"
