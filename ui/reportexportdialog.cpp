#include "reportexportdialog.h"

#include "guisettings.h"

#include "guiapplication.h"
#include "jobdialogs.h"

#include "report/changelistexport.h"
#include "report/markupexport.h"
#include "report/report.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QtConcurrent>

#include "report/reportproject.h"

namespace bt::ui {

ReportExportDialog::ReportExportDialog(const ReportInput &input, const QList<int> &selectedPages,
                                       QWidget *parent, Kind kind)
    : QDialog(parent)
    , m_input(input)
    , m_selected(selectedPages)
    , m_kind(kind)
    , m_cancel(std::make_shared<std::atomic<bool>>(false)) {
    setWindowTitle(kind == Kind::Report    ? tr("Export report")
                   : kind == Kind::Markups ? tr("Export markups")
                                           : tr("Export change list"));
    auto *form = new QFormLayout;

    const ReportOptions remembered = rememberedOptions();
    m_title = new QLineEdit(this);
    m_title->setPlaceholderText(tr("Drawing comparison report"));
    form->addRow(tr("&Title:"), m_title);
    // The cover's project fields: an empty one is left out of the cover.
    auto *cover = new QFormLayout;
    m_project = new QLineEdit(remembered.project, this);
    m_projectNumber = new QLineEdit(remembered.projectNumber, this);
    m_client = new QLineEdit(remembered.client, this);
    m_issuer = new QLineEdit(remembered.issuer, this);
    m_logo = new QLineEdit(remembered.logoPath, this);
    m_logo->setPlaceholderText(tr("PNG or JPEG file"));
    auto *logoBrowse = new QPushButton(tr("Bro&wse…"), this);
    auto *logoRow = new QHBoxLayout;
    logoRow->addWidget(m_logo, 1);
    logoRow->addWidget(logoBrowse);
    connect(logoBrowse, &QPushButton::clicked, this, &ReportExportDialog::browseLogo);
    m_project->setObjectName(QStringLiteral("projectName"));
    m_projectNumber->setObjectName(QStringLiteral("projectNumber"));
    m_client->setObjectName(QStringLiteral("client"));
    m_issuer->setObjectName(QStringLiteral("issuer"));
    m_logo->setObjectName(QStringLiteral("logo"));
    cover->addRow(tr("&Project:"), m_project);
    cover->addRow(tr("Project &number:"), m_projectNumber);
    cover->addRow(tr("C&lient:"), m_client);
    cover->addRow(tr("Issued &by:"), m_issuer);
    // A row of a layout gets no buddy by itself: without one the label shows its "&".
    auto *logoLabel = new QLabel(tr("L&ogo:"), this);
    logoLabel->setBuddy(m_logo);
    cover->addRow(logoLabel, logoRow);
    m_coverBox = new QGroupBox(tr("Cover"), this);
    m_coverBox->setLayout(cover);
    form->addRow(m_coverBox);

    ReportOptions changedOnly;
    changedOnly.scope = ReportOptions::Scope::ChangedOnly;
    int changed = 0;
    for (const PageResult &p : m_input.comparison.pages)
        if (isReported(p, changedOnly)) ++changed;
    const int total = int(m_input.comparison.pages.size());
    m_all = new QRadioButton(tr("&All sheets (%1)").arg(total), this);
    m_changed = new QRadioButton(tr("&Changed sheets only (%1)").arg(changed), this);
    m_selection = new QRadioButton(tr("&Selected sheets (%1)").arg(m_selected.size()), this);
    m_selection->setEnabled(!m_selected.isEmpty());
    auto *scope = new QButtonGroup(this);
    auto *scopeBox = new QVBoxLayout;
    for (QRadioButton *b : {m_all, m_changed, m_selection}) {
        scope->addButton(b);
        scopeBox->addWidget(b);
    }
    (m_selected.isEmpty() ? m_all : m_selection)->setChecked(true);
    form->addRow(tr("Sheets:"), scopeBox);

    m_dpi = new QSpinBox(this);
    m_dpi->setRange(30, 600);
    m_dpi->setValue(int(ReportOptions().dpi));
    m_dpi->setSuffix(tr(" DPI"));
    m_dpi->setToolTip(tr("Resolution of the sheet images. 150 DPI keeps an ARCH D page under 1.5 MB."));
    m_format = new QComboBox(this);
    m_format->addItem(tr("CSV (spreadsheets)"), QStringLiteral("csv"));
    m_format->addItem(tr("JSON"), QStringLiteral("json"));
    m_format->addItem(tr("XLSX (Excel, LibreOffice Calc)"), QStringLiteral("xlsx"));
    m_paper = new QComboBox(this);
    m_paper->addItem(tr("Each sheet at its own size"), QStringLiteral("sheet"));
    m_paper->addItem(tr("A3"), QStringLiteral("a3"));
    m_paper->addItem(tr("Tabloid (11 × 17 in)"), QStringLiteral("tabloid"));
    m_paper->addItem(tr("A4"), QStringLiteral("a4"));
    m_paper->addItem(tr("Letter"), QStringLiteral("letter"));
    const QString paperName = QSettings().value(QStringLiteral("report/pageSize")).toString().toLower();
    m_paper->setCurrentIndex(std::max(0, m_paper->findData(paperName)));
    m_paper->setObjectName(QStringLiteral("pageSize"));
    m_rejected = new QComboBox(this);
    m_rejected->setObjectName(QStringLiteral("rejected"));
    m_rejected->addItem(tr("Shown as dashed grey clouds, struck through"));
    m_rejected->addItem(tr("Left out"));
    m_rejected->setCurrentIndex(remembered.rejected == ReportOptions::Rejected::LeftOut ? 1 : 0);
    m_reviewedOnly =
        new QCheckBox(tr("Only reviewed changes (accepted, rejected, needs clarification)"), this);
    m_reviewedOnly->setObjectName(QStringLiteral("reviewedOnly"));
    m_reviewedOnly->setChecked(remembered.reviewedOnly);
    if (kind == Kind::Report) {
        form->addRow(tr("Pa&ges:"), m_paper);
        form->addRow(tr("&Rejected changes:"), m_rejected);
        form->addRow(QString(), m_reviewedOnly);
        form->addRow(tr("&Image resolution:"), m_dpi);
        m_format->hide();
    } else if (kind == Kind::Markups) {
        // The NEW set itself: no title, no cover, no images to size.
        m_coverBox->hide();
        for (QWidget *w :
             std::initializer_list<QWidget *>{m_paper, m_rejected, m_reviewedOnly, m_dpi, m_format})
            w->hide();
        form->setRowVisible(m_title, false);
        auto *about = new QLabel(tr("The NEW set with each change as a cloud markup (a PDF annotation that "
                                    "Bluebeam, Acrobat and Okular list); its pages stay as issued."),
                                 this);
        about->setWordWrap(true);
        form->insertRow(0, about);
    } else {
        m_coverBox->hide();
        for (QWidget *w : std::initializer_list<QWidget *>{m_paper, m_rejected, m_reviewedOnly})
            w->hide();
        form->addRow(tr("&Format:"), m_format);
        m_dpi->hide();
        m_title->setEnabled(false);
    }

    m_path = new QLineEdit(this);
    m_browse = new QPushButton(tr("&Browse…"), this);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(m_browse);
    // A label of its own: a row of a layout gets no buddy, and its "&" would show.
    auto *fileLabel = new QLabel(tr("&File:"), this);
    fileLabel->setBuddy(m_path);
    form->addRow(fileLabel, pathRow);
    // Wide enough to show a file name, not only the end of a folder.
    m_path->setMinimumWidth(fontMetrics().averageCharWidth() * 40);
    m_path->setText(suggestedPath());

    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setVisible(false);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_export = m_buttons->addButton(tr("&Export"), QDialogButtonBox::ActionRole);
    m_export->setDefault(true);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    connect(m_browse, &QPushButton::clicked, this, &ReportExportDialog::browse);
    connect(m_export, &QPushButton::clicked, this, &ReportExportDialog::start);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ReportExportDialog::reject);
    connect(m_path, &QLineEdit::textChanged, this, &ReportExportDialog::updateButtons);
    connect(m_format, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
        const QFileInfo info(m_path->text());
        if (!m_path->text().isEmpty())
            m_path->setText(QDir(info.path())
                                .filePath(info.completeBaseName() + QLatin1Char('.') +
                                          m_format->currentData().toString()));
    });
    connect(&m_watcher, &QFutureWatcher<QString>::finished, this, &ReportExportDialog::onFinished);
    updateButtons();
}

ReportExportDialog::~ReportExportDialog() {
    m_cancel->store(true);
    m_watcher.waitForFinished();
}

QString ReportExportDialog::suggestedPath() const {
    const QFileInfo newFile(m_input.comparison.newPath);
    const QString dir = newFile.absolutePath().isEmpty() ? QDir::homePath() : newFile.absolutePath();
    const QString base =
        newFile.completeBaseName().isEmpty() ? QStringLiteral("comparison") : newFile.completeBaseName();
    if (m_kind == Kind::Report) return QDir(dir).filePath(base + QStringLiteral("-report.pdf"));
    if (m_kind == Kind::Markups) return QDir(dir).filePath(base + QStringLiteral("-markups.pdf"));
    return QDir(dir).filePath(base + QStringLiteral("-changes.") + m_format->currentData().toString());
}

QString ReportExportDialog::outputPath() const {
    return m_path->text();
}

void ReportExportDialog::setOutputPath(const QString &path) {
    m_path->setText(path);
}

void ReportExportDialog::setCoverDefaults(const ReportOptions &project) {
    for (const auto &[edit, value] :
         {std::pair(m_project, project.project), std::pair(m_projectNumber, project.projectNumber),
          std::pair(m_client, project.client), std::pair(m_logo, project.logoPath)})
        if (!value.isEmpty()) edit->setText(value);
}

ReportOptions ReportExportDialog::rememberedOptions() {
    const QSettings s;
    ReportOptions o;
    o.project = s.value(QStringLiteral("report/projectName")).toString();
    o.projectNumber = s.value(QStringLiteral("report/projectNumber")).toString();
    o.client = s.value(QStringLiteral("report/client")).toString();
    o.issuer = s.value(QStringLiteral("report/issuer")).toString();
    o.logoPath = s.value(QStringLiteral("report/logo")).toString();
    ReportOptions::paperFromName(
        s.value(QStringLiteral("report/pageSize"), QStringLiteral("sheet")).toString(), &o.paper);
    if (s.value(QStringLiteral("report/omitRejected"), false).toBool())
        o.rejected = ReportOptions::Rejected::LeftOut;
    o.reviewedOnly = s.value(QStringLiteral("report/reviewedOnly"), false).toBool();
    return o;
}

void ReportExportDialog::remember() const {
    QSettings s;
    s.setValue(QStringLiteral("report/projectName"), m_project->text().trimmed());
    s.setValue(QStringLiteral("report/projectNumber"), m_projectNumber->text().trimmed());
    s.setValue(QStringLiteral("report/client"), m_client->text().trimmed());
    s.setValue(QStringLiteral("report/issuer"), m_issuer->text().trimmed());
    s.setValue(QStringLiteral("report/logo"), m_logo->text().trimmed());
    s.setValue(QStringLiteral("report/pageSize"), m_paper->currentData().toString());
    s.setValue(QStringLiteral("report/omitRejected"), m_rejected->currentIndex() == 1);
    s.setValue(QStringLiteral("report/reviewedOnly"), m_reviewedOnly->isChecked());
}

void ReportExportDialog::browseLogo() {
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Logo"), m_logo->text(), tr("Images (*.png *.jpg *.jpeg)"));
    if (!path.isEmpty()) m_logo->setText(path);
}

ReportOptions ReportExportDialog::options() const {
    ReportOptions o;
    o.title = m_title->text().trimmed();
    o.project = m_project->text().trimmed();
    o.projectNumber = m_projectNumber->text().trimmed();
    o.client = m_client->text().trimmed();
    o.issuer = m_issuer->text().trimmed();
    o.logoPath = m_logo->text().trimmed();
    ReportOptions::paperFromName(m_paper->currentData().toString(), &o.paper);
    o.rejected =
        m_rejected->currentIndex() == 1 ? ReportOptions::Rejected::LeftOut : ReportOptions::Rejected::Shown;
    o.reviewedOnly = m_reviewedOnly->isChecked();
    o.dpi = m_dpi->value();
    if (m_changed->isChecked()) o.scope = ReportOptions::Scope::ChangedOnly;
    if (m_selection->isChecked()) {
        o.scope = ReportOptions::Scope::Selected;
        o.pages = m_selected;
    }
    return o;
}

void ReportExportDialog::browse() {
    const QString format = m_format->currentData().toString();
    const QString filter = m_kind != Kind::ChangeList        ? tr("PDF files (*.pdf)")
                           : format == QLatin1String("csv")  ? tr("CSV files (*.csv)")
                           : format == QLatin1String("xlsx") ? tr("Excel workbooks (*.xlsx)")
                                                             : tr("JSON files (*.json)");
    const QString path = QFileDialog::getSaveFileName(this, windowTitle(), m_path->text(), filter);
    if (!path.isEmpty()) m_path->setText(path);
}

void ReportExportDialog::start() {
    if (isRunning() || m_path->text().trimmed().isEmpty()) return;
    // The markups copy the NEW set: an encrypted one needs its password (the history keeps none).
    if (m_kind == Kind::Markups) {
        const QString newPath = m_input.comparison.newPath;
        bool wrong = !m_newPassword.isEmpty();
        while (markupsNeedPassword(newPath, m_newPassword)) {
            const QString password = JobDialogs::askPassword(this, newPath, false, wrong);
            if (password.isEmpty()) return; // declined: nothing written
            m_newPassword = password;
            wrong = true;
        }
    }
    m_runningPath = m_path->text().trimmed();
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    const std::shared_ptr<std::atomic<bool>> cancel = m_cancel;
    const ReportInput input = m_input;
    const ReportOptions opts = options();
    const QString path = m_runningPath;
    const QString format = m_format->currentData().toString();
    const QPointer<ReportExportDialog> self(this);
    m_progress->setRange(0, 0); // busy until the first step is known
    m_progress->setVisible(true);
    m_status->setText(tr("Writing %1…").arg(QDir::toNativeSeparators(path)));

    if (m_kind == Kind::Report) {
        remember();
        m_watcher.setFuture(QtConcurrent::run(backgroundPool(), [self, input, opts, path, cancel] {
            QString error;
            const auto progress = [self](int done, int total) {
                // Queued to the dialog's thread; dropped if the dialog is gone.
                QMetaObject::invokeMethod(
                    self.data(),
                    [self, done, total] {
                        if (self) self->onProgress(done, total);
                    },
                    Qt::QueuedConnection);
            };
            return writeReport(input, opts, path, progress, cancel.get(), &error) ? QString() : error;
        }));
    } else {
        const QList<int> pages = opts.scope == ReportOptions::Scope::AllSheets ? QList<int>() : [&] {
            QList<int> list;
            for (const PageResult &p : input.comparison.pages)
                if (isReported(p, opts)) list.append(p.pageNumber);
            return list;
        }();
        const Kind kind = m_kind;
        MarkupOptions markups;
        markups.pages = pages;
        markups.newPassword = m_newPassword;
        m_watcher.setFuture(QtConcurrent::run(backgroundPool(), [input, path, format, kind, markups] {
            QString error;
            const QList<int> &pages = markups.pages;
            const bool ok = kind == Kind::Markups            ? writeMarkups(input, path, &error, markups)
                            : format == QLatin1String("csv") ? writeChangeListCsv(input, path, &error, pages)
                            : format == QLatin1String("xlsx")
                                ? writeChangeListXlsx(input, path, &error, pages)
                                : writeChangeListJson(input, path, &error, pages);
            return ok ? QString() : error;
        }));
    }
    updateButtons();
}

void ReportExportDialog::cancel() {
    if (!isRunning()) return;
    m_cancel->store(true);
    m_status->setText(tr("Cancelling…"));
}

void ReportExportDialog::reject() {
    if (isRunning()) {
        cancel();
        return;
    }
    QDialog::reject();
}

void ReportExportDialog::onProgress(int done, int total) {
    if (!isRunning()) return;
    m_progress->setRange(0, total);
    m_progress->setValue(done);
    m_status->setText(done == 0 ? tr("Writing the cover…")
                                : tr("Wrote %1 of %2 parts of %3")
                                      .arg(done)
                                      .arg(total)
                                      .arg(QDir::toNativeSeparators(m_runningPath)));
}

void ReportExportDialog::onFinished() {
    const QString error = m_watcher.result();
    const bool cancelled = m_cancel->load();
    const bool ok = error.isEmpty() && !cancelled;
    m_progress->setRange(0, 1);
    m_progress->setValue(ok ? 1 : 0);
    const QString message = ok          ? tr("Written to %1").arg(QDir::toNativeSeparators(m_runningPath))
                            : cancelled ? tr("Cancelled: nothing was written.")
                                        : error;
    m_status->setText(message);
    updateButtons();
    emit exportFinished(ok, message);
}

void ReportExportDialog::updateButtons() {
    const bool running = isRunning();
    m_export->setEnabled(!running && !m_path->text().trimmed().isEmpty());
    m_buttons->button(QDialogButtonBox::Close)->setText(running ? tr("Cancel") : tr("Close"));
    for (QWidget *w :
         {static_cast<QWidget *>(m_title), static_cast<QWidget *>(m_dpi), static_cast<QWidget *>(m_format),
          static_cast<QWidget *>(m_path), static_cast<QWidget *>(m_browse), static_cast<QWidget *>(m_all),
          static_cast<QWidget *>(m_changed), static_cast<QWidget *>(m_coverBox),
          static_cast<QWidget *>(m_paper), static_cast<QWidget *>(m_rejected),
          static_cast<QWidget *>(m_reviewedOnly)})
        w->setEnabled(!running && (w != m_title || m_kind == Kind::Report));
    m_selection->setEnabled(!running && !m_selected.isEmpty());
}

bool ReportExportDialog::exportJob(const JobStore &store, const QString &jobId,
                                   const QList<int> &selectedPages, Kind kind, QWidget *parent,
                                   QString *message) {
    std::optional<ReportInput> input = ReportInput::fromStore(store, jobId);
    if (!input) return false;
    input->colours = GuiSettings::load().overlayColours(); // the window's, as the viewer shows them
    ReportExportDialog dialog(*input, selectedPages, parent, kind);
    dialog.setCoverDefaults(withProjectDefaults(ReportOptions(), store, jobId));
    dialog.setObjectName(kind == Kind::Report    ? QStringLiteral("exportReportDialog")
                         : kind == Kind::Markups ? QStringLiteral("exportMarkupsDialog")
                                                 : QStringLiteral("exportChangesDialog"));
    connect(&dialog, &ReportExportDialog::exportFinished, &dialog, [message](bool ok, const QString &text) {
        if (ok && message) *message = text;
    });
    dialog.exec();
    return true;
}

} // namespace bt::ui
