// RUN: %clang -g -O0 %agload -mllvm -allocguard-caret=off -c %s -o %t.o 2>&1 | FileCheck %s
// RUN: llvm-objcopy --dump-section=.allocguard.summary=%t.sum %t.o
// RUN: %python %S/Inputs/decode_summary.py %t.sum | FileCheck --check-prefix=SUM %s
// Intent: a methods table copied into a global config (SQLite's
// sqlite3_config: struct assignment of a static default table, or of the
// user's table through a pointer) keeps its field keys, so
// `config.m.xMalloc(n)` reaches the functions stored into
// mem_methods.xMalloc anywhere; a copy into a struct of another type is a
// flow between their fields.
#include <allocguard.h>
#include <stdlib.h>
#include <string.h>

typedef struct mem_methods {
  void *(*xMalloc)(int);
  void (*xFree)(void *);
} mem_methods;
struct global_config {
  int flags;
  mem_methods m;
} config;

static void *sys_malloc(int n) { return malloc((size_t)n); }
static void sys_free(void *p) { free(p); }
static const mem_methods default_methods = {sys_malloc, sys_free};

void set_methods(const mem_methods *user) { config.m = *user; }
void set_default(void) { config.m = default_methods; }

/* A legacy table of another type with the same layout, copied in. */
struct legacy_methods { void *(*alloc)(int); void (*release)(void *); };
static void *legacy_alloc(int n) { return calloc(1, (size_t)n); }
static struct legacy_methods legacy = {legacy_alloc, 0};
void set_legacy(void) { memcpy(&config.m, &legacy, sizeof(legacy)); }

ALLOCGUARD_ALLOC_FREE void *grab(int n) {
  return config.m.xMalloc(n);
}
// CHECK: icall-methods-copy.c:[[@LINE-2]]:10: warning: alloc_free function 'grab' may allocate: call to 'sys_malloc' through 'mem_methods.xMalloc' reaches 'malloc' [-Wallocguard]
// CHECK-NEXT: icall-methods-copy.c:23:41: note: 'sys_malloc' calls 'malloc', which allocates
// CHECK-NEXT: icall-methods-copy.c:[[@LINE-4]]:10: warning: alloc_free function 'grab' may allocate: call to 'legacy_alloc' through 'mem_methods.xMalloc' reaches 'calloc' [-Wallocguard]
// CHECK-NOT: warning

// SUM: call grab indirect - {{.*}}type=p(i32) field=struct:struct.mem_methods#0
// SUM-DAG: target sys_malloc p(i32) struct:struct.mem_methods#0
// SUM-DAG: target legacy_alloc p(i32) struct:struct.legacy_methods#0
// SUM-DAG: flow struct:struct.mem_methods#0 <- struct:struct.legacy_methods#0
