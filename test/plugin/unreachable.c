// RUN: %clang -g -O0 %agload -c %s -o /dev/null 2>&1 | count 0
// Allocations not reachable from any root are no finding, and a file with
// no root at all is silent.
#include <allocguard.h>
#include <stdlib.h>
#include <string.h>

char *setup(const char *name) { return strdup(name); }
void teardown(void *p) { free(p); }

ALLOCGUARD_ALLOC_FREE int clean_root(const int *a, int n) {
  int sum = 0;
  for (int i = 0; i < n; ++i)
    sum += a[i];
  return sum;
}
