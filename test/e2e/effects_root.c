// RUN: %clang -std=c2x -g %agload -Wno-unknown-attributes -Wno-unknown-warning-option -Wno-function-effects %s %rt_static -lpthread -o %t 2>/dev/null
// RUN: %effects_crash %t 2>&1 | FileCheck --check-prefix=%effects %s
// RUN: %clang -std=c2x -g %agload -mllvm -allocguard-effects=off -Wno-unknown-attributes -Wno-unknown-warning-option -Wno-function-effects %s %rt_static -lpthread -o %t.off 2>/dev/null
// RUN: %t.off 2>&1 | FileCheck --check-prefix=NONE %s
// Intent: a [[clang::nonblocking]] function is a root at run time too: it
// opens an alloc_free scope, so the strdup its helper makes aborts the
// program with the root named; with -allocguard-effects=off (and on clang
// 14, which has no such attribute) the program runs through.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *copy_label(const char *text) { return strdup(text); }

void on_note(const char *name) [[clang::nonblocking]] {
  free(copy_label(name));
}

int main(void) {
  // stderr is unbuffered, so the order of these lines is the order of events.
  fprintf(stderr, "before on_note\n");
  on_note("C4");
  fprintf(stderr, "after on_note\n");
  return 0;
}
// ROOTS: before on_note
// ROOTS-NEXT: =={{[0-9]+}}==ERROR: allocguard: allocation in alloc_free scope: strdup({{.*}}) at {{.*}}effects_root.c:13:52 in copy_label; root on_note at {{.*}}effects_root.c:15
// ROOTS-NOT: after on_note
// NONE: before on_note
// NONE-NEXT: after on_note
