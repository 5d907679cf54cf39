#include "projectswitcher.h"

#include "jobcontroller.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace bt::ui {

ProjectDialog::ProjectDialog(const ProjectRecord &project, const QString &title, QWidget *parent)
    : QDialog(parent)
    , m_project(project)
    , m_name(new QLineEdit(project.name, this))
    , m_number(new QLineEdit(project.number, this))
    , m_client(new QLineEdit(project.client, this))
    , m_logo(new QLineEdit(project.logoPath, this)) {
    setWindowTitle(title);
    setObjectName(QStringLiteral("projectDialog"));
    m_name->setObjectName(QStringLiteral("projectName"));
    m_number->setObjectName(QStringLiteral("projectNumber"));
    m_client->setObjectName(QStringLiteral("projectClient"));
    m_logo->setObjectName(QStringLiteral("projectLogo"));
    m_logo->setPlaceholderText(tr("Optional: an image for the report cover"));
    auto *browse = new QPushButton(tr("&Browse…"), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("Project Logo"), m_logo->text(),
                                                          tr("Images (*.png *.jpg *.jpeg *.svg)"));
        if (!file.isEmpty()) m_logo->setText(file);
    });
    auto *logoRow = new QHBoxLayout;
    logoRow->addWidget(m_logo, 1);
    logoRow->addWidget(browse);
    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("N&umber:"), m_number);
    form->addRow(tr("&Client:"), m_client);
    form->addRow(tr("&Logo:"), logoRow);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto updateOk = [this, buttons] {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_name->text().trimmed().isEmpty());
    };
    connect(m_name, &QLineEdit::textChanged, this, updateOk);
    updateOk();
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    setMinimumWidth(420);
}

ProjectRecord ProjectDialog::project() const {
    ProjectRecord p = m_project;
    p.name = m_name->text().trimmed();
    p.number = m_number->text().trimmed();
    p.client = m_client->text().trimmed();
    p.logoPath = m_logo->text().trimmed();
    return p;
}

ProjectSwitcher::ProjectSwitcher(JobController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_combo(new QComboBox(this))
    , m_details(new QLabel(this))
    , m_menu(new QMenu(tr("&Project"), this))
    , m_newAction(new QAction(tr("&New Project…"), this))
    , m_editAction(new QAction(tr("&Edit Project…"), this)) {
    setObjectName(QStringLiteral("projectSwitcher"));
    m_combo->setObjectName(QStringLiteral("projectCombo"));
    m_combo->setAccessibleName(tr("Current project"));
    m_combo->setToolTip(tr("The project new comparisons go into; the history, sheet history and ignore "
                           "areas are kept per project"));
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_combo->setMinimumContentsLength(18);
    m_details->setObjectName(QStringLiteral("projectDetails"));
    m_details->setTextFormat(Qt::PlainText);
    m_details->setForegroundRole(QPalette::PlaceholderText);
    m_menu->setObjectName(QStringLiteral("projectMenu"));
    m_newAction->setObjectName(QStringLiteral("newProjectAction"));
    m_editAction->setObjectName(QStringLiteral("editProjectAction"));
    m_newAction->setToolTip(
        tr("Start a project: its comparisons, sheet history and ignore areas are its own"));
    m_editAction->setToolTip(tr("Rename the current project or change its number, client and logo"));
    m_menu->addAction(m_newAction);
    m_menu->addAction(m_editAction);

    auto *label = new QLabel(tr("Pro&ject:"), this);
    label->setBuddy(m_combo);
    auto *newButton = new QToolButton(this);
    newButton->setDefaultAction(m_newAction);
    newButton->setText(tr("New…"));
    auto *editButton = new QToolButton(this);
    editButton->setDefaultAction(m_editAction);
    editButton->setText(tr("Edit…"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label);
    layout->addWidget(m_combo);
    layout->addWidget(newButton);
    layout->addWidget(editButton);
    layout->addWidget(m_details, 1);

    connect(m_newAction, &QAction::triggered, this, &ProjectSwitcher::newProject);
    connect(m_editAction, &QAction::triggered, this, &ProjectSwitcher::editProject);
    connect(m_combo, qOverload<int>(&QComboBox::activated), this,
            [this](int index) { switchTo(m_combo->itemData(index).toLongLong()); });
    connect(m_controller, &JobController::projectsChanged, this, &ProjectSwitcher::refresh);
    connect(m_controller, &JobController::historyChanged, this, &ProjectSwitcher::refresh); // job counts
    refresh();
}

void ProjectSwitcher::switchTo(qint64 projectId) {
    if (m_refreshing) return;
    // A switch refreshes through projectsChanged; a refused one puts the current project back.
    if (!m_controller->setCurrentProject(projectId)) refresh();
}

void ProjectSwitcher::refresh() {
    m_refreshing = true;
    const QVector<ProjectRecord> projects = m_controller->projects();
    const qint64 current = m_controller->currentProjectId();
    m_combo->clear();
    for (const ProjectRecord &p : projects) {
        m_combo->addItem(p.name, p.id);
        m_combo->setItemData(m_combo->count() - 1, tr("%n comparison(s)", nullptr, p.jobCount),
                             Qt::ToolTipRole);
        if (p.id != current) continue;
        m_combo->setCurrentIndex(m_combo->count() - 1);
        QStringList details;
        if (!p.number.isEmpty()) details << tr("No. %1").arg(p.number);
        if (!p.client.isEmpty()) details << p.client;
        m_details->setText(details.join(QStringLiteral(" · ")));
    }
    const bool store = !projects.isEmpty();
    m_combo->setEnabled(store);
    m_newAction->setEnabled(store);
    m_editAction->setEnabled(store);
    m_refreshing = false;
}

void ProjectSwitcher::newProject() {
    ProjectDialog dialog(ProjectRecord{}, tr("New Project"), this);
    while (dialog.exec() == QDialog::Accepted) {
        QString error;
        if (m_controller->addProject(dialog.project(), &error) > 0) return;
        QMessageBox::warning(this, tr("New Project"), tr("The project cannot be added: %1").arg(error));
    }
}

void ProjectSwitcher::editProject() {
    const std::optional<ProjectRecord> current = m_controller->currentProject();
    if (!current) return;
    ProjectDialog dialog(*current, tr("Edit Project"), this);
    while (dialog.exec() == QDialog::Accepted) {
        QString error;
        if (m_controller->updateProject(dialog.project(), &error)) return;
        QMessageBox::warning(this, tr("Edit Project"), tr("The project cannot be changed: %1").arg(error));
    }
}

} // namespace bt::ui
