/* ag_rt_wrap.h - prototypes of every checked wrapper.
 *
 * `RET __allocguard_<symbol>(site, <the original parameters>)`, one per
 * WRAPPED row of plugin/ag_kb.def. The site comes first so variadic
 * callees work. C++ operators take their Itanium parameters as plain C
 * types: size_t for std::align_val_t, const void * for const nothrow_t &.
 * Included by the wrapper files (so definitions match) and by the tests.
 */
#ifndef ALLOCGUARD_AG_RT_WRAP_H
#define ALLOCGUARD_AG_RT_WRAP_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>

#include "ag_abi.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef const struct __allocguard_site *ag_site_t;

/* ---- C (ag_rt_wrap_c.c) ------------------------------------------------ */
void *__allocguard_malloc(ag_site_t site, size_t size);
void *__allocguard_calloc(ag_site_t site, size_t nmemb, size_t size);
void *__allocguard_realloc(ag_site_t site, void *ptr, size_t size);
void *__allocguard_reallocarray(ag_site_t site, void *ptr, size_t nmemb,
                                size_t size);
void *__allocguard_aligned_alloc(ag_site_t site, size_t alignment, size_t size);
int __allocguard_posix_memalign(ag_site_t site, void **memptr, size_t alignment,
                                size_t size);
void *__allocguard_memalign(ag_site_t site, size_t alignment, size_t size);
void *__allocguard_valloc(ag_site_t site, size_t size);
void *__allocguard_pvalloc(ag_site_t site, size_t size);
char *__allocguard_strdup(ag_site_t site, const char *s);
char *__allocguard_strndup(ag_site_t site, const char *s, size_t n);
int __allocguard_asprintf(ag_site_t site, char **strp, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
int __allocguard_vasprintf(ag_site_t site, char **strp, const char *fmt,
                           va_list ap) __attribute__((format(printf, 3, 0)));
ssize_t __allocguard_getline(ag_site_t site, char **lineptr, size_t *n,
                             FILE *stream);
ssize_t __allocguard_getdelim(ag_site_t site, char **lineptr, size_t *n,
                              int delim, FILE *stream);
FILE *__allocguard_open_memstream(ag_site_t site, char **ptr, size_t *sizeloc);
void __allocguard_free(ag_site_t site, void *ptr);

/* ---- glibc internals the C names turn into (ag_rt_wrap_c.c) ------------ */
/* -D_FORTIFY_SOURCE: asprintf/vasprintf become the _chk forms; `flag` is
 * glibc's fortify level, passed through. */
int __allocguard___asprintf_chk(ag_site_t site, char **strp, int flag,
                                const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
int __allocguard___vasprintf_chk(ag_site_t site, char **strp, int flag,
                                 const char *fmt, va_list ap)
    __attribute__((format(printf, 4, 0)));
/* getline is an inline call of __getdelim when optimizing. */
ssize_t __allocguard___getdelim(ag_site_t site, char **lineptr, size_t *n,
                                int delim, FILE *stream);
char *__allocguard___strdup(ag_site_t site, const char *s);
char *__allocguard___strndup(ag_site_t site, const char *s, size_t n);

/* ---- C++ (ag_rt_wrap_cxx.c) -------------------------------------------- */
void *__allocguard__Znwm(ag_site_t site, size_t size);
void *__allocguard__Znam(ag_site_t site, size_t size);
void *__allocguard__ZnwmRKSt9nothrow_t(ag_site_t site, size_t size,
                                       const void *nt);
void *__allocguard__ZnamRKSt9nothrow_t(ag_site_t site, size_t size,
                                       const void *nt);
void *__allocguard__ZnwmSt11align_val_t(ag_site_t site, size_t size,
                                        size_t align);
void *__allocguard__ZnamSt11align_val_t(ag_site_t site, size_t size,
                                        size_t align);
void *__allocguard__ZnwmSt11align_val_tRKSt9nothrow_t(ag_site_t site,
                                                      size_t size, size_t align,
                                                      const void *nt);
void *__allocguard__ZnamSt11align_val_tRKSt9nothrow_t(ag_site_t site,
                                                      size_t size, size_t align,
                                                      const void *nt);
void __allocguard__ZdlPv(ag_site_t site, void *ptr);
void __allocguard__ZdaPv(ag_site_t site, void *ptr);
void __allocguard__ZdlPvm(ag_site_t site, void *ptr, size_t size);
void __allocguard__ZdaPvm(ag_site_t site, void *ptr, size_t size);
void __allocguard__ZdlPvSt11align_val_t(ag_site_t site, void *ptr,
                                        size_t align);
void __allocguard__ZdaPvSt11align_val_t(ag_site_t site, void *ptr,
                                        size_t align);
void __allocguard__ZdlPvmSt11align_val_t(ag_site_t site, void *ptr, size_t size,
                                         size_t align);
void __allocguard__ZdaPvmSt11align_val_t(ag_site_t site, void *ptr, size_t size,
                                         size_t align);
void __allocguard__ZdlPvRKSt9nothrow_t(ag_site_t site, void *ptr,
                                       const void *nt);
void __allocguard__ZdaPvRKSt9nothrow_t(ag_site_t site, void *ptr,
                                       const void *nt);
void __allocguard__ZdlPvSt11align_val_tRKSt9nothrow_t(ag_site_t site, void *ptr,
                                                      size_t align,
                                                      const void *nt);
void __allocguard__ZdaPvSt11align_val_tRKSt9nothrow_t(ag_site_t site, void *ptr,
                                                      size_t align,
                                                      const void *nt);
void *__allocguard___cxa_allocate_exception(ag_site_t site, size_t thrown_size);

#ifdef __cplusplus
}
#endif

#endif /* ALLOCGUARD_AG_RT_WRAP_H */
