#pragma once

#include "historydatabase.h"

#include <QSqlDatabase>

namespace bt {

// The base of the history's repositories (JobStore's jobs, ReviewStore, SyncStore): each covers
// one concern's tables and reaches the database only through this thread's connection and the
// database's write transaction.
class HistoryRepository {
protected:
    explicit HistoryRepository(const HistoryDatabase &database)
        : m_database(database) {}

    QSqlDatabase db() const { return m_database.db(); }
    bool write(const std::function<bool(QSqlDatabase &, QString *)> &body, QString *error) const {
        return m_database.write(body, error);
    }

private:
    const HistoryDatabase &m_database;
};

} // namespace bt
