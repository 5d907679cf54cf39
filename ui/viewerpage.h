#pragma once

#include "jobcontroller.h"

#include <QWidget>

class QAction;
class QLabel;
class QToolButton;

namespace bt::ui {

class AlignByPointsTool;
class OverlayViewer;

// The viewer's page: back to the cards, the sheet's title, previous / next sheet, and the
// overlay viewer on one sheet of the controller's current job. A sheet opened before its diff
// was done shows its overlay as soon as the diff arrives (locally or from the job server).
class ViewerPage : public QWidget {
    Q_OBJECT
public:
    // back, previous, next: the window's actions; the buttons show their icon texts.
    ViewerPage(JobController *controller, QAction *back, QAction *previous, QAction *next,
               QWidget *parent = nullptr);

    OverlayViewer *viewer() const { return m_viewer; }
    int pageNumber() const { return m_pageNumber; } // the sheet shown (0: none yet)
    bool isCurrent() const;                         // the page the window shows

    // Shows the sheet (call once the page is current: the viewer fits it to the size it has).
    void showPage(const PageResult &page, int sheetCount, const QString &title);
    void clear();
    void waitForDiff() { m_waitsForDiff = true; } // the sheet's new diff replaces what is shown
    // Align by points (alignbypoints.h): the button that starts it, the picking strip.
    QToolButton *alignByPointsButton() const { return m_alignButton; }
    AlignByPointsTool *alignByPointsTool() const { return m_alignTool; }

private:
    void reshow(const PageResult &page);
    void onPageUpdated(const PageResult &page);
    void updateAlignControls();

    JobController *m_controller;
    QLabel *m_title;
    OverlayViewer *m_viewer;
    QToolButton *m_alignButton;
    QLabel *m_alignedByPoints; // "Aligned by points" on a sheet the user aligned
    AlignByPointsTool *m_alignTool;
    PageResult m_page; // the sheet shown, as last told
    int m_pageNumber = 0;
    bool m_waitsForDiff = false;
};

} // namespace bt::ui
