/* ag_alloc.h - allocation that does not come back empty, and growable
 * arrays: one definition for the plugin and allocguard-report.
 *
 * What running out of memory does is the program's: each defines
 * ag_out_of_memory(), which must not return. The plugin, inside the
 * compiler, aborts (plugin/ag_util.c); the report tool exits with status
 * 2, bad input (report/ag_rep_util.c). Library code that must report
 * failure instead calls malloc itself (common/ag_name_match.c).
 */
#ifndef ALLOCGUARD_AG_ALLOC_H
#define ALLOCGUARD_AG_ALLOC_H

#include <stddef.h>

/* Defined by each program; `size` is what could not be had (SIZE_MAX
 * when the size itself overflowed). (An attribute, not _Noreturn: C++
 * files include this header through the plugin's headers.) */
void ag_out_of_memory(size_t size) __attribute__((noreturn));

void *ag_xmalloc(size_t size);
void *ag_xcalloc(size_t count, size_t size);
void *ag_xrealloc(void *ptr, size_t size);
char *ag_xstrdup(const char *s);
char *ag_xstrndup(const char *s, size_t n);
/* A heap string the caller frees. */
char *ag_xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Grows *items (of elem_size bytes each) so that `need` elements fit;
 * capacity doubles, so pushes are amortised O(1). */
void ag_grow(void **items, size_t *cap, size_t need, size_t elem_size);
#define AG_PUSH(arr, count, cap, value)                                        \
  do {                                                                         \
    ag_grow((void **)&(arr), &(cap), (count) + 1, sizeof(*(arr)));             \
    (arr)[(count)++] = (value);                                                \
  } while (0)

#endif /* ALLOCGUARD_AG_ALLOC_H */
