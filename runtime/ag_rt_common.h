/* ag_rt_common.h - macros shared by every runtime file.
 *
 * Internal names use the ag_rt_ prefix and hidden visibility (the runtime is
 * compiled with -fvisibility=hidden); only AG_RT_EXPORT symbols (the
 * __allocguard_* ABI and the allocguard_* API) leave the shared object.
 */
#ifndef ALLOCGUARD_AG_RT_COMMON_H
#define ALLOCGUARD_AG_RT_COMMON_H

#define AG_RT_EXPORT __attribute__((visibility("default")))
#define AG_RT_HIDDEN __attribute__((visibility("hidden")))

/* Thread-locals use initial-exec: no __tls_get_addr, which may allocate. */
#define AG_RT_TLS __thread __attribute__((tls_model("initial-exec")))

#define AG_RT_LIKELY(x) __builtin_expect(!!(x), 1)
#define AG_RT_UNLIKELY(x) __builtin_expect(!!(x), 0)

/* Relaxed atomics: counters need atomicity, not ordering. */
#define AG_RT_ADD(p, v) ((void)__atomic_fetch_add((p), (v), __ATOMIC_RELAXED))
#define AG_RT_LOAD(p) __atomic_load_n((p), __ATOMIC_RELAXED)
#define AG_RT_STORE(p, v) __atomic_store_n((p), (v), __ATOMIC_RELAXED)

#endif /* ALLOCGUARD_AG_RT_COMMON_H */
