#pragma once

#include <QObject>
#include <QStringList>
#include <QThreadPool>

namespace bt::ui {

// The recent comparisons (QSettings "recent/comparisons": "old\nnew" each, newest first, at most
// eight). Written off the GUI thread: QSettings writes its file with an fsync.
class RecentFiles : public QObject {
    Q_OBJECT
public:
    explicit RecentFiles(QObject *parent = nullptr); // reads the list
    ~RecentFiles() override;

    QStringList pairs() const { return m_pairs; }
    QStringList files() const; // every file of the pairs once, newest first
    void add(const QString &oldPath, const QString &newPath);
    void clear();

signals:
    void changed();

private:
    void setPairs(const QStringList &pairs);

    QStringList m_pairs;
    QThreadPool m_writer; // QSettings writes, in order
};

} // namespace bt::ui
