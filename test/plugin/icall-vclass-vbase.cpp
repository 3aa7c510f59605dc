// RUN: %clangxx -g -O0 %agload -mllvm -allocguard-caret=off -mllvm -allocguard-dealloc=ignore -c %s -o %t.o 2>&1 | FileCheck %s
// RUN: %clangxx -g -O1 %agload -mllvm -allocguard-caret=off -mllvm -allocguard-dealloc=ignore -c %s -o %t.o 2>&1 | FileCheck %s
// Intent: with virtual inheritance (a diamond), a call on a class that
// reaches its method through a virtual base (Right -> Base) and a call on
// the virtual base itself both reach the final overrider in the most
// derived class, and not a same-signature method in the same slot of an
// unrelated class.
#include <allocguard.h>
#include <stdlib.h>
#include <string.h>

struct Base {
  virtual ~Base() {}
  virtual void run(int n) = 0;
};
struct Left : virtual Base {
  void run(int n) override {}
};
struct Right : virtual Base {
  virtual void other() {}
};
struct Diamond : Left, Right {
  void run(int n) override { free(malloc(n)); }
};
struct Unrelated {
  virtual ~Unrelated() {}
  virtual void run(int n) { free(strdup("x")); }
};
Base *make() { return new Diamond; }
Unrelated *make_unrelated() { return new Unrelated; }

ALLOCGUARD_ALLOC_FREE void on_right(Right &r, int n) { r.run(n); }
// CHECK: icall-vclass-vbase.cpp:[[@LINE-1]]:58: warning: alloc_free function 'on_right(Right&, int)' may allocate: call to 'Diamond::run(int)' through a virtual call on 'Right' reaches 'malloc' [-Wallocguard]
ALLOCGUARD_ALLOC_FREE void on_base(Base *b, int n) { b->run(n); }
// CHECK: icall-vclass-vbase.cpp:[[@LINE-1]]:57: warning: alloc_free function 'on_base(Base*, int)' may allocate: call to 'Diamond::run(int)' through a virtual call on 'Base' reaches 'malloc' [-Wallocguard]
// CHECK-NOT: strdup
// CHECK-NOT: warning
