/* ag_rt_wrap_c.c - checked wrappers for the C allocation functions.
 *
 * Each wrapper runs ag_rt_check() with the bytes the call requests, then
 * makes the original call and returns its result untouched (errno
 * included: the check preserves it). One wrapper per WRAPPED C row of
 * plugin/ag_kb.def; the glibc-internal spellings are in ag_rt_wrap_glibc.c.
 */
#define _GNU_SOURCE
#include <malloc.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ag_rt_check.h"
#include "ag_rt_wrap.h"

static inline size_t ag_rt_mul_sat(size_t a, size_t b) {
  size_t r;
  return __builtin_mul_overflow(a, b, &r) ? SIZE_MAX : r;
}

/* ---- malloc family ----------------------------------------------------- */

AG_RT_EXPORT void *__allocguard_malloc(ag_site_t site, size_t size) {
  AG_RT_SIZED(site, size);
  return malloc(size);
}

AG_RT_EXPORT void *__allocguard_calloc(ag_site_t site, size_t nmemb,
                                       size_t size) {
  AG_RT_SIZED(site, ag_rt_mul_sat(nmemb, size));
  return calloc(nmemb, size);
}

AG_RT_EXPORT void *__allocguard_realloc(ag_site_t site, void *ptr,
                                        size_t size) {
  AG_RT_SIZED(site, size);
  return realloc(ptr, size);
}

AG_RT_EXPORT void *__allocguard_reallocarray(ag_site_t site, void *ptr,
                                             size_t nmemb, size_t size) {
  AG_RT_SIZED(site, ag_rt_mul_sat(nmemb, size));
  return reallocarray(ptr, nmemb, size);
}

AG_RT_EXPORT void *__allocguard_aligned_alloc(ag_site_t site, size_t alignment,
                                              size_t size) {
  AG_RT_SIZED(site, size);
  return aligned_alloc(alignment, size);
}

AG_RT_EXPORT int __allocguard_posix_memalign(ag_site_t site, void **memptr,
                                             size_t alignment, size_t size) {
  AG_RT_SIZED(site, size);
  return posix_memalign(memptr, alignment, size);
}

AG_RT_EXPORT void *__allocguard_memalign(ag_site_t site, size_t alignment,
                                         size_t size) {
  AG_RT_SIZED(site, size);
  return memalign(alignment, size);
}

AG_RT_EXPORT void *__allocguard_valloc(ag_site_t site, size_t size) {
  AG_RT_SIZED(site, size);
  return valloc(size);
}

AG_RT_EXPORT void *__allocguard_pvalloc(ag_site_t site, size_t size) {
  AG_RT_SIZED(site, size);
  return pvalloc(size);
}

AG_RT_EXPORT void __allocguard_free(ag_site_t site, void *ptr) {
  ag_rt_check(site, 0, ptr ? AG_RT_DEALLOC : AG_RT_DEALLOC | AG_RT_NULL);
  free(ptr);
}

/* ---- Strings ----------------------------------------------------------- */

AG_RT_EXPORT char *__allocguard_strdup(ag_site_t site, const char *s) {
  AG_RT_SIZED(site, strlen(s) + 1);
  return strdup(s);
}

AG_RT_EXPORT char *__allocguard_strndup(ag_site_t site, const char *s,
                                        size_t n) {
  AG_RT_SIZED(site, strnlen(s, n) + 1);
  return strndup(s, n);
}

/* The size of a formatted string is unknown until it is formatted. */
AG_RT_EXPORT int __allocguard_vasprintf(ag_site_t site, char **strp,
                                        const char *fmt, va_list ap) {
  AG_RT_UNSIZED(site);
  return vasprintf(strp, fmt, ap);
}

AG_RT_EXPORT int __allocguard_asprintf(ag_site_t site, char **strp,
                                       const char *fmt, ...) {
  va_list ap;
  int ret;
  AG_RT_UNSIZED(site);
  va_start(ap, fmt);
  ret = vasprintf(strp, fmt, ap);
  va_end(ap);
  return ret;
}

/* ---- stdio that allocates ---------------------------------------------- */

AG_RT_EXPORT ssize_t __allocguard_getline(ag_site_t site, char **lineptr,
                                          size_t *n, FILE *stream) {
  AG_RT_UNSIZED(site);
  return getline(lineptr, n, stream);
}

AG_RT_EXPORT ssize_t __allocguard_getdelim(ag_site_t site, char **lineptr,
                                           size_t *n, int delim, FILE *stream) {
  AG_RT_UNSIZED(site);
  return getdelim(lineptr, n, delim, stream);
}

AG_RT_EXPORT FILE *__allocguard_open_memstream(ag_site_t site, char **ptr,
                                               size_t *sizeloc) {
  AG_RT_UNSIZED(site);
  return open_memstream(ptr, sizeloc);
}
