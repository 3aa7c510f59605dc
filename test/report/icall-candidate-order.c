// RUN: rm -rf %t && mkdir -p %t && cd %S
// RUN: %clang -g -O0 %agload -mllvm -allocguard-instrument=off -DUNIT_B -c icall-candidate-order.c -o %t/b.o 2>/dev/null
// RUN: %clang -g -O0 %agload -mllvm -allocguard-instrument=off -DUNIT_A -c icall-candidate-order.c -o %t/a.o 2>/dev/null
// RUN: %clang -g -O0 %agload -mllvm -allocguard-instrument=off -DUNIT_APP -c icall-candidate-order.c -o %t/app.o 2>/dev/null
// RUN: cd %t && not %agreport --source-root=%S app.o b.o a.o > b-first.txt
// RUN: cd %t && not %agreport --source-root=%S a.o app.o b.o > a-first.txt
// RUN: diff %t/b-first.txt %t/a-first.txt
// RUN: FileCheck %s < %t/b-first.txt
// Intent: two functions a pointer may hold ('on_a', 'on_b', in two units)
// lead equally far to one allocation. Which path the report shows, and so
// the baseline fingerprint (root, functions on the path, callee), must not
// depend on the order of the inputs or of functions in their records: the
// candidates are taken by name, so the path goes through 'on_a' whichever
// unit comes first.
// CHECK: warning: alloc_free function 'process' may allocate: call to 'on_a' through 'hook' reaches 'malloc'
// CHECK-NEXT: note: 'on_a' calls 'shared_helper'
// CHECK-NOT: on_b
#include <allocguard.h>
#include <stdlib.h>

void shared_helper(void);
void on_a(void);
void on_b(void);

#ifdef UNIT_A
void on_a(void) { shared_helper(); }
void shared_helper(void) { free(malloc(8)); }
#endif

#ifdef UNIT_B
void on_b(void) { shared_helper(); }
#endif

#ifdef UNIT_APP
void (*hook)(void);
void install(int which) { hook = which ? on_a : on_b; }
ALLOCGUARD_ALLOC_FREE void process(void) { hook(); }
#endif
