#pragma once

#include "compare/comparison.h"
#include "retrypolicy.h"
#include "stagetestinghooks.h"
#include "store/jobstore.h"
#include "summary/aisummary.h"

#include <QString>

#include <atomic>
#include <memory>

class QThreadPool;

namespace bt {

// Whether the OCR stage's renders reach the page's diff. The local pipeline hands them over in
// memory; the job server's stages may run on different machines, and a page render is tens of
// MB, so there the OCR stage only reads the text layer (cached by the document for a diff of
// the same page on the same worker) and the diff renders.
enum class RenderHandoff { InMemory, None };

// Everything one stage of one job works on. Read before the attempt starts: the attempt itself
// runs on a thread of its own, without the store.
struct StageInput {
    Stage stage = Stage::Match;
    QString jobId;
    std::shared_ptr<const Document> oldDoc;
    std::shared_ptr<const Document> newDoc;
    CompareSettings settings;
    PageResult page; // page stages; the diff's ignoredPt are its input too
    RenderHandoff handoff = RenderHandoff::InMemory;
    std::shared_ptr<LoadedPair> loaded;  // diff: the renders its OCR stage kept, if any
    QThreadPool *identifyPool = nullptr; // match: where sheets are identified (null: global pool)
    // Summary: the optional AI rewrite; aiUnavailable is shared by a job's summaries (set by the
    // first that could not reach the endpoint, so the others do not wait for it again).
    AiSummaryConfig ai;
    std::shared_ptr<std::atomic<bool>> aiUnavailable;
};

// What a stage made.
struct StageOutput {
    QVector<PageResult> pages;          // match: the sheet pairs, nothing diffed
    std::shared_ptr<LoadedPair> loaded; // ocr (RenderHandoff::InMemory): the renders for the diff
    int oldWords = 0, newWords = 0;     // ocr: text-layer words read
    PageResult page;                    // diff: the page as the history will give it back
    SummaryRecord summary;              // summary: as the history keeps it
};

// One attempt: done, cancelled (its job was, or its runner stops), or failed with a one-line
// error ("out of memory", the exception's message, "unknown error").
struct StageAttempt {
    QString error;
    bool cancelled = false;
    StageOutput output;
    bool ok() const { return error.isEmpty() && !cancelled; }
};

// What becomes of a stage whose attempt failed.
struct FailureVerdict {
    bool deadLetter = false; // out of attempts: given up, recorded as a dead letter
    qint64 retryInMs = 0;    // else: tried again after this backoff
};

// The one job lifecycle of the local pipeline and the job server's worker: runs a stage's work
// (an attempt), decides what a failed attempt comes to (retry after a backoff or dead letter),
// and what a dead letter means for the page's later stages. The pipeline schedules attempts on
// its thread pools and keeps state in the history; the worker claims them from the queue and
// holds a lease; neither computes a stage or decides a retry itself.
class StageRunner {
public:
    explicit StageRunner(const RetryPolicy &retry = {}, const StageTestingHooks &testing = {});

    // Runs one attempt on the calling thread (the input is taken: a diff consumes the renders
    // handed to it). Never throws.
    StageAttempt run(StageInput input, const CancelFlag *cancel) const;
    // After `attempts` attempts, the last of which failed.
    FailureVerdict afterFailure(int attempts) const;
    // Attempts recorded with a dead letter: a stage whose worker died holding it has counted an
    // attempt more than it ran.
    int attemptsToRecord(int attempts) const { return std::min(attempts, m_retry.maxAttempts); }
    // A stage with attempts already over the limit (its last worker died holding it).
    bool outOfAttempts(int attempts) const { return attempts > m_retry.maxAttempts; }

    // How `stage` of a page goes on after `failed` (an earlier stage of it) was given up: a
    // non-empty reason means it fails with it without running; empty, it runs with what the page
    // has (a summary follows a failed diff).
    static QString notRunReason(Stage stage, Stage failed);

    const RetryPolicy &retry() const { return m_retry; }

private:
    RetryPolicy m_retry;
    StageTestingHooks m_testing;
};

} // namespace bt
