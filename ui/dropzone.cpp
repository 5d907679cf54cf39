#include "dropzone.h"

#include "guiapplication.h"

#include <QContextMenuEvent>
#include <QDir>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMimeData>
#include <QStyle>
#include <QUrl>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace bt::ui {

namespace {

QString fileFilter() {
    return DropZone::tr("Drawing sets (*.pdf *.png *.jpg *.jpeg *.tif *.tiff);;All files (*)");
}

} // namespace

DropZone::DropZone(Side side, QWidget *parent)
    : QFrame(parent)
    , m_side(side)
    , m_title(new QLabel(this))
    , m_file(new QLabel(this))
    , m_detail(new QLabel(this)) {
    setObjectName(side == Side::Old ? QStringLiteral("oldDropZone") : QStringLiteral("newDropZone"));
    setAcceptDrops(true);
    setFocusPolicy(Qt::StrongFocus);
    setCursor(Qt::PointingHandCursor);
    setMinimumSize(260, 110);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setAccessibleName(side == Side::Old ? tr("Old revision") : tr("New revision"));
    // A dashed frame says "drop here"; the highlight follows a drag over it and keyboard focus.
    setStyleSheet(QStringLiteral(
        "bt--ui--DropZone { border: 2px dashed palette(mid); border-radius: 8px; background: palette(base); }"
        "bt--ui--DropZone[highlight=\"true\"] { border-color: palette(highlight); "
        "background: palette(alternate-base); }"
        "bt--ui--DropZone:focus { border-style: solid; border-color: palette(highlight); }"));

    m_title->setText(side == Side::Old ? tr("OLD revision") : tr("NEW revision"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.1);
    m_title->setFont(titleFont);
    QFont fileFont = m_file->font();
    fileFont.setPointSizeF(fileFont.pointSizeF() * 1.15);
    m_file->setFont(fileFont);
    m_file->setTextFormat(Qt::PlainText);
    m_detail->setTextFormat(Qt::PlainText);
    m_detail->setWordWrap(true);
    for (QLabel *label : {m_title, m_file, m_detail}) {
        label->setAlignment(Qt::AlignHCenter | Qt::AlignVCenter);
        // Clicks and drops belong to the zone, not to its labels.
        label->setAttribute(Qt::WA_TransparentForMouseEvents);
    }

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 10);
    layout->setSpacing(4);
    layout->addWidget(m_title);
    layout->addWidget(m_file);
    layout->addWidget(m_detail);
    updateText();
}

namespace {

// "rev 9" before "rev 10": runs of digits compare as numbers, other characters case-folded.
// (QCollator's numeric mode does nothing without ICU or in the C locale.)
int naturalCompare(const QString &a, const QString &b) {
    int i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i].isDigit() && b[j].isDigit()) {
            int i2 = i, j2 = j;
            while (i2 < a.size() && a[i2].isDigit())
                ++i2;
            while (j2 < b.size() && b[j2].isDigit())
                ++j2;
            QStringView x = QStringView(a).mid(i, i2 - i), y = QStringView(b).mid(j, j2 - j);
            while (x.size() > 1 && x.front() == QLatin1Char('0'))
                x = x.mid(1);
            while (y.size() > 1 && y.front() == QLatin1Char('0'))
                y = y.mid(1);
            if (x.size() != y.size()) return x.size() < y.size() ? -1 : 1; // no overflow on long numbers
            if (const int c = x.compare(y)) return c;
            i = i2;
            j = j2;
            continue;
        }
        const char32_t x = QChar::toCaseFolded(a[i].unicode()), y = QChar::toCaseFolded(b[j].unicode());
        if (x != y) return x < y ? -1 : 1;
        ++i;
        ++j;
    }
    return (a.size() - i) == (b.size() - j) ? 0 : (a.size() - i) < (b.size() - j) ? -1 : 1;
}

} // namespace

QStringList DropZone::orderedByAge(const QStringList &paths) {
    if (paths.size() != 2) return paths;
    QFileInfo a(paths[0]), b(paths[1]);
    const bool swap = a.lastModified() != b.lastModified() ? b.lastModified() < a.lastModified()
                                                           : naturalCompare(b.fileName(), a.fileName()) < 0;
    if (swap) std::swap(a, b);
    return {a.absoluteFilePath(), b.absoluteFilePath()};
}

QStringList DropZone::droppedFiles(const QMimeData *mime) {
    QStringList files;
    if (!mime || !mime->hasUrls()) return files;
    for (const QUrl &url : mime->urls()) {
        if (!url.isLocalFile()) return {}; // a remote URL cannot be compared: refuse the whole drag
        const QFileInfo info(url.toLocalFile());
        if (!info.isFile()) return {};
        files.append(info.absoluteFilePath());
    }
    return files;
}

void DropZone::setPath(const QString &path) {
    const QString absolute = path.isEmpty() ? QString() : QFileInfo(path).absoluteFilePath();
    m_path = absolute;
    m_inspected = false;
    m_pageCount = -1;
    m_error = LoadError::None;
    m_problem.clear();
    updateText();
    emit pathChanged(m_path);
    if (m_path.isEmpty()) return;

    // Opening validates every page: seconds for a large set, so not on the GUI thread. A result
    // for a path that was replaced meanwhile is dropped in onInspected().
    auto *watcher = new QFutureWatcher<Inspection>(this);
    connect(watcher, &QFutureWatcher<Inspection>::finished, this, [this, watcher, absolute] {
        watcher->deleteLater();
        onInspected(absolute, watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(backgroundPool(), [absolute] {
        Inspection result;
        DocumentError error;
        if (const auto doc = Document::open(absolute, QString(), &error)) result.pageCount = doc->pageCount();
        result.error = error.code;
        result.message = error.message;
        return result;
    }));
}

void DropZone::clear() {
    setPath(QString());
}

void DropZone::onInspected(const QString &path, const Inspection &result) {
    if (path != m_path) return;
    m_inspected = true;
    m_pageCount = result.pageCount;
    m_error = result.error;
    // A password is asked for when comparing: not a problem of the file.
    const bool needsPassword = result.error == LoadError::PasswordRequired;
    m_problem = needsPassword ? QString() : result.message;
    updateText();
    emit inspected();
}

void DropZone::updateText() {
    QString detail;
    QString file;
    bool bad = false;
    if (m_path.isEmpty()) {
        file = tr("Drop a PDF or image here");
        detail = tr("or click to choose a file");
    } else {
        const QFileInfo info(m_path);
        file = info.fileName();
        const QString size = QLocale().formattedDataSize(info.size());
        if (!m_inspected) {
            detail = tr("Reading… · %1").arg(size);
        } else if (m_error == LoadError::PasswordRequired) {
            detail = tr("Password protected · %1").arg(size);
        } else if (!m_problem.isEmpty()) {
            detail = m_problem;
            bad = true;
        } else {
            // English plurals come from buildtrace_en.ts (setUpGuiApplication loads it).
            detail = tr("%n sheet(s) · %1", nullptr, m_pageCount).arg(size);
        }
    }
    const int width = qMax(80, m_file->width());
    m_file->setText(m_file->fontMetrics().elidedText(file, Qt::ElideMiddle, width));
    m_file->setToolTip(QDir::toNativeSeparators(m_path));
    m_detail->setText(detail);
    QPalette palette = m_detail->palette();
    palette.setColor(QPalette::WindowText,
                     bad ? QColor(200, 30, 30) : this->palette().color(QPalette::WindowText));
    m_detail->setPalette(palette);
    m_detail->setForegroundRole(bad ? QPalette::WindowText : QPalette::PlaceholderText);
    setAccessibleDescription(m_path.isEmpty()
                                 ? tr("No file. Press Space to choose one.")
                                 : QStringLiteral("%1, %2").arg(QFileInfo(m_path).fileName(), detail));
}

void DropZone::resizeEvent(QResizeEvent *event) {
    QFrame::resizeEvent(event);
    updateText(); // the file name is elided to the width
}

void DropZone::setHighlighted(bool on) {
    setProperty("highlight", on);
    // Dynamic properties in a style sheet selector only apply after a repolish.
    style()->unpolish(this);
    style()->polish(this);
}

void DropZone::dragEnterEvent(QDragEnterEvent *event) {
    const QStringList files = droppedFiles(event->mimeData());
    if (files.isEmpty() || files.size() > 2) {
        event->ignore();
        return;
    }
    setHighlighted(true);
    event->acceptProposedAction();
}

void DropZone::dragMoveEvent(QDragMoveEvent *event) {
    event->acceptProposedAction();
}

void DropZone::dragLeaveEvent(QDragLeaveEvent *event) {
    setHighlighted(false);
    QFrame::dragLeaveEvent(event);
}

void DropZone::dropEvent(QDropEvent *event) {
    setHighlighted(false);
    const QStringList files = droppedFiles(event->mimeData());
    if (files.isEmpty() || files.size() > 2) {
        event->ignore();
        return;
    }
    event->acceptProposedAction();
    if (files.size() == 1)
        setPath(files.first());
    else
        emit filesDropped(files);
}

void DropZone::mouseReleaseEvent(QMouseEvent *event) {
    if (event->button() == Qt::LeftButton && rect().contains(event->position().toPoint())) {
        browse();
        return;
    }
    QFrame::mouseReleaseEvent(event);
}

void DropZone::keyPressEvent(QKeyEvent *event) {
    if (event->key() == Qt::Key_Space && event->modifiers() == Qt::NoModifier) {
        browse();
        return;
    }
    QFrame::keyPressEvent(event);
}

void DropZone::contextMenuEvent(QContextMenuEvent *event) {
    QMenu menu(this);
    menu.addAction(tr("Choose File…"), this, &DropZone::browse);
    QMenu *recent = menu.addMenu(tr("Recent Files"));
    for (const QString &path : m_recentFiles)
        recent->addAction(QDir::toNativeSeparators(path), this, [this, path] { setPath(path); });
    recent->setEnabled(!m_recentFiles.isEmpty());
    menu.addSeparator();
    menu.addAction(tr("Clear"), this, &DropZone::clear)->setEnabled(!m_path.isEmpty());
    menu.exec(event->globalPos());
}

void DropZone::browse() {
    const QString start =
        m_path.isEmpty()
            ? (m_recentFiles.isEmpty() ? QDir::homePath() : QFileInfo(m_recentFiles.first()).path())
            : QFileInfo(m_path).path();
    const QString path = QFileDialog::getOpenFileName(
        this, m_side == Side::Old ? tr("Choose the old revision") : tr("Choose the new revision"), start,
        fileFilter());
    if (!path.isEmpty()) setPath(path);
}

} // namespace bt::ui
