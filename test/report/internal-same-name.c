// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: cd %S && %clang -g %agload -c Inputs/static_a.c -o %t/static_a.o 2>/dev/null && cd %t
// RUN: cd %S && %clang -g %agload -c Inputs/static_b.c -o %t/static_b.o 2>/dev/null && cd %t
// RUN: cd %S && %clang -g %agload -c Inputs/extern_helper.c -o %t/extern_helper.o 2>/dev/null && cd %t
// RUN: not %agreport --source-root=%S static_b.o extern_helper.o static_a.o | FileCheck %s
// RUN: not %agreport --source-root=%S --format=dot static_a.o static_b.o extern_helper.o | FileCheck --check-prefix=DOT %s
// Intent: static functions named `helper` in two units, and an external
// `helper` in a third, are three functions: each root reaches its own.

// CHECK: Inputs/static_a.c:7:43: warning: alloc_free function 'root_a' may allocate: call to 'helper' reaches 'strdup' [-Wallocguard]
// CHECK-NEXT: Inputs/static_a.c:5:36: note: 'helper' calls 'strdup', which allocates
// CHECK-NEXT: Inputs/static_b.c:11:43: warning: alloc_free function 'root_c' may deallocate: call to 'ext_helper_user' reaches 'free' [-Wallocguard-dealloc]
// CHECK-NEXT: Inputs/extern_helper.c:6:30: note: 'ext_helper_user' calls 'helper'
// CHECK-NEXT: Inputs/extern_helper.c:4:24: note: 'helper' calls 'free', which deallocates
// CHECK-NEXT: allocguard-report: 3 alloc_free roots, 2 reach the heap: 1 allocation, 1 deallocation
// CHECK-NOT: root_b

// Two distinct helper nodes on the violating paths:
// DOT-DAG: n[[A:[0-9]+]] [label="helper"];
// DOT-DAG: n[[E:[0-9]+]] [label="helper"];
// DOT-DAG: -> n[[A]] [label="Inputs/static_a.c:7:43"];
// DOT-DAG: -> n[[E]] [label="Inputs/extern_helper.c:6:30"];
