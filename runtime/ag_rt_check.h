/* ag_rt_check.h - the one decision every checked call goes through.
 *
 * Each wrapper is a front (AG_RT_WRAPPER): outside any scope, with counting
 * off (the default), it tests the site's flags, two thread-local depths and
 * one global, then jumps to the real function. Otherwise ag_rt_check()
 * counts (when counting is on) and hands in-scope calls to the out-of-line
 * ag_rt_violation() (options, permits, reporting, abort).
 */
#ifndef ALLOCGUARD_AG_RT_CHECK_H
#define ALLOCGUARD_AG_RT_CHECK_H

#include <stddef.h>
#include <stdint.h>

#include "ag_abi.h"
#include "ag_rt_common.h"

/* allocguard_lock() depth of this thread (ag_rt_scope.c). */
extern AG_RT_TLS unsigned ag_rt_lock_depth AG_RT_HIDDEN;

/* alloc_free root depth of this thread, raised and restored inline by
 * instrumented roots (AG_SCOPE_DEPTH_VAR; defined in ag_rt_scope.c).
 * Declared initial-exec here so the runtime's own reads of this exported
 * variable never call __tls_get_addr. */
extern AG_RT_TLS uint32_t __allocguard_scope_depth AG_RT_EXPORT;

/* The open roots by depth (AG_SCOPE_ROOTS_VAR; ag_rt_scope.c). */
extern AG_RT_TLS const struct __allocguard_root
    *__allocguard_scope_roots[AG_SCOPE_ROOTS_MAX] AG_RT_EXPORT;

/* The innermost root open on this thread, or NULL (no root scope, or the
 * root was built by a plugin that does not record roots). */
const struct __allocguard_root *ag_rt_scope_root(void) AG_RT_HIDDEN;

/* Process-wide totals behind allocguard_stats_get() (ag_rt_stats.c). */
struct ag_rt_totals {
  uint64_t allocations;     /* allocation calls */
  uint64_t frees;           /* deallocation calls */
  uint64_t bytes;           /* bytes requested, when known */
  uint64_t violations;      /* calls inside a scope or lock */
  uint64_t live_bytes;      /* usable bytes allocated minus freed; wraps, read
                               as int64_t (ag_rt_live.h) */
  uint64_t peak_live_bytes; /* highest live_bytes (as int64_t) */
  uint64_t suppressed;      /* in-scope calls matched by a suppression */
  uint64_t permitted;       /* in-scope calls under allocguard_permit_begin() */
  uint64_t budgeted;        /* in-scope calls within a budget */
};
extern struct ag_rt_totals ag_rt_totals AG_RT_HIDDEN;

/* Nonzero while calls are counted: per site and in ag_rt_totals (calls,
 * bytes, live bytes). Set by stats=1, summary=1, dhat= or
 * allocguard_stats_enable(); starts at 1 so calls made before the options
 * are parsed count if they ask for it (ag_rt_stats.c). Violations,
 * permitted, suppressed and budgeted calls are counted either way: they
 * are on the slow path already. */
extern uint32_t ag_rt_counting AG_RT_HIDDEN;

/* Once the options are parsed: keep counting if `on` (or the program
 * called allocguard_stats_enable()), else stop (ag_rt_stats.c). */
void ag_rt_stats_configure(int on) AG_RT_HIDDEN;

/* What the wrapper knows about the call. */
enum {
  AG_RT_DEALLOC = 1u << 0,  /* frees memory (bytes is 0) */
  AG_RT_HAS_SIZE = 1u << 1, /* bytes is the requested size */
  AG_RT_NULL = 1u << 2,     /* deallocation of NULL: counted, never a
                               violation (it does not touch the heap) */
};

/* Slow path: decide, count the violation, report or abort per mode.
 * Preserves errno. */
void ag_rt_violation(const struct __allocguard_site *site, size_t bytes,
                     unsigned how) AG_RT_HIDDEN __attribute__((cold, noinline));

/* Where the thread stands: root depth and lock depth in one word. Permits
 * and budgets apply at the level they were opened at, so any scope opened
 * above them (a root entered, a lock taken) is checked in full. */
static inline uint64_t ag_rt_level(void) {
  return (uint64_t)__allocguard_scope_depth << 32 | ag_rt_lock_depth;
}

/* The call sits in an alloc_free root, runs below one on this thread, or
 * this thread holds the lock. */
static inline __attribute__((always_inline)) uint32_t
ag_rt_in_scope(const struct __allocguard_site *site) {
  return (site->flags & AG_SITE_IN_ROOT) | ag_rt_lock_depth |
         __allocguard_scope_depth;
}

/* Nothing to do for this call: not in a scope, and counting is off. */
#define AG_RT_QUIET(site)                                                      \
  AG_RT_LIKELY(!(ag_rt_in_scope(site) | AG_RT_LOAD(&ag_rt_counting)))

/* The front's jump to its checked body. A guaranteed tail call where the
 * compiler offers one (clang), so even an unoptimized or -fsanitize=thread
 * build leaves no front frame between the caller and the check, where a
 * backtrace starts; elsewhere the optimizer's sibling call does it. */
#if defined(__has_attribute) && __has_attribute(musttail)
#define AG_RT_TAIL __attribute__((musttail))
#else
#define AG_RT_TAIL
#endif

/* (a, b) -> a, b */
#define AG_RT_UNPAREN(...) __VA_ARGS__

/* Defines the exported wrapper __allocguard_<name>`params` as a front that,
 * when quiet, jumps to the real `name` with `args` (params without the
 * site), and otherwise to ag_rt_checked_<name>, whose body follows the
 * macro: the check, the real call, the live bytes. Kept apart so the front
 * needs no stack frame (a frame-pointer push and callee-saved registers
 * would cost a malloc+free pair about 2 ns more). `params` must name the
 * site `site`. */
#define AG_RT_WRAPPER(ret, name, params, args)                                 \
  AG_RT_WRAPPER_IF(1, ret, name, params, args)

/* The same, taking the front only while `cond` also holds (the real
 * function is a weak reference that may be null). */
#define AG_RT_WRAPPER_IF(cond, ret, name, params, args)                        \
  static __attribute__((noinline)) ret ag_rt_checked_##name params;            \
  AG_RT_EXPORT ret __allocguard_##name params {                                \
    if (AG_RT_QUIET(site) && (cond))                                           \
      return name args;                                                        \
    AG_RT_TAIL return ag_rt_checked_##name(site, AG_RT_UNPAREN args);          \
  }                                                                            \
  static ret ag_rt_checked_##name params

/* The same for functions returning void. */
#define AG_RT_WRAPPER_VOID(name, params, args)                                 \
  AG_RT_WRAPPER_VOID_IF(1, name, params, args)
#define AG_RT_WRAPPER_VOID_IF(cond, name, params, args)                        \
  static __attribute__((noinline)) void ag_rt_checked_##name params;           \
  AG_RT_EXPORT void __allocguard_##name params {                               \
    if (AG_RT_QUIET(site) && (cond)) {                                         \
      name args;                                                               \
      return;                                                                  \
    }                                                                          \
    AG_RT_TAIL return ag_rt_checked_##name(site, AG_RT_UNPAREN args);          \
  }                                                                            \
  static void ag_rt_checked_##name params

/* Count the call on the site and globally when counting is on; hand off to
 * ag_rt_violation() when it is in a scope. */
static inline __attribute__((always_inline)) void
ag_rt_check(const struct __allocguard_site *site, size_t bytes, unsigned how) {
  if (AG_RT_LOAD(&ag_rt_counting)) {
    struct __allocguard_counters *c = site->counters;
    AG_RT_ADD(&c->calls, 1);
    if (how & AG_RT_DEALLOC) {
      AG_RT_ADD(&ag_rt_totals.frees, 1);
    } else {
      AG_RT_ADD(&c->bytes, bytes);
      AG_RT_ADD(&ag_rt_totals.allocations, 1);
      AG_RT_ADD(&ag_rt_totals.bytes, bytes);
    }
  }
  if (AG_RT_UNLIKELY(ag_rt_in_scope(site)))
    ag_rt_violation(site, bytes, how);
}

/* Checked wrappers running on this thread (ag_rt_scope.c, exported for
 * liballocguard_preload.so): its interposers skip the real call a wrapper
 * makes after its check, or (strdup, asprintf, ...) the mallocs libc makes
 * inside it, so one call is never reported twice. */
extern AG_RT_TLS unsigned __allocguard_in_wrapper AG_RT_EXPORT;

static inline void ag_rt_wrap_leave(char *unused) {
  (void)unused;
  __allocguard_in_wrapper--;
}

/* A declaration, after the check: raises __allocguard_in_wrapper until the
 * wrapper returns, or unwinds (cleanup runs under -fexceptions too). Two
 * thread-local adds, with or without the preload library. */
#define AG_RT_WRAPPING                                                         \
  __attribute__((cleanup(ag_rt_wrap_leave), unused)) char ag_rt_wrapping_ =    \
      (char)(__allocguard_in_wrapper++, 0)

/* The two shapes of allocation wrapper: size known, size unknown. Each
 * expands to the check and the AG_RT_WRAPPING declaration. */
#define AG_RT_SIZED(site, n)                                                   \
  ag_rt_check((site), (n), AG_RT_HAS_SIZE);                                    \
  AG_RT_WRAPPING
#define AG_RT_UNSIZED(site)                                                    \
  ag_rt_check((site), 0, 0);                                                   \
  AG_RT_WRAPPING

#endif /* ALLOCGUARD_AG_RT_CHECK_H */
