/* ag_rt_allow.h - what lets an in-scope call through instead of making it
 * a violation: a permit, a suppression, a budget (checked in that order by
 * ag_rt_violation(), each counted in its own stats field).
 *
 * All of it is per thread and runs only on the slow path, so the wrappers'
 * fast path (outside any scope) does not change.
 */
#ifndef ALLOCGUARD_AG_RT_ALLOW_H
#define ALLOCGUARD_AG_RT_ALLOW_H

#include <stddef.h>
#include <stdint.h>

#include "ag_abi.h"
#include "ag_rt_common.h"

/* ag_rt_permit.c: 1 when the innermost permit of this thread was begun at
 * `level` (ag_rt_level()), i.e. no scope has been opened since. */
int ag_rt_permit_covers(uint64_t level) AG_RT_HIDDEN;

/* ag_rt_suppress.c: 1 when the site's function or callee matches suppress=
 * or suppressions=. */
int ag_rt_suppressed(const struct __allocguard_site *site) AG_RT_HIDDEN;

/* ag_rt_budget.c: charge the call to the budget of the innermost scope
 * (a lock budget opened at `level`, else the thread's root budget when the
 * call is in a root scope); 1 when it fits. `bytes` is 0 when unknown. */
int ag_rt_budget_take(const struct __allocguard_site *site, uint64_t level,
                      size_t bytes) AG_RT_HIDDEN;

/* ag_rt_budget.c: drop the lock budgets of lock levels above the current
 * lock depth (allocguard_unlock() calls it after lowering the depth). */
void ag_rt_budget_unlocked(void) AG_RT_HIDDEN;

/* ag_rt_warn.c: "==PID==WARNING: allocguard: <text>" once per `*once`
 * flag, quiet when this thread is already reporting. */
void ag_rt_warn_once(int *once, const char *text) AG_RT_HIDDEN;

#endif /* ALLOCGUARD_AG_RT_ALLOW_H */
