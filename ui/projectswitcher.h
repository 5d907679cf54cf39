#pragma once

#include "store/projectstore.h"

#include <QDialog>
#include <QWidget>

#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;

namespace bt::ui {

class JobController;

// Name, number, client and logo of a project (New Project…, Edit Project…).
class ProjectDialog : public QDialog {
    Q_OBJECT
public:
    ProjectDialog(const ProjectRecord &project, const QString &title, QWidget *parent = nullptr);
    ProjectRecord project() const; // the dialog's values over the given project's id

private:
    ProjectRecord m_project;
    QLineEdit *m_name;
    QLineEdit *m_number;
    QLineEdit *m_client;
    QLineEdit *m_logo;
};

// The current project, above the window's pages: new comparisons go into it. A combo box switches
// it; New… and Edit… (also in the Project menu) add one or rename it and change its details. The controller
// keeps the current project.
class ProjectSwitcher : public QWidget {
    Q_OBJECT
public:
    explicit ProjectSwitcher(JobController *controller, QWidget *parent = nullptr);

    QComboBox *combo() const { return m_combo; }
    QMenu *menu() const { return m_menu; } // "&Project"
    QAction *newAction() const { return m_newAction; }
    QAction *editAction() const { return m_editAction; }

    void newProject();  // asks for the details, adds it and makes it current
    void editProject(); // the current project's details (its name too)

private:
    void refresh(); // the list and the current one, from the controller
    void switchTo(qint64 projectId);

    JobController *m_controller;
    QComboBox *m_combo;
    QLabel *m_details;
    QMenu *m_menu;
    QAction *m_newAction;
    QAction *m_editAction;
    bool m_refreshing = false;
};

} // namespace bt::ui
