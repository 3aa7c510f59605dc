// RUN: %clang -g -O0 %agload -mllvm -allocguard-caret=off -c %s -o /dev/null 2>&1 | FileCheck %s
// RUN: %clang -g -O2 %agload -mllvm -allocguard-caret=off -c %s -o /dev/null 2>&1 | FileCheck %s
// Character I/O allocates the stream's buffer on first use, as fread and
// fwrite do: Lua's luaL_loadfilex allocates through its first getc (seen
// by the real-code suite). The _unlocked forms are calls of their own, or
// reach __uflow/__overflow through glibc's macros.
#define _GNU_SOURCE
#include <allocguard.h>
#include <stdio.h>

ALLOCGUARD_ALLOC_FREE int root(FILE *in, FILE *out) {
  int c = getc(in);
  // CHECK: stdio-char-io.c:[[@LINE-1]]:11: warning: alloc_free function 'root' calls 'getc', which allocates (stdio allocates the stream buffer on first use) [-Wallocguard]
  c += fgetc(in);
  // CHECK-NEXT: stdio-char-io.c:[[@LINE-1]]:8: warning: {{.*}} calls 'fgetc', which allocates
  putc(c, out);
  // CHECK-NEXT: stdio-char-io.c:[[@LINE-1]]:3: warning: {{.*}} calls 'putc', which allocates
  ungetc(c, in);
  // CHECK-NEXT: stdio-char-io.c:[[@LINE-1]]:3: warning: {{.*}} calls 'ungetc', which allocates
  c += getc_unlocked(in);
  // CHECK-NEXT: stdio-char-io.c:[[@LINE-1]]:8: warning: {{.*}} calls '{{__uflow|getc_unlocked}}', which allocates
  putc_unlocked(c, out);
  // CHECK-NEXT: stdio-char-io.c:[[@LINE-1]]:3: warning: {{.*}} calls '{{__overflow|putc_unlocked}}', which allocates
  return c;
}
// CHECK-NOT: warning
