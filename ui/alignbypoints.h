#pragma once

#include "compare/pageresult.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;

namespace bt::ui {

class OverlayViewer;
class PointMarkers;
class SheetView;

// "Align by points" (as Bluebeam's): where the automatic alignment failed, the user clicks a
// feature on the old sheet, the same feature on the new one, and again for a second feature far
// from the first. The viewer shows Old and New side by side meanwhile; the picks are marked and
// numbered on both. Apply hands the point pairs (each page's points) on; the similarity they
// define replaces the sheet's alignment when it is compared again.
//
// This is the strip shown above the viewer while picking (instructions, Undo, Apply, Cancel);
// it watches the viewer's sheet views for clicks (a drag still pans).
class AlignByPointsTool : public QWidget {
    Q_OBJECT
public:
    explicit AlignByPointsTool(OverlayViewer *viewer, QWidget *parent = nullptr);

    // Starts picking on the sheet (a compared pair); false for any other.
    bool start(const PageResult &page);
    void cancel();
    bool isActive() const { return m_active; }
    int pageNumber() const { return m_page.pageNumber; }
    // The picks so far, in each page's points (OLD page, NEW page).
    PointPairs points() const { return m_points; }
    bool canApply() const;
    void apply();
    void undo();
    // A click at a frame pixel (NEW page pixels, the views' frame) on the old or new view.
    void pick(bool oldSide, const QPointF &framePx);
    QString instructionText() const;

    // The sheet's OLD page point shown at a frame pixel of the Old view (which shows OLD warped
    // by the sheet's alignment), and NEW page point at a frame pixel.
    static QPointF oldPointAt(const PageResult &page, const QPointF &framePx);
    static QPointF newPointAt(const PageResult &page, const QPointF &framePx);
    static QPointF framePxOfOld(const PageResult &page, const QPointF &oldPt);
    static QPointF framePxOfNew(const PageResult &page, const QPointF &newPt);

signals:
    void applied(int pageNumber, const bt::PointPairs &points);
    void activeChanged(bool active);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void refresh();

    OverlayViewer *m_viewer;
    QPointer<SheetView> m_oldView, m_newView;
    PointMarkers *m_oldMarkers = nullptr;
    PointMarkers *m_newMarkers = nullptr;
    QLabel *m_text;
    QPushButton *m_undo;
    QPushButton *m_apply;
    QPushButton *m_cancel;
    PageResult m_page;
    PointPairs m_points;
    bool m_active = false;
    QPointF m_pressPos;
    int m_previousMode = 0;
};

} // namespace bt::ui
