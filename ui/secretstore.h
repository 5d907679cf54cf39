#pragma once

#include <QHash>
#include <QString>

#include <memory>

class QSettings;

namespace bt::ui {

// Where the desktop keeps what must not lie in the settings file in plain text: the job server's
// access token and the AI provider's key. (PDF passwords are never stored: they live in memory for
// the session, see JobController.)
//
// A keyring of the operating system (Secret Service/KWallet on Linux, the Keychain on macOS, the
// Credential Manager on Windows) through QtKeychain; where there is none (a headless machine, a
// desktop without a Secret Service), the settings file, made readable by its user only, and
// the settings dialog says so.
class SecretBackend {
public:
    enum class Status { Ok, NotFound, NoKeyring };
    virtual ~SecretBackend() = default;
    virtual Status read(const QString &key, QString *value) = 0;
    virtual Status write(const QString &key, const QString &value) = 0;
    virtual Status remove(const QString &key) = 0;
};

// QtKeychain, each call waited for (a keyring that asks the user to unlock it may take a while).
std::unique_ptr<SecretBackend> makeKeychainBackend();

// The secrets of the settings, keyring first. One per process (secretStore()); tests put a fake
// keyring in with setBackend().
class SecretStore {
public:
    // The value of a secret settings key ("sync/token"): from the keyring; else from the settings
    // file — and a value found there in plain text moves into the keyring when there is one.
    QString load(QSettings &settings, const QString &key);
    // Into the keyring (the settings file's copy removed), else into the settings file. Empty
    // removes the secret from both.
    void save(QSettings &settings, const QString &key, const QString &value);
    // False once the keyring turned out to be missing (or refused): the secrets are in the
    // settings file. Asks the keyring the first time.
    bool keyringAvailable();

    void setBackend(std::unique_ptr<SecretBackend> backend); // null: QtKeychain again

private:
    SecretBackend &backend();
    SecretBackend::Status noteStatus(SecretBackend::Status status);

    std::unique_ptr<SecretBackend> m_backend;
    // Values the keyring gave or took this process: settings are loaded on the GUI thread (at
    // start, for every export and print), and each keyring call waits for the keyring daemon.
    QHash<QString, QString> m_values;
    enum class Keyring { Unknown, Present, Missing } m_keyring = Keyring::Unknown;
};

SecretStore &secretStore();

// The settings file readable and writable by its user only (0600): it may hold the secrets
// where there is no keyring, and says which servers one works with.
void restrictSettingsFile(const QSettings &settings);

} // namespace bt::ui
