#pragma once

#include "diff/overlay.h"
#include "report/reportoptions.h"

#include <QCommandLineOption>
#include <QString>
#include <QTextStream>

#include <memory>
#include <optional>

class QCommandLineParser;

namespace bt {

class JobStore;
enum class StoreAccess;

QTextStream &out();
QTextStream &err();
int fail(const QString &message); // "buildtrace: message" on stderr, returns ExitError

// --db PATH (default $BUILDTRACE_DB, else the application data folder).
QCommandLineOption dbOption();
// The history named by --db.
QString storePath(const QCommandLineParser &parser);
// Opens the history named by --db (ReadOnly for commands that only read it); null after printing
// the problem and what to do in one line.
std::unique_ptr<JobStore> openStore(const QCommandLineParser &parser, StoreAccess access);
// What to do about a damaged history, after JobStore's message naming the file and the damage.
QString damagedHistoryHint();

// What to export from a job (clireport.cpp).
struct ReportRequest {
    QString pdf;         // --report FILE
    QString csv;         // --changes-csv FILE
    QString json;        // --changes-json FILE
    QString xlsx;        // --changes-xlsx FILE
    QString markups;     // --markups FILE
    QString newPassword; // NEW's password for the markups (compare, resume, retry: the one given)
    ReportOptions options;
    std::optional<OverlayColours> colours; // compare's --colors; else the job's
    bool any() const {
        return !pdf.isEmpty() || !csv.isEmpty() || !json.isEmpty() || !xlsx.isEmpty() || !markups.isEmpty();
    }
};

// --report FILE [--report-changed-only] [--report-dpi N] [--changes-csv FILE] [--changes-json FILE]
// [--changes-xlsx FILE] [--markups FILE], shared by compare, resume, retry and show.
class ReportCliOptions {
public:
    void addTo(QCommandLineParser &parser) const;
    // Validates the values (and that each file's folder exists, so a long job does not end in
    // "cannot write"); false after printing the problem.
    bool read(const QCommandLineParser &parser, ReportRequest *request) const;

private:
    QCommandLineOption m_report{
        QStringLiteral("report"),
        QStringLiteral("Write a PDF report: cover with the sheet table, then one page per "
                       "sheet (overlay, numbered clouds, legend, summary, change table)."),
        QStringLiteral("FILE")};
    QCommandLineOption m_changedOnly{
        QStringLiteral("report-changed-only"),
        QStringLiteral("Only changed, added, removed and failed sheets get a page "
                       "in the report (the cover still lists every sheet).")};
    QCommandLineOption m_dpi{QStringLiteral("report-dpi"),
                             QStringLiteral("Resolution of the sheet images in the report (default 150)."),
                             QStringLiteral("N")};
    QCommandLineOption m_pageSize{
        QStringLiteral("report-page-size"),
        QStringLiteral("Report pages: 'sheet' (each sheet at its own size, default) or one paper size "
                       "the sheets are fitted on: a3, tabloid, a4, letter."),
        QStringLiteral("SIZE")};
    QCommandLineOption m_omitRejected{
        QStringLiteral("report-omit-rejected"),
        QStringLiteral("Leave rejected changes out of the report (default: a dashed grey cloud, "
                       "struck through in the change table).")};
    QCommandLineOption m_reviewedOnly{QStringLiteral("report-reviewed-only"),
                                      QStringLiteral("Only changes with a review status (accepted, rejected, "
                                                     "needs clarification) in the report.")};
    QCommandLineOption m_projectName{QStringLiteral("project-name"),
                                     QStringLiteral("Project name on the report's cover."),
                                     QStringLiteral("NAME")};
    QCommandLineOption m_projectNumber{QStringLiteral("project-number"),
                                       QStringLiteral("Project number on the report's cover."),
                                       QStringLiteral("NUMBER")};
    QCommandLineOption m_client{QStringLiteral("client"), QStringLiteral("Client on the report's cover."),
                                QStringLiteral("NAME")};
    QCommandLineOption m_issuer{QStringLiteral("issuer"),
                                QStringLiteral("Who issues the report (cover: \"Issued by\")."),
                                QStringLiteral("NAME")};
    QCommandLineOption m_logo{QStringLiteral("logo"),
                              QStringLiteral("Image (PNG, JPEG) for the top right of the report's cover."),
                              QStringLiteral("FILE")};
    QCommandLineOption m_csv{QStringLiteral("changes-csv"),
                             QStringLiteral("Write the change list as CSV (RFC 4180) to FILE."),
                             QStringLiteral("FILE")};
    QCommandLineOption m_json{QStringLiteral("changes-json"),
                              QStringLiteral("Write the change list as JSON to FILE."),
                              QStringLiteral("FILE")};
    QCommandLineOption m_xlsx{QStringLiteral("changes-xlsx"),
                              QStringLiteral("Write the change list as a spreadsheet (XLSX: a row per "
                                             "change, a sheet summary tab) to FILE."),
                              QStringLiteral("FILE")};
    QCommandLineOption m_markups{
        QStringLiteral("markups"),
        QStringLiteral("Write the NEW set with every change as a PDF cloud markup (an annotation "
                       "markup tools list; the pages themselves untouched) to FILE."),
        QStringLiteral("FILE")};
};

// Writes what the request asks for from a job of the history (as `show` reads it); prints where
// each file went unless quiet. ExitSame, or ExitError after one line naming the file.
int writeReports(const ReportRequest &request, const JobStore &store, const QString &jobId, bool quiet);

// History commands (clihistory.cpp).
int runHistory(const QStringList &arguments);
int runShow(const QStringList &arguments);
int runProgress(const QStringList &arguments);
int runDeadLetters(const QStringList &arguments);
int runDelete(const QStringList &arguments);
int runIgnore(const QStringList &arguments);   // ignore add | list | remove
int runProjects(const QStringList &arguments); // projects [--json] | add NAME | rename ID|NAME NEW
int runReview(const QStringList &arguments);   // review JOB_ID PAGE CHANGE --status S [--comment T]

} // namespace bt
