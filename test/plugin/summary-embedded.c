// RUN: %clang -g -O2 %agload -c %s -o %t.o 2>/dev/null
// RUN: llvm-objcopy --dump-section=.allocguard.summary=%t.sum %t.o
// RUN: %python %S/Inputs/decode_summary.py %t.sum | FileCheck %s
// RUN: llvm-readelf -S %t.o | FileCheck --check-prefix=SECTION %s
// RUN: rm -rf %t.dir && mkdir %t.dir
// RUN: %clang -g %agload -mllvm -allocguard-summary=%t.dir -c %s -o %t.side.o 2>/dev/null
// RUN: %python %S/Inputs/decode_summary.py %t.dir/summary-embedded.c.allocguard.sum | FileCheck %s
// RUN: llvm-readelf -S %t.side.o | FileCheck --check-prefix=NOSECTION %s
// RUN: %clang -g %agload -mllvm -allocguard-summary=off -c %s -o %t.off.o 2>/dev/null
// RUN: llvm-readelf -S %t.off.o | FileCheck --check-prefix=NOSECTION %s
// The object carries a summary of its unit in a non-allocated section (or a
// side file): definitions with linkage, roots, edges, allocation sites and
// unknown calls, with locations, as docs/summary-format.md describes.
#include <allocguard.h>
#include <stdlib.h>
#include <string.h>

extern void mix(float *);
static char *label(const char *s) { return strdup(s); }
inline void *grow(size_t n) { return malloc(n); }

ALLOCGUARD_ALLOC_FREE void callback(float *out, void (*hook)(void)) {
  mix(out);
  free(label("x"));
  hook();
}
// CHECK: version 6
// CHECK-NEXT: unit {{.*}}summary-embedded.c debug=1
// CHECK-DAG: fn mix declaration
// CHECK-DAG: fn label internal {{.*}}summary-embedded.c:19
// CHECK-DAG: fn callback root external {{.*}}summary-embedded.c:22
// CHECK-DAG: fn strdup allocates declaration
// CHECK-DAG: fn free deallocates declaration
// CHECK-NOT: fn grow
// Callers by line: label's calls first.
// CHECK: call label allocation strdup {{.*}}summary-embedded.c:19:44
// CHECK-NEXT: call callback external mix {{.*}}summary-embedded.c:23:3
// CHECK-NEXT: call callback call label {{.*}}summary-embedded.c:24:8
// CHECK-NEXT: call callback deallocation free {{.*}}summary-embedded.c:24:3
// CHECK-NEXT: call callback indirect - {{.*}}summary-embedded.c:25:3 type=void() field=-
// CHECK-NOT: target
// SECTION: .allocguard.summary PROGBITS {{[0-9a-f]+}} {{[0-9a-f]+}} {{[0-9a-f]+}} 00 0 0 1
// NOSECTION-NOT: .allocguard.summary
