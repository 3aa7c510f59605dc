// RUN: %clang -g -O0 %agload -mllvm -allocguard-caret=off -c %s -o /dev/null 2>&1 | FileCheck %s
// RUN: %clang -g -O0 %agload -mllvm -allocguard-caret=off -mllvm -allocguard-unknown=ignore -c %s -o /dev/null 2>&1 | count 0
// RUN: %clang -g -O0 %agload -mllvm -allocguard-json=%t.json -c %s -o /dev/null 2>/dev/null
// RUN: %python %S/Inputs/check_tu_report.py %t.json | FileCheck --check-prefix=JSON %s
// Calls allocguard cannot follow are reported in their own category.
#include <allocguard.h>

typedef void (*callback_fn)(float *);
extern void defined_elsewhere(float *);

static void helper(callback_fn fn, float *buf) { fn(buf); }

ALLOCGUARD_ALLOC_FREE void root(callback_fn fn, float *buf) {
  fn(buf);
  // CHECK: indirect-calls.c:[[@LINE-1]]:3: warning: alloc_free function 'root' makes an indirect call that allocguard cannot follow (no function of type 'callback_fn' has its address taken in this translation unit) [-Wallocguard-unknown]
  defined_elsewhere(buf);
  // CHECK-NEXT: indirect-calls.c:[[@LINE-1]]:3: warning: alloc_free function 'root' calls 'defined_elsewhere', which allocguard cannot see into (not defined in this translation unit and not in its knowledge base) [-Wallocguard-unknown]
  helper(fn, buf);
  // CHECK-NEXT: indirect-calls.c:[[@LINE-1]]:3: warning: alloc_free function 'root' may reach an indirect call allocguard cannot follow: call to 'helper' leads there [-Wallocguard-unknown]
  // CHECK-NEXT: indirect-calls.c:11:50: note: 'helper' makes an indirect call that allocguard cannot follow (no function of type 'callback_fn' has its address taken in this translation unit)
}
// JSON: indirect root=root callee=None path=root@{{.*}}indirect-calls.c:14:3 why=no function of type 'callback_fn' has its address taken in this translation unit
