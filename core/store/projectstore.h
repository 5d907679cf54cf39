#pragma once

#include "historyrepository.h"

#include <QDateTime>
#include <QString>
#include <QVector>

#include <optional>

namespace bt {

// The name schema v6 gives the project that older jobs go into (stored as written, not translated).
inline constexpr char kDefaultProjectName[] = "Default project";

// A project of the office: every job belongs to one, and sheet history, ignore areas and carried
// reviews are scoped to project + drawing number (every project has its own A-101). Its details
// fill the report cover by default.
struct ProjectRecord {
    qint64 id = 0;
    QString name; // unique in the history, case-insensitively
    QString number;
    QString client;
    QString logoPath; // optional image for the report cover
    QDateTime createdAt;
    int jobCount = 0; // projects() only
};

// The projects table (schema v6). A history older than projects has its jobs in the "Default
// project" (HistoryDatabase::kDefaultProjectId), which a fresh history has too.
class ProjectStore : public HistoryRepository {
public:
    explicit ProjectStore(const HistoryDatabase &database)
        : HistoryRepository(database) {}

    // Adds a project; its name must be new (case-insensitively) and not empty. Returns its id, 0 on
    // error.
    qint64 addProject(const ProjectRecord &project, QString *error = nullptr);
    // Name, number, client and logo of project.id, as given (the name again new and not empty).
    bool updateProject(const ProjectRecord &project, QString *error = nullptr);
    bool renameProject(qint64 id, const QString &name, QString *error = nullptr);

    std::optional<ProjectRecord> project(qint64 id) const;
    // By name (case-insensitively), else by id when `nameOrId` is a number.
    std::optional<ProjectRecord> findProject(const QString &nameOrId) const;
    // The project of that name or id, created (with just a name) when there is none. 0 on error.
    qint64 ensureProject(const QString &nameOrId, QString *error = nullptr);
    // Every project by name, with its number of jobs.
    QVector<ProjectRecord> projects() const;
};

} // namespace bt
