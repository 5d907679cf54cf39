#pragma once

#include "jobcontroller.h"
#include "pagecard.h"

#include <QWidget>
#include <optional>

class QAction;
class QButtonGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QToolButton;

namespace bt::ui {

class DropZone;
class PageCardList;
class SheetPairing;
class SheetTable;

// The window's first page: the OLD and NEW drop zones with swap and Compare (and On Server), the
// current job's header, the filters and a card per sheet pair. The cards follow the controller's
// current job: its signals build and update them, a job of the history fills them from the store.
// For big sets the cards can give way to a compact sheet table over the same models; a search box
// and a discipline filter narrow both.
class ComparePage : public QWidget {
    Q_OBJECT
public:
    struct Actions {
        QAction *swap, *compare, *runOnServer;
        QList<QAction *> filters; // all, changed, unchanged, failed (their texts and shortcuts)
    };
    ComparePage(JobController *controller, const Actions &actions, QWidget *parent = nullptr);

    DropZone *oldZone() const { return m_oldZone; }
    DropZone *newZone() const { return m_newZone; }
    PageCardList *cards() const { return m_cards; }
    SheetTable *table() const { return m_table; }
    QLineEdit *searchBox() const { return m_search; }
    QComboBox *disciplineBox() const { return m_discipline; } // item data: Discipline, -1 for all
    QAction *tableAction() const { return m_tableAction; }    // checked: the table, not the cards
    SheetPairing *pairing() const { return m_pairing; }       // Pair With / Unpair on cards and rows
    bool isTableShown() const;
    QList<int> selectedSheets() const; // the table's selected rows when it is shown
    void setFiles(const QString &oldPath, const QString &newPath); // a zone keeps an equal path
    void setRecentFiles(const QStringList &files);                 // the zones' context menus
    // One file dropped outside the zones fills the empty side (NEW when both are set).
    bool takeDroppedFile(const QStringList &files);
    void setReviewProgress(int pageNumber, int reviewed, int total); // the viewer reviewed a change
    void setCompareEnabled(bool local, bool onServer, bool serverSetUp);
    void clickFilter(int filter); // CardFilter

    // No status: no job shown.
    void updateJobHeader(std::optional<JobStatus> status, const QString &summary);
    void updateFilterButtons();
    void updateReviewProgress(int pageNumber = 0); // 0: every card
    QString placeholderFor(const JobRecord &job) const;
    void clearJob(const QString &placeholder);

    // What the controller tells.
    void onJobBeginning();
    void onStartFailed(bool resuming);
    void onSheetsMatched(const QVector<PageResult> &pages, const JobProgress &progress);
    void onPageUpdated(const PageResult &page);
    void onJobFinished(JobStatus status);
    void showStoredJob(const JobController::StoredJob &job);
    void onServerJobUpdated(const JobController::StoredJob &job, const QVector<int> &pages);
    void onConnectionChanged();

signals:
    void compareRequested();
    void pageActivated(int pageNumber); // a card clicked or a table row double-clicked
    void runOnServerRequested();

private:
    void showTable(bool table);
    QWidget *createSearchRow(QWidget *parent);

    JobController *m_controller;
    QList<QAction *> m_filterActions;
    DropZone *m_oldZone;
    DropZone *m_newZone;
    QToolButton *m_swapButton;
    QPushButton *m_compareButton;
    QPushButton *m_serverButton;
    QLabel *m_jobHeader;
    QButtonGroup *m_filters;
    PageCardList *m_cards;
    SheetTable *m_table;
    QLineEdit *m_search = nullptr;
    QComboBox *m_discipline = nullptr;
    QAction *m_tableAction;
    SheetPairing *m_pairing;
};

} // namespace bt::ui
