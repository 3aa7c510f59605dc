// RUN: %clang -g -O2 -D_FORTIFY_SOURCE=2 %agload -mllvm -allocguard-caret=off -c %s -o /dev/null 2> %t.fortify
// RUN: %clang -g -O2 -U_FORTIFY_SOURCE %agload -mllvm -allocguard-caret=off -c %s -o /dev/null 2> %t.plain
// RUN: FileCheck %s < %t.fortify
// RUN: FileCheck --check-prefix=QUIET %s < %t.fortify
// RUN: FileCheck --check-prefix=PLAIN %s < %t.plain
// RUN: FileCheck --check-prefix=QUIET %s < %t.plain
// Intent: with -D_FORTIFY_SOURCE=2 -O2 glibc's headers turn memcpy,
// memset, strcpy, sprintf and snprintf into __memcpy_chk, __memset_chk,
// __strcpy_chk, __sprintf_chk and __snprintf_chk, and printf into
// __printf_chk: the checked forms are as allocation-free as the plain ones
// (none is an unknown call), and __printf_chk allocates as printf does.
#include <allocguard.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

char line[32];

ALLOCGUARD_ALLOC_FREE void render(const char *name, size_t n, int voice) {
  memcpy(line, name, n);
  memset(line, ' ', n);
  strcpy(line, name);
  sprintf(line, "%d", voice);
  snprintf(line, n, "v%d", voice);
  line[0] = (char)lrintf(sinf((float)voice));
}

ALLOCGUARD_ALLOC_FREE void show(int voice) { printf("voice %d\n", voice); }
// CHECK: fortify-libc.c:[[@LINE-1]]:46: warning: alloc_free function 'show' calls '__printf_chk', which allocates (stdio allocates the stream buffer on first use) [-Wallocguard]
// PLAIN: fortify-libc.c:[[@LINE-2]]:46: warning: alloc_free function 'show' calls 'printf', which allocates (stdio allocates the stream buffer on first use) [-Wallocguard]

// QUIET-NOT: 'render'
// QUIET-NOT: cannot see into
