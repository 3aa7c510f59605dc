// RUN: %clang -O0 %agload -mllvm -allocguard-caret=off -c %s -o /dev/null 2>&1 | FileCheck %s
// RUN: %clang -O2 %agload -mllvm -allocguard-caret=off -c %s -o /dev/null 2>&1 | FileCheck %s
// RUN: %clang -gline-tables-only -O0 %agload -mllvm -allocguard-caret=off -c %s -o /dev/null 2>&1 | FileCheck --check-prefix=LINES %s
// Without -g the report still names the functions and says how to get
// locations; -gline-tables-only is enough for them.
#include <allocguard.h>
#include <stdlib.h>

static void *helper(size_t n) { return malloc(n); }

ALLOCGUARD_ALLOC_FREE void *root(size_t n) { return helper(n); }
// CHECK: no-debug-info.c: warning: alloc_free function 'root' may allocate: call to 'helper' reaches 'malloc' [-Wallocguard]
// CHECK-NEXT: no-debug-info.c: note: 'helper' calls 'malloc', which allocates
// CHECK-NEXT: no-debug-info.c: note: allocguard: no debug information; compile with -g (or -gline-tables-only) to get file:line:col for each call
// LINES: no-debug-info.c:11:53: warning: alloc_free function 'root'
// LINES-NEXT: no-debug-info.c:9:40: note: 'helper' calls 'malloc'
// LINES-NOT: no debug information
