// RUN: %clangxx -std=c++17 -fsized-deallocation -g %agload %s %rt_static -lpthread -o %t.sized 2>/dev/null
// RUN: env ALLOCGUARD_OPTIONS=mode=log %t.sized 2>&1 | FileCheck %s --check-prefixes=CHECK,SIZED
// RUN: %clangxx -std=c++17 -fno-sized-deallocation -g %agload %s %rt_static -lpthread -o %t.unsized 2>/dev/null
// RUN: env ALLOCGUARD_OPTIONS=mode=log %t.unsized 2>&1 | FileCheck %s --check-prefixes=CHECK,UNSIZED
// RUN: not --crash %t.sized 2>&1 | FileCheck %s --check-prefix=ABORT
// Intent: every form of operator new and delete (plain, array, nothrow,
// aligned, sized, and their combinations) called in a root goes through a
// checked wrapper that reports it and still returns working memory.

#include <allocguard.h>
#include <cstdio>
#include <new>

struct alignas(64) Big { float v[16]; };
struct Obj { int x = 5; ~Obj() { x = 0; } };              // array cookie
struct alignas(64) BigObj { int x = 6; ~BigObj() { x = 0; } }; // both

// CHECK-LABEL: start
// ABORT-LABEL: start
ALLOCGUARD_ALLOC_FREE int rt() {
  int *a = new int(7);
  // CHECK-NEXT: ERROR: allocguard: allocation in alloc_free scope: operator new(unsigned long) (4 bytes) at {{.*}}cxx_new_delete.cpp:[[@LINE-1]]:12 in rt(); root {{.+}}{{$}}
  // ABORT-NEXT: ERROR: allocguard: allocation in alloc_free scope: operator new(unsigned long) (4 bytes) at {{.*}}cxx_new_delete.cpp:[[@LINE-2]]:12 in rt(); root {{.+}}{{$}}
  // ABORT-NOT: allocguard
  // ABORT-NOT: result
  int *b = new int[5]();
  // CHECK-NEXT: ERROR: allocguard: allocation in alloc_free scope: operator new[](unsigned long) (20 bytes) at {{.*}}cxx_new_delete.cpp:[[@LINE-1]]:12 in rt(); root {{.+}}{{$}}
  int *c = new (std::nothrow) int(3);
  // CHECK-NEXT: ERROR: allocguard: allocation in alloc_free scope: operator new(unsigned long, std::nothrow_t const&) (4 bytes) at {{.*}}cxx_new_delete.cpp:[[@LINE-1]]:12 in rt(); root {{.+}}{{$}}
  int *d = new (std::nothrow) int[2]();
  // CHECK-NEXT: ERROR: allocguard: allocation in alloc_free scope: operator new[](unsigned long, std::nothrow_t const&) (8 bytes) at {{.*}}cxx_new_delete.cpp:[[@LINE-1]]:12 in rt(); root {{.+}}{{$}}
  Big *e = new Big();
  // CHECK-NEXT: ERROR: allocguard: allocation in alloc_free scope: operator new(unsigned long, std::align_val_t) (64 bytes) at {{.*}}cxx_new_delete.cpp:[[@LINE-1]]:12 in rt(); root {{.+}}{{$}}
  Big *f = new Big[2]();
  // CHECK-NEXT: ERROR: allocguard: allocation in alloc_free scope: operator new[](unsigned long, std::align_val_t) (128 bytes) at {{.*}}cxx_new_delete.cpp:[[@LINE-1]]:12 in rt(); root {{.+}}{{$}}
  Big *g = new (std::nothrow) Big();
  // CHECK-NEXT: ERROR: allocguard: allocation in alloc_free scope: operator new(unsigned long, std::align_val_t, std::nothrow_t const&) (64 bytes) at {{.*}}cxx_new_delete.cpp:[[@LINE-1]]:12 in rt(); root {{.+}}{{$}}
  Big *h = new (std::nothrow) Big[2]();
  // CHECK-NEXT: ERROR: allocguard: allocation in alloc_free scope: operator new[](unsigned long, std::align_val_t, std::nothrow_t const&) (128 bytes) at {{.*}}cxx_new_delete.cpp:[[@LINE-1]]:12 in rt(); root {{.+}}{{$}}
  Obj *o = new Obj[3];
  // CHECK-NEXT: ERROR: allocguard: allocation in alloc_free scope: operator new[](unsigned long) (20 bytes) at {{.*}}cxx_new_delete.cpp:[[@LINE-1]]:12 in rt(); root {{.+}}{{$}}
  BigObj *p = new BigObj[2];
  // CHECK-NEXT: ERROR: allocguard: allocation in alloc_free scope: operator new[](unsigned long, std::align_val_t) (192 bytes) at {{.*}}cxx_new_delete.cpp:[[@LINE-1]]:15 in rt(); root {{.+}}{{$}}

  int r = *a + b[4] + *c + d[1] + (int)e->v[0] + (int)f[1].v[0] +
          (int)g->v[0] + (int)h[1].v[15] + o[2].x + p[1].x;

  delete a;
  // SIZED-NEXT: ERROR: allocguard: deallocation in alloc_free scope: operator delete(void*, unsigned long) at {{.*}}cxx_new_delete.cpp:[[@LINE-1]]:3 in rt(); root {{.+}}{{$}}
  // UNSIZED-NEXT: ERROR: allocguard: deallocation in alloc_free scope: operator delete(void*) at {{.*}}cxx_new_delete.cpp:[[@LINE-2]]:3 in rt(); root {{.+}}{{$}}
  delete[] b;
  // CHECK-NEXT: ERROR: allocguard: deallocation in alloc_free scope: operator delete[](void*) at {{.*}}cxx_new_delete.cpp:[[@LINE-1]]:3 in rt(); root {{.+}}{{$}}
  ::operator delete(c, std::nothrow);
  // CHECK-NEXT: ERROR: allocguard: deallocation in alloc_free scope: operator delete(void*, std::nothrow_t const&) at {{.*}}cxx_new_delete.cpp:[[@LINE-1]]:3 in rt(); root {{.+}}{{$}}
  ::operator delete[](d, std::nothrow);
  // CHECK-NEXT: ERROR: allocguard: deallocation in alloc_free scope: operator delete[](void*, std::nothrow_t const&) at {{.*}}cxx_new_delete.cpp:[[@LINE-1]]:3 in rt(); root {{.+}}{{$}}
  delete e;
  // SIZED-NEXT: ERROR: allocguard: deallocation in alloc_free scope: operator delete(void*, unsigned long, std::align_val_t) at {{.*}}cxx_new_delete.cpp:[[@LINE-1]]:3 in rt(); root {{.+}}{{$}}
  // UNSIZED-NEXT: ERROR: allocguard: deallocation in alloc_free scope: operator delete(void*, std::align_val_t) at {{.*}}cxx_new_delete.cpp:[[@LINE-2]]:3 in rt(); root {{.+}}{{$}}
  delete[] f;
  // CHECK-NEXT: ERROR: allocguard: deallocation in alloc_free scope: operator delete[](void*, std::align_val_t) at {{.*}}cxx_new_delete.cpp:[[@LINE-1]]:3 in rt(); root {{.+}}{{$}}
  ::operator delete(g, std::align_val_t(alignof(Big)), std::nothrow);
  // CHECK-NEXT: ERROR: allocguard: deallocation in alloc_free scope: operator delete(void*, std::align_val_t, std::nothrow_t const&) at {{.*}}cxx_new_delete.cpp:[[@LINE-1]]:3 in rt(); root {{.+}}{{$}}
  ::operator delete[](h, std::align_val_t(alignof(Big)), std::nothrow);
  // CHECK-NEXT: ERROR: allocguard: deallocation in alloc_free scope: operator delete[](void*, std::align_val_t, std::nothrow_t const&) at {{.*}}cxx_new_delete.cpp:[[@LINE-1]]:3 in rt(); root {{.+}}{{$}}
  delete[] o;
  // SIZED-NEXT: ERROR: allocguard: deallocation in alloc_free scope: operator delete[](void*, unsigned long) at {{.*}}cxx_new_delete.cpp:[[@LINE-1]]:3 in rt(); root {{.+}}{{$}}
  // UNSIZED-NEXT: ERROR: allocguard: deallocation in alloc_free scope: operator delete[](void*) at {{.*}}cxx_new_delete.cpp:[[@LINE-2]]:3 in rt(); root {{.+}}{{$}}
  delete[] p;
  // SIZED-NEXT: ERROR: allocguard: deallocation in alloc_free scope: operator delete[](void*, unsigned long, std::align_val_t) at {{.*}}cxx_new_delete.cpp:[[@LINE-1]]:3 in rt(); root {{.+}}{{$}}
  // UNSIZED-NEXT: ERROR: allocguard: deallocation in alloc_free scope: operator delete[](void*, std::align_val_t) at {{.*}}cxx_new_delete.cpp:[[@LINE-2]]:3 in rt(); root {{.+}}{{$}}
  return r;
}

int main() {
  std::fprintf(stderr, "start\n");
  int r = rt();
  struct allocguard_stats s;
  allocguard_stats_get(&s);
  std::fprintf(stderr, "result %d: allocations=%llu frees=%llu bytes=%llu violations=%llu\n", r,
               (unsigned long long)s.allocations, (unsigned long long)s.frees,
               (unsigned long long)s.bytes, (unsigned long long)s.violations);
  return 0;
}
// 7 + 0 + 3 + 0 + 0 + 0 + 0 + 0 + 5 + 6 = 21; 10 news of 4+20+4+8+64+128+64+128+20+192 = 632 bytes.
// CHECK-NEXT: result 21: allocations=10 frees=10 bytes=632 violations=20
// CHECK-NOT: {{.}}

#include "Inputs/count_calls.h" // the checks read the counts
