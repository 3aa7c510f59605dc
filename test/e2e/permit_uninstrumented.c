// RUN: rm -rf %t.dir && mkdir -p %t.dir
// RUN: %clang -g -shared -fPIC %S/Inputs/preload_lib.c -o %t.dir/libpreload_lib.so
// RUN: %clang -g %agload %s -L%t.dir -lpreload_lib %rt_static -Wl,-rpath,%t.dir -lpthread -o %t 2>/dev/null
// RUN: env ALLOCGUARD_OPTIONS=mode=log:summary=1 %t 2>&1 | FileCheck %s
// RUN: env LD_PRELOAD=%rt_dir/liballocguard_preload.so ALLOCGUARD_OPTIONS=mode=log:summary=1 %t 2>&1 | FileCheck %s
// Intent: a library built without the plugin allocates below a root under
// a permit: its calls, seen by the interposers, are let through and counted
// as permitted, with no report (the runtime does not unwind them to find
// the program's frame: bench/intercept). A root entered inside the permit
// is checked again, and its library calls are violations named through
// the program's line that made them; after the permit ends, so are the
// outer root's.

#include <allocguard.h>
#include <stdio.h>
#include <stdlib.h>

void *lib_make(size_t n);
void lib_drop(void *p);

ALLOCGUARD_ALLOC_FREE __attribute__((noinline)) void inner_root(void) {
  lib_drop(lib_make(16)); /* checked again: two violations */
}

ALLOCGUARD_ALLOC_FREE __attribute__((noinline)) void process(void) {
  allocguard_permit_begin();
  for (int i = 0; i < 3; ++i)
    lib_drop(lib_make(64)); /* six permitted calls */
  inner_root();
  lib_drop(lib_make(32)); /* permitted again: two more */
  allocguard_permit_end();
}

ALLOCGUARD_ALLOC_FREE __attribute__((noinline)) void after(void) {
  lib_drop(lib_make(8)); /* no permit: two violations */
}

int main(void) {
  struct allocguard_stats s;
  process();
  allocguard_stats_get(&s);
  fprintf(stderr, "process: violations %llu, permitted %llu\n",
          (unsigned long long)s.violations, (unsigned long long)s.permitted);
  after();
  allocguard_stats_get(&s);
  fprintf(stderr, "after: violations %llu, permitted %llu\n",
          (unsigned long long)s.violations, (unsigned long long)s.permitted);
  return 0;
}

// CHECK: ERROR: allocguard: allocation in alloc_free scope: malloc(16 bytes) {{.*}}lib_make{{.*}}; root inner_root
// CHECK: ERROR: allocguard: deallocation in alloc_free scope: free {{.*}}lib_drop{{.*}}; root inner_root
// CHECK: process: violations 2, permitted 8
// CHECK: ERROR: allocguard: allocation in alloc_free scope: malloc(8 bytes) {{.*}}lib_make{{.*}}; root after
// CHECK: ERROR: allocguard: deallocation in alloc_free scope: free {{.*}}lib_drop{{.*}}; root after
// CHECK: after: violations 4, permitted 8
// The summary: the permitted calls on the intercepted calls' own sites;
// the violations apart, each through the program's line that made it.
// CHECK-DAG: intercepted from libpreload_lib.so+{{0x[0-9a-f]+}} (lib_make): malloc: 4 calls, 224 bytes, 0 violations
// CHECK-DAG: intercepted from libpreload_lib.so+{{0x[0-9a-f]+}} (lib_drop): free: 4 calls, 0 bytes, 0 violations
// CHECK-DAG: intercepted from libpreload_lib.so+{{0x[0-9a-f]+}} (lib_make) via {{.+}}: malloc: 1 calls, 16 bytes, 1 violations
// CHECK-DAG: intercepted from libpreload_lib.so+{{0x[0-9a-f]+}} (lib_make) via {{.+}}: malloc: 1 calls, 8 bytes, 1 violations
// CHECK-DAG: intercepted from libpreload_lib.so+{{0x[0-9a-f]+}} (lib_drop) via {{.+}}: free: 1 calls, 0 bytes, 1 violations
