// RUN: %clang -g %agload %s %rt_static -lpthread -o %t 2>/dev/null
// RUN: env ALLOCGUARD_OPTIONS=mode=log %t 2>&1 | FileCheck %s
// RUN: env ALLOCGUARD_OPTIONS=mode=log %t 2>&1 | FileCheck %s --check-prefix=ONCE
// Intent: mode=log reports each violating site once, at its first execution,
// and lets the program run on to a normal exit (status 0, later output seen);
// a stats reset does not make a site report again.

#include <allocguard.h>
#include <stdio.h>
#include <stdlib.h>

ALLOCGUARD_ALLOC_FREE char *grow(size_t n) {
  return malloc(n);
}
// CHECK-LABEL: call 0
// CHECK-NEXT: =={{[0-9]+}}==ERROR: allocguard: allocation in alloc_free scope: malloc(10 bytes) at {{.*}}log_mode.c:[[@LINE-3]]:10 in grow; root {{.+}}{{$}}
// CHECK-NEXT: got 10 bytes
// CHECK-NEXT: call 1
// CHECK-NEXT: got 11 bytes

ALLOCGUARD_ALLOC_FREE int *table(size_t n) {
  return calloc(n, sizeof(int));
}
// CHECK-NEXT: =={{[0-9]+}}==ERROR: allocguard: allocation in alloc_free scope: calloc(12 bytes) at {{.*}}log_mode.c:[[@LINE-2]]:10 in table; root {{.+}}{{$}}
// CHECK-NEXT: table[2] = 0
// CHECK-NEXT: done
// CHECK-NOT: {{.}}

// ONCE-COUNT-1: in grow
// ONCE-NOT: in grow
// ONCE-COUNT-1: in table
// ONCE-NOT: allocguard

int main(void) {
  for (int i = 0; i < 2; ++i) {
    fprintf(stderr, "call %d\n", i);
    char *p = grow(10 + i);
    fprintf(stderr, "got %d bytes\n", p ? 10 + i : 0);
    free(p);
  }
  int *t = table(3);
  fprintf(stderr, "table[2] = %d\n", t[2]);
  free(t);
  // allocguard_stats_reset() keeps the "reported" mark: no second report.
  allocguard_stats_reset();
  free(grow(5));
  fprintf(stderr, "done\n");
  return 0;
}
