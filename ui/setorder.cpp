#include "setorder.h"

#include "document/document.h"
#include "guiapplication.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QLabel>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace bt::ui {

namespace {

SetRevision readRevision(const QString &path) {
    DocumentError error;
    const auto doc = Document::open(path, QString(), &error);
    return doc ? readSetRevision(*doc) : SetRevision();
}

QString modified(const QString &path) {
    return QLocale().toString(QFileInfo(path).lastModified(), QLocale::ShortFormat);
}

} // namespace

NewerSetDialog::NewerSetDialog(const SetCandidate &older, const SetCandidate &newer, QWidget *parent)
    : QDialog(parent)
    , m_newerPath(newer.path) {
    setWindowTitle(tr("Which is the newer set?"));
    setObjectName(QStringLiteral("newerSetDialog"));
    setMinimumWidth(460); // the question reads in a few lines, not a narrow column
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("<p><b>Which is the newer set?</b></p><p>The title blocks do not say "
                                "which of these two sets is the later revision. Choose the set that "
                                "becomes NEW; the other one becomes OLD.</p>"),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto row = [this](const SetCandidate &c) {
        const QString name = QFileInfo(c.path).fileName().toHtmlEscaped();
        auto *label = new QLabel(tr("<b>%1</b><br>File date: %2<br>Title blocks: %3")
                                     .arg(name, modified(c.path).toHtmlEscaped(),
                                          SetOrderResolver::describe(c.revision).toHtmlEscaped()),
                                 this);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        label->setContentsMargins(12, 4, 0, 4);
        return label;
    };
    layout->addWidget(row(older));
    layout->addWidget(row(newer));
    auto *hint = new QLabel(
        tr("Suggested by the file dates: %1 is newer.").arg(QFileInfo(newer.path).fileName()), this);
    hint->setWordWrap(true);
    layout->addWidget(hint);

    auto *buttons = new QDialogButtonBox(this);
    m_second = buttons->addButton(tr("NEW is %1").arg(QFileInfo(newer.path).fileName()),
                                  QDialogButtonBox::AcceptRole);
    m_first = buttons->addButton(tr("NEW is %1").arg(QFileInfo(older.path).fileName()),
                                 QDialogButtonBox::AcceptRole);
    m_second->setDefault(true);
    m_second->setFocus();
    connect(m_first, &QPushButton::clicked, this, [this, older] {
        m_newerPath = older.path;
        accept();
    });
    connect(m_second, &QPushButton::clicked, this, [this, newer] {
        m_newerPath = newer.path;
        accept();
    });
    layout->addWidget(buttons);
}

SetOrderResolver::SetOrderResolver(QWidget *window)
    : QObject(window)
    , m_window(window) {}

QString SetOrderResolver::describe(const SetRevision &revision) {
    QStringList parts;
    if (!revision.field.isEmpty())
        parts << tr("revision %1").arg(revision.field);
    else if (!revision.tableRow.isEmpty())
        parts << tr("revision %1").arg(revision.tableRow);
    if (revision.date.isValid()) parts << tr("dated %1").arg(revision.date.toString(Qt::ISODate));
    return parts.isEmpty() ? tr("no revision found") : parts.join(QStringLiteral(", "));
}

void SetOrderResolver::resolve(const QString &olderByDate, const QString &newerByDate) {
    const int generation = ++m_generation;
    using Pair = std::pair<SetCandidate, SetCandidate>;
    auto *watcher = new QFutureWatcher<Pair>(this);
    connect(watcher, &QFutureWatcher<Pair>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation) return; // other files were dropped meanwhile
        const Pair result = watcher->result();
        onRead(result.first, result.second);
    });
    watcher->setFuture(QtConcurrent::run(backgroundPool(), [olderByDate, newerByDate] {
        return Pair{SetCandidate{olderByDate, readRevision(olderByDate)},
                    SetCandidate{newerByDate, readRevision(newerByDate)}};
    }));
}

void SetOrderResolver::onRead(const SetCandidate &a, const SetCandidate &b) {
    if (const std::optional<bool> aNewer = isNewer(a.revision, b.revision)) {
        const SetCandidate &oldSet = *aNewer ? b : a, &newSet = *aNewer ? a : b;
        emit decided(
            oldSet.path, newSet.path,
            tr("NEW is %1 (title blocks); OLD %2").arg(describe(newSet.revision), describe(oldSet.revision)));
        return;
    }
    // The window (and this) may close while the question is open: nothing is decided then.
    const QPointer<SetOrderResolver> self(this);
    const QPointer<NewerSetDialog> dialog = new NewerSetDialog(a, b, m_window);
    dialog->exec();
    if (!self || !dialog) return;
    const bool firstNewer = dialog->newerPath() == a.path;
    delete dialog;
    const SetCandidate &oldSet = firstNewer ? b : a, &newSet = firstNewer ? a : b;
    emit decided(oldSet.path, newSet.path,
                 tr("NEW: %1, OLD: %2 (as chosen: the title blocks do not tell)")
                     .arg(QFileInfo(newSet.path).fileName(), QFileInfo(oldSet.path).fileName()));
}

} // namespace bt::ui
