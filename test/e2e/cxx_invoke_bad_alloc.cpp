// RUN: %clangxx -g %agload %s -S -emit-llvm -o - 2>/dev/null | FileCheck %s --check-prefix=IR
// RUN: %clangxx -g %agload %s %rt_static -lpthread -o %t 2>/dev/null
// RUN: env ALLOCGUARD_OPTIONS=mode=log %t 2>&1 | FileCheck %s --check-prefixes=CHECK,LOG
// RUN: env ALLOCGUARD_OPTIONS=mode=count %t 2>&1 | FileCheck %s --check-prefixes=CHECK,COUNT
// RUN: %clangxx -g -I%S/../../include %s %rt_static -lpthread -o %t.plain
// RUN: %t.plain 2>&1 | FileCheck %s --check-prefixes=CHECK,PLAIN
// Intent: operator new called inside a try block (an invoke, with an unwind
// edge) is rewritten into an invoke of the checked wrapper, and the
// std::bad_alloc thrown for an impossible size still reaches the catch in
// log and count mode, as it does in a build without allocguard. Its end,
// inside the root, frees the exception object in libstdc++: a deallocation
// the runtime's interposer catches (the exception's allocation happened
// inside the checked operator new[], which reports for it).

#include <allocguard.h>
#include <cstddef>
#include <cstdio>
#include <new>

// IR-LABEL: define {{.*}}@_Z7reservem(
// IR: invoke {{.*}}@__allocguard__Znam({{.*}}, i64 {{.*}})
// IR-NOT: @_Znam(
// IR-LABEL: {{^}}}
ALLOCGUARD_ALLOC_FREE int reserve(std::size_t n) {
  try {
    char *p = new char[n];
    p[0] = 42;
    p[n - 1] = 1;
    int r = p[0] + p[n - 1];
    delete[] p;
    return r;
  } catch (const std::bad_alloc &e) {
    return -1;
  }
}
// LOG: =={{[0-9]+}}==ERROR: allocguard: allocation in alloc_free scope: operator new[](unsigned long) (16 bytes) at {{.*}}cxx_invoke_bad_alloc.cpp:[[@LINE-10]]:15 in reserve(unsigned long); root {{.+}}{{$}}
// LOG-NEXT: =={{[0-9]+}}==ERROR: allocguard: deallocation in alloc_free scope: operator delete[](void*) at {{.*}}cxx_invoke_bad_alloc.cpp:[[@LINE-7]]:5 in reserve(unsigned long); root {{.+}}{{$}}

int main() {
  std::fprintf(stderr, "reserve(16) = %d\n", reserve(16));
  // COUNT-NOT: allocguard
  // PLAIN-NOT: allocguard
  // CHECK: reserve(16) = 43
  std::size_t impossible = std::size_t(1) << 62;
  std::fprintf(stderr, "reserve(1 << 62) = %d\n", reserve(impossible));
  // LOG-NEXT: =={{[0-9]+}}==ERROR: allocguard: deallocation in alloc_free scope: free called from {{.*}}+0x{{[0-9a-f]+}}; root {{.+}}{{$}}
  // LOG-NEXT: {{.*}} in reserve(unsigned long) {{.*}}cxx_invoke_bad_alloc.cpp:{{[0-9]+}}:{{[0-9]+}} <- user code{{$}}
  // CHECK-NEXT: reserve(1 << 62) = -1
  struct allocguard_stats s;
  allocguard_stats_get(&s);
  std::fprintf(stderr, "allocations=%llu frees=%llu bytes=%llu violations=%llu\n",
               (unsigned long long)s.allocations, (unsigned long long)s.frees,
               (unsigned long long)s.bytes, (unsigned long long)s.violations);
  // COUNT-NEXT: allocations=2 frees=2 bytes=4611686018427387920 violations=4
  // LOG-NEXT: allocations=2 frees=2 bytes=4611686018427387920 violations=4
  // PLAIN-NEXT: allocations=0 frees=0 bytes=0 violations=0
  // CHECK-NOT: {{.}}
  return 0;
}

#include "Inputs/count_calls.h" // the checks read the counts
