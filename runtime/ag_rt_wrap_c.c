/* ag_rt_wrap_c.c - checked wrappers for the C allocation functions.
 *
 * Outside any scope with counting off, each wrapper tail-calls the original
 * (AG_RT_FAST). Otherwise it runs ag_rt_check() with the bytes the call
 * requests, then makes the original call and returns its result untouched
 * (errno included: the check preserves it), adding the usable size of the
 * block to the live bytes when counting (ag_rt_live.h). One wrapper per WRAPPED
 * C row of plugin/ag_kb.def; the glibc-internal spellings are in
 * ag_rt_wrap_glibc.c.
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

AG_RT_WRAPPER(void *, malloc, (ag_site_t site, size_t size), (size)) {
  AG_RT_SIZED(site, size);
  void *p = malloc(size);
  ag_rt_live_alloc(p);
  return p;
}

AG_RT_WRAPPER(void *, calloc, (ag_site_t site, size_t nmemb, size_t size),
              (nmemb, size)) {
  AG_RT_SIZED(site, ag_rt_mul_sat(nmemb, size));
  void *p = calloc(nmemb, size);
  ag_rt_live_alloc(p);
  return p;
}

AG_RT_WRAPPER(void *, realloc, (ag_site_t site, void *ptr, size_t size),
              (ptr, size)) {
  size_t old;
  void *p;
  AG_RT_SIZED(site, size);
  old = ag_rt_usable(ptr);
  p = realloc(ptr, size);
  ag_rt_live_realloc(ptr, old, p, size);
  return p;
}

AG_RT_WRAPPER(void *, reallocarray,
              (ag_site_t site, void *ptr, size_t nmemb, size_t size),
              (ptr, nmemb, size)) {
  size_t old;
  void *p;
  AG_RT_SIZED(site, ag_rt_mul_sat(nmemb, size));
  old = ag_rt_usable(ptr);
  p = reallocarray(ptr, nmemb, size);
  ag_rt_live_realloc(ptr, old, p, ag_rt_mul_sat(nmemb, size));
  return p;
}

AG_RT_WRAPPER(void *, aligned_alloc,
              (ag_site_t site, size_t alignment, size_t size),
              (alignment, size)) {
  AG_RT_SIZED(site, size);
  void *p = aligned_alloc(alignment, size);
  ag_rt_live_alloc(p);
  return p;
}

AG_RT_WRAPPER(int, posix_memalign,
              (ag_site_t site, void **memptr, size_t alignment, size_t size),
              (memptr, alignment, size)) {
  int ret;
  AG_RT_SIZED(site, size);
  ret = posix_memalign(memptr, alignment, size);
  if (ret == 0)
    ag_rt_live_alloc(*memptr);
  return ret;
}

AG_RT_WRAPPER(void *, memalign, (ag_site_t site, size_t alignment, size_t size),
              (alignment, size)) {
  AG_RT_SIZED(site, size);
  void *p = memalign(alignment, size);
  ag_rt_live_alloc(p);
  return p;
}

AG_RT_WRAPPER(void *, valloc, (ag_site_t site, size_t size), (size)) {
  AG_RT_SIZED(site, size);
  void *p = valloc(size);
  ag_rt_live_alloc(p);
  return p;
}

AG_RT_WRAPPER(void *, pvalloc, (ag_site_t site, size_t size), (size)) {
  AG_RT_SIZED(site, size);
  void *p = pvalloc(size);
  ag_rt_live_alloc(p);
  return p;
}

AG_RT_WRAPPER_VOID(free, (ag_site_t site, void *ptr), (ptr)) {
  ag_rt_check(site, 0, ptr ? AG_RT_DEALLOC : AG_RT_DEALLOC | AG_RT_NULL);
  AG_RT_WRAPPING;
  ag_rt_live_free(ptr);
  free(ptr);
}

/* ---- Strings ----------------------------------------------------------- */

AG_RT_WRAPPER(char *, strdup, (ag_site_t site, const char *s), (s)) {
  char *p;
  AG_RT_SIZED(site, strlen(s) + 1);
  p = strdup(s);
  ag_rt_live_alloc(p);
  return p;
}

AG_RT_WRAPPER(char *, strndup, (ag_site_t site, const char *s, size_t n),
              (s, n)) {
  char *p;
  AG_RT_SIZED(site, strnlen(s, n) + 1);
  p = strndup(s, n);
  ag_rt_live_alloc(p);
  return p;
}

/* The size of a formatted string is unknown until it is formatted. */
AG_RT_WRAPPER(int, vasprintf,
              (ag_site_t site, char **strp, const char *fmt, va_list ap),
              (strp, fmt, ap)) {
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

AG_RT_WRAPPER(ssize_t, getline,
              (ag_site_t site, char **lineptr, size_t *n, FILE *stream),
              (lineptr, n, stream)) {
  size_t old;
  ssize_t ret;
  AG_RT_UNSIZED(site);
  old = ag_rt_usable(*lineptr);
  ret = getline(lineptr, n, stream);
  ag_rt_live_add((int64_t)ag_rt_usable(*lineptr) - (int64_t)old);
  return ret;
}

AG_RT_WRAPPER(ssize_t, getdelim,
              (ag_site_t site, char **lineptr, size_t *n, int delim,
               FILE *stream),
              (lineptr, n, delim, stream)) {
  size_t old;
  ssize_t ret;
  AG_RT_UNSIZED(site);
  old = ag_rt_usable(*lineptr);
  ret = getdelim(lineptr, n, delim, stream);
  ag_rt_live_add((int64_t)ag_rt_usable(*lineptr) - (int64_t)old);
  return ret;
}

AG_RT_WRAPPER(FILE *, open_memstream,
              (ag_site_t site, char **ptr, size_t *sizeloc), (ptr, sizeloc)) {
  AG_RT_UNSIZED(site);
  return open_memstream(ptr, sizeloc);
}
