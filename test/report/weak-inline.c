// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: cd %S && %clang -g %agload -c Inputs/weak_a.c -o %t/weak_a.o 2>/dev/null && cd %t
// RUN: cd %S && %clang -g %agload -c Inputs/weak_b.c -o %t/weak_b.o 2>/dev/null && cd %t
// RUN: cd %S && %clang -g %agload -c Inputs/strong.c -o %t/strong.o 2>/dev/null && cd %t
// RUN: cd %S && %clangxx -g %agload -c Inputs/inline_a.cpp -o %t/inline_a.o 2>/dev/null && cd %t
// RUN: cd %S && %clangxx -g %agload -c Inputs/inline_b.cpp -o %t/inline_b.o 2>/dev/null && cd %t
// RUN: cd %S && %clang -g %agload -c Inputs/dup_a.c -o %t/dup_a.o 2>/dev/null && cd %t
// RUN: cd %S && %clang -g %agload -c Inputs/dup_b.c -o %t/dup_b.o 2>/dev/null && cd %t
// RUN: not %agreport --source-root=%S weak_b.o weak_a.o 2>&1 | FileCheck --check-prefix=WEAK %s
// RUN: not %agreport --source-root=%S weak_a.o weak_b.o 2>&1 | FileCheck --check-prefix=WEAK %s
// RUN: %agreport --source-root=%S weak_b.o strong.o weak_a.o 2>&1 | FileCheck --check-prefix=STRONG %s
// RUN: not %agreport --source-root=%S --format=json inline_b.o inline_a.o > inline.json
// RUN: %python %S/Inputs/check_report.py %S/../../docs/report-schema.json inline.json | FileCheck --check-prefix=INLINE %s
// RUN: not %agreport --source-root=%S --json=dup.json dup_b.o dup_a.o 2>&1 | FileCheck --check-prefix=DUP %s
// RUN: FileCheck --check-prefix=DUPJSON %s < dup.json
// Intent: weak and inline (linkonce) definitions seen in several units are
// one function: the first by unit order is kept whatever the input order,
// a strong definition replaces weak ones, and two strong definitions give a
// warning naming both units (the first is kept).

// Both roots reach malloc through the one pool_get kept, weak_a.c's:
// WEAK: Inputs/weak_a.c:7:45: warning: alloc_free function 'render_a' may allocate: call to 'pool_get' reaches 'malloc' [-Wallocguard]
// WEAK-NEXT: Inputs/weak_a.c:5:57: note: 'pool_get' calls 'malloc', which allocates
// WEAK-NEXT: Inputs/weak_b.c:7:45: warning: alloc_free function 'render_b' may allocate: call to 'pool_get' reaches 'malloc' [-Wallocguard]
// WEAK-NEXT: Inputs/weak_a.c:5:57: note: 'pool_get' calls 'malloc', which allocates
// WEAK-NEXT: allocguard-report: 2 alloc_free roots, 2 reach the heap: 2 allocations
// WEAK-NOT: calloc

// STRONG-NOT: warning
// STRONG: allocguard-report: 2 alloc_free roots, 0 reach the heap
// STRONG-NOT: warning

// One make_buf node, reached from both roots, its operator new found once per root:
// INLINE: root name_a() fail new=1/0/0 baselined=0 suppressed=0
// INLINE-NEXT: root name_b() fail new=1/0/0 baselined=0 suppressed=0
// INLINE-NEXT: finding allocation new root=name_a() callee=operator new(unsigned long) path=name_a()@Inputs/inline_a.cpp:5:47 -> make_buf(unsigned long)@Inputs/inline.h:5:47
// INLINE-NEXT: finding allocation new root=name_b() callee=operator new(unsigned long) path=name_b()@Inputs/inline_b.cpp:5:47 -> make_buf(unsigned long)@Inputs/inline.h:5:47
// INLINE-NEXT: summary roots=2 failing=2 gate=fail

// DUP: allocguard-report: warning: 'log_event' is defined in both Inputs/dup_a.c and Inputs/dup_b.c; using the definition in Inputs/dup_a.c
// DUP: Inputs/dup_b.c:6:49: warning: alloc_free function 'on_event' may allocate: call to 'log_event' reaches 'malloc' [-Wallocguard]
// DUP-NEXT: Inputs/dup_a.c:5:33: note: 'log_event' calls 'malloc', which allocates
// DUPJSON: "warnings": [
// DUPJSON-NEXT: "'log_event' is defined in both Inputs/dup_a.c and Inputs/dup_b.c; using the definition in Inputs/dup_a.c"
