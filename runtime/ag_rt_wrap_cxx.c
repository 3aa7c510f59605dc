/* ag_rt_wrap_cxx.c - checked wrappers for C++ operator new/delete and
 * __cxa_allocate_exception, written in C against the Itanium ABI.
 *
 * Kept in its own object so a static C program never pulls it in. The real
 * operators are weak references: a C program linking the shared runtime
 * without libstdc++ still loads. Compiled with -fexceptions, so a
 * std::bad_alloc thrown by the real operator new unwinds through the
 * wrapper to the caller.
 *
 * If a reference is unresolved although the program calls the wrapper (the
 * linker dropped libstdc++ under --as-needed because the rewritten program
 * no longer calls operator new itself), new/delete fall back to
 * malloc/free, which is what libstdc++'s operators use too; only the
 * throwing forms cannot throw and abort with a message instead.
 *
 * Live bytes (ag_rt_live.h) are measured with malloc_usable_size() only
 * when the operators are the C++ runtime's (libstdc++, libc++) or the
 * fallback, whose blocks come from malloc; a program that replaces
 * operator new (a pool, say) may hand out blocks malloc_usable_size() must
 * not see. Exception objects are never measured: __cxa_allocate_exception
 * returns a pointer past its own header.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>

#include "ag_rt_check.h"
#include "ag_rt_live.h"
#include "ag_rt_report.h"
#include "ag_rt_wrap.h"

#define AG_RT_WEAK __attribute__((weak, visibility("default")))

extern void *_Znwm(size_t) AG_RT_WEAK;
extern void *_Znam(size_t) AG_RT_WEAK;
extern void *_ZnwmRKSt9nothrow_t(size_t, const void *) AG_RT_WEAK;
extern void *_ZnamRKSt9nothrow_t(size_t, const void *) AG_RT_WEAK;
extern void *_ZnwmSt11align_val_t(size_t, size_t) AG_RT_WEAK;
extern void *_ZnamSt11align_val_t(size_t, size_t) AG_RT_WEAK;
extern void *_ZnwmSt11align_val_tRKSt9nothrow_t(size_t, size_t,
                                                const void *) AG_RT_WEAK;
extern void *_ZnamSt11align_val_tRKSt9nothrow_t(size_t, size_t,
                                                const void *) AG_RT_WEAK;
extern void _ZdlPv(void *) AG_RT_WEAK;
extern void _ZdaPv(void *) AG_RT_WEAK;
extern void _ZdlPvm(void *, size_t) AG_RT_WEAK;
extern void _ZdaPvm(void *, size_t) AG_RT_WEAK;
extern void _ZdlPvSt11align_val_t(void *, size_t) AG_RT_WEAK;
extern void _ZdaPvSt11align_val_t(void *, size_t) AG_RT_WEAK;
extern void _ZdlPvmSt11align_val_t(void *, size_t, size_t) AG_RT_WEAK;
extern void _ZdaPvmSt11align_val_t(void *, size_t, size_t) AG_RT_WEAK;
extern void _ZdlPvRKSt9nothrow_t(void *, const void *) AG_RT_WEAK;
extern void _ZdaPvRKSt9nothrow_t(void *, const void *) AG_RT_WEAK;
extern void _ZdlPvSt11align_val_tRKSt9nothrow_t(void *, size_t,
                                                const void *) AG_RT_WEAK;
extern void _ZdaPvSt11align_val_tRKSt9nothrow_t(void *, size_t,
                                                const void *) AG_RT_WEAK;
extern void *__cxa_allocate_exception(size_t) AG_RT_WEAK;
/* The runtime's own interposer (ag_rt_preload_cxx.c); absent from
 * liballocguard_rt_nointercept.a. */
extern void *ag_rt_pl_znwm(size_t)
    __attribute__((weak, visibility("hidden")));

/* ---- Fallback when the C++ runtime is not loaded ----------------------- */

__attribute__((noreturn, cold)) static void ag_rt_cxx_die(const char *what) {
  struct ag_rt_line l;
  ag_rt_line_init(&l);
  ag_rt_line_pid(&l);
  ag_rt_line_str(&l, "ERROR: allocguard: ");
  ag_rt_line_str(&l, what);
  ag_rt_line_str(&l, " (the C++ runtime is not loaded: link with "
                     "-Wl,--no-as-needed -lstdc++)");
  ag_rt_line_emit(&l);
  abort();
}

__attribute__((cold)) static void *ag_rt_cxx_new(size_t size, size_t align,
                                                 int nothrow) {
  void *p = 0;
  if (size == 0)
    size = 1;
  if (align <= sizeof(void *))
    p = malloc(size);
  else if (posix_memalign(&p, align, size) != 0)
    p = 0;
  if (!p && !nothrow)
    ag_rt_cxx_die("operator new failed and cannot throw std::bad_alloc");
  return p;
}

/* ---- Live bytes: only for malloc-backed operators ---------------------- */

static int ag_rt_cxx_backed; /* 0 not probed, 1 malloc-backed, 2 not */

static int ag_rt_cxx_probe(void) {
  Dl_info info;
  int backed;
  if (!_Znwm)
    backed = 1; /* the fallback: malloc */
  else
    backed = dladdr((void *)_Znwm, &info) && info.dli_fname &&
             (strstr(info.dli_fname, "libstdc++") ||
              strstr(info.dli_fname, "libc++") ||
              /* its operators forward to glibc's malloc family */
              strstr(info.dli_fname, "liballocguard_preload"));
  /* ... and so do the runtime's own, linked into the program. */
  if (ag_rt_pl_znwm && (void *)_Znwm == (void *)ag_rt_pl_znwm)
    backed = 1;
  AG_RT_STORE(&ag_rt_cxx_backed, backed ? 1 : 2);
  return backed;
}

/* Probe at load time: dladdr takes the loader's lock, better not first
 * called from a real-time thread or a signal handler. */
__attribute__((constructor)) static void ag_rt_cxx_probe_ctor(void) {
  (void)ag_rt_cxx_probe();
}

static inline int ag_rt_cxx_measured(void) {
  int b = AG_RT_LOAD(&ag_rt_cxx_backed);
  return AG_RT_LIKELY(b) ? b == 1 : ag_rt_cxx_probe();
}

#define AG_RT_NEW(real, args, size, align, nothrow)                            \
  void *p;                                                                     \
  ag_rt_check(site, (size), AG_RT_HAS_SIZE);                                   \
  AG_RT_WRAPPING;                                                              \
  p = AG_RT_LIKELY(real) ? real args                                           \
                         : ag_rt_cxx_new((size), (align), (nothrow));          \
  if (p && ag_rt_cxx_measured())                                               \
    ag_rt_live_alloc(p);                                                       \
  return p

#define AG_RT_DELETE(real, args)                                               \
  ag_rt_check(site, 0, ptr ? AG_RT_DEALLOC : AG_RT_DEALLOC | AG_RT_NULL);      \
  AG_RT_WRAPPING;                                                              \
  if (ptr && ag_rt_cxx_measured())                                             \
    ag_rt_live_free(ptr);                                                      \
  if (AG_RT_LIKELY(real))                                                      \
    real args;                                                                 \
  else                                                                         \
    free(ptr)

/* ---- operator new ------------------------------------------------------ */

AG_RT_WRAPPER_IF(AG_RT_LIKELY(_Znwm), void *, _Znwm,
                 (ag_site_t site, size_t size), (size)) {
  AG_RT_NEW(_Znwm, (size), size, 0, 0);
}

AG_RT_WRAPPER_IF(AG_RT_LIKELY(_Znam), void *, _Znam,
                 (ag_site_t site, size_t size), (size)) {
  AG_RT_NEW(_Znam, (size), size, 0, 0);
}

AG_RT_WRAPPER_IF(AG_RT_LIKELY(_ZnwmRKSt9nothrow_t), void *, _ZnwmRKSt9nothrow_t,
                 (ag_site_t site, size_t size, const void *nt), (size, nt)) {
  AG_RT_NEW(_ZnwmRKSt9nothrow_t, (size, nt), size, 0, 1);
}

AG_RT_WRAPPER_IF(AG_RT_LIKELY(_ZnamRKSt9nothrow_t), void *, _ZnamRKSt9nothrow_t,
                 (ag_site_t site, size_t size, const void *nt), (size, nt)) {
  AG_RT_NEW(_ZnamRKSt9nothrow_t, (size, nt), size, 0, 1);
}

AG_RT_WRAPPER_IF(AG_RT_LIKELY(_ZnwmSt11align_val_t), void *,
                 _ZnwmSt11align_val_t,
                 (ag_site_t site, size_t size, size_t align), (size, align)) {
  AG_RT_NEW(_ZnwmSt11align_val_t, (size, align), size, align, 0);
}

AG_RT_WRAPPER_IF(AG_RT_LIKELY(_ZnamSt11align_val_t), void *,
                 _ZnamSt11align_val_t,
                 (ag_site_t site, size_t size, size_t align), (size, align)) {
  AG_RT_NEW(_ZnamSt11align_val_t, (size, align), size, align, 0);
}

AG_RT_WRAPPER_IF(AG_RT_LIKELY(_ZnwmSt11align_val_tRKSt9nothrow_t), void *,
                 _ZnwmSt11align_val_tRKSt9nothrow_t,
                 (ag_site_t site, size_t size, size_t align, const void *nt),
                 (size, align, nt)) {
  AG_RT_NEW(_ZnwmSt11align_val_tRKSt9nothrow_t, (size, align, nt), size, align,
            1);
}

AG_RT_WRAPPER_IF(AG_RT_LIKELY(_ZnamSt11align_val_tRKSt9nothrow_t), void *,
                 _ZnamSt11align_val_tRKSt9nothrow_t,
                 (ag_site_t site, size_t size, size_t align, const void *nt),
                 (size, align, nt)) {
  AG_RT_NEW(_ZnamSt11align_val_tRKSt9nothrow_t, (size, align, nt), size, align,
            1);
}

/* ---- operator delete --------------------------------------------------- */

AG_RT_WRAPPER_VOID_IF(AG_RT_LIKELY(_ZdlPv), _ZdlPv, (ag_site_t site, void *ptr),
                      (ptr)) {
  AG_RT_DELETE(_ZdlPv, (ptr));
}

AG_RT_WRAPPER_VOID_IF(AG_RT_LIKELY(_ZdaPv), _ZdaPv, (ag_site_t site, void *ptr),
                      (ptr)) {
  AG_RT_DELETE(_ZdaPv, (ptr));
}

AG_RT_WRAPPER_VOID_IF(AG_RT_LIKELY(_ZdlPvm), _ZdlPvm,
                      (ag_site_t site, void *ptr, size_t size), (ptr, size)) {
  AG_RT_DELETE(_ZdlPvm, (ptr, size));
}

AG_RT_WRAPPER_VOID_IF(AG_RT_LIKELY(_ZdaPvm), _ZdaPvm,
                      (ag_site_t site, void *ptr, size_t size), (ptr, size)) {
  AG_RT_DELETE(_ZdaPvm, (ptr, size));
}

AG_RT_WRAPPER_VOID_IF(AG_RT_LIKELY(_ZdlPvSt11align_val_t),
                      _ZdlPvSt11align_val_t,
                      (ag_site_t site, void *ptr, size_t align), (ptr, align)) {
  AG_RT_DELETE(_ZdlPvSt11align_val_t, (ptr, align));
}

AG_RT_WRAPPER_VOID_IF(AG_RT_LIKELY(_ZdaPvSt11align_val_t),
                      _ZdaPvSt11align_val_t,
                      (ag_site_t site, void *ptr, size_t align), (ptr, align)) {
  AG_RT_DELETE(_ZdaPvSt11align_val_t, (ptr, align));
}

AG_RT_WRAPPER_VOID_IF(AG_RT_LIKELY(_ZdlPvmSt11align_val_t),
                      _ZdlPvmSt11align_val_t,
                      (ag_site_t site, void *ptr, size_t size, size_t align),
                      (ptr, size, align)) {
  AG_RT_DELETE(_ZdlPvmSt11align_val_t, (ptr, size, align));
}

AG_RT_WRAPPER_VOID_IF(AG_RT_LIKELY(_ZdaPvmSt11align_val_t),
                      _ZdaPvmSt11align_val_t,
                      (ag_site_t site, void *ptr, size_t size, size_t align),
                      (ptr, size, align)) {
  AG_RT_DELETE(_ZdaPvmSt11align_val_t, (ptr, size, align));
}

AG_RT_WRAPPER_VOID_IF(AG_RT_LIKELY(_ZdlPvRKSt9nothrow_t), _ZdlPvRKSt9nothrow_t,
                      (ag_site_t site, void *ptr, const void *nt), (ptr, nt)) {
  AG_RT_DELETE(_ZdlPvRKSt9nothrow_t, (ptr, nt));
}

AG_RT_WRAPPER_VOID_IF(AG_RT_LIKELY(_ZdaPvRKSt9nothrow_t), _ZdaPvRKSt9nothrow_t,
                      (ag_site_t site, void *ptr, const void *nt), (ptr, nt)) {
  AG_RT_DELETE(_ZdaPvRKSt9nothrow_t, (ptr, nt));
}

AG_RT_WRAPPER_VOID_IF(AG_RT_LIKELY(_ZdlPvSt11align_val_tRKSt9nothrow_t),
                      _ZdlPvSt11align_val_tRKSt9nothrow_t,
                      (ag_site_t site, void *ptr, size_t align, const void *nt),
                      (ptr, align, nt)) {
  AG_RT_DELETE(_ZdlPvSt11align_val_tRKSt9nothrow_t, (ptr, align, nt));
}

AG_RT_WRAPPER_VOID_IF(AG_RT_LIKELY(_ZdaPvSt11align_val_tRKSt9nothrow_t),
                      _ZdaPvSt11align_val_tRKSt9nothrow_t,
                      (ag_site_t site, void *ptr, size_t align, const void *nt),
                      (ptr, align, nt)) {
  AG_RT_DELETE(_ZdaPvSt11align_val_tRKSt9nothrow_t, (ptr, align, nt));
}

/* ---- exceptions -------------------------------------------------------- */

AG_RT_WRAPPER_IF(AG_RT_LIKELY(__cxa_allocate_exception), void *,
                 __cxa_allocate_exception, (ag_site_t site, size_t thrown_size),
                 (thrown_size)) {
  ag_rt_check(site, thrown_size, AG_RT_HAS_SIZE);
  AG_RT_WRAPPING;
  if (AG_RT_UNLIKELY(!__cxa_allocate_exception))
    ag_rt_cxx_die("__cxa_allocate_exception is not defined");
  return __cxa_allocate_exception(thrown_size);
}
