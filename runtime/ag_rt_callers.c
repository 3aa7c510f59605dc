/* ag_rt_callers.c - sites for calls liballocguard_preload.so intercepts.
 *
 * An intercepted malloc has no descriptor from the plugin, so the runtime
 * makes one per (function, caller) pair the first time that pair runs in a
 * scope, named after the caller: dladdr() gives the module and the nearest
 * symbol, without allocating. When the caller is in a module built without
 * the plugin (libc's fclose freeing its FILE), the pair is also told apart
 * by the first frame above it in one built with it: two of the program's
 * fclose calls are two sites, as they are two lines to fix, though libc
 * frees from one place. The descriptor then goes through
 * ag_rt_check() like any plugin site: counters, permits, suppressions
 * (by the symbol), budgets, log-once, the handler.
 *
 * The table is fixed (no allocation) and lock-free: a slot is claimed with
 * a CAS, filled, then published. When it is full, further callers share one
 * site named "(caller table full)". summary=1, dhat= and
 * allocguard_stats_reset() reach these sites through
 * ag_rt_callers_foreach().
 */
#define _GNU_SOURCE
#include "ag_rt_preload.h"

#include <dlfcn.h>
#include <errno.h>
#include <sched.h>
#include <string.h>

#include "ag_rt_allow.h"
#include "ag_rt_backtrace.h"
#include "ag_rt_check.h"
#include "ag_rt_sites.h"

#define AG_RT_CALLERS_MAX 512 /* a power of two */

struct ag_rt_caller {
  struct __allocguard_site site;         /* what ag_rt_check() sees */
  struct __allocguard_counters counters; /* site.counters points here */
  const void *pc;  /* the call instruction in the caller */
  const void *user; /* the first instrumented frame above an uninstrumented
                       caller, or NULL */
  uint32_t callee; /* enum ag_rt_pl_callee */
  uint32_t state;  /* 0 free, 1 being filled, 2 ready */
  char where[64];  /* "libfoo.so+0x1234" */
  char symbol[64]; /* "foo_helper", or "" */
  char via[64];    /* user's "prog+0x1234", or "" */
};

static struct ag_rt_caller ag_rt_callers[AG_RT_CALLERS_MAX];
/* One per callee, shared by every caller once the table is full. */
static struct ag_rt_caller ag_rt_callers_full[AG_RT_PL_COUNT];

static const char *const ag_rt_pl_names[AG_RT_PL_COUNT] = {
#define AG_RT_PL_NAME(id, name, dealloc) name,
    AG_RT_PL_CALLEES(AG_RT_PL_NAME)
#undef AG_RT_PL_NAME
};

static const unsigned char ag_rt_pl_dealloc[AG_RT_PL_COUNT] = {
#define AG_RT_PL_DEALLOC(id, name, dealloc) dealloc,
    AG_RT_PL_CALLEES(AG_RT_PL_DEALLOC)
#undef AG_RT_PL_DEALLOC
};

/* Copy s into buf (size n), truncated, NUL-terminated; returns the end. */
static char *ag_rt_copy(char *buf, size_t n, const char *s) {
  size_t len = strlen(s);
  if (len >= n)
    len = n - 1;
  memcpy(buf, s, len);
  buf[len] = '\0';
  return buf + len;
}

/* "<module basename>+0x<pc - module base>" into `where` (the module name
 * cut to leave room for the offset) and the nearest exported symbol into
 * `symbol` (when not NULL). */
static void ag_rt_pc_name(const void *pc, char *where, size_t where_size,
                          char *symbol, size_t symbol_size) {
  Dl_info info;
  const char *module = "<unknown module>", *slash;
  uintptr_t off = (uintptr_t)pc;
  char hex[19], *end;
  size_t i = sizeof hex;
  if (dladdr(pc, &info)) {
    module = "<main>";
    if (info.dli_fname && info.dli_fname[0]) {
      slash = strrchr(info.dli_fname, '/');
      module = slash ? slash + 1 : info.dli_fname;
    }
    off -= (uintptr_t)info.dli_fbase;
    if (symbol && info.dli_sname)
      ag_rt_copy(symbol, symbol_size, info.dli_sname);
  }
  do {
    hex[--i] = "0123456789abcdef"[off & 15];
    off >>= 4;
  } while (off);
  hex[--i] = 'x';
  hex[--i] = '0';
  hex[--i] = '+';
  end = ag_rt_copy(where, where_size - (sizeof hex - i), module);
  memcpy(end, hex + i, sizeof hex - i);
  end[sizeof hex - i] = '\0';
}

static void ag_rt_caller_fill(struct ag_rt_caller *c, unsigned callee,
                              const void *pc, const void *user, int named) {
  c->pc = pc;
  c->user = user;
  c->callee = callee;
  if (named) {
    ag_rt_pc_name(pc, c->where, sizeof c->where, c->symbol, sizeof c->symbol);
    if (user)
      ag_rt_pc_name(user, c->via, sizeof c->via, NULL, 0);
  } else
    ag_rt_copy(c->where, sizeof c->where, "(caller table full)");
  c->site.abi_version = AG_SITE_ABI_VERSION;
  c->site.flags =
      AG_RT_SITE_CALLER | (ag_rt_pl_dealloc[callee] ? AG_SITE_DEALLOC : 0);
  c->site.file = c->where;
  c->site.function = c->symbol;
  c->site.callee = ag_rt_pl_names[callee];
  c->site.counters = &c->counters;
}

/* The site of (callee, pc, user): found, or claimed and filled now. */
static const struct __allocguard_site *
ag_rt_caller_site(unsigned callee, const void *pc, const void *user) {
  uint64_t h = ((uint64_t)(uintptr_t)pc * 0x9e3779b97f4a7c15ull) >> 32;
  h ^= ((uint64_t)(uintptr_t)user * 0xff51afd7ed558ccdull) >> 32;
  struct ag_rt_caller *c;
  unsigned i, n;
  h ^= callee;
  for (n = 0; n < AG_RT_CALLERS_MAX; n++) {
    c = &ag_rt_callers[(h + n) & (AG_RT_CALLERS_MAX - 1)];
    uint32_t state = __atomic_load_n(&c->state, __ATOMIC_ACQUIRE), zero = 0;
    if (state == 0 &&
        __atomic_compare_exchange_n(&c->state, &zero, 1, 0, __ATOMIC_ACQUIRE,
                                    __ATOMIC_ACQUIRE)) {
      ag_rt_caller_fill(c, callee, pc, user, 1);
      __atomic_store_n(&c->state, 2, __ATOMIC_RELEASE);
      return &c->site;
    }
    /* Claimed by another thread: its dladdr() is short; wait for it. */
    for (i = 0; (state = __atomic_load_n(&c->state, __ATOMIC_ACQUIRE)) == 1;
         i++)
      if (i % 64 == 63)
        sched_yield();
    if (c->pc == pc && c->user == user && c->callee == callee)
      return &c->site;
  }
  /* Full: one shared site per callee, filled by whichever thread gets here
   * first; every filler writes the same constants, so a race is harmless. */
  c = &ag_rt_callers_full[callee];
  if (!__atomic_load_n(&c->state, __ATOMIC_ACQUIRE)) {
    ag_rt_caller_fill(c, callee, 0, 0, 0);
    __atomic_store_n(&c->state, 2, __ATOMIC_RELEASE);
  }
  return &c->site;
}

const char *ag_rt_caller_via(const struct __allocguard_site *site) {
  /* The site is the first member of its caller entry. */
  return ((const struct ag_rt_caller *)(const void *)site)->via;
}

_Static_assert(AG_RT_CALLERS_MAX + AG_RT_PL_COUNT <= AG_RT_MAX_CALLER_SITES,
              "an array of AG_RT_MAX_CALLER_SITES holds every caller site");

void ag_rt_callers_foreach(void (*fn)(const struct __allocguard_site *,
                                      void *),
                           void *ctx) {
  unsigned i;
  for (i = 0; i < AG_RT_CALLERS_MAX; i++)
    if (__atomic_load_n(&ag_rt_callers[i].state, __ATOMIC_ACQUIRE) == 2)
      fn(&ag_rt_callers[i].site, ctx);
  for (i = 0; i < AG_RT_PL_COUNT; i++)
    if (__atomic_load_n(&ag_rt_callers_full[i].state, __ATOMIC_ACQUIRE) == 2)
      fn(&ag_rt_callers_full[i].site, ctx);
}

AG_RT_EXPORT void __allocguard_preload_check(unsigned callee, size_t bytes,
                                             unsigned how, const void *ret) {
  int saved_errno;
  /* Below a checked wrapper (it already counted this call), or below this
   * function itself (nothing here allocates, but a handler might). */
  if (__allocguard_in_wrapper || callee >= AG_RT_PL_COUNT)
    return;
  saved_errno = errno;
  __allocguard_in_wrapper++;
  const void *pc = (const char *)ret - 1;
  /* The program's frame that led here tells one line's call from
   * another's, for reports; a call a permit lets through is not reported,
   * so it keeps the intercepted call's own site and skips the unwinding
   * (microseconds: the stack, and the loaded objects' segments). */
  const void *user = ag_rt_permit_covers(ag_rt_level())
                         ? NULL
                         : ag_rt_backtrace_user_frame(pc, ret,
                                                      ag_rt_scope_root());
  ag_rt_check(ag_rt_caller_site(callee, pc, user), bytes, how);
  __allocguard_in_wrapper--;
  errno = saved_errno;
}
