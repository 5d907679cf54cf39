#include "stagerunner.h"

#include "compare/resultjson.h"
#include "i18n/enginetext.h"
#include "summary/summary.h"

#include <exception>
#include <new>

namespace bt {

namespace {

void runSummary(const StageInput &in, StageOutput &out, const CancelFlag *cancel) {
    // English, as the history keeps summaries; so is the rewrite (the prompt asks for the
    // language of the summary it is given).
    out.summary.text = summarisePage(in.page, TextLanguage::English);
    if (!in.ai.isActive() || !isWorthRewriting(in.page) || !in.aiUnavailable || in.aiUnavailable->load())
        return;
    const AiSummary rewrite = rewriteSummary(in.page, out.summary.text, in.ai, cancel);
    if (cancel && cancel->load()) throw StageCancelled();
    if (rewrite.rewritten) {
        out.summary = SummaryRecord{rewrite.text, in.ai.modelLabel(), out.summary.text};
        return;
    }
    // Not a failure of the page: its deterministic summary stands.
    const bool giveUp = rewrite.endpointFailed && !in.aiUnavailable->exchange(true);
    qWarning("%s page %d: AI summary not used (%s)%s", qPrintable(in.jobId), in.page.pageNumber,
             qPrintable(rewrite.failure),
             giveUp ? "; the job's other sheets keep their deterministic summaries" : "");
}

void runWork(StageInput &in, StageOutput &out, const CancelFlag *cancel) {
    const Document &oldDoc = *in.oldDoc, &newDoc = *in.newDoc;
    switch (in.stage) {
    case Stage::Match:
        out.pages = matchDocuments(oldDoc, newDoc, cancel, in.identifyPool);
        return;
    case Stage::Ocr:
        if (in.page.match != MatchKind::Matched) return; // added and removed sheets: nothing to read
        if (in.handoff == RenderHandoff::InMemory) {
            out.loaded =
                std::make_shared<LoadedPair>(loadPagePair(oldDoc, newDoc, in.settings, in.page, cancel));
            out.oldWords = int(out.loaded->oldWords.size());
            out.newWords = int(out.loaded->newWords.size());
        } else {
            out.oldWords = int(oldDoc.textLayerWords(in.page.oldPage, cancel).size());
            out.newWords = int(newDoc.textLayerWords(in.page.newPage, cancel).size());
        }
        return;
    case Stage::Diff: {
        if (in.page.match != MatchKind::Matched) return; // nothing to compare
        // The kept renders are taken, not copied (tens of MB): a retry renders again.
        LoadedPair pair =
            in.loaded ? std::move(*in.loaded) : loadPagePair(oldDoc, newDoc, in.settings, in.page, cancel);
        in.loaded.reset();
        PageResult result = in.page;
        result.error.clear();
        diffLoadedPair(oldDoc, newDoc, in.settings, std::move(pair), result, cancel);
        // What the history will give back: a resumed job continues from equal pages.
        out.page = pageResultFromJson(pageResultToJson(result, in.jobId));
        return;
    }
    case Stage::Summary:
        runSummary(in, out, cancel);
        return;
    }
}

} // namespace

StageRunner::StageRunner(const RetryPolicy &retry, const StageTestingHooks &testing)
    : m_retry(retry)
    , m_testing(testing) {}

StageAttempt StageRunner::run(StageInput input, const CancelFlag *cancel) const {
    StageAttempt attempt;
    try {
        if (cancel && cancel->load()) throw StageCancelled();
        m_testing.apply(input.stage, input.page.pageNumber);
        runWork(input, attempt.output, cancel);
    } catch (const StageCancelled &) {
        attempt.cancelled = true;
    } catch (const std::bad_alloc &) {
        attempt.error = EngineText::translate("bt::Pipeline", "out of memory");
    } catch (const std::exception &e) {
        attempt.error = QString::fromStdString(e.what()).trimmed();
    } catch (...) {
        attempt.error = EngineText::translate("bt::Pipeline", "unknown error");
    }
    if (!attempt.ok()) attempt.output = {};
    return attempt;
}

FailureVerdict StageRunner::afterFailure(int attempts) const {
    if (m_retry.exhausted(attempts)) return {true, 0};
    return {false, m_retry.delayMs(attempts)};
}

QString StageRunner::notRunReason(Stage stage, Stage failed) {
    // A diff needs both renders; everything else goes on with what the page has.
    if (stage == Stage::Diff && failed == Stage::Ocr)
        return EngineText::translate("bt::Pipeline", "not compared: the OCR stage failed");
    return {};
}

} // namespace bt
