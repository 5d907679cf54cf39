#pragma once

#include "reportinput.h"
#include "reportoptions.h"

#include <QString>
#include <QVector>

#include <atomic>
#include <functional>

namespace bt {

// Where each part of a written report is (1-based PDF pages), so callers and tests know the
// exact layout.
struct ReportLayout {
    int pageCount = 0;
    int coverPages = 0;          // the cover and the continuation pages of its sheet table
    QVector<int> sheets;         // result page numbers reported, in report order
    QVector<int> sheetFirstPage; // PDF page of each reported sheet
    QVector<int> sheetPageCount; // its pages: 1, or more when the change table continues
};

// done of total steps (the cover, then one per reported sheet); called from the writing thread.
using ReportProgress = std::function<void(int done, int total)>;

// Whether a sheet of the result is reported under the options.
bool isReported(const PageResult &page, const ReportOptions &options);

// Writes the PDF report of a job: a cover (sets, files with their dates, comparison date,
// settings, the table of every sheet with its status and change count; continued on further
// pages when long), then one page per reported sheet in the sheet's aspect ratio: the overlay
// with numbered clouds, legend, summary and change table (texts old -> new, review status).
// Added and removed sheets show the sheet itself, rendered from its document. All text is real
// text. The file is replaced only when the report is complete; on failure or cancellation
// nothing is written and *error says why (one line naming the file).
bool writeReport(const ReportInput &input, const ReportOptions &options, const QString &pdfPath,
                 const ReportProgress &progress = {}, const std::atomic<bool> *cancel = nullptr,
                 QString *error = nullptr, ReportLayout *layout = nullptr);

} // namespace bt
