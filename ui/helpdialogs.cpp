#include "helpdialogs.h"

#include <QAction>
#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QHeaderView>
#include <QMap>
#include <QMessageBox>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace bt::ui {

namespace {

QDialog *helpDialog(QWidget *window, const QString &title, QWidget *content, QSize size) {
    auto *dialog = new QDialog(window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(title);
    content->setParent(dialog);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(content);
    layout->addWidget(buttons);
    dialog->resize(size);
    return dialog;
}

} // namespace

void showKeyboardShortcuts(QWidget *window) {
    // Text without mnemonics and ellipses -> shortcuts; one row per action text.
    QMap<QString, QStringList> rows;
    for (const QAction *a : window->findChildren<QAction *>()) {
        if (a->shortcuts().isEmpty() || a->text().isEmpty()) continue;
        QString text = a->text();
        text.remove(QLatin1Char('&')).remove(QStringLiteral("…")).remove(QStringLiteral("..."));
        QStringList &keys = rows[text.trimmed()];
        for (const QKeySequence &k : a->shortcuts()) {
            const QString key = k.toString(QKeySequence::NativeText);
            if (!keys.contains(key)) keys << key;
        }
    }
    auto *table = new QTableWidget(int(rows.size()), 2);
    table->setObjectName(QStringLiteral("shortcutTable"));
    table->setHorizontalHeaderLabels({QCoreApplication::translate("bt::ui::Help", "Command"),
                                      QCoreApplication::translate("bt::ui::Help", "Shortcut")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    int row = 0;
    for (auto it = rows.cbegin(); it != rows.cend(); ++it, ++row) {
        table->setItem(row, 0, new QTableWidgetItem(it.key()));
        table->setItem(row, 1, new QTableWidgetItem(it.value().join(QStringLiteral(", "))));
    }
    QDialog *dialog = helpDialog(window, QCoreApplication::translate("bt::ui::Help", "Keyboard Shortcuts"),
                                 table, QSize(520, 640));
    dialog->setObjectName(QStringLiteral("shortcutsDialog"));
    dialog->show();
}

void showAbout(QWidget *window) {
    QMessageBox::about(window, QCoreApplication::translate("bt::ui::Help", "About BuildTrace"),
                       QCoreApplication::translate(
                           "bt::ui::Help", "<p><b>BuildTrace %1</b></p><p>Compares two revisions of a "
                                           "construction drawing set sheet by sheet. Everything runs on "
                                           "this computer.</p>")
                           .arg(QCoreApplication::applicationVersion().toHtmlEscaped()));
}

QString userGuideMarkdown() {
    QFile readme(QStringLiteral(":/guide/README.md"));
    if (!readme.open(QIODevice::ReadOnly)) return {};
    const QString text = QString::fromUtf8(readme.readAll());
    const int start = text.indexOf(QStringLiteral("\n## User guide"));
    if (start < 0) return {};
    const int end = text.indexOf(QStringLiteral("\n## "), start + 1);
    return text.mid(start + 1, end < 0 ? -1 : end - start - 1);
}

void showUserGuide(QWidget *window) {
    auto *browser = new QTextBrowser;
    browser->setObjectName(QStringLiteral("userGuide"));
    browser->setOpenExternalLinks(true);
    browser->setSearchPaths({QStringLiteral(":/guide")}); // docs/images/… as the README has them
    browser->setMarkdown(userGuideMarkdown());
    QDialog *dialog = helpDialog(window, QCoreApplication::translate("bt::ui::Help", "BuildTrace User Guide"),
                                 browser, QSize(900, 800));
    dialog->setObjectName(QStringLiteral("userGuideDialog"));
    dialog->show();
}

} // namespace bt::ui
