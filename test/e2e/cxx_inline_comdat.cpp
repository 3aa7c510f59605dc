// RUN: %clangxx -g -c -DPART_A %agload %s -o %t.a.o 2>/dev/null
// RUN: %clangxx -g -c -DPART_B %agload %s -o %t.b.o 2>/dev/null
// RUN: %clangxx %t.a.o %t.b.o %rt_static -lpthread -o %t
// RUN: env ALLOCGUARD_OPTIONS=mode=log:summary=1 %t 2>&1 | FileCheck %s
// Intent: an inline root (a header's member function, a template) compiled
// into two objects keeps one copy after comdat deduplication, and its site
// descriptors go with it: each site is registered and listed once, with the
// calls of both objects counted on it; template roots name their arguments.
// (The deletes in main and from_b, no roots, are sites of their own.)
// (-O2, where the roots are inlined into other objects' code:
// cxx_inline_comdat_O2.cpp.)

#include <allocguard.h>
#include <cstdio>

struct Voice {
  ALLOCGUARD_ALLOC_FREE float *buffer(int n) {
    return new float[n];
  }
};

template <typename T> ALLOCGUARD_ALLOC_FREE T *make(T v) {
  return new T(v);
}

#ifdef PART_B
int from_b() {
  Voice v;
  float *f = v.buffer(4);
  double *d = make(2.5);
  int r = (int)*d;
  delete[] f;
  delete d;
  return r;
}
#endif

#ifdef PART_A
int from_b();

int main() {
  Voice v;
  float *f = v.buffer(2);
  double *d = make(1.5);
  int r = (int)*d + from_b();
  delete[] f;
  delete d;
  std::fprintf(stderr, "r=%d\n", r);
  return 0;
}
#endif

// CHECK: ERROR: allocguard: allocation in alloc_free scope: operator new[](unsigned long) (8 bytes) at {{.*}}cxx_inline_comdat.cpp:[[@LINE-35]]:12 in Voice::buffer(int); root {{.+}}{{$}}
// CHECK-NEXT: ERROR: allocguard: allocation in alloc_free scope: operator new(unsigned long) (8 bytes) at {{.*}}cxx_inline_comdat.cpp:[[@LINE-31]]:10 in make<double>(double); root {{.+}}{{$}}
// CHECK-NEXT: r=3
// CHECK-NEXT: allocguard: summary: 4 allocations, 4 frees, 40 bytes, 4 violations at 6 registered sites; peak {{[0-9]+}} live bytes, {{[0-9]+}} at exit; let through: {{[0-9]+}} permitted, {{[0-9]+}} suppressed, {{[0-9]+}} budgeted
// CHECK-DAG: allocguard: site {{.*}}cxx_inline_comdat.cpp:[[@LINE-39]]:12 in Voice::buffer(int): operator new[](unsigned long): 2 calls, 24 bytes, 2 violations{{$}}
// CHECK-DAG: allocguard: site {{.*}}cxx_inline_comdat.cpp:[[@LINE-35]]:10 in make<double>(double): operator new(unsigned long): 2 calls, 16 bytes, 2 violations{{$}}
// CHECK-DAG: allocguard: site {{.*}}cxx_inline_comdat.cpp:32:3 in from_b(): operator delete[](void*): 1 calls, 0 bytes, 0 violations{{$}}
// CHECK-DAG: allocguard: site {{.*}}cxx_inline_comdat.cpp:33:3 in from_b(): operator delete(void*{{(, unsigned long)?}}): 1 calls, 0 bytes, 0 violations{{$}}
// CHECK-DAG: allocguard: site {{.*}}cxx_inline_comdat.cpp:46:3 in main: operator delete[](void*): 1 calls, 0 bytes, 0 violations{{$}}
// CHECK-DAG: allocguard: site {{.*}}cxx_inline_comdat.cpp:47:3 in main: operator delete(void*{{(, unsigned long)?}}): 1 calls, 0 bytes, 0 violations{{$}}
// CHECK-NOT: {{.}}

