// REQUIRES: several-llvm
// RUN: rm -rf %t && mkdir %t
// RUN: %clang_oldest -g -O0 %agload_oldest -c %S/icall-tables.c -o %t/old-tables.o 2>/dev/null
// RUN: %clang_newest -g -O0 %agload_newest -c %S/icall-tables.c -o %t/new-tables.o 2>/dev/null
// RUN: %clang_oldest -g -O0 %agload_oldest -c %S/icall-methods-copy.c -o %t/old-methods.o 2>/dev/null
// RUN: %clang_newest -g -O0 %agload_newest -c %S/icall-methods-copy.c -o %t/new-methods.o 2>/dev/null
// RUN: %clang_oldest -g -O2 %agload_oldest -c %S/icall-struct-field.c -o %t/old-field.o 2>/dev/null
// RUN: %clang_newest -g -O2 %agload_newest -c %S/icall-struct-field.c -o %t/new-field.o 2>/dev/null
// RUN: %clangxx_oldest -g -O0 %agload_oldest -c %S/icall-virtual.cpp -o %t/old-virtual.o 2>/dev/null
// RUN: %clangxx_newest -g -O0 %agload_newest -c %S/icall-virtual.cpp -o %t/new-virtual.o 2>/dev/null
// RUN: %clang_oldest -g -O0 %agload_oldest -c %s -o %t/old-self.o 2>/dev/null
// RUN: %clang_newest -g -O0 %agload_newest -c %s -o %t/new-self.o 2>/dev/null
// RUN: llvm-objcopy --dump-section=.allocguard.summary=%t/old-tables.sum %t/old-tables.o
// RUN: %python %S/Inputs/decode_summary.py %t/old-tables.sum | grep -E '^(target|flow|name) |type=' > %t/old-tables.keys
// RUN: llvm-objcopy --dump-section=.allocguard.summary=%t/new-tables.sum %t/new-tables.o
// RUN: %python %S/Inputs/decode_summary.py %t/new-tables.sum | grep -E '^(target|flow|name) |type=' > %t/new-tables.keys
// RUN: diff %t/old-tables.keys %t/new-tables.keys
// RUN: llvm-objcopy --dump-section=.allocguard.summary=%t/old-methods.sum %t/old-methods.o
// RUN: %python %S/Inputs/decode_summary.py %t/old-methods.sum | grep -E '^(target|flow|name) |type=' > %t/old-methods.keys
// RUN: llvm-objcopy --dump-section=.allocguard.summary=%t/new-methods.sum %t/new-methods.o
// RUN: %python %S/Inputs/decode_summary.py %t/new-methods.sum | grep -E '^(target|flow|name) |type=' > %t/new-methods.keys
// RUN: diff %t/old-methods.keys %t/new-methods.keys
// RUN: llvm-objcopy --dump-section=.allocguard.summary=%t/old-field.sum %t/old-field.o
// RUN: %python %S/Inputs/decode_summary.py %t/old-field.sum | grep -E '^(target|flow|name) |type=' > %t/old-field.keys
// RUN: llvm-objcopy --dump-section=.allocguard.summary=%t/new-field.sum %t/new-field.o
// RUN: %python %S/Inputs/decode_summary.py %t/new-field.sum | grep -E '^(target|flow|name) |type=' > %t/new-field.keys
// RUN: diff %t/old-field.keys %t/new-field.keys
// RUN: llvm-objcopy --dump-section=.allocguard.summary=%t/old-virtual.sum %t/old-virtual.o
// RUN: %python %S/Inputs/decode_summary.py %t/old-virtual.sum | grep -E '^(target|flow|name) |type=' > %t/old-virtual.keys
// RUN: llvm-objcopy --dump-section=.allocguard.summary=%t/new-virtual.sum %t/new-virtual.o
// RUN: %python %S/Inputs/decode_summary.py %t/new-virtual.sum | grep -E '^(target|flow|name) |type=' > %t/new-virtual.keys
// RUN: diff %t/old-virtual.keys %t/new-virtual.keys
// RUN: llvm-objcopy --dump-section=.allocguard.summary=%t/old-self.sum %t/old-self.o
// RUN: %python %S/Inputs/decode_summary.py %t/old-self.sum | grep -E '^(target|flow|name) |type=' > %t/old-self.keys
// RUN: llvm-objcopy --dump-section=.allocguard.summary=%t/new-self.sum %t/new-self.o
// RUN: %python %S/Inputs/decode_summary.py %t/new-self.sum | grep -E '^(target|flow|name) |type=' > %t/new-self.keys
// RUN: diff %t/old-self.keys %t/new-self.keys
// RUN: %clang_oldest -O0 %agload_oldest -c %s -o %t/old-nodebug.o 2>/dev/null
// RUN: %clang_newest -O0 %agload_newest -c %s -o %t/new-nodebug.o 2>/dev/null
// RUN: llvm-objcopy --dump-section=.allocguard.summary=%t/old-nodebug.sum %t/old-nodebug.o
// RUN: llvm-objcopy --dump-section=.allocguard.summary=%t/new-nodebug.sum %t/new-nodebug.o
// RUN: %python %S/Inputs/decode_summary.py %t/old-nodebug.sum | grep -E '^(target|flow) |type=' > %t/old-nodebug.keys
// RUN: %python %S/Inputs/decode_summary.py %t/new-nodebug.sum | grep -E '^(target|flow) |type=' > %t/new-nodebug.keys
// RUN: diff %t/old-nodebug.keys %t/new-nodebug.keys
// RUN: cat %t/new-self.keys | FileCheck %s
// RUN: cat %t/new-nodebug.keys | FileCheck %s
// Intent: the oldest and newest configured clang (LLVM 14's typed pointers,
// 22's opaque ones and folded all-zero GEPs) give identical call keys,
// targets, flows and names for the same sources, so units built by
// different compilers resolve against each other, with and without debug
// info (which names the struct a padded global was declared as).
#include <stddef.h>

struct inner { void *(*get)(size_t); int pad; };
struct outer { struct inner first; void (*put)(void *); };
extern void *my_get(size_t);
extern void my_put(void *);
struct outer table = {{my_get, 0}, my_put}; /* first field: a zero GEP */

void *use(size_t n) {
  void *p = table.first.get(n); /* 22 folds this load to @table itself */
  table.put(p);
  return p;
}
// CHECK-DAG: call use indirect - {{.*}} type=p(i64) field=struct:struct.inner#0
// CHECK-DAG: call use indirect - {{.*}} type=void(p) field=struct:struct.outer#1
// CHECK-DAG: target my_get p(i64) struct:struct.inner#0
// CHECK-DAG: target my_put void(p) struct:struct.outer#1
