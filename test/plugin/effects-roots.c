// RUN: %clang -std=c2x -g %agload -fno-caret-diagnostics -mllvm -allocguard-caret=off -Wno-unknown-warning-option -Wno-function-effects -c %s -o /dev/null 2>&1 | FileCheck --check-prefix=%effects --implicit-check-not="function 'may_block'" --implicit-check-not="function 'plain'" %s
// RUN: %clang -std=c2x -g %agload -mllvm -allocguard-effects=off -Wno-unknown-warning-option -Wno-function-effects -Wno-unknown-attributes -c %s -o /dev/null 2>&1 | count 0
// RUN: %clang -std=c2x -g %agload -mllvm -allocguard-effects=roots -fno-caret-diagnostics -mllvm -allocguard-caret=off -Wno-unknown-warning-option -Wno-function-effects -c %s -o /dev/null 2>&1 | FileCheck --check-prefix=%effects --implicit-check-not="function 'may_block'" --implicit-check-not="function 'plain'" %s
// Intent: functions whose type is [[clang::nonblocking]] or
// [[clang::nonallocating]] (clang 19 and newer; also the GNU spelling, and
// a definition that repeats only a declaration's effect) are alloc_free
// roots, reported with the path to the allocation (through a helper for
// both effects); `nonblocking(false)` and
// plain functions are not; -allocguard-effects=off turns them off. Clang 14
// has no such attributes: it ignores them, and there are no roots.
#include <stdlib.h>
#include <string.h>

static char *copy_label(const char *text) { return strdup(text); }
// ROOTS: [[FILE:.*effects-roots.c]]:[[@LINE+4]]:3: warning: alloc_free function 'on_note' may allocate: call to 'copy_label' reaches 'strdup' [-Wallocguard]
// ROOTS-NEXT: [[FILE]]:[[@LINE-2]]:52: note: 'copy_label' calls 'strdup', which allocates
// NONE: effects-roots.c:[[@LINE+1]]:34: warning: unknown attribute 'nonblocking' ignored
void on_note(const char *name) [[clang::nonblocking]] {
  copy_label(name);
}

static void *make_room(size_t n) { return calloc(n, 4); }
// NONE: effects-roots.c:[[@LINE+1]]:24: warning: unknown attribute 'nonallocating' ignored
void *grow(size_t n) [[clang::nonallocating]];
void *grow(size_t n) { return make_room(n); }
// ROOTS-NEXT: [[FILE]]:[[@LINE-1]]:31: warning: alloc_free function 'grow' may allocate: call to 'make_room' reaches 'calloc' [-Wallocguard]
// ROOTS-NEXT: [[FILE]]:[[@LINE-5]]:43: note: 'make_room' calls 'calloc', which allocates

// NONE: effects-roots.c:[[@LINE+1]]:39: warning: unknown attribute 'nonblocking' ignored
void gnu_spelled(void) __attribute__((nonblocking));
void gnu_spelled(void) { copy_label("gnu"); }
// ROOTS-NEXT: [[FILE]]:[[@LINE-1]]:26: warning: alloc_free function 'gnu_spelled' may allocate: call to 'copy_label' reaches 'strdup' [-Wallocguard]
// ROOTS-NEXT: [[FILE]]:[[@LINE-19]]:52: note: 'copy_label' calls 'strdup', which allocates

// NONE: effects-roots.c:[[@LINE+1]]:24: warning: unknown attribute 'nonblocking' ignored
void may_block(void) [[clang::nonblocking(false)]] { copy_label("allowed"); }
void plain(void) { copy_label("plain"); }
// NONE-NOT: Wallocguard
