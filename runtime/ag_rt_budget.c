/* ag_rt_budget.c - warm-up budgets: allocguard_lock_budget() for lock
 * scopes, root_budget_calls/root_budget_bytes for root scopes.
 *
 * A budget lets a scope's first checked calls through while they number at
 * most `calls` and request at most `bytes` in total (0: that dimension is
 * unlimited). The first call over either limit spends the budget: it and
 * every later call charged to the budget are violations, so the moment of
 * failure does not depend on the sizes that follow.
 *
 * Lock budgets sit on a small per-thread stack, each tagged with the level
 * (ag_rt_level()) its lock opened; a call is charged to the top budget only
 * at exactly that level, so a scope opened inside gets no allowance. Roots
 * enter and leave without calling the runtime, so a root budget cannot be
 * per call of the root: it is per thread, for the thread's lifetime. Calls
 * in a root scope that no lock budget covers are charged to it.
 */
#include "allocguard.h"

#include "ag_rt_allow.h"
#include "ag_rt_check.h"
#include "ag_rt_flags.h"

struct ag_rt_budget {
  uint64_t level;       /* ag_rt_level() the budget applies at */
  uint64_t calls_limit; /* 0: unlimited */
  uint64_t bytes_limit; /* 0: unlimited */
  uint64_t calls_used;
  uint64_t bytes_used;
  int spent; /* a call went over: charge nothing more */
};

/* Lock budgets nest rarely; each entry is static TLS in every thread. */
#define AG_RT_BUDGET_MAX 4

static AG_RT_TLS struct ag_rt_budget ag_rt_budgets[AG_RT_BUDGET_MAX];
static AG_RT_TLS unsigned ag_rt_nbudgets;
static AG_RT_TLS struct ag_rt_budget ag_rt_root_budget; /* limits: flags */
static int ag_rt_budget_overflow;

AG_RT_EXPORT void allocguard_lock_budget(uint64_t calls, uint64_t bytes) {
  unsigned n = ag_rt_nbudgets;
  struct ag_rt_budget *b;
  allocguard_lock();
  if (calls == 0 && bytes == 0)
    return; /* no allowance: a plain lock */
  if (n == AG_RT_BUDGET_MAX) {
    ag_rt_warn_once(&ag_rt_budget_overflow,
                    "allocguard_lock_budget() nested deeper than 4 on this "
                    "thread; the deeper locks get no budget (reported once)");
    return;
  }
  b = &ag_rt_budgets[n];
  b->level = ag_rt_level();
  b->calls_limit = calls;
  b->bytes_limit = bytes;
  b->calls_used = 0;
  b->bytes_used = 0;
  b->spent = 0;
  __atomic_signal_fence(__ATOMIC_SEQ_CST);
  ag_rt_nbudgets = n + 1;
}

void ag_rt_budget_unlocked(void) {
  unsigned n = ag_rt_nbudgets;
  while (n && (uint32_t)ag_rt_budgets[n - 1].level > ag_rt_lock_depth)
    n--;
  ag_rt_nbudgets = n;
}

/* Charge one call of `bytes`; 1 when it fits. */
static int ag_rt_budget_charge(struct ag_rt_budget *b, size_t bytes) {
  uint64_t used;
  if (b->spent)
    return 0;
  if ((b->calls_limit && b->calls_used >= b->calls_limit) ||
      (b->bytes_limit && (__builtin_add_overflow(b->bytes_used, bytes, &used) ||
                          used > b->bytes_limit))) {
    b->spent = 1;
    return 0;
  }
  b->calls_used++;
  b->bytes_used += bytes;
  return 1;
}

int ag_rt_budget_take(const struct __allocguard_site *site, uint64_t level,
                      size_t bytes) {
  unsigned n = ag_rt_nbudgets;
  struct ag_rt_budget *b;
  if (n && ag_rt_budgets[n - 1].level == level)
    return ag_rt_budget_charge(&ag_rt_budgets[n - 1], bytes);
  if (!(site->flags & AG_SITE_IN_ROOT) && !__allocguard_scope_depth)
    return 0;
  b = &ag_rt_root_budget;
  if (!b->calls_limit && !b->bytes_limit) {
    const struct ag_rt_flags *f = ag_rt_flags_get();
    if (!f->root_budget_calls && !f->root_budget_bytes)
      return 0;
    b->calls_limit = f->root_budget_calls;
    b->bytes_limit = f->root_budget_bytes;
  }
  return ag_rt_budget_charge(b, bytes);
}
