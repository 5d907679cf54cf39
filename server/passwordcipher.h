#pragma once

#include <QByteArray>
#include <QString>

#include <memory>
#include <optional>

namespace bt::server {

// The PDF passwords the queue keeps (uploads.password), encrypted at rest: AES-256-GCM (OpenSSL's
// libcrypto) under a 32-byte key kept in a file only the server's user reads (0600), made on
// first start. A copy of the database alone (a dump, a backup, a stolen queue.sqlite) reveals no
// password; the server and its workers read the key file (--key-file, default
// DATA_DIR/secret.key). See docs/server.md, "Secrets".
class PasswordCipher {
public:
    static constexpr int kKeyBytes = 32;

    explicit PasswordCipher(const QByteArray &key); // kKeyBytes bytes
    // Reads the key file, creating it (random key, 0600) when there is none. Null after setting
    // *error (unreadable, wrong size, or readable by others: refused, as ssh refuses a key).
    static std::shared_ptr<const PasswordCipher> load(const QString &keyFile, QString *error);

    // "v1:" + base64(nonce | ciphertext | tag); a fresh random nonce each time.
    QString encrypt(const QString &plain) const;
    // nullopt when the text was not made with this key (another key file, altered).
    std::optional<QString> decrypt(const QString &stored) const;
    // Whether a stored value is encrypted (else: a password stored in clear by an older version).
    static bool isEncrypted(const QString &stored);

private:
    QByteArray m_key;
};

} // namespace bt::server
