// RUN: %clangxx -g -c -DPART_B %agload %s -o %t.b.o 2>/dev/null
// RUN: %clangxx -g %agload %s %t.b.o %rt_static -lpthread -o %t 2>/dev/null
// RUN: env ALLOCGUARD_OPTIONS=mode=log %t 2>&1 | FileCheck %s
// RUN: %clangxx -g -O2 -c -DPART_B %agload %s -o %t.b2.o 2>/dev/null
// RUN: %clangxx -g -O2 %agload %s %t.b2.o %rt_static -lpthread -o %t.O2 2>/dev/null
// RUN: env ALLOCGUARD_OPTIONS=mode=log %t.O2 2>&1 | FileCheck %s
// Intent: a C++ exception thrown in a callee of a root, in another unit
// compiled with -allocguard-instrument=all, unwinds through the root and
// restores __allocguard_scope_depth: after the catch, allocations in the
// caller are no violations; the callee's allocations below the root are.

#include <allocguard.h>
#include <cstdint>
#include <cstdio>

extern "C" __thread uint32_t __allocguard_scope_depth;

#ifdef PART_B
int *make_value(int v) {
  int *p = new int(v);
  if (v < 0)
    throw v;
  return p;
}
#else
int *make_value(int v);

ALLOCGUARD_ALLOC_FREE __attribute__((noinline)) int *process(int v) {
  return make_value(v);
}

static unsigned long long violations() {
  allocguard_stats s;
  allocguard_stats_get(&s);
  return (unsigned long long)s.violations;
}

int main() {
  try {
    process(-1);
  } catch (int e) {
    std::fprintf(stderr, "caught %d: depth %u, violations %llu\n", e,
                 __allocguard_scope_depth, violations());
  }
  delete new int(7); // outside the root: no violation
  int *q = new int[100];
  delete[] q;
  std::fprintf(stderr, "outside: depth %u, violations %llu\n",
               __allocguard_scope_depth, violations());
  delete process(2); // below the root again: one more (reported once)
  std::fprintf(stderr, "returned: depth %u, violations %llu\n",
               __allocguard_scope_depth, violations());
  return 0;
}
#endif

// The leaked int from process(-1) is not freed; it does not matter here.
// CHECK: ERROR: allocguard: allocation in alloc_free scope: operator new(unsigned long) (4 bytes) at {{.*}}scope_cxx_throw_tu.cpp:20:12 in make_value(int); root {{.+}}{{$}}
// CHECK-NEXT: ERROR: allocguard: allocation in alloc_free scope: __cxa_allocate_exception(4 bytes) at {{.*}}scope_cxx_throw_tu.cpp:22:5 in make_value(int); root {{.+}}{{$}}
// CHECK-NEXT: caught -1: depth 0, violations 2
// CHECK-NEXT: outside: depth 0, violations 2
// CHECK-NEXT: returned: depth 0, violations 3
// CHECK-NOT: {{.}}

#include "Inputs/count_calls.h" // the checks read the counts
