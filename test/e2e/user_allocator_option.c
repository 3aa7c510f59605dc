// RUN: %clang -g -O0 %agload -mllvm -allocguard-allocators=my_alloc %s %rt_static -lpthread -o %t.O0 2>&1 | FileCheck %s --check-prefix=COMPILE
// RUN: not --crash %t.O0 2>&1 | FileCheck %s --check-prefix=ABORT
// RUN: env ALLOCGUARD_OPTIONS=mode=count:summary=1 %t.O0 2>&1 | FileCheck %s
// RUN: %clang -g -O2 %agload -mllvm -allocguard-allocators=my_alloc %s %rt_static -lpthread -o %t.O2 2>&1 | FileCheck %s --check-prefix=COMPILE
// RUN: not --crash %t.O2 2>&1 | FileCheck %s --check-prefix=ABORT
// RUN: env ALLOCGUARD_OPTIONS=mode=count:summary=1 %t.O2 2>&1 | FileCheck %s
// RUN: %clang -g %agload %s %rt_static -lpthread -o %t.plain 2>&1 | FileCheck %s --check-prefix=UNNAMED --allow-empty
// RUN: %t.plain 2>&1 | FileCheck %s --check-prefix=UNCHECKED
// Intent: -allocguard-allocators=NAME makes an unannotated function an
// allocator: its calls from roots are checked at run time, at -O0 and at -O2
// (where the allocator is inlined into the root); without the option the
// same calls are not checked.

#include <allocguard.h>
#include <stddef.h>
#include <stdio.h>

static double arena[256];
static size_t top;

void *my_alloc(size_t n) {
  void *p = &arena[top];
  top += (n + sizeof(double) - 1) / sizeof(double);
  return p;
}

ALLOCGUARD_ALLOC_FREE double *grain(int i) {
  double *g = my_alloc(4 * sizeof(double));
  g[0] = i * 0.5;
  return g;
}
// COMPILE: user_allocator_option.c:[[@LINE-4]]:15: warning: alloc_free function 'grain' calls 'my_alloc', which allocates
// UNNAMED-NOT: my_alloc
// ABORT: =={{[0-9]+}}==ERROR: allocguard: allocation in alloc_free scope: my_alloc at {{.*}}user_allocator_option.c:[[@LINE-6]]:15 in grain; root {{.+}}{{$}}
// ABORT-NOT: grains

int main(void) {
  double sum = 0;
  for (int i = 1; i <= 3; ++i)
    sum += grain(i)[0];
  struct allocguard_stats s;
  allocguard_stats_get(&s);
  fprintf(stderr, "grains sum %.1f top %zu: allocations=%llu violations=%llu\n", sum, top,
          (unsigned long long)s.allocations, (unsigned long long)s.violations);
  return 0;
}
// CHECK-NOT: allocguard
// CHECK-LABEL: grains sum 3.0 top 12: allocations=3 violations=3
// CHECK-NEXT: allocguard: summary: 3 allocations, 0 frees, 0 bytes, 3 violations at 1 registered sites; peak {{[0-9]+}} live bytes, {{[0-9]+}} at exit; let through: {{[0-9]+}} permitted, {{[0-9]+}} suppressed, {{[0-9]+}} budgeted
// CHECK-NEXT: =={{[0-9]+}}==allocguard: site {{.*}}user_allocator_option.c:[[@LINE-22]]:15 in grain: my_alloc: 3 calls, 0 bytes, 3 violations{{$}}
// CHECK-NOT: {{.}}
// UNCHECKED: grains sum 3.0 top 12: allocations=0 violations=0
// UNCHECKED-NOT: allocguard
