// RUN: %clang -g %agload %s %rt_static -lpthread -o %t 2>/dev/null
// RUN: env ALLOCGUARD_OPTIONS=mode=log %t 2>&1 | FileCheck %s --check-prefixes=CHECK,LOG
// RUN: env ALLOCGUARD_OPTIONS=mode=count %t 2>&1 | FileCheck %s
// RUN: %clang -g %agload -mllvm -allocguard-instrument=roots %s %rt_nointercept -lpthread -o %t.roots 2>/dev/null
// RUN: env ALLOCGUARD_OPTIONS=mode=log %t.roots 2>&1 | FileCheck %s --check-prefix=ROOTS
// Intent: by default (-allocguard-instrument=all) a root opens a per-thread
// alloc_free scope, so an allocation anywhere below it (a helper, a call
// through a function pointer the compile-time report cannot follow, a nested
// root) is a violation at run time, named at the helper's own call site
// and by the innermost open root (inner while it runs, outer again after);
// the same helper called outside any root is counted but allowed, and under
// allocguard_lock() it is a lock violation. -allocguard-instrument=roots
// checks only calls written inside roots (linked with the runtime that
// interposes nothing; the default runtime's interposers would catch the
// helpers' mallocs anyway: scope_cross_tu.c).

#include <allocguard.h>
#include <stdio.h>
#include <stdlib.h>

void *helper(size_t n) {
  return malloc(n);
}

void *by_pointer(size_t n) {
  return calloc(1, n);
}

void *(*volatile hook)(size_t) = by_pointer;

ALLOCGUARD_ALLOC_FREE void *inner(size_t n) {
  return hook(n);
}

ALLOCGUARD_ALLOC_FREE void outer(void) {
  void *a = helper(8);
  void *b = inner(16); // nested root: still in scope when it returns
  void *c = helper(4);
  free(a);
  free(b);
  free(c);
}

void *locked_helper(size_t n) {
  return malloc(n);
}

static void show(const char *when) {
  struct allocguard_stats s;
  allocguard_stats_get(&s);
  fprintf(stderr, "%s: allocations=%llu frees=%llu violations=%llu\n", when,
          (unsigned long long)s.allocations, (unsigned long long)s.frees,
          (unsigned long long)s.violations);
}

int main(void) {
  free(helper(1));
  show("outside");
  outer();
  show("in outer");
  free(helper(2));
  show("outside again");
  allocguard_lock();
  void *p = locked_helper(3);
  allocguard_unlock();
  free(p);
  show("locked");
  return 0;
}

// CHECK-NOT: allocguard
// CHECK: outside: allocations=1 frees=1 violations=0
// LOG-NEXT: ERROR: allocguard: allocation in alloc_free scope: malloc(8 bytes) at {{.*}}scope_transitive.c:[[@LINE-51]]:10 in helper; root outer at {{.*}}scope_transitive.c:35{{$}}
// LOG-NEXT: ERROR: allocguard: allocation in alloc_free scope: calloc(16 bytes) at {{.*}}scope_transitive.c:[[@LINE-48]]:10 in by_pointer; root inner at {{.*}}scope_transitive.c:31{{$}}
// LOG-NEXT: ERROR: allocguard: deallocation in alloc_free scope: free at {{.*}}scope_transitive.c:[[@LINE-36]]:3 in outer; root outer at {{.*}}scope_transitive.c:35{{$}}
// LOG-NEXT: ERROR: allocguard: deallocation in alloc_free scope: free at {{.*}}scope_transitive.c:[[@LINE-36]]:3 in outer; root outer at {{.*}}scope_transitive.c:35{{$}}
// LOG-NEXT: ERROR: allocguard: deallocation in alloc_free scope: free at {{.*}}scope_transitive.c:[[@LINE-36]]:3 in outer; root outer at {{.*}}scope_transitive.c:35{{$}}
// CHECK-NEXT: in outer: allocations=4 frees=4 violations=6
// CHECK-NEXT: outside again: allocations=5 frees=5 violations=6
// LOG-NEXT: ERROR: allocguard: allocation while allocguard_lock() is held: malloc(3 bytes) at {{.*}}scope_transitive.c:[[@LINE-35]]:10 in locked_helper{{$}}
// CHECK-NEXT: locked: allocations=6 frees=6 violations=7
// CHECK-NOT: {{.}}

// Only outer's own frees are rewritten by default; helpers run unchecked.
// ROOTS: outside: allocations=0 frees=0 violations=0
// ROOTS-NEXT: ERROR: allocguard: deallocation in alloc_free scope: free at {{.*}}scope_transitive.c:[[@LINE-47]]:3 in outer; root outer at {{.*}}scope_transitive.c:35{{$}}
// ROOTS-NEXT: ERROR: allocguard: deallocation in alloc_free scope: free at {{.*}}scope_transitive.c:[[@LINE-47]]:3 in outer; root outer at {{.*}}scope_transitive.c:35{{$}}
// ROOTS-NEXT: ERROR: allocguard: deallocation in alloc_free scope: free at {{.*}}scope_transitive.c:[[@LINE-47]]:3 in outer; root outer at {{.*}}scope_transitive.c:35{{$}}
// ROOTS-NEXT: in outer: allocations=0 frees=3 violations=3
// ROOTS-NEXT: outside again: allocations=0 frees=3 violations=3
// ROOTS-NEXT: locked: allocations=0 frees=3 violations=3
// ROOTS-NOT: {{.}}

#include "Inputs/count_calls.h" // the checks read the counts
