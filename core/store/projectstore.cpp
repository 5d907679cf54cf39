#include "projectstore.h"

#include "i18n/enginetext.h"
#include "storesql.h"

namespace bt {

using namespace storesql;

namespace {

const QString kProjectColumns =
    QStringLiteral("SELECT p.id, p.name, p.number, p.client, p.logo_path, p.created_at,"
                   " (SELECT COUNT(*) FROM jobs j WHERE j.project_id = p.id) FROM projects p");

ProjectRecord projectFrom(const QSqlQuery &q) {
    ProjectRecord p;
    p.id = q.value(0).toLongLong();
    p.name = q.value(1).toString();
    p.number = q.value(2).toString();
    p.client = q.value(3).toString();
    p.logoPath = q.value(4).toString();
    p.createdAt = timeFrom(q.value(5));
    p.jobCount = q.value(6).toInt();
    return p;
}

// A name is free when no other project has it (case-insensitively).
bool checkName(QSqlDatabase &d, const QString &name, qint64 exceptId, QString *err) {
    if (name.isEmpty()) return fail(err, EngineText::translate("bt::ProjectStore", "a project needs a name"));
    QSqlQuery q(d);
    q.prepare(QStringLiteral("SELECT id FROM projects WHERE name = ? COLLATE NOCASE AND id != ?"));
    q.addBindValue(name);
    q.addBindValue(exceptId);
    if (!run(q, err)) return false;
    if (q.next())
        return fail(
            err,
            EngineText::translate("bt::ProjectStore", "there is a project named \"%1\" already").arg(name));
    return true;
}

} // namespace

qint64 ProjectStore::addProject(const ProjectRecord &project, QString *error) {
    qint64 id = 0;
    const QString name = project.name.trimmed();
    const bool ok = write(
        [&](QSqlDatabase &d, QString *err) {
            if (!checkName(d, name, 0, err)) return false;
            QSqlQuery q(d);
            q.prepare(QStringLiteral("INSERT INTO projects (name, number, client, logo_path, created_at)"
                                     " VALUES (?, ?, ?, ?, ?)"));
            q.addBindValue(name);
            q.addBindValue(project.number.trimmed());
            q.addBindValue(project.client.trimmed());
            q.addBindValue(project.logoPath.trimmed());
            q.addBindValue(project.createdAt.isValid() ? timeValue(project.createdAt) : QVariant(nowText()));
            if (!run(q, err)) return false;
            id = q.lastInsertId().toLongLong();
            return true;
        },
        error);
    return ok ? id : 0;
}

bool ProjectStore::updateProject(const ProjectRecord &project, QString *error) {
    const QString name = project.name.trimmed();
    return write(
        [&](QSqlDatabase &d, QString *err) {
            if (!checkName(d, name, project.id, err)) return false;
            QSqlQuery q(d);
            q.prepare(QStringLiteral(
                "UPDATE projects SET name = ?, number = ?, client = ?, logo_path = ? WHERE id = ?"));
            q.addBindValue(name);
            q.addBindValue(project.number.trimmed());
            q.addBindValue(project.client.trimmed());
            q.addBindValue(project.logoPath.trimmed());
            q.addBindValue(project.id);
            if (!run(q, err)) return false;
            return q.numRowsAffected() == 1 ||
                   fail(err, EngineText::translate("bt::ProjectStore", "no project %1").arg(project.id));
        },
        error);
}

bool ProjectStore::renameProject(qint64 id, const QString &name, QString *error) {
    std::optional<ProjectRecord> p = project(id);
    if (!p) return fail(error, EngineText::translate("bt::ProjectStore", "no project %1").arg(id));
    p->name = name;
    return updateProject(*p, error);
}

std::optional<ProjectRecord> ProjectStore::project(qint64 id) const {
    QSqlQuery q(db());
    q.prepare(kProjectColumns + QStringLiteral(" WHERE p.id = ?"));
    q.addBindValue(id);
    if (!q.exec() || !q.next()) return std::nullopt;
    return projectFrom(q);
}

std::optional<ProjectRecord> ProjectStore::findProject(const QString &nameOrId) const {
    const QString key = nameOrId.trimmed();
    if (key.isEmpty()) return std::nullopt;
    QSqlQuery q(db());
    q.prepare(kProjectColumns + QStringLiteral(" WHERE p.name = ? COLLATE NOCASE"));
    q.addBindValue(key);
    if (q.exec() && q.next()) return projectFrom(q);
    bool number = false;
    const qint64 id = key.toLongLong(&number);
    return number ? project(id) : std::nullopt;
}

qint64 ProjectStore::ensureProject(const QString &nameOrId, QString *error) {
    if (const std::optional<ProjectRecord> p = findProject(nameOrId)) return p->id;
    ProjectRecord p;
    p.name = nameOrId;
    return addProject(p, error);
}

QVector<ProjectRecord> ProjectStore::projects() const {
    QVector<ProjectRecord> out;
    QSqlQuery q(db());
    if (!q.exec(kProjectColumns + QStringLiteral(" ORDER BY p.name COLLATE NOCASE, p.id"))) return out;
    while (q.next())
        out.append(projectFrom(q));
    return out;
}

} // namespace bt
