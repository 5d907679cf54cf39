#include "progressrow.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

namespace bt::ui {

ProgressRow::ProgressRow(QWidget *parent)
    : QWidget(parent)
    , m_bar(new QProgressBar(this))
    , m_label(new QLabel(this))
    , m_cancel(new QPushButton(tr("Cancel"), this)) {
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_bar->setAccessibleName(tr("Comparison progress"));
    m_bar->setTextVisible(true);
    m_label->setObjectName(QStringLiteral("stageCounts"));
    m_label->setTextFormat(Qt::PlainText);
    m_label->setMinimumWidth(m_label->fontMetrics().horizontalAdvance(
        tr("OCR %1/%2 · Diff %1/%2 · Summary %1/%2").arg(888).arg(888)));
    m_cancel->setToolTip(tr("Stop the comparison (Esc). It stays in the history and can be resumed."));
    connect(m_cancel, &QPushButton::clicked, this, &ProgressRow::cancelRequested);
    layout->addWidget(m_bar, 1);
    layout->addWidget(m_label);
    layout->addWidget(m_cancel);
}

void ProgressRow::showBusy(const QString &text) {
    m_bar->setRange(0, 0);
    m_label->setText(text);
}

void ProgressRow::showOpening() {
    showBusy(tr("Opening OLD and NEW…"));
}

void ProgressRow::showMatching() {
    showBusy(tr("Matching sheets…")); // busy until the sheets are matched
}

void ProgressRow::updateProgress(const JobProgress &progress) {
    const int total = progress.totalPages;
    if (total <= 0) return;
    int terminal = 0;
    for (const PageProgress &p : progress.pages)
        for (const Stage s : kStages)
            terminal +=
                p.statusOf(s) == StageStatus::Completed || p.statusOf(s) == StageStatus::Failed ? 1 : 0;
    m_bar->setRange(0, 3 * total);
    m_bar->setValue(terminal);
    m_label->setText(tr("OCR %1/%4 · Diff %2/%4 · Summary %3/%4")
                         .arg(progress.completed(Stage::Ocr))
                         .arg(progress.completed(Stage::Diff))
                         .arg(progress.completed(Stage::Summary))
                         .arg(total));
}

QString ProgressRow::text() const {
    return m_label->text();
}

void ProgressRow::setCancelEnabled(bool enabled) {
    m_cancel->setEnabled(enabled);
}

} // namespace bt::ui
