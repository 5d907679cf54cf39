#include "exportactions.h"

#include "reportprint.h"

#include <QAction>
#include <QWidget>

namespace bt::ui {

ExportActions::ExportActions(Source source, QWidget *window)
    : QObject(window)
    , m_source(std::move(source))
    , m_window(window) {
    auto action = [this](const QString &text, const QKeySequence &key, auto slot) {
        auto *a = new QAction(text, m_window);
        a->setShortcut(key);
        connect(a, &QAction::triggered, this, slot);
        m_window->addAction(a); // shortcuts work with the menu bar hidden, too
        m_actions << a;
        return a;
    };
    action(tr("Export &Report…"), QKeySequence(tr("Ctrl+E")),
           [this] { exportJob(ReportExportDialog::Kind::Report); });
    action(tr("Export &Markups…"), QKeySequence(tr("Ctrl+Alt+E")),
           [this] { exportJob(ReportExportDialog::Kind::Markups); });
    action(tr("Export Change &List…"), QKeySequence(tr("Ctrl+Shift+E")),
           [this] { exportJob(ReportExportDialog::Kind::ChangeList); });
    m_printSheet = action(tr("&Print Sheet…"), QKeySequence::Print, [this] { print(false); });
    action(tr("Print Repor&t…"), QKeySequence(tr("Ctrl+Shift+P")), [this] { print(true); });
    update(false);
}

bool ExportActions::exportable() const {
    return !m_running && !m_source.jobId().isEmpty() && m_source.store();
}

void ExportActions::update(bool running) {
    m_running = running;
    for (QAction *a : std::as_const(m_actions))
        a->setEnabled(exportable());
    m_printSheet->setEnabled(exportable() && m_source.viewerPage() > 0);
}

bool ExportActions::exportJob(ReportExportDialog::Kind kind) {
    if (!exportable()) return false;
    // From the history: what was committed, with the reviews of its changes.
    QString text;
    if (!ReportExportDialog::exportJob(*m_source.store(), m_source.jobId(), m_source.selectedSheets(), kind,
                                       m_window, &text)) {
        emit message(tr("That comparison is no longer in the history."));
        return false;
    }
    if (!text.isEmpty()) emit message(text);
    return true;
}

void ExportActions::print(bool wholeReport) {
    if (!exportable()) return;
    QString text;
    printJob(*m_source.store(), m_source.jobId(), wholeReport ? PrintKind::Report : PrintKind::Sheet,
             m_source.viewerPage(), m_window, &text);
    if (!text.isEmpty()) emit message(text);
}

} // namespace bt::ui
