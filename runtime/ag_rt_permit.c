/* ag_rt_permit.c - allocguard_permit_begin/end: per-thread permits.
 *
 * A permit records the level (ag_rt_level(): root depth and lock depth) the
 * thread was at when it began, on a small fixed per-thread stack. An
 * in-scope call is permitted when the innermost permit's level is the
 * current one: a root entered or a lock taken inside the permit raises the
 * level, so that inner scope is checked again, and the permit applies once
 * more when it ends (roots restore the depth they saved, unlock lowers it).
 * The stack is written before its count, with a signal fence, so a signal
 * handler that interrupts begin/end sees a consistent stack.
 */
#include "allocguard.h"

#include "ag_rt_allow.h"
#include "ag_rt_check.h"

/* Deep enough for permits nested in library layers; each entry is 8 bytes
 * of static TLS in every thread. */
#define AG_RT_PERMIT_MAX 16

static AG_RT_TLS uint64_t ag_rt_permit_level[AG_RT_PERMIT_MAX];
static AG_RT_TLS unsigned ag_rt_permit_depth; /* may exceed the max */
static int ag_rt_permit_unbalanced, ag_rt_permit_overflow;

AG_RT_EXPORT void allocguard_permit_begin(void) {
  unsigned n = ag_rt_permit_depth;
  if (AG_RT_UNLIKELY(n == ~0u))
    return;
  if (AG_RT_LIKELY(n < AG_RT_PERMIT_MAX))
    ag_rt_permit_level[n] = ag_rt_level();
  else /* counted, so ends still pair up, but it permits nothing */
    ag_rt_warn_once(&ag_rt_permit_overflow,
                    "allocguard_permit_begin() nested deeper than 16 on this "
                    "thread; the deeper permits do not apply (reported once)");
  __atomic_signal_fence(__ATOMIC_SEQ_CST);
  ag_rt_permit_depth = n + 1;
}

AG_RT_EXPORT void allocguard_permit_end(void) {
  unsigned n = ag_rt_permit_depth;
  if (AG_RT_UNLIKELY(n == 0)) {
    ag_rt_warn_once(&ag_rt_permit_unbalanced,
                    "allocguard_permit_end() without a matching "
                    "allocguard_permit_begin() on this thread; ignored "
                    "(reported once)");
    return;
  }
  ag_rt_permit_depth = n - 1;
}

int ag_rt_permit_covers(uint64_t level) {
  unsigned n = ag_rt_permit_depth;
  return n != 0 && n <= AG_RT_PERMIT_MAX && ag_rt_permit_level[n - 1] == level;
}
