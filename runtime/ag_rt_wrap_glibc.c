/* ag_rt_wrap_glibc.c - checked wrappers for glibc's internal spellings.
 *
 * What compiled code calls instead of the C names: with -D_FORTIFY_SOURCE,
 * asprintf and vasprintf become __asprintf_chk and __vasprintf_chk (`flag`
 * is the fortify level, passed through); when optimizing, getline is an
 * inline call of __getdelim; __strdup and __strndup are the old
 * <bits/string2.h> spellings. Same contract as ag_rt_wrap_c.c.
 */
#define _GNU_SOURCE
#include <string.h>

#include "ag_rt_check.h"
#include "ag_rt_live.h"
#include "ag_rt_wrap.h"

extern int __vasprintf_chk(char **strp, int flag, const char *fmt, va_list ap);
extern ssize_t __getdelim(char **lineptr, size_t *n, int delim, FILE *stream);
extern char *__strdup(const char *s);
extern char *__strndup(const char *s, size_t n);

AG_RT_WRAPPER(int, __vasprintf_chk,
              (ag_site_t site, char **strp, int flag, const char *fmt,
               va_list ap),
              (strp, flag, fmt, ap)) {
  int ret;
  AG_RT_UNSIZED(site);
  ret = __vasprintf_chk(strp, flag, fmt, ap);
  if (ret >= 0)
    ag_rt_live_alloc(*strp);
  return ret;
}

AG_RT_EXPORT int __allocguard___asprintf_chk(ag_site_t site, char **strp,
                                             int flag, const char *fmt, ...) {
  va_list ap;
  int ret;
  AG_RT_UNSIZED(site);
  va_start(ap, fmt);
  ret = __vasprintf_chk(strp, flag, fmt, ap);
  va_end(ap);
  if (ret >= 0)
    ag_rt_live_alloc(*strp);
  return ret;
}

AG_RT_WRAPPER(ssize_t, __getdelim,
              (ag_site_t site, char **lineptr, size_t *n, int delim,
               FILE *stream),
              (lineptr, n, delim, stream)) {
  size_t old;
  ssize_t ret;
  AG_RT_UNSIZED(site);
  old = ag_rt_usable(*lineptr);
  ret = __getdelim(lineptr, n, delim, stream);
  ag_rt_live_add((int64_t)ag_rt_usable(*lineptr) - (int64_t)old);
  return ret;
}

AG_RT_WRAPPER(char *, __strdup, (ag_site_t site, const char *s), (s)) {
  char *p;
  AG_RT_SIZED(site, strlen(s) + 1);
  p = __strdup(s);
  ag_rt_live_alloc(p);
  return p;
}

AG_RT_WRAPPER(char *, __strndup, (ag_site_t site, const char *s, size_t n),
              (s, n)) {
  char *p;
  AG_RT_SIZED(site, strnlen(s, n) + 1);
  p = __strndup(s, n);
  ag_rt_live_alloc(p);
  return p;
}
