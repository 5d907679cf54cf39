// Commands that read (or prune) the history without running a comparison.
#include "cli.h"
#include "clicommon.h"

#include "compare/resultjson.h"
#include "pipeline/pipeline.h"
#include "review/reviewcarry.h"
#include "review/reviewsession.h"
#include "store/jobstore.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace bt {

namespace {

// Parses "COMMAND [options] JOB_ID"-style arguments; returns false after printing the problem.
bool parse(QCommandLineParser &parser, const QStringList &arguments, const QString &description,
           const QString &positional, int *status) {
    parser.setApplicationDescription(description);
    parser.addHelpOption();
    parser.addOption(dbOption());
    if (!positional.isEmpty())
        parser.addPositionalArgument(positional, QStringLiteral("Job id (see buildtrace history)."));
    if (!parser.parse(arguments)) {
        *status = fail(parser.errorText());
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        *status = ExitSame;
        return false;
    }
    if (!positional.isEmpty() && parser.positionalArguments().size() != 1) {
        *status = fail(
            QStringLiteral("%1 needs one %2 (see buildtrace %1 --help)").arg(arguments.value(0), positional));
        return false;
    }
    return true;
}

void printJson(const QJsonObject &json) {
    out() << QJsonDocument(json).toJson(QJsonDocument::Indented);
    out().flush();
}

// history --check: the full check runs on the file as it is (also one that open() refuses).
int checkHistory(const QString &path) {
    QStringList details;
    switch (JobStore::checkFile(path, IntegrityCheck::Full, &details)) {
    case StoreProblem::None:
        out() << path << ": ok" << Qt::endl;
        return ExitSame;
    case StoreProblem::Damaged:
        for (const QString &line : std::as_const(details))
            out() << line << Qt::endl;
        return fail(JobStore::damagedMessage(path, details.value(0)) + damagedHistoryHint());
    default:
        return fail(QStringLiteral("%1: cannot check the history (%2)").arg(path, details.value(0)));
    }
}

} // namespace

int runHistory(const QStringList &arguments) {
    QCommandLineParser parser;
    const QCommandLineOption jsonOpt(QStringLiteral("json"), QStringLiteral("Print the list as JSON."));
    const QCommandLineOption checkOpt(
        QStringLiteral("check"),
        QStringLiteral("Check the whole history file (SQLite integrity_check) instead: prints \"ok\" "
                       "and exits 0, or the damage found and exits 2."));
    parser.addOptions({jsonOpt, checkOpt});
    int status = ExitSame;
    if (!parse(parser, arguments, QStringLiteral("Lists past comparison jobs, newest first."), QString(),
               &status))
        return status;
    if (parser.isSet(checkOpt)) return checkHistory(QFileInfo(storePath(parser)).absoluteFilePath());
    const auto store = openStore(parser, StoreAccess::ReadOnly);
    if (!store) return ExitError;
    const QVector<JobRecord> jobs = store->jobs();
    QHash<qint64, QString> projects;
    for (const ProjectRecord &p : store->projectStore().projects())
        projects.insert(p.id, p.name);
    const QHash<QString, CarrySource> carried = store->carryStore().carrySources();
    QHash<QString, const JobRecord *> byId;
    for (const JobRecord &j : jobs)
        byId.insert(j.id, &j);
    // The settings that differ from the job the reviews came from (empty when it is gone).
    auto differences = [&](const JobRecord &j, const CarrySource &c) {
        const JobRecord *from = byId.value(c.fromJobId);
        return from ? settingsDifferences(from->settings, j.settings) : QVector<SettingDifference>();
    };
    if (parser.isSet(jsonOpt)) {
        QJsonArray list;
        for (const JobRecord &j : jobs) {
            QJsonObject o{{QStringLiteral("job_id"), j.id},
                          {QStringLiteral("project_id"), j.projectId},
                          {QStringLiteral("project"), projects.value(j.projectId)},
                          {QStringLiteral("status"), jobStatusName(j.status)},
                          {QStringLiteral("mode"), j.mode},
                          {QStringLiteral("created_at"), j.createdAt.toString(Qt::ISODate)},
                          {QStringLiteral("old_file"), j.oldFile},
                          {QStringLiteral("new_file"), j.newFile},
                          {QStringLiteral("total_pages"), j.totalPages},
                          {QStringLiteral("summary_text"), j.summaryText}};
            if (const auto c = carried.constFind(j.id); c != carried.constEnd()) {
                QJsonObject differ;
                for (const SettingDifference &d : differences(j, *c))
                    differ.insert(
                        d.key, QJsonObject{{QStringLiteral("from"), d.from}, {QStringLiteral("to"), d.to}});
                o.insert(QStringLiteral("reviews_from"),
                         QJsonObject{{QStringLiteral("job_id"), c->fromJobId},
                                     {QStringLiteral("carried"), c->total},
                                     {QStringLiteral("settings_differ"), differ}});
            }
            list.append(o);
        }
        printJson(QJsonObject{{QStringLiteral("jobs"), list}});
        return ExitSame;
    }
    if (jobs.isEmpty()) out() << "No jobs in " << store->path() << Qt::endl;
    for (const JobRecord &j : jobs) {
        out() << j.id << "  " << j.createdAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
              << "  " << projects.value(j.projectId) << "  " << jobStatusName(j.status) << "  "
              << QFileInfo(j.oldFile).fileName() << " -> " << QFileInfo(j.newFile).fileName() << "  ("
              << j.totalPages << (j.totalPages == 1 ? " sheet)" : " sheets)") << Qt::endl;
        if (!j.summaryText.isEmpty()) out() << "    " << j.summaryText << Qt::endl;
        if (const auto c = carried.constFind(j.id); c != carried.constEnd()) {
            out() << "    " << c->total << (c->total == 1 ? " review" : " reviews")
                  << " carried over from job " << c->fromJobId;
            const QString differ = settingsDifferencesText(differences(j, *c));
            out() << (differ.isEmpty() ? QStringLiteral(" (same settings)")
                                       : QStringLiteral("; settings differ: ") + differ)
                  << Qt::endl;
        }
    }
    return ExitSame;
}

int runShow(const QStringList &arguments) {
    QCommandLineParser parser;
    const QCommandLineOption jsonOpt(QStringLiteral("json"), QStringLiteral("Print the full result JSON."));
    parser.addOption(jsonOpt);
    const ReportCliOptions reportOpts;
    reportOpts.addTo(parser);
    int status = ExitSame;
    if (!parse(parser, arguments,
               QStringLiteral("Prints one job of the history; --report, --changes-csv, --changes-json, "
                              "--changes-xlsx and --markups export it (from the stored results, nothing is "
                              "compared again; an encrypted NEW set's password for --markups: "
                              "$BUILDTRACE_NEW_PASSWORD)."),
               QStringLiteral("JOB_ID"), &status))
        return status;
    ReportRequest reports;
    if (!reportOpts.read(parser, &reports)) return ExitError;
    const auto store = openStore(parser, StoreAccess::ReadOnly);
    if (!store) return ExitError;
    const QString id = parser.positionalArguments().first();
    const std::optional<ComparisonResult> result = storedComparison(*store, id);
    if (!result) return fail(QStringLiteral("no job %1 in %2").arg(id, store->path()));
    if (parser.isSet(jsonOpt)) {
        printJson(comparisonToJson(*result));
        return writeReports(reports, *store, id, true);
    }
    const std::optional<JobRecord> job = store->job(id);
    out() << "Job " << job->id << " (" << jobStatusName(job->status) << ", " << job->mode << ")" << Qt::endl
          << "  created  " << job->createdAt.toLocalTime().toString(Qt::ISODate) << Qt::endl
          << "  old      " << job->oldFile << Qt::endl
          << "  new      " << job->newFile << Qt::endl;
    if (!job->summaryText.isEmpty()) out() << "  " << job->summaryText << Qt::endl;
    for (const PageResult &p : result->pages) {
        out() << Qt::endl
              << "  " << p.pageNumber << ". "
              << (p.drawingName().isEmpty() ? QStringLiteral("(no number)") : p.drawingName());
        if (!p.drawingTitle().isEmpty()) out() << " " << p.drawingTitle();
        out() << Qt::endl;
        if (!p.summaryText.isEmpty()) out() << "     " << p.summaryText << Qt::endl;
        if (!p.overlayPath.isEmpty()) out() << "     overlay: " << p.overlayPath << Qt::endl;
        if (!p.error.isEmpty()) out() << "     failed: " << p.error << Qt::endl;
    }
    if (reports.any()) out() << Qt::endl;
    return writeReports(reports, *store, id, false);
}

int runProgress(const QStringList &arguments) {
    QCommandLineParser parser;
    int status = ExitSame;
    if (!parse(parser, arguments, QStringLiteral("Prints the progress JSON of a job (also while it runs)."),
               QStringLiteral("JOB_ID"), &status))
        return status;
    const auto store = openStore(parser, StoreAccess::ReadOnly);
    if (!store) return ExitError;
    const QString id = parser.positionalArguments().first();
    const std::optional<JobProgress> progress = JobProgress::fromStore(*store, id);
    if (!progress) return fail(QStringLiteral("no job %1 in %2").arg(id, store->path()));
    printJson(progress->toJson());
    return ExitSame;
}

int runDeadLetters(const QStringList &arguments) {
    QCommandLineParser parser;
    const QCommandLineOption allOpt(QStringLiteral("all"),
                                    QStringLiteral("Include the ones a retry resolved."));
    const QCommandLineOption jsonOpt(QStringLiteral("json"), QStringLiteral("Print them as JSON."));
    parser.addOptions({allOpt, jsonOpt});
    int status = ExitSame;
    if (!parse(
            parser, arguments,
            QStringLiteral("Lists page stages that failed every attempt (retry them with buildtrace retry)."),
            QString(), &status))
        return status;
    const auto store = openStore(parser, StoreAccess::ReadOnly);
    if (!store) return ExitError;
    const QVector<DeadLetter> letters = store->deadLetters(parser.isSet(allOpt));
    if (parser.isSet(jsonOpt)) {
        QJsonArray list;
        for (const DeadLetter &l : letters)
            list.append(QJsonObject{{QStringLiteral("id"), l.id},
                                    {QStringLiteral("job_id"), l.jobId},
                                    {QStringLiteral("page_number"), l.pageNumber},
                                    {QStringLiteral("stage"), stageName(l.stage)},
                                    {QStringLiteral("error"), l.error},
                                    {QStringLiteral("attempts"), l.attempts},
                                    {QStringLiteral("created_at"), l.createdAt.toString(Qt::ISODate)},
                                    {QStringLiteral("resolved"), l.resolvedAt.isValid()}});
        printJson(QJsonObject{{QStringLiteral("dead_letters"), list}});
        return ExitSame;
    }
    if (letters.isEmpty()) out() << "No dead letters." << Qt::endl;
    for (const DeadLetter &l : letters)
        out() << l.jobId << "  page " << l.pageNumber << "  " << stageName(l.stage) << "  " << l.attempts
              << " attempts  " << l.createdAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
              << "  " << l.error << (l.resolvedAt.isValid() ? "  (resolved)" : "") << Qt::endl;
    return ExitSame;
}

int runDelete(const QStringList &arguments) {
    QCommandLineParser parser;
    int status = ExitSame;
    if (!parse(parser, arguments, QStringLiteral("Deletes a job and its overlays from the history."),
               QStringLiteral("JOB_ID"), &status))
        return status;
    const auto store = openStore(parser, StoreAccess::ReadWrite);
    if (!store) return ExitError;
    const QString id = parser.positionalArguments().first();
    if (!store->job(id)) return fail(QStringLiteral("no job %1 in %2").arg(id, store->path()));
    QString e;
    if (!store->deleteJob(id, &e))
        return fail(QStringLiteral("%1: cannot delete job %2 (%3)").arg(store->path(), id, e));
    out() << "Deleted job " << id << Qt::endl;
    return ExitSame;
}

int runIgnore(const QStringList &arguments) {
    // arguments: "ignore", then add NUMBER x,y,w,h | list [NUMBER] | remove ID
    QCommandLineParser parser;
    const QCommandLineOption jsonOpt(QStringLiteral("json"), QStringLiteral("list: print them as JSON."));
    const QCommandLineOption projectOpt(
        QStringLiteral("project"),
        QStringLiteral("The project whose sheet it is, by name or id (add: default the default project; "
                       "list: default every project)."),
        QStringLiteral("NAME|ID"));
    parser.addOptions({jsonOpt, projectOpt});
    parser.addPositionalArgument(
        QStringLiteral("action"),
        QStringLiteral("add DRAWING_NUMBER x,y,w,h | list [DRAWING_NUMBER] | remove ID"));
    int status = ExitSame;
    if (!parse(parser, arguments,
               QStringLiteral("Ignore regions: areas of a drawing number (points of the NEW sheet, origin "
                              "top-left) left out of every later comparison of it; a job resumed or compared "
                              "again redoes the sheets whose areas changed."),
               QString(), &status))
        return status;
    const QStringList args = parser.positionalArguments();
    const QString action = args.value(0);
    const auto store =
        openStore(parser, action == QLatin1String("list") ? StoreAccess::ReadOnly : StoreAccess::ReadWrite);
    if (!store) return ExitError;
    qint64 projectId = 0;
    if (parser.isSet(projectOpt)) {
        const std::optional<ProjectRecord> p = store->projectStore().findProject(parser.value(projectOpt));
        if (!p)
            return fail(QStringLiteral("no project %1 in %2").arg(parser.value(projectOpt), store->path()));
        projectId = p->id;
    }
    if (action == QLatin1String("add") && args.size() == 3) {
        const QStringList parts = args[2].split(QLatin1Char(','));
        QVector<double> v;
        for (const QString &p : parts) {
            bool ok = false;
            v.append(p.trimmed().toDouble(&ok));
            if (!ok) v.clear();
            if (!ok) break;
        }
        if (v.size() != 4 || v[2] <= 0 || v[3] <= 0)
            return fail(QStringLiteral("ignore add: the rectangle is x,y,w,h in points, w and h > 0"));
        QString e;
        const qint64 id = store->reviewStore().addIgnoreRegion(
            projectId > 0 ? projectId : HistoryDatabase::kDefaultProjectId, args[1],
            QRectF(v[0], v[1], v[2], v[3]), &e);
        if (id <= 0)
            return fail(QStringLiteral("%1: cannot add the ignore region (%2)").arg(store->path(), e));
        out() << "Added ignore region " << id << " to " << args[1] << Qt::endl;
        return ExitSame;
    }
    if (action == QLatin1String("list") && args.size() <= 2) {
        const QVector<IgnoreRegion> regions = store->reviewStore().ignoreRegions(projectId, args.value(1));
        if (parser.isSet(jsonOpt)) {
            QJsonArray list;
            for (const IgnoreRegion &r : regions)
                list.append(
                    QJsonObject{{QStringLiteral("id"), r.id},
                                {QStringLiteral("drawing_number"), r.drawingNumber},
                                {QStringLiteral("project_id"), r.projectId},
                                {QStringLiteral("rect_pt"),
                                 QJsonArray{r.rectPt.x(), r.rectPt.y(), r.rectPt.width(), r.rectPt.height()}},
                                {QStringLiteral("created_by"), r.createdBy},
                                {QStringLiteral("created_at"), r.createdAt.toString(Qt::ISODate)}});
            printJson(QJsonObject{{QStringLiteral("ignore_regions"), list}});
            return ExitSame;
        }
        if (regions.isEmpty()) out() << "No ignore regions." << Qt::endl;
        for (const IgnoreRegion &r : regions)
            out() << r.id << "  " << r.drawingNumber << "  " << r.rectPt.x() << ',' << r.rectPt.y() << ','
                  << r.rectPt.width() << ',' << r.rectPt.height() << "  " << r.createdBy << "  "
                  << r.createdAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")) << Qt::endl;
        return ExitSame;
    }
    if (action == QLatin1String("remove") && args.size() == 2) {
        bool ok = false;
        const qint64 id = args[1].toLongLong(&ok);
        QString e;
        if (!ok || !store->reviewStore().removeIgnoreRegion(id, &e))
            return fail(QStringLiteral("no ignore region %1 in %2").arg(args[1], store->path()));
        out() << "Removed ignore region " << id << Qt::endl;
        return ExitSame;
    }
    return fail(
        QStringLiteral("usage: buildtrace ignore add DRAWING_NUMBER x,y,w,h | list [DRAWING_NUMBER] | "
                       "remove ID"));
}

int runReview(const QStringList &arguments) {
    QCommandLineParser parser;
    const QCommandLineOption statusOpt(QStringLiteral("status"),
                                       QStringLiteral("open, accepted, rejected or needs_clarification."),
                                       QStringLiteral("S"));
    const QCommandLineOption commentOpt(QStringLiteral("comment"), QStringLiteral("The review's comment."),
                                        QStringLiteral("TEXT"));
    parser.addOption(statusOpt);
    parser.addOption(commentOpt);
    parser.addPositionalArgument(QStringLiteral("job"), QStringLiteral("Job id (see buildtrace history)."));
    parser.addPositionalArgument(QStringLiteral("page"), QStringLiteral("Sheet (page_number in the JSON)."));
    parser.addPositionalArgument(QStringLiteral("change"), QStringLiteral("Change (the cloud's number)."));
    int status = ExitSame;
    if (!parse(
            parser, arguments,
            QStringLiteral("Reviews one change of a stored job, as the viewer does: the status and comment "
                           "are kept in the history with the reviewer (Settings, else the user name) and "
                           "the time, and appear in reports and change lists."),
            QString(), &status))
        return status;
    const QStringList args = parser.positionalArguments();
    bool pageOk = false, changeOk = false;
    const int page = args.value(1).toInt(&pageOk), change = args.value(2).toInt(&changeOk);
    if (args.size() != 3 || !pageOk || !changeOk || page < 1 || change < 1)
        return fail(
            QStringLiteral("usage: buildtrace review JOB_ID PAGE CHANGE [--status S] [--comment TEXT]"));
    std::optional<ReviewStatus> newStatus;
    if (parser.isSet(statusOpt)) {
        newStatus = reviewStatusFromName(parser.value(statusOpt));
        if (!newStatus)
            return fail(QStringLiteral("review: unknown status '%1' (open, accepted, rejected, "
                                       "needs_clarification)")
                            .arg(parser.value(statusOpt)));
    }
    const auto store = openStore(parser, StoreAccess::ReadWrite);
    if (!store) return ExitError;
    const QString id = args[0];
    const std::optional<ComparisonResult> result = storedComparison(*store, id);
    if (!result) return fail(QStringLiteral("no job %1 in %2").arg(id, store->path()));
    const PageResult *sheet = nullptr;
    for (const PageResult &p : result->pages)
        if (p.pageNumber == page) sheet = &p;
    if (!sheet) return fail(QStringLiteral("job %1 has no sheet %2").arg(id).arg(page));
    if (std::none_of(sheet->regions.begin(), sheet->regions.end(),
                     [&](const ChangeRegion &r) { return r.id == change; }))
        return fail(QStringLiteral("sheet %1 of job %2 has no change %3").arg(page).arg(id).arg(change));
    ReviewSession session(store.get(), id, page);
    QString e;
    if ((newStatus && !session.setStatus(change, *newStatus, &e)) ||
        (parser.isSet(commentOpt) && !session.setComment(change, parser.value(commentOpt), &e)))
        return fail(QStringLiteral("%1: cannot save the review (%2)").arg(store->path(), e));
    const RegionReview r = session.review(change);
    out() << "Change " << change << " of sheet " << page << ": " << reviewStatusName(r.status);
    if (!r.comment.isEmpty()) out() << " \u2014 " << r.comment;
    if (!r.reviewer.isEmpty()) out() << " (" << r.reviewer << ')';
    out() << Qt::endl;
    return ExitSame;
}

} // namespace bt
