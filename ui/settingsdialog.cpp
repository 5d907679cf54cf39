#include "settingsdialog.h"

#include "guiapplication.h"
#include "store/jobstore.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QToolButton>

namespace bt::ui {

SettingsDialog::SettingsDialog(const GuiSettings &settings, QWidget *parent)
    : QDialog(parent)
    , m_dpi(new QDoubleSpinBox(this))
    , m_tolerance(new QDoubleSpinBox(this))
    , m_colours(new QComboBox(this))
    , m_mode(new QComboBox(this))
    , m_diffConcurrency(new QSpinBox(this))
    , m_database(new QLineEdit(this))
    , m_browseDatabase(new QToolButton(this))
    , m_databaseNote(new QLabel(this))
    , m_language(new QComboBox(this))
    , m_serverUrl(new QLineEdit(this))
    , m_serverToken(new QLineEdit(this)) {
    setWindowTitle(tr("Settings"));

    // Same ranges as the command line's --dpi and --tolerance.
    m_dpi->setRange(30, 1200);
    m_dpi->setDecimals(0);
    m_dpi->setSingleStep(10);
    m_dpi->setSuffix(tr(" dpi"));
    m_dpi->setToolTip(tr("Render resolution. Higher finds smaller changes but takes longer and needs more "
                         "memory (220 dpi: about 0.5 GB per sheet being compared)."));
    m_tolerance->setRange(0, 20);
    m_tolerance->setDecimals(2);
    m_tolerance->setSingleStep(0.1);
    m_tolerance->setSuffix(tr(" pt"));
    m_tolerance->setToolTip(tr("Ink that moved less than this distance is not a change."));
    m_colours->addItem(tr("Standard (red removed, green added)"), QStringLiteral("standard"));
    m_colours->addItem(tr("Colour-blind safe (vermillion removed, blue added)"),
                       QStringLiteral("colorblind"));
    m_mode->addItem(tr("Streaming: each sheet's results as soon as they are ready"),
                    QVariant::fromValue(int(PipelineMode::Streaming)));
    m_mode->addItem(tr("Batch: every sheet finishes a stage before the next stage"),
                    QVariant::fromValue(int(PipelineMode::Batch)));
    m_diffConcurrency->setRange(1, 16);
    m_diffConcurrency->setToolTip(tr("Sheets compared at once. Each needs about 0.5 GB at 220 dpi."));
    m_browseDatabase->setText(tr("Browse…"));
    m_browseDatabase->setAccessibleName(tr("Choose the history database"));
    m_database->setPlaceholderText(QDir::toNativeSeparators(JobStore::defaultPath()));
    m_database->setClearButtonEnabled(true);
    m_databaseNote->setWordWrap(true);
    m_databaseNote->setForegroundRole(QPalette::PlaceholderText);

    m_language->setObjectName(QStringLiteral("languageCombo"));
    m_language->addItem(tr("System"), QString());
    for (const Language &language : availableLanguages())
        m_language->addItem(language.nativeName, language.code);
    auto *languageNote = new QLabel(tr("A new language shows after BuildTrace is restarted."), this);
    languageNote->setWordWrap(true);
    languageNote->setForegroundRole(QPalette::PlaceholderText);

    m_serverUrl->setObjectName(QStringLiteral("serverUrlEdit"));
    m_serverUrl->setPlaceholderText(tr("e.g. http://buildtrace.office:8765"));
    m_serverUrl->setClearButtonEnabled(true);
    m_serverUrl->setToolTip(
        tr("The team's BuildTrace job server. Leave empty to work on this computer only."));
    m_serverToken->setObjectName(QStringLiteral("serverTokenEdit"));
    m_serverToken->setEchoMode(QLineEdit::Password);
    m_serverToken->setToolTip(tr("The access token the server's administrator gave you."));
    auto *serverNote =
        new QLabel(tr("Comparisons can run on the server and the team's comparisons appear in the history. "
                      "Without a connection everything keeps working here and waits to be sent."),
                   this);
    serverNote->setWordWrap(true);
    serverNote->setForegroundRole(QPalette::PlaceholderText);

    auto *databaseRow = new QWidget(this);
    auto *databaseLayout = new QHBoxLayout(databaseRow);
    databaseLayout->setContentsMargins(0, 0, 0, 0);
    databaseLayout->addWidget(m_database, 1);
    databaseLayout->addWidget(m_browseDatabase);

    auto *form = new QFormLayout(this);
    form->addRow(tr("&Resolution:"), m_dpi);
    form->addRow(tr("Change &tolerance:"), m_tolerance);
    form->addRow(tr("Overlay &colours:"), m_colours);
    form->addRow(tr("&Mode:"), m_mode);
    form->addRow(tr("Sheets compared at &once:"), m_diffConcurrency);
    form->addRow(tr("&History database:"), databaseRow);
    form->addRow(QString(), m_databaseNote);
    form->addRow(tr("&Language:"), m_language);
    form->addRow(QString(), languageNote);
    form->addRow(tr("Job &server:"), m_serverUrl);
    form->addRow(tr("Access to&ken:"), m_serverToken);
    form->addRow(QString(), serverNote);
    // The label's mnemonic should land in the line edit, not in its container.
    if (auto *label = qobject_cast<QLabel *>(form->labelForField(databaseRow))) label->setBuddy(m_database);

    auto *buttons = new QDialogButtonBox(
        QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this, [this] {
        GuiSettings defaults;
        defaults.databasePath = m_database->text(); // where the history lives is not a preference to reset
        defaults.language = m_language->currentData().toString(); // nor the language one reads
        defaults.serverUrl = m_serverUrl->text().trimmed();       // nor the team's server
        defaults.serverToken = m_serverToken->text();
        setValues(defaults);
    });
    connect(m_browseDatabase, &QToolButton::clicked, this, &SettingsDialog::browseDatabase);

    form->addRow(buttons);

    setValues(settings);
    setDatabaseEditable(true);
}

void SettingsDialog::setValues(const GuiSettings &settings) {
    m_dpi->setValue(settings.dpi);
    m_tolerance->setValue(settings.tolerancePt);
    m_colours->setCurrentIndex(qMax(0, m_colours->findData(settings.colourPreset)));
    m_mode->setCurrentIndex(qMax(0, m_mode->findData(int(settings.mode))));
    m_diffConcurrency->setValue(settings.diffConcurrency);
    m_database->setText(QDir::toNativeSeparators(settings.databasePath));
    m_language->setCurrentIndex(qMax(0, m_language->findData(settings.language)));
    m_serverUrl->setText(settings.serverUrl);
    m_serverToken->setText(settings.serverToken);
}

GuiSettings SettingsDialog::settings() const {
    GuiSettings s;
    s.dpi = m_dpi->value();
    s.tolerancePt = m_tolerance->value();
    s.colourPreset = m_colours->currentData().toString();
    s.mode = PipelineMode(m_mode->currentData().toInt());
    s.diffConcurrency = m_diffConcurrency->value();
    s.databasePath = QDir::fromNativeSeparators(m_database->text().trimmed());
    s.language = m_language->currentData().toString();
    s.serverUrl = m_serverUrl->text().trimmed();
    s.serverToken = m_serverToken->text().trimmed();
    return s;
}

void SettingsDialog::setDatabaseEditable(bool editable) {
    const bool fromEnvironment = GuiSettings::databaseFromEnvironment();
    m_database->setEnabled(editable && !fromEnvironment);
    m_browseDatabase->setEnabled(editable && !fromEnvironment);
    if (fromEnvironment)
        m_databaseNote->setText(
            tr("In use: %1 (set by $BUILDTRACE_DB).").arg(QDir::toNativeSeparators(JobStore::defaultPath())));
    else if (!editable)
        m_databaseNote->setText(tr("The history cannot move while a comparison is running."));
    else
        m_databaseNote->setText(tr("Leave empty for the default location."));
}

void SettingsDialog::browseDatabase() {
    const QString current = m_database->text().isEmpty() ? JobStore::defaultPath() : m_database->text();
    // An existing history or a new file: no overwrite question, the store opens what is there.
    const QString path = QFileDialog::getSaveFileName(this, tr("History database"), current,
                                                      tr("SQLite databases (*.sqlite *.db);;All files (*)"),
                                                      nullptr, QFileDialog::DontConfirmOverwrite);
    if (!path.isEmpty()) m_database->setText(QDir::toNativeSeparators(path));
}

} // namespace bt::ui
