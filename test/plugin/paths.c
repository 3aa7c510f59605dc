// RUN: %clang -g -O0 %agload -mllvm -allocguard-caret=off -c %s -o /dev/null 2>&1 | FileCheck %s
// Paths one, two and three calls deep: a warning at the call in the root,
// then one note per hop down to the allocating call.
#include <allocguard.h>
#include <stdlib.h>
#include <string.h>

static char *depth3(const char *s) { return strdup(s); }
static char *depth2(const char *s) { return depth3(s); }
static void *depth1(size_t n) { return malloc(n); }

ALLOCGUARD_ALLOC_FREE void one(size_t n, void **out) {
  out[0] = malloc(n);
}
// CHECK-LABEL: paths.c:13:12: warning: alloc_free function 'one' calls 'malloc', which allocates [-Wallocguard]
// CHECK-NOT: note:

ALLOCGUARD_ALLOC_FREE void two(size_t n, void **out) {
  out[0] = depth1(n);
}
// CHECK-LABEL: paths.c:19:12: warning: alloc_free function 'two' may allocate: call to 'depth1' reaches 'malloc' [-Wallocguard]
// CHECK-NEXT: paths.c:10:40: note: 'depth1' calls 'malloc', which allocates

ALLOCGUARD_ALLOC_FREE void three(const char *s, void **out) {
  out[0] = depth2(s);
}
// CHECK-LABEL: paths.c:25:12: warning: alloc_free function 'three' may allocate: call to 'depth2' reaches 'strdup' [-Wallocguard]
// CHECK-NEXT: paths.c:9:45: note: 'depth2' calls 'depth3'
// CHECK-NEXT: paths.c:8:45: note: 'depth3' calls 'strdup', which allocates
// CHECK-NOT: warning
