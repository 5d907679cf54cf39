#include "allocator.h"

#include <QtGlobal>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace bt {

void configureAllocatorForPages() {
#ifdef __GLIBC__
    // No per-block mmap: large blocks come from the heap and stay there between pages (up to 1 GB
    // free). One arena: a worker thread's own arena lives in 64 MB mmap'd heaps, which 40-60 MB
    // pages don't fit well and which come and go; the main heap simply keeps its free blocks.
    mallopt(M_MMAP_MAX, 0);
    mallopt(M_TRIM_THRESHOLD, 1024 * 1024 * 1024);
    mallopt(M_ARENA_MAX, 1);
#endif
}

void releaseFreeMemory() {
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}

} // namespace bt
