// RUN: %clang -g -O0 %agload -mllvm -allocguard-caret=off -c %s -o %t.o 2>&1 | FileCheck %s
// RUN: not %clang -g -O0 %agload -mllvm -allocguard-caret=off -mllvm -allocguard-severity=error -c %s -o /dev/null 2>&1 | FileCheck --check-prefix=ERROR %s
// RUN: llvm-objcopy --dump-section=.allocguard.summary=%t.sum %t.o
// RUN: %python %S/Inputs/decode_summary.py %t.sum | FileCheck --check-prefix=SUM %s
// Intent: a global hook holding malloc (libxml2's xmlMalloc) is an
// allocation when called: a candidate the knowledge base knows is
// classified like a direct call to it, and the summary marks the
// declaration for the whole-program report.
#include <allocguard.h>
#include <stdlib.h>

void *(*xmlMalloc)(size_t) = malloc;
static void (*xmlFree)(void *) = free;

ALLOCGUARD_ALLOC_FREE void *node_new(size_t n) {
  void *p = xmlMalloc(n);
  xmlFree(p);
  return p;
}
// CHECK: icall-global-hook.c:[[@LINE-4]]:13: warning: alloc_free function 'node_new' calls 'malloc' through 'xmlMalloc', which allocates [-Wallocguard]
// CHECK-NEXT: icall-global-hook.c:[[@LINE-4]]:3: warning: alloc_free function 'node_new' calls 'free' through 'xmlFree', which deallocates [-Wallocguard-dealloc]
// CHECK-NOT: warning
// ERROR: error: alloc_free function 'node_new' calls 'malloc' through 'xmlMalloc', which allocates [-Werror,-Wallocguard]
// ERROR: error: allocguard: 2 allocation site(s) reachable from alloc_free functions (-allocguard-severity=error)

// SUM-DAG: fn malloc allocates declaration
// SUM-DAG: fn free deallocates declaration
// SUM-DAG: call node_new indirect - {{.*}} type=p(i64) field=global:xmlMalloc
// SUM-DAG: call node_new indirect - {{.*}} type=void(p) field=static:{{.*}}icall-global-hook.c:xmlFree
// SUM-DAG: target malloc p(i64) global:xmlMalloc
// SUM-DAG: target free void(p) static:{{.*}}icall-global-hook.c:xmlFree
