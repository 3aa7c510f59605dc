// RUN: %clang -g %agload %s %rt_static -lpthread -o %t 2>/dev/null
// RUN: env ALLOCGUARD_OPTIONS=mode=count:stats=1 %t 2>%t.err | FileCheck %s
// RUN: count 0 < %t.err
// RUN: env ALLOCGUARD_OPTIONS=mode=count %t 2>%t.off.err | FileCheck %s --check-prefix=OFF
// RUN: FileCheck %s --check-prefix=OFF-WARN < %t.off.err
// Intent: mode=count is silent and, with stats=1, the program can read exact
// totals of the checked calls (allocations, frees, bytes, violations) with
// allocguard_stats_get. Without stats=1 only violations are counted, the
// call returns 0 and one warning says how to turn counting on.

#include <allocguard.h>
#include <stdio.h>
#include <stdlib.h>

// 3 allocations of 100 + 4*8 + 200 = 332 bytes; 3 frees, of which free(NULL)
// touches no heap and is no violation: 5 violations per call.
ALLOCGUARD_ALLOC_FREE void process(void) {
  char *p = malloc(100);
  long *q = calloc(4, sizeof(long));
  p = realloc(p, 200);
  free(p);
  free(q);
  free(NULL);
}

static void show(const char *when) {
  struct allocguard_stats s;
  int counting = allocguard_stats_get(&s);
  printf("%s: counting=%d allocations=%llu frees=%llu bytes=%llu "
         "violations=%llu\n",
         when, counting, (unsigned long long)s.allocations,
         (unsigned long long)s.frees, (unsigned long long)s.bytes,
         (unsigned long long)s.violations);
}

int main(void) {
  show("start");
  process();
  show("one call");
  // Not in a root: checked and counted (1000 bytes), no violation.
  free(malloc(1000));
  process();
  show("two calls");
  allocguard_stats_reset();
  show("reset");
  process();
  show("after reset");
  return 0;
}

// CHECK-LABEL: start: counting=1 allocations=0 frees=0 bytes=0 violations=0
// CHECK-NEXT: one call: counting=1 allocations=3 frees=3 bytes=332 violations=5
// CHECK-NEXT: two calls: counting=1 allocations=7 frees=7 bytes=1664 violations=10
// CHECK-NEXT: reset: counting=1 allocations=0 frees=0 bytes=0 violations=0
// CHECK-NEXT: after reset: counting=1 allocations=3 frees=3 bytes=332 violations=5
// CHECK-NOT: {{.}}

// OFF-LABEL: start: counting=0 allocations=0 frees=0 bytes=0 violations=0
// OFF-NEXT: one call: counting=0 allocations=0 frees=0 bytes=0 violations=5
// OFF-NEXT: two calls: counting=0 allocations=0 frees=0 bytes=0 violations=10
// OFF-NEXT: reset: counting=0 allocations=0 frees=0 bytes=0 violations=0
// OFF-NEXT: after reset: counting=0 allocations=0 frees=0 bytes=0 violations=5
// OFF-NOT: {{.}}
// OFF-WARN: WARNING: allocguard: allocguard_stats_get(): counting is off, so allocations, frees, bytes and live bytes read 0 (violations are always counted); turn it on with ALLOCGUARD_OPTIONS=stats=1 or allocguard_stats_enable()
// OFF-WARN-NOT: WARNING
