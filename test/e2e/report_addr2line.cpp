// REQUIRES: addr2line
// RUN: %clangxx -g -O2 %agload -mllvm -allocguard-instrument=all %s %rt_static -lpthread -o %t 2>/dev/null
// RUN: env ALLOCGUARD_OPTIONS=mode=log:symbolizer=%addr2line %t 2>&1 | FileCheck %s
// Intent: with addr2line as the symbolizer (what the runtime falls back to
// when no llvm-symbolizer is on PATH) the frames after a report are named
// too, inlined calls included, and the user's line is marked; addr2line
// gives no columns.

#include <allocguard.h>
#include <vector>

std::vector<int> samples;

ALLOCGUARD_ALLOC_FREE void record(int v) {
  samples.push_back(v);
}
// CHECK: ERROR: allocguard: allocation in alloc_free scope: operator new(unsigned long) (4 bytes) at {{.*}}; root record(int) at {{.*}}report_addr2line.cpp:[[@LINE-3]]{{$}}
// CHECK-NEXT: {{^}}    #0 0x{{[0-9a-f]+}} in {{.*}}allocate{{.*}} {{.*}}new_allocator.h:{{[0-9]+}}{{$}}
// CHECK: {{^}}    #{{[0-9]+}} 0x{{[0-9a-f]+}} in record(int) {{.*}}report_addr2line.cpp:[[@LINE-4]] <- user code{{$}}

int main() {
  record(1);
  return samples.size() == 1 ? 0 : 1;
}
