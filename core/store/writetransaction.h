#pragma once

#include <QSqlDatabase>
#include <QSqlError>
#include <QString>

namespace bt {

// A write transaction on one connection (SQLite or PostgreSQL), rolled back unless committed.
// begin() takes SQLite's write lock up front (BEGIN IMMEDIATE): QSqlDatabase::transaction()
// sends a deferred BEGIN, which in WAL mode fails with SQLITE_BUSY when a reader later needs to
// write; with the lock taken first, concurrent writers wait on busy_timeout instead.
class WriteTransaction {
public:
    explicit WriteTransaction(QSqlDatabase &db)
        : m_db(db) {}
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction &) = delete;
    WriteTransaction &operator=(const WriteTransaction &) = delete;

    bool begin(QString *error);
    // The same with the driver's error, whose native code tells why (SQLite: read-only, busy, ...).
    bool begin(QSqlError *error);
    bool commit(QString *error); // rolls back when the commit fails
    void rollback();

private:
    QSqlDatabase &m_db;
    bool m_open = false;
};

} // namespace bt
