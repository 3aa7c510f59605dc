/* ag_rt_wrap_c.c - checked wrappers for the C allocation functions.
 *
 * Outside any scope with counting off, each wrapper tail-calls the original
 * (AG_RT_FAST). Otherwise it runs ag_rt_check() with the bytes the call
 * requests, then makes the original call and returns its result untouched
 * (errno included: the check preserves it), adding the usable size of the
 * block to the live bytes when counting (ag_rt_live.h). One wrapper per WRAPPED C row of
 * plugin/ag_kb.def; the glibc-internal spellings are in ag_rt_wrap_glibc.c.
 */
#define _GNU_SOURCE
#include <malloc.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ag_rt_check.h"
#include "ag_rt_live.h"
#include "ag_rt_wrap.h"

static inline size_t ag_rt_mul_sat(size_t a, size_t b) {
  size_t r;
  return __builtin_mul_overflow(a, b, &r) ? SIZE_MAX : r;
}

/* ---- malloc family ----------------------------------------------------- */

AG_RT_EXPORT void *__allocguard_malloc(ag_site_t site, size_t size) {
  AG_RT_FAST(site, malloc(size));
  AG_RT_SIZED(site, size);
  void *p = malloc(size);
  ag_rt_live_alloc(p);
  return p;
}

AG_RT_EXPORT void *__allocguard_calloc(ag_site_t site, size_t nmemb,
                                       size_t size) {
  AG_RT_FAST(site, calloc(nmemb, size));
  AG_RT_SIZED(site, ag_rt_mul_sat(nmemb, size));
  void *p = calloc(nmemb, size);
  ag_rt_live_alloc(p);
  return p;
}

AG_RT_EXPORT void *__allocguard_realloc(ag_site_t site, void *ptr,
                                        size_t size) {
  AG_RT_FAST(site, realloc(ptr, size));
  size_t old;
  void *p;
  AG_RT_SIZED(site, size);
  old = ag_rt_usable(ptr);
  p = realloc(ptr, size);
  ag_rt_live_realloc(ptr, old, p, size);
  return p;
}

AG_RT_EXPORT void *__allocguard_reallocarray(ag_site_t site, void *ptr,
                                             size_t nmemb, size_t size) {
  AG_RT_FAST(site, reallocarray(ptr, nmemb, size));
  size_t old;
  void *p;
  AG_RT_SIZED(site, ag_rt_mul_sat(nmemb, size));
  old = ag_rt_usable(ptr);
  p = reallocarray(ptr, nmemb, size);
  ag_rt_live_realloc(ptr, old, p, ag_rt_mul_sat(nmemb, size));
  return p;
}

AG_RT_EXPORT void *__allocguard_aligned_alloc(ag_site_t site, size_t alignment,
                                              size_t size) {
  AG_RT_FAST(site, aligned_alloc(alignment, size));
  AG_RT_SIZED(site, size);
  void *p = aligned_alloc(alignment, size);
  ag_rt_live_alloc(p);
  return p;
}

AG_RT_EXPORT int __allocguard_posix_memalign(ag_site_t site, void **memptr,
                                             size_t alignment, size_t size) {
  AG_RT_FAST(site, posix_memalign(memptr, alignment, size));
  int ret;
  AG_RT_SIZED(site, size);
  ret = posix_memalign(memptr, alignment, size);
  if (ret == 0)
    ag_rt_live_alloc(*memptr);
  return ret;
}

AG_RT_EXPORT void *__allocguard_memalign(ag_site_t site, size_t alignment,
                                         size_t size) {
  AG_RT_FAST(site, memalign(alignment, size));
  AG_RT_SIZED(site, size);
  void *p = memalign(alignment, size);
  ag_rt_live_alloc(p);
  return p;
}

AG_RT_EXPORT void *__allocguard_valloc(ag_site_t site, size_t size) {
  AG_RT_FAST(site, valloc(size));
  AG_RT_SIZED(site, size);
  void *p = valloc(size);
  ag_rt_live_alloc(p);
  return p;
}

AG_RT_EXPORT void *__allocguard_pvalloc(ag_site_t site, size_t size) {
  AG_RT_FAST(site, pvalloc(size));
  AG_RT_SIZED(site, size);
  void *p = pvalloc(size);
  ag_rt_live_alloc(p);
  return p;
}

AG_RT_EXPORT void __allocguard_free(ag_site_t site, void *ptr) {
  AG_RT_FAST(site, free(ptr));
  ag_rt_check(site, 0, ptr ? AG_RT_DEALLOC : AG_RT_DEALLOC | AG_RT_NULL);
  AG_RT_WRAPPING;
  ag_rt_live_free(ptr);
  free(ptr);
}

/* ---- Strings ----------------------------------------------------------- */

AG_RT_EXPORT char *__allocguard_strdup(ag_site_t site, const char *s) {
  AG_RT_FAST(site, strdup(s));
  char *p;
  AG_RT_SIZED(site, strlen(s) + 1);
  p = strdup(s);
  ag_rt_live_alloc(p);
  return p;
}

AG_RT_EXPORT char *__allocguard_strndup(ag_site_t site, const char *s,
                                        size_t n) {
  AG_RT_FAST(site, strndup(s, n));
  char *p;
  AG_RT_SIZED(site, strnlen(s, n) + 1);
  p = strndup(s, n);
  ag_rt_live_alloc(p);
  return p;
}

/* The size of a formatted string is unknown until it is formatted. */
AG_RT_EXPORT int __allocguard_vasprintf(ag_site_t site, char **strp,
                                        const char *fmt, va_list ap) {
  AG_RT_FAST(site, vasprintf(strp, fmt, ap));
  int ret;
  AG_RT_UNSIZED(site);
  ret = vasprintf(strp, fmt, ap);
  if (ret >= 0)
    ag_rt_live_alloc(*strp);
  return ret;
}

AG_RT_EXPORT int __allocguard_asprintf(ag_site_t site, char **strp,
                                       const char *fmt, ...) {
  va_list ap;
  int ret;
  AG_RT_UNSIZED(site);
  va_start(ap, fmt);
  ret = vasprintf(strp, fmt, ap);
  va_end(ap);
  if (ret >= 0)
    ag_rt_live_alloc(*strp);
  return ret;
}

/* ---- stdio that allocates ---------------------------------------------- */

/* getline/getdelim grow *lineptr with realloc: the live bytes change by the
 * difference. open_memstream's buffer grows inside stdio, unseen: it adds
 * nothing here, and freeing it through a checked free subtracts it. */

AG_RT_EXPORT ssize_t __allocguard_getline(ag_site_t site, char **lineptr,
                                          size_t *n, FILE *stream) {
  AG_RT_FAST(site, getline(lineptr, n, stream));
  size_t old;
  ssize_t ret;
  AG_RT_UNSIZED(site);
  old = ag_rt_usable(*lineptr);
  ret = getline(lineptr, n, stream);
  ag_rt_live_add((int64_t)ag_rt_usable(*lineptr) - (int64_t)old);
  return ret;
}

AG_RT_EXPORT ssize_t __allocguard_getdelim(ag_site_t site, char **lineptr,
                                           size_t *n, int delim, FILE *stream) {
  AG_RT_FAST(site, getdelim(lineptr, n, delim, stream));
  size_t old;
  ssize_t ret;
  AG_RT_UNSIZED(site);
  old = ag_rt_usable(*lineptr);
  ret = getdelim(lineptr, n, delim, stream);
  ag_rt_live_add((int64_t)ag_rt_usable(*lineptr) - (int64_t)old);
  return ret;
}

AG_RT_EXPORT FILE *__allocguard_open_memstream(ag_site_t site, char **ptr,
                                               size_t *sizeloc) {
  AG_RT_FAST(site, open_memstream(ptr, sizeloc));
  AG_RT_UNSIZED(site);
  return open_memstream(ptr, sizeloc);
}
