// RUN: %clang -g %agload %s %rt_static -lpthread -o %t 2>/dev/null
// RUN: not --crash %t 2>&1 | FileCheck %s --check-prefix=NONE
// RUN: env ALLOCGUARD_OPTIONS='suppress=log_*' not --crash %t 2>&1 | FileCheck %s --check-prefix=FN
// RUN: echo '# accepted: the error path formats a message' > %t.supp
// RUN: echo 'function=log_error' >> %t.supp
// RUN: echo 'callee=strdup' >> %t.supp
// RUN: env ALLOCGUARD_OPTIONS=mode=log:suppressions=%t.supp %t 2>&1 | FileCheck %s --check-prefix=FILE
// RUN: env ALLOCGUARD_OPTIONS=suppressions=%t.missing not %t 2>&1 | FileCheck %s --check-prefix=MISSING -DPATH=%t.missing
// Intent: suppress= and suppressions= silence violations by the demangled
// name of the function making the call or of the callee, even in abort
// mode; the rest still violate; an unreadable file fails before main.

#include <allocguard.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

__attribute__((noinline)) void log_error(const char *what) {
  char *copy = malloc(strlen(what) + 1);
  strcpy(copy, what);
  free(copy);
}

ALLOCGUARD_ALLOC_FREE __attribute__((noinline)) void process(int x) {
  if (x < 0)
    log_error("negative input");
  if (x == -2)
    free(strdup("x"));
}

int main(void) {
  struct allocguard_stats s;
  process(-1);
  process(-2);
  allocguard_stats_get(&s);
  printf("violations %llu, suppressed %llu\n", (unsigned long long)s.violations,
         (unsigned long long)s.suppressed);
  return 0;
}

// NONE: ERROR: allocguard: allocation in alloc_free scope: malloc(15 bytes) at {{.*}}suppress_names.c:19:16 in log_error; root {{.+}}{{$}}
// NONE-NOT: violations

// The strdup (and its free) in process is not matched: abort.
// FN: ERROR: allocguard: allocation in alloc_free scope: strdup(2 bytes) at {{.*}}suppress_names.c:28:10 in process; root {{.+}}{{$}}
// FN-NOT: violations

// FILE: ERROR: allocguard: deallocation in alloc_free scope: free at {{.*}}suppress_names.c:28:5 in process; root {{.+}}{{$}}
// FILE-NEXT: violations 1, suppressed 5
// FILE-NOT: {{.}}

// MISSING: allocguard: suppressions=[[PATH]]: cannot open (ENOENT){{$}}
// MISSING-NOT: violations

#include "Inputs/count_calls.h" // the checks read the counts
