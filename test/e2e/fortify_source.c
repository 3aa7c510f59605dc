// RUN: %clang -g -O2 -U_FORTIFY_SOURCE %agload %s %rt_static -lpthread -o %t.plain 2>&1 | FileCheck %s --check-prefix=COMPILE
// RUN: not --crash %t.plain 2>&1 | FileCheck %s --check-prefix=ABORT
// RUN: env ALLOCGUARD_OPTIONS=mode=count %t.plain 2>&1 | FileCheck %s
// RUN: %clang -g -O2 -D_FORTIFY_SOURCE=2 %agload %s %rt_static -lpthread -o %t.fortify 2>&1 | FileCheck %s --check-prefix=COMPILE
// RUN: not --crash %t.fortify 2>&1 | FileCheck %s --check-prefix=ABORT
// RUN: env ALLOCGUARD_OPTIONS=mode=count %t.fortify 2>&1 | FileCheck %s
// Intent: building with -D_FORTIFY_SOURCE=2 (the default of many distribution
// and CI build flags) must not hide allocations: glibc then compiles
// asprintf and vasprintf to __asprintf_chk and __vasprintf_chk, which
// allocate just the same and must be reported and checked at run time.

#define _GNU_SOURCE
#include <allocguard.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

ALLOCGUARD_ALLOC_FREE int name(char **out, int voice) {
  return asprintf(out, "voice-%d", voice);
}
// COMPILE-DAG: fortify_source.c:[[@LINE-2]]:10: warning: alloc_free function 'name' calls '{{(__)?asprintf(_chk)?}}', which allocates [-Wallocguard]
// ABORT: ERROR: allocguard: allocation in alloc_free scope: {{(__)?asprintf(_chk)?}} at {{.*}}fortify_source.c:[[@LINE-3]]:10 in name; root {{.+}}{{$}}
// ABORT-NOT: voice-

ALLOCGUARD_ALLOC_FREE int vname(char **out, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vasprintf(out, fmt, ap);
  va_end(ap);
  return n;
}
// COMPILE-DAG: fortify_source.c:[[@LINE-4]]:11: warning: alloc_free function 'vname' calls '{{(__)?vasprintf(_chk)?}}', which allocates [-Wallocguard]

int main(void) {
  char *a = NULL, *b = NULL;
  int na = name(&a, 3);
  int nb = vname(&b, "%s/%d", "bus", 12);
  struct allocguard_stats s;
  allocguard_stats_get(&s);
  fprintf(stderr, "%d '%s' %d '%s' allocations=%llu violations=%llu\n", na, a, nb,
          b, (unsigned long long)s.allocations,
          (unsigned long long)s.violations);
  free(a);
  free(b);
  return 0;
}
// CHECK-NOT: allocguard
// CHECK: 7 'voice-3' 6 'bus/12' allocations=2 violations=2

#include "Inputs/count_calls.h" // the checks read the counts
