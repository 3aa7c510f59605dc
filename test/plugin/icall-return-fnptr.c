// RUN: %clang -g -O0 %agload -mllvm -allocguard-caret=off -c %s -o /dev/null 2>&1 | FileCheck %s
// Intent: a function returned as a function pointer is address-taken; a
// call through the returned pointer (no field) reaches it by its type, and
// not a function of another type.
#include <allocguard.h>
#include <stdlib.h>
#include <string.h>

typedef char *(*formatter)(const char *);
static char *fmt_copy(const char *s) { return strdup(s); }
static void *other_type(int n) { return malloc((size_t)n); }
void *(*keep)(int) = other_type;

formatter pick_formatter(int kind) { return kind ? fmt_copy : 0; }

ALLOCGUARD_ALLOC_FREE char *render(const char *s) {
  formatter f = pick_formatter(1);
  return f(s);
}
// CHECK: icall-return-fnptr.c:[[@LINE-2]]:10: warning: alloc_free function 'render' may allocate: call to 'fmt_copy' through a pointer of type 'formatter' reaches 'strdup' [-Wallocguard]
// CHECK-NEXT: icall-return-fnptr.c:10:47: note: 'fmt_copy' calls 'strdup', which allocates
// CHECK-NOT: other_type

// A call through a field nothing in this unit stores into falls back to
// the first layer and says why.
struct registry { formatter fmt; };
ALLOCGUARD_ALLOC_FREE char *render_with(struct registry *r, const char *s) {
  return r->fmt(s);
}
// CHECK: icall-return-fnptr.c:[[@LINE-2]]:10: warning: alloc_free function 'render_with' may allocate: call to 'fmt_copy' through a pointer of type 'formatter' (allocguard saw nothing stored in 'registry.fmt') reaches 'strdup' [-Wallocguard]
