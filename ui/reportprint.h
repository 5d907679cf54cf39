#pragma once

#include "report/reportinput.h"
#include "report/reportoptions.h"

#include <QList>
#include <QString>

#include <atomic>

class QPrinter;
class QWidget;

namespace bt {
class JobStore;
}

namespace bt::ui {

// What File → Print prints.
enum class PrintKind {
    Sheet,  // the sheet in the viewer: overlay fitted to the paper, legend and change list
    Report, // the whole report: cover, sheet pages, appendix
};

// The report's pages on the printer's paper (sheets fitted, each turned to its orientation).
// Sheet: only `pageNumber`, without cover and appendix. The printer is set to paint in points
// over the whole sheet of paper (the pages have their own margins); its output may be a PDF
// file (QPrinter::PdfFormat), which is how the tests read what would be printed.
bool printReport(const ReportInput &input, ReportOptions options, PrintKind kind, int pageNumber,
                 QPrinter &printer, const std::atomic<bool> *cancel = nullptr, QString *error = nullptr);

// File → Print Sheet… / Print Report…: the job from the history, QPrintDialog, then printing in
// the background with a progress dialog. message: what the status bar says afterwards.
void printJob(const JobStore &store, const QString &jobId, PrintKind kind, int pageNumber, QWidget *parent,
              QString *message);

} // namespace bt::ui
