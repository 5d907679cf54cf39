#pragma once

#include <QtGlobal>

#include <algorithm>
#include <limits>

namespace bt {

// How often work that failed is tried again and how long to wait in between: the local
// pipeline's stages, the job server's stages and the desktop's operations for the server all
// retry by it. Exponential backoff: backoffMs before the 2nd attempt, doubling for each further
// one, never more than maxBackoffMs.
struct RetryPolicy {
    int maxAttempts = 5; // then the work is given up (a stage goes to the dead letters)
    int backoffMs = 200;
    int maxBackoffMs = std::numeric_limits<int>::max();

    // The wait after `failedAttempts` attempts failed (1: after the first).
    qint64 delayMs(int failedAttempts) const {
        const qint64 ms = qint64(backoffMs) << std::clamp(failedAttempts - 1, 0, 10);
        return std::min<qint64>(ms, maxBackoffMs);
    }
    // No attempt is left after `attempts` attempts.
    bool exhausted(int attempts) const { return attempts >= maxAttempts; }
};

} // namespace bt
