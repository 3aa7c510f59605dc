/* ag_rt_check.c - what happens once a call is inside a scope.
 *
 * Reached from ag_rt_check() only when the site is in an alloc_free root or
 * the thread holds allocguard_lock(). A permit, a suppression or a budget
 * may still let the call through (ag_rt_allow.h, in that order); otherwise
 * it is a violation, handed to __allocguard_on_violation() as the mode
 * says (ag_rt_handler.c). Also the user-allocator hook
 * __allocguard_check_site(), which the plugin inserts before calls to
 * functions marked ALLOCGUARD_ALLOCATOR.
 */
#include "ag_rt_check.h"

#include <errno.h>
#include <stdlib.h>

#include "ag_rt_allow.h"
#include "ag_rt_backtrace.h"
#include "ag_rt_flags.h"
#include "ag_rt_handler.h"
#include "ag_rt_preload.h"
#include "ag_rt_report.h"

static enum ag_rt_kind ag_rt_kind_of(const struct __allocguard_site *site,
                                     unsigned how) {
  if ((site->flags & AG_SITE_IN_ROOT) || __allocguard_scope_depth)
    return (how & AG_RT_DEALLOC) ? AG_RT_KIND_DEALLOC_IN_SCOPE
                                 : AG_RT_KIND_ALLOC_IN_SCOPE;
  return (how & AG_RT_DEALLOC) ? AG_RT_KIND_DEALLOC_UNDER_LOCK
                               : AG_RT_KIND_ALLOC_UNDER_LOCK;
}

/* Hand the violation to the handler (log mode: only a site's first);
 * 0 when this thread is already in the handler (a checked call made by it,
 * or by a signal handler that interrupted it): such a call is counted,
 * never reported, and leaves the abort to the outer report. `ret` is the
 * wrapper's return address, where a backtrace starts. */
static int ag_rt_handle(const struct ag_rt_flags *f,
                        const struct __allocguard_site *site, size_t bytes,
                        unsigned how, int log_once, const void *ret) {
  struct allocguard_violation v;
  const void *frames[AG_RT_BT_MAX];
  if (!ag_rt_report_enter())
    return 0;
  if (log_once &&
      __atomic_exchange_n(&site->counters->reported, 1, __ATOMIC_RELAXED)) {
    ag_rt_report_leave();
    return 1;
  }
  ag_rt_violation_describe(&v, site, ag_rt_kind_of(site, how), bytes,
                           (how & AG_RT_HAS_SIZE) != 0);
  v.will_abort = !log_once;
  /* The frames show the whole stack (backtrace=1), or lead from a call in
   * a system header or a prebuilt library to the user's line. */
  if (f->backtrace || v.system_site) {
    v.nframes = ag_rt_backtrace_capture(frames, AG_RT_BT_MAX, ret);
    v.frames = frames;
    /* An intercepted call's first frame is the interposer itself (ret is
     * __allocguard_preload_check's): start at its caller, as the line does. */
    if ((site->flags & AG_RT_SITE_CALLER) && v.nframes > 1) {
      v.frames = frames + 1;
      v.nframes--;
    }
  }
  __allocguard_on_violation(&v);
  ag_rt_report_leave();
  return 1;
}

void ag_rt_violation(const struct __allocguard_site *site, size_t bytes,
                     unsigned how) {
  const struct ag_rt_flags *f;
  uint64_t level;
  int saved_errno = errno;
  if ((how & AG_RT_DEALLOC) && (how & AG_RT_NULL))
    return;
  f = ag_rt_flags_get();
  if ((how & AG_RT_DEALLOC) && !f->dealloc)
    return;
  level = ag_rt_level();
  if (ag_rt_permit_covers(level)) {
    AG_RT_ADD(&ag_rt_totals.permitted, 1);
  } else if (ag_rt_suppressed(site)) {
    AG_RT_ADD(&ag_rt_totals.suppressed, 1);
  } else if (ag_rt_budget_take(site, level, bytes)) {
    AG_RT_ADD(&ag_rt_totals.budgeted, 1);
  } else {
    AG_RT_ADD(&site->counters->violations, 1);
    AG_RT_ADD(&ag_rt_totals.violations, 1);
    switch (f->mode) {
    case AG_RT_MODE_COUNT:
      break;
    case AG_RT_MODE_LOG:
      ag_rt_handle(f, site, bytes, how, 1, __builtin_return_address(0));
      break;
    default: /* AG_RT_MODE_ABORT */
      if (ag_rt_handle(f, site, bytes, how, 0, __builtin_return_address(0)))
        abort();
    }
  }
  errno = saved_errno;
}

/* `requested` is the size passed to the user allocator, or 0 when unknown
 * (then the report names no size). Deallocators carry AG_SITE_DEALLOC. */
AG_RT_EXPORT void __allocguard_check_site(const struct __allocguard_site *site,
                                          size_t requested) {
  unsigned how = (site->flags & AG_SITE_DEALLOC) ? AG_RT_DEALLOC : 0;
  if (!how && requested)
    how |= AG_RT_HAS_SIZE;
  ag_rt_check(site, requested, how);
  /* No tail call into ag_rt_violation(): a backtrace skips frames through
   * this function's return address, which must be this frame's. */
  __asm__ volatile("");
}
