// RUN: %clang -g %agload %s %rt_static -lpthread -o %t 2>/dev/null
// RUN: sh -c 'ALLOCGUARD_OPTIONS=mode=panic %t; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=MODE
// RUN: sh -c 'ALLOCGUARD_OPTIONS=mode=log:summary=yes %t; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=BOOL
// RUN: sh -c 'ALLOCGUARD_OPTIONS=mdoe=log %t; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=KEY
// RUN: sh -c 'ALLOCGUARD_OPTIONS=summary %t; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=NOEQ
// RUN: env ALLOCGUARD_OPTIONS=help=1:mode=count %t 2>&1 | FileCheck %s --check-prefix=HELP
// RUN: %clang -g %agload %s %rt_shared -Wl,-rpath,%rt_dir -lpthread -o %t.shared 2>/dev/null
// RUN: sh -c 'ALLOCGUARD_OPTIONS=mode=panic %t.shared; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=MODE
// Intent: a bad ALLOCGUARD_OPTIONS value stops the program before main with
// exit status 2 and a line naming the key and the valid values; help=1 lists
// every option with its current and default value and lets the program run.

#include <allocguard.h>
#include <stdio.h>
#include <stdlib.h>

ALLOCGUARD_ALLOC_FREE void *process(void) { return malloc(8); }

int main(void) {
  fprintf(stderr, "main ran\n");
  free(process());
  return 0;
}

// MODE-NOT: main ran
// MODE: allocguard: ALLOCGUARD_OPTIONS: invalid value 'panic' for 'mode' (valid: abort, log, count){{$}}
// MODE-NEXT: exit status 2
// MODE-NOT: main ran

// BOOL-NOT: main ran
// BOOL: allocguard: ALLOCGUARD_OPTIONS: invalid value 'yes' for 'summary' (valid: 0, 1){{$}}
// BOOL-NEXT: exit status 2

// KEY-NOT: main ran
// KEY: allocguard: ALLOCGUARD_OPTIONS: unknown option 'mdoe' (valid: mode, stats, summary, dealloc, dhat, suppress, suppressions, root_budget_calls, root_budget_bytes, backtrace, symbolize, symbolizer, help){{$}}
// KEY-NEXT: exit status 2

// NOEQ-NOT: main ran
// NOEQ: allocguard: ALLOCGUARD_OPTIONS: expected key=value, got 'summary'{{$}}
// NOEQ-NEXT: exit status 2

// HELP: allocguard: options (ALLOCGUARD_OPTIONS=key=value, separated by ':' or ','; current value shown):
// HELP-NEXT: {{^}}  mode=count (default abort; valid: abort, log, count): {{.+}}
// HELP-NEXT: {{^}}  stats=0 (default 0; valid: 0, 1): {{.+}}
// HELP-NEXT: {{^}}  summary=0 (default 0; valid: 0, 1): {{.+}}
// HELP-NEXT: {{^}}  dealloc=1 (default 1; valid: 0, 1): {{.+}}
// HELP-NEXT: {{^}}  dhat="" (default ""; valid: {{.+}}): {{.+}}
// HELP-NEXT: {{^}}  suppress="" (default ""; valid: {{.+}}): {{.+}}
// HELP-NEXT: {{^}}  suppressions="" (default ""; valid: {{.+}}): {{.+}}
// HELP-NEXT: {{^}}  root_budget_calls=0 (default 0; valid: a decimal number): {{.+}}
// HELP-NEXT: {{^}}  root_budget_bytes=0 (default 0; valid: a decimal number): {{.+}}
// HELP-NEXT: {{^}}  backtrace=0 (default 0; valid: 0, 1): {{.+}}
// HELP-NEXT: {{^}}  symbolize=1 (default 1; valid: 0, 1): {{.+}}
// HELP-NEXT: {{^}}  symbolizer="" (default ""; valid: {{.+}}): {{.+}}
// HELP-NEXT: {{^}}  help=1 (default 0; valid: 0, 1): {{.+}}
// HELP-NEXT: main ran
// HELP-NOT: {{.}}
