// RUN: printf '# third-party audio library\nlib_voice_new allocates the voice pool grows\nlib_voice_free deallocates\nlib_render alloc_free\n' > %t.kb
// RUN: %clang -g %agload -mllvm -allocguard-caret=off -mllvm -allocguard-kb=%t.kb -c %s -o /dev/null 2>&1 | FileCheck %s
// RUN: %python -c "import sys; sys.stdout.write('#' + 'x' * 5000 + '\r\nlib_voice_new allocates the voice pool grows\r\nlib_voice_free deallocates\r\nlib_render alloc_free')" > %t.long.kb
// RUN: %clang -g %agload -mllvm -allocguard-caret=off -mllvm -allocguard-kb=%t.long.kb -c %s -o /dev/null 2>&1 | FileCheck %s
// RUN: %clang -g %agload -mllvm -allocguard-caret=off -c %s -o /dev/null 2>&1 | FileCheck --check-prefix=NOKB %s
// Users teach allocguard about prebuilt libraries with a knowledge-base
// file instead of editing the tool; a file with a comment longer than
// 4 KB, CRLF line ends and no final newline reads the same.
#include <allocguard.h>

extern void *lib_voice_new(int);
extern void lib_voice_free(void *);
extern void lib_render(float *, int);

ALLOCGUARD_ALLOC_FREE void root(float *out) {
  void *v = lib_voice_new(1);
  lib_render(out, 64);
  lib_voice_free(v);
}
// CHECK: kb-file.c:16:13: warning: alloc_free function 'root' calls 'lib_voice_new', which allocates (the voice pool grows) [-Wallocguard]
// CHECK-NEXT: kb-file.c:18:3: warning: alloc_free function 'root' calls 'lib_voice_free', which deallocates [-Wallocguard-dealloc]
// CHECK-NOT: warning
// NOKB-COUNT-3: which allocguard cannot see into
