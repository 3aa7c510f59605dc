// RUN: %clang -g %agload %s %rt_static -lpthread -o %t 2>/dev/null
// RUN: env ALLOCGUARD_OPTIONS=mode=log %t 2>&1 | FileCheck %s
// RUN: %clang -g -O2 %agload %s %rt_shared -Wl,-rpath,%rt_dir -lpthread -o %t.O2 2>/dev/null
// RUN: env ALLOCGUARD_OPTIONS=mode=log %t.O2 2>&1 | FileCheck %s
// Intent: a permit lets the accepted allocations of an error path below a
// root through (counted as permitted); a root entered inside the permit is
// checked again, and once it returns the permit applies again; after the
// permit ends, the root's own allocations are violations.

#define _GNU_SOURCE
#include <allocguard.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char last_error[64];

ALLOCGUARD_ALLOC_FREE __attribute__((noinline)) void *inner_root(void) {
  return malloc(8); /* a root opened inside the permit: checked */
}

__attribute__((noinline)) void log_error(int code) {
  char *msg;
  allocguard_permit_begin();
  if (asprintf(&msg, "error %d", code) >= 0) {
    strncpy(last_error, msg, sizeof last_error - 1);
    free(msg);
  }
  free(inner_root());   /* inner_root's malloc: a violation; the free here
                           is under the permit again */
  free(strdup("again")); /* permitted again */
  allocguard_permit_end();
}

ALLOCGUARD_ALLOC_FREE __attribute__((noinline)) int process(int x) {
  if (x < 0) {
    log_error(x);
    return -1;
  }
  return x;
}

ALLOCGUARD_ALLOC_FREE __attribute__((noinline)) void after(void) {
  free(malloc(1)); /* no permit: two violations */
}

int main(void) {
  struct allocguard_stats s;
  process(-5);
  allocguard_stats_get(&s);
  fprintf(stderr, "%s: violations %llu, permitted %llu\n", last_error,
          (unsigned long long)s.violations, (unsigned long long)s.permitted);
  after();
  allocguard_stats_get(&s);
  fprintf(stderr, "after: violations %llu, permitted %llu\n",
          (unsigned long long)s.violations, (unsigned long long)s.permitted);
  return 0;
}

// CHECK: ERROR: allocguard: allocation in alloc_free scope: malloc(8 bytes) at {{.*}}permit_log_error.c:19:10 in inner_root; root {{.+}}{{$}}
// asprintf, free(msg), free(inner_root()), strdup, free: 5 permitted.
// CHECK-NEXT: error -5: violations 1, permitted 5
// CHECK-NEXT: ERROR: allocguard: allocation in alloc_free scope: malloc(1 bytes) at {{.*}}permit_log_error.c:44:8 in after; root {{.+}}{{$}}
// CHECK-NEXT: ERROR: allocguard: deallocation in alloc_free scope: free at {{.*}}permit_log_error.c:44:3 in after; root {{.+}}{{$}}
// CHECK-NEXT: after: violations 3, permitted 5
// CHECK-NOT: {{.}}

#include "Inputs/count_calls.h" // the checks read the counts
