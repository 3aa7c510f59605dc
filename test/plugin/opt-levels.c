// RUN: %clang -g -O0 %agload -mllvm -allocguard-caret=off -c %s -o /dev/null 2> %t.O0
// RUN: %clang -g -O1 %agload -mllvm -allocguard-caret=off -c %s -o /dev/null 2> %t.O1
// RUN: %clang -g -O2 %agload -mllvm -allocguard-caret=off -c %s -o /dev/null 2> %t.O2
// RUN: %clang -g -O3 %agload -mllvm -allocguard-caret=off -c %s -o /dev/null 2> %t.O3
// RUN: %clang -g -Os %agload -mllvm -allocguard-caret=off -c %s -o /dev/null 2> %t.Os
// RUN: %clang -g -O2 -flto %agload -mllvm -allocguard-caret=off -c %s -o /dev/null 2> %t.lto
// RUN: %clang -g -O2 -flto=thin %agload -mllvm -allocguard-caret=off -c %s -o /dev/null 2> %t.thin
// RUN: FileCheck %s < %t.O0
// RUN: diff %t.O0 %t.O1
// RUN: diff %t.O0 %t.O2
// RUN: diff %t.O0 %t.O3
// RUN: diff %t.O0 %t.Os
// RUN: diff %t.O0 %t.lto
// RUN: diff %t.O0 %t.thin
// The same findings at every optimisation level and LTO mode: the pass runs
// before inlining and malloc/free elision. At -O2 LLVM would delete this
// malloc/free pair and inline the helpers.
#include <allocguard.h>
#include <stdlib.h>
#include <string.h>

static inline int *scratch(int n) { return malloc(sizeof(int) * n); }
static int sum_with_scratch(const int *a, int n) {
  int *tmp = scratch(n);
  memcpy(tmp, a, sizeof(int) * n);
  int s = 0;
  for (int i = 0; i < n; ++i)
    s += tmp[i];
  free(tmp);
  return s;
}

ALLOCGUARD_ALLOC_FREE int root(const int *a) { return sum_with_scratch(a, 4); }
// CHECK: opt-levels.c:33:55: warning: alloc_free function 'root' may deallocate: call to 'sum_with_scratch' reaches 'free'
// CHECK-NEXT: opt-levels.c:29:3: note: 'sum_with_scratch' calls 'free', which deallocates
// CHECK: opt-levels.c:33:55: warning: alloc_free function 'root' may allocate: call to 'sum_with_scratch' reaches 'malloc'
// CHECK-NEXT: opt-levels.c:24:14: note: 'sum_with_scratch' calls 'scratch'
// CHECK-NEXT: opt-levels.c:22:44: note: 'scratch' calls 'malloc', which allocates
