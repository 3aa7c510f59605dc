// RUN: rm -rf %t && mkdir -p %t
// RUN: env ALLOCGUARD_ROOTS=on_block %agclang -g %s -o %t/env 2>&1 | FileCheck %s --check-prefix=COMPILE
// RUN: not --crash %t/env 2>&1 | FileCheck %s --check-prefix=ABORT
// RUN: %agclang -g --allocguard-roots=on_block --allocguard-instrument=all -c %s -o %t/opt.o 2>&1 | FileCheck %s --check-prefix=COMPILE
// RUN: %agclang %t/opt.o -o %t/opt
// RUN: env ALLOCGUARD_OPTIONS=mode=log %t/opt 2>&1 | FileCheck %s --check-prefixes=ABORT,LOG
// RUN: not env ALLOCGUARD_ROOTS=main %agclang -g --allocguard-roots=on_block -mllvm -allocguard-severity=error -c %s -o %t/both.o 2>&1 | FileCheck %s --check-prefixes=BOTH
// RUN: env ALLOCGUARD_INSTRUMENT=off %agclang -g -mllvm -allocguard-roots=on_block %s -o %t/off 2>&1 | FileCheck %s --check-prefix=COMPILE
// RUN: %t/off | FileCheck %s --check-prefix=OFF
// RUN: %agclang -g %s -o %t/none 2>&1 | count 0
// RUN: %t/none | FileCheck %s --check-prefix=OFF
// Intent: a root named by ALLOCGUARD_ROOTS, --allocguard-roots or -mllvm
// -allocguard-roots given to allocguard-clang is reported at compile time
// and checked at run time with the runtime the driver linked; settings add
// up (a list from the environment and the command line) and the command
// line's -mllvm form is read like --allocguard-* (clang would refuse an
// option given twice); without a root nothing is reported.

#include <stdio.h>
#include <stdlib.h>

void *on_block(size_t n) { return malloc(n); }
// COMPILE: run.c:22:35: warning: alloc_free function 'on_block' calls 'malloc', which allocates [{{(-Werror,)?}}-Wallocguard]
// BOTH-DAG: run.c:22:35: error: alloc_free function 'on_block' calls 'malloc', which allocates [{{(-Werror,)?}}-Wallocguard]

int main(void) {
  void *p = on_block(12);
  printf("done\n");
  free(p);
  return 0;
}
// BOTH-DAG: run.c:27:13: error: alloc_free function 'main' may allocate: call to 'on_block' reaches 'malloc' [{{(-Werror,)?}}-Wallocguard]
// ABORT: ERROR: allocguard: allocation in alloc_free scope: malloc(12 bytes) at {{.*}}run.c:22:35 in on_block; root on_block
// LOG: done
// OFF: done
