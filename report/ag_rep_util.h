/* ag_rep_util.h - allocation, growable arrays, hashing and error text for
 * allocguard-report.
 *
 * Allocation failure ends the tool with exit status 2 (bad input): every
 * size the readers allocate is bounded by the size of the input, so only
 * an input too large for the machine gets there.
 */
#ifndef ALLOCGUARD_AG_REP_UTIL_H
#define ALLOCGUARD_AG_REP_UTIL_H

#include <stddef.h>
#include <stdint.h>

#define AG_REP_NONE UINT32_MAX

void *ag_rep_xmalloc(size_t size);
void *ag_rep_xcalloc(size_t count, size_t size);
void *ag_rep_xrealloc(void *ptr, size_t size);
char *ag_rep_xstrdup(const char *s);
char *ag_rep_xstrndup(const char *s, size_t n);
/* A heap string the caller frees. */
char *ag_rep_xasprintf(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));

/* Grows *items (of elem_size bytes each) so that `need` elements fit;
 * capacity doubles, so pushes are amortised O(1). */
void ag_rep_grow(void **items, size_t *cap, size_t need, size_t elem_size);
#define AG_REP_PUSH(arr, count, cap, value)                                   \
  do {                                                                        \
    ag_rep_grow((void **)&(arr), &(cap), (count) + 1, sizeof(*(arr)));        \
    (arr)[(count)++] = (value);                                               \
  } while (0)

/* Large flat arrays (calls, per-function scratch): aligned to 2 MiB and
 * marked for transparent huge pages, so filling hundreds of MiB takes a
 * few hundred page faults, not a hundred thousand. free() releases them. */
void *ag_rep_xbig(size_t size);

/* Hash for in-memory tables (not persisted): fast, 8 bytes at a time. */
uint64_t ag_rep_hash_bytes(const void *data, size_t len);


/* An error message with a fixed buffer: readers fill it and return -1, so
 * library code never prints or exits. */
struct ag_rep_error {
  char text[768];
};
int ag_rep_fail(struct ag_rep_error *err, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#endif /* ALLOCGUARD_AG_REP_UTIL_H */
