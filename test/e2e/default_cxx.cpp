// RUN: %clangxx -g -O0 %agload %s %rt_static -lpthread -o %t.O0 2>/dev/null
// RUN: env ALLOCGUARD_OPTIONS=mode=log:dealloc=0 %t.O0 2>&1 | FileCheck %s
// RUN: %clangxx -g -O2 %agload %s %rt_static -lpthread -o %t.O2 2>/dev/null
// RUN: env ALLOCGUARD_OPTIONS=mode=log:dealloc=0 %t.O2 2>&1 | FileCheck %s
// RUN: %clangxx -g -O2 %agload %s %rt_shared -Wl,-rpath,%rt_dir -lpthread -o %t.shared 2>/dev/null
// RUN: env ALLOCGUARD_OPTIONS=mode=log:dealloc=0 %t.shared 2>&1 | FileCheck %s
// Intent: built the documented way, C++ allocations below a root are
// violations at -O0 and -O2: std::vector's (operator new in a header
// template, a checked call), std::string concatenation's (operator new
// inside libstdc++.so, caught by the interposer the runtime links in), a
// virtual call's, a throw's (__cxa_allocate_exception) and a lambda's.

#include <allocguard.h>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

static void *volatile sink;
std::string prefix = "a prefix long enough to live on the heap: ";

struct Shape {
  virtual ~Shape() {}
  virtual void *scratch() = 0;
};
struct Square : Shape {
  void *scratch() override { return std::malloc(48); }
};
Shape *volatile shape = new Square;

ALLOCGUARD_ALLOC_FREE size_t root(const char *which) {
  size_t r = 0;
  if (!std::strcmp(which, "vector")) {
    std::vector<long> v;
    v.push_back(1);
    r = v.size();
  } else if (!std::strcmp(which, "string")) {
    std::string s = prefix + which;
    r = s.size();
  } else if (!std::strcmp(which, "virtual")) {
    sink = shape->scratch();
    std::free(sink);
  } else if (!std::strcmp(which, "throw")) {
    try {
      throw 42;
    } catch (int e) {
      r = (size_t)e;
    }
  } else if (!std::strcmp(which, "lambda")) {
    auto make = [](size_t n) { return std::calloc(n, 2); };
    sink = make(10);
    std::free(sink);
  }
  return r;
}

int main() {
  static const char *const cases[] = {"vector", "string", "virtual", "throw",
                                      "lambda"};
  for (const char *c : cases) {
    std::fprintf(stderr, "case %s\n", c);
    root(c);
  }
  std::fprintf(stderr, "done\n");
  return 0;
}

// Each report names the root; one in a library or a header is followed by
// the frames up to the line in the root that led there (user code).
// CHECK-NOT: ERROR
// CHECK-LABEL: case vector
// CHECK-NEXT: ERROR: allocguard: allocation in alloc_free scope: operator new(unsigned long) (8 bytes) at {{.*}}; root root(char const*) at {{.*}}default_cxx.cpp:32{{$}}
// CHECK: in root(char const*) {{.*}}default_cxx.cpp:36:{{[0-9]+}} <- user code
// CHECK-LABEL: case string
// CHECK-NEXT: ERROR: allocguard: allocation in alloc_free scope: operator new(unsigned long) ({{[0-9]+}} bytes) called from {{.*}}+0x{{[0-9a-f]+}}{{.*}}; root root(char const*) at {{.*}}default_cxx.cpp:32{{$}}
// CHECK: in root(char const*) {{.*}}default_cxx.cpp:39:{{[0-9]+}} <- user code
// CHECK: ERROR: allocguard: allocation in alloc_free scope: operator new(unsigned long) ({{[0-9]+}} bytes) called from libstdc++.so.6+0x{{[0-9a-f]+}}
// CHECK: in root(char const*) {{.*}}default_cxx.cpp:39:{{[0-9]+}} <- user code
// CHECK-LABEL: case virtual
// CHECK-NEXT: ERROR: allocguard: allocation in alloc_free scope: malloc(48 bytes) at {{.*}}default_cxx.cpp:28:37 in Square::scratch(); root root(char const*) at {{.*}}default_cxx.cpp:32{{$}}
// CHECK-LABEL: case throw
// CHECK-NEXT: ERROR: allocguard: allocation in alloc_free scope: __cxa_allocate_exception(4 bytes) at {{.*}}default_cxx.cpp:46:7 in root(char const*); root root(char const*) at {{.*}}default_cxx.cpp:32{{$}}
// CHECK-LABEL: case lambda
// CHECK-NEXT: ERROR: allocguard: allocation in alloc_free scope: calloc(20 bytes) at {{.*}}default_cxx.cpp:51:39 in root(char const*)::{{.*}}operator()(unsigned long) const; root root(char const*) at {{.*}}default_cxx.cpp:32{{$}}
// CHECK-NEXT: done
// CHECK-NOT: {{.}}
