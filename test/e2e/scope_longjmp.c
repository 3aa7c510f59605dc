// RUN: %clang -g %agload %s %rt_static -lpthread -o %t 2>/dev/null
// RUN: env ALLOCGUARD_OPTIONS=mode=log %t 2>&1 | FileCheck %s
// RUN: %clang -g -O2 %agload %s %rt_static -lpthread -o %t.O2 2>/dev/null
// RUN: env ALLOCGUARD_OPTIONS=mode=log %t.O2 2>&1 | FileCheck %s
// Intent: leaving a root with longjmp (C error handling: a callback bails
// out to its host) ends the root's alloc_free scope like a return does: the
// host's allocations after setjmp returns are not violations.

#include <allocguard.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>

static jmp_buf bail;

__attribute__((noinline)) void *host_alloc(size_t n) {
  return malloc(n);
}

ALLOCGUARD_ALLOC_FREE __attribute__((noinline)) void callback(int fail) {
  if (fail)
    longjmp(bail, 1);
}

static unsigned long long violations(void) {
  struct allocguard_stats s;
  allocguard_stats_get(&s);
  return (unsigned long long)s.violations;
}

int main(void) {
  callback(0);
  free(host_alloc(8));
  fprintf(stderr, "after return: violations=%llu\n", violations());
  if (setjmp(bail) == 0)
    callback(1);
  fprintf(stderr, "back in the host after longjmp\n");
  free(host_alloc(16));
  fprintf(stderr, "host allocated: violations=%llu\n", violations());
  return 0;
}

// CHECK-NOT: allocguard
// CHECK: after return: violations=0
// CHECK-NEXT: back in the host after longjmp
// CHECK-NOT: allocguard
// CHECK-NEXT: host allocated: violations=0
// CHECK-NOT: {{.}}

#include "Inputs/count_calls.h" // the checks read the counts
