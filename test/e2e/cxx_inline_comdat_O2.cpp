// RUN: %clangxx -g -O2 -c -DPART_A %agload %s -o %t.a.o 2>/dev/null
// RUN: %clangxx -g -O2 -c -DPART_B %agload %s -o %t.b.o 2>/dev/null
// RUN: %clangxx %t.a.o %t.b.o %rt_static -lpthread -o %t
// RUN: env ALLOCGUARD_OPTIONS=mode=count:summary=1 %t 2>&1 | FileCheck %s
// Intent: at -O2 an inline root (member function defined in its class, or a
// template) used by two objects is inlined into their other functions, so
// those functions' code now refers to the root's site descriptors. The
// objects must still link (whichever copy of the root's comdat the linker
// keeps) and every call must still be counted on a site naming the root
// (the deletes, outside the roots, are counted on their own sites).

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

// CHECK-NOT: allocguard
// CHECK: r=3
// CHECK-NEXT: allocguard: summary: 4 allocations, 4 frees, 40 bytes, 4 violations at {{[0-9]+}} registered sites; peak {{[0-9]+}} live bytes, {{[0-9]+}} at exit; let through: {{[0-9]+}} permitted, {{[0-9]+}} suppressed, {{[0-9]+}} budgeted
// CHECK-DAG: allocguard: site {{.*}}cxx_inline_comdat_O2.cpp:[[@LINE-38]]:12 in Voice::buffer(int): operator new[](unsigned long): {{[0-9]+}} calls
// CHECK-DAG: allocguard: site {{.*}}cxx_inline_comdat_O2.cpp:[[@LINE-34]]:10 in make<double>(double): operator new(unsigned long): {{[0-9]+}} calls
