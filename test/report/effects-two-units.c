// RUN: rm -rf %t && mkdir -p %t && cd %S
// RUN: %clang -std=c2x -g %agload -Wno-unknown-attributes -DUNIT_VOICE -c effects-two-units.c -o %t/voice.o 2>/dev/null
// RUN: %clang -std=c2x -g %agload -Wno-unknown-attributes -Wno-unknown-warning-option -Wno-function-effects -fno-caret-diagnostics -mllvm -allocguard-caret=off -DUNIT_CALLBACK -c effects-two-units.c -o %t/callback.o 2>&1 | FileCheck --allow-empty --check-prefix=UNIT-%effects %s
// RUN: cd %t && sh -c '%agreport --source-root=%S callback.o voice.o; echo "exit status $?"' | FileCheck --check-prefix=%effects %s
// RUN: cd %S && %clang -std=c2x -g %agload -Wno-unknown-attributes -Wno-unknown-warning-option -Wno-function-effects -mllvm -allocguard-effects=off -DUNIT_CALLBACK -c effects-two-units.c -o %t/callback-off.o
// RUN: cd %t && sh -c '%agreport --source-root=%S callback-off.o voice.o; echo "exit status $?"' | FileCheck --check-prefix=NONE %s
// Intent: a [[clang::nonblocking]] root calls a helper defined in another
// unit, which calls strdup. The unit alone can only say it cannot follow
// the call; allocguard-report, over both units' summaries, gives the whole
// path (clang's -Wfunction-effects, per unit, can only say the helper is
// not declared nonblocking: docs/comparison.md). With
// -allocguard-effects=off, and on clang 14, there is no root.
#include <stdlib.h>
#include <string.h>

char *voice_label(int note);

#ifdef UNIT_VOICE
static char *copy_label(const char *text) { return strdup(text); }
char *voice_label(int note) { return copy_label(note > 60 ? "high" : "low"); }
#endif

#ifdef UNIT_CALLBACK
void on_note(int note) [[clang::nonblocking]] {
  free(voice_label(note));
}
#endif

// UNIT-ROOTS: effects-two-units.c:25:8: warning: alloc_free function 'on_note' calls 'voice_label', which allocguard cannot see into (not defined in this translation unit and not in its knowledge base) [-Wallocguard-unknown]
// UNIT-ROOTS-NOT: Wallocguard]
// UNIT-NONE-NOT: Wallocguard

// ROOTS:      effects-two-units.c:25:3: warning: alloc_free function 'on_note' calls 'free', which deallocates [-Wallocguard-dealloc]
// ROOTS-NEXT: effects-two-units.c:25:8: warning: alloc_free function 'on_note' may allocate: call to 'voice_label' reaches 'strdup' [-Wallocguard]
// ROOTS-NEXT: effects-two-units.c:20:38: note: 'voice_label' calls 'copy_label'
// ROOTS-NEXT: effects-two-units.c:19:52: note: 'copy_label' calls 'strdup', which allocates
// ROOTS-NEXT: allocguard-report: 1 alloc_free root, 1 reaches the heap: 1 allocation, 1 deallocation; 0 calls could not be followed
// ROOTS-NEXT: exit status 1

// NONE: allocguard-report: 0 alloc_free roots, 0 reach the heap; 0 calls could not be followed
// NONE-NEXT: exit status 0
