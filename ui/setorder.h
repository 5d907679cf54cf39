#pragma once

#include "sheet/setrevision.h"

#include <QDialog>
#include <QObject>
#include <QString>

class QPushButton;

namespace bt::ui {

// One dropped set as the "which is newer" question shows it.
struct SetCandidate {
    QString path;
    SetRevision revision;
};

// Asks which of two sets is the newer one when their title blocks cannot tell. `older` is the
// one with the older file date: the other is the default answer (file dates only suggest).
class NewerSetDialog : public QDialog {
    Q_OBJECT
public:
    NewerSetDialog(const SetCandidate &older, const SetCandidate &newer, QWidget *parent);
    // The set chosen as NEW (after exec()); the default answer until a button is pressed.
    QString newerPath() const { return m_newerPath; }
    QPushButton *button(int index) const { return index == 0 ? m_first : m_second; }

private:
    QString m_newerPath;
    QPushButton *m_first = nullptr;  // "<older by date> is newer"
    QPushButton *m_second = nullptr; // "<newer by date> is newer" (default)
};

// Decides OLD and NEW of two dropped sets from their title blocks, read off the GUI thread;
// asks with NewerSetDialog when they cannot tell. Emits decided() once per resolve().
class SetOrderResolver : public QObject {
    Q_OBJECT
public:
    explicit SetOrderResolver(QWidget *window);
    // olderByDate, newerByDate: the two sets in file-date order.
    void resolve(const QString &olderByDate, const QString &newerByDate);
    // "revision 2", "issued 2025-02-14" or "no revision found", for messages.
    static QString describe(const SetRevision &revision);

signals:
    // message: how it was decided, for the status bar.
    void decided(const QString &oldPath, const QString &newPath, const QString &message);

private:
    void onRead(const SetCandidate &a, const SetCandidate &b);

    QWidget *m_window;
    int m_generation = 0; // a newer resolve() makes older results stale
};

} // namespace bt::ui
