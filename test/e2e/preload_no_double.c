// RUN: %clang -g %agload %s %rt_shared -Wl,-rpath,%rt_dir -lpthread -o %t 2>/dev/null
// RUN: env ALLOCGUARD_OPTIONS=mode=count %t 2>&1 | FileCheck %s --check-prefix=COUNT
// RUN: env LD_PRELOAD=%rt_dir/liballocguard_preload.so ALLOCGUARD_OPTIONS=mode=count %t 2>&1 | FileCheck %s --check-prefix=COUNT
// RUN: env LD_PRELOAD=%rt_dir/liballocguard_preload.so ALLOCGUARD_OPTIONS=mode=log %t 2>&1 | FileCheck %s
// Intent: a call the plugin rewrote is checked once, by its wrapper, even
// with liballocguard_preload.so loaded: not again by the interposed malloc
// the wrapper calls, nor by the mallocs libc makes inside strdup or
// asprintf. Same counts with and without the preload library; in log mode
// one line per site and no "called from" line.

#define _GNU_SOURCE
#include <allocguard.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

ALLOCGUARD_ALLOC_FREE void process(void) {
  char *a = malloc(16);
  a = realloc(a, 4096);
  char *b = calloc(4, 4);
  char *c = strdup("copy");
  char *d = 0;
  if (asprintf(&d, "%d-%s", 42, c) < 0)
    d = 0;
  free(d);
  free(c);
  free(b);
  free(a);
}

int main(void) {
  process();
  process();
  struct allocguard_stats s;
  allocguard_stats_get(&s);
  fprintf(stderr, "allocations=%llu frees=%llu bytes=%llu violations=%llu\n",
          (unsigned long long)s.allocations, (unsigned long long)s.frees,
          (unsigned long long)s.bytes, (unsigned long long)s.violations);
  return 0;
}

// 2 x (malloc 16 + realloc 4096 + calloc 16 + strdup 5 + asprintf ?) and
// 2 x 4 frees, all violations.
// COUNT:      allocations=10 frees=8 bytes=8266 violations=18
// COUNT-NOT:  {{.}}

// CHECK-NOT:  called from
// CHECK-COUNT-9: =={{[0-9]+}}==ERROR: allocguard: {{.*}} at {{.*}}preload_no_double.c:{{[0-9]+:[0-9]+}} in process; root process at {{.*}}preload_no_double.c:{{[0-9]+}}{{$}}
// CHECK-NEXT: allocations=10 frees=8 bytes=8266 violations=18
// CHECK-NOT:  {{.}}

#include "Inputs/count_calls.h" // the checks read the counts
