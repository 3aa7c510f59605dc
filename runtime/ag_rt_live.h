/* ag_rt_live.h - live and peak heap bytes of the checked calls.
 *
 * While counting is on (ag_rt_counting), each wrapper adds
 * malloc_usable_size() of the block it returns and subtracts that of the
 * block it frees, with relaxed atomics on
 * ag_rt_totals, so allocguard_stats_get() can report the bytes live right
 * now and the most ever live, without a table and without allocating. The
 * level is a wrapping uint64_t read as int64_t: a block allocated outside
 * instrumented code and freed through a checked free takes away bytes it
 * never added, which may take the level below zero (reported as 0).
 */
#ifndef ALLOCGUARD_AG_RT_LIVE_H
#define ALLOCGUARD_AG_RT_LIVE_H

#include <malloc.h>
#include <stddef.h>
#include <stdint.h>

#include "ag_rt_check.h"

/* Slow path of a new high: raise peak_live_bytes to `now` (CAS loop). */
void ag_rt_live_raise_peak(int64_t now) AG_RT_HIDDEN
    __attribute__((cold, noinline));

/* Add `n` usable bytes (negative: subtract) and track the peak, when
 * counting is on. */
static inline __attribute__((always_inline)) void ag_rt_live_add(int64_t n) {
  int64_t now;
  if (!AG_RT_LOAD(&ag_rt_counting))
    return;
  now = (int64_t)__atomic_add_fetch(&ag_rt_totals.live_bytes, (uint64_t)n,
                                    __ATOMIC_RELAXED);
  if (n > 0 &&
      AG_RT_UNLIKELY(now > (int64_t)AG_RT_LOAD(&ag_rt_totals.peak_live_bytes)))
    ag_rt_live_raise_peak(now);
}

/* Usable size of a block from malloc & co.; 0 for NULL, or when counting
 * is off (then nothing is measured). */
static inline size_t ag_rt_usable(void *p) {
  return p && AG_RT_LOAD(&ag_rt_counting) ? malloc_usable_size(p) : 0;
}

/* A block came out of the allocator (NULL: the call failed, nothing). */
static inline void ag_rt_live_alloc(void *p) {
  if (p && AG_RT_LOAD(&ag_rt_counting))
    ag_rt_live_add((int64_t)malloc_usable_size(p));
}

/* A block is about to go back; call before the real free. */
static inline void ag_rt_live_free(void *p) {
  if (p && AG_RT_LOAD(&ag_rt_counting))
    ag_rt_live_add(-(int64_t)malloc_usable_size(p));
}

/* realloc(ptr, size) returned p; `old` is ptr's usable size before. NULL
 * with size 0 means glibc freed ptr; NULL otherwise, that ptr is intact. */
static inline void ag_rt_live_realloc(void *ptr, size_t old, void *p,
                                      size_t size) {
  if (!AG_RT_LOAD(&ag_rt_counting))
    return;
  if (p)
    ag_rt_live_add((int64_t)malloc_usable_size(p) - (int64_t)old);
  else if (ptr && size == 0)
    ag_rt_live_add(-(int64_t)old);
}

#endif /* ALLOCGUARD_AG_RT_LIVE_H */
