/* ag_rt_stats.c - process-wide totals (allocguard_stats_get/reset).
 *
 * ag_rt_check() bumps ag_rt_totals with relaxed atomics (the live bytes:
 * ag_rt_live.h); readers get a field-by-field snapshot, exact once the
 * counting threads are quiet.
 */
#include "allocguard.h"

#include "ag_rt_check.h"
#include "ag_rt_live.h"
#include "ag_rt_sites.h"

struct ag_rt_totals ag_rt_totals;

/* The live level wraps (ag_rt_live.h); below zero reads as 0. */
static uint64_t ag_rt_nonneg(uint64_t v) { return (int64_t)v < 0 ? 0 : v; }

void ag_rt_live_raise_peak(int64_t now) {
  uint64_t peak = AG_RT_LOAD(&ag_rt_totals.peak_live_bytes);
  while (now > (int64_t)peak &&
         !__atomic_compare_exchange_n(&ag_rt_totals.peak_live_bytes, &peak,
                                      (uint64_t)now, 1, __ATOMIC_RELAXED,
                                      __ATOMIC_RELAXED))
    ;
}

AG_RT_EXPORT void allocguard_stats_get(struct allocguard_stats *out) {
  if (!out)
    return;
  out->allocations = AG_RT_LOAD(&ag_rt_totals.allocations);
  out->frees = AG_RT_LOAD(&ag_rt_totals.frees);
  out->bytes = AG_RT_LOAD(&ag_rt_totals.bytes);
  out->violations = AG_RT_LOAD(&ag_rt_totals.violations);
  out->live_bytes = ag_rt_nonneg(AG_RT_LOAD(&ag_rt_totals.live_bytes));
  out->peak_live_bytes =
      ag_rt_nonneg(AG_RT_LOAD(&ag_rt_totals.peak_live_bytes));
  out->suppressed = AG_RT_LOAD(&ag_rt_totals.suppressed);
  out->permitted = AG_RT_LOAD(&ag_rt_totals.permitted);
  out->budgeted = AG_RT_LOAD(&ag_rt_totals.budgeted);
}

/* Zero the totals and the calls/bytes/violations of every registered site.
 * The log-mode "reported" flags are kept: a site is reported once per
 * process, not once per reset. */
AG_RT_EXPORT void allocguard_stats_reset(void) {
  AG_RT_STORE(&ag_rt_totals.allocations, 0);
  AG_RT_STORE(&ag_rt_totals.frees, 0);
  AG_RT_STORE(&ag_rt_totals.bytes, 0);
  AG_RT_STORE(&ag_rt_totals.violations, 0);
  AG_RT_STORE(&ag_rt_totals.suppressed, 0);
  AG_RT_STORE(&ag_rt_totals.permitted, 0);
  AG_RT_STORE(&ag_rt_totals.budgeted, 0);
  /* live_bytes is a level: blocks still live will be freed later. */
  AG_RT_STORE(&ag_rt_totals.peak_live_bytes,
              AG_RT_LOAD(&ag_rt_totals.live_bytes));
  ag_rt_sites_reset_counters();
}
