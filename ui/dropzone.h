#pragma once

#include "document/document.h"

#include <QFrame>
#include <QStringList>

class QLabel;
class QMimeData;

namespace bt::ui {

// One side of the comparison (OLD or NEW): takes a file dragged from a file manager, or opens
// a file dialog on click (or Space). Shows the file name and its sheet count, read off the GUI
// thread, or what is wrong with the file.
class DropZone : public QFrame {
    Q_OBJECT
public:
    enum class Side { Old, New };

    explicit DropZone(Side side, QWidget *parent = nullptr);

    Side side() const { return m_side; }
    QString path() const { return m_path; }
    void setPath(const QString &path);
    void clear();

    // Known once inspected() was emitted for the current path.
    bool isInspected() const { return m_inspected; }
    int pageCount() const { return m_pageCount; } // -1: unknown or unreadable
    LoadError loadError() const { return m_error; }
    QString problem() const { return m_problem; } // one line, empty when the file is usable

    void setRecentFiles(const QStringList &paths) { m_recentFiles = paths; }
    QStringList recentFiles() const { return m_recentFiles; } // offered by the zone's context menu
    void browse();

    // Existing local files among the URLs of a drag.
    static QStringList droppedFiles(const QMimeData *mime);
    // Two files dropped together, OLD first: the older (modification time, then name; "rev 9"
    // before "rev 10").
    static QStringList orderedByAge(const QStringList &paths);

signals:
    void pathChanged(const QString &path);
    // Several files dropped at once: the window decides which is OLD and which NEW.
    void filesDropped(const QStringList &paths);
    void inspected();

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dragLeaveEvent(QDragLeaveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    struct Inspection {
        int pageCount = -1;
        LoadError error = LoadError::None;
        QString message;
    };

    void setHighlighted(bool on);
    void updateText();
    void onInspected(const QString &path, const Inspection &result);

    Side m_side;
    QString m_path;
    bool m_inspected = false;
    int m_pageCount = -1;
    LoadError m_error = LoadError::None;
    QString m_problem;
    QStringList m_recentFiles;
    QLabel *m_title;
    QLabel *m_file;
    QLabel *m_detail;
};

} // namespace bt::ui
