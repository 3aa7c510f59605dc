/* allocguard.h - public API of the allocguard runtime.
 *
 * Mark real-time entry points with ALLOCGUARD_ALLOC_FREE and build with the
 * allocguard pass plugin; link liballocguard_rt. Options are read from
 * ALLOCGUARD_OPTIONS (see docs/runtime.md).
 */
#ifndef ALLOCGUARD_H
#define ALLOCGUARD_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Annotations (understood by the clang pass plugin) ---------------- */

#if defined(__clang__)
/* Nothing reachable from this function may allocate or free. */
#define ALLOCGUARD_ALLOC_FREE __attribute__((annotate("alloc_free")))
/* This function is an allocator: calls to it are checked like malloc. */
#define ALLOCGUARD_ALLOCATOR __attribute__((annotate("allocguard_allocator")))
#else
#define ALLOCGUARD_ALLOC_FREE
#define ALLOCGUARD_ALLOCATOR
#endif

/* ---- Phase lock: forbid allocation on this thread at run time --------- */

/* Enter an allocation-free phase on the calling thread (nestable). */
void allocguard_lock(void);
/* Leave one level; an unbalanced unlock is reported once and ignored. */
void allocguard_unlock(void);
/* Current nesting depth of allocguard_lock() on the calling thread. */
unsigned allocguard_lock_depth(void);

/* ---- Statistics: process-wide counts of instrumented calls ------------ */

struct allocguard_stats {
  uint64_t allocations; /* checked allocation calls (malloc, new, ...) */
  uint64_t frees;       /* checked deallocation calls (free, delete, ...) */
  uint64_t bytes;       /* bytes requested by allocation calls, when known */
  uint64_t violations;  /* calls made inside an alloc_free scope or lock */
};

/* Copy the current totals into *out. */
void allocguard_stats_get(struct allocguard_stats *out);
/* Zero the totals and the counters of every registered site. */
void allocguard_stats_reset(void);

/* ---- Options hook ----------------------------------------------------- */

/* Define this in the program to supply default options; ALLOCGUARD_OPTIONS
 * is applied after it and wins. Must not allocate. */
const char *__allocguard_default_options(void);

#ifdef __cplusplus
}
#endif

#endif /* ALLOCGUARD_H */
