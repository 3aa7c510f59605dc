// RUN: %clang -g -O2 -flto=full -c %agload %s -o %t.full.a.o 2>/dev/null
// RUN: %clang -g -O2 -flto=full -c -DPART_B %agload %s -o %t.full.b.o 2>/dev/null
// RUN: %clang -O2 -flto=full -fuse-ld=gold %t.full.a.o %t.full.b.o %rt_static -lpthread -o %t.full
// RUN: env ALLOCGUARD_OPTIONS=mode=log:summary=1 %t.full 2>&1 | FileCheck %s
// RUN: %clang -g -O2 -flto=thin -c %agload %s -o %t.thin.a.o 2>/dev/null
// RUN: %clang -g -O2 -flto=thin -c -DPART_B %agload %s -o %t.thin.b.o 2>/dev/null
// RUN: %clang -O2 -flto=thin -fuse-ld=gold %t.thin.a.o %t.thin.b.o %rt_static -lpthread -o %t.thin
// RUN: env ALLOCGUARD_OPTIONS=mode=log:summary=1 %t.thin 2>&1 | FileCheck %s
// RUN: %clang -g -O2 -ffunction-sections -fdata-sections -c %agload %s -o %t.gc.a.o 2>/dev/null
// RUN: %clang -g -O2 -ffunction-sections -fdata-sections -c -DPART_B %agload %s -o %t.gc.b.o 2>/dev/null
// RUN: %clang -Wl,--gc-sections %t.gc.a.o %t.gc.b.o %rt_static -lpthread -o %t.gc
// RUN: env ALLOCGUARD_OPTIONS=mode=log:summary=1 %t.gc 2>&1 | FileCheck %s
// RUN: %clang -static %t.gc.a.o %t.gc.b.o %rt_static -lpthread -o %t.static
// RUN: env ALLOCGUARD_OPTIONS=mode=log:summary=1 %t.static 2>&1 | FileCheck %s
// Intent: full LTO, ThinLTO (both through the gold plugin of the same LLVM)
// --gc-sections and a fully static link keep the rewritten calls, the site descriptors and their
// registration: the same reports and summary as an ordinary link.

#include <allocguard.h>
#include <stdio.h>
#include <stdlib.h>

#ifdef PART_B
ALLOCGUARD_ALLOC_FREE void *part_b(void) {
  return calloc(3, 8);
}
#else
void *part_b(void);

// -O2 alone would delete this malloc/free pair.
ALLOCGUARD_ALLOC_FREE void scratch(void) {
  free(malloc(64));
}

int main(void) {
  scratch();
  free(part_b());
  fprintf(stderr, "done\n");
  return 0;
}
#endif

// CHECK: ERROR: allocguard: allocation in alloc_free scope: malloc(64 bytes) at {{.*}}link_modes.c:[[@LINE-11]]:8 in scratch; root {{.+}}{{$}}
// CHECK-NEXT: ERROR: allocguard: deallocation in alloc_free scope: free at {{.*}}link_modes.c:[[@LINE-12]]:3 in scratch; root {{.+}}{{$}}
// CHECK-NEXT: ERROR: allocguard: allocation in alloc_free scope: calloc(24 bytes) at {{.*}}link_modes.c:[[@LINE-20]]:10 in part_b; root {{.+}}{{$}}
// CHECK-NEXT: done
// CHECK-NEXT: allocguard: summary: 2 allocations, 2 frees, 88 bytes, 3 violations at 4 registered sites; peak {{[0-9]+}} live bytes, {{[0-9]+}} at exit; let through: {{[0-9]+}} permitted, {{[0-9]+}} suppressed, {{[0-9]+}} budgeted
// CHECK-DAG: allocguard: site {{.*}}link_modes.c:[[@LINE-16]]:8 in scratch: malloc: 1 calls, 64 bytes, 1 violations{{$}}
// CHECK-DAG: allocguard: site {{.*}}link_modes.c:[[@LINE-17]]:3 in scratch: free: 1 calls, 0 bytes, 1 violations{{$}}
// CHECK-DAG: allocguard: site {{.*}}link_modes.c:[[@LINE-25]]:10 in part_b: calloc: 1 calls, 24 bytes, 1 violations{{$}}
// CHECK-DAG: allocguard: site {{.*}}link_modes.c:37:3 in main: free: 1 calls, 0 bytes, 0 violations{{$}}
// CHECK-NOT: {{.}}
