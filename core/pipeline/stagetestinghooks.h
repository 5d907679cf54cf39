#pragma once

#include "store/jobstate.h"

#include <QString>

namespace bt {

// The testing seam of the stage runners (the local pipeline and the job server's worker): a fault
// or a delay injected into one page's stage, so tests can make it fail or take long on purpose.
// Empty, and so without effect, unless a test sets it or sets $BUILDTRACE_INJECT_FAULT
// ("diff:2": page 2's diff fails on every attempt; "diff:2,ocr:3" two faults) or $BUILDTRACE_INJECT_DELAY
// ("diff:2:3000": it takes 3 s longer).
struct StageTestingHooks {
    QString fault; // "STAGE:PAGE[,STAGE:PAGE...]"
    QString delay; // "STAGE:PAGE:MS"

    static StageTestingHooks fromEnvironment();
    bool isEmpty() const { return fault.isEmpty() && delay.isEmpty(); }
    // At the start of an attempt, on the thread that runs it: waits the injected delay, then
    // throws the injected fault (std::runtime_error).
    void apply(Stage stage, int pageNumber) const;
};

} // namespace bt
