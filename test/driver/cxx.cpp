// RUN: rm -rf %t && mkdir -p %t
// RUN: %agclangxx -g -O1 -c %s -o %t/app.o 2>&1 | FileCheck %s --check-prefix=COMPILE
// RUN: %agclangxx -### %t/app.o -o %t/app 2>&1 | FileCheck %s --check-prefix=LINK
// RUN: %agclangxx %t/app.o -o %t/app
// RUN: env ALLOCGUARD_OPTIONS=mode=log %t/app 2>&1 | FileCheck %s --check-prefix=EXEC
// Intent: allocguard-clang++ runs clang++ with the plugin and links the
// runtime with its C++ interposers after the objects and before
// libstdc++: the operator new the plugin rewrote and the one std::string
// makes inside libstdc++ (built without the plugin) are both caught in a
// root.
#include <allocguard.h>
#include <cstdio>
#include <string>

ALLOCGUARD_ALLOC_FREE int process(int n) {
  int *p = new int(n);
  std::string s(40, 'x');
  int r = *p + (int)s.size();
  delete p;
  return r;
}

int main() {
  std::printf("%d\n", process(2));
  return 0;
}
// COMPILE: cxx.cpp:16:12: warning: alloc_free function 'process(int)' calls 'operator new(unsigned long)', which allocates [-Wallocguard]
// LINK: "{{[^"]*}}app.o" "{{[^"]*}}liballocguard_rt.a" "-lpthread"
// LINK-SAME: "-lstdc++"
// EXEC: ERROR: allocguard: allocation in alloc_free scope: operator new(unsigned long) (4 bytes) at {{.*}}cxx.cpp:16:12 in process(int); root process(int)
// EXEC: ERROR: allocguard: allocation in alloc_free scope: operator new(unsigned long) ({{[0-9]+}} bytes) called from libstdc++.so{{[.0-9]*}}+0x{{[0-9a-f]+}} {{.*}}; root process(int)
// EXEC: 42
