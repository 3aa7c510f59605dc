// RUN: %clangxx -g -O0 %agload -mllvm -allocguard-caret=off -c %s -o %t.o 2>&1 | FileCheck %s
// RUN: %clangxx -g -O2 %agload -mllvm -allocguard-caret=off -c %s -o %t.o 2>&1 | FileCheck %s
// RUN: llvm-objcopy --dump-section=.allocguard.summary=%t.sum %t.o
// RUN: %python %S/Inputs/decode_summary.py %t.sum | FileCheck --check-prefix=SUM %s
// RUN: %clangxx -g -O0 -fno-rtti %agload -mllvm -allocguard-caret=off -c %s -o %t.nortti.o 2>&1 | FileCheck --check-prefix=NORTTI %s
// Intent: a virtual call may call the overriders in its static class and
// its subclasses, not every function of its type in the same slot of any
// vtable: a same-signature override in the same slot of an unrelated
// hierarchy (Logger, Tag) is no candidate, one two levels down (Reverb) is;
// through the second base of a class with multiple inheritance (Named ->
// Chorus) the this-adjusting thunk is; a call through a member pointer
// and through `this` find their class too (a sibling's override is no
// candidate of a call on `this`); the note names the class. Built with
// -fno-rtti, vtables name no class: every vtable's slot is a candidate,
// and the note says why.
#include <allocguard.h>
#include <stdlib.h>
#include <string.h>

struct Effect {
  virtual ~Effect() {}
  virtual void process(float *buf, int n) = 0;
};
struct Filter : Effect {
  void process(float *buf, int n) override { buf[0] = 0; }
};
struct Reverb : Filter {
  void process(float *buf, int n) override { tail = (float *)malloc(n); }
  float *tail = nullptr;
};

/* Unrelated: the same slots, the same function types. */
struct Logger {
  virtual ~Logger() {}
  virtual void process(float *buf, int n) = 0;
};
struct FileLogger : Logger {
  void process(float *buf, int n) override { line = strdup("x"); }
  char *line = nullptr;
};

struct Named {
  virtual const char *name() const = 0;
};
struct Chorus : Effect, Named {
  void process(float *buf, int n) override {}
  const char *name() const override { return strdup("chorus"); }
};
struct Tag {
  virtual const char *name() const { return (const char *)calloc(1, 8); }
};

struct Chain {
  Effect *first;
  void run(float *buf);
};

void make(Effect **out, Named **named, Logger **log, Tag **tag) {
  out[0] = new Filter;
  out[1] = new Reverb;
  Chorus *c = new Chorus;
  out[2] = c;
  *named = c;
  *log = new FileLogger;
  *tag = new Tag;
}

ALLOCGUARD_ALLOC_FREE void render(Effect &e, Named &n, float *buf) {
  e.process(buf, 64);
  n.name();
}
// CHECK: icall-vclass.cpp:[[@LINE-3]]:5: warning: alloc_free function 'render(Effect&, Named&, float*)' may allocate: call to 'Reverb::process(float*, int)' through a virtual call on 'Effect' reaches 'malloc' [-Wallocguard]
// CHECK-NEXT: icall-vclass.cpp:28:62: note: 'Reverb::process(float*, int)' calls 'malloc', which allocates
// CHECK: icall-vclass.cpp:[[@LINE-4]]:5: warning: alloc_free function 'render(Effect&, Named&, float*)' may allocate: call to 'non-virtual thunk to Chorus::name() const' through a virtual call on 'Named' reaches 'strdup' [-Wallocguard]
// CHECK-NEXT: note: 'non-virtual thunk to Chorus::name() const' calls 'Chorus::name() const'
// CHECK-NEXT: icall-vclass.cpp:47:46: note: 'Chorus::name() const' calls 'strdup', which allocates

ALLOCGUARD_ALLOC_FREE void Chain::run(float *buf) { first->process(buf, 8); }
// CHECK: icall-vclass.cpp:[[@LINE-1]]:60: warning: alloc_free function 'Chain::run(float*)' may allocate: call to 'Reverb::process(float*, int)' through a virtual call on 'Effect' reaches 'malloc' [-Wallocguard]

/* Through `this`: Reverb is Mixer's sibling, not its subclass. */
struct Mixer : Filter {
  void mix(float *buf);
};
ALLOCGUARD_ALLOC_FREE void Mixer::mix(float *buf) { process(buf, 4); }
Effect *make_mixer() { return new Mixer; }
// CHECK-NOT: FileLogger
// CHECK-NOT: calloc
// CHECK-NOT: warning

// SUM-DAG: call render(Effect&, Named&, float*) virtual - {{.*}} type=void(p,p,i32) field=vslot:6Effect:2
// SUM-DAG: call render(Effect&, Named&, float*) virtual - {{.*}} type=p(p) field=vslot:5Named:0
// SUM-DAG: call Chain::run(float*) virtual - {{.*}} field=vslot:6Effect:2
// SUM-DAG: target Reverb::process(float*, int) void(p,p,i32) vslot:6Reverb:2
// SUM-DAG: target FileLogger::process(float*, int) void(p,p,i32) vslot:10FileLogger:2
// SUM-DAG: target non-virtual thunk to Chorus::name() const p(p) vslot:6Chorus:0
// SUM-DAG: flow vslot:6Filter:2 <- vslot:6Reverb:2
// SUM-DAG: flow vslot:6Effect:2 <- vslot:6Filter:2
// SUM-DAG: flow vslot:5Named:0 <- vslot:6Chorus:0
// SUM-DAG: call Mixer::mix(float*) virtual - {{.*}} field=vslot:5Mixer:2
// SUM-DAG: flow vslot:2 <- vslot:10FileLogger:2
// SUM-DAG: name vslot:6Effect:2 = Effect

// NORTTI-DAG: icall-vclass.cpp:69:5: warning: alloc_free function 'render(Effect&, Named&, float*)' may allocate: call to 'FileLogger::process(float*, int)' through a virtual call on 'Effect' (slot 2 of any vtable: none with RTTI in this translation unit is of 'Effect' or a subclass) reaches 'strdup' [-Wallocguard]
// NORTTI-DAG: icall-vclass.cpp:69:5: warning: alloc_free function 'render(Effect&, Named&, float*)' may allocate: call to 'Reverb::process(float*, int)' through a virtual call on 'Effect' (slot 2 of any vtable: none with RTTI in this translation unit is of 'Effect' or a subclass) reaches 'malloc' [-Wallocguard]
