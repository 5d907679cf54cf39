// The desktop's secrets (issue 18 item 7): the job server's token and the AI key go into the OS
// keyring (QtKeychain), plain values of an older settings file move there, and the settings file
// then holds neither; where there is no keyring (this headless test machine: no Secret Service)
// they stay in the settings file, made 0600, and the settings dialog warns about it. The keyring
// is a fake where the test needs one (SecretStore::setBackend), the real QtKeychain otherwise.

#include "guisettings.h"
#include "secretstore.h"
#include "settingsdialog.h"

#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QSettings>
#include <QtTest>

#include <sys/stat.h>

using namespace bt;
using namespace bt::ui;

namespace {

const QString kToken = QStringLiteral("tok-Zq81-never-in-a-file");
const QString kAiKey = QStringLiteral("sk-Lm42-never-in-a-file");

// A keyring in memory; or one that is not there (as QtKeychain answers without a Secret Service).
class FakeKeyring : public SecretBackend {
public:
    explicit FakeKeyring(std::shared_ptr<QHash<QString, QString>> entries, bool present = true)
        : m_entries(std::move(entries))
        , m_present(present) {}
    Status read(const QString &key, QString *value) override {
        if (!m_present) return Status::NoKeyring;
        if (!m_entries->contains(key)) return Status::NotFound;
        *value = m_entries->value(key);
        return Status::Ok;
    }
    Status write(const QString &key, const QString &value) override {
        if (!m_present) return Status::NoKeyring;
        m_entries->insert(key, value);
        return Status::Ok;
    }
    Status remove(const QString &key) override {
        if (!m_present) return Status::NoKeyring;
        return m_entries->remove(key) ? Status::Ok : Status::NotFound;
    }

private:
    std::shared_ptr<QHash<QString, QString>> m_entries;
    bool m_present;
};

QByteArray settingsFileBytes() {
    QSettings s;
    s.sync();
    QFile f(s.fileName());
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString settingsFileMode() {
    struct stat st {};
    if (::stat(QFile::encodeName(QSettings().fileName()).constData(), &st) != 0) return QString();
    return QStringLiteral("%1").arg(st.st_mode & 0777, 4, 8, QLatin1Char('0'));
}

GuiSettings withSecrets() {
    GuiSettings g;
    g.serverUrl = QStringLiteral("http://buildtrace.office:8765");
    g.serverToken = kToken;
    g.aiSummary.apiKey = kAiKey;
    return g;
}

bool warningShown(const GuiSettings &settings) {
    const SettingsDialog dialog(settings);
    auto *warning = dialog.findChild<QLabel *>(QStringLiteral("keyringWarning"));
    return warning && !warning->isHidden();
}

} // namespace

class TestSecrets : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QCoreApplication::setOrganizationName(QStringLiteral("BuildTraceTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_secrets"));
    }

    void init() { QSettings().clear(); }

    void cleanup() {
        QSettings().clear();
        secretStore().setBackend(nullptr);
    }

    // With a keyring: saved secrets go there and not into the file; the dialog has no warning.
    void keyringKeepsSecretsOutOfTheSettingsFile() {
        auto entries = std::make_shared<QHash<QString, QString>>();
        secretStore().setBackend(std::make_unique<FakeKeyring>(entries));
        withSecrets().save();
        QCOMPARE(entries->value(QStringLiteral("sync/token")), kToken);
        QCOMPARE(entries->value(QStringLiteral("ai/apiKey")), kAiKey);
        const QByteArray file = settingsFileBytes();
        QVERIFY(file.contains("buildtrace.office")); // the rest of the settings are there
        QVERIFY2(!file.contains(kToken.toUtf8()), file.constData());
        QVERIFY2(!file.contains(kAiKey.toUtf8()), file.constData());
        QCOMPARE(settingsFileMode(), QStringLiteral("0600"));

        const GuiSettings loaded = GuiSettings::load();
        QCOMPARE(loaded.serverToken, kToken);
        QCOMPARE(loaded.aiSummary.apiKey, kAiKey);
        QCOMPARE(loaded.serverConfig().token, qEnvironmentVariable("BUILDTRACE_SERVER_TOKEN", kToken));
        QVERIFY(secretStore().keyringAvailable());
        QVERIFY(!warningShown(loaded));

        // Cleared in the dialog: gone from the keyring too.
        GuiSettings cleared = loaded;
        cleared.serverToken.clear();
        cleared.save();
        QVERIFY(!entries->contains(QStringLiteral("sync/token")));
        QCOMPARE(GuiSettings::load().serverToken, QString());
        QCOMPARE(entries->value(QStringLiteral("ai/apiKey")), kAiKey);
    }

    // A settings file of an older version, token and key in plain text: moved into the keyring on
    // the first load, after which the file holds neither.
    void plainValuesMigrateIntoTheKeyring() {
        {
            QSettings s;
            s.setValue(QStringLiteral("sync/serverUrl"), QStringLiteral("http://buildtrace.office:8765"));
            s.setValue(QStringLiteral("sync/token"), kToken);
            s.setValue(QStringLiteral("ai/apiKey"), kAiKey);
        }
        QVERIFY(settingsFileBytes().contains(kToken.toUtf8()));
        QFile::setPermissions(QSettings().fileName(), QFileDevice::Permissions(0x6644)); // rw-r--r--
        QCOMPARE(settingsFileMode(), QStringLiteral("0644"));
        auto entries = std::make_shared<QHash<QString, QString>>();
        secretStore().setBackend(std::make_unique<FakeKeyring>(entries));
        const GuiSettings loaded = GuiSettings::load();
        QCOMPARE(loaded.serverToken, kToken);
        QCOMPARE(loaded.aiSummary.apiKey, kAiKey);
        QCOMPARE(entries->value(QStringLiteral("sync/token")), kToken);
        QCOMPARE(entries->value(QStringLiteral("ai/apiKey")), kAiKey);
        const QByteArray file = settingsFileBytes();
        QVERIFY2(!file.contains(kToken.toUtf8()), file.constData());
        QVERIFY2(!file.contains(kAiKey.toUtf8()), file.constData());
        QVERIFY(file.contains("buildtrace.office"));
        QCOMPARE(settingsFileMode(), QStringLiteral("0600"));
    }

    // No keyring (the fake says so, as QtKeychain does without a Secret Service): the secrets stay
    // in the settings file, 0600, nothing is lost, and the dialog warns.
    void withoutKeyringTheSettingsFileWithAWarning() {
        auto entries = std::make_shared<QHash<QString, QString>>();
        secretStore().setBackend(std::make_unique<FakeKeyring>(entries, false));
        withSecrets().save();
        QVERIFY(entries->isEmpty());
        const QByteArray file = settingsFileBytes();
        QVERIFY(file.contains(kToken.toUtf8()));
        QVERIFY(file.contains(kAiKey.toUtf8()));
        QCOMPARE(settingsFileMode(), QStringLiteral("0600"));
        // Rewritten by another part of the application (window geometry, recent files): still 0600.
        QSettings().setValue(QStringLiteral("ui/test"), 1);
        QCOMPARE(settingsFileMode(), QStringLiteral("0600"));
        const GuiSettings loaded = GuiSettings::load();
        QCOMPARE(loaded.serverToken, kToken);
        QCOMPARE(loaded.aiSummary.apiKey, kAiKey);
        QVERIFY(!secretStore().keyringAvailable());
        QVERIFY(warningShown(loaded));
        if (qEnvironmentVariableIsSet("BT_SECRETS_SCREENSHOT")) {
            SettingsDialog dialog(loaded);
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            dialog.grab().save(qEnvironmentVariable("BT_SECRETS_SCREENSHOT"));
        }
    }

    // The real QtKeychain on this machine. Headless (CI, Xvfb) there is no Secret Service: the
    // same fallback, found quickly. Where a keyring answers, the round trip goes through it.
    void realKeychainBackend() {
        secretStore().setBackend(nullptr);
        QElapsedTimer clock;
        clock.start();
        const bool keyring = secretStore().keyringAvailable();
        qInfo("QtKeychain: %s (%lld ms)", keyring ? "a keyring" : "no keyring", clock.elapsed());
        withSecrets().save();
        const GuiSettings loaded = GuiSettings::load();
        QCOMPARE(loaded.serverToken, kToken);
        QCOMPARE(loaded.aiSummary.apiKey, kAiKey);
        QCOMPARE(settingsFileBytes().contains(kToken.toUtf8()), !keyring);
        QCOMPARE(warningShown(loaded), !keyring);
        GuiSettings cleared = loaded;
        cleared.serverToken.clear();
        cleared.aiSummary.apiKey.clear();
        cleared.save(); // nothing of this test left in a real keyring
        QVERIFY(GuiSettings::load().serverToken.isEmpty());
    }
};

QTEST_MAIN(TestSecrets)
#include "tst_secrets.moc"
