// RUN: %clang -g %agload %s %rt_static -lpthread -o %t 2>/dev/null
// RUN: env ALLOCGUARD_OPTIONS=mode=count %t 2>&1 | FileCheck %s
// RUN: env ALLOCGUARD_OPTIONS=mode=log %t 2>&1 | FileCheck %s --check-prefixes=CHECK,LOG
// Intent: allocguard_lock()/unlock() nest per thread; a root called with the
// lock held counts each checked call once (not once per reason), an
// unbalanced unlock is reported once and ignored, and the depth never goes
// below zero.

#include <allocguard.h>
#include <stdio.h>
#include <stdlib.h>

ALLOCGUARD_ALLOC_FREE void tick(void) {
  free(malloc(16));
}

static void show(const char *when) {
  struct allocguard_stats s;
  allocguard_stats_get(&s);
  fprintf(stderr, "%s: depth=%u allocations=%llu frees=%llu bytes=%llu violations=%llu\n",
          when, allocguard_lock_depth(), (unsigned long long)s.allocations,
          (unsigned long long)s.frees, (unsigned long long)s.bytes,
          (unsigned long long)s.violations);
}

int main(void) {
  show("start");
  // CHECK-LABEL: start: depth=0 allocations=0 frees=0 bytes=0 violations=0
  tick();
  // LOG-NEXT: ERROR: allocguard: allocation in alloc_free scope: malloc(16 bytes) at {{.*}}phase_lock.c:[[@LINE-16]]:8 in tick; root {{.+}}{{$}}
  // LOG-NEXT: ERROR: allocguard: deallocation in alloc_free scope: free at {{.*}}phase_lock.c:[[@LINE-17]]:3 in tick; root {{.+}}{{$}}
  show("unlocked");
  // CHECK-NEXT: unlocked: depth=0 allocations=1 frees=1 bytes=16 violations=2
  allocguard_lock();
  tick();
  show("locked");
  // CHECK-NEXT: locked: depth=1 allocations=2 frees=2 bytes=32 violations=4
  allocguard_lock();
  tick();
  show("locked twice");
  // CHECK-NEXT: locked twice: depth=2 allocations=3 frees=3 bytes=48 violations=6
  allocguard_unlock();
  show("unlocked once");
  // CHECK-NEXT: unlocked once: depth=1 allocations=3 frees=3 bytes=48 violations=6
  allocguard_unlock();
  tick();
  show("unlocked twice");
  // CHECK-NEXT: unlocked twice: depth=0 allocations=4 frees=4 bytes=64 violations=8
  allocguard_unlock();
  allocguard_unlock();
  // CHECK-NEXT: =={{[0-9]+}}==WARNING: allocguard: allocguard_unlock() without a matching allocguard_lock() on this thread; ignored (reported once){{$}}
  show("unbalanced");
  // CHECK-NEXT: unbalanced: depth=0 allocations=4 frees=4 bytes=64 violations=8
  allocguard_lock();
  show("relocked");
  // CHECK-NEXT: relocked: depth=1 allocations=4 frees=4 bytes=64 violations=8
  allocguard_unlock();
  show("end");
  // CHECK-NEXT: end: depth=0 allocations=4 frees=4 bytes=64 violations=8
  // CHECK-NOT: {{.}}
  return 0;
}

#include "Inputs/count_calls.h" // the checks read the counts
