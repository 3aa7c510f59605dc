// RUN: %clang -g %agload %s %rt_static -lpthread -o %t 2>&1 | FileCheck %s --check-prefix=COMPILE
// RUN: not --crash %t 2>&1 | FileCheck %s --check-prefix=ABORT
// RUN: env ALLOCGUARD_OPTIONS=mode=log %t 2>&1 | FileCheck %s --check-prefixes=CHECK,LOG
// RUN: env ALLOCGUARD_OPTIONS=mode=count %t 2>&1 | FileCheck %s
// Intent: a call to a function marked ALLOCGUARD_ALLOCATOR from a root gets a
// run-time check before it (its size is unknown to allocguard) and the
// allocator still runs and returns its block.

#include <allocguard.h>
#include <stddef.h>
#include <stdio.h>

static char pool[1024];
static size_t used;

ALLOCGUARD_ALLOCATOR void *pool_get(size_t n) {
  void *p = pool + used;
  used += (n + 15) & ~(size_t)15;
  return p;
}

ALLOCGUARD_ALLOC_FREE float *voice_on(void) {
  float *v = pool_get(24 * sizeof(float));
  v[0] = 1.5f;
  return v;
}
// COMPILE: user_allocator.c:[[@LINE-4]]:14: warning: alloc_free function 'voice_on' calls 'pool_get', which allocates
// ABORT: =={{[0-9]+}}==ERROR: allocguard: allocation in alloc_free scope: pool_get at {{.*}}user_allocator.c:[[@LINE-5]]:14 in voice_on; root {{.+}}{{$}}
// LOG: =={{[0-9]+}}==ERROR: allocguard: allocation in alloc_free scope: pool_get at {{.*}}user_allocator.c:[[@LINE-6]]:14 in voice_on; root {{.+}}{{$}}
// ABORT-NOT: voice

int main(void) {
  float *a = voice_on();
  float *b = voice_on();
  struct allocguard_stats s;
  allocguard_stats_get(&s);
  fprintf(stderr, "voices at +%d and +%d, first %.1f: allocations=%llu bytes=%llu violations=%llu\n",
          (int)((char *)a - pool), (int)((char *)b - pool), a[0],
          (unsigned long long)s.allocations, (unsigned long long)s.bytes,
          (unsigned long long)s.violations);
  return 0;
}
// LOG-NOT: allocguard
// CHECK-NOT: allocguard
// CHECK: voices at +0 and +96, first 1.5: allocations=2 bytes=0 violations=2
// CHECK-NOT: {{.}}

#include "Inputs/count_calls.h" // the checks read the counts
