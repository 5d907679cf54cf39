#include "reportprint.h"

#include "guisettings.h"

#include "guiapplication.h"
#include "reportexportdialog.h"

#include "report/report.h"
#include "store/jobstore.h"

#include <QCoreApplication>
#include <QFutureWatcher>
#include <QPrintDialog>
#include <QPrinter>
#include <QProgressDialog>
#include <QtConcurrent>

#include <memory>

namespace bt::ui {

namespace {
struct PrintText {
    Q_DECLARE_TR_FUNCTIONS(bt::ui::Print)
};
} // namespace

bool printReport(const ReportInput &input, ReportOptions options, PrintKind kind, int pageNumber,
                 QPrinter &printer, const std::atomic<bool> *cancel, QString *error) {
    printer.setFullPage(true);
    printer.setResolution(72); // the report paints in points
    options.paper = printer.pageLayout().pageSize();
    if (kind == PrintKind::Sheet) {
        options.scope = ReportOptions::Scope::Selected;
        options.pages = {pageNumber};
        options.cover = false;
        options.appendix = false;
    }
    return paintReport(input, options, &printer, {}, cancel, error);
}

void printJob(const JobStore &store, const QString &jobId, PrintKind kind, int pageNumber, QWidget *parent,
              QString *message) {
    std::optional<ReportInput> input = ReportInput::fromStore(store, jobId);
    if (!input) {
        *message = PrintText::tr("That comparison is no longer in the history.");
        return;
    }
    input->colours = GuiSettings::load().overlayColours(); // the window's, as the viewer shows them
    auto printer = std::make_shared<QPrinter>(QPrinter::HighResolution);
    printer->setDocName(kind == PrintKind::Sheet ? PrintText::tr("Sheet %1").arg(pageNumber)
                                                 : PrintText::tr("Drawing comparison report"));
    QPrintDialog dialog(printer.get(), parent);
    dialog.setWindowTitle(kind == PrintKind::Sheet ? PrintText::tr("Print Sheet")
                                                   : PrintText::tr("Print Report"));
    if (dialog.exec() != QDialog::Accepted) return;

    const ReportOptions options = ReportExportDialog::rememberedOptions();
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    QProgressDialog progress(PrintText::tr("Printing…"), PrintText::tr("Cancel"), 0, 0, parent);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(300);
    QObject::connect(&progress, &QProgressDialog::canceled, &progress, [cancel] { cancel->store(true); });
    QFutureWatcher<QString> watcher;
    QEventLoop loop;
    QObject::connect(&watcher, &QFutureWatcher<QString>::finished, &loop, &QEventLoop::quit);
    const ReportInput in = *input;
    watcher.setFuture(QtConcurrent::run(backgroundPool(), [in, options, kind, pageNumber, printer, cancel] {
        QString error;
        return printReport(in, options, kind, pageNumber, *printer, cancel.get(), &error) ? QString() : error;
    }));
    loop.exec();
    progress.reset();
    const QString error = watcher.result();
    *message = cancel->load()     ? PrintText::tr("Printing cancelled.")
               : !error.isEmpty() ? PrintText::tr("Cannot print: %1").arg(error)
                                  : PrintText::tr("Sent to %1.")
                                        .arg(printer->printerName().isEmpty() ? printer->outputFileName()
                                                                              : printer->printerName());
}

} // namespace bt::ui
