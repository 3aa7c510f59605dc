// RUN: %clangxx -std=c++17 -g -O0 -fsized-deallocation %agload -mllvm -allocguard-caret=off -c %s -o /dev/null 2>&1 | FileCheck %s
// RUN: %clangxx -std=c++17 -g -O2 -fsized-deallocation %agload -mllvm -allocguard-caret=off -c %s -o /dev/null 2>&1 | FileCheck %s
// Every Itanium operator new/delete variant and a throw are found in a root.
#include <allocguard.h>
#include <cstddef>
#include <new>

ALLOCGUARD_ALLOC_FREE void root(std::size_t n, void **out) {
  std::align_val_t al = std::align_val_t(64);
  out[0] = ::operator new(n);
  // CHECK: cxx-new-delete.cpp:[[@LINE-1]]:12: warning: alloc_free function 'root(unsigned long, void**)' calls 'operator new(unsigned long)', which allocates [-Wallocguard]
  out[1] = ::operator new[](n);
  // CHECK-NEXT: :[[@LINE-1]]:12: warning: {{.*}} calls 'operator new[](unsigned long)', which allocates
  out[2] = ::operator new(n, std::nothrow);
  // CHECK-NEXT: :[[@LINE-1]]:12: warning: {{.*}} calls 'operator new(unsigned long, std::nothrow_t const&)', which allocates
  out[3] = ::operator new[](n, std::nothrow);
  // CHECK-NEXT: :[[@LINE-1]]:12: warning: {{.*}} calls 'operator new[](unsigned long, std::nothrow_t const&)', which allocates
  out[4] = ::operator new(n, al);
  // CHECK-NEXT: :[[@LINE-1]]:12: warning: {{.*}} calls 'operator new(unsigned long, std::align_val_t)', which allocates
  out[5] = ::operator new[](n, al);
  // CHECK-NEXT: :[[@LINE-1]]:12: warning: {{.*}} calls 'operator new[](unsigned long, std::align_val_t)', which allocates
  out[6] = ::operator new(n, al, std::nothrow);
  // CHECK-NEXT: :[[@LINE-1]]:12: warning: {{.*}} calls 'operator new(unsigned long, std::align_val_t, std::nothrow_t const&)', which allocates
  out[7] = ::operator new[](n, al, std::nothrow);
  // CHECK-NEXT: :[[@LINE-1]]:12: warning: {{.*}} calls 'operator new[](unsigned long, std::align_val_t, std::nothrow_t const&)', which allocates
  ::operator delete(out[0]);
  // CHECK-NEXT: :[[@LINE-1]]:3: warning: {{.*}} calls 'operator delete(void*)', which deallocates [-Wallocguard-dealloc]
  ::operator delete[](out[1]);
  // CHECK-NEXT: :[[@LINE-1]]:3: warning: {{.*}} calls 'operator delete[](void*)', which deallocates
  ::operator delete(out[0], n);
  // CHECK-NEXT: :[[@LINE-1]]:3: warning: {{.*}} calls 'operator delete(void*, unsigned long)', which deallocates
  ::operator delete[](out[1], n);
  // CHECK-NEXT: :[[@LINE-1]]:3: warning: {{.*}} calls 'operator delete[](void*, unsigned long)', which deallocates
  ::operator delete(out[4], al);
  // CHECK-NEXT: :[[@LINE-1]]:3: warning: {{.*}} calls 'operator delete(void*, std::align_val_t)', which deallocates
  ::operator delete[](out[5], al);
  // CHECK-NEXT: :[[@LINE-1]]:3: warning: {{.*}} calls 'operator delete[](void*, std::align_val_t)', which deallocates
  ::operator delete(out[4], n, al);
  // CHECK-NEXT: :[[@LINE-1]]:3: warning: {{.*}} calls 'operator delete(void*, unsigned long, std::align_val_t)', which deallocates
  ::operator delete[](out[5], n, al);
  // CHECK-NEXT: :[[@LINE-1]]:3: warning: {{.*}} calls 'operator delete[](void*, unsigned long, std::align_val_t)', which deallocates
  ::operator delete(out[2], std::nothrow);
  // CHECK-NEXT: :[[@LINE-1]]:3: warning: {{.*}} calls 'operator delete(void*, std::nothrow_t const&)', which deallocates
  ::operator delete[](out[3], std::nothrow);
  // CHECK-NEXT: :[[@LINE-1]]:3: warning: {{.*}} calls 'operator delete[](void*, std::nothrow_t const&)', which deallocates
  ::operator delete(out[6], al, std::nothrow);
  // CHECK-NEXT: :[[@LINE-1]]:3: warning: {{.*}} calls 'operator delete(void*, std::align_val_t, std::nothrow_t const&)', which deallocates
  ::operator delete[](out[7], al, std::nothrow);
  // CHECK-NEXT: :[[@LINE-1]]:3: warning: {{.*}} calls 'operator delete[](void*, std::align_val_t, std::nothrow_t const&)', which deallocates
  if (!n)
    throw 42;
  // CHECK-NEXT: :[[@LINE-1]]:5: warning: {{.*}} calls '__cxa_allocate_exception', which allocates (a throw allocates its exception object)
}

// new-expressions lower to the same symbols; inside try they are invokes.
ALLOCGUARD_ALLOC_FREE int expressions() {
  int *p = new int(1);
  // CHECK: :[[@LINE-1]]:12: warning: alloc_free function 'expressions()' calls 'operator new(unsigned long)', which allocates
  int *q = nullptr;
  try {
    q = new int[4];
    // CHECK-NEXT: :[[@LINE-1]]:9: warning: alloc_free function 'expressions()' calls 'operator new[](unsigned long)', which allocates
  } catch (...) {
    return -1;
  }
  // Leaving the handler frees the exception object.
  // CHECK-NEXT: :[[@LINE-2]]:{{[0-9]+}}: warning: {{.*}} calls '__cxa_end_catch', which deallocates
  delete p;
  // CHECK-NEXT: :[[@LINE-1]]:3: warning: {{.*}} calls 'operator delete(void*{{(, unsigned long)?}})', which deallocates
  delete[] q;
  // CHECK-NEXT: :[[@LINE-1]]:3: warning: {{.*}} calls 'operator delete[](void*)', which deallocates
  return 0;
}
// CHECK-NOT: warning: alloc_free
