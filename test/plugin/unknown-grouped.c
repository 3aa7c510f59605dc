// RUN: %clang -g -O0 %agload -mllvm -allocguard-caret=off -c %s -o /dev/null 2>&1 | FileCheck %s
// RUN: not %clang -g -O0 %agload -mllvm -allocguard-caret=off -mllvm -allocguard-unknown=error -c %s -o /dev/null 2>&1 | FileCheck --check-prefix=ERROR %s
// RUN: %clang -g -O0 %agload -mllvm -allocguard-caret=off -c %s -o /dev/null 2>&1 | FileCheck --check-prefix=COUNT %s
// Intent: calls allocguard cannot follow are one warning per call in the
// root that leads to them, with their count and the first few; the same
// headline is never printed twice at one location; -allocguard-unknown=error
// makes them errors that fail the compile.
#include <allocguard.h>

extern void ext_a(void);
extern void ext_b(void);
extern void ext_c(void);
typedef void (*hook_fn)(int);

static void helper(hook_fn h1, hook_fn h2) {
  ext_a();
  ext_b();
  h1(1);
  h2(2);
  ext_c();
}

#define TWICE(f) (f(), f())

ALLOCGUARD_ALLOC_FREE void root(hook_fn h) {
  helper(h, h);
  TWICE(ext_a);
}
// CHECK: unknown-grouped.c:[[@LINE-2]]:{{[0-9]+}}: warning: alloc_free function 'root' calls 'ext_a', which allocguard cannot see into (not defined in this translation unit and not in its knowledge base) [-Wallocguard-unknown]
// CHECK-NEXT: unknown-grouped.c:[[@LINE-4]]:3: warning: alloc_free function 'root' may reach 5 calls allocguard cannot follow: call to 'helper' leads there [-Wallocguard-unknown]
// CHECK-NEXT: unknown-grouped.c:16:3: note: 'helper' calls 'ext_a', which allocguard cannot see into (not defined in this translation unit and not in its knowledge base)
// CHECK-NEXT: unknown-grouped.c:17:3: note: 'helper' calls 'ext_b', which allocguard cannot see into
// CHECK-NEXT: unknown-grouped.c:18:3: note: 'helper' makes an indirect call that allocguard cannot follow (no function of type 'hook_fn' has its address taken in this translation unit)
// CHECK-NEXT: unknown-grouped.c:[[@LINE-8]]:3: note: and 2 more calls allocguard cannot follow behind this call
// CHECK-NOT: warning
// COUNT-COUNT-2: warning:
// COUNT-NOT: warning:

// ERROR: unknown-grouped.c:26:3: error: alloc_free function 'root' may reach 5 calls allocguard cannot follow: call to 'helper' leads there [-Werror,-Wallocguard-unknown]
// ERROR: error: allocguard: 2 call(s) allocguard cannot follow reachable from alloc_free functions (-allocguard-unknown=error)
