// RUN: %clang %agload %s %rt_static -lpthread -o %t 2>/dev/null
// RUN: not --crash %t 2>&1 | FileCheck %s --check-prefix=ABORT
// RUN: env ALLOCGUARD_OPTIONS=mode=log:summary=1 %t 2>&1 | FileCheck %s --check-prefix=LOG
// RUN: %clang -O2 %agload %s %rt_static -lpthread -o %t.O2 2>/dev/null
// RUN: not --crash %t.O2 2>&1 | FileCheck %s --check-prefix=ABORT
// RUN: %clang -gline-tables-only %agload %s %rt_static -lpthread -o %t.lines 2>/dev/null
// RUN: not --crash %t.lines 2>&1 | FileCheck %s --check-prefix=LINES
// Intent: without -g a report still names the source file, the root and the
// callee, and says to compile with -g for the line; -gline-tables-only is
// enough for file:line:col.

#include <allocguard.h>
#include <stdio.h>
#include <stdlib.h>

ALLOCGUARD_ALLOC_FREE void *process(int frames) {
  return malloc((size_t)frames * 4);
}

int main(void) {
  fprintf(stderr, "start\n");
  free(process(8));
  fprintf(stderr, "done\n");
  return 0;
}

// ABORT: start
// ABORT-NEXT: =={{[0-9]+}}==ERROR: allocguard: allocation in alloc_free scope: malloc(32 bytes) at {{.*}}no_debug_info.c in process (no line information: compile with -g); root {{.+}}{{$}}
// ABORT-NOT: done

// LOG: start
// LOG-NEXT: =={{[0-9]+}}==ERROR: allocguard: allocation in alloc_free scope: malloc(32 bytes) at {{.*}}no_debug_info.c in process (no line information: compile with -g); root {{.+}}{{$}}
// LOG-NEXT: done
// LOG-NEXT: =={{[0-9]+}}==allocguard: summary: 1 allocations, 1 frees, 32 bytes, 1 violations at 2 registered sites; peak {{[0-9]+}} live bytes, {{[0-9]+}} at exit; let through: {{[0-9]+}} permitted, {{[0-9]+}} suppressed, {{[0-9]+}} budgeted{{$}}
// LOG-NEXT: =={{[0-9]+}}==allocguard: site {{.*}}no_debug_info.c in process: malloc: 1 calls, 32 bytes, 1 violations{{$}}
// LOG-NEXT: =={{[0-9]+}}==allocguard: site {{.*}}no_debug_info.c in main: free: 1 calls, 0 bytes, 0 violations{{$}}

// LINES: start
// LINES-NEXT: =={{[0-9]+}}==ERROR: allocguard: allocation in alloc_free scope: malloc(32 bytes) at {{.*}}no_debug_info.c:[[@LINE-22]]:10 in process; root {{.+}}{{$}}
