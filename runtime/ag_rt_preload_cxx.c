/* ag_rt_preload_cxx.c - C++ operator new and delete, interposed, written
 * in C against the Itanium ABI (in liballocguard_rt and
 * liballocguard_preload.so, as ag_rt_preload.c).
 *
 * Each operator is checked like malloc (ag_rt_preload.c) and forwards to
 * glibc's malloc family, which is what libstdc++'s own operators do, so a
 * block from either may be freed by either. On failure operator new calls
 * the new_handler and retries, then throws std::bad_alloc through
 * libstdc++'s std::__throw_bad_alloc() (compiled with -fexceptions, so the
 * exception unwinds through these C frames). libstdc++ is referenced
 * weakly: a C program loads this library without it. The nothrow forms
 * return NULL instead of throwing; a new_handler that throws inside one
 * propagates (C cannot catch).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#include "ag_rt_check.h"
#include "ag_rt_preload.h"

typedef void (*ag_pl_new_handler)(void);
extern ag_pl_new_handler _ZSt15get_new_handlerv(void)
    __attribute__((weak, visibility("default"))); /* std::get_new_handler */
extern void _ZSt17__throw_bad_allocv(void)
    __attribute__((weak, noreturn, visibility("default")));

static void *ag_pl_new(size_t size, size_t align, int nothrow) {
  static const char msg[] = "allocguard: operator new failed and libstdc++ "
                            "is not loaded to throw std::bad_alloc\n";
  if (size == 0)
    size = 1;
  for (;;) {
    void *p = align ? __libc_memalign(align, size) : __libc_malloc(size);
    ag_pl_new_handler handler;
    if (AG_RT_LIKELY(p != 0))
      return p;
    handler = _ZSt15get_new_handlerv ? _ZSt15get_new_handlerv() : 0;
    if (!handler)
      break;
    handler();
  }
  if (nothrow)
    return 0;
  if (_ZSt17__throw_bad_allocv)
    _ZSt17__throw_bad_allocv();
  if (write(2, msg, sizeof msg - 1) < 0) { /* nothing else to do */
  }
  abort();
}

/* ---- operator new ------------------------------------------------------ */

#define AG_PL_NEW(id, name, params, size, align, nothrow)                      \
  AG_PL_INTERPOSE void *name params {                                             \
    AG_PL_CHECK(id, size, AG_RT_HAS_SIZE);                                     \
    return ag_pl_new(size, align, nothrow);                                    \
  }

AG_PL_NEW(NEW, _Znwm, (size_t size), size, 0, 0)
void *ag_rt_pl_znwm(size_t size) __attribute__((alias("_Znwm")));
AG_PL_NEW(NEW_ARRAY, _Znam, (size_t size), size, 0, 0)
AG_PL_NEW(NEW_NOTHROW, _ZnwmRKSt9nothrow_t, (size_t size, const void *nt),
          ((void)nt, size), 0, 1)
AG_PL_NEW(NEW_ARRAY_NOTHROW, _ZnamRKSt9nothrow_t,
          (size_t size, const void *nt), ((void)nt, size), 0, 1)
AG_PL_NEW(NEW_ALIGN, _ZnwmSt11align_val_t, (size_t size, size_t align), size,
          align, 0)
AG_PL_NEW(NEW_ARRAY_ALIGN, _ZnamSt11align_val_t, (size_t size, size_t align),
          size, align, 0)
AG_PL_NEW(NEW_ALIGN_NOTHROW, _ZnwmSt11align_val_tRKSt9nothrow_t,
          (size_t size, size_t align, const void *nt), ((void)nt, size), align,
          1)
AG_PL_NEW(NEW_ARRAY_ALIGN_NOTHROW, _ZnamSt11align_val_tRKSt9nothrow_t,
          (size_t size, size_t align, const void *nt), ((void)nt, size), align,
          1)

/* ---- operator delete --------------------------------------------------- */

/* Size, alignment and nothrow_t are not needed to free a malloc block.
 * Each delete is a frameless front, as free is (AG_PL_FRONT_VOID). */
#define AG_PL_DELETE(id, name, params, unused)                                 \
  static __attribute__((noinline, cold)) void ag_pl_slow_##name(               \
      const void *ret_, void *ptr) {                                           \
    __allocguard_preload_check(AG_RT_PL_##id, 0,                               \
                               ptr ? AG_RT_DEALLOC : AG_RT_DEALLOC | AG_RT_NULL, \
                               ret_);                                          \
    __libc_free(ptr);                                                          \
  }                                                                            \
  AG_PL_INTERPOSE void name params {                                           \
    (void)(unused);                                                            \
    if (AG_PL_IN_SCOPE()) {                                                    \
      ag_pl_slow_##name(__builtin_return_address(0), ptr);                     \
      return;                                                                  \
    }                                                                          \
    __libc_free(ptr);                                                          \
  }

AG_PL_DELETE(DELETE, _ZdlPv, (void *ptr), 0)
AG_PL_DELETE(DELETE_ARRAY, _ZdaPv, (void *ptr), 0)
AG_PL_DELETE(DELETE_SIZED, _ZdlPvm, (void *ptr, size_t size), size)
AG_PL_DELETE(DELETE_ARRAY_SIZED, _ZdaPvm, (void *ptr, size_t size), size)
AG_PL_DELETE(DELETE_ALIGN, _ZdlPvSt11align_val_t, (void *ptr, size_t align),
             align)
AG_PL_DELETE(DELETE_ARRAY_ALIGN, _ZdaPvSt11align_val_t,
             (void *ptr, size_t align), align)
AG_PL_DELETE(DELETE_SIZED_ALIGN, _ZdlPvmSt11align_val_t,
             (void *ptr, size_t size, size_t align), ((void)size, (void)align))
AG_PL_DELETE(DELETE_ARRAY_SIZED_ALIGN, _ZdaPvmSt11align_val_t,
             (void *ptr, size_t size, size_t align), ((void)size, (void)align))
AG_PL_DELETE(DELETE_NOTHROW, _ZdlPvRKSt9nothrow_t,
             (void *ptr, const void *nt), nt)
AG_PL_DELETE(DELETE_ARRAY_NOTHROW, _ZdaPvRKSt9nothrow_t,
             (void *ptr, const void *nt), nt)
AG_PL_DELETE(DELETE_ALIGN_NOTHROW, _ZdlPvSt11align_val_tRKSt9nothrow_t,
             (void *ptr, size_t align, const void *nt), ((void)align, (void)nt))
AG_PL_DELETE(DELETE_ARRAY_ALIGN_NOTHROW, _ZdaPvSt11align_val_tRKSt9nothrow_t,
             (void *ptr, size_t align, const void *nt), ((void)align, (void)nt))
