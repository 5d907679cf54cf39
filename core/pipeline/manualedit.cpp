#include "manualedit.h"

#include "compare/resultjson.h"
#include "i18n/enginetext.h"
#include "pipeline.h"
#include "store/manualchoicestore.h"

namespace bt {

bool manualEditApplies(const QVector<PageResult> &pages, const ManualEdit &edit) {
    switch (edit.kind) {
    case ManualChoiceKind::Pair:
        return pairSheets(pages, edit.pageNumber, edit.otherPage).has_value();
    case ManualChoiceKind::Unpair:
        return unpairSheet(pages, edit.pageNumber, {}).has_value();
    case ManualChoiceKind::Align:
        return alignSheet(pages, edit.pageNumber, edit.points).has_value();
    }
    return false;
}

std::optional<int> applyManualEdit(JobStore &store, const QString &jobId, const ManualEdit &edit,
                                   const Document &oldDoc, QString *error) {
    auto failed = [error](const QString &why) {
        if (error) *error = why;
        return std::nullopt;
    };
    const std::optional<ComparisonResult> stored = storedComparison(store, jobId);
    if (!stored) return failed(EngineText::translate("bt::Pipeline", "no job %1 in the history").arg(jobId));
    const QVector<PageResult> &pages = stored->pages;
    auto page = [&pages](int n) { return n >= 1 && n <= pages.size() ? pages[n - 1] : PageResult(); };

    ManualChoice choice;
    choice.jobId = jobId;
    choice.kind = edit.kind;
    std::optional<SheetEdit> sheets;
    switch (edit.kind) {
    case ManualChoiceKind::Pair: {
        const PageResult removed = page(edit.pageNumber), added = page(edit.otherPage);
        sheets = pairSheets(pages, edit.pageNumber, edit.otherPage);
        choice.oldPage = removed.oldPage;
        choice.newPage = added.newPage;
        choice.oldNumber = removed.oldIdentity.number;
        choice.newNumber = added.newIdentity.number;
        break;
    }
    case ManualChoiceKind::Unpair:
    case ManualChoiceKind::Align: {
        const PageResult pair = page(edit.pageNumber);
        sheets = edit.kind == ManualChoiceKind::Unpair
                     ? unpairSheet(pages, edit.pageNumber, [&oldDoc](int p) { return oldDoc.pageSizePt(p); })
                     : alignSheet(pages, edit.pageNumber, edit.points);
        choice.oldPage = pair.oldPage;
        choice.newPage = pair.newPage;
        choice.oldNumber = pair.oldIdentity.number;
        choice.newNumber = pair.newIdentity.number;
        choice.points = edit.points.isValid() ? edit.points : PointPairs();
        break;
    }
    }
    if (!sheets || sheets->redo.isEmpty())
        return failed(EngineText::translate("bt::Pipeline", "these sheets cannot be changed that way"));

    QVector<QJsonObject> json;
    for (const PageResult &p : sheets->pages)
        json.append(pageResultToJson(p, jobId));
    QString e;
    ManualChoiceStore choices(store);
    if (!choices.replaceJobPages(jobId, json, sheets->keptOldToNew, &e) || !choices.addChoice(choice, &e))
        return failed(e);
    return sheets->redo.first();
}

} // namespace bt
