// RUN: %clang -g %agload %s %rt_static -lpthread -o %t 2>/dev/null
// RUN: %t 2>&1 | FileCheck %s --check-prefix=HOOK
// RUN: env ALLOCGUARD_OPTIONS=mode=count:summary=0 %t 2>&1 | FileCheck %s --check-prefix=ENV
// RUN: %clang -g %agload -DBAD_DEFAULT %s %rt_static -lpthread -o %t.bad 2>/dev/null
// RUN: sh -c '%t.bad; echo "exit status $?"' 2>&1 | FileCheck %s --check-prefix=BAD
// RUN: %clang -g %agload %s %rt_shared -Wl,-rpath,%rt_dir -lpthread -o %t.shared 2>/dev/null
// RUN: %t.shared 2>&1 | FileCheck %s --check-prefix=HOOK
// RUN: env ALLOCGUARD_OPTIONS=mode=count:summary=0 %t.shared 2>&1 | FileCheck %s --check-prefix=ENV
// Intent: a program's __allocguard_default_options() sets its default
// options, ALLOCGUARD_OPTIONS overrides them key by key, and a bad value in
// the hook is fatal (status 2) with the hook named as the source; with the
// static and with the shared runtime.

#include <allocguard.h>
#include <stdio.h>
#include <stdlib.h>

const char *__allocguard_default_options(void) {
#ifdef BAD_DEFAULT
  return "mode=log,dealloc=maybe";
#else
  return "mode=log,summary=1";
#endif
}

ALLOCGUARD_ALLOC_FREE void *process(void) {
  return malloc(8);
}

int main(void) {
  free(process());
  fprintf(stderr, "done\n");
  return 0;
}

// HOOK: ERROR: allocguard: allocation in alloc_free scope: malloc(8 bytes) at {{.*}}options_hook.c:[[@LINE-9]]:10 in process; root {{.+}}{{$}}
// HOOK-NEXT: done
// HOOK-NEXT: allocguard: summary: 1 allocations, 1 frees, 8 bytes, 1 violations at 2 registered sites; peak {{[0-9]+}} live bytes, {{[0-9]+}} at exit; let through: {{[0-9]+}} permitted, {{[0-9]+}} suppressed, {{[0-9]+}} budgeted

// ENV-NOT: allocguard
// ENV: done
// ENV-NOT: {{.}}

// BAD: allocguard: __allocguard_default_options(): invalid value 'maybe' for 'dealloc' (valid: 0, 1){{$}}
// BAD-NEXT: exit status 2
