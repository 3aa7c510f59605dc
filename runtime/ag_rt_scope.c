/* ag_rt_scope.c - the per-thread phase lock (allocguard_lock/unlock).
 *
 * A thread-local depth counter: nestable, and one thread's lock never
 * affects another. Wrappers read it in ag_rt_check(), beside the root
 * scope depth that instrumented roots maintain themselves.
 */
#include "allocguard.h"

#include "ag_rt_allow.h"
#include "ag_rt_check.h"
#include "ag_rt_report.h"

AG_RT_TLS unsigned ag_rt_lock_depth;

/* The same thread-local under an exported name, for the interposers of
 * liballocguard_preload.so, which test it on every malloc (ag_rt_preload.h).
 */
extern AG_RT_TLS unsigned __allocguard_lock_depth AG_RT_EXPORT
    __attribute__((alias("ag_rt_lock_depth")));

/* Checked wrappers running on this thread (AG_RT_WRAPPING in
 * ag_rt_check.h): the preload library's interposers skip calls below one. */
AG_RT_EXPORT AG_RT_TLS unsigned __allocguard_in_wrapper;

/* Raised inline by every instrumented root while it runs (ag_abi.h). */
AG_RT_EXPORT AG_RT_TLS uint32_t __allocguard_scope_depth;

/* The open roots by depth, written inline by each root on entry (ag_abi.h). */
AG_RT_EXPORT AG_RT_TLS const struct __allocguard_root
    *__allocguard_scope_roots[AG_SCOPE_ROOTS_MAX];

const struct __allocguard_root *ag_rt_scope_root(void) {
  const struct __allocguard_root *root;
  uint32_t depth = __allocguard_scope_depth;
  if (!depth)
    return 0;
  root = __allocguard_scope_roots[depth & (AG_SCOPE_ROOTS_MAX - 1)];
  return root && root->abi_version == AG_SITE_ABI_VERSION ? root : 0;
}

static int ag_rt_unbalanced_reported;

AG_RT_EXPORT void allocguard_lock(void) {
  if (AG_RT_LIKELY(ag_rt_lock_depth != ~0u))
    ag_rt_lock_depth++;
}

/* An unlock without a lock is a bug in the caller, but not one worth
 * crashing a real-time program over: say so once per process, ignore it. */
static void ag_rt_report_unbalanced(void) {
  struct ag_rt_line l;
  if (__atomic_exchange_n(&ag_rt_unbalanced_reported, 1, __ATOMIC_RELAXED))
    return;
  if (!ag_rt_report_enter())
    return;
  ag_rt_line_init(&l);
  ag_rt_line_pid(&l);
  ag_rt_line_str(&l, "WARNING: allocguard: allocguard_unlock() without a "
                     "matching allocguard_lock() on this thread; ignored "
                     "(reported once)");
  ag_rt_line_emit(&l);
  ag_rt_report_leave();
}

AG_RT_EXPORT void allocguard_unlock(void) {
  if (AG_RT_UNLIKELY(ag_rt_lock_depth == 0)) {
    ag_rt_report_unbalanced();
    return;
  }
  ag_rt_lock_depth--;
  ag_rt_budget_unlocked(); /* a budget lives as long as its lock level */
}

AG_RT_EXPORT unsigned allocguard_lock_depth(void) { return ag_rt_lock_depth; }
