// RUN: %clangxx -g -O0 %agload -mllvm -allocguard-caret=off -c %s -o /dev/null 2>&1 | FileCheck %s
// RUN: %clangxx -g -O2 %agload -mllvm -allocguard-caret=off -c %s -o /dev/null 2>&1 | FileCheck %s
// Virtual calls are reported as such, apart from plain indirect calls.
#include <allocguard.h>

struct Processor {
  virtual ~Processor();
  virtual void process(float *buf, int n) = 0;
  virtual float gain() const = 0;
};

ALLOCGUARD_ALLOC_FREE void run(Processor &p, float *buf, void (*hook)()) {
  p.process(buf, 64);
  // CHECK: virtual-calls.cpp:[[@LINE-1]]:5: warning: alloc_free function 'run(Processor&, float*, void (*)())' makes a virtual call that allocguard cannot follow (no function of type 'void (ptr, ptr, i32)' is in vtable slot 2 of this translation unit) [-Wallocguard-unknown]
  buf[0] *= p.gain();
  // CHECK-NEXT: virtual-calls.cpp:[[@LINE-1]]:15: warning: {{.*}} makes a virtual call
  hook();
  // CHECK-NEXT: virtual-calls.cpp:[[@LINE-1]]:3: warning: {{.*}} makes an indirect call
}
// CHECK-NOT: warning
