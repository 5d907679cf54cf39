#include "allocator.h"

#include <QtGlobal>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace bt {

void configureAllocatorForPages() {
#ifdef __GLIBC__
    mallopt(M_MMAP_MAX, 0);                        // no per-block mmap: large blocks come from the heap
    mallopt(M_TRIM_THRESHOLD, 1024 * 1024 * 1024); // and stay there between pages (up to 1 GB free)
#endif
}

void releaseFreeMemory() {
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}

} // namespace bt
