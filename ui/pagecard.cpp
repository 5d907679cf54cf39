#include "pagecard.h"

#include "thumbnailcache.h"

#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QThreadPool>
#include <QToolTip>

namespace bt::ui {

namespace {

const QSize kThumbnailSize(180, 120); // logical pixels; sheets are mostly 3:2 landscape
constexpr int kMaxSummaryChars = 600;
constexpr int kSummaryLines = 3; // cards are all one height: a list of 500 sheets lays out at once

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

PageCard::PageCard(const SheetModel *model, ThumbnailCache *thumbnails, QWidget *parent)
    : QFrame(parent)
    , m_model(model)
    , m_thumbnails(thumbnails)
    , m_thumbnail(new QLabel(this))
    , m_title(new QLabel(this))
    , m_match(new QLabel(this))
    , m_count(new QLabel(this))
    , m_review(new QLabel(this))
    , m_chips{new QLabel(this), new QLabel(this), new QLabel(this)}
    , m_summary(new QLabel(this)) {
    build();
}

PageCard::PageCard(const PageResult &page, QThreadPool *thumbnails, QWidget *parent)
    : QFrame(parent)
    , m_ownModel(std::make_unique<SheetModel>())
    , m_model(m_ownModel.get())
    , m_thumbnails(new ThumbnailCache(thumbnails, kThumbnailSize, this))
    , m_thumbnail(new QLabel(this))
    , m_title(new QLabel(this))
    , m_match(new QLabel(this))
    , m_count(new QLabel(this))
    , m_review(new QLabel(this))
    , m_chips{new QLabel(this), new QLabel(this), new QLabel(this)}
    , m_summary(new QLabel(this)) {
    build();
    m_ownModel->setPages({page});
    bind(page.pageNumber);
}

PageCard::~PageCard() = default;

void PageCard::build() {
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

    connect(m_thumbnails, &ThumbnailCache::thumbnailReady, this, [this](const QString &path) {
        if (m_pageNumber > 0 && path == state().overlayPath) updateThumbnail(state());
    });
}

const SheetState &PageCard::state() const {
    static const SheetState none;
    const SheetState *s = m_model->sheet(m_pageNumber);
    return s ? *s : none;
}

void PageCard::setPage(const PageResult &page) {
    if (!m_ownModel) return;
    m_ownModel->updatePage(page);
    refresh();
}

void PageCard::bind(int pageNumber) {
    if (pageNumber == m_pageNumber) return;
    m_pageNumber = pageNumber;
    m_hasThumbnail = false;
    refresh();
}

QString PageCard::titleText(const PageResult &page) {
    const QString number = page.drawingName();
    const QString title = page.drawingTitle();
    if (number.isEmpty()) return title.isEmpty() ? tr("Sheet %1").arg(page.pageNumber) : title;
    return title.isEmpty() ? number : tr("%1 — %2").arg(number, title);
}

QString PageCard::titleText() const {
    return titleText(page());
}

QString PageCard::matchText() const {
    switch (page().match) {
    case MatchKind::Added:
        return tr("Added: only in NEW (page %1)").arg(page().newPage + 1);
    case MatchKind::Removed:
        return tr("Removed: only in OLD (page %1)").arg(page().oldPage + 1);
    case MatchKind::Matched:
        break;
    }
    if (page().oldPage != page().newPage)
        return tr("Matched · page moved from %1 to %2").arg(page().oldPage + 1).arg(page().newPage + 1);
    return tr("Matched · page %1").arg(page().newPage + 1);
}

void PageCard::updateChip(const SheetState &st, Stage stage) {
    const size_t s = size_t(stage);
    QString state, background, foreground;
    switch (st.status[s]) {
    case StageStatus::Pending:
        state = st.retrying[s] ? tr("retry %1").arg(st.attempts[s] + 1) : tr("pending");
        background = st.retrying[s] ? QStringLiteral("#fbe7c6") : QStringLiteral("#e4e4e4");
        foreground = st.retrying[s] ? QStringLiteral("#7a4a00") : QStringLiteral("#505050");
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
    const QString error = st.errors[s];
    chip->setToolTip(error.isEmpty() ? QString() : tr("%1 failed: %2").arg(stageLabel(stage), error));
    chip->setAccessibleName(tr("%1 stage").arg(stageLabel(stage)));
    chip->setAccessibleDescription(error.isEmpty() ? state : tr("%1: %2").arg(state, error));
}

void PageCard::refresh() {
    const SheetState &s = state();
    const PageResult &p = s.result;
    const QString number = p.drawingName().toHtmlEscaped();
    const QString title = p.drawingTitle().toHtmlEscaped();
    if (number.isEmpty())
        m_title->setText(QStringLiteral("<b>%1</b>").arg(titleText().toHtmlEscaped()));
    else
        m_title->setText(title.isEmpty() ? QStringLiteral("<b>%1</b>").arg(number)
                                         : QStringLiteral("<b>%1</b>&nbsp;&nbsp;%2").arg(number, title));
    m_match->setText(matchText());

    QString count;
    if (p.match == MatchKind::Added)
        count = tr("Sheet added");
    else if (p.match == MatchKind::Removed)
        count = tr("Sheet removed");
    else if (s.stageStatus(Stage::Diff) == StageStatus::Failed)
        count = tr("Not compared");
    else if (s.changes == 0)
        count = tr("No changes");
    else if (s.changes > 0)
        count = tr("%n change(s)", nullptr, s.changes);
    m_count->setText(count);
    for (const Stage stage : kStages)
        updateChip(s, stage);
    updateSummary(s);
    updateThumbnail(s);

    setAccessibleName(tr("Sheet %1: %2").arg(p.pageNumber).arg(titleText()));
    QStringList description{matchText()};
    if (!count.isEmpty()) description << count;
    const QString review = s.reviewText();
    m_review->setText(review);
    m_review->setVisible(!review.isEmpty());
    if (!review.isEmpty()) description << review;
    for (const QLabel *chip : m_chips)
        description << chip->text();
    setAccessibleDescription(description.join(QStringLiteral(", ")));
}

void PageCard::updateSummary(const SheetState &s) {
    QString full = s.shownSummary();
    if (full.isEmpty() && s.failed()) {
        for (const Stage st : kStages)
            if (!s.stageError(st).isEmpty() && s.stageStatus(st) == StageStatus::Failed)
                full = tr("%1 failed: %2").arg(stageLabel(st), s.stageError(st));
        if (full.isEmpty()) full = s.result.error;
    }
    QString summary = full;
    if (summary.size() > kMaxSummaryChars) summary = summary.left(kMaxSummaryChars - 1) + QChar(0x2026);
    // Cards of a list are one height: what does not fit the summary's lines is elided, the whole
    // in the tip. A card on its own grows instead.
    const QFontMetrics fm(m_summary->font());
    const int width = std::max(80, m_summary->width());
    const int maxHeight = kSummaryLines * fm.lineSpacing();
    const auto fits = [&](const QString &text) {
        return fm.boundingRect(QRect(0, 0, width, 1 << 20), Qt::TextWordWrap, text).height() <= maxHeight;
    };
    if (!m_ownModel && !fits(summary)) {
        int lo = 0, hi = int(summary.size());
        while (lo < hi) { // the longest start that fits with the ellipsis
            const int mid = (lo + hi + 1) / 2;
            if (fits(summary.left(mid) + QChar(0x2026)))
                lo = mid;
            else
                hi = mid - 1;
        }
        summary = summary.left(lo).trimmed() + QChar(0x2026);
    }
    QString tip = summary != full ? full : QString();
    // An AI rewrite says so, and what the program itself wrote.
    if (!s.result.summaryAiModel.isEmpty() && full == s.result.summaryText) {
        QStringList lines;
        if (!tip.isEmpty()) lines << tip;
        lines << tr("Rewritten by the AI model %1 from the list of changes.").arg(s.result.summaryAiModel);
        if (!s.shownOwnSummary().isEmpty())
            lines << tr("The program's own summary: %1").arg(s.shownOwnSummary());
        tip = lines.join(QStringLiteral("\n\n"));
    }
    m_summary->setToolTip(tip);
    m_summary->setText(summary);
    m_summary->setVisible(!summary.isEmpty());
}

QPixmap PageCard::thumbnail() const {
    return m_hasThumbnail ? m_thumbnail->pixmap() : QPixmap();
}

void PageCard::updateThumbnail(const SheetState &s) {
    const QPixmap pixmap = m_thumbnails->thumbnail(s.overlayPath);
    if (!pixmap.isNull()) {
        m_thumbnail->setPixmap(pixmap);
        if (!std::exchange(m_hasThumbnail, true)) emit thumbnailReady();
        return;
    }
    m_hasThumbnail = false;
    QString placeholder;
    if (s.result.match == MatchKind::Added)
        placeholder = tr("Added sheet");
    else if (s.result.match == MatchKind::Removed)
        placeholder = tr("Removed sheet");
    else if (s.stageStatus(Stage::Diff) == StageStatus::Failed)
        placeholder = tr("No overlay");
    else if (m_thumbnails->failed(s.overlayPath))
        placeholder = tr("Overlay cannot be read");
    else if (!s.overlayPath.isEmpty())
        placeholder = tr("Loading…");
    else
        placeholder = tr("Overlay after the diff");
    m_thumbnail->setText(placeholder);
}

void PageCard::resizeEvent(QResizeEvent *event) {
    QFrame::resizeEvent(event);
    if (m_pageNumber > 0) updateSummary(state()); // another width: other lines
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
        emit activated(m_pageNumber);
        return;
    }
    QFrame::mouseReleaseEvent(event);
}

void PageCard::keyPressEvent(QKeyEvent *event) {
    if (isActivationKey(event)) {
        emit activated(m_pageNumber);
        return;
    }
    QFrame::keyPressEvent(event);
}

} // namespace bt::ui
