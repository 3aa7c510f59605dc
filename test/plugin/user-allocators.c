// RUN: %clang -g %agload -c %s -o /dev/null 2>&1 | FileCheck --check-prefixes=CHECK,NOOPTION %s
// RUN: %clang -g %agload -mllvm -allocguard-allocators=pool_get -S -emit-llvm %s -o - 2>&1 | FileCheck --check-prefixes=CHECK,OPTION,IR %s
// User allocators are allocation sites: marked in source, or named by
// option (useful for prebuilt pool libraries). Calls to them in a root get a
// run-time check in front.
#include <allocguard.h>
#include <stddef.h>

static char arena[4096];
static size_t used;

ALLOCGUARD_ALLOCATOR void *arena_alloc(size_t n) {
  void *p = arena + used;
  used += n;
  return p;
}
extern void *pool_get(int pool);

ALLOCGUARD_ALLOC_FREE void *root(int pool) {
  void *a = arena_alloc(32);
  void *b = pool_get(pool);
  return a ? a : b;
}
// CHECK: user-allocators.c:20:13: warning: alloc_free function 'root' calls 'arena_alloc', which allocates [-Wallocguard]
// NOOPTION: user-allocators.c:21:13: warning: alloc_free function 'root' calls 'pool_get', which allocguard cannot see into
// OPTION: user-allocators.c:21:13: warning: alloc_free function 'root' calls 'pool_get', which allocates [-Wallocguard]
// OPTION-NOT: warning: alloc_free function 'root' calls 'pool_get', which allocguard cannot see
// IR-LABEL: define {{.*}} @root(
// IR: call void @__allocguard_check_site({{.*}}@__allocguard_site{{.*}}, i64 0)
// IR-NEXT: call {{.*}} @arena_alloc(i64 noundef 32)
// IR: call void @__allocguard_check_site({{.*}}@__allocguard_site{{.*}}, i64 0)
// IR-NEXT: call {{.*}} @pool_get(
