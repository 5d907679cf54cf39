#include "passwordcipher.h"

#include <QFile>
#include <QFileInfo>
#include <QUuid>

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace bt::server {

namespace {

constexpr int kNonceBytes = 12;
constexpr int kTagBytes = 16;
const QString kPrefix = QStringLiteral("v1:");

struct CipherContext {
    EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
    ~CipherContext() { EVP_CIPHER_CTX_free(ctx); }
    CipherContext() = default;
    CipherContext(const CipherContext &) = delete;
    CipherContext &operator=(const CipherContext &) = delete;
};

const unsigned char *bytes(const QByteArray &b) {
    return reinterpret_cast<const unsigned char *>(b.constData());
}
unsigned char *bytes(QByteArray &b) {
    return reinterpret_cast<unsigned char *>(b.data());
}

} // namespace

PasswordCipher::PasswordCipher(const QByteArray &key)
    : m_key(key) {}

std::shared_ptr<const PasswordCipher> PasswordCipher::load(const QString &keyFile, QString *error) {
    const QByteArray path = QFile::encodeName(keyFile);
    if (!QFileInfo::exists(keyFile)) {
        // Written to a private temporary name, then linked into place: a server and a worker
        // starting together never read half a key, and the first one's key wins.
        QByteArray key(kKeyBytes, '\0');
        if (RAND_bytes(bytes(key), kKeyBytes) != 1) {
            *error = QStringLiteral("%1: no random bytes for a new key").arg(keyFile);
            return nullptr;
        }
        const QByteArray temp = path + ".new-" + QUuid::createUuid().toString(QUuid::Id128).toLatin1();
        const int fd = ::open(temp.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        const bool written =
            fd >= 0 && ::write(fd, key.constData(), size_t(key.size())) == key.size() && ::fsync(fd) == 0;
        if (fd >= 0) ::close(fd);
        const bool linked = written && (::link(temp.constData(), path.constData()) == 0 || errno == EEXIST);
        ::unlink(temp.constData());
        if (!linked) {
            *error =
                QStringLiteral("%1: cannot create the key file (%2)").arg(keyFile, qt_error_string(errno));
            return nullptr;
        }
    }
    struct stat st {};
    if (::stat(path.constData(), &st) != 0) {
        *error = QStringLiteral("%1: %2").arg(keyFile, qt_error_string(errno));
        return nullptr;
    }
    if (st.st_mode & (S_IRWXG | S_IRWXO)) {
        *error = QStringLiteral("%1: the key file is readable by others (chmod 600 it)").arg(keyFile);
        return nullptr;
    }
    QFile file(keyFile);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: %2").arg(keyFile, file.errorString());
        return nullptr;
    }
    const QByteArray key = file.read(kKeyBytes + 1);
    if (key.size() != kKeyBytes) {
        *error = QStringLiteral("%1: not a key file (%2 bytes, not %3)")
                     .arg(keyFile)
                     .arg(key.size())
                     .arg(kKeyBytes);
        return nullptr;
    }
    return std::make_shared<const PasswordCipher>(key);
}

bool PasswordCipher::isEncrypted(const QString &stored) {
    return stored.startsWith(kPrefix);
}

QString PasswordCipher::encrypt(const QString &plain) const {
    const QByteArray in = plain.toUtf8();
    QByteArray nonce(kNonceBytes, '\0');
    QByteArray out(in.size() + 16, '\0');
    QByteArray tag(kTagBytes, '\0');
    CipherContext c;
    int n = 0, tail = 0;
    if (!c.ctx || RAND_bytes(bytes(nonce), kNonceBytes) != 1 ||
        EVP_EncryptInit_ex(c.ctx, EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1 ||
        EVP_CIPHER_CTX_ctrl(c.ctx, EVP_CTRL_GCM_SET_IVLEN, kNonceBytes, nullptr) != 1 ||
        EVP_EncryptInit_ex(c.ctx, nullptr, nullptr, bytes(m_key), bytes(nonce)) != 1 ||
        EVP_EncryptUpdate(c.ctx, bytes(out), &n, bytes(in), int(in.size())) != 1 ||
        EVP_EncryptFinal_ex(c.ctx, bytes(out) + n, &tail) != 1 ||
        EVP_CIPHER_CTX_ctrl(c.ctx, EVP_CTRL_GCM_GET_TAG, kTagBytes, tag.data()) != 1)
        return QString(); // libcrypto out of memory: the caller refuses to store the password
    out.truncate(n + tail);
    return kPrefix + QString::fromLatin1((nonce + out + tag).toBase64());
}

std::optional<QString> PasswordCipher::decrypt(const QString &stored) const {
    if (!isEncrypted(stored)) return std::nullopt;
    const QByteArray raw = QByteArray::fromBase64(stored.mid(kPrefix.size()).toLatin1());
    if (raw.size() < kNonceBytes + kTagBytes) return std::nullopt;
    const QByteArray nonce = raw.left(kNonceBytes);
    const QByteArray in = raw.mid(kNonceBytes, raw.size() - kNonceBytes - kTagBytes);
    QByteArray tag = raw.right(kTagBytes);
    QByteArray out(in.size() + 16, '\0');
    CipherContext c;
    int n = 0, tail = 0;
    if (!c.ctx || EVP_DecryptInit_ex(c.ctx, EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1 ||
        EVP_CIPHER_CTX_ctrl(c.ctx, EVP_CTRL_GCM_SET_IVLEN, kNonceBytes, nullptr) != 1 ||
        EVP_DecryptInit_ex(c.ctx, nullptr, nullptr, bytes(m_key), bytes(nonce)) != 1 ||
        EVP_DecryptUpdate(c.ctx, bytes(out), &n, bytes(in), int(in.size())) != 1 ||
        EVP_CIPHER_CTX_ctrl(c.ctx, EVP_CTRL_GCM_SET_TAG, kTagBytes, tag.data()) != 1 ||
        EVP_DecryptFinal_ex(c.ctx, bytes(out) + n, &tail) != 1) // the tag: another key, altered text
        return std::nullopt;
    out.truncate(n + tail);
    return QString::fromUtf8(out);
}

} // namespace bt::server
