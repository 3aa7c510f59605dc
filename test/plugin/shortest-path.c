// RUN: %clang -g -O0 %agload -c %s -o /dev/null 2>&1 | FileCheck %s
// A site reached along two paths is reported once per root, with the
// shorter path; recursion does not loop.
#include <allocguard.h>
#include <stdlib.h>

void *alloc_it(size_t n) { return malloc(n); }
static void *long_way(size_t n, int k) { return k ? long_way(n, k - 1) : alloc_it(n); }

ALLOCGUARD_ALLOC_FREE void *root(size_t n) {
  void *a = long_way(n, 3);
  void *b = alloc_it(n);
  return a ? a : b;
}
// CHECK: shortest-path.c:12:13: warning: alloc_free function 'root' may allocate: call to 'alloc_it' reaches 'malloc'
// CHECK-NOT: warning
// CHECK-COUNT-1: note: 'alloc_it' calls 'malloc'
// CHECK-NOT: note:
