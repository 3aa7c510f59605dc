// RUN: %clangxx -g %agload %s %rt_static -lpthread -o %t 2>/dev/null
// RUN: not --crash %t 2>&1 | FileCheck %s --check-prefixes=CHECK,ABORT
// RUN: env ALLOCGUARD_OPTIONS=mode=log %t 2>&1 | FileCheck %s --check-prefixes=CHECK,LOG,RUNS
// RUN: %clangxx -g -I%S/../../include %s %rt_static -lpthread -o %t.plain
// RUN: %t.plain 2>&1 | FileCheck %s --check-prefixes=CHECK,RUNS
// Intent: a throw inside a root allocates its exception object through
// __cxa_allocate_exception, which is checked like malloc; in log mode the
// exception is thrown and caught exactly as in a build without allocguard.

#include <allocguard.h>
#include <cstdio>

struct Err {
  int code;
  char detail[20];
};

// CHECK-LABEL: check(4) = 8
ALLOCGUARD_ALLOC_FREE int check(int v) {
  if (v < 0)
    throw Err{v, "negative"};
  return v * 2;
}
// ABORT-NEXT: =={{[0-9]+}}==ERROR: allocguard: allocation in alloc_free scope: __cxa_allocate_exception(24 bytes) at {{.*}}cxx_throw.cpp:[[@LINE-3]]:5 in check(int); root {{.+}}{{$}}
// ABORT-NOT: caught
// LOG-NEXT: =={{[0-9]+}}==ERROR: allocguard: allocation in alloc_free scope: __cxa_allocate_exception(24 bytes) at {{.*}}cxx_throw.cpp:[[@LINE-5]]:5 in check(int); root {{.+}}{{$}}

int main() {
  std::fprintf(stderr, "check(4) = %d\n", check(4));
  try {
    check(-3);
    std::fprintf(stderr, "not thrown\n");
  } catch (const Err &e) {
    std::fprintf(stderr, "caught %d %s\n", e.code, e.detail);
  }
  // RUNS-NEXT: caught -3 negative
  // RUNS-NOT: not thrown
  return 0;
}
