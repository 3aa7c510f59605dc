/* ag_rt_stats.c - process-wide totals (allocguard_stats_get/reset) and
 * whether calls are counted at all.
 *
 * While counting, ag_rt_check() bumps ag_rt_totals with relaxed atomics
 * (the live bytes: ag_rt_live.h); readers get a field-by-field snapshot,
 * exact once the counting threads are quiet. Counting is off unless asked
 * for, because eight locked adds and two malloc_usable_size() calls would
 * cost a malloc+free pair outside any scope about 50 ns.
 */
#include "allocguard.h"

#include "ag_rt_allow.h"
#include "ag_rt_check.h"
#include "ag_rt_live.h"
#include "ag_rt_sites.h"

struct ag_rt_totals ag_rt_totals;

/* 1 before the options are parsed: calls made that early are counted in
 * case the options turn counting on (ag_rt_stats_configure). */
uint32_t ag_rt_counting = 1;

static uint32_t ag_rt_counting_by_api; /* allocguard_stats_enable() called */

void ag_rt_stats_configure(int on) {
  if (on || AG_RT_LOAD(&ag_rt_counting_by_api))
    return;
  AG_RT_STORE(&ag_rt_counting, 0);
  /* Forget what the early calls counted: with counting off the totals
   * read 0, not a handful of start-up allocations. */
  AG_RT_STORE(&ag_rt_totals.allocations, 0);
  AG_RT_STORE(&ag_rt_totals.frees, 0);
  AG_RT_STORE(&ag_rt_totals.bytes, 0);
  AG_RT_STORE(&ag_rt_totals.live_bytes, 0);
  AG_RT_STORE(&ag_rt_totals.peak_live_bytes, 0);
}

AG_RT_EXPORT void allocguard_stats_enable(void) {
  AG_RT_STORE(&ag_rt_counting_by_api, 1);
  AG_RT_STORE(&ag_rt_counting, 1);
}

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

AG_RT_EXPORT int allocguard_stats_get(struct allocguard_stats *out) {
  static int warned;
  int counting = AG_RT_LOAD(&ag_rt_counting) != 0;
  if (!counting)
    ag_rt_warn_once(&warned,
                    "allocguard_stats_get(): counting is off, so "
                    "allocations, frees, bytes and live bytes read 0 "
                    "(violations are always counted); turn it on with "
                    "ALLOCGUARD_OPTIONS=stats=1 or allocguard_stats_enable()");
  if (!out)
    return counting;
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
  return counting;
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
