/* ag_rt_check.c - what happens once a call is inside a scope.
 *
 * Reached from ag_rt_check() only when the site is in an alloc_free root or
 * the thread holds allocguard_lock(). Also the user-allocator hook
 * __allocguard_check_site(), which the plugin inserts before calls to
 * functions marked ALLOCGUARD_ALLOCATOR.
 */
#include "ag_rt_check.h"

#include <errno.h>
#include <stdlib.h>

#include "ag_rt_flags.h"
#include "ag_rt_report.h"

static enum ag_rt_kind ag_rt_kind_of(const struct __allocguard_site *site,
                                     unsigned how) {
  if ((site->flags & AG_SITE_IN_ROOT) || __allocguard_scope_depth)
    return (how & AG_RT_DEALLOC) ? AG_RT_KIND_DEALLOC_IN_SCOPE
                                 : AG_RT_KIND_ALLOC_IN_SCOPE;
  return (how & AG_RT_DEALLOC) ? AG_RT_KIND_DEALLOC_UNDER_LOCK
                               : AG_RT_KIND_ALLOC_UNDER_LOCK;
}

static void ag_rt_report(const struct __allocguard_site *site, size_t bytes,
                         unsigned how) {
  if (!ag_rt_report_enter())
    return;
  ag_rt_report_violation(site, ag_rt_kind_of(site, how), bytes,
                         (how & AG_RT_HAS_SIZE) != 0);
  ag_rt_report_leave();
}

void ag_rt_violation(const struct __allocguard_site *site, size_t bytes,
                     unsigned how) {
  const struct ag_rt_flags *f;
  int saved_errno = errno;
  if ((how & AG_RT_DEALLOC) && (how & AG_RT_NULL))
    return;
  f = ag_rt_flags_get();
  if ((how & AG_RT_DEALLOC) && !f->dealloc)
    return;
  AG_RT_ADD(&site->counters->violations, 1);
  AG_RT_ADD(&ag_rt_totals.violations, 1);
  switch (f->mode) {
  case AG_RT_MODE_COUNT:
    break;
  case AG_RT_MODE_LOG:
    if (__atomic_exchange_n(&site->counters->reported, 1, __ATOMIC_RELAXED))
      break;
    ag_rt_report(site, bytes, how);
    break;
  default: /* AG_RT_MODE_ABORT */
    ag_rt_report(site, bytes, how);
    abort();
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
}
