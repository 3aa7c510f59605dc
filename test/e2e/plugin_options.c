// RUN: %clang -g %agload -mllvm -allocguard-roots=on_block %s %rt_static -lpthread -o %t.roots 2>/dev/null
// RUN: env ALLOCGUARD_OPTIONS=mode=log %t.roots 2>&1 | FileCheck %s --check-prefixes=CHECK,ROOTS
// RUN: echo "# roots for the test" > %t.list
// RUN: echo "on_block" >> %t.list
// RUN: %clang -g %agload -mllvm -allocguard-roots-file=%t.list %s %rt_static -lpthread -o %t.file 2>/dev/null
// RUN: env ALLOCGUARD_OPTIONS=mode=log %t.file 2>&1 | FileCheck %s --check-prefixes=CHECK,ROOTS
// RUN: %clang -g %agload %s %rt_static -lpthread -o %t.none 2>/dev/null
// RUN: env ALLOCGUARD_OPTIONS=mode=log %t.none 2>&1 | FileCheck %s --check-prefixes=CHECK,NONE,NOROOT
// RUN: %clang -g %agload -mllvm -allocguard-roots=on_block -mllvm -allocguard-instrument=off %s %rt_static -lpthread -o %t.off 2>&1 \
// RUN:   | FileCheck %s --check-prefix=OFF-COMPILE
// RUN: env ALLOCGUARD_OPTIONS=mode=log:summary=1 %t.off 2>&1 | FileCheck %s --check-prefixes=CHECK,NONE,OFF
// Intent: a root named on the command line (-allocguard-roots, or one name
// per line in -allocguard-roots-file) is checked at run time like an
// annotated one; without it the function is no root, so its checked call
// is counted but is no violation; -allocguard-instrument=off still reports
// at compile time but rewrites nothing (nothing counted).

#include <allocguard.h>
#include <stdio.h>
#include <stdlib.h>

void *on_block(size_t n) {
  return malloc(n);
}
// OFF-COMPILE: plugin_options.c:[[@LINE-2]]:10: warning: alloc_free function 'on_block' calls 'malloc', which allocates [-Wallocguard]

int main(void) {
  free(on_block(12));
  struct allocguard_stats s;
  allocguard_stats_get(&s);
  fprintf(stderr, "allocations=%llu violations=%llu\n",
          (unsigned long long)s.allocations, (unsigned long long)s.violations);
  return 0;
}
// NONE-NOT: ERROR
// ROOTS: ERROR: allocguard: allocation in alloc_free scope: malloc(12 bytes) at {{.*}}plugin_options.c:[[@LINE-13]]:10 in on_block; root {{.+}}{{$}}
// ROOTS-NEXT: allocations=1 violations=1
// NOROOT: allocations=1 violations=0
// OFF: allocations=0 violations=0
// OFF-NEXT: allocguard: summary: 0 allocations, 0 frees, 0 bytes, 0 violations at 0 registered sites; peak {{[0-9]+}} live bytes, {{[0-9]+}} at exit; let through: {{[0-9]+}} permitted, {{[0-9]+}} suppressed, {{[0-9]+}} budgeted
// CHECK-NOT: {{.}}

#include "Inputs/count_calls.h" // the checks read the counts
