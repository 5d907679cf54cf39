// Report and change-list exports of a job: `compare/resume/retry ... --report FILE` and
// `show JOB_ID --report FILE`.
#include "cli.h"
#include "clicommon.h"

#include "io/outputfile.h"
#include "report/changelistexport.h"
#include "report/markupexport.h"
#include "report/report.h"
#include "report/reportproject.h"
#include "store/jobstore.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QImageReader>

namespace bt {

void ReportCliOptions::addTo(QCommandLineParser &parser) const {
    parser.addOptions({m_report, m_changedOnly, m_dpi, m_pageSize, m_omitRejected, m_reviewedOnly,
                       m_projectName, m_projectNumber, m_client, m_issuer, m_logo, m_csv, m_json, m_xlsx,
                       m_markups});
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
    // The cover and page options shape the PDF only.
    for (const QCommandLineOption *o : {&m_pageSize, &m_omitRejected, &m_reviewedOnly, &m_projectName,
                                        &m_projectNumber, &m_client, &m_issuer, &m_logo})
        if (parser.isSet(*o) && request->pdf.isEmpty()) {
            fail(QStringLiteral("--%1 needs --report FILE").arg(o->names().first()));
            return false;
        }
    ReportOptions &o = request->options;
    if (parser.isSet(m_pageSize) && !ReportOptions::paperFromName(parser.value(m_pageSize), &o.paper)) {
        fail(QStringLiteral("--report-page-size must be sheet, a3, tabloid, a4 or letter"));
        return false;
    }
    if (parser.isSet(m_omitRejected)) o.rejected = ReportOptions::Rejected::LeftOut;
    o.reviewedOnly = parser.isSet(m_reviewedOnly);
    o.project = parser.value(m_projectName).trimmed();
    o.projectNumber = parser.value(m_projectNumber).trimmed();
    o.client = parser.value(m_client).trimmed();
    o.issuer = parser.value(m_issuer).trimmed();
    o.logoPath = parser.value(m_logo);
    if (!o.logoPath.isEmpty()) {
        QImageReader logo(o.logoPath);
        if (!logo.canRead()) {
            fail(QStringLiteral("%1: cannot read the logo (%2)").arg(o.logoPath, logo.errorString()));
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
    std::optional<ReportInput> input = ReportInput::fromStore(store, jobId);
    if (!input) return fail(QStringLiteral("no job %1 in %2").arg(jobId, store.path()));
    if (request.colours) input->colours = *request.colours;
    QString e;
    if (!request.pdf.isEmpty()) {
        const ReportOptions options = withProjectDefaults(request.options, store, jobId);
        if (!writeReport(*input, options, request.pdf, {}, nullptr, &e)) return fail(e);
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
