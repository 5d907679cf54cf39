#include "writetransaction.h"

#include <QSqlError>
#include <QSqlQuery>

namespace bt {

namespace {

bool exec(QSqlDatabase &db, const QString &sql, QSqlError *error) {
    QSqlQuery q(db);
    if (q.exec(sql)) return true;
    if (error) *error = q.lastError();
    return false;
}

bool exec(QSqlDatabase &db, const QString &sql, QString *error) {
    QSqlError e;
    if (exec(db, sql, &e)) return true;
    if (error) *error = e.text();
    return false;
}

} // namespace

WriteTransaction::~WriteTransaction() {
    rollback();
}

bool WriteTransaction::begin(QString *error) {
    QSqlError e;
    if (begin(&e)) return true;
    if (error) *error = e.text();
    return false;
}

bool WriteTransaction::begin(QSqlError *error) {
    if (!m_db.isOpen()) {
        if (error) *error = m_db.lastError();
        return false;
    }
    const bool postgres = m_db.driverName() == QLatin1String("QPSQL"); // row locks: a plain BEGIN
    m_open = exec(m_db, postgres ? QStringLiteral("BEGIN") : QStringLiteral("BEGIN IMMEDIATE"), error);
    return m_open;
}

bool WriteTransaction::commit(QString *error) {
    if (!m_open) return false;
    if (!exec(m_db, QStringLiteral("COMMIT"), error)) {
        rollback();
        return false;
    }
    m_open = false;
    return true;
}

void WriteTransaction::rollback() {
    if (!m_open) return;
    m_open = false;
    exec(m_db, QStringLiteral("ROLLBACK"), static_cast<QSqlError *>(nullptr));
}

} // namespace bt
