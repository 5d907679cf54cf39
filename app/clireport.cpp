// Report and change-list exports of a job: `compare/resume/retry ... --report FILE` and
// `show JOB_ID --report FILE`.
#include "cli.h"
#include "clicommon.h"

#include "io/outputfile.h"
#include "report/changelistexport.h"
#include "report/markupexport.h"
#include "report/report.h"
#include "store/jobstore.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>

namespace bt {

void ReportCliOptions::addTo(QCommandLineParser &parser) const {
    parser.addOptions({m_report, m_changedOnly, m_dpi, m_csv, m_json, m_xlsx, m_markups});
}

bool ReportCliOptions::read(const QCommandLineParser &parser, ReportRequest *request) const {
    request->pdf = parser.value(m_report);
    request->csv = parser.value(m_csv);
    request->json = parser.value(m_json);
    request->xlsx = parser.value(m_xlsx);
    request->markups = parser.value(m_markups);
    if (parser.isSet(m_changedOnly)) {
        if (request->pdf.isEmpty()) {
            fail(QStringLiteral("--report-changed-only needs --report FILE"));
            return false;
        }
        request->options.scope = ReportOptions::Scope::ChangedOnly;
    }
    if (parser.isSet(m_dpi)) {
        bool ok = false;
        request->options.dpi = parser.value(m_dpi).toDouble(&ok);
        if (!ok || request->options.dpi < 30 || request->options.dpi > 600) {
            fail(QStringLiteral("--report-dpi must be a number from 30 to 600"));
            return false;
        }
        if (request->pdf.isEmpty()) {
            fail(QStringLiteral("--report-dpi needs --report FILE"));
            return false;
        }
    }
    for (const QString &path : {request->pdf, request->csv, request->json, request->xlsx, request->markups}) {
        if (path.isEmpty()) continue;
        const QFileInfo info(path);
        if (!info.absoluteDir().exists()) {
            fail(QStringLiteral("%1: cannot write there (no folder %2)").arg(path, info.absolutePath()));
            return false;
        }
        const QString problem = OutputFile::problem(path);
        if (!problem.isEmpty()) {
            fail(QStringLiteral("%1: %2").arg(path, problem));
            return false;
        }
    }
    return true;
}

int writeReports(const ReportRequest &request, const JobStore &store, const QString &jobId, bool quiet) {
    if (!request.any()) return ExitSame;
    const std::optional<ReportInput> input = ReportInput::fromStore(store, jobId);
    if (!input) return fail(QStringLiteral("no job %1 in %2").arg(jobId, store.path()));
    QString e;
    if (!request.pdf.isEmpty()) {
        if (!writeReport(*input, request.options, request.pdf, {}, nullptr, &e)) return fail(e);
        if (!quiet) out() << "Report: " << QFileInfo(request.pdf).absoluteFilePath() << Qt::endl;
    }
    if (!request.csv.isEmpty()) {
        if (!writeChangeListCsv(*input, request.csv, &e)) return fail(e);
        if (!quiet) out() << "Change list (CSV): " << QFileInfo(request.csv).absoluteFilePath() << Qt::endl;
    }
    if (!request.json.isEmpty()) {
        if (!writeChangeListJson(*input, request.json, &e)) return fail(e);
        if (!quiet) out() << "Change list (JSON): " << QFileInfo(request.json).absoluteFilePath() << Qt::endl;
    }
    if (!request.xlsx.isEmpty()) {
        if (!writeChangeListXlsx(*input, request.xlsx, &e)) return fail(e);
        if (!quiet) out() << "Change list (XLSX): " << QFileInfo(request.xlsx).absoluteFilePath() << Qt::endl;
    }
    if (!request.markups.isEmpty()) {
        MarkupOptions markup;
        // show has no password options: an encrypted NEW's password from the environment.
        markup.newPassword = request.newPassword.isEmpty() ? qEnvironmentVariable("BUILDTRACE_NEW_PASSWORD")
                                                           : request.newPassword;
        int count = 0;
        if (!writeMarkups(*input, request.markups, &e, markup, &count)) return fail(e);
        if (!quiet)
            out() << "Markups (" << count << (count == 1 ? " change): " : " changes): ")
                  << QFileInfo(request.markups).absoluteFilePath() << Qt::endl;
    }
    return ExitSame;
}

} // namespace bt
