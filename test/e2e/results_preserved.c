// RUN: %clang -g %agload %s %rt_static -lpthread -o %t 2>/dev/null
// RUN: env ALLOCGUARD_OPTIONS=mode=count %t 2>&1 | FileCheck %s --check-prefixes=CHECK,GUARD
// RUN: %clang -g -I%S/../../include %s %rt_static -lpthread -o %t.plain
// RUN: %t.plain 2>&1 | FileCheck %s --check-prefixes=CHECK,PLAIN
// Intent: the checked wrappers return exactly what the wrapped functions
// return (contents, lengths, alignment, status codes), so in count mode a
// root computes the same results as in a build without allocguard.

#define _GNU_SOURCE // asprintf, reallocarray
#include <allocguard.h>
#include <errno.h>
#include <malloc.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct results {
  long calloc_sum, realloc_sum, reallocarray_sum;
  char *dup, *ndup, *fmt, *line, *word;
  int fmt_len;
  size_t line_cap, word_cap;
  ssize_t line_len, word_len;
  int pm_rc, pm_bad_rc;
  void *pm, *pm_bad, *aa, *ma, *va;
  FILE *ms;
  char *ms_buf;
  size_t ms_size;
};

ALLOCGUARD_ALLOC_FREE void work(FILE *in, struct results *r) {
  int *z = calloc(8, sizeof(int));
  for (int i = 0; i < 8; ++i) {
    r->calloc_sum += z[i];
    z[i] = i + 1;
  }
  z = realloc(z, 16 * sizeof(int));
  for (int i = 0; i < 8; ++i)
    r->realloc_sum += z[i];
  z = reallocarray(z, 32, sizeof(int));
  for (int i = 0; i < 8; ++i)
    r->reallocarray_sum += z[i] * z[i];
  free(z);
  r->dup = strdup("sample-rate");
  r->ndup = strndup("buffer-size", 6);
  r->fmt_len = asprintf(&r->fmt, "%d Hz x %s", 48000, "2ch");
  r->line_len = getline(&r->line, &r->line_cap, in);
  r->word_len = getdelim(&r->word, &r->word_cap, ';', in);
  r->pm_rc = posix_memalign(&r->pm, 64, 256);
  r->pm_bad_rc = posix_memalign(&r->pm_bad, 3, 16); // not a power of two
  r->aa = aligned_alloc(32, 128);
  r->ma = memalign(16, 48);
  r->va = valloc(100);
  r->ms = open_memstream(&r->ms_buf, &r->ms_size);
}

// A variadic root: the va_list reaches vasprintf through the wrapper.
ALLOCGUARD_ALLOC_FREE int format(char **out, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vasprintf(out, fmt, ap);
  va_end(ap);
  return n;
}

int main(void) {
  static char input[] = "first line\nalpha;beta";
  FILE *in = fmemopen(input, strlen(input), "r");
  struct results r = {0};
  errno = 0;
  work(in, &r);
  printf("calloc zeroed: sum=%ld\n", r.calloc_sum);
  printf("realloc kept: sum=%ld\n", r.realloc_sum);
  printf("reallocarray kept: sum of squares=%ld\n", r.reallocarray_sum);
  printf("strdup: '%s'\n", r.dup);
  printf("strndup: '%s'\n", r.ndup);
  printf("asprintf: %d '%s'\n", r.fmt_len, r.fmt);
  printf("getline: %zd '%s' cap>=%d\n", r.line_len, r.line, r.line_cap >= 12);
  printf("getdelim: %zd '%s'\n", r.word_len, r.word);
  printf("posix_memalign: rc=%d aligned=%d\n", r.pm_rc,
         r.pm && (uintptr_t)r.pm % 64 == 0);
  printf("posix_memalign(3): rc=%s ptr untouched=%d\n",
         r.pm_bad_rc == EINVAL ? "EINVAL" : "?", r.pm_bad == NULL);
  printf("aligned_alloc: aligned=%d\n", r.aa && (uintptr_t)r.aa % 32 == 0);
  printf("memalign: aligned=%d\n", r.ma && (uintptr_t)r.ma % 16 == 0);
  printf("valloc: page aligned=%d\n", r.va && (uintptr_t)r.va % 4096 == 0);
  fprintf(r.ms, "%s/%d", "memstream", 7);
  fclose(r.ms);
  printf("open_memstream: %zu '%s'\n", r.ms_size, r.ms_buf);
  char *v = NULL;
  int vn = format(&v, "%s=%d", "frames", 256);
  printf("vasprintf: %d '%s'\n", vn, v);
  struct allocguard_stats s;
  allocguard_stats_get(&s);
  printf("allocations=%llu frees=%llu bytes=%llu violations=%llu\n",
         (unsigned long long)s.allocations, (unsigned long long)s.frees,
         (unsigned long long)s.bytes, (unsigned long long)s.violations);
  free(r.dup), free(r.ndup), free(r.fmt), free(r.line), free(r.word);
  free(r.pm), free(r.aa), free(r.ma), free(r.va), free(r.ms_buf), free(v);
  fclose(in);
  return 0;
}

// CHECK-NOT: allocguard
// CHECK-LABEL: calloc zeroed: sum=0
// CHECK-NEXT: realloc kept: sum=36
// CHECK-NEXT: reallocarray kept: sum of squares=204
// CHECK-NEXT: strdup: 'sample-rate'
// CHECK-NEXT: strndup: 'buffer'
// CHECK-NEXT: asprintf: 14 '48000 Hz x 2ch'
// CHECK-NEXT: getline: 11 'first line
// CHECK-NEXT: ' cap>=1
// CHECK-NEXT: getdelim: 6 'alpha;'
// CHECK-NEXT: posix_memalign: rc=0 aligned=1
// CHECK-NEXT: posix_memalign(3): rc=EINVAL ptr untouched=1
// CHECK-NEXT: aligned_alloc: aligned=1
// CHECK-NEXT: memalign: aligned=1
// CHECK-NEXT: valloc: page aligned=1
// CHECK-NEXT: open_memstream: 11 'memstream/7'
// CHECK-NEXT: vasprintf: 10 'frames=256'
// Sizes: calloc 32, realloc 64, reallocarray 128, strdup 12, strndup 7,
// asprintf, getline, getdelim, open_memstream and vasprintf unknown (0),
// posix_memalign 256 + 16, aligned_alloc 128, memalign 48, valloc 100:
// 791 bytes in 15 allocations; 1 free.
// GUARD-NEXT: allocations=15 frees=1 bytes=791 violations=16
// PLAIN-NEXT: allocations=0 frees=0 bytes=0 violations=0
// CHECK-NOT: {{.}}

#include "Inputs/count_calls.h" // the checks read the counts
