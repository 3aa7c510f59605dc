// RUN: rm -rf %t && mkdir -p %t
// RUN: %agclang -g -c %s -o %t/a.o
// RUN: %agclang %t/a.o -o %t/a && %t/a
// RUN: %agclang -E %s | FileCheck %s --check-prefix=E-OUT
// RUN: %agclang -M %s | FileCheck %s --check-prefix=DEPS
// RUN: %agclang -MM %s | FileCheck %s --check-prefix=DEPS
// RUN: %agclang -MD -MF %t/a.d -c %s -o %t/md.o && FileCheck %s --check-prefix=DEPS < %t/a.d
// RUN: %agclang -S %s -o - | FileCheck %s --check-prefix=ASM
// RUN: %agclang -fsyntax-only %s 2>&1 | count 0
// RUN: %agclang -shared -fPIC %s -o %t/liba.so && llvm-nm -D %t/liba.so | FileCheck %s --check-prefix=DSO
// RUN: %agclang --version > %t/v.drv
// RUN: %clang --version > %t/v.clang
// RUN: cmp %t/v.drv %t/v.clang
// RUN: %agclang -dumpversion > %t/dv.drv && %clang -dumpversion > %t/dv.clang && cmp %t/dv.drv %t/dv.clang
// RUN: %agclang -### -c %s -o %t/a.o 2>&1 | FileCheck %s --check-prefixes=COMPILE,%drvload
// RUN: %agclang -### --allocguard-roots=render -c %s -o %t/a.o 2>&1 | FileCheck %s --check-prefix=MLLVM
// RUN: %agclang -### %t/a.o -o %t/a 2>&1 | FileCheck %s --check-prefix=LINKONLY
// RUN: %agclang -### %s -o %t/a 2>&1 | FileCheck %s --check-prefixes=COMPILE,LINK
// RUN: %agclang -### -shared -fPIC %s -o %t/liba.so 2>&1 | FileCheck %s --check-prefix=SHARED
// RUN: %agclang -### -nostdlib %t/a.o -o %t/a 2>&1 | FileCheck %s --check-prefix=NOLIBS
// RUN: echo '%t/a.o -o "%t/b"' > %t/link.rsp
// RUN: %agclang -### @%t/link.rsp 2>&1 | FileCheck %s --check-prefix=LINKONLY
// RUN: echo '-c %s -o %t/r.o' > %t/compile.rsp
// RUN: %agclang -### @%t/compile.rsp 2>&1 | FileCheck %s --check-prefixes=COMPILE,%drvload
// RUN: %agclang -### -E %s 2>&1 | FileCheck %s --check-prefix=PREPROCESS
// RUN: %agclang -### -fsyntax-only %s 2>&1 | FileCheck %s --check-prefix=PREPROCESS
// Intent: allocguard-clang adds the plugin (with -fplugin too where clang
// parses -mllvm before loading pass plugins), its settings and the include
// directory to what compiles, the runtime (static; shared for -shared) to
// what links, and nothing that clang would not use: no plugin to a link of
// objects or to -E and -fsyntax-only, no runtime to a compile-only command,
// also when the arguments are in a response file (@FILE, as CMake and make
// write long command lines);
// each kind of command works as it does with clang.

#include <allocguard.h>
#include <stdlib.h>

ALLOCGUARD_ALLOC_FREE void *render(int n) { return n > 100 ? malloc(4) : 0; }

int main(void) { return render(1) != 0; }

// COMPILE: "-cc1"
// COMPILE-SAME: "-I" "{{[^"]*}}include"
// FPLUGIN-SAME: "-load" "{{[^"]*}}allocguard-llvm{{[0-9]+}}.so"
// PASSONLY-NOT: "-load"
// COMPILE-SAME: "-fpass-plugin={{[^"]*}}allocguard-llvm{{[0-9]+}}.so"
// COMPILE-NOT: allocguard_rt
// LINK: "{{[^"]*}}liballocguard_rt.a" "-lpthread"

// MLLVM: "-cc1"
// MLLVM-SAME: "-mllvm" "-allocguard-roots=render"

// LINKONLY-NOT: -fpass-plugin
// LINKONLY: "{{[^"]*}}a.o" "{{[^"]*}}liballocguard_rt.a" "-lpthread"

// SHARED: "-fpass-plugin={{[^"]*}}"
// SHARED: "-shared"
// SHARED-SAME: "{{[^"]*}}liballocguard_rt.so" "-rpath" "{{[^"]*}}" "-lpthread"

// NOLIBS-NOT: allocguard_rt

// PREPROCESS: "-cc1"
// PREPROCESS-SAME: "-I" "{{[^"]*}}include"
// PREPROCESS-NOT: pass-plugin

// E-OUT: render(int n)
// DEPS: .o:
// DEPS: allocguard.h
// ASM: __allocguard_malloc
// DSO: U __allocguard_malloc
