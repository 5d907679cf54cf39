#include "settingsdialog.h"

#include "compare/settingsvalidation.h"
#include "guiapplication.h"
#include "review/regionreview.h"
#include "secretstore.h"
#include "store/jobstore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
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
    , m_serverToken(new QLineEdit(this))
    , m_reviewerName(new QLineEdit(this))
    , m_aiGroup(new QGroupBox(tr("AI summary (optional)"), this))
    , m_aiEnabled(new QCheckBox(tr("Re&write sheet summaries with an AI model"), m_aiGroup))
    , m_aiEndpoint(new QLineEdit(m_aiGroup))
    , m_aiModel(new QLineEdit(m_aiGroup))
    , m_aiKey(new QLineEdit(m_aiGroup))
    , m_aiTimeout(new QSpinBox(m_aiGroup))
    , m_aiNote(new QLabel(m_aiGroup))
    , m_keyringWarning(new QLabel(this))
    , m_buttons(new QDialogButtonBox(
          QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults, this)) {
    setWindowTitle(tr("Settings"));

    // Same ranges as the command line's --dpi and --tolerance (settingsvalidation.h).
    m_dpi->setRange(settingRange(QStringLiteral("dpi")).lo, settingRange(QStringLiteral("dpi")).hi);
    m_dpi->setDecimals(0);
    m_dpi->setSingleStep(10);
    m_dpi->setSuffix(tr(" dpi"));
    m_dpi->setToolTip(tr("Render resolution. Higher finds smaller changes but takes longer and needs more "
                         "memory (220 dpi: about 0.5 GB per sheet being compared)."));
    m_tolerance->setRange(settingRange(QStringLiteral("tolerance_pt")).lo,
                          settingRange(QStringLiteral("tolerance_pt")).hi);
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
    m_reviewerName->setObjectName(QStringLiteral("reviewerNameEdit"));
    m_reviewerName->setPlaceholderText(systemUserName()); // empty: the user name of the system
    m_reviewerName->setToolTip(
        tr("Shown with your reviews and comments, also to the team on the job server."));
    auto *serverNote =
        new QLabel(tr("Comparisons can run on the server and the team's comparisons appear in the history. "
                      "Without a connection everything keeps working here and waits to be sent."),
                   this);
    serverNote->setWordWrap(true);
    serverNote->setForegroundRole(QPalette::PlaceholderText);
    // Only where the secrets cannot go into a keyring (secretstore.h): a warning, not a hint.
    m_keyringWarning->setObjectName(QStringLiteral("keyringWarning"));
    m_keyringWarning->setWordWrap(true);
    m_keyringWarning->setText(
        tr("No keyring on this computer (Secret Service, KWallet): the access token and the AI key are "
           "stored in the settings file, readable by your user account only."));
    m_keyringWarning->setVisible(!secretStore().keyringAvailable());
    // The AI provider: an OpenAI-compatible chat-completions endpoint, e.g. a local model server.
    m_aiGroup->setObjectName(QStringLiteral("aiSummaryGroup"));
    m_aiEnabled->setObjectName(QStringLiteral("aiEnabled"));
    m_aiEnabled->setToolTip(tr("Each changed sheet's summary is rewritten by the model from the list of "
                               "changes. If it fails or takes too long, the usual summary is kept."));
    m_aiEndpoint->setObjectName(QStringLiteral("aiEndpoint"));
    m_aiEndpoint->setPlaceholderText(QStringLiteral("http://localhost:8080/v1"));
    m_aiEndpoint->setToolTip(tr("Base URL of an OpenAI-compatible server (…/v1) or its full "
                                "…/chat/completions URL."));
    m_aiEndpoint->setClearButtonEnabled(true);
    m_aiModel->setObjectName(QStringLiteral("aiModel"));
    m_aiKey->setObjectName(QStringLiteral("aiKey"));
    m_aiKey->setEchoMode(QLineEdit::Password);
    m_aiKey->setPlaceholderText(tr("None"));
    m_aiKey->setToolTip(tr("Sent as a bearer token."));
    m_aiTimeout->setObjectName(QStringLiteral("aiTimeout"));
    m_aiTimeout->setRange(1, 600);
    m_aiTimeout->setSuffix(tr(" s"));
    m_aiTimeout->setToolTip(tr("How long to wait for each sheet's rewrite."));
    m_aiNote->setWordWrap(true);
    m_aiNote->setForegroundRole(QPalette::PlaceholderText);
    auto *aiForm = new QFormLayout(m_aiGroup);
    aiForm->addRow(m_aiEnabled);
    aiForm->addRow(tr("&Endpoint:"), m_aiEndpoint);
    aiForm->addRow(tr("Mo&del:"), m_aiModel);
    aiForm->addRow(tr("API ke&y:"), m_aiKey);
    aiForm->addRow(tr("T&imeout:"), m_aiTimeout);
    aiForm->addRow(m_aiNote);
    connect(m_aiEnabled, &QCheckBox::toggled, this, &SettingsDialog::updateAiFields);
    connect(m_aiEndpoint, &QLineEdit::textChanged, this, &SettingsDialog::updateAiFields);

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
    form->addRow(tr("Your &name:"), m_reviewerName);
    form->addRow(QString(), serverNote);
    form->addRow(QString(), m_keyringWarning);
    form->addRow(m_aiGroup);
    // The label's mnemonic should land in the line edit, not in its container.
    if (auto *label = qobject_cast<QLabel *>(form->labelForField(databaseRow))) label->setBuddy(m_database);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this, [this] {
        GuiSettings defaults;
        defaults.databasePath = m_database->text(); // where the history lives is not a preference to reset
        defaults.language = m_language->currentData().toString(); // nor the language one reads
        defaults.serverUrl = m_serverUrl->text().trimmed();       // nor the team's server
        defaults.serverToken = m_serverToken->text();
        defaults.reviewerName = m_reviewerName->text().trimmed(); // nor who one is
        // The provider goes off (the default), but its address and key need not be typed again.
        const GuiSettings current = this->settings(); // not the constructor argument
        defaults.aiSummary.endpoint = current.aiSummary.endpoint;
        defaults.aiSummary.model = current.aiSummary.model;
        defaults.aiSummary.apiKey = current.aiSummary.apiKey;
        setValues(defaults);
    });
    connect(m_browseDatabase, &QToolButton::clicked, this, &SettingsDialog::browseDatabase);

    form->addRow(m_buttons);

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
    m_reviewerName->setText(settings.reviewerName);
    m_aiEnabled->setChecked(settings.aiSummary.enabled);
    m_aiEndpoint->setText(settings.aiSummary.endpoint.toString());
    m_aiModel->setText(settings.aiSummary.model);
    m_aiKey->setText(settings.aiSummary.apiKey);
    m_aiTimeout->setValue(qBound(1, (settings.aiSummary.timeoutMs + 500) / 1000, 600));
    updateAiFields();
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
    s.reviewerName = m_reviewerName->text().trimmed();
    s.aiSummary.enabled = m_aiEnabled->isChecked();
    s.aiSummary.endpoint = QUrl(m_aiEndpoint->text().trimmed());
    s.aiSummary.model = m_aiModel->text().trimmed();
    s.aiSummary.apiKey = m_aiKey->text().trimmed();
    s.aiSummary.timeoutMs = m_aiTimeout->value() * 1000;
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

void SettingsDialog::updateAiFields() {
    const bool on = m_aiEnabled->isChecked();
    for (QWidget *w : {static_cast<QWidget *>(m_aiEndpoint), static_cast<QWidget *>(m_aiModel),
                       static_cast<QWidget *>(m_aiKey), static_cast<QWidget *>(m_aiTimeout)})
        w->setEnabled(on);
    const QUrl url(m_aiEndpoint->text().trimmed());
    const bool valid = url.isValid() && !url.host().isEmpty() &&
                       (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"));
    // Turned on without a usable address, the provider would fail on every sheet: say so instead.
    const bool blocked = on && !valid;
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!blocked);
    m_aiNote->setText(blocked ? tr("Enter the endpoint's http:// or https:// address, or turn the AI "
                                   "summary off.")
                              : tr("Only the list of changes and the summary text are sent, never the "
                                   "drawings."));
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
