// RUN: %clang -g -O0 %agload %s %rt_static -lpthread -o %t.O0 2>/dev/null
// RUN: %clang -g -O1 %agload %s %rt_static -lpthread -o %t.O1 2>/dev/null
// RUN: %clang -g -O2 %agload %s %rt_static -lpthread -o %t.O2 2>/dev/null
// RUN: %clang -g -O3 %agload %s %rt_static -lpthread -o %t.O3 2>/dev/null
// RUN: %clang -g -Os %agload %s %rt_static -lpthread -o %t.Os 2>/dev/null
// RUN: not --crash %t.O0 2>&1 | FileCheck %s --check-prefix=ABORT
// RUN: not --crash %t.O2 2>&1 | FileCheck %s --check-prefix=ABORT
// RUN: not --crash %t.O3 2>&1 | FileCheck %s --check-prefix=ABORT
// RUN: env ALLOCGUARD_OPTIONS=mode=log:summary=1 %t.O0 2>&1 | FileCheck %s
// RUN: env ALLOCGUARD_OPTIONS=mode=log:summary=1 %t.O1 2>&1 | FileCheck %s
// RUN: env ALLOCGUARD_OPTIONS=mode=log:summary=1 %t.O2 2>&1 | FileCheck %s
// RUN: env ALLOCGUARD_OPTIONS=mode=log:summary=1 %t.O3 2>&1 | FileCheck %s
// RUN: env ALLOCGUARD_OPTIONS=mode=log:summary=1 %t.Os 2>&1 | FileCheck %s
// Intent: the same run-time findings at every optimisation level: a
// malloc/free pair the optimiser would delete, and a root inlined into its
// caller, are still checked, at the same file:line:col and in the same root.

#include <allocguard.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// Without allocguard, -O1 and up delete this malloc/free pair outright.
ALLOCGUARD_ALLOC_FREE void scratch(void) {
  char *p = malloc(64);
  free(p);
}

// Small and static: inlined into main from -O1 on.
ALLOCGUARD_ALLOC_FREE static int label(int n, char *out) {
  char *s = strdup("voice");
  int len = (int)strlen(s) + n;
  memcpy(out, s, 6);
  free(s);
  return len;
}

int main(void) {
  char buf[8];
  fprintf(stderr, "start\n");
  scratch();
  scratch();
  int len = label(2, buf);
  fprintf(stderr, "label %s %d\n", buf, len);
  return 0;
}

// ABORT: start
// ABORT-NEXT: ERROR: allocguard: allocation in alloc_free scope: malloc(64 bytes) at {{.*}}opt_levels.c:[[@LINE-24]]:13 in scratch; root {{.+}}{{$}}
// ABORT-NOT: label

// CHECK-LABEL: start
// CHECK-NEXT: ERROR: allocguard: allocation in alloc_free scope: malloc(64 bytes) at {{.*}}opt_levels.c:[[@LINE-28]]:13 in scratch; root {{.+}}{{$}}
// CHECK-NEXT: ERROR: allocguard: deallocation in alloc_free scope: free at {{.*}}opt_levels.c:[[@LINE-28]]:3 in scratch; root {{.+}}{{$}}
// CHECK-NEXT: ERROR: allocguard: allocation in alloc_free scope: strdup(6 bytes) at {{.*}}opt_levels.c:[[@LINE-24]]:13 in label; root {{.+}}{{$}}
// CHECK-NEXT: ERROR: allocguard: deallocation in alloc_free scope: free at {{.*}}opt_levels.c:[[@LINE-22]]:3 in label; root {{.+}}{{$}}
// CHECK-NEXT: label voice 7
// CHECK-NEXT: allocguard: summary: 3 allocations, 3 frees, 134 bytes, 6 violations at 4 registered sites; peak {{[0-9]+}} live bytes, {{[0-9]+}} at exit; let through: {{[0-9]+}} permitted, {{[0-9]+}} suppressed, {{[0-9]+}} budgeted
// CHECK-DAG: allocguard: site {{.*}}opt_levels.c:[[@LINE-34]]:13 in scratch: malloc: 2 calls, 128 bytes, 2 violations{{$}}
// CHECK-DAG: allocguard: site {{.*}}opt_levels.c:[[@LINE-34]]:3 in scratch: free: 2 calls, 0 bytes, 2 violations{{$}}
// CHECK-DAG: allocguard: site {{.*}}opt_levels.c:[[@LINE-30]]:13 in label: strdup: 1 calls, 6 bytes, 1 violations{{$}}
// CHECK-DAG: allocguard: site {{.*}}opt_levels.c:[[@LINE-28]]:3 in label: free: 1 calls, 0 bytes, 1 violations{{$}}
// CHECK-NOT: {{.}}
