// RUN: %clangxx -std=c++17 -g -O0 %agload -mllvm -allocguard-instrument=all %s %rt_static -lpthread -o %t 2>/dev/null
// RUN: env ALLOCGUARD_OPTIONS=mode=log %t 2>&1 | FileCheck %s
// RUN: %clangxx -std=c++17 -g -O2 %agload -mllvm -allocguard-instrument=all %s %rt_static -lpthread -o %t.O2 2>/dev/null
// RUN: env ALLOCGUARD_OPTIONS=mode=log %t.O2 2>&1 | FileCheck %s
// RUN: not --crash %t 2>&1 | FileCheck %s --check-prefix=ABORT
// RUN: rm -rf %t.nopath && mkdir %t.nopath
// RUN: env PATH=%t.nopath ALLOCGUARD_OPTIONS=mode=log %t 2>&1 | FileCheck %s --check-prefix=NOSYM
// RUN: env ALLOCGUARD_OPTIONS=mode=log:symbolizer=%t.nopath/llvm-symbolizer %t 2>&1 | FileCheck %s --check-prefix=BADSYM
// Intent: every report names the root whose scope is open, and the line of
// the user's code that led to the allocation: for allocations inside
// libstdc++'s templates (make_unique, vector::push_back, reached directly,
// three helpers down, through a virtual call or inside a lambda) the
// frames after the report's line lead from the header to the user's line,
// marked "<- user code", at -O0 and with everything inlined at -O2; a
// throw is named at its own line. Without a symbolizer the report says so
// once and shows module+offset frames; the abort line comes first.

#include <allocguard.h>
#include <cstdio>
#include <memory>
#include <vector>

struct Node {
  int v;
};

ALLOCGUARD_ALLOC_FREE int make_node(int v) {
  auto n = std::make_unique<Node>(Node{v});
  return n->v;
}
// CHECK: ERROR: allocguard: allocation in alloc_free scope: operator new(unsigned long) (4 bytes) at {{.*}} in {{.*}}make_unique<Node{{.*}}; root make_node(int) at {{.*}}report_user_frame.cpp:[[@LINE-4]]{{$}}
// CHECK-NOT: ERROR
// CHECK: {{^}}    #{{[0-9]+}} 0x{{[0-9a-f]+}} in make_node(int) {{.*}}report_user_frame.cpp:[[@LINE-5]]:{{[0-9]+}} <- user code{{$}}
// ABORT: ERROR: allocguard: allocation in alloc_free scope: operator new(unsigned long) (4 bytes) at {{.*}} in {{.*}}make_unique<Node{{.*}}; root make_node(int) at {{.*}}report_user_frame.cpp:[[@LINE-7]]{{$}}
// ABORT-NEXT: {{^}}    #0 0x{{[0-9a-f]+}} in {{.*}}make_unique{{.*}}
// ABORT: {{^}}    #{{[0-9]+}} 0x{{[0-9a-f]+}} in make_node(int) {{.*}}report_user_frame.cpp:[[@LINE-8]]:{{[0-9]+}} <- user code{{$}}
// ABORT-NOT: allocguard
// NOSYM: ERROR: allocguard: allocation in alloc_free scope: operator new(unsigned long) (4 bytes) at {{.*}}; root make_node(int) at {{.*}}report_user_frame.cpp:[[@LINE-11]]{{$}}
// NOSYM-NEXT: =={{[0-9]+}}==allocguard: no symbolizer found (llvm-symbolizer, llvm-symbolizer-NN or addr2line on PATH, or symbolizer=PATH); frames are shown as module+offset (said once){{$}}
// NOSYM-NEXT: {{^}}    #0 0x{{[0-9a-f]+}} ({{.*}}report_user_frame.cpp.tmp+0x{{[0-9a-f]+}}){{$}}
// NOSYM-NOT: no symbolizer
// BADSYM: ERROR: allocguard: allocation in alloc_free scope: operator new(unsigned long) (4 bytes)
// BADSYM-NEXT: =={{[0-9]+}}==allocguard: cannot run symbolizer={{.*}}nopath/llvm-symbolizer; frames are shown as module+offset (said once){{$}}
// BADSYM-NOT: symbolizer

std::vector<int> samples;

ALLOCGUARD_ALLOC_FREE void record(int v) {
  samples.push_back(v);
}
// CHECK: ERROR: allocguard: allocation in alloc_free scope: operator new(unsigned long) (4 bytes) at {{.*}} in {{.*}}allocate{{.*}}; root record(int) at {{.*}}report_user_frame.cpp:[[@LINE-3]]{{$}}
// CHECK-NOT: ERROR
// CHECK: {{^}}    #{{[0-9]+}} 0x{{[0-9a-f]+}} in record(int) {{.*}}report_user_frame.cpp:[[@LINE-4]]:{{[0-9]+}} <- user code{{$}}

// A helper three calls down, whose allocation is in a template.
__attribute__((noinline)) void level3(std::vector<long> &v) {
  v.reserve(8);
}
__attribute__((noinline)) void level2(std::vector<long> &v) { level3(v); }
__attribute__((noinline)) void level1(std::vector<long> &v) { level2(v); }

ALLOCGUARD_ALLOC_FREE void deep(std::vector<long> &v) { level1(v); }
// CHECK: ERROR: allocguard: allocation in alloc_free scope: operator new(unsigned long) (64 bytes) at {{.*}}; root deep(std::vector<long{{.*}}>&) at {{.*}}report_user_frame.cpp:[[@LINE-1]]{{$}}
// CHECK-NOT: ERROR
// CHECK: {{^}}    #{{[0-9]+}} 0x{{[0-9a-f]+}} in level3(std::vector<long{{.*}}>&) {{.*}}report_user_frame.cpp:[[@LINE-8]]:{{[0-9]+}} <- user code{{$}}

// A virtual call the optimizer cannot resolve.
struct Shape {
  virtual ~Shape() = default;
  virtual int area() const = 0;
};
struct Grid : Shape {
  int area() const override {
    std::vector<short> cells(16); // a type of its own: log mode reports a
                                  // site (here vector<short>'s) once
    return (int)cells.size();
  }
};
Grid grid;
Shape *volatile shape = &grid;

ALLOCGUARD_ALLOC_FREE int measure() { return shape->area(); }
// CHECK: ERROR: allocguard: allocation in alloc_free scope: operator new(unsigned long) (32 bytes) at {{.*}}; root measure() at {{.*}}report_user_frame.cpp:[[@LINE-1]]{{$}}
// CHECK-NOT: ERROR
// CHECK: {{^}}    #{{[0-9]+}} 0x{{[0-9a-f]+}} in Grid::area() const {{.*}}report_user_frame.cpp:[[@LINE-11]]:{{[0-9]+}} <- user code{{$}}

// A lambda: the user's line is in its body.
ALLOCGUARD_ALLOC_FREE int apply(int v) {
  auto boxed = [](int x) { return std::make_unique<long>(x); };
  return (int)*boxed(v);
}
// CHECK: ERROR: allocguard: allocation in alloc_free scope: operator new(unsigned long) (8 bytes) at {{.*}}; root apply(int) at {{.*}}report_user_frame.cpp:[[@LINE-4]]{{$}}
// CHECK-NOT: ERROR
// CHECK: {{^}}    #{{[0-9]+}} 0x{{[0-9a-f]+}} in {{.*}} {{.*}}report_user_frame.cpp:[[@LINE-5]]:{{[0-9]+}} <- user code{{$}}

// A throw: the exception is allocated at the user's own line.
ALLOCGUARD_ALLOC_FREE int check(int v) {
  if (v < 0)
    throw v;
  return v;
}
// CHECK: ERROR: allocguard: allocation in alloc_free scope: __cxa_allocate_exception(4 bytes) at {{.*}}report_user_frame.cpp:[[@LINE-3]]:5 in check(int); root check(int) at {{.*}}report_user_frame.cpp:[[@LINE-5]]{{$}}
// CHECK-NOT: {{^}}    #

int main() {
  int r = make_node(1);
  record(2);
  std::vector<long> v;
  deep(v);
  r += measure() + apply(3);
  try {
    check(-1);
  } catch (int) {
    r += 1;
  }
  std::fprintf(stderr, "done %d\n", r);
  return 0;
}
// CHECK: done 21
