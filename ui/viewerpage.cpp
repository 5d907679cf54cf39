#include "viewerpage.h"

#include "alignbypoints.h"
#include "viewer/overlayviewer.h"

#include <QAction>
#include <QFileInfo>
#include <QGridLayout>
#include <QLabel>
#include <QMessageBox>
#include <QStackedWidget>
#include <QToolButton>

namespace bt::ui {

namespace {

// A team job's sets are on the server: the history names them, they are not files here.
QString localFile(const QString &path) {
    return QFileInfo(path).isAbsolute() ? path : QString();
}

} // namespace

ViewerPage::ViewerPage(JobController *controller, QAction *back, QAction *previous, QAction *next,
                       QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_title(new QLabel(this))
    , m_viewer(new OverlayViewer(this))
    , m_alignButton(new QToolButton(this))
    , m_alignedByPoints(new QLabel(tr("Aligned by points"), this))
    , m_alignTool(new AlignByPointsTool(m_viewer, this)) {
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    // Buttons show the actions' icon texts, the menus their full texts.
    back->setIconText(tr("← Sheets"));
    previous->setIconText(tr("‹ Previous"));
    next->setIconText(tr("Next ›"));
    back->setToolTip(tr("Back to the sheets (%1)").arg(back->shortcut().toString(QKeySequence::NativeText)));
    previous->setToolTip(
        tr("Previous sheet (%1)").arg(previous->shortcut().toString(QKeySequence::NativeText)));
    next->setToolTip(tr("Next sheet (%1)").arg(next->shortcut().toString(QKeySequence::NativeText)));
    QToolButton *buttons[3] = {};
    QAction *actions[3] = {back, previous, next};
    for (int i = 0; i < 3; ++i) {
        buttons[i] = new QToolButton(this);
        buttons[i]->setDefaultAction(actions[i]);
        buttons[i]->setToolButtonStyle(Qt::ToolButtonTextOnly);
    }
    m_title->setTextFormat(Qt::PlainText);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_viewer->setObjectName(QStringLiteral("overlayViewer"));
    m_viewer->setColours(controller->settings().overlayColours());
    connect(controller, &JobController::settingsChanged, this,
            [this] { m_viewer->setColours(m_controller->settings().overlayColours()); });
    connect(controller, &JobController::pageUpdated, this, &ViewerPage::onPageUpdated);
    connect(controller, &JobController::serverJobUpdated, this, [this](const JobController::StoredJob &job) {
        if (m_pageNumber >= 1 && m_pageNumber <= job.result.pages.size())
            onPageUpdated(job.result.pages[m_pageNumber - 1]);
    });
    connect(controller, &JobController::reviewsChanged, this,
            [this](const QString &jobId, const QVector<int> &pages) {
                for (const int page : pages)
                    m_viewer->reloadReviews(jobId, page);
            });
    // The sheet's overlay arrived from the job server.
    connect(controller, &JobController::overlayReady, this, [this](int pageNumber) {
        if (isCurrent() && m_pageNumber == pageNumber) reshow(m_page);
    });

    // Where the automatic alignment failed (the viewer's warning), the user aligns by points.
    m_alignButton->setObjectName(QStringLiteral("alignByPointsButton"));
    m_alignButton->setText(tr("Align by Points…"));
    m_alignButton->setToolTip(tr("Pick two points on the old sheet and the same two on the new one; the "
                                 "sheet is aligned by them and compared again"));
    m_alignButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_alignedByPoints->setObjectName(QStringLiteral("alignedByPointsLabel"));
    m_alignedByPoints->setToolTip(tr("This sheet is aligned by points the user picked"));
    connect(m_alignButton, &QToolButton::clicked, this, [this] { m_alignTool->start(m_page); });
    connect(m_alignTool, &AlignByPointsTool::activeChanged, this, &ViewerPage::updateAlignControls);
    connect(m_alignTool, &AlignByPointsTool::applied, this, [this](int pageNumber, const PointPairs &points) {
        if (!m_controller->alignByPoints(pageNumber, points))
            QMessageBox::information(
                this, tr("Align by Points"),
                tr("The sheet can be aligned once the running comparison has finished."));
    });

    layout->addWidget(buttons[0], 0, 0);
    layout->addWidget(m_title, 0, 1);
    layout->addWidget(m_alignedByPoints, 0, 2);
    layout->addWidget(m_alignButton, 0, 3);
    layout->addWidget(buttons[1], 0, 4);
    layout->addWidget(buttons[2], 0, 5);
    layout->addWidget(m_alignTool, 1, 0, 1, 6);
    layout->addWidget(m_viewer, 2, 0, 1, 6);
    layout->setColumnStretch(1, 1);
    layout->setRowStretch(2, 1);
    updateAlignControls();
}

bool ViewerPage::isCurrent() const {
    const auto *stack = qobject_cast<const QStackedWidget *>(parentWidget());
    return stack && stack->currentWidget() == this;
}

void ViewerPage::showPage(const PageResult &page, int sheetCount, const QString &title) {
    m_pageNumber = page.pageNumber;
    m_waitsForDiff = page.match == MatchKind::Matched && !page.diffDone;
    m_title->setText(tr("Sheet %1 of %2: %3").arg(page.pageNumber).arg(sheetCount).arg(title));
    m_viewer->setJob(m_controller->store(), m_controller->currentJobId());
    reshow(page);
    m_viewer->setFocus();
    m_controller->fetchOverlayIfMissing(page.pageNumber, page.overlayPath);
}

void ViewerPage::clear() {
    m_alignTool->cancel();
    m_viewer->clear();
}

void ViewerPage::updateAlignControls() {
    const bool pair = m_pageNumber > 0 && m_page.match == MatchKind::Matched && m_page.diffDone;
    const bool byPoints = pair && m_page.alignment.method == QLatin1String(kPointsAlignmentMethod);
    m_alignButton->setVisible(pair && !m_alignTool->isActive());
    // Offered loudest where the alignment is in doubt.
    QFont f = m_alignButton->font();
    f.setBold(!m_page.alignment.reliable());
    m_alignButton->setFont(f);
    m_alignedByPoints->setVisible(byPoints);
}

void ViewerPage::reshow(const PageResult &page) {
    if (m_alignTool->pageNumber() != page.pageNumber || !page.diffDone) m_alignTool->cancel();
    m_page = page;
    m_viewer->showPage(page, localFile(m_controller->currentOldPath()),
                       localFile(m_controller->currentNewPath()));
    updateAlignControls();
}

void ViewerPage::onPageUpdated(const PageResult &page) {
    if (page.pageNumber == m_pageNumber && !m_waitsForDiff) {
        m_page = page;
        updateAlignControls();
    }
    // The viewer opened on this sheet before its diff was done: show the overlay now.
    if (isCurrent() && m_pageNumber == page.pageNumber && m_waitsForDiff && page.diffDone) {
        m_waitsForDiff = false;
        reshow(page);
    }
}

} // namespace bt::ui
