#pragma once

#include <atomic>

namespace bt {

// Set by whoever cancels a job; long work (renders, OCR, diffs) polls it and stops.
using CancelFlag = std::atomic<bool>;

} // namespace bt
