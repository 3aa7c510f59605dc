/* ag_util.h - small containers the plugin needs: a growable array, a
 * pointer-keyed map, and string helpers. The plugin runs inside the
 * compiler, so allocation failure is fatal there (ag_xmalloc).
 */
#ifndef ALLOCGUARD_AG_UTIL_H
#define ALLOCGUARD_AG_UTIL_H

#include <stddef.h>

void *ag_xmalloc(size_t size);
void *ag_xcalloc(size_t count, size_t size);
void *ag_xrealloc(void *ptr, size_t size);
char *ag_xstrdup(const char *s);
char *ag_xstrndup(const char *s, size_t n);
/* Returns a heap string the caller frees. */
char *ag_xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Grow *items (of elem_size) so that index `need` fits. */
void ag_grow(void **items, size_t *cap, size_t need, size_t elem_size);
#define AG_PUSH(arr, count, cap, value)                                       \
  do {                                                                        \
    ag_grow((void **)&(arr), &(cap), (count) + 1, sizeof(*(arr)));            \
    (arr)[(count)++] = (value);                                               \
  } while (0)

/* Open-addressing map from pointer to int, for LLVMValueRef -> index. */
struct ag_ptrmap {
  const void **keys;
  int *values;
  size_t cap;   /* power of two */
  size_t count;
};
void ag_ptrmap_put(struct ag_ptrmap *map, const void *key, int value);
/* Returns the value, or -1 when absent. */
int ag_ptrmap_get(const struct ag_ptrmap *map, const void *key);
void ag_ptrmap_free(struct ag_ptrmap *map);

/* A list of owned strings, split from "a,b" option values or files. */
struct ag_strlist {
  char **items;
  size_t count, cap;
};
void ag_strlist_add(struct ag_strlist *list, const char *s, size_t len);
/* Adds each non-empty, trimmed item of a comma-separated list; commas
 * inside () or <> do not split. */
void ag_strlist_add_csv(struct ag_strlist *list, const char *csv);
/* Adds each non-empty, trimmed line of `text` (`len` bytes, NULs
 * included) up to a '#', which starts a comment: a roots file. */
void ag_strlist_add_lines(struct ag_strlist *list, const char *text,
                          size_t len);
void ag_strlist_free(struct ag_strlist *list);

/* The whole file at `path`, NUL-terminated, its length in *len; the caller
 * frees it. NULL with errno set when it cannot be read. */
char *ag_read_file(const char *path, size_t *len);

/* A string table: each distinct string once, numbered in order of first
 * interning. Item pointers stay valid until ag_strtab_free. */
struct ag_strtab {
  struct ag_strlist strings;
  long *slots;       /* string index, or -1 */
  size_t slot_count; /* power of two */
};
/* Index of `s`, added when new. */
size_t ag_strtab_intern(struct ag_strtab *table, const char *s);
/* The table's own copy of `s`, for pointer comparison of interned keys. */
const char *ag_strtab_get(struct ag_strtab *table, const char *s);
void ag_strtab_free(struct ag_strtab *table);

#endif /* ALLOCGUARD_AG_UTIL_H */
