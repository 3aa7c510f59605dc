// RUN: %clang -g -c %agload %s -o %t.o 2>/dev/null
// RUN: not %clang %t.o -o %t 2>&1 | FileCheck %s
// RUN: %clang -g -c %agload -mllvm -allocguard-instrument=off %s -o %t.off.o 2>/dev/null
// RUN: %clang %t.off.o -o %t.off
// RUN: %t.off | FileCheck %s --check-prefix=RUNS
// RUN: %clang %t.o %rt_static -lpthread -o %t.rt
// RUN: %t.rt | FileCheck %s --check-prefix=RUNS
// Intent: a unit built with the plugin's default checks its allocation
// calls even with no root in it, so it needs the runtime: linked without
// it, the link fails and the undefined symbol's name says what to add.
// -allocguard-instrument=off rewrites nothing and links without it.

#include <stdio.h>
#include <stdlib.h>

char *helper(size_t n) { return malloc(n); }

int main(void) {
  char *p = helper(4);
  free(p);
  puts("ran");
  return 0;
}

// CHECK: {{undefined reference to .|undefined symbol: }}__allocguard_link_with_liballocguard_rt
// RUNS: ran
