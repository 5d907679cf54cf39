#pragma once

#include "store/jobstore.h"

#include <QCoreApplication>
#include <QString>

class QWidget;

namespace bt::ui {

// The questions and problems of a job, asked in modal dialogs over the window (the controller
// signals them; the window answers with these).
class JobDialogs {
    Q_DECLARE_TR_FUNCTIONS(bt::ui::JobDialogs)
public:
    static QString sideName(bool old); // "OLD" / "NEW"
    // The password of a protected set; empty when the user declined.
    static QString askPassword(QWidget *parent, const QString &path, bool oldSide, bool wrongPassword);
    static void openFailed(QWidget *parent, bool oldSide, const QString &message);
    // Asks whether to start a fresh history in place of the damaged one at path (problem: why it
    // is refused); on yes, moves the damaged file aside and returns where it is kept (empty: no).
    static QString startFreshHistory(QWidget *parent, const QString &path, const QString &problem);
    static bool confirmDelete(QWidget *parent, const JobRecord &job, bool onServer);
};

} // namespace bt::ui
