#include "jobdialogs.h"

#include <QFileInfo>
#include <QInputDialog>
#include <QMessageBox>
#include <QPushButton>

namespace bt::ui {

QString JobDialogs::sideName(bool old) {
    return old ? tr("OLD") : tr("NEW");
}

QString JobDialogs::askPassword(QWidget *parent, const QString &path, bool oldSide, bool wrongPassword) {
    const QString name = QFileInfo(path).fileName();
    QInputDialog dialog(parent);
    dialog.setObjectName(QStringLiteral("passwordDialog"));
    dialog.setWindowTitle(tr("Password Required"));
    dialog.setLabelText(wrongPassword
                            ? tr("Wrong password for %1. Try again:").arg(name)
                            : tr("%1 (%2) is password protected. Password:").arg(name, sideName(oldSide)));
    dialog.setTextEchoMode(QLineEdit::Password);
    return dialog.exec() == QDialog::Accepted ? dialog.textValue() : QString();
}

void JobDialogs::openFailed(QWidget *parent, bool oldSide, const QString &message) {
    QMessageBox box(QMessageBox::Warning, tr("Cannot Compare"),
                    tr("The %1 revision cannot be opened.").arg(sideName(oldSide)), QMessageBox::Ok, parent);
    box.setInformativeText(message);
    box.setObjectName(QStringLiteral("loadErrorBox"));
    box.exec();
}

QString JobDialogs::startFreshHistory(QWidget *parent, const QString &path, const QString &problem) {
    QMessageBox box(QMessageBox::Warning, tr("History Damaged"), problem, QMessageBox::Cancel, parent);
    box.setInformativeText(tr("Nothing more is written to it. Start a fresh history? The damaged file "
                              "is kept beside it as %1.damaged-DATE-TIME.")
                               .arg(QFileInfo(path).fileName()));
    QPushButton *fresh = box.addButton(tr("Start a Fresh History"), QMessageBox::AcceptRole);
    box.setDefaultButton(fresh);
    box.exec();
    if (box.clickedButton() != fresh) return {};
    QString error;
    const QString kept = JobStore::moveAside(path, &error);
    if (kept.isEmpty()) QMessageBox::warning(parent, tr("History Unavailable"), error);
    return kept;
}

bool JobDialogs::confirmDelete(QWidget *parent, const JobRecord &job, bool onServer) {
    QMessageBox box(QMessageBox::Question, tr("Delete Comparison"),
                    tr("Delete the comparison of %1 with %2 and its overlays from the history?")
                        .arg(QFileInfo(job.oldFile).fileName(), QFileInfo(job.newFile).fileName()),
                    QMessageBox::Yes | QMessageBox::No, parent);
    box.setObjectName(QStringLiteral("deleteJobBox"));
    box.setInformativeText(onServer ? tr("It is deleted on the job server too, for the whole team. "
                                         "The drawing files themselves are not touched.")
                           : !job.remoteJobId.isEmpty()
                               ? tr("The copy on the job server stays for the team. The drawing files "
                                    "themselves are not touched.")
                               : tr("The drawing files themselves are not touched."));
    box.setDefaultButton(QMessageBox::No);
    return box.exec() == QMessageBox::Yes;
}

} // namespace bt::ui
