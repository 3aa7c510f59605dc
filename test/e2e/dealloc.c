// RUN: %clang -g %agload %s %rt_static -lpthread -o %t 2>&1 | FileCheck %s --check-prefix=COMPILE
// RUN: not --crash %t 2>&1 | FileCheck %s --check-prefix=ABORT
// RUN: env ALLOCGUARD_OPTIONS=mode=count %t 2>&1 | FileCheck %s --check-prefix=COUNT
// RUN: env ALLOCGUARD_OPTIONS=dealloc=0:summary=1 %t 2>&1 | FileCheck %s --check-prefix=RTOFF
// RUN: %clang -g %agload -mllvm -allocguard-dealloc=ignore %s %rt_nointercept -lpthread -o %t.ign 2>&1 \
// RUN:   | FileCheck %s --check-prefix=IGNORE-COMPILE --allow-empty
// RUN: env ALLOCGUARD_OPTIONS=summary=1 %t.ign 2>&1 | FileCheck %s --check-prefix=IGNORE
// Intent: free() inside a root is a violation by default; the run-time option
// dealloc=0 counts it but lets it pass; the plugin option
// -allocguard-dealloc=ignore leaves the call alone (no wrapper, no site;
// linked with the runtime that interposes nothing, where nothing else
// sees it).

#include <allocguard.h>
#include <stdio.h>
#include <stdlib.h>

// ABORT-LABEL: releasing
// RTOFF-LABEL: releasing
// RTOFF-NEXT: released: frees=1 violations=0
// RTOFF-NEXT: allocguard: summary: 1 allocations, 1 frees, 8 bytes, 0 violations at 2 registered sites; peak {{[0-9]+}} live bytes, {{[0-9]+}} at exit; let through: {{[0-9]+}} permitted, {{[0-9]+}} suppressed, {{[0-9]+}} budgeted
ALLOCGUARD_ALLOC_FREE void release(void *p) {
  free(p);
}
// ABORT-NEXT: =={{[0-9]+}}==ERROR: allocguard: deallocation in alloc_free scope: free at {{.*}}dealloc.c:[[@LINE-2]]:3 in release; root {{.+}}{{$}}
// RTOFF-NEXT: =={{[0-9]+}}==allocguard: site {{.*}}dealloc.c:[[@LINE-3]]:3 in release: free: 1 calls, 0 bytes, 0 violations{{$}}
// RTOFF-NEXT: =={{[0-9]+}}==allocguard: site {{.*}}dealloc.c:[[@LINE+5]]:13 in main: malloc: 1 calls, 8 bytes, 0 violations{{$}}
// COMPILE: dealloc.c:[[@LINE-5]]:3: warning: alloc_free function 'release' calls 'free', which deallocates [-Wallocguard-dealloc]
// IGNORE-COMPILE-NOT: dealloc.c:[[@LINE-6]]

int main(void) {
  void *p = malloc(8); // main is no root: checked, no violation
  fprintf(stderr, "releasing\n");
  release(p);
  struct allocguard_stats s;
  allocguard_stats_get(&s);
  fprintf(stderr, "released: frees=%llu violations=%llu\n",
          (unsigned long long)s.frees, (unsigned long long)s.violations);
  return 0;
}

// ABORT-NOT: released

// COUNT-LABEL: releasing
// COUNT-NEXT: released: frees=1 violations=1
// COUNT-NOT: {{.}}

// IGNORE-LABEL: releasing
// IGNORE-NEXT: released: frees=0 violations=0
// IGNORE-NEXT: allocguard: summary: 1 allocations, 0 frees, 8 bytes, 0 violations at 1 registered sites; peak {{[0-9]+}} live bytes, {{[0-9]+}} at exit; let through: {{[0-9]+}} permitted, {{[0-9]+}} suppressed, {{[0-9]+}} budgeted
// IGNORE-NEXT: allocguard: site {{.*}}dealloc.c:32:13 in main: malloc: 1 calls, 8 bytes, 0 violations{{$}}
// IGNORE-NOT: {{.}}

#include "Inputs/count_calls.h" // the checks read the counts
