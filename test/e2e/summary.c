// RUN: %clang -g %agload %s %rt_static -lpthread -o %t 2>/dev/null
// RUN: env ALLOCGUARD_OPTIONS=mode=count:summary=1 %t > %t.out 2>&1
// RUN: FileCheck %s < %t.out
// RUN: FileCheck %s --check-prefix=SITE < %t.out
// RUN: env ALLOCGUARD_OPTIONS=mode=count,summary=0 %t 2>&1 | FileCheck %s --check-prefix=NOSUM
// Intent: summary=1 prints, at exit, the totals (with the peak and final
// live bytes, 24 usable bytes for each small glibc block, none left at exit)
// and one line per instrumented site (location, function, callee, calls,
// bytes, violations), in roots or not, including sites that never ran;
// summary=0 prints nothing.

#include <allocguard.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

ALLOCGUARD_ALLOC_FREE void block(int big) {
  void *p = malloc(24);
  // SITE-DAG: =={{[0-9]+}}==allocguard: site {{.*}}summary.c:[[@LINE-1]]:13 in block: malloc: 3 calls, 72 bytes, 3 violations{{$}}
  if (big)
    p = realloc(p, 1 << 20);
  // SITE-DAG: =={{[0-9]+}}==allocguard: site {{.*}}summary.c:[[@LINE-1]]:9 in block: realloc: 0 calls, 0 bytes, 0 violations{{$}}
  free(p);
  // SITE-DAG: =={{[0-9]+}}==allocguard: site {{.*}}summary.c:[[@LINE-1]]:3 in block: free: 3 calls, 0 bytes, 3 violations{{$}}
}

ALLOCGUARD_ALLOC_FREE char *name(void) {
  return strdup("hello");
  // SITE-DAG: =={{[0-9]+}}==allocguard: site {{.*}}summary.c:[[@LINE-1]]:10 in name: strdup: 1 calls, 6 bytes, 1 violations{{$}}
}

int main(void) {
  for (int i = 0; i < 3; ++i)
    block(0);
  char *n = name();
  fprintf(stderr, "name=%s\n", n);
  free(n);
  // SITE-DAG: =={{[0-9]+}}==allocguard: site {{.*}}summary.c:[[@LINE-1]]:3 in main: free: 1 calls, 0 bytes, 0 violations{{$}}
  return 0;
}

// CHECK-LABEL: name=hello
// CHECK-NEXT: =={{[0-9]+}}==allocguard: summary: 4 allocations, 4 frees, 78 bytes, 7 violations at 5 registered sites; peak 24 live bytes, 0 at exit; let through: 0 permitted, 0 suppressed, 0 budgeted{{$}}
// The five site lines follow (their contents: SITE-DAG above), then nothing.
// CHECK-COUNT-5: =={{[0-9]+}}==allocguard: site {{.*}}summary.c:{{.*}} violations{{$}}
// CHECK-NOT: {{.}}

// NOSUM: name=hello
// NOSUM-NOT: allocguard
