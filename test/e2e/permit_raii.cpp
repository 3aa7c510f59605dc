// RUN: %clangxx -g %agload %s %rt_static -lpthread -o %t 2>/dev/null
// RUN: env ALLOCGUARD_OPTIONS=mode=log %t 2>&1 | FileCheck %s
// RUN: %clangxx -g -O2 %agload %s %rt_static -lpthread -o %t.O2 2>/dev/null
// RUN: env ALLOCGUARD_OPTIONS=mode=log %t.O2 2>&1 | FileCheck %s
// Intent: allocguard::permit ends its permit when it goes out of scope,
// also when an exception unwinds through it, so the root's next
// allocation is a violation again; allocguard::lock_guard with a budget
// lets the first calls of its lock through.

#include <allocguard.h>
#include <cstdio>
#include <vector>

static int *kept;

__attribute__((noinline)) void report(int code) {
  allocguard::permit p;
  std::vector<int> scratch(100, code); // allocates: permitted
  if (code < 0)
    throw code;                        // the exception object: permitted
}

ALLOCGUARD_ALLOC_FREE __attribute__((noinline)) int process(int code) {
  try {
    report(code);
  } catch (int) {
  }
  kept = new int(code); // the permit ended with the unwinding: a violation
  return code;
}

static void show(const char *what) {
  allocguard_stats s;
  allocguard_stats_get(&s);
  std::fprintf(stderr, "%s: violations %llu, permitted %llu, budgeted %llu\n",
               what, (unsigned long long)s.violations,
               (unsigned long long)s.permitted,
               (unsigned long long)s.budgeted);
}

__attribute__((noinline)) void warm_up() {
  allocguard::lock_guard lock(2, 0); // two calls allowed
  std::vector<int> *v = new std::vector<int>(8); // 2 calls: budgeted
  delete v;                                      // 2 calls: violations
}

int main() {
  process(-1);
  show("process");
  delete kept;
  warm_up();
  show("warm_up");
  return 0;
}

// new vector storage, exception, delete vector storage: 3 permitted. The
// exception object is freed at the end of the catch, in the root after the
// permit ended: a violation (inside libstdc++, caught by the interposer).
// CHECK: ERROR: allocguard: deallocation in alloc_free scope: free called from {{.*}}+0x{{[0-9a-f]+}}
// CHECK: ERROR: allocguard: allocation in alloc_free scope: operator new(unsigned long) (4 bytes) at {{.*}}permit_raii.cpp:28:10 in process(int); root {{.+}}{{$}}
// CHECK-NEXT: process: violations 2, permitted 3, budgeted 0
// The vector's storage is freed in libstdc++'s headers: the frames lead to
// the user's line, the end of warm_up's scope.
// CHECK-NEXT: ERROR: allocguard: deallocation while allocguard_lock() is held: {{.*}}
// CHECK: {{^}}    #{{[0-9]+}} 0x{{[0-9a-f]+}} in warm_up() {{.*}}permit_raii.cpp:44:{{[0-9]+}} <- user code{{$}}
// CHECK-NEXT: ERROR: allocguard: deallocation while allocguard_lock() is held: {{.*}}
// CHECK-NEXT: warm_up: violations 4, permitted 3, budgeted 2
// CHECK-NOT: {{.}}

#include "Inputs/count_calls.h" // the checks read the counts
