// RUN: %clangxx -g %agload %s %rt_shared -Wl,-rpath,%rt_dir -lpthread -o %t 2>/dev/null
// RUN: env ALLOCGUARD_OPTIONS=mode=log %t 2>&1 | FileCheck %s --check-prefixes=CHECK,LOG
// RUN: env ALLOCGUARD_OPTIONS=mode=count %t 2>&1 | FileCheck %s --check-prefixes=CHECK,COUNT
// RUN: not --crash %t 2>&1 | FileCheck %s --check-prefix=ABORT
// Intent: C++ wrappers in liballocguard_rt.so forward to the program's
// libstdc++ operators: new/delete work, a throw in a root is checked and
// caught, and a std::bad_alloc unwinds through the shared library's wrapper.

#include <allocguard.h>
#include <cstddef>
#include <cstdio>
#include <new>

// CHECK-LABEL: start
// COUNT-NOT: allocguard
// ABORT-LABEL: start
ALLOCGUARD_ALLOC_FREE long *make(long v) {
  return new long(v);
}
// LOG-NEXT: =={{[0-9]+}}==ERROR: allocguard: allocation in alloc_free scope: operator new(unsigned long) (8 bytes) at {{.*}}shared_runtime_cxx.cpp:[[@LINE-2]]:10 in make(long); root {{.+}}{{$}}
// ABORT-NEXT: =={{[0-9]+}}==ERROR: allocguard: allocation in alloc_free scope: operator new(unsigned long) (8 bytes) at {{.*}}shared_runtime_cxx.cpp:[[@LINE-3]]:10 in make(long); root {{.+}}{{$}}
// ABORT-NOT: made

ALLOCGUARD_ALLOC_FREE int fail(std::size_t n) {
  if (n == 0)
    throw 7;
  char *p = new char[n];
  return p[0];
}

int main() {
  std::fprintf(stderr, "start\n");
  long *p = make(41);
  std::fprintf(stderr, "made %ld\n", *p + 1);
  // CHECK-NEXT: made 42
  delete p;
  try {
    fail(0);
  } catch (int e) {
    std::fprintf(stderr, "caught int %d\n", e);
  }
  // LOG-NEXT: ERROR: allocguard: allocation in alloc_free scope: __cxa_allocate_exception(4 bytes) at {{.*}}shared_runtime_cxx.cpp:[[@LINE-16]]:5 in fail(unsigned long); root {{.+}}{{$}}
  // CHECK-NEXT: caught int 7
  try {
    fail(std::size_t(1) << 62);
  } catch (const std::bad_alloc &) {
    std::fprintf(stderr, "caught bad_alloc\n");
  }
  // LOG-NEXT: ERROR: allocguard: allocation in alloc_free scope: operator new[](unsigned long) (4611686018427387904 bytes) at {{.*}}shared_runtime_cxx.cpp:[[@LINE-22]]:13 in fail(unsigned long); root {{.+}}{{$}}
  // CHECK-NEXT: caught bad_alloc
  struct allocguard_stats s;
  allocguard_stats_get(&s);
  std::fprintf(stderr, "allocations=%llu violations=%llu\n",
               (unsigned long long)s.allocations,
               (unsigned long long)s.violations);
  // CHECK-NEXT: allocations=3 violations=3
  // CHECK-NOT: {{.}}
  return 0;
}

#include "Inputs/count_calls.h" // the checks read the counts
