#include "secretstore.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QSettings>
#include <QTimer>

#include <qt6keychain/keychain.h>

namespace bt::ui {

namespace {

// Long enough for a user to type the keyring's password when it asks for it.
constexpr int kKeyringTimeoutMs = 120000;

QString serviceName() {
    // Per application name: the tests' secrets never mix with the application's.
    return QCoreApplication::organizationName() + QLatin1Char('/') + QCoreApplication::applicationName();
}

class KeychainBackend : public SecretBackend {
public:
    Status read(const QString &key, QString *value) override {
        QKeychain::ReadPasswordJob job(serviceName());
        job.setKey(key);
        const Status status = run(job);
        if (status == Status::Ok) *value = job.textData();
        return status;
    }
    Status write(const QString &key, const QString &value) override {
        QKeychain::WritePasswordJob job(serviceName());
        job.setKey(key);
        job.setTextData(value);
        return run(job);
    }
    Status remove(const QString &key) override {
        QKeychain::DeletePasswordJob job(serviceName());
        job.setKey(key);
        return run(job);
    }

private:
    // QtKeychain answers through signals (D-Bus on Linux): waited for here, as settings are
    // read and written at a few moments only (start, the settings dialog).
    static Status run(QKeychain::Job &job) {
        job.setAutoDelete(false);
        job.setInsecureFallback(false); // the fallback is ours, with a warning
        bool done = false;
        QEventLoop loop;
        QObject::connect(&job, &QKeychain::Job::finished, &loop, [&] {
            done = true;
            loop.quit();
        });
        QTimer::singleShot(kKeyringTimeoutMs, &loop, &QEventLoop::quit);
        job.start();
        if (!done) loop.exec(QEventLoop::ExcludeUserInputEvents);
        if (!done) return Status::NoKeyring;
        switch (job.error()) {
        case QKeychain::NoError:
            return Status::Ok;
        case QKeychain::EntryNotFound:
            return Status::NotFound;
        default: // no backend, no D-Bus service, access refused: the settings file it is
            qInfo("no keyring: %s", qPrintable(job.errorString()));
            return Status::NoKeyring;
        }
    }
};

} // namespace

std::unique_ptr<SecretBackend> makeKeychainBackend() {
    return std::make_unique<KeychainBackend>();
}

SecretStore &secretStore() {
    static SecretStore store;
    return store;
}

void restrictSettingsFile(const QSettings &settings) {
    if (settings.format() == QSettings::NativeFormat || settings.format() == QSettings::IniFormat)
        if (QFile::exists(settings.fileName()))
            QFile::setPermissions(settings.fileName(), QFile::ReadOwner | QFile::WriteOwner);
}

SecretBackend &SecretStore::backend() {
    if (!m_backend) m_backend = makeKeychainBackend();
    return *m_backend;
}

void SecretStore::setBackend(std::unique_ptr<SecretBackend> backend) {
    m_backend = std::move(backend);
    m_keyring = Keyring::Unknown;
    m_values.clear();
}

SecretBackend::Status SecretStore::noteStatus(SecretBackend::Status status) {
    m_keyring = status == SecretBackend::Status::NoKeyring ? Keyring::Missing : Keyring::Present;
    return status;
}

bool SecretStore::keyringAvailable() {
    if (m_keyring == Keyring::Unknown) {
        QString ignored;
        noteStatus(backend().read(QStringLiteral("sync/token"), &ignored));
    }
    return m_keyring == Keyring::Present;
}

QString SecretStore::load(QSettings &settings, const QString &key) {
    const QString plain = settings.value(key).toString();
    if (m_keyring == Keyring::Missing) return plain; // asked once per process
    if (const auto cached = m_values.constFind(key); cached != m_values.constEnd()) return *cached;
    QString value;
    switch (noteStatus(backend().read(key, &value))) {
    case SecretBackend::Status::Ok:
        if (settings.contains(key)) settings.remove(key); // a stale copy
        m_values.insert(key, value);
        return value;
    case SecretBackend::Status::NotFound:
        // Written by a version without the keyring (or where there was none): moved in.
        if (plain.isEmpty()) {
            m_values.insert(key, plain);
        } else if (noteStatus(backend().write(key, plain)) == SecretBackend::Status::Ok) {
            settings.remove(key);
            m_values.insert(key, plain);
        }
        return plain;
    case SecretBackend::Status::NoKeyring:
        break;
    }
    return plain;
}

void SecretStore::save(QSettings &settings, const QString &key, const QString &value) {
    if (m_keyring != Keyring::Missing) {
        const SecretBackend::Status status =
            value.isEmpty() ? backend().remove(key) : backend().write(key, value);
        if (noteStatus(status) != SecretBackend::Status::NoKeyring) {
            settings.remove(key);
            m_values.insert(key, value);
            return;
        }
    }
    if (value.isEmpty())
        settings.remove(key);
    else
        settings.setValue(key, value);
}

} // namespace bt::ui
