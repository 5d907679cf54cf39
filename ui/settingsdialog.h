#pragma once

#include "guisettings.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QToolButton;

namespace bt::ui {

// Comparison, history and interface settings. The caller reads settings() after exec() and saves them.
class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(const GuiSettings &settings, QWidget *parent = nullptr);

    GuiSettings settings() const;
    // The history cannot move while a job writes to it.
    void setDatabaseEditable(bool editable);

private:
    void setValues(const GuiSettings &settings);
    void browseDatabase();
    void updateAiFields();

    QDoubleSpinBox *m_dpi;
    QDoubleSpinBox *m_tolerance;
    QComboBox *m_colours;
    QComboBox *m_mode;
    QSpinBox *m_diffConcurrency;
    QLineEdit *m_database;
    QToolButton *m_browseDatabase;
    QLabel *m_databaseNote;
    QComboBox *m_language;
    QLineEdit *m_serverUrl;
    QLineEdit *m_serverToken;
    QLineEdit *m_reviewerName;
    QGroupBox *m_aiGroup;
    QCheckBox *m_aiEnabled;
    QLineEdit *m_aiEndpoint;
    QLineEdit *m_aiModel;
    QLineEdit *m_aiKey;
    QSpinBox *m_aiTimeout;
    QLabel *m_aiNote;
    QLabel *m_keyringWarning; // shown where the secrets fall back to the settings file
    QDialogButtonBox *m_buttons;
};

} // namespace bt::ui
