// RUN: %clang -std=c2x -g -fplugin=%agplugin -Xclang -disable-llvm-passes -Wno-unknown-attributes -S -emit-llvm %s -o %t.ll
// RUN: FileCheck --check-prefix=IR-%effects %s < %t.ll
// RUN: %opt -load=%agplugin -load-pass-plugin=%agplugin -passes='default<O0>' -allocguard-caret=off -disable-output %t.ll 2>&1 | FileCheck --allow-empty --check-prefix=%effects %s
// RUN: %opt -load=%agplugin -load-pass-plugin=%agplugin -passes='default<O0>' -allocguard-effects=off -disable-output %t.ll 2>&1 | count 0
// Intent: the frontend part marks a nonblocking function in the IR (an
// llvm.global.annotations entry), and the plugin, which loads that part
// only into clang, still loads into opt and finds the root there (-load
// too: opt 14 parses options before it loads -load-pass-plugin); clang 14
// marks nothing.
#include <stdlib.h>

// IR-ROOTS: @[[STR:[^ ]+]] = {{.*}}c"allocguard_effect_root\00"
// IR-ROOTS: @llvm.global.annotations = {{.*}}{ ptr @tick, ptr @[[STR]],
// IR-NONE-NOT: allocguard_effect_root
// ROOTS: effects-opt.c:[[@LINE+3]]:47: warning: alloc_free function 'tick' calls 'malloc', which allocates [-Wallocguard]
// ROOTS-NEXT: effects-opt.c:[[@LINE+2]]:42: warning: alloc_free function 'tick' calls 'free', which deallocates [-Wallocguard-dealloc]
// NONE-NOT: Wallocguard
void tick(void) [[clang::nonblocking]] { free(malloc(4)); }
