#include "pagecard.h"

#include "summarytext.h"
#include "thumbnail.h"

#include <QEvent>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QPixmap>
#include <QThreadPool>
#include <QToolTip>
#include <QtConcurrent>

namespace bt::ui {

namespace {

const QSize kThumbnailSize(180, 120); // logical pixels; sheets are mostly 3:2 landscape
constexpr int kMaxSummaryChars = 600;

QString stageLabel(Stage stage) {
    switch (stage) {
    case Stage::Ocr:
        return PageCard::tr("OCR");
    case Stage::Diff:
        return PageCard::tr("Diff");
    case Stage::Summary:
    case Stage::Match:
        break;
    }
    return PageCard::tr("Summary");
}

bool isActivationKey(const QKeyEvent *event) {
    const int key = event->key();
    return event->modifiers() == Qt::NoModifier &&
           (key == Qt::Key_Return || key == Qt::Key_Enter || key == Qt::Key_Space);
}

} // namespace

PageCard::PageCard(const PageResult &page, QThreadPool *thumbnails, QWidget *parent)
    : QFrame(parent)
    , m_page(page)
    , m_thumbnails(thumbnails)
    , m_thumbnail(new QLabel(this))
    , m_title(new QLabel(this))
    , m_match(new QLabel(this))
    , m_count(new QLabel(this))
    , m_review(new QLabel(this))
    , m_chips{new QLabel(this), new QLabel(this), new QLabel(this)}
    , m_summary(new QLabel(this)) {
    setFocusPolicy(Qt::StrongFocus);
    setCursor(Qt::PointingHandCursor);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    setStyleSheet(QStringLiteral(
        "bt--ui--PageCard { background: palette(base); border: 1px solid palette(mid); border-radius: 6px; }"
        "bt--ui--PageCard:hover { border-color: palette(highlight); }"
        "bt--ui--PageCard:focus { border: 2px solid palette(highlight); }"));

    m_thumbnail->setFixedSize(kThumbnailSize);
    m_thumbnail->setAlignment(Qt::AlignCenter);
    m_thumbnail->setWordWrap(true);
    m_thumbnail->setStyleSheet(
        QStringLiteral("QLabel { background: palette(window); border: 1px solid palette(midlight); "
                       "color: palette(placeholder-text); }"));
    m_title->setTextFormat(Qt::RichText);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_title->setFont(titleFont);
    m_match->setTextFormat(Qt::PlainText);
    m_match->setForegroundRole(QPalette::PlaceholderText);
    m_count->setTextFormat(Qt::PlainText);
    QFont countFont = m_count->font();
    countFont.setBold(true);
    m_count->setFont(countFont);
    m_count->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_review->setTextFormat(Qt::PlainText);
    m_review->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_review->setForegroundRole(QPalette::PlaceholderText);
    m_review->hide();
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    m_summary->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    // The card takes the clicks.
    for (QLabel *label : {m_thumbnail, m_title, m_match, m_count, m_review, m_summary})
        label->setAttribute(Qt::WA_TransparentForMouseEvents);

    // One grid instead of nested layouts: the thumbnail spans the text rows.
    auto *chips = new QWidget(this);
    auto *chipRow = new QHBoxLayout(chips);
    chipRow->setContentsMargins(0, 2, 0, 2);
    chipRow->setSpacing(6);
    for (QLabel *chip : m_chips)
        chipRow->addWidget(chip); // not transparent for the mouse: tooltips carry the errors
    chipRow->addStretch(1);
    chips->setAttribute(Qt::WA_TransparentForMouseEvents, false);

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(8, 8, 10, 8);
    layout->setHorizontalSpacing(12);
    layout->setVerticalSpacing(4);
    layout->addWidget(m_thumbnail, 0, 0, 5, 1, Qt::AlignTop);
    layout->addWidget(m_title, 0, 1);
    layout->addWidget(m_count, 0, 2);
    layout->addWidget(m_match, 1, 1);
    layout->addWidget(m_review, 1, 2);
    layout->addWidget(chips, 2, 1, 1, 2);
    layout->addWidget(m_summary, 3, 1, 1, 2);
    layout->setColumnStretch(1, 1);
    layout->setRowStretch(4, 1);

    for (const Stage s : kStages)
        updateChip(s);
    setPage(page);
}

QString PageCard::titleText() const {
    const QString number = m_page.drawingName();
    const QString title = m_page.drawingTitle();
    if (number.isEmpty()) return title.isEmpty() ? tr("Sheet %1").arg(m_page.pageNumber) : title;
    return title.isEmpty() ? number : tr("%1 — %2").arg(number, title);
}

QString PageCard::matchText() const {
    switch (m_page.match) {
    case MatchKind::Added:
        return tr("Added: only in NEW (page %1)").arg(m_page.newPage + 1);
    case MatchKind::Removed:
        return tr("Removed: only in OLD (page %1)").arg(m_page.oldPage + 1);
    case MatchKind::Matched:
        break;
    }
    if (m_page.oldPage != m_page.newPage)
        return tr("Matched · page moved from %1 to %2").arg(m_page.oldPage + 1).arg(m_page.newPage + 1);
    return tr("Matched · page %1").arg(m_page.newPage + 1);
}

void PageCard::setPage(const PageResult &page) {
    m_page = page;
    m_summaryFor.clear(); // the sheet may say more now than when its summary was shown
    m_shownSummary.clear();
    if (page.diffDone) m_changeCount = int(page.regions.size());
    if (!page.error.isEmpty()) {
        // The stage that failed is known from the events; a stored page only says it failed.
        bool known = false;
        for (const Stage s : kStages)
            known = known || m_status[size_t(s)] == StageStatus::Failed;
        if (!known) m_errors[size_t(Stage::Diff)] = page.error;
    }
    setOverlay(page.overlayPath);
    updateTexts();
}

void PageCard::setStage(const StageEvent &event) {
    const size_t s = size_t(event.stage);
    m_attempts[s] = event.attempt;
    m_retrying[s] = event.status == StageStatus::Failed && event.willRetry;
    if (m_retrying[s]) {
        m_errors[s] = event.error;
        setStatus(event.stage, StageStatus::Pending, event.error);
        return;
    }
    if (event.status == StageStatus::Completed) {
        if (event.stage == Stage::Diff && event.detail.contains(QStringLiteral("change_count")))
            m_changeCount = event.detail.value(QStringLiteral("change_count")).toInt();
        if (event.stage == Stage::Diff)
            setOverlay(event.detail.value(QStringLiteral("overlay_path")).toString());
        if (event.stage == Stage::Summary) {
            m_page.summaryText = event.detail.value(QStringLiteral("summary_text")).toString();
            m_page.summaryAiModel = event.detail.value(QStringLiteral("summary_ai_model")).toString();
            if (m_page.summaryAiModel.isEmpty()) m_page.deterministicSummary.clear();
        }
    }
    setStatus(event.stage, event.status, event.error);
    updateTexts();
}

void PageCard::setProgress(const PageProgress &progress) {
    for (const Stage stage : kStages) {
        const size_t s = size_t(stage);
        const StageStatus status = progress.statusOf(stage);
        // A failed attempt waiting for its retry reads as pending in a snapshot: keep saying why.
        if (status == StageStatus::Pending && m_retrying[s]) continue;
        m_retrying[s] = false;
        m_attempts[s] = progress.attempts[s];
        setStatus(stage, status, status == StageStatus::Failed ? progress.error : QString());
    }
    if (progress.statusOf(Stage::Diff) == StageStatus::Completed) {
        if (m_page.match == MatchKind::Matched) m_changeCount = progress.changeCount;
        setOverlay(progress.overlayPath);
    }
    if (progress.statusOf(Stage::Summary) == StageStatus::Completed &&
        progress.summaryText != m_page.summaryText) {
        m_page.summaryText = progress.summaryText;
        m_page.summaryAiModel.clear(); // a snapshot does not say who wrote it
        m_page.deterministicSummary.clear();
    }
    updateTexts();
}

void PageCard::settle() {
    for (const Stage stage : kStages)
        if (m_status[size_t(stage)] == StageStatus::InProgress)
            setStatus(stage, StageStatus::Pending, QString());
    updateTexts();
}

void PageCard::setStatus(Stage stage, StageStatus status, const QString &error) {
    const size_t s = size_t(stage);
    m_status[s] = status;
    if (status == StageStatus::Failed || m_retrying[s])
        m_errors[s] = error.isEmpty() ? m_errors[s] : error;
    else
        m_errors[s].clear();
    updateChip(stage);
}

QString PageCard::shownSummary() const {
    // Built once per summary, not on every stage event.
    const QString key = m_page.summaryText + QChar(0x1f) + m_page.deterministicSummary;
    if (m_summaryFor != key) {
        m_summaryFor = key;
        m_shownSummary = shownPageSummary(m_page);
        PageResult own = m_page; // what the program wrote, shown as its own summaries are
        own.summaryText = m_page.deterministicSummary;
        m_shownOwnSummary = shownPageSummary(own);
    }
    return m_shownSummary;
}

bool PageCard::failed() const {
    return !m_page.error.isEmpty() || std::any_of(m_status.begin(), m_status.end(),
                                                  [](StageStatus s) { return s == StageStatus::Failed; });
}

bool PageCard::matches(CardFilter filter) const {
    switch (filter) {
    case CardFilter::All:
        return true;
    case CardFilter::Failed:
        return failed();
    case CardFilter::Changed:
        return m_page.match != MatchKind::Matched || m_changeCount > 0;
    case CardFilter::Unchanged:
        return m_page.match == MatchKind::Matched && m_changeCount == 0 && !failed();
    }
    return true;
}

void PageCard::updateChip(Stage stage) {
    const size_t s = size_t(stage);
    QString state, background, foreground;
    switch (m_status[s]) {
    case StageStatus::Pending:
        state = m_retrying[s] ? tr("retry %1").arg(m_attempts[s] + 1) : tr("pending");
        background = m_retrying[s] ? QStringLiteral("#fbe7c6") : QStringLiteral("#e4e4e4");
        foreground = m_retrying[s] ? QStringLiteral("#7a4a00") : QStringLiteral("#505050");
        break;
    case StageStatus::InProgress:
        state = tr("running");
        background = QStringLiteral("#d3e4fb");
        foreground = QStringLiteral("#0b4a94");
        break;
    case StageStatus::Completed:
        state = tr("done");
        background = QStringLiteral("#d5efda");
        foreground = QStringLiteral("#1b6329");
        break;
    case StageStatus::Failed:
        state = tr("failed");
        background = QStringLiteral("#f7d4d4");
        foreground = QStringLiteral("#9c1616");
        break;
    }
    QLabel *chip = m_chips[s];
    chip->setText(tr("%1 · %2").arg(stageLabel(stage), state));
    // Colours in pairs so the chip reads on light and dark themes alike.
    chip->setStyleSheet(QStringLiteral("QLabel { background: %1; color: %2; border: 1px solid %1; "
                                       "border-radius: 9px; padding: 1px 8px; }")
                            .arg(background, foreground));
    const QString error = m_errors[s];
    chip->setToolTip(error.isEmpty() ? QString() : tr("%1 failed: %2").arg(stageLabel(stage), error));
    chip->setAccessibleName(tr("%1 stage").arg(stageLabel(stage)));
    chip->setAccessibleDescription(error.isEmpty() ? state : tr("%1: %2").arg(state, error));
}

void PageCard::updateTexts() {
    const QString number = m_page.drawingName().toHtmlEscaped();
    const QString title = m_page.drawingTitle().toHtmlEscaped();
    if (number.isEmpty())
        m_title->setText(QStringLiteral("<b>%1</b>").arg(titleText().toHtmlEscaped()));
    else
        m_title->setText(title.isEmpty() ? QStringLiteral("<b>%1</b>").arg(number)
                                         : QStringLiteral("<b>%1</b>&nbsp;&nbsp;%2").arg(number, title));
    m_match->setText(matchText());

    QString count;
    if (m_page.match == MatchKind::Added)
        count = tr("Sheet added");
    else if (m_page.match == MatchKind::Removed)
        count = tr("Sheet removed");
    else if (m_status[size_t(Stage::Diff)] == StageStatus::Failed)
        count = tr("Not compared");
    else if (m_changeCount == 0)
        count = tr("No changes");
    else if (m_changeCount > 0)
        count = tr("%n change(s)", nullptr, m_changeCount);
    m_count->setText(count);

    QString summary = shownSummary();
    if (summary.isEmpty() && failed()) {
        for (const Stage s : kStages)
            if (!m_errors[size_t(s)].isEmpty() && m_status[size_t(s)] == StageStatus::Failed)
                summary = tr("%1 failed: %2").arg(stageLabel(s), m_errors[size_t(s)]);
        if (summary.isEmpty()) summary = m_page.error;
    }
    QString summaryTip = summary.size() > kMaxSummaryChars ? summary : QString();
    // An AI rewrite says so, and what the program itself wrote.
    if (!m_page.summaryAiModel.isEmpty() && summary == m_page.summaryText) {
        QStringList tip;
        if (!summaryTip.isEmpty()) tip << summaryTip;
        tip << tr("Rewritten by the AI model %1 from the list of changes.").arg(m_page.summaryAiModel);
        if (!m_shownOwnSummary.isEmpty()) tip << tr("The program's own summary: %1").arg(m_shownOwnSummary);
        summaryTip = tip.join(QStringLiteral("\n\n"));
    }
    m_summary->setToolTip(summaryTip);
    if (summary.size() > kMaxSummaryChars) summary = summary.left(kMaxSummaryChars - 1) + QChar(0x2026);
    m_summary->setText(summary);
    m_summary->setVisible(!summary.isEmpty());

    if (!m_hasThumbnail) {
        QString placeholder;
        if (m_page.match == MatchKind::Added)
            placeholder = tr("Added sheet");
        else if (m_page.match == MatchKind::Removed)
            placeholder = tr("Removed sheet");
        else if (m_status[size_t(Stage::Diff)] == StageStatus::Failed)
            placeholder = tr("No overlay");
        else if (!m_overlayPath.isEmpty())
            placeholder = tr("Loading…");
        else
            placeholder = tr("Overlay after the diff");
        m_thumbnail->setText(placeholder);
    }

    setAccessibleName(tr("Sheet %1: %2").arg(m_page.pageNumber).arg(titleText()));
    QStringList description{matchText()};
    if (!count.isEmpty()) description << count;
    const QString review = reviewText();
    m_review->setText(review);
    m_review->setVisible(!review.isEmpty());
    if (!review.isEmpty()) description << review;
    for (const QLabel *chip : m_chips)
        description << chip->text();
    setAccessibleDescription(description.join(QStringLiteral(", ")));
    emit changed();
}

void PageCard::setReviewProgress(int reviewed, int total) {
    if (reviewed == m_reviewed && total == m_reviewTotal) return;
    m_reviewed = reviewed;
    m_reviewTotal = total;
    updateTexts();
}

QString PageCard::reviewText() const {
    // Counted against the changes shown: reviews of a page compared again may be fewer.
    const int total = m_changeCount > 0 ? m_changeCount : m_reviewTotal;
    if (total <= 0) return QString();
    return tr("%1 of %2 reviewed").arg(std::min(m_reviewed, total)).arg(total);
}

void PageCard::reloadThumbnail() {
    const QString path = std::exchange(m_overlayPath, QString());
    setOverlay(path);
}

void PageCard::setOverlay(const QString &path) {
    if (path.isEmpty() || path == m_overlayPath) return;
    m_overlayPath = path;
    m_hasThumbnail = false;
    const int request = ++m_thumbnailRequest;
    if (!QFileInfo::exists(path)) { // a server job's overlay not downloaded yet: reloadThumbnail()
        updateTexts();
        return;
    }
    // Device pixels: sharp on HiDPI screens, no larger than shown.
    const qreal dpr = devicePixelRatioF();
    const QSize pixels = (QSizeF(kThumbnailSize) * dpr).toSize() - QSize(2, 2);
    auto *watcher = new QFutureWatcher<QImage>(this);
    connect(watcher, &QFutureWatcher<QImage>::finished, this, [this, watcher, request, dpr] {
        watcher->deleteLater();
        if (request != m_thumbnailRequest) return;
        QImage image = watcher->result();
        if (image.isNull()) {
            m_thumbnail->setText(tr("Overlay cannot be read"));
            return;
        }
        image.setDevicePixelRatio(dpr);
        m_thumbnail->setPixmap(QPixmap::fromImage(image));
        m_hasThumbnail = true;
        emit thumbnailReady();
    });
    watcher->setFuture(QtConcurrent::run(m_thumbnails, overlayThumbnail, path, pixels));
    updateTexts();
}

bool PageCard::event(QEvent *event) {
    // Return, Enter and Space open this card rather than triggering a window shortcut (Compare).
    if (event->type() == QEvent::ShortcutOverride && isActivationKey(static_cast<QKeyEvent *>(event))) {
        event->accept();
        return true;
    }
    // The labels let the mouse through to the card, so the card shows the summary's tip (the
    // whole of a long summary, or who rewrote it).
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        if (m_summary->isVisible() && !m_summary->toolTip().isEmpty() &&
            m_summary->geometry().contains(help->pos())) {
            QToolTip::showText(help->globalPos(), m_summary->toolTip(), this, m_summary->geometry());
            return true;
        }
    }
    return QFrame::event(event);
}

void PageCard::mouseReleaseEvent(QMouseEvent *event) {
    if (event->button() == Qt::LeftButton && rect().contains(event->position().toPoint())) {
        emit activated(m_page.pageNumber);
        return;
    }
    QFrame::mouseReleaseEvent(event);
}

void PageCard::keyPressEvent(QKeyEvent *event) {
    if (isActivationKey(event)) {
        emit activated(m_page.pageNumber);
        return;
    }
    QFrame::keyPressEvent(event);
}

} // namespace bt::ui
