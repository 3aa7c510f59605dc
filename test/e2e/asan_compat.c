// RUN: %clang -g -fsanitize=address %agload %s %rt_static -lpthread -o %t 2>/dev/null
// RUN: env ALLOCGUARD_OPTIONS=mode=log not %t 2>&1 | FileCheck %s
// RUN: not --crash %t 2>&1 | FileCheck %s --check-prefix=ABORT
// Intent: allocguard composes with AddressSanitizer: the checked malloc is
// still ASan's malloc, so an overflow of the block is caught and the
// allocation stack names the root's call site.

#include <allocguard.h>
#include <stdio.h>
#include <stdlib.h>

ALLOCGUARD_ALLOC_FREE char *grab(int n) {
  char *p = malloc(n);
  p[n] = 1;
  return p;
}

int main(void) {
  char *p = grab(8);
  free(p);
  fprintf(stderr, "not reached\n");
  return 0;
}

// CHECK: =={{[0-9]+}}==ERROR: allocguard: allocation in alloc_free scope: malloc(8 bytes) at {{.*}}asan_compat.c:[[@LINE-12]]:13 in grab; root {{.+}}{{$}}
// CHECK: =={{[0-9]+}}==ERROR: AddressSanitizer: heap-buffer-overflow
// CHECK: WRITE of size 1
// CHECK-NEXT: #0 {{.*}} in grab {{.*}}asan_compat.c:[[@LINE-14]]
// CHECK: allocated by thread T0 here:
// CHECK: in grab {{.*}}asan_compat.c:[[@LINE-17]]:13
// CHECK-NOT: not reached

// ABORT: ERROR: allocguard: allocation in alloc_free scope: malloc(8 bytes) at {{.*}}asan_compat.c:[[@LINE-20]]:13 in grab; root {{.+}}{{$}}
// ABORT-NOT: AddressSanitizer
