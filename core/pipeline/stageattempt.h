#pragma once

#include <QString>

#include <functional>

namespace bt {

// What one attempt at a stage came to: done, cancelled (its job was, or its worker stops), or
// failed with a one-line error.
struct StageAttempt {
    QString error;
    bool cancelled = false;
    bool ok() const { return error.isEmpty() && !cancelled; }
};

// Runs one attempt at a stage's work on the calling thread and turns what it throws into the
// attempt's outcome: StageCancelled is a cancellation, anything else a failure with its message
// ("out of memory", the exception's what(), "unknown error"). The local pipeline and the job
// server's worker both run their stages through it, so a stage fails the same way in both.
StageAttempt attemptStage(const std::function<void()> &work);

} // namespace bt
