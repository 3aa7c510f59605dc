/* ag_rt_sites.h - registered site descriptor ranges.
 *
 * Each instrumented DSO hands its [__start_allocguard_sites,
 * __stop_allocguard_sites) range to __allocguard_register_sites() from a
 * constructor. The ranges feed allocguard_stats_reset(), summary=1 and
 * dhat=, together with the sites made for intercepted calls.
 */
#ifndef ALLOCGUARD_AG_RT_SITES_H
#define ALLOCGUARD_AG_RT_SITES_H

#include "ag_abi.h"

/* Most ranges (roughly: instrumented DSOs) the fixed table holds. */
#define AG_RT_MAX_RANGES 1024

/* Proposed ABI addition (not yet in ag_abi.h): drop a registered range. */
void __allocguard_unregister_sites(const struct __allocguard_site *start,
                                   const struct __allocguard_site *stop);

/* Zero calls, bytes and violations of every registered site. */
void ag_rt_sites_reset_counters(void);

/* Call fn(site, ctx) on every valid site of every loaded registered range,
 * in registration order, under the table lock (fn must not register). */
void ag_rt_sites_foreach(void (*fn)(const struct __allocguard_site *, void *),
                         void *ctx);

/* Sites the runtime made for calls liballocguard_preload.so intercepted in
 * a scope (ag_rt_callers.c), flagged AG_RT_SITE_CALLER: copies up to `max`
 * pointers of the published ones into out, returns how many. A snapshot,
 * so passes over it agree while other threads add sites. */
#define AG_RT_MAX_CALLER_SITES 1024
unsigned ag_rt_callers_snapshot(const struct __allocguard_site **out,
                                unsigned max);

#endif /* ALLOCGUARD_AG_RT_SITES_H */
