// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: cd %S && %clangxx -g %agload -c unknown-calls.cpp -o %t/u.o 2>/dev/null && cd %t
// RUN: cd %S && %clang -g %agload -c Inputs/pool.c -o %t/pool.o 2>/dev/null && cd %t
// RUN: not %agreport --source-root=%S --format=json -o r.json u.o pool.o
// RUN: %python %S/Inputs/check_report.py %S/../../docs/report-schema.json r.json | FileCheck %s
// RUN: not %agreport --source-root=%S u.o pool.o | FileCheck --check-prefix=TEXT %s
// RUN: not %agreport --source-root=%S --no-unknown u.o pool.o | FileCheck --check-prefix=HIDDEN %s
// RUN: sh -c '%agreport --source-root=%S -DONLY_UNKNOWN u.o pool.o > /dev/null; echo "exit status $?"' 2>&1 | FileCheck --check-prefix=BADOPT %s
// RUN: cd %S && %clangxx -g %agload -DONLY_UNKNOWN -c unknown-calls.cpp -o %t/only.o 2>/dev/null && cd %t
// RUN: sh -c '%agreport --source-root=%S only.o pool.o > /dev/null; echo "exit status $?"' | FileCheck --check-prefix=GATE %s
// Intent: calls allocguard cannot follow (virtual, indirect, external
// functions no unit defines) are listed separately and never fail the gate;
// an external call that another unit defines is followed, and a function
// marked ALLOCGUARD_ALLOCATOR where it is defined is an allocation for
// callers in every unit.
#include <allocguard.h>
#include <stddef.h>

extern "C" void *pool_alloc(size_t n);
extern "C" void library_call(void);
extern "C" void helper_defined_elsewhere(void);

struct Voice {
  virtual void render() = 0;
};

ALLOCGUARD_ALLOC_FREE void process(Voice *v, void (*hook)()) {
  v->render();
  hook();
  library_call();
  helper_defined_elsewhere();
#ifndef ONLY_UNKNOWN
  pool_alloc(8);
#endif
}

// CHECK: root process(Voice*, void (*)()) fail new=1/0/3 baselined=0 suppressed=0
// CHECK-NEXT: finding allocation new root=process(Voice*, void (*)()) callee=pool_alloc path=process(Voice*, void (*)())@unknown-calls.cpp:33:3
// CHECK-NEXT: unknown virtual new root=process(Voice*, void (*)()) callee=None path=process(Voice*, void (*)())@unknown-calls.cpp:28:6
// CHECK-NEXT: unknown indirect new root=process(Voice*, void (*)()) callee=None path=process(Voice*, void (*)())@unknown-calls.cpp:29:3
// CHECK-NEXT: unknown external new root=process(Voice*, void (*)()) callee=library_call path=process(Voice*, void (*)())@unknown-calls.cpp:30:3
// CHECK-NEXT: summary roots=1 failing=1 gate=fail

// TEXT: unknown-calls.cpp:33:3: warning: alloc_free function 'process(Voice*, void (*)())' calls 'pool_alloc', which allocates [-Wallocguard]
// TEXT-NEXT: unknown-calls.cpp:28:6: warning: alloc_free function 'process(Voice*, void (*)())' makes a virtual call that allocguard cannot follow (no function of type 'void (ptr)' is in vtable slot 0 of any input) [-Wallocguard-unknown]
// TEXT-NEXT: unknown-calls.cpp:29:3: warning: alloc_free function 'process(Voice*, void (*)())' makes an indirect call that allocguard cannot follow (no function of type 'void ()' has its address taken in any input) [-Wallocguard-unknown]
// TEXT-NEXT: unknown-calls.cpp:30:3: warning: alloc_free function 'process(Voice*, void (*)())' calls 'library_call', which allocguard cannot see into (not defined in any input and not in its knowledge base) [-Wallocguard-unknown]
// TEXT-NEXT: allocguard-report: 1 alloc_free root, 1 reaches the heap: 1 allocation; 3 calls could not be followed

// HIDDEN: warning: alloc_free function 'process(Voice*, void (*)())' calls 'pool_alloc', which allocates [-Wallocguard]
// HIDDEN-NEXT: allocguard-report: 1 alloc_free root, 1 reaches the heap: 1 allocation; 3 calls could not be followed (not listed: --no-unknown){{$}}

// BADOPT: error: unknown option '-DONLY_UNKNOWN'
// GATE: exit status 0
