#include "summarytext.h"

#include "summary/summary.h"

namespace bt::ui {

QString shownPageSummary(const PageResult &page) {
    if (page.summaryText.isEmpty() || summarisePage(page, TextLanguage::English) != page.summaryText)
        return page.summaryText;
    return summarisePage(page);
}

QString shownJobSummary(const QString &stored, const QVector<PageResult> &pages) {
    if (stored.isEmpty() || summariseJob(pages, TextLanguage::English) != stored) return stored;
    return summariseJob(pages);
}

} // namespace bt::ui
