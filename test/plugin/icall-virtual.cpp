// RUN: %clangxx -g -O0 %agload -mllvm -allocguard-caret=off -c %s -o %t.o 2>&1 | FileCheck %s
// RUN: %clangxx -g -O2 %agload -mllvm -allocguard-caret=off -c %s -o %t.o 2>&1 | FileCheck %s
// RUN: llvm-objcopy --dump-section=.allocguard.summary=%t.sum %t.o
// RUN: %python %S/Inputs/decode_summary.py %t.sum | FileCheck --check-prefix=SUM %s
// RUN: %python %S/Inputs/decode_summary.py %t.sum | FileCheck --check-prefix=NOPURE %s
// Intent: a virtual call reaches the overriders of its slot in its class
// and its subclasses (vtable slots keyed by class, the hierarchy as flows
// from each class's slots into its bases'): overriders two levels down, a
// pure virtual base (its __cxa_pure_virtual is no target), and a second
// base of a class with multiple inheritance, reached through its
// this-adjusting thunk.
#include <allocguard.h>
#include <stdlib.h>
#include <string.h>

struct Effect {
  virtual ~Effect() {}
  virtual void process(float *buf, int n) = 0;
  virtual int latency() const { return 0; }
};
struct Filter : Effect {
  void process(float *buf, int n) override { buf[0] = 0; }
};
struct Reverb : Filter {
  ~Reverb() override; /* out of line: at -O2 its D1 is an alias of D2 */
  void process(float *buf, int n) override { tail = (float *)malloc(n); }
  float *tail = nullptr;
};
Reverb::~Reverb() { tail = nullptr; }

struct Named {
  virtual const char *name() const = 0;
};
struct Chorus : Effect, Named {
  void process(float *buf, int n) override {}
  const char *name() const override { return strdup("chorus"); }
};

void make(Effect **out, Named **named) {
  out[0] = new Filter;
  out[1] = new Reverb;
  Chorus *c = new Chorus;
  out[2] = c;
  *named = c;
}

ALLOCGUARD_ALLOC_FREE void render(Effect &e, Named &n, float *buf) {
  e.process(buf, 64);
  n.name();
}
// CHECK: icall-virtual.cpp:[[@LINE-3]]:5: warning: alloc_free function 'render(Effect&, Named&, float*)' may allocate: call to 'Reverb::process(float*, int)' through a virtual call on 'Effect' reaches 'malloc' [-Wallocguard]
// CHECK-NEXT: icall-virtual.cpp:26:62: note: 'Reverb::process(float*, int)' calls 'malloc', which allocates
// CHECK: icall-virtual.cpp:[[@LINE-4]]:5: warning: alloc_free function 'render(Effect&, Named&, float*)' may allocate: call to 'non-virtual thunk to Chorus::name() const' through a virtual call on 'Named' reaches 'strdup' [-Wallocguard]
// CHECK-NEXT: note: 'non-virtual thunk to Chorus::name() const' calls 'Chorus::name() const'
// CHECK-NEXT: icall-virtual.cpp:36:46: note: 'Chorus::name() const' calls 'strdup', which allocates
// CHECK-NOT: warning

// SUM-DAG: call render(Effect&, Named&, float*) virtual - {{.*}} type=void(p,p,i32) field=vslot:6Effect:2
// SUM-DAG: call render(Effect&, Named&, float*) virtual - {{.*}} type=p(p) field=vslot:5Named:0
// SUM-DAG: target Filter::process(float*, int) void(p,p,i32) vslot:6Filter:2
// SUM-DAG: target Reverb::process(float*, int) void(p,p,i32) vslot:6Reverb:2
// SUM-DAG: target Reverb::~Reverb() void(p) vslot:6Reverb:1
// SUM-DAG: target Chorus::process(float*, int) void(p,p,i32) vslot:6Chorus:2
// SUM-DAG: target Effect::latency() const i32(p) vslot:6Effect:3
// SUM-DAG: target Chorus::name() const p(p) vslot:6Chorus:4
// SUM-DAG: target non-virtual thunk to Chorus::name() const p(p) vslot:6Chorus:0
// SUM-DAG: flow vslot:6Filter:2 <- vslot:6Reverb:2
// SUM-DAG: flow vslot:5Named:0 <- vslot:6Chorus:0
// SUM-DAG: name vslot:6Effect:2 = Effect
// NOPURE-NOT: __cxa_pure_virtual
