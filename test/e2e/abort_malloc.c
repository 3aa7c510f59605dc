// RUN: %clang -g %agload %s %rt_static -lpthread -o %t 2>&1 | FileCheck %s --check-prefix=COMPILE
// RUN: not --crash %t 2>&1 | FileCheck %s
// RUN: env ALLOCGUARD_OPTIONS=mode=abort not --crash %t 2>&1 | FileCheck %s
// RUN: env ALLOCGUARD_OPTIONS=mode=abort:summary=1 not --crash %t 2>&1 | FileCheck %s
// Intent: by default a malloc inside an alloc_free root aborts the program with
// one line naming file:line:col, the root, the callee and the requested size;
// nothing the program does after that call happens (not even summary=1).

#include <allocguard.h>
#include <stdio.h>
#include <stdlib.h>

// CHECK-LABEL: before process
ALLOCGUARD_ALLOC_FREE void *process(int frames) {
  int channels = 2;
  return malloc((size_t)frames * channels * sizeof(float));
}
// COMPILE: abort_malloc.c:[[@LINE-2]]:10: warning: alloc_free function 'process' calls 'malloc', which allocates [-Wallocguard]
// CHECK-NEXT: =={{[0-9]+}}==ERROR: allocguard: allocation in alloc_free scope: malloc(128 bytes) at {{.*}}abort_malloc.c:[[@LINE-3]]:10 in process; root {{.+}}{{$}}
// CHECK-NOT: allocguard
// CHECK-NOT: after process

int main(void) {
  // stderr is unbuffered, so the order of these lines is the order of events.
  fprintf(stderr, "before process\n");
  void *p = process(16);
  fprintf(stderr, "after process\n");
  free(p);
  return 0;
}
