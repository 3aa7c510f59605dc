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

#include <stdint.h>

/* Most ranges (roughly: instrumented DSOs) the fixed table holds. */
#define AG_RT_MAX_RANGES 1024

/* Proposed ABI addition (not yet in ag_abi.h): drop a registered range. */
void __allocguard_unregister_sites(const struct __allocguard_site *start,
                                   const struct __allocguard_site *stop);

/* Whether the loaded module that maps `pc` registered sites (was built
 * with the plugin). Takes the table lock and the loader's. */
int ag_rt_sites_in_module(const void *pc);

/* The code (executable segments) of the modules that registered sites,
 * and of the module mapping `also` (may be NULL): up to `max` ranges
 * [lo, hi) in one walk of the loaded objects. Returns how many there
 * are, which may be more than `max`. */
unsigned ag_rt_sites_code_ranges(const void *also, uintptr_t *lo,
                                 uintptr_t *hi, unsigned max);

/* Zero calls, bytes and violations of every registered site. */
void ag_rt_sites_reset_counters(void);

/* Call fn(site, ctx) on every valid site of every loaded registered range,
 * in registration order, under the table lock (fn must not register). */
void ag_rt_sites_foreach(void (*fn)(const struct __allocguard_site *, void *),
                         void *ctx);

/* Call fn(site, ctx) on every site the runtime made for a call
 * liballocguard_preload.so intercepted in a scope (ag_rt_callers.c,
 * flagged AG_RT_SITE_CALLER), in table order. Other threads may add sites
 * meanwhile: a caller that needs several passes to agree walks it once
 * into an array of AG_RT_MAX_CALLER_SITES. */
#define AG_RT_MAX_CALLER_SITES 1024
void ag_rt_callers_foreach(void (*fn)(const struct __allocguard_site *,
                                      void *),
                           void *ctx);
/* For such a site made for a call from a module built without the plugin,
 * the program's frame that led there ("prog+0x1234"), else "". */
const char *ag_rt_caller_via(const struct __allocguard_site *site);

#endif /* ALLOCGUARD_AG_RT_SITES_H */
