/* ag_alloc.c - allocation that does not come back empty, and growable
 * arrays (ag_alloc.h). */
#include "ag_alloc.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *ag_alloc_check(void *p, size_t size) {
  if (!p)
    ag_out_of_memory(size);
  return p;
}

void *ag_xmalloc(size_t size) {
  return ag_alloc_check(malloc(size ? size : 1), size);
}

void *ag_xcalloc(size_t count, size_t size) {
  if (size && count > SIZE_MAX / size)
    ag_out_of_memory(SIZE_MAX);
  return ag_alloc_check(calloc(count ? count : 1, size ? size : 1),
                        count * size);
}

void *ag_xrealloc(void *ptr, size_t size) {
  return ag_alloc_check(realloc(ptr, size ? size : 1), size);
}

char *ag_xstrdup(const char *s) { return ag_xstrndup(s, strlen(s)); }

char *ag_xstrndup(const char *s, size_t n) {
  char *out = ag_xmalloc(n + 1);
  memcpy(out, s, n);
  out[n] = '\0';
  return out;
}

char *ag_xasprintf(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int len = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  size_t size = (size_t)(len < 0 ? 0 : len) + 1;
  char *out = ag_xmalloc(size);
  va_start(ap, fmt);
  vsnprintf(out, size, fmt, ap);
  va_end(ap);
  return out;
}

void ag_grow(void **items, size_t *cap, size_t need, size_t elem_size) {
  if (need <= *cap)
    return;
  size_t next = *cap ? *cap : 16;
  while (next < need) {
    if (next > SIZE_MAX / 2)
      ag_out_of_memory(SIZE_MAX);
    next *= 2;
  }
  if (next > SIZE_MAX / elem_size)
    ag_out_of_memory(SIZE_MAX);
  *items = ag_xrealloc(*items, next * elem_size);
  *cap = next;
}
