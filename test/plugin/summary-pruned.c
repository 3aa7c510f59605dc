// RUN: %clang -g -O0 %agload -mllvm -allocguard-instrument=off -c %s -o %t.o 2>/dev/null
// RUN: llvm-objcopy --dump-section=.allocguard.summary=%t.sum %t.o
// RUN: %python %S/Inputs/decode_summary.py %t.sum | FileCheck %s
// Intent: the summary leaves out what cannot change a report: calls to
// internal functions that reach nothing (clamp, and scale through it), and
// then those functions themselves (but not offset, whose call to an
// external function stays); repeated calls from one function to the
// same function (the second call to grow). It keeps calls that lead
// somewhere, calls to external functions even when their body here is
// clean (another unit's definition may be the one a report keeps), roots,
// and the internal clean functions whose address is taken.
#include <allocguard.h>
#include <stdlib.h>

int gain(int v) { return v + 1; }

static int clamp(int v) { return v < 0 ? 0 : v; }
static int offset(int v) { return gain(v) + 1; }
static int scale(int v) { return clamp(v) * 2; }
static void *grow(int n) { return malloc((size_t)n); }
static int cmp(int v) { return v; }
int (*hook)(int) = cmp;

ALLOCGUARD_ALLOC_FREE void *process(int n) {
  void *a = grow(scale(n));
  void *b = grow(gain(n) + offset(n));
  free(a);
  return b;
}

// CHECK-NOT: fn clamp
// CHECK-NOT: fn scale
// CHECK-DAG: fn gain external
// CHECK-DAG: fn grow internal
// CHECK-DAG: fn cmp internal
// CHECK-DAG: fn offset internal
// CHECK-DAG: fn process root external
// CHECK-NOT: call {{.*}} clamp
// Callers by line.
// CHECK: call offset call gain
// CHECK-NEXT: call grow allocation malloc
// CHECK-NEXT: call process call grow {{.*}}:25:
// CHECK-NEXT: call process call gain {{.*}}:26:
// CHECK-NEXT: call process call offset
// CHECK-NEXT: call process deallocation free
// CHECK-NEXT: target cmp
