// buildtrace projects: list, add and rename the history's projects.
#include "cli.h"
#include "clicommon.h"

#include "store/jobstore.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace bt {

namespace {

const char *kProjectsUsage =
    "usage: buildtrace projects [--json] | projects add NAME [--number N] [--client C] "
    "[--logo FILE] | projects rename ID|NAME NEW_NAME";

QJsonObject projectJson(const ProjectRecord &p) {
    return QJsonObject{{QStringLiteral("id"), p.id},
                       {QStringLiteral("name"), p.name},
                       {QStringLiteral("number"), p.number},
                       {QStringLiteral("client"), p.client},
                       {QStringLiteral("logo"), p.logoPath},
                       {QStringLiteral("created_at"), p.createdAt.toString(Qt::ISODate)},
                       {QStringLiteral("jobs"), p.jobCount}};
}

} // namespace

int runProjects(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Projects: every comparison belongs to one (compare --project NAME|ID), and sheet "
                       "history, ignore areas and carried reviews are kept per project and drawing number. "
                       "A project's number, client and logo fill the report cover unless given."));
    parser.addHelpOption();
    parser.addOption(dbOption());
    const QCommandLineOption jsonOpt(QStringLiteral("json"), QStringLiteral("List them as JSON."));
    const QCommandLineOption numberOpt(QStringLiteral("number"), QStringLiteral("add: the project's number."),
                                       QStringLiteral("N"));
    const QCommandLineOption clientOpt(QStringLiteral("client"), QStringLiteral("add: the client."),
                                       QStringLiteral("C"));
    const QCommandLineOption logoOpt(QStringLiteral("logo"),
                                     QStringLiteral("add: an image for the report cover."),
                                     QStringLiteral("FILE"));
    parser.addOptions({jsonOpt, numberOpt, clientOpt, logoOpt});
    parser.addPositionalArgument(QStringLiteral("action"),
                                 QStringLiteral("(none): list | add NAME | rename ID|NAME NEW_NAME"));
    if (!parser.parse(arguments)) return fail(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        return ExitSame;
    }
    const QStringList args = parser.positionalArguments();
    const QString action = args.value(0);
    if (action.isEmpty()) {
        const auto store = openStore(parser, StoreAccess::ReadOnly);
        if (!store) return ExitError;
        const QVector<ProjectRecord> projects = store->projectStore().projects();
        if (parser.isSet(jsonOpt)) {
            QJsonArray list;
            for (const ProjectRecord &p : projects)
                list.append(projectJson(p));
            out() << QJsonDocument(QJsonObject{{QStringLiteral("projects"), list}})
                         .toJson(QJsonDocument::Indented);
            return ExitSame;
        }
        for (const ProjectRecord &p : projects) {
            out() << p.id << "  " << p.name;
            if (!p.number.isEmpty()) out() << "  #" << p.number;
            if (!p.client.isEmpty()) out() << "  (" << p.client << ')';
            out() << "  " << p.jobCount << (p.jobCount == 1 ? " job" : " jobs") << Qt::endl;
        }
        return ExitSame;
    }
    if (action == QLatin1String("add") && args.size() == 2) {
        ProjectRecord p;
        p.name = args[1];
        p.number = parser.value(numberOpt);
        p.client = parser.value(clientOpt);
        if (parser.isSet(logoOpt)) {
            const QFileInfo logo(parser.value(logoOpt));
            if (!logo.isFile()) return fail(QStringLiteral("%1: no such file").arg(parser.value(logoOpt)));
            p.logoPath = logo.absoluteFilePath();
        }
        const auto store = openStore(parser, StoreAccess::ReadWrite);
        if (!store) return ExitError;
        QString e;
        const qint64 id = store->projectStore().addProject(p, &e);
        if (id <= 0) return fail(QStringLiteral("projects add: %1").arg(e));
        out() << "Added project " << id << ": " << p.name.trimmed() << Qt::endl;
        return ExitSame;
    }
    if (action == QLatin1String("rename") && args.size() == 3) {
        const auto store = openStore(parser, StoreAccess::ReadWrite);
        if (!store) return ExitError;
        const std::optional<ProjectRecord> p = store->projectStore().findProject(args[1]);
        if (!p) return fail(QStringLiteral("no project %1 in %2").arg(args[1], store->path()));
        QString e;
        if (!store->projectStore().renameProject(p->id, args[2], &e))
            return fail(QStringLiteral("projects rename: %1").arg(e));
        out() << "Renamed project " << p->id << ": " << p->name << " -> " << args[2].trimmed() << Qt::endl;
        return ExitSame;
    }
    return fail(QString::fromLatin1(kProjectsUsage));
}

} // namespace bt
