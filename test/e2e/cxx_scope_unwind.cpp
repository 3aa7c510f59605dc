// RUN: %clangxx -g %agload %s %rt_static -lpthread -o %t 2>/dev/null
// RUN: env ALLOCGUARD_OPTIONS=mode=count %t 2>&1 | FileCheck %s
// RUN: %clangxx -g -O2 %agload %s %rt_static -lpthread -o %t.O2 2>/dev/null
// RUN: env ALLOCGUARD_OPTIONS=mode=count %t.O2 2>&1 | FileCheck %s
// Intent: a root's alloc_free scope ends however the root is left: by
// return, or by an exception unwinding through it (thrown in the root or
// below it, caught by its caller); an exception caught inside the root
// leaves the scope open until the root returns.

#include <allocguard.h>
#include <cstdio>
#include <stdexcept>

__attribute__((noinline)) int *fresh(int v) { return new int(v); }

__attribute__((noinline)) void fail_below(int v) {
  if (v > 0)
    throw v;
}

ALLOCGUARD_ALLOC_FREE __attribute__((noinline)) int throws_below(int v) {
  fail_below(v);
  return 0;
}

ALLOCGUARD_ALLOC_FREE __attribute__((noinline)) int catches_inside(int v) {
  try {
    fail_below(v);
  } catch (int) {
  }
  delete fresh(v); // still inside the root: a violation each
  return v;
}

static unsigned long long violations() {
  struct allocguard_stats s;
  allocguard_stats_get(&s);
  return (unsigned long long)s.violations;
}

int main() {
  delete fresh(1);
  std::fprintf(stderr, "outside: violations=%llu\n", violations());
  try {
    throws_below(2);
  } catch (int e) {
    std::fprintf(stderr, "caught %d: violations=%llu\n", e, violations());
  }
  delete fresh(3); // the scope ended with the unwinding
  std::fprintf(stderr, "after unwinding: violations=%llu\n", violations());
  catches_inside(4);
  std::fprintf(stderr, "after catch inside: violations=%llu\n", violations());
  delete fresh(5);
  std::fprintf(stderr, "after return: violations=%llu\n", violations());
  return 0;
}

// The throw allocates its exception below a root: one violation.
// CHECK: outside: violations=0
// CHECK-NEXT: caught 2: violations=1
// CHECK-NEXT: after unwinding: violations=1
// catches_inside: the exception (1), its free at the end of the catch
// (1: inside libstdc++, caught by the runtime's interposer), new and
// delete (2).
// CHECK-NEXT: after catch inside: violations=5
// CHECK-NEXT: after return: violations=5
// CHECK-NOT: {{.}}
