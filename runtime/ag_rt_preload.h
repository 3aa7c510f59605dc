/* ag_rt_preload.h - the interposers' contract with the runtime.
 *
 * The interposers (ag_rt_preload.c, ag_rt_preload_cxx.c) replace malloc &
 * co. and the C++ operators, to catch allocations in code not built with
 * the plugin (prebuilt libraries, libc internals, pointers to malloc).
 * They are linked into liballocguard_rt.a and .so (ag_rt_intercept.c says
 * how they reach the program), and make up the optional
 * liballocguard_preload.so, which holds no state of its own: it depends on
 * liballocguard_rt.so and reads that library's thread-locals, so a process
 * has one scope depth, one lock depth and one set of counters. Both come
 * from one build, so these symbols are not part of ag_abi.h.
 *   LD_PRELOAD=liballocguard_preload.so ./app
 */
#ifndef ALLOCGUARD_AG_RT_PRELOAD_H
#define ALLOCGUARD_AG_RT_PRELOAD_H

#include <stddef.h>
#include <stdint.h>

#include "ag_rt_common.h"

/* Every function the preload library interposes, in one table:
 * X(id, name shown in reports, deallocates) - names as the plugin's
 * demangler spells them, so suppress= patterns work for both. */
#define AG_RT_PL_CALLEES(X)                                                    \
  X(MALLOC, "malloc", 0)                                                       \
  X(CALLOC, "calloc", 0)                                                       \
  X(REALLOC, "realloc", 0)                                                     \
  X(REALLOCARRAY, "reallocarray", 0)                                           \
  X(FREE, "free", 1)                                                           \
  X(ALIGNED_ALLOC, "aligned_alloc", 0)                                         \
  X(POSIX_MEMALIGN, "posix_memalign", 0)                                       \
  X(MEMALIGN, "memalign", 0)                                                   \
  X(VALLOC, "valloc", 0)                                                       \
  X(PVALLOC, "pvalloc", 0)                                                     \
  X(NEW, "operator new(unsigned long)", 0)                                     \
  X(NEW_ARRAY, "operator new[](unsigned long)", 0)                             \
  X(NEW_NOTHROW, "operator new(unsigned long, std::nothrow_t const&)", 0)      \
  X(NEW_ARRAY_NOTHROW,                                                         \
    "operator new[](unsigned long, std::nothrow_t const&)", 0)                 \
  X(NEW_ALIGN, "operator new(unsigned long, std::align_val_t)", 0)             \
  X(NEW_ARRAY_ALIGN, "operator new[](unsigned long, std::align_val_t)", 0)     \
  X(NEW_ALIGN_NOTHROW,                                                         \
    "operator new(unsigned long, std::align_val_t, std::nothrow_t const&)", 0) \
  X(NEW_ARRAY_ALIGN_NOTHROW,                                                   \
    "operator new[](unsigned long, std::align_val_t, std::nothrow_t const&)",  \
    0)                                                                         \
  X(DELETE, "operator delete(void*)", 1)                                       \
  X(DELETE_ARRAY, "operator delete[](void*)", 1)                               \
  X(DELETE_SIZED, "operator delete(void*, unsigned long)", 1)                  \
  X(DELETE_ARRAY_SIZED, "operator delete[](void*, unsigned long)", 1)          \
  X(DELETE_ALIGN, "operator delete(void*, std::align_val_t)", 1)               \
  X(DELETE_ARRAY_ALIGN, "operator delete[](void*, std::align_val_t)", 1)       \
  X(DELETE_SIZED_ALIGN,                                                        \
    "operator delete(void*, unsigned long, std::align_val_t)", 1)              \
  X(DELETE_ARRAY_SIZED_ALIGN,                                                  \
    "operator delete[](void*, unsigned long, std::align_val_t)", 1)            \
  X(DELETE_NOTHROW, "operator delete(void*, std::nothrow_t const&)", 1)        \
  X(DELETE_ARRAY_NOTHROW, "operator delete[](void*, std::nothrow_t const&)",   \
    1)                                                                         \
  X(DELETE_ALIGN_NOTHROW,                                                      \
    "operator delete(void*, std::align_val_t, std::nothrow_t const&)", 1)      \
  X(DELETE_ARRAY_ALIGN_NOTHROW,                                                \
    "operator delete[](void*, std::align_val_t, std::nothrow_t const&)", 1)

enum ag_rt_pl_callee {
#define AG_RT_PL_ENUM(id, name, dealloc) AG_RT_PL_##id,
  AG_RT_PL_CALLEES(AG_RT_PL_ENUM)
#undef AG_RT_PL_ENUM
  AG_RT_PL_COUNT
};

/* Site flag of the descriptors the runtime makes for intercepted calls
 * (never set by the plugin): `file` is "<module>+0x<offset>" of the
 * caller, `function` the nearest symbol dladdr() found (may be empty), and
 * reports say "called from <file> (<function>)". */
#define AG_RT_SITE_CALLER (1u << 31)

/* ---- Exported by liballocguard_rt.so for the preload library ----------- */

/* allocguard_lock() depth; the same storage as the runtime's own
 * ag_rt_lock_depth (an alias), readable without a call. */
extern AG_RT_TLS unsigned __allocguard_lock_depth AG_RT_EXPORT;

/* Checked wrappers running on this thread (ag_rt_check.h AG_RT_WRAPPING):
 * their real call already went through ag_rt_check(), so an intercepted
 * call below one is not checked again. */
extern AG_RT_TLS unsigned __allocguard_in_wrapper AG_RT_EXPORT;

/* The slow path of every interposer, taken only while this thread is in a
 * root scope or holds the lock: count the call on a site made for
 * (callee, caller) and treat it like a checked call (permits, suppressions,
 * budgets, mode, handler). `how` is AG_RT_HAS_SIZE / AG_RT_DEALLOC /
 * AG_RT_NULL as for ag_rt_check(); `ret` is the interposer's return
 * address. Preserves errno. */
void __allocguard_preload_check(unsigned callee, size_t bytes, unsigned how,
                                const void *ret) AG_RT_EXPORT;

/* ---- For the interposers (ag_rt_preload.c, ag_rt_preload_cxx.c) ------- */

/* Exported and weak: a definition of the program's own (its allocator, a
 * sanitizer's interceptors, libc.a under -static) wins without a link
 * error (ag_rt_intercept.c). */
#define AG_PL_INTERPOSE AG_RT_EXPORT __attribute__((weak))

/* operator new(unsigned long) under a hidden name of the runtime's own:
 * equal to the program's _Znwm when the interposer is the one in use
 * (ag_rt_wrap_cxx.c: its blocks come from malloc). */
void *ag_rt_pl_znwm(size_t size) AG_RT_HIDDEN;

/* glibc's allocator under names no one interposes. */
extern void *__libc_malloc(size_t size);
extern void *__libc_calloc(size_t nmemb, size_t size);
extern void *__libc_realloc(void *ptr, size_t size);
extern void __libc_free(void *ptr);
extern void *__libc_memalign(size_t alignment, size_t size);
extern void *__libc_valloc(size_t size);
extern void *__libc_pvalloc(size_t size);

/* In an interposer: hand the call to __allocguard_preload_check() when
 * this thread is in a root scope or holds the lock (needs ag_rt_check.h
 * for the depth and the AG_RT_* flags). The slow path skips calls a
 * checked wrapper already counted. */
#define AG_PL_CHECK(id, bytes, how)                                            \
  do {                                                                         \
    if (AG_RT_UNLIKELY(__allocguard_scope_depth | __allocguard_lock_depth))    \
      __allocguard_preload_check(AG_RT_PL_##id, (bytes), (how),                \
                                 __builtin_return_address(0));                 \
  } while (0)

/* This thread is in a root scope or holds the lock. */
#define AG_PL_IN_SCOPE()                                                       \
  AG_RT_UNLIKELY(__allocguard_scope_depth | __allocguard_lock_depth)

/* Defines the interposer `name`, returning `rtype`, as a frameless front:
 * outside any scope it jumps to glibc's `real` with `args` (params without
 * types); in one, it tail-calls a cold copy that checks the call first
 * (`bytes` and `how` as for AG_PL_CHECK, in terms of the parameters), then
 * makes the real call. Kept apart so the front saves no register: gcc
 * would otherwise push one to keep an argument across the check, on the
 * path every malloc outside a scope takes. */
#define AG_PL_FRONT(rtype, name, params, args, real, id, bytes, how)           \
  static __attribute__((noinline, cold)) rtype ag_pl_slow_##name(              \
      const void *ret_, AG_RT_UNPAREN params) {                                \
    __allocguard_preload_check(AG_RT_PL_##id, (bytes), (how), ret_);           \
    return real args;                                                          \
  }                                                                            \
  AG_PL_INTERPOSE rtype name params {                                          \
    if (AG_PL_IN_SCOPE())                                                      \
      return ag_pl_slow_##name(__builtin_return_address(0), AG_RT_UNPAREN args); \
    return real args;                                                          \
  }

/* The same for functions returning void. */
#define AG_PL_FRONT_VOID(name, params, args, real, id, bytes, how)             \
  static __attribute__((noinline, cold)) void ag_pl_slow_##name(               \
      const void *ret_, AG_RT_UNPAREN params) {                                \
    __allocguard_preload_check(AG_RT_PL_##id, (bytes), (how), ret_);           \
    real args;                                                                 \
  }                                                                            \
  AG_PL_INTERPOSE void name params {                                           \
    if (AG_PL_IN_SCOPE()) {                                                    \
      ag_pl_slow_##name(__builtin_return_address(0), AG_RT_UNPAREN args);      \
      return;                                                                  \
    }                                                                          \
    real args;                                                                 \
  }

#endif /* ALLOCGUARD_AG_RT_PRELOAD_H */
