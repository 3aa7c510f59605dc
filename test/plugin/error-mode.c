// RUN: not %clang -g -O0 %agload -mllvm -allocguard-severity=error -c %s -o %t.o 2>&1 | FileCheck %s
// RUN: not test -e %t.o
// RUN: %clang -g -O0 %agload -mllvm -allocguard-severity=error -mllvm -allocguard-dealloc=ignore -DONLY_FREE -c %s -o %t2.o 2>&1 | count 0
// Error mode fails the compile (build gating) and leaves no object behind;
// ignored categories do not gate.
#include <allocguard.h>
#include <stdlib.h>

ALLOCGUARD_ALLOC_FREE void root(void **p) {
#ifndef ONLY_FREE
  *p = malloc(16);
#endif
  free(*p);
}
// CHECK: error-mode.c:11:8: error: alloc_free function 'root' calls 'malloc', which allocates [-Werror,-Wallocguard]
// CHECK: error-mode.c:13:3: error: alloc_free function 'root' calls 'free', which deallocates [-Werror,-Wallocguard-dealloc]
// CHECK: error: allocguard: 2 allocation site(s) reachable from alloc_free functions (-allocguard-severity=error)
