/* ag_rep_util.c - allocation, arrays, hashing (ag_rep_util.h). */
#include "ag_rep_util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

/* common/ag_alloc.h's failure: the input is too large for the machine. */
void ag_out_of_memory(size_t size) {
  fprintf(stderr, "allocguard-report: error: out of memory (%zu bytes)\n",
          size);
  exit(2);
}

void *ag_rep_xbig(size_t size) {
  enum { AG_REP_HUGE = 2 << 20 };
  if (size < AG_REP_HUGE)
    return ag_xmalloc(size);
  void *p = NULL;
  size_t rounded = (size + AG_REP_HUGE - 1) & ~(size_t)(AG_REP_HUGE - 1);
  if (posix_memalign(&p, AG_REP_HUGE, rounded) != 0)
    ag_out_of_memory(size);
#ifdef MADV_HUGEPAGE
  madvise(p, rounded, MADV_HUGEPAGE); /* a hint: failure changes nothing */
#endif
  return p;
}

static uint64_t ag_rep_load64(const unsigned char *p) {
  uint64_t v;
  memcpy(&v, p, 8);
  return v;
}

/* A multiply-rotate hash over 8-byte words with a final avalanche; good
 * enough for open addressing, several times faster than FNV per byte. */
uint64_t ag_rep_hash_bytes(const void *data, size_t len) {
  const unsigned char *p = data;
  uint64_t h = 0x9e3779b97f4a7c15ULL ^ (len * 0xff51afd7ed558ccdULL);
  for (; len >= 8; p += 8, len -= 8) {
    h ^= ag_rep_load64(p) * 0x87c37b91114253d5ULL;
    h = ((h << 31) | (h >> 33)) * 0x4cf5ad432745937fULL;
  }
  uint64_t tail = 0;
  memcpy(&tail, p, len);
  h ^= tail * 0x87c37b91114253d5ULL;
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  return h ^ (h >> 33);
}

int ag_rep_fail(struct ag_rep_error *err, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(err->text, sizeof(err->text), fmt, ap);
  va_end(ap);
  return -1;
}
