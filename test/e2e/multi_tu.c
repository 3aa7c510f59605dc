// RUN: %clang -g -c -DPART_A %agload %s -o %t.a.o 2>/dev/null
// RUN: %clang -g -c -DPART_B %agload %s -o %t.b.o 2>/dev/null
// RUN: %clang %t.a.o %t.b.o %rt_static -lpthread -o %t
// RUN: env ALLOCGUARD_OPTIONS=mode=log:summary=1 %t 2>&1 | FileCheck %s
// RUN: %clang %t.b.o %t.a.o %rt_shared -Wl,-rpath,%rt_dir -lpthread -o %t.shared
// RUN: env ALLOCGUARD_OPTIONS=mode=log:summary=1 %t.shared 2>&1 | FileCheck %s
// Intent: sites from several instrumented objects linked into one program are
// all registered (once each) and reported with their own file:line:col.

#include <allocguard.h>
#include <stdio.h>
#include <stdlib.h>

#ifdef PART_B
ALLOCGUARD_ALLOC_FREE void *part_b(void) {
  return calloc(3, 8);
}
#endif

#ifdef PART_A
void *part_b(void);

ALLOCGUARD_ALLOC_FREE void *part_a(void) {
  return malloc(5);
}

int main(void) {
  free(part_a());
  free(part_b());
  free(part_b());
  fprintf(stderr, "done\n");
  return 0;
}
#endif

// CHECK: ERROR: allocguard: allocation in alloc_free scope: malloc(5 bytes) at {{.*}}multi_tu.c:[[@LINE-12]]:10 in part_a; root {{.+}}{{$}}
// CHECK-NEXT: ERROR: allocguard: allocation in alloc_free scope: calloc(24 bytes) at {{.*}}multi_tu.c:[[@LINE-21]]:10 in part_b; root {{.+}}{{$}}
// CHECK-NEXT: done
// CHECK-NEXT: allocguard: summary: 3 allocations, 3 frees, 53 bytes, 3 violations at 5 registered sites; peak {{[0-9]+}} live bytes, {{[0-9]+}} at exit; let through: {{[0-9]+}} permitted, {{[0-9]+}} suppressed, {{[0-9]+}} budgeted
// CHECK-DAG: allocguard: site {{.*}}multi_tu.c:[[@LINE-16]]:10 in part_a: malloc: 1 calls, 5 bytes, 1 violations{{$}}
// CHECK-DAG: allocguard: site {{.*}}multi_tu.c:[[@LINE-25]]:10 in part_b: calloc: 2 calls, 48 bytes, 2 violations{{$}}
// CHECK-DAG: allocguard: site {{.*}}multi_tu.c:28:3 in main: free: 1 calls, 0 bytes, 0 violations{{$}}
// CHECK-DAG: allocguard: site {{.*}}multi_tu.c:29:3 in main: free: 1 calls, 0 bytes, 0 violations{{$}}
// CHECK-DAG: allocguard: site {{.*}}multi_tu.c:30:3 in main: free: 1 calls, 0 bytes, 0 violations{{$}}
// CHECK-NOT: {{.}}
