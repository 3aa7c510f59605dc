// RUN: rm -rf %t.dir && mkdir -p %t.dir
// RUN: %clang -g -shared -fPIC %S/Inputs/preload_lib.c -o %t.dir/libpreload_lib.so
// RUN: %clang -g %agload %s -L%t.dir -lpreload_lib %rt_shared -Wl,-rpath,%t.dir:%rt_dir -lpthread -o %t 2>/dev/null
// The linked runtime interposes by itself; preloading changes nothing.
// RUN: env ALLOCGUARD_OPTIONS=mode=log:summary=1 %t 2>&1 | FileCheck %s --check-prefix=LOG
// The runtime without interposers does not see the library's allocations.
// RUN: %clang -g %agload %s -L%t.dir -lpreload_lib %rt_nointercept -Wl,-rpath,%t.dir -lpthread -o %t.noint 2>/dev/null
// RUN: env ALLOCGUARD_OPTIONS=mode=log %t.noint 2>&1 | FileCheck %s --check-prefix=NONE
// RUN: env LD_PRELOAD=%rt_dir/liballocguard_preload.so not --crash %t 2>&1 | FileCheck %s --check-prefix=ABORT
// RUN: env LD_PRELOAD=%rt_dir/liballocguard_preload.so ALLOCGUARD_OPTIONS=mode=log:summary=1 %t 2>&1 | FileCheck %s --check-prefix=LOG
// RUN: env LD_PRELOAD=%rt_dir/liballocguard_preload.so ALLOCGUARD_OPTIONS=mode=log:suppress=lib_make %t 2>&1 | FileCheck %s --check-prefix=SUPP
// RUN: rm -f %t.json && env LD_PRELOAD=%rt_dir/liballocguard_preload.so ALLOCGUARD_OPTIONS=mode=count:dhat=%t.json %t
// RUN: %python %S/Inputs/dhat_check.py %t.json | FileCheck %s --check-prefix=DHAT
// Linked instead of preloaded: first among the libraries, before libc.
// RUN: %clang -g %agload %s -Wl,--no-as-needed %rt_dir/liballocguard_preload.so -L%t.dir -lpreload_lib %rt_shared -Wl,-rpath,%t.dir:%rt_dir -lpthread -o %t.linked 2>/dev/null
// RUN: llvm-readelf --dynamic-table %t.linked | FileCheck %s --check-prefix=DYN
// RUN: not --crash %t.linked 2>&1 | FileCheck %s --check-prefix=ABORT
// Intent: a shared library built without the plugin allocates below a root
// and under allocguard_lock(): the interposers of the linked runtime, and
// the same in liballocguard_preload.so, catch its malloc, calloc and free
// and name the caller (module+offset, nearest symbol); with
// liballocguard_rt_nointercept.a nothing is seen. The same calls outside a scope are never
// reported; log mode reports each caller once; suppress= matches the
// caller's symbol; the preloaded library shares the runtime's counters and
// state (one summary listing its callers, the stats see its violations, the
// DHAT file has a program point per intercepted caller).

#include <allocguard.h>
#include <stdio.h>
#include <stdlib.h>

void *lib_make(size_t n);
void lib_drop(void *p);
char *lib_copy(const char *s);

ALLOCGUARD_ALLOC_FREE void process(void) {
  for (int i = 0; i < 3; ++i)
    lib_drop(lib_make(64));
}

static void locked_copy(void) {
  allocguard_lock();
  lib_drop(lib_copy("abc"));
  allocguard_unlock();
}

int main(void) {
  lib_drop(lib_make(10)); // outside any scope: never reported
  fprintf(stderr, "start\n");
  process();
  fprintf(stderr, "locked\n");
  locked_copy();
  lib_drop(lib_copy("outside"));
  struct allocguard_stats s;
  allocguard_stats_get(&s);
  fprintf(stderr, "done: violations=%llu suppressed=%llu\n",
          (unsigned long long)s.violations, (unsigned long long)s.suppressed);
  return 0;
}

// NONE:      start
// NONE-NEXT: locked
// NONE-NEXT: done: violations=0 suppressed=0
// NONE-NOT:  {{.}}

// ABORT:      start
// ABORT-NEXT: =={{[0-9]+}}==ERROR: allocguard: allocation in alloc_free scope: malloc(64 bytes) called from libpreload_lib.so+0x{{[0-9a-f]+}} (lib_make); root {{.+}}{{$}}
// ABORT: {{^}}    #{{[0-9]+}} 0x{{[0-9a-f]+}} in process {{.*}}preload_uninstrumented.c:38:{{[0-9]+}} <- user code{{$}}
// ABORT-NOT:  allocguard
// ABORT-NOT:  locked

// DYN:     (NEEDED) Shared library: [liballocguard_preload.so]
// DYN-NEXT: (NEEDED) Shared library: [libpreload_lib.so]

// LOG:      start
// LOG-NEXT: =={{[0-9]+}}==ERROR: allocguard: allocation in alloc_free scope: malloc(64 bytes) called from libpreload_lib.so+0x{{[0-9a-f]+}} (lib_make); root {{.+}}{{$}}
// LOG: {{^}}    #{{[0-9]+}} 0x{{[0-9a-f]+}} in process {{.*}}preload_uninstrumented.c:38:{{[0-9]+}} <- user code{{$}}
// LOG-NEXT: =={{[0-9]+}}==ERROR: allocguard: deallocation in alloc_free scope: free called from libpreload_lib.so+0x{{[0-9a-f]+}} (lib_drop); root {{.+}}{{$}}
// LOG: {{^}}    #{{[0-9]+}} 0x{{[0-9a-f]+}} in process {{.*}}preload_uninstrumented.c:38:{{[0-9]+}} <- user code{{$}}
// LOG-NEXT: locked
// LOG-NEXT: =={{[0-9]+}}==ERROR: allocguard: allocation while allocguard_lock() is held: calloc(4 bytes) called from libpreload_lib.so+0x{{[0-9a-f]+}} (lib_copy){{$}}
// No root, and no site registered by the program: no module is known to
// be built with the plugin, so every frame is shown and none is marked.
// LOG-NEXT: {{^}}    #0 0x{{[0-9a-f]+}} in lib_copy {{.*}}preload_lib.c:{{[0-9]+}}:{{[0-9]+}}{{$}}
// LOG-NEXT: {{^}}    #1 0x{{[0-9a-f]+}} in locked_copy {{.*}}preload_uninstrumented.c:43:{{[0-9]+}}{{$}}
// LOG-NEXT: {{^}}    #2 0x{{[0-9a-f]+}} in main {{.*}}preload_uninstrumented.c:{{[0-9]+}}:{{[0-9]+}}{{$}}
// lib_drop's free here is another site than in the root: the same call in
// the library, but led to from another line of the program (locked_copy's,
// not process's). Log mode reports it too.
// LOG: ERROR: allocguard: deallocation while allocguard_lock() is held: free called from libpreload_lib.so+0x{{[0-9a-f]+}} (lib_drop){{$}}
// LOG: done: violations=8 suppressed=0
// One runtime, one summary: it counts the in-scope intercepted calls (3 x 64
// + 4 bytes), and lists no sites for them.
// LOG-NEXT: =={{[0-9]+}}==allocguard: summary: 4 allocations, 4 frees, 196 bytes, 8 violations at 0 registered sites; peak {{[0-9]+}} live bytes, {{[0-9]+}} at exit; let through: {{[0-9]+}} permitted, {{[0-9]+}} suppressed, {{[0-9]+}} budgeted{{$}}
// The summary lists each intercepted (caller, function) pair that ran in a
// scope, in no set order, with the program's frame that led there when
// one is known to be built with the plugin (the root's module).
// LOG-DAG:  =={{[0-9]+}}==allocguard: intercepted from libpreload_lib.so+0x{{[0-9a-f]+}} (lib_make) via preload_uninstrumented.c.tmp{{[a-z.]*}}+0x{{[0-9a-f]+}}: malloc: 3 calls, 192 bytes, 3 violations{{$}}
// LOG-DAG:  =={{[0-9]+}}==allocguard: intercepted from libpreload_lib.so+0x{{[0-9a-f]+}} (lib_drop) via preload_uninstrumented.c.tmp{{[a-z.]*}}+0x{{[0-9a-f]+}}: free: 3 calls, 0 bytes, 3 violations{{$}}
// LOG-DAG:  =={{[0-9]+}}==allocguard: intercepted from libpreload_lib.so+0x{{[0-9a-f]+}} (lib_drop): free: 1 calls, 0 bytes, 1 violations{{$}}
// LOG-DAG:  =={{[0-9]+}}==allocguard: intercepted from libpreload_lib.so+0x{{[0-9a-f]+}} (lib_copy): calloc: 1 calls, 4 bytes, 1 violations{{$}}
// LOG-NOT:  {{.}}

// SUPP:      start
// SUPP-NEXT: =={{[0-9]+}}==ERROR: allocguard: deallocation in alloc_free scope: free called from libpreload_lib.so+0x{{[0-9a-f]+}} (lib_drop); root {{.+}}{{$}}
// SUPP: {{^}}    #{{[0-9]+}} 0x{{[0-9a-f]+}} in process {{.*}}preload_uninstrumented.c:38:{{[0-9]+}} <- user code{{$}}
// SUPP-NEXT: locked
// SUPP:      done: violations=5 suppressed=3

#include "Inputs/count_calls.h" // the checks read the counts

// DHAT:      totals: 196 bytes in 4 blocks at 2 program points
// DHAT-NEXT: pp: calloc | lib_copy (libpreload_lib.so+0x{{[0-9a-f]+}}) [1 violation]: 4 bytes in 1 blocks
// DHAT-NEXT: pp: malloc | lib_make (libpreload_lib.so+0x{{[0-9a-f]+}}) [3 violations]: 192 bytes in 3 blocks
