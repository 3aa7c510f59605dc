/* ag_rt_stats.c - process-wide totals (allocguard_stats_get/reset).
 *
 * ag_rt_check() bumps ag_rt_totals with relaxed atomics; readers get a
 * field-by-field snapshot, exact once the counting threads are quiet.
 */
#include "allocguard.h"

#include "ag_rt_check.h"
#include "ag_rt_sites.h"

struct ag_rt_totals ag_rt_totals;

AG_RT_EXPORT void allocguard_stats_get(struct allocguard_stats *out) {
  if (!out)
    return;
  out->allocations = AG_RT_LOAD(&ag_rt_totals.allocations);
  out->frees = AG_RT_LOAD(&ag_rt_totals.frees);
  out->bytes = AG_RT_LOAD(&ag_rt_totals.bytes);
  out->violations = AG_RT_LOAD(&ag_rt_totals.violations);
}

/* Zero the totals and the calls/bytes/violations of every registered site.
 * The log-mode "reported" flags are kept: a site is reported once per
 * process, not once per reset. */
AG_RT_EXPORT void allocguard_stats_reset(void) {
  AG_RT_STORE(&ag_rt_totals.allocations, 0);
  AG_RT_STORE(&ag_rt_totals.frees, 0);
  AG_RT_STORE(&ag_rt_totals.bytes, 0);
  AG_RT_STORE(&ag_rt_totals.violations, 0);
  ag_rt_sites_reset_counters();
}
