// RUN: %clang -g %agload %s %rt_shared -Wl,-rpath,%rt_dir -lpthread -o %t 2>/dev/null
// RUN: llvm-readelf --dynamic-table %t | FileCheck %s --check-prefix=DYN
// RUN: llvm-nm %t | FileCheck %s --check-prefix=SYM
// RUN: not --crash %t 2>&1 | FileCheck %s --check-prefix=ABORT
// RUN: env ALLOCGUARD_OPTIONS=mode=log:summary=1 %t 2>&1 | FileCheck %s --check-prefix=LOG
// RUN: env ALLOCGUARD_OPTIONS=mode=count %t 2>&1 | FileCheck %s --check-prefix=COUNT
// Intent: a program linked against liballocguard_rt.so (found through its
// rpath) behaves as with the static archive: same abort line, same log and
// summary lines, same stats.

#include <allocguard.h>
#include <stdio.h>
#include <stdlib.h>

// DYN: (NEEDED) Shared library: [liballocguard_rt.so]
// DYN: (RUNPATH) {{.*}}runtime]
// The wrappers come from the shared library, not from the executable.
// SYM: U __allocguard_free
// SYM: U __allocguard_malloc
// SYM: U __allocguard_register_sites

// ABORT-LABEL: start
// LOG-LABEL: start
ALLOCGUARD_ALLOC_FREE void process(int n) {
  for (int i = 0; i < n; ++i)
    free(malloc(32));
}
// ABORT-NEXT: =={{[0-9]+}}==ERROR: allocguard: allocation in alloc_free scope: malloc(32 bytes) at {{.*}}shared_runtime.c:[[@LINE-2]]:10 in process; root {{.+}}{{$}}
// ABORT-NOT: done
// LOG-NEXT: =={{[0-9]+}}==ERROR: allocguard: allocation in alloc_free scope: malloc(32 bytes) at {{.*}}shared_runtime.c:[[@LINE-4]]:10 in process; root {{.+}}{{$}}
// LOG-NEXT: =={{[0-9]+}}==ERROR: allocguard: deallocation in alloc_free scope: free at {{.*}}shared_runtime.c:[[@LINE-5]]:5 in process; root {{.+}}{{$}}
// LOG-NEXT: done: allocations=3 frees=3 bytes=96 violations=6
// LOG-NEXT: =={{[0-9]+}}==allocguard: summary: 3 allocations, 3 frees, 96 bytes, 6 violations at 2 registered sites; peak {{[0-9]+}} live bytes, {{[0-9]+}} at exit; let through: {{[0-9]+}} permitted, {{[0-9]+}} suppressed, {{[0-9]+}} budgeted{{$}}
// LOG-DAG: =={{[0-9]+}}==allocguard: site {{.*}}shared_runtime.c:[[@LINE-8]]:10 in process: malloc: 3 calls, 96 bytes, 3 violations{{$}}
// LOG-DAG: =={{[0-9]+}}==allocguard: site {{.*}}shared_runtime.c:[[@LINE-9]]:5 in process: free: 3 calls, 0 bytes, 3 violations{{$}}
// LOG-NOT: {{.}}

// COUNT-NOT: allocguard
// COUNT: start
// COUNT-NEXT: done: allocations=3 frees=3 bytes=96 violations=6
// COUNT-NOT: {{.}}

int main(void) {
  fprintf(stderr, "start\n");
  process(3);
  struct allocguard_stats s;
  allocguard_stats_get(&s);
  fprintf(stderr, "done: allocations=%llu frees=%llu bytes=%llu violations=%llu\n",
          (unsigned long long)s.allocations, (unsigned long long)s.frees,
          (unsigned long long)s.bytes, (unsigned long long)s.violations);
  return 0;
}

#include "Inputs/count_calls.h" // the checks read the counts
