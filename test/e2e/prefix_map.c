// RUN: %clang -g -ffile-prefix-map=%S=SRCDIR %agload %s %rt_static -lpthread -o %t.g 2>/dev/null
// RUN: not --crash %t.g 2>&1 | FileCheck %s --check-prefix=LINES
// RUN: llvm-strings %t.g | not grep -F '%S/prefix_map.c'
// RUN: %clang -ffile-prefix-map=%S=SRCDIR %agload %s %rt_static -lpthread -o %t.nog 2>/dev/null
// RUN: not --crash %t.nog 2>&1 | FileCheck %s --check-prefix=NOLINES
// RUN: llvm-strings %t.nog | not grep -F '%S/prefix_map.c'
// Intent: -ffile-prefix-map (reproducible builds) applies to the file names
// allocguard embeds in the program: with -g the report shows the mapped
// name; without -g only the base name; either way the binary does not
// contain the build path.

#include <allocguard.h>
#include <stdlib.h>

ALLOCGUARD_ALLOC_FREE void *process(void) {
  return malloc(16);
}

int main(void) {
  free(process());
  return 0;
}

// LINES: ERROR: allocguard: allocation in alloc_free scope: malloc(16 bytes) at SRCDIR/prefix_map.c:[[@LINE-8]]:10 in process; root {{.+}}{{$}}
// Without -g the plugin cannot see the mapping, so it embeds the base name.
// NOLINES: ERROR: allocguard: allocation in alloc_free scope: malloc(16 bytes) at prefix_map.c in process (no line information: compile with -g); root {{.+}}{{$}}
