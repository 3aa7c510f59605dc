/* ag_rt_preload.c - the C allocation functions, interposed, so code not
 * built with the plugin (prebuilt libraries, libc's own strdup, fopen,
 * qsort, ..., a call through a pointer holding malloc) is checked too.
 * Part of liballocguard_rt (.a and .so: ag_rt_intercept.c) and of
 * liballocguard_preload.so:
 *
 *   LD_PRELOAD=/path/to/liballocguard_preload.so ./app
 *
 * Each interposer tests the thread's root depth and lock depth (two
 * initial-exec thread-local loads from liballocguard_rt.so, on which this
 * library depends) and, only while one is nonzero, hands the call to
 * __allocguard_preload_check() with its return address, which names the
 * caller. Then it calls glibc's allocator through the __libc_* entry
 * points: no dlsym(RTLD_NEXT) is needed, so there is no bootstrap problem
 * (dlsym's first call allocates, which would re-enter an interposed
 * malloc that is not resolved yet). glibc supports replacing malloc this
 * way: its own functions call malloc through the PLT, so they reach these
 * definitions too. The C++ operators are in ag_rt_preload_cxx.c.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stddef.h>
#include <stdint.h>

#include "ag_rt_check.h"
#include "ag_rt_preload.h"

static inline size_t ag_pl_mul_sat(size_t a, size_t b) {
  size_t r;
  return __builtin_mul_overflow(a, b, &r) ? SIZE_MAX : r;
}

/* posix_memalign's rule: a power of two multiple of sizeof(void *). */
static inline int ag_pl_bad_alignment(size_t alignment) {
  return alignment == 0 || (alignment & (alignment - 1)) != 0 ||
         alignment % sizeof(void *) != 0;
}

/* The four every program calls all the time are frameless fronts. */
AG_PL_FRONT(void *, malloc, (size_t size), (size), __libc_malloc, MALLOC,
            size, AG_RT_HAS_SIZE)
AG_PL_FRONT(void *, calloc, (size_t nmemb, size_t size), (nmemb, size),
            __libc_calloc, CALLOC, ag_pl_mul_sat(nmemb, size), AG_RT_HAS_SIZE)
AG_PL_FRONT(void *, realloc, (void *ptr, size_t size), (ptr, size),
            __libc_realloc, REALLOC, size, AG_RT_HAS_SIZE)
AG_PL_FRONT_VOID(free, (void *ptr), (ptr), __libc_free, FREE, 0,
                 ptr ? AG_RT_DEALLOC : AG_RT_DEALLOC | AG_RT_NULL)

/* glibc's reallocarray: ENOMEM on overflow, else realloc. */
AG_PL_INTERPOSE void *reallocarray(void *ptr, size_t nmemb, size_t size) {
  size_t bytes;
  AG_PL_CHECK(REALLOCARRAY, ag_pl_mul_sat(nmemb, size), AG_RT_HAS_SIZE);
  if (__builtin_mul_overflow(nmemb, size, &bytes)) {
    errno = ENOMEM;
    return 0;
  }
  return __libc_realloc(ptr, bytes);
}

AG_PL_INTERPOSE void *memalign(size_t alignment, size_t size) {
  AG_PL_CHECK(MEMALIGN, size, AG_RT_HAS_SIZE);
  return __libc_memalign(alignment, size);
}

/* C11 (and glibc 2.38): the alignment must be a power of two. */
AG_PL_INTERPOSE void *aligned_alloc(size_t alignment, size_t size) {
  AG_PL_CHECK(ALIGNED_ALLOC, size, AG_RT_HAS_SIZE);
  if (alignment == 0 || (alignment & (alignment - 1)) != 0) {
    errno = EINVAL;
    return 0;
  }
  return __libc_memalign(alignment, size);
}

/* What glibc's posix_memalign does: check, memalign, errno untouched. */
AG_PL_INTERPOSE int posix_memalign(void **memptr, size_t alignment, size_t size) {
  int saved_errno = errno;
  void *p;
  AG_PL_CHECK(POSIX_MEMALIGN, size, AG_RT_HAS_SIZE);
  if (ag_pl_bad_alignment(alignment))
    return EINVAL;
  p = __libc_memalign(alignment, size);
  errno = saved_errno;
  if (!p)
    return ENOMEM;
  *memptr = p;
  return 0;
}

AG_PL_INTERPOSE void *valloc(size_t size) {
  AG_PL_CHECK(VALLOC, size, AG_RT_HAS_SIZE);
  return __libc_valloc(size);
}

AG_PL_INTERPOSE void *pvalloc(size_t size) {
  AG_PL_CHECK(PVALLOC, size, AG_RT_HAS_SIZE);
  return __libc_pvalloc(size);
}
