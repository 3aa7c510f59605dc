// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: %python %S/Inputs/make_summary.py %s mixed.sum SPEC
// RUN: not %agreport --source-root=/src mixed.sum | FileCheck --match-full-lines %s
// Intent: version 1 summaries are still read beside version 2 ones: their
// functions and calls merge as before, a version 2 unit's pointer may
// call a function a version 1 unit defines, and a version 1 unit's own
// indirect call (it carries no keys) stays unknown.

// SPEC: version 1
// SPEC: unit /src/old.c
// SPEC: fn old_root external root at=/src/old.c:1
// SPEC: fn old_alloc external at=/src/old.c:5
// SPEC: fn malloc declaration
// SPEC: call old_root indirect - at=/src/old.c:2:3
// SPEC: call old_alloc allocation malloc at=/src/old.c:6:3
// SPEC: version 2
// SPEC: unit /src/new.c
// SPEC: fn new_root external root at=/src/new.c:1
// SPEC: fn old_alloc declaration
// SPEC: call new_root indirect - at=/src/new.c:2:3 type=p(i64) field=global:pool_alloc_fn
// SPEC: target old_alloc type=p(i64) field=global:pool_alloc_fn

// CHECK:      new.c:2:3: warning: alloc_free function 'new_root' may allocate: call to 'old_alloc' through 'pool_alloc_fn' reaches 'malloc' [-Wallocguard]
// CHECK-NEXT: old.c:6:3: note: 'old_alloc' calls 'malloc', which allocates
// CHECK-NEXT: old.c:2:3: warning: alloc_free function 'old_root' makes an indirect call that allocguard cannot follow [-Wallocguard-unknown]
// CHECK-NEXT: allocguard-report: 2 alloc_free roots, 1 reaches the heap: 1 allocation; 1 call could not be followed
// CHECK-NOT: {{.}}
