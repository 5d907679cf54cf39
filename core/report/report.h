#pragma once

#include "reportinput.h"
#include "reportoptions.h"

#include <QString>
#include <QVector>

#include <atomic>
#include <functional>

class QPagedPaintDevice;

namespace bt {

// Where each part of a written report is (1-based PDF pages), so callers and tests know the
// exact layout.
struct ReportLayout {
    int pageCount = 0;
    int coverPages = 0;          // the cover and the continuation pages of its sheet table
    QVector<int> sheets;         // result page numbers reported, in report order
    QVector<int> sheetFirstPage; // PDF page of each reported sheet
    QVector<int> sheetPageCount; // its pages: 1, or more when the change table continues
    int appendixFirstPage = 0;   // 0: no appendix
    int appendixPages = 0;
};

// done of total steps (the cover, then one per reported sheet); called from the writing thread.
using ReportProgress = std::function<void(int done, int total)>;

// Whether a sheet of the result is reported under the options.
bool isReported(const PageResult &page, const ReportOptions &options);

// Writes the PDF report of a job: a cover (project, issuer, the two sets by name, dates, the job
// summary and the table of every sheet with its status and change count, each row a link to
// the sheet's page; continued on further pages when long), then one page per reported sheet in
// the sheet's aspect ratio or on the chosen paper: the overlay with numbered clouds, legend,
// summary and change table (texts old -> new, review status), then an appendix with the files,
// settings and alignment of each sheet. The outline has an entry per reported sheet. Added and
// removed sheets show the sheet itself, rendered from its document. All text is real text. The
// file is replaced only when the report is complete; on failure or cancellation nothing is
// written and *error says why (one line naming the file).
bool writeReport(const ReportInput &input, const ReportOptions &options, const QString &pdfPath,
                 const ReportProgress &progress = {}, const std::atomic<bool> *cancel = nullptr,
                 QString *error = nullptr, ReportLayout *layout = nullptr);

// The same pages painted on any paged device (a QPrinter): no links, no outline. The device's
// resolution must be 72 dots per inch (page coordinates are points).
bool paintReport(const ReportInput &input, const ReportOptions &options, QPagedPaintDevice *device,
                 const ReportProgress &progress = {}, const std::atomic<bool> *cancel = nullptr,
                 QString *error = nullptr, ReportLayout *layout = nullptr);

} // namespace bt
