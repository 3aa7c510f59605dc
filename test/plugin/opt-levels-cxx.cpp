// RUN: %clangxx -std=c++17 -g -O0 %agload -mllvm -allocguard-caret=off -c %s -o /dev/null 2> %t.O0
// RUN: %clangxx -std=c++17 -g -O1 %agload -mllvm -allocguard-caret=off -c %s -o /dev/null 2> %t.O1
// RUN: %clangxx -std=c++17 -g -O2 %agload -mllvm -allocguard-caret=off -c %s -o /dev/null 2> %t.O2
// RUN: %clangxx -std=c++17 -g -O3 %agload -mllvm -allocguard-caret=off -c %s -o /dev/null 2> %t.O3
// RUN: %clangxx -std=c++17 -g -Os %agload -mllvm -allocguard-caret=off -c %s -o /dev/null 2> %t.Os
// RUN: %clangxx -std=c++17 -g -O2 -flto %agload -mllvm -allocguard-caret=off -c %s -o /dev/null 2> %t.lto
// RUN: %clangxx -std=c++17 -g -O2 -flto=thin %agload -mllvm -allocguard-caret=off -c %s -o /dev/null 2> %t.thin
// RUN: FileCheck %s < %t.O0
// RUN: diff %t.O0 %t.O1
// RUN: diff %t.O0 %t.O2
// RUN: diff %t.O0 %t.O3
// RUN: diff %t.O0 %t.Os
// RUN: diff %t.O0 %t.lto
// RUN: diff %t.O0 %t.thin
// C++ findings do not depend on -O or LTO either, including through
// templates and std::unique_ptr.
#include <allocguard.h>
#include <memory>

template <typename T> struct Pool {
  std::unique_ptr<T> make() { return std::unique_ptr<T>(new T()); }
};

ALLOCGUARD_ALLOC_FREE int root() {
  Pool<int> pool;
  auto p = pool.make();
  return *p;
}
// CHECK: opt-levels-cxx.cpp:26:17: warning: alloc_free function 'root()' may allocate: call to 'Pool<int>::make()' reaches 'operator new(unsigned long)' [-Wallocguard]
// CHECK-NEXT: opt-levels-cxx.cpp:21:57: note: 'Pool<int>::make()' calls 'operator new(unsigned long)', which allocates
// CHECK: warning: alloc_free function 'root()' may deallocate: {{.*}} reaches 'operator delete(void*{{.*}})' [-Wallocguard-dealloc]
// CHECK: note: 'std::default_delete<int>::operator()(int*) const' calls 'operator delete(void*{{.*}})', which deallocates
